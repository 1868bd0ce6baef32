"""Zan's store: the SQLite schema (a public API), the loader and the queries."""

from .load import BuildSummary, CorpusNotFound, build, corpus_files

__all__ = ["build", "BuildSummary", "CorpusNotFound", "corpus_files"]
