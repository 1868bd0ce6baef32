"""The query benchmark's floor is what the pages run: the same SQL, no more, and the
benchmark itself runs end to end against a real `zan serve` on the bundled corpus."""

from __future__ import annotations

import sqlite3

import pytest
from datasette.app import Datasette

from benchmarks import query_bench
from datasette_plugins import datasette_options
from datasette_plugins.zan_site import _loop_connection
from db.changes import pending_units
from db.queries import act_document, acts_on


async def statements_of_page(db_path, url: str) -> list[str]:
    """Every SQL statement the site runs for `url`: on Datasette's SQL connection (one,
    with no SQL threads) and on the event loop's own (`zan_site._loop_connection`)."""
    options = datasette_options("laws")
    options["settings"]["num_sql_threads"] = 0  # one connection, the one traced
    site = Datasette(immutables=[str(db_path)], **options)
    await site.invoke_startup()
    assert (await site.client.get("/-/versions.json")).status_code == 200  # Datasette's own first-request work
    statements: list[str] = []
    database = site.get_database("laws")
    await database.execute_fn(lambda conn: conn.set_trace_callback(statements.append))
    _loop_connection(database).set_trace_callback(statements.append)
    assert (await site.client.get(url)).status_code == 200
    return statements


def statements_of_floor(db_path, question) -> list[str]:
    statements: list[str] = []
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    conn.row_factory = sqlite3.Row
    conn.set_trace_callback(statements.append)
    question(conn)
    return statements


@pytest.mark.asyncio(loop_scope="session")
@pytest.mark.parametrize(
    "url, question",
    [
        ("/-/acts/V1500011361", lambda conn: (act_document(conn, "V1500011361"), pending_units(conn, "V1500011361"))),
        ("/-/in-force.json?date=2016-01-01", lambda conn: acts_on(conn, "2016-01-01", 1)),
    ],
)
async def test_a_page_runs_exactly_the_sql_of_its_floor(corpus_db, url, question):
    assert await statements_of_page(corpus_db, url) == statements_of_floor(corpus_db, question)


def test_the_benchmark_runs_against_a_real_server(corpus_db, capsys):
    query_bench.main(["--db", str(corpus_db), "--requests", "2", "--acts", "3", "--only", "act page"])
    output = capsys.readouterr().out.splitlines()
    rows = [line for line in output if line.startswith("| act page")]
    assert len(rows) == 2 and rows[0].count("|") == 9  # the questions' table, and the pair below it
    assert [line for line in output if line.startswith("| Datasette's row JSON")][0].count("|") == 4
    assert any(line.startswith("act page p95 / row JSON p95: ") for line in output)
