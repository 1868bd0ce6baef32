"""Russian (`ru`): the language object, with its parsing vocabulary (`vocabulary`), its
stemmer (`stemmer`, Snowball's) and search folding, its display words (`words`: its
column of the message catalogue), its everyday words (`everyday`) and its grammar of
names."""

from __future__ import annotations

from ..cyrillic import CyrillicLanguage
from . import everyday, stemmer, vocabulary, words


class Russian(CyrillicLanguage):
    """The Russian language of the acts."""

    Defaults = vocabulary
    Words = words
    Everyday = everyday
    stemmer = stemmer

    def name_unit(self, parts: list[tuple[str, str]]) -> str:
        """The innermost unit first, in the nominative, each outer one after it in the
        genitive (``подпункт 24) пункта 29``)."""
        words = []
        for index, (prefix, label) in enumerate(reversed(parts)):
            word = self.UNIT_WORDS[prefix][0 if index == 0 else 1]
            words.append(f"{word} {label}" if label else word)
        return " ".join(words)

    def name_act(self, kind_word: str, number: str | None, day: str | None) -> str:
        """``приказ от 09.12.2010 № 954``."""
        return f"{kind_word}{' от ' + day if day else ''}{' № ' + number if number else ''}"
