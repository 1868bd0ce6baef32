"""Act references: the issuer, date, number and kind of an act named in running text.

One reader serves the requisites sentence (``Қазақстан Республикасы Денсаулық сақтау
министрінің 2009 жылғы 19 қазандағы N 542 Бұйрығы``), the repeal sentence and every
amending act in a note (``ҚР Денсаулық сақтау министрінің 2010.12.09 № 954 (…) Бұйрығымен``),
in either language: Russian prints the kind first (``Приказом Министра … от 3 декабря 2019
года № 19-42-3.3.22``), which its language module says (`KIND_BEFORE_DATE`).
"""

from __future__ import annotations

import re

from .dates import find_dates, first_date
from .languages import KAZAKH, LANGUAGES, ROMAN_LOOKALIKES, Language
from .model import ActReference

_UPPER = "".join(dict.fromkeys(language.UPPER for language in LANGUAGES.values()))
_LETTERS = "".join(dict.fromkeys(language.LETTER for language in LANGUAGES.values()))

#: `№ 542`, `N 542`, `№ ҚР ДСМ-37`, `№ ҚР ДСМ-116/2020`, `№ 143-VII`, `№ 18/145`, `№ 437-ө`,
#: `№ 19-42-3.3.22`.
NUMBER = re.compile(
    rf"(?:№|(?<![\w])N)\s*(?P<number>(?:[A-Z{_UPPER}]{{1,4}}\s)?(?:[A-Z{_UPPER}]{{1,6}}-)?\d+(?:[-/][\w]+|\.\d+)*)"
)

#: The kind word of a reference: `Бұйрығы`, `бұйрығымен`, `Заңымен`, `қаулысына`, …
_KIND_WORD = re.compile(r"[^\s().,;«»\"]+")


def slug(text: str) -> str:
    """Letters and digits kept, every other run of characters one ``-``: ``ҚР ДСМ-116/2020``
    -> ``ҚР-ДСМ-116-2020``. Used in the ids built from an act's number or title."""
    return _NOT_SLUG.sub("-", text).strip("-")


_NOT_SLUG = re.compile(rf"[^0-9A-Za-z{KAZAKH.LETTER}]+")


_ROMAN_LOOKALIKES = str.maketrans(ROMAN_LOOKALIKES)


def roman_folded(number: str) -> str:
    """The number with the Cyrillic І of a Roman numeral written as the Latin I."""
    return number.translate(_ROMAN_LOOKALIKES)


def normal_number(number: str) -> str:
    """An act number as compared: spaces and case aside (``ҚР ДСМ-37`` = ``ҚР  дсм-37``),
    and the Cyrillic І of a Roman convocation numeral as the Latin I (``165-VІ`` = ``165-VI``)."""
    return "".join(number.split()).lower().translate(_ROMAN_LOOKALIKES)


def find_number(text: str) -> str | None:
    match = NUMBER.search(text)
    return match["number"].strip() if match else None


def read_reference(text: str, lang: Language) -> ActReference:
    """Read whatever parts of an act reference `text` holds; missing parts stay None."""
    reference = ActReference()
    if lang.KIND_BEFORE_DATE:
        reference.kind_text, reference.kind = find_kind_word(text, lang)
    issuer_start = _issuer_start(text, reference.kind_text) if lang.KIND_BEFORE_DATE else 0
    # the act's date and number follow its kind word: "приостановлен до 01.01.2025 Законом РК
    # от 10.01.2018 № 133-VІ" is the law of 10.01.2018
    date = next((found for found in find_dates(text) if found.start >= issuer_start), None) or first_date(text)
    number_match = NUMBER.search(text, issuer_start) or NUMBER.search(text)
    if date:
        reference.date = date.iso
        reference.issuer = _issuer(text[issuer_start : date.start], lang)
    elif number_match:
        reference.issuer = _issuer(text[issuer_start : number_match.start()], lang)
    if reference.issuer:
        reference.issuer_acting = any(marker in lang.fold(reference.issuer) for marker in lang.ACTING_MARKERS)
    if number_match:
        reference.number = number_match["number"].strip()
    if not lang.KIND_BEFORE_DATE:
        reference.kind_text, reference.kind = find_kind_word(text, lang, number_match.end() if number_match else 0)
    return reference


def _issuer_start(text: str, kind_text: str | None) -> int:
    """Where the issuer begins when the kind word comes first: after it."""
    if not kind_text:
        return 0
    return text.find(kind_text) + len(kind_text)


def _issuer(text: str, lang: Language) -> str | None:
    """The issuer as printed before the date, without the preposition (``от``) or dashes."""
    issuer = text.strip(" -–—,")
    for word in lang.DATE_PREPOSITIONS:
        if lang.fold(issuer).endswith(f" {word}") or lang.fold(issuer) == word:
            issuer = issuer[: -len(word)].strip(" -–—,")
    return issuer or None


def find_kind_word(text: str, lang: Language, after: int = 0) -> tuple[str | None, str | None]:
    """The first word at or after `after` that names a kind of act, and its kind code.
    Two-word kinds (``Конституциялық заңымен``, ``бірлескен бұйрығымен``) win over their
    last word alone."""
    previous: re.Match[str] | None = None
    for match in _KIND_WORD.finditer(text, after):
        kind = lang.act_kind(match.group(0))
        if kind:
            if previous is not None:
                pair = text[previous.start() : match.end()]
                pair_kind = lang.act_kind(pair)
                if pair_kind and pair_kind != kind and lang.fold(pair).startswith(lang.fold(previous.group(0))):
                    return pair, pair_kind
            return match.group(0), kind
        previous = match
    return None, None
