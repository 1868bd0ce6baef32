"""What a source format is: the steps every reader of a layout provides (the registry is
`parser.formats`).

The rest of the parser asks the format and never tests what kind of file it has: how
the text is cut into blocks, how the printed lines of a block become its text (repairing
what a PDF broke, for the formats that went through one), where the act's requisites
are read from, what dates the version, and which files beside it belong to it (a meta
file, part files). Each step is pure: the store layer (`db.sources`) reads the
companion files the format names and hands their text in.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import ClassVar

from ..header import Requisites, read_requisites
from ..languages import Language
from ..layout import Layout
from ..markdown import VersionMeta
from ..model import ParsedDocument, Problem, Repair, VersionInfo
from ..repair import join_lines

#: A part file of a split act, read: ``(display path, text)``.
Part = tuple[str, str]


@dataclass(frozen=True)
class MetaReading:
    """The requisites a format found beside (or in front of) its text, and where."""

    meta: VersionMeta | None = None
    text: str | None = None  # the meta's own text, kept with the version
    path: str | None = None


@dataclass(frozen=True)
class RequisitesReading:
    """The act's requisites as a format reads them, the text they were read from (shown
    as the act's header), and what they rest on when it is not the text's own header."""

    requisites: Requisites | None
    header_text: str | None
    identity_basis: str | None = None


class SourceFormat(ABC):
    """One reader of one layout. A subclass names itself and its suffixes and provides
    `segment` and `read_requisites`; the other steps have the plain text's answer."""

    #: the layout's name, stored in ``acts.layout`` (``adilet_text``, ``zan_markdown``)
    name: ClassVar[str]
    #: file endings it reads, lower case
    suffixes: ClassVar[tuple[str, ...]]

    # --- which files -------------------------------------------------------------------

    def claims(self, path: str | PurePath, text: str | None = None) -> bool:
        """Whether this format reads `path` (and, when given, `text`)."""
        if PurePath(path).suffix.lower() not in self.suffixes:
            return False
        return text is None or self.looks_like(text)

    def looks_like(self, text: str) -> bool:
        """Given the suffix matches: does the content belong to this format?"""
        return True

    def meta_file(self, path: PurePath) -> PurePath | None:
        """The file beside `path` that holds its requisites, if the format has one."""
        return None

    def part_links(self, index_text: str) -> list[str]:
        """The part files the text links as parts of one act (relative paths as printed)."""
        return []

    # --- reading the text ----------------------------------------------------------------

    def read_meta(self, text: str, source_path: str, meta_text: str | None, meta_path: str | None) -> MetaReading:
        """The requisites the format reads outside the text's body (a meta file's text
        `meta_text`, or front matter); none by default."""
        return MetaReading()

    @abstractmethod
    def segment(self, text: str, lang: Language, parts: Sequence[Part] = ()) -> Layout:
        """Cut the text (and the part files it links, already read) into blocks."""

    def block_text(self, lines: list[tuple[int, str]], kind: str) -> tuple[str, list[Repair], list[Problem]]:
        """The text of one block from its printed lines ``(number, text)``, with the
        repairs made and the problems met; plain joining by default."""
        return _joined(tuple(text for _, text in lines if text.strip())), [], []

    @abstractmethod
    def read_requisites(self, document: ParsedDocument, meta: VersionMeta | None, lang: Language) -> RequisitesReading:
        """The act's kind, date, number, registration and repeal."""

    def date_version(self, document: ParsedDocument, meta: VersionMeta | None) -> VersionInfo | None:
        """Which version of the act the text is and when its wording applied; None for
        a format whose texts are not versions of a bank."""
        return None


def requisites_of_header(document: ParsedDocument, lang: Language) -> RequisitesReading:
    """The requisites sentence the text prints in its header (the unit of role
    ``requisites``), read as the Adilet export prints it."""
    header = next((p for p in document.provisions if p.key == "requisites"), None)
    if header is None:
        return RequisitesReading(None, None)
    requisites = read_requisites(header.text, lang)
    return RequisitesReading(requisites, header.text)


@lru_cache(maxsize=16384)  # once per distinct block: every version reprints most of them
def _joined(lines: tuple[str, ...]) -> str:
    return join_lines(list(lines))
