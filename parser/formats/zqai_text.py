"""The ЗҚАИ export of an amending order (seed 004): a plain text like Adilet's, but with
nothing indented, its units separated by blank lines and its new wordings quoted in «…»
(`parser.structure`). It claims a ``.txt`` whose lines are (almost) never indented; the
Adilet export reads every other ``.txt``."""

from __future__ import annotations

from collections.abc import Sequence

from ..languages import Language
from ..layout import Layout
from ..structure import ZQAI_TEXT, is_zqai_layout, segment_zqai
from .adilet_text import AdiletText
from .base import Part


class ZqaiText(AdiletText):
    """The same header, repairs and requisites as the Adilet export; its own segmenter."""

    name = ZQAI_TEXT

    def looks_like(self, text: str) -> bool:
        return is_zqai_layout(text)

    def segment(self, text: str, lang: Language, parts: Sequence[Part] = ()) -> Layout:
        return segment_zqai(text)


FORMAT = ZqaiText()
