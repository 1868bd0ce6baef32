"""A toy third language, English, as one package: what adding a language takes
(`tests/test_languages.py` registers it, and takes it away again)."""

from __future__ import annotations

from parser.languages.base import Language

from . import everyday, vocabulary, words


class English(Language):
    """English: its words, a stemmer that cuts a plural s, and its grammar of names."""

    Defaults = vocabulary
    Words = words
    Everyday = everyday

    def stem(self, word: str) -> str:
        return word[:-1] if len(word) > 3 and word.endswith("s") else word

    def fold_search_word(self, word: str) -> str:
        return word.lower()

    def name_unit(self, parts: list[tuple[str, str]]) -> str:
        """``subparagraph 24) of paragraph 29``."""
        names = []
        for index, (prefix, label) in enumerate(reversed(parts)):
            word = self.UNIT_WORDS[prefix][0 if index == 0 else 1]
            names.append(f"{word} {label}" if label else word)
        return " ".join(names)

    def name_act(self, kind_word: str, number: str | None, day: str | None) -> str:
        """``order No 954 of 09.12.2010``."""
        return " ".join(part for part in (kind_word, f"No {number}" if number else None, f"of {day}" if day else None) if part)
