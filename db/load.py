"""Building the database from a corpus folder.

The build writes to a temporary file beside the target and moves it into place only
when complete, so a failed or interrupted build never leaves a half-written database
where the previous good one was. Documents are parsed in worker processes and stored in
corpus order by this one (`db/parallel.py`), a few at a time, so memory stays flat in
the size of the corpus; a document whose file is unchanged since the last build is
taken from the parse cache instead of being parsed again. A document that cannot be
read becomes a row in `problems` and the build goes on.

`build` reads top-down: plan (a full build, or an update from new git commits,
`db.incremental`), store (`db.store.Store`, one source after another), finish (the passes
over the whole database, `db.store.finish_passes`), then move the file into place.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from .corpus import (
    PUBLICATIONS_FILE,
    CorpusNotFound,
    corpus_files,
    display_path,
    link_not_followed,
    links_out_of_corpus,
    load_publications,
    publications_file,
    read_source,
)
from .git_corpus import RepositoryRead, commit_day, git_sources, new_since, repository_row
from .git_history import find_repositories, head_commit
from .incremental import (
    FullBuildNeeded,
    MoreActsNeeded,
    UpdatePlan,
    UpdateResult,
    copy_database,
    plain_inputs_digest,
    plan_update,
    read_update,
    record_build,
    update_database,
)
from .parallel import ParseCache, Parsed, Source, default_workers, fewer_collections, file_digest, parse_documents
from .schema import create_schema
from .search import create_search_index
from .store import Store, finish_passes

__all__ = ["BuildSummary", "CorpusNotFound", "PUBLICATIONS_FILE", "build", "corpus_files", "default_cache", "load_publications", "read_source"]

#: A report of each source stored (`_reporter`).
Report = Callable[[Parsed], None]


@dataclass
class BuildJob:
    """What every step of one build is told: the corpus it reads, the database it writes,
    how it reports, and how it parses."""

    corpus: Path
    db_path: Path
    report: Report
    on_acts: Callable[[int, int, int], None] | None = None
    workers: int | None = None  # None: one per CPU (`default_workers`)
    cache_path: Path | None = None


@dataclass
class BuildSummary:
    documents: int = 0
    acts: int = 0
    provisions: int = 0
    notes: int = 0
    amendments: int = 0
    problems: int = 0
    source_bytes: int = 0
    #: documents parsed by this build, and documents whose parse came from the cache
    parsed: int = 0
    reused: int = 0
    #: for a corpus of git repositories: what was read from each, and what is new
    repositories: list[RepositoryRead] = field(default_factory=list)
    #: commits since the last build (None: no repository), and the acts they touched
    #: (a full build) or that were stored again (an update: `reparsed`)
    new_commits: int | None = None
    new_acts: int = 0
    reparsed: bool = False
    #: why the whole corpus was read, a code (`db.incremental.FullBuildNeeded`; None: an
    #: update from the new commits), and what it names. In words:
    #: `zan.messages.build_summary_line`, in the reader's language.
    full_build: str | None = None
    full_build_detail: str | None = None
    #: the problems this build recorded are the rows after this one (0: all, a full build;
    #: an update's are those of the acts it stored again and of its passes)
    problems_after: int = 0

    @property
    def commits(self) -> int:
        """Commits read from the repositories (their whole history, or up to the last build)."""
        return sum(read.commits for read in self.repositories)

    def count_rows(self, db: sqlite_utils.Database) -> None:
        """The database's counts of what a reader sees: acts, units, notes, amendments, problems."""
        for table in ("acts", "provisions", "notes", "amendments", "problems"):
            setattr(self, table, db[table].count)


def default_cache(db_path: Path) -> Path:
    """The parse cache of a database: ``laws.db.cache`` beside ``laws.db``."""
    return db_path.with_name(db_path.name + ".cache")


def build(
    corpus: Path,
    db_path: Path,
    on_document: Callable[[Path], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    on_acts: Callable[[int, int, int], None] | None = None,
    workers: int | None = None,
    cache: Path | None | bool = True,
) -> BuildSummary:
    """Parse every document of `corpus` into a new database at `db_path`.

    `on_progress(texts, bytes)` is called as texts are read, `on_acts(stored, of,
    versions)` as the acts held in versions are stored (they wait until all is read).
    `workers` processes parse (default: one per CPU; 1 parses in this process). `cache`
    is the parse cache file: True for `default_cache(db_path)`, False or None for none.
    """
    files = corpus_files(corpus)
    repositories = find_repositories(corpus)
    cache_path = default_cache(db_path) if cache is True else cache or None
    job = BuildJob(corpus, db_path, _reporter(on_document, on_progress), on_acts, workers, cache_path)
    plan = plan_update(db_path, repositories, _plain_inputs_digest(corpus, files) if repositories else "")
    with fewer_collections():
        if plan.incremental:  # a corpus of git repositories after `git pull`: only what changed
            try:
                return update(job, plan)
            except FullBuildNeeded as why:
                plan.reason, plan.detail = why.reason, why.detail
        return full_build(job, files, repositories, plan)


def full_build(job: BuildJob, files: list[Path], repositories: list[Path], plan: UpdatePlan) -> BuildSummary:
    """Every source of the corpus (its files, then its repositories' histories) parsed or
    taken from the parse cache, stored, and the whole database finished."""
    corpus = job.corpus
    previous = last_commits_read(job.db_path)
    with _written_in_place(job.db_path, job.cache_path) as (db, parse_cache):
        store, reads = _new_store(db, corpus, repositories)
        sources = itertools.chain(
            (read_source(path, corpus) for path in files),
            *(git_sources(repository, read.display, read) for repository, read in zip(repositories, reads)),
        )
        summary = _store_sources(store, job, sources, parse_cache)
        summary.documents = len(files) + sum(read.sources for read in reads)  # counted as the histories were read
        summary.parsed = summary.documents - summary.reused
        _store_repositories(store, summary, reads, previous)
        finish_passes(db)
        record_build(db, plan.plain_digest)
        summary.full_build, summary.full_build_detail = plan.reason, plan.detail
        summary.count_rows(db)
    return summary


def _new_store(db: sqlite_utils.Database, corpus: Path, repositories: list[Path]) -> tuple[Store, list[RepositoryRead]]:
    """The empty tables and a `Store` over them, told the last commit of each repository."""
    create_schema(db)
    create_search_index(db.conn)  # filled act by act by the store, finished by `finish_passes`
    store = Store(db, load_publications(corpus))
    reads = [
        RepositoryRead(str(repository.resolve()), head, display_path(repository, corpus), commit_day(repository, head))
        for repository, head in ((repository, head_commit(repository)) for repository in repositories)
    ]
    store.mirrors = {read.display: read.head_day for read in reads}
    return store, reads


def _store_sources(store: Store, job: BuildJob, sources: Iterator[Source], parse_cache: ParseCache | None) -> BuildSummary:
    """The corpus's own problems, then each source parsed and stored in corpus order,
    then the acts held in versions (they wait until every version is read)."""
    corpus, publications, workers = job.corpus, store.publications, job.workers or default_workers()
    assert publications is not None
    parsed = parse_documents(sources, publications, file_digest(publications_file(corpus)), workers, parse_cache)
    summary = BuildSummary()
    with store.db.atomic():
        store.problems(display_path(corpus / PUBLICATIONS_FILE, corpus), None, publications.problems)
        for link in links_out_of_corpus(corpus):
            store.problems(display_path(link, corpus), None, [link_not_followed(link, corpus)])
        for item in parsed:
            store.add(item)
            summary.source_bytes += item.result.size
            summary.reused += item.reused
            job.report(item)
        store.finish(workers, job.on_acts)
    return summary


def _store_repositories(store: Store, summary: BuildSummary, reads: list[RepositoryRead], previous: dict[str, str | None]) -> None:
    """The repositories read, with the commit each was read to, and what is new since the last build."""
    summary.repositories = reads
    if reads:
        summary.new_commits, summary.new_acts = new_since(reads, previous)
        store.insert("repositories", (repository_row(read) for read in reads))


def update(job: BuildJob, plan: UpdatePlan) -> BuildSummary:
    """`build` after new commits: the old database updated from them (`db.incremental`),
    written to the temporary file and moved into place like a full build."""
    also: frozenset[str] = frozenset()
    parsed = 0
    reason = FullBuildNeeded("no_database")  # replaced by the last attempt's
    for _ in range(UPDATE_ATTEMPTS):
        try:
            summary = _update_once(job, plan, also)
        except MoreActsNeeded as more:  # acts sharing an id with one stored again: them too
            also |= more.act_ids
            parsed += more.parsed
            reason = more
            continue
        summary.parsed, summary.reused = summary.parsed + parsed, summary.reused - parsed
        return summary
    raise FullBuildNeeded(reason.reason, reason.detail)


#: How many times an update starts again with more acts (`MoreActsNeeded`).
UPDATE_ATTEMPTS = 3


def _update_once(job: BuildJob, plan: UpdatePlan, also: frozenset[str]) -> BuildSummary:
    corpus = job.corpus
    publications = load_publications(corpus)
    repositories = [(repository, display_path(repository, corpus)) for repository in find_repositories(corpus)]
    workers = job.workers or default_workers()
    with _updated_beside(job.db_path, job.cache_path) as (old, copy, parse_cache):
        reading = read_update(old, repositories, plan, also)
        parsed = parse_documents(reading.sources(), publications, file_digest(publications_file(corpus)), workers, parse_cache)
        early = _while_copying(parsed, copy)
        db = copy.database()
        store = Store(db, publications)
        with db.atomic():
            result = update_database(db, store, reading, itertools.chain(early, parsed), workers, job.report)
            record_build(db, plan.plain_digest)
        summary = updated_summary(db, result, corpus_files(corpus))
    return summary


def _while_copying(parsed: Iterator[Parsed], copy: BackgroundCopy) -> list[Parsed]:
    """The sources parsed while the old database is copied (`BackgroundCopy`), which the
    update cannot store before: up to the first parsed once the copy is done."""
    early: list[Parsed] = []
    if copy.done():
        return early
    for item in parsed:
        early.append(item)
        if copy.done():
            break
    return early


class BackgroundCopy:
    """The old database copied beside it by a thread (`copy_database`: the kernel copies,
    and Python's lock is free meanwhile), while the update reads the new commits and
    parses them: at 10,000 acts the copy of the 2.2 GB file took 5.5 s of the update's
    32. The update opens the copy when it first writes (`database`)."""

    def __init__(self, source: Path, target: Path) -> None:
        self.target = target
        self._error: BaseException | None = None
        self._db: sqlite_utils.Database | None = None
        self._thread = threading.Thread(target=self._copy, args=(source, target), name="zan-copy", daemon=True)
        self._thread.start()

    def _copy(self, source: Path, target: Path) -> None:
        try:
            copy_database(source, target)
        except BaseException as error:  # raised where the copy is asked for (`database`)
            self._error = error

    def done(self) -> bool:
        return not self._thread.is_alive()

    def database(self) -> sqlite_utils.Database:
        """The copy, once written, open to write (`_temporary_database`)."""
        if self._db is None:
            self._thread.join()
            if self._error is not None:
                raise self._error
            self._db = _temporary_database(self.target)
        return self._db

    def close(self) -> None:
        self._thread.join()
        if self._db is not None:
            self._db.close()


@contextmanager
def _updated_beside(db_path: Path, cache_path: Path | None) -> Iterator[tuple[sqlite_utils.Database, BackgroundCopy, ParseCache | None]]:
    """An update's files: the old database, read only, to decide what to read
    (`db.incremental.read_update`); its copy beside it (`BackgroundCopy`), which the
    update writes, committed and moved over `db_path` when the block completes and thrown
    away if it fails, like a full build's file (`_written_in_place`); the parse cache,
    whose parses the update keeps (they are the acts it did not read again)."""
    temporary = _temporary_path(db_path)
    try:
        with ExitStack() as stack:  # closed in reverse: the cache, the old file, the copy (joined)
            copy = BackgroundCopy(db_path, temporary)
            stack.callback(copy.close)
            old = sqlite_utils.Database(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))
            stack.callback(old.close)
            parse_cache = ParseCache(cache_path) if cache_path else None
            if parse_cache:
                stack.callback(parse_cache.close)
            yield old, copy, parse_cache
            copy.database().conn.commit()
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _move_into_place(temporary, db_path)


def updated_summary(db: sqlite_utils.Database, result: UpdateResult, files: list[Path]) -> BuildSummary:
    """What an update did: the database's counts, the new commits and the acts stored again."""
    summary = BuildSummary(parsed=result.parsed, problems_after=result.problems_after)
    summary.repositories = [
        RepositoryRead(str(update.path.resolve()), update.head, update.display, update.head_day, update.commits, update.versions, len(update.codes), update.sources)
        for update in result.repositories
    ]
    summary.new_commits, summary.new_acts, summary.reparsed = sum(u.new_commits for u in result.repositories), result.acts, True
    (sources,) = db.execute("select sum(sources) from repositories").fetchone()
    summary.documents = len(files) + (sources or 0)
    summary.reused = summary.documents - summary.parsed
    summary.source_bytes = result.source_bytes
    summary.count_rows(db)
    return summary


def _temporary_path(db_path: Path) -> Path:
    """The file a build or an update writes beside `db_path` before moving it over it."""
    return db_path.with_name(db_path.name + ".tmp")


@contextmanager
def _written_in_place(db_path: Path, cache_path: Path | None) -> Iterator[tuple[sqlite_utils.Database, ParseCache | None]]:
    """The database a full build writes, an empty file beside `db_path`, with the parse
    cache open. Written again compact (`_write_compact`) and moved over `db_path` when the
    block completes; thrown away if it fails, so a failed build never replaces a good
    database. The cache's parses the build did not use are dropped."""
    temporary = _temporary_path(db_path)
    compact = db_path.with_name(db_path.name + ".compact")
    temporary.unlink(missing_ok=True)
    compact.unlink(missing_ok=True)
    db = _temporary_database(temporary)
    parse_cache = ParseCache(cache_path) if cache_path else None
    complete = False
    try:
        yield db, parse_cache
        db.conn.commit()
        _write_compact(db, compact)
        complete = True
    finally:
        db.close()
        if parse_cache:
            if complete:
                parse_cache.prune_unused()
            parse_cache.close()
        if not complete:
            temporary.unlink(missing_ok=True)
            compact.unlink(missing_ok=True)
    os.replace(compact, temporary)
    _move_into_place(temporary, db_path)


def _write_compact(db: sqlite_utils.Database, compact: Path) -> None:
    """The finished database written again, each table and index in key order, its pages
    full (``vacuum into``): rows stored by a hash of their content (`texts`) or not in
    their key's order leave pages part empty (1,000 acts: 9 % of the file). An update
    does not: it would rewrite the whole file, and its time follows what changed."""
    db.execute("vacuum into ?", [str(compact)])


def _plain_inputs_digest(corpus: Path, files: list[Path]) -> str:
    """`plain_inputs_digest` of what a build of `corpus` reads beside its repositories."""
    links = [display_path(link, corpus) for link in links_out_of_corpus(corpus)]
    return plain_inputs_digest((read_source(path, corpus) for path in files), publications_file(corpus), links)


def last_commits_read(db_path: Path) -> dict[str, str | None]:
    """The last commit each repository was read to by the build of `db_path`, if any."""
    if not db_path.exists():
        return {}
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
            return dict(conn.execute("select path, last_commit from repositories").fetchall())
    except sqlite3.Error:  # a database built before repositories were read
        return {}


def _temporary_database(path: Path) -> sqlite_utils.Database:
    """The file a build or an update writes: thrown away if it fails, so it needs no
    journal and no sync to disk until the end (`_move_into_place`)."""
    db = sqlite_utils.Database(path)
    db.execute("pragma journal_mode = off")
    db.execute("pragma synchronous = off")
    return db


def _move_into_place(temporary: Path, db_path: Path) -> None:
    """The finished file, made durable, replaces the previous database at once."""
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, db_path)


def _reporter(on_document: Callable[[Path], None] | None, on_progress: Callable[[int, int], None] | None) -> Report:
    """What a build says of each source stored: its path (`on_document`), and one text
    more of its size (`on_progress`)."""

    def report(item: Parsed) -> None:
        if on_document:
            on_document(item.source.path)
        if on_progress:
            on_progress(1, item.result.size or 0)

    return report
