"""Every version of every act, each distinct text stored once.

A bank act held in many versions changes a few units from one version to the next, so
storing every version whole (a row per unit per version, its text verbatim) makes the
database grow with versions × act size. Here it grows with the text that changed:

- ``texts``: every distinct string of a version's units (wording, source lines,
  heading, table cells) once, its id the first 8 bytes of its SHA-1 (`text_id`), so the
  same wording in two versions, two acts or two builds has the same id;
- ``unit_wordings``: a unit as one version prints it (its key, kind, label and the ids
  of its texts), once per act text for as many versions as print it alike;
- ``version_units``: the order of one version's units, where each is printed, and
  which wording it has: five integers a unit;
- ``version_provisions`` is the view that puts them together, with the columns the
  table had, so a Datasette user and every query read a version's units as before;
- other public tables whose long values repeat (`BY_ID`: an interval's basis data and
  earlier wording, …) hold them in ``texts`` too: their rows are in a table of their own
  with an id in place of each such value, and the public name is a view with the old
  columns (`by_id_views_sql`).

One writer, `VersionStore`, serves the build (`db.load`) and the rebuilt versions
(`db.rebuild`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

TEXTS_SQL = """create table if not exists texts (
        id integer primary key,  -- the first 8 bytes of the SHA-1 of the UTF-8 body (`text_id`)
        body text not null
    )"""
TABLES_SQL = [
    TEXTS_SQL,
    """create table if not exists unit_wordings (
        id integer primary key,
        provision_id text,  -- the unit across versions (provisions.id)
        key text not null,
        kind text,
        label text,
        heading_id integer references texts (id),
        text_id integer references texts (id),
        raw_text_id integer references texts (id),
        cells_id integer references texts (id)  -- JSON list of a table row's cells
    )""",
    """create table if not exists version_units (
        version_seq integer not null,  -- versions.seq
        position integer not null,
        wording_id integer not null references unit_wordings (id),
        source_line integer,
        source_line_end integer,
        primary key (version_seq, position)
    ) without rowid""",
]

#: The version tables as they read when every unit of every version was a row.
VIEW_SQL = """
create view if not exists version_provisions as
select v.id || '/' || w.key as id,
       v.id as version_id,
       v.act_id,
       v.language,
       w.provision_id,
       w.key,
       w.kind,
       w.label,
       h.body as heading,
       t.body as text,
       c.body as cells,
       u.position,
       u.source_line,
       u.source_line_end,
       r.body as raw_text
from versions v
join version_units u on u.version_seq = v.seq
join unit_wordings w on w.id = u.wording_id
left join texts t on t.id = w.text_id
left join texts r on r.id = w.raw_text_id
left join texts h on h.id = w.heading_id
left join texts c on c.id = w.cells_id
"""

INDEXES_SQL = [
    "create unique index if not exists idx_versions_seq on version_rows (seq)",
]

#: The columns of a version's unit row (`db.versions.VersionedAct.version_provision_rows`)
#: that are texts, and the wording column that holds each one's id.
TEXT_COLUMNS = {"heading": "heading_id", "text": "text_id", "raw_text": "raw_text_id", "cells": "cells_id"}


@dataclass(frozen=True)
class Shared:
    """Columns of a public table whose values repeat together row after row (a doubt:
    its act, severity, kind and message, the same in every version of the act): each
    distinct combination is one row of `table`, its id content-addressed (`shared_id`:
    an update and a full build give the same ids, no unique index needed), and the stored
    row holds that id in `key` in their place. A row of `table` lives while a stored row
    names it (a trigger drops the last one's, `shared_trigger_sql`), unless `kept`: then
    the stored table has no index on `key` (a trigger's check would read all of it), and
    a combination no row names any more stays, as a text does (`held_texts_sql`)."""

    table: str
    key: str
    columns: tuple[str, ...]
    kept: bool = False
    #: the view reads each shared column by the stored row's key (a subquery a column)
    #: rather than joining the shared table: a view that is a join is not flattened when it
    #: is the right side of a LEFT JOIN, SQLite makes all of it first (`db.changes`'
    #: TEXT_UNITS_SQL, 1,000 acts: 1.6 s against 0.6 ms); a join serves a view filtered
    #: by a shared column (a doubt's act or severity, indexed in the shared table)
    by_key: bool = False


@dataclass(frozen=True)
class ByIdTable:
    """A public table stored with some of its values in `texts`: its rows are in `table`,
    each column of `by_id` as ``{column}_id``; `computed` columns are not stored but made
    by the view (SQL over the stored columns); the public name is the view."""

    table: str
    by_id: tuple[str, ...]
    computed: dict[str, str] = field(default_factory=dict)
    pk: tuple[str, ...] = ("id",)
    without_rowid: bool = False  # a composite key: the rows are its b-tree, no second copy
    #: the view shows the stored row's rowid as ``rowid`` (a view has none of its own): the
    #: full-text table over the public name (`db.schema.FTS`, external content) finds its
    #: rows by it, and ``p.rowid = f.rowid`` reads as it did on the table
    rowid: bool = False
    #: columns whose values repeat together, each distinct combination once (`Shared`)
    shared: Shared | None = None

    def holder(self, column: str) -> str:
        """The table that stores `column`: the shared one, or the stored one."""
        return self.shared.table if self.shared and column in self.shared.columns else self.table


#: The act of a unit, from its id (``{act}/{key}``, ``{act}/{language}/{key}``).
PROVISION_ACT_SQL = "substr({provision_id}, 1, instr({provision_id}, '/') - 1)"

#: An interval's columns shared with the other intervals its act's changes gave alike
#: (`Shared`): its end and bases. Its unit, number, start (`db.schema.LATE_START`) and
#: earlier wording stay in its row, and so do what costs a row next to nothing there and
#: a lookup a row through the view (`Shared.by_key`; 0.3 µs): its three flags (0 and 1
#: take no byte in SQLite's record) and the amendments that start and end it (NULL in 97%).
SPAN_COLUMNS = (
    "valid_from_basis_rule",
    "valid_from_basis_data",
    "valid_to",
    "valid_to_latest",
    "valid_to_basis_rule",
    "valid_to_basis_data",
    "basis_rule",
    "basis_data",
)

#: The public tables stored by id (public name -> how), see `ByIdTable`.
BY_ID: dict[str, ByIdTable] = {
    # every act's current units: the wording and source lines of an act held in versions
    # are its newest version's, already in texts (unit_wordings); a heading or table cell
    # repeats across acts; each once (1,000 acts: 58k rows, 3.5k distinct texts)
    "provisions": ByIdTable("provision_rows", ("heading", "text", "raw_text", "cells"), rowid=True),
    # a note's text, as printed and as read, repeats in every act the same amending act
    # changed alike, and in both languages' texts of an act where it is not translated
    "notes": ByIdTable("note_rows", ("text", "raw_text"), rowid=True),
    # an amendment repeats its note's text, and its commencement clause and date basis
    # are a few dozen, a few thousand values over all acts (1,000 acts: 32 clauses)
    "amendments": ByIdTable("amendment_rows", ("commencement", "date_basis_data", "text")),
    # 218k intervals for 1,000 acts with a few thousand distinct basis data; the id is
    # the unit's and the interval's number, and the act begins the unit's id
    # (`db.rows.text_base`), so both are made rather than stored (and indexed). The units
    # of an act change together (the same amending act, dates and bases): an interval's
    # end and bases (`SPAN_COLUMNS`) have 10,230 distinct values in 216,956 intervals,
    # each held once (34.2 MB -> 19.2 MB); what an index or a query's `where` reads (the
    # start, `db.schema.LATE_START`) stays in the row
    "provision_versions": ByIdTable(
        "provision_version_rows",
        ("valid_from_basis_data", "valid_to_basis_data", "basis_data", "text"),
        {"id": "provision_id || '@' || ordinal", "act_id": PROVISION_ACT_SQL.format(provision_id="provision_id")},
        ("provision_id", "ordinal"),
        without_rowid=True,
        shared=Shared("provision_version_spans", "span_id", SPAN_COLUMNS, kept=True, by_key=True),
    ),
    # every meta verbatim: a version's Kazakh and Russian texts share one
    "versions": ByIdTable("version_rows", ("meta_text",)),
    # a doubt repeats in every version of an act, and in every problem of a file its path:
    # each distinct doubt (act, severity, kind, message) once, a narrow row per place it
    # was found (the file, the line), and each distinct message and path once (1,000 acts:
    # 116,021 problems, 30,365 distinct doubts)
    "problems": ByIdTable(
        "problem_rows", ("source_path", "message"), shared=Shared("problem_doubts", "doubt_id", ("act_id", "severity", "kind", "message"))
    ),
    # a word diff prints the unit around what changed; the same change recurs (an act's
    # versions, a rebuilt and a real one)
    "version_changes": ByIdTable("version_change_rows", ("diff",)),
}


def stored_table(name: str) -> str:
    """The table that holds the rows of the public table `name` (itself, unless `BY_ID`)."""
    return BY_ID[name].table if name in BY_ID else name


def by_id_columns(public: str, columns: dict[str, type]) -> dict[str, type]:
    """The stored table's columns for a public table's `columns` (`BY_ID`): the shared
    ones (`Shared`) as its key, where the first of them was."""
    how = BY_ID[public]
    made: dict[str, type] = {}
    for name, kind in columns.items():
        if name in how.computed:
            continue
        if how.holder(name) != how.table:
            made[how.shared.key] = int
            continue
        made[f"{name}_id" if name in how.by_id else name] = int if name in how.by_id else kind
    return made


def shared_columns(public: str, columns: dict[str, type]) -> dict[str, type]:
    """The shared table's columns (`Shared`) for a public table's `columns`: its id, then
    the shared ones, those stored by id as ``{column}_id``."""
    how = BY_ID[public]
    assert how.shared is not None
    return {"id": int} | {
        (f"{name}_id" if name in how.by_id else name): (int if name in how.by_id else columns[name]) for name in how.shared.columns
    }


def shared_id(values: tuple) -> int:
    """The id of a combination of shared values (`Shared`): `text_id` of them joined
    (JSON: a None and a text, or a separator inside a value, cannot be confused)."""
    return text_id(json.dumps(list(values), ensure_ascii=False, separators=(",", ":")))


def by_id_view_sql(public: str, columns: list[str]) -> str:
    """The view with the public table's `columns`, in order, over its stored table."""
    how = BY_ID[public]
    by_key = how.shared is not None and how.shared.by_key
    said = []
    for name in columns:
        stored = f"{name}_id" if name in how.by_id else name
        if how.holder(name) == how.table:
            value = f"s.{stored}"
        elif by_key:
            value = f"(select {stored} from {how.shared.table} where id = s.{how.shared.key})"
        else:
            value = f"d.{stored}"  # d: the shared row (`Shared`)
        if name in how.computed:
            said.append(f"{how.computed[name]} as {name}")
        elif name in how.by_id:
            said.append(f"(select body from texts where texts.id = {value}) as {name}")
        else:
            said.append(f"{value} as {name}")
    if how.rowid:
        said.append("s.rowid as rowid")
    joined = f" join {how.shared.table} d on d.id = s.{how.shared.key}" if how.shared and not by_key else ""
    return f"create view if not exists {public} as select {', '.join(said)} from {how.table} s{joined}"


def by_id_trigger_sql(public: str) -> str:
    """Deleting from the view deletes the stored rows (`delete from problems where …`
    keeps working); its texts stay (`held_texts_sql`)."""
    how = BY_ID[public]
    stored = how.pk if not set(how.pk) & set(how.by_id) else ("rowid",)
    match = " and ".join(f"{column} = old.{column}" for column in stored)
    return f"create trigger if not exists {public}_delete instead of delete on {public} begin delete from {how.table} where {match}; end"


def shared_trigger_sql(public: str) -> str:
    """A shared row (`Shared`: a doubt) goes with the last stored row that names it, however
    that row is deleted (through the view, by an update's deletes keyed by act or by folder)."""
    how = BY_ID[public]
    assert how.shared is not None
    key, shared = how.shared.key, how.shared.table
    return (
        f"create trigger if not exists {how.table}_last_{key} after delete on {how.table}"
        f" when not exists (select 1 from {how.table} where {key} = old.{key})"
        f" begin delete from {shared} where id = old.{key}; end"
    )


def insert_rows(conn: sqlite3.Connection, table: str, columns: list[str], values: list[tuple], known: dict[str, int] | None = None) -> None:
    """Rows of a public table (`columns`, `values`), into the table that holds them
    (`by_id_rows` for one stored by id)."""
    if table in BY_ID:
        table, columns, values = by_id_rows(conn, table, columns, values, known)
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" for _ in columns)
    conn.executemany(f'insert into "{table}" ({names}) values ({marks})', values)


def by_id_rows(conn: sqlite3.Connection, public: str, columns: list[str], values: list[tuple], known: dict[str, int] | None = None) -> tuple[str, list[str], list[tuple]]:
    """Rows of a public table (`columns`, `values`) as its stored table's: each value of
    a column stored by id put in `texts` (`store_text`; `known` remembers the texts stored
    already, body -> id) and replaced by its id, computed columns left out, the shared
    ones (`Shared`) stored once and replaced by their row's id."""
    how = BY_ID[public]
    known = {} if known is None else known
    if how.shared is not None:
        columns, values = _share(conn, how, columns, values, known)
    kept = [at for at, name in enumerate(columns) if name not in how.computed]
    by_id = {at for at in kept if columns[at] in how.by_id}

    names = [f"{columns[at]}_id" if at in by_id else columns[at] for at in kept]
    if not by_id and len(kept) == len(columns):
        return how.table, names, values
    # what to do with each column is decided once per call, and a row is made by C code
    # (itemgetter) but for its texts: this loop is the writer's, which limits a build
    pick = picker(kept)
    texts = [position for position, at in enumerate(kept) if at in by_id]
    rows = []
    for row in values:
        picked = list(pick(row))
        for position in texts:
            body = picked[position]
            if body is not None:
                key = known.get(body)
                picked[position] = key if key is not None else _text(conn, body, known)
        rows.append(picked)
    return how.table, names, rows


def picker(indexes: list[int | None]) -> Callable[[Sequence], tuple]:
    """A function giving the values of a row at `indexes` as a tuple (of one, or none,
    too), None for an index None; `operator.itemgetter` where it can."""
    if None in indexes:
        return lambda row: tuple(None if index is None else row[index] for index in indexes)
    if len(indexes) > 1:
        return itemgetter(*indexes)
    return lambda row: tuple(row[index] for index in indexes)


def _text(conn: sqlite3.Connection, body: str | None, known: dict[str, int]) -> int | None:
    """The id of `body` in `texts` (`store_text`), remembered in `known` (the writer's
    texts stored already: a text met again is not looked up again)."""
    if body is None:
        return None
    key = known.get(body)
    if key is None:
        key = known[body] = store_text(conn, body)
    return key


def _share(conn: sqlite3.Connection, how: ByIdTable, columns: list[str], values: list[tuple], known: dict[str, int]) -> tuple[list[str], list[tuple]]:
    """`columns`, `values` with the shared columns (`Shared`) stored in their table, each
    distinct combination once (``insert or ignore`` by its content-addressed id: a
    different one under an id taken is an error, as in `store_text`), and replaced by its
    id where the first of them was."""
    shared = how.shared
    assert shared is not None
    at = [columns.index(name) if name in columns else None for name in shared.columns]
    first = min(index for index in at if index is not None)
    named = ", ".join(f"{name}_id" if name in how.by_id else name for name in shared.columns)
    insert = f"insert or ignore into {shared.table} (id, {named}) values (?{', ?' * len(shared.columns)})"
    ids: dict[tuple, int] = {}  # this call's, each stored once

    said_by = picker(at)

    def stored(row: tuple) -> int:
        said = said_by(row)
        key = ids.get(said)
        if key is not None:
            return key
        key = ids[said] = shared_id(said)
        held = tuple(_text(conn, value, known) if name in how.by_id else value for name, value in zip(shared.columns, said))
        if conn.execute(insert, (key, *held)).rowcount == 0:
            there = conn.execute(f"select {named} from {shared.table} where id = ?", (key,)).fetchone()
            if tuple(there) != held:
                raise TextCollision(f"{shared.table} {key}: two different rows share the first 8 bytes of their SHA-1")
        return key

    kept = [index for index in range(len(columns)) if index not in at or index == first]
    out = [columns[index] for index in kept]
    out[out.index(columns[first])] = shared.key
    split = kept.index(first)
    head, tail = picker(kept[:split]), picker(kept[split + 1 :])
    rows = [head(row) + (stored(row),) + tail(row) for row in values]
    return out, rows


def shared_values(conn: sqlite3.Connection, public: str, ids: Iterable[int]) -> dict[int, dict]:
    """The shared rows (`Shared`) of `ids`, each as its public columns' values (id -> values)."""
    how = BY_ID[public]
    assert how.shared is not None
    said = ", ".join(
        f"(select body from texts where texts.id = {name}_id)" if name in how.by_id else name for name in how.shared.columns
    )
    found = {}
    for key in set(ids):
        row = conn.execute(f"select {said} from {how.shared.table} where id = ?", (key,)).fetchone()
        found[key] = dict(zip(how.shared.columns, row))
    return found


def store_shared(conn: sqlite3.Connection, public: str, values: dict, known: dict[str, int] | None = None) -> int:
    """The id of a combination of shared values (`Shared`; `values`: its public columns'),
    stored unless it is there: a changed combination is another row, never an edit of one
    that other rows may name."""
    how = BY_ID[public]
    assert how.shared is not None
    columns = list(how.shared.columns)
    _, rows = _share(conn, how, columns, [tuple(values[name] for name in columns)], {} if known is None else known)
    return rows[0][0]


def text_references() -> list[tuple[str, str]]:
    """Every (table, column) holding an id of `texts`."""
    return [("unit_wordings", column) for column in TEXT_COLUMNS.values()] + [
        (how.holder(name), f"{name}_id") for how in BY_ID.values() for name in how.by_id
    ]


class TextCollision(Exception):
    """Two different texts with one id: 8 bytes of SHA-1 alike (never seen; checked)."""


def text_id(body: str) -> int:
    """A text's id: the first 8 bytes of the SHA-1 of its UTF-8 bytes, as SQLite's signed
    64-bit integer. Nothing is normalised: texts that differ by one space differ."""
    return int.from_bytes(hashlib.sha1(body.encode("utf-8")).digest()[:8], "big", signed=True)


def create_version_tables(conn: sqlite3.Connection) -> None:
    for sql in TABLES_SQL:
        conn.execute(sql)
    conn.execute(VIEW_SQL)


def finish_version_tables(conn: sqlite3.Connection) -> None:
    for sql in INDEXES_SQL:
        conn.execute(sql)


@dataclass
class Wordings:
    """The units of an act text's versions with each distinct wording once: `wordings`
    (act_id, provision_id, key, kind, label, heading, text, raw_text, cells), and where
    each version prints them, `placed` (version id, position, index in `wordings`,
    source line, last source line). Made where the versions are aligned (a worker), so
    what crosses to the writer grows with the distinct text, not with versions."""

    wordings: list[tuple] = field(default_factory=list)
    placed: list[tuple] = field(default_factory=list)


def distinct_wordings(unit_rows: Iterable[dict]) -> Wordings:
    """`unit_rows` (rows as `version_provisions` shows them) as `Wordings`."""
    made = Wordings()
    index: dict[tuple, int] = {}
    for row in unit_rows:
        wording = (row["act_id"], row["provision_id"], row["key"], row["kind"], row["label"], *(row[name] for name in TEXT_COLUMNS))
        at = index.get(wording)
        if at is None:
            at = index[wording] = len(made.wordings)
            made.wordings.append(wording)
        made.placed.append((row["version_id"], row["position"], at, row["source_line"], row["source_line_end"]))
    return made


class VersionStore:
    """Writes versions' units: each text once, each wording once per act text."""

    def __init__(self, conn: sqlite3.Connection, known: dict[str, int] | None = None) -> None:
        self.conn = conn
        #: texts stored already, body -> id (shared with `insert_rows`'s): a unit's wording
        #: is also its act's current unit and its interval's text, each not looked up again
        self.known = {} if known is None else known
        self.next_seq = 1 + (conn.execute("select coalesce(max(seq), 0) from versions").fetchone()[0])

    def number(self, version_rows: Iterable[dict]) -> list[dict]:
        """`version_rows` (rows of `versions`) each with its `seq`, the number that
        `version_units` refers to it by."""
        numbered = []
        for row in version_rows:
            numbered.append({**row, "seq": self.next_seq})
            self.next_seq += 1
        return numbered

    def write_units(self, seqs: dict[str, int], units: Wordings | Iterable[dict]) -> None:
        """The units of versions (`Wordings`, or rows as `version_provisions` shows them;
        `seqs`: each version id's `seq`)."""
        if not isinstance(units, Wordings):
            units = distinct_wordings(units)
        wording_ids = [self.wording(wording) for wording in units.wordings]
        self.conn.executemany(
            "insert into version_units values (?, ?, ?, ?, ?)",
            ((seqs[version_id], position, wording_ids[at], line, end) for version_id, position, at, line, end in units.placed),
        )

    def wording(self, wording: tuple) -> int:
        """A new row of `unit_wordings` for (act_id, provision_id, key, kind, label,
        heading, text, raw_text, cells), its texts stored by id. The act is not stored:
        the versions that print the wording are its act's (`version_units`), and an
        update drops the wordings no version prints (`prune_dropped_wordings`)."""
        _act_id, *unit, heading, text, raw_text, cells = wording
        return self.conn.execute(
            "insert into unit_wordings (provision_id, key, kind, label, heading_id, text_id, raw_text_id, cells_id)"
            " values (?, ?, ?, ?, ?, ?, ?, ?)",
            (*unit, self.text(heading), self.text(text), self.text(raw_text), self.text(cells)),
        ).lastrowid

    def text(self, body: str | None) -> int | None:
        """The id of `body` in `texts` (`store_text`; None for none)."""
        if body is None:
            return None
        key = self.known.get(body)
        if key is None:
            key = self.known[body] = store_text(self.conn, body)
        return key


def store_text(conn: sqlite3.Connection, body: str) -> int:
    """The id of `body` in `texts`, stored unless it is there; a different text under its
    id is an error, never a silent swap."""
    key = text_id(body)
    if conn.execute("insert or ignore into texts (id, body) values (?, ?)", (key, body)).rowcount == 0:
        held = conn.execute("select body from texts where id = ?", (key,)).fetchone()[0]
        if held != body:
            raise TextCollision(f"texts {key}: two different texts share the first 8 bytes of their SHA-1")
    return key


def delete_version_units(conn: sqlite3.Connection, versions_where: str, parameters: Iterable = ()) -> None:
    """The units of the versions that `versions_where` (a condition on `versions`, with
    `parameters`) picks. Their wordings stay until `prune_dropped_wordings` (they are
    remembered here: `note_dropped_units`); their texts stay (`held_texts_sql`)."""
    note_dropped_units(conn, versions_where, parameters)
    conn.execute(f"delete from version_units where version_seq in (select seq from versions where {versions_where})", list(parameters))


def note_dropped_units(conn: sqlite3.Connection, versions_where: str, parameters: Iterable = ()) -> None:
    """Before the units of the versions `versions_where` picks are deleted: the wordings
    they print and the versions' acts, in ``temp.zan_dropped_wordings`` and
    ``temp.zan_dropped_acts``, for `prune_dropped_wordings`."""
    parameters = list(parameters)
    conn.execute("create temp table if not exists zan_dropped_wordings (id integer primary key)")
    conn.execute("create temp table if not exists zan_dropped_acts (id text primary key)")
    conn.execute(
        "insert or ignore into temp.zan_dropped_wordings select wording_id from version_units"
        f" where version_seq in (select seq from versions where {versions_where})",
        parameters,
    )
    conn.execute(f"insert or ignore into temp.zan_dropped_acts select act_id from versions where {versions_where}", parameters)


def prune_dropped_wordings(conn: sqlite3.Connection) -> None:
    """The wordings whose units were deleted (`note_dropped_units`) that no version prints
    now, read by index: an update's time follows what it stored again. A wording is
    written for one act text's versions or one rebuilt version (`VersionStore.write_units`),
    so only a version of the same act can still print it. The texts they held stay:
    which of them no row holds any more is known only by reading every table that holds
    a text's id (`held_texts_sql`: 12 s at 10,000 acts), so an update leaves those few
    (8 texts, 2 KB after 30 commits at 200 acts), never shown; a full build has none."""
    if conn.execute("select 1 from temp.sqlite_master where name = 'zan_dropped_wordings'").fetchone() is None:
        return
    conn.execute(
        """delete from unit_wordings where id in (select id from temp.zan_dropped_wordings)
           and id not in (select wording_id from version_units where version_seq in (
               select seq from versions where act_id in (select id from temp.zan_dropped_acts)))"""
    )
    conn.execute("drop table temp.zan_dropped_wordings")
    conn.execute("drop table temp.zan_dropped_acts")


def held_texts_sql() -> str:
    """The ids of the texts some row holds (a select over every table holding one; of a
    kept shared table (`Shared.kept`), its rows some stored row names)."""
    return " union ".join(f"select {column} from {table} where {column} is not null{_named(table)}" for table, column in text_references())


def named_shared_sql(table: str) -> str:
    """The rows of a kept shared table (`Shared.kept`) that some stored row names."""
    return f"select * from {table} where true{_named(table)}"


def _named(table: str) -> str:
    """The condition that a row of a kept shared table is named (else nothing)."""
    for how in BY_ID.values():
        if how.shared is not None and how.shared.kept and how.shared.table == table:
            return f" and id in (select {how.shared.key} from {how.table})"
    return ""
