"""A toy source format, whole in one module: proof that a reader is one module and one
`register` call (`tests/test_formats.py`).

``*.lines`` files hold one unit per line: the title, the requisites sentence (as the
Adilet export prints it), then numbered points (``1. …``) and plain lines (indents).
Nothing went through a PDF, there is no meta file and no part file: the steps the
contract gives by default do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parser.formats import Part, RequisitesReading, SourceFormat
from parser.formats.base import requisites_of_header
from parser.languages import Language
from parser.layout import Block, Layout, Line, close_blocks
from parser.markdown import VersionMeta
from parser.model import ParsedDocument

_POINT = re.compile(r"^(?P<label>\d+)\.\s")


class OneUnitPerLine(SourceFormat):
    name = "toy_lines"
    suffixes = (".lines",)

    def segment(self, text: str, lang: Language, parts: Sequence[Part] = ()) -> Layout:
        lines = [Line(number, raw, raw.rstrip("\r\n")) for number, raw in enumerate(text.splitlines(keepends=True), start=1)]
        layout = Layout(self.name, lines)
        units = [index for index, line in enumerate(lines) if not line.blank]
        for ordinal, index in enumerate(units):
            layout.blocks.append(self._block(ordinal, index, lines[index].stripped))
        close_blocks(layout)
        return layout

    def _block(self, ordinal: int, index: int, text: str) -> Block:
        if ordinal == 0:
            return Block(index, "title")
        if ordinal == 1:
            return Block(index, "other", role="requisites")
        point = _POINT.match(text)
        return Block(index, "paragraph", point["label"]) if point else Block(index, "indent")

    def read_requisites(self, document: ParsedDocument, meta: VersionMeta | None, lang: Language) -> RequisitesReading:
        return requisites_of_header(document, lang)


FORMAT = OneUnitPerLine()
