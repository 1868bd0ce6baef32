"""What a build reads of one source before parsing it: the file's bytes, with its meta and
part files. The reading (`db.corpus`, `db.git_corpus`) and the parsing (`db.parallel`, in
worker processes) meet here, in a module that imports nothing of `db`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
