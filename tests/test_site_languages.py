"""One act, two language texts: `lang` chooses the text answered — in `db.queries`, on
the site (a real Datasette on the database `zan build` makes of the bundled corpus) and
on the command line — and both texts side by side, aligned by provision key (issue 14).

The acts: order 87811 (`V1500010492`, the Rules of fire-safety audits, a Kazakh and a
Russian file of the bank), law 4051 (`law-1999-07-13-414`, the special allowance for
miners), 137412 (`V1900019742`: three Kazakh versions and one Russian), and seed 001
(`V2200026917`, held in Kazakh only)."""

from __future__ import annotations

import json
import re

import pytest
import pytest_asyncio
from click.testing import CliRunner

from db.queries import act_diff, act_document, act_on, act_side_by_side, act_text, act_versions, acts_on, provision_history
from zan.cli import cli
from zan.testing import site_in_process

ORDER = "V1500010492"  # 87811
LAW = "law-1999-07-13-414"  # 4051
ANNEX_ACT = "V1900019742"  # 137412
KAZAKH_ONLY = "V2200026917"  # seed 001

ORDER_P1_RU = "1. Утвердить прилагаемые Правила проведения аудита в области пожарной безопасности."
ORDER_P1_KK = "1. Қоса беріліп отырған Өрт қауіпсіздігі саласында аудит жүргізу қағидалары бекітілсін."


def by_key(provisions: list[dict], key: str) -> dict:
    return next(p for p in provisions if p["key"] == key)


# --- Which text answers ------------------------------------------------------------------


def test_an_act_names_the_texts_it_holds_and_the_one_answered(conn):
    assert act_text(conn, ORDER, "ru") | {"title": None} == {
        "act_id": ORDER,
        "text_language": "ru",
        "text_asked": "ru",
        "languages_held": ["kk", "ru"],
        "base": f"{ORDER}/ru",
        "title": None,
        "source_path": "corpus/zan-gov-kz/87811-qriim/rus.md",
        "text_as_at": "2015-02-13",  # the bank's version date of that text
    }
    assert act_text(conn, ORDER)["base"] == ORDER  # Kazakh by default: the primary text, under the act's id
    missing = act_text(conn, KAZAKH_ONLY, "ru")
    assert (missing["text_language"], missing["text_asked"], missing["languages_held"]) == ("kk", "ru", ["kk"])


def test_the_order_on_a_date_in_russian_reads_only_its_russian_text(conn):
    russian, kazakh = act_on(conn, ORDER, "2016-01-01", "ru"), act_on(conn, ORDER, "2016-01-01", "kk")
    assert {p["language"] for p in russian["provisions"]} == {"ru"}
    assert {p["language"] for p in kazakh["provisions"]} == {"kk"}
    assert len(russian["provisions"]) == 32 and len(kazakh["provisions"]) == 32
    assert by_key(russian["provisions"], "p1")["id"] == f"{ORDER}/ru/p1"
    assert by_key(russian["provisions"], "p1")["text"] == ORDER_P1_RU
    assert by_key(kazakh["provisions"], "p1")["text"] == ORDER_P1_KK
    assert russian["act"]["title"] == "Об утверждении Правил проведения аудита в области пожарной безопасности"
    # one act: its life is the act's, whatever the text
    assert russian["act"]["status"] == kazakh["act"]["status"]


def test_an_act_with_no_text_in_the_language_asked_answers_with_its_primary_text_and_says_so(conn):
    answer = act_on(conn, KAZAKH_ONLY, "2024-01-01", "ru")
    assert (answer["act"]["text_language"], answer["act"]["text_asked"], answer["act"]["languages_held"]) == ("kk", "ru", ["kk"])
    assert answer["provisions"] and {p["language"] for p in answer["provisions"]} == {"kk"}
    document = act_document(conn, KAZAKH_ONLY, "ru")
    assert document["act"]["text_language"] == "kk" and len(document["provisions"]) == len(act_document(conn, KAZAKH_ONLY)["provisions"])


def test_the_law_in_russian_keeps_its_own_notes_amendments_and_citations(conn):
    russian, kazakh = act_document(conn, LAW, "ru"), act_document(conn, LAW, "kk")
    assert (len(russian["provisions"]), len(kazakh["provisions"])) == (68, 67)  # the Russian file repeats its title
    assert {p["language"] for p in russian["provisions"]} == {"ru"}
    assert all(p["id"].startswith(f"{LAW}/ru/") for p in russian["provisions"])
    assert by_key(russian["provisions"], "art1")["text"] == "Статья 1. Основные понятия, используемые в настоящем Законе"
    assert by_key(kazakh["provisions"], "art1")["text"] == "1-бап. Осы Заңда пайдаланылатын негізгі ұғымдар"
    assert len(russian["notes"]) == len(kazakh["notes"]) == 10
    assert {n["language"] for n in russian["notes"]} == {"ru"}
    note = next(n for n in russian["notes"] if n["id"] == f"{LAW}/ru/note3")
    assert note["text"].startswith("Сноска. Статья 1 в редакции Закона РК от 17.03.2015 № 293-V")
    assert note["amendments"] and all(a["id"].startswith(f"{LAW}/ru/note3/") for a in note["amendments"])
    assert all(c["provision_id"].startswith(f"{LAW}/ru/") for c in russian["citations"])
    assert all(not c["provision_id"].startswith(f"{LAW}/ru/") for c in kazakh["citations"])


def test_versions_and_diffs_compare_one_language_text(conn):
    assert [v["id"] for v in act_versions(conn, ANNEX_ACT)] == ["V1900019742@2019-12-03", "V1900019742@2020-08-10", "V1900019742@2020-10-27"]
    assert [(v["id"], v["language"]) for v in act_versions(conn, ANNEX_ACT, "ru")] == [("V1900019742/ru@2020-10-27", "ru")]
    diff = act_diff(conn, ANNEX_ACT, "V1900019742@2020-08-10", "V1900019742@2020-10-27")
    assert [(c["id"], c["change"], c["language"]) for c in diff["changes"]] == [("V1900019742/app/i2", "reworded", "kk")]
    # the Russian text is held in one version: nothing to compare in it, so the Kazakh versions are, and the answer says so
    russian = act_diff(conn, ANNEX_ACT, "V1900019742@2020-08-10", "V1900019742@2020-10-27", "ru")
    assert (russian["text_language"], russian["text_asked"]) == ("kk", "ru")
    assert russian["changes"] == diff["changes"]


def test_history_of_a_unit_in_the_other_language_is_its_partners(conn):
    history = provision_history(conn, f"{LAW}/art1", "ru")
    assert history["provision"]["id"] == f"{LAW}/ru/art1" and history["provision"]["language"] == "ru"
    assert [(a["note_id"], a["action"], a["amending_act_number"]) for a in history["amendments"]] == [
        (f"{LAW}/ru/note3", "new_wording", "293-V"),
        (f"{LAW}/ru/note3", "amended", "408-V"),
        (f"{LAW}/ru/note3", "amended", "165-VІ"),  # as printed: a Cyrillic І
    ]
    assert provision_history(conn, f"{LAW}/ru/art1")["provision"]["id"] == f"{LAW}/ru/art1"  # an id names its text
    assert provision_history(conn, f"{LAW}/art1")["provision"]["id"] == f"{LAW}/art1"


def test_acts_on_a_date_are_titled_in_the_language_asked(conn):
    titles = {act["id"]: act["title"] for act in acts_on(conn, "2016-01-01", language="ru")["acts"]}
    assert titles[ORDER] == "Об утверждении Правил проведения аудита в области пожарной безопасности"
    assert titles[KAZAKH_ONLY].startswith("Медициналық мекемелер")  # no Russian text: its own title
    assert {act["id"]: act["title"] for act in acts_on(conn, "2016-01-01")["acts"]}[ORDER] == "Өрт қауіпсіздігі саласында аудит жүргізу қағидаларын бекіту туралы"


# --- Side by side -------------------------------------------------------------------------


def test_side_by_side_pairs_units_by_key_and_marks_those_alone(conn):
    answer = act_side_by_side(conn, ORDER, "kk", "ru")
    assert answer["languages"] == ["kk", "ru"]
    rows = answer["rows"]
    p1 = next(row for row in rows if row["key"] == "p1")
    assert p1["paired"] and (p1["kk"]["text"], p1["ru"]["text"]) == (ORDER_P1_KK, ORDER_P1_RU)
    assert (p1["kk"]["language"], p1["ru"]["language"]) == ("kk", "ru")
    alone = [(row["key"], row["kk"] is not None, row["ru"] is not None) for row in rows if not row["paired"]]
    # the Russian file prints the approved Rules' heading as a quote, the Kazakh one its approval stamp
    assert alone == [("quote", False, True), ("approval", True, False)]
    assert (answer["paired"], answer["alone"]) == (31, {"kk": 1, "ru": 1})
    assert [row["key"] for row in rows][:13] == ["title", "preamble", "p1", "p2", "p2/sp1", "p2/sp2", "p2/sp3", "p3", "p4", "signature", "quote", "approval", "doc"]


def test_side_by_side_of_the_law_in_russian_order(conn):
    answer = act_side_by_side(conn, LAW, "ru", "kk")
    assert answer["languages"] == ["ru", "kk"] and answer["title"].startswith("О государственном специальном пособии")
    assert (answer["paired"], answer["alone"]) == (67, {"ru": 1, "kk": 0})
    assert [row["key"] for row in answer["rows"] if not row["paired"]] == ["title_repeat"]


# --- The site -------------------------------------------------------------------------------


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def site(db_path):
    instance = site_in_process(db_path)
    await instance.invoke_startup()
    return instance


pytestmark_site = pytest.mark.asyncio(loop_scope="module")


@pytestmark_site
async def test_the_order_page_in_russian_shows_its_russian_text_with_the_same_anchors(site):
    page = (await site.client.get(f"/-/acts/{ORDER}", params={"lang": "ru"})).text
    assert '<div class="zan-text">' in page  # the page's own language: the text is not marked as another's
    assert re.search(r'<div id="p1" [^>]*>\s*<p><a class="zan-anchor" href="#p1"[^>]*>¶</a> ' + re.escape(ORDER_P1_RU), page)
    assert 'id="doc-p5"' in page and "5. По результатам аудита составляется заключение" in page
    assert ORDER_P1_KK not in page
    assert f'href="/-/history/{ORDER}/ru/p1?lang=ru"' in page
    assert f'href="/-/acts/{ORDER}?with=kk&amp;lang=ru"' in page  # both texts side by side
    kazakh = (await site.client.get(f"/-/acts/{ORDER}")).text
    assert re.search(r'<div id="p1" [^>]*>\s*<p><a class="zan-anchor" href="#p1"[^>]*>¶</a> ' + re.escape(ORDER_P1_KK), kazakh)
    assert ORDER_P1_RU not in kazakh


@pytestmark_site
async def test_the_law_page_in_russian_and_its_json(site):
    page = (await site.client.get(f"/-/acts/{LAW}", params={"lang": "ru"})).text
    assert "<h1>О государственном специальном пособии лицам" in page
    assert 'id="art1"' in page and "Статья 1. Основные понятия, используемые в настоящем Законе" in page
    assert 'data-unit="art1"' in page  # the note under its unit, keyed without the text's base
    assert '<p>Сноска. Статья 1 в редакции <a class="zan-citation zan-not_in_corpus" href="/-/cited/law-2015-03-17-293-V?lang=ru">Закона РК от 17.03.2015 № 293-V</a>' in page
    data = (await site.client.get(f"/-/acts/{LAW}.json", params={"lang": "ru"})).json()
    assert (data["act"]["text_language"], data["act"]["languages_held"]) == ("ru", ["kk", "ru"])
    assert {p["language"] for p in data["provisions"]} == {"ru"} and len(data["provisions"]) == 68


@pytestmark_site
async def test_an_act_with_no_russian_text_says_so_on_its_russian_page(site):
    page = (await site.client.get(f"/-/acts/{KAZAKH_ONLY}", params={"lang": "ru"})).text
    assert "Текста этого акта на русском языке в корпусе нет: показан текст на казахском языке." in page
    data = (await site.client.get(f"/-/acts/{KAZAKH_ONLY}.json", params={"lang": "ru"})).json()
    assert (data["act"]["text_language"], data["act"]["text_asked"]) == ("kk", "ru") and data["provisions"]


@pytestmark_site
async def test_the_as_of_page_and_its_json_in_russian(site):
    data = (await site.client.get(f"/-/at/{ORDER}.json", params={"lang": "ru", "date": "2016-01-01"})).json()
    assert data["act"]["text_language"] == "ru" and {p["language"] for p in data["provisions"]} == {"ru"}
    page = (await site.client.get(f"/-/acts/{ORDER}", params={"lang": "ru", "date": "2016-01-01"})).text
    assert ORDER_P1_RU in page and ORDER_P1_KK not in page and 'id="p1"' in page


@pytestmark_site
async def test_the_history_page_follows_the_language(site):
    data = (await site.client.get(f"/-/history/{LAW}/art1.json", params={"lang": "ru"})).json()
    assert data["provision"]["id"] == f"{LAW}/ru/art1" and data["text_language"] == "ru"
    page = (await site.client.get(f"/-/history/{LAW}/art1", params={"lang": "ru"})).text
    assert f'href="/-/acts/{LAW}?lang=ru#art1"' in page


@pytestmark_site
async def test_the_diff_page_in_russian_compares_the_kazakh_versions_and_says_so(site):
    params = {"from": "V1900019742@2019-12-03", "to": "V1900019742@2020-10-27", "lang": "ru"}
    page = (await site.client.get(f"/-/diff/{ANNEX_ACT}", params=params)).text
    assert "У текста этого акта на русском языке нет редакций для сравнения: сравниваются редакции текста на казахском языке." in page
    assert f'href="/-/acts/{ANNEX_ACT}?lang=ru#app-i2"' in page
    data = (await site.client.get(f"/-/diff/{ANNEX_ACT}.json", params=params)).json()
    assert len(data["changes"]) == 3 and {c["language"] for c in data["changes"]} == {"kk"}


@pytestmark_site
async def test_the_side_by_side_page_and_its_json(site):
    response = await site.client.get(f"/-/acts/{ORDER}", params={"with": "ru"})
    assert response.status_code == 200
    page = response.text
    pair = re.search(r'<div id="p1" class="zan-pair zan-paragraph">(.*?)</div>\n', page).group(1)
    assert f'<div class="zan-side" lang="kk">{ORDER_P1_KK}' in pair and f'<div class="zan-side" lang="ru">{ORDER_P1_RU}' in pair
    alone = re.search(r'<div id="approval" class="zan-pair zan-approval zan-unpaired">(.*?)</div>\n', page).group(1)
    assert 'class="zan-side zan-missing" lang="ru"' in alone and "екінші мәтінде жұбы жоқ" in alone
    data = (await site.client.get(f"/-/acts/{ORDER}.json", params={"with": "ru"})).json()
    assert data["languages"] == ["kk", "ru"] and data["paired"] == 31
    # the page's own language on the left; `with` naming it means the other text
    assert (await site.client.get(f"/-/acts/{ORDER}.json", params={"with": "ru", "lang": "ru"})).json()["languages"] == ["ru", "kk"]
    assert (await site.client.get(f"/-/acts/{ORDER}.json", params={"with": "en"})).status_code == 400


# --- The command line -------------------------------------------------------------------


def test_zan_at_in_russian_answers_from_the_russian_text(db_path):
    result = CliRunner().invoke(cli, ["at", ORDER, "2016-01-01", "--lang", "ru", "--json", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["act"]["text_language"] == "ru" and len(answer["provisions"]) == 32
    assert {p["language"] for p in answer["provisions"]} == {"ru"}
    assert by_key(answer["provisions"], "p1")["text"] == ORDER_P1_RU


def test_zan_versions_and_diff_take_the_language(db_path):
    runner = CliRunner()
    versions = json.loads(runner.invoke(cli, ["versions", ANNEX_ACT, "--lang", "ru", "--json", "--db", str(db_path)]).output)
    assert [v["id"] for v in versions] == ["V1900019742/ru@2020-10-27"]
    text = runner.invoke(cli, ["diff", ANNEX_ACT, "V1900019742@2020-08-10", "V1900019742@2020-10-27", "--lang", "ru", "--db", str(db_path)]).output
    assert text.startswith("У текста этого акта на русском языке нет редакций для сравнения")
    missing = runner.invoke(cli, ["at", KAZAKH_ONLY, "2024-01-01", "--lang", "ru", "--db", str(db_path)]).output
    assert missing.startswith("Текста этого акта на русском языке в корпусе нет: показан текст на казахском языке.")


@pytestmark_site
async def test_the_list_of_acts_is_titled_in_the_readers_language(site):
    russian = {act["id"]: act["title"] for act in (await site.client.get("/-/acts.json", params={"lang": "ru"})).json()["acts"]}
    assert russian[ORDER] == "Об утверждении Правил проведения аудита в области пожарной безопасности"
    assert russian[KAZAKH_ONLY].startswith("Медициналық мекемелер")
    kazakh = {act["id"]: act["title"] for act in (await site.client.get("/-/acts.json")).json()["acts"]}
    assert kazakh[ORDER] == "Өрт қауіпсіздігі саласында аудит жүргізу қағидаларын бекіту туралы"


@pytestmark_site
async def test_the_as_of_page_of_an_act_with_no_russian_text_says_so(site):
    page = (await site.client.get(f"/-/acts/{KAZAKH_ONLY}", params={"lang": "ru", "date": "2024-01-01"})).text
    assert "Текста этого акта на русском языке в корпусе нет: показан текст на казахском языке." in page
    assert '<div class="zan-text" lang="kk">' in page  # the Kazakh text, marked, under Russian labels
