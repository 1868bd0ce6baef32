"""Point-in-time questions, answered from the stored timelines.

Both functions take a plain `sqlite3.Connection`, so the CLI and the Datasette plugin
(through ``database.execute_fn``) give the same answers. The JSON they return is a
public contract, documented in the README::

    {"date": "YYYY-MM-DD",
     "act": {"id", "title", "status", "earliest", "latest", "basis"},
     "provisions": [{"id", "key", "kind", "label", "status", "text_known", "text", "basis",
                     "earliest", "latest"}]}

``status`` is ``in_force``, ``not_in_force`` or ``uncertain``; ``earliest``/``latest``
bound the window in which it can change (null when unbounded); ``text_known`` is true
only when ``text`` is provably the provision's wording on that date.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from db.schema import COMMENCEMENT_COLUMNS
from parser.align import Pair, align
from parser.dates import check_date, is_iso_date
from parser.diff import word_diff
from parser.markdown import CELL_SEPARATOR, cell_spans, row_cells
from parser.references import roman_folded
from parser.languages import LANGUAGES as TEXT_LANGUAGES
from parser.languages import detect_language
from parser.model import LAYOUT_ROLES, CommencementRule, EffectiveDate, Provision
from parser.timeline import Basis, Bound, Version, act_data, answer_on, change_basis, commencement_basis, existence_on
from parser.references import normal_number
from zan.messages import basis_text, disagreement_text

# --- Language texts -------------------------------------------------------------------

#: The language of the text answered when none is asked: Kazakh, the state language.
DEFAULT_TEXT_LANGUAGE = "kk"

#: An act's title in the language asked (``:language``), when it has a text in it.
TITLE_IN_LANGUAGE = "coalesce((select t.title from act_texts t where t.id in (acts.id, acts.id || '/' || :language) and t.language = :language), title)"
#: The language of that title: the language asked, else the primary text's (NULL: not known).
TITLE_LANGUAGE = (
    "coalesce((select t.language from act_texts t where t.id in (acts.id, acts.id || '/' || :language) and t.language = :language and t.title is not null),"
    " (select t.language from act_texts t where t.id = acts.id), acts.language)"
)


def titled(alias: str, name: str = "title") -> str:
    """SQL for the title of the act `alias` (a row of ``acts``) in the language ``:language``
    where the act has a text in it, else its primary title, as `name`; and the language
    of that title as ``{name}_language``."""
    return (
        f"coalesce((select t.title from act_texts t where t.act_id = {alias}.id and t.language = :language and t.title is not null), {alias}.title) as {name}, "
        f"coalesce((select t.language from act_texts t where t.act_id = {alias}.id and t.language = :language and t.title is not null), "
        f"(select t.language from act_texts t where t.id = {alias}.id), {alias}.language) as {name}_language"
    )


ACT_TEXTS_SQL = (
    "select id, language, is_primary, title, source_path, text_as_at from act_texts where act_id = ? order by is_primary desc, language"
)


def act_text(conn: sqlite3.Connection, act_id: str, language: str | None = None) -> dict[str, Any]:
    """Which language text of an act answers for `language` (Kazakh by default): that
    text when the act has it, else the act's primary text — never an empty act.

    ``{"act_id", "text_language", "text_asked", "languages_held", "base", "title",
    "source_path"}``; ``base`` is where the text's rows live (`db.rows.text_base`: the
    act id for the primary text, ``{act}/{language}`` for another)."""
    texts = [dict(row) for row in _rows(conn, ACT_TEXTS_SQL, (act_id,))]
    if not texts and conn.execute("select 1 from acts where id = ?", (act_id,)).fetchone() is None:
        raise UnknownAct(f"no act with id {act_id}")
    return choose_text(act_id, texts, language)


def choose_text(act_id: str, texts: list[dict[str, Any]], language: str | None = None) -> dict[str, Any]:
    """`act_text`'s choice among an act's ``act_texts`` rows (primary first), read already."""
    asked = language or DEFAULT_TEXT_LANGUAGE
    if not texts:
        texts = [{"id": act_id, "language": None, "is_primary": 1, "title": None, "source_path": None, "text_as_at": None}]
    chosen = next((text for text in texts if text["language"] == asked), texts[0])
    return {
        "act_id": act_id,
        "text_language": chosen["language"],
        "text_asked": asked,
        "languages_held": [text["language"] for text in texts if text["language"]],
        "base": chosen["id"],
        "title": chosen["title"],
        "source_path": chosen["source_path"],
        "text_as_at": chosen["text_as_at"],
    }


def in_text(column: str) -> str:
    """An SQL condition: the row id in `column` belongs to the language text whose rows
    live under ``:base`` — ``{base}/…``, and not the rows of another text under it (the
    primary text's base is the act id, which the other texts' bases begin with)."""
    others = ", ".join(f"'{code}/'" for code in TEXT_LANGUAGES)
    return f"(substr({column}, 1, length(:base) + 1) = :base || '/' and substr({column}, length(:base) + 2, 3) not in ({others}))"


#: The start of the part of a row id after a text's base that says it is another language text's.
_OTHER_TEXTS = frozenset(f"{code}/" for code in TEXT_LANGUAGES)


def row_in_text(row_id: str, base: str) -> bool:
    """`in_text` in Python, for rows read for many acts at once: the row id is under
    ``{base}/`` and not under another language text's base within it."""
    return row_id.startswith(base + "/") and row_id[len(base) + 1 : len(base) + 4] not in _OTHER_TEXTS


def _text_params(text: dict[str, Any], **more: Any) -> dict[str, Any]:
    """The SQL parameters of a text's rows. A row of no language (a version rebuilt by
    applying amending acts, made from the primary text) belongs to the primary text."""
    primary = text["languages_held"][0] if text["languages_held"] else None
    return {"act_id": text["act_id"], "base": text["base"], "language": text["text_language"], "primary_language": primary, **more}


def _text_fields(text: dict[str, Any]) -> dict[str, Any]:
    """What an answer says of the text it is read from: in its ``act`` where it has one
    (`act_on`, `act_document`), else beside its other fields."""
    return {
        "text_language": text["text_language"],
        "text_asked": text["text_asked"],
        "languages_held": text["languages_held"],
        "text_as_at": text["text_as_at"],
    }


#: An amendment's commencement, every column of it (the rule, its offset, the day or window
#: derived): the pages explain a date from these, so each answer carries them all.
AMENDMENT_COMMENCEMENT = ", ".join(f"a.{column}" for column in COMMENCEMENT_COLUMNS)

#: The columns an act's bounds are explained from: its commencement, its end's basis.
ACT_BOUND_COLUMNS = """(select t.text_as_at from act_texts t where t.id = acts.id) as text_as_at, valid_from, valid_from_latest, valid_from_basis_rule, valid_from_basis_data, valid_to, valid_to_latest, valid_to_basis_rule, valid_to_basis_data,
       adopted_on, registered_on, commencement_rule, commencement_offset_days, commencement_offset_months,
       commencement_fixed_date, effective_from, effective_from_earliest, effective_from_latest, date_status"""
ACT_SQL = f"""
select id, title, {ACT_BOUND_COLUMNS}
from acts where id = ?
"""
ACT_DATES_SQL = """
select kind, adopted_on, number, registered_on, commencement_rule, commencement_offset_days,
       commencement_offset_months, commencement_fixed_date, effective_from, effective_from_earliest,
       effective_from_latest, date_status
from acts where id = ?
"""
VERSIONS_SQL = f"""
select p.id as provision_id, p.parent_id, p.key, p.kind, p.label, p.heading, p.cells, v.valid_from, v.valid_from_latest, v.valid_from_basis_rule,
       v.valid_from_basis_data, v.starts_with_act, v.started_by_amendment_id, v.valid_to, v.valid_to_latest,
       v.valid_to_basis_rule, v.valid_to_basis_data, v.ends_with_act, v.ended_by_amendment_id, v.has_end, v.text_known,
       coalesce(v.text, p.text) as text, v.basis_rule, v.basis_data,
       case when p.cells is not null then p.raw_text end as row_source
from provisions p join provision_versions v on v.provision_id = p.id
where p.act_id = :act_id and {in_text("p.id")} and coalesce(p.role, '') not in ({", ".join(f"'{role}'" for role in LAYOUT_ROLES)})
order by p.position, v.ordinal
"""
AMENDMENTS_SQL = f"""
select id, action, amending_act_kind, amending_act_number, amending_act_date, date_basis_rule, date_basis_data, commencement_rule,
       commencement_offset_days, commencement_offset_months, commencement_fixed_date, effective_from,
       effective_from_earliest, effective_from_latest, date_status
from amendments where act_id = :act_id and {in_text("id")}
"""
ALL_ACTS_SQL = f"""
select id, {TITLE_IN_LANGUAGE} as title, {TITLE_LANGUAGE} as title_language, {ACT_BOUND_COLUMNS}
from acts order by adopted_on, id
"""


class UnknownAct(LookupError):
    """No act (or provision) with that id in the database."""


class NotZanDatabase(Exception):
    """A file that the read side cannot answer from: ``reason`` is ``missing`` (no such
    file), ``not_sqlite`` (not an SQLite database) or ``not_zan`` (SQLite, but without the
    tables `zan build` writes)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


#: The tables every answer reads: a database without one of them was not built by `zan build`
#: (a table stored by id, `db.version_store.BY_ID`, is a view of that name).
READ_TABLES = ("acts", "act_texts", "provisions", "cited_acts", "build_info")


def check_database(path) -> None:
    """Nothing when `path` is a database `zan build` wrote; a `NotZanDatabase` saying why
    not otherwise, before anything is served or answered from it (a README served as a
    database answered every page with a 500 and a traceback). Opens it read-only."""
    file = Path(path)
    if not file.is_file():
        raise NotZanDatabase(str(path), "missing")
    try:
        connection = sqlite3.connect(file.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("select name from sqlite_master where type in ('table', 'view')")}
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        raise NotZanDatabase(str(path), "not_sqlite") from None
    if not set(READ_TABLES) <= tables:
        raise NotZanDatabase(str(path), "not_zan")


#: The tables whose ids an address names: an act, a cited act, a provision.
_ID_TABLES = {"act": "acts", "cited": "cited_acts", "provision": "provisions"}


def spelled_id(conn: sqlite3.Connection, kind: str, wanted: str) -> str | None:
    """The id the database holds for `wanted`, an id of an act, cited act or provision
    (`kind`: ``act``, ``cited``, ``provision``) that an address gives in the other spelling
    of a Roman numeral (``law-2018-07-02-165-VІ`` with a Cyrillic І for ``…-165-VI``):
    the id with the numeral folded as `parser.references.number_in_id` spells every id,
    when the database holds it and not `wanted`; None otherwise."""
    table = _ID_TABLES[kind]
    folded = roman_folded(wanted)
    if folded == wanted or conn.execute(f"select 1 from {table} where id = ?", (wanted,)).fetchone():
        return None
    return folded if conn.execute(f"select 1 from {table} where id = ?", (folded,)).fetchone() else None


def _rows(conn: sqlite3.Connection, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
    """Rows by column name, without changing the caller's connection."""
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    return cursor.execute(sql, params)


def act_status_on(
    valid_from: str | None, valid_from_latest: str | None, valid_to: str | None, valid_to_latest: str | None, has_end: bool, date: str
) -> tuple[str, Basis, str | None, str | None]:
    """Whether an act (its ``acts.valid_*`` columns) was in force on `date`: ``in_force``,
    ``not_in_force`` or ``uncertain``, why (a `Basis`), and the window in which that can change. The
    one definition of "in force on a date" for an act: the pages, `zan at`, and (as the
    SQL function ``zan_status_on``) the canned query ``acts_in_force`` use it."""
    start = Bound(valid_from, valid_from_latest, Basis("the_act"))
    end = Bound(valid_to, valid_to_latest, Basis("the_act")) if has_end else None
    return existence_on(start, end, date)


def commencement_of(row: sqlite3.Row | dict, floor: str | None, floor_is_registration: bool = False) -> Basis:
    """The `commencement` basis of a row of `db.schema.COMMENCEMENT_COLUMNS` (an act, an amendment)."""
    effective = EffectiveDate(row["date_status"] or "unknown", row["effective_from"], row["effective_from_earliest"], row["effective_from_latest"])
    rule = None
    if row["commencement_rule"]:
        rule = CommencementRule(
            row["commencement_rule"], row["commencement_offset_days"], row["commencement_offset_months"], row["commencement_fixed_date"]
        )
    return commencement_basis(effective, rule, floor, floor_is_registration)


def _act_start(row: sqlite3.Row) -> Basis:
    """Why the act took effect when it did: its commencement (publication cannot precede
    its registration, or unregistered its adoption), and what else closed its window (an
    official text that shows it in force: `parser.timeline.prove_in_force_as_at`)."""
    commencement = commencement_of(row, row["registered_on"] or row["adopted_on"], bool(row["registered_on"]))
    stored = Basis.from_stored(row["valid_from_basis_rule"], row["valid_from_basis_data"])
    return Basis(stored.rule, stored.act, stored.dates, stored.facts, (commencement,)) if stored else commencement


def _act_answer(row: sqlite3.Row, date: str, language: str | None = None) -> dict[str, Any]:
    start = Bound(row["valid_from"], row["valid_from_latest"], _act_start(row))
    end_basis = Basis.from_stored(row["valid_to_basis_rule"], row["valid_to_basis_data"])
    end = Bound(row["valid_to"], row["valid_to_latest"], end_basis) if end_basis is not None else None
    status, basis, earliest, latest = existence_on(start, end, date)
    as_at = row["text_as_at"]
    unseen_after = status == "in_force" and end is None and as_at is not None and date > as_at
    if unseen_after:  # what the newest text shows, marked: a later repeal would be in a text not held
        basis = basis.but(Basis("repeal_not_held_after", dates={"as_at": as_at}))
    return {
        "id": row["id"],
        "title": row["title"],
        "title_language": row["title_language"] if "title_language" in row.keys() else None,
        "status": status,
        "earliest": earliest,
        "latest": latest,
        "basis": basis_text(basis.rule, basis.data(), language or DEFAULT_TEXT_LANGUAGE),
        "shown_in_force_as_at": as_at if unseen_after else None,
        "start_basis": basis_text(start.basis.rule, start.basis.data(), language or DEFAULT_TEXT_LANGUAGE),
        "valid_from": row["valid_from"],
        "valid_from_latest": row["valid_from_latest"],
        "valid_to": row["valid_to"],
        "valid_to_latest": row["valid_to_latest"],
    }


def act_on(conn: sqlite3.Connection, act_id: str, date: str, language: str | None = None) -> dict[str, Any]:
    """The act and every provision of one of its language texts (`language`, Kazakh by
    default; the primary text when the act has no text in it: `act_text`), in document
    order, as they stood on `date`.

    A provision whose wording on `date` is not proven carries the wording the sources
    hold (the current one) as ``candidate_text``, and in ``uncertain_by`` the amendment
    whose open window makes it uncertain; ``uncertain_changes`` lists those amendments
    once each, with the number of units each leaves unproven."""
    check_date(date)
    act_row = _rows(conn, ACT_SQL, (act_id,)).fetchone()
    if act_row is None:
        raise UnknownAct(f"no act with id {act_id}")
    text = act_text(conn, act_id, language)
    params = _text_params(text)
    amendments = {row["id"]: row for row in _rows(conn, AMENDMENTS_SQL, params)}
    bases = _Bases(act_row, amendments)
    reader = text["text_asked"]
    provisions: list[dict[str, Any]] = []
    rows: list[sqlite3.Row] = []
    for row in _rows(conn, VERSIONS_SQL, params):
        if rows and row["provision_id"] != rows[0]["provision_id"]:
            provisions.append(_provision_answer(rows, bases, date, text["text_language"], reader))
            rows = []
        rows.append(row)
    if rows:
        provisions.append(_provision_answer(rows, bases, date, text["text_language"], reader))
    answer = _act_answer(act_row, date, reader)
    answer.update(dict(_rows(conn, ACT_DATES_SQL, (act_id,)).fetchone()))
    answer["title"] = text["title"] or answer["title"]
    answer["title_language"] = text["text_language"]
    answer.update(_text_fields(text))
    answer["missing_parts"] = missing_parts(conn, act_id, text["source_path"])
    before = came_before(conn, answer, date, reader)
    if before:  # only when the texts name one: an answer without a predecessor stays as it was
        answer["came_before"] = before
    return {
        "date": date,
        "act": answer,
        "counts": wording_counts(provisions),
        "provisions": provisions,
        "uncertain_changes": _uncertain_changes(provisions, amendments),
        "held_as_at": _held_as_at(provisions, text["text_as_at"], date),
    }


def said(basis: Basis, lang: str) -> str:
    """`basis` in words (`zan.messages.basis_text`), remembered by its data: the units of
    an act share a few bases, and an answer says one for each of hundreds of units."""
    return _said(basis.rule, basis.data_json(), lang)


@lru_cache(maxsize=8192)
def _said(rule: str, data: str | None, lang: str) -> str:
    return basis_text(rule, data, lang)


def wording_counts(provisions: list[dict[str, Any]]) -> dict[str, int]:
    """How many units of an answer have their wording on the date proven, how many are
    in force (or may be) with it unproven, and how many are not in force: the numbers a
    page or the CLI states, counted once, over every unit of the answer."""
    counts = {"proven": 0, "unproven": 0, "not_in_force": 0}
    for provision in provisions:
        counts[provision["wording"]] += 1
    return counts


def _held_as_at(provisions: list[dict[str, Any]], as_at: str | None, date: str) -> dict[str, Any] | None:
    """After the day its newest text was current (`parser.timeline.hold_until`), an act's
    units are held but not proven: ``{"as_at", "units"}`` says so once, or None."""
    if not as_at or date <= as_at:
        return None
    units = sum(1 for p in provisions if not p["text_known"] and p.get("candidate_text") and not p["uncertain_by"])
    return {"as_at": as_at, "units": units} if units else None


def _uncertain_changes(provisions: list[dict[str, Any]], amendments: dict[str, sqlite3.Row]) -> list[dict[str, Any]]:
    """The changes named in the provisions' ``uncertain_by`` — an amending act and its
    action, once each however many notes print it — in order of adoption, with the
    number of units each leaves unproven."""
    counts: dict[tuple, int] = {}
    first: dict[tuple, sqlite3.Row] = {}
    for provision in provisions:
        row = amendments.get(provision["uncertain_by"]) if provision["uncertain_by"] else None
        if row is None:
            continue
        # one change, whichever notes print it: the same act, the same action
        change = (row["amending_act_date"], row["amending_act_number"], row["action"])
        counts[change] = counts.get(change, 0) + 1
        first.setdefault(change, row)
    changes = [
        {**{key: row[key] for key in row.keys() if not key.startswith("date_basis")}, "units": counts[change]} for change, row in first.items()
    ]
    return sorted(changes, key=lambda change: (change["amending_act_date"] or "", change["id"]))


#: A bound whose basis no row records (an amendment row the build did not write).
NOT_RECORDED = Basis("not_recorded")


@lru_cache(maxsize=8192)
def stored_basis(rule: str | None, data: str | None) -> Basis | None:
    """`Basis.from_stored`, read once per distinct pair: thousands of units share a few
    bases (what is coming over the corpus reads 15,000 unit starts and 109 distinct bases
    on one day at 1,000 acts). A basis is frozen and nobody changes its dicts."""
    return Basis.from_stored(rule, data)


class _Bases:
    """The bases of a version's bounds, stored once in the act or amendment row."""

    def __init__(self, act: sqlite3.Row, amendments: dict[str, sqlite3.Row]) -> None:
        self.act = act
        self.amendments = amendments

    def start(self, row: sqlite3.Row) -> Basis:
        if row["starts_with_act"]:
            return _act_start(self.act)
        # the amendment's basis when it has one: the unit's own is then not read
        return self._amendment(row["started_by_amendment_id"]) or stored_basis(row["valid_from_basis_rule"], row["valid_from_basis_data"]) or NOT_RECORDED

    def end(self, row: sqlite3.Row) -> Basis:
        if row["ends_with_act"]:
            return Basis.from_stored(self.act["valid_to_basis_rule"], self.act["valid_to_basis_data"]) or NOT_RECORDED
        own = Basis.from_stored(row["valid_to_basis_rule"], row["valid_to_basis_data"])
        return self._amendment(row["ended_by_amendment_id"]) or own or NOT_RECORDED

    def _amendment(self, amendment_id: str | None) -> Basis | None:
        amendment = self.amendments.get(amendment_id) if amendment_id else None
        if amendment is None:
            return None
        act = act_data(amendment["amending_act_kind"], amendment["amending_act_number"], amendment["amending_act_date"])
        return change_basis(amendment["action"], act, commencement_of(amendment, amendment["amending_act_date"]))


def _version(row: sqlite3.Row, bases: _Bases) -> Version:
    start = Bound(row["valid_from"], row["valid_from_latest"], bases.start(row))
    end = Bound(row["valid_to"], row["valid_to_latest"], bases.end(row)) if row["has_end"] else None
    basis = Basis.from_stored(row["basis_rule"], row["basis_data"]) or NOT_RECORDED
    return Version(row["key"], start, end, bool(row["text_known"]), row["text"], basis)


def _provision_answer(rows: list[sqlite3.Row], bases: _Bases, date: str, language: str | None, reader: str) -> dict[str, Any]:
    row = rows[0]
    answer = answer_on([_version(version, bases) for version in rows], date)
    unproven = answer.status != "not_in_force" and not answer.text_known
    candidate = rows[-1]["text"] if unproven else None
    return {
        "id": row["provision_id"],
        "parent_id": row["parent_id"],
        "key": row["key"],
        "kind": row["kind"],
        "label": row["label"],
        "heading": row["heading"],
        **_row_layout(row, answer.text or candidate),
        "language": language,
        "status": answer.status,
        "text_known": answer.text_known,
        "wording": "not_in_force" if answer.status == "not_in_force" else "proven" if answer.text_known else "unproven",
        "text": answer.text,
        "candidate_text": candidate,
        "uncertain_by": _open_change(rows, date) if unproven else None,
        "basis": said(answer.basis, reader),
        "wording_basis": said(answer.wording, reader) if answer.wording else "",
        "earliest": answer.earliest,
        "latest": answer.latest,
    }


def _row_layout(row: sqlite3.Row, shown: str | None) -> dict[str, Any]:
    """A table row's ``cells`` as the wording shown prints them (its earlier wordings are
    held as text only) and the ``spans`` of its cells (`cell_spans`; only for the current
    wording, whose source lines say them); None for a unit that is not a row."""
    if not row["cells"] or shown is None:
        return {"cells": None, "spans": None}
    current = json.loads(row["cells"])
    if shown == CELL_SEPARATOR.join(current):
        return {"cells": current, "spans": _spans(row["row_source"], current)}
    return {"cells": row_cells(shown), "spans": None}


def _spans(row_source: str | None, cells: list[str]) -> list[tuple[int, int]] | None:
    """The spans of a row's cells, when its source gives one for each cell."""
    spans = cell_spans(row_source) if row_source else []
    return spans if len(spans) == len(cells) else None


def _open_change(rows: list[sqlite3.Row], date: str) -> str | None:
    """The amendment that starts the first wording whose start may, or may not, have
    passed on `date`: the change that makes the wording on `date` unknown."""
    for row in rows[1:]:
        start = Bound(row["valid_from"], row["valid_from_latest"], NOT_RECORDED)
        if not start.ahead(date) and not start.passed(date):
            return row["started_by_amendment_id"]
    return None


def acts_on(conn: sqlite3.Connection, date: str, page: int | None = None, language: str | None = None) -> dict[str, Any]:
    """Every act of the corpus with its status on `date`, titled in `language` where the
    act has a text in it (Kazakh by default); with `page`, only that page of
    `PAGE_SIZE` acts (in the same order), and the total `count` and the `next_page`: on
    100,000 acts the whole list is megabytes, too much for one web page."""
    check_date(date)
    params = {"language": language or DEFAULT_TEXT_LANGUAGE}
    if page is None:
        return {"date": date, "acts": [_act_answer(row, date, params["language"]) for row in _rows(conn, ALL_ACTS_SQL, params)]}
    page = max(1, page)
    rows = _rows(conn, ALL_ACTS_SQL + " limit :limit offset :offset", {**params, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE})
    acts = [_act_answer(row, date, params["language"]) for row in rows]
    count = conn.execute("select count(*) from acts").fetchone()[0]
    next_page = page + 1 if page * PAGE_SIZE < count else None
    return {"date": date, "count": count, "page": page, "next_page": next_page, "acts": acts}


# --- Browsing ------------------------------------------------------------------------

ACT_FILTERS = {
    "status": "status = :status",
    "kind": "kind = :kind",
    "issuer": "issuer = :issuer",
    "year": "substr(adopted_on, 1, 4) = :year",
}
LIST_ACTS_SQL = (
    f"select id, {TITLE_IN_LANGUAGE} as title, {TITLE_LANGUAGE} as title_language, kind, kind_text, issuer, adopted_on, number, registered_on, registration_number, status\n"
    "from acts {where} order by adopted_on desc, id limit :limit offset :offset"
)
COUNT_ACTS_SQL = "select count(*) from acts {where}"
PAGE_SIZE = 100
FACETS_SQL = """
select 'status' as facet, status as value, count(*) as n from acts group by status
union all select 'kind', kind, count(*) from acts group by kind
union all select 'issuer', issuer, count(*) from acts group by issuer
union all select 'year', substr(adopted_on, 1, 4), count(*) from acts group by substr(adopted_on, 1, 4)
order by facet, value
"""


def list_acts(conn: sqlite3.Connection, filters: dict[str, str], page: int = 1, language: str | None = None) -> dict[str, Any]:
    """One page of the acts of the corpus, filtered by status, kind, issuer and year of
    adoption, with the values each filter can take and the number of acts matching;
    titled in `language` where an act has a text in it (Kazakh by default)."""
    chosen = {name: value for name, value in filters.items() if name in ACT_FILTERS and value}
    where = " and ".join(ACT_FILTERS[name] for name in chosen)
    clause = f"where {where}" if where else ""
    page = max(1, page)
    params = {**chosen, "language": language or DEFAULT_TEXT_LANGUAGE, "limit": PAGE_SIZE, "offset": (page - 1) * PAGE_SIZE}
    acts = [said_in(dict(row), "issuer") for row in _rows(conn, LIST_ACTS_SQL.format(where=clause), params)]
    total = conn.execute(COUNT_ACTS_SQL.format(where=clause), chosen).fetchone()[0]
    facets: dict[str, list[dict[str, Any]]] = {}
    for row in _rows(conn, FACETS_SQL):
        option = {"value": row["value"], "count": row["n"]}
        if row["facet"] == "issuer":
            option["language"] = detect_language(row["value"]) if row["value"] else None
        facets.setdefault(row["facet"], []).append(option)
    has_next = page * PAGE_SIZE < total
    return {"filters": chosen, "count": total, "page": page, "next_page": page + 1 if has_next else None, "acts": acts, "facets": facets}


PROVISION_SQL = """
select p.id, p.act_id, p.key, p.kind, p.label, p.heading, p.text, p.parent_id, p.language, a.title as act_title
from provisions p join acts a on a.id = p.act_id where p.id = ?
"""
HISTORY_SQL = f"""
with recursive ancestors(id, depth) as (
    select ?, 0
    union all
    select p.parent_id, ancestors.depth + 1 from provisions p join ancestors on p.id = ancestors.id
    where p.parent_id is not null
)
select a.id, a.action, a.amending_act_kind, a.amending_act_date, a.amending_act_number, a.amending_act_issuer,
       {AMENDMENT_COMMENCEMENT}, a.parse_status, n.id as note_id, n.text as note_text, n.target_part,
       n.provision_id as noted_on, ancestors.depth
from ancestors
join notes n on n.provision_id = ancestors.id and (ancestors.depth = 0 or n.target_part = 'whole')
join amendments a on a.note_id = n.id
order by coalesce(a.effective_from, a.effective_from_earliest, a.amending_act_date), a.id
"""
VERSION_ROWS_SQL = """
select ordinal, valid_from, valid_from_latest, valid_to, valid_to_latest, has_end, text_known, basis_rule, basis_data,
       started_by_amendment_id, ended_by_amendment_id, text
from provision_versions where provision_id = ? order by ordinal
"""


def provision_history(conn: sqlite3.Connection, provision_id: str, language: str | None = None) -> dict[str, Any]:
    """A provision's notes and amendments in time order — its own, and those on the whole
    of a unit containing it — and the intervals they imply. With `language`, the same
    unit (the same key) in that language text of the act, when the act has that text
    and the unit is in it; else the unit named."""
    provision = _rows(conn, PROVISION_SQL, (provision_id,)).fetchone()
    if provision is None:
        raise UnknownAct(f"no provision with id {provision_id}")
    text = act_text(conn, provision["act_id"], language or provision["language"])
    if text["text_language"] != provision["language"]:
        partner = _rows(conn, PROVISION_SQL, (f"{text['base']}/{provision['key']}",)).fetchone()
        if partner is not None:
            provision = partner
        else:
            text = {**act_text(conn, provision["act_id"], provision["language"]), "text_asked": text["text_asked"]}
    amendments = [_with_date_basis(dict(row), text["text_asked"]) for row in _rows(conn, HISTORY_SQL, (provision["id"],))]
    versions = [_with_basis(dict(row), text["text_asked"]) for row in _rows(conn, VERSION_ROWS_SQL, (provision["id"],))]
    answer = dict(provision)
    answer["act_title"] = text["title"] or answer["act_title"]
    return {**_text_fields(text), "provision": answer, "amendments": amendments, "versions": versions}


def _with_date_basis(row: dict[str, Any], lang: str) -> dict[str, Any]:
    """An amendment row with how its day or window was derived in words (``date_basis``, in `lang`)."""
    row["date_basis"] = basis_text(row["date_basis_rule"], row["date_basis_data"], lang)
    return row


def _with_basis(row: dict[str, Any], lang: str) -> dict[str, Any]:
    """A version row with its basis in words (``basis``, in `lang`) beside the data."""
    row["basis"] = basis_text(row["basis_rule"], row["basis_data"], lang)
    return row


#: Files a page of the problems lists: over the whole bank they are hundreds of
#: thousands (140,013 at 10,000 generated acts, with 1.2 million problems), not one page.
PROBLEM_FILES_PAGE = 100

#: A page of the files with problems, by path (the problems found in no file first, as ''),
#: each with its number of problems; read by ``problem_rows (source_path_id)``.
PROBLEM_FILES_SQL = """
select s.source_path_id, coalesce(t.body, '') as source_path, count(*) as count
from problem_rows s left join texts t on t.id = s.source_path_id
group by s.source_path_id order by coalesce(t.body, '') limit :limit offset :offset
"""
PROBLEM_FILE_COUNT_SQL = "select count(*) from (select 1 from problem_rows group by source_path_id)"
PROBLEM_KINDS_SQL = """
select d.kind, count(*) as count from problem_rows s join problem_doubts d on d.id = s.doubt_id
group by d.kind order by count(*) desc, d.kind
"""
#: The problems of the files of a page (their `source_path_id`s as a JSON array; with
#: `:pathless`, those found in no file too).
PROBLEMS_SQL = """
select p.id, p.source_path, p.act_id, p.severity, p.kind, p.message, p.source_line, a.kind as act_kind, a.number as act_number,
       a.adopted_on as act_adopted_on
from problems p left join acts a on a.id = p.act_id
where p.id in (select s.id from problem_rows s where s.source_path_id in (select value from json_each(:paths))
               union all select s.id from problem_rows s where :pathless and s.source_path_id is null)
order by coalesce(p.source_path, ''), p.kind, p.source_line, p.id
"""


#: The file a problem's message begins with (``corpus/…/kaz/ch001.md: …``).
_SUBJECT_FILE = re.compile(r"^(?P<path>[^\s:]+\.(?:md|txt|yaml|yml|csv)): ")


def problem_subject(message: str | None, source_path: str | None) -> str | None:
    """The file a problem is about when it is not the file it was found in (a part file
    the index links, a meta file): every problem of a source names its own file."""
    match = _SUBJECT_FILE.match(message or "")
    return match["path"] if match and match["path"] != source_path else None


#: Where the units of a part file of a split act would be: its name (``ch001``, ``ch009-1``) as a key.
_PART_FILE_KEY = re.compile(r"^(?P<prefix>[a-z]+)0*(?P<number>\d[\d-]*)$")
MISSING_PARTS_SQL = "select message from problems where act_id = :act_id and kind = 'part_missing' and source_path = :source_path order by id"


def missing_parts(conn: sqlite3.Connection, act_id: str, source_path: str | None) -> list[str]:
    """The part files of a split act's text (at `source_path`) its index links and the
    corpus does not hold (the ``part_missing`` problems), as the keys of the units they
    begin with (``ch1``), or their file names when these name no unit."""
    parts = []
    for (message,) in conn.execute(MISSING_PARTS_SQL, {"act_id": act_id, "source_path": source_path}):
        path = (problem_subject(message, source_path) or "").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        match = _PART_FILE_KEY.match(path)
        parts.append(f"{match['prefix']}{match['number']}" if match else path)
    return parts


#: The act's fields printed as the source gives them, in one language only.
SAID_FIELDS = ("issuer", "header_text", "repeal_text", "status_text")


def said_in(row: dict[str, Any], *fields: str) -> dict[str, Any]:
    """`row` with ``said_in``: the language each of its `fields` is written in (the bank's
    meta gives an act's requisites in Russian only; an Adilet export in Kazakh only), so
    that a page in the other language marks them, rather than passing them off as its own."""
    row["said_in"] = {field: detect_language(row[field]) if row.get(field) else None for field in fields}
    return row


PROBLEM_COUNTS_SQL = """
select coalesce(source_path, '') as source_path, kind, count(*) as count
from problems where id > :after group by coalesce(source_path, ''), kind order by coalesce(source_path, ''), kind
"""


def problem_counts_by_file(conn: sqlite3.Connection, after: int = 0) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """Each file with problems and how many of each kind (``(path, [(kind, count)])``, by
    path, kinds in order), counted by SQLite and streamed: the build's report, which over
    the whole bank names a million problems, without holding them (`problems_report`).
    With `after`, only the problems recorded after that row (an update's: `BuildSummary`)."""
    path, kinds = None, []
    for row in conn.execute(PROBLEM_COUNTS_SQL, {"after": after}):
        if row[0] != path and kinds:
            yield path, kinds
            kinds = []
        path = row[0]
        kinds.append((row[1], row[2]))
    if kinds:
        yield path, kinds


def problems_report(conn: sqlite3.Connection, page: int = 1, page_size: int = PROBLEM_FILES_PAGE) -> dict[str, Any]:
    """The problems of the build, by source file, a page of files at a time, with the
    number of problems of each kind and of files over the whole database:
    ``{"count", "kinds": [{"kind", "count"}], "file_count", "page", "next_page",
    "page_size", "files": [{"source_path", "count", "problems"}]}``."""
    kinds = [dict(row) for row in _rows(conn, PROBLEM_KINDS_SQL)]
    (file_count,) = conn.execute(PROBLEM_FILE_COUNT_SQL).fetchone()
    listed = _rows(conn, PROBLEM_FILES_SQL, {"limit": page_size, "offset": (page - 1) * page_size}).fetchall()
    paths = [row["source_path_id"] for row in listed if row["source_path_id"] is not None]
    pathless = any(row["source_path_id"] is None for row in listed)
    files: dict[str, list[dict[str, Any]]] = {row["source_path"]: [] for row in listed}
    for row in _rows(conn, PROBLEMS_SQL, {"paths": json.dumps(paths), "pathless": pathless}):
        problem = dict(row)
        problem["subject"] = problem_subject(problem["message"], problem["source_path"])
        files[problem["source_path"] or ""].append(problem)
    return {
        "count": sum(kind["count"] for kind in kinds),
        "kinds": kinds,
        "file_count": file_count,
        "page": page,
        "next_page": page + 1 if page * page_size < file_count else None,
        "page_size": page_size,
        "files": [{"source_path": path, "count": len(problems), "problems": problems} for path, problems in files.items()],
    }


# --- Links between acts ------------------------------------------------------------------

CITES_SQL = f"""
select ca.id, ca.act_id, ca.status, ca.kind, ca.adopted_on, ca.number,
       coalesce((select t.title from act_texts t where t.act_id = ca.act_id and t.language = :language), ca.title) as title,
       ca.registration_number, count(*) as times, group_concat(c.provision_id, ' ') as provisions
from citations c join cited_acts ca on ca.id = c.cited_act_id
where c.act_id = :act_id and c.note_id is null
group by ca.id order by ca.adopted_on, ca.id
"""
CITED_BY_SQL = f"""
select c.act_id, {titled("a")}, count(*) as times, group_concat(c.provision_id, ' ') as provisions
from cited_acts ca join citations c on c.cited_act_id = ca.id join acts a on a.id = c.act_id
where ca.act_id = :act_id and c.act_id != :act_id
group by c.act_id order by c.act_id
"""
AMENDED_BY_SQL = """
select ca.id, ca.act_id, ca.status, ca.kind, ca.adopted_on, ca.number, count(*) as changes,
       sum(a.action = 'repealed' and a.provision_id is null) as repeals
from amendments a join cited_acts ca on ca.id = a.amending_cited_act_id
where a.act_id = :act_id
group by ca.id order by ca.adopted_on, ca.id
"""
AMENDS_SQL = """
select ca.id, ca.act_id, ca.status, ca.kind, ca.adopted_on, ca.number,
       coalesce((select t.title from act_texts t where t.act_id = ca.act_id and t.language = :language), ca.title) as title, count(*) as instructions
from instructions i join cited_acts ca on ca.id = i.target_cited_act_id
where i.act_id = :act_id
group by ca.id order by ca.id
"""
AMENDING_ACTS_IN_CORPUS_SQL = f"""
select i.act_id, {titled("a")}, count(*) as instructions
from instructions i join acts a on a.id = i.act_id
where i.target_act_id = :act_id
group by i.act_id order by i.act_id
"""


def act_links(conn: sqlite3.Connection, act_id: str, language: str | None = None) -> dict[str, Any]:
    """What an act cites and is cited by, what amends it and what it amends, and what
    repealed it — each resolved to a corpus act or a `not_in_corpus` cited act; an act
    of the corpus titled in `language` where it has a text in it (Kazakh by default)."""
    if _rows(conn, "select 1 from acts where id = ?", (act_id,)).fetchone() is None:
        raise UnknownAct(f"no act with id {act_id}")
    params = {"act_id": act_id, "language": language or DEFAULT_TEXT_LANGUAGE}
    amended_by = [dict(row) for row in _rows(conn, AMENDED_BY_SQL, params)]
    return {
        "act_id": act_id,
        "cites": [_title_language(dict(row)) for row in _rows(conn, CITES_SQL, params)],
        "cited_by": [dict(row) for row in _rows(conn, CITED_BY_SQL, params)],
        "amended_by": [row for row in amended_by if not row["repeals"]],
        "repealed_by": [row for row in amended_by if row["repeals"]],
        "amends": [_title_language(dict(row)) for row in _rows(conn, AMENDS_SQL, params)],
        "amended_by_acts_in_corpus": [dict(row) for row in _rows(conn, AMENDING_ACTS_IN_CORPUS_SQL, params)],
        **act_replacements(conn, act_id, params["language"]),
    }


# --- Which act came before (issue 23, question 5) -----------------------------------------

#: The acts an act replaced (``replaces``) or was replaced by (``replaced_by``), each side
#: named as the corpus holds it (its act) or as the texts name it (its cited act).
REPLACEMENT_SQL = """
select r.id as replacement_id, r.{other}_act_id as act_id, r.{other}_cited_act_id as cited_act_id,
       coalesce(a.kind, ca.kind) as kind, coalesce(a.number, ca.number) as number, coalesce(a.adopted_on, ca.adopted_on) as adopted_on,
       coalesce((select t.title from act_texts t where t.act_id = a.id and t.language = :language), a.title, ca.title) as title,
       r.takes_effect_from, r.takes_effect_latest, r.basis_rule, r.basis_data, r.provision_id, r.amendment_id,
       a.valid_from, a.valid_from_latest, a.valid_to, a.valid_to_latest, a.valid_to_basis_rule
from replacements r left join acts a on a.id = r.{other}_act_id left join cited_acts ca on ca.id = r.{other}_cited_act_id
where r.{this}_act_id = :act_id
order by coalesce(a.adopted_on, ca.adopted_on), r.id
"""
_ACT_WINDOW = ("valid_from", "valid_from_latest", "valid_to", "valid_to_latest", "valid_to_basis_rule")


def _replacement(row: sqlite3.Row, lang: str) -> dict[str, Any]:
    item = {key: row[key] for key in row.keys() if key not in _ACT_WINDOW}
    item["in_corpus"] = row["act_id"] is not None
    item["id"] = row["act_id"] or row["cited_act_id"]
    item["basis"] = basis_text(row["basis_rule"], row["basis_data"], lang)
    item["basis_data"] = json.loads(row["basis_data"]) if row["basis_data"] else None
    return _title_language(item)


def act_replacements(conn: sqlite3.Connection, act_id: str, language: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Both directions of `replacements` for one act: ``replaces`` (the acts it repealed
    and took the place of) and ``replaced_by``, each with what says so (``basis``, said in
    `language`, and ``basis_data``) and when the new act took effect."""
    lang = language or DEFAULT_TEXT_LANGUAGE
    params = {"act_id": act_id, "language": lang}
    return {
        "replaces": [_replacement(row, lang) for row in _rows(conn, REPLACEMENT_SQL.format(this="new", other="old"), params)],
        "replaced_by": [_replacement(row, lang) for row in _rows(conn, REPLACEMENT_SQL.format(this="old", other="new"), params)],
    }


def came_before(conn: sqlite3.Connection, act: dict[str, Any], date: str, language: str | None = None) -> list[dict[str, Any]] | None:
    """On a `date` before `act` (an `_act_answer`) can have taken effect, the acts it
    replaced that may have been in force then, each with its own status on `date` when the
    corpus holds it (`act_status_on`, so ``in_force``, ``uncertain`` or ``not_in_force`` as
    its page says), else ``null``: the texts name it and say this act ended it, nothing
    more. An act adopted after `date` is left out (it did not exist). None when `date` is
    not before the act's start, or the act replaced nothing the texts name: no
    predecessor is ever made up. The one decision of "which act came before"; `zan at`,
    the at pages and their JSON render it."""
    start = Bound(act["valid_from"], act["valid_from_latest"], Basis("the_act"))
    in_start_window = act["status"] == "uncertain" and None not in (start.earliest, start.latest) and not (start.ahead(date) or start.passed(date))
    if act["status"] == "in_force" or not (start.ahead(date) or in_start_window):
        return None  # in force, after its start, or an open window: no "before"
    lang = language or DEFAULT_TEXT_LANGUAGE
    before = []
    for row in _rows(conn, REPLACEMENT_SQL.format(this="new", other="old"), {"act_id": act["id"], "language": lang}):
        if row["adopted_on"] is not None and row["adopted_on"] > date:
            continue
        item = _replacement(row, lang)
        item["status"] = item["status_basis"] = None
        if row["act_id"] is not None:
            status, basis, _, _ = act_status_on(row["valid_from"], row["valid_from_latest"], row["valid_to"], row["valid_to_latest"], row["valid_to_basis_rule"] is not None, date)
            if status == "not_in_force":
                continue
            item["status"], item["status_basis"] = status, basis_text(basis.rule, basis.data(), lang)
        before.append(item)
    return before or None


def _title_language(row: dict[str, Any]) -> dict[str, Any]:
    """A row with ``title_language``: the language its ``title`` is written in."""
    row["title_language"] = detect_language(row["title"]) if row.get("title") else None
    return row


CITED_ACT_SQL = "select * from cited_acts where id = ?"
#: Whether a row of language :row_language is read for :language: it is in that
#: language, or the act (:act) has no text in it.
IN_READER_LANGUAGE = """(coalesce({row_language}, '') = :language
    or not exists (select 1 from act_texts t where t.act_id = {act} and t.language = :language))"""
CITING_SQL = f"""
select c.act_id, {titled("a", "act_title")}, c.provision_id, c.note_id, coalesce(p.key, np.key) as key,
       c.text, c.cited_provision, coalesce(p.language, n.language) as language
from citations c join acts a on a.id = c.act_id left join provisions p on p.id = c.provision_id
left join notes n on n.id = c.note_id left join provisions np on np.id = n.provision_id
where c.cited_act_id = :cited_act_id and {IN_READER_LANGUAGE.format(row_language="coalesce(p.language, n.language, (select t.language from act_texts t where t.id = c.act_id))", act="c.act_id")}
order by c.act_id, c.id
"""
AMENDING_SQL = f"""
select a.act_id, {titled("acts", "act_title")}, a.provision_id, p.key, a.action, a.effective_from, a.effective_from_earliest,
       a.effective_from_latest, a.date_status
from amendments a join acts on acts.id = a.act_id left join provisions p on p.id = a.provision_id
left join notes n on n.id = a.note_id
where a.amending_cited_act_id = :cited_act_id and {IN_READER_LANGUAGE.format(row_language="coalesce(n.language, p.language, (select t.language from act_texts t where t.id = a.act_id))", act="a.act_id")}
order by a.act_id, a.id
"""


def cited_act(conn: sqlite3.Connection, cited_act_id: str, language: str | None = None) -> dict[str, Any]:
    """A cited act (in the corpus or not) and every place of the corpus that names it:
    the places in the text of `language` (Kazakh by default) of each citing act, or in
    its other text when it has none in that language; each citing act titled in it. The
    cited act's ``title_language`` is the language its title (read from a citation) is in."""
    row = _rows(conn, CITED_ACT_SQL, (cited_act_id,)).fetchone()
    if row is None:
        raise UnknownAct(f"no cited act with id {cited_act_id}")
    params = {"cited_act_id": cited_act_id, "language": language or DEFAULT_TEXT_LANGUAGE}
    cited = dict(row)
    said_in(_title_language(cited), "issuer")
    return {
        "cited_act": cited,
        "citations": [dict(r) for r in _rows(conn, CITING_SQL, params)],
        "amendments": [dict(r) for r in _rows(conn, AMENDING_SQL, params)],
    }


# --- The consolidated act ----------------------------------------------------------------

ACT_DOCUMENT_SQL = "select * from acts where id = :act_id"
PROVISIONS_SQL = f"""
select id, parent_id, key, kind, label, heading, text, position, source_line, role, cells,
       case when cells is not null then raw_text end as row_source, removed_in_version_id,
       (select v.version_date from versions v where v.id = provisions.removed_in_version_id) as removed_in_date, language
from provisions where act_id = :act_id and {in_text("id")} order by position
"""
NOTES_SQL = f"""
select n.id, n.provision_id, n.printed_after_id, n.target_text, n.target_status, n.target_part,
       n.text, n.source_line, n.language
from notes n where n.act_id = :act_id and {in_text("n.id")} order by n.ordinal
"""
CITATIONS_SQL = f"""
select c.provision_id, c.note_id, c.start, c."end", c.text, c.cited_act_id, ca.act_id as cited_corpus_act_id, ca.status
from citations c join cited_acts ca on ca.id = c.cited_act_id
where c.act_id = :act_id and {in_text("c.id")} order by c.id
"""
INSTRUCTIONS_SQL = f"""
select id, ordinal, operation, target_text, target_kind, target_label, target_key, new_text, target_act_id,
       target_act_kind, target_act_date, target_act_number, target_act_registration_number, target_act_title,
       parse_status
from instructions where act_id = :act_id and {in_text("id")} order by ordinal
"""
ACT_AMENDMENTS_SQL = f"""
select id, note_id, provision_id, action, amending_act_date, amending_act_number,
       amending_act_issuer, amending_act_kind, {AMENDMENT_COMMENCEMENT.replace("a.", "")},
       parse_status
from amendments a where act_id = :act_id and {in_text("id")} order by id
"""


def act_document(conn: sqlite3.Connection, act_id: str, language: str | None = None) -> dict[str, Any]:
    """The act, the provisions of one of its language texts in order (`language`, Kazakh
    by default; the primary text when the act has none in it: `act_text`), its notes
    (each with its amendments), the instructions of an amending act, the citations in its
    text, its links and the versions of that text."""
    act = _rows(conn, ACT_DOCUMENT_SQL, {"act_id": act_id}).fetchone()
    if act is None:
        raise UnknownAct(f"no act with id {act_id}")
    text = act_text(conn, act_id, language)
    params = _text_params(text)

    def rows(sql: str) -> list[dict[str, Any]]:
        return [dict(row) for row in _rows(conn, sql, params)]

    notes = rows(NOTES_SQL)
    by_note: dict[str, list[dict[str, Any]]] = {}
    for amendment in rows(ACT_AMENDMENTS_SQL):
        by_note.setdefault(amendment["note_id"] or "", []).append(amendment)
    for note in notes:
        note["amendments"] = by_note.get(note["id"], [])
    provisions = rows(PROVISIONS_SQL)
    for provision in provisions:
        provision["cells"] = json.loads(provision["cells"]) if provision["cells"] else None
        row_source = provision.pop("row_source")
        provision["spans"] = _spans(row_source, provision["cells"]) if provision["cells"] else None
    act_fields = dict(act)
    act_fields["title"] = text["title"] or act_fields["title"]
    # why the act ends, said in the language asked (NULL: no end known), beside its data
    act_fields["valid_to_basis"] = basis_text(act["valid_to_basis_rule"], act["valid_to_basis_data"], text["text_asked"]) or None
    # when it took effect (`valid_from` … `valid_from_latest`) and why, as every answer says it
    start = _act_start(act)
    act_fields["start_basis"] = basis_text(start.rule, start.data(), text["text_asked"])
    act_fields.update(_text_fields(text), text_base=text["base"])
    said_in(act_fields, *SAID_FIELDS)
    act_fields["missing_parts"] = missing_parts(conn, act_id, text["source_path"])
    return {
        "act": act_fields,
        "provisions": provisions,
        "notes": notes,
        "header_amendments": by_note.get("", []),
        "instructions": rows(INSTRUCTIONS_SQL),
        "citations": rows(CITATIONS_SQL),
        "links": act_links(conn, act_id, text["text_asked"]),
        "versions": act_versions(conn, act_id, text["text_language"]),
        "did": act_amendments(conn, act_id, language),
    }


# --- Versions of an act --------------------------------------------------------------

VERSION_LIST_SQL = """
select id, version_date as date, source_path, caused_by, caused_by_kind, caused_by_date, caused_by_number,
       effective_from, effective_from_earliest, effective_from_latest, date_status, date_basis_rule, date_basis_data, is_current, rebuilt
from versions where act_id = :act_id and (coalesce(language, :primary_language) = :language or :language is null)
order by version_date, rebuilt, id
"""
VERSION_UNITS_SQL = """
select provision_id, key, kind, label, text, position from version_provisions
where version_id = ? and kind != 'note' order by position
"""


def act_versions(conn: sqlite3.Connection, act_id: str, language: str | None = None) -> list[dict[str, Any]]:
    """The versions of one language text of an act (`language`, Kazakh by default; the
    primary text when the act has none in it), oldest first (empty for a text held in
    one consolidated file). ``date`` is the bank's date of the version — usually the
    amending act's adoption; ``effective_from*`` say when its wording took effect."""
    text = act_text(conn, act_id, language)
    versions = []
    for row in _rows(conn, VERSION_LIST_SQL, _text_params(text)):
        version = dict(row)
        version["is_current"], version["rebuilt"] = bool(version["is_current"]), bool(version["rebuilt"])
        version["language"] = text["text_language"]
        version["date_basis"] = basis_text(version["date_basis_rule"], version["date_basis_data"], text["text_asked"])
        versions.append(version)
    return versions


def resolve_version(versions: list[dict[str, Any]], wanted: str) -> tuple[dict[str, Any], Basis]:
    """The version `wanted` names — a version id, or a date: the version whose wording
    applied on that date — and how it was chosen (a `Basis`). ValueError when it names none."""
    for version in versions:
        if version["id"] == wanted:
            return version, Basis("version_named")
    if not is_iso_date(wanted):
        raise ValueError(f"{wanted!r} is neither a version id (see `zan versions`) nor a date written YYYY-MM-DD")
    on = versions_on(versions, wanted)
    if on.chosen is None:
        raise ValueError(f"no version held had taken effect by {wanted}")
    return on.chosen, on.chosen_basis(wanted)


@dataclass
class VersionsOn:
    """Which real versions of a text may apply on a date, from one scan (`versions_on`)."""

    chosen: dict[str, Any] | None  # the newest whose wording provably took effect by then
    later: dict[str, Any] | None  # the first newer than `chosen` whose wording may have
    newest: dict[str, Any] | None  # the newest whose taking effect is not provably after it

    def chosen_basis(self, date: str) -> Basis:
        """Why `chosen` is the version in effect on `date`, and the later one that may be."""
        basis = Basis("version_in_effect_on", dates={"date": date})
        if self.later is not None:
            bound = version_took_effect(self.later)
            basis = basis.but(Basis("later_version_may_have", dates={"version": self.later["date"], **bound.window()}))
        return basis


def versions_on(versions: list[dict[str, Any]], date: str) -> VersionsOn:
    """The real (never rebuilt) versions, oldest first, read once against `date`: the
    one decision of which version applied on a day, for `resolve_version` (a diff's
    dates) and `db.changes.newest_version_on` (since when)."""
    chosen = later = newest = None
    for version in versions:
        if version["rebuilt"]:
            continue
        bound = version_took_effect(version)
        if bound.passed(date):
            chosen, later = version, None
        elif later is None and chosen is not None and not bound.ahead(date):
            later = version
        if not bound.ahead(date):
            newest = version
    return VersionsOn(chosen, later, newest)


def version_took_effect(version: dict[str, Any]) -> Bound:
    """When a version's wording took effect (its ``effective_from*`` columns) as a `Bound`,
    which alone says whether that day has passed on a date."""
    if version["effective_from"]:
        return Bound(version["effective_from"], version["effective_from"], NOT_RECORDED)
    return Bound(version["effective_from_earliest"], version["effective_from_latest"], NOT_RECORDED)


def amendment_took_effect(row: sqlite3.Row | dict) -> Bound:
    """When a change a note records took effect (an ``amendments`` row) as a `Bound`: its
    day or window, explained by its commencement; with neither known, not before the
    amending act's date and no end known."""
    basis = commencement_of(row, row["amending_act_date"])
    earliest = row["effective_from"] or row["effective_from_earliest"]
    latest = row["effective_from"] or row["effective_from_latest"]
    if earliest is None and latest is None:
        return Bound(row["amending_act_date"], None, basis)
    return Bound(earliest, latest, basis)


def diff_text(conn: sqlite3.Connection, act_id: str, language: str | None = None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The language text whose versions a diff compares, and its versions: the text in
    `language` (`act_text`), or the act's primary text when that one holds fewer than two
    real versions — there is nothing to compare in it (137412 is held in three Kazakh
    versions and one Russian) — which ``text_language`` then says."""
    text = act_text(conn, act_id, language)
    versions = act_versions(conn, act_id, text["text_language"])
    if sum(1 for version in versions if not version["rebuilt"]) < 2 and text["languages_held"] and text["text_language"] != text["languages_held"][0]:
        primary = {**act_text(conn, act_id, text["languages_held"][0]), "text_asked": text["text_asked"]}
        return primary, act_versions(conn, act_id, primary["text_language"])
    return text, versions


def act_requisites(conn: sqlite3.Connection, act_id: str) -> dict[str, Any]:
    """What names an act as a lawyer names it (`zan.messages.act_name`): its ``kind``,
    ``number`` and ``adopted_on``."""
    row = conn.execute("select kind, number, adopted_on from acts where id = ?", (act_id,)).fetchone()
    return {"kind": row[0], "number": row[1], "adopted_on": row[2]} if row else {"kind": None, "number": None, "adopted_on": None}


def act_diff(conn: sqlite3.Connection, act_id: str, old: str, new: str, language: str | None = None) -> dict[str, Any]:
    """The units that differ between two versions of one language text (ids or dates;
    `language` as in `act_versions`), with word-level diffs:
    ``{"act_id", "text_language", "from", "to", "changes": [{"id", "kind", "label", "change", "diff", …}]}``.
    ``id`` is the unit's id in ``provisions``; unchanged units are left out."""
    text, versions = diff_text(conn, act_id, language)
    if not versions:
        raise UnknownAct(f"act {act_id} is held in one text only: there are no versions to compare")
    for index, version in enumerate(versions):
        version["ordinal_index"] = index
    (before, before_basis), (after, after_basis) = resolve_version(versions, old), resolve_version(versions, new)
    reader = language or DEFAULT_TEXT_LANGUAGE
    pairs = align(_version_units(conn, before["id"]), _version_units(conn, after["id"]))
    changes = [{**_change(pair), "language": text["text_language"]} for pair in pairs if pair.is_change]
    for version in versions:
        del version["ordinal_index"]
    title = act_text(conn, act_id, reader)
    return {
        "act_id": act_id,
        "title": title["title"],
        "title_language": title["text_language"],
        **act_requisites(conn, act_id),
        **_text_fields(text),
        "from": {**before, "chosen": basis_text(before_basis.rule, before_basis.data(), reader), "chosen_basis": before_basis.as_dict()},
        "to": {**after, "chosen": basis_text(after_basis.rule, after_basis.data(), reader), "chosen_basis": after_basis.as_dict()},
        "changes": changes,
    }


def _version_units(conn: sqlite3.Connection, version_id: str) -> list[Provision]:
    """A version's units as the parser's provisions, their ids kept in `role`."""
    return [
        Provision(key=row["key"], kind=row["kind"], label=row["label"], heading=None, text=row["text"] or "", raw="", source_line=0, source_line_end=0, role=row["provision_id"], position=row["position"])
        for row in _rows(conn, VERSION_UNITS_SQL, (version_id,))
    ]


def _change(pair: Pair) -> dict[str, Any]:
    unit = pair.new or pair.old
    assert unit is not None
    return {
        "id": unit.role,
        "kind": unit.kind,
        "label": unit.label,
        "change": pair.change,
        "diff": word_diff(pair.old.text, pair.new.text) if pair.old and pair.new else None,
        "from_key": pair.old.key if pair.old else None,
        "to_key": pair.new.key if pair.new else None,
        "from_text": pair.old.text if pair.old else None,
        "to_text": pair.new.text if pair.new else None,
    }


# --- Two language texts side by side ---------------------------------------------------


def act_side_by_side(conn: sqlite3.Connection, act_id: str, language: str | None, other: str) -> dict[str, Any]:
    """Two language texts of an act aligned by provision key, in the order of the first:
    ``{"act_id", "languages": [first, second], "languages_held", "title", "rows": [{"key",
    "kind", "paired", first: unit or null, second: unit or null}]}``. A unit of the second
    text without a partner follows the last paired unit before it; ``paired`` is false
    for every unit alone. Asking for a language the act has no text in answers with its
    primary text in that place, as `act_text` says (``text_language`` of each side)."""
    left, right = act_text(conn, act_id, language), act_text(conn, act_id, other)
    left_units = [dict(row) for row in _rows(conn, PROVISIONS_SQL, _text_params(left))]
    right_units = [dict(row) for row in _rows(conn, PROVISIONS_SQL, _text_params(right))] if right["base"] != left["base"] else []
    first, second = left["text_language"] or "", right["text_language"] or ""
    if right["base"] == left["base"]:
        second = other
    rows = side_by_side(left_units, right_units, first, second)
    return {
        "act_id": act_id,
        "title": left["title"],
        **act_requisites(conn, act_id),
        "languages": [first, second],
        "sides": [_text_fields(left), _text_fields(right)],
        "languages_held": left["languages_held"],
        "paired": sum(1 for row in rows if row["paired"]),
        "alone": {first: sum(1 for row in rows if row[first] and not row["paired"]), second: sum(1 for row in rows if row[second] and not row["paired"])},
        "rows": rows,
    }


def side_by_side(left: list[dict[str, Any]], right: list[dict[str, Any]], first: str, second: str) -> list[dict[str, Any]]:
    """Units of two texts paired by key, in the order of `left`; a unit of `right` with
    no partner placed after the last paired unit that precedes it in `right`."""
    left_keys = {unit["key"] for unit in left}
    right_by_key = {unit["key"]: unit for unit in right}
    alone_after: dict[str | None, list[dict[str, Any]]] = {}
    previous: str | None = None
    for unit in right:
        if unit["key"] in left_keys:
            previous = unit["key"]
        else:
            alone_after.setdefault(previous, []).append(unit)

    def alone(unit: dict[str, Any]) -> dict[str, Any]:
        return {"key": unit["key"], "kind": unit["kind"], "paired": False, first: None, second: _unit(unit)}

    rows = [alone(unit) for unit in alone_after.get(None, [])]
    for unit in left:
        partner = right_by_key.get(unit["key"])
        rows.append({"key": unit["key"], "kind": unit["kind"], "paired": partner is not None, first: _unit(unit), second: _unit(partner) if partner else None})
        rows += [alone(other) for other in alone_after.get(unit["key"], [])]
    return rows


def _unit(unit: dict[str, Any]) -> dict[str, Any]:
    cells = unit["cells"]
    return {
        "id": unit["id"],
        "label": unit["label"],
        "heading": unit["heading"],
        "text": unit["text"],
        "cells": json.loads(cells) if isinstance(cells, str) else cells,
        "language": unit["language"],
        "removed_in_version_id": unit["removed_in_version_id"],
    }


# --- What an amending act did (issue 23, question 3) --------------------------------------

AMENDING_ACT_SQL = "select id, kind, adopted_on, number, title from acts where id = ?"
#: The notes of other acts that name this act as their amending act (resolved by db.links).
DID_NOTES_SQL = f"""
select a.id as source_id, a.act_id as target_act_id, t.kind as target_act_kind, t.adopted_on as target_act_date,
       t.number as target_act_number, t.title as target_act_title, p.key as unit, a.provision_id, a.action as change,
       n.language, {AMENDMENT_COMMENCEMENT}
from amendments a join cited_acts ca on ca.id = a.amending_cited_act_id join acts t on t.id = a.act_id
left join provisions p on p.id = a.provision_id left join notes n on n.id = a.note_id
where ca.act_id = :act_id and a.act_id != :act_id
order by a.act_id, a.id
"""
#: The real versions of other acts this act caused (the bank's `caused_by`), each unit they changed.
DID_VERSIONS_SQL = """
select v.id as version_id, v.act_id as target_act_id, t.kind as target_act_kind, t.adopted_on as target_act_date,
       t.number as target_act_number, t.title as target_act_title, v.language, v.caused_by_number,
       v.commencement, v.commencement_rule, v.commencement_offset_days, v.commencement_offset_months,
       v.commencement_fixed_date, v.effective_from, v.effective_from_earliest, v.effective_from_latest, v.date_status,
       v.date_basis_rule, v.date_basis_data
from versions v join acts t on t.id = v.act_id
where v.rebuilt = 0 and v.act_id != :act_id and v.caused_by_kind = :kind and v.caused_by_date = :adopted_on
order by v.act_id, v.id
"""
DID_VERSION_CHANGES_SQL = """
select c.id as source_id, c.provision_id, coalesce(p.key, c.to_key, c.from_key) as unit, c.change
from version_changes c left join provisions p on p.id = c.provision_id
where c.to_version_id = ? and c.change in ('added', 'removed', 'reworded') order by c.id
"""
#: Its own instructions, in the language asked (each instruction's act: `instructions.target_act_*`).
DID_INSTRUCTIONS_SQL = f"""
select i.id as source_id, i.target_act_id, i.target_act_kind, i.target_act_date, i.target_act_number,
       i.target_act_title, i.target_key as unit, i.target_text, i.operation as change, i.clause, i.ordinal, i.language,
       i.old_words, i.new_words, i.new_text, r.status as applied, {", ".join(f"i.{column}" for column in COMMENCEMENT_COLUMNS)}
from instructions i left join instruction_results r on r.instruction_id = i.id
where i.act_id = :act_id and {in_text("i.id")}
order by i.ordinal
"""


def act_amendments(conn: sqlite3.Connection, act_id: str, language: str | None = None) -> dict[str, Any]:
    """What an amending act did: every act and unit it changed, from every source of that
    fact — the notes of the amended acts that name it (``note``), the real versions it
    caused (``version``: the bank's `caused_by`, each unit the version changed) and its
    own instructions (``instruction``) — each change with what it was (``change``: the
    note's action, the version's added / removed / reworded, the instruction's operation)
    and when it took effect (the commencement columns and ``date_basis`` in the language
    asked). Grouped by the act changed (``acts``); ``disagreements`` lists where the
    sources that speak of one act differ: a unit one names and another does not, or a
    unit whose change they date differently (``rule``, ``data``, ``text`` in the
    language asked)."""
    act = _rows(conn, AMENDING_ACT_SQL, (act_id,)).fetchone()
    if act is None:
        raise UnknownAct(f"no act with id {act_id}")
    text = act_text(conn, act_id, language)
    lang = text["text_asked"]
    changes = [_did(row, "note", lang) for row in _in_language(_rows(conn, DID_NOTES_SQL, {"act_id": act_id}), lang)]
    if act["kind"] and act["adopted_on"]:
        versions = _rows(conn, DID_VERSIONS_SQL, {"act_id": act_id, "kind": act["kind"], "adopted_on": act["adopted_on"]})
        for version in _in_language(versions, lang):
            if act["number"] and version["caused_by_number"] and not _same_act_number(act["number"], version["caused_by_number"]):
                continue
            for change in _rows(conn, DID_VERSION_CHANGES_SQL, (version["version_id"],)):
                changes.append(_did({**dict(version), **dict(change)}, "version", lang))
    changes += [_did(row, "instruction", lang) for row in _rows(conn, DID_INSTRUCTIONS_SQL, _text_params(text))]
    acts: dict[str, dict[str, Any]] = {}
    for change in changes:
        key = change["target_act_id"] or f"{change['target_act_kind']}|{change['target_act_date']}|{change['target_act_number']}"
        target = acts.setdefault(
            key,
            {
                "act_id": change["target_act_id"],
                "kind": change["target_act_kind"],
                "date": change["target_act_date"],
                "number": change["target_act_number"],
                "title": change["target_act_title"],
                "in_corpus": change["target_act_id"] is not None,
                "sources": [],
                "changes": [],
            },
        )
        if change["source"] not in target["sources"]:
            target["sources"].append(change["source"])
        target["changes"].append({name: value for name, value in change.items() if not name.startswith("target_act_")})
    return {
        "act_id": act_id,
        "title": text["title"] or act["title"],
        **_text_fields(text),
        "counts": {source: sum(change["source"] == source for change in changes) for source in ("note", "version", "instruction")},
        "acts": list(acts.values()),
        "disagreements": [item for target in acts.values() for item in _disagreements(target, lang)],
    }


def _in_language(rows: Any, lang: str) -> list[sqlite3.Row]:
    """The rows of the language text asked, for each act changed that has one; the rows of
    its other text when it has none in that language."""
    rows = list(rows)
    held = {(row["target_act_id"], row["language"]) for row in rows}
    return [row for row in rows if row["language"] in (lang, None) or (row["target_act_id"], lang) not in held]


def _same_act_number(a: str, b: str) -> bool:
    return normal_number(a) == normal_number(b)


def _did(row: sqlite3.Row | dict, source: str, lang: str) -> dict[str, Any]:
    """One change, from one source, with its basis in words."""
    change = dict(row)
    change["source"] = source
    change["date_basis"] = basis_text(change.get("date_basis_rule"), change.get("date_basis_data"), lang) or None
    return change


def _disagreements(target: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """Where the sources speaking of one act changed differ. A unit is compared only
    between sources that name units of that act (a note on the whole act names none)."""
    by_unit: dict[str, dict[str, set]] = {}
    for change in target["changes"]:
        if change["unit"]:
            dates = by_unit.setdefault(change["unit"], {})
            dates.setdefault(change["source"], set()).add(_when(change))
    speaking = sorted({source for dates in by_unit.values() for source in dates})
    found = []
    for unit, dates in by_unit.items():
        silent = [source for source in speaking if source not in dates]
        if silent and len(speaking) > 1:
            data = {"unit": unit, "named_by": sorted(dates), "not_named_by": silent}
            found.append(_disagreement_row(target, "unit_named_by_some_sources", data, lang))
        known = {when for whens in dates.values() for when in whens if when != (None, None)}
        if len(known) > 1:
            data = {"unit": unit, "dates": {source: sorted(f"{a}…{b}" if a != b else a for a, b in whens if a or b) for source, whens in dates.items()}}
            found.append(_disagreement_row(target, "sources_date_unit_differently", data, lang))
    return found


def _when(change: dict[str, Any]) -> tuple[str | None, str | None]:
    if change.get("date_status") == "exact" and change.get("effective_from"):
        return change["effective_from"], change["effective_from"]
    if change.get("date_status") == "bounded":
        return change.get("effective_from_earliest"), change.get("effective_from_latest")
    return None, None


def _disagreement_row(target: dict[str, Any], rule: str, data: dict[str, Any], lang: str) -> dict[str, Any]:
    return {"act_id": target["act_id"], "unit": data["unit"], "rule": rule, "data": data, "text": disagreement_text(rule, data, lang)}
