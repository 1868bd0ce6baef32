"""An honesty audit from the history: our own date answers checked by the real versions.

An act held in several real versions (``versions``, ``rebuilt = 0``; one language text
at a time) is a test of the date answers: for each consecutive pair of its versions,
older O and newer N, the corpus is rebuilt *without* N and every later version (in a
temporary folder: a copy of a folder corpus less those files, or, for a corpus of git
repositories, clones reset to the commit before N's), and `db.queries.act_on` is asked
about dates on which N's wording had provably taken effect. Each provision's answer is
then compared with N's real text (`version_provisions` of N in the full build, units
paired by the full build's alignment of O and N):

- **confident wrong**: a wording claimed known (``text_known``) that N's differs from —
  formatting aside, as `parser.align` decides — or a unit claimed ``in_force`` with a
  known wording that N no longer has, or claimed ``not_in_force`` while N holds it;
- **not known**: ``text_known`` false or status ``uncertain`` — honest, if unhelpful;
- **right**: everything else (the claim N confirms).

The dates asked: the day N took effect (``effective_from``, or for a window the last
day it can have opened, ``effective_from_latest``) and, when a later version follows,
the day before that one can have opened. A pair whose N has no such date (unknown, or a
window with no end), or whose next version can have taken effect by then, is skipped
and counted: nothing would prove an answer wrong.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date as Date, timedelta
from pathlib import Path
from typing import Any

from parser.align import is_placeholder
from parser.model import Provision

from .git_history import find_repositories
from .load import build
from .queries import act_on
from .sources import part_files

#: ``kaz@0123456789ab.md``: a source read from a git commit (`db.git_corpus`).
_COMMIT_SOURCE = re.compile(r"@(?P<commit>[0-9a-f]{7,40})\.md$")

#: The version columns the audit reads.
VERSION_SQL = """
select id, act_id, language, ordinal, version_date, source_path, meta_path,
       effective_from, effective_from_earliest, effective_from_latest, date_status
from versions where rebuilt = 0 order by act_id, language, ordinal
"""


@dataclass
class Verdict:
    """One provision's answer on one date, judged by the newer version."""

    provision_id: str
    date: str
    verdict: str  # right | wrong | not_known
    #: for a wrong answer: ``not_in_force`` (claimed not in force, the newer version holds
    #: the unit), ``absent`` (a known wording claimed, the newer version has no such unit),
    #: ``differs`` (a known wording claimed, the newer version's differs); for one not
    #: known: ``uncertain`` or ``wording_not_known``
    reason: str
    status: str
    text_known: bool
    claimed_text: str | None = None
    real_text: str | None = None  # N's wording; None: N does not hold the unit
    #: the unit's id in the full build (differs from `provision_id`, the reduced build's,
    #: when N renumbered it: the 2019 row r5 of 137412's annex is r4 from 2020)
    full_provision_id: str | None = None


@dataclass
class PairAudit:
    """One pair of consecutive versions of one language text of an act."""

    act_id: str
    language: str | None
    older_id: str
    newer_id: str
    dates: list[str] = field(default_factory=list)
    #: why no date was asked: ``newer_date_unknown`` (unknown, or a window with no end),
    #: ``next_version_may_apply`` (the version after it can have taken effect by then)
    skipped: str | None = None
    answers: int = 0
    wrong: int = 0
    not_known: int = 0
    wrong_answers: list[Verdict] = field(default_factory=list)

    def count(self, verdict: Verdict) -> None:
        self.answers += 1
        if verdict.verdict == "wrong":
            self.wrong += 1
            self.wrong_answers.append(verdict)
        elif verdict.verdict == "not_known":
            self.not_known += 1


@dataclass
class AuditReport:
    corpus: str
    pairs: list[PairAudit] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def answers(self) -> int:
        return sum(pair.answers for pair in self.pairs)

    @property
    def wrong(self) -> int:
        return sum(pair.wrong for pair in self.pairs)

    @property
    def not_known(self) -> int:
        return sum(pair.not_known for pair in self.pairs)

    @property
    def skipped(self) -> int:
        return sum(pair.skipped is not None for pair in self.pairs)

    def per_act(self) -> dict[str, dict[str, int]]:
        acts: dict[str, dict[str, int]] = {}
        for pair in self.pairs:
            counts = acts.setdefault(pair.act_id, {"pairs": 0, "skipped": 0, "answers": 0, "wrong": 0, "not_known": 0})
            counts["pairs"] += 1
            counts["skipped"] += pair.skipped is not None
            counts["answers"] += pair.answers
            counts["wrong"] += pair.wrong
            counts["not_known"] += pair.not_known
        return acts

    def line(self) -> str:
        return f"{self.answers} answers, {self.wrong} confident wrong, {self.not_known} not known"

    def as_json(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "answers": self.answers,
            "wrong": self.wrong,
            "not_known": self.not_known,
            "pairs_skipped": self.skipped,
            "seconds": round(self.seconds, 2),
            "acts": self.per_act(),
            "pairs": [asdict(pair) for pair in self.pairs],
        }


# --------------------------------------------------------------------------- the audit


def audit_corpus(corpus: Path, workdir: Path | None = None, workers: int | None = None) -> AuditReport:
    """Audit every act of `corpus` held in two or more real versions. Builds go to
    `workdir` (a temporary folder when None, removed at the end), sharing one parse
    cache so each file is parsed once."""
    started = time.perf_counter()
    corpus = Path(corpus)
    report = AuditReport(str(corpus))
    with tempfile.TemporaryDirectory(prefix="zan-audit-") as temporary:
        work = Path(workdir) if workdir is not None else Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        cache = work / "parse.cache"
        full_db = work / "full.db"
        build(corpus, full_db, workers=workers, cache=cache)
        full = sqlite3.connect(full_db)
        try:
            pairs = version_pairs(full)
            for number, (older, newer, following, versions) in enumerate(pairs, start=1):
                pair = PairAudit(older["act_id"], older["language"], older["id"], newer["id"])
                report.pairs.append(pair)
                dates = question_dates(newer, following)
                if not dates:
                    pair.skipped = "newer_date_unknown" if newer_start(newer) is None else "next_version_may_apply"
                    continue
                pair.dates = dates
                reduced_root = work / f"pair{number}"
                reduced = reduced_corpus(corpus, newer, versions, reduced_root)
                reduced_db = reduced_root / "reduced.db"
                build(reduced, reduced_db, workers=workers, cache=cache)
                reduced_conn = sqlite3.connect(reduced_db)
                try:
                    for day in dates:
                        for verdict in judge_pair(full, reduced_conn, older, newer, day):
                            pair.count(verdict)
                finally:
                    reduced_conn.close()
                shutil.rmtree(reduced_root, ignore_errors=True)
        finally:
            full.close()
    report.seconds = time.perf_counter() - started
    return report


def version_pairs(conn: sqlite3.Connection) -> list[tuple[dict, dict, dict | None, list[dict]]]:
    """Each consecutive pair of real versions of one language text: (older, newer, the
    version after the newer or None, every real version of the act in any language)."""
    cursor = conn.execute(VERSION_SQL)
    columns = [column[0] for column in cursor.description]
    rows = [dict(zip(columns, row)) for row in cursor]
    by_act: dict[str, list[dict]] = {}
    for row in rows:
        by_act.setdefault(row["act_id"], []).append(row)
    pairs = []
    for act_versions in by_act.values():
        texts: dict[str | None, list[dict]] = {}
        for row in act_versions:
            texts.setdefault(row["language"], []).append(row)
        for text in texts.values():
            for k in range(len(text) - 1):
                following = text[k + 2] if k + 2 < len(text) else None
                pairs.append((text[k], text[k + 1], following, act_versions))
    return pairs


def newer_start(newer: dict) -> str | None:
    """The first day on which `newer`'s wording had provably taken effect, or None."""
    return newer["effective_from"] or (newer["effective_from_latest"] if newer["date_status"] == "bounded" else None)


def question_dates(newer: dict, following: dict | None) -> list[str]:
    """The dates on which `newer`'s wording provably applied: the day it took effect at
    the latest, and the day before `following` can have taken effect. [] when no day is
    proven."""
    start = newer_start(newer)
    if start is None:
        return []
    if following is None:
        return [start]
    opens = following["effective_from"] or following["effective_from_earliest"] or following["version_date"]
    if opens is None or opens <= start:
        return []
    last = (Date.fromisoformat(opens) - timedelta(days=1)).isoformat()
    return [start] if last == start else [start, last]


# --------------------------------------------------------------------------- the corpus without N


def reduced_corpus(corpus: Path, newer: dict, versions: list[dict], root: Path) -> Path:
    """A copy of `corpus` under `root` (same folder name, so sources keep their paths)
    without `newer` and every later version of its act: for files, those files (with
    their meta and part files); for a git repository, its history up to the commit
    before `newer`'s. Other git repositories are cloned as they are."""
    corpus = Path(corpus).resolve()
    target = root / corpus.name
    if target.exists():
        shutil.rmtree(target)
    root.mkdir(parents=True, exist_ok=True)
    repositories = [r.resolve() for r in find_repositories(corpus)]
    commit = _COMMIT_SOURCE.search(newer["source_path"] or "")
    if corpus in repositories:
        _clone(corpus, target, _parent_if_holder(corpus, corpus.name, newer, commit))
        return target
    shutil.copytree(corpus, target, symlinks=True, ignore=_ignore_repositories(repositories))
    for repository in repositories:
        display = f"{corpus.name}/{repository.relative_to(corpus).as_posix()}"
        _clone(repository, target / repository.relative_to(corpus), _parent_if_holder(repository, display, newer, commit))
    if commit is None:
        _remove_later_files(target, corpus, newer, versions)
    return target


def _ignore_repositories(repositories: list[Path]):
    def ignore(folder: str, names: list[str]) -> list[str]:
        return [name for name in names if (Path(folder) / name).resolve() in repositories]

    return ignore


def _parent_if_holder(repository: Path, display: str, newer: dict, commit: re.Match | None) -> str | None:
    """The commit before `newer`'s when this repository holds it, else None (keep HEAD)."""
    if commit is None or not newer["source_path"].startswith(display + "/"):
        return None
    result = subprocess.run(
        ["git", "-C", str(repository), "rev-parse", "--verify", "--quiet", f"{commit['commit']}^"], capture_output=True, text=True
    )
    parent = result.stdout.strip()
    if not parent:
        raise ValueError(f"{newer['source_path']}: no commit before {commit['commit']} in {repository}")
    return parent


def _clone(repository: Path, target: Path, reset_to: str | None) -> None:
    subprocess.run(["git", "clone", "-q", "--shared", "--no-checkout", str(repository), str(target)], check=True)
    if reset_to is not None:
        subprocess.run(["git", "-C", str(target), "reset", "-q", "--soft", reset_to], check=True)


def _remove_later_files(target: Path, corpus: Path, newer: dict, versions: list[dict]) -> None:
    """Remove from the copy every version file of the act, in any language, dated on or
    after `newer`, with its part files, and the meta files no kept version uses."""
    def copied(source_path: str | None) -> Path | None:
        return target.parent / source_path if source_path else None

    later = [v for v in versions if (v["version_date"] or "") >= (newer["version_date"] or "")]
    kept_metas = {v["meta_path"] for v in versions if v not in later}
    for version in later:
        path = copied(version["source_path"])
        if path is None or not path.is_file():
            continue
        for part in part_files(path):
            part.unlink(missing_ok=True)
        path.unlink()
        if version["meta_path"] and version["meta_path"] not in kept_metas:
            meta = copied(version["meta_path"])
            if meta is not None:
                meta.unlink(missing_ok=True)


# --------------------------------------------------------------------------- judging


def judge_pair(full: sqlite3.Connection, reduced: sqlite3.Connection, older: dict, newer: dict, day: str) -> list[Verdict]:
    """Each provision of the older version's language text, as the reduced build answers
    it on `day`, judged against `newer`'s real text."""
    reduced_older = _one(reduced, "select id, act_id from versions where source_path = ? and rebuilt = 0", (older["source_path"],))
    if reduced_older is None:
        raise LookupError(f"{older['source_path']}: not a version in the build without {newer['id']}")
    reduced_act = reduced_older["act_id"]
    answer = act_on(reduced, reduced_act, day)
    language = {
        row[0]: row[1] for row in reduced.execute("select id, language from provisions where act_id = ?", (reduced_act,))
    }
    reduced_keys = {
        row[0]: row[1]
        for row in reduced.execute("select provision_id, key from version_provisions where version_id = ? and kind != 'note'", (reduced_older["id"],))
    }
    older_units = {
        row[0]: (row[1], row[2])
        for row in full.execute("select key, provision_id, text from version_provisions where version_id = ? and kind != 'note'", (older["id"],))
    }
    newer_units = {
        row[0]: row[1]
        for row in full.execute("select provision_id, text from version_provisions where version_id = ? and kind != 'note'", (newer["id"],))
    }
    changes = {
        row[0]: row[1]
        for row in full.execute(
            "select from_key, change from version_changes where from_version_id = ? and to_version_id = ? and from_key is not null",
            (older["id"], newer["id"]),
        )
    }
    full_base, reduced_base = _base(older["id"]), _base(reduced_older["id"])
    verdicts = []
    for provision in answer["provisions"]:
        if language.get(provision["id"]) != older["language"]:
            continue
        key = reduced_keys.get(provision["id"])
        if key is not None and key in older_units:
            provision_id, older_text = older_units[key]
        else:  # a unit gone before the older version: its id in the full build is alike
            provision_id, older_text = full_base + provision["id"].removeprefix(reduced_base), None
        real = newer_units.get(provision_id)
        verdict = judge(provision, day, real, older_text, _change(changes, key, older_units))
        verdict.full_provision_id = provision_id
        verdicts.append(verdict)
    return verdicts


def _change(changes: dict[str, str], key: str | None, older_units: dict) -> str | None:
    """How the full build's alignment saw a unit of the older version change: a unit
    `version_changes` does not list is unchanged."""
    if key is None:
        return None
    return changes.get(key, "unchanged" if key in older_units else None)


def judge(provision: dict, day: str, real: str | None, older_text: str | None, change: str | None) -> Verdict:
    """One answer against the newer version's wording `real` (None: the unit is not in
    it), knowing the older version's wording and how the full build's alignment saw the
    change (`unchanged`/`joined`: formatting only)."""
    status, known = provision["status"], bool(provision["text_known"])
    claimed = provision["text"] if known else None
    held = real is not None and not _placeholder(real)
    verdict = Verdict(provision["id"], day, "right", "", status, known, claimed, real)
    if status == "not_in_force":
        if held:
            verdict.verdict, verdict.reason = "wrong", "not_in_force"
        return verdict
    if status == "uncertain" or not known:
        verdict.verdict, verdict.reason = "not_known", "uncertain" if status == "uncertain" else "wording_not_known"
        return verdict
    if real is not None and _comparable(claimed) == _comparable(real):
        return verdict
    same_as_older = older_text is not None and _comparable(claimed) == _comparable(older_text)
    formatting_only = same_as_older and change in ("unchanged", "joined")
    if not held:
        if not formatting_only:
            verdict.verdict, verdict.reason = "wrong", "absent"
        return verdict
    if not formatting_only:
        verdict.verdict, verdict.reason = "wrong", "differs"
    return verdict


def _comparable(text: str | None) -> str:
    return " ".join((text or "").split())


def _placeholder(text: str) -> bool:
    return is_placeholder(Provision(key="", kind="", label=None, heading=None, text=text, raw=text, source_line=0, source_line_end=0))


def _base(version_id: str) -> str:
    """Where a version's unit ids live: ``V1900019742`` or ``V1900019742/ru``."""
    return version_id.rpartition("@")[0]


def _one(conn: sqlite3.Connection, sql: str, params: tuple) -> dict | None:
    cursor = conn.execute(sql, params)
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row)) if row else None
