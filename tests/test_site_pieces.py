"""The pieces the site draws on more than one page (`datasette_plugins.pieces`) — the
amendment line, the version label, the pager and the unit block — are drawn the same on
the act page (written in Python) and on the pages of the Jinja templates, for real acts
of the bundled corpus, in both languages."""

from __future__ import annotations

import re

import pytest
import pytest_asyncio
from datasette.utils.asgi import Request
from markupsafe import Markup

from datasette_plugins.pieces import (
    JINJA_GLOBALS,
    amendment_line,
    contents_html,
    date_field,
    pager,
    row_block,
    text_blocks,
    unit_block,
    unit_line,
    version_label,
    version_start,
)
from datasette_plugins.zan_site import page_context
from db.queries import act_on, act_versions, diff_text, provision_history
from zan.testing import site_in_process

on_site = pytest.mark.asyncio(loop_scope="module")

LANGS = ("kk", "ru")
SEED_000 = "V090005853_"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def site(corpus_db):
    instance = site_in_process(corpus_db)
    await instance.invoke_startup()
    return instance


async def html(site, url: str, lang: str, **params: str) -> str:
    response = await site.client.get(url, params={**params, **({"lang": lang} if lang != "kk" else {})})
    assert response.status_code == 200, url
    return response.text


# --- The amendment line ----------------------------------------------------------------


@on_site
@pytest.mark.parametrize("lang", LANGS)
async def test_an_amendment_is_drawn_alike_on_the_act_page_and_the_history_page(site, conn, lang):
    """Seed 000's paragraph 15: its note 10 is cut before the amending act's date and
    number. The history page printed no "note not read in full", which the act page says."""
    act_page = await html(site, f"/-/acts/{SEED_000}", lang)
    for unit in ("doc/p6", "doc/p15"):
        history = provision_history(conn, f"{SEED_000}/{unit}", lang)
        history_page = await html(site, f"/-/history/{SEED_000}/{unit}", lang)
        assert history["amendments"]
        for amendment in history["amendments"]:
            line = amendment_line(amendment, lang)
            assert line in act_page and line in history_page, (unit, amendment["id"])
    incomplete = "ескерту толық оқылмады" if lang == "kk" else "примечание прочитано не полностью"
    assert incomplete in await html(site, f"/-/history/{SEED_000}/doc/p15", lang)


@on_site
async def test_an_amending_act_of_which_nothing_was_read_is_said_so_on_the_history_page_too(site, conn):
    """The guard the act page had alone: no "? № ?" where nothing of the act was read."""
    history = provision_history(conn, f"{SEED_000}/doc/p15", "kk")
    history["amendments"] = [{**a, "amending_act_kind": None, "amending_act_date": None, "amending_act_number": None} for a in history["amendments"]]
    request = Request.fake(f"/-/history/{SEED_000}/doc/p15")
    context = {**history, **page_context(request, "kk"), "act_url": "/", "json_url": "/"}
    page = await site.render_template("zan_history.html", context)
    assert "? № ?" not in page and page.count("өзгерткен акт оқылмады") == 1
    assert amendment_line(history["amendments"][0], "kk") in page


# --- The version label ------------------------------------------------------------------


@on_site
@pytest.mark.parametrize("lang", LANGS)
async def test_a_version_is_labelled_alike_on_the_act_page_and_the_diff_page(site, conn, lang):
    """Order 137412, held in three versions in Kazakh (one in Russian, whose pages compare
    the Kazakh ones): each is named the same in both pages' forms (the current one marked
    on both; the act page's did not), and the start of the two compared is said alike
    (the diff page left out why a start is not known)."""
    act_id = "V1900019742"
    act_page = await html(site, f"/-/acts/{act_id}", lang)
    diff_page = await html(site, f"/-/diff/{act_id}", lang)
    compared = diff_text(conn, act_id, lang)[1]
    for page, versions in ((act_page, act_versions(conn, act_id, lang)), (diff_page, compared)):
        for v in versions:
            if page is act_page:
                assert f"<td>{version_label(v, lang)}</td>" in page and f"<td>{version_start(v, lang)}</td>" in page
            if len(versions) > 1:
                option = re.escape(f'<option value="{v["id"]}"') + "( selected)?>" + re.escape(str(version_label(v, lang, plain=True))) + "</option>"
                assert re.search(option, page), (v["id"], lang)
    assert "(қазіргі)" in version_label(compared[-1], "kk") and "(действующая)" in version_label(compared[-1], "ru")
    for v in compared[-2:]:  # the two the diff page compares by default
        assert str(version_start(v, lang)) in diff_page


def test_a_rebuilt_version_is_marked_in_bold_but_in_an_option():
    rebuilt = {"date": "2010-09-27", "is_current": 0, "rebuilt": 1}
    assert version_label(rebuilt, "kk") == Markup("27.09.2010 — <strong>өзгерткен актілерден қайта құрылған, нақты мәтін емес</strong>")
    assert version_label(rebuilt, "kk", plain=True) == Markup("27.09.2010 — өзгерткен актілерден қайта құрылған, нақты мәтін емес")


# --- The pager -------------------------------------------------------------------------------


@on_site
@pytest.mark.parametrize("lang", LANGS)
async def test_the_pager_is_one_on_every_listing(site, lang):
    if lang == "kk":  # the search of a Kazakh word, in the Kazakh texts
        search = await html(site, "/-/search", lang, q="бұйрық", page="2")
        query = "q=%D0%B1%D2%B1%D0%B9%D1%80%D1%8B%D2%9B"
        assert pager(2, 3, f"?{query}&page=1", f"?{query}&page=3", lang) in search
    count = {"kk": "Барлығы 17 акт", "ru": "Всего актов: 17"}[lang]
    assert pager(1, 1, None, None, lang, count=count) in await html(site, "/", lang)
    in_force = await html(site, "/-/in-force", lang, date="2016-01-01")
    assert re.search(r'<p class="zan-pages">[^<]* · ' + re.escape(str(pager(1, 1, None, None, lang)).removeprefix('<p class="zan-pages">')), in_force)


def test_a_pager_escapes_its_links():
    drawn = pager(2, 3, '?q="<x>"&page=1', None, "kk", count="<b>")
    assert drawn == Markup('<p class="zan-pages">&lt;b&gt; · 2-бет, барлығы 3 · <a href="?q=&#34;&lt;x&gt;&#34;&amp;page=1">← алдыңғы</a></p>')


# --- The unit block ----------------------------------------------------------------------------


def unit_openings(page: str) -> dict[str, str]:
    """Each unit block's opening on a page, up to its text: its element, ¶ link included, by anchor."""
    return {match[1]: match[0] for match in re.finditer(r'<div id="([^"]+)" class="zan-unit zan-[\w-]+[^"]*" style="[^"]*">\s*<p[^>]*><a class="zan-anchor"[^>]*>¶</a>', page)}


def history_links(page: str) -> set[str]:
    return set(re.findall(r'<a class="zan-history-link" [^>]*>⟲</a>', page))


@on_site
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("act_id", "date"), [("V1500011361", "2018-01-01"), ("V1500010492", "2016-01-01")])
async def test_a_unit_is_drawn_alike_on_the_act_page_and_the_as_of_page(site, conn, act_id, date, lang):
    """Each unit printed as text on the act page is the same block on the as-of page —
    the same anchor, indentation, ¶ link and history link — the as-of page adding its
    status classes; the as-of page had neither link before."""
    act_page = await html(site, f"/-/acts/{act_id}", lang)
    at_page = await html(site, f"/-/at/{act_id}", lang, date=date)
    on_act, on_at = unit_openings(act_page), unit_openings(at_page)
    assert on_act and set(on_act) <= set(on_at)
    for unit_anchor, opening in on_act.items():
        element, _, rest = opening.partition('" style=')
        assert on_at[unit_anchor].startswith(element + " zan-at-") and on_at[unit_anchor].endswith(rest.split(">", 1)[1]), unit_anchor
    assert history_links(act_page) <= history_links(at_page)
    assert len(on_at) == len(act_on(conn, act_id, date, lang)["provisions"]) == len(history_links(at_page))


def test_a_unit_block_escapes_what_a_template_gives_it():
    unit = {"id": "a/p1", "key": "p1", "kind": "paragraph"}
    block = JINJA_GLOBALS["unit_block"](unit, "<i>", ["zan-at-<x>"])
    assert "<i>" not in block and "&lt;i&gt;" in block and 'class="zan-unit zan-paragraph zan-at-&lt;x&gt;"' in block
    assert unit_block(unit, Markup("<i>")).count("<i>") == 1  # markup stays markup
    line = unit_line(unit, "text", "ru", lambda path: path)
    assert line.startswith('<p><a class="zan-anchor" href="#p1" title="пункт 1">¶</a> text') and 'href="/-/history/a/p1"' in line


# --- Tables, contents, dates ----------------------------------------------------------------


def _row(key: str, cells: list[str], spans=None) -> dict:
    return {"id": f"a/{key}", "key": key, "kind": "row", "parent_id": "a/app/t1", "cells": cells, "spans": spans}


def test_the_rows_of_a_table_are_one_table_with_the_spans_of_their_cells():
    """A table's consecutive rows in one <table>, each a <tr> with its ¶ and ⟲ links and
    its cells spanning as the source says; the unit before and after stay blocks."""
    paragraph = {"id": "a/p1", "key": "p1", "kind": "paragraph", "parent_id": None, "cells": None}
    head = _row("app/t1/r1", ["<A>", "B"], [(2, 1), (1, 2)])
    body = _row("app/t1/r2", ["1", "2"])
    draw = lambda p: row_block(p, [f"<x>{cell}</x>" for cell in p["cells"]], "kk", lambda path: path) if p["cells"] else unit_block(p, "text")
    html = text_blocks((p, draw(p)) for p in (paragraph, head, body, paragraph))
    assert html.count('<table class="zan-table">') == 1 and html.count("</table>") == 1
    assert html.index('id="p1"') < html.index("<table") < html.index('id="app-t1-r1"') < html.index('id="app-t1-r2"') < html.index("</table>")
    assert '<td rowspan="2"><x><A></x></td><td colspan="2"><x>B</x></td>' in html  # cells given as HTML stay as given
    assert html.count('class="zan-row-mark"') == 4 and html.count("⟲") == 2


def test_a_long_act_has_contents_a_short_one_none():
    articles = [{"key": f"art{n}", "kind": "article", "text": f"{n}-бап. Тақырып {n}\nмәтін"} for n in range(1, 4)]
    contents = contents_html([{"key": "ch1", "kind": "chapter", "text": "1-тарау. Жалпы ережелер"}, *articles], "kk")
    assert '<a href="#art2">2-бап. Тақырып 2</a>' in contents and '<a href="#ch1">1-тарау. Жалпы ережелер</a>' in contents
    assert "мәтін" not in contents  # the heading line only
    assert contents_html(articles[:2], "ru") == ""


def test_a_date_field_shows_the_date_as_lawyers_write_it():
    field = date_field("Күні:", "2009-10-19", "kk")
    assert 'type="text"' in field and 'value="19.10.2009"' in field and 'placeholder="кк.аа.жжжж"' in field
    assert re.fullmatch(re.search(r'pattern="([^"]+)"', field)[1], "19.10.2009")
    assert 'value=""' in date_field("Дата", None, "ru")
