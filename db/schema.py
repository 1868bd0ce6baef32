"""The public schema: table and column names are the Datasette API, so they are fixed.

Add columns freely; never rename or drop one without a migration note in the README.
Dates are ISO ``YYYY-MM-DD`` text; an unknown date is NULL with a status beside it,
never a sentinel.
"""

from __future__ import annotations

import sqlite_utils

from parser.model import CommencementRule, EffectiveDate
from parser.timeline import NOT_CHANGES, Basis

from .version_store import (
    BY_ID,
    TEXTS_SQL,
    by_id_columns,
    by_id_trigger_sql,
    by_id_view_sql,
    create_version_tables,
    finish_version_tables,
    shared_columns,
    shared_trigger_sql,
    stored_table,
)

#: When something takes effect: the clause verbatim, its rule, and the derived date
#: (exact) or window (earliest, latest) with its status and basis. Shared by `acts`
#: (the act's own entry into force) and `amendments`.
COMMENCEMENT_COLUMNS = {
    "commencement": str,
    "commencement_rule": str,
    "commencement_offset_days": int,
    "commencement_offset_months": int,
    "commencement_fixed_date": str,
    "effective_from": str,
    "effective_from_earliest": str,
    "effective_from_latest": str,
    "date_status": str,
    "date_basis_rule": str,  # how the day or window was derived (`zan_basis` says it)
    "date_basis_data": str,
}

def commencement_values(rule: CommencementRule | None, effective: EffectiveDate | None) -> dict:
    """The values of `COMMENCEMENT_COLUMNS` for a rule and the date derived from it."""
    return {
        "commencement": rule.text if rule else None,
        "commencement_rule": rule.rule if rule else None,
        "commencement_offset_days": rule.offset_days if rule else None,
        "commencement_offset_months": rule.offset_months if rule else None,
        "commencement_fixed_date": rule.fixed_date if rule else None,
        "effective_from": effective.exact if effective else None,
        "effective_from_earliest": effective.earliest if effective else None,
        "effective_from_latest": effective.latest if effective else None,
        "date_status": effective.status if effective else "unknown",
        **basis_values("date_basis", effective.basis if effective else None),
    }



def basis_columns(name: str) -> dict[str, type]:
    """A basis stored as data (`parser.timeline.Basis`), never as a sentence: its rule code
    in ``{name}_rule`` and the rest (act, dates, facts, parts) as JSON in ``{name}_data``;
    ``zan_basis(rule, data, lang)`` says it in Kazakh or Russian."""
    return {f"{name}_rule": str, f"{name}_data": str}


def basis_values(name: str, basis: Basis | None) -> dict:
    """The values of `basis_columns` for `basis` (None: no basis, both NULL)."""
    return {f"{name}_rule": basis.rule if basis else None, f"{name}_data": basis.data_json() if basis else None}


TABLES: dict[str, dict] = {
    "acts": {
        "columns": {
            "id": str,
            "title": str,
            "kind": str,
            "kind_text": str,
            "issuer": str,
            "issuer_acting": int,
            "adopted_on": str,
            "number": str,
            "registered_on": str,
            "registration_number": str,
            "status": str,
            "status_basis_rule": str,
            "status_basis_data": str,
            "status_text": str,
            "header_text": str,
            "repeal_text": str,
            "language": str,
            "layout": str,
            "source_path": str,
            "id_basis": str,
            **COMMENCEMENT_COLUMNS,
            # the act's life as the text shows it: [valid_from, valid_to), each bound a
            # window (earliest, latest; latest NULL = no upper bound known)
            "valid_from": str,
            "valid_from_latest": str,
            "valid_to": str,
            "valid_to_latest": str,
            # why the act starts when it does, when more than its commencement says (an
            # official text shows it in force by a day): NULL, the commencement alone
            **basis_columns("valid_from_basis"),
            **basis_columns("valid_to_basis"),  # why the act ends: NULL, no end known
            "repealed_by_amendment_id": str,
            # a split commencement: JSON list of the parts put into force on dates of their
            # own, [{"units_text", "units" ([[kind, label], …] outermost first, per unit),
            # "unit_keys" (the act's own units, as provision keys; [] for the units of a code an
            # enacting law puts into force), "effective_from", "text", "source_key"}]; NULL when
            # the clause sets none
            "commencement_exceptions": str,
        },
        "pk": "id",
        "foreign_keys": [],  # repealed_by_amendment_id: see LATER_FOREIGN_KEYS
    },
    # An act is one act in every language it is published in: one row per language text
    # (`id` = the act's id for its primary text, Kazakh when held; {act_id}/ru for the
    # Russian one beside it). Provisions, notes and versions carry the text's language.
    "act_texts": {
        "columns": {
            "id": str,
            "act_id": str,
            "language": str,
            "is_primary": int,
            "title": str,
            "source_path": str,
            "status": str,
            "status_basis_rule": str,
            "status_basis_data": str,
            # the day the text was current: the bank's version date of its newest version
            # held, or the last commit of its git mirror; its wording after it is not proven
            "text_as_at": str,
            **COMMENCEMENT_COLUMNS,  # the act's own entry into force as this text gives it
        },
        "pk": "id",
        "foreign_keys": [("act_id", "acts", "id")],
    },
    # The git repositories a build read (a corpus of the bank's clones): the commit it read
    # to, so the next build can say what is new.
    "repositories": {
        "columns": {"path": str, "last_commit": str, "last_commit_day": str, "commits": int, "versions": int, "sources": int},
        "pk": "path",
        "foreign_keys": [],
    },
    "provisions": {
        "columns": {
            "id": str,
            "act_id": str,
            "parent_id": str,
            "key": str,
            "kind": str,
            "label": str,
            "heading": str,
            "text": str,
            "position": int,
            "source_line": int,
            "source_line_end": int,
            # a split act: the part file the unit is printed in (NULL: the act's own file)
            "source_file": str,
            # a unit printed as a placeholder or a clause of its own (parser.model.Provision.status):
            # "excluded", "deferred", "suspending"; NULL for plain text
            "status": str,
            "role": str,
            "raw_text": str,
            "cells": str,  # JSON list of a table row's cells
            # for an act held in several versions: a unit gone from the newest one, kept
            # with its last wording (NULL: the unit is in the current text)
            "removed_in_version_id": str,
            "language": str,  # kk, ru: the language text the unit belongs to (act_texts)
        },
        "pk": "id",
        "foreign_keys": [("act_id", "acts", "id"), ("parent_id", "provisions", "id")],
    },
    "notes": {
        "columns": {
            "id": str,
            "act_id": str,
            "provision_id": str,
            "printed_after_id": str,
            "ordinal": int,
            "target_text": str,
            "target_status": str,
            "target_part": str,
            "text": str,
            "source_line": int,
            "source_line_end": int,
            "source_file": str,  # a split act: the part file the note is printed in
            "raw_text": str,
            "language": str,
        },
        "pk": "id",
        "foreign_keys": [
            ("act_id", "acts", "id"),
            ("provision_id", "provisions", "id"),
            ("printed_after_id", "provisions", "id"),
        ],
    },
    "amendments": {
        "columns": {
            "id": str,
            "act_id": str,
            "note_id": str,
            "provision_id": str,
            "action": str,
            "amending_act_date": str,
            "amending_act_number": str,
            "amending_act_issuer": str,
            "amending_act_issuer_acting": int,
            "amending_act_kind": str,
            "amending_act_kind_text": str,
            "amending_cited_act_id": str,  # the amending act, resolved (see cited_acts)
            **COMMENCEMENT_COLUMNS,
            "parse_status": str,
            "text": str,
        },
        "pk": "id",
        "foreign_keys": [
            ("act_id", "acts", "id"),
            ("note_id", "notes", "id"),
            ("provision_id", "provisions", "id"),
        ],
    },
    "provision_versions": {
        "columns": {
            "id": str,
            "provision_id": str,
            "act_id": str,
            "ordinal": int,
            "valid_from": str,
            "valid_from_latest": str,
            # NULL when starts_with_act (see the act's commencement) or started by an amendment
            **basis_columns("valid_from_basis"),
            "starts_with_act": int,
            "valid_to": str,
            "valid_to_latest": str,
            # NULL when ends_with_act (see acts.valid_to_basis_*) or ended by an amendment
            **basis_columns("valid_to_basis"),
            "ends_with_act": int,
            "has_end": int,
            "text_known": int,  # 1: the wording in this interval is provisions.text
            **basis_columns("basis"),  # why the wording is known, or not
            "started_by_amendment_id": str,
            "ended_by_amendment_id": str,
            # the wording in this interval when it is not provisions.text (an earlier
            # version's, for an act held in several versions)
            "text": str,
        },
        "pk": "id",
        "foreign_keys": [
            ("provision_id", "provisions", "id"),
            ("act_id", "acts", "id"),
            ("started_by_amendment_id", "amendments", "id"),
            ("ended_by_amendment_id", "amendments", "id"),
        ],
    },
    # One row per source that is a version of its act (the official bank's Markdown).
    "versions": {
        "columns": {
            "id": str,  # {act_id}@{version_date}; {act_id}/ru@{version_date} for the Russian text
            "act_id": str,
            "language": str,
            "ordinal": int,  # 1 = the oldest version held
            "version_date": str,  # the bank's date: usually the amending act's adoption
            **basis_columns("version_date_basis"),
            "is_current": int,  # the newest version held: its text is in provisions
            "rebuilt": int,  # 1: made by applying amending acts, never a real text
            "source_path": str,
            "meta_path": str,
            "meta_text": str,  # the meta file, verbatim
            "act_code": str,  # the bank's document id
            "source_url": str,
            "caused_by": str,  # the amending act's requisites, as the source gives them
            "caused_by_code": str,
            "caused_by_kind": str,
            "caused_by_date": str,
            "caused_by_number": str,
            "caused_by_registered_on": str,
            **COMMENCEMENT_COLUMNS,  # when the version's wording took effect
            "sha256": str,
            # the version's number in this database: `version_units` (db.version_store) refers
            # to it by this, and `version_provisions` joins the two
            "seq": int,
        },
        "pk": "id",
        "foreign_keys": [("act_id", "acts", "id")],
    },
    # What changed from one version to the next, unit by unit: the units added, removed,
    # reworded or joined (a unit not listed is printed alike in both).
    "version_changes": {
        "columns": {
            "id": str,
            "act_id": str,
            "from_version_id": str,
            "to_version_id": str,
            "provision_id": str,
            "kind": str,
            "label": str,
            "change": str,  # added | removed | reworded | unchanged | joined (re-rendered into the unit before)
            "from_key": str,
            "to_key": str,
            "diff": str,  # JSON word-level diff, for reworded units
        },
        "pk": "id",
        "foreign_keys": [
            ("act_id", "acts", "id"),
            ("from_version_id", "versions", "id"),
            ("to_version_id", "versions", "id"),
            ("provision_id", "provisions", "id"),
        ],
    },
    "instructions": {
        "columns": {
            "id": str,
            "act_id": str,
            "provision_id": str,
            "quote_provision_id": str,
            "ordinal": int,
            "language": str,  # the language of the text it was read from (kk, ru)
            "clause": int,  # the clause of the amending act it was read from (an amending law: one clause, several units)
            "operation": str,
            "target_act_id": str,
            "target_act_kind": str,
            "target_act_date": str,
            "target_act_number": str,
            "target_act_issuer": str,
            "target_act_registration_number": str,
            "target_act_title": str,
            "target_cited_act_id": str,
            "target_text": str,
            "target_kind": str,
            "target_label": str,
            "target_key": str,
            "new_text": str,
            "old_words": str,  # replace_words / delete_words: the words as quoted
            "new_words": str,  # replace_words: the words put in their place
            "new_text_in_annex": int,  # 1: the new wording is the amending act's own annex
            **COMMENCEMENT_COLUMNS,  # the amending act's own entry into force
            "parse_status": str,
        },
        "pk": "id",
        "foreign_keys": [
            ("act_id", "acts", "id"),
            ("provision_id", "provisions", "id"),
            ("quote_provision_id", "provisions", "id"),
            ("target_act_id", "acts", "id"),
        ],
    },
    # Every change the database records, once per act whose rows record it (db.reach): a
    # note's or a version's act, or the amending act whose instruction it is (`act_id`).
    "changes_by_amending": {
        "columns": {
            "act_id": str,
            "changed_act_id": str,  # the act changed: its id, or its cited key when not held
            "unit": str,  # the unit's key; "" for the act as a whole
            "amending": str,  # one key per amending act (db.publish.changes_cte)
            "kind": str,
            "date": str,
            "number": str,  # as printed
            "amending_id": str,  # the amending act's id when the corpus holds it and says so
        },
        "pk": None,
        "foreign_keys": [],
    },
    # One row per thing that can ever be "coming" (db.coming), per language a reader asks:
    # an act, a unit, a change a note announces, a part of a split commencement.
    "coming": {
        "columns": {
            "asked": str,  # the language asked (db.queries.choose_text picks the text answering it)
            "act_id": str,
            "base": str,  # that text's base (db.rows.text_base)
            "rank": int,  # -1 the act itself, 0 a unit, 1 a note's change, 2 a part of a split commencement
            "position": int,  # a unit's position; a note's or a part's place among the act's
            "what": str,  # act / added / deferred / own_commencement / pending_* / split_commencement
            "id": str,  # the item's id
            "provision_id": str,  # the unit (of a unit, of a note)
            "key": str,
            "kind": str,
            "label": str,
            "earliest": str,  # the day or window it takes effect
            "latest": str,
            "basis_rule": str,  # a unit's own stored basis of its start
            "basis_data": str,
            "started_by_amendment_id": str,
            "amendment_id": str,  # the amendment that announces it, when stored
            "announced_kind": str,
            "announced_number": str,
            "announced_on": str,
            "units_text": str,  # a part of a split commencement: its units as printed
            "listed_from": str,  # listed on D ⇔ listed_from <= D < listed_until (db.coming.LISTED_SQL)
            "listed_until": str,
            "sort_day": str,  # the answer's order: this, the act, the rank, the position
            "folds_into": str,  # a unit: the unit listed before it that it comes with, or NULL
            "subunits": int,  # the units folded into it
        },
        "pk": None,
        "foreign_keys": [],
    },
    # One row per amending act: how many acts and units it changed (db.reach).
    "amending_reach": {
        "columns": {
            "amending": str,
            "kind": str,
            "date": str,
            "number": str,
            "amending_id": str,
            "acts": int,
            "acts_in_corpus": int,
            "units": int,
            "acts_changed": str,  # their ids, comma-separated, in order
        },
        "pk": "amending",
        "foreign_keys": [],
    },
    # One row per instruction applied (or not) to a version of its target act.
    "instruction_results": {
        "columns": {
            "id": str,  # {instruction_id}/result
            "instruction_id": str,
            "act_id": str,  # the amending act
            "target_act_id": str,
            "version_id": str,  # the base version the instruction was applied to (NULL: none held)
            "rebuilt_version_id": str,
            "ordinal": int,
            "operation": str,
            "target_key": str,
            "status": str,  # applied | not_applied
            "reason": str,
        },
        "pk": "id",
        "foreign_keys": [
            ("instruction_id", "instructions", "id"),
            ("act_id", "acts", "id"),
            ("target_act_id", "acts", "id"),
            ("version_id", "versions", "id"),
            ("rebuilt_version_id", "versions", "id"),
        ],
    },
    # One row per rebuilt version: what it was made from and how it compares.
    "rebuilt_versions": {
        "columns": {
            "id": str,  # the rebuilt version's id (versions.id)
            "act_id": str,  # the target act
            "version_id": str,  # the rebuilt version (versions.id, rebuilt = 1)
            "base_version_id": str,
            "amending_act_id": str,
            "instructions": int,
            "applied": int,
            "repealed": int,  # 1: the amending act repeals the whole act
            "grade": str,  # clean | partial | failed; NULL: no real version to compare with
            "grade_reason": str,
            "compared_with_version_id": str,
            "compared_units": int,
            "differences": str,  # JSON [{"key", "change", "diff", "rebuilt", "real", …}]
        },
        "pk": "id",
        "foreign_keys": [
            ("act_id", "acts", "id"),
            ("version_id", "versions", "id"),
            ("base_version_id", "versions", "id"),
            ("amending_act_id", "acts", "id"),
            ("compared_with_version_id", "versions", "id"),
        ],
    },
    "cited_acts": {
        "columns": {
            "id": str,
            "act_id": str,  # the corpus act, when the cited act is in the corpus
            "status": str,  # in_corpus | not_in_corpus
            "kind": str,
            "adopted_on": str,
            "number": str,
            "issuer": str,
            "registration_number": str,
            "title": str,
            "citations": int,
        },
        "pk": "id",
        "foreign_keys": [("act_id", "acts", "id")],
    },
    "replacements": {  # db.replacements: an act that repealed and replaced another, with what says so
        "columns": {
            "id": int,
            "old_act_id": str,  # the act replaced, when in the corpus
            "old_cited_act_id": str,  # the act replaced, as named (cited_acts), when something names it
            "new_act_id": str,  # the act that replaced it, when in the corpus
            "new_cited_act_id": str,
            "takes_effect_from": str,  # when the new act took effect (the old one's end): a day, or the window's first day
            "takes_effect_latest": str,  # the window's last day (= takes_effect_from when exact; NULL: open or unknown)
            "provision_id": str,  # the new act's unit that declares the old one repealed
            "amendment_id": str,  # the old act's repeal that names the new one
            "basis_rule": str,
            "basis_data": str,
        },
        "pk": "id",
        "foreign_keys": [
            ("old_act_id", "acts", "id"),
            ("new_act_id", "acts", "id"),
            ("old_cited_act_id", "cited_acts", "id"),
            ("new_cited_act_id", "cited_acts", "id"),
            ("provision_id", "provisions", "id"),
            ("amendment_id", "amendments", "id"),
        ],
    },
    "citations": {
        "columns": {
            "id": str,
            "act_id": str,
            "provision_id": str,
            "note_id": str,
            "cited_act_id": str,
            "cited_provision": str,
            "text": str,
            "start": int,
            "end": int,
            "kind": str,
            "date": str,
            "number": str,
            "issuer": str,
            "registration_number": str,
            "title": str,
        },
        "pk": "id",
        "foreign_keys": [
            ("act_id", "acts", "id"),
            ("provision_id", "provisions", "id"),
            ("note_id", "notes", "id"),
            ("cited_act_id", "cited_acts", "id"),
        ],
    },
    "problems": {
        "columns": {
            "id": int,
            "source_path": str,
            "act_id": str,
            "severity": str,
            "kind": str,
            "message": str,
            "source_line": int,
        },
        "pk": "id",
        "foreign_keys": [("act_id", "acts", "id")],
    },
    "repairs": {
        "columns": {
            "id": int,
            "act_id": str,
            "source_path": str,
            "source_line": int,
            "kind": str,
            "before": str,
            "after": str,
        },
        "pk": "id",
        "foreign_keys": [("act_id", "acts", "id")],
    },
    "sources": {
        "columns": {
            "path": str,
            "act_id": str,
            "status": str,
            "encoding": str,
            "size": int,
            "sha256": str,
        },
        "pk": "path",
        "foreign_keys": [("act_id", "acts", "id")],
    },
}

#: Keys to tables created after the table that holds them.
LATER_FOREIGN_KEYS = [
    ("acts", "repealed_by_amendment_id", "amendments", "id"),
    ("amendments", "amending_cited_act_id", "cited_acts", "id"),
    ("instructions", "target_cited_act_id", "cited_acts", "id"),
]

#: Columns indexed beyond the foreign keys, for the questions users ask most.
#: (An index a longer one begins with is not made, see `_covered`: `acts (adopted_on,
#: id)` and `acts (status, adopted_on desc, id)` in LIST_INDEXES_SQL serve `adopted_on`
#: and `status`; the lookup indexes `db.links` makes serve `acts.kind` and
#: `acts.registration_number`.)
INDEXES = [
    ("provisions", ["act_id", "position"]),
    ("acts", ["valid_from", "valid_to"]),
    ("amendments", ["amending_act_date", "amending_act_number"]),
    # (problems is a view, db.version_store.BY_ID: a doubt's severity is in problem_doubts)
    ("problem_doubts", ["severity"]),
    ("problem_rows", ["source_path_id"]),  # the problems page's files, a page at a time
    ("versions", ["act_id", "ordinal"]),
    ("versions", ["act_code"]),  # the acts an update's new commits touched (db.incremental)
]

#: Full-text search (FTS5, unicode61: folds Cyrillic case) over what lawyers read.
FTS = [("provisions", ["text", "heading"]), ("notes", ["text"])]


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every table, with primary and foreign keys declared so Datasette links them;
    a table stored by id (`db.version_store.BY_ID`) is its stored table and a view."""
    db.execute(TEXTS_SQL)
    for name, spec in TABLES.items():
        # a key to a table stored by id points at its stored table: SQLite refuses a view
        keys = [(column, stored_table(other), key) for column, other, key in spec["foreign_keys"]]
        if name in BY_ID:
            how = BY_ID[name]
            if how.shared:  # the distinct combinations first: the stored rows' key points at them
                shared = shared_columns(name, spec["columns"])
                db.execute(db.create_table_sql(how.shared.table, shared, pk="id", foreign_keys=[key for key in keys if key[0] in shared]))
            columns = by_id_columns(name, spec["columns"])
            keys = [key for key in keys if key[0] in columns] + ([(how.shared.key, how.shared.table, "id")] if how.shared else [])
            sql = db.create_table_sql(how.table, columns, pk=how.pk, foreign_keys=keys).rstrip().rstrip(";")
            db.execute(sql + (" without rowid" if how.without_rowid else ""))
            db.execute(by_id_view_sql(name, list(spec["columns"])))
            db.execute(by_id_trigger_sql(name))
            if how.shared and not how.shared.kept:
                db.execute(shared_trigger_sql(name))
            continue
        db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=keys)
    db.add_foreign_keys([(stored_table(table), column, stored_table(other), key) for table, column, other, key in LATER_FOREIGN_KEYS])
    create_version_tables(db.conn)


#: Foreign keys not worth an index: nobody looks a version up by the amendment that ends it.
UNINDEXED_FOREIGN_KEYS = {
    # (provision_versions.act_id is made from the unit's id: db.version_store.BY_ID)
    ("provision_version_rows", "started_by_amendment_id"),
    ("provision_version_rows", "ended_by_amendment_id"),
    # an interval's shared columns are read from the interval (the span's primary key),
    # and a span no interval names stays (db.version_store.Shared.kept)
    ("provision_version_rows", "span_id"),
    # a version's units are read by version (the primary key), never by their text
    ("version_units", "wording_id"),
    *(("unit_wordings", column) for column in ("heading_id", "text_id", "raw_text_id", "cells_id")),
}


#: A unit's first interval that does not start with its act (a unit an amendment adds, a
#: deferred placeholder, a part of a split commencement), and the last day it can start
#: on (its first day when no last is known; NULL when neither is: nothing is coming then):
#: `db.coming` reads them as written here, so SQLite can use the index.
LATE_START = "{t}ordinal = 1 and not coalesce({t}starts_with_act, 0)"
LATE_START_DAY = "coalesce({t}valid_from_latest, {t}valid_from)"

#: An open interval whose wording is not proven: the last interval of a unit held as at
#: its text's day (`parser.timeline.hold_until`), and a few others. An update after `git
#: pull` finds by them the units whose hold moves to the new last commit's day
#: (`db.incremental._move_hold`): asked as written here, so SQLite can use the index.
UNPROVEN_OPEN = "{t}has_end = 0 and {t}text_known = 0"

#: A change a note announces as pending: asked as written here, so SQLite can use the index.
PENDING_NOTE = "{t}action in (" + ", ".join(f"'{action}'" for action in NOT_CHANGES if action.startswith("pending_")) + ")"

#: Indexes for the act list (newest first, filtered by status, issuer or year): without
#: them every page of / sorts all acts (docs/benchmarks-site.md).
LIST_INDEXES_SQL = [
    "create index if not exists idx_acts_issuer on acts (issuer)",
    "create index if not exists idx_acts_year on acts (substr(adopted_on, 1, 4))",
    "create index if not exists idx_acts_newest on acts (adopted_on desc, id)",
    "create index if not exists idx_acts_status_newest on acts (status, adopted_on desc, id)",
    # the order of "acts in force on D" (db.queries.ALL_ACTS_SQL), paged on the site
    "create index if not exists idx_acts_oldest on acts (adopted_on, id)",
    # what can be coming (db.coming, written by the finish passes): the units whose life
    # starts after their act's, and the changes notes announce
    f"create index if not exists idx_provision_versions_late_start on provision_version_rows ({LATE_START_DAY.format(t='')}, provision_id, started_by_amendment_id) where {LATE_START.format(t='')}",
    # the held units of a mirror, whose hold an update moves (db.incremental._move_hold):
    # at 10,000 acts 296,729 of 2,156,563 intervals, and the update reads only them
    f"create index if not exists idx_provision_versions_unproven on provision_version_rows (span_id) where {UNPROVEN_OPEN.format(t='')}",
    # (amendments is a view, db.version_store.BY_ID: its rows are amendment_rows)
    "create index if not exists idx_amendments_action on amendment_rows (action)",
    "create index if not exists idx_acts_valid_from_latest on acts (valid_from_latest)",
    # what an amending act did (db.queries.act_amendments): the versions it caused
    "create index if not exists idx_versions_caused_by on version_rows (caused_by_date, caused_by_kind)",
]


def _covered(table: sqlite_utils.db.Table, columns: list[str]) -> bool:
    """Whether an index the table has already (`db.links` makes its own) begins with
    `columns`, or a longer one of INDEXES does: SQLite uses it for `columns` alone, so
    another index would only cost build time and space."""
    existing = [list(index.columns) for index in table.indexes]
    planned = [list(others) for name, others in INDEXES if stored_table(name) == table.name and len(others) > len(columns)]
    return any(others[: len(columns)] == columns for others in existing + planned)


def finish_schema(db: sqlite_utils.Database) -> None:
    """Indexes and full-text search, made once the rows are in (faster than row by row)."""
    create_indexes(db)
    for table, columns in FTS:
        # a table stored by id is a view (BY_ID), its rows found by its rowid column: sqlite-utils
        # makes the same full-text table over it when asked as of a table
        sqlite_utils.db.Table(db, table).enable_fts(columns, create_triggers=False, replace=True)


def create_indexes(db: sqlite_utils.Database, foreign_keys: bool = True) -> None:
    """Every index of the tables there are (each made once: those made already stay). A
    full build makes those of `INDEXES` and `LIST_INDEXES_SQL` once the acts are stored,
    before the passes over the whole database, which read by them (`foreign_keys=False`):
    without `versions (act_id, ordinal)` the rebuild's question of which amending acts
    name an act held in versions read every version per instruction, 6 minutes at 10,000
    acts. The foreign keys' come after the passes: `db.links` makes some that cover them."""
    finish_version_tables(db.conn)
    for sql in LIST_INDEXES_SQL:
        db.execute(sql)
    for table, columns in INDEXES:
        table = stored_table(table)
        if not _covered(db[table], columns):
            db[table].create_index(columns, if_not_exists=True)
    if not foreign_keys:
        return
    for table in db.tables:
        for foreign_key in table.foreign_keys:
            column = foreign_key.column
            if (table.name, column) not in UNINDEXED_FOREIGN_KEYS and not _covered(table, [column]):
                table.create_index([column], if_not_exists=True)
