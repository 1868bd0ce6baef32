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

from db.coming import LISTED_SQL
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
    version_took_effect,
    versions_on,
)
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

#: What an item of `pending` says of its act (its title, kind, commencement).
PENDING_ACT_COLUMNS = """id, title, kind, number, adopted_on, registered_on, valid_from, valid_from_latest, valid_from_basis_rule, valid_from_basis_data,
       commencement_rule, commencement_offset_days, commencement_offset_months, commencement_fixed_date,
       effective_from, effective_from_earliest, effective_from_latest, date_status, commencement_exceptions,
       (select t.text_as_at from act_texts t where t.id = acts.id) as text_as_at,
       valid_to, valid_to_latest, valid_to_basis_rule, valid_to_basis_data"""

#: What `pending` lists on :date in the language :asked (`db.coming.LISTED_SQL`, the one
#: decision, proven equal to its Python twin `db.coming.*_listed`), none folded into
#: another, read from `coming` (``starts_with_act``: 0, for `_Bases`).
COMING_COLUMNS = """act_id, rank, position, what, id, provision_id, key, kind, label, earliest, latest, basis_rule as valid_from_basis_rule,
       basis_data as valid_from_basis_data, 0 as starts_with_act, started_by_amendment_id, amendment_id, announced_kind, announced_number,
       announced_on, units_text, sort_day, subunits"""
COMING_LISTED = f"asked = :asked and folds_into is null and {LISTED_SQL.format(t='')}"
#: One act's.
COMING_OF_ACT_SQL = f"select {COMING_COLUMNS} from coming indexed by idx_coming_act where act_id = :act_id and {COMING_LISTED}"
#: Over the corpus, how many; and in the answer's order (the day, the act, the rank, the
#: position), at most :limit of those whose first day is after :date (read in that order
#: from the index, stopping at :limit) and of those inside a window open on :date (by
#: their last day: few).
COMING_COUNT_SQL = f"select count(*) from coming indexed by idx_coming_until where {COMING_LISTED}"
COMING_LATER_SQL = f"""
select {COMING_COLUMNS} from coming indexed by idx_coming_order where {COMING_LISTED} and sort_day > :date
order by sort_day, act_id, rank, position limit :limit
"""
COMING_OPEN_SQL = f"""
select {COMING_COLUMNS} from coming indexed by idx_coming_until where {COMING_LISTED} and sort_day <= :date
order by sort_day, act_id, rank, position limit :limit
"""
#: `AMENDMENTS_SQL`'s columns, for the amendments named by id.
AMENDMENTS_BY_ID_SQL = AMENDMENTS_SQL.split("from amendments")[0] + "from amendments where id in ({ids})"
ACT_TEXTS_OF_SQL = "select act_id, id, language, is_primary, title, source_path, text_as_at from act_texts where act_id in ({ids}) order by act_id, is_primary desc, language"
PENDING_ACTS_OF_SQL = f"select {PENDING_ACT_COLUMNS} from acts where id in ({{ids}})"


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

    What is listed on `date` is decided once, by the rows of `coming` (`db.coming`: the
    days each thing is listed, in SQL, proven equal to its Python twin); here only the
    items shown are said.

    ``{"date", "act_id", "items": [{"act_id", "act_title", "what", "id", "key", "kind",
    "label", "status", "earliest", "latest", "announced_by", "basis", "basis_data"}]}``,
    ordered by the day (or window) each takes effect, the act, then within the act its
    units in document order, the changes its notes announce, the parts of its split
    commencement. With `page` (1, 2, …), the items of that page alone (`PENDING_PAGE_SIZE`
    a page, in the same order), after ``"count"`` (all of them), ``"page"``,
    ``"page_size"`` and ``"next_page"`` (None on the last): SQL counts them and reads only
    as many as the page needs."""
    date = date or today()
    check_date(date)
    reader = language or DEFAULT_TEXT_LANGUAGE
    if reader not in TEXT_LANGUAGES:
        raise ValueError(f"no text language {reader!r}")
    listed = {"date": date, "asked": reader}
    answer: dict[str, Any] = {"date": date, "act_id": act_id, "language": reader}
    if act_id is not None:
        if conn.execute("select 1 from acts where id = ?", (act_id,)).fetchone() is None:
            raise UnknownAct(f"no act with id {act_id}")
        rows = sorted(_rows(conn, COMING_OF_ACT_SQL, {**listed, "act_id": act_id}), key=_row_order)
    else:
        first = (page - 1) * PENDING_PAGE_SIZE if page is not None else 0
        limit = first + PENDING_PAGE_SIZE if page is not None else -1  # those before the page's end, at most
        rows = [*_rows(conn, COMING_OPEN_SQL, {**listed, "limit": limit}), *_rows(conn, COMING_LATER_SQL, {**listed, "limit": limit})]
        rows = sorted(rows, key=_row_order)[first : first + PENDING_PAGE_SIZE] if page is not None else sorted(rows, key=_row_order)
        if page is not None:
            count = conn.execute(COMING_COUNT_SQL, listed).fetchone()[0]
            answer.update(count=count, page=page, page_size=PENDING_PAGE_SIZE, next_page=page + 1 if first + len(rows) < count else None)
    answer["items"] = _items(conn, rows, date, language, reader)
    return answer


def _row_order(row: Any) -> tuple:
    """The answer's order: the day (or window) it takes effect, the act, its place in the act."""
    return (row["sort_day"], row["act_id"], row["rank"], row["position"])


def _items(conn: sqlite3.Connection, rows: list, date: str, language: str | None, reader: str) -> list[dict[str, Any]]:
    """The items of `coming`'s rows listed on `date`: each with its act's title in the text
    `language` asks, `existence_on`'s answer on its start explained (the act's
    commencement; the amendment that starts a unit, else its own stored basis; a note's
    commencement; a split commencement's day) and said in `reader`'s language."""
    if not rows:
        return []
    ids = sorted({row["act_id"] for row in rows})
    texts = _texts_of(conn, ids, language)
    acts = {}
    for chunk in _chunks(ids):
        acts.update((row["id"], row) for row in _rows(conn, PENDING_ACTS_OF_SQL.format(ids=", ".join("?" * len(chunk))), chunk))
    amendments = {}
    for chunk in _chunks(sorted({row["amendment_id"] for row in rows if row["amendment_id"]})):
        amendments.update((row["id"], row) for row in _rows(conn, AMENDMENTS_BY_ID_SQL.format(ids=", ".join("?" * len(chunk))), chunk))
    items = []
    for row in rows:
        act = acts[row["act_id"]]
        if row["what"] == "act":
            basis = _act_start(act)
        elif row["what"] == "split_commencement":
            basis = Basis("split_commencement", dates={"date": row["earliest"]}, facts={"units": row["units_text"] or ""})
        elif row["rank"] == 1:  # a change a note announces
            basis = amendment_took_effect(amendments[row["amendment_id"]]).basis
        else:
            basis = _Bases(act, amendments).start(row)
        status, said, earliest, latest = existence_on(Bound(row["earliest"], row["latest"], basis), None, date)
        announcer = None
        if row["amendment_id"] is not None:
            announcer = {"kind": row["announced_kind"], "number": row["announced_number"], "date": row["announced_on"], "amendment_id": row["amendment_id"]}
        item = {
            "act_id": row["act_id"],
            "act_title": texts[row["act_id"]]["title"] or act["title"],
            "what": row["what"],
            "id": row["id"],
            "key": row["key"],
            "kind": act["kind"] if row["what"] == "act" else row["kind"],
            "label": row["label"],
        }
        if row["what"] == "split_commencement":
            item["units_text"] = row["units_text"]
        item.update(
            status=status,
            earliest=earliest,
            latest=latest,
            window=known_dates(earliest=earliest, latest=latest),
            announced_by=announcer,
            subunits=row["subunits"],
            **_said(said, reader),
        )
        items.append(item)
    return items


def _texts_of(conn: sqlite3.Connection, act_ids: list[str], language: str | None) -> dict[str, dict[str, Any]]:
    """Each act's text in `language` (`choose_text`, as `act_text` chooses)."""
    held: dict[str, list[dict[str, Any]]] = {act: [] for act in act_ids}
    for chunk in _chunks(act_ids):
        for row in _rows(conn, ACT_TEXTS_OF_SQL.format(ids=", ".join("?" * len(chunk))), chunk):
            held[row["act_id"]].append(dict(row))
    return {act: choose_text(act, held[act], language) for act in act_ids}


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


#: Whether an act can have anything `pending` lists on :date or later (see `pending_units`):
#: a row of `coming` still listed after :date. Read before `pending`: a tenth of the act
#: page of seed 003, for nothing.
MAY_HAVE_PENDING_UNITS_SQL = "select exists (select 1 from coming indexed by idx_coming_act where act_id = :act_id and listed_until > :date)"


def _may_have_pending_units(conn: sqlite3.Connection, act_id: str, date: str) -> bool:
    return bool(conn.execute(MAY_HAVE_PENDING_UNITS_SQL, {"act_id": act_id, "date": date}).fetchone()[0])


def _chunks(values: list[str], size: int = 500) -> list[list[str]]:
    return [values[start : start + size] for start in range(0, len(values), size)]
