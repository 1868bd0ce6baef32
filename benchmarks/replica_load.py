"""Two `zan serve` replicas on one database file under concurrent load, on loopback.

Starts two real `zan serve` processes on the same (already built) database, each on its
own port, and runs one `wrk` (Debian: ``apt-get install wrk``) against each at the same
time: the two wrk processes split the load evenly, as a round-robin load balancer in
front of the replicas would. Every connection cycles through the same mix of requests
(act pages, point-in-time JSON and searches over acts sampled across the database).
Reports per replica and in total: requests per second, median / p95 / p99 latency and
errors (failed connections, timeouts and non-2xx answers).

    python benchmarks/replica_load.py --db /tmp/zb/acts-100000/laws.db --duration 30 --connections 4

wrk measures latency from the moment it sends each request; it is a closed loop (a
connection sends its next request when the last one is answered), so the figures are
those of a saturated site, not of an open stream of visitors. This is a benchmark, not a
test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.query_bench import sample_acts, serve_options  # noqa: E402
from zan.testing import running_server  # noqa: E402

SEARCHES = ["бұйрық", "медициналық оңалту", "психотерапия"]
DATE = "2016-01-01"

#: The wrk script: cycle through PATHS; at the end print the figures as one JSON line.
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p95_us": %%d, "p99_us": %%d, "max_us": %%d, ' ..
    '"errors_connect": %%d, "errors_read": %%d, "errors_write": %%d, "errors_status": %%d, "errors_timeout": %%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
"""


def request_mix(db_path: Path, acts: int, searches: bool = True) -> list[str]:
    """Paths for `acts` acts spread over the database: each act's page and its
    point-in-time JSON, and (with `searches`) a search with a date after every act."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        ids = [act_id for act_id, _ in sample_acts(connection, acts)]
    finally:
        connection.close()
    paths = []
    for index, act_id in enumerate(ids):
        quoted = urllib.parse.quote(act_id, safe="")
        query = urllib.parse.quote(SEARCHES[index % len(SEARCHES)])
        paths += [f"/-/acts/{quoted}", f"/-/at/{quoted}.json?date={DATE}"]
        if searches:
            paths.append(f"/-/search.json?q={query}&date={DATE}")
    return paths


def run_wrk(base: str, script: Path, duration: int, connections: int) -> subprocess.Popen:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(script), base]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def figures(process: subprocess.Popen) -> dict:
    out, err = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"wrk failed: {err or out}")
    return json.loads(out.strip().splitlines()[-1])


def report(results: list[dict]) -> str:
    header = ["replica", "requests", "req/s", "median ms", "p95 ms", "p99 ms", "max ms", "errors"]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for number, result in enumerate(results, start=1):
        errors = sum(value for key, value in result.items() if key.startswith("errors_"))
        seconds = result["duration_us"] / 1e6
        lines.append(
            f"| {number} | {result['requests']:,} | {result['requests'] / seconds:.1f} | {result['p50_us'] / 1000:.1f} | "
            f"{result['p95_us'] / 1000:.1f} | {result['p99_us'] / 1000:.1f} | {result['max_us'] / 1000:.1f} | {errors} |"
        )
    requests = sum(result["requests"] for result in results)
    seconds = max(result["duration_us"] for result in results) / 1e6
    errors = sum(value for result in results for key, value in result.items() if key.startswith("errors_"))
    lines.append(f"| both | {requests:,} | {requests / seconds:.1f} | | | | | {errors} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--db", type=Path, required=True, help="a built database (both replicas serve this one file)")
    options.add_argument("--duration", type=int, default=30, help="seconds of load (default: 30)")
    options.add_argument("--connections", type=int, default=4, help="open connections per replica (default: 4)")
    options.add_argument("--acts", type=int, default=50, help="acts sampled for the request mix (default: 50)")
    options.add_argument("--no-search", action="store_true", help="leave searches out of the mix")
    options.add_argument(
        "--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"), help="a Datasette setting for both replicas"
    )
    args = options.parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt-get install wrk)")
    paths = request_mix(args.db, args.acts, searches=not args.no_search)
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        script = Path(scratch) / "mix.lua"
        script.write_text(LUA % ", ".join(json.dumps(path) for path in paths), encoding="utf-8")
        # The corpus folder does not exist: the servers serve the database as it is.
        bases = [stack.enter_context(running_server(args.db, Path(scratch) / "no-corpus", options=serve_options(args.setting))) for _ in range(2)]
        for base in bases:  # one untimed pass, so both replicas have the pages' SQL warm
            subprocess.run(["wrk", "-t1", "-c1", "-d2s", "-s", str(script), base], capture_output=True, check=True)
        processes = [run_wrk(base, script, args.duration, args.connections) for base in bases]
        results = [figures(process) for process in processes]
    print(f"{len(paths)} paths in the mix, {args.connections} connections per replica, {args.duration} s")
    print(report(results))


if __name__ == "__main__":
    main()
