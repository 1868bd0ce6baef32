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
from functools import lru_cache
from typing import Any

from .basis import Basis, known_dates
from .dates import DateMatch, add_days, add_months, find_dates
from .languages import Language
from .model import CommencementException, CommencementRule, EffectiveDate

PUBLICATION_DEADLINE_SINCE = "2017-01-01"
PUBLICATION_DEADLINE_DAYS = 30


@lru_cache(maxsize=16384)  # once per distinct unit or note text
def is_commencement_clause(text: str, lang: Language) -> bool:
    squashed = lang.squash(text)
    return any(verb in squashed for verb in lang.COMMENCEMENT_VERBS)


def parse_commencement(text: str, lang: Language) -> CommencementRule:
    """Read a clause such as ``ресми жарияланған күнінен бастап күнтізбелік он күн өткен соң
    қолданысқа енгізіледі`` or ``вводится в действие по истечении десяти календарных дней
    после дня его первого официального опубликования`` into a rule. Unknown phrasing gives
    rule ``unknown``."""
    dates = find_dates(text)
    ends = [date for date in dates if _ends_term(text, date, lang)]
    rule = _start_rule(text, [date for date in dates if date not in ends], lang)
    rule.applies_until = ends[0].iso if ends else None
    return rule


def commencement_in(text: str, lang: Language) -> CommencementRule | None:
    """The commencement clause printed in `text` — in brackets (``Утратил силу приказом …
    (вводится в действие по истечении десяти календарных дней …)``) or the whole text —
    read into a rule; None when `text` holds none."""
    clauses = [inner for inner in re.findall(r"\(([^()]*)\)", text) if is_commencement_clause(inner, lang)]
    clause = clauses[0] if clauses else (text if is_commencement_clause(text, lang) else None)
    return parse_commencement(clause.strip(), lang) if clause is not None else None


def _start_rule(text: str, starts: list[DateMatch], lang: Language) -> CommencementRule:
    """The rule for when the clause's act starts to apply (`starts`: the clause's dates
    but those that end a term)."""
    squashed = lang.squash(text)
    anchor = next((rule for phrase, rule in lang.COMMENCEMENT_ANCHORS if phrase in squashed), None)
    if anchor in ("signing", "publication"):
        folded = re.sub(r"\s+", " ", lang.fold(text))
        after = any(word in folded for word in lang.PERIOD_AFTER_WORDS)
        day_match = lang.PERIOD_DAYS.search(folded) if after else None
        days = _count(day_match, lang)
        months = _count(lang.PERIOD_MONTHS.search(folded), lang) if after else None
        if after and days is None and months is None:
            # "… жарияланған күнінен кейін …" with a period we cannot read: not the day itself
            return CommencementRule("unknown", text=text)
        working = bool(day_match and day_match["working"] and not months)
        return CommencementRule(anchor, offset_days=days, offset_months=months, text=text, offset_working_days=working)
    if starts and lang.starts_from(text, starts[0].start, starts[0].end):
        return CommencementRule("fixed_date", fixed_date=starts[0].iso, text=text)
    if any(word in squashed for word in lang.SEE_ELSEWHERE_WORDS):
        return CommencementRule("see_act", text=text)
    return CommencementRule("unknown", text=text)


def term_end(text: str, lang: Language) -> DateMatch | None:
    """The last day of the term a clause sets: ``… және 2023 жылғы 31 желтоқсанға дейін
    қолданылады`` -> the date ``2023-12-31``; None when it sets none."""
    return next((date for date in find_dates(text) if _ends_term(text, date, lang)), None)


def _ends_term(text: str, date: DateMatch, lang: Language) -> bool:
    """`date` (found in `text`) is followed by a `TERM_END_PHRASES` phrase."""
    return lang.squash(text[date.end : date.end + 40]).startswith(lang.TERM_END_PHRASES)


def _count(match: re.Match[str] | None, lang: Language) -> int | None:
    if not match:
        return None
    if match["digits"]:
        return int(match["digits"])
    return _number_value(match["word"], lang)


def _number_value(words: str, lang: Language) -> int:
    """``жиырма бір`` -> 21: the values of the words, added (``он бес`` is listed whole)."""
    if words in lang.NUMBER_WORDS:
        return lang.NUMBER_WORDS[words]
    return sum(lang.NUMBER_WORDS[word] for word in words.split())


def apply_offset(rule: CommencementRule, publication: str) -> str | None:
    """The first day of application for publication day `publication` (the rule above);
    None past the end of the calendar (a misprinted year 9999). A rule with no period is
    "from the day of publication" itself: `_start_rule` never makes one from a clause that
    names a period it could not read (that is rule ``unknown``). For a period in working
    days this is only the earliest day (`derive_effective` makes it a window)."""
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
    """The date a rule gives for an act adopted (and maybe registered, published) on these
    days, with how it was derived (a `Basis` of rule ``derived_*``, said by `zan.messages`)."""
    if rule is None:
        return EffectiveDate("unknown", basis=Basis("derived_no_clause"))
    if rule.rule == "fixed_date" and rule.fixed_date:
        return EffectiveDate("exact", exact=rule.fixed_date, basis=Basis("derived_fixed", facts=_clause(rule)))
    if rule.rule == "signing":
        return _signing_date(rule, adopted_on)
    if rule.rule == "publication":
        return _publication_window(rule, adopted_on, registered_on, published_on, publication_source)
    return EffectiveDate("unknown", basis=Basis("derived_not_understood", facts=_clause(rule)))


def _clause(rule: CommencementRule) -> dict[str, str]:
    return {"text": rule.text} if rule.text else {}


def _offset(rule: CommencementRule) -> dict[str, Any]:
    """The clause's period as a basis's facts: days or months, and whether working days."""
    facts: dict[str, Any] = {key: value for key, value in (("days", rule.offset_days), ("months", rule.offset_months)) if value}
    if rule.offset_working_days:
        facts["working"] = True
    if rule.rule == "signing":
        facts["anchor"] = "signing"
    return facts


def _signing_date(rule: CommencementRule, adopted_on: str | None) -> EffectiveDate:
    if not adopted_on:
        return EffectiveDate("unknown", basis=Basis("derived_signing_undated"))
    if not (rule.offset_days or rule.offset_months):
        return EffectiveDate("exact", exact=adopted_on, basis=Basis("derived_from_signing", dates={"signed": adopted_on}, facts=_offset(rule)))
    first = apply_offset(rule, adopted_on)
    if first is None:
        return EffectiveDate("unknown", basis=Basis("derived_beyond_calendar", facts=_offset(rule)))
    basis = Basis("derived_from_signing", dates={"signed": adopted_on}, facts=_offset(rule))
    if rule.offset_working_days:  # holidays are not known: no latest day
        return EffectiveDate("bounded", earliest=first, basis=basis)
    return EffectiveDate("exact", exact=first, basis=basis)


def _publication_window(
    rule: CommencementRule,
    adopted_on: str | None,
    registered_on: str | None,
    published_on: str | None,
    publication_source: str | None,
) -> EffectiveDate:
    if published_on:
        first = apply_offset(rule, published_on)
        if first is None:
            return EffectiveDate("unknown", basis=Basis("derived_beyond_calendar", facts=_offset(rule)))
        facts = {**_offset(rule), **({"source": publication_source} if publication_source else {})}
        basis = Basis("derived_from_publication", dates={"published": published_on}, facts=facts)
        if rule.offset_working_days:  # holidays are not known: no latest day
            return EffectiveDate("bounded", earliest=first, basis=basis)
        return EffectiveDate("exact", exact=first, basis=basis)
    floor = max(d for d in (adopted_on, registered_on) if d) if (adopted_on or registered_on) else None
    if floor is None:
        return EffectiveDate("unknown", basis=Basis("derived_undated", facts=_offset(rule)))
    earliest = apply_offset(rule, floor)
    if earliest is None:
        return EffectiveDate("unknown", basis=Basis("derived_beyond_calendar", facts=_offset(rule)))
    latest = None
    facts: dict[str, Any] = {**_offset(rule), "floor": "registration" if floor == registered_on else "adoption"}
    if not rule.offset_working_days and registered_on and registered_on >= PUBLICATION_DEADLINE_SINCE:
        try:
            latest = apply_offset(rule, add_days(registered_on, PUBLICATION_DEADLINE_DAYS))
        except OverflowError:
            latest = None
        facts["deadline_days"] = PUBLICATION_DEADLINE_DAYS
    if latest and latest < earliest:
        return EffectiveDate("unknown", basis=Basis("derived_dates_contradict", dates=known_dates(adopted=adopted_on, registered=registered_on)))
    basis = Basis("derived_publication_not_held", dates=known_dates(floor=floor, registered=registered_on), facts=facts)
    return EffectiveDate("bounded", earliest=earliest, latest=latest, basis=basis)


# --- Split commencement -------------------------------------------------------------------


def commencement_exceptions(text: str, lang: Language) -> list[CommencementException]:
    """The parts a commencement clause puts into force on dates of their own: "за
    исключением пункта 2 статьи 122 , статьи 204 , …, которые вводятся в действие с 1
    января 2008 года" -> one exception (four units, 2008-01-01); "… о наказании в виде
    привлечения к общественным работам вводятся в действие с 1 января 2000 года, о наказании
    в виде ограничения свободы - с 1 января 2003 года, …" -> one per date. Units are read
    where the clause names them by number, kept as printed always."""
    folded = lang.fold(text)
    named = lang.COMMENCEMENT_EXCEPTION.search(folded)
    if named:
        units_text = text[named.start("units") : named.end("units")].strip(" ,")
        when = find_dates(text[named.start("when") : named.end("when")])
        return [
            CommencementException(
                units_text,
                [units_named(piece, lang) for piece in units_text.split(",") if units_named(piece, lang)],
                when[0].iso if when else None,
                text,
            )
        ]
    return _dated_parts(text, lang)


def units_named(text: str, lang: Language) -> list[tuple[str, str | None]]:
    """The units `text` names by number, outermost first, as (kind, label): "пункта 2 статьи
    122" -> [("article", "122"), ("paragraph", "2")]; "3-баптың 2-тармағы" alike."""
    found = [(lang.STRUCTURE_WORDS.get(m["word"], "other"), m["label"]) for m in lang.NOTE_UNIT.finditer(lang.fold(text))]
    return found[::-1] if lang.NOTE_UNITS_INNERMOST_FIRST else found


def _dated_parts(text: str, lang: Language) -> list[CommencementException]:
    """Each starting date of the clause with the words before it (back to the date
    before): the parts of a code an enacting law puts into force one by one."""
    dates = [date for date in find_dates(text) if lang.starts_from(text, date.start, date.end) or _from_after(text, date, lang)]
    if len(dates) < 2:
        return []
    parts = []
    previous = 0
    for date in dates:
        words = text[previous : date.start].strip(" ,;-–—")
        words = lang.DATED_PART_TRIM.sub("", words).strip(" ,;-–—")
        parts.append(CommencementException(words, [], date.iso, text))
        previous = date.end
    return parts


def _from_after(text: str, date: DateMatch, lang: Language) -> bool:
    """A date followed by "from" (Kazakh "2000 жылғы 1 қаңтардан бастап")."""
    return lang.starts_from(text[date.start : date.end + 12], 0, date.end - date.start) and not lang.KIND_BEFORE_DATE

