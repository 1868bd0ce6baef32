"""Zan's Datasette site: the plugin, its templates and static files, and the settings
it is served with (`db.publish`, shared with `zan serve`).

This package is the plugin: the ``datasette`` entry point in pyproject.toml names it, so a
plain `datasette laws.db` loads it too, and Datasette finds `templates/` and `static/`
beside this file (static files are served under ``/-/static-plugins/zan/``). The hooks
themselves live in `zan_site.py` and are re-exported here for Datasette to see.
"""

from __future__ import annotations

from db.publish import datasette_options, metadata

from .zan_site import extra_css_urls, handle_exception, prepare_connection, register_routes, render_cell, startup

__all__ = ["extra_css_urls", "handle_exception", "prepare_connection", "register_routes", "render_cell", "startup", "datasette_options", "metadata"]
