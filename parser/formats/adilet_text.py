"""The Adilet text export (PDF → plain text) and the ЗҚАИ export of an amending order:
Kazakh texts whose requisites sentence opens the document (`parser.structure`)."""

from __future__ import annotations

from ..languages import Language
from ..structure import Layout, segment
from .base import SourceFormat


def _segment(text: str, lang: Language) -> Layout:
    return segment(text)


FORMAT = SourceFormat(
    name="adilet_text",
    suffixes=(".txt",),
    segment=_segment,
    repairs_pdf_damage=True,
    reads_meta=False,
)
