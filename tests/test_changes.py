"""Amendment tracking (issue 23, db.changes): since when, what changed in a period, what
is coming — on the real versions of the bundled corpus, in both languages, and the
JSON, the CLI and the pages giving the same answer."""

from __future__ import annotations

import json

import pytest
import pytest_asyncio
from click.testing import CliRunner

from db.changes import changes, holds_phrase, pending, phrase_stems, since
from zan.cli import cli
from zan.testing import site_in_process

KM = "2100 км"
ORDER_11034 = "order-2001-12-11-146"


def test_phrase_matches_as_search_does_stems_and_case():
    stems = phrase_stems("автокөліктің ЖҮРУ лимиті", "kk")
    assert holds_phrase("* - бір автокөліктің бір айдағы жүру лимиті 2100 км.", phrase_stems("жүру лимиті", "kk"), "kk")
    assert holds_phrase("Автокөлік жүру лимиті", stems, "kk")  # another case of the same stem
    assert not holds_phrase("жүру", stems, "kk")
    assert not holds_phrase("21000 км", phrase_stems(KM, "kk"), "kk")  # whole stems, not a prefix


def test_the_2100_km_line_is_found_since_the_version_that_brought_it(conn):
    """The annex line reads 2600 km in the versions of 2019 and 10.08.2020, 2100 km from
    27.10.2020's: that version, its window (not before 07.11.2020, no end known) and its cause."""
    answer = since(conn, "V1900019742", KM, "2021-06-01", "kk")
    [unit] = answer["units"]
    assert unit["key"] == "app/i2" and "2100" in unit["text"]
    assert unit["version"] == {"id": "V1900019742@2020-10-27", "date": "2020-10-27"}
    assert not unit["since_first_held"]
    assert unit["took_effect"]["effective_from_earliest"] == "2020-11-07"
    assert unit["took_effect"]["effective_from_latest"] is None
    assert unit["amending_act"]["number"] == "20-42-3.3.15" and unit["amending_act"]["date"] == "2020-10-27"
    assert unit["basis_data"]["rule"] == "since_version" and "20-42-3.3.15" in unit["basis"]


def test_a_phrase_in_the_oldest_version_is_held_since_it_never_a_made_up_origin(conn):
    answer = since(conn, "V1900019742", "жүру лимиті", "2020-01-15", "kk")
    [unit] = answer["units"]  # on 15.01.2020 only the 2019 text may apply: 2600 km then
    assert unit["since_first_held"] and unit["amending_act"] is None
    assert unit["version"]["date"] == "2019-12-03" and "2600" in unit["text"]
    assert unit["basis_data"]["rule"] == "since_first_held"


def test_since_in_russian_says_the_one_russian_version_held_is_the_first(conn):
    answer = since(conn, "V1900019742", KM, "2021-06-01", "ru")
    [unit] = answer["units"]
    assert answer["text_language"] == "ru" and "пробега" in unit["text"]
    assert unit["since_first_held"] and unit["version"]["id"] == "V1900019742/ru@2020-10-27"
    assert "хранимой редакции" in unit["basis"]


def test_a_period_that_spans_two_versions_lists_both_changes(conn):
    answer = changes(conn, "V1900019742", "2020-01-01", "2020-12-31")
    assert [v["date"] for v in answer["versions"]] == ["2020-08-10", "2020-10-27"]
    by_key = {item["key"]: item for item in answer["items"]}
    [km] = by_key["app/i2"]["changes"]
    assert km["change"] == "reworded" and km["amending_act"]["number"] == "20-42-3.3.15"
    assert {"op": "insert", "text": "2100"} in km["diff"] and {"op": "delete", "text": "2600"} in km["diff"]
    assert km["in_period"] == "may_be"  # its window opens 07.11.2020 and has no end known
    row = by_key["app/t1/r4"]["changes"][0]
    assert row["renumbered"] and row["from_key"] == "app/t1/r5" and row["in_period"] == "inside"
    assert any(c["change"] == "removed" for item in answer["items"] for c in item["changes"])
    positions = [item["id"] for item in answer["items"]]
    assert positions.index("V1900019742/app/t1/r4") < positions.index("V1900019742/app/i2")  # document order


def test_one_unit_changed_by_two_versions_in_a_period_lists_both(conn):
    answer = changes(conn, ORDER_11034, "2010-01-01", "2011-12-31", units="p10..p12", summary=True)
    by_key = {item["key"]: item for item in answer["items"]}
    assert set(by_key) == {"doc/p10/sp4", "doc/p10/sp5", "doc/p10/sp6", "doc/p12"}
    assert [c["version"]["date"] for c in by_key["doc/p10/sp5"]["changes"]] == ["2010-09-27", "2010-12-22"]
    assert [c["amending_act"]["number"] for c in by_key["doc/p10/sp5"]["changes"]] == ["268", "341"]
    assert all("diff" not in c for item in answer["items"] for c in item["changes"])  # summary


def test_a_period_before_every_change_lists_none(conn):
    assert changes(conn, "V1900019742", "2019-01-01", "2019-12-31")["items"] == []
    with pytest.raises(ValueError):
        changes(conn, "V1900019742", "2020-12-31", "2020-01-01")
    with pytest.raises(ValueError):
        changes(conn, "V1900019742", "2020-01-01", "2020-12-31", units="art999")


def test_changes_asked_in_russian_reads_the_kazakh_versions_and_says_so(conn):
    answer = changes(conn, "V1900019742", "2020-01-01", "2020-12-31", language="ru")
    assert answer["text_language"] == "kk" and answer["text_asked"] == "ru"
    assert len(answer["items"]) == 3
    assert "приказ" in answer["items"][0]["changes"][0]["basis"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_pending_before_a_fixed_date_repeal_lists_it(conn, lang):
    """Law 252 of 2007 carries a note: the Labour Code of 23.11.2015 № 414-V repeals it from 01.01.2016."""
    items = pending(conn, "2015-12-01", language=lang)["items"]
    [item] = [i for i in items if i["act_id"] == "law-2007-05-15-252"]
    assert item["what"] == "pending_repealed" and item["status"] == "not_in_force"
    assert item["earliest"] == item["latest"] == "2016-01-01"
    assert item["announced_by"]["number"] == "414-V"
    assert item["basis"] and item["basis_data"]["rule"] == "not_yet"
    assert not [i for i in pending(conn, "2016-01-01", language=lang)["items"] if i["act_id"] == "law-2007-05-15-252"]


def test_pending_lists_units_an_amendment_adds_from_a_later_day_once_each(conn):
    items = pending(conn, "2023-05-01", act_id="law-1999-07-13-414")["items"]
    assert [(i["key"], i["what"], i["earliest"]) for i in items] == [("art5-1", "added", "2023-07-01"), ("art5-2", "added", "2023-07-01")]
    assert items[0]["subunits"] > 0 and items[0]["announced_by"]["number"] == "226-VII"
    # not announced yet on a day before the amending law was adopted
    assert pending(conn, "2023-04-01", act_id="law-1999-07-13-414")["items"] == []


def _cli_json(db_path, *args):
    result = CliRunner().invoke(cli, [*args, "--db", str(db_path), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_cli_gives_the_functions_answers(db_path, conn):
    assert _cli_json(db_path, "since", "V1900019742", KM, "--date", "2021-06-01") == since(conn, "V1900019742", KM, "2021-06-01", "kk")
    assert _cli_json(db_path, "changes", "V1900019742", "--since", "2020-01-01", "--until", "2020-12-31", "--lang", "ru") == changes(
        conn, "V1900019742", "2020-01-01", "2020-12-31", language="ru"
    )
    assert _cli_json(db_path, "pending", "--date", "2015-12-01") == pending(conn, "2015-12-01", language="kk")
    human = CliRunner().invoke(cli, ["since", "V1900019742", KM, "--date", "2021-06-01", "--db", str(db_path), "--lang", "kk"])
    assert human.exit_code == 0 and "20-42-3.3.15" in human.output and "27.10.2020" in human.output


@pytest_asyncio.fixture(scope="module")
async def site(db_path):
    instance = site_in_process(db_path)
    await instance.invoke_startup()
    return instance


@pytest.mark.asyncio(loop_scope="module")
async def test_json_and_pages_agree_with_the_functions(site, conn):
    response = await site.client.get("/-/since/V1900019742.json", params={"q": KM, "date": "2021-06-01", "lang": "ru"})
    assert response.status_code == 200 and response.json() == since(conn, "V1900019742", KM, "2021-06-01", "ru")
    response = await site.client.get("/-/changes/V1900019742.json?since=2020-01-01&until=2020-12-31&summary=1")
    assert response.json() == changes(conn, "V1900019742", "2020-01-01", "2020-12-31", summary=True, language="kk")
    # over the corpus, the first page (db.changes.PENDING_PAGE_SIZE items): all of them here
    response = await site.client.get("/-/pending.json?date=2015-12-01&lang=ru")
    assert response.json() == pending(conn, "2015-12-01", language="ru", page=1)
    assert response.json()["items"] == pending(conn, "2015-12-01", language="ru")["items"]
    for lang, word in (("kk", "бұйрық"), ("ru", "приказ")):
        page = await site.client.get("/-/since/V1900019742", params={"q": KM, "date": "2021-06-01", "lang": lang})
        assert page.status_code == 200 and "20-42-3.3.15" in page.text and word in page.text
        page = await site.client.get(f"/-/changes/V1900019742?since=2020-01-01&until=2020-12-31&lang={lang}")
        assert page.status_code == 200 and "<ins>2100</ins>" in page.text and "<del>2600</del>" in page.text
        page = await site.client.get(f"/-/pending?date=2015-12-01&lang={lang}")
        assert page.status_code == 200 and "414-V" in page.text and "01.01.2016" in page.text
    act = await site.client.get("/-/acts/V1900019742")
    assert 'action="/-/since/V1900019742"' in act.text and "/-/changes/V1900019742" in act.text and "/-/pending?act=V1900019742" in act.text
    bad = await site.client.get("/-/changes/V1900019742.json?since=2020-12-31&until=2020-01-01")
    assert bad.status_code == 400


# --- Adilet exports: one text, and what its notes say ----------------------------------------

SEED_003 = "order-2011-01-05-7"  # corpus/003: an Adilet export, no versions, 14 amendments in its notes


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_since_on_a_text_held_once_answers_from_its_notes_and_says_so(conn, lang):
    """Seed 003 is one Kazakh text: "медициналық оңалту" is in five units, whose present
    wording its notes date (order № 479 of 17.08.2013 gave the Rules a new wording); when the
    phrase came into them is not known beyond that one text."""
    answer = since(conn, SEED_003, "медициналық оңалту", "2024-01-01", lang)
    assert answer["from_notes"] and answer["version"] is None and answer["text_language"] == "kk"
    assert [u["key"] for u in answer["units"]] == ["doc/p29/sp6", "doc/p29/sp24", "doc/p33/sp6", "doc/p42/sp6", "doc/p45/sp6"]
    unit = answer["units"][0]
    assert unit["from_notes"] and unit["version"] is None and not unit["since_first_held"]
    assert unit["amending_act"] == {"kind": "order", "number": "479", "date": "2013-08-17", "caused_by": None}
    assert (unit["took_effect"]["effective_from_earliest"], unit["took_effect"]["effective_from_latest"]) == ("2013-08-28", None)
    assert unit["basis_data"]["rule"] == "since_notes_changed"
    said = {"kk": ("сақталған жалғыз мәтінде", "бұрынғы редакцияда болған-болмағаны белгісіз"), "ru": ("единственном хранимом тексте", "было ли это в прежней редакции, неизвестно")}[lang]
    assert all(part in unit["basis"] for part in said) and "479" in unit["basis"]
    assert answer["chosen"] and "{" not in answer["chosen"]
    # on a day before order № 479's wording took effect, what those units said is not held: none listed, each named
    earlier = since(conn, SEED_003, "медициналық оңалту", "2012-01-01", lang)
    assert earlier["units"] == [] and earlier["worded_later"] == [u["key"] for u in answer["units"]]


def test_since_on_a_unit_no_note_changed_says_it_reads_so_since_the_act_as_far_as_the_notes_tell(conn):
    """Seed 000 (order of 2009, registered 11.11.2009): its paragraph 2 names the order
    ("бұйрық"), and no note records a change of it."""
    units = {u["key"]: u for u in since(conn, "V090005853_", "бұйрық", "2024-01-01", "kk")["units"]}
    p2 = units["p2"]
    assert p2["basis_data"]["rule"] == "since_notes_unchanged" and p2["amending_act"] is None
    assert (p2["took_effect"]["effective_from_earliest"], p2["took_effect"]["effective_from_latest"]) == ("2009-11-11", None)
    assert "бірде-бір ескерту" in p2["basis"] and "бұрынғы мәтін жоқ" in p2["basis"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_changes_on_a_text_held_once_lists_what_its_notes_record(conn, lang):
    """Seed 003 in 2018: order № 286 of 29.05.2018 and order № ҚР ДСМ-21 of 02.10.2018 gave
    units new wordings (their notes say so); each listed once per note, in document order,
    marked as from the notes, with no diff (the earlier wording is not held)."""
    answer = changes(conn, SEED_003, "2018-06-01", "2018-12-31", language=lang)
    assert answer["from_notes"] and answer["versions"] == []
    numbers = {c["amending_act"]["number"] for item in answer["items"] for c in item["changes"]}
    assert {"286", "ҚР ДСМ-21"} <= numbers
    by_key = {item["key"]: item for item in answer["items"]}
    [p8] = by_key["doc/p8"]["changes"]
    assert (p8["note_action"], p8["change"], p8["diff"], p8["version"]) == ("new_wording", "reworded", None, None)
    assert p8["took_effect"]["effective_from_earliest"] == "2018-10-02" and p8["basis_data"]["rule"] == "changed_by_note"
    keys = [item["key"] for item in answer["items"]]
    assert keys.index("doc/ch1") < keys.index("doc/p8") < keys.index("doc/app3/p7")
    # a period before any note's change: nothing
    assert changes(conn, SEED_003, "2011-01-01", "2012-12-31", language=lang)["items"] == []
    # a unit range narrows it
    assert [item["key"] for item in changes(conn, SEED_003, "2018-06-01", "2018-12-31", units="p8..p11", language=lang)["items"]] == ["doc/p8", "doc/p11"]


@pytest.mark.asyncio(loop_scope="module")
async def test_pages_and_cli_of_a_text_held_once_say_they_answer_from_the_notes(site, conn, db_path):
    for lang, word, other in (("kk", "ескертулер бойынша", None), ("ru", "по примечаниям", "Текста этого акта на русском языке")):
        page = await site.client.get(f"/-/since/{SEED_003}", params={"q": "медициналық оңалту", "lang": lang})
        assert page.status_code == 200 and word in page.text and "479" in page.text
        assert (other in page.text) if other else True
        page = await site.client.get(f"/-/changes/{SEED_003}?since=2018-06-01&until=2018-12-31&lang={lang}")
        assert page.status_code == 200 and word in page.text and "ҚР ДСМ-21" in page.text and "<del>" not in page.text
    response = await site.client.get(f"/-/changes/{SEED_003}.json?since=2018-06-01&until=2018-12-31&summary=1&lang=ru")
    assert response.json() == changes(conn, SEED_003, "2018-06-01", "2018-12-31", summary=True, language="ru")
    human = CliRunner().invoke(cli, ["since", SEED_003, "медициналық оңалту", "--db", str(db_path), "--lang", "ru"])
    assert human.exit_code == 0 and "по примечаниям" in human.output and "479" in human.output


@pytest.mark.parametrize("date", ["2008-01-01", "2015-12-01", "2023-05-01", "2026-12-31"])
def test_pending_over_the_corpus_is_the_answers_of_each_act_read_together(conn, date):
    """The corpus-wide answer reads only the acts that can have something coming, a few
    queries for them all; it lists exactly what asking each act in turn lists."""
    everything = pending(conn, date, language="ru")["items"]
    acts = [row[0] for row in conn.execute("select id from acts order by id")]
    each = [item for act in acts for item in pending(conn, date, act, "ru")["items"]]
    key = lambda item: (item["act_id"], item["what"], item["id"], item["earliest"] or "", item["latest"] or "")  # noqa: E731
    assert sorted(everything, key=key) == sorted(each, key=key)
    assert date != "2015-12-01" or any(item["act_id"] == "law-2007-05-15-252" for item in everything)


def test_pending_over_the_corpus_reads_coming_by_its_indexes(conn):
    """What is listed on a day is read from `coming` (db/coming.py) by its indexes alone:
    the count by the last day listed, the page in the answer's order, one act by its id —
    never the whole table, never the late starts of every act."""
    from db.changes import COMING_COUNT_SQL, COMING_LATER_SQL, COMING_OF_ACT_SQL, COMING_OPEN_SQL

    def plan(sql):
        return " ".join(row[3] for row in conn.execute(f"explain query plan {sql}", {"date": "2024-01-01", "asked": "kk", "limit": 100, "act_id": "x"}))

    assert "USING INDEX idx_coming_until (asked=? AND listed_until>?)" in plan(COMING_COUNT_SQL)
    assert "USING INDEX idx_coming_until (asked=? AND listed_until>?)" in plan(COMING_OPEN_SQL)
    later = plan(COMING_LATER_SQL)
    assert "USING INDEX idx_coming_order (asked=? AND sort_day>?)" in later and "TEMP B-TREE" not in later  # read in order, stopping at the limit
    assert "USING INDEX idx_coming_act (act_id=?" in plan(COMING_OF_ACT_SQL)
    assert not any("SCAN" in plan(sql) for sql in (COMING_COUNT_SQL, COMING_OPEN_SQL, COMING_LATER_SQL, COMING_OF_ACT_SQL))


@pytest.mark.parametrize("date", ["2000-01-01", "2023-05-01"])
def test_pending_over_the_corpus_pages_every_item_once_in_order(conn, date, monkeypatch):
    """A page holds the items of the whole answer from its place on, with the number of
    them all: pages 1, 2, … read together are the answer without pages."""
    import db.changes

    everything = pending(conn, date, language="kk")["items"]
    assert len(everything) >= 3
    monkeypatch.setattr(db.changes, "PENDING_PAGE_SIZE", 2)
    pages, page = [], 1
    while page is not None:
        answer = pending(conn, date, language="kk", page=page)
        assert (answer["count"], answer["page"], answer["page_size"]) == (len(everything), page, 2)
        pages += answer["items"]
        page = answer["next_page"]
    assert pages == everything
    assert pending(conn, date, language="kk", page=len(everything))["items"] == []  # past the last: nothing


@pytest.mark.asyncio(loop_scope="module")
async def test_the_pending_page_pages_the_corpus_and_refuses_a_page_past_the_last(site, conn, monkeypatch):
    import db.changes

    monkeypatch.setattr(db.changes, "PENDING_PAGE_SIZE", 2)
    count = len(pending(conn, "2023-05-01", language="ru")["items"])
    pages = -(-count // 2)
    second = await site.client.get("/-/pending?date=2023-05-01&lang=ru&page=2")
    assert second.status_code == 200 and f"страница 2 из {pages}" in second.text and '<ol class="zan-pending" start="3">' in second.text
    assert "page=1" in second.text and "page=3" not in second.text  # the previous page; the second is the last
    answer = (await site.client.get("/-/pending.json?date=2023-05-01&lang=ru&page=2")).json()
    assert (answer["count"], answer["page"], answer["next_page"], len(answer["items"])) == (count, 2, None, 1)
    assert answer["items"] == pending(conn, "2023-05-01", language="ru")["items"][2:]
    assert (await site.client.get(f"/-/pending?date=2023-05-01&page={pages + 1}")).status_code == 400
    # one act's answer is never paged: the act page marks every unit from it
    one = (await site.client.get("/-/pending.json?date=2023-05-01&act=law-1999-07-13-414&page=5")).json()
    assert "count" not in one and one["items"] == pending(conn, "2023-05-01", "law-1999-07-13-414")["items"]
