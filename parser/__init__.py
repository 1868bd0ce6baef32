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
from .languages import BANK_CODES, Language, get_language, language_of
from .markdown import VersionMeta, linked_parts, read_version_meta, segment_split_markdown, split_front_matter
from .model import ParsedDocument, Problem
from .publications import Publications, read_publications
from .reader import decode_source

__all__ = ["parse_text", "parse_split", "parse_bytes", "parse_file", "part_files", "read_parts", "meta_path_for", "meta_beside", "read_meta", "ParsedDocument", "Publications", "read_publications"]


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
    defaults to the one that claims `source_path`, then the Adilet text export; `lang`
    to what the file name (``rus.md``) or the text says. A bank version's requisites come
    from its front matter or from `meta_text`, the ``meta.yaml`` beside it.

    `parts`: for the index of a split act, its part files as ``(display path, text)`` in
    the index's order (text None: the part could not be read); the index and its parts
    are read as one act (`parse_split`)."""
    fmt = _format(source_format, source_path, text)
    language = lang if not isinstance(lang, (str, type(None))) else get_language(lang or language_hint(source_path, text))
    meta: VersionMeta | None = None
    if fmt.reads_meta:
        front_matter, _ = split_front_matter(text)
        if front_matter is not None:
            meta_text, meta_path = front_matter, source_path
        if meta_text is not None:
            meta = read_version_meta(meta_text, meta_path or source_path)
    layout, missing = None, []
    if parts:
        layout = segment_split_markdown(text, [(path, part) for path, part in parts if part is not None], language)
        missing = [Problem("warning", "part_missing", f"{path}: a part file the index links is not in the corpus; its units are missing from the act", None) for path, part in parts if part is None]
    document = build_document(text, source_path, publications, meta=meta, source_format=fmt, lang=language, layout=layout)
    document.problems[:0] = missing
    if meta is not None:
        document.problems[:0] = meta.problems
    if document.version is not None:
        document.version.meta_path, document.version.meta_text = meta_path, meta_text
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
    return format_for(source_path, text) or format_named("adilet_text")


def language_hint(source_path: str, text: str) -> str:
    """The language of a source: the bank names its files by it (``kaz.md``,
    ``rus@2020-08-10.md``); otherwise the letters of the text tell (`language_of`: a
    text they cannot tell, noise or no letters at all, is read as Kazakh)."""
    name = PurePath(source_path).stem.partition("@")[0].lower()
    return BANK_CODES.get(name) or language_of(text).CODE


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


def linked_part_paths(index_path: Path, index_text: str | None = None) -> list[Path]:
    """Every part file the index of a split act links (``rus/ch015.md``), present or not;
    only paths inside the act's folder (the index's own folder) are taken."""
    fmt = format_for(index_path)
    if fmt is None or not fmt.reads_meta:
        return []
    if index_text is None:
        index_text = index_path.read_bytes().decode("utf-8", errors="replace")
    folder = index_path.parent.resolve()
    paths = []
    for link in linked_parts(index_text):
        target = (index_path.parent / link).resolve()
        if folder in target.parents:
            paths.append(index_path.parent / link)
    return paths


def part_files(index_path: str | Path) -> list[Path]:
    """The part files of a split act that its index ``rus.md`` / ``kaz.md`` links and that
    exist inside the act's folder, in the index's order; [] for any other file. A loader
    reads these with their index (`parse_file`) and never as documents of their own."""
    index_path = Path(index_path)
    if not index_path.is_file() or not _may_be_index(index_path):
        return []
    return [path for path in linked_part_paths(index_path) if path.is_file()]


def _may_be_index(path: Path) -> bool:
    """Only a bank text with a folder of parts beside it (``rus.md`` and ``rus/``) is read
    to look for links: the walk of a large corpus reads nothing else twice."""
    return path.with_suffix("").is_dir()


def parse_file(path: str | Path, display_path: str | None = None, publications: Publications | None = None) -> ParsedDocument:
    """Read and parse one file (a Markdown version with its meta file, if there is one;
    the index of a split act with the part files it links)."""
    path = Path(path)
    display = display_path or str(path)
    meta = meta_beside(path)
    meta_text = read_meta(meta) if meta else None
    meta_display = str(Path(display).with_name(meta.name)) if meta else None
    data = path.read_bytes()
    parts = read_parts(path, display, data)
    return parse_bytes(data, display, publications, meta_text, meta_display, parts or None)


def read_parts(path: Path, display_path: str, data: bytes | None = None) -> list[tuple[str, bytes | None]]:
    """The part files an index links, as ``(display path, bytes)`` (None: not there)."""
    if not _may_be_index(path) and not linked_parts((data or b"").decode("utf-8", errors="replace")):
        return []
    text = (data if data is not None else path.read_bytes()).decode("utf-8", errors="replace")
    parts = []
    for part in linked_part_paths(path, text):
        shown = str(PurePath(display_path).parent / part.relative_to(path.parent))
        parts.append((shown, part.read_bytes() if part.is_file() else None))
    return parts
