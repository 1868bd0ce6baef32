"""What the languages written in Cyrillic (Kazakh, Russian) share: how a printed word is
folded for full-text search.

The exports mix Latin letters into Cyrillic words (`Cтатья` with a Latin C,
`шетелдiктер` with a Latin i). Search folds them (after lower-casing) in a word that also
has Cyrillic letters; Latin words (`QR`, `pertussis`) keep their letters.
"""

from __future__ import annotations

import re
from types import ModuleType
from typing import ClassVar

from .base import Language

#: A lower-case Cyrillic letter of either language.
LETTER = re.compile(r"[а-яёәғқңөұүһі]")

#: Latin letters that look like Cyrillic ones, lower case: Kazakh's і and the rest.
LATIN_LOOKALIKES = {
    "i": "і", "c": "с", "a": "а", "e": "е", "k": "к", "o": "о", "p": "р", "x": "х", "y": "у",
}

_LOOKALIKE_TABLE = str.maketrans(LATIN_LOOKALIKES)


def fold_search_word(word: str) -> str:
    """A word in lower case (Python's, which knows Kazakh letters), with Latin
    look-alikes folded to Cyrillic if it has Cyrillic letters too (`шiлдедегi`)."""
    word = word.lower()
    if LETTER.search(word):
        word = word.translate(_LOOKALIKE_TABLE)
    return word


class CyrillicLanguage(Language):
    """A language of the acts written in Cyrillic (Kazakh, Russian): the search folding they
    share, and the stem its own `stemmer` module gives."""

    stemmer: ClassVar[ModuleType]

    def stem(self, word: str) -> str:
        return self.stemmer.stem(word)

    def fold_search_word(self, word: str) -> str:
        return fold_search_word(word)
