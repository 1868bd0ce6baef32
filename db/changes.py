"""Amendment tracking as lawyers ask it (issue 23): since when a unit says something, what
changed in a period, and what is announced but not yet in force.

Each question is one function over the stored versions (`versions`, `version_provisions`,
`version_changes`, `provision_versions`, `amendments`) — nothing is parsed at request time —
taking a plain `sqlite3.Connection`, so `zan since` / `zan changes` / `zan pending` and the
site's pages and JSON give the same answers. Dates are ISO; every explanation is a
`parser.basis.Basis` said by `zan.messages.basis_text` in the language asked (``basis``),
beside its data (``basis_data``). Whether something is in force on a day is
`parser.timeline.existence_on`'s answer, never decided here.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from typing import Any

from db.coming import LISTED_SQL, act_not_yet, announced_not_in_force
from db.queries import (
    ACT_SQL,
    AMENDMENTS_SQL,
    DEFAULT_TEXT_LANGUAGE,
    UnknownAct,
    _act_start,
    _Bases,
    _rows,
    _text_fields,
    _text_params,
    act_text,
    act_versions,
    amendment_took_effect,
    choose_text,
    diff_text,
    in_text,
    row_in_text,
    version_took_effect,
    versions_on,
)
from db.schema import PENDING_NOTE, PENDING_NOTE_DAY
from db.search import normalize
from parser.basis import Basis, act_data, known_dates
from parser.dates import check_date
from parser.languages import LANGUAGES as TEXT_LANGUAGES
from parser.languages import get_language
from parser.model import LAYOUT_ROLES
from parser.timeline import NOT_CHANGES, Bound, existence_on
from zan.messages import basis_text

#: A version's wording took effect on no day we can name (its date status unknown).
UNKNOWN_START = NOT_RECORDED = Basis("not_recorded")


def today() -> str:
    return datetime.date.today().isoformat()


def _said(basis: Basis, lang: str) -> dict[str, Any]:
    """A basis as every answer carries it: in words (``basis``) and as data (``basis_data``)."""
    return {"basis": basis_text(basis.rule, basis.data(), lang), "basis_data": basis.as_dict()}


def _version_basis(version: dict[str, Any]) -> Basis:
    """Why a version's wording took effect when it did: its stored ``date_basis``."""
    return Basis.from_stored(version["date_basis_rule"], version["date_basis_data"]) or UNKNOWN_START


def _took_effect(version: dict[str, Any]) -> dict[str, Any]:
    """When a version's wording took effect (`version_took_effect`): the day or the window,
    and how it was derived."""
    bound = version_took_effect(version)
    return {
        "effective_from": version["effective_from"],
        "effective_from_earliest": bound.earliest,
        "effective_from_latest": bound.latest,
        "date_status": version["date_status"],
        "date_basis": version["date_basis"],
    }


def _amending_act(version: dict[str, Any]) -> dict[str, Any] | None:
    """The amending act a version names as its cause (None for an act's original text)."""
    if not (version["caused_by_kind"] or version["caused_by_number"] or version["caused_by_date"]):
        return None
    return {"kind": version["caused_by_kind"], "number": version["caused_by_number"], "date": version["caused_by_date"], "caused_by": version["caused_by"]}


def _real_versions(conn: sqlite3.Connection, act_id: str, language: str | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One language text of an act and its real versions (never a rebuilt one), oldest first."""
    text = act_text(conn, act_id, language)
    versions = [v for v in act_versions(conn, act_id, text["text_language"]) if not v["rebuilt"]]
    for index, version in enumerate(versions):
        version["ordinal_index"] = index
    return text, versions


def newest_version_on(versions: list[dict[str, Any]], date: str) -> tuple[dict[str, Any], Basis]:
    """The newest version whose wording may apply on `date` (its taking effect not
    provably after it) and why: `resolve_version`'s answer when that version provably
    took effect, else the newer version, said to be unproven on `date` (`versions_on`:
    one scan). ValueError when no version had taken effect by then."""
    on = versions_on(versions, date)
    if on.newest is None:
        raise ValueError(f"no version held had taken effect by {date}")
    if on.newest is on.chosen:
        return on.chosen, on.chosen_basis(date)
    bound = version_took_effect(on.newest)
    return on.newest, Basis("version_may_be_in_effect_on", dates={"date": date, **bound.window()})


# --- 1. Since when -----------------------------------------------------------------------

VERSION_TEXTS_SQL = """
select provision_id, key, kind, label, text, position from version_provisions
where version_id = ? and kind != 'note' and text is not null and text != '' order by position
"""


def phrase_stems(phrase: str, language: str) -> str:
    """A phrase as search reads it (`db.search.normalize`: each word folded and stemmed in
    `language`), padded with spaces so that a match is one of whole stems."""
    return f" {normalize(phrase, get_language(language))} "


def holds_phrase(text: str | None, stems: str, language: str) -> bool:
    """Whether a wording holds the phrase as search matches it: its stems, in order."""
    return bool(text) and stems.strip() != "" and stems in f" {normalize(text or '', get_language(language))} "


def since(conn: sqlite3.Connection, act_id: str, phrase: str, date: str | None = None, language: str | None = None) -> dict[str, Any]:
    """For each unit whose wording holds `phrase` in the version in effect on `date`
    (today by default), the first version of the unbroken run of versions whose wording
    of that unit holds it, when that version's wording took effect and the amending act
    that brought it; ``since_first_held`` when the phrase is in the oldest version held
    (we do not know when it came: no origin is made up).

    ``{"act_id", "phrase", "date", "text_language", …, "version": the version read on
    `date`, "chosen", "units": [{"id", "key", "kind", "label", "text", "since_first_held",
    "version": {"id", "date"}, "took_effect": {…}, "amending_act", "basis", "basis_data"}]}``."""
    date = date or today()
    check_date(date)
    reader = language or DEFAULT_TEXT_LANGUAGE
    text, versions = _real_versions(conn, act_id, language)
    if not versions:  # an Adilet export: one text, and what its notes say
        return _since_from_notes(conn, text, phrase, date, reader)
    current, chosen = newest_version_on(versions, date)
    text_language = text["text_language"] or reader
    stems = phrase_stems(phrase, text_language)
    held: dict[str, bool] = {}  # a wording repeats across versions: each distinct text is read once

    def holds(text: str | None) -> bool:
        if text not in held:
            held[text] = holds_phrase(text, stems, text_language)
        return held[text]

    found = [dict(row) for row in _rows(conn, VERSION_TEXTS_SQL, (current["id"],)) if holds(row["text"])]
    first = {unit["provision_id"]: current for unit in found}
    running = set(first)  # the units whose unbroken run of versions holding the phrase goes on
    for older in reversed(versions[: current["ordinal_index"]]):
        if not running:
            break  # older versions are read only while a run goes on
        wordings = {row["provision_id"]: row["text"] for row in _rows(conn, VERSION_TEXTS_SQL, (older["id"],)) if row["provision_id"] in running}
        for provision_id in list(running):
            if provision_id in wordings and holds(wordings[provision_id]):
                first[provision_id] = older
            else:
                running.discard(provision_id)
    units = [_since_unit(unit, first[unit["provision_id"]], first[unit["provision_id"]]["ordinal_index"] == 0, reader) for unit in found]
    for version in versions:
        version.pop("ordinal_index", None)
    current.pop("ordinal_index", None)
    return {
        "act_id": act_id,
        "phrase": phrase,
        "date": date,
        **_text_fields(text),
        "version": {"id": current["id"], "date": current["date"]},
        "chosen": basis_text(chosen.rule, chosen.data(), reader),
        "units": units,
    }


def _since_unit(unit: dict[str, Any], first: dict[str, Any], oldest: bool, reader: str) -> dict[str, Any]:
    amending = _amending_act(first)
    took = _version_basis(first)
    if oldest:
        basis = Basis("since_first_held", dates={"version": first["date"]}, parts=(took,))
    else:
        act = act_data(first["caused_by_kind"], first["caused_by_number"], first["caused_by_date"]) if amending else None
        basis = Basis("since_version", act=act, dates={"version": first["date"]}, parts=(took,))
    return {
        "id": unit["provision_id"],
        "key": unit["key"],
        "kind": unit["kind"],
        "label": unit["label"],
        "text": unit["text"],
        "since_first_held": oldest,
        "version": {"id": first["id"], "date": first["date"]},
        "took_effect": _took_effect(first),
        "amending_act": None if oldest else amending,
        **_said(basis, reader),
    }


#: Each unit of one text with the start of its present wording (its last interval).
TEXT_UNITS_SQL = f"""
select p.id as provision_id, p.key, p.kind, p.label, p.text, v.valid_from, v.valid_from_latest, v.valid_from_basis_rule,
       v.valid_from_basis_data, v.starts_with_act, v.started_by_amendment_id
from provisions p left join provision_versions v on v.provision_id = p.id
  and v.ordinal = (select max(w.ordinal) from provision_versions w where w.provision_id = p.id)
where p.act_id = :act_id and {in_text("p.id")} and p.text is not null and p.text != ''
  and coalesce(p.role, '') not in ({", ".join(f"'{role}'" for role in LAYOUT_ROLES)})
order by p.position
"""


def _bound_said(bound: Bound, reader: str) -> dict[str, Any]:
    """A start known from notes (a `Bound`) as the ``took_effect`` of an answer."""
    status = "exact" if bound.exact else "bounded" if bound.earliest or bound.latest else "unknown"
    return {
        "effective_from": bound.earliest if bound.exact else None,
        "effective_from_earliest": bound.earliest,
        "effective_from_latest": bound.latest,
        "date_status": status,
        "date_basis": basis_text(bound.basis.rule, bound.basis.data(), reader),
    }


def _noted_act(amendment: Any) -> dict[str, Any] | None:
    if amendment is None:
        return None
    return {"kind": amendment["amending_act_kind"], "number": amendment["amending_act_number"], "date": amendment["amending_act_date"], "caused_by": None}


def _since_from_notes(conn: sqlite3.Connection, text: dict[str, Any], phrase: str, date: str, reader: str) -> dict[str, Any]:
    """`since` for a text held once (an Adilet export): each unit of that text holding the
    phrase, with when its present wording took effect as its notes tell it (the change
    that set it, or the act's own start when no note records one). Whether an earlier
    wording held the phrase too is not known — no earlier text is held — and each unit's
    basis says so; ``from_notes`` marks the answer and each unit. A unit whose present
    wording provably took effect after `date` is left out (what it said then is not held)
    and named in ``worded_later``."""
    params = _text_params(text)
    act = _rows(conn, ACT_SQL, (text["act_id"],)).fetchone()
    amendments = {row["id"]: row for row in _rows(conn, AMENDMENTS_SQL, params)}
    bases = _Bases(act, amendments)
    text_language = text["text_language"] or reader
    stems = phrase_stems(phrase, text_language)
    as_at = {"as_at": text["text_as_at"]} if text["text_as_at"] else {}
    units: list[dict[str, Any]] = []
    later: list[str] = []
    for row in _rows(conn, TEXT_UNITS_SQL, params):
        if not holds_phrase(row["text"], stems, text_language):
            continue
        amendment = amendments.get(row["started_by_amendment_id"]) if row["started_by_amendment_id"] else None
        start = bases.start(row) if row["valid_from"] or row["valid_from_latest"] or row["starts_with_act"] or amendment else NOT_RECORDED
        bound = Bound(row["valid_from"], row["valid_from_latest"], start)
        if bound.ahead(date):  # its present wording came later: what it said on `date` is not held
            later.append(row["key"])
            continue
        if amendment is not None:
            act_named = act_data(amendment["amending_act_kind"], amendment["amending_act_number"], amendment["amending_act_date"])
            basis = Basis("since_notes_changed", act=act_named, dates=as_at, parts=(start,))
        else:
            basis = Basis("since_notes_unchanged", dates=as_at, parts=(start,))
        units.append(
            {
                "id": row["provision_id"],
                "key": row["key"],
                "kind": row["kind"],
                "label": row["label"],
                "text": row["text"],
                "since_first_held": False,
                "from_notes": True,
                "version": None,
                "took_effect": _bound_said(bound, reader),
                "amending_act": _noted_act(amendment),
                **_said(basis, reader),
            }
        )
    chosen = Basis("one_text_held", dates=as_at)
    return {
        "act_id": text["act_id"],
        "phrase": phrase,
        "date": date,
        **_text_fields(text),
        "from_notes": True,
        "version": None,
        "chosen": basis_text(chosen.rule, chosen.data(), reader),
        "units": units,
        "worded_later": later,
    }


# --- 2. What changed in a period --------------------------------------------------------

CHANGES_SQL = """
select c.provision_id, c.kind, c.label, c.change, c.from_key, c.to_key, c.diff, c.from_version_id, c.to_version_id,
       p.position, p.key
from version_changes c left join provisions p on p.id = c.provision_id
where c.act_id = :act_id and c.to_version_id = :version_id and c.change != 'joined'
"""
UNIT_RANGE_SQL = """
with recursive below(id, position) as (
    select id, position from provisions where id = :unit
    union all
    select p.id, p.position from provisions p join below b on p.parent_id = b.id
)
select min(position), max(position) from below
"""


def unit_range(conn: sqlite3.Connection, base: str, units: str | None) -> tuple[int, int] | None:
    """The positions `units` covers in a text (``art5..art9``, ``p3..p7``, ``ch2``): from the
    first unit named to the last unit inside the second (each named by its key, or by the
    end of it: ``p3`` is ``doc/p3`` in an order). None: the whole text. ValueError when a
    unit is not in the text."""
    if not units:
        return None
    first, _, last = units.partition("..")
    low, _ = _unit_positions(conn, base, first.strip())
    _, high = _unit_positions(conn, base, (last or first).strip())
    return (min(low, high), max(low, high))


def _unit_positions(conn: sqlite3.Connection, base: str, key: str) -> tuple[int, int]:
    row = conn.execute(
        f"select id from provisions where {in_text('id')} and (key = :key or key like '%/' || :key) order by key = :key desc, position limit 1",
        {"base": base, "key": key},
    ).fetchone()
    if row is None:
        raise ValueError(f"no unit {key!r} in this text (units are named by key: art5, p3, ch2, app/p7)")
    low, high = conn.execute(UNIT_RANGE_SQL, {"unit": row[0]}).fetchone()
    return low, high


def in_period(bound: Bound, since_date: str, until_date: str) -> str | None:
    """Whether a version whose wording took effect at `bound` did so in the period:
    ``inside`` (its day or whole window is in it), ``may_be`` (its window overlaps it, or
    its day is not known) or None (provably before or after it)."""
    if bound.ahead(until_date) or bound.before(since_date):
        return None
    if bound.within(since_date, until_date):
        return "inside"
    return "may_be"


def change_kind(row: dict[str, Any], diff: list[dict[str, str]] | None) -> str:
    """added / removed / reworded / renumbered: a unit whose key changed and whose words
    did not is renumbered."""
    if row["change"] == "reworded" and row["from_key"] != row["to_key"] and not any(part["op"] != "equal" for part in diff or []):
        return "renumbered"
    return row["change"]


def changes(
    conn: sqlite3.Connection,
    act_id: str,
    since_date: str,
    until_date: str,
    units: str | None = None,
    summary: bool = False,
    language: str | None = None,
) -> dict[str, Any]:
    """Every unit that changed between `since_date` and `until_date` (both included), one
    item per unit in document order, each with the versions that touched it in the period:
    the version, the amending act, when its wording took effect (``in_period`` says
    ``inside`` or ``may_be`` when its window only overlaps the period), the kind of change
    and the word diff (left out with `summary`). `units` narrows to a range (`unit_range`)."""
    check_date(since_date)
    check_date(until_date)
    if since_date > until_date:
        raise ValueError(f"the period starts ({since_date}) after it ends ({until_date})")
    reader = language or DEFAULT_TEXT_LANGUAGE
    text, versions = diff_text(conn, act_id, language)  # the primary text when this one holds no two versions
    versions = [version for version in versions if not version["rebuilt"]]
    span = unit_range(conn, text["base"], units)
    if not versions:  # an Adilet export: one text, and the changes its notes record
        return _changes_from_notes(conn, text, since_date, until_date, units, span, summary, reader)
    items: dict[str, dict[str, Any]] = {}
    touching = []
    for version in versions[1:]:
        where = in_period(version_took_effect(version), since_date, until_date)
        if where is None:
            continue
        touching.append({"id": version["id"], "date": version["date"], "in_period": where})
        for row in _rows(conn, CHANGES_SQL, {"act_id": act_id, "version_id": version["id"]}):
            row = dict(row)
            if span is not None and (row["position"] is None or not span[0] <= row["position"] <= span[1]):
                continue
            diff = json.loads(row["diff"]) if row["diff"] else None
            item = items.setdefault(
                row["provision_id"],
                {"id": row["provision_id"], "key": row["key"], "kind": row["kind"], "label": row["label"], "position": row["position"], "changes": []},
            )
            item["changes"].append(_change(row, version, where, diff, summary, reader))
    ordered = sorted(items.values(), key=lambda item: (item["position"] is None, item["position"] or 0, item["id"]))
    for item in ordered:
        del item["position"]
    return {
        "act_id": act_id,
        "since": since_date,
        "until": until_date,
        "units": units,
        "summary": summary,
        **_text_fields(text),
        "versions": touching,
        "items": ordered,
    }


NOTED_CHANGES_SQL = f"""
select a.*, p.key, p.kind, p.label, p.position
from amendments a left join provisions p on p.id = a.provision_id
where a.act_id = :act_id and {in_text("a.id")} and a.action not in ({", ".join(f"'{action}'" for action in NOT_CHANGES)})
order by coalesce(p.position, -1), a.id
"""
#: A change a note records, as the kinds of change a comparison of versions gives.
NOTED_CHANGE = {"inserted": "added", "deleted": "removed", "repealed": "removed"}


def _changes_from_notes(
    conn: sqlite3.Connection, text: dict[str, Any], since_date: str, until_date: str, units: str | None, span: tuple[int, int] | None, summary: bool, reader: str
) -> dict[str, Any]:
    """`changes` for a text held once (an Adilet export): the changes its notes record
    that took effect in the period, one item per unit named (the act itself when a note
    names no unit), each with the amending act, its date of effect, ``in_period``,
    ``change`` (the note's action as added / removed / reworded, and ``note_action``)
    and no word diff: the earlier wording is not held. ``from_notes`` marks the answer."""
    items: dict[str, dict[str, Any]] = {}
    acts_seen: dict[tuple, dict[str, Any]] = {}
    for row in _rows(conn, NOTED_CHANGES_SQL, _text_params(text)):
        if span is not None and (row["position"] is None or not span[0] <= row["position"] <= span[1]):
            continue
        bound = amendment_took_effect(row)
        where = in_period(bound, since_date, until_date)
        if where is None:
            continue
        amending = _noted_act(row)
        acts_seen.setdefault((amending["kind"], amending["number"], amending["date"]), {**amending, "in_period": where})
        basis = Basis("changed_by_note", act=act_data(row["amending_act_kind"], row["amending_act_number"], row["amending_act_date"]), parts=(bound.basis,))
        unit_id = row["provision_id"] or text["act_id"]
        item = items.setdefault(unit_id, {"id": unit_id, "key": row["key"], "kind": row["kind"], "label": row["label"], "position": row["position"], "changes": []})
        change = {
            "version": None,
            "from_notes": True,
            "note_action": row["action"],
            "amending_act": amending,
            "took_effect": _bound_said(bound, reader),
            "in_period": where,
            "change": NOTED_CHANGE.get(row["action"], "reworded"),
            "renumbered": False,
            "from_key": row["key"],
            "to_key": row["key"],
            **_said(basis, reader),
        }
        if not summary:
            change["diff"] = None
        item["changes"].append(change)
    ordered = sorted(items.values(), key=lambda item: (item["position"] is not None, item["position"] or 0, item["id"]))
    for item in ordered:
        del item["position"]
    return {
        "act_id": text["act_id"],
        "since": since_date,
        "until": until_date,
        "units": units,
        "summary": summary,
        **_text_fields(text),
        "from_notes": True,
        "versions": [],
        "amending_acts": list(acts_seen.values()),
        "items": ordered,
    }


def _change(row: dict[str, Any], version: dict[str, Any], where: str, diff: list | None, summary: bool, reader: str) -> dict[str, Any]:
    amending = _amending_act(version)
    act = act_data(version["caused_by_kind"], version["caused_by_number"], version["caused_by_date"]) if amending else None
    basis = Basis("changed_in_version", act=act, dates={"version": version["date"]}, parts=(_version_basis(version),))
    change = {
        "version": {"id": version["id"], "date": version["date"], "from_id": row["from_version_id"]},
        "amending_act": amending,
        "took_effect": _took_effect(version),
        "in_period": where,
        "change": change_kind(row, diff),
        "renumbered": bool(row["from_key"] and row["to_key"] and row["from_key"] != row["to_key"]),
        "from_key": row["from_key"],
        "to_key": row["to_key"],
        **_said(basis, reader),
    }
    if not summary:
        change["diff"] = diff
    return change


# --- 3. What is coming ------------------------------------------------------------------

PENDING_ACT_COLUMNS = """id, title, kind, number, adopted_on, registered_on, valid_from, valid_from_latest, valid_from_basis_rule, valid_from_basis_data,
       commencement_rule, commencement_offset_days, commencement_offset_months, commencement_fixed_date,
       effective_from, effective_from_earliest, effective_from_latest, date_status, commencement_exceptions,
       (select t.text_as_at from act_texts t where t.id = acts.id) as text_as_at,
       valid_to, valid_to_latest, valid_to_basis_rule, valid_to_basis_data"""
PENDING_ACTS_SQL = f"""
select {PENDING_ACT_COLUMNS}
from acts where (:act_id is null or id = :act_id)
order by adopted_on, id
"""
PENDING_ACTIONS = ", ".join(f"'{action}'" for action in NOT_CHANGES if action.startswith("pending_"))
#: Over the whole corpus, the few acts that can have something coming on :date other than
#: their units (those are `coming_units`'s, `db.coming`), each then decided as one act is:
#: announced by then, and not provably started (`Bound.passed`: no latest day of its start
#: on or before :date), or with a part of a split commencement starting after :date, or a
#: change its notes announce that can take effect after :date (`PENDING_NOTE_DAY`: a change
#: whose last possible day has come is no "coming", `announced_not_in_force`). Each kind
#: found by its index, so that the acts read follow what can be coming, not the corpus.
PENDING_CANDIDATES_SQL = f"""
select {PENDING_ACT_COLUMNS}
from acts where id in (
  select id from acts where valid_from > :date
  union select id from acts where valid_from_latest > :date
  union select id from acts where commencement_exceptions is not null
    and exists (select 1 from json_each(acts.commencement_exceptions) part where json_extract(part.value, '$.effective_from') > :date)
  union select act_id from amendments where {PENDING_NOTE.format(t="")} and {PENDING_NOTE_DAY.format(t="")} > :date)
  and coalesce(adopted_on, '') <= :date
order by adopted_on, id
"""
#: The units `pending` lists on :date (`db.coming.LISTED_SQL`, the one decision, proven
#: equal to `db.coming.unit_listed`), in the language :asked, none folded into another:
#: what each item says of them, read from `coming_units` (``starts_with_act`` for `_Bases`).
COMING_COLUMNS = """provision_id, act_id, key, kind, label, position, what, valid_from, valid_from_latest, valid_from_basis_rule,
       valid_from_basis_data, 0 as starts_with_act, started_by_amendment_id, amendment_id, announced_kind, announced_number, announced_on,
       sort_day, subunits"""
COMING_LISTED = f"asked = :asked and folds_into is null and {LISTED_SQL.format(t='')}"
#: One act's, in document order.
COMING_OF_ACT_SQL = f"select {COMING_COLUMNS} from coming_units indexed by idx_coming_units_act where act_id = :act_id and {COMING_LISTED} order by position"
#: Over the corpus, how many; and in the answer's order (the day, the act, the position), at
#: most :limit of those whose first day is after :date (read in that order from the index,
#: stopping at :limit) and of those inside a window open on :date (by their last day).
COMING_COUNT_SQL = f"select count(*) from coming_units indexed by idx_coming_units_until where {COMING_LISTED}"
COMING_LATER_SQL = f"""
select {COMING_COLUMNS} from coming_units indexed by idx_coming_units_order where {COMING_LISTED} and sort_day > :date
order by sort_day, act_id, position limit :limit
"""
COMING_OPEN_SQL = f"""
select {COMING_COLUMNS} from coming_units indexed by idx_coming_units_until where {COMING_LISTED} and sort_day <= :date
order by sort_day, act_id, position limit :limit
"""
#: The keys of the units listed of the acts named (their split commencement says no more of them).
COMING_KEYS_SQL = f"select act_id, key from coming_units indexed by idx_coming_units_act where act_id in ({{ids}}) and {COMING_LISTED}"
PENDING_NOTE_COLUMNS = """a.id, a.act_id, a.action, a.provision_id, p.key, p.kind, p.label, p.position, a.amending_act_kind, a.amending_act_number,
       a.amending_act_date, a.commencement_rule, a.commencement_offset_days, a.commencement_offset_months, a.commencement_fixed_date,
       a.effective_from, a.effective_from_earliest, a.effective_from_latest, a.date_status, a.date_basis_rule, a.date_basis_data"""
PENDING_NOTES_SQL = f"""
select {PENDING_NOTE_COLUMNS}
from amendments a left join provisions p on p.id = a.provision_id
where a.act_id = :act_id and {in_text("a.id")} and a.action in ({PENDING_ACTIONS})
order by coalesce(p.position, -1), a.id
"""
ALL_PENDING_NOTES_SQL = f"""
select {PENDING_NOTE_COLUMNS}
from amendments a left join provisions p on p.id = a.provision_id
where {PENDING_NOTE.format(t="a.")} and {PENDING_NOTE_DAY.format(t="a.")} > :date
"""
#: `AMENDMENTS_SQL`'s columns, for the amendments named by id.
AMENDMENTS_BY_ID_SQL = AMENDMENTS_SQL.split("from amendments")[0] + "from amendments where id in ({ids})"
ACT_TEXTS_OF_SQL = "select act_id, id, language, is_primary, title, source_path, text_as_at from act_texts where act_id in ({ids}) order by act_id, is_primary desc, language"
ACT_TITLES_OF_SQL = "select id, title from acts where id in ({ids})"


#: Items on a page of the corpus-wide answer (`pending` with `page`), as the site's act list.
PENDING_PAGE_SIZE = 100


def pending(
    conn: sqlite3.Connection, date: str | None = None, act_id: str | None = None, language: str | None = None, page: int | None = None
) -> dict[str, Any]:
    """What is announced but not in force on `date` (today by default), over the corpus or
    one act: an act not yet in force; a unit whose life starts later than its act's (a
    unit added by an amendment, a deferred placeholder, a unit of a split commencement);
    a part of a split commencement (`acts.commencement_exceptions`); a change a note
    announces as pending (``pending_*``). Each with the day or window it takes effect,
    the act that announced it, and `existence_on`'s answer on `date` (``not_in_force``
    or, inside a window, ``uncertain``).

    The units come from `coming_units` (`db.coming`: which are listed on `date` is decided
    there once, in SQL and its proven Python twin); over the corpus, the few acts that can
    have something else coming are read by a handful of queries for them all
    (`PENDING_CANDIDATES_SQL`, then their notes and texts) and decided here.

    ``{"date", "act_id", "items": [{"act_id", "act_title", "what", "id", "key", "kind",
    "label", "status", "earliest", "latest", "announced_by", "basis", "basis_data"}]}``,
    ordered by the day (or window) each takes effect, the act, then within the act its
    units in document order, the changes its notes announce, the parts of its split
    commencement. With `page` (1, 2, …), the items of that page alone (`PENDING_PAGE_SIZE`
    a page, in the same order), after ``"count"`` (all of them), ``"page"``,
    ``"page_size"`` and ``"next_page"`` (None on the last): SQL counts the units and reads
    only as many as the page needs."""
    date = date or today()
    check_date(date)
    reader = language or DEFAULT_TEXT_LANGUAGE
    if reader not in TEXT_LANGUAGES:
        raise ValueError(f"no text language {reader!r}")
    listed = {"date": date, "asked": reader}
    answer: dict[str, Any] = {"date": date, "act_id": act_id, "language": reader}
    if act_id is not None:
        acts = [dict(row) for row in _rows(conn, PENDING_ACTS_SQL, {"act_id": act_id})]
        if not acts:
            raise UnknownAct(f"no act with id {act_id}")
        text = act_text(conn, act_id, language)
        params = _text_params(text, date=date)
        units = list(_rows(conn, COMING_OF_ACT_SQL, {**listed, "act_id": act_id}))
        amendments = _amendments_by_id(conn, [row["started_by_amendment_id"] for row in units])
        items = _pending_of_act(acts[0], date, reader, text["title"] or acts[0]["title"], units, list(_rows(conn, PENDING_NOTES_SQL, params)), amendments)
        items.sort(key=_order)
    else:
        few = _pending_of_few(conn, date, language, reader)
        first = (page - 1) * PENDING_PAGE_SIZE if page is not None else 0
        limit = first + PENDING_PAGE_SIZE if page is not None else -1  # the units before the page's end, at most
        rows = [*_rows(conn, COMING_OPEN_SQL, {**listed, "limit": limit}), *_rows(conn, COMING_LATER_SQL, {**listed, "limit": limit})]
        ordered = sorted([(_order(item), item) for item in few] + [((row["sort_day"], row["act_id"], (0, row["position"])), row) for row in rows], key=lambda pair: pair[0])
        chosen = [thing for _, thing in (ordered[first : first + PENDING_PAGE_SIZE] if page is not None else ordered)]
        items = _said_units(conn, chosen, date, language, reader)
        if page is not None:
            count = len(few) + conn.execute(COMING_COUNT_SQL, listed).fetchone()[0]
            answer.update(count=count, page=page, page_size=PENDING_PAGE_SIZE, next_page=page + 1 if first + len(items) < count else None)
    for item in items:
        del item["order"]
        item.update(_said(item.pop("basis_said"), reader))  # said once it is shown
    answer["items"] = items
    return answer


def _order(item: dict[str, Any]) -> tuple:
    """The answer's order: the day (or window) it takes effect, the act, its place in the act."""
    return (item["earliest"] or item["latest"] or "9999-12-31", item["act_id"], item["order"])


def _amendments_by_id(conn: sqlite3.Connection, ids: list[str | None]) -> dict[str, Any]:
    amendments = {}
    for chunk in _chunks(sorted({amendment for amendment in ids if amendment})):
        amendments.update((row["id"], row) for row in _rows(conn, AMENDMENTS_BY_ID_SQL.format(ids=", ".join("?" * len(chunk))), chunk))
    return amendments


def _pending_of_few(conn: sqlite3.Connection, date: str, language: str | None, reader: str) -> list[dict[str, Any]]:
    """Over the corpus, what is coming other than units: the acts not yet in force, the
    parts of split commencements, the changes notes announce — of the few acts that can
    have them (`PENDING_CANDIDATES_SQL`), each in the text `language` asks."""
    acts = [dict(row) for row in _rows(conn, PENDING_CANDIDATES_SQL, {"date": date})]
    ids = [act["id"] for act in acts]
    texts = _texts_of(conn, ids, language)
    notes: dict[str, list] = {act: [] for act in ids}
    for row in _rows(conn, ALL_PENDING_NOTES_SQL, {"date": date}):
        text = texts.get(row["act_id"])
        if text is not None and row_in_text(row["id"], text["base"]):
            notes[row["act_id"]].append(row)
    split = [act["id"] for act in acts if act["commencement_exceptions"]]
    seen: dict[str, set[str]] = {act: set() for act in split}
    for chunk in _chunks(split):
        named = {f"act{index}": act for index, act in enumerate(chunk)}
        for row in _rows(conn, COMING_KEYS_SQL.format(ids=", ".join(f":{name}" for name in named)), {"date": date, "asked": reader, **named}):
            seen[row["act_id"]].add(row["key"])
    items = []
    for act in acts:
        ordered_notes = sorted(notes[act["id"]], key=lambda row: (-1 if row["position"] is None else row["position"], row["id"]))
        title = texts[act["id"]]["title"] or act["title"]
        items += _pending_of_act(act, date, reader, title, [], ordered_notes, {}, seen.get(act["id"], set()))
    return items


def _texts_of(conn: sqlite3.Connection, act_ids: list[str], language: str | None) -> dict[str, dict[str, Any]]:
    """Each act's text in `language` (`choose_text`, as `act_text` chooses)."""
    held: dict[str, list[dict[str, Any]]] = {act: [] for act in act_ids}
    for chunk in _chunks(act_ids):
        for row in _rows(conn, ACT_TEXTS_OF_SQL.format(ids=", ".join("?" * len(chunk))), chunk):
            held[row["act_id"]].append(dict(row))
    return {act: choose_text(act, held[act], language) for act in act_ids}


def _said_units(conn: sqlite3.Connection, chosen: list, date: str, language: str | None, reader: str) -> list[dict[str, Any]]:
    """The items of a page of the corpus-wide answer: the few decided already, and each
    unit read from `coming_units` made an item (its act's title, its start's basis)."""
    units = [thing for thing in chosen if not isinstance(thing, dict)]
    if not units:
        return list(chosen)
    ids = sorted({row["act_id"] for row in units})
    texts = _texts_of(conn, ids, language)
    titles: dict[str, str | None] = {}
    for chunk in _chunks(ids):
        titles.update((row["id"], row["title"]) for row in _rows(conn, ACT_TITLES_OF_SQL.format(ids=", ".join("?" * len(chunk))), chunk))
    amendments = _amendments_by_id(conn, [row["started_by_amendment_id"] for row in units])
    return [
        thing if isinstance(thing, dict) else _unit_item(thing["act_id"], texts[thing["act_id"]]["title"] or titles[thing["act_id"]], thing, date, reader, amendments)
        for thing in chosen
    ]


#: What `pending` lists of a unit, and what the act page marks it with: the unit itself is
#: not yet in force, or a change to it is not (``pending_*``: a note announces it).
UNIT_NOT_YET = ("added", "deferred", "own_commencement")


def pending_units(conn: sqlite3.Connection, act_id: str, date: str | None = None, language: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """`pending`'s items of one act that are about one of its own units, by the unit's key:
    the same decision, for the act page to mark each unit (and the units inside it) not yet
    in force on `date` (today by default). An item about the whole act (its banner says it)
    or a split commencement of units of another act (a code an enacting law puts into
    force: the unit that sets it is itself in force) marks no unit. Each item says its
    ``mark``: ``unit`` (the unit is not yet in force) or ``change`` (a change to it is not)."""
    units: dict[str, list[dict[str, Any]]] = {}
    if not _may_have_pending_units(conn, act_id, date or today()):
        return units
    for item in pending(conn, date, act_id, language)["items"]:
        if item["key"] and (item["what"] in UNIT_NOT_YET or item["what"].startswith("pending_")):
            units.setdefault(item["key"], []).append({**item, "mark": "unit" if item["what"] in UNIT_NOT_YET else "change"})
    return units


#: Whether an act can have a unit `pending` lists (see `pending_units`): a unit of
#: `coming_units` still listed after :date may be, or a change a note announces as
#: pending. Read before `pending`, which reads much more: a tenth of the act page of seed
#: 003, for nothing.
MAY_HAVE_PENDING_UNITS_SQL = f"""
select exists (select 1 from coming_units indexed by idx_coming_units_act where act_id = :act_id and listed_until > :date)
    or exists (select 1 from amendments a where a.act_id = :act_id and a.action in ({PENDING_ACTIONS}))
"""


def _may_have_pending_units(conn: sqlite3.Connection, act_id: str, date: str) -> bool:
    return bool(conn.execute(MAY_HAVE_PENDING_UNITS_SQL, {"act_id": act_id, "date": date}).fetchone()[0])


def _chunks(values: list[str], size: int = 500) -> list[list[str]]:
    return [values[start : start + size] for start in range(0, len(values), size)]


def _pending_of_act(
    act: dict[str, Any], date: str, reader: str, title: str | None, units: list, notes: list, amendments: dict[str, Any], seen: set[str] | None = None
) -> list[dict[str, Any]]:
    """One act's items on `date`: the act itself when it is coming (`db.coming.act_not_yet`),
    else its `units` listed (`coming_units`' rows: decided already), the parts of its split
    commencement not listed by their units (`seen`: their keys, when `units` are not given)
    and the changes its `notes` announce."""
    if (act["adopted_on"] or "") > date:
        return []  # not yet announced on `date`
    if act_not_yet(act, date):
        start = Bound(act["valid_from"], act["valid_from_latest"], _act_start(act))
        status, basis, earliest, latest = existence_on(start, None, date)
        item = {"what": "act", "id": act["id"], "key": None, "kind": act["kind"], "label": None}
        return [_pending(act["id"], title, item, status, basis, earliest, latest, None, (-1,), reader)]
    items = [_unit_item(act["id"], title, row, date, reader, amendments) for row in units]
    items += _split_commencement(act, title, date, reader, {item["key"] for item in items} if seen is None else seen)
    for order, row in enumerate(notes):
        if (row["amending_act_date"] or "") > date:
            continue
        bound = amendment_took_effect(row)
        status, basis, earliest, latest = existence_on(bound, None, date)
        if not announced_not_in_force(status, latest):
            continue
        item = {"what": row["action"], "id": row["provision_id"] or act["id"], "key": row["key"], "kind": row["kind"], "label": row["label"]}
        items.append(_pending(act["id"], title, item, status, basis, earliest, latest, _announcer(row), (1, order), reader))
    return items


def _unit_item(act_id: str, title: str | None, row: Any, date: str, reader: str, amendments: dict[str, Any]) -> dict[str, Any]:
    """A unit `coming_units` lists on `date` as an item: `existence_on`'s answer on its
    start, explained as `_Bases.start` explains it (the amendment that starts it, else its
    own stored basis), with the units folded into it (``subunits``)."""
    bound = Bound(row["valid_from"], row["valid_from_latest"], _Bases(None, amendments).start(row))
    status, basis, earliest, latest = existence_on(bound, None, date)
    item = {"what": row["what"], "id": row["provision_id"], "key": row["key"], "kind": row["kind"], "label": row["label"]}
    announcer = None
    if row["amendment_id"] is not None:
        announcer = {"kind": row["announced_kind"], "number": row["announced_number"], "date": row["announced_on"], "amendment_id": row["amendment_id"]}
    return {**_pending(act_id, title, item, status, basis, earliest, latest, announcer, (0, row["position"]), reader), "subunits": row["subunits"]}


def _split_commencement(act: dict[str, Any], title: str, date: str, reader: str, seen: set[str]) -> list[dict[str, Any]]:
    """The parts of a split commencement not yet in force on `date` whose units are not
    already listed from their own timelines."""
    items = []
    for order, part in enumerate(json.loads(act["commencement_exceptions"] or "[]")):
        day = part.get("effective_from")
        if not day or (part.get("unit_keys") and set(part["unit_keys"]) <= seen):
            continue
        bound = Bound(day, day, Basis("split_commencement", dates={"date": day}, facts={"units": part.get("units_text") or ""}))
        status, basis, earliest, latest = existence_on(bound, None, date)
        if not announced_not_in_force(status, latest):
            continue
        item = {"what": "split_commencement", "id": f"{act['id']}/{part.get('source_key') or ''}".rstrip("/"), "key": part.get("source_key"), "kind": None, "label": None, "units_text": part.get("units_text")}
        items.append(_pending(act["id"], title, item, status, basis, earliest, latest, None, (2, order), reader))
    return items


def _announcer(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"kind": row["amending_act_kind"], "number": row["amending_act_number"], "date": row["amending_act_date"], "amendment_id": row["id"]}


def _pending(act_id: str, title: str | None, item: dict[str, Any], status: str, basis: Basis, earliest: str | None, latest: str | None, announced_by: dict | None, order: int, reader: str) -> dict[str, Any]:
    return {
        "act_id": act_id,
        "act_title": title,
        **item,
        "status": status,
        "earliest": earliest,
        "latest": latest,
        "window": known_dates(earliest=earliest, latest=latest),
        "announced_by": announced_by,
        "subunits": 0,
        "order": order,
        "basis_said": basis,  # said by `pending` for the items it returns
    }
