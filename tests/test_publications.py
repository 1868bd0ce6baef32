"""Publication dates supplied beside the corpus (`corpus/publications.csv`) and the day
counting they feed (`parser.temporal.apply_offset`), end to end: a temporary corpus of
the real seeds plus a publications file, built into a real database.

NOTE: every publication date in this module is a TEST FIXTURE chosen to exercise the
rules. None of them is the real date on which an act was first officially published.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from zan.messages import basis_text

from db import build
from db.load import load_publications
from db.queries import act_on
from parser.publications import read_publications
from parser.temporal import apply_offset, derive_effective, parse_commencement
from parser.languages import KAZAKH

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# TEST FIXTURES, not real publication dates:
#  - seed 000 itself (order № 542 of 19.10.2009, "from the day of first official
#    publication"): published 2009-11-20 -> in force from 2009-11-20;
#  - order № 954 of 09.12.2010 (amends seed 000, "ten calendar days after"):
#    published 2010-12-25 -> its changes apply from 2011-01-05;
#  - order № ҚР ДСМ-21 of 02.10.2018 (amends seed 003 doc/p8 and doc/p11, "from the day
#    of first official publication"), number written in lower case with a double space:
#    published 2018-10-20 -> applies from 2018-10-20.
# and three rows that must be skipped, each with a problem:
#  - line 5: order № 479 "published" before its adoption;
#  - line 6: order № 230 with an impossible date;
#  - line 7: order № 286 with its published_on (and source) columns missing.
PUBLICATIONS_CSV = """kind,adopted_on,number,published_on,source
order,2009-10-19,542,2009-11-20,TEST FIXTURE (not a real publication date)
order,2010-12-09,954,2010-12-25,TEST FIXTURE (not a real publication date)
order,2018-10-02,қр  дсм-21,2018-10-20,TEST FIXTURE (not a real publication date)
order,2013-08-17,479,2013-08-01,TEST FIXTURE: published before adoption
order,2014-05-05,230,2014-05-32,TEST FIXTURE: no such day
order,2018-05-29,286
"""


@pytest.fixture(scope="module")
def published_db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("published")
    corpus = root / "corpus"
    corpus.mkdir()
    for seed in sorted(CORPUS.glob("*.txt")):
        shutil.copy(seed, corpus)
    (corpus / "publications.csv").write_text(PUBLICATIONS_CSV, encoding="utf-8")
    path = root / "laws.db"
    build(corpus, path)
    return path


@pytest.fixture(scope="module")
def db_path(published_db):
    return published_db


@pytest.fixture(scope="module")
def conn(rows_conn):
    return rows_conn


def provision(answer: dict, key: str) -> dict:
    return next(p for p in answer["provisions"] if p["key"] == key)


# --- Day counting -------------------------------------------------------------------------


def test_ten_calendar_days_after_publication_apply_from_p_plus_11(seeds):
    # seed 004's own clause: "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң"
    rule = seeds["004"].act.commencement
    assert (rule.rule, rule.offset_days, rule.offset_months) == ("publication", 10, None)
    assert apply_offset(rule, "2025-01-28") == "2025-02-08"
    assert apply_offset(rule, "2024-02-20") == "2024-03-02"  # across 29 February
    assert apply_offset(rule, "2010-12-25") == "2011-01-05"  # across the new year


def test_from_the_day_of_publication_is_the_publication_day(seeds):
    # seed 000's own clause: "оны алғаш ресми жариялаған күнінен бастап қолданысқа енгізіледі"
    rule = seeds["000"].act.commencement
    assert (rule.rule, rule.offset_days, rule.offset_months) == ("publication", None, None)
    assert apply_offset(rule, "2009-11-20") == "2009-11-20"


def test_months_after_publication_end_on_the_same_date_and_apply_from_the_next_day():
    rule = parse_commencement("Осы бұйрық алғашқы ресми жарияланған күнінен кейін үш ай өткен соң қолданысқа енгізіледі.", lang=KAZAKH)
    assert (rule.rule, rule.offset_days, rule.offset_months) == ("publication", None, 3)
    assert apply_offset(rule, "2022-03-15") == "2022-06-16"
    assert apply_offset(rule, "2022-11-30") == "2023-03-01"  # no 30 February: its last day, then the day after


def test_a_known_publication_day_makes_the_date_exact_and_says_where_it_came_from(seeds):
    rule = seeds["004"].act.commencement
    effective = derive_effective(rule, "2025-01-24", "2025-01-27", published_on="2025-02-03", publication_source="TEST")
    assert (effective.status, effective.exact, effective.earliest, effective.latest) == ("exact", "2025-02-14", None, None)
    assert (effective.basis.dates, effective.basis.facts) == ({"published": "2025-02-03"}, {"days": 10, "source": "TEST"})


# --- Reading the file ---------------------------------------------------------------------


def test_good_rows_are_found_by_kind_date_and_number():
    publications = read_publications(PUBLICATIONS_CSV)
    assert publications.find("order", "2009-10-19", "542").published_on == "2009-11-20"
    assert publications.find("order", "2010-12-09", "954").published_on == "2010-12-25"
    assert publications.find("order", "2018-10-02", "ҚР ДСМ-21").published_on == "2018-10-20"
    assert publications.find("order", "2010-12-09", "955") is None
    assert publications.find("resolution", "2010-12-09", "954") is None
    assert publications.find("order", None, "954") is None
    assert len(publications.by_act) == 3


def test_bad_rows_are_skipped_each_with_a_problem_and_the_others_still_count():
    publications = read_publications(PUBLICATIONS_CSV)
    assert [(p.kind, p.severity, p.source_line) for p in publications.problems] == [
        ("publications_row", "warning", 5),
        ("publications_row", "warning", 6),
        ("publications_row", "warning", 7),
    ]
    assert "2013-08-01 before adoption 2013-08-17" in publications.problems[0].message
    assert publications.find("order", "2013-08-17", "479") is None
    assert publications.find("order", "2014-05-05", "230") is None
    assert publications.find("order", "2018-05-29", "286") is None


def test_a_file_without_a_required_column_is_an_error_and_gives_nothing():
    publications = read_publications("kind,adopted_on,number,source\norder,2009-10-19,542,x\n")
    assert publications.by_act == {}
    assert [(p.kind, p.severity, p.source_line) for p in publications.problems] == [("publications_columns", "error", 1)]
    assert "published_on" in publications.problems[0].message


def test_the_bundled_file_holds_no_dates(tmp_path):
    publications = load_publications(CORPUS)
    assert (publications.by_act, publications.problems) == ({}, [])
    assert load_publications(tmp_path).by_act == {}  # no file at all: nothing, no error


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / "publications.csv").write_text(PUBLICATIONS_CSV, encoding="utf-8-sig")
    assert load_publications(tmp_path).find("order", "2009-10-19", "542").published_on == "2009-11-20"


# --- The built database -------------------------------------------------------------------


def test_the_acts_own_start_becomes_exact(conn):
    act = conn.execute("select * from acts where id = 'V090005853_'").fetchone()
    assert (act["date_status"], act["effective_from"], act["effective_from_earliest"], act["effective_from_latest"]) == (
        "exact",
        "2009-11-20",
        None,
        None,
    )
    assert (act["valid_from"], act["valid_from_latest"]) == ("2009-11-20", "2009-11-20")
    said = basis_text(act["date_basis_rule"], act["date_basis_data"], "ru")
    assert said.endswith("день первого официального опубликования — 20.11.2009 (TEST FIXTURE (not a real publication date))"), said  # the source publications.csv names


def test_the_changes_by_order_954_become_exact_at_p_plus_11(conn):
    rows = conn.execute("select provision_id, date_status, effective_from from amendments where amending_act_number = '954' order by id").fetchall()
    assert len(rows) == 8
    assert {(r["date_status"], r["effective_from"]) for r in rows} == {("exact", "2011-01-05")}
    assert "V090005853_/doc/p1" in {r["provision_id"] for r in rows}


def test_a_publication_day_rule_on_an_amendment_gives_the_publication_day(conn):
    rows = conn.execute("select provision_id, date_status, effective_from from amendments where amending_act_number = 'ҚР ДСМ-21' order by id").fetchall()
    assert [(r["provision_id"], r["date_status"], r["effective_from"]) for r in rows] == [
        ("order-2011-01-05-7/doc/p8", "exact", "2018-10-20"),
        ("order-2011-01-05-7/doc/p11", "exact", "2018-10-20"),
    ]


def test_skipped_rows_leave_their_acts_bounded_and_are_problems_of_the_build(conn):
    problems = conn.execute("select source_path, act_id, severity, kind, source_line from problems where kind like 'publications%' order by source_line").fetchall()
    assert [tuple(p) for p in problems] == [
        ("corpus/publications.csv", None, "warning", "publications_row", 5),
        ("corpus/publications.csv", None, "warning", "publications_row", 6),
        ("corpus/publications.csv", None, "warning", "publications_row", 7),
    ]
    for number, earliest in (("479", "2013-08-28"), ("230", "2014-05-16"), ("286", "2018-06-09")):
        statuses = {
            (r["date_status"], r["effective_from"], r["effective_from_earliest"])
            for r in conn.execute("select * from amendments where amending_act_number = ?", (number,))
        }
        assert statuses == {("bounded", None, earliest)}, number


@pytest.mark.parametrize(
    "date, status",
    [
        ("2009-11-19", "not_in_force"),
        ("2009-11-20", "in_force"),  # published that day: in force from it
        ("2010-01-01", "in_force"),
        ("2012-06-05", "in_force"),
        ("2012-06-06", "not_in_force"),  # repealed from the signing of order № 394
    ],
)
def test_seed_000_with_its_publication_day_is_in_force_exactly(conn, date, status):
    assert act_on(conn, "V090005853_", date)["act"]["status"] == status


def test_seed_000_rules_paragraph_1_is_in_force_with_its_earlier_wording_not_held(conn):
    answer = provision(act_on(conn, "V090005853_", "2010-01-01"), "doc/p1")
    assert (answer["status"], answer["text_known"], answer["text"]) == ("in_force", False, None)
    assert answer["basis"].endswith("; 09.12.2010 № 954 бұйрық енгізген өзгеріске дейінгі мәтіні корпуста жоқ")


def test_seed_000_rules_paragraph_1_new_wording_applies_exactly_from_p_plus_11(conn):
    before = provision(act_on(conn, "V090005853_", "2011-01-04"), "doc/p1")
    after = provision(act_on(conn, "V090005853_", "2011-01-05"), "doc/p1")
    assert (before["status"], before["text_known"]) == ("in_force", False)
    assert (after["status"], after["text_known"]) == ("in_force", True)
    assert after["text"].startswith("1. Осы Ереже қалпына келтіру емін және медициналық оңалту")


def test_seed_000_untouched_paragraph_has_its_current_wording_once_in_force(conn):
    current = conn.execute("select text from provisions where id = 'V090005853_/doc/p2'").fetchone()["text"]
    answer = provision(act_on(conn, "V090005853_", "2009-11-20"), "doc/p2")
    assert (answer["status"], answer["text_known"], answer["text"]) == ("in_force", True, current)


def test_after_the_last_change_provably_took_effect_the_current_wording_is_known(conn):
    """Seed 003 doc/p8 was rewritten with the whole Rules by order № 479 (2013, window
    [2013-08-28, ?]) and then on its own by order № ҚР ДСМ-21 (exact here: 2018-10-20).
    On and after 2018-10-20 the paragraph's wording is the current one."""
    current = conn.execute("select text from provisions where id = 'order-2011-01-05-7/doc/p8'").fetchone()["text"]
    before = provision(act_on(conn, "order-2011-01-05-7", "2018-10-19"), "doc/p8")
    after = provision(act_on(conn, "order-2011-01-05-7", "2018-10-20"), "doc/p8")
    assert before["text_known"] is False
    assert (after["text_known"], after["text"]) == (True, current)


def test_a_missing_column_in_the_header_is_reported_and_the_build_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(next(CORPUS.glob("000_*.txt")), corpus)
    (corpus / "publications.csv").write_text("kind,adopted_on,number\norder,2009-10-19,542\n", encoding="utf-8")
    path = tmp_path / "laws.db"
    build(corpus, path)
    connection = sqlite3.connect(path)
    problems = connection.execute("select severity, kind, source_line from problems where source_path = 'corpus/publications.csv'").fetchall()
    assert problems == [("error", "publications_columns", 1)]
    assert connection.execute("select date_status, valid_from, valid_from_latest from acts where id = 'V090005853_'").fetchone() == (
        "bounded",
        "2009-11-11",
        None,
    )
