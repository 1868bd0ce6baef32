"""Storing an act held in several versions (the official bank's Markdown, one file per
version).

Versions are recognised by the act they are versions of — kind, adoption date and
number, as requisites or stamp give them — never by file name. They arrive in any
order among the other documents, so the build stages them (in a temporary table, so
memory stays flat) and stores each act once all its versions are in:

- the newest version is the act's current text: ``acts``, ``provisions``, ``notes``,
  ``amendments`` … as for any other act, plus the units earlier versions had and it has
  not (``provisions.removed_in_version_id``), so each unit has one id across versions;
- every version is kept whole in ``versions`` and ``version_provisions`` (a view: each
  distinct text is stored once, `db.version_store`);
- consecutive versions are aligned (``parser.align``) into ``version_changes`` (the
  units that changed);
- ``provision_versions`` gets each unit's merged timeline (``parser.versions``): the
  wording between two versions is known exactly, dated by the notes' commencement clauses.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace

from parser import Publications
from parser.align import Pair, align
from parser.diff import word_diff
from parser.document import derive_dates
from parser.model import Note, ParsedDocument, Problem, Provision
from parser.references import normal_number
from parser.timeline import Timelines, hold_until, prove_in_force_as_at
from parser.versions import identity_maps, merged_timelines, share_amendment_dates

from .bilingual import by_language, reconcile, share_entry_into_force
from .rows import ActRows, act_rows, provenance_rows, text_base
from .schema import basis_values, commencement_values
from .version_store import Wordings, distinct_wordings

STAGING_TABLE = "temp.zan_staged_versions"


def act_identity(document: ParsedDocument) -> str:
    """What versions of one act share: kind, adoption date and number (spaces and case
    aside), or, when the text does not give them, the act id."""
    act = document.act
    assert act is not None
    if act.kind and act.adopted_on and act.number:
        return f"{act.kind}|{act.adopted_on}|{normal_number(act.number)}"
    return act.id


def pack_document(document: ParsedDocument) -> bytes:
    """A parsed version as the bytes it waits in (`StagedDocument`): pickled, compressed
    (a fourth of the size, and the parse cache keeps it as it is, `db.parallel.encode`)."""
    return zlib.compress(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack_document(blob: bytes) -> ParsedDocument:
    """The parsed version `pack_document` packed."""
    return pickle.loads(zlib.decompress(blob))


@dataclass
class StagedDocument:
    """A version of an act as it waits for the others: what orders it among them, and the
    document packed (`pack_document`). The worker that parsed it packs it, once: the main
    process stages and hands on these bytes without reading them (it used to unpickle the
    document and pickle it again, a tenth of its time)."""

    identity: str
    version_date: str
    source_path: str
    act_id: str
    id_basis: str
    document: bytes


def staged_document(document: ParsedDocument) -> StagedDocument:
    version, act = document.version, document.act
    assert version is not None and act is not None
    return StagedDocument(
        act_identity(document),
        version.version_date or "",
        document.source_path,
        act.id,
        act.id_basis,
        pack_document(document),
    )


class StagedVersions:
    """Parsed versions waiting until every version of their act has been read, packed:
    the main process hands them on to a worker without reading them (`staged_acts`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        conn.execute(
            f"create table {STAGING_TABLE} (identity text, version_date text, source_path text, act_id text, id_basis text, document blob)"
        )
        # Each act's versions are read back by this index: without it each read scanned every
        # staged version (quadratic: at 10,000 acts 139,421 versions read 10,000 times, most
        # of the writer's 40 minutes). Made here, before any row is written: a schema change
        # later, in the build's transaction, makes FTS5 flush its pending terms into a
        # segment of its own, and the search index's bytes would differ from a rebuild's.
        schema, _, table = STAGING_TABLE.rpartition(".")
        conn.execute(f"create index {schema}.{table}_identity on {table} (identity, version_date, source_path)")
        self.count = 0

    def stage(self, document: ParsedDocument | StagedDocument) -> None:
        staged = document if isinstance(document, StagedDocument) else staged_document(document)
        self.conn.execute(
            f"insert into {STAGING_TABLE} values (?, ?, ?, ?, ?, ?)",
            (staged.identity, staged.version_date, staged.source_path, staged.act_id, staged.id_basis, staged.document),
        )
        self.count += 1

    def acts(self) -> int:
        """How many acts the staged versions are of."""
        return self.conn.execute(f"select count(distinct identity) from {STAGING_TABLE}").fetchone()[0]

    def staged_acts(self) -> Iterator[tuple[list[bytes], str]]:
        """Each act's versions, oldest first, packed, with the id they claim
        (`best_act_id`); acts in the order of their first file."""
        # by index: without it each act's read scanned every staged version (quadratic: at
        # 10,000 acts 139,421 pickled versions read 10,000 times, 40 minutes of the build)
        schema, _, table = STAGING_TABLE.rpartition(".")
        self.conn.execute(f"create index if not exists {schema}.{table}_identity on {table} (identity, version_date, source_path)")
        identities = [row[0] for row in self.conn.execute(f"select identity, min(source_path) as first from {STAGING_TABLE} group by identity order by first")]
        for identity in identities:
            rows = self.conn.execute(
                f"select document, act_id, id_basis from {STAGING_TABLE} where identity = ? order by version_date, source_path", (identity,)
            ).fetchall()
            yield [row[0] for row in rows], best_of_ids([(row[1], row[2]) for row in rows])[0]

    def drop(self) -> None:
        self.conn.execute(f"drop table {STAGING_TABLE}")


def best_act_id(documents: list[ParsedDocument]) -> tuple[str, str]:
    """The id the versions share, and its basis (`best_of_ids`)."""
    return best_of_ids([(document.act.id, document.act.id_basis) for document in documents if document.act is not None])


def best_of_ids(ids: list[tuple[str, str]]) -> tuple[str, str]:
    """Of the versions' (id, basis), oldest first: an Adilet id from a registration if any
    version's requisites give one, else the newest version's."""
    for act_id, basis in reversed(ids):
        if basis.startswith("Adilet id"):
            return act_id, basis
    return ids[-1]


#: Act fields a version without a meta file lacks and an older version's meta gives.
SHARED_ACT_FIELDS = ("title", "kind_text", "issuer", "registered_on", "registration_number", "header_text")


def fill_act_from_versions(documents: list[ParsedDocument]) -> None:
    """The newest version speaks for the act; what it does not say, older versions do."""
    newest = documents[-1].act
    assert newest is not None
    newest.id, newest.id_basis = best_act_id(documents)
    for field in SHARED_ACT_FIELDS:
        if getattr(newest, field) is None:
            for document in reversed(documents[:-1]):
                value = getattr(document.act, field)
                if value is not None:
                    setattr(newest, field, value)
                    break
    if newest.status == "unknown":
        repealed = next((d.act for d in reversed(documents[:-1]) if d.act and d.act.status == "repealed"), None)
        if repealed is not None:
            newest.status, newest.status_basis, newest.repeal_text = repealed.status, repealed.status_basis, repealed.repeal_text


def duplicate_act_problem(claimed_id: str, act_id: str) -> Problem:
    """The act a file claims is held already (by another file): it is stored as `act_id`."""
    return Problem("warning", "duplicate_act", f"another file already holds act {claimed_id}; this one is stored as {act_id}", 1)


def text_as_at(newest: ParsedDocument, mirrors: dict[str, str | None]) -> str | None:
    """The day the newest text of an act was current: the last commit of the git mirror
    it was read from (`mirrors`: how a mirror's sources' paths begin -> that day), else
    the bank's version date of that version (None: not known)."""
    for display, day in mirrors.items():
        if day and newest.source_path.startswith(display + "/"):
            return day
    return newest.version.version_date if newest.version else None


@dataclass
class VersionedText:
    """What the store writes for one language text of an act held in versions: the act's
    rows from its newest version (with every file's provenance), its versions, their
    units (each wording once) and what changed between them. Made in a worker."""

    rows: ActRows
    versions: list[dict]
    units: Wordings
    changes: list[dict]


def versioned_act_rows(
    documents: list[ParsedDocument], act_id: str, claimed_id: str, publications: Publications, mirrors: dict[str, str | None]
) -> list[VersionedText]:
    """One act from its files (oldest version first), as `act_id` (`claimed_id` when no
    other file holds that act already): a text per language (`db.bilingual`), each from
    its versions, the newest its current text."""
    texts = by_language(documents)
    for versions in texts.values():
        fill_act_from_versions(versions)
        # the newest version may have taken its registration from an older one's meta:
        # its dates (and so the act's entry into force) are derived again with it
        derive_dates(versions[-1], publications)
    primary = next(iter(texts.values()))[-1]
    primary.problems += reconcile({language: versions[-1] for language, versions in texts.items()})
    every_document = [document for versions in texts.values() for document in versions]
    share_entry_into_force(primary, every_document)
    primary.problems += share_amendment_dates(every_document)
    if act_id != claimed_id:
        primary.problems.append(duplicate_act_problem(claimed_id, act_id))
    return [versioned_text_rows(versions, act_id, index == 0, mirrors) for index, versions in enumerate(texts.values())]


def versioned_text_rows(documents: list[ParsedDocument], act_id: str, primary: bool, mirrors: dict[str, str | None]) -> VersionedText:
    """One language text of an act, from its versions."""
    versioned = VersionedAct(documents, act_id, primary)
    provisions, gone = versioned.all_provisions()
    current = replace(versioned.current, provisions=provisions)
    timelines = versioned.timelines()
    as_at = text_as_at(versioned.current, mirrors)
    newest = versioned.current.version
    if newest is not None and newest.caused_by is not None and newest.version_date:
        # the bank's text of that date, made by an amending act, shows the act in force
        # (its own date, not a git mirror's last commit: it does not move with a pull)
        prove_in_force_as_at(timelines, newest.version_date)
    if as_at:
        hold_until(timelines, as_at, versioned.current.source_path)
    rows = act_rows(current, act_id, timelines, gone, primary, as_at)
    for document in documents:
        rows.tables += provenance_rows(document, act_id, "parsed")
    return VersionedText(rows, list(versioned.version_rows()), distinct_wordings(versioned.version_provision_rows()), list(versioned.change_rows()))


class VersionedAct:
    """One language text of an act, in its versions, aligned: what the store writes for it.
    The act's `primary` text has its rows under the act id; another language's under
    ``{act}/{language}`` (`db.rows.text_base`)."""

    def __init__(self, documents: list[ParsedDocument], act_id: str, primary: bool = True) -> None:
        self.documents = documents
        self.act_id = act_id
        self.primary = primary
        self.language = documents[-1].act.language if documents[-1].act else None
        self.base = text_base(act_id, self.language, primary)
        self.alignments = [align(old.provisions, new.provisions) for old, new in zip(documents, documents[1:])]
        self.maps = identity_maps(documents, self.alignments)
        self.version_ids = _version_ids(self.base, documents)

    @property
    def current(self) -> ParsedDocument:
        return self.documents[-1]

    def provision_id(self, k: int, key: str | None) -> str | None:
        if key is None:
            return None
        identity = self.maps[k].get(key)
        return f"{self.base}/{identity}" if identity else None

    def all_provisions(self) -> tuple[list[Provision], dict[str, str]]:
        """The current units and, after the unit they followed, those gone from it; and
        for each gone unit the version it is missing from."""
        current = list(self.current.provisions)
        order = [p.key for p in current]
        gone: dict[str, str] = {}
        units: dict[str, Provision] = {p.key: p for p in current}
        for k in range(len(self.documents) - 2, -1, -1):
            previous_identity: str | None = None
            for provision in self.documents[k].provisions:
                identity = self.maps[k][provision.key]
                if identity not in units:
                    parent = self.maps[k].get(provision.parent_key) if provision.parent_key else None
                    units[identity] = replace(provision, key=identity, parent_key=parent)
                    gone[identity] = self.version_ids[k + 1]
                    at = order.index(previous_identity) + 1 if previous_identity in order else 0
                    order.insert(at, identity)
                previous_identity = identity
        ordered = [replace(units[key], position=position) for position, key in enumerate(order, start=1)]
        return ordered, gone

    def timelines(self) -> Timelines:
        """The newest version's act timeline, with each unit's timeline merged across versions."""
        return merged_timelines(self.documents, self.maps)

    def version_rows(self) -> Iterator[dict]:
        for k, document in enumerate(self.documents):
            version = document.version
            assert version is not None
            cause = version.caused_by
            yield {
                "id": self.version_ids[k],
                "act_id": self.act_id,
                "language": self.language,
                "ordinal": k + 1,
                "version_date": version.version_date,
                **basis_values("version_date_basis", version.version_date_basis),
                "is_current": int(k == len(self.documents) - 1),
                "rebuilt": 0,
                "source_path": document.source_path,
                "meta_path": version.meta_path,
                "meta_text": version.meta_text,
                "act_code": version.act_code,
                "source_url": version.source_url,
                "caused_by": version.caused_by_text,
                "caused_by_code": version.caused_by_code,
                "caused_by_kind": cause.kind if cause else None,
                "caused_by_date": cause.date if cause else None,
                "caused_by_number": cause.number if cause else None,
                "caused_by_registered_on": version.caused_by_registered_on,
                **commencement_values(version.commencement, version.effective),
                "sha256": document.sha256,
            }

    def version_provision_rows(self) -> Iterator[dict]:
        for k, document in enumerate(self.documents):
            version_id = self.version_ids[k]
            units: list[Provision | Note] = document.units_in_print_order()
            for position, unit in enumerate(units, start=1):
                if isinstance(unit, Note):
                    key, kind, label, heading, cells = f"note{unit.ordinal}", "note", None, None, None
                    provision_id = self.provision_id(k, unit.target_key)
                else:
                    key, kind, label, heading, cells = unit.key, unit.kind, unit.label, unit.heading, unit.cells
                    provision_id = self.provision_id(k, unit.key)
                yield {
                    "id": f"{version_id}/{key}",
                    "version_id": version_id,
                    "act_id": self.act_id,
                    "language": self.language,
                    "provision_id": provision_id,
                    "key": key,
                    "kind": kind,
                    "label": label,
                    "heading": heading,
                    "text": unit.text,
                    "cells": json.dumps(cells, ensure_ascii=False) if cells is not None else None,
                    "position": position,
                    "source_line": unit.source_line,
                    "source_line_end": unit.source_line_end,
                    "raw_text": unit.raw,
                }

    def change_rows(self) -> Iterator[dict]:
        for k, pairs in enumerate(self.alignments):
            from_id, to_id = self.version_ids[k], self.version_ids[k + 1]
            ids: set[str] = set()
            for pair in pairs:
                if pair.change == "unchanged":
                    continue  # what is not listed is unchanged: a row each would be versions x act size
                identity = self.maps[k + 1][pair.new.key] if pair.new else self.maps[k][pair.old.key]  # type: ignore[union-attr]
                row = change_row(pair, f"{self.base}/{identity}", self.act_id, from_id, to_id, self.base)
                if pair.change == "joined":  # its unit's own row is the one before it
                    row["id"] += f"~joined-{pair.old.key}"  # type: ignore[union-attr]
                elif row["id"] in ids:
                    # units a later version joins into one (a re-rendering) share that
                    # unit's identity: each keeps a row of its own, named by its key
                    row["id"] += f"~{row['to_key'] or row['from_key']}"
                ids.add(row["id"])
                yield row


def change_row(pair: Pair, provision_id: str, act_id: str, from_id: str, to_id: str, base: str | None = None) -> dict:
    """A unit compared between two versions; `base` is where the text's ids live (the act
    id, or ``{act}/{language}``)."""
    unit = pair.new or pair.old
    assert unit is not None
    diff = word_diff(pair.old.text, pair.new.text) if pair.change == "reworded" and pair.old and pair.new else None
    return {
        "id": f"{to_id}/{provision_id.removeprefix((base or act_id) + '/')}",
        "act_id": act_id,
        "from_version_id": from_id,
        "to_version_id": to_id,
        "provision_id": provision_id,
        "kind": unit.kind,
        "label": unit.label,
        "change": pair.change,
        "from_key": pair.old.key if pair.old else None,
        "to_key": pair.new.key if pair.new else None,
        "diff": json.dumps(diff, ensure_ascii=False) if diff is not None else None,
    }


def _version_ids(act_id: str, documents: list[ParsedDocument]) -> list[str]:
    """``{act}@{version_date}``; two files of one date get ``~2``; an undated one its ordinal."""
    ids: list[str] = []
    for ordinal, document in enumerate(documents, start=1):
        date = document.version.version_date if document.version else None
        base = f"{act_id}@{date or f'v{ordinal}'}"
        unique, copy = base, 2
        while unique in ids:
            unique, copy = f"{base}~{copy}", copy + 1
        ids.append(unique)
    return ids

