"""How fast is a point-in-time answer? Seed 003 (516 provisions) as of several dates.

Measures, on a database built from the bundled corpus:
- `db.queries.act_on` called directly (what `zan at` does, without process start-up);
- `GET /-/at/{act}.json?date=…` on a real `zan serve` process over loopback.

    python benchmarks/at_bench.py [--runs 200] [--markdown docs/benchmarks-at.md]

Prints median and p95 in milliseconds. Target (issue "What was in force on a given
date"): under 50 ms for an act of seed 003's size.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db import build  # noqa: E402
from db.queries import act_on  # noqa: E402
from zan.testing import running_server  # noqa: E402

ACT = "order-2011-01-05-7"
DATES = ["2010-06-01", "2011-03-01", "2014-05-20", "2018-06-08", "2023-04-01"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(label: str, timings: list[float]) -> str:
    milliseconds = [t * 1000 for t in timings]
    return f"| {label} | {len(milliseconds)} | {statistics.median(milliseconds):.2f} | {percentile(milliseconds, 0.95):.2f} |"


def time_direct(db_path: Path, runs: int) -> list[float]:
    connection = sqlite3.connect(db_path)
    timings = []
    for index in range(runs):
        started = time.perf_counter()
        act_on(connection, ACT, DATES[index % len(DATES)])
        timings.append(time.perf_counter() - started)
    return timings


def time_http(db_path: Path, runs: int) -> list[float]:
    timings = []
    with running_server(db_path, ROOT / "corpus") as base:
        for index in range(runs):
            url = f"{base}/-/at/{ACT}.json?date={DATES[index % len(DATES)]}"
            started = time.perf_counter()
            with urllib.request.urlopen(url) as response:
                response.read()
            timings.append(time.perf_counter() - started)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--markdown", type=Path, help="also write the table to this Markdown file")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "laws.db"
        build(ROOT / "corpus", db_path)
        direct = time_direct(db_path, arguments.runs)
        http = time_http(db_path, arguments.runs)
    lines = [
        f"Point-in-time answers for {ACT} (seed 003, 516 provisions), {len(DATES)} dates in turn,",
        f"{arguments.runs} runs each; machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}.",
        "",
        "| path | runs | median ms | p95 ms |",
        "|---|---|---|---|",
        summary("db.queries.act_on (zan at, in process)", direct),
        summary("GET /-/at/{act}.json on zan serve", http),
    ]
    print("\n".join(lines))
    if arguments.markdown:
        page = "# Point-in-time benchmark\n\nCommand: `python benchmarks/at_bench.py --runs " + str(arguments.runs) + "`\n\n" + "\n".join(lines) + "\n"
        arguments.markdown.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
