"""One act, several language texts.

Every act of Kazakhstan is published in Kazakh and in Russian, and the bank keeps one
file per language (``kaz.md``, ``rus.md``). Files of one act (same kind, adoption date
and number: `db.versions.act_identity`) are one act with a text per language — never
versions of each other. Each text keeps its own units, notes and versions; the primary
text (Kazakh when held, the state language) speaks for the act in `acts`, and what it
does not say the other text does.

Units are paired across the languages by their key (article, point, subpoint numbers);
a unit without a partner, and a fact the texts disagree on (the act's entry into force,
its status, the amending acts a unit's notes name), is a `problems` row saying which
text said what.
"""

from __future__ import annotations

from parser.basis import Basis
from parser.languages import LANGUAGES
from parser.model import Act, CommencementRule, EffectiveDate, ParsedDocument, Problem
from parser.references import normal_number

#: Act fields the primary text takes from another when it lacks them.
SHARED_FIELDS = ("kind", "kind_text", "issuer", "adopted_on", "number", "registered_on", "registration_number", "header_text")

#: How much an act-level date says: an exact date over a window over nothing.
DATE_STRENGTH = {"exact": 2, "bounded": 1, "unknown": 0}


def by_language(documents: list[ParsedDocument]) -> dict[str, list[ParsedDocument]]:
    """The documents of one act grouped by language, each group in the given order
    (oldest version first); the primary language first: the first registered language
    held (`parser.languages.LANGUAGES`: Kazakh, then Russian)."""
    groups: dict[str, list[ParsedDocument]] = {}
    for document in documents:
        assert document.act is not None
        groups.setdefault(document.act.language or "", []).append(document)
    order = [code for code in LANGUAGES if code in groups] + [code for code in groups if code not in LANGUAGES]
    return {code: groups[code] for code in order}


def reconcile(texts: dict[str, ParsedDocument]) -> list[Problem]:
    """Compare the newest document of each language text with the primary one (the first):
    fill what the primary act lacks, take the more precise entry into force, and list
    every unpaired unit and every disagreement as a problem."""
    languages = list(texts)
    primary = texts[languages[0]]
    problems: list[Problem] = []
    for language in languages[1:]:
        other = texts[language]
        _fill_missing(primary.act, other.act)
        problems += _entry_into_force(primary, other)
        problems += _status(primary, other)
        problems += unpaired_units(primary, other)
        problems += _amending_acts(primary, other)
        problems += instruction_disagreements(primary, other)
    return problems


def instruction_disagreements(primary: ParsedDocument, other: ParsedDocument) -> list[Problem]:
    """An amending act's instructions read in both languages, clause by clause: where one
    change is phrased differently (149902: the Russian text deletes words the Kazakh text
    replaces, or adds words after a word the Kazakh text replaces), both are kept, in each
    text's `instructions`, and a `language_disagreement` row says so; likewise a clause
    count that differs."""
    mine, theirs = _operations_by_clause(primary), _operations_by_clause(other)
    if not mine and not theirs:
        return []
    if len(mine) != len(theirs):
        return [_disagreement(primary, other, "number of amending instructions", len(mine), len(theirs))]
    return [
        _disagreement(primary, other, f"operation of amending instruction {clause}", ", ".join(sorted(mine[clause])), ", ".join(sorted(theirs.get(clause, ()))))
        for clause in sorted(mine)
        if mine[clause] != theirs.get(clause)
    ]


def _operations_by_clause(document: ParsedDocument) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for instruction in document.instructions:
        found.setdefault(instruction.clause or instruction.ordinal, set()).add(instruction.operation)
    return found


def share_entry_into_force(primary: ParsedDocument, documents: list[ParsedDocument]) -> None:
    """One act enters into force once, whatever the language: every text's act and the
    original version of each text (the one no amending act caused) take the primary
    text's entry into force, as `reconcile` decided it, so the act, its units and its
    versions agree on the day."""
    effective, commencement = primary.act.effective, primary.act.commencement
    for document in documents:
        if document.act is not None:
            document.act.effective, document.act.commencement = effective, commencement
        version = document.version
        if version is not None and version.caused_by is None:
            version.effective, version.commencement = effective, commencement


def _fill_missing(primary: Act | None, other: Act | None) -> None:
    if primary is None or other is None:
        return
    for field in SHARED_FIELDS:
        if getattr(primary, field) is None and getattr(other, field) is not None:
            setattr(primary, field, getattr(other, field))


def _entry_into_force(primary: ParsedDocument, other: ParsedDocument) -> list[Problem]:
    """The act's own entry into force, from what both texts allow. Where one text is
    more precise and the other agrees (an exact date inside the other's window, or a
    window inside it), the precise one stands: an exact date read from one language is
    not lost for a window in the other. Where they contradict each other, the answer
    widens to every day either allows, and the disagreement is listed."""
    mine, theirs = primary.act.effective, other.act.effective
    if theirs is None or theirs.status == "unknown":
        return []
    if mine is None or mine.status == "unknown":
        primary.act.effective, primary.act.commencement = theirs, other.act.commencement
        return []
    same_rule = _terms(primary.act.commencement) == _terms(other.act.commencement)
    if mine.window() == theirs.window() and same_rule:
        return []
    if same_rule or None in (primary.act.commencement, other.act.commencement):
        if _within(mine, theirs):
            return []
        if _within(theirs, mine):
            primary.act.effective, primary.act.commencement = theirs, other.act.commencement
            return []
    (start_a, end_a), (start_b, end_b) = mine.window(), theirs.window()
    primary.act.effective = EffectiveDate(
        "bounded",
        earliest=min(start_a, start_b),
        latest=None if end_a is None or end_b is None else max(end_a, end_b),
        basis=Basis("derived_texts_disagree", facts={"windows": {primary.act.language: list(mine.window()), other.act.language: list(theirs.window())}}),
    )
    return [_disagreement(primary, other, "entry into force", _window_text(mine), _window_text(theirs))]


def _terms(rule: CommencementRule | None) -> tuple | None:
    return rule.terms() if rule else None


def _within(narrow: EffectiveDate, wide: EffectiveDate) -> bool:
    """Every day `narrow` allows is one `wide` allows."""
    (start, end), (wide_start, wide_end) = narrow.window(), wide.window()
    return start >= wide_start and (wide_end is None or (end is not None and end <= wide_end))


def _window_text(date: EffectiveDate) -> str:
    start, end = date.window()
    return start if start == end else f"{start} – {end or '?'}"


def _status(primary: ParsedDocument, other: ParsedDocument) -> list[Problem]:
    """A repeal recorded in one text only: the act is repealed (the other text may be
    older), and the disagreement is listed."""
    mine, theirs = primary.act.status, other.act.status
    if mine == theirs:
        return []
    if theirs == "repealed" and mine != "repealed":
        primary.act.status = "repealed"
        primary.act.status_basis = Basis("repeal_in_other_text", facts={"language": other.act.language, "source": other.source_path})
        primary.act.repeal_text = primary.act.repeal_text or other.act.repeal_text
        primary.header_amendments = primary.header_amendments or other.header_amendments
    return [_disagreement(primary, other, "status", mine, theirs)]


def unpaired_units(primary: ParsedDocument, other: ParsedDocument) -> list[Problem]:
    """Units of one text with no unit of the same key in the other (headers and
    signatures aside: they are printed differently in each language)."""
    mine = _numbered_keys(primary)
    theirs = _numbered_keys(other)
    problems = []
    for document, keys, partner_keys, partner in ((primary, mine, theirs, other), (other, theirs, mine, primary)):
        for key, line in keys.items():
            if key not in partner_keys:
                problems.append(
                    Problem(
                        "warning",
                        "unit_without_translation",
                        f"{document.act.language} unit {key} ({document.source_path}) has no unit of the same key "
                        f"in the {partner.act.language} text ({partner.source_path})",
                        line,
                    )
                )
    return problems


def _numbered_keys(document: ParsedDocument) -> dict[str, int]:
    """The keys of the units that carry a printed number, and their first line."""
    return {p.key: p.source_line for p in document.provisions if p.label is not None}


def _amending_acts(primary: ParsedDocument, other: ParsedDocument) -> list[Problem]:
    """The amending acts each unit's notes name ((date, number) pairs), compared across
    the texts for the units both hold."""
    mine, theirs = _acts_by_unit(primary), _acts_by_unit(other)
    problems = []
    for key in sorted(mine.keys() & theirs.keys()):
        if not _same_acts(mine[key], theirs[key]):
            problems.append(
                _disagreement(primary, other, f"amending acts of unit {key}", _acts_text(mine[key]), _acts_text(theirs[key]))
            )
    return problems


def _acts_by_unit(document: ParsedDocument) -> dict[str, frozenset[tuple[str | None, str | None]]]:
    acts: dict[str, set[tuple[str | None, str | None]]] = {}
    for note in document.notes:
        key = note.target_key or "act"
        acts.setdefault(key, set()).update((a.act.date, a.act.number) for a in note.amendments if a.act.date)
    return {key: frozenset(found) for key, found in acts.items()}


def _same_acts(mine: frozenset, theirs: frozenset) -> bool:
    """The same amending acts: the same dates, each with a number the other text prints
    alike or more fully (``№ 9`` and ``№ 9-IV``: the convocation after the dash)."""
    if {date for date, _ in mine} != {date for date, _ in theirs}:
        return False
    return all(any(_same_number(number, other) for day, other in theirs if day == date) for date, number in mine)


def _same_number(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = normal_number(a), normal_number(b)
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def _acts_text(acts: frozenset[tuple[str | None, str | None]]) -> str:
    return ", ".join(f"{date} № {number}" for date, number in sorted(acts, key=lambda act: (act[0] or "", act[1] or ""))) or "none"


def _disagreement(primary: ParsedDocument, other: ParsedDocument, fact: str, mine: object, theirs: object) -> Problem:
    return Problem(
        "warning",
        "language_disagreement",
        f"the texts disagree on the {fact}: {primary.act.language} ({primary.source_path}) says {mine}, "
        f"{other.act.language} ({other.source_path}) says {theirs}",
    )
