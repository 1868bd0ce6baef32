"""Reading the history of the bank's git repositories: one record per act per commit.

The bank mirrors zan.gov.kz as git repositories with one folder per act
(``meta.yaml``, ``kaz.md``, ``rus.md``, part files ``rus/ch015.md`` for large acts)
and one commit per version (``../shared/notes/FORMATS.md`` §3). This module is I/O
only: it knows the layout, not the texts. It walks the history oldest first and
yields, for every commit and every act that commit changed, an `ActVersion`: the
commit (id, date, subject, trailers) and the act's files as they stood at that
commit, or that the act's folder was removed.

Acts are keyed by ``act_code`` (the meta's, else the folder name's trailing code),
never by path: a folder that moved between layouts over the years
(``03-laws/19990713-slug-4051/`` → ``03-laws/1999/0713-slug-4051/``) is one act, and
the commit that moved it gives one record with ``previous_path``.

How it reads (measured against pygit2 in ``benchmarks/git_read_bench.py``, figures
in ``docs/benchmarks-git.md``): two long-lived git processes per walk, whatever the
number of commits and files — ``git log --raw -z`` lists each commit's changed paths,
streamed, and one ``git cat-file --batch`` serves every object (commit, tree, blob)
read after it. Memory holds one commit's list of changed paths and one chunk of
acts' files at a time, never the history.

Incremental reading: ``read_history(repo, since=last_commit_read)`` yields only what
the commits after ``since`` changed (acts removed by them included), and
`summarize_new` says ``N new commits, M acts touched``.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol
from datetime import datetime, timedelta, timezone
from pathlib import Path

#: The files of an act folder that are the act's; part files live in ``kaz/``/``rus/``.
PART_FOLDERS = ("kaz", "rus")

#: ``…-4051`` (folder name) → ``4051``: zan.gov.kz's document code ends the folder name.
_FOLDER_CODE = re.compile(r"-(?P<code>\d+)$")

#: ``act_code: '4051'`` in meta.yaml (always quoted by the bank; plain digits accepted).
_META_CODE = re.compile(rb"^act_code:[ \t]*['\"]?(?P<code>[^'\"\s#]+)", re.MULTILINE)

#: A trailer line ``Cause-Act-Code: 180054`` (git's token rule: letters, digits, dashes).
_TRAILER = re.compile(r"^(?P<key>[A-Za-z0-9][A-Za-z0-9-]*):[ \t]*(?P<value>.*)$")

#: How many act folders are read from ``cat-file`` in one go: a chunk's files are the
#: most that is held in memory at once (an omnibus commit touching thousands of acts
#: is read chunk by chunk).
CHUNK_ACTS = 64

#: The most request bytes written to ``cat-file`` before its answers are read: below
#: the pipe buffer, so neither side can block the other.
_MAX_PENDING_REQUEST_BYTES = 16_384


class HistoryError(RuntimeError):
    """A repository that cannot be read as asked (not a git repository, unknown commit,
    history rewritten since the last read)."""


@dataclass(frozen=True)
class ActVersion:
    """An act as one commit left it.

    ``files`` maps names relative to the act folder (``meta.yaml``, ``kaz.md``,
    ``rus/ch015.md``) to their bytes at the commit; empty when ``removed``: the act's
    folder is gone in this commit and ``path`` is where it was.
    """

    repository: str
    commit: str
    committed_at: str  # ISO 8601 with the committer's offset: 2010-12-22T00:00:00+00:00
    commit_date: str  # the committer's calendar day, YYYY-MM-DD: the bank's version date
    subject: str
    trailers: dict[str, str]
    act_code: str
    path: str
    removed: bool
    files: dict[str, bytes] = field(repr=False)
    previous_path: str | None = None  # set when the folder moved in this commit


@dataclass(frozen=True)
class HistorySummary:
    """What the commits after a given one hold: ``N new commits, M acts touched``."""

    repository: str
    since: str | None
    head: str | None
    commits: int
    acts: int

    def __str__(self) -> str:
        return f"{self.commits} new commits, {self.acts} acts touched"


# --------------------------------------------------------------------------- public


def head_commit(repository: str | Path) -> str | None:
    """The commit ``HEAD`` names, or None in a repository with no commit yet."""
    result = _git(repository, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False)
    return result.stdout.strip() or None


def read_history(
    repository: str | Path,
    since: str | None = None,
    *,
    until: str = "HEAD",
    with_files: bool = True,
    paths: Iterable[str] | None = None,
) -> Iterator[ActVersion]:
    """Every act version of the history from ``since`` (excluded) to ``until``, oldest
    commit first; within a commit, acts in path order.

    ``since`` is the last commit already read (None: the whole history); it must be an
    ancestor of ``until``, else `HistoryError` (the history was rewritten: read it whole).
    ``with_files=False`` reads only what keys the act (``meta.yaml``): for counting.
    ``paths`` (act folders, relative to the repository) limits the walk to the commits
    that changed them, and each commit to its changes under them: the history of a few
    acts without reading the others' (`db.incremental`). None: every path.
    Merge commits count with the change they bring to their first parent.
    """
    repository = str(repository)
    paths = None if paths is None else sorted(set(paths))
    until_commit = _resolve(repository, until)
    if until_commit is None or paths == []:
        return
    if since is not None:
        since_commit = _resolve(repository, since)
        if since_commit is None:
            raise HistoryError(f"{repository}: unknown commit {since}")
        if not _is_ancestor(repository, since_commit, until_commit):
            raise HistoryError(f"{repository}: {since} is not an ancestor of {until}: the history was rewritten")
        if since_commit == until_commit:
            return
    revisions = [until_commit] if since is None else [f"{since_commit}..{until_commit}"]
    with CatFile(repository) as objects:
        yield from versions_of_commits(repository, objects, _changed_paths(repository, revisions, paths), with_files)


def in_history_order(repository: str | Path, commits: Iterable[str]) -> list[str]:
    """The full ids of ``commits`` (full ids or their first 12 characters, as sources'
    paths show them), oldest first along ``HEAD``'s first parents; a commit not on that
    line is a `HistoryError`."""
    wanted = {commit[:12] for commit in commits}
    if not wanted:
        return []
    line = _git(repository, "rev-list", "--first-parent", "--reverse", "HEAD").stdout.split()
    ordered = [commit for commit in line if commit[:12] in wanted]
    missing = wanted - {commit[:12] for commit in ordered}
    if missing:
        raise HistoryError(f"{repository}: not in HEAD's history: {', '.join(sorted(missing))}")
    return ordered


def read_commits(repository: str | Path, commits: list[str], *, paths: Iterable[str], with_files: bool = True) -> Iterator[ActVersion]:
    """The act versions of ``commits`` alone (full ids, in the order given: see
    `in_history_order`), each limited to its changes under ``paths`` (act folders).

    An update reads a few acts' history from the commits the database says changed them,
    plus the new ones (`db.incremental`): the walk of the whole history it replaces took
    20 s at 68,853 commits whatever the update's size (`PATHSPEC_LIMIT`).
    """
    repository, kept = str(repository), set(paths)
    if not commits or not kept:
        return
    changed = (
        (commit, mine)
        for commit, changes in _git_log_changes(repository, commits, [], walk=False)
        if (mine := [change for change in changes if _under(change.path, kept)])
    )
    with CatFile(repository) as objects:
        yield from versions_of_commits(repository, objects, changed, with_files)


def versions_of_commits(
    repository: str, objects: ObjectReader, commits: Iterable[tuple[str, list[Change]]], with_files: bool = True
) -> Iterator[ActVersion]:
    """The act versions of each ``(commit, its changed paths)``, reading objects from
    ``objects``: the part of `read_history` that does not depend on how git is read
    (``benchmarks/git_read_bench.py`` runs it over pygit2 too)."""
    for commit, changes in commits:
        yield from _commit_versions(repository, objects, commit, changes, with_files)


def summarize_new(repository: str | Path, since: str | None = None) -> HistorySummary:
    """``N new commits, M acts touched`` after ``since`` (None: in the whole history).
    N counts every new commit (along the first parents), also one that touched no act."""
    repository = str(repository)
    head = head_commit(repository)
    if head is None:
        return HistorySummary(repository, since, None, 0, 0)
    acts = {version.act_code for version in read_history(repository, since, until=head, with_files=False)}
    return HistorySummary(repository, since, head, _count_commits(repository, since, head), len(acts))


def find_repositories(corpus: str | Path) -> list[Path]:
    """The git repositories of a corpus folder: the folder itself when it is one, else
    each folder directly in it that is one (a clone, or a bare repository), by name."""
    corpus = Path(corpus)
    if _is_repository(corpus):
        return [corpus]
    return [path for path in sorted(corpus.iterdir()) if path.is_dir() and _is_repository(path)]


def read_repositories(last_read: Mapping[str, str | None]) -> Iterator[ActVersion]:
    """`read_history` of each repository (path → the last commit read from it, None
    for none yet), one after the other: what a rebuild of a corpus of clones reads."""
    for repository, since in last_read.items():
        yield from read_history(repository, since)


def _is_repository(path: Path) -> bool:
    return (path / ".git").exists() or ((path / "HEAD").is_file() and (path / "objects").is_dir())


# --------------------------------------------------------------------------- git processes


def _git(repository: str | Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            ["git", "-C", str(repository), *args], capture_output=True, text=True, check=check
        )
    except subprocess.CalledProcessError as error:
        raise HistoryError(f"{repository}: git {' '.join(args)}: {error.stderr.strip()}") from error


def _resolve(repository: str, revision: str) -> str | None:
    result = _git(repository, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", check=False)
    if result.returncode != 0 and revision == "HEAD":
        if _git(repository, "rev-parse", "--git-dir", check=False).returncode != 0:
            raise HistoryError(f"{repository}: not a git repository")
    return result.stdout.strip() or None


def _is_ancestor(repository: str, ancestor: str, descendant: str) -> bool:
    return _git(repository, "merge-base", "--is-ancestor", ancestor, descendant, check=False).returncode == 0


def count_commits(repository: str | Path, since: str | None, head: str) -> int:
    """The commits after ``since`` (None: all) up to ``head``, along the first parents."""
    return _count_commits(str(repository), since, head)


def is_ancestor(repository: str | Path, ancestor: str, descendant: str) -> bool:
    """Whether ``ancestor`` is in ``descendant``'s history (False when either is unknown)."""
    return _is_ancestor(str(repository), ancestor, descendant)


def _count_commits(repository: str, since: str | None, head: str) -> int:
    revision = head if since is None else f"{since}..{head}"
    return int(_git(repository, "rev-list", "--count", "--first-parent", revision).stdout.strip())


class ObjectReader(Protocol):
    def read_many(self, names: list[str]) -> list[tuple[str, bytes] | None]:
        """``(type, content)`` of each object named by id or ``commit:path``, None when missing."""
        ...


@dataclass(slots=True)
class Change:
    """A path a commit changed, as ``git log --raw`` gives it."""

    status: str  # A, M, D, T
    old: str  # blob id before (zeros when added)
    new: str  # blob id after (zeros when deleted)
    path: str


#: Up to this many folders, `_changed_paths` lets git limit its walk (literal pathspecs);
#: above, git walks every commit once and the changes are kept here. git matches each
#: pathspec against every changed tree of every commit: on 68,853 commits (10,000
#: acts) one folder takes 1.5 s, no pathspec 20 s, and the 265 folders of an update after
#: 100 commits over four minutes.
PATHSPEC_LIMIT = 8


def _changed_paths(repository: str, revisions: list[str], paths: Iterable[str] | None = None) -> Iterator[tuple[str, list[Change]]]:
    """``(commit, its changes)`` oldest first, streamed from one ``git log --raw -z``;
    with `paths`, only the commits and changes under them (git's literal pathspecs, or
    for more than `PATHSPEC_LIMIT` folders, the whole walk kept here by folder)."""
    folders = sorted(set(paths or ()))
    if len(folders) <= PATHSPEC_LIMIT:
        yield from _git_log_changes(repository, revisions, folders)
        return
    kept = set(folders)
    for commit, changes in _git_log_changes(repository, revisions, []):
        mine = [change for change in changes if _under(change.path, kept)]
        if mine:
            yield commit, mine


def _under(path: str, folders: set[str]) -> bool:
    """Whether `path` is one of `folders` or inside one."""
    while path:
        if path in folders:
            return True
        path = posixpath.dirname(path)
    return False


def _git_log_changes(repository: str, revisions: list[str], paths: list[str], walk: bool = True) -> Iterator[tuple[str, list[Change]]]:
    """`_changed_paths`'s one ``git log --raw -z``, limited by git to `paths` (none: all).
    ``walk=False``: the commits `revisions` names alone, in that order (given on stdin:
    there may be thousands)."""
    order = ["--reverse", "--first-parent"] if walk else ["--no-walk=unsorted", "--stdin"]
    command = [
        "git", "-C", repository, "log", "--raw", "-z", "--no-renames", "--no-abbrev", "--root",
        *order, "--diff-merges=first-parent", "--format=commit %H",
        *(revisions if walk else []), "--", *(f":(literal){path}" for path in paths),
    ]  # fmt: skip
    process = subprocess.Popen(command, stdin=None if walk else subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    if not walk:  # git reads every revision before it writes a line: no deadlock
        assert process.stdin is not None
        process.stdin.write("".join(f"{revision}\n" for revision in revisions).encode())
        process.stdin.close()
    commit: str | None = None
    changes: list[Change] = []
    pending_meta: str | None = None
    try:
        for token in _nul_tokens(process.stdout):
            token = token.lstrip("\n")
            if pending_meta is not None:
                _, _, old, new, status = pending_meta.split(" ", 4)
                changes.append(Change(status[:1], old, new, token))
                pending_meta = None
            elif token.startswith(":"):
                pending_meta = token
            elif token.startswith("commit "):
                if commit is not None:
                    yield commit, changes
                commit, changes = token[7:].strip(), []
        if commit is not None:
            yield commit, changes
    finally:
        process.stdout.close()
        stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
        returncode = process.wait()
        if process.stderr:
            process.stderr.close()
    if returncode != 0:
        raise HistoryError(f"{repository}: git log: {stderr.strip()}")


def _nul_tokens(stream, size: int = 1 << 16) -> Iterator[str]:
    rest = b""
    while chunk := stream.read(size):
        parts = (rest + chunk).split(b"\0")
        rest = parts.pop()
        for part in parts:
            yield part.decode("utf-8", "surrogateescape")
    if rest:
        yield rest.decode("utf-8", "surrogateescape")


class CatFile:
    """One ``git cat-file --batch`` serving every object read of a walk; requests are
    written in groups that fit the pipe, then their answers read, so a group costs one
    round trip and neither process can block the other."""

    def __init__(self, repository: str) -> None:
        self.repository = repository
        self.process = subprocess.Popen(
            ["git", "-C", repository, "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )

    def __enter__(self) -> CatFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        if self.process.stdout:
            self.process.stdout.close()
        self.process.wait()

    def read_many(self, names: list[str]) -> list[tuple[str, bytes] | None]:
        """``(type, content)`` for each object name (an id or ``commit:path``), None
        for a missing one, in the order asked."""
        answers: list[tuple[str, bytes] | None] = []
        requests = [(name + "\n").encode("utf-8", "surrogateescape") for name in names]
        start = 0
        while start < len(requests):
            end, size = start, 0
            while end < len(requests) and (end == start or size + len(requests[end]) <= _MAX_PENDING_REQUEST_BYTES):
                size += len(requests[end])
                end += 1
            assert self.process.stdin and self.process.stdout
            self.process.stdin.write(b"".join(requests[start:end]))
            self.process.stdin.flush()
            answers.extend(self._read_answer() for _ in range(end - start))
            start = end
        return answers

    def _read_answer(self) -> tuple[str, bytes] | None:
        stdout = self.process.stdout
        assert stdout is not None
        header = stdout.readline()
        if not header:
            raise HistoryError(f"{self.repository}: git cat-file stopped")
        fields = header.split()
        if fields[-1] == b"missing" or fields[-1] == b"ambiguous":
            return None
        kind, size = fields[1].decode(), int(fields[2])
        content = stdout.read(size)
        stdout.read(1)  # the newline after the content
        return kind, content


# --------------------------------------------------------------------------- act folders


def act_folder(path: str) -> tuple[str, str] | None:
    """``(folder, name within it)`` for a file of an act folder, by the bank's layout:
    ``…/0713-slug-4051/kaz.md`` → (``…/0713-slug-4051``, ``kaz.md``), part files
    ``…/0928-slug-4/rus/ch015.md`` → (``…/0928-slug-4``, ``rus/ch015.md``); None for a
    file at the top of the repository (README.md)."""
    parts = path.split("/")
    if len(parts) < 2:
        return None
    if len(parts) >= 3 and parts[-2] in PART_FOLDERS:
        return "/".join(parts[:-2]), "/".join(parts[-2:])
    return "/".join(parts[:-1]), parts[-1]


def folder_code(folder: str) -> str | None:
    """The zan.gov.kz code that ends an act folder's name, if it does."""
    match = _FOLDER_CODE.search(folder.rsplit("/", 1)[-1])
    return match["code"] if match else None


def meta_code(meta: bytes | None) -> str | None:
    """``act_code`` of a meta.yaml's bytes (the field alone, read without parsing the YAML)."""
    if not meta:
        return None
    match = _META_CODE.search(meta)
    return match["code"].decode("utf-8", "replace") if match else None


def parse_commit(raw: bytes) -> tuple[str, str, str, dict[str, str]]:
    """``(committed_at, commit_date, subject, trailers)`` of a commit object's bytes.

    Trailers are the last paragraph of the message when each of its lines is
    ``Token: value`` (a line starting with white space continues the one before), as
    ``git interpret-trailers`` reads them; a token given twice keeps both values,
    one per line.
    """
    head, _, message = raw.decode("utf-8", "replace").partition("\n\n")
    committed_at = commit_date = ""
    for line in head.split("\n"):
        if line.startswith("committer "):
            stamp, offset = line.rsplit(" ", 2)[-2:]
            sign = -1 if offset.startswith("-") else 1
            zone = timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5])))
            moment = datetime.fromtimestamp(int(stamp), zone)
            committed_at, commit_date = moment.isoformat(), moment.date().isoformat()
    lines = message.rstrip("\n").split("\n")
    subject = lines[0] if lines else ""
    return committed_at, commit_date, subject, _trailers(message)


def _trailers(message: str) -> dict[str, str]:
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", message.strip("\n")) if p.strip()]
    if len(paragraphs) < 2:  # the subject alone is never trailers
        return {}
    trailers: dict[str, str] = {}
    key: str | None = None
    for line in paragraphs[-1].split("\n"):
        if key is not None and line[:1] in (" ", "\t"):
            trailers[key] += " " + line.strip()
            continue
        match = _TRAILER.match(line)
        if not match:
            return {}
        key, value = match["key"], match["value"].strip()
        trailers[key] = f"{trailers[key]}\n{value}" if key in trailers else value
    return trailers


@dataclass(slots=True)
class _Folder:
    path: str
    changes: list[Change] = field(default_factory=list)
    code: str | None = None
    present: bool = True
    tree: list[tuple[str, str, str]] = field(default_factory=list)  # (mode, name, id)


def _commit_versions(
    repository: str, objects: ObjectReader, commit: str, changes: list[Change], with_files: bool
) -> Iterator[ActVersion]:
    folders: dict[str, _Folder] = {}
    for change in changes:
        located = act_folder(change.path)
        if located is not None:
            folders.setdefault(located[0], _Folder(located[0])).changes.append(change)
    if not folders:
        return
    raw_commit, *trees = objects.read_many([commit] + [f"{commit}:{path}" for path in folders])
    assert raw_commit is not None
    committed_at, commit_date, subject, trailers = parse_commit(raw_commit[1])
    for folder, tree in zip(folders.values(), trees):
        folder.present = tree is not None and tree[0] == "tree"
        folder.tree = _tree_entries(tree[1]) if folder.present else []
    _find_codes(objects, list(folders.values()))
    acts = _acts_of_commit(folders.values())
    base = dict(
        repository=repository, commit=commit, committed_at=committed_at,
        commit_date=commit_date, subject=subject, trailers=trailers,
    )  # fmt: skip
    for start in range(0, len(acts), CHUNK_ACTS):
        chunk = acts[start : start + CHUNK_ACTS]
        files = _read_files(objects, [folder for _, folder, _ in chunk if folder.present], with_files)
        for code, folder, previous in chunk:
            yield ActVersion(
                **base, act_code=code, path=folder.path, removed=not folder.present,
                files=files.get(folder.path, {}), previous_path=previous,
            )  # fmt: skip


def _tree_entries(raw: bytes) -> list[tuple[str, str, str]]:
    """``(mode, name, id)`` of a git tree object's binary entries."""
    entries = []
    position = 0
    while position < len(raw):
        space = raw.index(b" ", position)
        nul = raw.index(b"\0", space)
        mode = raw[position:space].decode()
        name = raw[space + 1 : nul].decode("utf-8", "surrogateescape")
        entries.append((mode, name, raw[nul + 1 : nul + 21].hex()))
        position = nul + 21
    return entries


def _find_codes(objects: ObjectReader, folders: list[_Folder]) -> None:
    """Each folder's act code: its meta.yaml's ``act_code`` (as it is now, or as it was
    before the commit removed it), else the folder name's trailing code."""
    wanted: list[tuple[_Folder, str]] = []
    for folder in folders:
        meta_id = None
        if folder.present:
            meta_id = next((oid for mode, name, oid in folder.tree if name == "meta.yaml"), None)
        else:
            meta_id = next(
                (c.old for c in folder.changes if c.path.endswith("/meta.yaml") and c.path[: -len("/meta.yaml")] == folder.path),
                None,
            )
        if meta_id is not None:
            wanted.append((folder, meta_id))
    answers = objects.read_many([oid for _, oid in wanted])
    for (folder, _), answer in zip(wanted, answers):
        folder.code = meta_code(answer[1] if answer else None)
    for folder in folders:
        folder.code = folder.code or folder_code(folder.path)


def _acts_of_commit(folders: Iterable[_Folder]) -> list[tuple[str, _Folder, str | None]]:
    """``(act code, its folder after the commit, the folder it left if it moved)``, in
    path order. A code whose folder went and another came in the same commit moved;
    a folder that is an act's neither by its meta nor by its name is not an act's.
    Two folders holding one code both stay: the reader reports, it does not choose."""
    by_code: dict[str, list[_Folder]] = {}
    for folder in folders:
        if folder.code is not None:
            by_code.setdefault(folder.code, []).append(folder)
    acts: list[tuple[str, _Folder, str | None]] = []
    for code, group in by_code.items():
        present = [folder for folder in group if folder.present]
        gone = [folder for folder in group if not folder.present]
        if present and gone:
            acts.append((code, present[0], gone[0].path))
            present, gone = present[1:], gone[1:]
        acts.extend((code, folder, None) for folder in present + gone)
    return sorted(acts, key=lambda act: (act[1].path, act[0]))


def _read_files(objects: ObjectReader, folders: list[_Folder], with_files: bool) -> dict[str, dict[str, bytes]]:
    """folder path → {name in the folder: bytes} for every file of each act folder
    (``meta.yaml`` alone when not ``with_files``)."""
    blobs: list[tuple[str, str, str]] = []  # (folder, name, id)
    subtrees: list[tuple[str, str, str]] = []
    for folder in folders:
        for mode, name, oid in folder.tree:
            if mode == "40000":
                if with_files and name in PART_FOLDERS:
                    subtrees.append((folder.path, name, oid))
            elif with_files or name == "meta.yaml":
                blobs.append((folder.path, name, oid))
    for (path, part_folder, _), answer in zip(subtrees, objects.read_many([oid for *_, oid in subtrees])):
        if answer is not None:
            for mode, name, oid in _tree_entries(answer[1]):
                if mode != "40000":
                    blobs.append((path, f"{part_folder}/{name}", oid))
    files: dict[str, dict[str, bytes]] = {folder.path: {} for folder in folders}
    for (path, name, _), answer in zip(blobs, objects.read_many([oid for *_, oid in blobs])):
        if answer is not None:
            files[path][name] = answer[1]
    return {path: dict(sorted(named.items())) for path, named in files.items()}
