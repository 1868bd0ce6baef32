"""What a source format is (the registry is `parser.formats`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from ..languages import Language
from ..structure import Layout


def _any_text(text: str) -> bool:
    return True


@dataclass(frozen=True)
class SourceFormat:
    name: str  # the layout's name, stored in acts.layout ("adilet_text", "zan_markdown")
    suffixes: tuple[str, ...]  # file endings it reads, lower case
    segment: Callable[[str, Language], Layout]  # text -> blocks
    repairs_pdf_damage: bool  # the text came through PDF extraction
    reads_meta: bool  # requisites may come from a meta file beside the text
    #: given the suffix matches: does the content belong to this format?
    looks_like: Callable[[str], bool] = _any_text

    def claims(self, path: str | PurePath, text: str | None = None) -> bool:
        if PurePath(path).suffix.lower() not in self.suffixes:
            return False
        return text is None or self.looks_like(text)
