"""Kazakh (`kk`): the language object, with its parsing vocabulary (`vocabulary`), its
stemmer (`stemmer`) and search folding, its display words (`words`: its column of the
message catalogue), its everyday words (`everyday`) and its grammar of names."""

from __future__ import annotations

from ..cyrillic import CyrillicLanguage
from . import everyday, stemmer, vocabulary, words


class Kazakh(CyrillicLanguage):
    """The Kazakh language of the acts."""

    Defaults = vocabulary
    Words = words
    Everyday = everyday
    stemmer = stemmer

    def search_alternative(self, term: str) -> str | None:
        return stemmer.alternative(term)

    def name_unit(self, parts: list[tuple[str, str]]) -> str:
        """The outermost unit in the genitive, the innermost in the possessive, those
        between in the possessive genitive (``3-қосымшаның 7-тармағы``); a unit alone in
        the nominative (``29-тармақ``)."""
        last = len(parts) - 1
        return " ".join(self._unit_word(prefix, label, _form(index, last)) for index, (prefix, label) in enumerate(parts))

    def _unit_word(self, prefix: str, label: str, form: int) -> str:
        word = self.UNIT_WORDS[prefix][form]
        if not label:
            return word
        return f"{label} {word}" if label.endswith(")") else f"{label}-{word}"

    def name_act(self, kind_word: str, number: str | None, day: str | None) -> str:
        """``09.12.2010 № 954 бұйрық``."""
        return " ".join(part for part in (day, f"№ {number}" if number else None, kind_word) if part)


def _form(index: int, last: int) -> int:
    """Which form of `UNIT_WORDS` the unit at `index` of a chain ending at `last` takes:
    0 nominative (alone), 1 genitive (the outermost), 2 possessive (the innermost),
    3 possessive genitive (in between)."""
    if last == 0:
        return 0
    return 1 if index == 0 else 3 if index < last else 2
