"""Every version of every act with each distinct text stored once (db/version_store.py):
`version_provisions` reads as the table it was, from `texts`, `unit_wordings` and
`version_units`, on the bundled corpus's real versions (order № 146 of 11.12.2001 in
three versions of 2004 and 2010)."""

from __future__ import annotations

import sqlite3

import pytest

from db.sources import parse_file
from db.version_store import TextCollision, VersionStore, distinct_wordings, text_id
from tests.conftest import CORPUS

ORDER_146 = "order-2001-12-11-146"


@pytest.fixture(scope="module")
def conn(rows_conn):
    return rows_conn


def test_a_text_id_is_the_first_eight_bytes_of_its_sha1_and_nothing_is_normalised():
    assert text_id("Бұйрық") == text_id("Бұйрық")
    assert text_id("Бұйрық") != text_id("Бұйрық ")  # one space more is another text
    assert text_id("") == int.from_bytes(bytes.fromhex("da39a3ee5e6b4b0d"), "big", signed=True)


def test_each_version_reads_as_its_file_parsed(conn):
    """The view gives every unit and note of a version, in print order, with the
    wording and the source lines of the file it was read from."""
    for version_id, source_path in conn.execute("select id, source_path from versions where act_id = ? and rebuilt = 0", (ORDER_146,)):
        document = parse_file(CORPUS.parent / source_path)
        printed = document.units_in_print_order()
        rows = conn.execute("select key, text, raw_text, source_line from version_provisions where version_id = ? order by position", (version_id,)).fetchall()
        assert [row["text"] for row in rows] == [unit.text for unit in printed]
        assert [row["raw_text"] for row in rows] == [unit.raw for unit in printed]
        assert [row["source_line"] for row in rows] == [unit.source_line for unit in printed]


def test_a_unit_printed_alike_in_two_versions_is_stored_once(conn):
    """Order № 146's versions of 27.09.2010 and 22.12.2010: every unit `version_changes`
    does not list as changed has one wording in both (one row of `unit_wordings`), and
    each one listed as reworded has two."""
    older, newer = (f"{ORDER_146}@2010-09-27", f"{ORDER_146}@2010-12-22")

    def wordings(version_id: str) -> dict[str, int]:
        return dict(
            conn.execute(
                "select w.provision_id, u.wording_id from version_units u join versions v on v.seq = u.version_seq"
                " join unit_wordings w on w.id = u.wording_id where v.id = ? and w.kind != 'note'",
                (version_id,),
            ).fetchall()
        )

    before, after = wordings(older), wordings(newer)
    changed = dict(
        conn.execute("select provision_id, change from version_changes where from_version_id = ? and to_version_id = ?", (older, newer)).fetchall()
    )
    both = before.keys() & after.keys()
    alike = [unit for unit in both if unit not in changed]
    assert len(alike) > 50 and all(before[unit] == after[unit] for unit in alike)
    reworded = [unit for unit, change in changed.items() if change == "reworded"]
    assert reworded and all(before[unit] != after[unit] for unit in reworded)


def test_a_text_is_stored_once_however_many_units_print_it(conn):
    bodies = conn.execute("select count(*), count(distinct body) from texts").fetchone()
    assert bodies[0] == bodies[1] > 1000
    assert all(row["id"] == text_id(row["body"]) for row in conn.execute("select id, body from texts"))


def test_version_changes_lists_only_what_changed(conn):
    changes = {row[0] for row in conn.execute("select distinct change from version_changes")}
    assert changes <= {"added", "removed", "reworded", "joined"} and "reworded" in changes


def test_two_texts_under_one_id_stop_the_build_rather_than_swap_a_text():
    memory = sqlite3.connect(":memory:")
    memory.execute("create table versions (seq integer)")
    memory.execute("create table texts (id integer primary key, body text not null)")
    store = VersionStore(memory)
    memory.execute("insert into texts values (?, ?)", (text_id("1. Бұйрық"), "not the same text"))
    with pytest.raises(TextCollision):
        store.text("1. Бұйрық")
    assert store.text("2. Бұйрық") == text_id("2. Бұйрық")


def test_distinct_wordings_keeps_each_wording_once_and_every_placement():
    unit = {"act_id": "a", "provision_id": "a/p1", "key": "p1", "kind": "paragraph", "label": "1", "heading": None, "cells": None}
    rows = [
        {**unit, "version_id": "a@1", "position": 1, "text": "мәтін", "raw_text": "1. мәтін", "source_line": 3, "source_line_end": 3},
        {**unit, "version_id": "a@2", "position": 1, "text": "мәтін", "raw_text": "1. мәтін", "source_line": 5, "source_line_end": 5},
        {**unit, "version_id": "a@3", "position": 1, "text": "жаңа мәтін", "raw_text": "1. жаңа мәтін", "source_line": 5, "source_line_end": 5},
    ]
    made = distinct_wordings(rows)
    assert len(made.wordings) == 2
    assert made.placed == [("a@1", 1, 0, 3, 3), ("a@2", 1, 0, 5, 5), ("a@3", 1, 1, 5, 5)]


def test_the_tables_stored_by_id_read_as_the_tables_they_were(conn):
    """provisions, provision_versions, versions, problems and version_changes are views
    over tables holding each long value once in `texts` (BY_ID): their columns, in order,
    are the public schema's (and the stored rowid, for those a full-text table reads by
    it), and each value they show is the text its id names."""
    from db.schema import TABLES
    from db.version_store import BY_ID

    for view, how in BY_ID.items():
        assert conn.execute("select type from sqlite_master where name = ?", (view,)).fetchone()[0] == "view"
        assert [row[1] for row in conn.execute(f"pragma table_info({view})")] == [*TABLES[view]["columns"], *(["rowid"] if how.rowid else [])], view
        # a shared column (a doubt's message) is in the shared table, its rows named by the stored ones
        rows = f"{how.table} s join {how.shared.table} d on d.id = s.{how.shared.key}" if how.shared else f"{how.table} s"
        for column in how.by_id:
            held = "d" if how.holder(column) != how.table else "s"
            stored = conn.execute(
                f"select count(*), count(distinct {held}.{column}_id) from {rows} where {held}.{column}_id is not null"
            ).fetchone()
            shown = conn.execute(f"select count({column}), count(distinct {column}) from {view}").fetchone()
            assert tuple(stored) == tuple(shown), (view, column)
    # 137412's Russian intervals: the id and act made from the unit's id, the basis its data
    rows = conn.execute(
        "select id, act_id, basis_rule, basis_data from provision_versions where provision_id = 'V1900019742/ru/agreement' order by ordinal"
    ).fetchall()
    assert [tuple(row) for row in rows] == [
        ("V1900019742/ru/agreement@1", "V1900019742", "current_no_note", None),
        ("V1900019742/ru/agreement@2", "V1900019742", "held_unproven", '{"dates":{"as_at":"2020-10-27"}}'),
    ]


def test_a_doubt_repeated_in_each_version_is_one_text(conn):
    """137412's Kazakh and Russian texts of 2020-10-27 are dated by their newest note:
    two rows of problems, one doubt (its act, severity, kind and message) found in two
    places, its message one text."""
    message = "no meta file: the version is dated by its newest note, the amending act of 2020-10-27 № 20-42-3.3.15"
    rows = conn.execute("select source_path, severity, kind from problems where act_id = 'V1900019742' and message = ? order by id", (message,)).fetchall()
    assert [tuple(row) for row in rows] == [
        ("corpus/zan-gov-kz/137412-administratsiia-prezidenta/kaz@2020-10-27.md", "info", "version_dated_by_note"),
        ("corpus/zan-gov-kz/137412-administratsiia-prezidenta/rus@2020-10-27.md", "info", "version_dated_by_note"),
    ]
    doubts = conn.execute("select id, act_id, severity, kind from problem_doubts where message_id = ?", (text_id(message),)).fetchall()
    assert [tuple(row)[1:] for row in doubts] == [("V1900019742", "info", "version_dated_by_note")]
    assert conn.execute("select count(*) from problem_rows where doubt_id = ?", (doubts[0]["id"],)).fetchone()[0] == 2
    assert conn.execute("select count(*) from texts where body = ?", (message,)).fetchone()[0] == 1


def test_deleting_from_a_view_deletes_its_rows(tmp_path):
    import sqlite_utils

    from db.schema import create_schema
    from db.version_store import insert_rows

    db = sqlite_utils.Database(tmp_path / "x.db")
    create_schema(db)
    row = {"source_path": "a.md", "act_id": None, "severity": "warning", "kind": "k", "message": "m", "source_line": 3}
    insert_rows(db.conn, "problems", list(row), [tuple(row.values()), tuple({**row, "source_path": "b.md"}.values())])
    assert [r["source_path"] for r in db.query("select * from problems order by id")] == ["a.md", "b.md"]
    db.execute("delete from problems where source_path = 'a.md'")
    assert [(r["source_path"], r["message"]) for r in db.query("select * from problems")] == [("b.md", "m")]
    assert db.execute("select count(*) from problem_rows").fetchone()[0] == 1
    # the two were one doubt found in two files: it stays while a place names it, and goes with the last
    assert db.execute("select count(*) from problem_doubts").fetchone()[0] == 1
    db.execute("delete from problems where source_path = 'b.md'")
    assert db.execute("select count(*) from problem_doubts").fetchone()[0] == 0


def test_a_doubt_is_named_by_its_content_and_another_under_its_id_is_an_error(tmp_path):
    """A doubt's id is `text_id` of its act, severity, kind and message (an update and a
    full build give the same); a different doubt under an id taken is refused, never
    merged with it (as `store_text` refuses a text)."""
    import sqlite_utils

    from db.schema import create_schema
    from db.version_store import insert_rows, shared_id

    db = sqlite_utils.Database(tmp_path / "x.db")
    create_schema(db)
    doubt = ("V1900019742", "info", "version_dated_by_note", "no meta file: the version is dated by its newest note")
    row = ("a.md", *doubt, 1)
    insert_rows(db.conn, "problems", ["source_path", "act_id", "severity", "kind", "message", "source_line"], [row])
    assert [tuple(r) for r in db.execute("select id, act_id, severity, kind from problem_doubts")] == [(shared_id(doubt), *doubt[:3])]
    assert shared_id((None, "info", "k", "m")) != shared_id(("None", "info", "k", "m"))  # no act is not an act named "None"
    db.execute("update problem_doubts set kind = 'another_kind'")  # as if another doubt had its id
    with pytest.raises(TextCollision):
        insert_rows(db.conn, "problems", ["source_path", "act_id", "severity", "kind", "message", "source_line"], [("b.md", *doubt, 2)])


def test_the_bundled_corpus_has_its_problems_and_each_doubt_once(conn):
    """The bundled corpus's 37 problems (as many as before doubts were held once: main's
    build), 34 distinct doubts: three found twice, law № 168's date disagreement and
    137412's note-dated version in their Kazakh and Russian files, and order № 7's word
    «мамандандырылған» moved by the export on two lines of one file."""
    from tests.test_git_build import assert_each_doubt_once

    assert conn.execute("select count(*) from problems").fetchone()[0] == 37
    assert conn.execute("select count(*) from problem_doubts").fetchone()[0] == 34
    assert_each_doubt_once(conn)


def test_the_problems_of_an_act_or_a_file_are_read_by_index(conn):
    """The site's questions to `problems` (an act's, the part files missing from an act's
    file, a page of files and their problems) find a doubt by its act and its places by
    their doubt or their file; the counts of kinds and files read every place once, by an
    index; the report of an update reads only the places it recorded."""
    from db.queries import MISSING_PARTS_SQL, PROBLEM_COUNTS_SQL, PROBLEM_FILE_COUNT_SQL, PROBLEM_FILES_SQL, PROBLEM_KINDS_SQL, PROBLEMS_SQL

    def plan(sql, arguments=()):
        return [row[3] for row in conn.execute(f"explain query plan {sql}", arguments)]

    for sql, arguments in (
        (MISSING_PARTS_SQL, {"act_id": "law-1997-07-16-168", "source_path": "x"}),
        ("select * from problems where act_id = ? order by id", ["law-1997-07-16-168"]),
    ):
        steps = plan(sql, arguments)
        assert steps[:2] == ["SEARCH d USING INDEX idx_problem_doubts_act_id (act_id=?)", "SEARCH s USING INDEX idx_problem_rows_doubt_id (doubt_id=?)"]
        assert not any(step.startswith("SCAN") for step in steps)
    steps = plan("select * from problems where severity = ?", ["error"])
    assert steps[:2] == ["SEARCH d USING INDEX idx_problem_doubts_severity (severity=?)", "SEARCH s USING INDEX idx_problem_rows_doubt_id (doubt_id=?)"]
    assert [step for step in plan(PROBLEM_COUNTS_SQL, {"after": 30}) if step.startswith(("SCAN", "SEARCH s", "SEARCH d"))] == [
        "SEARCH s USING INTEGER PRIMARY KEY (rowid>?)", "SEARCH d USING INTEGER PRIMARY KEY (rowid=?)",
    ]  # fmt: skip
    assert plan(PROBLEM_FILES_SQL, {"limit": 100, "offset": 0})[0] == "SCAN s USING COVERING INDEX idx_problem_rows_source_path_id"
    assert plan(PROBLEM_FILE_COUNT_SQL)[1] == "SCAN problem_rows USING COVERING INDEX idx_problem_rows_source_path_id"
    assert plan(PROBLEM_KINDS_SQL)[:2] == ["SCAN s USING COVERING INDEX idx_problem_rows_doubt_id", "SEARCH d USING INTEGER PRIMARY KEY (rowid=?)"]
    page = plan(PROBLEMS_SQL, {"paths": "[1, 2]", "pathless": 1})
    assert not any(step.startswith("SCAN") and "json_each" not in step for step in page)
    assert page.count("SEARCH s USING COVERING INDEX idx_problem_rows_source_path_id (source_path_id=?)") == 2


def test_provisions_reads_as_the_table_it_was_with_a_text_repeated_across_acts_stored_once(conn):
    """`provisions` is a view with the table's columns (and its rows' rowid, which
    provisions_fts reads by); the closing clause three orders print alike is one text, and
    the current wording of an act held in versions is its newest version's text."""
    from db.schema import TABLES

    columns = [row[1] for row in conn.execute("pragma table_info(provisions)")]
    assert columns == [
        "id", "act_id", "parent_id", "key", "kind", "label", "heading", "text", "position", "source_line", "source_line_end",
        "source_file", "status", "role", "raw_text", "cells", "removed_in_version_id", "language", "rowid",
    ]
    assert columns[:-1] == list(TABLES["provisions"]["columns"])
    clause = "1) осы бұйрықты Қазақстан Республикасы Әділет министрлігінде мемлекеттік тіркеуді;"
    acts = conn.execute("select distinct act_id from provisions where text = ? order by act_id", (clause,)).fetchall()
    assert [row[0] for row in acts] == ["V1500010492", "V1500011361", "V2200026917"]
    assert conn.execute("select count(*) from texts where body = ?", (clause,)).fetchone()[0] == 1
    assert conn.execute("select count(distinct text_id) from provision_rows where text_id = ?", (text_id(clause),)).fetchone()[0] == 1
    # order № 146: every current unit's wording is a text its versions' units hold too
    held = conn.execute(
        f"""select count(*), count(w.id) from provision_rows p
            left join unit_wordings w on w.text_id = p.text_id and w.provision_id = p.id
            where p.act_id = '{ORDER_146}' and p.text_id is not null and p.removed_in_version_id is null"""
    ).fetchone()
    assert held[0] > 0 and held[0] == held[1]
    # a row and its full-text row are found by the same rowid
    found = conn.execute(
        "select p.act_id from provisions_fts f join provisions p on p.rowid = f.rowid where provisions_fts match ? order by p.act_id",
        ('"мемлекеттік тіркеуді"',),
    ).fetchall()
    assert {"V1500010492", "V1500011361", "V2200026917"} <= {row[0] for row in found}


def test_an_interval_deleted_leaves_its_span_and_a_changed_one_is_another_span(tmp_path):
    """Two intervals given alike (their end and bases) name one span; deleting one, then
    the other, leaves it (no trigger: `span_id` has no index, a span stays as a text
    does); the span with another end is another row (`store_shared`), the first unchanged."""
    import sqlite_utils

    from db.schema import create_schema
    from db.version_store import insert_rows, shared_values, store_shared

    db = sqlite_utils.Database(tmp_path / "x.db")
    create_schema(db)
    row = {"provision_id": "law-1/p1", "ordinal": 1, "valid_from": "2020-01-01", "valid_to": "2021-01-01", "has_end": 1, "text_known": 1,
           "basis_rule": "held_as_at", "basis_data": '{"dates":{"as_at":"2021-01-01"}}'}  # fmt: skip
    insert_rows(db.conn, "provision_versions", list(row), [tuple(row.values()), tuple({**row, "provision_id": "law-1/p2"}.values())])
    assert db.execute("select count(*), count(distinct span_id) from provision_version_rows").fetchone() == (2, 1)
    assert [tuple(r) for r in db.execute("select id, act_id, valid_to, basis_data from provision_versions order by id")] == [
        ("law-1/p1@1", "law-1", "2021-01-01", '{"dates":{"as_at":"2021-01-01"}}'),
        ("law-1/p2@1", "law-1", "2021-01-01", '{"dates":{"as_at":"2021-01-01"}}'),
    ]
    span = db.execute("select span_id from provision_version_rows").fetchone()[0]
    moved = store_shared(db.conn, "provision_versions", {**shared_values(db.conn, "provision_versions", [span])[span], "valid_to": "2022-01-01"})
    assert moved != span and db.execute("select count(*) from provision_version_spans").fetchone()[0] == 2
    assert shared_values(db.conn, "provision_versions", [span])[span]["valid_to"] == "2021-01-01"
    db.execute("delete from provision_versions")
    assert db.execute("select count(*) from provision_version_spans").fetchone()[0] == 2
