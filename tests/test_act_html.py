"""The act page's body written in Python (`datasette_plugins.act_html`): every value from
the database escaped as Jinja's autoescape escapes it, on the real acts of the corpus."""

from __future__ import annotations

import json

import pytest
from datasette.app import Datasette
from markupsafe import escape

from datasette_plugins.act_html import HIDDEN_KINDS, act_body, escape_html, site_paths
from db.queries import act_document
from parser.dates import is_iso_date
from tests.conftest import CORPUS_ACTS

HOSTILE = "<i title=\"x\">&'</i> "


@pytest.fixture(scope="module")
def urls(corpus_db):
    return Datasette(immutables=[str(corpus_db)]).urls


@pytest.mark.parametrize("value", [HOSTILE, "a&b<c>d'e\"f", "«Әділет» № 5853", "&amp;", "", None, 0, 1.5])
def test_escape_html_writes_what_jinja_autoescape_writes(value):
    assert escape_html(value) == str(escape(value))


def poisoned(value):
    """`value` with every string in it, but ISO dates (which the page reformats), made hostile."""
    if isinstance(value, dict):  # a basis's data stays JSON, with its strings made hostile
        return {key: json.dumps(poisoned(json.loads(item))) if key.endswith("_basis_data") and item else poisoned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [poisoned(item) for item in value]
    if isinstance(value, str) and not is_iso_date(value):
        return HOSTILE + value
    return value


@pytest.mark.parametrize("act_id", sorted(CORPUS_ACTS))
def test_every_string_of_a_real_act_is_escaped(conn, urls, act_id):
    document = {**poisoned(act_document(conn, act_id)), "database": "laws"}
    html = act_body(document, urls, "/-/acts/x.json", "ru")
    assert "<i " not in html and "</i>" not in html
    assert escape_html(HOSTILE) in html
    printed = [p for p in document["provisions"] if p["kind"] not in HIDDEN_KINDS]
    assert html.count('<div id="') + html.count('<tr id="') == len(printed)  # a table's rows are rows of one table


@pytest.mark.parametrize("act_id", sorted(CORPUS_ACTS))
def test_each_unit_is_printed_once_with_its_notes_inside(conn, urls, act_id):
    document = {**act_document(conn, act_id), "database": "laws"}
    html = act_body(document, urls, "/-/acts/x.json", "kk")
    printed = [p for p in document["provisions"] if p["kind"] not in HIDDEN_KINDS]
    assert html.count('<div id="') + html.count('<tr id="') == len(printed) and html.count('class="zan-unit ') == len(printed)
    assert html.count('<aside class="zan-note"') == len(document["notes"])  # every note, once
    assert html.count("<div") == html.count("</div>") and html.count("<aside") == html.count("</aside>")


def test_a_note_printed_after_the_title_shows_at_the_top_of_the_text(conn, urls):
    """The title is the page's heading, not a unit of the text: its note goes with the
    notes on the requisites, before the first unit."""
    document = {**act_document(conn, "V2300032371"), "database": "laws"}
    html = act_body(document, urls, "/-/acts/x.json", "kk")
    note = html.index("Ескерту. 31.12.2023 дейін қолданылады – осы бұйрықтың 4-тармағымен.")
    assert note < html.index('<div class="zan-text">') < html.index('id="preamble"')
    assert "өзгерткен акт" not in html  # the note names no amending act, so none is listed


def test_an_amendment_of_which_nothing_was_read_says_so(conn, urls):
    """Seed 000's note 10 is cut before its amending act's date and number; were even its
    kind lost, the page must say that nothing was read, not print "? № ?"."""
    document = {**act_document(conn, "V090005853_"), "database": "laws"}
    note = next(n for n in document["notes"] if n["id"] == "V090005853_/note10")
    note["amendments"] = [{**a, "amending_act_kind": None} for a in note["amendments"]]
    html = act_body(document, urls, "/-/acts/x.json", "kk")
    assert "? № ?" not in html and html.count("өзгерткен акт оқылмады") == 1


def test_site_paths_are_datasette_paths_under_a_base_url(corpus_db):
    urls = Datasette(immutables=[str(corpus_db)], settings={"base_url": "/zan/"}).urls
    path = site_paths(urls)
    for wanted in ("/-/acts/V090005853_", "/-/history/V090005853_/doc/p6", "/-/cited/order-2010-11-23-907"):
        assert path(wanted) == urls.path(wanted) == "/zan/" + wanted[1:]
