"""Provision timelines: the intervals a consolidated text's notes imply, and the answer
they give for a date.

A consolidated text holds the current wording only. From the notes we know, for each
unit, *when* its wording changed (exactly or within a window), not what it said before:

- a note on a unit covers that unit; a note on the whole of a container (``Ереже жаңа
  редакцияда``, ``Ереже 3-қосымшамен толықтырылды``) covers every unit inside it; a note
  on a heading (``1-тараудың атауы``) covers the heading only;
- ``inserted``: the unit did not exist before; ``deleted`` / ``repealed``: it stops;
- any other change: the unit existed before, but its earlier wording is not held.

A unit's timeline is a list of `Version`s, each running from a `Bound` to the next; only
the last one, after the last change, carries the current text as known. `answer_on`
turns a timeline into the status on a date: ``in_force``, ``not_in_force`` or
``uncertain`` — never rounded into a yes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from .basis import Basis, act_data, known_dates
from .dates import add_days
from .model import Amendment, CommencementRule, EffectiveDate, ParsedDocument, Provision

if TYPE_CHECKING:
    from .languages import Language

T = TypeVar("T")

STARTS = ("inserted",)
ENDS = ("deleted", "repealed")
#: Actions that change nothing in force: a change not yet in force (an editorial remark, a
#: pending amendment), the act's own commencement or term said by a note.
NOT_CHANGES = ("pending_new_wording", "pending_amended", "pending_inserted", "pending_deleted", "pending_repealed", "commencement", "term")


def commencement_basis(
    effective: EffectiveDate, rule: CommencementRule | None, floor: str | None = None, floor_is_registration: bool = False
) -> Basis:
    """When something took effect, by its commencement clause: the rule and its offset,
    the day or window derived, and the day publication cannot precede (`floor`: the
    act's registration, or its adoption)."""
    facts: dict[str, Any] = {"rule": rule.rule if rule else "unknown"}  # the status: exact, a window, or no date
    if rule is not None:
        facts.update({k: v for k, v in (("days", rule.offset_days), ("months", rule.offset_months)) if v})
    exact = effective.exact if effective.status == "exact" else None
    dates = known_dates(
        exact=exact,
        fixed=rule.fixed_date if rule else None,
        earliest=None if exact else effective.earliest,
        latest=None if exact else effective.latest,
        floor=floor if facts["rule"] == "publication" and not exact else None,
    )
    if floor_is_registration and "floor" in dates:
        facts["floor"] = "registration"
    return Basis("commencement", dates=dates, facts=facts)


@dataclass(frozen=True)
class Bound:
    """A moment known exactly, or only within [earliest, latest] (None = unbounded)."""

    earliest: str | None
    latest: str | None
    basis: Basis

    @property
    def exact(self) -> bool:
        return self.earliest is not None and self.earliest == self.latest

    def passed(self, date: str) -> bool:
        """Provably reached on `date`."""
        return self.latest is not None and date >= self.latest

    def ahead(self, date: str) -> bool:
        """Provably not yet reached on `date`."""
        return self.earliest is not None and date < self.earliest

    def before(self, date: str) -> bool:
        """Provably reached before `date` (on the day before it at the latest)."""
        return self.latest is not None and self.latest < date

    def within(self, first: str, last: str) -> bool:
        """Provably reached on a day from `first` to `last`: its whole window is inside."""
        return self.earliest is not None and self.latest is not None and first <= self.earliest and self.latest <= last

    def window(self) -> dict[str, str]:
        """The bound's days as a basis's dates."""
        return known_dates(earliest=self.earliest, latest=self.latest)


def bound_from(effective: EffectiveDate, floor: str | None = None, rule: CommencementRule | None = None) -> Bound:
    basis = commencement_basis(effective, rule, floor)
    if effective.status == "exact" and effective.exact:
        return Bound(effective.exact, effective.exact, basis)
    if effective.status == "bounded":
        return Bound(effective.earliest, effective.latest, basis)
    return Bound(floor, None, basis)


@dataclass
class Change:
    """One amendment touching a unit."""

    ref: tuple[int, int]  # (note ordinal, amendment index); note 0 is the requisites sentence
    action: str
    bound: Bound
    act: dict[str, str]  # the amending act: `act_data`
    adopted_on: str | None  # the amending act's date: orders changes whose windows overlap


@dataclass
class Version:
    key: str  # provision key
    start: Bound
    end: Bound | None  # None: no end known to the text
    text_known: bool
    text: str | None
    basis: Basis
    started_by: tuple[int, int] | None = None
    ended_by: tuple[int, int] | None = None


@dataclass
class Answer:
    status: str  # in_force | not_in_force | uncertain
    text_known: bool
    text: str | None
    basis: Basis
    earliest: str | None = None  # the window in which the status can change
    latest: str | None = None
    wording: Basis | None = None  # the part of `basis` about the wording alone


@dataclass
class Timelines:
    act_start: Bound
    act_end: Bound | None
    act_end_ref: tuple[int, int] | None
    versions: dict[str, list[Version]] = field(default_factory=dict)


def hold_until(timelines: Timelines, as_at: str, source: str) -> None:
    """A consolidated text proves its wording only as far as the day it was current (its
    as-at date: the bank's version date of the newest version held, or the day a git
    mirror was last updated): a later change would be in a later version, which the
    corpus may not hold (TEMPORAL.md). (`source`, the text's file, is the act's own:
    `act_texts`; the basis names only the day.) So each unit's current wording stays known up to
    that day, or to the day the wording took effect when that is later; after it, the unit
    goes on with its wording not proven, and the current text is only the candidate."""
    for versions in timelines.versions.values():
        last = versions[-1]
        if last.end is not None or not last.text_known:
            continue
        cut = held_cut(as_at, last.start.latest or last.start.earliest)
        bound = Bound(cut, cut, held_bound_basis(as_at))
        last.end = bound
        versions.append(Version(key=last.key, start=bound, end=None, text_known=False, text=None, basis=held_basis(as_at)))


def prove_in_force_as_at(timelines: Timelines, as_at: str) -> None:
    """An official text as at `as_at` that an amending act produced (the bank's version of
    that date) shows the act in force then: it was amended, and nothing in it repeals it by
    that day. So the act had entered into force by `as_at` — the latest day of its start,
    when the clause left it open or later, is closed there, and the basis says on what it
    rests. Units that start with the act start with it. (A unit's own wording is not
    closed so: the bank's version date is the amending act's adoption, and a wording it
    prints may not have taken effect by then.)"""
    start, end = timelines.act_start, timelines.act_end
    if start.earliest is None or start.earliest > as_at or (start.latest is not None and start.latest <= as_at):
        return
    if end is not None and not end.ahead(as_at):
        return
    closed = Bound(start.earliest, as_at, Basis("in_force_as_at", dates={"as_at": as_at}, parts=(start.basis,)))
    for versions in timelines.versions.values():
        if versions and versions[0].start == start:  # by value: a unit first held in an older version has its copy
            versions[0].start = closed
    timelines.act_start = closed


def held_cut(as_at: str, took_effect: str | None) -> str:
    """The day a held unit's wording stops being proven: the day after the text's as-at
    date, or after the day the wording took effect when that is later."""
    return add_days(max(as_at, took_effect) if took_effect else as_at, 1)


def held_bound_basis(as_at: str) -> Basis:
    """Why a held unit's proven wording ends where `held_cut` puts it."""
    return Basis("held_as_at", dates={"as_at": as_at})


def held_basis(as_at: str) -> Basis:
    """Why a held unit goes on after the cut with its wording not proven."""
    return Basis("held_unproven", dates={"as_at": as_at})


def amending_act(amendment: Amendment) -> dict[str, str]:
    return act_data(amendment.act.kind, amendment.act.number, amendment.act.date)


def change_basis(action: str, act: dict[str, str], when: Basis) -> Basis:
    """A bound set by an amending act's change: the act, the action, and when it took effect."""
    return Basis("changed_by", act=act, facts={"action": action}, parts=(when,))


def _change(ref: tuple[int, int], amendment: Amendment) -> Change:
    bound = bound_from(amendment.effective, rule=amendment.commencement)
    # publication cannot precede the amending act's adoption (said, not a bound of the change)
    when = commencement_basis(amendment.effective, amendment.commencement, amendment.act.date)
    return Change(ref, amendment.action, Bound(bound.earliest, bound.latest, when), amending_act(amendment), amendment.act.date)


def build_timelines(document: ParsedDocument, on_demand: bool = False) -> Timelines:
    """The timeline of the act and of every provision of `document`. `on_demand`: each
    provision's timeline is made when first asked for (`UnitTimelines`): merging an act's
    versions (`parser.versions.merged_timelines`) reads an older version's timelines only
    for the units it first holds or that change after it, a few of each version's."""
    act = document.act
    assert act is not None
    act_start = bound_from(act.effective or EffectiveDate("unknown", basis=Basis("derived_no_clause")), act.adopted_on, act.commencement)
    act_end, act_end_ref = _act_end(document)
    parents = {p.key: p.parent_key for p in document.provisions}
    changes_on: dict[str, list[tuple[str, Change]]] = {}
    doubts = _doubts(document, parents)
    for note in document.notes:
        if note.target_key is None:
            continue
        for index, amendment in enumerate(note.amendments, start=1):
            if amendment.action in NOT_CHANGES:
                continue
            change = _change((note.ordinal, index), amendment)
            known = changes_on.setdefault(note.target_key, [])
            if not any(part == note.target_part and c.act == change.act and c.action == change.action for part, c in known):
                known.append((note.target_part, change))  # the same act noted twice on a unit is one change
    throughout = _throughout(document)
    own_starts = _own_starts(document)
    timelines = Timelines(act_start, act_end, act_end_ref)

    def unit_versions(provision: Provision) -> list[Version]:
        changes = [change for _, change in changes_on.get(provision.key, [])]
        if provision.kind not in ("title", "other", "signature", "approval"):
            changes += throughout
        ancestor = parents.get(provision.key)
        while ancestor:
            changes += [change for part, change in changes_on.get(ancestor, []) if part == "whole"]
            ancestor = parents.get(ancestor)
        placeholder = _placeholder_change(provision, document)
        if placeholder is not None and not any(change.action in ENDS for change in changes):
            changes.append(placeholder)
        start = _nearest(provision.key, parents, own_starts) or act_start
        versions = _versions(provision.key, provision.text, changes, start, act_end, act_end_ref)
        doubt = _nearest(provision.key, parents, doubts)
        if doubt and versions[-1].text_known:
            last = versions[-1]
            versions[-1] = Version(last.key, last.start, last.end, False, None, last.basis.but(doubt), last.started_by, last.ended_by)
        return versions

    if on_demand:
        timelines.versions = UnitTimelines(document.provisions, unit_versions)  # type: ignore[assignment]
        return timelines
    for provision in document.provisions:
        timelines.versions[provision.key] = unit_versions(provision)
    return timelines


class UnitTimelines(Mapping):
    """Each provision's timeline by key, made when first asked for (and kept)."""

    def __init__(self, provisions: list[Provision], make: Callable[[Provision], list[Version]]) -> None:
        self._provisions = {provision.key: provision for provision in provisions}  # the last of a key, as a dict built in order keeps
        self._make = make
        self._made: dict[str, list[Version]] = {}

    def __getitem__(self, key: str) -> list[Version]:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._make(self._provisions[key])
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._provisions)

    def __len__(self) -> int:
        return len(self._provisions)


def _own_starts(document: ParsedDocument) -> dict[str, Bound]:
    """Units of the act that a split commencement puts into force on a date of their own
    ("… за исключением статьи 5, которая вводится в действие с 1 января 2008 года"): from
    that date, they and what they hold."""
    rule = document.act.commencement if document.act else None
    starts: dict[str, Bound] = {}
    for exception in rule.exceptions if rule else []:
        if exception.fixed_date:
            for key in exception.unit_keys:
                starts[key] = Bound(exception.fixed_date, exception.fixed_date, _own_commencement(exception.text))
    for note in document.notes:  # "Вводится в действие с 12.07.2026 …" under a unit's heading
        if note.target_key and not note.amendments and note.target_status == "unit":
            from .languages import document_language
            from .temporal import parse_commencement

            own = parse_commencement(note.text, document_language(document))
            if own.rule == "fixed_date" and own.fixed_date:
                starts[note.target_key] = Bound(own.fixed_date, own.fixed_date, _own_commencement(note.text))
    return starts


def _own_commencement(clause: str | None) -> Basis:
    return Basis("own_commencement", facts={"text": clause} if clause else {})


def _throughout(document: ParsedDocument) -> list[Change]:
    """Changes of words throughout the text ("По всему тексту … слова … заменены …"): each
    unit's wording may have changed then (which units hold the words is not read)."""
    return [
        _change((note.ordinal, index), amendment)
        for note in document.notes
        if note.target_part == "text"
        for index, amendment in enumerate(note.amendments, start=1)
        if amendment.action not in NOT_CHANGES + STARTS + ENDS
    ]


def _doubts(document: ParsedDocument, parents: dict[str, str | None]) -> dict[str, Basis]:
    """Units whose wording cannot be vouched for, and why: a note on them (or printed among
    them, when it names no unit found) that was not fully understood. A wording is known
    only when every note on the unit and its containers was understood."""
    doubts: dict[str, Basis] = {}
    for note in document.notes:
        not_read = [a for a in note.amendments if a.action == "other"]  # an unknown date is already a window
        if note.target_status in ("not_found", "unrecognized") and note.printed_after_key:
            key = note.printed_after_key
            while parents.get(key) and not key.rsplit("/", 1)[-1].startswith("art"):
                key = parents[key]  # the article (or top unit) the note is printed in
            facts = {"target": note.target_text, "line": note.source_line}
            doubts.setdefault(key, Basis("note_target_not_found", facts={k: v for k, v in facts.items() if v is not None}))
        elif note.target_key and not_read:
            doubts.setdefault(note.target_key, Basis("note_change_unnamed", facts={"line": note.source_line} if note.source_line else {}))
    return doubts


def _nearest(key: str, parents: dict[str, str | None], found: dict[str, T]) -> T | None:
    """What `found` holds for the unit or for the nearest unit containing it: a doubt on
    its wording, the start a split commencement gives it."""
    while key:
        if key in found:
            return found[key]
        key = parents.get(key)  # type: ignore[assignment]
    return None


def _placeholder_change(provision, document: ParsedDocument) -> Change | None:
    """A unit whose text is only its exclusion ("Статья 26. Исключена Законом РК от …",
    "5. Алып тасталды - … бұйрығымен") with no note saying so: it ends, at a date not
    known unless the text names the act (not before that act's adoption)."""
    from .languages import document_language
    from .notes import parse_note

    if provision.kind not in ("article", "paragraph", "part", "subparagraph", "chapter", "section"):
        return None
    lang = document_language(document)
    body = _deletion_body(provision.text, lang)
    if body is None:
        return None
    parsed = parse_note(body, lang)
    amendment = parsed.amendments[0] if parsed.amendments else None
    date = amendment.act.date if amendment else None
    act = amending_act(amendment) if amendment and date else {}
    bound = Bound(date, None, Basis("excluded_in_text", facts={"text": body}))
    return Change((0, 0), "deleted", bound, act, date)


@lru_cache(maxsize=16384)  # once per distinct unit text: every version reprints most of them
def _deletion_body(text: str, lang: Language) -> str | None:
    """The words of a unit whose text is only its exclusion ("Исключена …"), else None."""
    body = _placeholder_body(text)
    return body if lang.fold(body).startswith(lang.DELETION_PLACEHOLDERS) else None


def _placeholder_body(text: str) -> str:
    """The words after a unit's label and heading number: "26. Исключена …" -> "Исключена …"."""
    words = text.split()
    for index, word in enumerate(words[:4]):
        if word[:1].isdigit() or word.endswith("."):
            continue
        if index and (words[index - 1][:1].isdigit() or words[index - 1].endswith(".")):
            return " ".join(words[index:])
    return text.strip()


def _act_end(document: ParsedDocument) -> tuple[Bound | None, tuple[int, int] | None]:
    for note in document.notes:
        if note.target_status != "act":
            continue
        for index, amendment in enumerate(note.amendments, start=1):
            if amendment.action == "repealed":
                return _end_bound(amendment), (note.ordinal, index)
    for index, amendment in enumerate(document.header_amendments, start=1):
        if amendment.action == "repealed":
            return _end_bound(amendment), (0, index)  # note 0: the requisites sentence
    return _term_end(document), None


def _term_end(document: ParsedDocument) -> Bound | None:
    """The day after the last day of the term the act's own clause sets, when it sets one."""
    rule = document.act.commencement if document.act else None
    if rule is None or rule.applies_until is None:
        return None
    end = add_days(rule.applies_until, 1)
    return Bound(end, end, Basis("term_end", dates={"until": rule.applies_until}))  # the clause: acts.commencement


def _end_bound(amendment: Amendment) -> Bound:
    bound = bound_from(amendment.effective, amendment.act.date, amendment.commencement)
    return Bound(bound.earliest, bound.latest, change_basis("repealed", amending_act(amendment), bound.basis))


def _sort_key(change: Change) -> tuple[str, str]:
    return (change.adopted_on or "", change.bound.earliest or change.bound.latest or "")


def _versions(
    key: str,
    text: str,
    changes: list[Change],
    act_start: Bound,
    act_end: Bound | None,
    act_end_ref: tuple[int, int] | None,
) -> list[Version]:
    start, started_by, inserted_on = act_start, None, None
    end, ended_by = act_end, act_end_ref
    for change in changes:
        if change.action in STARTS:
            inserted_on = change.adopted_on
            start = Bound(change.bound.earliest, change.bound.latest, change_basis(change.action, change.act, change.bound.basis))
            started_by = change.ref
        elif change.action in ENDS:
            end = Bound(change.bound.earliest, change.bound.latest, change_basis(change.action, change.act, change.bound.basis))
            ended_by = change.ref
    rewordings = sorted(
        (c for c in changes if c.action not in STARTS + ENDS and not _before(c, start, inserted_on)),
        key=_sort_key,
    )
    rewordings = _distinct(rewordings)
    versions: list[Version] = []
    previous_start, previous_ref = start, started_by
    for change in rewordings:
        versions.append(
            Version(
                key,
                previous_start,
                change.bound,
                False,
                None,
                Basis("earlier_wording_not_held", act=change.act),
                previous_ref,
                change.ref,
            )
        )
        previous_start = Bound(change.bound.earliest, change.bound.latest, change_basis(change.action, change.act, change.bound.basis))
        previous_ref = change.ref
    last_basis = Basis("current_since_change", act=rewordings[-1].act) if rewordings else Basis("current_no_note")
    versions.append(Version(key, previous_start, end, True, text, last_basis, previous_ref, ended_by))
    return versions


def _before(change: Change, start: Bound, inserted_on: str | None) -> bool:
    """The change is not about this unit: it provably took effect before the unit existed,
    or its act was adopted before the act that inserted the unit."""
    if inserted_on and change.adopted_on and change.adopted_on < inserted_on:
        return True
    return change.bound.latest is not None and start.earliest is not None and change.bound.latest < start.earliest


def _distinct(changes: list[Change]) -> list[Change]:
    """One change per amending act: a note on the Rules and a note on one paragraph by
    the same order are one change to that paragraph."""
    seen: list[dict[str, str]] = []
    distinct = []
    for change in changes:
        if change.act in seen:
            continue
        seen.append(change.act)
        distinct.append(change)
    return distinct


def answer_on(versions: list[Version], date: str) -> Answer:
    """The status of a unit (or, with one version, the act) on `date`, and whether its
    wording then is known. The two are separate questions: the wording can be provably
    the current one on a date on which the act's own entry into force is still unproven."""
    status, basis, earliest, latest = existence_on(versions[0].start, versions[-1].end, date)
    if status == "not_in_force":
        return Answer(status, False, None, basis, earliest, latest)
    version, wording = _wording(versions, date)
    text_known = version is not None and version.text_known
    start = versions[0].start
    if text_known and (start.earliest is None or date < start.earliest):
        # a wording is known only from the unit's (the act's) own commencement on: with no
        # day before which it cannot have applied, no date can be vouched for
        text_known = False
        wording = wording.but(Basis("start_unknown"))
    text = version.text if text_known and version else None
    return Answer(status, text_known, text, Basis("and", parts=(basis, wording)), earliest, latest, wording)


def existence_on(start: Bound, end: Bound | None, date: str) -> tuple[str, Basis, str | None, str | None]:
    """in_force / not_in_force / uncertain, why, and the window in which that can change."""
    if start.ahead(date):
        return "not_in_force", Basis("not_yet", parts=(start.basis,)), start.earliest, start.latest
    if end is not None and end.passed(date):
        return "not_in_force", Basis("no_longer", parts=(end.basis,)), end.earliest, end.latest
    doubts = []
    window = None
    if not start.passed(date):
        doubts.append(Basis("maybe_not_yet", dates=start.window(), parts=(start.basis,)))
        window = start
    if end is not None and not end.ahead(date):
        doubts.append(Basis("maybe_ended", dates=end.window(), parts=(end.basis,)))
        window = end
    if window is not None:
        return "uncertain", doubts[0] if len(doubts) == 1 else Basis("and", parts=tuple(doubts)), window.earliest, window.latest
    dates = known_dates(since=start.earliest, since_latest=start.latest, until=end.earliest if end else None, until_latest=end.latest if end else None)
    return (
        "in_force",
        Basis("in_force_since", dates=dates, facts={"ends": True} if end else {}),
        end.earliest if end else None,
        end.latest if end else None,
    )


def _wording(versions: list[Version], date: str) -> tuple[Version | None, Basis]:
    """The version whose wording applied on `date`: the latest one whose change has
    provably taken effect, unless a later change may already have (then None)."""
    current = 0
    for index, version in enumerate(versions[1:], start=1):
        if version.start.passed(date):
            current = index
    for later in versions[current + 1 :]:
        if not later.start.ahead(date):
            window = later.start
            return None, Basis("wording_changed_in", dates=window.window(), parts=(window.basis,))
    return versions[current], versions[current].basis


def act_versions(timelines: Timelines, key: str = "act") -> list[Version]:
    """The act itself as a one-version timeline."""
    return [Version(key, timelines.act_start, timelines.act_end, True, None, Basis("the_act"), None, timelines.act_end_ref)]
