"""One fact, decided once: every answer Zan gives about an act's status, its being in
force on a date, an entry into force and the explanation of a date is computed by one
function and only rendered elsewhere, so the pages, the JSON, the CLI, SQL and both
languages never contradict each other. Invariants over the whole bundled corpus."""

from __future__ import annotations

import re
import sqlite3

import pytest

from datasette_plugins.act_html import act_body
from db.queries import act_document, act_on, provision_history
from parser.basis import Basis
from parser.dates import add_days
from zan.messages import LANGUAGES, basis_text, status_reason, status_word
from tests.conftest import CORPUS_ACTS

#: The status each basis rule of `parser.document.decide_status` allows.
STATUS_OF_RULE = {
    "repeal_recorded": {"repealed"},
    "repeal_in_other_text": {"repealed"},
    "bank_requisite_no_repeal": {"in_force"},
    "status_not_known": {"unknown"},
    "status_line": {"in_force", "repealed"},
}
PLACEHOLDER = re.compile(r"{\w+}")


def acts(conn: sqlite3.Connection) -> list[dict]:
    conn.row_factory = sqlite3.Row
    return [dict(row) for row in conn.execute("select * from acts order by id")]


def test_every_act_status_rests_on_the_basis_that_decided_it(rows_conn):
    for act in acts(rows_conn):
        assert act["status"] in STATUS_OF_RULE[act["status_basis_rule"]], act["id"]


@pytest.mark.parametrize(
    "act_id",
    ["constitutional_law-1995-09-28-2464", "decree-1995-11-29-2662", "law-1999-07-13-414", "V2200026823"],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_act_the_bank_holds_unrepealed_is_in_force_and_says_why_not_unknown(rows_conn, act_id, lang):
    """These four showed the badge "күшінде" beside "бүгін күшінде ме, мәтіннен белгісіз"."""
    act = next(a for a in acts(rows_conn) if a["id"] == act_id)
    assert act["status"] == "in_force"
    reason = status_reason(act, lang)
    assert reason == basis_text("bank_requisite_no_repeal", None, lang)
    assert ("белгісіз" if lang == "kk" else "неизвестно") not in reason


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_act_page_shows_the_badge_beside_its_own_reason(corpus_db, rows_conn, lang):
    from datasette.app import Datasette

    urls = Datasette(immutables=[str(corpus_db)]).urls
    for act in acts(rows_conn):
        page = str(act_body({**act_document(rows_conn, act["id"], lang), "database": "laws"}, urls, "/-/acts/x.json", lang))
        banner = page[page.index('<p class="zan-banner') : page.index("</p>", page.index('<p class="zan-banner'))]
        assert status_word(act["status"], lang) in banner
        assert status_reason(act, lang).replace("«", "&laquo;")[:20] in banner.replace("«", "&laquo;"), (act["id"], banner)


def test_a_term_the_act_sets_itself_is_named_beside_an_unknown_status(rows_conn):
    act = next(a for a in acts(rows_conn) if a["id"] == "V2300032371")
    assert act["status"] == "unknown"
    assert status_reason(act, "kk").endswith("актінің өз ережесі бойынша 31.12.2023 дейін қолданылады")
    assert status_reason(act, "ru").endswith("по собственному положению акта применяется до 31.12.2023")


def test_a_basis_names_its_parts_when_its_sentence_needs_them():
    """`version_took_effect` says when from its part (it raised KeyError: 'when' for a
    unit that is a placeholder in every version, asked about before the first version)."""
    commencement = Basis("commencement", dates={"exact": "2020-01-01"}, facts={"rule": "fixed_date"})
    took_effect = Basis("version_took_effect", dates={"version": "2019-12-19"}, parts=(commencement,))
    not_yet = Basis("not_yet", parts=(took_effect,))
    assert basis_text(not_yet.rule, not_yet.data(), "kk") == (
        "бұл күні әлі күшіне енбеген: 19.12.2019 редакциясы қолданысқа енгізілді: 01.01.2020 бастап қолданысқа енгізіледі: 01.01.2020"
    )
    assert "{" not in basis_text(not_yet.rule, not_yet.data(), "ru")


def offset_amendments(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    conn.row_factory = sqlite3.Row
    return list(
        conn.execute(
            "select id, provision_id, commencement_offset_days as days from amendments "
            "where commencement_rule = 'publication' and commencement_offset_days and provision_id is not null"
        )
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_explanation_from_a_commencement_clause_names_its_offset(rows_conn, lang):
    """Amendment 13.03.2017 № 52-VI to the constitutional law: "…кейін күнтізбелік он күн
    өткен соң"; its history showed "24.03.2017 күнінен ерте емес" explained as "from the
    day of first official publication" (the history rows had no offset column)."""
    from zan.messages import amendment_commencement_text

    found = offset_amendments(rows_conn)
    assert any(row["id"].startswith("constitutional_law-1995-09-28-2464/") for row in found)
    for row in found:
        history = provision_history(rows_conn, row["provision_id"])  # the unit in its own text
        (amendment,) = [a for a in history["amendments"] if a["id"] == row["id"]]
        assert amendment["commencement_offset_days"] == row["days"]
        assert f" {row['days']} " in amendment_commencement_text(amendment, lang), row["id"]


def bilingual_acts(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("select act_id from act_texts group by act_id having count(*) > 1 order by act_id")]


def boundary_dates(conn: sqlite3.Connection, act_id: str) -> list[str]:
    """Every day a unit's interval of the act starts or ends on, and the day before each."""
    days: set[str] = set()
    sql = "select valid_from, valid_from_latest, valid_to, valid_to_latest from provision_versions v join provisions p on p.id = v.provision_id where p.act_id = ?"
    for row in conn.execute(sql, (act_id,)):
        days.update(day for day in row if day)
    return sorted(days | {add_days(day, -1) for day in days})


def test_every_amending_act_takes_effect_on_the_same_days_in_both_texts(rows_conn):
    """Order 10.08.2020 № 20-42-3.3.8 on V1900019742 was in force 29.09.2020–29.10.2020 on
    the Kazakh pages and "не ранее 21.08.2020" on the Russian ones."""
    sql = """select a.act_id, a.amending_act_date, a.amending_act_number, a.commencement_rule, a.commencement_offset_days,
                    a.effective_from_earliest, a.effective_from_latest, a.effective_from, p.language
             from amendments a join notes n on n.id = a.note_id join provisions p on p.id = n.provision_id
             where a.amending_act_number is not null"""
    windows: dict[tuple, set] = {}
    for row in rows_conn.execute(sql):
        key = (row["act_id"], row["amending_act_date"], row["amending_act_number"].replace(" ", ""), row["commencement_rule"], row["commencement_offset_days"])
        windows.setdefault(key, set()).add((row["effective_from"], row["effective_from_earliest"], row["effective_from_latest"]))
    disagreeing = {row[0] for row in rows_conn.execute("select act_id from problems where kind = 'language_disagreement' and message like '%change by the act%'")}
    assert windows[("V1900019742", "2020-08-10", "20-42-3.3.8", "publication", 10)] == {(None, "2020-09-29", "2020-10-29")}
    assert all(len(found) == 1 for key, found in windows.items() if key[0] not in disagreeing), [k for k, f in windows.items() if len(f) > 1]


@pytest.mark.parametrize("act_id", ["V1900019742", "constitutional_law-1995-09-28-2464", "law-1999-07-13-414", "V1500010492"])
def test_kazakh_and_russian_answers_give_every_unit_the_same_status_and_window(rows_conn, act_id):
    disagreements = rows_conn.execute("select count(*) from problems where kind = 'language_disagreement' and act_id = ?", (act_id,)).fetchone()[0]
    for day in boundary_dates(rows_conn, act_id):
        kazakh, russian = ({p["key"]: (p["status"], p["earliest"], p["latest"]) for p in act_on(rows_conn, act_id, day, lang)["provisions"]} for lang in ("kk", "ru"))
        differ = sorted(key for key in kazakh.keys() & russian.keys() if kazakh[key] != russian[key])
        assert not differ or disagreements, (day, differ[:5])
        assert act_on(rows_conn, act_id, day, "kk")["act"]["status"] == act_on(rows_conn, act_id, day, "ru")["act"]["status"]
