"""The layout a lawyer sees, measured in a real browser (Debian's Chromium driven by
Playwright, against a real `zan serve`), at 1280 and 400 px in both languages: not only
"nothing wider than the screen" but what makes a page readable — a table's columns each
wider than its longest word, no word broken inside, a page about as tall as its text
needs, a badge as wide as its word, labels clear of their values; and the table of
contents, the print view and the date fields. Skipped where Chromium is not installed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import pytest_asyncio

from zan.testing import running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
    pytest.mark.asyncio(loop_scope="session"),
]

WIDTHS = [1280, 400]
LANGS = ["kk", "ru"]
#: The act whose appendix is a table (a row removed in 2020), on its page and on a date.
TABLE_PAGES = {"act": "/-/acts/V1900019742", "as-of": "/-/at/V1900019742?date=2024-06-01"}
#: A law of eight articles in three chapters: long enough for a table of contents.
LONG_ACT = "law-1999-07-13-414"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A real `zan serve` on a free port, building its database first."""
    with running_server(tmp_path_factory.mktemp("layout") / "laws.db", CORPUS) as base:
        yield base


@pytest_asyncio.fixture(loop_scope="session")
async def page():
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        yield await browser.new_page()
        await browser.close()


async def open_page(page, site: str, path: str, lang: str, width: int) -> None:
    await page.set_viewport_size({"width": width, "height": 900})
    url = site + path + (("&" if "?" in path else "?") + "lang=ru" if lang == "ru" else "")
    response = await page.goto(url)
    assert response.status == 200, url


#: For each element of `selector`, the words drawn on more than one line (broken inside
#: the word) and the widest word's width against the element's own content width. A word
#: runs from space to space when `whole` (a number, a kind: "474-I" is one), else a slash
#: or a hyphen ends it too ("және/немесе" may break after its slash, as print does).
MEASURE_WORDS = """([selector, whole]) => [...document.querySelectorAll(selector)].map((element) => {
  const broken = [];
  let widest = 0;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(whole ? /\\S+/g : /[^\\s\\/\\-\u2013]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size > 1) broken.push(match[0]);
      widest = Math.max(widest, range.getBoundingClientRect().width);
    }
  }
  const style = getComputedStyle(element);
  const inner = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {text: element.innerText.slice(0, 40), broken, widest, inner};
})"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(TABLE_PAGES))
async def test_an_annex_table_is_one_table_whose_columns_fit_their_words(site, page, name, lang, width):
    """The appendix of order № 19-42-3.3.22: one <table>, its cells lined up in columns,
    each column wider than its longest word (no word broken inside), a wide table
    scrolling in its own box rather than the page."""
    await open_page(page, site, TABLE_PAGES[name], lang, width)
    tables = page.locator("table.zan-table")
    assert await tables.count() == 1
    rows = tables.first.locator("tr.zan-row")
    removed_too = name == "act" and lang == "kk"  # the Kazakh text's act page keeps the row removed in 2020
    assert await rows.count() == (5 if removed_too else 4)
    cells = await page.evaluate(MEASURE_WORDS, ["table.zan-table td:not(.zan-row-mark)", False])
    assert len(cells) >= 13
    for cell in cells:
        assert not cell["broken"], (name, lang, width, cell)
        assert cell["widest"] <= cell["inner"] + 1, (name, lang, width, cell)
        assert cell["inner"] >= 8  # no column squeezed to a sliver
    # the rows line up: the row "1 2 3 4" and the next row of four cells share their columns
    lefts = await page.evaluate(
        """() => [...document.querySelectorAll("table.zan-table tr.zan-row")].filter((row) => row.querySelectorAll("td:not(.zan-row-mark)").length === 4)
                 .map((row) => [...row.querySelectorAll("td:not(.zan-row-mark)")].map((td) => Math.round(td.getBoundingClientRect().left)))"""
    )
    assert len(lefts) >= 2 and all(row == lefts[0] for row in lefts)
    overflow = await page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the page is {overflow}px wider than the screen: the table must scroll in its own box"
    if removed_too:  # the removed row: marked, its cells struck through, since when said once
        removed = page.locator("tr.zan-row.zan-removed")
        assert await removed.count() == 1
        assert await removed.locator("td del").count() == 4
        assert "10.08.2020" in await removed.locator(".zan-removed-when").inner_text()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [*TABLE_PAGES.values(), f"/-/acts/{LONG_ACT}", "/-/acts/law-1999-11-16-474-I", "/"])
async def test_a_page_is_about_as_tall_as_its_text_needs(site, page, path, lang, width):
    """The page's height against its text's length: lines of the text at the width of
    its column, with room for headings, notes and margins — not a page many times taller
    (the annex drawn one letter per line made the act page 6,600 px at 1280 px)."""
    await open_page(page, site, path, lang, width)
    measured = await page.evaluate(
        """() => { const main = document.querySelector("main");
                   const style = getComputedStyle(main);
                   const column = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                   return {height: document.documentElement.scrollHeight, chars: main.innerText.length, column,
                           size: parseFloat(getComputedStyle(document.querySelector("main p, main td") || main).fontSize)}; }"""
    )
    line = measured["size"] * 1.5
    per_line = max(measured["column"] / (measured["size"] * 0.55), 20)
    needed = measured["chars"] / per_line * line
    assert measured["height"] <= 2.5 * needed + 1200, (path, lang, width, measured, round(needed))


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
async def test_the_not_proven_badge_is_as_wide_as_its_word(site, page, lang, width):
    await open_page(page, site, TABLE_PAGES["as-of"], lang, width)
    widths = await page.evaluate("""() => [...document.querySelectorAll(".zan-not-proven")].map((badge) => badge.getBoundingClientRect().width)""")
    assert len(widths) >= 20
    assert max(widths) < 160, max(widths)
    heights = await page.evaluate("""() => [...document.querySelectorAll(".zan-not-proven")].map((badge) => badge.getClientRects().length)""")
    assert set(heights) == {1}  # each on one line


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
async def test_the_home_table_breaks_no_kind_and_no_number_inside_a_word(site, page, lang, width):
    """"бұйрық" is not "бұйры/қ", "474-I" not "474/-I"; on a wide screen the table uses
    the width (at 400 px the kind and number columns give way, as before)."""
    await open_page(page, site, "/", lang, width)
    cells = await page.evaluate(MEASURE_WORDS, ["table.zan-acts td:nth-child(3), table.zan-acts td:nth-child(5), table.zan-acts td:nth-child(4)", True])
    visible = [cell for cell in cells if cell["inner"] > 0]
    if width >= 1000:
        assert len(visible) == 3 * 17
        table = await page.locator("table.zan-acts").bounding_box()
        assert table["width"] >= 0.9 * (width - 40)
    for cell in visible:
        assert not cell["broken"] and cell["widest"] <= cell["inner"] + 1, (lang, width, cell)
    titles = await page.evaluate(MEASURE_WORDS, ["table.zan-acts td:nth-child(1)", False])
    assert not [cell for cell in titles if cell["broken"]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
async def test_the_requisites_labels_do_not_overlap_their_values(site, page, lang, width):
    await open_page(page, site, "/-/acts/law-1999-11-16-474-I", lang, width)
    boxes = await page.evaluate(
        """() => [...document.querySelectorAll(".zan-requisites dt, .zan-requisites dd, .zan-header-text")].map((element) => {
                   const box = element.getBoundingClientRect(); return [element.tagName, box.left, box.top, box.right, box.bottom]; })"""
    )
    assert len(boxes) >= 7
    for index, (tag, left, top, right, bottom) in enumerate(boxes):
        for other_tag, other_left, other_top, other_right, other_bottom in boxes[index + 1 :]:
            apart = right <= other_left + 0.5 or other_right <= left + 0.5 or bottom <= other_top + 0.5 or other_bottom <= top + 0.5
            assert apart, (lang, width, tag, other_tag)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [f"/-/acts/{LONG_ACT}", f"/-/at/{LONG_ACT}?date=2024-01-01"])
async def test_a_long_act_has_a_table_of_contents_beside_or_above_its_text(site, page, path, lang, width):
    """Chapters and articles by number and heading, each a link to its unit: beside the
    text on a wide screen (and kept in view while reading), above it on a narrow one;
    the article being read is marked."""
    await open_page(page, site, path, lang, width)
    toc = page.locator("nav.zan-toc")
    assert await toc.count() == 1
    article = {"kk": "5-бап.", "ru": "Статья 5."}[lang]
    link = toc.locator("li.zan-toc-article a", has_text=article)
    assert await link.count() == 1 and await link.get_attribute("href") == "#art5"
    assert await toc.locator("li.zan-toc-chapter").count() == 3 and await toc.locator("li.zan-toc-article").count() >= 8
    text = await page.locator(".zan-text").bounding_box()
    if width >= 1000:
        box = await toc.bounding_box()
        assert box["x"] >= text["x"] + text["width"] and box["y"] < text["y"] + 900  # beside the text
        assert 180 <= box["width"] <= 320
    else:
        box = await toc.bounding_box()
        assert box["y"] + box["height"] <= text["y"] + 1  # above the text
        await toc.locator("summary").click()  # closed on a narrow screen: opened to use
    await link.click()
    assert page.url.endswith("#art5")
    top = await page.evaluate("() => document.getElementById('art5').getBoundingClientRect().top")
    assert -2 < top < 100
    await page.wait_for_function("() => document.querySelector('nav.zan-toc a.zan-toc-current')")
    assert await toc.locator("a.zan-toc-current").get_attribute("href") == "#art5"
    if width >= 1000:  # still in view, the text scrolled far down
        assert (await toc.bounding_box())["y"] >= 0 and await toc.is_visible()


async def test_a_short_act_has_no_table_of_contents(site, page):
    await open_page(page, site, "/-/acts/V1900019742", "kk", 1280)
    assert await page.locator("nav.zan-toc").count() == 0


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [f"/-/acts/{LONG_ACT}", "/-/acts/V1900019742?date=2024-06-01"])
async def test_printing_gives_the_act_without_the_site_and_says_what_it_is_as_at(site, page, path, lang):
    """Ctrl+P: no header, language switch, forms, ¶ or ⟲ links, contents; the title and,
    under it, what text it is (as at which day) come first."""
    await open_page(page, site, path, lang, 1280)
    await page.emulate_media(media="print")
    try:
        for hidden in (".zan-top", "form.zan-date", ".zan-crumbs", ".zan-toc", ".zan-anchor", ".zan-history-link"):
            if await page.locator(hidden).count():
                assert not await page.locator(hidden).first.is_visible(), hidden
        statement = page.locator(".zan-as-at" if "date=" not in path else ".zan-summary")
        assert await statement.is_visible()
        title = await page.locator("h1").bounding_box()
        assert title["y"] < 60  # the title at the top of the sheet
        said = await statement.inner_text()
        if "date=" in path:
            assert "01.06.2024" in said
        else:
            assert "01.07.2023" in said
        assert (await statement.bounding_box())["y"] < title["y"] + title["height"] + 80
        pdf = await page.pdf()
        assert pdf.startswith(b"%PDF")
    finally:
        await page.emulate_media(media="screen")


@pytest.mark.parametrize("lang", LANGS)
async def test_the_date_field_shows_and_takes_dates_as_lawyers_write_them(site, page, lang):
    await open_page(page, site, "/-/at/V1500011361?date=2018-01-01", lang, 1280)
    field = page.locator("form.zan-date input[name=date]")
    assert await field.get_attribute("type") == "text"
    assert await field.input_value() == "01.01.2018"
    assert await field.get_attribute("placeholder") == {"kk": "кк.аа.жжжж", "ru": "дд.мм.гггг"}[lang]
    await field.fill("19.10.2009")
    await page.click("form.zan-date button[type=submit]")
    assert "date=19.10.2009" in page.url
    assert "19.10.2009" in await page.locator(".zan-summary").inner_text()
    assert await page.locator("form.zan-date input[name=date]").input_value() == "19.10.2009"
    await page.locator("form.zan-date input[name=date]").fill("19 қазан")  # not a date: the field says so, nothing is sent
    await page.click("form.zan-date button[type=submit]")
    assert "date=19.10.2009" in page.url
    assert not await page.evaluate("() => document.querySelector('form.zan-date input[name=date]').validity.valid")
    response = await page.goto(site + "/-/at/V1500011361?date=10/19/2009")  # the browser's own order is no date
    assert response.status == 400 and "19.10.2009" in await page.inner_text("body")
