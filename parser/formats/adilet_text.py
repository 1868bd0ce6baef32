"""The Adilet text export (PDF → plain text): Kazakh texts whose units are indented, with
a requisites sentence under the title (`parser.structure`). The text went through a PDF,
so each block's lines are repaired (`parser.repair`)."""

from __future__ import annotations

from collections.abc import Sequence

from ..languages import KAZAKH, Language
from ..layout import Layout
from ..markdown import VersionMeta
from ..model import ParsedDocument, Problem, Repair
from ..repair import repair_block
from ..structure import ADILET_TEXT, segment_adilet
from .base import Part, RequisitesReading, SourceFormat, requisites_of_header


class AdiletText(SourceFormat):
    name = ADILET_TEXT
    suffixes = (".txt",)

    def segment(self, text: str, lang: Language, parts: Sequence[Part] = ()) -> Layout:
        return segment_adilet(text)

    def block_text(self, lines: list[tuple[int, str]], kind: str) -> tuple[str, list[Repair], list[Problem]]:
        """Moved words put back and lines joined; a quoted new wording keeps its paragraphs
        (the instruction parser reads them)."""
        return repair_block(lines, keep_paragraphs=kind == "quote")

    def read_requisites(self, document: ParsedDocument, meta: VersionMeta | None, lang: Language) -> RequisitesReading:
        # the export's requisites sentence, read in Kazakh as it always was (a Russian .txt too)
        return requisites_of_header(document, KAZAKH)


FORMAT = AdiletText()
