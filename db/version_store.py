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
  table had, so a Datasette user and every query read a version's units as before.

One writer, `VersionStore`, serves the build (`db.load`) and the rebuilt versions
(`db.rebuild`).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

TABLES_SQL = [
    """create table if not exists texts (
        id integer primary key,  -- the first 8 bytes of the SHA-1 of the UTF-8 body (`text_id`)
        body text not null
    )""",
    """create table if not exists unit_wordings (
        id integer primary key,
        act_id text not null references acts (id),
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
    "create unique index if not exists idx_versions_seq on versions (seq)",
]

#: The columns of a version's unit row (`db.versions.VersionedAct.version_provision_rows`)
#: that are texts, and the wording column that holds each one's id.
TEXT_COLUMNS = {"heading": "heading_id", "text": "text_id", "raw_text": "raw_text_id", "cells": "cells_id"}


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

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
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
        heading, text, raw_text, cells), its texts stored by id."""
        *unit, heading, text, raw_text, cells = wording
        return self.conn.execute(
            "insert into unit_wordings (act_id, provision_id, key, kind, label, heading_id, text_id, raw_text_id, cells_id)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*unit, self.text(heading), self.text(text), self.text(raw_text), self.text(cells)),
        ).lastrowid

    def text(self, body: str | None) -> int | None:
        """The id of `body` in `texts`, stored unless it is there (None for none); a
        different text under its id is an error, never a silent swap."""
        if body is None:
            return None
        key = text_id(body)
        if self.conn.execute("insert or ignore into texts (id, body) values (?, ?)", (key, body)).rowcount == 0:
            held = self.conn.execute("select body from texts where id = ?", (key,)).fetchone()[0]
            if held != body:
                raise TextCollision(f"texts {key}: two different texts share the first 8 bytes of their SHA-1")
        return key


def delete_version_units(conn: sqlite3.Connection, versions_where: str) -> None:
    """The units of the versions that `versions_where` (a condition on `versions`)
    picks; their wordings and texts stay until `prune_unreferenced`."""
    conn.execute(f"delete from version_units where version_seq in (select seq from versions where {versions_where})")


def prune_unreferenced_of(conn: sqlite3.Connection, acts: Iterable[str]) -> None:
    """`prune_unreferenced` for an update that stored again or cleared versions of
    `acts` alone: their wordings no version prints, and of the texts in
    ``temp.zan_texts`` (those the wordings deleted held) the ones no wording holds. Reads
    the units of those acts' versions, and the wordings' text columns once."""
    acts = sorted(set(acts))
    conn.execute("create temp table if not exists zan_texts (id integer primary key)")
    for start in range(0, len(acts), 500):
        part = acts[start : start + 500]
        marks = ", ".join("?" for _ in part)
        unprinted = f"""act_id in ({marks}) and id not in (
            select u.wording_id from versions v join version_units u on u.version_seq = v.seq where v.act_id in ({marks}))"""
        for column in TEXT_COLUMNS.values():
            conn.execute(f"insert or ignore into temp.zan_texts select {column} from unit_wordings where {unprinted} and {column} is not null", part + part)
        conn.execute(f"delete from unit_wordings where {unprinted}", part + part)
    held = " or ".join(f"{column} in (select id from temp.zan_texts)" for column in TEXT_COLUMNS.values())
    still = {value for row in conn.execute(f"select {', '.join(TEXT_COLUMNS.values())} from unit_wordings where {held}") for value in row}
    conn.executemany("delete from temp.zan_texts where id = ?", [(value,) for value in still if value is not None])
    conn.execute("delete from texts where id in (select id from temp.zan_texts)")
    conn.execute("delete from temp.zan_texts")


def remember_texts_of(conn: sqlite3.Connection, acts_where: str) -> None:
    """Before the wordings of the acts `acts_where` picks (a condition on ``act_id``)
    are deleted: the texts they hold, in ``temp.zan_texts``, for `prune_unreferenced_of`."""
    conn.execute("create temp table if not exists zan_texts (id integer primary key)")
    for column in TEXT_COLUMNS.values():
        conn.execute(f"insert or ignore into temp.zan_texts select {column} from unit_wordings where {acts_where} and {column} is not null")


def prune_unreferenced(conn: sqlite3.Connection) -> None:
    """The wordings no version prints and the texts no wording holds: what an update
    (`db.incremental`) left of the acts and rebuilt versions it stored again."""
    conn.execute("delete from unit_wordings where id not in (select wording_id from version_units)")
    conn.execute(
        "delete from texts where id not in (select heading_id from unit_wordings where heading_id is not null"
        " union select text_id from unit_wordings where text_id is not null"
        " union select raw_text_id from unit_wordings where raw_text_id is not null"
        " union select cells_id from unit_wordings where cells_id is not null)"
    )
