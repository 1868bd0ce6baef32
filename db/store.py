"""Writing parsed documents into the tables of `db.schema`, and the passes over the whole
database once every act is in.

A full build (`db.load`) and an update after new commits (`db.incremental`) store acts with
the same `Store` and finish with the same passes, so an update gives the rows of a full
build of the same corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import sqlite_utils

from parser import Publications
from parser.model import ParsedDocument, Problem

from .coming import finish_coming
from .links import link_cited_acts
from .parallel import Parsed, parse_source, versioned_acts
from .reach import finish_reach
from .rebuild import rebuild_versions
from .rows import ActRows, TableRows, problem_rows, provenance_rows, source_rows, table_rows
from .schema import create_indexes, finish_schema
from .search import finish_search_index, index_act
from .version_store import VersionStore, insert_rows
from .versions import StagedVersions, VersionedText, duplicate_act_problem


class Store:
    """Writes parsed documents into the tables of `db.schema`."""

    def __init__(self, db: sqlite_utils.Database, publications: Publications | None = None) -> None:
        self.db = db
        self.publications = publications  # to parse a file again (see `add`)
        self.act_ids: set[str] = set()
        self.staged = StagedVersions(db.conn)
        #: texts stored already (`BY_ID`, the wordings), body -> id: a text met again is not
        #: looked up again (a quarter of the writer's time at 10,000 acts was `store_text`)
        self.texts: dict[str, int] = {}
        self.versions = VersionStore(db.conn, self.texts)
        #: git mirrors read: how their sources' paths begin -> the day of their last commit
        self.mirrors: dict[str, str | None] = {}

    def add(self, item: Parsed) -> None:
        """Store one parsed file: a plain act's rows as its worker made them (see
        `db.parallel.ParsedSource`). A version of an act waits (see `finish`) until all
        the act's versions are in."""
        parsed = item.result
        if parsed.staged is not None:
            self.staged.stage(parsed.staged)
            return
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
        self._forget_texts_if_many()

    def write(self, rows: ActRows) -> None:
        """An act's rows, and its units in the search index."""
        self._write_tables(rows.tables)
        index_act(self.db.conn, rows.act_id, rows.search, rows.words)

    def _write_tables(self, tables: list[TableRows]) -> None:
        for rows in tables:
            insert_rows(self.db.conn, rows.table, rows.columns, rows.values, self.texts)
        self._forget_texts_if_many()

    def _forget_texts_if_many(self) -> None:
        """Memory stays flat: the texts an act repeats are its own, met while it is written."""
        if len(self.texts) > 50_000:
            self.texts.clear()

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


def finish_passes(db: sqlite_utils.Database) -> None:
    """The passes over the whole database once every act is stored: acts cited resolved
    (`db.links`), versions rebuilt from amending acts (`db.rebuild`), which amending act
    changed what (`db.reach`, for the corpus-wide queries), the units that can be coming
    (`db.coming`, for the corpus-wide `pending`), the search index and the
    schema's indexes and full-text tables finished (an update's are
    `db.incremental._finish_passes`)."""
    create_indexes(db, foreign_keys=False)  # the passes read by them
    link_cited_acts(db)
    rebuild_versions(db)
    finish_reach(db)
    finish_coming(db)
    finish_search_index(db.conn)
    finish_schema(db)
