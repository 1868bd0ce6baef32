"""What can be coming (db/coming.py), written once by the build: the SQL that lists a row
of `coming` on a day (`LISTED_SQL`) is the same decision as its Python twin over the
stored rows it was made from (`act_not_yet`, `unit_listed`, `note_listed`, `split_listed`:
`existence_on` on each start), for every act, every late-starting unit, every change a
note announces and every part of a split commencement of the bundled corpus and of the
test git repository, in both languages, on every day the answer can change (and the days
either side) and a spread of others; written again for one act, the table is that of
writing it whole."""

from __future__ import annotations

import datetime
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from db.coming import (
    LATE_UNITS_SQL,
    LISTED_SQL,
    NOTES_SQL,
    act_not_yet,
    finish_coming,
    note_listed,
    split_listed,
    unit_listed,
)
from db.queries import choose_text, row_in_text
from parser.languages import LANGUAGES

LAW_4051 = "law-1999-07-13-414"  # articles 5-1 and 5-2 added by law 226-VII from 01.07.2023, announced 2023-04-..
LABOUR_LAW_252 = "law-2007-05-15-252"  # repealed by the Labour Code from 01.01.2016 (a note), split commencement of 2008


@pytest.fixture(scope="module")
def git_db(tmp_path_factory) -> Path:
    from tests.git_answers import build_reference_database

    return build_reference_database(tmp_path_factory.mktemp("coming-git"))


def _read(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _days(conn: sqlite3.Connection) -> list[str]:
    """Every day the answer can change on, the days either side, and one a year."""
    days = {f"{year}-{month:02d}-01" for year in range(1990, 2031) for month in (1, 7)}
    for (day,) in conn.execute("select listed_from from coming union select listed_until from coming union select earliest from coming union select latest from coming"):
        if day:
            one = datetime.date.fromisoformat(day)
            days |= {day, (one - datetime.timedelta(days=1)).isoformat(), (one + datetime.timedelta(days=1)).isoformat()}
    return sorted(days)


def _python_listed(conn: sqlite3.Connection, asked: str, date: str, heads: set[str]) -> set[tuple]:
    """What `pending` lists on `date` as the Python twin decides it from the stored rows:
    the acts, the units (by id), the notes' changes (by amendment id), the parts of split
    commencements (by act and place)."""
    acts = {row["id"]: row for row in conn.execute("select * from acts")}
    texts: dict[str, list] = {}
    for row in conn.execute("select * from act_texts order by act_id, is_primary desc, language"):
        texts.setdefault(row["act_id"], []).append(dict(row))
    base = {act: choose_text(act, texts.get(act, []), asked)["base"] for act in acts}
    listed = {("act", act) for act, row in acts.items() if act_not_yet(row, date)}
    seen: dict[str, set[str]] = {}
    for unit in conn.execute(LATE_UNITS_SQL.format(acts="")):
        if row_in_text(unit["provision_id"], base[unit["act_id"]]) and unit_listed(acts[unit["act_id"]], unit["amending_act_date"], unit["valid_from"], unit["valid_from_latest"], date):
            listed.add(("unit", unit["provision_id"]))
            if unit["provision_id"] in heads:
                seen.setdefault(unit["act_id"], set()).add(unit["key"])
    for note in conn.execute(NOTES_SQL.format(acts="")):
        if row_in_text(note["id"], base[note["act_id"]]) and note_listed(acts[note["act_id"]], note, date):
            listed.add(("note", note["id"]))
    for act, row in acts.items():
        for place, part in enumerate(json.loads(row["commencement_exceptions"] or "[]")):
            if split_listed(row, part, date, seen.get(act, set())):
                listed.add(("split", act, place))
    return listed


def _sql_listed(conn: sqlite3.Connection, asked: str, date: str) -> set[tuple]:
    found = set()
    for row in conn.execute(f"select rank, act_id, id, amendment_id, position from coming where asked = :asked and {LISTED_SQL.format(t='')}", {"asked": asked, "date": date}):
        found.add({-1: ("act", row["act_id"]), 0: ("unit", row["id"]), 1: ("note", row["amendment_id"])}.get(row["rank"], ("split", row["act_id"], row["position"])))
    return found


@pytest.mark.parametrize("which", ["corpus", "git"])
def test_sql_lists_exactly_what_the_python_twin_decides_on_every_day(request, which):
    path = request.getfixturevalue("db_path" if which == "corpus" else "git_db")
    conn = _read(path)
    kinds = {row[0] for row in conn.execute("select distinct rank from coming")}
    assert kinds == {-1, 0, 1, 2}  # every kind is proven here, not only some
    days = _days(conn)
    assert len(days) > 150
    checked = 0
    for asked in LANGUAGES:
        heads = {row[0] for row in conn.execute("select id from coming where rank = 0 and folds_into is null and asked = ?", (asked,))}
        for date in days:
            python, sql = _python_listed(conn, asked, date, heads), _sql_listed(conn, asked, date)
            assert python == sql, (asked, date, sorted(python ^ sql))
            checked += len(sql)
    assert checked > 500


def test_a_unit_folds_only_into_one_listed_on_the_same_days(db_path):
    """Folded into the unit listed before it that holds it, with the same start and
    announcer: listed exactly when it is, so the fold does not depend on the day asked."""
    conn = _read(db_path)
    pairs = conn.execute(
        """select f.key, h.key, f.listed_from = h.listed_from and f.listed_until = h.listed_until, f.earliest is h.earliest,
                  f.latest is h.latest, f.amendment_id is h.amendment_id
           from coming f join coming h on h.asked = f.asked and h.id = f.folds_into and h.folds_into is null"""
    ).fetchall()
    assert pairs and all(tuple(pair)[2:] == (1, 1, 1, 1) and pair[0].startswith(pair[1] + "/") for pair in pairs)
    assert conn.execute("select count(*) from coming where folds_into is not null").fetchone()[0] == len(pairs)
    # law 414 of 1999: articles 5-1 and 5-2, each with the units inside it folded in
    heads = conn.execute("select key, subunits from coming where act_id = ? and asked = 'ru' and rank = 0 and folds_into is null order by position", (LAW_4051,)).fetchall()
    assert [row[0] for row in heads] == ["art5-1", "art5-2"] and all(row[1] > 0 for row in heads)


def _table(path: Path) -> list:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("select * from coming").fetchall(), key=repr)


@pytest.mark.parametrize(
    ("act", "change"),
    [
        # the amending law is adopted later: its units are announced later (amendments is a view: its rows are amendment_rows)
        (LAW_4051, "update amendment_rows set amending_act_date = '2023-06-15' where act_id = :act and amending_act_number = '226-VII'"),
        # the act's own start moves: nothing of it is listed before it, it is listed itself
        (LABOUR_LAW_252, "update acts set valid_from = '2009-01-01', valid_from_latest = '2009-01-01' where id = :act"),
        # a note less
        (LABOUR_LAW_252, "delete from amendments where act_id = :act and action like 'pending_%'"),
    ],
)
def test_writing_again_for_an_act_gives_the_table_of_writing_it_whole(db_path, tmp_path, act, change):
    copies = [tmp_path / "incremental.db", tmp_path / "full.db"]
    for copy in copies:
        shutil.copy(db_path, copy)
    before = _table(copies[0])
    for path, acts in zip(copies, ({act}, None)):
        db = sqlite_utils.Database(path)
        db.execute(change, {"act": act})
        finish_coming(db, acts)
        db.conn.commit()
        db.close()
    assert _table(copies[0]) == _table(copies[1])
    assert _table(copies[0]) != before


def test_an_update_of_a_database_built_before_the_table_writes_it_whole(db_path, tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(db_path, copy)
    whole = _table(copy)
    db = sqlite_utils.Database(copy)
    db.execute("drop table coming")
    finish_coming(db, {LAW_4051})  # an update touching one act
    db.conn.commit()
    db.close()
    assert _table(copy) == whole
