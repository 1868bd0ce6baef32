"""The act's own metadata, read from its header.

The requisites sentence of an Adilet export carries, in order: the issuer in the
genitive, the adoption date, the number, the kind (``Бұйрығы``), the registration at
the Ministry of Justice, and for a repealed act the repealing act:

``Қазақстан Республикасы Денсаулық сақтау министрінің 2009 жылғы 19 қазандағы N 542
Бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2009 жылғы 11 қарашада …
тізіліміне N 5853 болып енгізілді. Күші жойылды - … 2012 жылғы 6 маусымдағы № 394 бұйрығымен``
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import first_date, iso_date
from .language import (
    KAZAKH_LETTERS,
    RUSSIAN_ACT_KINDS,
    RUSSIAN_ACTING_MARKERS,
    RUSSIAN_MONTHS,
    RUSSIAN_REGISTRATION,
    RUSSIAN_REPEAL,
)
from .model import ActReference, CommencementRule
from .temporal import parse_commencement_ru
from .references import find_number, read_reference, slug

_REPEAL_START = re.compile(r"Күші\s+жойылды", re.IGNORECASE)
#: Where the registration sentence starts: not at "Әділет" alone, which is also the
#: issuer of every Justice Ministry act ("Қазақстан Республикасы Әділет министрінің …").
_REGISTRATION = re.compile(r"Әділет\s+министрлігінде|тіркел|енгізілді", re.IGNORECASE)


@dataclass
class Requisites:
    act: ActReference
    registered_on: str | None
    registration_number: str | None
    repeal_text: str | None
    repeal: ActReference | None
    repeal_commencement: CommencementRule | None = None  # printed with the repeal (Russian meta)


def read_requisites(text: str) -> Requisites:
    """Split the requisites sentence into the act, its registration and its repeal."""
    repeal_match = _REPEAL_START.search(text)
    repeal_text = text[repeal_match.start() :].strip() if repeal_match else None
    head = text[: repeal_match.start()] if repeal_match else text
    registration_match = _REGISTRATION.search(head)
    act_part = head[: _sentence_start(head, registration_match.start())] if registration_match else head
    registration_part = head[len(act_part) :]
    act = read_reference(act_part)
    registered_on = None
    registration_number = None
    if registration_part.strip():
        date = first_date(registration_part)
        registered_on = date.iso if date else None
        registration_number = find_number(registration_part)
    repeal = read_reference(repeal_text[repeal_match.end() - repeal_match.start() :]) if repeal_text else None
    return Requisites(act, registered_on, registration_number, repeal_text, repeal)


_RUSSIAN_DATE = re.compile(rf"(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(RUSSIAN_MONTHS)})\s+(?P<year>\d{{4}})\s+года", re.IGNORECASE)


def read_requisites_ru(text: str) -> Requisites:
    """The bank's Russian requisites sentence (its ``meta.yaml``): ``Приказ Министра
    юстиции Республики Казахстан от 11 декабря 2001 года № 146. Зарегистрирован в
    Министерстве юстиции Республики Казахстан 29 декабря 2001 года № 1718. Утратил силу
    приказом и.о. Министра юстиции … от 24 мая 2011 года № 194``."""
    repeal_at = text.find(RUSSIAN_REPEAL)
    head = text[:repeal_at] if repeal_at >= 0 else text
    repeal_text = text[repeal_at:].strip() if repeal_at >= 0 else None
    registration_at = head.find(RUSSIAN_REGISTRATION)
    act_part = head[:registration_at] if registration_at >= 0 else head
    registration_part = head[registration_at:] if registration_at >= 0 else ""
    registration_date = _russian_date(registration_part)
    repeal = read_reference_ru(repeal_text[len(RUSSIAN_REPEAL) :]) if repeal_text else None
    return Requisites(
        act=read_reference_ru(act_part),
        registered_on=registration_date[0] if registration_date else None,
        registration_number=find_number(registration_part),
        repeal_text=repeal_text,
        repeal=repeal,
        repeal_commencement=parse_commencement_ru(repeal_text) if repeal_text else None,
    )


def read_reference_ru(text: str) -> ActReference:
    """Kind, issuer, date and number of a Russian act reference: ``Приказ Министра
    финансов Республики Казахстан от 15 февраля 2022 года № 168``."""
    reference = ActReference()
    words = text.strip().split()
    lowered = " ".join(words).lower()
    for stem in sorted(RUSSIAN_ACT_KINDS, key=len, reverse=True):
        if lowered.startswith(stem):
            reference.kind = RUSSIAN_ACT_KINDS[stem]
            reference.kind_text = " ".join(words[: stem.count(" ") + 1])
            break
    date = _russian_date(text)
    if date:
        reference.date = date[0]
        issuer_start = text.find(reference.kind_text) + len(reference.kind_text) if reference.kind_text else 0
        reference.issuer = text[issuer_start : date[1]].strip().removesuffix(" от").strip() or None
    number_at = text.find("№", date[2] if date else 0)
    reference.number = find_number(text[number_at:]) if number_at >= 0 else None
    if reference.issuer:
        reference.issuer_acting = any(marker in reference.issuer.lower() for marker in RUSSIAN_ACTING_MARKERS)
    return reference


def _russian_date(text: str) -> tuple[str, int, int] | None:
    """``(iso, start, end)`` of the first ``11 декабря 2001 года`` in `text`."""
    for match in _RUSSIAN_DATE.finditer(text):
        iso = iso_date(int(match["year"]), RUSSIAN_MONTHS[match["month"].lower()], int(match["day"]))
        if iso:
            return iso, match.start(), match.end()
    return None


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` begins (after the last '. ' before it)."""
    cut = text.rfind(". ", 0, position)
    return cut + 2 if cut >= 0 else 0


def detect_language(text: str) -> str | None:
    """``kk`` for Kazakh (its own letters occur), ``ru`` for other Cyrillic text.
    The first 3,000 characters are enough to tell."""
    sample = text[:3000]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return None
    kazakh = sum(map(sample.count, KAZAKH_LETTERS))
    if kazakh / letters > 0.01:
        return "kk"
    if len(_CYRILLIC_LETTER.findall(sample)) / letters > 0.5:
        return "ru"
    return None


#: A Cyrillic letter (the block U+0400–U+04FF, less its signs and digits-like marks).
_CYRILLIC_LETTER = re.compile(r"(?=[\u0400-\u04ff])[^\W\d_]")


def adilet_id(registration_number: str | None, registered_on: str | None) -> str | None:
    """The Adilet document id, where the registration gives it (FORMATS.md §2e).

    Observed patterns: ``V`` + YY + 8-digit number for registrations of 2014–2025
    (``V1500011361``), and ``V`` + YY + 7 digits + ``_`` for 2009 (``V090005797_``). For
    other years no example was seen, so no id is derived.
    """
    if not registration_number or not registered_on or not registration_number.isdigit():
        return None
    year = int(registered_on[:4])
    yy = registered_on[2:4]
    if 2014 <= year <= 2026:
        return f"V{yy}{int(registration_number):08d}"
    if year == 2009:
        return f"V{yy}{int(registration_number):07d}_"
    return None


def stable_id(kind: str | None, adopted_on: str | None, number: str | None) -> str | None:
    """A readable id from kind, date and number when no Adilet id can be derived:
    ``order-2011-01-05-7``."""
    if not (kind and adopted_on and number):
        return None
    return f"{kind}-{adopted_on}-{slug(number)}"

