"""How fast the history of a bank repository is read: git's plumbing against pygit2.

Both readers give the same records (`db.git_history.ActVersion`, checked by a digest
of every record): they share the part that groups changed paths into acts
(`db.git_history.versions_of_commits`) and differ only in how git is read —

- ``plumbing`` (what `db.git_history.read_history` uses): one ``git log --raw -z``
  streamed for the changed paths, one long-lived ``git cat-file --batch`` for every
  commit, tree and blob;
- ``pygit2`` (libgit2): a revision walk (first parent, oldest first), a tree diff per
  commit, and object reads from the object database, in this process.

Each run is a fresh process (so its peak memory is its own); the figures are the
median and p95 over ``--runs`` runs, the throughput over the act files' bytes
yielded, and the peak resident memory. ``--acts N`` makes the repository first
(`benchmarks/make_git_corpus.py`) when ``--repo`` does not exist yet.

Usage::

    python benchmarks/git_read_bench.py --repo /tmp/git-1k --acts 1000 --runs 5
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from db.git_history import Change, read_history, summarize_new, versions_of_commits  # noqa: E402

_TYPES = {1: "commit", 2: "tree", 3: "blob", 4: "tag"}


class Pygit2Objects:
    """`db.git_history.ObjectReader` over libgit2's object database."""

    def __init__(self, repository: str) -> None:
        import pygit2

        self.repo = pygit2.Repository(repository)
        self.odb = self.repo.odb

    def read_many(self, names: list[str]) -> list[tuple[str, bytes] | None]:
        answers: list[tuple[str, bytes] | None] = []
        for name in names:
            commit, colon, path = name.partition(":")
            try:
                oid = self.repo[commit].tree[path].id if colon else commit
                kind, data = self.odb.read(oid)
            except (KeyError, ValueError):
                answers.append(None)
                continue
            answers.append((_TYPES[kind], data))
        return answers


def pygit2_changes(objects: Pygit2Objects) -> Iterator[tuple[str, list[Change]]]:
    """``(commit, its changed paths)`` oldest first along the first parents."""
    import pygit2

    repo = objects.repo
    walker = repo.walk(repo.head.target, pygit2.enums.SortMode.TOPOLOGICAL | pygit2.enums.SortMode.REVERSE)
    walker.simplify_first_parent()
    for commit in walker:
        if commit.parents:
            diff = repo.diff(commit.parents[0].tree, commit.tree)
        else:
            diff = commit.tree.diff_to_tree(swap=True)
        changes = []
        for delta in diff.deltas:
            status = delta.status_char()
            path = delta.new_file.path if status != "D" else delta.old_file.path
            changes.append(Change(status, str(delta.old_file.id), str(delta.new_file.id), path))
        yield str(commit.id), changes


def read_with(backend: str, repository: str):
    if backend == "plumbing":
        return read_history(repository)
    objects = Pygit2Objects(repository)
    return versions_of_commits(repository, objects, pygit2_changes(objects))


def one_run(backend: str, repository: str) -> dict:
    """Read the whole history once; what it read, how long, how much memory."""
    digest = hashlib.sha256()
    versions = commits = size = 0
    last_commit = None
    started = time.perf_counter()
    for version in read_with(backend, repository):
        versions += 1
        if version.commit != last_commit:
            commits, last_commit = commits + 1, version.commit
        digest.update(f"{version.commit}|{version.act_code}|{version.path}|{version.removed}|{version.previous_path}|{sorted(version.trailers.items())}|{version.commit_date}".encode())
        for name, content in version.files.items():
            size += len(content)
            digest.update(name.encode() + hashlib.sha1(content).digest())
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    git_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # the largest git process
    return {"backend": backend, "seconds": seconds, "versions": versions, "commits": commits,
            "bytes": size, "digest": digest.hexdigest(), "peak_bytes": peak, "git_peak_bytes": git_peak}  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, required=True)
    parser.add_argument("--acts", type=int, default=1000, help="acts of the repository made when --repo does not exist")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--backends", default="plumbing,pygit2")
    parser.add_argument("--new-commits", type=int, default=100, help="the incremental read: the last N commits")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: one run in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, str(args.repo))))
        return
    if not args.repo.exists():
        from benchmarks.make_git_corpus import make

        made = make(args.repo, args.acts)
        print(f"made {args.repo}: {made['acts']} acts, {made['versions']} versions, {made['commits']} commits in {made['seconds']:.0f} s")
    backends = args.backends.split(",")
    results: dict[str, list[dict]] = {backend: [] for backend in backends}
    for _ in range(args.runs):
        for backend in backends:  # interleaved, so a busy moment of the machine hits both
            output = subprocess.run(
                [sys.executable, __file__, "--repo", str(args.repo), "--one", backend],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            results[backend].append(json.loads(output))
    digests = {run["digest"] for runs in results.values() for run in runs}
    print(f"same records from every backend: {len(digests) == 1}")
    print("| reader | runs | median s | p95 s | commits/s | versions/s | MB/s | peak MB (Python) | peak MB (git) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for backend, runs in results.items():
        times = [run["seconds"] for run in runs]
        median = statistics.median(times)
        first = runs[0]
        print(
            f"| {backend} | {len(runs)} | {median:.2f} | {percentile(times, 0.95):.2f} | "
            f"{first['commits'] / median:,.0f} | {first['versions'] / median:,.0f} | "
            f"{first['bytes'] / 1e6 / median:.1f} | {max(run['peak_bytes'] for run in runs) / 1e6:.0f} | "
            f"{max(run['git_peak_bytes'] for run in runs) / 1e6:.0f} |"
        )
    first = next(iter(results.values()))[0]
    print(f"history: {first['commits']} commits with act changes, {first['versions']} act versions, {first['bytes'] / 1e6:.0f} MB of act files")
    incremental(str(args.repo), args.new_commits, args.runs)


def incremental(repository: str, new_commits: int, runs: int) -> None:
    """The read after ``git pull`` brought ``new_commits``: from HEAD~N to HEAD."""
    since = subprocess.run(
        ["git", "-C", repository, "rev-parse", f"HEAD~{new_commits}"], capture_output=True, text=True, check=True
    ).stdout.strip()
    times, summary = [], None
    for _ in range(runs):
        started = time.perf_counter()
        summary = summarize_new(repository, since)
        read = sum(len(content) for version in read_history(repository, since) for content in version.files.values())
        times.append(time.perf_counter() - started)
    print(f"after {new_commits} new commits: '{summary}', {read / 1e6:.1f} MB read; summary + read: median {statistics.median(times):.2f} s, p95 {percentile(times, 0.95):.2f} s")


if __name__ == "__main__":
    main()
