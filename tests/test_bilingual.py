"""One act, two languages: the Kazakh and Russian files of an act are one act with a
text per language, never two versions of it (db/bilingual.py)."""

from __future__ import annotations


import pytest

from db.bilingual import by_language, reconcile, unpaired_units
from db.sources import parse_file
from tests.conftest import BANK


@pytest.fixture(scope="module")
def conn(rows_conn):
    return rows_conn


@pytest.fixture(scope="module")
def order_87811():
    """Order № 111 of 13.02.2015 on fire-safety audits, in Kazakh and in Russian."""
    folder = BANK / "87811-qriim"
    return {"kk": parse_file(folder / "kaz.md"), "ru": parse_file(folder / "rus.md")}


def test_a_files_language_comes_from_its_name(order_87811):
    assert order_87811["kk"].act.language == "kk"
    assert order_87811["ru"].act.language == "ru"
    assert order_87811["ru"].act.title.startswith("Об утверждении Правил проведения аудита в области пожарной безопасности")


def test_both_texts_name_the_same_act(order_87811):
    kk, ru = order_87811["kk"].act, order_87811["ru"].act
    assert (kk.kind, kk.adopted_on, kk.number) == (ru.kind, ru.adopted_on, ru.number) == ("order", "2015-02-13", "111")


def test_the_primary_text_is_kazakh_whatever_the_order_of_the_files(order_87811):
    grouped = by_language([order_87811["ru"], order_87811["kk"]])
    assert list(grouped) == ["kk", "ru"]


def test_the_texts_disagree_on_the_orders_entry_into_force(order_87811):
    """The Kazakh text says twenty-one days after publication, the Russian ten: the act's
    answer keeps every day either allows, and the disagreement is a problem."""
    kk = parse_file(BANK / "87811-qriim" / "kaz.md")
    ru = parse_file(BANK / "87811-qriim" / "rus.md")
    assert (kk.act.commencement.offset_days, ru.act.commencement.offset_days) == (21, 10)
    problems = reconcile({"kk": kk, "ru": ru})
    disagreements = [p.message for p in problems if p.kind == "language_disagreement"]
    assert any("entry into force" in message and "2015-04-09" in message and "2015-03-29" in message for message in disagreements)
    assert (kk.act.effective.status, kk.act.effective.earliest, kk.act.effective.latest) == ("bounded", "2015-03-29", None)


def test_units_are_paired_by_key(order_87811):
    unpaired = unpaired_units(order_87811["kk"], order_87811["ru"])
    kk_keys = {p.key for p in order_87811["kk"].provisions if p.label}
    ru_keys = {p.key for p in order_87811["ru"].provisions if p.label}
    assert len(unpaired) == len(kk_keys ^ ru_keys)
    assert all(problem.kind == "unit_without_translation" for problem in unpaired)


# --- In the database ----------------------------------------------------------------------


def test_one_act_with_a_text_per_language(conn):
    texts = conn.execute("select id, language, is_primary from act_texts where act_id = 'V1500010492' order by language").fetchall()
    assert [tuple(row) for row in texts] == [("V1500010492", "kk", 1), ("V1500010492/ru", "ru", 0)]
    assert conn.execute("select count(*) from acts where id like 'V1500010492%'").fetchone()[0] == 1


def test_the_russian_units_live_under_the_russian_text(conn):
    rows = conn.execute("select id, language from provisions where act_id = 'V1500010492' and language = 'ru'").fetchall()
    assert rows and all(row["id"].startswith("V1500010492/ru/") for row in rows)
    kazakh = conn.execute("select count(*) from provisions where act_id = 'V1500010492' and language = 'kk'").fetchone()[0]
    assert kazakh > 20


def test_a_translation_is_never_a_version(conn):
    versions = conn.execute("select id, language from versions where act_id = 'V1500010492' order by id").fetchall()
    assert [tuple(row) for row in versions] == [("V1500010492/ru@2015-02-13", "ru"), ("V1500010492@2015-02-13", "kk")]
    assert conn.execute("select count(*) from version_changes where act_id = 'V1500010492'").fetchone()[0] == 0


def test_each_language_is_searched_in_its_own_text(conn):
    from db.search import search

    russian = search(conn, "пожарная безопасность", lang="ru", limit=100)
    assert russian and all(row["act_id"] == "V1500010492" for row in russian)
    assert all(row["provision_id"].startswith("V1500010492/ru/") for row in russian if row["provision_id"])
