"""The site in a real browser: Debian's Chromium driven by Playwright, against a real
`zan serve` process. Skipped where Chromium is not installed (`.ci/run` installs it)."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import pytest_asyncio

from zan.testing import running_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ROOT = Path(__file__).resolve().parent.parent
#: Where the reader pages' screenshots go: a temporary folder, so that running the tests
#: changes no tracked file; ``ZAN_SCREENSHOTS=docs/screenshots`` (relative to the project)
#: refreshes the project's own.
SCREENSHOTS = ROOT / os.environ["ZAN_SCREENSHOTS"] if os.environ.get("ZAN_SCREENSHOTS") else Path(tempfile.gettempdir()) / "zan-screenshots"

playwright_api = pytest.importorskip("playwright.async_api")
pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (apt-get install chromium)"),
    pytest.mark.asyncio(loop_scope="session"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A real `zan serve` on a free port, building its database first."""
    with running_server(tmp_path_factory.mktemp("browser") / "laws.db", CORPUS) as base:
        yield base


@pytest_asyncio.fixture(loop_scope="session")
async def browser_page():
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        page = await browser.new_page()
        yield page
        await browser.close()


async def test_acts_table_to_act_page_to_a_paragraph(site, browser_page, tmp_path):
    await browser_page.goto(site + "/laws/acts")
    await browser_page.click("text=Қалпына келтіру емін көрсету және медициналық оңалту ережесін бекіту туралы")
    assert browser_page.url.endswith("/-/acts/V090005853_")
    assert await browser_page.locator("h1").inner_text() == "Қалпына келтіру емін көрсету және медициналық оңалту ережесін бекіту туралы"
    assert await browser_page.locator(".zan-banner .zan-status").inner_text() == "күшін жойған"
    paragraph = browser_page.locator("#doc-p6-sp8")
    assert "8) психотерапия;" in await paragraph.inner_text()
    note = browser_page.locator('.zan-note[data-unit="doc/p6"]')
    assert "6-тармаққа өзгерту енгізілді" in await note.first.inner_text()
    await browser_page.screenshot(path=str(tmp_path / "act.png"), full_page=True)


async def test_stable_anchor_opens_the_act_at_a_paragraph(site, browser_page):
    await browser_page.goto(site + "/-/acts/order-2011-01-05-7#doc-app3-p7")
    assert await browser_page.locator("#doc-app3-p7").is_visible()
    assert "7. Құрылымында перинаталдық орталығы" in await browser_page.locator("#doc-app3-p7").inner_text()


async def test_home_filters_and_the_date_picker(site, browser_page):
    await browser_page.goto(site + "/")
    # the ten acts of the seeds and the bank's orders, and seven laws of the bank (each one act in two languages)
    assert await browser_page.locator("table.zan-acts tbody tr").count() == 17
    await browser_page.select_option("select[name=status]", "repealed")
    await browser_page.click("form.zan-filters button[type=submit]")
    assert "status=repealed" in browser_page.url
    # five of the ten, and four laws whose texts record their repeal (104446, 160919, 33276, 4570)
    assert await browser_page.locator("table.zan-acts tbody tr").count() == 9
    await browser_page.click("text=Қазақстан Республикасы азаматтарының, оралмандардың")
    assert "/-/acts/V1500011361" in browser_page.url
    await browser_page.fill("form.zan-date input[name=date]", "2018-01-01")
    await browser_page.click("form.zan-date button[type=submit]")
    assert browser_page.url.endswith("?date=2018-01-01")
    summary = await browser_page.locator(".zan-summary").inner_text()
    assert "01.01.2018" in summary
    paragraph = browser_page.locator("#p1")
    assert "Қоса беріліп отырған" in await paragraph.inner_text()  # its wording is known from 01.01.2018
    await browser_page.fill("form.zan-date input[name=date]", "2017-12-31")
    await browser_page.click("form.zan-date button[type=submit]")
    unproven = await browser_page.locator("#p1").inner_text()  # the current wording, marked as not proven on that date
    assert "дәлелденбеген" in unproven and "Қоса беріліп отырған" in unproven


async def test_history_from_the_act_page(site, browser_page):
    await browser_page.goto(site + "/-/acts/V090005853_#doc-p6")
    await browser_page.click('#doc-p6 > p > a.zan-history-link')
    assert "/-/history/V090005853_/doc/p6" in browser_page.url
    assert "№ 954" in await browser_page.locator("ol.zan-history").inner_text()


async def test_search_from_the_home_page(site, browser_page):
    await browser_page.goto(site + "/")
    await browser_page.fill("form.zan-search input[name=q]", "психотерапия")
    await browser_page.click("form.zan-search button[type=submit]")
    assert "/-/search?q=" in browser_page.url
    await browser_page.click('a[href$="#doc-p6-sp8"]')
    assert browser_page.url.endswith("/-/acts/V090005853_#doc-p6-sp8")
    assert "8) психотерапия;" in await browser_page.locator("#doc-p6-sp8").inner_text()


async def test_a_citation_leads_to_every_act_citing_it(site, browser_page):
    await browser_page.goto(site + "/-/acts/V1500011361#doc-p8-i2")
    await browser_page.click('#doc-p8-i2 a.zan-citation')
    assert "/-/cited/order-2010-11-23-907" in browser_page.url
    text = await browser_page.locator("main, body").first.inner_text()
    assert "Қазақстан Республикасы азаматтарының" in text and "Амбулаториялық-емханалық көмек" in text


async def test_versions_of_an_act_to_a_diff_and_back_to_the_unit(site, browser_page, tmp_path):
    """The annex of order № 19-42-3.3.22 in three versions: compare the first with the
    last, see the words struck and inserted, follow a change to its unit."""
    await browser_page.goto(site + "/-/acts/V1900019742#versions")
    rows = browser_page.locator("#versions tbody tr")
    assert await rows.count() == 3
    assert "29.09.2020 мен 29.10.2020 аралығында" in await rows.nth(1).inner_text()
    await browser_page.select_option("#versions select[name=from]", "V1900019742@2019-12-03")
    await browser_page.click("#versions button[type=submit]")
    assert "/-/diff/V1900019742?from=V1900019742%402019-12-03&to=V1900019742%402020-10-27" in browser_page.url
    changes = browser_page.locator("ol.zan-diff > li")
    assert await changes.count() == 3
    assert await browser_page.locator("ol.zan-diff del", has_text="2600").count() == 1
    assert await browser_page.locator("ol.zan-diff ins", has_text="2100").count() == 1
    await browser_page.screenshot(path=str(tmp_path / "diff.png"), full_page=True)
    await browser_page.click("ol.zan-diff a:text('қосымшаның 2-абзацы')")
    assert browser_page.url.endswith("/-/acts/V1900019742#app-i2")
    assert "2100 км" in await browser_page.locator("#app-i2").inner_text()


#: The pages a lawyer reads, each in both languages at both widths (issue 17).
READER_PAGES = {
    "home": "/",
    "act": "/-/acts/V1900019742",
    "side-by-side": "/-/acts/V1500010492?with=ru",
    "as-of": "/-/acts/order-2011-01-05-7?date=2016-01-01",
    "search": "/-/search?q=%D0%B1%D2%B1%D0%B9%D1%80%D1%8B%D2%9B",
    "history": "/-/history/order-2011-01-05-7/doc/app3/ch1",
    "diff": "/-/diff/V1900019742?from=V1900019742%402019-12-03&to=V1900019742%402020-10-27",
    "problems": "/-/problems",
}
#: Latin words a reader may meet: the site's name, the links for developers, and the
#: file the as-of view tells them to complete.
LATIN_ALLOWED = {"Zan", "JSON", "SQL", "QR", "publications", "csv"}
LATIN_WORD = re.compile(r"(?<![\w/.-])[A-Za-z]{3,}(?![\w/.-])")
INTERNAL_KEY = re.compile(r"\b[a-z]+_[a-z_]+\b|\b(?:doc|app)/[\w/~-]+|\b(?:in_force|uncertain|repealed|new_wording)\b")


@pytest.mark.parametrize("width", [1280, 400])
@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize("name", list(READER_PAGES))
async def test_reader_pages_speak_the_readers_language_at_both_widths(site, browser_page, name, lang, width):
    """No English word and no internal key on a page a lawyer reads (file paths on the
    problems page, in <code>, are data); nothing wider than the screen; a screenshot of
    each in `SCREENSHOTS`."""
    await browser_page.set_viewport_size({"width": width, "height": 900})
    url = READER_PAGES[name]
    if lang == "ru":
        url += ("&" if "?" in url else "?") + "lang=ru"
    response = await browser_page.goto(site + url)
    assert response.status == 200
    assert await browser_page.locator("html").get_attribute("lang") == lang
    text = await browser_page.evaluate(
        """() => { const body = document.body.cloneNode(true);
                   for (const code of body.querySelectorAll("code, script")) code.remove();
                   return body.innerText; }"""
    )
    english = sorted(set(LATIN_WORD.findall(text)) - LATIN_ALLOWED)
    assert not english, (name, lang, english[:20])
    assert not INTERNAL_KEY.findall(text), (name, lang, INTERNAL_KEY.findall(text)[:10])
    overflow = await browser_page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{name} is {overflow}px wider than a {width}px screen"
    if name == "home":  # the status column stays on screen on a phone
        box = await browser_page.locator("table.zan-acts .zan-status").first.bounding_box()
        assert box is not None and box["x"] + box["width"] <= width
    if name == "as-of":
        assert await browser_page.locator(".zan-not-proven").count() > 400
        assert await browser_page.locator(".zan-why li").count() == 1
    height = await browser_page.evaluate("() => document.documentElement.scrollHeight")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await browser_page.screenshot(path=str(SCREENSHOTS / f"{name}-{lang}-{width}.png"), full_page=height < 5000)


async def test_the_language_switch_keeps_the_place_and_the_date(site, browser_page):
    await browser_page.set_viewport_size({"width": 1280, "height": 900})
    await browser_page.goto(site + "/-/acts/V1500011361?date=2018-01-01#p1")
    await browser_page.click("a.zan-lang[hreflang=ru]")
    assert browser_page.url.endswith("/-/acts/V1500011361?date=2018-01-01&lang=ru#p1")
    assert "Редакция на" not in await browser_page.locator("h1").inner_text()  # the act's own title stays as printed
    assert "Сам акт:" in await browser_page.locator(".zan-summary").inner_text()
    await browser_page.click("a.zan-lang[hreflang=kk]")
    assert browser_page.url.endswith("/-/acts/V1500011361?date=2018-01-01#p1")


async def test_a_deletion_and_the_insertion_after_it_do_not_run_together(site, browser_page):
    await browser_page.set_viewport_size({"width": 1280, "height": 900})
    await browser_page.goto(site + READER_PAGES["diff"])
    deleted = await browser_page.locator("ol.zan-diff del", has_text="2600").bounding_box()
    inserted = await browser_page.locator("ol.zan-diff ins", has_text="2100").bounding_box()
    assert deleted and inserted and inserted["x"] >= deleted["x"] + deleted["width"] + 3


async def test_the_cells_of_an_appendix_table_line_up_row_under_row(site, browser_page):
    await browser_page.set_viewport_size({"width": 1280, "height": 900})
    await browser_page.goto(site + "/-/acts/V1900019742")
    rows = browser_page.locator("table.zan-table tr.zan-row")
    assert await rows.count() == 5
    lefts = []
    for index in (2, 3, 4):  # "1 2 3 4", the removed row, its successor: four cells each
        cells = rows.nth(index).locator("td:not(.zan-row-mark)")
        lefts.append([round((await cells.nth(n).bounding_box())["x"]) for n in range(await cells.count())])
    assert len(lefts[0]) == 4 and lefts[1] == lefts[0] and lefts[2] == lefts[0]  # each cell under the one above


async def _in_view(page, selector: str) -> bool:
    """Whether the element's top is on the screen (the page scrolled to it)."""
    await page.wait_for_load_state("load")
    return await page.evaluate(
        "(selector) => { const top = document.querySelector(selector).getBoundingClientRect().top; return top > -2 && top < window.innerHeight; }",
        selector,
    )


async def test_an_act_switches_between_its_kazakh_and_russian_texts_keeping_the_place_and_the_date(site, browser_page):
    """Order 87811 on a date: the switch shows the other language's text of the same unit,
    at the same place, on the same date; law 4051 from its text to both texts side by side."""
    await browser_page.set_viewport_size({"width": 1280, "height": 900})
    await browser_page.goto(site + "/-/acts/V1500010492?date=2016-01-01#doc-p5")
    assert "5. Аудит нәтижелері бойынша еркін нысанда ресімделетін қорытынды" in await browser_page.locator("#doc-p5").inner_text()
    await browser_page.click("a.zan-lang[hreflang=ru]")
    assert browser_page.url.endswith("/-/acts/V1500010492?date=2016-01-01&lang=ru#doc-p5")
    assert "5. По результатам аудита составляется заключение" in await browser_page.locator("#doc-p5").inner_text()
    assert "01.01.2016" in await browser_page.locator(".zan-summary").inner_text()
    assert await _in_view(browser_page, "#doc-p5")
    await browser_page.click("a.zan-lang[hreflang=kk]")
    assert browser_page.url.endswith("/-/acts/V1500010492?date=2016-01-01#doc-p5")
    assert "5. Аудит нәтижелері" in await browser_page.locator("#doc-p5").inner_text()

    await browser_page.goto(site + "/-/acts/law-1999-07-13-414?lang=ru#art2")
    assert "Статья 2. Средства на выплату пособия" in await browser_page.locator("#art2").inner_text()
    await browser_page.click(".zan-side-by-side-link a")
    assert "/-/acts/law-1999-07-13-414?with=kk&lang=ru" in browser_page.url
    pair = browser_page.locator("#art2")
    assert await pair.locator('.zan-side[lang="ru"]').inner_text() == "Статья 2. Средства на выплату пособия ⟲"
    assert await pair.locator('.zan-side[lang="kk"]').inner_text() == "2-бап. Жәрдемақы төлеуге арналған қаражат ⟲"
    ru_box, kk_box = await pair.locator('.zan-side[lang="ru"]').bounding_box(), await pair.locator('.zan-side[lang="kk"]').bounding_box()
    assert ru_box["x"] < kk_box["x"] and abs(ru_box["y"] - kk_box["y"]) < 2  # side by side, the page's language first
    await browser_page.goto(site + "/-/acts/law-1999-07-13-414?with=kk&lang=ru#art2")
    await browser_page.click("a.zan-lang[hreflang=kk]")
    assert browser_page.url.endswith("/-/acts/law-1999-07-13-414?with=kk#art2")
    assert await _in_view(browser_page, "#art2")
    pair = browser_page.locator("#art2")
    assert (await pair.locator('.zan-side[lang="kk"]').bounding_box())["x"] < (await pair.locator('.zan-side[lang="ru"]').bounding_box())["x"]
