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

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import sqlite_utils

from parser import Publications, meta_beside, read_meta, read_publications
from parser.citations import Citation
from parser.model import Amendment, ParsedDocument, Problem
from parser.timeline import Timelines

from .links import link_cited_acts
from .parallel import ParseCache, ParsedSource, Source, citation_units, default_workers, file_digest, parse_documents, unit_citations
from .rebuild import rebuild_versions
from .schema import commencement_values, create_schema, finish_schema
from .search import create_search_index, document_stems, finish_search_index, index_act
from .versions import StagedVersions, VersionedAct, fill_act_from_versions

#: File endings the readers understand; other files in the corpus are not sources:
#: Adilet text exports, and the official bank's Markdown versions (their ``meta.yaml``
#: is read with them).
SOURCE_SUFFIXES = (".txt", ".md")

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

    def line(self) -> str:
        return (
            f"{self.documents} documents, {self.acts} acts, {self.provisions} provisions, "
            f"{self.notes} notes, {self.amendments} amendments, {self.problems} problems; "
            f"{self.parsed} parsed, {self.reused} unchanged since the last build"
        )


def corpus_files(corpus: Path) -> list[Path]:
    """The source files of a corpus, in a stable order. Links that lead outside the
    corpus are not followed."""
    if not corpus.is_dir():
        raise CorpusNotFound(f"corpus folder not found: {corpus}")
    files = []
    for path in sorted(corpus.rglob("*")):
        if path.name.startswith(".") or path.suffix.lower() not in SOURCE_SUFFIXES:
            continue
        if path.stem.lower().startswith(NOT_SOURCES) or not in_corpus(path, corpus):
            continue
        files.append(path)
    return files


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
    workers: int | None = None,
    cache: Path | None | bool = True,
) -> BuildSummary:
    """Parse every document of `corpus` into a new database at `db_path`.

    `workers` processes parse (default: one per CPU; 1 parses in this process). `cache`
    is the parse cache file: True for `default_cache(db_path)`, False or None for none.
    """
    files = corpus_files(corpus)
    temporary = db_path.with_name(db_path.name + ".tmp")
    if temporary.exists():
        temporary.unlink()
    cache_path = default_cache(db_path) if cache is True else cache or None
    db = sqlite_utils.Database(temporary)
    # The temporary file is thrown away if the build fails, so it needs no journal
    # and no sync to disk until the end.
    db.execute("pragma journal_mode = off")
    db.execute("pragma synchronous = off")
    summary = BuildSummary()
    complete = False
    parse_cache = ParseCache(cache_path) if cache_path else None
    try:
        create_schema(db)
        create_search_index(db.conn)  # filled act by act by the store, finished below
        store = Store(db)
        publications = load_publications(corpus)
        sources = (read_source(path, corpus) for path in files)
        parsed = parse_documents(
            sources, publications, file_digest(publications_file(corpus)), workers or default_workers(), parse_cache
        )
        with db.atomic():
            store.problems(_display_path(corpus / PUBLICATIONS_FILE, corpus), None, publications.problems)
            for link in links_out_of_corpus(corpus):
                store.problems(_display_path(link, corpus), None, [_link_not_followed(link, corpus)])
            for item in parsed:
                store.add(item.result)
                summary.source_bytes += item.result.document.size
                summary.reused += item.reused
                if on_document:
                    on_document(item.source.path)
            store.finish()
        summary.parsed = len(files) - summary.reused
        link_cited_acts(db)
        rebuild_versions(db)
        finish_search_index(db.conn)
        finish_schema(db)
        summary.documents = len(files)
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
    _sync(temporary)
    os.replace(temporary, db_path)
    return summary


def read_source(path: Path, corpus: Path) -> Source:
    """A corpus file's bytes, and a Markdown version's meta file with them."""
    meta = meta_beside(path)
    if meta and not in_corpus(meta, corpus):
        meta = None
    return Source(
        path,
        _display_path(path, corpus),
        path.read_bytes(),
        read_meta(meta) if meta else None,
        _display_path(meta, corpus) if meta else None,
    )


def _sync(path: Path) -> None:
    """Make the finished file durable before it replaces the previous database."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


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

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.act_ids: set[str] = set()
        self.staged = StagedVersions(db.conn)

    def add(self, parsed: ParsedSource) -> None:
        """Store one parsed file, with what the worker that parsed it made of it (its
        citations, timelines and search stems). A version of an act waits (see
        `finish`) until all the act's versions are in."""
        document = parsed.document
        act = document.act
        if act is None:
            self._source(document, None, "unreadable")
            self._problems(document, None)
            return
        if document.version is not None:
            self.staged.stage(document)
            return
        assert parsed.timelines is not None  # db.parallel.parse_source makes them for every such document
        act_id = self._unique_act_id(act.id, document)
        self._act(document, act_id, parsed.timelines, citations=parsed.citations, stems=parsed.stems)
        self._provenance(document, act_id)

    def finish(self) -> None:
        """Store the acts held in several versions, once every document has been read."""
        for documents in self.staged.groups():
            self.add_versions(documents)
        self.staged.drop()

    def add_versions(self, documents: list[ParsedDocument]) -> None:
        """One act from its versions (oldest first): the newest is the current text."""
        fill_act_from_versions(documents)
        act_id = self._unique_act_id(documents[-1].act.id, documents[-1])
        versioned = VersionedAct(documents, act_id)
        provisions, gone = versioned.all_provisions()
        current = replace(versioned.current, provisions=provisions)
        self._act(current, act_id, versioned.timelines(), gone)
        self.insert("versions", versioned.version_rows())
        self.insert("version_provisions", versioned.version_provision_rows())
        self.insert("version_changes", versioned.change_rows())
        for document in documents:
            self._provenance(document, act_id)

    def _act(
        self,
        document: ParsedDocument,
        act_id: str,
        timelines: Timelines,
        gone: dict[str, str] | None = None,
        citations: list[list[Citation]] | None = None,
        stems: list[str] | None = None,
    ) -> None:
        """The act's own rows: requisites, units, notes and what they imply, and its
        units in the search index. A versioned act's units are not the worker's (removed
        ones join them), so its citations and stems are made here (None)."""
        texts = {p.key: p.text for p in document.provisions}
        self.insert("acts", [_act_row(document, act_id, timelines)])
        self.insert("provisions", _provision_rows(document, act_id, gone or {}))
        self.insert("notes", _note_rows(document, act_id))
        self.insert("amendments", _amendment_rows(document, act_id))
        self.insert("provision_versions", _version_rows(timelines, act_id, texts))
        self.insert("instructions", _instruction_rows(document, act_id))
        self.insert("citations", _citation_rows(document, act_id, citations))
        index_act(self.db.conn, act_id, _search_rows(document, act_id, stems))

    def _provenance(self, document: ParsedDocument, act_id: str) -> None:
        """What the source file was, what was repaired in it and what is doubtful."""
        self.insert(
            "repairs",
            (
                {"act_id": act_id, "source_path": document.source_path, "source_line": r.source_line, "kind": r.kind, "before": r.before, "after": r.after}
                for r in document.repairs
            ),
        )
        self._source(document, act_id, "parsed")
        self._problems(document, act_id)

    def _unique_act_id(self, act_id: str, document: ParsedDocument) -> str:
        """Two files claiming one act are both kept; the second is said to be a duplicate."""
        unique, copy = act_id, 2
        while unique in self.act_ids:
            unique, copy = f"{act_id}~{copy}", copy + 1
        if unique != act_id:
            document.problems.append(
                Problem("warning", "duplicate_act", f"another file already holds act {act_id}; this one is stored as {unique}", 1)
            )
        self.act_ids.add(unique)
        return unique

    def _source(self, document: ParsedDocument, act_id: str | None, status: str) -> None:
        self.insert(
            "sources",
            [
                {
                "path": document.source_path,
                "act_id": act_id,
                "status": status,
                "encoding": document.encoding,
                "size": document.size,
                "sha256": document.sha256,
                }
            ],
        )

    def _problems(self, document: ParsedDocument, act_id: str | None) -> None:
        self.problems(document.source_path, act_id, document.problems)

    def problems(self, source_path: str, act_id: str | None, problems: list[Problem]) -> None:
        self.insert(
            "problems",
            (
                {
                    "source_path": source_path,
                    "act_id": act_id,
                    "severity": p.severity,
                    "kind": p.kind,
                    "message": p.message,
                    "source_line": p.source_line,
                }
                for p in problems
            ),
        )

    def insert(self, table: str, rows: Iterable[dict]) -> None:
        """Insert rows that all have the same keys. The schema is created by sqlite-utils;
        rows go in with one prepared statement, since sqlite-utils' per-value checks
        took over half of the store time (docs/benchmarks.md)."""
        rows = list(rows)
        if not rows:
            return
        columns = list(rows[0])
        names = ", ".join(f'"{column}"' for column in columns)
        values = ", ".join(f":{column}" for column in columns)
        self.db.conn.executemany(f'insert into "{table}" ({names}) values ({values})', rows)


def _amendment_id(act_id: str, ref: tuple[int, int]) -> str:
    """Amendment rows are ``{act}/note{N}/a{K}`` for the K-th act of note N, and
    ``{act}/header{K}`` (note 0) for one read from the requisites sentence."""
    if ref[0] == 0:
        return f"{act_id}/header{ref[1]}"
    return f"{_note_id(act_id, ref[0])}/a{ref[1]}"


def _act_row(document: ParsedDocument, act_id: str, timelines: Timelines) -> dict:
    act = document.act
    assert act is not None
    end = timelines.act_end
    return {
        "id": act_id,
        "title": act.title,
        "kind": act.kind,
        "kind_text": act.kind_text,
        "issuer": act.issuer,
        "issuer_acting": int(act.issuer_acting),
        "adopted_on": act.adopted_on,
        "number": act.number,
        "registered_on": act.registered_on,
        "registration_number": act.registration_number,
        "status": act.status,
        "status_basis": act.status_basis,
        "status_text": act.status_text,
        "header_text": act.header_text,
        "repeal_text": act.repeal_text,
        "language": act.language,
        "layout": act.layout,
        "source_path": document.source_path,
        "id_basis": act.id_basis,
        **commencement_values(act.commencement, act.effective),
        "valid_from": timelines.act_start.earliest,
        "valid_from_latest": timelines.act_start.latest,
        "valid_to": end.earliest if end else None,
        "valid_to_latest": end.latest if end else None,
        "valid_to_basis": end.basis if end else None,
        "repealed_by_amendment_id": _amendment_id(act_id, timelines.act_end_ref) if timelines.act_end_ref else None,
    }


def _instruction_rows(document: ParsedDocument, act_id: str) -> Iterator[dict]:
    amended = document.amended_act
    if amended is None:
        return
    act = document.act
    assert act is not None
    for instruction in document.instructions:
        yield {
            "id": f"{act_id}/instruction{instruction.ordinal}",
            "act_id": act_id,
            "provision_id": _provision_id(act_id, instruction.provision_key),
            "quote_provision_id": _provision_id(act_id, instruction.quote_key),
            "ordinal": instruction.ordinal,
            "operation": instruction.operation,
            "target_act_id": None,  # set by db.links.link_cited_acts when the act is in the corpus
            "target_cited_act_id": None,
            "target_act_kind": amended.reference.kind,
            "target_act_date": amended.reference.date,
            "target_act_number": amended.reference.number,
            "target_act_issuer": amended.reference.issuer,
            "target_act_registration_number": amended.registration_number,
            "target_act_title": amended.title,
            "target_text": instruction.target_text,
            "target_kind": instruction.target.kind,
            "target_label": instruction.target.label,
            "target_key": instruction.target.key,
            "new_text": instruction.new_text,
            "old_words": instruction.old_words,
            "new_words": instruction.new_words,
            "new_text_in_annex": int(instruction.new_text_in_annex),
            **commencement_values(act.commencement, act.effective),
            "parse_status": instruction.parse_status,
        }


def _citation_rows(document: ParsedDocument, act_id: str, citations: list[list[Citation]] | None) -> Iterator[dict]:
    """Act references in the provisions and notes (db.links resolves them)."""
    if citations is None:
        citations = unit_citations(document)
    for (provision_key, note_ordinal, _), found in zip(citation_units(document), citations, strict=True):
        provision_id = _provision_id(act_id, provision_key)
        note_id = _note_id(act_id, note_ordinal) if note_ordinal is not None else None
        for index, citation in enumerate(found, start=1):
            reference = citation.reference
            yield {
                "id": f"{note_id or provision_id or act_id}#c{index}",
                "act_id": act_id,
                "provision_id": provision_id,
                "note_id": note_id,
                "cited_act_id": None,
                "cited_provision": citation.provision,
                "text": citation.text,
                "start": citation.start,
                "end": citation.end,
                "kind": reference.kind,
                "date": reference.date,
                "number": reference.number,
                "issuer": reference.issuer,
                "registration_number": citation.registration_number,
                "title": citation.title,
            }


def _version_rows(timelines: Timelines, act_id: str, texts: dict[str, str]) -> Iterator[dict]:
    for key, versions in timelines.versions.items():
        provision_id = _provision_id(act_id, key)
        for ordinal, version in enumerate(versions, start=1):
            end = version.end
            # A bound's basis is stored once: a bound shared with the act has it in acts
            # (date_basis, valid_to_basis), one set by an amendment in that amendment's row;
            # db.queries puts the words back together.
            from_act, to_act = version.start is timelines.act_start, end is not None and end is timelines.act_end
            from_amendment, to_amendment = version.started_by is not None, version.ended_by is not None
            yield {
                "id": f"{provision_id}@{ordinal}",
                "provision_id": provision_id,
                "act_id": act_id,
                "ordinal": ordinal,
                "valid_from": version.start.earliest,
                "valid_from_latest": version.start.latest,
                "valid_from_basis": None if from_act or from_amendment else version.start.basis,
                "starts_with_act": int(from_act),
                "valid_to": end.earliest if end else None,
                "valid_to_latest": end.latest if end else None,
                "valid_to_basis": None if to_act or to_amendment or end is None else end.basis,
                "ends_with_act": int(to_act),
                "has_end": int(end is not None),
                "text_known": int(version.text_known),
                "basis": version.basis,
                "started_by_amendment_id": _amendment_id(act_id, version.started_by) if version.started_by else None,
                "ended_by_amendment_id": _amendment_id(act_id, version.ended_by) if version.ended_by else None,
                # an earlier version's wording; the current one is provisions.text
                "text": version.text if version.text_known and version.text != texts.get(key) else None,
            }


def _search_rows(document: ParsedDocument, act_id: str, stems: list[str] | None) -> Iterator[tuple]:
    """The act's units for `db.search.index_act`: provisions, then notes."""
    if stems is None:
        stems = document_stems(document)
    units = [(_provision_id(act_id, p.key), None, p.kind) for p in document.provisions]
    units += [(_provision_id(act_id, n.target_key), _note_id(act_id, n.ordinal), "note") for n in document.notes]
    for unit, (provision_id, note_id, kind) in zip(stems, units, strict=True):
        yield (unit, provision_id, note_id, act_id, kind)


def _provision_id(act_id: str, key: str | None) -> str | None:
    return f"{act_id}/{key}" if key else None


def _provision_rows(document: ParsedDocument, act_id: str, gone: dict[str, str]) -> Iterator[dict]:
    for p in document.provisions:
        yield {
            "id": _provision_id(act_id, p.key),
            "act_id": act_id,
            "parent_id": _provision_id(act_id, p.parent_key),
            "key": p.key,
            "kind": p.kind,
            "label": p.label,
            "heading": p.heading,
            "text": p.text,
            "position": p.position,
            "source_line": p.source_line,
            "source_line_end": p.source_line_end,
            "role": p.role,
            "raw_text": p.raw,
            "cells": json.dumps(p.cells, ensure_ascii=False) if p.cells is not None else None,
            "removed_in_version_id": gone.get(p.key),
        }


def _note_id(act_id: str, ordinal: int) -> str:
    return f"{act_id}/note{ordinal}"


def _note_rows(document: ParsedDocument, act_id: str) -> Iterator[dict]:
    for n in document.notes:
        yield {
            "id": _note_id(act_id, n.ordinal),
            "act_id": act_id,
            "provision_id": _provision_id(act_id, n.target_key),
            "printed_after_id": _provision_id(act_id, n.printed_after_key),
            "ordinal": n.ordinal,
            "target_text": n.target_text,
            "target_status": n.target_status,
            "target_part": n.target_part,
            "text": n.text,
            "source_line": n.source_line,
            "source_line_end": n.source_line_end,
            "raw_text": n.raw,
        }


def _amendment_rows(document: ParsedDocument, act_id: str) -> Iterator[dict]:
    for n in document.notes:
        for index, amendment in enumerate(n.amendments, start=1):
            note_id = _note_id(act_id, n.ordinal)
            yield _amendment_row(amendment, _amendment_id(act_id, (n.ordinal, index)), act_id, note_id, _provision_id(act_id, n.target_key))
    for index, amendment in enumerate(document.header_amendments, start=1):
        yield _amendment_row(amendment, _amendment_id(act_id, (0, index)), act_id, None, None)


def _amendment_row(a: Amendment, row_id: str, act_id: str, note_id: str | None, provision_id: str | None) -> dict:
    return {
        "id": row_id,
        "act_id": act_id,
        "note_id": note_id,
        "provision_id": provision_id,
        "action": a.action,
        "amending_act_date": a.act.date,
        "amending_act_number": a.act.number,
        "amending_act_issuer": a.act.issuer,
        "amending_act_issuer_acting": int(a.act.issuer_acting),
        "amending_act_kind": a.act.kind,
        "amending_act_kind_text": a.act.kind_text,
        "amending_cited_act_id": None,  # set by db.links.link_cited_acts
        **commencement_values(a.commencement, a.effective),
        "parse_status": a.parse_status,
        "text": a.text,
    }
