"""Rebuilt versions: an amending act's instructions applied to its target's versions.

Run after the link step (`db.links.link_cited_acts`), which sets `instructions.
target_act_id`. For each amending act whose target is held in versions:

- the base is the version in force before it: the latest real version whose
  ``version_date`` is before the amending act's adoption (bank version dates are
  adoption dates of the acts that caused them, so both sides count the same way);
- its instructions are applied (`parser.apply`), each outcome stored in
  `instruction_results`;
- the rebuilt text is stored as a version of its own, ``rebuilt = 1``, never current
  and never replacing a real one, in `versions` and `version_provisions`;
- when the corpus holds the real version the amending act caused
  (``caused_by_date`` / ``caused_by_number``), the rebuilt text is graded against it
  and the grade and differences stored in `rebuilt_versions`.
"""

from __future__ import annotations

import json
from dataclasses import asdict

import sqlite_utils

from parser.apply import Grade, Outcome, Rebuild, apply_instructions, grade
from parser.instructions import Instruction, Target
from parser.model import Provision
from parser.versions import same_act

from parser.basis import Basis

from .schema import basis_values
from .version_store import VersionStore, delete_version_units, insert_rows

AMENDING_PAIRS_SQL = """
select distinct i.act_id as amending_act_id, i.target_act_id
from instructions i
where exists (select 1 from versions v where v.act_id = i.target_act_id and v.rebuilt = 0)  -- by index: an update asks for a few acts
order by i.act_id, i.target_act_id
"""


def rebuild_versions(db: sqlite_utils.Database, amending: set[str] | None = None) -> None:
    """Apply every amending act of the corpus (or those of `amending`: an update, after
    `clear_rebuilt_versions` of the same acts) to the version of its target in force
    before it, and store outcomes, rebuilt text and grade."""
    sql, arguments = AMENDING_PAIRS_SQL, []
    if amending is not None:
        sql = sql.replace("where exists", f"where i.act_id in ({_marks(amending)}) and exists")
        arguments = sorted(amending)
    for pair in list(db.query(sql, arguments)):
        _rebuild_one(db, pair["amending_act_id"], pair["target_act_id"])


def _marks(values) -> str:
    return ", ".join("?" for _ in values) or "null"


def clear_rebuilt_versions(db: sqlite_utils.Database, amending: set[str] | None = None) -> set[str]:
    """Forget what `rebuild_versions` made (of the amending acts of `amending` alone when
    given), so it can run again over a database whose acts changed (`db.incremental`):
    the rebuilt versions and their units, outcomes and grades. Returns the acts whose
    rebuilt versions went (their wordings may be printed by no version now)."""
    if amending is None:
        targets = {row[0] for row in db.execute("select distinct act_id from versions where rebuilt = 1")}
        delete_version_units(db.conn, "rebuilt = 1")
        db.execute("delete from versions where rebuilt = 1")
        db.execute("delete from instruction_results")
        db.execute("delete from rebuilt_versions")
        return targets
    marks, arguments = _marks(amending), sorted(amending)
    rebuilt = f"rebuilt = 1 and id in (select version_id from rebuilt_versions where amending_act_id in ({marks}))"
    targets = {row[0] for row in db.execute(f"select distinct act_id from versions where {rebuilt}", arguments)}
    delete_version_units(db.conn, rebuilt, arguments)
    db.execute(f"delete from versions where {rebuilt}", arguments)
    db.execute(f"delete from instruction_results where act_id in ({marks})", arguments)
    db.execute(f"delete from rebuilt_versions where amending_act_id in ({marks})", arguments)
    return targets


def _rebuild_one(db: sqlite_utils.Database, amending_act_id: str, target_act_id: str) -> None:
    amending = db["acts"].get(amending_act_id)
    rows = list(db.query("select * from instructions where act_id = ? and target_act_id = ? order by ordinal", [amending_act_id, target_act_id]))
    instructions = instructions_from_rows(rows)
    if not amending["adopted_on"]:
        _store_outcomes(db, rows, None, None, "the amending act's adoption date is not known, so the version in force before it cannot be chosen")
        return
    base = base_version(db, target_act_id, amending["adopted_on"])
    if base is None:
        _store_outcomes(db, rows, None, None, f"no version of {target_act_id} before {amending['adopted_on']} is in the corpus")
        return
    rebuild = apply_instructions(version_units(db, base["id"]), instructions)
    real = caused_version(db, target_act_id, amending["adopted_on"], amending["number"])
    graded = grade(rebuild.provisions, version_units(db, real["id"]), rebuild.outcomes) if real else None
    version_id = f"{target_act_id}@{amending['adopted_on']}~rebuilt-by-{amending_act_id}"
    store = VersionStore(db.conn)
    [version] = store.number([_version_row(version_id, target_act_id, base, amending, rows[0])])
    insert_rows(db.conn, "versions", list(version), [tuple(version.values())])  # versions is a view (BY_ID)
    store.write_units({version_id: version["seq"]}, _unit_rows(db, version_id, target_act_id, base["id"], rebuild.provisions))
    _store_outcomes(db, rows, base["id"], version_id, None, rebuild.outcomes)
    db["rebuilt_versions"].insert(_rebuilt_row(version_id, target_act_id, base["id"], amending_act_id, rebuild, graded, real))


def instructions_from_rows(rows: list[dict]) -> list[Instruction]:
    """The parsed instructions again, from their rows in `instructions`."""
    return [
        Instruction(
            ordinal=row["ordinal"],
            provision_key=row["provision_id"] or "",
            quote_key=row["quote_provision_id"],
            operation=row["operation"],
            target_text=row["target_text"],
            target=Target(row["target_kind"], row["target_label"], row["target_key"]),
            new_text=row["new_text"],
            parse_status=row["parse_status"],
            old_words=row["old_words"],
            new_words=row["new_words"],
            new_text_in_annex=bool(row["new_text_in_annex"]),
        )
        for row in rows
    ]


def base_version(db: sqlite_utils.Database, act_id: str, before: str) -> dict | None:
    """The latest real version dated before `before`."""
    return next(
        db.query(
            "select * from versions where act_id = ? and rebuilt = 0 and version_date < ? order by version_date desc, ordinal desc limit 1",
            [act_id, before],
        ),
        None,
    )


def caused_version(db: sqlite_utils.Database, act_id: str, date: str, number: str | None) -> dict | None:
    """The real version the amending act (of `date`, `number`) produced, if held."""
    for row in db.query("select * from versions where act_id = ? and rebuilt = 0 and caused_by_date = ? order by ordinal", [act_id, date]):
        if same_act(row["caused_by_date"], row["caused_by_number"], date, number):
            return row
    return None


UNITS_SQL = """
select vp.*, (
    select parent.key from provisions p join version_provisions parent
      on parent.provision_id = p.parent_id and parent.version_id = vp.version_id
    where p.id = vp.provision_id
) as parent_key
from version_provisions vp where vp.version_id = ? and vp.kind != 'note' order by vp.position
"""


def version_units(db: sqlite_utils.Database, version_id: str) -> list[Provision]:
    """A stored version's units (its notes are not units), with their parents."""
    return [
        Provision(
            key=row["key"],
            kind=row["kind"],
            label=row["label"],
            heading=row["heading"],
            text=row["text"],
            raw=row["raw_text"] or "",
            source_line=row["source_line"],
            source_line_end=row["source_line_end"],
            parent_key=row["parent_key"],
            position=row["position"],
            cells=json.loads(row["cells"]) if row["cells"] else None,
        )
        for row in db.query(UNITS_SQL, [version_id])
    ]


def _version_row(version_id: str, act_id: str, base: dict, amending: dict, instruction: dict) -> dict:
    return {
        "id": version_id,
        "act_id": act_id,
        "ordinal": None,  # ordinals number the real versions only
        "version_date": amending["adopted_on"],
        **basis_values("version_date_basis", Basis("version_date_rebuilt", facts={"base": base["id"], "amending": amending["id"]})),
        "is_current": 0,
        "rebuilt": 1,
        "source_path": None,
        "caused_by": amending["header_text"],
        "caused_by_kind": amending["kind"],
        "caused_by_date": amending["adopted_on"],
        "caused_by_number": amending["number"],
        "caused_by_registered_on": amending["registered_on"],
        **{column: instruction[column] for column in _COMMENCEMENT},
    }


_COMMENCEMENT = (
    "commencement",
    "commencement_rule",
    "commencement_offset_days",
    "commencement_offset_months",
    "commencement_fixed_date",
    "effective_from",
    "effective_from_earliest",
    "effective_from_latest",
    "date_status",
    "date_basis_rule",
    "date_basis_data",
)


def _unit_rows(db: sqlite_utils.Database, version_id: str, act_id: str, base_id: str, units: list[Provision]) -> list[dict]:
    """The rebuilt units; a unit the base had keeps its identity across versions."""
    identity = {row["key"]: row["provision_id"] for row in db.query("select key, provision_id from version_provisions where version_id = ?", [base_id])}
    return [
        {
            "id": f"{version_id}/{unit.key}",
            "version_id": version_id,
            "act_id": act_id,
            "provision_id": identity.get(unit.key),
            "key": unit.key,
            "kind": unit.kind,
            "label": unit.label,
            "heading": unit.heading,
            "text": unit.text,
            "cells": json.dumps(unit.cells, ensure_ascii=False) if unit.cells is not None else None,
            "position": unit.position,
            "source_line": None,  # a rebuilt unit has no line of a source
            "source_line_end": None,
            "raw_text": None,
        }
        for unit in units
    ]


def _store_outcomes(
    db: sqlite_utils.Database,
    rows: list[dict],
    base_id: str | None,
    rebuilt_id: str | None,
    reason: str | None,
    outcomes: list[Outcome] | None = None,
) -> None:
    by_ordinal = {outcome.ordinal: outcome for outcome in outcomes or []}
    db["instruction_results"].insert_all(
        {
            "id": f"{row['id']}/result",
            "instruction_id": row["id"],
            "act_id": row["act_id"],
            "target_act_id": row["target_act_id"],
            "version_id": base_id,
            "rebuilt_version_id": rebuilt_id,
            "ordinal": row["ordinal"],
            "operation": row["operation"],
            "target_key": row["target_key"],
            "status": by_ordinal[row["ordinal"]].status if row["ordinal"] in by_ordinal else "not_applied",
            "reason": by_ordinal[row["ordinal"]].reason if row["ordinal"] in by_ordinal else reason,
        }
        for row in rows
    )


def _rebuilt_row(version_id: str, act_id: str, base_id: str, amending_act_id: str, rebuild: Rebuild, graded: Grade | None, real: dict | None) -> dict:
    return {
        "id": version_id,
        "act_id": act_id,
        "version_id": version_id,
        "base_version_id": base_id,
        "amending_act_id": amending_act_id,
        "instructions": len(rebuild.outcomes),
        "applied": rebuild.applied,
        "repealed": int(rebuild.repealed),
        "grade": graded.grade if graded else None,
        "grade_reason": graded.reason if graded else "the corpus holds no real version caused by the amending act",
        "compared_with_version_id": real["id"] if real else None,
        "compared_units": graded.compared if graded else None,
        "differences": json.dumps([asdict(d) for d in graded.differences], ensure_ascii=False) if graded else None,
    }
