"""Zan's Datasette site: the plugin, its templates and static files, and the settings
`zan serve` starts Datasette with.

This package is the plugin: the ``datasette`` entry point in pyproject.toml names it, so a
plain `datasette laws.db` loads it too, and Datasette finds `templates/` and `static/`
beside this file (static files are served under ``/-/static-plugins/zan/``). The hooks
themselves live in `zan_site.py` and are re-exported here for Datasette to see.
"""

from __future__ import annotations

from .zan_site import extra_css_urls, prepare_connection, register_routes, render_cell

__all__ = ["extra_css_urls", "prepare_connection", "register_routes", "render_cell", "datasette_options", "metadata"]


#: Datasette settings for a public, read-only site.
SETTINGS = {
    "sql_time_limit_ms": 2000,
    "suggest_facets": "off",
    "default_page_size": 50,
}

TABLE_METADATA = {
    "acts": {
        "label_column": "title",
        "sort_desc": "adopted_on",
        "facets": ["status", "kind", "language"],
        "description": "One row per act in the corpus: its identity, dates, status and the basis of each.",
    },
    "provisions": {
        "label_column": "key",
        "sort": "position",
        "facets": ["kind"],
        "description": "Every structural unit of every act, in document order. raw_text is the source as printed.",
    },
    "notes": {
        "label_column": "target_text",
        "facets": ["target_status"],
        "description": "Every Ескерту note, verbatim, with the unit it names.",
    },
    "amendments": {
        "facets": ["action", "date_status", "parse_status"],
        "description": "One row per amending act named in a note; effective dates are exact, a window or unknown, with their basis.",
    },
    "problems": {
        "facets": ["severity", "kind"],
        "description": "Everything the build could not do, or doubted.",
    },
    "repairs": {"facets": ["kind"], "description": "Every change made to the printed text, with its source line."},
    "sources": {"description": "The source files the database was built from."},
}


def metadata(database: str) -> dict:
    """Site metadata for a database named `database` (the file name without `.db`)."""
    return {
        "title": "Zan — заң",
        "description": "Қазақстан Республикасының нормативтік құқықтық актілері: the acts, every amendment, any date.",
        "databases": {database: {"tables": TABLE_METADATA}},
    }


def datasette_options(database: str) -> dict:
    """Keyword arguments for `datasette.app.Datasette`, shared by `zan serve` and the tests."""
    return {
        "metadata": metadata(database),
        "settings": dict(SETTINGS),
    }
