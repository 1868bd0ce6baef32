"""Zan's Datasette plugin: Kazakh-aware SQL functions, status badges, and the
consolidated text of an act at ``/-/acts/{act_id}`` (HTML) and ``/-/acts/{act_id}.json``.

The JSON of the act page is a public contract of its own (it does not change when
Datasette's table JSON does). The page works on any database built by `zan build`.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
import urllib.parse
import weakref

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup, escape

from db.queries import (
    UnknownAct,
    act_diff,
    act_document,
    act_links,
    act_on,
    act_versions,
    acts_on,
    check_date,
    cited_act,
    list_acts,
    provision_history,
)
from db.search import search
from parser.dates import to_display as display_date
from parser.languages.kk import fold

from .act_html import act_body, anchor, took_effect

STATUS_LABELS = {
    "in_force": ("Күшінде", "in force"),
    "repealed": ("Күшін жойған", "repealed"),
    "unknown": ("Мәртебесі белгісіз", "status unknown"),
}


def status_label(status: str | None) -> str | None:
    """An act's status in Kazakh words (its code when it has none)."""
    return STATUS_LABELS.get(status, (status, status))[0]


#: Point-in-time statuses, in Kazakh with the English code.
STATUS_WORDS = {
    "in_force": "күшінде",
    "not_in_force": "күшінде емес",
    "uncertain": "анық емес",
}

def kk_lower(text: str | None) -> str | None:
    """Lower case for Kazakh: SQLite's lower() only folds ASCII."""
    return text.lower() if text is not None else None


def kk_norm(text: str | None) -> str | None:
    """Lower case with Latin look-alikes folded (`шiлдедегi` -> `шілдедегі`), for matching."""
    return fold(text) if text is not None else None


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
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins("zan", "zan.css")]


@hookimpl
def register_routes():
    return [
        (r"^/-/acts/(?P<act_id>[^/]+?)(?P<as_json>\.json)?$", act_page),
        (r"^/-/at/(?P<act_id>[^/]+?)(?P<as_json>\.json)?$", act_on_date_page),
        (r"^/-/in-force(?P<as_json>\.json)?$", in_force_page),
        (r"^/$", home_page),
        (r"^/-/acts(?P<as_json>\.json)$", home_page),
        (r"^/-/history/(?P<provision_id>.+?)(?P<as_json>\.json)?$", history_page),
        (r"^/-/search(?P<as_json>\.json)?$", search_page),
        (r"^/-/links/(?P<act_id>[^/]+?)(?P<as_json>\.json)?$", links_page),
        (r"^/-/cited/(?P<cited_id>[^/]+?)(?P<as_json>\.json)?$", cited_page),
        (r"^/-/diff/(?P<act_id>[^/]+?)(?P<as_json>\.json)?$", diff_page),
    ]


async def diff_page(datasette, request):
    """What changed between two versions of an act (``?from=&to=``: version ids or
    dates), unit by unit, with insertions and deletions marked word by word."""
    act_id = request.url_vars["act_id"]
    versions, missing = await _query(datasette, request, act_versions, act_id)
    if missing:
        return missing
    real = [version for version in versions if not version["rebuilt"]]
    if len(real) < 2:
        return _error(request, f"act {act_id} is held in {len(real) or 'one consolidated'} text{'s' if len(real) > 1 else ''}: there are no versions to compare", 404)
    old = request.args.get("from") or real[-2]["id"]
    new = request.args.get("to") or real[-1]["id"]
    try:
        answer = await _run(datasette, lambda conn: act_diff(conn, act_id, old, new))
    except ValueError as error:
        return _error(request, str(error), 400)
    query = urllib.parse.urlencode({"from": old, "to": new})
    return await _respond(
        datasette,
        request,
        answer,
        "zan_diff.html",
        versions=versions,
        act_url=datasette.urls.path(f"/-/acts/{act_id}"),
        json_url=datasette.urls.path(f"/-/diff/{act_id}.json") + "?" + query,
        change_words=CHANGE_WORDS,
        took_effect=took_effect,
    )


#: How the diff page names a change, in Kazakh with the English code.
CHANGE_WORDS = {"added": "қосылды", "removed": "алынып тасталды", "reworded": "өзгертілді"}


async def links_page(datasette, request):
    """What an act cites and is cited by, amends and is amended or repealed by (JSON; the
    act page shows the same)."""
    act_id = request.url_vars["act_id"]
    answer, missing = await _query(datasette, request, act_links, act_id)
    if missing:
        return missing
    if request.url_vars.get("as_json"):
        return _json(answer)
    return Response.redirect(datasette.urls.path(f"/-/acts/{act_id}") + "#links")


async def cited_page(datasette, request):
    """A cited act — in the corpus or not — and every place that names it."""
    cited_id = request.url_vars["cited_id"]
    answer, missing = await _query(datasette, request, cited_act, cited_id)
    if missing:
        return missing
    return await _respond(datasette, request, answer, "zan_cited.html", json_url=datasette.urls.path(f"/-/cited/{cited_id}.json"))


async def search_page(datasette, request):
    """Kazakh full-text search over provisions and notes; ``?date=`` keeps acts that
    may have been in force on that date."""
    query = request.args.get("q", "").strip()
    date = request.args.get("date", "").strip()
    if date and _requested_date(request) is None:
        return _bad_date(request)
    results = await _run(datasette, lambda conn: search(conn, query, date or None)) if query else []
    for result in results:
        result["url"] = datasette.urls.path(f"/-/acts/{result['act_id']}") + (f"#{anchor(result['key'])}" if result.get("key") else "")
    answer = {"q": query, "date": date or None, "results": results}
    json_url = datasette.urls.path("/-/search.json") + "?" + request.query_string
    return await _respond(datasette, request, answer, "zan_search.html", marked=marked, json_url=json_url)


def marked(snippet: str, highlights: list) -> Markup:
    """The snippet escaped, with the matched words in <mark>."""
    pieces, position = [], 0
    for start, end in sorted(highlights or []):
        pieces.append(escape(snippet[position:start]))
        pieces.append(Markup("<mark>") + escape(snippet[start:end]) + Markup("</mark>"))
        position = end
    pieces.append(escape(snippet[position:]))
    return Markup("").join(pieces)


async def home_page(datasette, request):
    """The acts of the corpus, filterable by status, kind, issuer and year, with a search box."""
    database = _database_with_acts(datasette)
    filters = {name: request.args.get(name, "") for name in ("status", "kind", "issuer", "year")}
    page = _requested_page(request)
    answer = await _run(datasette, lambda conn: list_acts(conn, filters, page))
    return await _respond(
        datasette,
        request,
        answer,
        "zan_home.html",
        database=database.name,
        status_labels=STATUS_LABELS,
        query_string=request.query_string,
        **_paging_urls(request, answer),
    )


def _paging_urls(request, answer: dict) -> dict[str, str | None]:
    """Links to the next and previous pages of a paged answer, other arguments kept."""
    return {
        "next_url": _with_page(request, answer["next_page"]),
        "previous_url": _with_page(request, answer["page"] - 1 if answer["page"] > 1 else None),
    }


def _with_page(request, page: int | None) -> str | None:
    if page is None:
        return None
    args = {name: request.args.get(name) for name in request.args.keys() if name != "page"}
    return "?" + urllib.parse.urlencode({**args, "page": page})


async def history_page(datasette, request):
    """A provision's notes and amendments in time order, with their effective dates."""
    provision_id = request.url_vars["provision_id"]
    answer, missing = await _query(datasette, request, provision_history, provision_id)
    if missing:
        return missing
    provision = answer["provision"]
    return await _respond(
        datasette,
        request,
        answer,
        "zan_history.html",
        act_url=datasette.urls.path(f"/-/acts/{provision['act_id']}") + "#" + anchor(provision["key"]),
        json_url=datasette.urls.path(f"/-/history/{provision_id}.json"),
    )


def _requested_date(request) -> str | None:
    """``?date=`` as ISO text (today when absent), or None when it is not a real date."""
    date = request.args.get("date") or datetime.date.today().isoformat()
    try:
        return check_date(date)
    except ValueError:
        return None


def _json(data, status: int = 200, default=None) -> Response:
    """JSON with Kazakh letters as letters, not \\u escapes."""
    body = json.dumps(data, ensure_ascii=False, default=default)
    return Response(body, status=status, content_type="application/json; charset=utf-8")


async def _run(datasette, function):
    """`function(conn)` on the database, in Datasette's SQL thread, with the connection's
    text decoded by SQLite's own UTF-8 decoder while it runs. Datasette decodes every text
    value through a Python function (to replace bytes that are not UTF-8): a call per
    value, hundreds per page, where the database `zan build` wrote holds only UTF-8."""
    return await _database_with_acts(datasette).execute_fn(lambda conn: _with_plain_text(conn, function))


async def _run_in_loop(datasette, function):
    """`function(conn)` as `_run` runs it, but in the event loop's own thread, on a
    connection of its own: for the questions whose work is bounded by one act or one page
    of acts (the act, the act on a date, a page of acts in force). Handed to an SQL thread
    and back, an act page took up to 1.7 times as long, its SQL and the rest alike (most
    likely the thread runs on the other core, and the rows it builds are read back on
    this one; docs/benchmarks.md, issue 7). Such a call holds the loop while it runs, as
    in a thread it holds the GIL for all but SQLite's own steps; what may take long
    stays in the SQL threads, where SQLite's steps let the loop run: Datasette's own SQL
    (any query a visitor writes), searches, listings with facets, diffs."""
    return _with_plain_text(_loop_connection(_database_with_acts(datasette)), function)


#: The event loop thread's connection to each database, opened on first use. A plain
#: read-only connection as Datasette opens it: the questions asked on it use no SQL
#: function that a plugin registers.
_LOOP_CONNECTIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _loop_connection(database) -> sqlite3.Connection:
    if database not in _LOOP_CONNECTIONS:
        _LOOP_CONNECTIONS[database] = database.connect()
    return _LOOP_CONNECTIONS[database]


def _with_plain_text(conn, function):
    previous = conn.text_factory
    conn.text_factory = str
    try:
        return function(conn)
    finally:
        conn.text_factory = previous


async def _query(datasette, request, function, *arguments, in_loop: bool = False):
    """Run a `db.queries` function on the database (`in_loop`: with `_run_in_loop`):
    ``(answer, None)``, or ``(None, 404 response)`` when it names no act or provision."""
    run = _run_in_loop if in_loop else _run
    try:
        return await run(datasette, lambda conn: function(conn, *arguments)), None
    except UnknownAct as error:
        return None, _error(request, str(error), 404)


async def _respond(datasette, request, answer: dict, template: str, **context) -> Response:
    """The answer as JSON for a ``.json`` URL; otherwise the page: `template` rendered
    with the answer, what every template uses, and `context`."""
    if request.url_vars.get("as_json"):
        return _json(answer, default=str)
    values = {**answer, "display_date": display_date, "anchor": anchor, **context}
    return Response.html(await datasette.render_template(template, values, request=request))


def _error(request, message: str, status: int) -> Response:
    """A plain error answer (JSON for ``.json`` URLs): no traceback, to visitors or the log."""
    if request.url_vars.get("as_json"):
        return _json({"ok": False, "error": message}, status=status)
    return Response.text(message, status=status)


def _bad_date(request) -> Response:
    return _error(request, f"?date= must be a real date written YYYY-MM-DD, not {request.args.get('date')!r}", 400)


async def act_on_date_page(datasette, request):
    """The act as it stood on ``?date=YYYY-MM-DD`` (today by default)."""
    act_id = request.url_vars["act_id"]
    date = _requested_date(request)
    if date is None:
        return _bad_date(request)
    answer, missing = await _query(datasette, request, act_on, act_id, date, in_loop=True)
    if missing:
        return missing
    return await _respond(
        datasette,
        request,
        answer,
        "zan_at.html",
        database=_database_with_acts(datasette).name,
        act_url=datasette.urls.path(f"/-/acts/{act_id}"),
        json_url=datasette.urls.path(f"/-/at/{act_id}.json?date={date}"),
        status_words=STATUS_WORDS,
    )


async def in_force_page(datasette, request):
    """Every act of the corpus with its status on ``?date=``."""
    date = _requested_date(request)
    if date is None:
        return _bad_date(request)
    page = _requested_page(request)
    answer = await _run_in_loop(datasette, lambda conn: acts_on(conn, date, page))
    return await _respond(
        datasette,
        request,
        answer,
        "zan_in_force.html",
        status_words=STATUS_WORDS,
        json_url=datasette.urls.path(f"/-/in-force.json?date={date}"),
        **_paging_urls(request, answer),
    )


def _requested_page(request) -> int:
    """``?page=N``, 1 when absent or not a number."""
    return int(request.args["page"]) if request.args.get("page", "").isdigit() else 1


def _database_with_acts(datasette):
    for name, database in datasette.databases.items():
        if name != "_internal":
            return database
    raise NotFound("No database")


async def act_page(datasette, request):
    if request.args.get("date"):
        return await act_on_date_page(datasette, request)  # /-/acts/{id}?date=D: the act as it stood on D
    act_id = request.url_vars["act_id"]
    document, missing = await _query(datasette, request, act_document, act_id, in_loop=True)
    if missing:
        return missing
    document["database"] = _database_with_acts(datasette).name
    if request.url_vars.get("as_json"):
        return _json(document, default=str)  # before the page's own lookups, which JSON does not need
    json_url = datasette.urls.path(f"/-/acts/{act_id}.json")
    body_html = act_body(document, datasette.urls, json_url, status_label(document["act"]["status"]))
    return await _respond(datasette, request, document, "zan_act.html", body_html=body_html)
