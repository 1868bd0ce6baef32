"""Source formats: one reader per layout, chosen in one registry.

A format (`parser.formats.base.SourceFormat`) knows which files it reads (`claims`: by
suffix, then by content), how it cuts a text into blocks, how a block's lines become its
text, where the act's requisites come from, what dates its version and which files
beside it belong to it. Adding a format (Adilet HTML next) means one module here and one
`register` call (or one line in `FORMATS`).
"""

from __future__ import annotations

from pathlib import Path, PurePath

from . import adilet_text, bank_markdown, zqai_text
from .base import MetaReading, Part, RequisitesReading, SourceFormat

__all__ = ["FORMATS", "MetaReading", "Part", "RequisitesReading", "SourceFormat", "format_for", "format_named", "is_source", "register", "source_suffixes"]

#: Every format, tried in order; for a suffix that several formats read, the last is
#: the fallback (it claims any content): the Adilet export for ``.txt``.
FORMATS: list[SourceFormat] = [bank_markdown.FORMAT, zqai_text.FORMAT, adilet_text.FORMAT]

#: The plain-text format a text with no known suffix is read in.
PLAIN_TEXT_SUFFIX = ".txt"


def register(fmt: SourceFormat) -> SourceFormat:
    """Add a format to the registry, tried before the others (so a new reader can also
    claim the content of a suffix another reads); registering it again moves it first."""
    unregister(fmt.name)
    FORMATS.insert(0, fmt)
    return fmt


def unregister(name: str) -> None:
    FORMATS[:] = [fmt for fmt in FORMATS if fmt.name != name]


def source_suffixes() -> tuple[str, ...]:
    """Every file ending some format reads, in the registry's order."""
    return tuple(dict.fromkeys(suffix for fmt in FORMATS for suffix in fmt.suffixes))


def format_for(path: str | PurePath, text: str | None = None) -> SourceFormat | None:
    """The format that reads `path` (and `text`, when given: the first whose content
    test it passes); without `text`, the fallback of the suffix. None when no format
    reads the suffix."""
    readers = [fmt for fmt in FORMATS if fmt.claims(path)]
    if text is None:
        return readers[-1] if readers else None
    return next((fmt for fmt in readers if fmt.looks_like(text)), None)


def format_of_text(path: str | PurePath, text: str) -> SourceFormat:
    """The format of a text: by its file's suffix and content, else as a plain text."""
    return format_for(path, text) or format_for(f"text{PLAIN_TEXT_SUFFIX}", text) or format_named(adilet_text.FORMAT.name)


def is_source(path: Path) -> bool:
    """A file some format reads (hidden files aside)."""
    return not path.name.startswith(".") and path.suffix.lower() in source_suffixes()


def format_named(name: str) -> SourceFormat:
    return next(fmt for fmt in FORMATS if fmt.name == name)


def __getattr__(name: str) -> tuple[str, ...]:
    if name == "SOURCE_SUFFIXES":  # (kept for callers of the constant it was: now it follows `register`)
        return source_suffixes()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
