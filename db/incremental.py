"""Rebuilding a corpus of git repositories after ``git pull``: only what the new commits touched.

The database remembers the last commit it read of each repository (`repositories`) and,
in `build_info`, the parser and the code that built it and a digest of the corpus's plain
inputs (the files beside the repositories and ``publications.csv``). A rebuild is
incremental when the database exists, the parser, the code and the plain inputs are unchanged, the repositories
are the same and each one's last commit read is an ancestor of its HEAD; otherwise the
full build runs and the summary says why (`UpdatePlan.reason`).

An incremental rebuild decides what to read from the old database, read only
(`read_update`: steps 1–3 but the deletion), while a thread copies it beside it
(`db.load.BackgroundCopy`: the build's temporary file, moved into place at the end as
usual); it writes the copy (`update_database`: the deletion, steps 4 and 5):

1. reads the new commits (`read_history(since=last_commit)`, metas only): the acts they
   touched, by ``act_code``, never by path;
2. finds those acts in the database (their ids by ``versions.act_code`` and by the
   sources under their folders, closed over: an act's every code, a code's every act)
   and every folder they were ever in;
3. reads the whole history of those acts alone, since a new version can change how the
   earlier ones align: the commits their texts were read from (their sources' paths say
   which) and the new ones, without walking the rest; and deletes every row they
   have in every table keyed by ``act_id`` (and the rows of their files by path);
4. stores them again with the full build's `db.store.Store` (parsed texts come from the
   parse cache when unchanged), and moves the day the other acts of the repository are held
   as at (`parser.timeline.hold_until`) to the new last commit's day (`_move_hold`, their
   held units found by an index);
5. redoes the passes of `db.store.finish_passes` for the acts it stored again alone
   (`_finish_passes`): the cited acts they name, resolve to or share a registration
   with, the rebuilt versions of the amending acts among them or naming them, their
   search rows, the wordings no version prints any more; then the schema's indexes and
   full-text tables.

The result has the rows of a full build of the same repository state, except numbers
that say in what order rows were written (`problems.id`, `repairs.id`, the search index's
rowids: see `tests/test_incremental.py`), and the few texts no row holds any more, which
stay in `texts` until the next full build (`db.version_store.prune_dropped_wordings`).
"""

from __future__ import annotations

import hashlib
import posixpath
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import sqlite_utils

from parser.references import normal_number
from parser.timeline import held_basis, held_bound_basis, held_cut

from .sources import Source
from .git_corpus import RepositoryRead, commit_day, git_sources
from .coming import finish_coming
from .git_history import PART_FOLDERS, HistoryError, count_commits, head_commit, in_history_order, is_ancestor, read_commits, read_history
from .links import relink_cited_acts, remember_links
from .parallel import Parsed, code_digest, file_digest, parser_fingerprint
from .reach import finish_reach
from .rebuild import clear_rebuilt_versions, rebuild_versions
from .schema import FTS, LATE_START_DAY, UNPROVEN_OPEN, finish_schema
from .search import ACT_ROWS_TABLE, ACTS_TABLE, ROWS_TABLE, TABLE as SEARCH_TABLE, delete_rows, finish_search_rows_after
from .store import Store
from .version_store import note_dropped_units, prune_dropped_wordings, shared_values, store_shared, text_id

#: What the database says of the build that made it: ``key`` → ``value``.
BUILD_INFO = "build_info"

#: Tables the global passes fill afresh (`unlink_cited_acts`, `clear_rebuilt_versions`):
#: their ``act_id`` is a link made by the pass, not the act the row belongs to.
GLOBAL_TABLES = ("cited_acts", "instruction_results", "rebuilt_versions", "replacements", "changes_by_amending", "amending_reach")

#: The search index's tables: kept by `_delete_search_rows` and `finish_search_index`.
SEARCH_TABLES = (SEARCH_TABLE, ACTS_TABLE, ACT_ROWS_TABLE, ROWS_TABLE)


class FullBuildNeeded(Exception):
    """An incremental rebuild found it cannot give the full build's result, and the full
    build runs instead: `reason` says why as a code (``history_rewritten``; its words are
    the catalogue's ``build_reason_*``, `zan.messages.build_summary_line`), `detail` the
    data it names (a repository, a path, act ids), if any."""

    def __init__(self, reason: str, detail: str | None = None) -> None:
        super().__init__(reason if detail is None else f"{reason}: {detail}")
        self.reason, self.detail = reason, detail


class MoreActsNeeded(FullBuildNeeded):
    """An act stored again took an id other acts hold (``id``, ``id~2``): the update is
    to be done again from the old database with them stored again too (`act_ids`)."""

    def __init__(self, reason: str, act_ids: set[str]) -> None:
        super().__init__(reason, ", ".join(sorted(act_ids)))
        self.act_ids = act_ids
        self.parsed = 0  # texts the attempt parsed


@dataclass
class UpdatePlan:
    """Whether a build can update the database in place of building it anew."""

    plain_digest: str
    reason: str | None = None  # why the build is a full one, a code (None: incremental; `FullBuildNeeded`)
    detail: str | None = None  # what the reason names (a repository, a path, acts)
    #: repository path → its row of `repositories` in the old database
    previous: dict[str, dict] = field(default_factory=dict)

    @property
    def incremental(self) -> bool:
        return self.reason is None


@dataclass
class RepositoryUpdate:
    """What the new commits of one repository brought."""

    path: Path
    display: str
    head: str
    head_day: str | None
    previous: dict
    new_commits: int = 0  # every commit after the last read (along the first parents)
    commits: int = 0  # new commits that changed an act
    versions: int = 0  # new act versions (commits x acts)
    sources: int = 0  # new language texts (those a full build gives the parser)
    codes: set[str] = field(default_factory=set)  # acts touched, by act_code
    folders: set[str] = field(default_factory=set)  # their folders in the new commits
    #: the new commits that changed an act, as sources' paths show them (12 characters)
    shown_commits: set[str] = field(default_factory=set)

    def row(self) -> dict:
        """The repository's row of `repositories`: what a full build would count."""
        return {
            "path": str(self.path.resolve()),
            "last_commit": self.head,
            "last_commit_day": self.head_day,
            "commits": (self.previous["commits"] or 0) + self.commits,
            "versions": (self.previous["versions"] or 0) + self.versions,
            "sources": (self.previous["sources"] or 0) + self.sources,
        }


# --------------------------------------------------------------------------- deciding


def plan_update(db_path: Path, repositories: list[Path], plain_digest: str) -> UpdatePlan:
    """Whether the database at `db_path` can be updated from the new commits of
    `repositories`, and if not, why."""
    plan = UpdatePlan(plain_digest)
    why = _why_full(db_path, repositories, plan)
    if why is not None:
        plan.reason, plan.detail = why.reason, why.detail
    return plan


def _why_full(db_path: Path, repositories: list[Path], plan: UpdatePlan) -> FullBuildNeeded | None:
    if not repositories:
        return FullBuildNeeded("no_repository")
    if not db_path.exists():
        return FullBuildNeeded("no_database")
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            conn.row_factory = sqlite3.Row
            info = dict(conn.execute(f"select key, value from {BUILD_INFO}").fetchall())
            plan.previous = {row["path"]: dict(row) for row in conn.execute("select * from repositories")}
    except sqlite3.Error:
        return FullBuildNeeded("unknown_database")
    if info.get("parser") != parser_fingerprint():
        return FullBuildNeeded("parser_changed")
    if info.get("builder") != builder_fingerprint():
        return FullBuildNeeded("builder_changed")
    if info.get("plain_inputs") != plan.plain_digest:
        return FullBuildNeeded("plain_inputs_changed")
    if set(plan.previous) != {str(repository.resolve()) for repository in repositories}:
        return FullBuildNeeded("repositories_changed")
    for repository in repositories:
        last, head = plan.previous[str(repository.resolve())]["last_commit"], head_commit(repository)
        if last is None or head is None or not is_ancestor(repository, last, head):
            return FullBuildNeeded("history_rewritten", repository.name)
    return None


def plain_inputs_digest(sources: Iterable, publications: Path | None, links: Iterable[str]) -> str:
    """A digest of everything a build reads besides the repositories: each plain source
    (`db.corpus.read_source`: bytes, meta, part files, as shown), `publications.csv`, and
    the links the build does not follow."""
    digest = hashlib.sha256(file_digest(publications).encode())
    for source in sources:
        for part in (source.display_path, source.data, source.meta_path or "", source.meta_text or ""):
            digest.update(b"\0" + (part if isinstance(part, bytes) else part.encode()))
        for shown, data in source.parts:
            digest.update(b"\0" + shown.encode() + b"\0" + (data if data is not None else b"-"))
    for link in links:
        digest.update(b"\0link\0" + link.encode())
    return digest.hexdigest()


def record_build(db: sqlite_utils.Database, plain_digest: str) -> None:
    """Write `build_info`: what the next build compares with to know whether it can be
    incremental."""
    db.execute(f"create table if not exists {BUILD_INFO} (key text primary key, value text)")
    db.conn.executemany(
        f"insert or replace into {BUILD_INFO} values (?, ?)",
        [("parser", parser_fingerprint()), ("builder", builder_fingerprint()), ("plain_inputs", plain_digest)],
    )


@lru_cache(maxsize=1)
def builder_fingerprint() -> str:
    """A digest of the code that turns parses into rows and tables (every module of
    `db`): an update writes the touched acts with it beside the rows the old code wrote,
    so a change in it (a new table, a column filled otherwise) makes a full build. The
    parse cache depends on the parser alone (`parser_fingerprint`) and is kept."""
    return code_digest(sorted(Path(__file__).resolve().parent.glob("*.py")))


# --------------------------------------------------------------------------- updating


@dataclass
class UpdateResult:
    repositories: list[RepositoryUpdate]
    acts: int  # acts stored again
    documents: int  # sources given to the parser
    parsed: int  # of them, parsed (not found in the parse cache)
    source_bytes: int = 0
    problems_after: int = 0  # the last problem row before the update: the ones after it are its own


@dataclass
class UpdateReading:
    """What an update reads, decided from the old database (`read_update`), before its
    copy is written: each repository's new commits, the acts they touched, and the
    commits to read those acts' history from."""

    updates: list[RepositoryUpdate]
    touched: dict[str, Touched]  # by the repository's display path
    commits: dict[str, list[str]]

    @property
    def act_ids(self) -> set[str]:
        return {act_id for acts in self.touched.values() for act_id in acts.act_ids}

    def sources(self) -> Iterator[Source]:
        """The sources of every version of the touched acts, to parse."""
        for update in self.updates:
            yield from _sources_of_acts(update, self.touched[update.display], self.commits[update.display])


def read_update(old: sqlite_utils.Database, repositories: list[tuple[Path, str]], plan: UpdatePlan, also: frozenset[str] = frozenset()) -> UpdateReading:
    """What to read after new commits of `repositories` (``(path, display)``) into `old`,
    the database `plan` was made for (read only): the acts the commits touched and those
    of `also`. Raises `FullBuildNeeded` when an update could differ from a full build."""
    updates = [_read_new_commits(path, display, plan.previous[str(path.resolve())]) for path, display in repositories]
    touched = {update.display: _touched_acts(old, update, also) for update in updates}
    for update in updates:
        _refuse_read_elsewhere(old, touched[update.display].act_ids, update.display)
    # the commits their texts were read from: asked before their rows go
    commits = {update.display: _commits_to_read(old, update, touched[update.display]) for update in updates}
    return UpdateReading(updates, touched, commits)


def update_database(
    db: sqlite_utils.Database,
    store: Store,  # over `db`; its act ids and mirrors are set here
    reading: UpdateReading,
    parsed: Iterable[Parsed],
    workers: int,
    on_item: Callable[[Parsed], None] | None = None,
) -> UpdateResult:
    """Update `db`, a copy of the database `reading` was decided from, storing again the
    acts the new commits touched from their sources `parsed` (`reading.sources()`).
    Raises `MoreActsNeeded` when the result could differ from a full build's with more
    acts stored again."""
    updates, touched = reading.updates, reading.touched
    act_ids = reading.act_ids
    _delete_acts(db, act_ids, [f"{update.display}/{folder}/" for update in updates for folder in touched[update.display].folders])
    last_search_row = db.execute(f"select coalesce(max(rowid), 0) from {SEARCH_TABLE}").fetchone()[0]
    # the problems are rows numbered on from the last (no `autoincrement`): after the deletion
    (problems_after,) = db.execute("select coalesce(max(id), 0) from problem_rows").fetchone()
    store.act_ids = {row[0] for row in db.execute("select id from acts")}
    store.mirrors = {update.display: update.head_day for update in updates}
    result = UpdateResult(updates, 0, 0, 0, problems_after=problems_after)
    before = set(store.act_ids)
    for item in parsed:
        store.add(item)
        result.documents += 1
        result.parsed += not item.reused
        result.source_bytes += item.result.size or 0
        if on_item:
            on_item(item)
    store.finish(workers)
    stored = store.act_ids - before
    _mark_gone(db, stored)
    _full_text_rows(db, "insert")
    try:
        _refuse_duplicates(db, stored)
        _refuse_merges(db, stored)
    except MoreActsNeeded as more:
        more.parsed = result.parsed  # cached now: the next attempt finds them there
        raise
    result.acts = len(stored)
    db.execute("delete from repositories")
    store.insert("repositories", (update.row() for update in updates))
    for update in updates:
        _move_hold(db, update.display, update.previous["last_commit_day"], update.head_day)
    _finish_passes(db, act_ids, stored, last_search_row)
    return result


def _finish_passes(db: sqlite_utils.Database, deleted: set[str], stored: set[str], last_search_row: int) -> None:
    """`db.store.finish_passes` for the acts deleted and `stored` again (``temp.zan_gone``):
    their links and those of the acts they cite or are cited as (`relink_cited_acts`),
    the rebuilt versions of every amending act among them or naming them, which amending
    act changed what for them and for the acts whose instructions were linked again
    (`finish_reach`: `changes_by_amending` keeps its rows until then) and the units of
    them that can be coming (`finish_coming`), the wordings no version prints any more
    (`prune_dropped_wordings`), their search rows; the rest of the database is
    read only through indexes, so an update's time follows what the new commits touched."""
    amending = relink_cited_acts(db) | deleted
    clear_rebuilt_versions(db, amending)
    rebuild_versions(db, amending)
    finish_reach(db, amending | stored)
    finish_coming(db, amending | stored)  # a unit's row depends on its own act's rows alone
    prune_dropped_wordings(db.conn)
    finish_search_rows_after(db.conn, last_search_row)
    finish_schema(db)


def _read_new_commits(path: Path, display: str, previous: dict) -> RepositoryUpdate:
    """The acts the commits after the last one read touched (metas only: no text is
    read here), and what they add to the repository's counts."""
    head = head_commit(path)
    assert head is not None  # plan_update checked it
    update = RepositoryUpdate(path, display, head, commit_day(path, head), previous)
    since = previous["last_commit"]
    commits: set[str] = set()
    for version in read_history(path, since, with_files=False):
        commits.add(version.commit)
        update.versions += 1
        update.codes.add(version.act_code)
        update.folders.add(version.path)
        if version.previous_path:
            update.folders.add(version.previous_path)
    update.commits, update.new_commits = len(commits), count_commits(path, since, head)
    update.shown_commits = {commit[:12] for commit in commits}
    return update


@dataclass
class Touched:
    """The acts the new commits of a repository touched, as the database holds them."""

    act_ids: set[str]
    codes: set[str]
    folders: set[str]  # every folder (relative to the repository) they were read from


def _touched_acts(db: sqlite_utils.Database, update: RepositoryUpdate, also: frozenset[str] = frozenset()) -> Touched:
    """The acts the new commits touched: their ids, codes, and every folder they were
    ever read from. Closed over: every code an act was read under and every act a code
    gave, since versions meet by the act's requisites, not its code; the acts of `also`
    read from this repository; and every act of
    the same id (``id``, ``id~2``: two acts claiming one id are told apart by the order
    they are stored in, so they are stored again together, in the full build's order)."""
    prefix = update.display + "/"
    codes, folders = set(update.codes), set(update.folders)
    act_ids: set[str] = set()
    while True:
        found = set(_ids_by_codes(db, codes, prefix)) | set(_ids_by_folders(db, folders, prefix))
        found |= {act_id for act_id in also if any(True for _ in _folders_of(db, {act_id}, prefix))}
        found |= set(_same_id(db, found))
        more_codes = _codes_of(db, found)
        more_folders = set(_folders_of(db, found, prefix))
        if found <= act_ids and more_codes <= codes and more_folders <= folders:
            return Touched(act_ids, codes, folders)
        act_ids |= found
        codes |= more_codes
        folders |= more_folders


def _ids_by_codes(db: sqlite_utils.Database, codes: set[str], prefix: str) -> Iterator[str]:
    for (act_id,) in db.execute(
        f"select distinct act_id from versions where rebuilt = 0 and act_code in ({_marks(codes)}) and substr(source_path, 1, ?) = ?",
        [*codes, len(prefix), prefix],
    ):
        yield act_id


def _ids_by_folders(db: sqlite_utils.Database, folders: set[str], prefix: str) -> Iterator[str]:
    for folder in folders:
        start = f"{prefix}{folder}/"
        for (act_id,) in db.execute(  # a range of the primary key: the folder's files alone are read
            "select distinct act_id from sources where path >= ? and path < ? and act_id is not null", [start, _past(start)]
        ):
            yield act_id


def _past(prefix: str) -> str:
    """The least string past every string that starts with `prefix`: ``a/b/`` -> ``a/b0``
    (a range ``>= prefix and < _past(prefix)`` is the strings starting with it)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _same_id(db: sqlite_utils.Database, act_ids: set[str]) -> Iterator[str]:
    """The acts stored under the ids of `act_ids` less their ``~N`` (duplicates)."""
    for base in sorted({act_id.split("~")[0] for act_id in act_ids}):
        copies = base + "~"
        for (act_id,) in db.execute("select id from acts where id = ? or (id >= ? and id < ?)", [base, copies, _past(copies)]):
            yield act_id


def _codes_of(db: sqlite_utils.Database, act_ids: set[str]) -> set[str]:
    rows = db.execute(
        f"select distinct act_code from versions where rebuilt = 0 and act_code is not null and act_id in ({_marks(act_ids)})", list(act_ids)
    )
    return {row[0] for row in rows}


def _folders_of(db: sqlite_utils.Database, act_ids: set[str], prefix: str) -> Iterator[str]:
    """The folders of the repository (relative to it) that the acts' texts were read from."""
    marks = _marks(act_ids)
    paths = db.execute(
        f"""select source_path from versions where rebuilt = 0 and act_id in ({marks})
            union select meta_path from versions where rebuilt = 0 and act_id in ({marks})
            union select path from sources where act_id in ({marks})""",
        [*act_ids, *act_ids, *act_ids],
    )
    for (path,) in paths:
        if path and path.startswith(prefix):
            yield act_folder_of(path[len(prefix) :])


def act_folder_of(shown: str) -> str:
    """The act folder of a text's shown path within its repository:
    ``03-laws/…-4051/kaz@1fee3f800f81.md`` and ``…-4/rus/ch015.md@…`` → the folder."""
    folder = posixpath.dirname(shown)
    return posixpath.dirname(folder) if posixpath.basename(folder) in PART_FOLDERS else folder


def _marks(values: Iterable) -> str:
    return ", ".join("?" for _ in values) or "null"


def _commits_to_read(db: sqlite_utils.Database, update: RepositoryUpdate, touched: Touched) -> list[str]:
    """The commits to read the touched acts' history from, oldest first: those a text of
    theirs was read from (`_commits_read_under`) and the new ones. A commit that gave no
    text under their folders gives none again (it removed or moved a folder, or left a
    text as it was), so the rest of the history is not walked."""
    try:
        return in_history_order(update.path, _commits_read_under(db, update.display, touched.folders) | update.shown_commits)
    except HistoryError as error:  # a commit the database names is gone from the history
        raise FullBuildNeeded("history_rewritten", update.display) from error


def _sources_of_acts(update: RepositoryUpdate, touched: Touched, commits: list[str]) -> Iterator[Source]:
    """The sources of every version of the touched acts, read from `commits` under their
    folders. Counts those of the new commits."""
    history = (version for version in read_commits(update.path, commits, paths=touched.folders) if version.act_code in touched.codes)
    for source in git_sources(update.path, update.display, RepositoryRead(str(update.path), update.head), history):
        if source.display_path.rpartition("@")[2].split(".")[0] in update.shown_commits:
            update.sources += 1
        yield source


def _commits_read_under(db: sqlite_utils.Database, display: str, folders: set[str]) -> set[str]:
    """The commits (12 characters) that texts under the folders of the repository
    `display` were read from, as their sources' paths show them
    (``…/kaz@1fee3f800f81.md``): a range of the primary key per folder."""
    commits: set[str] = set()
    for folder in folders:
        start = f"{display}/{folder}/"
        for (path,) in db.execute("select path from sources where path >= ? and path < ?", [start, _past(start)]):
            commits.add(path.rpartition("@")[2][:12])
    return commits


def _refuse_read_elsewhere(db: sqlite_utils.Database, act_ids: set[str], display: str) -> None:
    """An act read also from a plain file or another repository is stored from all of
    them in a full build; an update reads only the touched acts' history in one."""
    for (path,) in db.execute(f"select path from sources where act_id in ({_marks(act_ids)})", list(act_ids)):
        if not path.startswith(display + "/"):
            raise FullBuildNeeded("read_elsewhere", path)


def _refuse_duplicates(db: sqlite_utils.Database, stored: set[str]) -> None:
    """An act stored again under an id an act not stored again holds too (its new
    version gave it another act's id): which of them is ``~2`` depends on the order of
    the whole corpus."""
    others = set(_same_id(db, stored)) - stored
    if others:
        raise MoreActsNeeded("shared_id", others)  # they share an id with an act stored again


def _refuse_merges(db: sqlite_utils.Database, stored: set[str]) -> None:
    """An act stored again whose requisites (kind, adoption date, number: what versions
    meet by, `db.versions.act_identity`) are another act's: a full build might have stored
    them as versions of one act."""
    others: set[str] = set()
    rows = db.execute(
        f"select kind, adopted_on, number from acts where id in ({_marks(stored)}) and kind is not null and adopted_on is not null and number is not null",
        list(stored),
    ).fetchall()
    for kind, adopted_on, number in rows:
        for other, other_number in db.execute("select id, number from acts where kind = ? and adopted_on = ?", [kind, adopted_on]):
            if other not in stored and other_number and normal_number(other_number) == normal_number(number):
                others.add(other)
    if others:
        raise MoreActsNeeded("same_requisites", others)  # they have the requisites of an act stored again


# --------------------------------------------------------------------------- deleting


#: Ids of an act's own rows: a table keyed by one of them (and not by ``act_id``) holds
#: rows of the act too: column → the table and the act's rows in it.
CHILD_KEYS = {
    "version_id": ("versions", "id"),
    "version_seq": ("versions", "seq"),  # version_units (db.version_store)
    "provision_id": ("provisions", "id"),
    "note_id": ("notes", "id"),
    "doubt_id": ("problem_doubts", "id"),  # problem_rows: the places of an act's doubts (db.version_store.BY_ID)
}


def tables_keyed_by_act(db: sqlite_utils.Database) -> list[tuple[str, str]]:
    """Every plain table with rows of an act, found in the schema so a table added
    later is not forgotten: ``(table, condition)`` where the condition picks the rows
    of the acts in ``temp.zan_gone`` by ``act_id``, or, for a table without it, by the
    id of the act's version, provision or note (`CHILD_KEYS`). Children first."""
    # unit_wordings: those no version prints any more are dropped at the end (prune_dropped_wordings)
    skip = set(GLOBAL_TABLES) | set(SEARCH_TABLES) | {"unit_wordings"}
    keyed, children = [], []
    for table in db.tables:
        if table.name in skip or _is_virtual(db, table.name):
            continue
        columns = table.columns_dict
        if "act_id" in columns:
            keyed.append((table.name, "act_id in (select id from temp.zan_gone)"))
            continue
        for column, (parent, key) in CHILD_KEYS.items():
            if column in columns:
                children.append((table.name, f"{column} in (select {key} from {parent} where act_id in (select id from temp.zan_gone))"))
                break
    return children + keyed


def _is_virtual(db: sqlite_utils.Database, table: str) -> bool:
    sql = db.execute("select sql from sqlite_master where name = ?", [table]).fetchone()[0] or ""
    return sql.lower().startswith("create virtual")


def _delete_acts(db: sqlite_utils.Database, act_ids: set[str], folder_prefixes: list[str]) -> None:
    """Every row of the acts `act_ids`, and every row about a file under their folders
    (an unreadable version's source and problems have no act)."""
    _mark_gone(db, act_ids)
    remember_links(db)  # the cited acts to link again (`_finish_passes`)
    _delete_search_rows(db)
    _full_text_rows(db, "delete")
    note_dropped_units(db.conn, "act_id in (select id from temp.zan_gone)")
    for table, condition in tables_keyed_by_act(db):
        db.execute(f'delete from "{table}" where {condition}')
    db.execute("delete from acts where id in (select id from temp.zan_gone)")
    _delete_under_folders(db, folder_prefixes)


def _delete_under_folders(db: sqlite_utils.Database, folder_prefixes: list[str]) -> None:
    """The rows of `sources`, `problems` and `repairs` of the files under the folders
    (each prefix ends with ``/``; no folder holds another) that no act holds (an
    unreadable version's): those of an act there are its rows, deleted with it, since
    every act read from the folders is stored again (`_touched_acts`). Read by index:
    the rows without an act, each path looked up against the nearest prefix before it
    (a statement per folder and table scanned `problems` 600 times in a 200-act update:
    17 s of its 100; one pass over each whole table grew with the database)."""
    db.execute("create temp table if not exists zan_folders (prefix text primary key)")
    db.execute("delete from temp.zan_folders")
    db.conn.executemany("insert or ignore into temp.zan_folders values (?)", [(prefix,) for prefix in folder_prefixes])

    def under(path: str) -> str:
        nearest = f"(select f.prefix from temp.zan_folders f where f.prefix <= {path} order by f.prefix desc limit 1)"
        return f"instr({path}, {nearest}) = 1"

    for table, column in (("sources", "path"), ("repairs", "source_path")):
        db.execute(f"delete from {table} where act_id is null and {under(f'{table}.{column}')}")
    # problems is a view (db.version_store.BY_ID): a doubt without an act is found by the
    # index on its act, its places by the index on their doubt, their paths are texts, each
    # looked at once; a doubt left with no place goes with its last (a trigger)
    no_act = "doubt_id in (select id from problem_doubts where act_id is null)"
    db.execute(
        f"""delete from problem_rows where {no_act} and source_path_id in (
              select t.id from texts t where t.id in (select source_path_id from problem_rows where {no_act}) and {under('t.body')})"""
    )


def _mark_gone(db: sqlite_utils.Database, act_ids: set[str]) -> None:
    """``temp.zan_gone``: the acts the statements here are about."""
    db.execute("create temp table if not exists zan_gone (id text primary key)")
    db.execute("delete from temp.zan_gone")
    db.conn.executemany("insert into temp.zan_gone values (?)", [(act_id,) for act_id in act_ids])


def _full_text_rows(db: sqlite_utils.Database, command: str) -> None:
    """The rows of the acts in ``temp.zan_gone`` in the full-text tables over their
    table's content (`db.schema.FTS`; `finish_schema` does not fill a table that exists):
    taken out (``delete``, before their rows go) or put in (``insert``, once stored)."""
    for table, columns in FTS:
        fts = f"{table}_fts"
        if not db[fts].exists():
            continue
        names = ", ".join(f'"{column}"' for column in columns)
        first = "'delete', " if command == "delete" else ""
        into = f"{fts}, " if command == "delete" else ""
        db.execute(
            f"insert into {fts} ({into}rowid, {names}) select {first}rowid, {names} from {table} where act_id in (select id from temp.zan_gone)"
        )


def _delete_search_rows(db: sqlite_utils.Database) -> None:
    """The acts' rows of the search index: their units' rows, and each text's row of the
    contentless act-level index, which is deleted by giving back the words it was given."""
    texts = db.execute(
        f"select first_rowid, last_rowid from {ACT_ROWS_TABLE} where act_id in (select id from temp.zan_gone)"
    ).fetchall()
    for first, last in texts:
        words = delete_rows(db.conn, first, last)  # the index keeps no stems: made again from the units
        db.execute(f"insert into {ACTS_TABLE} ({ACTS_TABLE}, rowid, stems) values ('delete', ?, ?)", [first, words])
    db.execute(f"delete from {ACT_ROWS_TABLE} where act_id in (select id from temp.zan_gone)")


# --------------------------------------------------------------------------- the other acts


#: The held units of a mirror's acts held as at ``:old`` (`_move_hold`): each one's open
#: unproven interval (found by its index, `db.schema.UNPROVEN_OPEN`), the interval before
#: it, whose proven wording the hold ends on ``:held`` with the data ``:old_id``, and the
#: last day that wording can have taken effect on (as `hold_until` reads its start).
HELD_UNITS_SQL = f"""select s.provision_id, s.ordinal, s.span_id as next_span, p.span_id as end_span,
       {LATE_START_DAY.format(t="p.")} as took_effect
from provision_version_rows s
join provision_version_rows p on p.provision_id = s.provision_id and p.ordinal = s.ordinal - 1
join provision_rows u on u.id = s.provision_id
where {UNPROVEN_OPEN.format(t="s.")}
  and s.span_id in (select id from provision_version_spans where valid_from_basis_rule = :held and valid_from_basis_data_id = :old_id)
  and p.span_id in (select id from provision_version_spans where valid_to_basis_rule = :held and valid_to_basis_data_id = :old_id)
  and u.act_id in (select act_id from act_texts where text_as_at = :old and substr(source_path, 1, :length) = :prefix)"""


def _move_hold(db: sqlite_utils.Database, display: str, old_day: str | None, new_day: str | None) -> None:
    """The acts of a mirror not stored again are held as at the old last commit's day
    (`parser.timeline.hold_until`): move them to the new one's, as a full build would
    hold them."""
    if not old_day or not new_day or old_day == new_day:
        return
    prefix = display + "/"
    old_data, new_data = held_bound_basis(old_day).data_json(), held_bound_basis(new_day).data_json()
    held, unproven = held_bound_basis(new_day).rule, held_basis(new_day)
    unproven_data = unproven.data_json()
    where = {"old": old_day, "length": len(prefix), "prefix": prefix, "held": held, "old_id": text_id(old_data)}
    # A held unit is two intervals (`hold_until`): its proven wording, ending on the cut,
    # and the open one after it, unproven, starting there (`HELD_UNITS_SQL`: 288,058 units
    # at 10,000 acts). provision_versions is a view: an interval's end and bases are a
    # span shared with the intervals given alike (db.version_store.BY_ID), so a moved
    # interval is pointed at the span with its new values, made once per distinct old
    # span (and, for an end, the day its wording took effect: `held_cut`).
    db.execute("drop table if exists temp.zan_held")
    db.execute(f"create temp table zan_held as {HELD_UNITS_SQL}", where)
    ends = db.execute("select distinct end_span, took_effect from temp.zan_held").fetchall()
    nexts = [span for (span,) in db.execute("select distinct next_span from temp.zan_held")]
    values = shared_values(db.conn, "provision_versions", [span for span, _ in ends] + nexts)
    known: dict[str, int] = {}

    def respan(span: int, change: dict) -> int:
        return store_shared(db.conn, "provision_versions", {**values[span], **change}, known)

    moved_ends = []
    for span, took_effect in ends:
        cut = held_cut(new_day, took_effect)
        moved_ends.append((span, took_effect, respan(span, {"valid_to": cut, "valid_to_latest": cut, "valid_to_basis_data": new_data}), cut))
    moved_nexts = [(span, respan(span, {"valid_from_basis_data": new_data, "basis_rule": unproven.rule, "basis_data": unproven_data})) for span in nexts]
    db.execute("create temp table zan_moved_ends (span_id integer, took_effect text, new integer, cut text, primary key (span_id, took_effect))")
    db.conn.executemany("insert into temp.zan_moved_ends values (?, ?, ?, ?)", moved_ends)
    db.execute("create temp table zan_moved_nexts (span_id integer primary key, new integer)")
    db.conn.executemany("insert into temp.zan_moved_nexts values (?, ?)", moved_nexts)
    db.execute(
        """update provision_version_rows set span_id = e.new
           from temp.zan_held h join temp.zan_moved_ends e on e.span_id = h.end_span and e.took_effect is h.took_effect
           where provision_version_rows.provision_id = h.provision_id and provision_version_rows.ordinal = h.ordinal - 1"""
    )
    # the interval after one moved starts when it now ends
    db.execute(
        """update provision_version_rows set span_id = n.new, valid_from = e.cut, valid_from_latest = e.cut
           from temp.zan_held h join temp.zan_moved_ends e on e.span_id = h.end_span and e.took_effect is h.took_effect
                join temp.zan_moved_nexts n on n.span_id = h.next_span
           where provision_version_rows.provision_id = h.provision_id and provision_version_rows.ordinal = h.ordinal"""
    )
    for table in ("zan_held", "zan_moved_ends", "zan_moved_nexts"):
        db.execute(f"drop table temp.{table}")
    db.execute(
        "update act_texts set text_as_at = :new where text_as_at = :old and substr(source_path, 1, :length) = :prefix",
        {"old": old_day, "new": new_day, "length": len(prefix), "prefix": prefix},
    )


def copy_database(db_path: Path, temporary: Path) -> None:
    """The old database as the update's starting point: the file copied by the kernel
    (a 250 MB database in 0.07 s, against 0.8 s page by page), or with SQLite's backup
    when a journal beside it may hold part of it."""
    temporary.unlink(missing_ok=True)
    if not any(db_path.with_name(db_path.name + suffix).exists() for suffix in ("-wal", "-journal")):
        shutil.copyfile(db_path, temporary)
        return
    source, target = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True), sqlite3.connect(temporary)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


__all__ = ["FullBuildNeeded", "MoreActsNeeded", "UpdatePlan", "UpdateResult", "plan_update", "plain_inputs_digest", "record_build", "UpdateReading", "read_update", "update_database", "copy_database"]
