"""What every language module builds the same way from its own words: the folded form
matchers work on, the squashed form, and the reading of a kind word."""

from __future__ import annotations

import re
from collections.abc import Callable


def fold_with(lookalikes: dict[str, str]) -> Callable[[str], str]:
    """`fold` for a language: lower case, look-alike letters folded (`LOOKALIKES`).
    Offsets stay valid: each look-alike is one letter for one. (A replace per look-alike:
    str.translate is ten times slower on Cyrillic text.)"""

    def fold(text: str) -> str:
        for latin, cyrillic in lookalikes.items():
            text = text.replace(latin, cyrillic)
        return text.lower()

    return fold


def squash_with(fold: Callable[[str], str]) -> Callable[[str], str]:
    """`squash` for a language: `fold` and drop all white space, so 'енгіз іледі' and
    'енгізіледі' match alike."""
    spaces = re.compile(r"\s+")

    def squash(text: str) -> str:
        return spaces.sub("", fold(text))

    return squash


def kind_reader(act_kinds: dict[str, str], fold: Callable[[str], str]) -> Callable[[str], str | None]:
    """`act_kind` for a language: the kind code of a kind word in any case form
    ('Бұйрығымен', 'Приказом' -> 'order'); the longest stem is tried first."""
    stems = sorted(act_kinds, key=len, reverse=True)

    def act_kind(word: str) -> str | None:
        folded = fold(word)
        for stem in stems:
            if folded.startswith(stem) or f" {stem}" in folded:
                return act_kinds[stem]
        return None

    return act_kind
