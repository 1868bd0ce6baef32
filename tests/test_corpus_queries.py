"""The corpus-wide questions of issue 23 as Datasette canned queries (`db.publish.QUERIES`):
which acts were amended most in a year, which amending acts touched the most acts, which
units of an act changed most since a date, and what is pending on a date — on the bundled
corpus and on the six amending laws of ``../shared/corpus-bank/amending/``, with concrete
results, and checked against the answers the site gives one act at a time."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import pytest_asyncio

from datasette_plugins.zan_site import prepare_connection as register_site_functions
from db import build
from db.changes import pending
from db.publish import AMENDED_BY, QUERIES, changes_cte
from db.queries import act_amendments
from zan.testing import site_in_process

AMENDING = Path(__file__).resolve().parents[3] / "shared" / "corpus-bank" / "amending"
if not AMENDING.is_dir():  # a worktree under /work/wt/NAME or the main checkout /work/main
    AMENDING = Path(__file__).resolve().parents[2] / "shared" / "corpus-bank" / "amending"

on_site = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def site(db_path):
    instance = site_in_process(db_path)
    await instance.invoke_startup()
    return instance


@pytest.fixture(scope="module")
def amending_db(tmp_path_factory) -> Path:
    if not AMENDING.is_dir():
        pytest.skip("the shared corpus bank is not here")
    path = tmp_path_factory.mktemp("amending") / "laws.db"
    build(AMENDING, path)
    return path


async def rows(site, query: str, **params) -> list[dict]:
    response = await site.client.get(f"/laws/{query}.json", params={**params, "_shape": "array"})
    assert response.status_code == 200, response.text
    return response.json()


@on_site
async def test_the_acts_amended_most_in_a_year(site):
    answer = await rows(site, "acts_amended_most", year="2015")
    assert [(row["act_id"], row["amending_acts"], row["units_changed"]) for row in answer] == [
        ("law-1999-07-13-414", 2, 4),  # law 4051 on the mining allowance: laws 293-V and 408-V of 2015
        ("law-1999-11-16-474-I", 1, 0),  # the subsistence minimum: law 314-V, a note on the act as a whole
        ("law-2007-05-15-252", 1, 0),  # the law enacting the Labour Code: repealed by the Code 414-V of 2015
    ]
    assert answer[0]["amended_by"] == "law 2015-03-17 No 293-V,law 2015-11-17 No 408-V"
    # 2020: the two orders that caused the bank's versions of 137412 (and its notes name), counted once each
    (row,) = await rows(site, "acts_amended_most", year="2020")
    assert (row["act_id"], row["amending_acts"]) == ("V1900019742", 2)
    assert await rows(site, "acts_amended_most", year="1900") == []


@on_site
async def test_the_amending_acts_that_touched_the_most_acts(site, conn):
    answer = await rows(site, "amending_acts_widest")
    first = answer[0]
    assert (first["kind"], first["date"], first["number"], first["acts"], first["units"]) == ("order", "2010-09-27", "268", 1, 17)
    # seed 004 is in the corpus; it amends order ҚР ДСМ-37, which is not: the six changes its page lists
    (seed_004,) = [row for row in answer if row["in_corpus"] == "V2500035673"]
    assert (seed_004["acts"], seed_004["acts_in_corpus"], seed_004["units"]) == (1, 0, 6)
    assert len(act_amendments(conn, "V2500035673")["acts"]) == seed_004["acts"]


@pytest.mark.asyncio
async def test_an_omnibus_law_touches_several_acts(amending_db):
    site = site_in_process(amending_db)
    await site.invoke_startup()
    answer = {row["in_corpus"]: row for row in await rows(site, "amending_acts_widest")}
    assert {act: (row["acts"], row["units"]) for act, row in answer.items()} == {
        "file-53548-identifikatsionnye-nomera": (4, 12),
        "file-9231-turistskaia-deiatelnost-utrata-sily": (4, 2),
        "file-164356-izmeneniia-partii-assambleia-sovbez": (3, 6),
        "file-7330-otsenka-imushchestva": (2, 2),
        "file-2561-izmeneniia-zakon-zaniatost-naseleniia": (1, 16),
        "file-149902-izmeneniia-zakon-adm-terr-ustroistvo": (1, 11),
    }
    assert list(answer)[:2] == ["file-53548-identifikatsionnye-nomera", "file-9231-turistskaia-deiatelnost-utrata-sily"]
    # the same acts as the amending act's own answer (/-/amendments/{act}.json), one act at a time
    with sqlite3.connect(amending_db) as conn:
        for act_id, row in answer.items():
            assert len(act_amendments(conn, act_id)["acts"]) == row["acts"], act_id


@on_site
async def test_the_units_of_an_act_changed_most_since_a_date(site):
    answer = await rows(site, "units_changed_most", act="law-1999-07-13-414", date="2015-01-01")
    assert [(row["key"], row["changes"]) for row in answer[:5]] == [("art1", 3), ("art5", 3), ("art4", 2), ("art6", 2), ("art7", 2)]
    art5 = answer[1]
    assert (art5["unit_kk"], art5["unit_ru"]) == ("5-бап", "статья 5")
    assert art5["changed_by"] == "law 2015-03-17 No 293-V,law 2015-11-17 No 408-V,law 2023-04-20 No 226-VII"
    assert (art5["first_change"], art5["last_change"]) == ("2015-03-28", "2023-07-01")
    # a later date leaves out what took effect before it
    later = {row["key"]: row["changes"] for row in await rows(site, "units_changed_most", act="law-1999-07-13-414", date="2023-01-01")}
    assert later["art5"] == 1 and "art1" not in later
    # the versions the bank holds count too: 137412's annex, changed by both orders of 2020
    annex = await rows(site, "units_changed_most", act="V1900019742", date="2020-01-01")
    assert (annex[0]["key"], annex[0]["changes"]) == ("app", 2)
    response = await site.client.get("/laws/units_changed_most.json", params={"act": "law-1999-07-13-414", "date": "2015-02-30"})
    assert response.status_code == 400


@on_site
async def test_what_is_pending_is_the_one_decision_of_db_changes_pending(site, conn):
    (row,) = await rows(site, "pending_on_date", date="2015-12-01")
    assert row == {"pending_url": "/-/pending?date=2015-12-01", "pending_json_url": "/-/pending.json?date=2015-12-01"}
    linked = (await site.client.get(row["pending_json_url"])).json()
    assert linked["items"] == pending(conn, "2015-12-01")["items"]
    assert "law-2007-05-15-252" in {item["act_id"] for item in linked["items"]}  # repealed by the Labour Code from 01.01.2016
    page = (await site.client.get("/laws/pending_on_date", params={"date": "2015-12-01"})).text
    assert '<a href="/-/pending?date=2015-12-01">' in page
    assert (await site.client.get("/laws/pending_on_date.json", params={"date": "abc"})).status_code == 400


#: What `amending_acts_widest` and `acts_amended_most` counted at request time before the
#: build wrote `amending_reach` and `changes_by_amending` (db.reach): the union of every
#: source, read whole. The stored tables must give the same rows.
WIDEST_AT_REQUEST_SQL = f"""with {changes_cte()}
select c.kind, c.date, min(c.number), max(c.amending_id), count(distinct c.act_id), count(distinct t.id),
  count(distinct case when c.unit != '' then c.act_id || '/' || c.unit end)
from c left join acts t on t.id = c.act_id
where c.date is not null or c.amending_id is not null
group by c.amending
order by c.amending"""
STORED_WIDEST_SQL = "select kind, date, number, amending_id, acts, acts_in_corpus, units from amending_reach order by amending"
AMENDED_AT_REQUEST_SQL = f"""with {changes_cte()}
select c.act_id, count(distinct c.amending), count(distinct nullif(c.unit, '')), {AMENDED_BY}
from c join acts on acts.id = c.act_id
where c.date between :first and :last
group by c.act_id order by c.act_id"""


def _in_order(joined: str | None) -> list[str]:
    return sorted((joined or "").split(","))


@pytest.mark.parametrize("corpus", ["bundled", "amending"])
def test_the_stored_counts_are_the_sources_counted_at_request_time(corpus, db_path, request):
    path = db_path if corpus == "bundled" else request.getfixturevalue("amending_db")
    conn = sqlite3.connect(path)
    register_site_functions(conn)
    stored = conn.execute(STORED_WIDEST_SQL).fetchall()
    assert stored and stored == conn.execute(WIDEST_AT_REQUEST_SQL).fetchall()
    # each amending act lists the acts it changed, in their order
    for (listed,) in conn.execute("select acts_changed from amending_reach"):
        assert listed.split(",") == sorted(set(listed.split(",")))
    years = [row[0] for row in conn.execute("select distinct substr(date, 1, 4) from changes_by_amending where date is not null")]
    assert years or corpus == "amending"  # the six laws' files print no requisites: none is dated
    for year in years:
        first, last = f"{year}-01-01", f"{year}-12-31"
        before = conn.execute(AMENDED_AT_REQUEST_SQL, {"first": first, "last": last}).fetchall()
        now = conn.execute(QUERIES["acts_amended_most"]["sql"].replace("limit 100", ""), {"year": year}).fetchall()
        assert sorted((row[0], row[5], row[6], _in_order(row[7])) for row in now) == [
            (row[0], row[1], row[2], _in_order(row[3])) for row in before
        ], year
