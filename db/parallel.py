"""Parsing a corpus in worker processes, with a cache of what each file parsed to.

Parsing a document, finding the acts its units cite and making its rows (`db/rows.py`)
are pure functions of the file's bytes, its display path and `publications.csv`, and
they are most of the build's time. `parse_documents` runs them in a process pool and
yields the results *in corpus order*, so the database the main process writes from
them is the same, byte for byte, whatever the number of workers. At most a few
documents per worker are in flight, so memory stays flat in the size of the corpus.

A result is handed over as compressed pickled bytes, and those bytes are what the parse
cache (`ParseCache`, an SQLite file beside the database) keeps, keyed by the file's
sha256, its display path, the sha256 of `publications.csv` and a fingerprint of the
parser's source code: a rebuild reparses only the files whose key changed. Links between
acts are resolved in SQL after every document is stored (`db/links.py`), so the acts
that cite a changed file need no reparse.

The cache is trusted like the code: it holds pickles, so keep it where only the
builder can write.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import pickle
import sqlite3
import sys
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from parser import Publications, parse_bytes
from parser.model import ParsedDocument

from .sources import Source
from .rows import ActRows, source_rows
from .versions import StagedDocument, VersionedText, staged_document, unpack_document, versioned_act_rows

#: Documents in flight per worker: enough to keep every worker busy while the main
#: process stores, few enough that memory does not grow with the corpus.
IN_FLIGHT_PER_WORKER = 4

#: Cache rows written between commits: a build that fails late keeps most of its parses.
CACHE_COMMIT_EVERY = 500

PARSER_ROOT = Path(__file__).resolve().parent.parent / "parser"
#: The modules of `db` whose code a worker runs: a cached result depends on them too.
WORKER_MODULES = ("parallel.py", "sources.py", "rows.py", "search.py", "schema.py", "version_store.py", "versions.py", "bilingual.py")


@dataclass
class ParsedSource:
    """What a worker makes of one source file. For a plain act (readable, and not one of
    several versions) that is every row it adds to the database, `rows`, made in the
    worker: the main process, which writes the database alone and so limits the build,
    only inserts them. A version of an act is `staged`, packed, to be merged with the
    other versions of its act once all are read. Otherwise it is the parsed `document`,
    which the main process stores itself: an unreadable file's problems."""

    document: ParsedDocument | None = None
    rows: ActRows | None = None
    size: int = 0  # the source file's bytes
    #: a version of an act, packed once here for the worker that will align it with the
    #: act's other versions (the main process only stages it)
    staged: StagedDocument | None = None


@dataclass
class Parsed:
    """A source and its result, in corpus order; `reused` says it came from the cache."""

    source: Source
    result: ParsedSource
    reused: bool


def parse_source(
    display_path: str,
    data: bytes,
    publications: Publications | None,
    meta_text: str | None = None,
    meta_path: str | None = None,
    rows: bool = True,
    parts: list[tuple[str, bytes | None]] | None = None,
) -> ParsedSource:
    """The pure work done for one file (with its part files, for a split act's index):
    parse it and, for a plain act (unless `rows` is False), make its rows: timelines,
    citations, search stems and all."""
    document = parse_bytes(data, display_path, publications, meta_text, meta_path, parts or None)
    if rows and document.act is not None and document.version is not None:
        return ParsedSource(staged=staged_document(document), size=document.size)
    if not rows or document.act is None or document.version is not None:
        return ParsedSource(document=document, size=document.size)
    return ParsedSource(rows=source_rows(document, document.act.id), size=document.size)


# -- In a worker process (or in the main one, for a one-worker build) ------------------

_worker_publications: Publications | None = None

#: The cyclic garbage collector's thresholds while a build runs. A build allocates
#: millions of small objects that live until their act is written (parsed documents,
#: memos, rows), few of them in cycles; with CPython's default (700, 10, 10) a 200-act
#: build collected 3,308 times and walked the whole heap 24 times: 2.7 s of its 29 s
#: (measured with `gc.callbacks`). At these thresholds it collected 96 to 176 times, in
#: 0.3 to 0.4 s, with the same peak memory at 200 acts: cycles are still collected, only
#: less often (a worker's peak at 10,000 acts grew from 207 to 246 MB).
BUILD_GC_THRESHOLD = (10_000, 10, 10)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with the collector at `BUILD_GC_THRESHOLD`, then as it was."""
    before = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _start_worker(publications: Publications | None) -> None:
    """A worker process's setup: the publications it parses with, and the build's
    collector thresholds (the process is the build's alone)."""
    global _worker_publications
    _worker_publications = publications
    gc.set_threshold(*BUILD_GC_THRESHOLD)


def _parse_to_bytes(
    display_path: str, data: bytes, meta_text: str | None, meta_path: str | None, parts: list[tuple[str, bytes | None]] | None = None
) -> bytes:
    """A worker's task: one file in, its `ParsedSource` out as compressed pickled bytes
    (the form the cache keeps)."""
    return encode(parse_source(display_path, data, _worker_publications, meta_text, meta_path, parts=parts))


#: The first byte of an encoded result: how the rest is to be read.
COMPRESSED, PICKLED = b"z", b"p"


def encode(result: ParsedSource) -> bytes:
    """A worker's result as the bytes handed to the main process and kept in the cache:
    compressed, except a staged version's, whose document is compressed already
    (`db.versions.pack_document`): the main process reads its few fields without
    decompressing it, and stages the document as it came (decompressing every version
    there was 8 % of the main process's time, which limits a build with workers)."""
    data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    if result.staged is not None:
        return PICKLED + data
    return COMPRESSED + zlib.compress(data, 1)


def decode(blob: bytes) -> ParsedSource:
    data = memoryview(blob)[1:]
    return pickle.loads(zlib.decompress(data) if blob[:1] == COMPRESSED else data)


# -- The cache ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """A digest of everything a cached result depends on besides its inputs: the
    parser's source files, the `WORKER_MODULES`, spaCy's version and Python's."""
    code = sorted(path for path in PARSER_ROOT.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    here = Path(__file__).resolve().parent
    return code_digest([*code, *(here / name for name in WORKER_MODULES)], f"{sys.version_info[:2]} spacy {version('spacy')}")


def code_digest(paths: Iterable[Path], context: str = "") -> str:
    """A digest of source files (each one's name and bytes, in the order given) and of
    `context`: what a fingerprint of code is made of."""
    digest = hashlib.sha256(context.encode())
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(source: Source, publications_digest: str) -> str:
    digest = hashlib.sha256()
    meta = hashlib.sha256((source.meta_text or "").encode()).hexdigest() + (source.meta_path or "")
    for part in (parser_fingerprint(), publications_digest, source.display_path, hashlib.sha256(source.data).hexdigest(), meta):
        digest.update(part.encode() + b"\0")
    for path, data in source.parts:  # a split act's parse depends on its part files too
        digest.update(path.encode() + b"\0" + (hashlib.sha256(data).hexdigest() if data is not None else "-").encode() + b"\0")
    return digest.hexdigest()


class ParseCache:
    """Parse results by cache key, in an SQLite file. Entries not used by the last
    build are dropped at its end (`prune_unused`), so the cache holds one result per
    file of the corpus. Their pages stay in the file, free, and the next build writes
    into them first: after a change that reparses everything (a new parser), the file is
    up to twice the size of the live entries, not more (at 100,000 acts: 4.2 GB, half
    of it free). A cache that cannot be read is started afresh."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.conn = self._open()
        except sqlite3.DatabaseError:
            path.unlink(missing_ok=True)
            self.conn = self._open()
        self._uncommitted = 0

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path)
        conn.execute("create table if not exists parses (key text primary key, result blob not null)")
        conn.execute("create temp table used (key text primary key)")
        return conn

    def get(self, key: str) -> bytes | None:
        self.conn.execute("insert or ignore into used values (?)", (key,))
        row = self.conn.execute("select result from parses where key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, blob: bytes) -> None:
        self.conn.execute("insert or replace into parses values (?, ?)", (key, blob))
        self._uncommitted += 1
        if self._uncommitted >= CACHE_COMMIT_EVERY:
            self.conn.commit()
            self._uncommitted = 0

    def prune_unused(self) -> None:
        """Forget the parses of files no longer in the corpus or since changed."""
        self.conn.execute("delete from parses where key not in (select key from used)")

    def close(self) -> None:
        self.conn.commit()
        self.conn.close()


def file_digest(path: Path | None) -> str:
    """The sha256 of a file's bytes, or of nothing when there is none."""
    return hashlib.sha256(path.read_bytes() if path is not None and path.is_file() else b"").hexdigest()


# -- In the main process --------------------------------------------------------------


def parse_documents(
    sources: Iterable[Source],
    publications: Publications | None,
    publications_digest: str,
    workers: int,
    cache: ParseCache | None = None,
) -> Iterator[Parsed]:
    """Parse `sources` with `workers` processes (1: in this process) and yield each
    result in the order of `sources`. Results found in `cache` are reused, new ones
    added to it."""
    if workers <= 1:
        _start_worker(publications)
        yield from _parse_in_order(sources, publications_digest, cache, _InProcess())
        return
    with ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_start_worker, initargs=(publications,)) as pool:
        # Forked workers start before the first source is read: a source read from git
        # keeps `git cat-file` open, and a worker forked then would hold its pipe too, so
        # git would never see the end of its input (db.git_corpus).
        pool.submit(int).result()
        yield from _parse_in_order(sources, publications_digest, cache, pool, workers * IN_FLIGHT_PER_WORKER)


def _pool_context() -> multiprocessing.context.BaseContext:
    """Fork where there is fork: the workers then start with the parser and spaCy
    already imported instead of importing them again (about a second each)."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class _InProcess(Executor):
    """Runs each task at once in this process: the one-worker build, with no pool."""

    def submit(self, fn, /, *args, **kwargs) -> Future:  # type: ignore[override]
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _parse_in_order(
    sources: Iterable[Source],
    publications_digest: str,
    cache: ParseCache | None,
    executor: Executor,
    window: int = 1,
) -> Iterator[Parsed]:
    pending: deque[tuple[Source, str, Future, bool]] = deque()
    for source in sources:
        key = cache_key(source, publications_digest)
        blob = cache.get(key) if cache else None
        if blob is not None:
            future: Future = Future()
            future.set_result(blob)
        else:
            future = executor.submit(_parse_to_bytes, source.display_path, source.data, source.meta_text, source.meta_path, source.parts or None)
        pending.append((source, key, future, blob is not None))
        if len(pending) >= window:
            yield _collect(pending.popleft(), cache)
    while pending:
        yield _collect(pending.popleft(), cache)


def _collect(item: tuple[Source, str, Future, bool], cache: ParseCache | None) -> Parsed:
    source, key, future, reused = item
    blob = future.result()
    if cache is not None and not reused:
        cache.put(key, blob)
    return Parsed(source, decode(blob), reused)


def versioned_acts(
    acts: Iterable[tuple[list[bytes], str, str]],
    publications: Publications,
    mirrors: dict[str, str | None],
    workers: int,
) -> Iterator[list[VersionedText]]:
    """The rows of acts held in several versions (`db.versions.versioned_act_rows`), made
    by `workers` processes (1: in this process) and yielded in the order of `acts`:
    (each version's pickled document oldest first, the act's id, the id it claimed)."""
    if workers <= 1:
        _start_worker(publications)
        for documents, act_id, claimed_id in acts:
            yield _versioned_act(documents, act_id, claimed_id, mirrors)
        return
    with ProcessPoolExecutor(workers, mp_context=_pool_context(), initializer=_start_worker, initargs=(publications,)) as pool:
        pending: deque[Future] = deque()
        for documents, act_id, claimed_id in acts:
            pending.append(pool.submit(_versioned_act, documents, act_id, claimed_id, mirrors))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _versioned_act(documents: list[bytes], act_id: str, claimed_id: str, mirrors: dict[str, str | None]) -> list[VersionedText]:
    """A worker's task: one act's versions in, the rows of each of its language texts out."""
    return versioned_act_rows([unpack_document(blob) for blob in documents], act_id, claimed_id, _worker_publications or Publications(), mirrors)


def default_workers() -> int:
    return os.cpu_count() or 1
