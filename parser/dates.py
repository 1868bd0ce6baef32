"""Dates as Kazakh and Russian legal texts print them, read into ISO `YYYY-MM-DD`.

Three forms occur (GLOSSARY.md, FORMATS.md §2e):
- `2010.12.09` (YYYY.MM.DD, sometimes with a trailing dot);
- `18.07.2023` (DD.MM.YYYY);
- a date in words, in the form of each language (its `LONG_DATE`): `2009 жылғы 19
  қазандағы`, `2005 жылғы 1 қаңтардан` (any case form, Latin `i` for `і` tolerated),
  `11 декабря 2001 года`. Month names of the languages do not collide, so every
  language's form is looked for in every text (a Kazakh file quotes Russian requisites).
An impossible date (2010.13.45) is not a date: the finders return nothing for it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .languages import LANGUAGES
from .memo import frozen


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int
    text: str


YMD_DATE = re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d{2})\.(?P<month>\d{1,2})\.(?P<day>\d{1,2})(?![\d])\.?")
#: ``19 .12.2007`` (4051's note prints a space before the first dot) is read too.
DMY_DATE = re.compile(r"(?<![\d.])(?P<day>\d{1,2}) ?\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})(?![\d])")


def iso_date(year: int, month: int, day: int) -> str | None:
    """ISO text for a real calendar date, None for an impossible one."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def is_iso_date(value: str) -> bool:
    """True for a real calendar date written ``YYYY-MM-DD``."""
    parts = value.split("-")
    return len(parts) == 3 and all(part.isdigit() for part in parts) and iso_date(*map(int, parts)) == value


def check_date(date: str) -> str:
    """`date` if it is a real ISO date; ValueError otherwise."""
    if not is_iso_date(date):
        raise ValueError(f"not a date (YYYY-MM-DD): {date!r}")
    return date


#: A date as a reader types it: ``19.10.2009`` (also ``19/10/2009``, ``19-10-2009``).
TYPED_DATE = re.compile(r"(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})")


def read_date(text: str) -> str:
    """A date a reader typed, as ISO text: ``19.10.2009`` (the form lawyers write, and the
    date fields show) or ``2009-10-19``; ValueError for anything else or an impossible day."""
    value = text.strip()
    if is_iso_date(value):
        return value
    match = TYPED_DATE.fullmatch(value)
    iso = iso_date(int(match["year"]), int(match["month"]), int(match["day"])) if match else None
    if iso is None:
        raise ValueError(f"not a date (DD.MM.YYYY or YYYY-MM-DD): {text!r}")
    return iso


def find_dates(text: str) -> list[DateMatch]:
    """Every date in `text`, in order of appearance, in any of the three forms.

    Offsets refer to `text` as given (folding keeps lengths: it only swaps single letters).
    Read once per distinct text (`parser.memo`): the same note and unit recur in every
    version of an act.
    """
    return list(_dates_in(text))


#: Distinct texts whose dates are remembered per process.
DATES_MEMO = 16384


@frozen(DATES_MEMO)
def _dates_in(text: str) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []
    for language in LANGUAGES.values():
        folded = language.fold(text)
        for match in language.LONG_DATE.finditer(folded):
            iso = iso_date(int(match["year"]), language.month_number(match["month"]), int(match["day"]))
            if iso:
                found.append(DateMatch(iso, match.start(), match.end(), text[match.start() : match.end()]))
    for pattern in (YMD_DATE, DMY_DATE):
        for match in pattern.finditer(text):
            if any(m.start <= match.start() < m.end for m in found):
                continue
            iso = iso_date(int(match["year"]), int(match["month"]), int(match["day"]))
            if iso:
                found.append(DateMatch(iso, match.start(), match.end(), text[match.start() : match.end()]))
    return tuple(sorted(found, key=lambda m: m.start))


_DATE_LIKE = re.compile(r"(?<![\d.])(?:\d{4}\.\d{1,2}\.\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})(?![\d])")


def impossible_dates(text: str) -> list[str]:
    """Numeric dates as printed that are no calendar date (``2010.13.45``)."""
    real = {(m.start, m.end) for m in find_dates(text)}
    return [m.group(0) for m in _DATE_LIKE.finditer(text) if not any(start <= m.start() < end for start, end in real)]


def first_date(text: str) -> DateMatch | None:
    dates = find_dates(text)
    return dates[0] if dates else None


def parse_date(text: str) -> str | None:
    """The ISO form of the first date in `text`, or None."""
    match = first_date(text)
    return match.iso if match else None


def add_days(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def add_months(iso: str, months: int) -> str:
    """Calendar months; a day past the month's end falls back to its last day."""
    date = dt.date.fromisoformat(iso)
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    for day in (date.day, 30, 29, 28):
        iso_result = iso_date(year, month, day)
        if iso_result:
            return iso_result
    raise ValueError(iso)  # unreachable: every month has 28 days


def to_display(iso: str | None) -> str:
    """`2009-10-19` -> `19.10.2009`, the form lawyers write."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"
