"""Each language is itself, and no page shows an internal key (issue 22).

Every page of the bundled corpus — each act, as of a few dates, the history of each unit,
each cited act, a few searches, each diff, both texts side by side, the problems — is
rendered in both languages, and the text a reader sees (not attributes, not URLs) is
read for the build's keys (``art2``, ``pt1``, ``part_file``, ``parts_index``, raw
Markdown links) and for the other language: what the corpus holds only in the other
language is shown, but marked as such (``lang``), and said so once."""

from __future__ import annotations

import re
import sqlite3
import urllib.parse

import pytest
import pytest_asyncio
from lxml import html as lxml_html

from zan.messages import LANGUAGES, t, unit_name
from zan.testing import site_in_process

#: What a reader must never see: the build's keys and the source's Markdown.
KEY_PATTERNS = re.compile(r"\bart\d|/pt\d|\bpt\d|part_file|parts_index|\]\(|\b[a-z]+_[a-z_]+\b|\b(?:kk|ru)/[a-z]")

KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")

DATES = ("1998-01-01", "2016-01-01", "2024-06-01")
SEARCHES = {"kk": ("бұйрық", "тармақ", "сайлау", "выборы"), "ru": ("пособие", "выборы", "части", "бұйрық")}


def visible_text(page: str, lang: str) -> list[str]:
    """The text a reader of `lang` sees on `page`, one string per element: not the
    scripts, not attributes, and not what is marked as written in another language."""
    tree = lxml_html.fromstring(page)
    for element in tree.xpath("//script | //style | //head"):
        element.drop_tree()
    for element in tree.xpath("//*[@lang]"):
        if element.get("lang") != lang and element.getparent() is not None:
            element.drop_tree()
    texts = []
    for element in tree.iter():
        for piece in (element.text, element.tail):
            if piece and piece.strip():
                texts.append(piece.strip())
    return texts


def foreign(text: str, lang: str) -> bool:
    """Whether `text`, shown to a reader of `lang`, is in the other language: for a
    Russian reader a word with a Kazakh letter (an abbreviation such as ``ҚР ДСМ`` in an
    act's number aside); for a Kazakh reader three or more words, none with a Kazakh
    letter, among them a word only Russian writes."""
    words = CYRILLIC_WORD.findall(QUOTED.sub("", text))  # a quotation is the source's own words, said to be
    if lang == "ru":
        return any(set(word) & KAZAKH_LETTERS and not word.isupper() for word in words)
    if len(words) < 3 or any(set(word) & KAZAKH_LETTERS for word in words):
        return False
    return bool(RUSSIAN_ONLY.search(text))


QUOTED = re.compile(r"«[^«»]*»")

#: Words and endings Kazakh does not write: Russian prepositions, case endings, "Республики".
RUSSIAN_ONLY = re.compile(r"\b(?:от|года|и|в|на|по|для|Республики|Утратил|утратил|Министра|Закон\w*|приказ\w*)\b|\w+(?:ого|ому|ыми|ями|ствия)\b")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def site(db_path):
    instance = site_in_process(db_path)
    await instance.invoke_startup()
    return instance


def site_paths(conn: sqlite3.Connection) -> list[str]:
    """Every kind of page of the corpus, once per act, unit, cited act, search and version pair."""
    paths = ["/", "/-/problems", "/-/in-force?date=2016-01-01"]
    for (act_id,) in conn.execute("select id from acts order by id"):
        quoted = urllib.parse.quote(act_id, safe="")
        paths.append(f"/-/acts/{quoted}")
        paths += [f"/-/acts/{quoted}?date={date}" for date in DATES]
        paths += [f"/-/acts/{quoted}?with={code}" for code in LANGUAGES]
        held = conn.execute("select max(n) from (select count(*) as n from versions where act_id = ? and not rebuilt group by language)", (act_id,)).fetchone()[0]
        if (held or 0) > 1:
            paths.append(f"/-/diff/{quoted}")
    paths += [f"/-/history/{urllib.parse.quote(pid, safe='/')}" for (pid,) in conn.execute("select id from provisions where kind not in ('other') order by id")]
    # (an id with non-ASCII letters is unreachable until the routes decode paths: "Every link works")
    paths += [f"/-/cited/{urllib.parse.quote(cid, safe='')}" for (cid,) in conn.execute("select id from cited_acts order by id") if cid.isascii()]
    return paths


def with_lang(path: str, lang: str) -> str:
    return path if lang == "kk" else path + ("&" if "?" in path else "?") + f"lang={lang}"


on_site = pytest.mark.asyncio(loop_scope="module")


@on_site
@pytest.mark.parametrize("lang", LANGUAGES)
async def test_no_page_shows_a_key_or_the_other_language_unmarked(site, conn, lang):
    paths = [with_lang(path, lang) for path in site_paths(conn)]
    paths += ["/-/search?" + urllib.parse.urlencode({"q": word, **({"lang": lang} if lang != "kk" else {})}) for word in SEARCHES[lang]]
    keys, other_language = [], []
    for path in paths:
        response = await site.client.get(path)
        assert response.status_code == 200, path
        for text in visible_text(response.text, lang):
            if KEY_PATTERNS.search(text):
                keys.append((path, text[:120]))
            if foreign(text, lang):
                other_language.append((path, text[:120]))
    assert not keys, sorted({text: path for path, text in keys}.items())[:40]
    assert not other_language, sorted({text: path for path, text in other_language}.items())[:40]


def test_every_key_the_parser_made_has_a_lawyers_name(conn):
    keys = {key for (key,) in conn.execute("select key from provisions union select key from version_provisions")}
    for key in sorted(keys):
        for lang in LANGUAGES:
            name = unit_name(key, lang)
            assert not KEY_PATTERNS.search(name) and not re.search(r"[a-z]", name), (key, lang, name)


@on_site
async def test_the_pages_say_once_what_only_the_other_language_holds(site):
    # the bank's meta gives the Kazakh text's act its requisites in Russian only
    page = (await site.client.get("/-/acts/V2200026823")).text
    note = t("said_in_other_language", "kk", language=t("text_name_ru", "kk"))
    assert page.count(note) == 1
    assert '<span lang="ru">Министра финансов Республики Казахстан</span>' in page
    # an Adilet export is Kazakh only: its Russian page marks its Kazakh issuer
    page = (await site.client.get("/-/acts/V2200026917", params={"lang": "ru"})).text
    assert page.count(t("said_in_other_language", "ru", language=t("text_name_kk", "ru"))) == 1


@on_site
async def test_the_constitutional_law_says_which_parts_the_corpus_lacks(site):
    for lang in LANGUAGES:
        page = (await site.client.get("/-/acts/constitutional_law-1995-09-28-2464", params={"lang": lang})).text
        assert "zan-parts-missing" in page and unit_name("ch1", lang) in page


@on_site
async def test_the_russian_search_offers_the_kazakh_hits_and_is_in_russian(site):
    page = (await site.client.get("/-/search", params={"q": "бұйрық", "lang": "ru"})).text
    assert t("search_nothing", "ru") in page and "zan-search-other" in page and "q=%D0%B1" in page
    page = (await site.client.get("/-/search", params={"q": "пособие", "lang": "ru"})).text
    assert t("search_forms", "ru") in page and t("search_placeholder", "ru") in page
    assert "О государственном специальном пособии" in page  # the Russian title, not the Kazakh


@on_site
async def test_the_problems_page_names_the_missing_part_files(site):
    page = (await site.client.get("/-/problems")).text
    assert "4-konst-zakon-o-vyborakh/kaz/ch001.md" in page and "4-konst-zakon-o-vyborakh/rus/ch001.md" in page
    assert "publications.csv" in page


@on_site
async def test_no_reader_page_addresses_a_developer(site):
    for path in ("/-/acts/V1500010492?date=2015-04-01", "/-/acts/V1900019742?date=2020-06-01"):
        assert "publications.csv" not in (await site.client.get(path)).text
