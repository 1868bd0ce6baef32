"""One fact, decided once: every answer Zan gives about an act's status, its being in
force on a date, an entry into force and the explanation of a date is computed by one
function and only rendered elsewhere, so the pages, the JSON, the CLI, SQL and both
languages never contradict each other. Invariants over the whole bundled corpus."""

from __future__ import annotations

import re
import sqlite3

import pytest

from datasette_plugins.act_html import act_body
from db.queries import act_document, act_on
from parser.basis import Basis
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
