"""Point-in-time questions, answered from the stored timelines.

Both functions take a plain `sqlite3.Connection`, so the CLI and the Datasette plugin
(through ``database.execute_fn``) give the same answers. The JSON they return is a
public contract, documented in the README::

    {"date": "YYYY-MM-DD",
     "act": {"id", "title", "status", "earliest", "latest", "basis"},
     "provisions": [{"id", "key", "kind", "label", "status", "text_known", "text", "basis",
                     "earliest", "latest"}]}

``status`` is ``in_force``, ``not_in_force`` or ``uncertain``; ``earliest``/``latest``
bound the window in which it can change (null when unbounded); ``text_known`` is true
only when ``text`` is provably the provision's wording on that date.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from parser.dates import iso_date
from parser.timeline import Bound, Version, answer_on, change_basis, describe_act, existence_on

ACT_SQL = """
select id, title, valid_from, valid_from_latest, date_basis, valid_to, valid_to_latest, valid_to_basis
from acts where id = ?
"""
VERSIONS_SQL = """
select p.id as provision_id, p.key, p.kind, p.label, v.valid_from, v.valid_from_latest, v.valid_from_basis,
       v.starts_with_act, v.started_by_amendment_id, v.valid_to, v.valid_to_latest, v.valid_to_basis,
       v.ends_with_act, v.ended_by_amendment_id, v.has_end, v.text_known, p.text, v.basis
from provisions p join provision_versions v on v.provision_id = p.id
where p.act_id = ?
order by p.position, v.ordinal
"""
AMENDMENTS_SQL = """
select id, action, amending_act_kind, amending_act_number, amending_act_date, date_basis
from amendments where act_id = ?
"""
ALL_ACTS_SQL = """
select id, title, valid_from, valid_from_latest, date_basis, valid_to, valid_to_latest, valid_to_basis
from acts order by adopted_on, id
"""


class UnknownAct(LookupError):
    pass


def check_date(date: str) -> str:
    """`date` if it is a real ISO date; ValueError otherwise."""
    parts = date.split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts) or iso_date(*map(int, parts)) != date:
        raise ValueError(f"not a date (YYYY-MM-DD): {date!r}")
    return date


def _rows(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> sqlite3.Cursor:
    """Rows by column name, without changing the caller's connection."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params)


def _act_answer(row: sqlite3.Row, date: str) -> dict[str, Any]:
    start = Bound(row["valid_from"], row["valid_from_latest"], row["date_basis"] or "")
    end = None
    if row["valid_to_basis"] is not None:
        end = Bound(row["valid_to"], row["valid_to_latest"], row["valid_to_basis"])
    status, basis, earliest, latest = existence_on(start, end, date)
    return {"id": row["id"], "title": row["title"], "status": status, "earliest": earliest, "latest": latest, "basis": basis}


def act_on(conn: sqlite3.Connection, act_id: str, date: str) -> dict[str, Any]:
    """The act and every provision of it, in document order, as they stood on `date`."""
    check_date(date)
    act_row = _rows(conn, ACT_SQL, (act_id,)).fetchone()
    if act_row is None:
        raise UnknownAct(f"no act with id {act_id}")
    bases = _Bases(act_row, {row["id"]: row for row in _rows(conn, AMENDMENTS_SQL, (act_id,))})
    provisions: list[dict[str, Any]] = []
    versions: list[Version] = []
    current: sqlite3.Row | None = None
    for row in _rows(conn, VERSIONS_SQL, (act_id,)):
        if current is not None and row["provision_id"] != current["provision_id"]:
            provisions.append(_provision_answer(current, versions, date))
            versions = []
        current = row
        versions.append(_version(row, bases))
    if current is not None:
        provisions.append(_provision_answer(current, versions, date))
    return {"date": date, "act": _act_answer(act_row, date), "provisions": provisions}


class _Bases:
    """The words behind a version's bounds, stored once in the act or amendment row."""

    def __init__(self, act: sqlite3.Row, amendments: dict[str, sqlite3.Row]) -> None:
        self.act = act
        self.amendments = amendments

    def start(self, row: sqlite3.Row) -> str:
        if row["starts_with_act"]:
            return self.act["date_basis"] or ""
        return self._amendment(row["started_by_amendment_id"]) or row["valid_from_basis"] or ""

    def end(self, row: sqlite3.Row) -> str:
        if row["ends_with_act"]:
            return self.act["valid_to_basis"] or ""
        return self._amendment(row["ended_by_amendment_id"]) or row["valid_to_basis"] or ""

    def _amendment(self, amendment_id: str | None) -> str | None:
        amendment = self.amendments.get(amendment_id) if amendment_id else None
        if amendment is None:
            return None
        label = describe_act(amendment["amending_act_kind"], amendment["amending_act_number"], amendment["amending_act_date"])
        return change_basis(amendment["action"], label, amendment["date_basis"] or "")


def _version(row: sqlite3.Row, bases: _Bases) -> Version:
    start = Bound(row["valid_from"], row["valid_from_latest"], bases.start(row))
    end = Bound(row["valid_to"], row["valid_to_latest"], bases.end(row)) if row["has_end"] else None
    return Version(row["key"], start, end, bool(row["text_known"]), row["text"], row["basis"])


def _provision_answer(row: sqlite3.Row, versions: list[Version], date: str) -> dict[str, Any]:
    answer = answer_on(versions, date)
    return {
        "id": row["provision_id"],
        "key": row["key"],
        "kind": row["kind"],
        "label": row["label"],
        "status": answer.status,
        "text_known": answer.text_known,
        "text": answer.text,
        "basis": answer.basis,
        "earliest": answer.earliest,
        "latest": answer.latest,
    }


def acts_on(conn: sqlite3.Connection, date: str) -> dict[str, Any]:
    """Every act of the corpus with its status on `date`."""
    check_date(date)
    return {"date": date, "acts": [_act_answer(row, date) for row in _rows(conn, ALL_ACTS_SQL)]}
