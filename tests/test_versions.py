"""An act held in several versions: stored once, each version kept whole, its units'
earlier wordings answered by date, and the differences between any two versions — in
SQLite, on the command line and on the site. Real versions from corpus/zan-gov-kz."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from db.sources import part_files
import pytest_asyncio
from click.testing import CliRunner

from db import build
from db.queries import act_diff, act_on, act_versions
from tests.conftest import BANK, CORPUS
from zan.cli import cli
from zan.testing import site_in_process

ANNEX_ACT = "V1900019742"  # 137412: norms for special vehicles, annex reworded twice in 2020
INSTRUCTION_ACT = "order-2001-12-11-146"  # 11034: Instruction on special means, three versions


@pytest.fixture(scope="module")
def db_path(corpus_db) -> Path:
    return corpus_db


@pytest.fixture(scope="module")
def conn(rows_conn):
    return rows_conn


def provision(answer: dict, key: str) -> dict:
    return next(p for p in answer["provisions"] if p["key"] == key)


# --- Stored once, every version kept ----------------------------------------------------


def test_three_files_of_one_act_are_one_act_with_three_versions(conn):
    sql = "select id, ordinal, version_date, is_current, rebuilt from versions where act_id = ? and language = ? order by ordinal"
    versions = conn.execute(sql, (ANNEX_ACT, "kk")).fetchall()
    assert [tuple(row) for row in versions] == [
        ("V1900019742@2019-12-03", 1, "2019-12-03", 0, 0),
        ("V1900019742@2020-08-10", 2, "2020-08-10", 0, 0),
        ("V1900019742@2020-10-27", 3, "2020-10-27", 1, 0),
    ]
    # the Russian file (rus@2020-10-27.md) is the act's other language text, numbered on its own
    russian = conn.execute(sql, (ANNEX_ACT, "ru")).fetchall()
    assert [tuple(row) for row in russian] == [("V1900019742/ru@2020-10-27", 1, "2020-10-27", 1, 0)]
    # the third file has no meta file and no registration: it joins the act by kind, date and number
    assert conn.execute("select count(*) from acts where adopted_on = '2019-12-03'").fetchone()[0] == 1
    act = conn.execute("select registration_number, id_basis from acts where id = ?", (ANNEX_ACT,)).fetchone()
    assert act["registration_number"] == "19742" and act["id_basis"].startswith("Adilet id")


def test_each_version_is_kept_whole(conn):
    for version_id, source_path in conn.execute("select id, source_path from versions"):
        raw = "".join(row[0] for row in conn.execute("select raw_text from version_provisions where version_id = ? order by position", (version_id,)))
        path = CORPUS.parent / source_path
        whole = "".join(part.read_text(encoding="utf-8") for part in [path, *part_files(path)])  # a split act: index, then parts
        assert raw == whole, version_id
    meta = conn.execute("select meta_text from versions where id = 'V1900019742@2020-08-10'").fetchone()[0]
    assert meta == (BANK / "137412-administratsiia-prezidenta" / "meta@2020-08-10.yaml").read_text(encoding="utf-8")


def test_the_current_text_is_the_newest_version_and_removed_units_stay_in_place(conn):
    sql = "select key, removed_in_version_id, text from provisions where act_id = ? and language = ? and key like 'app/t1/r%' order by position"
    rows = conn.execute(sql, (ANNEX_ACT, "kk")).fetchall()
    assert [(row["key"], row["removed_in_version_id"]) for row in rows] == [
        ("app/t1/r1", None),
        ("app/t1/r2", None),
        ("app/t1/r3", None),
        ("app/t1/r4~removed2020-08-10", "V1900019742@2020-08-10"),
        ("app/t1/r4", None),
    ]
    assert rows[3]["text"].startswith("Қазақстан Республикасының Президенті жанындағы «Қоғамдық келісім» РММ")
    # the Russian text is held in its newest version only: its rows are its own, none removed
    russian = conn.execute(sql.replace("key,", "id,"), (ANNEX_ACT, "ru")).fetchall()
    assert [(row["id"], row["removed_in_version_id"]) for row in russian] == [(f"{ANNEX_ACT}/ru/app/t1/r{n}", None) for n in range(1, 5)]


def test_changes_between_consecutive_versions_are_recorded(conn):
    rows = conn.execute(
        "select to_version_id, provision_id, change from version_changes where act_id = ? and change != 'unchanged' order by to_version_id, id",
        (INSTRUCTION_ACT,),
    ).fetchall()
    latest = [(row["provision_id"], row["change"]) for row in rows if row["to_version_id"].endswith("2010-12-22")]
    assert latest == [(f"{INSTRUCTION_ACT}/doc/p10/sp5", "reworded"), (f"{INSTRUCTION_ACT}/doc/p17", "reworded")]
    diff = json.loads(conn.execute("select diff from version_changes where id = ?", (f"{INSTRUCTION_ACT}@2010-12-22/doc/p17",)).fetchone()[0])
    assert {"op": "insert", "text": "ҚАЖД"} in diff


# --- Earlier wording by date -------------------------------------------------------------


def test_a_date_between_two_versions_gets_the_earlier_wording(conn):
    """Between the annex's first wording (in effect 30.12.2019–29.01.2020) and the order of
    10.08.2020 (in effect 29.09–29.10.2020), the limit was 2600 km and the row of «Қоғамдық
    келісім» РММ was there."""
    answer = act_on(conn, ANNEX_ACT, "2020-06-01")
    limit = provision(answer, "app/i2")
    assert (limit["status"], limit["text_known"], limit["text"]) == ("in_force", True, "* - бір автокөліктің бір айдағы жүру лимиті 2600 км.")
    assert limit["wording_basis"] == "03.12.2019 редакциясының мәтіні"
    gone = provision(answer, "app/t1/r4~removed2020-08-10")
    assert (gone["status"], gone["text_known"]) == ("in_force", True)
    row = provision(answer, "app/t1/r4")
    assert row["text"].endswith("«Орталық коммуникациялар қызметі» РММ | жедел | - | 1")


def test_inside_a_versions_window_the_wording_is_not_claimed(conn):
    answer = act_on(conn, ANNEX_ACT, "2020-10-01")  # order of 10.08.2020 took effect 29.09–29.10.2020
    row = provision(answer, "app/t1/r4")
    assert (row["status"], row["text_known"], row["text"]) == ("in_force", False, None)
    assert row["wording_basis"].startswith("мәтіні 29.09.2020 мен 29.10.2020 аралығында өзгерді, сондықтан қай редакция қолданылғаны белгісіз: 10.08.2020 № 20-42-3.3.8 бұйрық: жаңа редакцияда жазылды; ")
    assert provision(answer, "app/t1/r4~removed2020-08-10")["status"] == "uncertain"


def test_after_the_change_the_new_wording_and_the_removed_row_is_gone(conn):
    answer = act_on(conn, ANNEX_ACT, "2020-10-29")  # the 2020-08-10 wording applies from 29.10.2020 at the latest
    assert provision(answer, "app/t1/r4")["text"].endswith("«Орталық коммуникациялар қызметі» республикалық мемлекеттік мекемесі | жедел | - | 1")
    # the newest text held is as at 27.10.2020: after the wording's last sure day it is a candidate
    later = provision(act_on(conn, ANNEX_ACT, "2020-11-01"), "app/t1/r4")
    assert later["text_known"] is False and later["status"] == "in_force"
    assert later["candidate_text"].endswith("«Орталық коммуникациялар қызметі» республикалық мемлекеттік мекемесі | жедел | - | 1")
    answer = act_on(conn, ANNEX_ACT, "2020-11-01")
    assert provision(answer, "app/t1/r4~removed2020-08-10")["status"] == "not_in_force"
    assert provision(answer, "app/i2")["text"] == "* - бір автокөліктің бір айдағы жүру лимиті 2600 км."  # the 2100 km order: from 07.11.2020


def test_point_17_before_order_341_reads_as_the_2010_09_27_version(conn):
    answer = act_on(conn, INSTRUCTION_ACT, "2010-12-01")
    point = provision(answer, "doc/p17")
    assert point["text_known"] and "ҚАЖ Комитетінің облыстық басқарма бастықтары" in point["text"]
    after = provision(act_on(conn, INSTRUCTION_ACT, "2011-02-01"), "doc/p17")
    # order № 341 (registered 18.01.2011): ten days after a publication no deadline bounds
    assert after["text_known"] is False
    assert after["wording_basis"].startswith("мәтіні 29.01.2011 күнінен ерте емес (соңғы шегі белгісіз) өзгерді, сондықтан қай редакция қолданылғаны белгісіз: 22.12.2010 № 341 бұйрық")
    in_russian = provision(act_on(conn, INSTRUCTION_ACT, "2011-02-01", "ru"), "doc/p17")["wording_basis"]
    assert in_russian.startswith("текст изменён не ранее 29.01.2011 (поздняя граница неизвестна), поэтому неизвестно, какая редакция действовала: приказ от 22.12.2010 № 341: внесены изменения; ")


# --- Versions and diffs as answers -------------------------------------------------------


def test_versions_list_says_when_each_took_effect(conn):
    versions = act_versions(conn, ANNEX_ACT)
    assert [v["id"] for v in versions] == ["V1900019742@2019-12-03", "V1900019742@2020-08-10", "V1900019742@2020-10-27"]
    assert {"id", "date", "source_path", "caused_by"} <= set(versions[0])
    second = versions[1]
    assert second["caused_by"].startswith("Приказ Начальника Канцелярии Президента Республики Казахстан от 10 августа 2020 года № 20-42-3.3.8")
    assert (second["effective_from_earliest"], second["effective_from_latest"]) == ("2020-09-29", "2020-10-29")


def test_a_diff_between_dates_picks_the_versions_in_effect(conn):
    answer = act_diff(conn, ANNEX_ACT, "2020-06-01", "2021-06-01")
    assert (answer["from"]["id"], answer["to"]["id"]) == ("V1900019742@2019-12-03", "V1900019742@2020-08-10")
    # the 27.10.2020 order's window is open: the answer says which version may also apply
    assert answer["to"]["chosen_basis"]["parts"][1] == {"rule": "later_version_may_have", "dates": {"version": "2020-10-27", "earliest": "2020-11-07"}}
    assert answer["to"]["chosen"].endswith(
        "бірақ 27.10.2020 редакциясы да сол күнге дейін қолданысқа енгізілген болуы мүмкін (07.11.2020 күнінен ерте емес (соңғы шегі белгісіз))"
    )
    assert [(c["id"], c["change"]) for c in answer["changes"]] == [
        ("V1900019742/app/t1/r4~removed2020-08-10", "removed"),
        ("V1900019742/app/t1/r4", "reworded"),
    ]


def test_a_diff_names_units_by_their_provisions_id(conn):
    answer = act_diff(conn, INSTRUCTION_ACT, f"{INSTRUCTION_ACT}@2010-09-27", f"{INSTRUCTION_ACT}@2010-12-22")
    ids = {row[0] for row in conn.execute("select id from provisions where act_id = ?", (INSTRUCTION_ACT,))}
    assert [c["id"] for c in answer["changes"]] == [f"{INSTRUCTION_ACT}/doc/p10/sp5", f"{INSTRUCTION_ACT}/doc/p17"]
    assert {c["id"] for c in answer["changes"]} <= ids
    assert {"id", "kind", "label", "change", "diff"} <= set(answer["changes"][0])


def test_cli_versions_and_diff_as_json(db_path):
    runner = CliRunner()
    listed = runner.invoke(cli, ["versions", ANNEX_ACT, "--json", "--db", str(db_path)])
    assert listed.exit_code == 0, listed.output
    assert [v["date"] for v in json.loads(listed.output)] == ["2019-12-03", "2020-08-10", "2020-10-27"]
    diff = runner.invoke(cli, ["diff", ANNEX_ACT, "V1900019742@2020-08-10", "V1900019742@2020-10-27", "--json", "--db", str(db_path)])
    assert diff.exit_code == 0, diff.output
    changes = json.loads(diff.output)["changes"]
    assert [(c["id"], c["change"]) for c in changes] == [("V1900019742/app/i2", "reworded")]
    assert [p for p in changes[0]["diff"] if p["op"] != "equal"] == [{"op": "delete", "text": "2600"}, {"op": "insert", "text": "2100"}]
    text = runner.invoke(cli, ["diff", ANNEX_ACT, "V1900019742@2020-08-10", "V1900019742@2020-10-27", "--db", str(db_path)])
    assert "- 2600" in text.output and "+ 2100" in text.output


@pytest.mark.parametrize(
    "arguments, message",
    [
        # one line in the reader's language (Kazakh by default)
        (["diff", ANNEX_ACT, "yesterday", "2021-01-01"], "Қате: «yesterday» не редакцияның белгісі, не редакция қолданыста болған ЖЖЖЖ-АА-КК күні емес."),
        (["diff", "V2200026917", "2022-01-01", "2023-01-01"], "Қате: Бұл акт бір ғана мәтінде сақталған: салыстыратын редакция жоқ."),
        (["versions", "no-such-act"], "Қате: no-such-act деген акт жоқ."),
        (["diff", ANNEX_ACT, "2019-01-01", "2021-01-01"], "Қате: «2019-01-01» не редакцияның белгісі, не редакция қолданыста болған ЖЖЖЖ-АА-КК күні емес."),
    ],
)
def test_cli_says_why_a_diff_cannot_be_made(db_path, arguments, message):
    result = CliRunner().invoke(cli, [*arguments, "--db", str(db_path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [message]


# --- On the site --------------------------------------------------------------------------


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def site(db_path):
    return site_in_process(db_path)


@pytest.mark.asyncio(loop_scope="session")
async def test_the_act_page_lists_the_versions_and_links_to_a_diff(site):
    page = (await site.client.get(f"/-/acts/{ANNEX_ACT}")).text
    assert 'id="versions"' in page and "29.09.2020 мен 29.10.2020 аралығында" in page
    assert f'action="/-/diff/{ANNEX_ACT}"' in page
    # the removed row stays a row of its table, each cell struck through, the first saying since when
    removed = re.search(r'<tr id="app-t1-r4_removed2020-08-10" class="zan-unit zan-row zan-removed">(.*?)</tr>', page)
    assert removed and "<td><del>Қазақстан Республикасының Президенті жанындағы «Қоғамдық келісім» РММ</del>" in removed[1]
    assert "<td><del>жедел</del></td>" in removed[1] and "10.08.2020" in removed[1]
    assert "<td>жедел</td>" in page and page.count('<table class="zan-table">') == 1


@pytest.mark.asyncio(loop_scope="session")
async def test_a_version_whose_start_is_not_known_says_so_and_why(site):
    """Order № 153's note in the 2004 version prints no commencement clause."""
    page = (await site.client.get(f"/-/acts/{INSTRUCTION_ACT}")).text
    assert "белгісіз <small>(ескерту өзгерткен актіні (27.05.2004 № 153 бұйрық) атайды, бірақ оның қолданысқа енгізу ережесін көрсетпейді)</small>" in page
    russian = (await site.client.get(f"/-/acts/{INSTRUCTION_ACT}", params={"lang": "ru"})).text
    assert "неизвестно <small>(примечание называет изменяющий акт (приказ от 27.05.2004 № 153), но не приводит положения о его введении в действие)</small>" in russian


@pytest.mark.asyncio(loop_scope="session")
async def test_the_diff_page_marks_insertions_and_deletions(site):
    response = await site.client.get(f"/-/diff/{ANNEX_ACT}", params={"from": "V1900019742@2019-12-03", "to": "V1900019742@2020-10-27"})
    assert response.status_code == 200
    assert "<del>2600</del><ins>2100</ins>" in response.text
    assert "<del>РММ</del><ins>республикалық мемлекеттік мекемесі</ins>" in response.text
    data = (await site.client.get(f"/-/diff/{ANNEX_ACT}.json", params={"from": "2020-06-01", "to": "V1900019742@2020-10-27"})).json()
    assert len(data["changes"]) == 3


@pytest.mark.asyncio(loop_scope="session")
async def test_the_diff_page_refuses_what_it_cannot_compare(site):
    assert (await site.client.get("/-/diff/V2200026917.json")).status_code == 404
    assert (await site.client.get(f"/-/diff/{ANNEX_ACT}.json", params={"from": "<script>"})).status_code == 400
    assert (await site.client.get("/-/diff/nope.json")).status_code == 404


def test_a_versioned_act_rebuilds_to_the_same_bytes(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(BANK / "137412-administratsiia-prezidenta", corpus / "137412")
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    build(corpus, first)
    build(corpus, second)
    assert first.read_bytes() == second.read_bytes()


def test_a_meta_kept_from_an_earlier_version_does_not_date_the_text():
    """A git commit that changed 137412's text (27.10.2020) and kept the meta of
    10.08.2020: the text's notes name order № 20-42-3.3.15 of 27.10.2020, not the meta's
    cause, so the version is dated by its note (as the same file without a meta is), not
    as the order of 10.08.2020 — which put its wording in force two weeks too early."""
    from parser import parse_text

    folder = CORPUS / "zan-gov-kz" / "137412-administratsiia-prezidenta"
    meta = folder / "meta@2020-08-10.yaml"
    document = parse_text(
        (folder / "kaz@2020-10-27.md").read_text(encoding="utf-8"), "kaz@2020-10-27.md",
        meta_text=meta.read_text(encoding="utf-8"), meta_path=str(meta),
    )
    version = document.version
    assert (version.version_date, version.caused_by.number) == ("2020-10-27", "20-42-3.3.15")
    assert version.act_code == "137412"  # what the meta says of the act still holds
    assert "version_meta_stale" in {problem.kind for problem in document.problems}
    assert (version.effective.earliest, version.effective.latest) == ("2020-11-07", None)


def test_a_meta_whose_cause_is_the_newest_note_dates_the_version_even_a_day_apart():
    """11034's meta dates its version 26.05.2004; its cause, order № 153, is of 27.05.2004
    in the note: the same act, so the meta stands."""
    from parser import parse_text

    folder = CORPUS / "zan-gov-kz" / "11034-adilet"
    meta = folder / "meta@2004-05-26.yaml"
    document = parse_text(
        (folder / "kaz@2004-05-26.md").read_text(encoding="utf-8"), "kaz@2004-05-26.md",
        meta_text=meta.read_text(encoding="utf-8"), meta_path=str(meta),
    )
    assert document.version.version_date == "2004-05-26"
    assert "version_meta_stale" not in {problem.kind for problem in document.problems}
