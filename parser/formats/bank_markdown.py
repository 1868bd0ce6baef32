"""The official bank's Markdown (zan.gov.kz), one file per version and language
(``kaz.md``, ``rus@2020-08-10.md``) with a ``meta.yaml`` beside it (`parser.markdown`)."""

from __future__ import annotations

from ..markdown import LAYOUT, segment_markdown
from .base import SourceFormat

FORMAT = SourceFormat(
    name=LAYOUT,
    suffixes=(".md",),
    segment=segment_markdown,
    repairs_pdf_damage=False,
    reads_meta=True,
)
