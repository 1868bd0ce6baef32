"""One fact, decided once: every answer Zan gives about an act's status, its being in
force on a date, an entry into force and the explanation of a date is computed by one
function and only rendered elsewhere, so the pages, the JSON, the CLI, SQL and both
languages never contradict each other. Invariants over the whole bundled corpus."""

from __future__ import annotations

import re
import sqlite3

import pytest
from datasette.app import Datasette  # first: it loads the plugin before the plugin's modules are imported here

from datasette_plugins.act_html import act_body
from db.queries import act_document, act_on, provision_history
from parser.basis import Basis
from parser.dates import add_days
from zan.messages import LANGUAGES, basis_text, status_reason, status_word
from zan.testing import site_in_process

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
        "бұл күні әлі күшіне енбеген: 19.12.2019 редакциясы қолданысқа енгізілді: 01.01.2020 бастап қолданысқа енгізіледі"
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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_as_of_page_states_the_counts_its_json_has(corpus_db, lang):
    """The as-of page said 100 proven units where its JSON had 103 ``text_known`` (it left
    the title and the other blocks out of its count)."""
    import asyncio

    from zan.messages import t

    async def fetch() -> tuple[dict, str]:
        site = site_in_process(corpus_db)
        await site.invoke_startup()
        path = "/-/at/V1900019742"
        params = {"date": "2020-11-01", "lang": lang}
        return (await site.client.get(path + ".json", params=params)).json(), (await site.client.get(path, params=params)).text

    answer, page = asyncio.run(fetch())
    known = sum(1 for p in answer["provisions"] if p["text_known"])
    assert answer["counts"]["proven"] == known
    assert sum(answer["counts"].values()) == len(answer["provisions"])
    stated = t("proven_count", lang, proven=answer["counts"]["proven"], unproven=answer["counts"]["unproven"], date="01.11.2020")
    assert stated in page
    assert page.count('class="zan-unit ') == len(answer["provisions"])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("act, date", [("order-2011-01-05-7", "2016-01-01"), ("V1900019742", "2024-01-01")])
def test_the_as_of_page_and_the_cli_say_why_not_proven_in_the_same_words(corpus_db, act, date, lang):
    """Seed 003 on 01.01.2016 (order № 479's new wording took effect in a window: 408 units
    unproven) and order 137412 on 01.01.2024 (after its newest text, of 27.10.2020): the
    page's "why not proven" list and `zan at` print the same sentences, made once
    (`zan.messages.uncertain_change_text`, `held_as_at_text`)."""
    import asyncio
    import html

    from click.testing import CliRunner

    from zan.cli import cli
    from zan.messages import held_as_at_text, uncertain_change_text

    async def fetch() -> tuple[dict, str]:
        site = site_in_process(corpus_db)
        await site.invoke_startup()
        params = {"date": date, "lang": lang}
        return (await site.client.get(f"/-/at/{act}.json", params=params)).json(), (await site.client.get(f"/-/at/{act}", params=params)).text

    answer, page = asyncio.run(fetch())
    said = [uncertain_change_text(change, date, lang) for change in answer["uncertain_changes"]]
    if answer["held_as_at"]:
        said.append(held_as_at_text(answer["held_as_at"], date, lang))
    assert said, "each case has a reason to say"
    printed = CliRunner().invoke(cli, ["at", act, date, "--lang", lang, "--db", str(corpus_db)]).output
    for sentence in said:
        assert html.unescape(page).count(sentence) == 1 and printed.count(sentence) == 1, sentence


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_official_text_that_shows_the_act_in_force_closes_its_window(rows_conn, lang):
    """The 1995 election law: its publication date is not in the corpus, but the bank's
    text as at 01.01.2023 (a version an amending act produced) prints it in force; so it
    had entered into force by then, and on 01.12.2026 it is in force as that text shows,
    marked: a later repeal would be in a text not held."""
    act = "constitutional_law-1995-09-28-2464"
    today = act_on(rows_conn, act, "2026-12-01", lang)["act"]
    assert (today["status"], today["valid_from"], today["valid_from_latest"]) == ("in_force", "1995-09-28", "2023-01-01")
    assert today["shown_in_force_as_at"] == "2023-01-01" and "01.01.2023" in today["basis"]
    assert act_on(rows_conn, act, "2023-01-01", lang)["act"]["shown_in_force_as_at"] is None
    before = act_on(rows_conn, act, "2020-12-01", lang)["act"]
    assert before["status"] == "uncertain" and ("01.01.2023" in before["basis"])
    # an original text as at its own adoption proves nothing: the decree of 29.11.1995 applies from 1996
    assert act_on(rows_conn, "decree-1995-11-29-2662", "1995-12-01", lang)["act"]["status"] == "not_in_force"


def test_every_act_window_agrees_with_the_answers_on_days_before_inside_and_after_it(rows_conn):
    for act in acts(rows_conn):
        start, start_latest, end, end_latest = act["valid_from"], act["valid_from_latest"], act["valid_to"], act["valid_to_latest"]
        has_end = act["valid_to_basis_rule"] is not None
        days = {day for day in (start, start_latest, end, end_latest) if day} | {"1990-01-01", "2026-12-01"}
        for day in sorted(days | {add_days(d, -1) for d in days}):
            answer = act_on(rows_conn, act["id"], day, "kk")["act"]
            if start and day < start or end_latest and day >= end_latest:
                expected = "not_in_force"
            elif start_latest is None or day < start_latest or has_end and (end is None or day >= end):
                expected = "uncertain"
            else:
                expected = "in_force"
            assert answer["status"] == expected, (act["id"], day, answer["basis"])


def stored_bases(conn: sqlite3.Connection) -> list[tuple[str, str, str | None]]:
    """Every basis any row stores: (where, rule, data)."""
    found = []
    for (table,) in conn.execute("select name from sqlite_master where type in ('table', 'view') and name not like 'search%'"):
        columns = [row[1] for row in conn.execute(f"pragma table_info({table})")]
        for column in columns:
            if column.endswith("_basis_rule") or column == "basis_rule":
                data = column[: -len("rule")] + "data"
                if data not in columns:  # a table stored by id (db.version_store.BY_ID): its view shows the data
                    continue
                sql = f"select distinct {column}, {data} from {table} where {column} is not null"
                found += [(f"{table}.{column}", rule, value) for rule, value in conn.execute(sql)]
    return found


def rendered(text: str) -> bool:
    return bool(text) and not PLACEHOLDER.search(text) and "(?)" not in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_stored_basis_renders_in_both_languages(conn, lang):
    bases = stored_bases(conn)
    assert {where.split(".")[0] for where, _, _ in bases} >= {"acts", "provision_versions"}
    for where, rule, data in bases:
        text = basis_text(rule, data, lang)
        assert rendered(text) and not text.startswith(basis_text("basis_unknown_rule_probe", None, lang)[:10]), (where, rule, text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_answer_of_every_act_renders_its_bases_on_every_boundary_day(rows_conn, lang):
    """`zan at` on a unit that is a placeholder in every version raised KeyError: 'when';
    no test rendered every basis the parser produces."""
    for (act_id,) in rows_conn.execute("select id from acts order by id").fetchall():
        for day in boundary_dates(rows_conn, act_id)[::3] + ["1990-01-01", "2026-12-01"]:
            answer = act_on(rows_conn, act_id, day, lang)
            assert rendered(answer["act"]["basis"]), (act_id, day)
            for unit in answer["provisions"]:
                assert rendered(unit["basis"]), (act_id, day, unit["key"], unit["basis"])


def test_the_search_filter_by_date_is_the_sql_form_of_the_one_in_force_decision(rows_conn):
    """`db.search.NOT_OUT_OF_FORCE` keeps an act's units on a date exactly when
    `parser.timeline.existence_on` does not answer "not in force" (SQL for speed, checked here)."""
    from db.search import NOT_OUT_OF_FORCE

    sql = f"select id from acts a where {NOT_OUT_OF_FORCE.format(t='a')}"
    for act in acts(rows_conn):
        days = {d for d in (act["valid_from"], act["valid_from_latest"], act["valid_to"], act["valid_to_latest"]) if d}
        for day in sorted(days | {add_days(d, -1) for d in days}):
            kept = {row[0] for row in rows_conn.execute(sql, {"date": day})}
            assert (act["id"] in kept) == (act_on(rows_conn, act["id"], day, "kk")["act"]["status"] != "not_in_force"), (act["id"], day)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_act_page_and_the_as_of_page_give_one_start_for_the_act(corpus_db, rows_conn, lang):
    """The as-of page closed the 1995 election law's start at 01.01.2023 while its entry
    into force still read "not before 28.09.1995 (latest day unknown)", the clause alone."""
    from zan.messages import window_text

    act_id = "constitutional_law-1995-09-28-2464"
    urls = Datasette(immutables=[str(corpus_db)]).urls
    page = str(act_body({**act_document(rows_conn, act_id, lang), "database": "laws"}, urls, "/-/acts/x.json", lang))
    requisites = page[page.index('<dl class="zan-requisites">') : page.index("</dl>")]
    assert window_text("1995-09-28", "2023-01-01", lang) in requisites
    assert window_text("1995-09-28", None, lang) not in requisites
    answer = act_on(rows_conn, act_id, "2026-12-01", lang)["act"]
    assert window_text("1995-09-28", None, lang) not in answer["start_basis"] and "01.01.2023" in answer["start_basis"]
