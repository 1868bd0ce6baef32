"""Zan's Datasette plugin: Kazakh-aware SQL functions, status badges, and the
consolidated text of an act at ``/-/acts/{act_id}`` (HTML) and ``/-/acts/{act_id}.json``.

The JSON of the act page is a public contract of its own (it does not change when
Datasette's table JSON does). The page works on any database built by `zan build`.
"""

from __future__ import annotations

import json

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

STATUS_LABELS = {
    "in_force": ("Күшінде", "in force"),
    "repealed": ("Күшін жойған", "repealed"),
    "unknown": ("Мәртебесі белгісіз", "status unknown"),
}
LOOKALIKES = str.maketrans({"i": "і", "I": "І"})

ACT_SQL = "select * from acts where id = :act_id"
PROVISIONS_SQL = """
select id, parent_id, key, kind, label, heading, text, position, source_line, role
from provisions where act_id = :act_id order by position
"""
NOTES_SQL = """
select n.id, n.provision_id, n.printed_after_id, n.target_text, n.target_status, n.target_part,
       n.text, n.source_line
from notes n where n.act_id = :act_id order by n.ordinal
"""
AMENDMENTS_SQL = """
select id, note_id, provision_id, action, amending_act_date, amending_act_number,
       amending_act_issuer, amending_act_kind, commencement, commencement_rule,
       effective_from, effective_from_earliest, effective_from_latest, date_status, date_basis,
       parse_status
from amendments where act_id = :act_id order by id
"""


def kk_lower(text: str | None) -> str | None:
    """Lower case for Kazakh: SQLite's lower() only folds ASCII."""
    return text.lower() if text is not None else None


def kk_norm(text: str | None) -> str | None:
    """Lower case with Latin look-alikes folded (`шiлдедегi` -> `шілдедегі`), for matching."""
    return text.translate(LOOKALIKES).lower() if text is not None else None


@hookimpl
def prepare_connection(conn):
    conn.create_function("kk_lower", 1, kk_lower, deterministic=True)
    conn.create_function("kk_norm", 1, kk_norm, deterministic=True)


@hookimpl
def render_cell(row, value, column, table, datasette):
    if table == "acts" and column == "title" and value:
        url = datasette.urls.path(f"/-/acts/{row['id']}")
        return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
    if table == "acts" and column == "status" and value in STATUS_LABELS:
        kazakh, english = STATUS_LABELS[value]
        return Markup(f'<span class="zan-status zan-{escape(value)}" title="{escape(english)}">{escape(kazakh)}</span>')
    return None


@hookimpl
def extra_css_urls():
    return ["/zan-static/zan.css"]


@hookimpl
def register_routes():
    return [(r"^/-/acts/(?P<act_id>[^/]+?)(?P<as_json>\.json)?$", act_page)]


def _database_with_acts(datasette):
    for name, database in datasette.databases.items():
        if name != "_internal":
            return database
    raise NotFound("No database")


async def act_document(datasette, act_id: str) -> dict:
    """The act, its provisions in order, and the notes and amendments on each unit."""
    database = _database_with_acts(datasette)
    params = {"act_id": act_id}
    act_rows = (await database.execute(ACT_SQL, params)).rows
    if not act_rows:
        raise NotFound(f"No act with id {act_id}")
    act = dict(act_rows[0])
    provisions = [dict(row) for row in (await database.execute(PROVISIONS_SQL, params)).rows]
    notes = [dict(row) for row in (await database.execute(NOTES_SQL, params)).rows]
    amendments = [dict(row) for row in (await database.execute(AMENDMENTS_SQL, params)).rows]
    by_note: dict[str, list[dict]] = {}
    for amendment in amendments:
        by_note.setdefault(amendment["note_id"] or "", []).append(amendment)
    for note in notes:
        note["amendments"] = by_note.get(note["id"], [])
    return {
        "act": act,
        "provisions": provisions,
        "notes": notes,
        "header_amendments": by_note.get("", []),
        "database": database.name,
    }


async def act_page(datasette, request):
    act_id = request.url_vars["act_id"]
    document = await act_document(datasette, act_id)
    if request.url_vars.get("as_json"):
        return Response.json(document, default=str)
    notes_after: dict[str, list[dict]] = {}
    for note in document["notes"]:
        notes_after.setdefault(note["printed_after_id"] or "", []).append(note)
    depth = {p["id"]: p["key"].count("/") for p in document["provisions"]}
    return Response.html(
        await datasette.render_template(
            "zan_act.html",
            {
                **document,
                "notes_after": notes_after,
                "database_act_prefix": f"{act_id}/",
                "depth": depth,
                "status_labels": STATUS_LABELS,
                "json_url": datasette.urls.path(f"/-/acts/{act_id}.json"),
                "display_date": display_date,
                "anchor": anchor,
                "document_json": json.dumps,
            },
            request=request,
        )
    )


def display_date(iso: str | None) -> str:
    """`2009-10-19` -> `19.10.2009`, the form lawyers write."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def anchor(key: str) -> str:
    """A stable HTML anchor for a provision key: ``doc/p6/sp8`` -> ``doc-p6-sp8``."""
    return key.replace("/", "-").replace("~", "_")
