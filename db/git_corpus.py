"""A corpus of git repositories: every version of every act from the history.

The bank mirrored as git repositories keeps one commit per version of an act
(FORMATS.md §3). A corpus folder that holds such clones (or is one) is read from the
history, not from the working tree: each commit that changed an act's text gives a
source per language (``kaz.md``, ``rus.md``, with the part files of a split act and the
``meta.yaml`` of that commit), which the build parses like any other bank file. The
versions of an act then meet in `db.versions` by the act's identity, as files of one
folder do.

A language text is read again only when it changed: a commit that touched the Russian
text alone gives no new Kazakh version. An act whose folder was removed in a commit
keeps all the versions read before (its repeal comes from its texts and meta).
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from parser.markdown import read_yaml
from parser.languages import LANGUAGES

from .sources import Source, linked_part_paths
from .git_history import ActVersion, HistoryError, head_commit, read_history, summarize_new

#: The text files of an act folder, one per language: ``kaz.md``, ``rus.md``.
TEXT_NAMES = tuple(f"{language.BANK_CODE}.md" for language in LANGUAGES.values())
META_NAME = "meta.yaml"


@dataclass
class RepositoryRead:
    """What a build read from one repository."""

    path: str
    head: str | None
    display: str = ""  # how the sources' paths name the repository (``corpus/codes``)
    head_day: str | None = None  # the day of the last commit: the day the mirror's texts are as at
    commits: int = 0
    versions: int = 0  # act versions (commits x acts) in the history
    acts: int = 0  # acts the history holds
    sources: int = 0  # language texts given to the parser


def git_sources(repository: Path, display: str, read: RepositoryRead, history: Iterable[ActVersion] | None = None) -> Iterator[Source]:
    """The sources of every version of every act in `repository`'s history, oldest
    commit first. `display` names the repository in the sources' paths
    (``corpus/codes``); `read` counts what was read. `history`: the act versions to read
    instead of the whole history (the whole history of some acts, `db.incremental`)."""
    seen: dict[tuple[str, str], str] = {}
    commits: set[str] = set()
    acts: set[str] = set()
    for version in read_history(repository) if history is None else history:
        commits.add(version.commit)
        acts.add(version.act_code)
        read.versions += 1
        if version.removed:
            continue
        meta = version.files.get(META_NAME)
        dates = _version_dates(meta)
        for name in TEXT_NAMES:
            source = _text_source(repository, display, version, name, meta)
            if source is None:
                continue
            digest = _digest(source, _version_date(dates, PurePosixPath(name).stem))
            if seen.get((version.act_code, name)) == digest:
                continue  # this language's text and meta did not change in the commit
            seen[(version.act_code, name)] = digest
            read.sources += 1
            yield source
    read.commits, read.acts = len(commits), len(acts)


def _text_source(repository: Path, display: str, version: ActVersion, name: str, meta: bytes | None) -> Source | None:
    """One language text of an act as a commit left it, with its part files and `meta`."""
    data = version.files.get(name)
    if data is None:
        return None
    stem = PurePosixPath(name).stem
    folder = f"{display}/{version.path}"
    shown = f"{folder}/{stem}@{version.commit[:12]}.md"
    index = repository / version.path / name
    parts = []
    for part in linked_part_paths(index, data.decode("utf-8", errors="replace"), in_history=True):
        relative = part.relative_to(index.parent).as_posix()
        parts.append((f"{folder}/{relative}@{version.commit[:12]}", version.files.get(relative)))
    return Source(
        index,
        shown,
        data,
        meta.decode("utf-8", errors="replace") if meta is not None else None,
        f"{folder}/meta@{version.commit[:12]}.yaml" if meta is not None else None,
        parts,
    )


def _digest(source: Source, version_date: str) -> str:
    """What makes a language text a new version: its bytes, its parts', and the version
    date the meta gives that language (a commit that only dated the other language anew
    leaves this one as it was)."""
    digest = hashlib.sha256(source.data)
    for shown, part in source.parts:
        digest.update(shown.rpartition("@")[0].encode() + b"\0" + (part or b""))
    digest.update(version_date.encode())
    return digest.hexdigest()


def _version_dates(meta: bytes | None) -> object:
    """``version_date`` of a meta: a date, a mapping of one per language, or None."""
    try:
        data = read_yaml(meta) if meta else None  # once per version: a memo would only copy it
    except yaml.YAMLError:
        return None
    return data.get("version_date") if isinstance(data, dict) else None


def _version_date(dates: object, bank_code: str) -> str:
    """The version date of one language (``kaz``, ``rus``) as text; "" for none."""
    return str(dates.get(bank_code, "")) if isinstance(dates, dict) else str(dates or "")


def commit_day(repository: Path, commit: str | None) -> str | None:
    """The committer's calendar day of `commit` (``YYYY-MM-DD``), None for no commit."""
    if commit is None:
        return None
    result = subprocess.run(["git", "-C", str(repository), "show", "-s", "--format=%cs", commit], capture_output=True, text=True)
    return result.stdout.strip() or None


def repository_row(read: RepositoryRead) -> dict:
    """The row of `repositories` a build writes: the last commit read, for the next."""
    return {
        "path": read.path,
        "last_commit": read.head,
        "last_commit_day": read.head_day,
        "commits": read.commits,
        "versions": read.versions,
        "sources": read.sources,
    }


def new_since(reads: list[RepositoryRead], previous: dict[str, str | None]) -> tuple[int, int]:
    """How many commits are new since the last build, and how many acts they touched (`previous`: each
    repository's last commit read then). A repository not read before, or whose history
    was rewritten, is new as a whole: what this build read of it is the answer, and only
    the commits after a known last one are read again (`summarize_new`: metas only)."""
    commits = acts = 0
    for read in reads:
        since = previous.get(read.path)
        if since == read.head:
            continue
        try:
            summary = summarize_new(read.path, since) if since else None
        except HistoryError:
            summary = None
        commits += summary.commits if summary else read.commits
        acts += summary.acts if summary else read.acts
    return commits, acts


__all__ = ["git_sources", "RepositoryRead", "repository_row", "new_since", "head_commit"]
