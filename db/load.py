"""Building the database from a corpus folder.

The build writes to a temporary file beside the target and moves it into place only
when complete, so a failed or interrupted build never leaves a half-written database
where the previous good one was. Documents are parsed in worker processes and stored in
corpus order by this one (`db/parallel.py`), a few at a time, so memory stays flat in
the size of the corpus; a document whose file is unchanged since the last build is
taken from the parse cache instead of being parsed again. A document that cannot be
read becomes a row in `problems` and the build goes on.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from parser import Publications, read_publications
from parser.formats import is_source
from parser.model import ParsedDocument, Problem

from .git_corpus import RepositoryRead, commit_day, git_sources, new_commits_line, repository_row
from .git_history import find_repositories, head_commit
from .incremental import FullBuildNeeded, MoreActsNeeded, UpdatePlan, UpdateResult, copy_database, plain_inputs_digest, plan_update, record_build, update_database
from .links import link_cited_acts
from .parallel import ParseCache, Parsed, Source, default_workers, file_digest, parse_documents, parse_source, versioned_acts
from .rebuild import rebuild_versions
from .rows import ActRows, TableRows, problem_rows, provenance_rows, source_rows, table_rows
from .schema import create_schema, finish_schema
from .search import create_search_index, finish_search_index, index_act
from .sources import meta_beside, part_files, read_meta, read_parts

from .version_store import VersionStore
from .versions import StagedVersions, VersionedText, duplicate_act_problem

#: Files that describe a folder of sources rather than being one (``README.md``).
NOT_SOURCES = ("readme",)

#: Publication dates supplied beside the sources (see parser/publications.py).
PUBLICATIONS_FILE = "publications.csv"


class CorpusNotFound(Exception):
    """The corpus folder does not exist or is not a folder."""


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
    new_commits: str | None = None
    #: why the whole corpus was read (None: an update from the new commits, db.incremental)
    full_build: str | None = None

    def line(self) -> str:
        line = (
            f"{self.documents} documents, {self.acts} acts, {self.provisions} provisions, "
            f"{self.notes} notes, {self.amendments} amendments, {self.problems} problems; "
            f"{self.parsed} parsed, {self.reused} unchanged since the last build"
        )
        if self.repositories:
            commits = sum(read.commits for read in self.repositories)
            line += f"; {len(self.repositories)} git repositories, {commits} commits read"
            if self.new_commits:
                line += f" ({self.new_commits} since the last build)"
            line += f"; full build: {self.full_build}" if self.full_build else ""
        return line


def corpus_files(corpus: Path) -> list[Path]:
    """The source files of a corpus, in a stable order. Links that lead outside the
    corpus are not followed."""
    if not corpus.is_dir():
        raise CorpusNotFound(f"corpus folder not found: {corpus}")
    repositories = [repository.resolve() for repository in find_repositories(corpus)]
    files = []
    for path in sorted(corpus.rglob("*")):
        if not is_source(path):  # a file no format reads (parser.formats)
            continue
        if path.stem.lower().startswith(NOT_SOURCES) or not in_corpus(path, corpus):
            continue
        if any(repository in path.resolve().parents for repository in repositories):
            continue  # a git repository is read from its history (db.git_corpus), not its files
        files.append(path)
    return without_part_files(files)


def without_part_files(files: list[Path]) -> list[Path]:
    """The files less the part files of split acts (``rus/ch015.md``): each is read with
    the index that links it (`db.sources.part_files`), never as an act of its own."""
    parts = {part.resolve() for path in files for part in part_files(path)}
    return [path for path in files if path.resolve() not in parts] if parts else files


def in_corpus(path: Path, corpus: Path) -> bool:
    """Whether `path` is a file of the corpus once its links are followed: a link that
    leads outside the corpus is not followed, for sources, meta files and
    `publications.csv` alike, so a build reads nothing but the corpus."""
    return path.is_file() and corpus.resolve() in path.resolve().parents


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
    previous = last_commits_read(db_path)
    temporary = db_path.with_name(db_path.name + ".tmp")
    if temporary.exists():
        temporary.unlink()
    cache_path = default_cache(db_path) if cache is True else cache or None
    plan = plan_update(db_path, repositories, _plain_inputs_digest(corpus, files) if repositories else "")
    if plan.incremental:  # a corpus of git repositories after `git pull`: only what changed
        try:
            return update(corpus, db_path, plan, on_document, on_progress, workers, cache_path)
        except FullBuildNeeded as why:
            plan.reason = str(why)
    db = _temporary_database(temporary)
    summary = BuildSummary()
    complete = False
    parse_cache = ParseCache(cache_path) if cache_path else None
    try:
        create_schema(db)
        create_search_index(db.conn)  # filled act by act by the store, finished below
        publications = load_publications(corpus)
        store = Store(db, publications)
        reads = [
            RepositoryRead(str(repository.resolve()), head, _display_path(repository, corpus), commit_day(repository, head))
            for repository, head in ((repository, head_commit(repository)) for repository in repositories)
        ]
        store.mirrors = {read.display: read.head_day for read in reads}
        sources = itertools.chain(
            (read_source(path, corpus) for path in files),
            *(git_sources(repository, read.display, read) for repository, read in zip(repositories, reads)),
        )
        parsed = parse_documents(
            sources, publications, file_digest(publications_file(corpus)), workers or default_workers(), parse_cache
        )
        with db.atomic():
            store.problems(_display_path(corpus / PUBLICATIONS_FILE, corpus), None, publications.problems)
            for link in links_out_of_corpus(corpus):
                store.problems(_display_path(link, corpus), None, [_link_not_followed(link, corpus)])
            counted = _reporter(on_document, on_progress)
            for item in parsed:
                store.add(item)
                summary.source_bytes += item.result.size
                summary.reused += item.reused
                counted(item)
            store.finish(workers or default_workers(), on_acts)
        documents = len(files) + sum(read.sources for read in reads)
        summary.parsed = documents - summary.reused
        summary.repositories = reads
        if reads:
            summary.new_commits = new_commits_line(reads, previous)
            store.insert("repositories", (repository_row(read) for read in reads))
        link_cited_acts(db)
        rebuild_versions(db)
        finish_search_index(db.conn)
        finish_schema(db)
        record_build(db, plan.plain_digest)
        summary.full_build = plan.reason
        summary.documents = documents
        for table in ("acts", "provisions", "notes", "amendments", "problems"):
            setattr(summary, table, db[table].count)
        db.conn.commit()
        complete = True
    finally:
        db.close()
        if parse_cache:
            if complete:
                parse_cache.prune_unused()
            parse_cache.close()
        if not complete:
            temporary.unlink(missing_ok=True)
    _move_into_place(temporary, db_path)
    return summary


def update(
    corpus: Path,
    db_path: Path,
    plan: UpdatePlan,
    on_document: Callable[[Path], None] | None,
    on_progress: Callable[[int, int], None] | None,
    workers: int | None,
    cache_path: Path | None,
) -> BuildSummary:
    """`build` after new commits: the old database updated from them (`db.incremental`),
    written to the temporary file and moved into place like a full build."""
    also: frozenset[str] = frozenset()
    parsed = 0
    for _ in range(UPDATE_ATTEMPTS):
        try:
            summary = _update_once(corpus, db_path, plan, on_document, on_progress, workers, cache_path, also)
        except MoreActsNeeded as more:  # acts sharing an id with one stored again: them too
            also |= more.act_ids
            parsed += more.parsed
            reason = str(more)
            continue
        summary.parsed, summary.reused = summary.parsed + parsed, summary.reused - parsed
        return summary
    raise FullBuildNeeded(reason)


#: How many times an update starts again with more acts (`MoreActsNeeded`).
UPDATE_ATTEMPTS = 3


def _update_once(
    corpus: Path,
    db_path: Path,
    plan: UpdatePlan,
    on_document: Callable[[Path], None] | None,
    on_progress: Callable[[int, int], None] | None,
    workers: int | None,
    cache_path: Path | None,
    also: frozenset[str],
) -> BuildSummary:
    temporary = db_path.with_name(db_path.name + ".tmp")
    copy_database(db_path, temporary)
    db = _temporary_database(temporary)
    parse_cache = ParseCache(cache_path) if cache_path else None
    complete = False
    counted = _reporter(on_document, on_progress)

    try:
        publications = load_publications(corpus)
        store = Store(db, publications)
        repositories = [(repository, _display_path(repository, corpus)) for repository in find_repositories(corpus)]
        with db.atomic():
            result = update_database(
                db, store, repositories, plan, file_digest(publications_file(corpus)), workers, parse_cache, counted, also
            )
            record_build(db, plan.plain_digest)
        summary = updated_summary(db, result, corpus_files(corpus))
        db.conn.commit()
        complete = True
    finally:
        db.close()
        if parse_cache:
            parse_cache.close()  # not pruned: it holds the parses of the acts not read again
        if not complete:
            temporary.unlink(missing_ok=True)
    _move_into_place(temporary, db_path)
    return summary


def updated_summary(db: sqlite_utils.Database, result: UpdateResult, files: list[Path]) -> BuildSummary:
    """What an update did: the database's counts, and ``N new commits, M acts reparsed``."""
    summary = BuildSummary(parsed=result.parsed)
    summary.repositories = [
        RepositoryRead(str(update.path.resolve()), update.head, update.display, update.head_day, update.commits, update.versions, len(update.codes), update.sources)
        for update in result.repositories
    ]
    summary.new_commits = f"{sum(u.new_commits for u in result.repositories)} new commits, {result.acts} acts reparsed"
    (sources,) = db.execute("select sum(sources) from repositories").fetchone()
    summary.documents = len(files) + (sources or 0)
    summary.reused = summary.documents - summary.parsed
    summary.source_bytes = result.source_bytes
    for table in ("acts", "provisions", "notes", "amendments", "problems"):
        setattr(summary, table, db[table].count)
    return summary


def _plain_inputs_digest(corpus: Path, files: list[Path]) -> str:
    """`plain_inputs_digest` of what a build of `corpus` reads beside its repositories."""
    links = [_display_path(link, corpus) for link in links_out_of_corpus(corpus)]
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


def read_source(path: Path, corpus: Path) -> Source:
    """A corpus file's bytes, and a Markdown version's meta file with them."""
    meta = meta_beside(path)
    if meta and not in_corpus(meta, corpus):
        meta = None
    data = path.read_bytes()
    display = _display_path(path, corpus)
    parts = [(shown, part) for shown, part in read_parts(path, display, data)]
    return Source(
        path,
        display,
        data,
        read_meta(meta) if meta else None,
        _display_path(meta, corpus) if meta else None,
        parts,
    )


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


def _reporter(on_document: Callable[[Path], None] | None, on_progress: Callable[[int, int], None] | None) -> Callable[[Parsed], None]:
    """What a build says of each source stored: its path (`on_document`), and one text
    more of its size (`on_progress`)."""

    def report(item: Parsed) -> None:
        if on_document:
            on_document(item.source.path)
        if on_progress:
            on_progress(1, item.result.size or 0)

    return report


def links_out_of_corpus(corpus: Path) -> list[Path]:
    """The links in the corpus that lead outside it (or nowhere), which no build follows."""
    return [path for path in sorted(corpus.rglob("*")) if path.is_symlink() and not in_corpus(path, corpus)]


def _link_not_followed(link: Path, corpus: Path) -> Problem:
    return Problem(
        "warning",
        "link_out_of_corpus",
        f"{_display_path(link, corpus)}: a link to a file outside the corpus (or to nothing); it is not read",
    )


def publications_file(corpus: Path) -> Path | None:
    """The corpus's `publications.csv`, when it has one (inside the corpus)."""
    path = corpus / PUBLICATIONS_FILE
    return path if in_corpus(path, corpus) else None


def load_publications(corpus: Path) -> Publications:
    """The corpus's `publications.csv`, or none."""
    path = publications_file(corpus)
    if path is None:
        return Publications()
    return read_publications(path.read_text(encoding="utf-8-sig"), _display_path(path, corpus))


def _display_path(path: Path, corpus: Path) -> str:
    """Source paths are stored relative to the corpus's parent (``corpus/000_….txt``),
    so a database built on one machine names the same files on another."""
    try:
        return str(path.relative_to(corpus.parent))
    except ValueError:
        return str(path)


class Store:
    """Writes parsed documents into the tables of `db.schema`."""

    def __init__(self, db: sqlite_utils.Database, publications: Publications | None = None) -> None:
        self.db = db
        self.publications = publications  # to parse a file again (see `add`)
        self.act_ids: set[str] = set()
        self.staged = StagedVersions(db.conn)
        self.versions = VersionStore(db.conn)
        #: git mirrors read: how their sources' paths begin -> the day of their last commit
        self.mirrors: dict[str, str | None] = {}

    def add(self, item: Parsed) -> None:
        """Store one parsed file: a plain act's rows as its worker made them (see
        `db.parallel.ParsedSource`). A version of an act waits (see `finish`) until all
        the act's versions are in."""
        parsed = item.result
        if parsed.rows is not None:
            if parsed.rows.act_id not in self.act_ids:
                self.act_ids.add(parsed.rows.act_id)
                self.write(parsed.rows)
                return
            # A second file claims the act: its rows get other ids, made here.
            source = item.source
            parsed = parse_source(source.display_path, source.data, self.publications, source.meta_text, source.meta_path, rows=False, parts=source.parts)
        document = parsed.document
        assert document is not None
        act = document.act
        if act is None:
            self._write_tables(provenance_rows(document, None, "unreadable"))
            return
        if document.version is not None:
            self.staged.stage(document)
            return
        self.write(source_rows(document, self._unique_act_id(act.id, document)))

    def finish(self, workers: int = 1, on_acts: Callable[[int, int, int], None] | None = None) -> None:
        """Store the acts held in several versions, once every document has been read:
        each act's versions are aligned and made rows in a worker (`workers` processes),
        and written here in the order of their first file. `on_acts(stored, of, versions)`
        follows the progress."""
        claimed = ((documents, self._reserve(act_id), act_id) for documents, act_id in self.staged.staged_acts())
        total, versions = self.staged.acts(), 0
        for stored, texts in enumerate(versioned_acts(claimed, self.publications or Publications(), self.mirrors, workers), start=1):
            for text in texts:
                self.write_versioned(text)
                versions += len(text.versions)
            if on_acts:
                on_acts(stored, total, versions)
        self.staged.drop()

    def write_versioned(self, text: VersionedText) -> None:
        """One language text of an act held in versions."""
        self.write(text.rows)
        versions = self.versions.number(text.versions)
        self.insert("versions", versions)
        self.versions.write_units({row["id"]: row["seq"] for row in versions}, text.units)
        self.insert("version_changes", text.changes)

    def write(self, rows: ActRows) -> None:
        """An act's rows, and its units in the search index."""
        self._write_tables(rows.tables)
        index_act(self.db.conn, rows.act_id, rows.search, rows.words)

    def _write_tables(self, tables: list[TableRows]) -> None:
        for rows in tables:
            names = ", ".join(f'"{column}"' for column in rows.columns)
            marks = ", ".join("?" for _ in rows.columns)
            self.db.conn.executemany(f'insert into "{rows.table}" ({names}) values ({marks})', rows.values)

    def _unique_act_id(self, act_id: str, document: ParsedDocument) -> str:
        """Two files claiming one act are both kept; the second is said to be a duplicate."""
        unique = self._reserve(act_id)
        if unique != act_id:
            document.problems.append(duplicate_act_problem(act_id, unique))
        return unique

    def _reserve(self, act_id: str) -> str:
        """`act_id`, or ``{act_id}~2`` … when a file stored before holds that act."""
        unique, copy = act_id, 2
        while unique in self.act_ids:
            unique, copy = f"{act_id}~{copy}", copy + 1
        self.act_ids.add(unique)
        return unique

    def problems(self, source_path: str, act_id: str | None, problems: list[Problem]) -> None:
        self.insert("problems", problem_rows(source_path, act_id, problems))

    def insert(self, table: str, rows: Iterable[dict]) -> None:
        """Insert rows (dicts with the same keys) with one prepared statement:
        sqlite-utils' per-value checks took over half of the store time
        (docs/benchmarks.md). The schema is created by sqlite-utils."""
        made = table_rows(table, rows)
        if made:
            self._write_tables([made])
