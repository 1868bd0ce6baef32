"""Zan's store: the SQLite schema (a public API), the loader and the queries.

The build is loaded only when asked for (``from db import build``): the site and the
answers (`db.queries`, `db.search`) import this package too, and must not load the build,
its process pool and the git readers with it (tests/test_layers.py).
"""

from __future__ import annotations

import importlib
from typing import Any

#: What this package exports -> the module that holds it, imported on first use.
EXPORTS = {"build": "db.load", "BuildSummary": "db.load", "CorpusNotFound": "db.corpus", "corpus_files": "db.corpus"}

__all__ = list(EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in EXPORTS:
        raise AttributeError(f"module 'db' has no attribute {name!r}")
    return getattr(importlib.import_module(EXPORTS[name]), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *EXPORTS])
