"""Zan's Datasette site: the plugin, its templates and static files, and the settings
it is served with (`db.publish`, shared with `zan serve`).

This package is the plugin: the ``datasette`` entry point in pyproject.toml names it, so a
plain `datasette laws.db` loads it too, and Datasette finds `templates/` and `static/`
beside this file (static files are served under ``/-/static-plugins/zan/``). The hooks
themselves live in `zan_site.py` and are re-exported here for Datasette to see.
"""

from __future__ import annotations

from db.publish import datasette_options, metadata

from .zan_site import extra_css_urls, handle_exception, prepare_connection, prepare_jinja2_environment, register_routes, render_cell, startup

__all__ = ["extra_css_urls", "handle_exception", "prepare_connection", "prepare_jinja2_environment", "register_routes", "render_cell", "startup", "datasette_options", "metadata"]


def _register_complete() -> None:
    """Imported before Datasette's plugin manager, this package is registered by it while
    still half-imported (the manager loads entry points as `zan_site` imports Datasette),
    with none of its hooks: the routes then answer 404. Registered again, whole."""
    import sys

    from datasette.plugins import pm

    module = sys.modules[__name__]
    if pm.is_registered(module) and not pm.get_hookcallers(module):
        name = pm.get_name(module)
        pm.unregister(module)
        pm.register(module, name)


_register_complete()
