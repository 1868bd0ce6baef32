"""Zan's parser: text of a Kazakh legal act in, plain dataclasses out.

The pipeline, one module per step:
``reader`` (bytes -> text) -> ``repair`` (what PDF extraction broke) -> ``structure``
(which lines form which unit) -> ``notes`` / ``references`` / ``dates`` / ``temporal``
(amendments and their dates) -> ``document`` (provisions, notes, the act).
Nothing here touches SQLite or Datasette.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from .document import build_document
from .formats import SourceFormat, format_for, format_named
from .languages import BANK_CODES, Language, detect_language, get_language
from .markdown import VersionMeta, read_version_meta, split_front_matter
from .model import ParsedDocument
from .publications import Publications, read_publications
from .reader import decode_source

__all__ = ["parse_text", "parse_bytes", "parse_file", "meta_path_for", "meta_beside", "read_meta", "ParsedDocument", "Publications", "read_publications"]


def parse_text(
    text: str,
    source_path: str = "<text>",
    publications: Publications | None = None,
    source_format: SourceFormat | str | None = None,
    meta_text: str | None = None,
    meta_path: str | None = None,
    lang: Language | str | None = None,
) -> ParsedDocument:
    """Parse the text of one act. `source_format` (a `parser.formats` format or its name)
    defaults to the one that claims `source_path`, then the Adilet text export; `lang`
    to what the file name (``rus.md``) or the text says. A bank version's requisites come
    from its front matter or from `meta_text`, the ``meta.yaml`` beside it."""
    fmt = _format(source_format, source_path, text)
    language = lang if not isinstance(lang, (str, type(None))) else get_language(lang or language_hint(source_path, text))
    meta: VersionMeta | None = None
    if fmt.reads_meta:
        front_matter, _ = split_front_matter(text)
        if front_matter is not None:
            meta_text, meta_path = front_matter, source_path
        if meta_text is not None:
            meta = read_version_meta(meta_text, meta_path or source_path)
    document = build_document(text, source_path, publications, meta=meta, source_format=fmt, lang=language)
    if meta is not None:
        document.problems[:0] = meta.problems
    if document.version is not None:
        document.version.meta_path, document.version.meta_text = meta_path, meta_text
    return document


def parse_bytes(
    data: bytes,
    source_path: str,
    publications: Publications | None = None,
    meta_text: str | None = None,
    meta_path: str | None = None,
) -> ParsedDocument:
    """Decode and parse one source file's bytes; unreadable input gives a document with
    no act and a problem saying why."""
    source = decode_source(data, source_path)
    if source.text is None:
        document = ParsedDocument(source_path=source_path, act=None, problems=source.problems)
    else:
        document = parse_text(source.text, source_path, publications, None, meta_text, meta_path)
        document.problems[:0] = source.problems
    document.encoding, document.sha256, document.size = source.encoding, source.sha256, source.size
    return document


def _format(source_format: SourceFormat | str | None, source_path: str, text: str) -> SourceFormat:
    if isinstance(source_format, SourceFormat):
        return source_format
    if source_format is not None:
        return format_named(source_format)
    return format_for(source_path, text) or format_named("adilet_text")


def language_hint(source_path: str, text: str) -> str | None:
    """The language of a source: the bank names its files by it (``kaz.md``,
    ``rus@2020-08-10.md``); otherwise the letters of the text tell."""
    name = PurePath(source_path).stem.partition("@")[0].lower()
    return BANK_CODES.get(name) or detect_language(text)


def meta_path_for(path: Path) -> Path:
    """The bank's meta file beside a version: ``kaz@2020-08-10.md`` -> ``meta@2020-08-10.yaml``,
    ``kaz.md`` -> ``meta.yaml``."""
    _, at, date = path.stem.partition("@")
    return path.with_name(f"meta{at}{date}.yaml")


def meta_beside(path: Path) -> Path | None:
    """The meta file of a Markdown version, when there is one beside it."""
    fmt = format_for(path)
    if fmt is None or not fmt.reads_meta:
        return None
    meta = meta_path_for(path)
    return meta if meta.is_file() else None


def read_meta(path: Path) -> str:
    """A meta file's text (bytes that are not UTF-8 are replaced, and YAML then says
    what it cannot read)."""
    return path.read_bytes().decode("utf-8", errors="replace")


def parse_file(path: str | Path, display_path: str | None = None, publications: Publications | None = None) -> ParsedDocument:
    """Read and parse one file (a Markdown version with its meta file, if there is one)."""
    path = Path(path)
    display = display_path or str(path)
    meta = meta_beside(path)
    meta_text = read_meta(meta) if meta else None
    meta_display = str(Path(display).with_name(meta.name)) if meta else None
    return parse_bytes(path.read_bytes(), display, publications, meta_text, meta_display)
