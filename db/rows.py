"""What a parsed document becomes in the database: its rows, table by table.

Pure: a `ParsedDocument` in, plain tuples out (its timelines, the acts its units cite
and its search stems are made here), nothing of SQLite. The build's workers call
`source_rows` for each plain act, so the main process, which writes the database
alone, only inserts what they made (`db.load.Store`); for an act held in several
versions the main process calls `act_rows` and `provenance_rows` itself, once the
versions are merged.

Row ids are built from the act id and the unit's key: ``{act}/{key}`` for a provision,
``{act}/note{N}`` for a note, ``{act}/note{N}/a{K}`` for an amending act it names. An
act's text in a second language has its rows under ``{act}/{language}``
(``V1900019742/ru/p1``, ``V1900019742/ru/note1``): `text_base`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from parser.citations import extract_citations
from parser.languages import document_language
from parser.model import Amendment, ParsedDocument, Problem
from parser.timeline import Timelines, build_timelines

from .schema import basis_values, commencement_values
from .search import act_words, document_stems

#: Provisions whose references name the act itself, not another act.
SELF_REFERENCING_KINDS = ("title", "other", "signature", "approval")


@dataclass
class TableRows:
    """Rows of one table, as tuples of `columns`' values: what a worker hands to the
    main process (tuples cost far less to pickle than the dataclasses they come from)."""

    table: str
    columns: list[str]
    values: list[tuple]


@dataclass
class ActRows:
    """Every row one source file adds to the database: its act's tables (`act_rows`),
    its units for the search index (`db.search.index_act`) and its provenance
    (`provenance_rows`), all under `act_id`."""

    act_id: str
    tables: list[TableRows] = field(default_factory=list)
    search: list[tuple] = field(default_factory=list)
    words: str = ""  # `db.search.act_words` of the search rows' stems


def table_rows(table: str, rows: Iterable[dict]) -> TableRows | None:
    """`rows` (dicts with the same keys, in column order) as a `TableRows`; None for none."""
    rows = list(rows)
    if not rows:
        return None
    return TableRows(table, list(rows[0]), [tuple(row.values()) for row in rows])


def text_base(act_id: str, language: str | None, primary: bool = True) -> str:
    """Where the rows of one language text of an act live: the act's own id for its
    primary text (Kazakh when the act has it), ``{act}/{language}`` for another."""
    return act_id if primary or not language else f"{act_id}/{language}"


def source_rows(document: ParsedDocument, act_id: str) -> ActRows:
    """Every row the file of a plain act (readable, not one of several versions) adds:
    its act's rows (`act_rows`) and its provenance (`provenance_rows`)."""
    rows = act_rows(document, act_id, build_timelines(document))
    rows.tables += provenance_rows(document, act_id, "parsed")
    return rows


def act_rows(
    document: ParsedDocument,
    act_id: str,
    timelines: Timelines,
    gone: dict[str, str] | None = None,
    primary: bool = True,
    as_at: str | None = None,
) -> ActRows:
    """The act's own rows: requisites, units, notes and what they imply (the acts its
    units cite included), and its units for the search index. `gone` maps the keys of
    units removed in a later version to that version. A text that is not the act's
    `primary` one (its Russian beside the Kazakh) adds no `acts` row, and its rows live
    under `text_base`."""
    texts = {p.key: p.text for p in document.provisions}
    language = document.act.language if document.act else None
    base = text_base(act_id, language, primary)
    tables = [
        table_rows("acts", [_act_row(document, act_id, timelines)] if primary else []),
        table_rows("act_texts", [_act_text_row(document, act_id, base, primary, as_at)]),
        table_rows("provisions", _provision_rows(document, act_id, base, gone or {})),
        table_rows("notes", _note_rows(document, act_id, base)),
        table_rows("amendments", _amendment_rows(document, act_id, base)),
        table_rows("provision_versions", _version_rows(timelines, act_id, base, texts)),
        table_rows("instructions", _instruction_rows(document, act_id, base)),
        table_rows("citations", _citation_rows(document, act_id, base)),
    ]
    search = list(_search_rows(document, act_id, base))
    return ActRows(act_id, [rows for rows in tables if rows], search, act_words(row[0] for row in search))


def provenance_rows(document: ParsedDocument, act_id: str | None, status: str) -> list[TableRows]:
    """What the source file was (`status`: parsed, unreadable…), what was repaired in it
    and what is doubtful."""
    repairs = (
        {"act_id": act_id, "source_path": document.source_path, "source_line": r.source_line, "kind": r.kind, "before": r.before, "after": r.after}
        for r in document.repairs
    )
    source = {
        "path": document.source_path,
        "act_id": act_id,
        "status": status,
        "encoding": document.encoding,
        "size": document.size,
        "sha256": document.sha256,
    }
    tables = [
        table_rows("repairs", repairs),
        table_rows("sources", [source]),
        table_rows("problems", problem_rows(document.source_path, act_id, document.problems)),
    ]
    return [rows for rows in tables if rows]


def problem_rows(source_path: str, act_id: str | None, problems: list[Problem]) -> Iterator[dict]:
    for p in problems:
        yield {
            "source_path": source_path,
            "act_id": act_id,
            "severity": p.severity,
            "kind": p.kind,
            "message": p.message,
            "source_line": p.source_line,
        }


def citation_units(document: ParsedDocument) -> list[tuple[str | None, int | None, str]]:
    """The units whose text may cite other acts, as (provision key, note ordinal, text):
    the provisions (except those naming the act itself), then the notes."""
    units: list[tuple[str | None, int | None, str]] = [
        (p.key, None, p.text) for p in document.provisions if p.kind not in SELF_REFERENCING_KINDS
    ]
    units += [(n.target_key, n.ordinal, n.text) for n in document.notes]
    return units


def _amendment_id(base: str, ref: tuple[int, int]) -> str:
    """Amendment rows are ``{act}/note{N}/a{K}`` for the K-th act of note N, and
    ``{act}/header{K}`` (note 0) for one read from the requisites sentence."""
    if ref[0] == 0:
        return f"{base}/header{ref[1]}"
    return f"{_note_id(base, ref[0])}/a{ref[1]}"


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
        **basis_values("status_basis", act.status_basis),
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
        **basis_values("valid_from_basis", timelines.act_start.basis if timelines.act_start.basis.rule != "commencement" else None),
        "valid_to": end.earliest if end else None,
        "valid_to_latest": end.latest if end else None,
        **basis_values("valid_to_basis", end.basis if end else None),
        "repealed_by_amendment_id": _amendment_id(act_id, timelines.act_end_ref) if timelines.act_end_ref else None,
        "commencement_exceptions": _exceptions_json(act.commencement),
    }


def _exceptions_json(rule) -> str | None:
    """The parts of a split commencement as JSON (see the acts table in db/schema.py)."""
    if rule is None or not rule.exceptions:
        return None
    return json.dumps(
        [
            {
                "units_text": exception.units_text,
                "units": [[list(step) for step in unit] for unit in exception.units],
                "unit_keys": exception.unit_keys,
                "effective_from": exception.fixed_date,
                "text": exception.text,
                "source_key": exception.source_key,
            }
            for exception in rule.exceptions
        ],
        ensure_ascii=False,
    )



def _act_text_row(document: ParsedDocument, act_id: str, base: str, primary: bool, as_at: str | None) -> dict:
    """One language text of the act: what it is called and where it comes from."""
    act = document.act
    assert act is not None
    return {
        "id": base,
        "act_id": act_id,
        "language": act.language,
        "is_primary": int(primary),
        "title": act.title,
        "source_path": document.source_path,
        "status": act.status,
        **basis_values("status_basis", act.status_basis),
        "text_as_at": as_at,
        **commencement_values(act.commencement, act.effective),
    }


def _instruction_rows(document: ParsedDocument, act_id: str, base: str) -> Iterator[dict]:
    amended = document.amended_act
    if amended is None:
        return
    act = document.act
    assert act is not None
    for instruction in document.instructions:
        yield {
            "id": f"{base}/instruction{instruction.ordinal}",
            "act_id": act_id,
            "provision_id": _provision_id(base, instruction.provision_key),
            "quote_provision_id": _provision_id(base, instruction.quote_key),
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


def _citation_rows(document: ParsedDocument, act_id: str, base: str) -> Iterator[dict]:
    """Act references in the provisions and notes, read in the language of the text
    (db.links resolves them)."""
    lang = document_language(document)
    for provision_key, note_ordinal, text in citation_units(document):
        found = extract_citations(text, lang)
        provision_id = _provision_id(base, provision_key)
        note_id = _note_id(base, note_ordinal) if note_ordinal is not None else None
        for index, citation in enumerate(found, start=1):
            reference = citation.reference
            yield {
                "id": f"{note_id or provision_id or base}#c{index}",
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


def _version_rows(timelines: Timelines, act_id: str, base: str, texts: dict[str, str]) -> Iterator[dict]:
    for key, versions in timelines.versions.items():
        provision_id = _provision_id(base, key)
        for ordinal, version in enumerate(versions, start=1):
            end = version.end
            # A bound's basis is stored once: a bound shared with the act has it in acts
            # (its commencement columns, valid_to_basis_*), one set by an amendment in that
            # amendment's row; db.queries puts the basis back together.
            from_act, to_act = version.start is timelines.act_start, end is not None and end is timelines.act_end
            from_amendment, to_amendment = version.started_by is not None, version.ended_by is not None
            yield {
                "id": f"{provision_id}@{ordinal}",
                "provision_id": provision_id,
                "act_id": act_id,
                "ordinal": ordinal,
                "valid_from": version.start.earliest,
                "valid_from_latest": version.start.latest,
                **basis_values("valid_from_basis", None if from_act or from_amendment else version.start.basis),
                "starts_with_act": int(from_act),
                "valid_to": end.earliest if end else None,
                "valid_to_latest": end.latest if end else None,
                **basis_values("valid_to_basis", None if to_act or to_amendment or end is None else end.basis),
                "ends_with_act": int(to_act),
                "has_end": int(end is not None),
                "text_known": int(version.text_known),
                **basis_values("basis", version.basis),
                "started_by_amendment_id": _amendment_id(base, version.started_by) if version.started_by else None,
                "ended_by_amendment_id": _amendment_id(base, version.ended_by) if version.ended_by else None,
                # an earlier version's wording; the current one is provisions.text
                "text": version.text if version.text_known and version.text != texts.get(key) else None,
            }


def _search_rows(document: ParsedDocument, act_id: str, base: str) -> Iterator[tuple]:
    """The act's units for `db.search.index_act`: provisions, then notes."""
    stems = document_stems(document)
    language = document.act.language if document.act else None
    units = [(_provision_id(base, p.key), None, p.kind) for p in document.provisions]
    units += [(_provision_id(base, n.target_key), _note_id(base, n.ordinal), "note") for n in document.notes]
    for unit, (provision_id, note_id, kind) in zip(stems, units, strict=True):
        yield (unit, provision_id, note_id, act_id, kind, language)


def _provision_id(base: str, key: str | None) -> str | None:
    return f"{base}/{key}" if key else None


def _provision_rows(document: ParsedDocument, act_id: str, base: str, gone: dict[str, str]) -> Iterator[dict]:
    language = document.act.language if document.act else None
    for p in document.provisions:
        yield {
            "id": _provision_id(base, p.key),
            "act_id": act_id,
            "parent_id": _provision_id(base, p.parent_key),
            "key": p.key,
            "kind": p.kind,
            "label": p.label,
            "heading": p.heading,
            "text": p.text,
            "position": p.position,
            "source_line": p.source_line,
            "source_line_end": p.source_line_end,
            "source_file": p.source_file,
            "status": p.status,
            "role": p.role,
            "raw_text": p.raw,
            "cells": json.dumps(p.cells, ensure_ascii=False) if p.cells is not None else None,
            "removed_in_version_id": gone.get(p.key),
            "language": language,
        }


def _note_id(base: str, ordinal: int) -> str:
    return f"{base}/note{ordinal}"


def _note_rows(document: ParsedDocument, act_id: str, base: str) -> Iterator[dict]:
    language = document.act.language if document.act else None
    for n in document.notes:
        yield {
            "id": _note_id(base, n.ordinal),
            "act_id": act_id,
            "provision_id": _provision_id(base, n.target_key),
            "printed_after_id": _provision_id(base, n.printed_after_key),
            "ordinal": n.ordinal,
            "target_text": n.target_text,
            "target_status": n.target_status,
            "target_part": n.target_part,
            "text": n.text,
            "source_line": n.source_line,
            "source_line_end": n.source_line_end,
            "source_file": n.source_file,
            "raw_text": n.raw,
            "language": language,
        }


def _amendment_rows(document: ParsedDocument, act_id: str, base: str) -> Iterator[dict]:
    for n in document.notes:
        for index, amendment in enumerate(n.amendments, start=1):
            note_id = _note_id(base, n.ordinal)
            yield _amendment_row(amendment, _amendment_id(base, (n.ordinal, index)), act_id, note_id, _provision_id(base, n.target_key))
    for index, amendment in enumerate(document.header_amendments, start=1):
        yield _amendment_row(amendment, _amendment_id(base, (0, index)), act_id, None, None)


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
