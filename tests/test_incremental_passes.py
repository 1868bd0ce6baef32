"""An update's passes over the acts it stored again (db/incremental.py `_finish_passes`:
`relink_cited_acts`, the rebuilt versions of the amending acts it returns, the wordings
pruned of those acts) give what the passes over the whole database give.

The generated bank and the test git repository resolve no cited act to an act of the
corpus and rebuild no version, so this is shown on the bundled corpus with order № 341
(which amends order № 146, held in versions: a rebuilt version, graded), where seed
003's acts cite registration № 6697 with two dates (merged as one cited act, a
conflict reported). Each case takes one database, marks some acts as stored again,
changes what their new texts would change, and runs the update's passes on one copy
and the whole database's passes on another: every table is the same."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from db import build
from db.incremental import _mark_gone
from db.links import link_cited_acts, relink_cited_acts, remember_links, unlink_cited_acts
from db.rebuild import clear_rebuilt_versions, rebuild_versions
from db.version_store import delete_version_units, held_texts_sql, prune_dropped_wordings
from tests.test_incremental import ORDER_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
ORDER_341 = ROOT / "tests" / "data" / "instructions" / "order_341_amends_146.txt"
AMENDING = "order-2010-12-22-341"
TARGET = "order-2001-12-11-146"
CONFLICTED = "order-2011-01-05-7"  # cites registration № 6697 as № 907 of 2010-12-21 and of 2010-11-23
CITING_6697 = "V1500011361"  # cites registration № 6697 as № 907 of 2010-11-23


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("passes")
    shutil.copytree(ROOT / "corpus", root / "corpus")
    shutil.copy(ORDER_341, root / "corpus")
    path = root / "laws.db"
    build(root / "corpus", path, workers=2, cache=False)
    with sqlite3.connect(path) as conn:  # what the cases below rest on
        assert conn.execute("select count(*) from rebuilt_versions where amending_act_id = ?", [AMENDING]).fetchone()[0] == 1
        assert conn.execute("select count(*) from problems where kind = 'citation_conflict' and act_id = ?", [CONFLICTED]).fetchone()[0] == 1
        assert conn.execute("select count(*) from cited_acts where act_id is not null").fetchone()[0] >= 1
    return path


def _whole(db: sqlite_utils.Database) -> None:
    """The passes of a full build over what is in the database."""
    unlink_cited_acts(db)
    clear_rebuilt_versions(db)
    link_cited_acts(db)
    rebuild_versions(db)
    db.execute("delete from unit_wordings where id not in (select wording_id from version_units)")  # none in a full build


def _stored_again(db: sqlite_utils.Database, acts: set[str], change) -> None:
    """What `db.incremental.update_database` does around the passes for `acts`, their
    rows kept but for what `change` does (their new texts) and for what the passes make
    (their keys, links, problems and rebuilt versions, deleted with them)."""
    _mark_gone(db, acts)
    remember_links(db)
    change(db)
    # amendments is a view (db.version_store.BY_ID): its rows are updated in amendment_rows
    for table, column in (("citations", "cited_act_id"), ("amendment_rows", "amending_cited_act_id"), ("instructions", "target_cited_act_id")):
        db.execute(f"update {table} set {column} = null where act_id in (select id from temp.zan_gone)")
    db.execute("update instructions set target_act_id = null where act_id in (select id from temp.zan_gone)")
    db.execute("delete from problems where kind in ('citation_conflict', 'self_citation') and act_id in (select id from temp.zan_gone)")
    rebuilt = "rebuilt = 1 and act_id in (select id from temp.zan_gone)"
    delete_version_units(db.conn, rebuilt)  # remembering their wordings, as the update does
    db.execute(f"delete from versions where {rebuilt}")
    amending = relink_cited_acts(db) | acts
    clear_rebuilt_versions(db, amending)
    rebuild_versions(db, amending)
    prune_dropped_wordings(db.conn)


def _unchanged(db: sqlite_utils.Database) -> None:
    pass


def _no_registration_6697(db: sqlite_utils.Database) -> None:
    """The conflicted act's new text cites № 907 without its registration: no merge."""
    db.execute("update citations set registration_number = null where act_id = ? and registration_number = '6697'", [CONFLICTED])


def _cited_earlier(db: sqlite_utils.Database) -> None:
    """Another act's new text cites registration № 6697 with an earlier date: the merged
    key of every act citing it becomes that date's, and the conflicts say so."""
    db.execute("update citations set date = '2009-01-01' where act_id = ? and registration_number = '6697'", [CITING_6697])


def _target_renumbered(db: sqlite_utils.Database) -> None:
    """Order № 146's new version gives it another number: № 341's instructions name no act held."""
    db.execute("update acts set number = '146-x', registration_number = null where id = ?", [TARGET])


def _amending_cites_itself(db: sqlite_utils.Database) -> None:
    """Order № 341's new text cites order № 341 itself."""
    db.execute(
        "update citations set kind = 'order', date = '2010-12-22', number = '341', registration_number = null "
        "where id = (select min(id) from citations where act_id = ?)",
        [AMENDING],
    )


@pytest.mark.parametrize(
    ("acts", "change"),
    [
        ({AMENDING}, _unchanged),
        ({TARGET}, _unchanged),
        ({CONFLICTED}, _unchanged),
        ({CONFLICTED}, _no_registration_6697),
        ({CITING_6697}, _unchanged),
        ({CITING_6697}, _cited_earlier),
        ({TARGET}, _target_renumbered),
        ({AMENDING}, _amending_cites_itself),
        ({AMENDING, TARGET, CONFLICTED}, _unchanged),
    ],
    ids=["amending", "target", "conflicted", "conflict-gone", "citing", "cited-earlier", "target-renumbered", "self-citation", "three"],
)
def test_the_passes_over_the_acts_stored_again_give_the_whole_databases(built, tmp_path, acts, change):
    whole, updated = tmp_path / "whole.db", tmp_path / "updated.db"
    shutil.copy(built, whole)
    shutil.copy(built, updated)
    with sqlite_utils.Database(whole) as db:
        change(db)
        _whole(db)
        db.conn.commit()
    with sqlite_utils.Database(updated) as db:
        _stored_again(db, acts, change)
        db.conn.commit()
    with sqlite3.connect(updated) as a, sqlite3.connect(whole) as b:
        for table in ("cited_acts", "citations", "amendments", "instructions", "instruction_results", "rebuilt_versions", "versions",
                      "version_units", "unit_wordings", "texts", "problems", "version_provisions"):
            assert _rows(a, table) == _rows(b, table), table
        assert _rows(a, "problems") != [] and _rows(a, "rebuilt_versions") == _rows(b, "rebuilt_versions")


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple]:
    columns = [row[1] for row in conn.execute(f'pragma table_info("{table}")') if row[1] not in ORDER_COLUMNS.get(table, ())]
    if table == "texts":  # those some row holds: an update leaves the few no row holds any more
        return sorted(conn.execute(f"select id, body from texts where id in ({held_texts_sql()})").fetchall())
    if table == "version_units":  # a rebuilt version's units by its wording's content, not its ids
        return sorted(conn.execute(
            "select v.id, u.position, w.key, w.text_id from version_units u join versions v on v.seq = u.version_seq join unit_wordings w on w.id = u.wording_id"
        ).fetchall(), key=repr)
    if table == "unit_wordings":
        columns = [column for column in columns if column != "id"]
    names = ", ".join(f'"{column}"' for column in columns)
    return sorted(conn.execute(f'select {names} from "{table}"').fetchall(), key=repr)
