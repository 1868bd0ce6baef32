"""Query speed of a built database: through a running `zan serve`, and the floor.

For each question the site answers — the act page, the point-in-time JSON, "acts in
force on D" and search — times `--requests` requests over loopback to a real `zan serve`
on `--db` (after one untimed request per URL), and the same question asked directly of
SQLite in this process: the `db.queries` / `db.search` function the page calls, on a
connection opened as the site opens it (Datasette's immutable database: `immutable=1`,
no locking; text decoded by SQLite, as the plugin's queries read it). That is the floor:
the SQL the page runs and the Python that assembles its rows, without HTTP, Datasette,
JSON or HTML. The pages run no SQL of their own besides that function's: with every
statement on the site's connections traced, an act page runs the statements of
`act_document` and of `db.changes.pending_units` (its "not yet in force" marks; one
statement for an act with nothing coming) and nothing else, and the first in-force page the 2 of `acts_on`. Reports
median and p95 (nearest rank) of both and their ratio.

The HTTP requests of a question go over one kept-alive connection, as a browser's or a
load balancer's do; `--connection-per-request` opens a new one for each (urllib), which
adds the client's connection set-up (about 1 ms on loopback) to every figure.

    python benchmarks/query_bench.py --db /tmp/zb/acts-100000/laws.db --requests 50

The act page is also measured against Datasette's own row JSON page of the same act
(`/laws/acts/{id}.json`) in the same run: the 2–3 ms a Datasette page costs over raw
SQLite are Datasette's, common to every page it serves, so the act page's target is at
most 1.5× the p95 of that page (issue 16).

This is a benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import http.client
import sqlite3
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.build_bench import nearest_rank  # noqa: E402
from db.changes import pending_units  # noqa: E402
from db.queries import act_document, act_on, acts_on  # noqa: E402
from db.search import search  # noqa: E402
from zan.testing import running_server  # noqa: E402

DATE = "2016-01-01"
SEARCHES = ["бұйрық", "психотерапия", "медициналық оңалту"]
TARGET_MS, TARGET_RATIO = 100.0, 3.0
#: The act page's p95 against Datasette's own row JSON page of the same act.
TARGET_ROW_RATIO = 1.5


def sample_acts(conn: sqlite3.Connection, count: int) -> list[tuple[str, int]]:
    """`count` acts spread over the database, with their number of provisions. The k-th
    is taken k rows after the k-th equal step, so that a corpus made of seeds in turn
    (every 4th act the same seed) is sampled across its seeds, not one of them."""
    total = conn.execute("select count(*) from acts").fetchone()[0]
    offsets = sorted({min(k * (total // count) + k, total - 1) for k in range(count)})
    ids = [conn.execute("select id from acts order by rowid limit 1 offset ?", (offset,)).fetchone()[0] for offset in offsets]
    return [(act_id, conn.execute("select count(*) from provisions where act_id = ?", (act_id,)).fetchone()[0]) for act_id in ids]


def questions(conn: sqlite3.Connection, acts: int) -> list[tuple[str, list[str], list[Callable[[sqlite3.Connection], object]]]]:
    """(label, URL paths, floor calls) for each question, the paths and calls in step."""
    sampled = sample_acts(conn, acts)
    ids = [act_id for act_id, _ in sampled]
    quoted = [urllib.parse.quote(act_id, safe="") for act_id in ids]
    provisions = statistics.median(n for _, n in sampled)
    rows = [
        (
            f"act page `/-/acts/{{id}}` ({len(ids)} acts, median {provisions:.0f} provisions)",
            [f"/-/acts/{q}" for q in quoted],
            [lambda c, a=a: (act_document(c, a), pending_units(c, a)) for a in ids],
        ),
        (
            f"point-in-time JSON `/-/at/{{id}}.json?date={DATE}`",
            [f"/-/at/{q}.json?date={DATE}" for q in quoted],
            [lambda c, a=a: act_on(c, a, DATE) for a in ids],
        ),
        (
            f"acts in force `/-/in-force.json?date={DATE}` (first page, 100 acts)",
            [f"/-/in-force.json?date={DATE}"],
            [lambda c: acts_on(c, DATE, 1)],
        ),
        (
            f"acts in force, page 500 `/-/in-force.json?date={DATE}&page=500`",
            [f"/-/in-force.json?date={DATE}&page=500"],
            [lambda c: acts_on(c, DATE, 500)],
        ),
    ]
    for words in SEARCHES:
        query = urllib.parse.quote(words)
        rows.append((f"search `{words}`", [f"/-/search.json?q={query}"], [lambda c, w=words: search(c, w, None, lang="kk")]))
        rows.append(
            (f"search `{words}` on {DATE}", [f"/-/search.json?q={query}&date={DATE}"], [lambda c, w=words: search(c, w, DATE, lang="kk")])
        )
    return rows


def timed(calls: list[Callable[[], object]], requests: int) -> list[float]:
    """Seconds for `requests` calls taken in turn, after one untimed call of each."""
    for call in calls:
        call()
    times = []
    for index in range(requests):
        start = time.perf_counter()
        calls[index % len(calls)]()
        times.append(time.perf_counter() - start)
    return times


def fetch(url: str) -> Callable[[], object]:
    """A GET of `url` on a new connection each time."""

    def get() -> bytes:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read()

    return get


def fetch_kept_alive(base: str, paths: list[str]) -> list[Callable[[], object]]:
    """GETs of `paths` sharing one HTTP/1.1 connection to `base` (opened by the first)."""
    address = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)

    def get(path: str) -> bytes:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: HTTP {response.status}")
        return body

    return [lambda path=path: get(path) for path in paths]


def against_row_json(
    base: str, database: str, sampled: list[tuple[str, int]], requests: int, kept_alive: bool = True
) -> str:
    """The act page and Datasette's own row JSON page of the same acts (database
    `database`, named by its file), timed in turn in one run: a table of their medians,
    p95s and the ratio of the p95s (target 1.5×)."""
    quoted = [urllib.parse.quote(act_id, safe="") for act_id, _ in sampled]
    pages = {
        "act page `/-/acts/{id}`": [f"/-/acts/{q}" for q in quoted],
        f"Datasette's row JSON `/{database}/acts/{{id}}.json`": [f"/{database}/acts/{q}.json" for q in quoted],
    }
    times = {}
    for label, paths in pages.items():
        calls = fetch_kept_alive(base, paths) if kept_alive else [fetch(base + path) for path in paths]
        times[label] = timed(calls, requests)
    (act_label, act), (row_label, row) = times.items()
    ratio = nearest_rank(act, 0.95) / nearest_rank(row, 0.95)
    lines = ["| page | median ms | p95 ms |", "|---|---:|---:|"]
    lines += [f"| {label} | {statistics.median(t) * 1000:.1f} | {nearest_rank(t, 0.95) * 1000:.1f} |" for label, t in times.items()]
    verdict = "met" if ratio <= TARGET_ROW_RATIO else "**missed**"
    lines.append(f"\nact page p95 / row JSON p95: {ratio:.2f} (target ≤ {TARGET_ROW_RATIO}×: {verdict})")
    return "\n".join(lines)


def serve_options(settings: list[list[str]]) -> list[str]:
    """`zan serve` options for `--setting NAME VALUE` pairs."""
    return [word for name, value in settings for word in ("--setting", name, value)]


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--db", type=Path, required=True, help="a built database")
    options.add_argument("--requests", type=int, default=50, help="timed requests per question (default: 50)")
    options.add_argument("--acts", type=int, default=25, help="acts sampled for the act questions (default: 25)")
    options.add_argument("--only", default="", help="only the questions whose label contains this text")
    options.add_argument(
        "--connection-per-request", action="store_true", help="open a new HTTP connection for every request (urllib)"
    )
    options.add_argument(
        "--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"), help="a Datasette setting for zan serve"
    )
    args = options.parse_args(argv)
    conn = sqlite3.connect(f"file:{args.db}?immutable=1", uri=True)
    conn.row_factory = sqlite3.Row
    rows = [row for row in questions(conn, args.acts) if args.only in row[0]]
    print("| question | HTTP median ms | HTTP p95 ms | SQLite median ms | SQLite p95 ms | p95 ratio | p95 < 100 ms | ≤ 3× floor |")
    print("|---|---:|---:|---:|---:|---:|---|---|")
    with tempfile.TemporaryDirectory() as scratch, running_server(
        args.db, Path(scratch) / "no-corpus", options=serve_options(args.setting)
    ) as base:
        for label, paths, floor_calls in rows:
            if args.connection_per_request:
                calls = [fetch(base + path) for path in paths]
            else:
                calls = fetch_kept_alive(base, paths)
            http = timed(calls, args.requests)
            floor = timed([lambda call=call: call(conn) for call in floor_calls], args.requests)
            http_p95, floor_p95 = nearest_rank(http, 0.95) * 1000, nearest_rank(floor, 0.95) * 1000
            ratio = http_p95 / floor_p95 if floor_p95 else float("inf")
            print(
                f"| {label} | {statistics.median(http) * 1000:.1f} | {http_p95:.1f} | {statistics.median(floor) * 1000:.1f} | "
                f"{floor_p95:.1f} | {ratio:.1f} | {'met' if http_p95 < TARGET_MS else '**missed**'} | "
                f"{'met' if ratio <= TARGET_RATIO else '**missed**'} |",
                flush=True,
            )
        if args.only in "act page":
            print()
            sampled = sample_acts(conn, args.acts)
            print(against_row_json(base, args.db.stem, sampled, args.requests, not args.connection_per_request))


if __name__ == "__main__":
    main()
