"""Speed of the change questions (issue 23): since when, what changed in a period, what an
amending act did, what is coming — through a running `zan serve`, and the floor.

Beside `benchmarks/query_bench.py` and measured the same way: each question's JSON is
requested `--requests` times over one kept-alive HTTP connection to a real `zan serve` on
`--db` (after one untimed request per URL), and the `db.changes` / `db.queries` function
the page calls is asked directly of SQLite in this process, on a connection opened as the
site opens it (immutable). Reports median and p95 (nearest rank) of both; the target is a
p95 under 100 ms per request on the 10,000-act generated git corpus
(`benchmarks/make_git_corpus.py`).

The acts asked about are sampled across the database among those held in two versions or
more (`--acts`); for each, the phrase asked "since when" is the first two words of the
middle unit of its newest version, and the period asked "what changed" runs from its
second version's date to its newest's (every change it holds) and, in a second question,
over the year before its newest version. "What is coming" is asked per act and over the
whole corpus (on `--date`).

    nice python benchmarks/changes_bench.py --db /tmp/q1k.db --requests 50

This is a benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
import sys
import tempfile
import urllib.parse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.build_bench import nearest_rank  # noqa: E402
from benchmarks.query_bench import fetch_kept_alive, serve_options, timed  # noqa: E402
from datasette_plugins.zan_site import prepare_connection  # noqa: E402
from db.changes import changes, pending, since  # noqa: E402
from db.publish import QUERIES  # noqa: E402
from db.queries import act_amendments  # noqa: E402
from zan.testing import running_server  # noqa: E402

DATE = "2024-01-01"
#: A day on which much is coming in the generated corpora (783 items at 1,000 acts): the
#: corpus-wide answer's first page, every item decided.
BUSY_DATE = "2015-12-01"
#: The corpus-wide canned queries (`db.publish.CORPUS_QUERIES`) asked, with their parameters.
CANNED = [("amending_acts_widest", {}), ("acts_amended_most", {"year": "2020"})]
TARGET_MS = 100.0

VERSIONED_SQL = """
select act_id, count(*) as held, min(version_date) as first, max(version_date) as newest
from versions where rebuilt = 0 and id not like '%/%@%' group by act_id having count(*) >= 2 order by act_id
"""
MIDDLE_UNIT_SQL = """
select text from version_provisions where version_id = ? and kind != 'note' and text is not null and length(text) > 20
order by position
"""
SECOND_VERSION_SQL = "select version_date from versions where act_id = ? and rebuilt = 0 and id not like '%/%@%' order by ordinal limit 1 offset 1"
NEWEST_VERSION_SQL = "select id from versions where act_id = ? and rebuilt = 0 and id not like '%/%@%' order by ordinal desc limit 1"
#: Acts that caused a version of another act held (the bank's caused_by), i.e. amending acts in the corpus.
AMENDING_SQL = """
select distinct a.id from acts a join versions v on v.caused_by_kind = a.kind and v.caused_by_date = a.adopted_on and v.act_id != a.id
order by a.id limit ?
"""


def sample(conn: sqlite3.Connection, count: int) -> list[dict]:
    """`count` acts held in two versions or more, spread over the database, each with its
    phrase and periods."""
    rows = conn.execute(VERSIONED_SQL).fetchall()
    step = max(len(rows) // count, 1)
    chosen = []
    for row in rows[::step][:count]:
        act_id = row[0]
        newest = conn.execute(NEWEST_VERSION_SQL, (act_id,)).fetchone()[0]
        texts = [r[0] for r in conn.execute(MIDDLE_UNIT_SQL, (newest,))]
        words = re.findall(r"\w{3,}", texts[len(texts) // 2]) if texts else []
        second = conn.execute(SECOND_VERSION_SQL, (act_id,)).fetchone()[0]
        newest_date = row[3]
        year_before = f"{int(newest_date[:4]) - 1}{newest_date[4:]}"
        chosen.append({"id": act_id, "phrase": " ".join(words[:2]) or "1", "first": second, "newest": newest_date, "year_before": year_before})
    return chosen


def questions(conn: sqlite3.Connection, acts: int, database: str = "laws") -> list[tuple[str, list[str], list[Callable[[sqlite3.Connection], object]]]]:
    """(label, URL paths, floor calls) for each question, the paths and calls in step
    (`database`: the name the site gives the database, its file name without `.db`)."""
    sampled = sample(conn, acts)
    amending = [row[0] for row in conn.execute(AMENDING_SQL, (acts,))] or [act["id"] for act in sampled]
    q = lambda value: urllib.parse.quote(value, safe="")  # noqa: E731
    return [
        (
            f"since `/-/since/{{id}}.json?q=…` ({len(sampled)} acts)",
            [f"/-/since/{q(a['id'])}.json?q={q(a['phrase'])}&date={DATE}" for a in sampled],
            [lambda c, a=a: since(c, a["id"], a["phrase"], DATE, "kk") for a in sampled],
        ),
        (
            "changes over every version held `/-/changes/{id}.json?since=&until=`",
            [f"/-/changes/{q(a['id'])}.json?since={a['first']}&until={a['newest']}" for a in sampled],
            [lambda c, a=a: changes(c, a["id"], a["first"], a["newest"], language="kk") for a in sampled],
        ),
        (
            "changes, summary, the year before the newest version",
            [f"/-/changes/{q(a['id'])}.json?since={a['year_before']}&until={a['newest']}&summary=1" for a in sampled],
            [lambda c, a=a: changes(c, a["id"], a["year_before"], a["newest"], summary=True, language="kk") for a in sampled],
        ),
        (
            f"what an amending act did `/-/amendments/{{id}}.json` ({len(amending)} acts)",
            [f"/-/amendments/{q(act_id)}.json" for act_id in amending],
            [lambda c, a=act_id: act_amendments(c, a, "kk") for act_id in amending],
        ),
        (
            f"pending, one act `/-/pending.json?date={DATE}&act={{id}}`",
            [f"/-/pending.json?date={DATE}&act={q(a['id'])}" for a in sampled],
            [lambda c, a=a: pending(c, DATE, a["id"], "kk") for a in sampled],
        ),
        (
            f"pending, the whole corpus `/-/pending.json?date={DATE}` (first page)",
            [f"/-/pending.json?date={DATE}"],
            [lambda c: pending(c, DATE, None, "kk", page=1)],
        ),
        (
            f"pending, the whole corpus `/-/pending.json?date={BUSY_DATE}` (first page)",
            [f"/-/pending.json?date={BUSY_DATE}"],
            [lambda c: pending(c, BUSY_DATE, None, "kk", page=1)],
        ),
        *(
            (
                f"canned query `/{database}/{name}.json`" + (f" ({', '.join(f'{k}={v}' for k, v in params.items())})" if params else ""),
                [f"/{database}/{name}.json?_shape=array" + "".join(f"&{k}={v}" for k, v in params.items())],
                [lambda c, name=name, params=params: c.execute(QUERIES[name]["sql"], params).fetchall()],
            )
            for name, params in CANNED
        ),
    ]


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--db", type=Path, required=True, help="a built database")
    options.add_argument("--requests", type=int, default=50, help="timed requests per question (default: 50)")
    options.add_argument("--acts", type=int, default=25, help="acts sampled (default: 25)")
    options.add_argument("--only", default="", help="only the questions whose label contains this text")
    options.add_argument("--floor-only", action="store_true", help="time the functions on SQLite only, no server")
    options.add_argument(
        "--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"), help="a Datasette setting for zan serve"
    )
    args = options.parse_args(argv)
    conn = sqlite3.connect(f"file:{args.db}?immutable=1", uri=True)
    conn.row_factory = sqlite3.Row
    prepare_connection(conn)  # the SQL functions the canned queries call
    acts = conn.execute("select count(*) from acts").fetchone()[0]
    versions = conn.execute("select count(*) from versions where rebuilt = 0").fetchone()[0]
    print(f"{args.db}: {acts} acts, {versions} versions; {args.requests} requests per question\n")
    rows = [row for row in questions(conn, args.acts, args.db.stem) if args.only in row[0]]
    print("| question | HTTP median ms | HTTP p95 ms | SQLite median ms | SQLite p95 ms | p95 < 100 ms |")
    print("|---|---:|---:|---:|---:|---|")

    def report(label: str, http: list[float] | None, floor: list[float]) -> None:
        http_median = f"{statistics.median(http) * 1000:.1f}" if http else "–"
        http_p95 = nearest_rank(http, 0.95) * 1000 if http else None
        floor_p95 = nearest_rank(floor, 0.95) * 1000
        verdict = "met" if (http_p95 if http_p95 is not None else floor_p95) < TARGET_MS else "**missed**"
        print(
            f"| {label} | {http_median} | {'–' if http_p95 is None else f'{http_p95:.1f}'} | "
            f"{statistics.median(floor) * 1000:.1f} | {floor_p95:.1f} | {verdict} |",
            flush=True,
        )

    if args.floor_only:
        for label, _, floor_calls in rows:
            report(label, None, timed([lambda call=call: call(conn) for call in floor_calls], args.requests))
        return
    with tempfile.TemporaryDirectory() as scratch, running_server(
        args.db, Path(scratch) / "no-corpus", options=serve_options(args.setting)
    ) as base:
        for label, paths, floor_calls in rows:
            http = timed(fetch_kept_alive(base, paths), args.requests)
            floor = timed([lambda call=call: call(conn) for call in floor_calls], args.requests)
            report(label, http, floor)


if __name__ == "__main__":
    main()
