"""Point-in-time answers on a database built from the real corpus: `db.queries.act_on`
and `acts_on`, the `zan at` command, and the site's /-/at and /-/in-force endpoints.

The seeds' dates (no publication dates known; see tests/test_timeline.py):

| act                | start (in force from)      | end                                      |
|--------------------|----------------------------|------------------------------------------|
| V090005853_ (000)  | [2009-11-11, ?]            | 2012-06-06 exactly (order № 394, signing) |
| V2200026917 (001)  | [2022-03-07, 2022-04-06]   | none                                     |
| V1500011361 (002)  | [2015-06-27, ?]            | [2023-07-29, ?] (order № 132)            |
| order-2011-01-05-7 | [2011-02-25, ?]            | [2023-03-20, ?] (order № 36)             |
| V2500035673 (004)  | [2025-02-07, 2025-03-09]   | none                                     |
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import pytest_asyncio
from click.testing import CliRunner

from db.queries import UnknownAct, act_on, acts_on
from tests.conftest import CORPUS_ACTS
from zan.cli import cli
from zan.testing import site_in_process

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ACT_IDS = ["V090005853_", "order-2011-01-05-7", "V1500011361", "V2200026917", "V2500035673"]  # by adoption date
#: every act of the bundled corpus with its status on 2016-01-01, in adoption order
ON_2016 = [
    ("constitutional_law-1995-09-28-2464", "uncertain"),  # from its publication: a window with no end
    ("decree-1995-11-29-2662", "in_force"),  # from 01.01.1996
    ("law-1997-07-16-168", "uncertain"),  # repealed by the Code of 03.07.2014: commencement not given
    ("law-1999-07-13-414", "in_force"),  # from 01.01.2000
    ("law-1999-11-16-474-I", "uncertain"),  # repealed by the law of 19.05.2015: commencement not given
    ("order-2001-12-11-146", "uncertain"),  # repealed 24.05.2011: commencement not given
    ("law-2007-05-15-252", "not_in_force"),  # repealed by the Labour Code of 2015 from 01.01.2016
    ("V090005853_", "not_in_force"),
    ("order-2011-01-05-7", "uncertain"),
    ("V1500010492", "uncertain"),  # in force from a window whose end no deadline bounds
    ("V1500011361", "uncertain"),
    ("V1900019742", "not_in_force"),
    ("law-2021-11-30-76-VII", "not_in_force"),  # from 01.01.2022
    ("V2200026823", "not_in_force"),
    ("V2200026917", "not_in_force"),
    ("V2300032371", "not_in_force"),
    ("V2500035673", "not_in_force"),
]
STATUSES = {"in_force", "not_in_force", "uncertain"}
ACT_KEYS = {"id", "status", "earliest", "latest", "basis"}
PROVISION_KEYS = {"id", "kind", "label", "status", "text_known", "text", "basis"}


def shift(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def provision(answer: dict, key: str) -> dict:
    matches = [p for p in answer["provisions"] if p["id"] == f"{answer['act']['id']}/{key}"]
    assert len(matches) == 1, key
    return matches[0]


def current_text(conn, provision_id: str) -> str:
    return conn.execute("select text from provisions where id = ?", (provision_id,)).fetchone()[0]


# --- The JSON contract ------------------------------------------------------------------


@pytest.mark.parametrize("act_id", ACT_IDS)
@pytest.mark.parametrize("date", ["2000-01-01", "2016-01-01", "2018-01-01", "2025-03-09"])
def test_contract_every_provision_in_document_order(conn, act_id, date):
    answer = act_on(conn, act_id, date)
    json.dumps(answer)  # plain JSON data
    assert set(answer) == {"date", "act", "counts", "provisions", "uncertain_changes", "held_as_at"}
    assert answer["date"] == date
    assert ACT_KEYS <= set(answer["act"]) and answer["act"]["id"] == act_id
    ids = [row[0] for row in conn.execute("select id from provisions where act_id = ? order by position", (act_id,))]
    assert [p["id"] for p in answer["provisions"]] == ids
    kinds = dict(conn.execute("select id, kind from provisions where act_id = ?", (act_id,)).fetchall())
    labels = dict(conn.execute("select id, label from provisions where act_id = ?", (act_id,)).fetchall())
    for p in answer["provisions"]:
        assert PROVISION_KEYS <= set(p), p["id"]
        assert (p["kind"], p["label"]) == (kinds[p["id"]], labels[p["id"]])
        assert isinstance(p["text_known"], bool) and isinstance(p["basis"], str) and p["basis"]


def boundary_dates(conn) -> list[str]:
    """Every date at which an answer can change in this database, and the day before."""
    dates = set()
    for sql in (
        "select valid_from, valid_from_latest, valid_to, valid_to_latest from provision_versions",
        "select valid_from, valid_from_latest, valid_to, valid_to_latest from acts",
    ):
        for row in conn.execute(sql):
            dates.update(d for d in row if d)
    return sorted(dates | {shift(d, -1) for d in dates})


def test_invariants_on_every_boundary_date(conn):
    """On every date where something changes (and the day before): statuses are the three
    words; windows are not inverted; no text without text_known and the known text is the
    current one; a provision is never more in force than its act."""
    dates = boundary_dates(conn)
    assert len(dates) > 30
    texts = dict(conn.execute("select id, text from provisions").fetchall())
    for date in dates:
        for act_id in ACT_IDS:
            answer = act_on(conn, act_id, date)
            act = answer["act"]
            assert act["status"] in STATUSES
            if act["earliest"] and act["latest"]:
                assert act["earliest"] <= act["latest"], (act_id, date)
            for p in answer["provisions"]:
                where = (p["id"], date)
                assert p["status"] in STATUSES, where
                if p["earliest"] and p["latest"]:
                    assert p["earliest"] <= p["latest"], where
                if p["text_known"]:
                    assert p["text"] == texts[p["id"]], where
                else:
                    assert p["text"] is None, where
                if p["status"] == "not_in_force":
                    assert p["text_known"] is False, where
                if p["status"] == "in_force":
                    assert act["status"] == "in_force", where
                if act["status"] == "not_in_force":
                    assert p["status"] == "not_in_force", where


def test_a_bad_date_or_an_unknown_act_is_refused(conn):
    for bad in ("2018-02-30", "2018-1-1", "01.01.2018", "yesterday", ""):
        with pytest.raises(ValueError):
            act_on(conn, "V1500011361", bad)
        with pytest.raises(ValueError):
            acts_on(conn, bad)
    with pytest.raises(UnknownAct):
        act_on(conn, "nothing-here", "2018-01-01")


# --- The act on a date --------------------------------------------------------------------


@pytest.mark.parametrize(
    "act_id, date, status, earliest, latest",
    [
        # before adoption
        ("V090005853_", "2009-10-18", "not_in_force", "2009-11-11", None),
        ("V1500011361", "2015-05-12", "not_in_force", "2015-06-27", None),
        ("V2500035673", "2025-01-23", "not_in_force", "2025-02-07", "2025-03-09"),
        # the first day of a window, and the day before it
        ("V090005853_", "2009-11-10", "not_in_force", "2009-11-11", None),
        ("V090005853_", "2009-11-11", "uncertain", "2009-11-11", None),
        ("order-2011-01-05-7", "2011-02-24", "not_in_force", "2011-02-25", None),
        ("order-2011-01-05-7", "2011-02-25", "uncertain", "2011-02-25", None),
        ("V1500011361", "2015-06-26", "not_in_force", "2015-06-27", None),
        ("V1500011361", "2015-06-27", "uncertain", "2015-06-27", None),
        # closed windows: uncertain inside, in force from their last day
        ("V2200026917", "2022-03-06", "not_in_force", "2022-03-07", "2022-04-06"),
        ("V2200026917", "2022-03-07", "uncertain", "2022-03-07", "2022-04-06"),
        ("V2200026917", "2022-04-05", "uncertain", "2022-03-07", "2022-04-06"),
        ("V2200026917", "2022-04-06", "in_force", None, None),
        ("V2500035673", "2025-02-06", "not_in_force", "2025-02-07", "2025-03-09"),
        ("V2500035673", "2025-02-07", "uncertain", "2025-02-07", "2025-03-09"),
        ("V2500035673", "2025-03-08", "uncertain", "2025-02-07", "2025-03-09"),
        ("V2500035673", "2025-03-09", "in_force", None, None),
        # seed 000: repealed from signing on 2012-06-06; the day before it is as it was
        ("V090005853_", "2012-06-05", "uncertain", "2009-11-11", None),
        ("V090005853_", "2012-06-06", "not_in_force", "2012-06-06", "2012-06-06"),
        ("V090005853_", "2024-01-01", "not_in_force", "2012-06-06", "2012-06-06"),
    ],
)
def test_act_status_on_a_date(conn, act_id, date, status, earliest, latest):
    act = act_on(conn, act_id, date)["act"]
    assert (act["status"], act["earliest"], act["latest"]) == (status, earliest, latest)


def test_an_act_whose_own_term_ended_is_not_in_force_after_it(conn):
    """Order № 05/110 of 2023 applies "until 31.12.2023" by its paragraph 4: in force on the
    last day of the term, not in force the day after, and the answer says why."""
    assert act_on(conn, "V2300032371", "2023-12-31")["act"]["status"] == "in_force"
    after = act_on(conn, "V2300032371", "2024-01-01")
    assert (after["act"]["status"], after["act"]["earliest"], after["act"]["latest"]) == ("not_in_force", "2024-01-01", "2024-01-01")
    assert after["act"]["basis"] == "бұл күні күші жойылған: актінің өз ережесі бойынша 31.12.2023 дейін қолданылады"
    assert {p["status"] for p in after["provisions"]} == {"not_in_force"}
    assert "V2300032371" not in [act["id"] for act in acts_on(conn, "2024-01-01")["acts"] if act["status"] != "not_in_force"]


def test_seed_000_repeal_is_explained(conn):
    act = act_on(conn, "V090005853_", "2012-06-06")["act"]
    assert act["basis"] == "бұл күні күші жойылған: 06.06.2012 № 394 бұйрық: күші жойылды; қол қойылған күнінен бастап қолданысқа енгізіледі: 06.06.2012"
    before = act_on(conn, "V090005853_", "2012-06-05", "ru")["act"]
    assert before["basis"].startswith("введение в действие: не ранее 11.11.2009 (поздняя граница неизвестна), поэтому действие на эту дату не доказано")
    assert "опубликование не может предшествовать государственной регистрации (11.11.2009)" in before["basis"]


def test_every_provision_of_a_repealed_act_is_not_in_force(conn):
    answer = act_on(conn, "V090005853_", "2012-06-06")
    assert {p["status"] for p in answer["provisions"]} == {"not_in_force"}
    assert len(answer["provisions"]) == 47


@pytest.mark.parametrize(
    "act_id, repealing_act",
    [("V1500011361", "18.07.2023 № 132 бұйрық: күші жойылды"), ("order-2011-01-05-7", "09.03.2023 № 36 бұйрық: күші жойылды")],
)
def test_after_a_repeal_window_opens_the_answer_names_the_repeal(conn, act_id, repealing_act):
    """On 2024-01-01 the act may have been repealed (the repeal's window has opened): the
    answer is uncertain and must say so, naming the repealing act."""
    act = act_on(conn, act_id, "2024-01-01")["act"]
    assert act["status"] == "uncertain"
    assert repealing_act in act["basis"]


def test_acts_on_lists_every_act_in_adoption_order(conn):
    answer = acts_on(conn, "2016-01-01")
    assert answer["date"] == "2016-01-01"
    assert [(a["id"], a["status"]) for a in answer["acts"]] == ON_2016
    for act in answer["acts"]:
        assert ACT_KEYS <= set(act)
        assert act.items() <= act_on(conn, act["id"], "2016-01-01")["act"].items()  # which adds its rule of entry into force


def test_acts_on_pages_keep_the_order_of_the_whole_list(conn, monkeypatch):
    monkeypatch.setattr("db.queries.PAGE_SIZE", 4)
    pages = [acts_on(conn, "2016-01-01", page) for page in (1, 2, 3, 4, 5)]  # 4 + 4 + 4 + 4 + 1 acts
    assert [page["next_page"] for page in pages] == [2, 3, 4, 5, None]
    assert [a["id"] for page in pages for a in page["acts"]] == [act_id for act_id, _ in ON_2016]
    assert [len(page["acts"]) for page in pages] == [4, 4, 4, 4, 1]
    assert {page["count"] for page in pages} == {17}


def test_acts_on_before_any_act_and_after_all_windows(conn):
    assert {a["status"] for a in acts_on(conn, "2009-01-01")["acts"] if a["id"] in ACT_IDS} == {"not_in_force"}
    statuses = {a["id"]: a["status"] for a in acts_on(conn, "2025-03-09")["acts"]}
    assert (statuses["V2200026917"], statuses["V2500035673"], statuses["V090005853_"]) == ("in_force", "in_force", "not_in_force")


# --- Provisions on a date -------------------------------------------------------------------


@pytest.mark.parametrize("key", ["doc/app3", "doc/app3/p1", "doc/app3/ch2", "doc/app3/p7"])
def test_seed_003_appendix_3_inserted_by_order_230(conn, key):
    before = provision(act_on(conn, "order-2011-01-05-7", "2014-05-15"), key)
    assert (before["status"], before["text_known"], before["text"]) == ("not_in_force", False, None)
    assert (before["earliest"], before["latest"]) == ("2014-05-16", None)
    assert before["basis"].startswith("бұл күні әлі күшіне енбеген: 05.05.2014 № 230 бұйрық: толықтырылды; ")
    in_russian = provision(act_on(conn, "order-2011-01-05-7", "2014-05-15", "ru"), key)["basis"]
    assert in_russian.startswith("на эту дату ещё не вступило в силу: приказ от 05.05.2014 № 230: дополнено; ")
    assert in_russian.endswith("опубликование не может предшествовать принятию (05.05.2014): не ранее 16.05.2014 (поздняя граница неизвестна)")
    inside = provision(act_on(conn, "order-2011-01-05-7", "2014-05-16"), key)
    assert (inside["status"], inside["earliest"], inside["latest"]) == ("uncertain", "2014-05-16", None)
    # appendix 2, there from the start, is not affected by the insertion
    older = provision(act_on(conn, "order-2011-01-05-7", "2014-05-15"), "doc/app2")
    assert older["status"] == "uncertain"


def test_seed_002_order_paragraph_1_boundary_is_the_fixed_date(conn):
    before = provision(act_on(conn, "V1500011361", "2017-12-31"), "p1")
    after = provision(act_on(conn, "V1500011361", "2018-01-01"), "p1")
    assert (before["text_known"], before["text"]) == (False, None)
    assert before["wording_basis"] == "04.08.2017 № 589 бұйрық енгізген өзгеріске дейінгі мәтіні корпуста жоқ"
    assert before["basis"].endswith("; " + before["wording_basis"])
    assert (after["text_known"], after["text"]) == (True, current_text(conn, "V1500011361/p1"))
    # the act's own status does not change on that day: both are uncertain
    assert before["status"] == after["status"] == "uncertain"


def test_seed_002_rules_in_a_new_wording_cover_every_unit_of_the_rules(conn):
    keys = [row[0] for row in conn.execute("select key from provisions where act_id = 'V1500011361' and (key = 'doc' or key like 'doc/%')")]
    assert len(keys) == 56
    before = act_on(conn, "V1500011361", "2017-12-31")
    after = act_on(conn, "V1500011361", "2018-01-01")
    for key in keys:
        assert provision(before, key)["text_known"] is False, key
        assert provision(after, key)["text_known"] is True, key
    # units of the order outside the Rules and without a note keep their wording
    for key in ("preamble", "p2", "p2/sp1", "p3", "p4"):
        assert provision(before, key)["text_known"] is True, key


def test_seed_000_rules_paragraph_1_on_2010_01_01(conn):
    answer = provision(act_on(conn, "V090005853_", "2010-01-01"), "doc/p1")
    assert (answer["status"], answer["text_known"], answer["text"]) == ("uncertain", False, None)
    assert answer["wording_basis"] == "09.12.2010 № 954 бұйрық енгізген өзгеріске дейінгі мәтіні корпуста жоқ"
    in_russian = provision(act_on(conn, "V090005853_", "2010-01-01", "ru"), "doc/p1")
    assert in_russian["wording_basis"] == "текста до изменения, внесённого актом «приказ от 09.12.2010 № 954», в корпусе нет"
    assert answer["kind"] == "paragraph" and answer["label"] == "1"


def test_seed_000_untouched_unit_has_its_current_text(conn):
    answer = provision(act_on(conn, "V090005853_", "2010-01-01"), "doc/p2")
    assert (answer["status"], answer["text_known"]) == ("uncertain", True)
    assert answer["text"] == current_text(conn, "V090005853_/doc/p2")
    assert answer["text"].startswith("2. Қалпына келтіру емі – науқас организмінің")


def test_uncertain_with_the_text_known(conn):
    """Seed 001 has no notes: inside its start window every unit is uncertain, and its
    wording, if in force, is the current one; after the window, in force."""
    inside = act_on(conn, "V2200026917", "2022-03-20")
    assert {(p["status"], p["text_known"]) for p in inside["provisions"]} == {("uncertain", True)}
    after = act_on(conn, "V2200026917", "2022-04-06")
    assert {(p["status"], p["text_known"]) for p in after["provisions"]} == {("in_force", True)}


def test_version_rows_point_at_the_amendments_behind_them(conn):
    rows = [
        tuple(row)
        for row in conn.execute(
            "select ordinal, valid_from, valid_from_latest, text_known, started_by_amendment_id, ended_by_amendment_id "
            "from provision_versions where provision_id = 'V1500011361/p1' order by ordinal"
        )
    ]
    assert rows == [
        (1, "2015-06-27", None, 0, None, "V1500011361/note3/a1"),
        (2, "2018-01-01", "2018-01-01", 1, "V1500011361/note3/a1", "V1500011361/note1/a1"),
    ]
    repealed_by = conn.execute("select repealed_by_amendment_id, valid_to, valid_to_latest from acts where id = 'V090005853_'").fetchone()
    assert tuple(repealed_by) == ("V090005853_/note1/a1", "2012-06-06", "2012-06-06")
    assert conn.execute("pragma foreign_key_check").fetchall() == []


# --- Data-quality problems ------------------------------------------------------------------


def test_seed_003_stamp_date_mismatch_is_a_problem(conn):
    rows = conn.execute("select source_path, act_id, severity, message, source_line from problems where kind = 'date_mismatch'").fetchall()
    assert len(rows) == 1
    source_path, act_id, severity, message, line = rows[0]
    assert (source_path, act_id, severity, line) == ("corpus/003_11aecfe5ead87c1b.txt", "order-2011-01-05-7", "warning", 37)
    assert "2011-02-05" in message and "2011-01-05" in message


# --- zan at -----------------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(cli, ["at", *args])


def test_cli_json_is_the_contract(db_path, conn):
    result = run("--db", str(db_path), "--json", "V1500011361", "2018-01-01")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == act_on(conn, "V1500011361", "2018-01-01")


def test_cli_text_names_status_and_wording(db_path):
    result = run("--db", str(db_path), "V090005853_", "2010-01-01")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("V090005853_ — 01.01.2010 күнгі редакциясы: анық емес (қолданысқа енгізілуі: 11.11.2009 күнінен ерте емес")
    answer = json.loads(run("--db", str(db_path), "--json", "V090005853_", "2010-01-01").output)
    units = [p["key"] for p in answer["provisions"]]
    doc_p1, doc_p2 = lines[1 + units.index("doc/p1")], lines[1 + units.index("doc/p2")]
    assert doc_p1.split() == ["анық", "емес", "1-тармақ", "дәлелденбеген"]
    assert doc_p2.split() == ["анық", "емес", "2-тармақ", "дәлелденген"]
    assert "«өзгерістер енгізілді» (1 бөлік)" in lines[-1]  # the change that leaves doc/p1 unproven, said once
    assert len(lines) == 1 + 47 + len(answer["uncertain_changes"])


def test_cli_all_acts_on_a_date(db_path):
    result = run("--db", str(db_path), "--all", "2016-01-01")
    assert result.exit_code == 0, result.output
    words = {"in_force": "күшінде", "not_in_force": "күшінде емес", "uncertain": "анық емес"}
    listed = [line[:16].strip() + " " + line[17:].split()[0] for line in result.output.splitlines() if line[:1].strip()]
    assert listed == [f"{words[status]} {act_id}" for act_id, status in ON_2016]
    assert "бұл күні күші жойылған" in result.output


def test_cli_all_acts_json(db_path, conn):
    result = run("--db", str(db_path), "--all", "--json", "2022-04-06")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == acts_on(conn, "2022-04-06")


def test_cli_errors(db_path, tmp_path):
    bad_date = run("--db", str(db_path), "V1500011361", "2018-02-30")
    assert bad_date.exit_code == 2 and "«2018-02-30»" in bad_date.output  # in the reader's language: tests/test_cli.py
    unknown = run("--db", str(db_path), "nothing-here", "2018-01-01")
    assert unknown.exit_code == 1 and unknown.output == "Қате: nothing-here деген акт жоқ.\n"
    no_date = run("--db", str(db_path), "V1500011361")
    assert no_date.exit_code == 2
    missing = run("--db", str(tmp_path / "none.db"), "--all", "2018-01-01")
    assert missing.exit_code == 1 and "none.db деген дерекқор жоқ" in missing.output
    assert not (tmp_path / "none.db").exists()


# --- The site -------------------------------------------------------------------------------


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def site(db_path):
    instance = site_in_process(db_path)
    await instance.invoke_startup()
    return instance


@pytest.mark.asyncio(loop_scope="session")
async def test_site_act_on_a_date_json_is_the_query_answer(site, conn):
    response = await site.client.get("/-/at/V1500011361.json?date=2018-01-01")
    assert response.status_code == 200
    assert response.json() == act_on(conn, "V1500011361", "2018-01-01")
    assert provision(response.json(), "p1")["text_known"] is True


@pytest.mark.asyncio(loop_scope="session")
async def test_site_act_on_a_date_page(site):
    response = await site.client.get("/-/at/V1500011361?date=2017-12-31")
    assert response.status_code == 200
    html = response.text
    assert "31.12.2017" in html
    assert "анық емес" in html  # uncertain
    assert 'id="p1"' in html and "дәлелденбеген" in html  # its current wording, marked as not proven
    assert "/-/at/V1500011361.json?date=2017-12-31" in html


@pytest.mark.asyncio(loop_scope="session")
@pytest.mark.parametrize("path", ["/-/at/V1500011361.json?date=2018-02-30", "/-/at/V1500011361.json?date=30.02.2018", "/-/in-force.json?date=2016-13-01", "/-/at/V1500011361.json?date=1.1.18"])
async def test_site_bad_date_is_a_400_json_error(site, path):
    response = await site.client.get(path)
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False and "19.10.2009" in body["error"]  # the form the date fields ask for, by example


@pytest.mark.asyncio(loop_scope="session")
async def test_site_reads_a_date_as_lawyers_write_it_and_as_iso(site):
    """The date fields show 19.10.2009; a date typed so, or in ISO, is the same date."""
    typed = (await site.client.get("/-/at/V1500011361.json?date=01.01.2018")).json()
    iso = (await site.client.get("/-/at/V1500011361.json?date=2018-01-01")).json()
    assert typed["date"] == iso["date"] == "2018-01-01" and typed == iso


@pytest.mark.asyncio(loop_scope="session")
async def test_site_bad_date_on_the_page_is_a_400(site):
    response = await site.client.get("/-/at/V1500011361?date=tomorrow")
    assert response.status_code == 400
    assert "Traceback" not in response.text


@pytest.mark.asyncio(loop_scope="session")
async def test_site_unknown_act_is_a_404(site):
    response = await site.client.get("/-/at/nothing-here.json?date=2018-01-01")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error": "nothing-here деген акт жоқ.", "status": 404}
    page = await site.client.get("/-/at/nothing-here?date=2018-01-01")
    assert page.status_code == 404


@pytest.mark.asyncio(loop_scope="session")
async def test_site_in_force_lists_every_act(site, conn):
    response = await site.client.get("/-/in-force.json?date=2016-01-01")
    assert response.status_code == 200
    body = response.json()
    assert body == acts_on(conn, "2016-01-01", page=1)
    assert (body["count"], body["page"], body["next_page"]) == (17, 1, None)
    assert body["acts"] == acts_on(conn, "2016-01-01")["acts"]
    assert [(a["id"], a["status"]) for a in body["acts"]] == ON_2016


@pytest.mark.asyncio(loop_scope="session")
async def test_site_in_force_page_links_each_act_on_that_date(site):
    response = await site.client.get("/-/in-force?date=2016-01-01")
    assert response.status_code == 200
    assert '<a href="/-/at/V090005853_?date=2016-01-01">' in response.text
    assert "күшінде емес" in response.text


#: The first wording of every unit that came with the act (not with an amendment) must
#: start when the act does, and the act's oldest version held must too.
UNITS_STARTING_ELSEWHERE_SQL = """
select count(*) from provision_versions v join acts a on a.id = v.act_id
where v.act_id = :act_id and v.started_by_amendment_id is null
  and v.ordinal = (select min(ordinal) from provision_versions w where w.provision_id = v.provision_id)
  and (v.valid_from is not a.valid_from or v.valid_from_latest is not a.valid_from_latest)
"""
#: The oldest version held, when it is the act's own first text: a version an amending
#: act caused (law-1997-07-16-168's only text is the wording of law № 200-V of 2014)
#: took effect with that act, not with the act it amends.
OLDEST_VERSION_SQL = """
select v.effective_from_earliest, v.effective_from_latest, v.date_status from versions v
where v.act_id = :act_id and not v.rebuilt and v.caused_by is null order by v.version_date limit 1
"""


@pytest.mark.parametrize("act_id", sorted(CORPUS_ACTS))
def test_the_act_and_its_units_agree_on_when_it_took_effect(conn, act_id):
    params = {"act_id": act_id}
    assert conn.execute(UNITS_STARTING_ELSEWHERE_SQL, params).fetchone()[0] == 0
    act_from, act_latest = conn.execute("select valid_from, valid_from_latest from acts where id = ?", (act_id,)).fetchone()
    oldest = conn.execute(OLDEST_VERSION_SQL, params).fetchone()
    if oldest is not None and oldest[2] == "bounded":
        assert (act_from, act_latest) == (oldest[0], oldest[1])


def test_search_keeps_exactly_the_acts_not_out_of_force_by_the_one_rule(conn):
    """Search filters by date in SQL (for speed, on the search tables' copies of the
    acts' dates); it must keep an act on a date exactly when `act_status_on` does not
    call it out of force — on every date where some act's status can change."""
    from db.queries import act_status_on
    from db.search import NOT_OUT_OF_FORCE

    acts = conn.execute("select id, valid_from, valid_from_latest, valid_to, valid_to_latest, valid_to_basis_rule is not null from acts").fetchall()
    dates = sorted({shift(d, k) for row in acts for d in row[1:5] if d for k in (-1, 0, 1)})
    assert len(dates) > 40
    for date in dates:
        kept = {row[0] for row in conn.execute(f"select distinct act_id from search_act_rows where {NOT_OUT_OF_FORCE.format(t='search_act_rows')}", {"date": date})}
        by_rule = {row[0] for row in acts if act_status_on(*row[1:], date)[0] != "not_in_force"}
        indexed = {row[0] for row in conn.execute("select distinct act_id from search_act_rows")}
        assert kept == by_rule & indexed, date
