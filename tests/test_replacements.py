"""Which act came before (issue 23, question 5) and the act page's "not yet in force"
marks: on the real texts of the bundled corpus, in both languages, the same answer from
the function, the CLI, the JSON and the pages."""

from __future__ import annotations

import json

import pytest
import pytest_asyncio
from click.testing import CliRunner

import db.changes
from datasette_plugins.pieces import replacement_html
from db.changes import pending_units
from db.queries import act_links, act_on, act_replacements
from zan.cli import cli
from zan.messages import t
from zan.testing import site_in_process

NORMS_2019 = "V1900019742"  # order of 03.12.2019 approving natural norms; its p2 repeals the 2017 order on them
NORMS_2017 = "order-2017-05-15-17-42-3-3-7"
LABOUR_CODE_LAW = "law-2007-05-15-252"  # enacts the 2007 Labour Code, repealed by the 2015 Code
LABOUR_CODE_2015 = "code-2015-11-23-414-V"


def test_the_bundled_corpus_holds_each_replacement_its_texts_state(conn):
    rows = conn.execute("select coalesce(old_act_id, old_cited_act_id), coalesce(new_act_id, new_cited_act_id), basis_rule from replacements order by id").fetchall()
    assert set(rows) == {
        # a new order's unit declares the old order repealed ("… күші жойылды деп танылсын")
        ("order-2003-11-20-856", "V090005853_", "repealed_in_text"),  # Adilet text of 2009, p4
        (NORMS_2017, NORMS_2019, "repealed_in_text"),
        # a law enacting a code repeals what the code replaces ("Признать утратившими силу …"): the 1959 code's law
        ("law-1959-07-22-x", "law-1997-07-16-168", "repealed_in_text"),
        *((old, LABOUR_CODE_LAW, "repealed_in_text") for old in ("law-1992-07-04-x", "law-1996-07-08-x", "law-1999-12-10-x", "law-2000-12-18-x", "law-2004-02-28-x", "resolution-1992-07-04-x")),
        # the next year's transfer law repeals the previous one
        ("law-2020-11-24-x", "law-2021-11-30-76-VII", "repealed_in_text"),
        # a repeal naming a code: the code replaced the law
        ("law-1997-07-16-168", "code-2014-07-03-226-V", "repeal_names_successor"),
        (LABOUR_CODE_LAW, LABOUR_CODE_2015, "repeal_names_successor"),
    }
    # repealed by an order of which the corpus knows only kind, date and number: repealed, not "replaced"
    for act_id in ("V1500010492", "order-2011-01-05-7", "V1500011361", "law-1999-11-16-474-I", "law-2021-11-30-76-VII"):
        assert act_replacements(conn, act_id)["replaced_by"] == [], act_id
    # an amending act (seed 004 has instructions) repeals or amends; it replaces nothing
    assert act_replacements(conn, "V2500035673") == {"replaces": [], "replaced_by": []}
    # 168's Kazakh article 2 is misread as citing a code of 01.01.1998, after 168 itself: no predecessor
    assert not conn.execute("select 1 from replacements where old_cited_act_id = 'code-1998-01-01-x'").fetchone()


@pytest.mark.parametrize("lang, unit", [("kk", "2-тармақ"), ("ru", "пункт 2")])
def test_both_acts_carry_the_link_with_its_basis(conn, lang, unit):
    [old] = act_replacements(conn, NORMS_2019, lang)["replaces"]
    assert old["id"] == NORMS_2017 and not old["in_corpus"] and old["number"] == "17-42-3.3.7" and old["adopted_on"] == "2017-05-15"
    assert old["provision_id"] == f"{NORMS_2019}/p2" and unit in old["basis"] and "19-42-3.3.22" in old["basis"]
    assert old["basis_data"] == {"act": ["order", "19-42-3.3.22", "2019-12-03"], "facts": {"unit": "p2"}}
    # the new act took effect in its window (registered 19.12.2019, ten days after publication)
    assert (old["takes_effect_from"], old["takes_effect_latest"]) == ("2019-12-30", "2020-01-29")
    [new] = act_replacements(conn, LABOUR_CODE_LAW, lang)["replaced_by"]
    assert new["id"] == LABOUR_CODE_2015 and new["kind"] == "code" and new["takes_effect_from"] == "2016-01-01"
    assert new["basis_data"]["facts"] == {"why": "code"} and "414-V" in new["basis"]
    assert len(act_replacements(conn, LABOUR_CODE_LAW, lang)["replaces"]) == 6
    assert act_links(conn, NORMS_2019, lang)["replaces"] == act_replacements(conn, NORMS_2019, lang)["replaces"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_before_the_act_existed_the_answer_points_to_the_act_it_replaced(conn, lang):
    """On 01.06.2019 the 2019 order was not yet in force: the 2017 order it repealed is named,
    not in the corpus, its status then not made up. Inside the 2019 order's window too."""
    for date in ("2019-06-01", "2019-12-31"):
        act = act_on(conn, NORMS_2019, date, lang)["act"]
        assert act["status"] in ("not_in_force", "uncertain")
        [before] = act["came_before"]
        assert before["id"] == NORMS_2017 and before["status"] is None and before["cited_act_id"] == NORMS_2017
    # before the 2017 order was adopted it is no predecessor; once the 2019 order is in force there is none
    assert "came_before" not in act_on(conn, NORMS_2019, "2016-06-01", lang)["act"]
    assert "came_before" not in act_on(conn, NORMS_2019, "2020-06-01", lang)["act"]
    # after an act's end, not before its start: nothing
    assert "came_before" not in act_on(conn, LABOUR_CODE_LAW, "2016-06-01", lang)["act"]
    # 1 January 2007, before the law enacting the 2007 Labour Code: the six acts its article 2 repeals
    before = act_on(conn, LABOUR_CODE_LAW, "2007-01-01", lang)["act"]["came_before"]
    assert [item["id"] for item in before] == ["law-1992-07-04-x", "resolution-1992-07-04-x", "law-1996-07-08-x", "law-1999-12-10-x", "law-2000-12-18-x", "law-2004-02-28-x"]
    # in 1995 only the acts adopted by then
    assert [item["id"] for item in act_on(conn, LABOUR_CODE_LAW, "1995-01-01", lang)["act"]["came_before"]] == ["law-1992-07-04-x", "resolution-1992-07-04-x"]


def test_zan_at_says_which_act_came_before(db_path, conn):
    runner = CliRunner()
    result = runner.invoke(cli, ["at", NORMS_2019, "2019-06-01", "--lang", "ru", "--db", str(db_path)])
    assert result.exit_code == 0
    assert "На 01.06.2019 этот акт ещё не вступил в силу. До него:" in result.output
    assert f"{NORMS_2017}: приказ от 15.05.2017 № 17-42-3.3.7" in result.output and "пункт 2" in result.output
    result = runner.invoke(cli, ["at", NORMS_2019, "2019-06-01", "--json", "--db", str(db_path)])
    assert json.loads(result.output)["act"]["came_before"] == act_on(conn, NORMS_2019, "2019-06-01", "kk")["act"]["came_before"]


@pytest_asyncio.fixture(scope="module")
async def site(db_path):
    instance = site_in_process(db_path)
    await instance.invoke_startup()
    return instance


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("lang, before, replaced", [("kk", "01.06.2019 күні бұл акт әлі күшіне енбеген", "Бұл актіні ауыстырған акт"), ("ru", "На 01.06.2019 этот акт ещё не вступил в силу", "Этот акт заменён актом")])
async def test_pages_and_json_show_the_link(site, conn, lang, before, replaced):
    page = await site.client.get(f"/-/at/{NORMS_2019}?date=2019-06-01&lang={lang}")
    assert page.status_code == 200 and before in page.text and f'href="/-/cited/{NORMS_2017}' in page.text
    # no unit was in force yet: the page lists them as not in force, without a count of none
    counts = act_on(conn, NORMS_2019, "2019-06-01", lang)["counts"]
    assert counts["proven"] == counts["unproven"] == 0
    assert t("proven_count", lang, proven=0, unproven=0, date="01.06.2019") not in page.text
    response = await site.client.get(f"/-/at/{NORMS_2019}.json?date=2019-06-01&lang={lang}")
    assert response.json()["act"]["came_before"] == act_on(conn, NORMS_2019, "2019-06-01", lang)["act"]["came_before"]
    page = await site.client.get(f"/-/acts/{LABOUR_CODE_LAW}?lang={lang}")
    assert replaced in page.text and f'href="/-/cited/{LABOUR_CODE_2015}' in page.text and 'id="succession"' in page.text
    document = (await site.client.get(f"/-/acts/{NORMS_2019}.json?lang={lang}")).json()
    assert [item["id"] for item in document["links"]["replaces"]] == [NORMS_2017]
    links = (await site.client.get(f"/-/links/{LABOUR_CODE_LAW}.json?lang={lang}")).json()
    assert [item["id"] for item in links["replaced_by"]] == [LABOUR_CODE_2015]


def test_pending_units_are_pendings_own_items_by_unit(conn):
    """Law 414 of 1999: articles 5-1 and 5-2, added by law № 226-VII from 01.07.2023, are
    pending on 01.05.2023 — the same items `pending` lists; nothing is pending on the
    bundled corpus's acts on 2016-01-01, and a repeal of the whole act marks no unit."""
    units = pending_units(conn, "law-1999-07-13-414", "2023-05-01", "ru")
    assert {key: [(i["what"], i["mark"], i["earliest"]) for i in items] for key, items in units.items()} == {
        "art5-1": [("added", "unit", "2023-07-01")],
        "art5-2": [("added", "unit", "2023-07-01")],
    }
    assert pending_units(conn, "law-1999-07-13-414", "2023-07-01") == {}
    assert pending_units(conn, LABOUR_CODE_LAW, "2015-12-01") == {}  # pending_repealed of the whole act: its banner says it


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("lang, mark", [("kk", "әлі күшіне енбеген: 01.07.2023"), ("ru", "ещё не вступило в силу: 01.07.2023")])
async def test_the_act_page_marks_each_unit_pending_today(site, monkeypatch, lang, mark):
    monkeypatch.setattr(db.changes, "today", lambda: "2023-05-01")
    page = await site.client.get(f"/-/acts/law-1999-07-13-414?lang={lang}")
    assert page.status_code == 200
    marks = page.text.count('class="zan-pending-mark"')
    assert marks >= 2 and page.text.count(mark) == marks  # articles 5-1, 5-2 and each unit inside them
    assert 'href="/-/pending?act=law-1999-07-13-414' in page.text
    document = (await site.client.get(f"/-/acts/law-1999-07-13-414.json?lang={lang}")).json()
    assert sorted(document["pending_units"]) == ["art5-1", "art5-2"]
    monkeypatch.setattr(db.changes, "today", lambda: "2023-07-01")
    page = await site.client.get(f"/-/acts/law-1999-07-13-414?lang={lang}")
    assert 'class="zan-pending-mark"' not in page.text


def test_a_predecessor_in_the_corpus_is_answered_with_its_own_status_on_the_date(db_path, tmp_path):
    """No two acts of the bundled corpus replace each other, so one link is written by hand
    into a copy (the fire-audit rules of 2015, in force until 14.04.2017, "replaced" by the
    2019 order): its status on the date is its own answer (`act_status_on`), its link its as-of
    page, and on a date it was not in force it is not named. (Its own window of entry
    into force is open at the end — no publication date —, so on 01.06.2016 it is
    "uncertain", as its own page says.)"""
    import shutil
    import sqlite3

    copy = tmp_path / "laws.db"
    shutil.copy(db_path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute(
            "insert into replacements (id, old_act_id, new_act_id, takes_effect_from, takes_effect_latest, basis_rule, basis_data) "
            "values (100, 'V1500010492', ?, '2019-12-30', '2020-01-29', 'repealed_in_text', '{\"act\":[\"order\",\"19-42-3.3.22\",\"2019-12-03\"],\"facts\":{\"unit\":\"p2\"}}')",
            (NORMS_2019,),
        )
        conn.commit()
        before = act_on(conn, NORMS_2019, "2016-06-01", "ru")["act"]["came_before"]
        assert [(item["id"], item["in_corpus"], item["status"]) for item in before] == [("V1500010492", True, "uncertain")]  # the 2017 order: not adopted yet
        assert 'href="/-/at/V1500010492?date=2016-06-01"' in replacement_html(before[0], lambda path: path, "ru", "2016-06-01")
        # adopted 13.02.2015 but not in force before 29.03.2015: not named on 01.03.2015
        assert "came_before" not in act_on(conn, NORMS_2019, "2015-03-01", "ru")["act"]
        # repealed from 14.04.2017 at the earliest, the end of that window unknown: still "uncertain" in 2018, as its page says
        later = act_on(conn, NORMS_2019, "2018-06-01", "ru")["act"]["came_before"]
        assert [(item["id"], item["status"]) for item in later] == [("V1500010492", "uncertain"), (NORMS_2017, None)]
    result = CliRunner().invoke(cli, ["at", NORMS_2019, "2016-06-01", "--lang", "ru", "--db", str(copy)])
    assert "V1500010492: приказ от 13.02.2015 № 111" in result.output and "на 01.06.2016: не установлено" in result.output


def test_pending_units_shortcut_changes_no_answer(conn, monkeypatch):
    """`pending_units` skips `pending` for an act that cannot have a unit coming: on every
    act of the bundled corpus, on days around its changes, in both languages, the answer
    is the one `pending` itself gives."""
    acts = [row[0] for row in conn.execute("select id from acts order by id")]
    days = ("1997-08-01", "1999-06-01", "2007-06-01", "2015-12-01", "2019-12-20", "2023-05-01", "2025-02-01")
    fast = {(act, day, lang): pending_units(conn, act, day, lang) for act in acts for day in days for lang in ("kk", "ru")}
    monkeypatch.setattr(db.changes, "_may_have_pending_units", lambda *args: True)
    assert fast == {(act, day, lang): pending_units(conn, act, day, lang) for act in acts for day in days for lang in ("kk", "ru")}
    assert sum(bool(units) for units in fast.values()) == 2  # law 414 of 1999 on 01.05.2023, in both languages


def test_amending_laws_repeal_but_replace_nothing(tmp_path):
    """The six amending laws of ../shared/corpus-bank/amending/ (9231 declares acts repealed,
    "Признать утратившими силу следующие законодательные акты"): every one is an amending act,
    so none replaces what it repeals."""
    from tests.test_law_instructions import AMENDING

    if not AMENDING.is_dir():
        pytest.skip("the shared corpus bank is not here")
    import sqlite3

    from db import build

    build(AMENDING, tmp_path / "laws.db")
    with sqlite3.connect(tmp_path / "laws.db") as conn:
        assert conn.execute("select count(*) from instructions where operation = 'repeal'").fetchone()[0] > 0
        assert conn.execute("select count(*) from replacements").fetchone()[0] == 0
