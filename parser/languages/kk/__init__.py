"""Kazakh (`kk`): the language object, with its parsing vocabulary (`vocabulary`), its
stemmer (`stemmer`) and its search folding."""

from __future__ import annotations

from .. import cyrillic
from ..base import Language
from . import stemmer, vocabulary


class Kazakh(Language):
    """The Kazakh language of the acts."""

    Defaults = vocabulary

    def stem(self, word: str) -> str:
        return stemmer.stem(word)

    def fold_search_word(self, word: str) -> str:
        return cyrillic.fold_search_word(word)

    def search_alternative(self, term: str) -> str | None:
        return stemmer.alternative(term)
