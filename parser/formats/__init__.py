"""Source formats: one reader per layout, chosen in one registry.

A format knows which files it reads (`claims`: by suffix, then by content), how it cuts
a text into blocks (`segment`), whether its text went through a PDF (and so needs the
repairs of `parser.repair`), and where the act's requisites come from (a meta file beside
it, or the text). Adding a format (Adilet HTML next) means one module here and one line
in `FORMATS`.
"""

from __future__ import annotations

from pathlib import Path, PurePath

from . import adilet_text, bank_markdown
from .base import SourceFormat

#: Every format, tried in order; the last that claims a suffix is the fallback for it.
FORMATS: tuple[SourceFormat, ...] = (bank_markdown.FORMAT, adilet_text.FORMAT)

#: Every file ending some format reads.
SOURCE_SUFFIXES = tuple(dict.fromkeys(suffix for fmt in FORMATS for suffix in fmt.suffixes))


def format_for(path: str | PurePath, text: str | None = None) -> SourceFormat | None:
    """The format that reads `path` (and `text`, when given); None when no format does."""
    return next((fmt for fmt in FORMATS if fmt.claims(path, text)), None)


def is_source(path: Path) -> bool:
    """A file some format reads (hidden files aside)."""
    return not path.name.startswith(".") and path.suffix.lower() in SOURCE_SUFFIXES


def format_named(name: str) -> SourceFormat:
    return next(fmt for fmt in FORMATS if fmt.name == name)
