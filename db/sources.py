"""What a build reads of one source before parsing it, and the reading itself: the file's
bytes, with the meta and part files its source format names. The reading (`db.corpus`,
`db.git_corpus`) and the parsing (`db.parallel`, in worker processes) meet here, in a
module that imports nothing of `db`.

The parser is pure (text in, dataclasses out); its source format names the companion
files of a text (`SourceFormat.meta_file`, `SourceFormat.part_links`) and this module is
the one place they are read from disk and handed to `parser.parse_bytes`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath

from parser import Publications, parse_bytes
from parser.formats import format_for
from parser.model import ParsedDocument

__all__ = ["Source", "linked_part_paths", "meta_beside", "parse_file", "part_files", "read_meta", "read_parts"]


@dataclass
class Source:
    """One corpus file as the main process reads it, before parsing."""

    path: Path
    display_path: str
    data: bytes
    meta_text: str | None = None  # a Markdown version's meta file, read with it
    meta_path: str | None = None
    #: the part files of a split act's index, read with it: (display path, bytes or None)
    parts: list[tuple[str, bytes | None]] = field(default_factory=list)


def meta_beside(path: Path) -> Path | None:
    """The meta file of a version, when its format has one and it is there."""
    fmt = format_for(path)
    meta = fmt.meta_file(path) if fmt is not None else None
    return Path(meta) if meta is not None and Path(meta).is_file() else None


def read_meta(path: Path) -> str:
    """A meta file's text (bytes that are not UTF-8 are replaced, and YAML then says
    what it cannot read)."""
    return path.read_bytes().decode("utf-8", errors="replace")


def linked_part_paths(index_path: Path, index_text: str | None = None, in_history: bool = False) -> list[Path]:
    """Every part file the index of a split act links (``rus/ch015.md``), present or not;
    only paths inside the act's folder (the index's own folder) are taken. With
    `index_text` given, nothing is read. `in_history`: the paths name files of a git
    history, not of this disk, so a link is judged by its words alone (``..`` taken off),
    with no symbolic link to follow (resolving each path on the disk, a stat call per
    folder of it, was 3 % of a git build's main process)."""
    fmt = format_for(index_path)
    if fmt is None:
        return []
    if index_text is None:
        index_text = index_path.read_bytes().decode("utf-8", errors="replace")
    where = _lexical if in_history else Path.resolve
    folder = where(index_path.parent)
    paths = []
    for link in fmt.part_links(index_text):
        if folder in where(index_path.parent / link).parents:
            paths.append(index_path.parent / link)
    return paths


def _lexical(path: Path) -> PurePosixPath:
    """`path` with ``.`` and ``..`` taken off by its words, as `Path.resolve` would where
    no symbolic link is met."""
    return PurePosixPath(posixpath.normpath(path.as_posix()))


def part_files(index_path: str | Path) -> list[Path]:
    """The part files of a split act that its index ``rus.md`` / ``kaz.md`` links and that
    exist inside the act's folder, in the index's order; [] for any other file. A loader
    reads these with their index (`parse_file`) and never as documents of their own."""
    index_path = Path(index_path)
    if not index_path.is_file() or not _may_be_index(index_path):
        return []
    return [path for path in linked_part_paths(index_path) if path.is_file()]


def _may_be_index(path: Path) -> bool:
    """Only a text with a folder of parts beside it (``rus.md`` and ``rus/``) is read to
    look for links: the walk of a large corpus reads nothing else twice."""
    return path.with_suffix("").is_dir()


def read_parts(path: Path, display_path: str, data: bytes | None = None) -> list[tuple[str, bytes | None]]:
    """The part files an index links, as ``(display path, bytes)`` (None: not there)."""
    fmt = format_for(path)
    if fmt is None:
        return []
    if not _may_be_index(path) and not fmt.part_links((data or b"").decode("utf-8", errors="replace")):
        return []
    text = (data if data is not None else path.read_bytes()).decode("utf-8", errors="replace")
    parts = []
    for part in linked_part_paths(path, text):
        shown = str(PurePath(display_path).parent / part.relative_to(path.parent))
        parts.append((shown, part.read_bytes() if part.is_file() else None))
    return parts


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
