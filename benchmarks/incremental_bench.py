"""The rebuild after ``git pull`` (db/incremental.py) against the full build.

Takes a repository made by ``make_git_corpus.py`` (a bare one), clones it into a corpus
folder rewound by the largest number of new commits asked, builds it from scratch, then
for each number K of new commits: restores that database, moves the clone K commits
forward (as a pull would) and rebuilds, then builds the same state in full (no old
database, the parse cache kept: what a rebuild cost before updates). Prints the time of
each, what the rebuild read, and whether it was an update.

    python benchmarks/make_git_corpus.py --acts 200 --out /tmp/incr-200
    python benchmarks/incremental_bench.py /tmp/incr-200 --new 1 100
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import build  # noqa: E402
from zan.messages import build_summary_line  # noqa: E402


def git(repository: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True, check=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("repository", type=Path, help="a bare repository made by make_git_corpus.py")
    parser.add_argument("--new", type=int, nargs="+", default=[1, 100], help="numbers of new commits to rebuild after")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zan-incremental-") as folder:
        root = Path(folder)
        clone = root / "corpus" / "repo"
        subprocess.run(["git", "clone", "-q", str(args.repository), str(clone)], check=True)
        tip = git(clone, "rev-parse", "HEAD")
        rewind = max(args.new)
        git(clone, "reset", "-q", "--hard", f"{tip}~{rewind}")
        db_path = root / "db" / "laws.db"
        db_path.parent.mkdir()
        started = time.perf_counter()
        summary = build(root / "corpus", db_path, workers=args.workers)
        print(f"full build: {time.perf_counter() - started:.1f} s — {build_summary_line(summary, 'ru')}")
        kept = root / "kept"
        shutil.copytree(db_path.parent, kept)
        for new in sorted(args.new):
            shutil.rmtree(db_path.parent)
            shutil.copytree(kept, db_path.parent)
            git(clone, "reset", "-q", "--hard", f"{tip}~{rewind - new}")
            started = time.perf_counter()
            summary = build(root / "corpus", db_path, workers=args.workers)
            seconds = time.perf_counter() - started
            kind = "update" if summary.full_build is None else f"full build ({summary.full_build})"
            print(f"after {new} new commits: {seconds:.1f} s, {kind} — {summary.new_commits}; {summary.parsed} texts parsed")
            # what a build did before updates: the whole corpus again, unchanged texts from the cache
            shutil.rmtree(db_path.parent)
            shutil.copytree(kept, db_path.parent)
            db_path.unlink()
            started = time.perf_counter()
            summary = build(root / "corpus", db_path, workers=args.workers)
            print(f"  the full build of the same state (parse cache kept): {time.perf_counter() - started:.1f} s; {summary.parsed} texts parsed")
            git(clone, "reset", "-q", "--hard", f"{tip}~{rewind}")


if __name__ == "__main__":
    main()
