"""Zan's parser: text of a Kazakh legal act in, plain dataclasses out.

The pipeline, one module per step:
``reader`` (bytes -> text) -> ``repair`` (what PDF extraction broke) -> ``structure``
(which lines form which unit) -> ``notes`` / ``references`` / ``dates`` / ``temporal``
(amendments and their dates) -> ``document`` (provisions, notes, the act).
Nothing here touches SQLite or Datasette.
"""

from __future__ import annotations

from pathlib import Path

from .document import build_document
from .model import ParsedDocument
from .publications import Publications, read_publications
from .reader import decode_source

__all__ = ["parse_text", "parse_bytes", "parse_file", "ParsedDocument", "Publications", "read_publications"]


def parse_text(text: str, source_path: str = "<text>", publications: Publications | None = None) -> ParsedDocument:
    """Parse the text of one act."""
    return build_document(text, source_path, publications)


def parse_bytes(data: bytes, source_path: str, publications: Publications | None = None) -> ParsedDocument:
    """Decode and parse one source file's bytes; unreadable input gives a document with
    no act and a problem saying why."""
    source = decode_source(data, source_path)
    if source.text is None:
        document = ParsedDocument(source_path=source_path, act=None, problems=source.problems)
    else:
        document = parse_text(source.text, source_path, publications)
        document.problems[:0] = source.problems
    document.encoding, document.sha256, document.size = source.encoding, source.sha256, source.size
    return document


def parse_file(path: str | Path, display_path: str | None = None, publications: Publications | None = None) -> ParsedDocument:
    """Read and parse one file."""
    return parse_bytes(Path(path).read_bytes(), display_path or str(path), publications)
