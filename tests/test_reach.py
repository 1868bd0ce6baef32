"""Which amending act changed what (db/reach.py), written once by the build for the
corpus-wide canned queries: written again for a few acts (as an update after ``git pull``
does), the tables are those of writing them over the whole database, on the bundled
corpus with its rows changed as a new version of those acts would change them."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from db.reach import finish_reach

SEED_004 = "V2500035673"  # an amending order in the corpus: its instructions change order ҚР ДСМ-37, not held
LAW_4051 = "law-1999-07-13-414"  # amended by laws 293-V, 408-V, 226-VII (its notes)


def _tables(path: Path) -> tuple[list, list]:
    with sqlite3.connect(path) as conn:
        return (
            sorted(conn.execute("select * from changes_by_amending").fetchall(), key=repr),
            sorted(conn.execute("select * from amending_reach").fetchall(), key=repr),
        )


@pytest.fixture
def two_copies(db_path, tmp_path):
    copies = [tmp_path / "incremental.db", tmp_path / "full.db"]
    for copy in copies:
        shutil.copy(db_path, copy)
    return copies


@pytest.mark.parametrize(
    ("act", "change"),
    [
        # the amending act's instructions are gone: the act it changed, and the amending act, are counted no more
        (SEED_004, "delete from instructions where act_id = :act"),
        # the amended act's notes name other amending acts: the old ones lose it, the new one gains it
        # (amendments is a view, db.version_store.BY_ID: its rows are updated in amendment_rows)
        (LAW_4051, "update amendment_rows set amending_act_number = '999-IX' where act_id = :act and amending_act_number = '293-V'"),
        # one note less for the act
        (LAW_4051, "delete from amendments where act_id = :act and amending_act_number = '408-V'"),
    ],
)
def test_writing_again_for_an_act_gives_the_tables_of_writing_them_all(two_copies, act, change):
    incremental, full = two_copies
    before = _tables(incremental)
    for path, acts in ((incremental, {act}), (full, None)):
        db = sqlite_utils.Database(path)
        db.execute(change, {"act": act})
        finish_reach(db, acts)
        db.conn.commit()
        db.close()
    assert _tables(incremental) == _tables(full)
    assert _tables(incremental) != before


def test_the_stored_changes_name_each_source_act(conn):
    rows = conn.execute("select act_id, changed_act_id, unit, amending from changes_by_amending where act_id = ?", [SEED_004]).fetchall()
    # seed 004's six changes to order ҚР ДСМ-37, recorded by its own instructions
    assert len(rows) == 6 and {tuple(row)[1] for row in rows} == {"order-2022-04-27-ҚР-ДСМ-37"}
    (reach,) = conn.execute("select acts, acts_in_corpus, units, amending_id from amending_reach where amending_id = ?", [SEED_004]).fetchall()
    assert tuple(reach) == (1, 0, 6, SEED_004)
