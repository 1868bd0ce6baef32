"""Zan's parser: text of a Kazakh legal act in, plain dataclasses out.

The pipeline, one module per step:
``reader`` (bytes -> text) -> the source format (``formats``: ``structure`` or
``markdown`` cut the text into a ``layout`` of blocks, ``repair`` mends what PDF
extraction broke) -> ``notes`` / ``references`` / ``dates`` / ``temporal`` (amendments
and their dates) -> ``document`` (provisions, notes, the act).
Nothing here touches the file system, SQLite or Datasette: the store layer reads a
source and the files its format names (`db.sources`) and passes their text in.
"""

from __future__ import annotations

from pathlib import PurePath

from .document import build_document
from .formats import SourceFormat, format_named, format_of_text
from .languages import BANK_CODES, Language, get_language, language_of
from .markdown import meta_path_for
from .model import ParsedDocument, Problem
from .publications import Publications, read_publications
from .reader import decode_source

__all__ = ["parse_text", "parse_split", "parse_bytes", "meta_path_for", "language_hint", "ParsedDocument", "Publications", "read_publications"]


def parse_text(
    text: str,
    source_path: str = "<text>",
    publications: Publications | None = None,
    source_format: SourceFormat | str | None = None,
    meta_text: str | None = None,
    meta_path: str | None = None,
    lang: Language | str | None = None,
    parts: list[tuple[str, str | None]] | None = None,
) -> ParsedDocument:
    """Parse the text of one act. `source_format` (a `parser.formats` format or its name)
    defaults to the one that claims `source_path` and the text, then the plain-text
    format whose layout the text is in; `lang`
    to what the file name (``rus.md``) or the text says. A bank version's requisites come
    from its front matter or from `meta_text`, the ``meta.yaml`` beside it.

    `parts`: for the index of a split act, its part files as ``(display path, text)`` in
    the index's order (text None: the part could not be read); the index and its parts
    are read as one act (`parse_split`)."""
    fmt = _format(source_format, source_path, text)
    language = lang if not isinstance(lang, (str, type(None))) else get_language(lang or language_hint(source_path, text))
    reading = fmt.read_meta(text, source_path, meta_text, meta_path)
    layout, missing = None, []
    if parts:  # (a split act is cut here, with its parts; any other text by build_document)
        layout = fmt.segment(text, language, [(path, part) for path, part in parts if part is not None])
        missing = [Problem("warning", "part_missing", f"{path}: a part file the index links is not in the corpus; its units are missing from the act", None) for path, part in parts if part is None]
    document = build_document(text, source_path, publications, meta=reading.meta, source_format=fmt, lang=language, layout=layout)
    document.problems[:0] = missing
    if reading.meta is not None:
        document.problems[:0] = reading.meta.problems
    if document.version is not None:
        document.version.meta_path, document.version.meta_text = reading.path, reading.text
    return document


def parse_split(
    index_text: str,
    parts: list[tuple[str, str | None]],
    source_path: str = "<text>",
    publications: Publications | None = None,
    meta_text: str | None = None,
    meta_path: str | None = None,
    lang: Language | str | None = None,
) -> ParsedDocument:
    """One act from the index of a split act (``rus.md`` with its ``## Части документа``
    table) and its part files, already read: ``(display path, text)`` in the index's order,
    text None for a part that could not be read (a ``part_missing`` problem). Every unit
    keeps its lines in its own file (`Provision.source_file`). Pure."""
    return parse_text(index_text, source_path, publications, "zan_markdown", meta_text, meta_path, lang, parts=parts)


def parse_bytes(
    data: bytes,
    source_path: str,
    publications: Publications | None = None,
    meta_text: str | None = None,
    meta_path: str | None = None,
    parts: list[tuple[str, bytes | None]] | None = None,
) -> ParsedDocument:
    """Decode and parse one source file's bytes (and, for the index of a split act, its
    part files' bytes, ``(display path, bytes)``); unreadable input gives a document with
    no act and a problem saying why."""
    source = decode_source(data, source_path)
    if source.text is None:
        document = ParsedDocument(source_path=source_path, act=None, problems=source.problems)
    else:
        texts, problems = _decode_parts(parts or [])
        document = parse_text(source.text, source_path, publications, None, meta_text, meta_path, parts=texts or None)
        document.problems[:0] = problems
        document.problems[:0] = source.problems
    document.encoding, document.sha256, document.size = source.encoding, source.sha256, source.size
    return document


def _decode_parts(parts: list[tuple[str, bytes | None]]) -> tuple[list[tuple[str, str | None]], list[Problem]]:
    texts: list[tuple[str, str | None]] = []
    problems: list[Problem] = []
    for path, data in parts:
        if data is None:
            texts.append((path, None))
            continue
        decoded = decode_source(data, path)
        problems.extend(decoded.problems)
        texts.append((path, decoded.text))
    return texts, problems


def _format(source_format: SourceFormat | str | None, source_path: str, text: str) -> SourceFormat:
    if isinstance(source_format, SourceFormat):
        return source_format
    if source_format is not None:
        return format_named(source_format)
    return format_of_text(source_path, text)


def language_hint(source_path: str, text: str) -> str:
    """The language of a source: the bank names its files by it (``kaz.md``,
    ``rus@2020-08-10.md``); otherwise the letters of the text tell (`language_of`: a
    text they cannot tell, noise or no letters at all, is read as Kazakh)."""
    name = PurePath(source_path).stem.partition("@")[0].lower()
    return BANK_CODES.get(name) or language_of(text).CODE
