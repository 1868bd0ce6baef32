"""Zan's Datasette plugin: Kazakh-aware SQL functions, status badges, and the
consolidated text of an act at ``/-/acts/{act_id}`` (HTML) and ``/-/acts/{act_id}.json``.

The JSON of the act page is a public contract of its own (it does not change when
Datasette's table JSON does). The page works on any database built by `zan build`.
"""

from __future__ import annotations

import datetime
import json
import re
import sqlite3
import sys
import traceback
import urllib.parse
import weakref

from datasette import hookimpl
from datasette.plugins import pm
from datasette.utils import tilde_decode
from datasette.utils.asgi import Base400, NotFound, Request, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup, escape

from db.changes import changes, pending, pending_units, since
from db.queries import (
    PAGE_SIZE,
    UnknownAct,
    act_amendments,
    act_diff,
    act_status_on,
    act_document,
    act_links,
    act_on,
    act_side_by_side,
    acts_on,
    cited_act,
    diff_text,
    list_acts,
    problems_report,
    provision_history,
    spelled_id,
)
from db.publish import QUERIES, ROW_VIEWS
from db.search import count_matches, search, search_in_law_wording
from parser.dates import read_date
from parser.dates import to_display as display_date
from parser.languages import KAZAKH
from parser.references import normal_number

from zan import messages
from zan.messages import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, UnknownLanguage, parse_lang, t

from .act_html import act_body, side_by_side_body
from .pieces import JINJA_GLOBALS, anchor, with_lang

#: An act's statuses (``acts.status``).
ACT_STATUSES = ("in_force", "repealed", "unknown")

#: The largest ``page=`` a listing accepts: beyond it SQLite's OFFSET overflows, and no
#: listing of the corpus has that many pages.
MAX_PAGE = 10_000_000


class Refusal(Exception):
    """A request the site answers with an error status and a message for the reader."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

def kk_lower(text: str | None) -> str | None:
    """Lower case for Kazakh: SQLite's lower() only folds ASCII."""
    return text.lower() if text is not None else None


def kk_norm(text: str | None) -> str | None:
    """Lower case with Latin look-alikes folded (`шiлдедегi` -> `шілдедегі`), for matching."""
    return KAZAKH.fold(text) if text is not None else None


class RefusedArgument(ValueError):
    """A value an SQL function of the site refuses (a date that is not one): it fails the
    query, which Datasette answers 400; the visitor's mistake prints no traceback."""


def zan_date(text: str | None) -> str:
    """`text` as ISO text if it is a real date (``2009-10-19`` or ``19.10.2009``, as the
    pages read it: `parser.dates.read_date`); an error otherwise, which fails the query:
    the canned queries refuse a bad ``:date`` as the pages do (400)."""
    try:
        return read_date(text or "")
    except ValueError as error:
        raise RefusedArgument(str(error)) from None


def zan_normal_number(number: str | None) -> str | None:
    """An act number as compared (`parser.references.normal_number`): ``165-VI`` typed
    with a Latin I finds the amendments whose notes print ``165-VІ`` with a Cyrillic one."""
    return normal_number(number) if number is not None else None


def zan_status_on(valid_from, valid_from_latest, valid_to, valid_to_latest, has_end, date) -> str:
    """An act's status on `date` from its ``valid_*`` columns (`db.queries.act_status_on`)."""
    return act_status_on(valid_from, valid_from_latest, valid_to, valid_to_latest, bool(has_end), zan_date(date))[0]


def zan_unit_name(key: str | None, lang: str | None) -> str | None:
    """A unit's key as a lawyer names the unit, in `lang` (``kk`` by default):
    `zan.messages.unit_name` as an SQL function (``art3/pt3``: part 3 of article 3, in its words)."""
    if not key:
        return None
    return messages.unit_name(key, lang if lang in messages.LANGUAGES else DEFAULT_LANGUAGE)


def zan_basis(rule: str | None, data: str | None, lang: str | None = None) -> str | None:
    """A basis stored as data (``*_basis_rule``, ``*_basis_data``) in words, in `lang`
    (``kk`` by default): `zan.messages.basis_text` as an SQL function."""
    if rule is None:
        return None
    return messages.basis_text(rule, data, lang if lang in messages.LANGUAGES else DEFAULT_LANGUAGE)


@hookimpl
def prepare_connection(conn):
    conn.create_function("zan_basis", 3, zan_basis, deterministic=True)
    conn.create_function("zan_basis", 2, zan_basis, deterministic=True)
    conn.create_function("kk_lower", 1, kk_lower, deterministic=True)
    conn.create_function("kk_norm", 1, kk_norm, deterministic=True)
    conn.create_function("zan_date", 1, zan_date, deterministic=True)
    conn.create_function("zan_normal_number", 1, zan_normal_number, deterministic=True)
    conn.create_function("zan_status_on", 6, zan_status_on, deterministic=True)
    conn.create_function("zan_unit_name", 2, zan_unit_name, deterministic=True)


def _quiet_refusals(hook):
    """`sys.unraisablehook` without the tracebacks of `RefusedArgument`: SQLite reports
    an exception of an SQL function there (Datasette turns callback tracebacks on), and a
    refused date is the visitor's mistake, answered 400, not ours. Others still print."""

    def unraisable(report):
        if not isinstance(report.exc_value, RefusedArgument):
            hook(report)

    unraisable.quiet_refusals = True
    return unraisable


if not getattr(sys.unraisablehook, "quiet_refusals", False):
    sys.unraisablehook = _quiet_refusals(sys.unraisablehook)


#: The canned queries (`db.publish.QUERIES`) that take a ``:date``, refused or completed
#: before they run (`asgi_wrapper`).
DATED_QUERIES = tuple(name for name, query in QUERIES.items() if "zan_date(:date)" in query["sql"])

_CANNED_PATH = re.compile(rf"^/(?P<database>[^/]+)/(?P<query>{'|'.join(map(re.escape, DATED_QUERIES))})(?P<format>\.json|\.csv)?$")


@hookimpl
def asgi_wrapper(datasette):
    """The canned queries with a ``:date`` refuse a date that is not one before Datasette
    runs them, with the site's error page (or JSON), in the reader's language: run, such
    a query failed in SQL and Datasette printed its SQL and a traceback to the server log.
    Without a date the query's page opens on today (its form shows the date to change)."""

    def wrap(app):
        async def refusing(scope, receive, send):
            if scope.get("type") == "http" and DATED_QUERIES:
                answer = await _dated_query_answer(datasette, scope, receive)
                if answer is not None:
                    await answer.asgi_send(send)
                    return
            await app(scope, receive, send)

        return refusing

    return wrap


async def _dated_query_answer(datasette, scope, receive) -> Response | None:
    path = scope.get("path") or ""
    base_url = datasette.setting("base_url") or "/"
    if base_url != "/" and path.startswith(base_url):
        path = "/" + path[len(base_url) :]
    match = _CANNED_PATH.match(path)
    if match is None or tilde_decode(match["database"]) not in datasette.databases:
        return None
    request = Request(scope, receive)
    date = request.args.get("date")
    if date is None and not match["format"]:
        args = urllib.parse.parse_qsl(request.query_string, keep_blank_values=True)
        return Response.redirect(request.path + "?" + urllib.parse.urlencode([*args, ("date", datetime.date.today().isoformat())]))
    try:
        read_date(date or "")
        return None
    except ValueError:
        lang = _lenient_lang(request)
        return await _error_response(datasette, request, t("error_date", lang, value=date or ""), 400, lang, match["format"] == ".json")


@hookimpl
def prepare_jinja2_environment(env, datasette):
    """The pieces drawn on the act page too (`pieces`), for the templates."""
    env.globals.update(JINJA_GLOBALS)


@hookimpl
def render_cell(row, value, column, table, datasette):
    if column.endswith("_url") and isinstance(value, str) and value.startswith("/-/"):
        # a canned query's link to a page of the site (`pending_on_date`)
        return Markup(f'<a href="{escape(datasette.urls.path(value))}">{escape(value)}</a>')
    if table == "acts" and column == "title" and value:
        url = datasette.urls.path(f"/-/acts/{row['id']}")
        return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
    if table == "acts" and column == "status" and value in ACT_STATUSES:
        word = messages.status_word(value, DEFAULT_LANGUAGE)
        return Markup(f'<span class="zan-status zan-{escape(value)}" title="{escape(value)}">{escape(word)}</span>')
    if column.endswith("basis_rule") and value and table in ("provision_versions", "acts"):
        # a basis stored as data, said beside its rule code (the data stays in its own column)
        said = messages.basis_text(value, row[column.removesuffix("_rule") + "_data"], DEFAULT_LANGUAGE)
        return Markup(f'<span class="zan-basis" title="{escape(value)}">{escape(said)}</span>')
    return None


@hookimpl
def handle_exception(datasette, request, exception):
    """Every error answered plainly, in the reader's language, and at once: no traceback
    reaches a visitor, and a 4xx (the visitor's) prints nothing; a 5xx (ours) prints its
    plain traceback to the log. This handler replaces Datasette's (`_replace_default_handler`)."""
    status = getattr(exception, "status", 500) if isinstance(exception, (Base400, DatasetteError)) else 500
    lang = _lenient_lang(request)
    if status == 404:
        message = t("error_not_found", lang)
    elif status >= 500:
        traceback.print_exception(exception)
        message = t("error_server", lang)
    else:
        message = str(exception.args[0]) if exception.args else t("error_bad_request", lang)
    as_json = request is not None and request.path.split("?")[0].endswith(".json")
    return _error_response(datasette, request, message, status, lang, as_json)


@hookimpl
def startup(datasette):
    _replace_default_handler()


def _replace_default_handler() -> None:
    """Datasette awaits every plugin's exception handler, its own too, and answers with
    the first response. Its own prints every exception — a 404 too — with `rich` and the
    local variables of every frame whenever `rich` is importable (spaCy brings it): half a
    second and 170 lines of console for each unknown URL while the event loop waits, so
    that ten parallel 404s held an act page for 4.7 s; then it renders an error page that
    ours has already written. `handle_exception` above does all it does. Done at
    startup: Datasette registers its own plugins after importing this one."""
    default = pm.get_plugin(DEFAULT_HANDLER)
    if default is not None:
        pm.unregister(default)


#: The name under which Datasette registers its own exception handler.
DEFAULT_HANDLER = "datasette.handle_exception"


def _lenient_lang(request) -> str:
    """The reader's language for an error page: a bad ``lang`` is no reason for a second error."""
    try:
        return parse_lang(request.args.get("lang")) if request is not None else DEFAULT_LANGUAGE
    except UnknownLanguage:
        return DEFAULT_LANGUAGE


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
        (r"^/-/amendments/(?P<act_id>[^/]+?)\.json$", amendments_page),
        (r"^/-/problems(?P<as_json>\.json)?$", problems_page),
        (r"^/-/since/(?P<act_id>[^/]+?)(?P<as_json>\.json)?$", since_page),
        (r"^/-/changes/(?P<act_id>[^/]+?)(?P<as_json>\.json)?$", changes_page),
        (r"^/-/pending(?P<as_json>\.json)?$", pending_page),
        # a key to provisions, notes, … links to the table holding its rows (SQLite refuses a
        # key to a view): its HTML row page is the view's row, with its texts (the JSON is Datasette's)
        (rf"^/(?P<database>[^/]+)/(?P<stored>{'|'.join(ROW_VIEWS)})/(?P<pk>[^/.]+)$", stored_row_page),
    ]


async def stored_row_page(datasette, request):
    """The row of a table stored by id (`db.version_store.BY_ID`) as its view shows it:
    `/laws/provision_rows/{id}` is `/laws/provisions?id={id}`, its texts in place of their ids."""
    args = request.url_vars
    query = urllib.parse.urlencode({"id": tilde_decode(args["pk"])})
    return Response.redirect(f"/{args['database']}/{ROW_VIEWS[args['stored']]}?{query}")


def page(function):
    """A route of the site: the reader's language read once (`request_lang`), a
    `Refusal` or an unknown act or provision answered as a plain error in it."""

    async def route(datasette, request):
        _decode_url_vars(request)
        try:
            lang = request_lang(request)
        except Refusal as refusal:
            return await _error(datasette, request, refusal.message, refusal.status, DEFAULT_LANGUAGE)
        try:
            return await function(datasette, request, lang)
        except Refusal as refusal:
            return await _error(datasette, request, refusal.message, refusal.status, lang)
        except UnknownAct:
            other = await _other_spelling(datasette, request)
            if other is not None:
                return Response.redirect(other, status=301)
            return await _error(datasette, request, _not_found(request, lang), 404, lang)

    route.__name__, route.__doc__ = function.__name__, function.__doc__
    route.inner = function  # the page itself, for a route that shows another's page
    return route


def _decode_url_vars(request) -> None:
    """The ids a route reads from its address, decoded: Datasette matches routes against
    the address as sent, where ``/-/cited/order-2018-10-02-ҚР-ДСМ-21`` arrives as
    ``…-%D2%9A%D0%A0-…``; the act, cited act or provision is looked up by the id itself."""
    variables = request.scope.get("url_route", {}).get("kwargs")
    if variables:
        for name, value in variables.items():
            if isinstance(value, str) and "%" in value:
                variables[name] = urllib.parse.unquote(value)


#: The route variable naming each kind of id (`db.queries.spelled_id`).
_ID_VARIABLES = (("act_id", "act"), ("cited_id", "cited"), ("provision_id", "provision"))


async def _other_spelling(datasette, request) -> str | None:
    """This address with its id as the database spells it, when the id it gives is
    unknown only for the spelling of a Roman numeral (``131-VІ`` for ``131-VI``): one
    number, one id, and its address in either spelling leads to it."""
    for variable, kind in _ID_VARIABLES:
        wanted = request.url_vars.get(variable)
        if wanted:
            spelled = await _run(datasette, lambda conn: spelled_id(conn, kind, wanted))
            if spelled is None:
                return None
            path = urllib.parse.quote(urllib.parse.unquote(request.path).replace(wanted, spelled), safe="/")
            return path + ("?" + request.query_string if request.query_string else "")
    return None


def _not_found(request, lang: str) -> str:
    """What a 404 of a route says: the act or unit its URL names does not exist."""
    variables = request.url_vars
    if "provision_id" in variables:
        return t("error_no_unit", lang, id=variables["provision_id"])
    if "act_id" in variables or "cited_id" in variables:
        return t("error_no_act", lang, id=variables.get("act_id") or variables.get("cited_id"))
    return t("error_not_found", lang)


def request_lang(request) -> str:
    """``?lang=kk|ru`` (default kk): the language of every label, status and explanation
    of a page and of a JSON error. The one place where the site reads it."""
    try:
        return parse_lang(request.args.get("lang"))
    except UnknownLanguage as error:
        raise Refusal(400, str(error)) from None


def requested_date(request, lang: str, name: str = "date", default: str | None = None) -> str:
    """``?date=`` (or the argument `name`: ``19.10.2009``, as the date fields show it, or
    ISO) as ISO text; `default` (today unless given) when absent or empty; a `Refusal`
    when it is not a real date."""
    value = (request.args.get(name) or "").strip()
    try:
        return read_date(value or default or datetime.date.today().isoformat())
    except ValueError:
        raise Refusal(400, t("error_date", lang, value=value)) from None


def requested_page(request, lang: str) -> int:
    """``?page=N`` (1 when absent); a `Refusal` for anything but 1 .. `MAX_PAGE`."""
    value = (request.args.get("page") or "").strip()
    if not value:
        return 1
    if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
        raise Refusal(400, t("error_page", lang, value=value, max=MAX_PAGE))
    return int(value)


@page
async def diff_page(datasette, request, lang):
    """What changed between two versions of an act (``?from=&to=``: version ids or
    dates), unit by unit, with insertions and deletions marked word by word."""
    act_id = request.url_vars["act_id"]
    text, versions = await _run(datasette, lambda conn: diff_text(conn, act_id, lang))
    real = [version for version in versions if not version["rebuilt"]]
    if len(real) < 2:
        raise Refusal(404, t("no_versions", lang))
    old = _same_version(versions, request.args.get("from")) or real[-2]["id"]
    new = _same_version(versions, request.args.get("to")) or real[-1]["id"]
    try:
        answer = await _run(datasette, lambda conn: act_diff(conn, act_id, old, new, lang))
    except ValueError:
        wrong = new if old in {v["id"] for v in versions} else old
        raise Refusal(400, t("error_version", lang, value=wrong)) from None
    query = urllib.parse.urlencode({"from": old, "to": new})
    return await _respond(
        datasette,
        request,
        lang,
        answer,
        "zan_diff.html",
        versions=versions,
        unit_anchor=lambda provision_id: anchor(provision_id[len(text["base"]) + 1 :]),
        act_url=with_lang(datasette.urls.path(f"/-/acts/{act_id}"), lang),
        json_url=with_lang(datasette.urls.path(f"/-/diff/{act_id}.json") + "?" + query, lang),
    )


@page
async def amendments_page(datasette, request, lang):
    """What an amending act did (`db.queries.act_amendments`): every act and unit it
    changed, from each source of that fact, and where the sources disagree; its page
    shows the same as a section."""
    act_id = request.url_vars["act_id"]
    answer = await _run(datasette, lambda conn: act_amendments(conn, act_id, lang))
    return _json(answer, default=str)


@page
async def since_page(datasette, request, lang):
    """Since when each unit of an act has said ``?q=`` (in the text in effect on ``?date=``,
    today by default): the version that brought it, when it took effect and the amending act."""
    act_id = request.url_vars["act_id"]
    phrase = (request.args.get("q") or "").strip()
    if not phrase:
        raise Refusal(400, t("since_none", lang, phrase=""))
    date = requested_date(request, lang)
    query = {"q": phrase, "date": date}
    return await _act_question(datasette, request, lang, "since", query, lambda conn: since(conn, act_id, phrase, date, lang))


@page
async def changes_page(datasette, request, lang):
    """What changed in an act between ``?since=`` and ``?until=`` (``&units=art5..art9``,
    ``&summary=1`` without the diffs), unit by unit in document order."""
    act_id = request.url_vars["act_id"]
    today = datetime.date.today()
    since_date = requested_date(request, lang, "since", today.replace(year=today.year - 1).isoformat())
    until_date = requested_date(request, lang, "until", today.isoformat())
    units = (request.args.get("units") or "").strip() or None
    summary = (request.args.get("summary") or "") not in ("", "0", "false")
    query = {key: value for key, value in (("since", since_date), ("until", until_date), ("units", units or ""), ("summary", "1" if summary else "")) if value}
    return await _act_question(
        datasette, request, lang, "changes", query, lambda conn: changes(conn, act_id, since_date, until_date, units, summary, lang)
    )


async def _act_question(datasette, request, lang: str, question: str, query: dict[str, str], ask):
    """One act's change question (``since``, ``changes``): asked of the database, a
    `ValueError` refused as a bad request, answered with the page ``zan_{question}.html``
    or its JSON, linked to the act and to the JSON of the same question."""
    act_id = request.url_vars["act_id"]
    try:
        answer = await _run(datasette, ask)
    except ValueError as error:
        raise Refusal(400, str(error)) from None
    return await _respond(
        datasette, request, lang, answer, f"zan_{question}.html",
        effective_text=lambda row: messages.effective_text(row, lang),
        act_url=with_lang(datasette.urls.path(f"/-/acts/{act_id}"), lang),
        json_url=with_lang(datasette.urls.path(f"/-/{question}/{act_id}.json") + "?" + urllib.parse.urlencode(query), lang),
    )


@page
async def pending_page(datasette, request, lang):
    """What is announced but not in force on ``?date=`` (today by default), over the corpus
    or one act (``?act=``). Over the corpus, a page at a time (``?page=``, 100 items, with
    the number of them all), as the list of acts: every item is decided, the page's said."""
    date = requested_date(request, lang)
    act_id = (request.args.get("act") or "").strip() or None
    page_number = None if act_id else requested_page(request, lang)
    answer = await _run(datasette, lambda conn: pending(conn, date, act_id, lang, page=page_number))
    query = urllib.parse.urlencode({key: value for key, value in (("date", date), ("act", act_id or ""), ("page", page_number if (page_number or 1) > 1 else "")) if value})
    paging = _paging_urls(request, answer, lang) if page_number else {}
    return await _respond(
        datasette, request, lang, answer, "zan_pending.html",
        what_text=lambda what: messages.pending_what_text(what, lang),
        window_text=lambda earliest, latest: messages.window_text(earliest, latest, lang),
        act_url=with_lang(datasette.urls.path(f"/-/acts/{act_id}"), lang) if act_id else None,
        json_url=with_lang(datasette.urls.path("/-/pending.json") + ("?" + query if query else ""), lang),
        **paging,
    )


def _same_version(versions: list[dict], wanted: str | None) -> str | None:
    """`wanted` (a version id or a date) as this text's versions name it: a version id of
    the act's text in another language (the language switch keeps ``from`` and ``to``)
    becomes the id of this text's version of the same date, when it holds one."""
    if not wanted or "@" not in wanted or any(v["id"] == wanted for v in versions):
        return wanted
    date = wanted.rsplit("@", 1)[1]
    return next((v["id"] for v in versions if v["date"] == date), wanted)


@page
async def links_page(datasette, request, lang):
    """What an act cites and is cited by, amends and is amended or repealed by (JSON; the
    act page shows the same)."""
    act_id = request.url_vars["act_id"]
    answer = await _run(datasette, lambda conn: act_links(conn, act_id))
    if request.url_vars.get("as_json"):
        return _json(answer)
    return Response.redirect(with_lang(datasette.urls.path(f"/-/acts/{act_id}"), lang) + "#links")


@page
async def cited_page(datasette, request, lang):
    """A cited act — in the corpus or not — and every place that names it."""
    cited_id = request.url_vars["cited_id"]
    answer = await _run(datasette, lambda conn: cited_act(conn, cited_id, lang))
    return await _respond(datasette, request, lang, answer, "zan_cited.html", json_url=datasette.urls.path(f"/-/cited/{cited_id}.json"))


#: Results on a page of search.
SEARCH_PAGE_SIZE = 50


@page
async def search_page(datasette, request, lang):
    """Full-text search over the provisions and notes of the reader's language (Kazakh
    texts for ``lang=kk``, Russian for ``ru``), 50 results a page, with the number of
    results in all; ``?date=`` keeps acts that may have been in force on that date. A query
    that finds nothing and holds everyday words the law says otherwise (the language's
    `EVERYDAY`) is searched in the law's wording, and the page says so. JSON: ``{"q", "date",
    "count", "page", "page_size", "next_page", "results"}``, with ``"law_wording": {"q",
    "substitutions": [{"asked", "everyday", "law"}]}`` when the results are those of the
    law's wording (`db.search.search_in_law_wording`)."""
    query = request.args.get("q", "").strip()
    date = requested_date(request, lang) if (request.args.get("date") or "").strip() else None
    page_number = requested_page(request, lang)
    offset = (page_number - 1) * SEARCH_PAGE_SIZE

    def find(conn) -> tuple[list[dict], int, dict[str, int], dict | None]:
        if not query:
            return [], 0, {}, None
        count = count_matches(conn, query, date, lang=lang)
        # nothing for the words asked: the same search in the law's wording of any everyday word
        law = None if count else search_in_law_wording(conn, query, date, lang=lang)
        # nothing in the reader's language: what the texts in the others hold, to offer them
        elsewhere = {} if count else {code: count_matches(conn, query, date, lang=code) for code in LANGUAGES if code != lang}
        if law:
            count = law["count"]
        return search(conn, law["q"] if law else query, date, SEARCH_PAGE_SIZE, lang=lang, offset=offset), count, elsewhere, law

    results, count, elsewhere, law = await _run(datasette, find)
    for result in results:
        result["url"] = with_lang(datasette.urls.path(f"/-/acts/{result['act_id']}"), lang) + (f"#{anchor(result['key'])}" if result.get("key") else "")
    next_page = page_number + 1 if offset + len(results) < count else None
    answer = {"q": query, "date": date, "count": count, "page": page_number, "page_size": SEARCH_PAGE_SIZE, "next_page": next_page, "results": results}
    if law:
        answer["law_wording"] = {"q": law["q"], "substitutions": law["substitutions"]}
    if elsewhere:
        answer["other_languages"] = [{"lang": code, "count": found} for code, found in elsewhere.items() if found]
    offers = [(code, found, _in_language(request, code)) for code, found in elsewhere.items() if found]
    json_url = datasette.urls.path("/-/search.json") + "?" + request.query_string
    return await _respond(
        datasette, request, lang, answer, "zan_search.html", marked=marked, json_url=json_url, first=offset + 1, offers=offers, **_paging_urls(request, answer, lang)
    )


def _in_language(request, code: str) -> str:
    """This page's URL for a reader of `code`: the same arguments, the first page."""
    args = [(name, value) for name, value in urllib.parse.parse_qsl(request.query_string, keep_blank_values=True) if name not in ("lang", "page")]
    if code != DEFAULT_LANGUAGE:
        args.append(("lang", code))
    return request.path + "?" + urllib.parse.urlencode(args)


def marked(snippet: str, highlights: list) -> Markup:
    """The snippet escaped, with the matched words in <mark>."""
    pieces, position = [], 0
    for start, end in sorted(highlights or []):
        pieces.append(escape(snippet[position:start]))
        pieces.append(Markup("<mark>") + escape(snippet[start:end]) + Markup("</mark>"))
        position = end
    pieces.append(escape(snippet[position:]))
    return Markup("").join(pieces)


@page
async def home_page(datasette, request, lang):
    """The acts of the corpus, filterable by status, kind, issuer and year, with a search box."""
    database = _database_with_acts(datasette)
    filters = {name: request.args.get(name, "") for name in ("status", "kind", "issuer", "year")}
    page_number = requested_page(request, lang)
    answer = await _run(datasette, lambda conn: list_acts(conn, filters, page_number, lang))
    return await _respond(
        datasette,
        request,
        lang,
        answer,
        "zan_home.html",
        database=database.name,
        query_string=request.query_string,
        **_paging_urls(request, answer, lang),
    )


@page
async def problems_page(datasette, request, lang):
    """Every problem of the build, by source file and kind, a page of files at a time (``?page=``)."""
    page_number = requested_page(request, lang)
    answer = await _run(datasette, lambda conn: problems_report(conn, page=page_number))
    return await _respond(
        datasette,
        request,
        lang,
        answer,
        "zan_problems.html",
        json_url=datasette.urls.path("/-/problems.json") + (f"?page={page_number}" if page_number > 1 else ""),
        **_paging_urls(request, answer, lang, counted="file_count"),
    )


def _paging_urls(request, answer: dict, lang: str, counted: str = "count") -> dict[str, object]:
    """Links to the next and previous pages of a paged answer, other arguments kept, and
    the number of pages (of its `counted` items); a `Refusal` (400) for a page past the
    last: there is no such page, rather than "page 10000000 of 1"."""
    size = answer.get("page_size") or PAGE_SIZE
    pages = max(1, -(-answer[counted] // size))
    if answer["page"] > pages:
        raise Refusal(400, t("error_no_such_page", lang, value=answer["page"], pages=pages))
    return {
        "next_url": _with_page(request, answer["next_page"]),
        "previous_url": _with_page(request, answer["page"] - 1 if answer["page"] > 1 else None),
        "pages": pages,
    }


def _with_page(request, page_number: int | None) -> str | None:
    if page_number is None:
        return None
    args = {name: request.args.get(name) for name in request.args.keys() if name != "page"}
    return "?" + urllib.parse.urlencode({**args, "page": page_number})


def _lang_links(request) -> list[tuple[str, str, str]]:
    """(code, name, URL) of this page in each language: the same place, date and arguments."""
    links = []
    for code in LANGUAGES:
        args = [(name, value) for name, value in urllib.parse.parse_qsl(request.query_string, keep_blank_values=True) if name != "lang"]
        if code != DEFAULT_LANGUAGE:
            args.append(("lang", code))
        query = urllib.parse.urlencode(args)
        links.append((code, LANGUAGE_NAMES[code], request.path + ("?" + query if query else "")))
    return links


@page
async def history_page(datasette, request, lang):
    """A provision's notes and amendments in time order, with their effective dates."""
    provision_id = request.url_vars["provision_id"]
    answer = await _run(datasette, lambda conn: provision_history(conn, provision_id, lang))
    provision = answer["provision"]
    return await _respond(
        datasette,
        request,
        lang,
        answer,
        "zan_history.html",
        act_url=with_lang(datasette.urls.path(f"/-/acts/{provision['act_id']}"), lang) + "#" + anchor(provision["key"]),
        json_url=with_lang(datasette.urls.path(f"/-/history/{provision['id']}.json"), lang),
    )


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


def page_message(key: str, lang: str, **values: object) -> Markup:
    """`t` for a template: the message escaped, and its values too unless they are
    markup already (a piece such as `pieces.version_label`), which is kept as it is."""
    return Markup(escape(t(key, lang))).format(**values) if values else Markup(escape(t(key, lang)))


def page_context(request, lang: str) -> dict:
    """What every page's template uses: the reader's language and its words, the
    language switch, and the functions that name dates, units, kinds and statuses."""
    return {
        "lang": lang,
        "t": lambda key, **values: page_message(key, lang, **values),
        "lang_links": _lang_links(request),
        "home_url": with_lang("/", lang),
        "link": lambda url: with_lang(str(url), lang),
        "display_date": display_date,
        "anchor": anchor,
        "unit_name": lambda key: messages.unit_name(key, lang),
        "kind_word": lambda kind: messages.kind_word(kind, lang),
        "status_word": lambda status: messages.status_word(status, lang),
        "action_word": lambda action: messages.action_word(action, lang),
        "act_name": lambda kind, number, date: messages.act_name(kind, number, date, lang),
        "effective_text": lambda row: messages.effective_text(row, lang),
        "window_text": lambda earliest, latest: messages.window_text(earliest, latest, lang),
        "amendment_reason": lambda row: messages.amendment_commencement_text(row, lang),
        "held_as_at_text": lambda held, date: messages.held_as_at_text(held, date, lang),
        "uncertain_change_text": lambda change, date: messages.uncertain_change_text(change, date, lang),
        "problem_kind_text": lambda kind: messages.problem_kind_text(kind, lang),
        "severity_word": lambda severity: messages.severity_word(severity, lang),
    }


async def _respond(datasette, request, lang: str, answer: dict, template: str, **context) -> Response:
    """The answer as JSON for a ``.json`` URL; otherwise the page: `template` rendered
    with the answer, what every template uses, and `context`."""
    if request.url_vars.get("as_json"):
        return _json(answer, default=str)
    values = {**answer, **page_context(request, lang), **context}
    return Response.html(await datasette.render_template(template, values, request=request))


async def _error(datasette, request, message: str, status: int, lang: str) -> Response:
    """An error answer of a route (JSON for ``.json`` URLs): no traceback, to visitors or the log."""
    return await _error_response(datasette, request, message, status, lang, bool(request.url_vars.get("as_json")))


async def _error_response(datasette, request, message: str, status: int, lang: str, as_json: bool) -> Response:
    """An error as JSON, or as a page of the site: its header and language switch, the
    status, what went wrong in the reader's language, and the ways back (the list of acts,
    the search). A page that cannot be drawn (the error may be the database's) is plain."""
    if as_json:
        return _json({"ok": False, "error": message, "status": status}, status=status)
    heading = t(f"error_title_{status if status in (400, 404) else 500 if status >= 500 else 400}", lang)
    try:
        values = {**page_context(request, lang), "status": status, "heading": heading, "message": message}
        # a request refused before Datasette's own middleware saw it (`asgi_wrapper`) has no CSRF token to give the page
        seen = request if request is not None and "csrftoken" in request.scope else None
        return Response.html(await datasette.render_template("zan_error.html", values, request=seen), status=status)
    except Exception:  # the plain page below says as much; the cause was printed, if it was ours
        home = t("home", lang)
        body = (
            f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{status}</title></head>\n'
            f"<body><h1>{status} — {escape(heading)}</h1><p>{escape(message)}</p><p><a href=\"/\">{escape(home)}</a></p></body></html>\n"
        )
        return Response.html(body, status=status)


@page
async def act_on_date_page(datasette, request, lang):
    """The act as it stood on ``?date=YYYY-MM-DD`` (today by default)."""
    act_id = request.url_vars["act_id"]
    date = requested_date(request, lang)
    answer = await _run_in_loop(datasette, lambda conn: act_on(conn, act_id, date, lang))
    return await _respond(
        datasette,
        request,
        lang,
        answer,
        "zan_at.html",
        act_url=with_lang(datasette.urls.path(f"/-/acts/{act_id}"), lang),
        json_url=with_lang(datasette.urls.path(f"/-/at/{act_id}.json?date={date}"), lang),
    )


@page
async def in_force_page(datasette, request, lang):
    """Every act of the corpus with its status on ``?date=``."""
    date = requested_date(request, lang)
    page_number = requested_page(request, lang)
    answer = await _run_in_loop(datasette, lambda conn: acts_on(conn, date, page_number, lang))
    return await _respond(
        datasette,
        request,
        lang,
        answer,
        "zan_in_force.html",
        json_url=datasette.urls.path(f"/-/in-force.json?date={date}"),
        **_paging_urls(request, answer, lang),
    )


def _database_with_acts(datasette):
    for name, database in datasette.databases.items():
        if name != "_internal":
            return database
    raise NotFound("No database")


@page
async def act_page(datasette, request, lang):
    """The consolidated text of an act in the page's language (its primary text, and a
    note saying so, when it has none in that language); with ``?with=ru`` (or ``kk``)
    both texts side by side, aligned by provision; with ``?date=`` the act on that date."""
    if request.args.get("date"):
        return await act_on_date_page.inner(datasette, request, lang)  # /-/acts/{id}?date=D: the act as it stood on D
    act_id = request.url_vars["act_id"]
    if request.args.get("with"):
        return await _side_by_side_page(datasette, request, lang, act_id)
    document = await _run_in_loop(datasette, lambda conn: act_document(conn, act_id, lang))
    document["pending_units"] = await _run_in_loop(datasette, lambda conn: pending_units(conn, act_id, None, lang))
    document["database"] = _database_with_acts(datasette).name
    if request.url_vars.get("as_json"):
        return _json(document, default=str)  # before the page's own lookups, which JSON does not need
    json_url = with_lang(datasette.urls.path(f"/-/acts/{act_id}.json"), lang)
    body_html = act_body(document, datasette.urls, json_url, lang)
    return await _respond(datasette, request, lang, document, "zan_act.html", body_html=body_html)


async def _side_by_side_page(datasette, request, lang: str, act_id: str):
    """``/-/acts/{act_id}?lang=kk&with=ru``: the page's language text beside the other
    (``with``; the other held language when ``with`` names the page's own)."""
    other = request.args.get("with", "").strip().lower()
    if other not in LANGUAGES:
        raise Refusal(400, t("error_lang", lang, value=other))
    if other == lang:
        other = next(code for code in LANGUAGES if code != lang)
    answer = await _run_in_loop(datasette, lambda conn: act_side_by_side(conn, act_id, lang, other))
    if request.url_vars.get("as_json"):
        return _json(answer, default=str)
    json_url = with_lang(datasette.urls.path(f"/-/acts/{act_id}.json") + f"?with={other}", lang)
    body_html = side_by_side_body(answer, datasette.urls, json_url, lang)
    return await _respond(datasette, request, lang, {"act": {"id": act_id, "title": answer["title"]}}, "zan_act.html", body_html=body_html)
