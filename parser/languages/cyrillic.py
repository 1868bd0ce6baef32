"""What the languages written in Cyrillic (Kazakh, Russian) share: how a printed word is
folded for full-text search.

The exports mix Latin letters into Cyrillic words (`Cтатья` with a Latin C,
`шетелдiктер` with a Latin i). Search folds them (after lower-casing) in a word that also
has Cyrillic letters; Latin words (`QR`, `pertussis`) keep their letters.
"""

from __future__ import annotations

import re

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
