"""How fast is the site on a corpus of 10,000 acts? Times its pages over HTTP.

Builds a database from the seeds of ``corpus/`` repeated under distinct ids
(``benchmarks/make_corpus.py``; 2,000 copies x 5 seeds = 10,000 acts), starts a real
``zan serve`` process on it, and times on loopback, sequentially and then with two
concurrent clients: the act page (HTML and JSON), the as-of view and the point-in-time
JSON, search with and without a date, the home page and ``/-/acts.json?status=repealed``.

    python benchmarks/site_bench.py [--copies 2000] [--requests 100] [--markdown docs/benchmarks-site.md]

Prints median and p95 in milliseconds per endpoint. Targets (from the issue): act page
and JSON p95 under 100 ms, search p95 under 150 ms. Generated files go to a temporary
folder under ``benchmarks/out/`` and are deleted at the end (``--keep DIR`` keeps them
in DIR, and reuses a database already there).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.make_corpus import make_corpus, seed_files  # noqa: E402
from zan.testing import free_port, wait_until_up  # noqa: E402
from db import build  # noqa: E402
from db.queries import PAGE_SIZE  # noqa: E402

DATE = "2016-01-01"
QUERIES = ["бұйрық", "тармақ", "психотерапия", "медициналық оңалту"]
#: Copies of each seed whose acts are fetched: the first, one in the middle, the last.
SAMPLED_COPIES = 3
TARGETS_MS = {"act": 100.0, "search": 150.0}


@dataclass
class Endpoint:
    """A row of the report: URLs fetched in turn, and the p95 target they answer to."""

    label: str
    paths: list[str]
    target: str | None  # a key of TARGETS_MS
    timings: dict[int, list[float]] = field(default_factory=dict)  # clients -> seconds
    sizes: list[int] = field(default_factory=list)
    statuses: set[int] = field(default_factory=set)


@dataclass
class Database:
    corpus: Path
    path: Path
    build_seconds: float | None  # None when an existing database was reused

    def count(self, table: str) -> int:
        connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            return connection.execute(f"select count(*) from {table}").fetchone()[0]
        finally:
            connection.close()


def prepare(folder: Path, copies: int) -> Database:
    """Make the corpus and build its database in `folder`, unless both are there already."""
    corpus, db_path = folder / "corpus", folder / "laws.db"
    if db_path.exists() and corpus.is_dir():
        return Database(corpus, db_path, None)
    make_corpus(ROOT / "corpus", corpus, copies)
    started = time.perf_counter()
    build(corpus, db_path)
    return Database(corpus, db_path, time.perf_counter() - started)


def sampled_acts(db_path: Path) -> dict[str, list[tuple[str, int]]]:
    """Acts of a few copies of each seed, by seed file name: ``[(act_id, provisions)]``."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rows = connection.execute(
        """select s.path, s.act_id, (select count(*) from provisions p where p.act_id = s.act_id)
        from sources s where s.act_id is not null order by s.path"""
    ).fetchall()
    connection.close()
    by_seed: dict[str, list[tuple[str, str, int]]] = {}
    for path, act_id, provisions in rows:  # paths are <copy:06d>_<seed name>
        by_seed.setdefault(Path(path).name.split("_", 1)[1], []).append((path, act_id, provisions))
    sample = {}
    for seed, acts in sorted(by_seed.items()):
        picks = {0, len(acts) // 2, len(acts) - 1}
        sample[seed] = [(act_id, provisions) for index, (_, act_id, provisions) in enumerate(acts) if index in picks][:SAMPLED_COPIES]
    return sample


def endpoints(sample: dict[str, list[tuple[str, int]]], acts: int) -> list[Endpoint]:
    def act_rows(label: str, template: str) -> list[Endpoint]:
        return [
            Endpoint(f"{label}, seed {seed[:3]} ({acts[0][1]} provisions)", [template.format(quoted(act_id)) for act_id, _ in acts], "act")
            for seed, acts in sample.items()
        ]

    biggest = max(sample.values(), key=lambda acts: acts[0][1])
    rows = act_rows("act page `/-/acts/{id}`", "/-/acts/{}")
    rows.append(Endpoint(f"act JSON `/-/acts/{{id}}.json`, {biggest[0][1]} provisions", [f"/-/acts/{quoted(a)}.json" for a, _ in biggest], "act"))
    rows += act_rows(f"as-of page `/-/acts/{{id}}?date={DATE}`", f"/-/acts/{{}}?date={DATE}")
    rows += act_rows(f"point-in-time JSON `/-/at/{{id}}.json?date={DATE}`", f"/-/at/{{}}.json?date={DATE}")
    for query in QUERIES:
        q = urllib.parse.quote(query)
        rows.append(Endpoint(f"search `{query}`", [f"/-/search.json?q={q}"], "search"))
        rows.append(Endpoint(f"search `{query}` on {DATE}", [f"/-/search.json?q={q}&date={DATE}"], "search"))
    rows.append(Endpoint("home page `/`", ["/"], None))
    last = -(-acts // PAGE_SIZE)
    rows.append(Endpoint(f"home page, last page `/?page={last}`", [f"/?page={last}"], None))
    rows.append(Endpoint("`/-/acts.json?status=repealed`", ["/-/acts.json?status=repealed"], None))
    return rows


def quoted(act_id: str) -> str:
    return urllib.parse.quote(act_id, safe="")


def start_server(database: Database, log: Path) -> tuple[subprocess.Popen, str, float]:
    """A `zan serve` process on the database, once it answers; its URL and start-up time."""
    port = free_port()
    command = [sys.executable, "-m", "zan", "serve", "--db", str(database.path), "--corpus", str(database.corpus), "--port", str(port)]
    started = time.perf_counter()
    with log.open("wb") as output:
        server = subprocess.Popen(command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(server, base, timeout=120)
    except RuntimeError:
        server.terminate()
        raise RuntimeError(log.read_text(errors="replace")) from None
    return server, base, time.perf_counter() - started


def fetch(url: str) -> tuple[float, int, int]:
    """Seconds to status and full body, the body's size, and the HTTP status."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url) as response:
            body, status = response.read(), response.status
    except urllib.error.HTTPError as error:  # an error page is timed and counted too
        body, status = error.read(), error.code
    return time.perf_counter() - started, len(body), status


def measure(base: str, endpoint: Endpoint, requests: int, clients: int) -> None:
    """`requests` fetches of the endpoint's URLs in turn, shared among `clients` threads
    that run at the same time."""
    timings: list[float] = []
    lock = threading.Lock()

    def client(offset: int) -> None:
        for index in range(offset, requests, clients):
            seconds, size, status = fetch(base + endpoint.paths[index % len(endpoint.paths)])
            with lock:
                timings.append(seconds)
                endpoint.sizes.append(size)
                endpoint.statuses.add(status)

    threads = [threading.Thread(target=client, args=(offset,)) for offset in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    endpoint.timings[clients] = timings


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def code_version() -> str:
    """The commit the site's code was run at, and whether that code had local changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + (" with local changes" if git("status", "--porcelain", "--", "parser", "db", "datasette_plugins", "zan") else "")


def report(rows: list[Endpoint], database: Database, startup: float, load: str, arguments: argparse.Namespace) -> str:
    acts, provisions = database.count("acts"), database.count("provisions")
    build_time = f"{database.build_seconds:.0f} s" if database.build_seconds is not None else "not measured (database reused)"
    command = f"python benchmarks/site_bench.py --copies {arguments.copies} --requests {arguments.requests}"
    lines = [
        "# Site benchmark",
        "",
        f"Command: `{command}" + (f" --markdown {arguments.markdown}`" if arguments.markdown else "`"),
        "",
        f"Machine: {os.cpu_count()} cores ({platform.processor() or platform.machine()}), {platform.platform()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}. Load average before the run: {load}.",
        "",
        f"Code: commit {code_version()}.",
        "",
        f"Database: {acts:,} acts, {provisions:,} provisions ({arguments.copies:,} copies of the {len(seed_files(ROOT / 'corpus'))} seeds), "
        f"{database.path.stat().st_size / 1e6:,.0f} MB; built by `db.build` in {build_time}; "
        f"`zan serve` answered after {startup:.1f} s.",
        "",
        f"Each row: {arguments.requests} requests over loopback (urllib, a new connection each), its URLs in turn, "
        "after one untimed request per URL; then the same with 2 clients at once sharing the requests. "
        "Times are to the last byte of the body; p95 is nearest-rank. "
        f"Targets: act page and JSON p95 < {TARGETS_MS['act']:.0f} ms, search p95 < {TARGETS_MS['search']:.0f} ms.",
        "",
        "| endpoint | HTTP | KB | median ms | p95 ms | 2 clients: median ms | p95 ms | target |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        one, two = (sorted(t * 1000 for t in row.timings[clients]) for clients in (1, 2))
        if row.statuses != {200}:
            verdict = "**not answered**"
        elif row.target:
            limit = TARGETS_MS[row.target]
            verdict = f"< {limit:.0f}: " + ("met" if percentile(one, 0.95) < limit else "**missed**")
        else:
            verdict = "—"
        lines.append(
            f"| {row.label} | {', '.join(map(str, sorted(row.statuses)))} | {statistics.median(row.sizes) / 1000:,.0f} | {statistics.median(one):.1f} | {percentile(one, 0.95):.1f} "
            f"| {statistics.median(two):.1f} | {percentile(two, 0.95):.1f} | {verdict} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=2000, help="copies of each seed (default 2000: 10,000 acts)")
    parser.add_argument("--requests", type=int, default=100, help="timed requests per endpoint (default 100)")
    parser.add_argument("--markdown", type=Path, help="also write the report to this Markdown file")
    parser.add_argument("--keep", type=Path, help="keep the corpus and database in this folder (reused if there)")
    arguments = parser.parse_args()
    load = " ".join(f"{average:.2f}" for average in os.getloadavg())
    scratch = None
    if arguments.keep:
        folder = arguments.keep
        folder.mkdir(parents=True, exist_ok=True)
    else:
        (ROOT / "benchmarks" / "out").mkdir(parents=True, exist_ok=True)
        scratch = tempfile.mkdtemp(prefix="site-bench-", dir=ROOT / "benchmarks" / "out")
        folder = Path(scratch)
    try:
        database = prepare(folder, arguments.copies)
        rows = endpoints(sampled_acts(database.path), database.count("acts"))
        server, base, startup = start_server(database, folder / "serve.log")
        try:
            for row in rows:
                for path in row.paths:
                    fetch(base + path)  # warm-up, untimed
            for clients in (1, 2):
                for row in rows:
                    measure(base, row, arguments.requests, clients)
        finally:
            server.terminate()
            server.wait(timeout=10)
        text = report(rows, database, startup, load, arguments)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
    print(text)
    if arguments.markdown:
        arguments.markdown.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
