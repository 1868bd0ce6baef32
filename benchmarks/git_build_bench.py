"""Benchmark: ``zan build`` of generated bank repositories, from scratch and after new commits.

Each size of ``--acts N1 N2 …`` is measured side by side in one run, on the repository
`benchmarks/make_git_corpus.py` makes of it (``--repo`` one per size; made when missing).
Each run clones it (hard links: cheap) into a corpus folder of its own and runs ``zan
build`` there as a user would, each build a separate process:

1. **scratch, W workers**: no database, for each W of ``--workers W1 W2 …``: every
   version parsed; ``--no-cache``, except at the last W, which writes the parse cache (a
   user's first build; it is what the update reuses);
2. **+K commits**: ``make_git_corpus.py --more K`` appends K commits to the clone (the
   ``git pull``), then ``zan build`` on the same database with the parse cache: the
   update (`db.incremental`);
3. **plain files**: the same acts' texts at the repository's last commit written as
   plain files (``git archive``) and built as a corpus without git, at the last W: what
   the parser and the store do with one version per act, for comparison.

Each build is measured:

- wall time, and the CPU time (user + sys) of the whole process tree: the delta of
  ``getrusage(RUSAGE_CHILDREN)`` around it (workers and git included, once reaped);
- peak resident memory: of the main process and of the largest worker and git process,
  read from ``/proc/PID/status`` ``VmHWM`` (the kernel's own high-water mark) every
  0.2 s — a process's growth in its last 0.2 s can be missed; and the tree's largest
  process from ``/usr/bin/time -v`` (its ``Maximum resident set size`` is the largest
  single process among all it waited for, not a sum);
- the database: its size, the size of each table (sqlite's ``dbstat``, indexes and the
  search index's shadow tables counted with their table), and the bytes of the distinct
  texts it holds, two ways: (a) distinct values across the whole database and (b)
  distinct per act ((act_id, text) pairs), of ``version_provisions`` text, raw text and
  headings and of ``notes`` text and raw text, each column on its own; then the ratio
  database size / distinct text (issue 16's target: at most 3);
- throughput: MB of distinct text (a) per CPU second — the issue's "per core" — and per
  wall second; and MB of act files over the history read (every file a commit wrote, as
  ``git log --raw --no-renames`` lists them) per CPU second;
- the build's summary line (asked in Russian, ``--lang ru``, and read with the
  catalogue's own templates, `zan.messages`), and what it says is new (commits, acts).

Only ``acts``, ``versions``, ``version_provisions`` and ``notes`` are queried by name
(they stay readable by those names whatever tables hold the texts), and a column that
is gone is reported missing rather than failing.

The Markdown table gives each figure's median, and p95 in brackets when ``--runs`` > 1,
a column per build of each size.

Usage::

    python benchmarks/git_build_bench.py --acts 200 --repo /work/bench/git-200 --workers 1 2
    nice -n 10 python benchmarks/git_build_bench.py --acts 1000 10000 --repo /work/bench/git-1k /work/bench/git-10k --workers 1 2 --json /tmp/gb.json

Where the time goes: ``python -m cProfile -o /tmp/build.prof -m zan build --corpus
DIR --db DB --workers 1`` (one process parses and stores, so the profile sees both).

This is a benchmark, not a test: it asserts nothing about speed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.make_git_corpus import append, make  # noqa: E402
from zan import messages  # noqa: E402

MB = 1_000_000
TIME = Path("/usr/bin/time")
BRANCH = "main"

#: The texts a database holds, by the names that stay readable: (table, column).
TEXT_COLUMNS = (
    ("version_provisions", "text"),
    ("version_provisions", "raw_text"),
    ("version_provisions", "heading"),
    ("notes", "text"),
    ("notes", "raw_text"),
)

#: The language the builds are asked to speak (``--lang``); their summary line is read
#: with that language's templates of the catalogue.
LANG = "ru"


def _template(key: str) -> re.Pattern:
    """A message of the catalogue as a pattern: its numbers as named groups."""
    template = messages.get_language(LANG).MESSAGES[key]
    parts = re.split(r"{(\w+)}", template)
    return re.compile("".join(re.escape(part) if index % 2 == 0 else rf"(?P<{part}>\d+)" for index, part in enumerate(parts)))


_NEW = [_template("build_new_touched"), _template("build_new_reparsed")]
_PARSED = _template("build_counts")
_READ = _template("build_repositories")


# --------------------------------------------------------------------------- memory


@dataclass
class PeakMemory:
    """The largest ``VmHWM`` seen of each kind of process in a build's tree (bytes)."""

    main: int = 0
    worker: int = 0
    git: int = 0
    processes: int = 0  # distinct processes seen


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        parent = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    return children


def _descendants(root: int) -> list[int]:
    children = _children_map()
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def _high_water(pid: int) -> tuple[int, str] | None:
    """The process's peak resident memory (bytes) and its command line."""
    try:
        with open(f"/proc/{pid}/status") as handle:
            status = handle.read()
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            command = handle.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return (int(match[1]) * 1024, command) if match else None


class MemorySampler(threading.Thread):
    """Samples the tree under `root` every `interval` seconds until `stop`. The main
    process is `root` itself, or its child when `root` is ``/usr/bin/time``."""

    def __init__(self, root: int, timed: bool, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.root, self.timed, self.interval = root, timed, interval
        self.peaks = PeakMemory()
        self.seen: set[int] = set()
        self.finished = threading.Event()

    def run(self) -> None:
        while not self.finished.is_set():
            self.sample()
            self.finished.wait(self.interval)

    def sample(self) -> None:
        pids = _descendants(self.root)
        main = next((pid for pid in pids[1:] if pid != self.root), None) if self.timed else self.root
        for pid in pids:
            if self.timed and pid == self.root:
                continue
            seen = _high_water(pid)
            if seen is None:
                continue
            self.seen.add(pid)
            peak, command = seen
            if pid == main:
                self.peaks.main = max(self.peaks.main, peak)
            elif command.startswith("git") or "/git " in command or command.split(" ", 1)[0].endswith("/git"):
                self.peaks.git = max(self.peaks.git, peak)
            else:
                self.peaks.worker = max(self.peaks.worker, peak)
        self.peaks.processes = len(self.seen)

    def stop(self) -> PeakMemory:
        self.finished.set()
        self.join()
        return self.peaks


# --------------------------------------------------------------------------- one build


@dataclass
class BuildRun:
    """What one ``zan build`` took and said."""

    wall_seconds: float
    cpu_seconds: float  # user + sys of the whole tree
    peaks: PeakMemory
    tree_max_rss: int | None  # /usr/bin/time -v: the largest process of the tree
    line: str  # the summary line
    commits_read: int | None = None
    new_commits: int | None = None
    acts_touched: int | None = None  # the acts the new commits touched (an update: stored again)
    parsed: int | None = None
    reused: int | None = None


def build_command(corpus: Path, db: Path, *, workers: int | None, no_cache: bool) -> list[str]:
    command = [sys.executable, "-m", "zan", "build", "--corpus", str(corpus), "--db", str(db), "--lang", LANG]
    if workers:
        command += ["--workers", str(workers)]
    return command + (["--no-cache"] if no_cache else [])


def run_build(corpus: Path, db: Path, *, workers: int | None = None, no_cache: bool) -> BuildRun:
    """Run ``zan build`` in its own process and measure it."""
    command = build_command(corpus, db, workers=workers, no_cache=no_cache)
    timed = TIME.exists()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        if timed:
            command = [str(TIME), "-v", "-o", report.name, *command]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        sampler = MemorySampler(process.pid, timed)
        sampler.start()
        out, err = process.communicate()
        wall = time.perf_counter() - started
        peaks = sampler.stop()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if process.returncode != 0:
            raise RuntimeError(f"zan build failed ({process.returncode}): {err[-2000:]}")
        tree_max = _time_max_rss(Path(report.name).read_text()) if timed else None
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return BuildRun(wall, cpu, peaks, tree_max, **parse_summary(out))


def _time_max_rss(report: str) -> int | None:
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    return int(match[1]) * 1024 if match else None


def parse_summary(output: str) -> dict:
    """The build's summary line (``DB: <the catalogue's build_counts> …``) and the counts it gives."""
    lines = [line for line in output.splitlines() if _PARSED.search(line)]
    line = lines[-1] if lines else (output.strip().splitlines() or [""])[0]
    found: dict = {"line": line}
    for pattern in _NEW:
        if match := pattern.search(line):
            found["new_commits"], found["acts_touched"] = int(match["commits"]), int(match["acts"])
    if match := _READ.search(line):
        found["commits_read"] = int(match["commits"])
    if match := _PARSED.search(line):
        found["parsed"], found["reused"] = int(match["parsed"]), int(match["reused"])
    return found


# --------------------------------------------------------------------------- the database


@dataclass
class DatabaseFigures:
    bytes: int
    tables: dict[str, int]  # table -> bytes, its indexes included
    acts: int
    versions: int
    distinct: dict[str, int | None]  # "table.column" -> bytes of its distinct values (None: missing)
    distinct_per_act: dict[str, int | None]  # the same, distinct per act
    distinct_bytes: int = 0
    distinct_per_act_bytes: int = 0
    ratio: float | None = None  # database bytes / distinct text (a)
    ratio_per_act: float | None = None  # database bytes / distinct text (b)


def database_bytes(db: Path) -> int:
    """The database's size on disk, its write-ahead log included if any."""
    return sum(path.stat().st_size for path in (db, db.with_name(db.name + "-wal")) if path.exists())


def table_sizes(conn: sqlite3.Connection) -> dict[str, int]:
    """Bytes per table (sqlite's ``dbstat``): an index counted with its table, a virtual
    table's shadow tables (``provisions_fts_data``, …) with the virtual table."""
    owners = dict(conn.execute("select name, tbl_name from sqlite_master where type in ('table', 'index')"))
    virtual = [name for (name,) in conn.execute("select name from sqlite_master where type = 'table' and sql like 'create virtual table%'")]
    sizes: dict[str, int] = {}
    for name, size in conn.execute("select name, sum(pgsize) from dbstat group by name"):
        table = owners.get(name, name)
        table = next((v for v in virtual if table.startswith(f"{v}_")), table)
        sizes[table] = sizes.get(table, 0) + size
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))


def distinct_text_bytes(conn: sqlite3.Connection, table: str, column: str, *, per_act: bool) -> int | None:
    """The UTF-8 bytes of the distinct values of `table`.`column` (per act: of the
    distinct (act_id, value) pairs); None when the column is not there."""
    key = f"act_id, {column}" if per_act else column
    try:
        (size,) = conn.execute(
            f"select coalesce(sum(length(cast({column} as blob))), 0) from "
            f"(select distinct {key} from {table} where {column} is not null)"
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    return size


def _count(conn: sqlite3.Connection, table: str) -> int:
    try:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def measure_database(db: Path) -> DatabaseFigures:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        size = database_bytes(db)
        names = [f"{table}.{column}" for table, column in TEXT_COLUMNS]
        distinct = {name: distinct_text_bytes(conn, *pair, per_act=False) for name, pair in zip(names, TEXT_COLUMNS)}
        per_act = {name: distinct_text_bytes(conn, *pair, per_act=True) for name, pair in zip(names, TEXT_COLUMNS)}
        figures = DatabaseFigures(size, table_sizes(conn), _count(conn, "acts"), _count(conn, "versions"), distinct, per_act)
    finally:
        conn.close()
    figures.distinct_bytes = sum(v for v in distinct.values() if v)
    figures.distinct_per_act_bytes = sum(v for v in per_act.values() if v)
    figures.ratio = size / figures.distinct_bytes if figures.distinct_bytes else None
    figures.ratio_per_act = size / figures.distinct_per_act_bytes if figures.distinct_per_act_bytes else None
    return figures


# --------------------------------------------------------------------------- the repository


def history_bytes(repository: Path, since: str | None = None) -> int:
    """The bytes of every act file each commit wrote (after `since`, if given): what a
    build reads of the history, unchanged files of a version aside."""
    revisions = f"{since}..{BRANCH}" if since else BRANCH
    log = subprocess.run(
        ["git", "-C", str(repository), "log", "--raw", "--no-renames", "--no-abbrev", "--format=", "-r", revisions],
        check=True, capture_output=True, text=True,
    ).stdout
    blobs = [fields[3] for fields in (line.split() for line in log.splitlines() if line.startswith(":")) if set(fields[3]) != {"0"}]
    if not blobs:
        return 0
    sizes = subprocess.run(
        ["git", "-C", str(repository), "cat-file", "--batch-check=%(objectsize)"],
        input="\n".join(blobs) + "\n", check=True, capture_output=True, text=True,
    ).stdout
    return sum(int(size) for size in sizes.split())


def head(repository: Path) -> str:
    return subprocess.run(["git", "-C", str(repository), "rev-parse", BRANCH], check=True, capture_output=True, text=True).stdout.strip()


# --------------------------------------------------------------------------- a run


@dataclass
class Phase:
    """One measured build of a run."""

    name: str
    build: BuildRun
    history_bytes: int  # act files the build had to read that are new to it
    database: DatabaseFigures | None = None
    figures: dict[str, float | None] = field(default_factory=dict)
    from_scratch: bool = True  # built every text it holds (else: only the new commits')


def rates(phase: Phase) -> dict[str, float | None]:
    """MB/s of distinct text (a build from scratch) and of the act files it read, per
    CPU second and per wall second."""
    build, database = phase.build, phase.database
    distinct = database.distinct_bytes if database and phase.from_scratch else None
    return {
        "distinct_mb_per_cpu_s": distinct / MB / build.cpu_seconds if distinct and build.cpu_seconds else None,
        "distinct_mb_per_wall_s": distinct / MB / build.wall_seconds if distinct else None,
        "history_mb_per_cpu_s": phase.history_bytes / MB / build.cpu_seconds if build.cpu_seconds else None,
    }


def one_run(base: Path, workdir: Path, *, acts: int, seed: int, more: int, workers: list[int], plain: bool = True) -> list[Phase]:
    """Clone `base` and build it from scratch at each number of `workers` (the last
    writing the parse cache), append `more` commits and update, then (`plain`) build the
    same acts' last texts as plain files."""
    if workdir.exists():
        shutil.rmtree(workdir)
    corpus = workdir / "corpus"
    corpus.mkdir(parents=True)
    repository = corpus / "bank.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(base), str(repository)], check=True)
    db = workdir / "zan.db"
    phases, read = [], history_bytes(repository)
    for index, count in enumerate(workers):
        last = index == len(workers) - 1
        db.unlink(missing_ok=True)  # from nothing each time: a database there would make it an update
        name = f"scratch, {count} worker{'s' if count > 1 else ''}" + (", writing the cache" if last else "")
        scratch = Phase(name, run_build(corpus, db, workers=count, no_cache=not last), read)
        scratch.database = measure_database(db)
        phases.append(scratch)
    old_head = head(repository)
    append(repository, acts=acts, more=more, seed=seed)
    later = Phase(f"+{more} commits", run_build(corpus, db, workers=workers[-1], no_cache=False), history_bytes(repository, old_head))
    later.database, later.from_scratch = measure_database(db), False
    phases.append(later)
    if plain:
        files_corpus = write_plain_corpus(repository, workdir / "plain" / "corpus")
        plain_db = workdir / "plain" / "zan.db"
        files = Phase("plain files", run_build(files_corpus, plain_db, workers=workers[-1], no_cache=True), tree_bytes(files_corpus))
        files.database = measure_database(plain_db)
        phases.append(files)
    for phase in phases:
        phase.figures = rates(phase)
    return phases


def write_plain_corpus(repository: Path, folder: Path) -> Path:
    """The acts' files at the repository's last commit, written as a plain corpus (no
    git): each act's folder with its ``meta.yaml`` and language texts."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(repository), "archive", BRANCH], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def tree_bytes(folder: Path) -> int:
    """The bytes of the files under `folder` (metas included, as `history_bytes` counts
    every file a commit wrote)."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


# --------------------------------------------------------------------------- report


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _flat(phase: Phase) -> dict[str, float | None]:
    """The figures of a phase a table row shows, in display units."""
    build, database = phase.build, phase.database
    row: dict[str, float | None] = {
        "wall s": build.wall_seconds,
        "CPU s (user+sys, tree)": build.cpu_seconds,
        "peak RSS main MB": build.peaks.main / MB,
        "peak RSS largest worker MB": build.peaks.worker / MB if build.peaks.worker else None,
        "peak RSS largest git MB": build.peaks.git / MB if build.peaks.git else None,
        "peak RSS tree max MB (time -v)": build.tree_max_rss / MB if build.tree_max_rss else None,
        "act files read MB": phase.history_bytes / MB,
        "act files MB per CPU s": phase.figures.get("history_mb_per_cpu_s"),
        "texts parsed": build.parsed,
        "acts the new commits touched (an update: stored again)": build.acts_touched,
    }
    if database:
        row |= {
            "acts": database.acts,
            "versions": database.versions,
            "database MB": database.bytes / MB,
            "distinct text MB (a: whole DB)": database.distinct_bytes / MB,
            "distinct text MB (b: per act)": database.distinct_per_act_bytes / MB,
            "DB / distinct text (a)": database.ratio,
            "DB / distinct text (b)": database.ratio_per_act,
            "distinct MB per CPU s": phase.figures.get("distinct_mb_per_cpu_s"),
            "distinct MB per wall s": phase.figures.get("distinct_mb_per_wall_s"),
        }
    return row


def _cell(values: list[float | None]) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return "—"
    shown = "{:,}" if all(isinstance(v, int) for v in present) else "{:.2f}"  # counts as counts
    text = shown.format(statistics.median(present))
    return text + (f" ({shown.format(percentile(present, 0.95))})" if len(present) > 1 else "")


def markdown(runs: list[list[Phase]], sizes: list[tuple[int, list[list[Phase]]]] | None = None) -> str:
    """The figures of `runs` (each a list of phases), a column per phase; or of several
    `sizes` (acts, their runs), their columns side by side."""
    columns: list[tuple[str, list[Phase]]] = []
    for acts, size_runs in sizes or [(0, runs)]:
        for index, phase in enumerate(size_runs[0]):
            title = f"{acts:,} acts: {phase.name}" if sizes else phase.name
            columns.append((title, [run[index] for run in size_runs]))
    rows: dict[str, list[list[float | None]]] = {}
    for index, (_, phases) in enumerate(columns):
        for phase in phases:
            for key, value in _flat(phase).items():
                rows.setdefault(key, [[] for _ in columns])[index].append(value)
    lines = ["| figure | " + " | ".join(title for title, _ in columns) + " |", "| --- |" + " ---: |" * len(columns)]
    lines += [f"| {key} | " + " | ".join(_cell(column) for column in cells) + " |" for key, cells in rows.items()]
    return "\n".join(lines)


def details(phase: Phase) -> str:
    """The summary line, and for a measured database its tables and texts."""
    text = [f"{phase.name}: {phase.build.line}"]
    if phase.database:
        text.append("  tables (MB): " + ", ".join(f"{name} {size / MB:.2f}" for name, size in phase.database.tables.items() if size >= 10_000))
        text.append(
            "  distinct texts (MB, whole DB / per act): "
            + ", ".join(
                f"{name} {_mb(phase.database.distinct[name])} / {_mb(phase.database.distinct_per_act[name])}"
                for name in phase.database.distinct
            )
        )
    return "\n".join(text)


def _mb(value: int | None) -> str:
    return "missing" if value is None else f"{value / MB:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--acts", type=int, nargs="+", default=[1000], help="sizes measured side by side")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--repo", type=Path, nargs="+", help="the generated repository of each size, in --acts order (default /tmp/git-ACTS-sSEED; made when missing)"
    )
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--workers", type=int, nargs="+", default=[2], help="a build from scratch at each (zan build --workers)")
    parser.add_argument("--more", type=int, default=100, help="commits appended before the incremental build")
    parser.add_argument("--out", type=Path, help="where the runs' clones and databases go (default /tmp/git-build-bench)")
    parser.add_argument("--json", type=Path, help="also write every run's figures here")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain-file build (10 minutes at 10,000 acts)")
    args = parser.parse_args()
    if args.repo and len(args.repo) != len(args.acts):
        parser.error("--repo: one repository per size of --acts")
    sizes: list[tuple[int, list[list[Phase]]]] = []
    for position, acts in enumerate(args.acts):
        base = args.repo[position] if args.repo else Path(f"/tmp/git-{acts}-s{args.seed}")
        if not base.exists():
            figures = make(base, acts, args.seed)
            print(f"made {base}: {figures['acts']} acts, {figures['versions']} versions, {figures['commits']} commits in {figures['seconds']:.0f} s", file=sys.stderr)
        out = (args.out or Path("/tmp/git-build-bench")) / str(acts)
        runs = []
        for index in range(args.runs):
            runs.append(one_run(base, out / f"run{index}", acts=acts, seed=args.seed, more=args.more, workers=args.workers, plain=not args.no_plain))
            print(f"{acts} acts: run {index + 1}/{args.runs} done", file=sys.stderr)
        sizes.append((acts, runs))
    sizes_text = ", ".join(f"{acts:,} acts" for acts in args.acts)
    print(f"zan build of generated repositories ({sizes_text}, seed {args.seed}), workers {' and '.join(map(str, args.workers))}, {os.cpu_count()} CPUs, {args.runs} runs\n")
    print(markdown([], sizes))
    for acts, runs in sizes:
        print(f"\n{acts:,} acts")
        for phase in runs[-1]:
            print(details(phase))
    if args.json:
        args.json.write_text(json.dumps({str(acts): [[asdict(phase) for phase in run] for run in runs] for acts, runs in sizes}, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
