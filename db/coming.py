"""What can be "coming" over the whole corpus, written once by the build (issue 23, Speed).

`db.changes.pending` over the corpus used to read every unit whose life starts later than
its act's (`db.schema.LATE_START`: 5,052 rows of 15,402 index entries on a busy day at
1,000 acts, ten times more at 10,000) and every act, note and split commencement that
could be coming, and decide each in Python before it sorted them and kept one page.
Whether a thing is listed on a day depends on the day only through dates known once its
act is stored, so the finish passes (`db.store.finish_passes`, and `db.incremental` for
the acts an update stored again or deleted) write here one row per thing that can ever be
listed — the act itself, a late-starting unit, a change a note announces, a part of a
split commencement — with the days it is listed, and the answer asks SQL for the page's
rows alone, already filtered by the day and in the answer's order, and for how many.

One decision, written twice side by side and proven equal (`tests/test_coming.py`: every
such row of the bundled corpus and of the test git repository, both languages, on every
day the answer can change and the days either side):

- in Python, `act_not_yet`, `unit_listed`, `note_listed`, `split_listed`: the act
  announced by the day (`adopted_on`) and, for anything but the act itself, the act not
  itself coming (then the act is the item, alone); the amending act that announces a unit
  or a change adopted by the day; its start, a `Bound`, still coming by
  `parser.timeline.existence_on` (`announced_not_in_force`); a split part not already
  listed by all its units;
- in SQL, `LISTED_SQL`: ``listed_from <= :date < listed_until``, the days `act_window`,
  `listed_window` and `coming_rows` derive from the same columns.

A row is kept per language a reader can ask (``asked``: `db.queries.choose_text` picks the
text that answers it, so an act held in one text has its rows under both). A unit says
whether it folds into a unit listed before it (``folds_into``): one holding it (its key
inside that unit's), started by the same amendment on the same day or window. Until now
the fold was decided per day (inside the previous unit listed that day, same announcer);
with the same start and announcer the two are listed on exactly the same days, so the fold
no longer depends on the day asked and the unit listed counts its ``subunits`` here. (On
the bundled corpus, the test git repository and the 1,000-act generated corpus, every
answer is the same as before.)
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from itertools import groupby
from operator import itemgetter
from typing import Any

import sqlite_utils

from parser.languages import LANGUAGES
from parser.timeline import Bound, existence_on

from .queries import NOT_RECORDED, amendment_took_effect, choose_text, row_in_text
from .schema import LATE_START, PENDING_NOTE, TABLES

# --- the decision, in Python and in SQL --------------------------------------------------


def announced_not_in_force(status: str, latest: str | None) -> bool:
    """Whether `existence_on`'s answer makes a thing announced "coming": provably not yet
    in force, or inside a window that closes on a known day (a window open since long ago
    with no end known is a doubt about the past, not something coming)."""
    return status == "not_in_force" or (status == "uncertain" and latest is not None)


def start_coming(earliest: str | None, latest: str | None, date: str) -> bool:
    """Whether a start known as [earliest, latest] is still coming on `date`
    (`existence_on` of that start, no end)."""
    status, _, _, window_latest = existence_on(Bound(earliest, latest, NOT_RECORDED), None, date)
    return announced_not_in_force(status, window_latest)


def act_latest_start(act: Any) -> str | None:
    """The latest day of an act's start that `pending` takes as closing its window: none
    when its commencement leaves it open (no day of effect derived), closed only by a text
    seen in force years later — that is no "coming"."""
    return act["valid_from_latest"] if (act["effective_from"] or act["effective_from_latest"]) else None


def act_not_yet(act: Any, date: str) -> bool:
    """Whether the act itself is what is coming on `date` (announced by then, its start
    ahead or in a window closing later): then it is listed alone, not its units."""
    return not _after(act["adopted_on"], date) and start_coming(act["valid_from"], act_latest_start(act), date)


def unit_listed(act: Any, announced_on: str | None, earliest: str | None, latest: str | None, date: str) -> bool:
    """Whether `pending` lists a unit whose first interval does not start with its act on
    `date`: its act announced and not itself coming, the amendment that starts it (its
    act's date `announced_on`, None when none starts it) adopted by then, and its start
    still coming. `LISTED_SQL` is this decision in SQL."""
    if _after(act["adopted_on"], date) or act_not_yet(act, date) or _after(announced_on, date):
        return False
    return start_coming(earliest, latest, date)


def _after(day: str | None, date: str) -> bool:
    return (day or "") > date


def _last(*days: str | None) -> str | None:
    known = [day for day in days if day is not None]
    return max(known) if known else None


def note_listed(act: Any, note: Any, date: str) -> bool:
    """Whether `pending` lists a change a note announces as pending (an ``amendments`` row
    of a ``pending_*`` action) on `date`: its act announced and not itself coming, the
    amending act adopted by then, and the change's taking effect (`amendment_took_effect`)
    still coming."""
    if _after(act["adopted_on"], date) or act_not_yet(act, date) or _after(note["amending_act_date"], date):
        return False
    status, _, _, latest = existence_on(amendment_took_effect(note), None, date)
    return announced_not_in_force(status, latest)


def split_listed(act: Any, part: dict[str, Any], date: str, seen: set[str]) -> bool:
    """Whether `pending` lists a part of an act's split commencement on `date`: its act
    announced and not itself coming, its day ahead, and its units not all listed already
    from their own timelines (`seen`: the keys of the act's units listed on `date`)."""
    if _after(act["adopted_on"], date) or act_not_yet(act, date):
        return False
    day = part.get("effective_from")
    if not day or (part.get("unit_keys") and set(part["unit_keys"]) <= seen):
        return False
    return start_coming(day, day, date)


def _note_bound(note: Any) -> tuple[str | None, str | None]:
    bound = amendment_took_effect(note)
    return bound.earliest, bound.latest


def _since(act: Any, announced_on: str | None = None) -> str:
    """The first day anything of an act but the act itself can be listed: announced (the
    act, and the amending act when one announces it), the act's own start no longer coming."""
    return max(act["adopted_on"] or "", announced_on or "", _last(act["valid_from"], act_latest_start(act)) or "")


def act_window(act: Any) -> tuple[str, str] | None:
    """The days [from, until) on which `act_not_yet` is true, or None."""
    until = _last(act["valid_from"], act_latest_start(act))
    since = act["adopted_on"] or ""
    return (since, until) if until is not None and since < until else None


def listed_window(act: Any, announced_on: str | None, earliest: str | None, latest: str | None) -> tuple[str, str] | None:
    """The days [from, until) on which a unit (`unit_listed`) or a change a note announces
    (`note_listed`, with its `amendment_took_effect`'s days) is listed, or None when it
    never is: from the last of the act's adoption, the amending act's and the act's own
    start no longer coming; until its start can no longer be ahead (coming on D ⇔ D <
    earliest or D < latest)."""
    until = _last(earliest, latest)
    since = _since(act, announced_on)
    return (since, until) if until is not None and since < until else None


def _minus(window: tuple[str, str] | None, hole: tuple[str, str] | None) -> list[tuple[str, str]]:
    """The days of `window` outside `hole`: none, one or two spans."""
    if window is None:
        return []
    if hole is None or hole[0] >= hole[1] or hole[1] <= window[0] or hole[0] >= window[1]:
        return [window]
    return [span for span in ((window[0], hole[0]), (hole[1], window[1])) if span[0] < span[1]]


#: `act_not_yet`, `unit_listed`, `note_listed` and `split_listed` in SQL, over a row of
#: `coming` (`{t}`: its alias and a dot): one decision, proven equal (tests/test_coming.py).
LISTED_SQL = "{t}listed_from <= :date and {t}listed_until > :date"

# --- the table ---------------------------------------------------------------------------

TABLE = "coming"
SOURCE_ACTS = "(select id from temp.zan_coming_acts)"

#: What an item is, and its place among its act's items: the act itself (listed alone), a
#: unit, a change a note announces, a part of a split commencement.
RANK = {"act": -1, "unit": 0, "note": 1, "split": 2}

#: Every unit whose first interval does not start with its act (`LATE_START`), with the
#: amendment that starts it (its act's requisites).
LATE_UNITS_SQL = f"""
select p.id as provision_id, p.act_id, p.key, p.kind, p.label, p.status as provision_status, p.position,
       v.valid_from, v.valid_from_latest, v.valid_from_basis_rule, v.valid_from_basis_data, v.started_by_amendment_id,
       a.id as amendment_id, a.amending_act_kind, a.amending_act_number, a.amending_act_date
from provision_versions v join provisions p on p.id = v.provision_id
left join amendments a on a.id = v.started_by_amendment_id
where {LATE_START.format(t="v.")}{{acts}}
order by p.act_id
"""
#: Every change a note announces as pending, with its unit.
NOTES_SQL = f"""
select a.id, a.act_id, a.action, a.provision_id, p.key, p.kind, p.label, p.position, a.amending_act_kind, a.amending_act_number,
       a.amending_act_date, a.commencement_rule, a.commencement_offset_days, a.commencement_offset_months, a.commencement_fixed_date,
       a.effective_from, a.effective_from_earliest, a.effective_from_latest, a.date_status
from amendments a left join provisions p on p.id = a.provision_id
where {PENDING_NOTE.format(t="a.")}{{acts}}
order by a.act_id
"""
ACTS_SQL = """select id, adopted_on, valid_from, valid_from_latest, effective_from, effective_from_latest, commencement_exceptions
from acts{where} order by id"""
TEXTS_SQL = "select act_id, id, language, is_primary, title, source_path, text_as_at from act_texts{where} order by act_id, is_primary desc, language"

INDEXES_SQL = [
    # the corpus-wide count, and the items inside a window open on the day: by the last day they are listed
    f"create index if not exists idx_coming_until on {TABLE} (asked, listed_until, listed_from, sort_day, act_id, rank, position) where folds_into is null",
    # the corpus-wide page, in the answer's order
    f"create index if not exists idx_coming_order on {TABLE} (asked, sort_day, act_id, rank, position, listed_from, listed_until) where folds_into is null",
    # one act's items (`pending(act_id=…)`, the act page)
    f"create index if not exists idx_coming_act on {TABLE} (act_id, asked, listed_until)",
]


def _what(row: sqlite3.Row) -> str:
    return "deferred" if row["provision_status"] == "deferred" else "added" if row["amendment_id"] is not None else "own_commencement"


def _row(asked: str, act: Any, base: str, rank: str, position: int, what: str, item_id: str, window: tuple[str, str], earliest: str | None, latest: str | None, **more: Any) -> dict[str, Any]:
    row = dict.fromkeys(TABLES[TABLE]["columns"])
    row.update(
        asked=asked, act_id=act["id"], base=base, rank=RANK[rank], position=position, what=what, id=item_id, earliest=earliest, latest=latest,
        listed_from=window[0], listed_until=window[1], sort_day=earliest or latest or "9999-12-31", subunits=0, **more,
    )
    return row


class _ByAct:
    """The rows of a query ordered by ``act_id``, handed out an act at a time (`take`) to
    a reader going through the acts in the same order. SQLite orders text by its UTF-8
    bytes, which is the order of code points Python's ``<`` compares in: the two agree."""

    def __init__(self, rows: Iterable[sqlite3.Row]) -> None:
        self._groups = groupby(rows, key=itemgetter("act_id"))
        self._next = next(self._groups, None)

    def take(self, act_id: str) -> list[sqlite3.Row]:
        """The rows of `act_id` (none when it has none); those of acts before it are passed."""
        while self._next is not None and self._next[0] < act_id:
            self._next = next(self._groups, None)
        if self._next is None or self._next[0] != act_id:
            return []
        rows = list(self._next[1])
        self._next = next(self._groups, None)
        return rows


def coming_rows(act: Any, texts: list[dict[str, Any]], units: list[sqlite3.Row], notes: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """The rows of one act, for each language a reader can ask (`choose_text`'s text for
    it): the act itself, when it can ever be coming; its units that can ever be listed
    (`_unit_rows`); the changes its notes announce; the parts of its split commencement,
    each on the days its units are not all listed already (`_split_rows`)."""
    rows = []
    for asked in LANGUAGES:
        base = choose_text(act["id"], texts, asked)["base"]
        window = act_window(act)
        if window is not None:
            rows.append(_row(asked, act, base, "act", 0, "act", act["id"], window, act["valid_from"], act["valid_from_latest"]))
        unit_rows, listed = _unit_rows(asked, act, base, [u for u in units if row_in_text(u["provision_id"], base)])
        rows += unit_rows
        ordered = sorted((n for n in notes if row_in_text(n["id"], base)), key=lambda n: (-1 if n["position"] is None else n["position"], n["id"]))
        for order, note in enumerate(ordered):
            earliest, latest = _note_bound(note)
            window = listed_window(act, note["amending_act_date"] or "", earliest, latest)
            if window is not None:
                rows.append(_row(
                    asked, act, base, "note", order, note["action"], note["provision_id"] or act["id"], window, earliest, latest,
                    provision_id=note["provision_id"], key=note["key"], kind=note["kind"], label=note["label"], amendment_id=note["id"],
                    announced_kind=note["amending_act_kind"], announced_number=note["amending_act_number"], announced_on=note["amending_act_date"],
                ))  # fmt: skip
        rows += _split_rows(asked, act, base, listed)
    return rows


def _unit_rows(asked: str, act: Any, base: str, units: list[sqlite3.Row]) -> tuple[list[dict[str, Any]], dict[str, tuple[str, str]]]:
    """The units of one text that can ever be listed, in document order, each folded into
    the unit listed before it that holds it (its key inside that unit's) with the same
    announcer and the same start, or listed with the number of units folded into it; and
    the days each unit listed is listed on, by its key."""
    rows = []
    heads: list[dict[str, Any]] = []  # the units listed, of the chain holding the unit read
    listed: dict[str, tuple[str, str]] = {}
    for unit in sorted(units, key=lambda u: u["position"]):
        window = listed_window(act, unit["amending_act_date"], unit["valid_from"], unit["valid_from_latest"])
        if window is None:
            continue
        while heads and not unit["key"].startswith(heads[-1]["key"] + "/"):
            heads.pop()
        row = _row(
            asked, act, base, "unit", unit["position"], _what(unit), unit["provision_id"], window, unit["valid_from"], unit["valid_from_latest"],
            provision_id=unit["provision_id"], key=unit["key"], kind=unit["kind"], label=unit["label"],
            basis_rule=unit["valid_from_basis_rule"], basis_data=unit["valid_from_basis_data"], started_by_amendment_id=unit["started_by_amendment_id"],
            amendment_id=unit["amendment_id"], announced_kind=unit["amending_act_kind"], announced_number=unit["amending_act_number"],
            announced_on=unit["amending_act_date"],
        )  # fmt: skip
        head = heads[-1] if heads else None
        if head is not None and all(head[c] == row[c] for c in ("amendment_id", "earliest", "latest")):
            row["folds_into"] = head["provision_id"]
            head["subunits"] += 1
        else:
            heads.append(row)
            listed[unit["key"]] = window
        rows.append(row)
    return rows, listed


def _split_rows(asked: str, act: Any, base: str, listed: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    """The parts of the act's split commencement, each on the days before its day that its
    units are not all listed from their own timelines (`listed`: the days of each)."""
    rows = []
    for order, part in enumerate(json.loads(act["commencement_exceptions"] or "[]")):
        day = part.get("effective_from")
        if not day:
            continue
        window = (_since(act), day) if _since(act) < day else None
        keys = part.get("unit_keys") or []
        spans = [listed.get(key) for key in keys]
        hole = (max(s[0] for s in spans), min(s[1] for s in spans)) if keys and None not in spans else None
        item_id = f"{act['id']}/{part.get('source_key') or ''}".rstrip("/")
        for span in _minus(window, hole):
            rows.append(_row(asked, act, base, "split", order, "split_commencement", item_id, span, day, day, key=part.get("source_key"), units_text=part.get("units_text")))
    return rows


def finish_coming(db: sqlite_utils.Database, acts: Iterable[str] | None = None) -> None:
    """Write `coming`: over the whole database (a full build), or again for the rows of
    `acts` alone (an update: the acts it stored again or deleted); a row depends on its
    own act's rows only, so that equals writing them all. Made, and written whole, when
    missing (a database built before it, updated: or `benchmarks/add_coming.py`)."""
    if not db[TABLE].exists():
        spec = TABLES[TABLE]
        db[TABLE].create(spec["columns"], pk=spec["pk"], foreign_keys=spec["foreign_keys"])
        acts = None
    if acts is None:
        db.execute(f"delete from {TABLE}")
        where, units_where = "", ""
    else:
        db.execute("create temp table if not exists zan_coming_acts (id text primary key)")
        db.execute("delete from temp.zan_coming_acts")
        db.conn.executemany("insert or ignore into temp.zan_coming_acts values (?)", [(act,) for act in sorted(set(acts))])
        db.execute(f"delete from {TABLE} where act_id in {SOURCE_ACTS}")
        where, units_where = f" where id in {SOURCE_ACTS}", f" and {{t}}act_id in {SOURCE_ACTS}"
    conn = db.conn

    def read(sql: str) -> sqlite3.Cursor:
        cursor = conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql)

    # each query by act, read side by side with the acts: one act's rows in memory at a
    # time (all of them at once were 400 MB at 10,000 acts, the build's peak)
    units = _ByAct(read(LATE_UNITS_SQL.format(acts=units_where.format(t="p."))))
    notes = _ByAct(read(NOTES_SQL.format(acts=units_where.format(t="a."))))
    texts = _ByAct(read(TEXTS_SQL.format(where=where.replace("where id", "where act_id"))))
    columns = list(TABLES[TABLE]["columns"])
    conn.executemany(
        f"insert into {TABLE} ({', '.join(columns)}) values ({', '.join('?' * len(columns))})",
        (
            [row[c] for c in columns]
            for act in read(ACTS_SQL.format(where=where))
            for row in coming_rows(act, [dict(text) for text in texts.take(act["id"])], units.take(act["id"]), notes.take(act["id"]))
        ),
    )
    for sql in INDEXES_SQL:
        db.execute(sql)
