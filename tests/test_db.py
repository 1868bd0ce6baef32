"""The database built from the real corpus: the public schema, the acts, provisions,
notes and amendments of the seeds, and nothing of a source lost."""

from __future__ import annotations

import collections
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import CORPUS_ACTS
import sqlite_utils

from db import CorpusNotFound, build
from db.schema import TABLES, UNINDEXED_FOREIGN_KEYS

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def built(corpus_db) -> sqlite_utils.Database:
    return sqlite_utils.Database(corpus_db)


def rows(db: sqlite_utils.Database, sql: str, params: dict | tuple = ()) -> list[dict]:
    return list(db.query(sql, params))


def test_public_schema_has_the_fixed_names(built):
    for table, spec in TABLES.items():
        assert set(spec["columns"]) <= set(built[table].columns_dict), table
    for required in ("id", "title", "kind", "issuer", "adopted_on", "number", "registered_on", "registration_number", "status", "language", "source_path"):
        assert required in built["acts"].columns_dict
    for required in ("id", "act_id", "parent_id", "kind", "label", "heading", "text", "position", "source_line"):
        assert required in built["provisions"].columns_dict


def test_foreign_keys_are_declared_so_datasette_links_them(built):
    keys = {(fk.column, fk.other_table) for fk in built["amendment_rows"].foreign_keys}
    # amendments, provisions and notes are views (db.version_store.BY_ID): a key to it points at the table holding its rows
    assert keys == {("act_id", "acts"), ("note_id", "note_rows"), ("provision_id", "provision_rows"), ("amending_cited_act_id", "cited_acts")}
    assert ("parent_id", "provision_rows") in {(fk.column, fk.other_table) for fk in built["provision_rows"].foreign_keys}
    violations = built.execute("pragma foreign_key_check").fetchall()
    assert violations == []


def test_every_foreign_key_can_be_looked_up_by_an_index_and_no_index_repeats_another(built):
    """A foreign key is served by its own index or by one that begins with its column
    (SQLite uses `provisions (act_id, position)` for `act_id` alone); an index that only
    repeats the start of a longer one would cost build time and space for nothing."""
    for table in built.tables:
        indexes = [tuple(index.columns) for index in table.indexes if index.columns and None not in index.columns]
        for foreign_key in table.foreign_keys:
            if (table.name, foreign_key.column) in UNINDEXED_FOREIGN_KEYS:
                continue
            assert any(columns[0] == foreign_key.column for columns in indexes), (table.name, foreign_key.column)
        for columns in indexes:
            longer = [other for other in indexes if len(other) > len(columns) and other[: len(columns)] == columns]
            assert not longer, (table.name, columns, longer)


def test_the_acts_with_their_metadata(built):
    acts = {row["id"]: row for row in rows(built, "select * from acts")}
    assert set(acts) == CORPUS_ACTS
    seed_000 = acts["V090005853_"]
    assert seed_000["title"] == "Қалпына келтіру емін көрсету және медициналық оңалту ережесін бекіту туралы"
    assert (seed_000["kind"], seed_000["adopted_on"], seed_000["number"]) == ("order", "2009-10-19", "542")
    assert (seed_000["registered_on"], seed_000["registration_number"]) == ("2009-11-11", "5853")
    assert seed_000["issuer"] == "Қазақстан Республикасы Денсаулық сақтау министрінің"
    assert seed_000["status"] == "repealed"
    assert seed_000["repeal_text"].endswith("2012 жылғы 6 маусымдағы № 394 бұйрығымен")
    assert seed_000["language"] == "kk"
    assert seed_000["source_path"] == "corpus/000_4b7559da1f3463c5.txt"
    seed_001 = acts["V2200026917"]
    assert seed_001["issuer"] == "Қазақстан Республикасы Төтенше жағдайлар министрінің м.а."
    assert seed_001["issuer_acting"] == 1
    assert seed_001["status"] == "unknown"
    seed_004 = acts["V2500035673"]
    assert (seed_004["number"], seed_004["registration_number"], seed_004["layout"]) == ("5", "35673", "zqai_text")


def test_provisions_are_in_document_order_with_parents(built):
    keys = [row["key"] for row in rows(built, "select key from provisions where act_id = 'V090005853_' order by position")]
    assert keys[:13] == ["title", "status", "requisites", "preamble", "p1", "p2", "p3", "p4", "p5", "p6", "signature", "approval", "doc"]
    assert keys[13:] [:7] == ["doc/p1", "doc/p2", "doc/p3", "doc/p4", "doc/p5", "doc/p6", "doc/p6/sp1"]
    subparagraph = rows(built, "select * from provisions where id = 'V090005853_/doc/p6/sp8'")[0]
    assert (subparagraph["kind"], subparagraph["label"], subparagraph["text"]) == ("subparagraph", "8", "8) психотерапия;")
    assert subparagraph["parent_id"] == "V090005853_/doc/p6"
    assert subparagraph["raw_text"] == "      8 )  п с и х о т е р а п и я ;\n"
    document = rows(built, "select * from provisions where id = 'V090005853_/doc'")[0]
    assert (document["kind"], document["label"]) == ("appendix", None)


def test_appendices_restart_numbering_and_nest_in_the_approved_document(built):
    appendices = rows(built, "select key, label, parent_id from provisions where act_id = 'order-2011-01-05-7' and kind = 'appendix' order by position")
    assert [(a["key"], a["label"]) for a in appendices] == [("doc", None), ("doc/app1", "1"), ("doc/app2", "2"), ("doc/app3", "3")]
    assert {a["parent_id"] for a in appendices[1:]} == {"order-2011-01-05-7/doc"}
    first = rows(built, "select text from provisions where id = 'order-2011-01-05-7/doc/app1/p1'")[0]
    assert first["text"].startswith("1. Медициналық пункт ен фельдшерлік-акушерлік пункттің")


def test_every_note_is_attached_to_the_unit_it_names(built):
    notes = rows(built, "select source_line, provision_id, target_status from notes where act_id = 'V090005853_' order by ordinal")
    assert [(n["source_line"], n["provision_id"]) for n in notes] == [
        (11, None),
        (18, "V090005853_/p1"),
        (50, "V090005853_/doc"),
        (56, "V090005853_/doc/p1"),
        (114, "V090005853_/doc/p6"),
        (120, "V090005853_/doc/p7"),
        (139, "V090005853_/doc/p9"),
        (152, "V090005853_/doc/p10"),
        (170, "V090005853_/doc/p11"),
        (205, "V090005853_/doc/p15"),
    ]
    assert notes[0]["target_status"] == "act"


def test_amendments_carry_the_amending_act_and_its_dates(built):
    repeal = rows(built, "select * from amendments where act_id = 'V090005853_' and action = 'repealed'")
    assert len(repeal) == 1
    assert repeal[0]["provision_id"] is None
    assert (repeal[0]["amending_act_date"], repeal[0]["amending_act_number"], repeal[0]["amending_act_kind"]) == ("2012-06-06", "394", "order")
    assert (repeal[0]["commencement_rule"], repeal[0]["date_status"], repeal[0]["effective_from"]) == ("signing", "exact", "2012-06-06")
    changed = rows(built, "select * from amendments where provision_id = 'V090005853_/doc/p1'")[0]
    assert (changed["action"], changed["amending_act_date"], changed["amending_act_number"]) == ("new_wording", "2010-12-09", "954")
    assert (changed["date_status"], changed["effective_from"], changed["effective_from_earliest"]) == ("bounded", None, "2010-12-20")
    truncated = rows(built, "select * from amendments where provision_id = 'V090005853_/doc/p15'")[0]
    assert (truncated["parse_status"], truncated["amending_act_date"], truncated["amending_act_number"]) == ("incomplete", None, None)


def test_seed_002_title_note_takes_effect_on_a_fixed_date(built):
    title = rows(built, "select a.* from amendments a join notes n on n.id = a.note_id where n.provision_id = 'V1500011361/title'")[0]
    assert (title["action"], title["effective_from"], title["date_status"]) == ("new_wording", "2018-01-01", "exact")
    assert title["amending_act_date"] == "2017-08-04" and title["amending_act_number"] == "589"


def test_problems_name_every_doubt(built):
    problems = rows(built, "select kind, source_path, source_line from problems")
    kinds = collections.Counter(p["kind"] for p in problems)
    assert kinds["note_incomplete"] == 1
    assert ("note_incomplete", "corpus/000_4b7559da1f3463c5.txt", 205) in {(p["kind"], p["source_path"], p["source_line"]) for p in problems}


@pytest.mark.parametrize("source", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_every_character_of_a_source_reaches_the_database(built, source):
    text = (CORPUS / source).read_text(encoding="utf-8")
    pieces = rows(
        built,
        """
        select source_line, raw_text from provisions where act_id = (select act_id from sources where path = :path)
        union all
        select source_line, raw_text from notes where act_id = (select act_id from sources where path = :path)
        """,
        {"path": f"corpus/{source}"},
    )
    # every line belongs to exactly one provision or note: in line order they are the source
    assert "".join(piece["raw_text"] for piece in sorted(pieces, key=lambda p: p["source_line"])) == text


@pytest.mark.parametrize("source", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_every_letter_reaches_the_repaired_text(built, source):
    text = (CORPUS / source).read_text(encoding="utf-8")
    repaired = rows(
        built,
        """
        select text from provisions where act_id = (select act_id from sources where path = :path)
        union all
        select text from notes where act_id = (select act_id from sources where path = :path)
        """,
        {"path": f"corpus/{source}"},
    )
    letters = lambda value: collections.Counter(c for c in value if c.isalnum())  # noqa: E731
    assert letters("".join(r["text"] for r in repaired)) == letters(text)


def test_full_text_search_finds_kazakh_words_in_any_case(built):
    found = rows(built, "select rowid from provisions_fts where provisions_fts match :q", {"q": "ПСИХОТЕРАПИЯ"})
    ids = {r["id"] for r in rows(built, "select id from provisions where rowid in (%s)" % ",".join(str(f["rowid"]) for f in found))}
    assert "V090005853_/doc/p6/sp8" in ids


def test_bad_input_gets_a_problem_and_the_rest_builds(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "001_9b5972101ba212e8.txt", corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    seed = (CORPUS / "000_4b7559da1f3463c5.txt").read_text(encoding="utf-8")
    (corpus / "utf16.txt").write_bytes(seed.encode("utf-16"))
    (corpus / "cp1251.txt").write_bytes("Бұйрық туралы\n\nприказ о порядке\n".encode("cp1251", errors="replace"))
    (corpus / "noheader.txt").write_text("Бұл жай мәтін, заң емес.\n", encoding="utf-8")
    (corpus / "cut.txt").write_text(seed[: seed.index("Ескерту. 1-тармаққа") + 60], encoding="utf-8")
    path = tmp_path / "laws.db"
    summary = build(corpus, path)
    db = sqlite_utils.Database(path)
    assert summary.documents == 7
    problems = {(p["source_path"].split("/")[-1], p["kind"]) for p in rows(db, "select source_path, kind from problems")}
    assert ("empty.txt", "empty_file") in problems
    assert ("binary.txt", "binary_file") in problems
    assert ("utf16.txt", "encoding") in problems
    assert ("cp1251.txt", "encoding") in problems
    assert ("noheader.txt", "no_act_identity") in problems
    statuses = {r["path"].split("/")[-1]: r["status"] for r in rows(db, "select path, status from sources")}
    assert statuses["empty.txt"] == statuses["binary.txt"] == "unreadable"
    assert statuses["001_9b5972101ba212e8.txt"] == "parsed"
    # the text cut mid-note keeps what it has: the act and its units up to the cut
    assert statuses["cut.txt"] == "parsed"
    # the UTF-16 copy of seed 000 claims the same act as the cut copy (read first): both
    # are kept, the second under "~2" and said to be a duplicate, and it is parsed in full
    assert ("utf16.txt", "duplicate_act") in problems
    assert rows(db, "select count(*) as n from provisions where act_id = 'V090005853_~2'")[0]["n"] == 47


def test_missing_corpus_is_an_error(tmp_path):
    with pytest.raises(CorpusNotFound):
        build(tmp_path / "nowhere", tmp_path / "laws.db")
    assert not (tmp_path / "laws.db").exists()


def test_a_failed_build_leaves_the_previous_database_in_place(tmp_path, monkeypatch):
    path = tmp_path / "laws.db"
    build(CORPUS, path)
    before = path.read_bytes()

    def explode(self, parsed):
        raise RuntimeError("disk full")

    monkeypatch.setattr("db.load.Store.add", explode)
    with pytest.raises(RuntimeError):
        build(CORPUS, path)
    assert path.read_bytes() == before
    assert sqlite3.connect(path).execute("select count(*) from acts").fetchone() == (17,)


def test_an_unchanged_corpus_rebuilds_to_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    build(CORPUS, first)
    build(CORPUS, second)
    assert first.read_bytes() == second.read_bytes()


def test_a_unit_an_amendment_inserted_in_a_bank_act_is_started_by_that_amendment(built):
    """Law 4051 (one file per language): article 5-1 was inserted by law № 226-VII of
    20.04.2023 from 01.07.2023; its version is started by that note's amendment, in
    both texts (the act's own start would say it applied from 2000). The bank's text is as
    at 01.07.2023: from the next day its wording is held but not proven (a second row)."""
    versions = rows(
        built,
        "select provision_id, ordinal, valid_from, started_by_amendment_id from provision_versions "
        "where provision_id in ('law-1999-07-13-414/art5-1', 'law-1999-07-13-414/ru/art5-1') order by provision_id, ordinal",
    )
    assert [tuple(v.values()) for v in versions] == [
        ("law-1999-07-13-414/art5-1", 1, "2023-07-01", "law-1999-07-13-414/note7/a1"),
        ("law-1999-07-13-414/art5-1", 2, "2023-07-02", None),
        ("law-1999-07-13-414/ru/art5-1", 1, "2023-07-01", "law-1999-07-13-414/ru/note7/a1"),
        ("law-1999-07-13-414/ru/art5-1", 2, "2023-07-02", None),
    ]
    (amendment,) = rows(built, "select action, amending_act_number from amendments where id = 'law-1999-07-13-414/note7/a1'")
    assert amendment == {"action": "inserted", "amending_act_number": "226-VII"}
