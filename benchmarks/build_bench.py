"""Benchmark: how fast ``db.build`` turns a corpus into a database, and in how much memory.

For each corpus size the seed texts are copied under distinct identities (see
``make_corpus.py``) into ``benchmarks/out/`` (git-ignored), then ``db.build`` runs
``--repeat`` times, each run in a fresh Python process so that one run's memory cannot
leak into the next one's figures. A run reports JSON: the wall time of ``db.build``
alone (interpreter start and imports are not counted), its peak resident memory, and
the counts of what it stored.

With ``--acts N`` the corpus is N acts made by ``make_corpus.make_acts`` instead (mixed
by count, citing each other), built with ``--workers`` processes (default: one per
CPU); a run then also reports the peak memory of the worker processes and the size of
the parse cache, and every run starts with no database and no cache.

Usage::

    python benchmarks/build_bench.py                      # sizes 100 and 400 copies, 3 runs each
    python benchmarks/build_bench.py --copies 200 --repeat 3
    python benchmarks/build_bench.py --markdown docs/benchmarks.md --profile
    nice -n 10 python benchmarks/build_bench.py --acts 2000 --repeat 3 --out /tmp/zan-bench

This is a benchmark, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
MB = 1_000_000

if str(ROOT) not in sys.path:  # run as a script: make `benchmarks`, `db` and `parser` importable
    sys.path.insert(0, str(ROOT))

#: What a child process runs: one build, its measurements printed as JSON.
RUN_ONE = (
    "import json, sys\n"
    "from benchmarks.build_bench import measure_build\n"
    "print(json.dumps(measure_build(sys.argv[1], sys.argv[2], *map(int, sys.argv[3:]))))\n"
)

#: What the profiling child runs: one build under cProfile, a report printed as text.
PROFILE_ONE = (
    "import sys\n"
    "from benchmarks.build_bench import profile_build\n"
    "print(profile_build(sys.argv[1], sys.argv[2], int(sys.argv[3])))\n"
)


# -- In the child process ---------------------------------------------------------


def _peak_rss_bytes(who: int | None = None) -> int:
    """The peak resident set size so far (Linux reports it in KiB) of this process, or
    with ``resource.RUSAGE_CHILDREN`` of the largest of its finished children."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF if who is None else who).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def measure_build(corpus: str, db_path: str, workers: int = 1) -> dict:
    """Build `db_path` from `corpus` once, from nothing (no database, no parse cache),
    with `workers` processes, and measure it. Meant for a fresh process."""
    import resource
    import time

    from db.load import build, default_cache

    Path(db_path).unlink(missing_ok=True)
    default_cache(Path(db_path)).unlink(missing_ok=True)
    rss_before = _peak_rss_bytes()
    wall_start, cpu_start = time.perf_counter(), time.process_time()
    summary = build(Path(corpus), Path(db_path), workers=workers)
    seconds, cpu_seconds = time.perf_counter() - wall_start, time.process_time() - cpu_start
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_rss = _peak_rss_bytes()
    with sqlite3.connect(db_path) as conn:
        duplicates = conn.execute("select count(*) from problems where kind = 'duplicate_act'").fetchone()[0]
    cache = default_cache(Path(db_path))
    return {
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "worker_cpu_seconds": children.ru_utime + children.ru_stime,
        "workers": workers,
        "rss_before_bytes": rss_before,
        "peak_rss_bytes": peak_rss,
        "worker_peak_rss_bytes": _peak_rss_bytes(resource.RUSAGE_CHILDREN) if workers > 1 else 0,
        "cache_bytes": cache.stat().st_size if cache.exists() else 0,
        "documents": summary.documents,
        "acts": summary.acts,
        "provisions": summary.provisions,
        "source_bytes": summary.source_bytes,
        "db_bytes": Path(db_path).stat().st_size,
        "duplicate_acts": duplicates,
    }


def profile_build(corpus: str, db_path: str, top: int) -> str:
    """Build once under cProfile; report where the time goes as Markdown."""
    import cProfile
    import pstats

    from db.load import build

    Path(db_path).unlink(missing_ok=True)
    profiler = cProfile.Profile()
    profiler.runcall(build, Path(corpus), Path(db_path), workers=1, cache=False)  # parse in this process, to see it
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]

    def short(function: tuple[str, int, str]) -> str:
        filename, line, name = function
        if filename == "~":  # a builtin, e.g. "<method 'search' of 're.Pattern' objects>"
            return name
        for prefix in (str(ROOT) + os.sep, "site-packages" + os.sep):
            if prefix in filename:
                filename = filename.split(prefix, 1)[1]
        return f"{filename}:{line}({name})"

    def cumulative(path_end: str, name: str) -> float:
        for (filename, _, function), row in stats.stats.items():  # type: ignore[attr-defined]
            if filename.endswith(path_end) and function == name:
                return row[3]
        return 0.0

    lines = [f"Profiled build: {total:.2f} s under cProfile (profiling slows it down).", ""]
    lines.append("| stage | cumulative s | share |")
    lines.append("|---|---:|---:|")
    stages = [
        ("parse (`parser.parse_bytes`)", cumulative("parser/__init__.py", "parse_bytes")),
        ("find citations (`db.rows._citation_rows`)", cumulative("db/rows.py", "_citation_rows")),
        ("make rows (`db.rows.act_rows`)", cumulative("db/rows.py", "act_rows")),
        ("store rows (`Store.add`)", cumulative("db/store.py", "add")),
        ("indexes + FTS (`finish_schema`)", cumulative("db/schema.py", "finish_schema")),
    ]
    for stage, seconds in stages:
        lines.append(f"| {stage} | {seconds:.2f} | {seconds / total:.0%} |")
    lines += ["", f"Top {top} functions by own time:", "", "| own s | calls | function |", "|---:|---:|---|"]
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)  # type: ignore[attr-defined]
    for function, (_, calls, own, _, _) in rows[:top]:
        lines.append(f"| {own:.2f} | {calls} | `{short(function)}` |")
    return "\n".join(lines)


# -- In the parent process --------------------------------------------------------


@dataclass
class SizeResult:
    """Every run of one corpus size."""

    copies: int
    runs: list[dict]

    @property
    def times(self) -> list[float]:
        return [run["seconds"] for run in self.runs]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        return nearest_rank(self.times, 0.95)

    @property
    def first(self) -> dict:
        return self.runs[0]

    @property
    def peak_rss(self) -> int:
        return max(run["peak_rss_bytes"] for run in self.runs)

    @property
    def rss_before(self) -> int:
        return max(run["rss_before_bytes"] for run in self.runs)


def nearest_rank(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile: with fewer than 20 values, p95 is the largest."""
    ordered = sorted(values)
    rank = max(math.ceil(fraction * len(ordered)), 1)
    return ordered[rank - 1]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_child(code: str, *args: str) -> str:
    """Run `code` in a fresh interpreter and return what it printed."""
    completed = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, env=_child_env(), capture_output=True, text=True
    )
    if completed.returncode != 0:
        raise RuntimeError(f"benchmark child failed:\n{completed.stderr}")
    return completed.stdout


def prepare_corpus(copies: int) -> Path:
    """A fresh generated corpus of `copies` copies of each seed, under `OUT`."""
    from benchmarks.make_corpus import make_corpus

    corpus = OUT / f"copies-{copies}" / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    make_corpus(ROOT / "corpus", corpus, copies)
    return corpus


def bench_size(copies: int, repeat: int) -> SizeResult:
    corpus = prepare_corpus(copies)
    db_path = corpus.parent / "zan.db"
    runs = []
    for number in range(1, repeat + 1):
        # Flush the corpus just written and the last run's database to disk first: on
        # ext4 a build's fsync would otherwise wait for those writes too.
        os.sync()
        run = json.loads(run_child(RUN_ONE, str(corpus), str(db_path)))
        print(f"  {copies} copies, run {number}/{repeat}: {run['seconds']:.2f} s", file=sys.stderr)
        runs.append(run)
    return SizeResult(copies, runs)


def prepare_acts(acts: int, out: Path) -> Path:
    """A corpus of `acts` generated acts under `out` (kept: generating 100,000 takes minutes)."""
    from benchmarks.make_corpus import make_acts

    corpus = out / f"acts-{acts}" / "corpus"
    if not (corpus.is_dir() and sum(1 for _ in corpus.rglob("*.txt")) == acts):
        shutil.rmtree(corpus, ignore_errors=True)
        make_acts(ROOT / "corpus", corpus, acts)
    return corpus


def bench_acts(acts: int, repeat: int, workers: int, out: Path) -> list[dict]:
    """`repeat` builds from nothing of `acts` generated acts with `workers` processes."""
    corpus = prepare_acts(acts, out)
    db_path = corpus.parent / "laws.db"
    runs = []
    for number in range(1, repeat + 1):
        os.sync()
        run = json.loads(run_child(RUN_ONE, str(corpus), str(db_path), str(workers)))
        print(f"  {acts} acts, {workers} workers, run {number}/{repeat}: {run['seconds']:.1f} s", file=sys.stderr)
        runs.append(run)
    return runs


def acts_table(rows: list[tuple[int, list[dict]]]) -> str:
    """One line per corpus size of generated acts: speed, memory and sizes."""
    header = [
        "acts", "workers", "source MB", "runs", "median s", "p95 s", "MB/s", "MB/s per core", "acts/s",
        "peak RSS main MB", "peak RSS worker MB", "DB MB", "cache MB",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header)]
    cores = os.cpu_count() or 1
    for acts, runs in rows:
        times = [run["seconds"] for run in runs]
        median, first = statistics.median(times), runs[0]
        source_mb = first["source_bytes"] / MB
        cells = [
            f"{acts:,}", str(first["workers"]), f"{source_mb:.0f}", str(len(runs)), f"{median:.1f}",
            f"{nearest_rank(times, 0.95):.1f}", f"{source_mb / median:.2f}",
            f"{source_mb / median / min(first['workers'], cores):.2f}", f"{first['acts'] / median:.1f}",
            f"{max(r['peak_rss_bytes'] for r in runs) / MB:.0f}", f"{max(r['worker_peak_rss_bytes'] for r in runs) / MB:.0f}",
            f"{first['db_bytes'] / MB:,.0f}", f"{first['cache_bytes'] / MB:,.0f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> dict[str, str]:
    """What the figures were measured on, read before the runs."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlite-utils": metadata.version("sqlite-utils"),
        "load": " ".join(f"{load:.2f}" for load in os.getloadavg()),
        "code": code_version(),
    }


def code_version() -> str:
    """The commit measured, and whether `parser/` or `db/` differed from it."""

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        changed = git("status", "--porcelain", "--untracked-files=no", "--", "parser", "db")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"commit {commit}" + (", with uncommitted changes in parser/ or db/" if changed else "")


def results_table(results: list[SizeResult]) -> str:
    header = [
        "copies", "documents", "source MB", "DB MB", "runs", "median s", "p95 s",
        "MB/s", "acts/s", "RSS before build MB", "peak RSS MB",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header)]
    for result in results:
        first = result.first
        source_mb = first["source_bytes"] / MB
        cells = [
            str(result.copies),
            str(first["documents"]),
            f"{source_mb:.1f}",
            f"{first['db_bytes'] / MB:.1f}",
            str(len(result.runs)),
            f"{result.median:.2f}",
            f"{result.p95:.2f}",
            f"{source_mb / result.median:.2f}",
            f"{first['acts'] / result.median:.0f}",
            f"{result.rss_before / MB:.0f}",
            f"{result.peak_rss / MB:.0f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def notes(results: list[SizeResult]) -> list[str]:
    """Plain sentences under the table: how p95 was taken, memory against corpus size."""
    runs = min(len(result.runs) for result in results)
    said = [
        "MB = 10^6 bytes of source text. MB/s and acts/s are taken at the median time, on one core "
        "(the build is a single process). p95 is the nearest-rank percentile"
        + (f"; with {runs} runs per size it is simply the slowest run." if runs < 20 else ".")
    ]
    cpu_share = [sum(r["cpu_seconds"] for r in x.runs) / sum(x.times) for x in results]
    said.append(f"CPU time / wall time of the build: {', '.join(f'{share:.0%}' for share in cpu_share)}.")
    smallest, largest = results[0], results[-1]
    if largest.copies != smallest.copies:
        factor = largest.first["source_bytes"] / smallest.first["source_bytes"]
        growth = (largest.peak_rss - smallest.peak_rss) / MB
        said.append(
            f"Memory against corpus size: a {factor:.1f}× larger corpus "
            f"({smallest.copies} → {largest.copies} copies) changes peak RSS by {growth:+.0f} MB "
            f"({smallest.peak_rss / MB:.0f} → {largest.peak_rss / MB:.0f} MB)."
        )
    duplicates = sum(run["duplicate_acts"] for result in results for run in result.runs)
    if duplicates:
        said.append(f"WARNING: {duplicates} generated documents collided on an act id (duplicate_act).")
    return said


def markdown_page(results: list[SizeResult], command: str, info: dict[str, str], profile: str | None) -> str:
    lines = [
        "# Build benchmark",
        "",
        "How fast `zan build` (`db.build` in `db/load.py`) parses a corpus and stores it in",
        "SQLite, and how much memory it needs. The corpus is the five real Adilet texts of",
        "`corpus/` copied many times, each copy with its own registration and act number so",
        "that every copy is a distinct act (`benchmarks/make_corpus.py`). Each run is one",
        "complete build — parse, insert, indexes, full-text search, `VACUUM` — in a fresh",
        "Python process; the time is that of `db.build` alone, with the source files in the OS",
        "cache and pending writes flushed (`sync`) before each run. Peak memory is the",
        "process's peak resident set size (`ru_maxrss`); \"RSS before build\" is the same",
        "figure after Python and the `db`/`parser` imports.",
        "",
        f"Machine: {info['cpu']}, {info['cores']} cores; {info['os']}; Python {info['python']}, "
        f"SQLite {info['sqlite']}, sqlite-utils {info['sqlite-utils']}. "
        f"Load average before the runs: {info['load']}.",
        "",
        f"Code: {info['code']}.",
        "",
        "Command:",
        "",
        "```",
        command,
        "```",
        "",
        results_table(results),
        "",
    ]
    lines += [f"- {sentence}" for sentence in notes(results)]
    if profile:
        lines += ["", "## Where the time goes", "", profile]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description="Benchmark the build speed of the parser and the store.")
    options.add_argument("--sizes", default="100,400", help="corpus sizes in copies of each seed (default: 100,400)")
    options.add_argument("--copies", type=int, help="a single corpus size; overrides --sizes")
    options.add_argument("--repeat", type=int, default=3, help="builds per size, each in a fresh process (default: 3)")
    options.add_argument("--markdown", type=Path, help="also write the results as a Markdown page to this file")
    options.add_argument("--profile", action="store_true", help="also profile one build of the smallest size")
    options.add_argument("--top", type=int, default=10, help="functions to list when profiling (default: 10)")
    options.add_argument("--acts", help="generated acts instead of copies, e.g. 2000 or 2000,100000 (make_acts)")
    options.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="with --acts: parsing processes (default: one per CPU)")
    options.add_argument("--out", type=Path, default=OUT, help="with --acts: folder for the corpora and databases (default: benchmarks/out)")
    args = options.parse_args(argv)
    if args.acts:
        info = machine()
        print(f"{info['cpu']}, {info['cores']} cores, load {info['load']}, {info['code']}", file=sys.stderr)
        rows = [(acts, bench_acts(acts, args.repeat, args.workers, args.out)) for acts in map(int, args.acts.split(","))]
        print(acts_table(rows))
        for acts, runs in rows:
            print(f"{acts} acts: " + json.dumps(runs))
        return

    info = machine()  # before the runs: the load and the working tree may change during them
    sizes = [args.copies] if args.copies else [int(size) for size in args.sizes.split(",")]
    results = [bench_size(copies, args.repeat) for copies in sorted(sizes)]
    profile = None
    if args.profile:
        corpus = OUT / f"copies-{min(sizes)}" / "corpus"
        profile = run_child(PROFILE_ONE, str(corpus), str(corpus.parent / "profile.db"), str(args.top)).strip()

    command = "python benchmarks/build_bench.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    print(results_table(results))
    print()
    for sentence in notes(results):
        print(f"- {sentence}")
    if profile:
        print()
        print(profile)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(markdown_page(results, command.strip(), info, profile), encoding="utf-8")
        print(f"\nwrote {args.markdown}", file=sys.stderr)


if __name__ == "__main__":
    main()
