"""Zan's Datasette site: the plugin (`zan_site.py`), its templates and static files,
and the settings `zan serve` starts Datasette with.

Datasette loads every ``*.py`` file of this folder as a plugin (``--plugins-dir``), this
one included, so this module holds plain data and functions only: no hooks, no relative
imports.
"""

from __future__ import annotations

import json
from pathlib import Path

PLUGINS_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PLUGINS_DIR / "templates"
STATIC_DIR = PLUGINS_DIR / "static"

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
        "plugins_dir": str(PLUGINS_DIR),
        "template_dir": str(TEMPLATES_DIR),
        "static_mounts": [("zan-static", str(STATIC_DIR))],
        "metadata": metadata(database),
        "settings": dict(SETTINGS),
    }
