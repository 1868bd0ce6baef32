"""Commencement clauses and the dates they give: exact, a window, or unknown.

The day-counting rule, in one place (see ../shared/notes/TEMPORAL.md, "What the law says"):

- Civil Code of the Republic of Kazakhstan, art. 173: a period counted in days starts on
  the day after the event. "After ten calendar days from the day of first official
  publication" therefore covers P+1 … P+10 and the act applies from **P + 10 + 1**.
  No shift to a working day is made.
- A period in months ends on the same date N months later (the last day of that month
  when it has no such date); the act applies from the day after.
- "From the day of first official publication" -> P; "from the day of signing" -> the
  act's own date; "from 01.01.2018" -> that date.
- P is not printed in the texts. Without it a publication-based date is a window: P is
  not earlier than the act's adoption (nor, for a registered act, its registration day R),
  and, for acts registered since 2017-01-01, not later than R + 30 (Law "On legal acts"
  art. 37 p.3). Before 2017 no deadline was found, so the window stays open at the end.
"""

from __future__ import annotations

import re

from .dates import DateMatch, add_days, add_months, find_dates
from .language import (
    COMMENCEMENT_ANCHORS,
    COMMENCEMENT_VERBS,
    NUMBER_WORDS,
    RUSSIAN_COMMENCEMENT_ANCHORS,
    RUSSIAN_COMMENCEMENT_VERBS,
    RUSSIAN_NUMBER_WORDS,
    TERM_END_PHRASES,
    fold,
    squash,
)
from .model import CommencementRule, EffectiveDate

PUBLICATION_DEADLINE_SINCE = "2017-01-01"
PUBLICATION_DEADLINE_DAYS = 30

_ONE_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
#: "он", "жиырма бір" (20 + 1): tens and units are written as separate words.
_NUMBER_WORD = rf"(?:(?:{_ONE_NUMBER_WORD})\s+)*(?:{_ONE_NUMBER_WORD})"
_DAYS = re.compile(rf"(?:(?P<digits>\d+)|(?P<word>{_NUMBER_WORD}))\s+(?:жұмыс\s+)?күн(?!і)")
_MONTHS = re.compile(rf"(?:(?P<digits>\d+)|(?P<word>{_NUMBER_WORD}))\s+ай(?![а-яәғқңөұүһі])")


def is_commencement_clause(text: str) -> bool:
    squashed = squash(text)
    return any(verb in squashed for verb in COMMENCEMENT_VERBS)


def parse_commencement(text: str) -> CommencementRule:
    """Read a clause such as ``ресми жарияланған күнінен бастап күнтізбелік он күн өткен соң
    қолданысқа енгізіледі`` into a rule. Unknown phrasing gives rule ``unknown``."""
    dates = find_dates(text)
    ends = [date for date in dates if _ends_term(text, date)]
    rule = _start_rule(text, [date for date in dates if date not in ends])
    rule.applies_until = ends[0].iso if ends else None
    return rule


def _start_rule(text: str, starts: list[DateMatch]) -> CommencementRule:
    """The rule for when the clause's act starts to apply (`starts`: the clause's dates
    but those that end a term)."""
    squashed = squash(text)
    anchor = next((rule for phrase, rule in COMMENCEMENT_ANCHORS if phrase in squashed), None)
    if anchor == "signing":
        return CommencementRule("signing", text=text)
    if anchor == "publication":
        folded = re.sub(r"\s+", " ", fold(text))
        days = _count(_DAYS.search(folded)) if "өткен" in folded or "кейін" in folded else None
        months = _count(_MONTHS.search(folded)) if "өткен" in folded else None
        return CommencementRule("publication", offset_days=days, offset_months=months, text=text)
    if starts and "бастап" in squashed:
        return CommencementRule("fixed_date", fixed_date=starts[0].iso, text=text)
    if "қараңыз" in squashed or "тармағынқара" in squashed:
        return CommencementRule("see_act", text=text)
    return CommencementRule("unknown", text=text)


def term_end(text: str) -> DateMatch | None:
    """The last day of the term a clause sets: ``… және 2023 жылғы 31 желтоқсанға дейін
    қолданылады`` -> the date ``2023-12-31``; None when it sets none."""
    return next((date for date in find_dates(text) if _ends_term(text, date)), None)


def _ends_term(text: str, date: DateMatch) -> bool:
    """`date` (found in `text`) is followed by a `TERM_END_PHRASES` phrase."""
    return squash(text[date.end : date.end + 40]).startswith(TERM_END_PHRASES)


_RUSSIAN_DAYS = re.compile(rf"(?P<words>(?:(?:{'|'.join(RUSSIAN_NUMBER_WORDS)})\s+)+)календарных\s+дней")


def parse_commencement_ru(text: str) -> CommencementRule | None:
    """A Russian clause of the bank's requisites, or None when `text` holds none:
    ``(приказ вводится в действие по истечении десяти календарных дней после дня его
    первого официального опубликования)``."""
    clause = next((inner for inner in re.findall(r"\(([^()]*)\)", text) if _russian_verb(inner)), text if _russian_verb(text) else None)
    if clause is None:
        return None
    text = clause.strip()
    squashed = re.sub(r"\s+", "", text.lower())
    anchor = next((rule for phrase, rule in RUSSIAN_COMMENCEMENT_ANCHORS if phrase in squashed), None)
    if anchor == "publication":
        days = _RUSSIAN_DAYS.search(text.lower())
        offset = sum(RUSSIAN_NUMBER_WORDS[word] for word in days["words"].split()) if days else None
        return CommencementRule("publication", offset_days=offset, text=text)
    if anchor == "signing":
        return CommencementRule("signing", text=text)
    return CommencementRule("unknown", text=text)


def _russian_verb(text: str) -> bool:
    squashed = re.sub(r"\s+", "", text.lower())
    return any(verb in squashed for verb in RUSSIAN_COMMENCEMENT_VERBS)


def _count(match: re.Match[str] | None) -> int | None:
    if not match:
        return None
    if match["digits"]:
        return int(match["digits"])
    return _number_value(match["word"])


def _number_value(words: str) -> int:
    """``жиырма бір`` -> 21: the values of the words, added (``он бес`` is listed whole)."""
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words]
    return sum(NUMBER_WORDS[word] for word in words.split())


def apply_offset(rule: CommencementRule, publication: str) -> str | None:
    """The first day of application for publication day `publication` (the rule above);
    None past the end of the calendar (a misprinted year 9999)."""
    try:
        if rule.offset_months:
            return add_days(add_months(publication, rule.offset_months), 1)
        if rule.offset_days:
            return add_days(publication, rule.offset_days + 1)
    except (OverflowError, ValueError):
        return None
    return publication


def derive_effective(
    rule: CommencementRule | None,
    adopted_on: str | None,
    registered_on: str | None = None,
    published_on: str | None = None,
    publication_source: str | None = None,
) -> EffectiveDate:
    """The date a rule gives for an act adopted (and maybe registered, published) on these days."""
    if rule is None:
        return EffectiveDate("unknown", basis="no commencement clause in the text")
    if rule.rule == "fixed_date" and rule.fixed_date:
        return EffectiveDate("exact", exact=rule.fixed_date, basis=f"fixed date in the clause «{rule.text}»")
    if rule.rule == "signing":
        if adopted_on:
            return EffectiveDate("exact", exact=adopted_on, basis="from the day of signing, the act's own date")
        return EffectiveDate("unknown", basis="from the day of signing, but the act's date is not in the text")
    if rule.rule == "publication":
        return _publication_window(rule, adopted_on, registered_on, published_on, publication_source)
    return EffectiveDate("unknown", basis=f"commencement clause not understood: «{rule.text}»")


def _publication_window(
    rule: CommencementRule,
    adopted_on: str | None,
    registered_on: str | None,
    published_on: str | None,
    publication_source: str | None,
) -> EffectiveDate:
    offset = _offset_words(rule)
    if published_on:
        source = f" ({publication_source})" if publication_source else ""
        if apply_offset(rule, published_on) is None:
            return EffectiveDate("unknown", basis=f"{offset} first official publication on {published_on}: beyond the calendar")
        return EffectiveDate(
            "exact",
            exact=apply_offset(rule, published_on),
            basis=f"{offset} first official publication on {published_on}{source}, per publications.csv",
        )
    floor = max(d for d in (adopted_on, registered_on) if d) if (adopted_on or registered_on) else None
    if floor is None:
        return EffectiveDate("unknown", basis=f"{offset} first official publication; neither publication nor act date known")
    earliest = apply_offset(rule, floor)
    if earliest is None:
        return EffectiveDate("unknown", basis=f"{offset} first official publication; the act's dates lie beyond the calendar")
    latest = None
    why_latest = "no publication deadline is known for its year, so no latest date"
    if registered_on and registered_on >= PUBLICATION_DEADLINE_SINCE:
        try:
            latest = apply_offset(rule, add_days(registered_on, PUBLICATION_DEADLINE_DAYS))
        except OverflowError:
            latest = None
        why_latest = f"publication is due within {PUBLICATION_DEADLINE_DAYS} days of registration ({registered_on})"
    floor_word = "registration" if floor == registered_on else "adoption"
    if latest and latest < earliest:
        return EffectiveDate(
            "unknown",
            basis=(
                f"{offset} first official publication; the act's dates contradict each other "
                f"(adopted {adopted_on}, registered {registered_on}), so no window can be given"
            ),
        )
    return EffectiveDate(
        "bounded",
        earliest=earliest,
        latest=latest,
        basis=(
            f"{offset} first official publication, whose date is not in the corpus; "
            f"publication cannot precede {floor_word} ({floor}); {why_latest} "
            "(its publication date in corpus/publications.csv makes this exact)"
        ),
    )


def _offset_words(rule: CommencementRule) -> str:
    if rule.offset_months:
        return f"{rule.offset_months} months after"
    if rule.offset_days:
        return f"{rule.offset_days} calendar days after"
    return "from the day of"
