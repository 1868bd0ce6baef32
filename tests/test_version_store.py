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
