"""Act references: the issuer, date, number and kind of an act named in running text.

One reader serves the requisites sentence (``Қазақстан Республикасы Денсаулық сақтау
министрінің 2009 жылғы 19 қазандағы N 542 Бұйрығы``), the repeal sentence and every
amending act in a note (``ҚР Денсаулық сақтау министрінің 2010.12.09 № 954 (…) Бұйрығымен``).
"""

from __future__ import annotations

import re

from .dates import first_date
from .language import ACTING_MARKERS, UPPER, act_kind, fold
from .model import ActReference

#: `№ 542`, `N 542`, `№ ҚР ДСМ-37`, `№ ҚР ДСМ-116/2020`, `№ 143-VII`, `№ 18/145`, `№ 437-ө`,
#: `№ 19-42-3.3.22`.
NUMBER = re.compile(
    rf"(?:№|(?<![\w])N)\s*(?P<number>(?:[A-Z{UPPER}]{{1,4}}\s)?(?:[A-Z{UPPER}]{{1,6}}-)?\d+(?:[-/][\w]+|\.\d+)*)"
)

#: The kind word of a reference: `Бұйрығы`, `бұйрығымен`, `Заңымен`, `қаулысына`, …
_KIND_WORD = re.compile(r"[^\s().,;«»\"]+")


def slug(text: str) -> str:
    """Letters and digits kept, every other run of characters one ``-``: ``ҚР ДСМ-116/2020``
    -> ``ҚР-ДСМ-116-2020``. Used in the ids built from an act's number or title."""
    return re.sub(r"[^0-9A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]+", "-", text).strip("-")


def normal_number(number: str) -> str:
    """An act number as compared: spaces and case aside (``ҚР ДСМ-37`` = ``ҚР  дсм-37``)."""
    return "".join(number.split()).lower()


def find_number(text: str) -> str | None:
    match = NUMBER.search(text)
    return match["number"].strip() if match else None


def read_reference(text: str, kind_words_after_number: bool = True) -> ActReference:
    """Read whatever parts of an act reference `text` holds; missing parts stay None."""
    reference = ActReference()
    date = first_date(text)
    number_match = NUMBER.search(text)
    if date:
        reference.date = date.iso
        issuer = text[: date.start].strip(" -–—,")
        reference.issuer = issuer or None
    elif number_match:
        reference.issuer = text[: number_match.start()].strip(" -–—,") or None
    if reference.issuer:
        reference.issuer_acting = any(marker in fold(reference.issuer) for marker in ACTING_MARKERS)
    if number_match:
        reference.number = number_match["number"].strip()
    reference.kind_text, reference.kind = find_kind_word(text, after=number_match.end() if number_match else 0)
    return reference


def find_kind_word(text: str, after: int = 0) -> tuple[str | None, str | None]:
    """The first word at or after `after` that names a kind of act, and its kind code.
    Two-word kinds (``Конституциялық заңымен``, ``бірлескен бұйрығымен``) win over their
    last word alone."""
    previous: re.Match[str] | None = None
    for match in _KIND_WORD.finditer(text, after):
        kind = act_kind(match.group(0))
        if kind:
            if previous is not None:
                pair = text[previous.start() : match.end()]
                pair_kind = act_kind(pair)
                if pair_kind and pair_kind != kind and fold(pair).startswith(fold(previous.group(0))):
                    return pair, pair_kind
            return match.group(0), kind
        previous = match
    return None, None
