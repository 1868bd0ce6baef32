"""The act's own metadata, read from its header.

The requisites sentence of an Adilet export carries, in order: the issuer in the
genitive, the adoption date, the number, the kind (``Бұйрығы``), the registration at
the Ministry of Justice, and for a repealed act the repealing act:

``Қазақстан Республикасы Денсаулық сақтау министрінің 2009 жылғы 19 қазандағы N 542
Бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2009 жылғы 11 қарашада …
тізіліміне N 5853 болып енгізілді. Күші жойылды - … 2012 жылғы 6 маусымдағы № 394 бұйрығымен``
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import first_date
from .languages import Language, detect_language
from .model import ActReference, CommencementRule
from .temporal import commencement_in
from .references import find_number, read_reference, slug

__all__ = ["Requisites", "read_requisites", "detect_language", "adilet_id", "stable_id"]


@dataclass
class Requisites:
    act: ActReference
    registered_on: str | None
    registration_number: str | None
    repeal_text: str | None
    repeal: ActReference | None
    repeal_commencement: CommencementRule | None = None  # printed with the repeal (the bank's meta)


def read_requisites(text: str, lang: Language) -> Requisites:
    """Split the requisites sentence into the act, its registration and its repeal: the
    Adilet export's Kazakh sentence, or the bank's Russian one (its ``meta.yaml``):
    ``Приказ Министра юстиции Республики Казахстан от 11 декабря 2001 года № 146.
    Зарегистрирован в Министерстве юстиции Республики Казахстан 29 декабря 2001 года № 1718.
    Утратил силу приказом и.о. Министра юстиции … от 24 мая 2011 года № 194``."""
    repeal_match = lang.REPEAL_START.search(text)
    repeal_text = text[repeal_match.start() :].strip() if repeal_match else None
    head = text[: repeal_match.start()] if repeal_match else text
    registration_match = lang.REGISTRATION_START.search(head)
    act_part = head[: _sentence_start(head, registration_match.start())] if registration_match else head
    registration_part = head[len(act_part) :]
    act = read_reference(act_part, lang)
    registered_on = None
    registration_number = None
    if registration_part.strip():
        date = first_date(registration_part)
        registered_on = date.iso if date else None
        registration_number = find_number(registration_part)
    repeal = read_reference(repeal_text[repeal_match.end() - repeal_match.start() :], lang) if repeal_text else None
    repeal_commencement = commencement_in(repeal_text, lang) if repeal_text else None
    return Requisites(act, registered_on, registration_number, repeal_text, repeal, repeal_commencement)


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` begins (after the last '. ' before it)."""
    cut = text.rfind(". ", 0, position)
    return cut + 2 if cut >= 0 else 0


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

