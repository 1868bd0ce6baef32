"""Every link works: a reader who starts at the home page, in either language, and clicks
every link of every page of the site reaches no 404 and no 500 — on the bundled corpus and
on a corpus whose acts have ids with non-ASCII letters (``order-2018-10-02-ҚР-ДСМ-21``, a
law whose number a text prints with the Cyrillic І of its convocation, ``165-VІ``).

The crawl runs in-process through Datasette's own client (httpx): every page of the site
(``/`` and ``/-/…``) is read for its links; every link found, Datasette's own pages and
the JSON too, is fetched and must answer. Redirects are followed, as a browser does."""

from __future__ import annotations

import collections
import shutil
import sqlite3
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest
import pytest_asyncio
from datasette.app import Datasette

from db import build
from zan.testing import site_in_process

BANK = Path(__file__).resolve().parent.parent / "corpus" / "zan-gov-kz"

#: The law that lends its text to the laws made up below (its articles, not its requisites).
DONOR = BANK / "160919-garantirovannyi-transfert-2022-2024"

#: Laws the 1999 law № 414 (`4051-posobie-gornye-raboty`) is amended by, made up from the
#: donor's text with these requisites: one printed with Latin numerals where the notes that
#: name it print a Cyrillic І (``02.07.2018 № 165-VІ``), one the other way round (the notes
#: print ``20.04.2023 № 226-VII``). (folder, requisite, date)
MADE_UP_LAWS = (
    ("165-latin", "Закон Республики Казахстан от 2 июля 2018 года № 165-VI ЗРК.", "2018-07-02"),
    ("226-cyrillic", "Закон Республики Казахстан от 20 апреля 2023 года № 226-V\u0406\u0406 ЗРК.", "2023-04-20"),
)


class _Links(HTMLParser):
    """The addresses a page links to: ``href`` of links and ``src`` of what it loads."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def _is_site_page(path: str) -> bool:
    """The site's own pages, read for links; Datasette's are fetched, not crawled (their
    sort and facet links multiply without end)."""
    return path == "/" or path.startswith("/-/")


async def crawl(site: Datasette) -> tuple[dict[str, int], list[tuple[int, str, str]]]:
    """Every address reachable by clicking from the home page in both languages: (status of
    each address, [(status, address, the page that links to it)] of those that failed)."""
    found_on: dict[str, str] = {"/": "", "/?lang=ru": ""}
    queue = collections.deque(found_on)
    statuses: dict[str, int] = {}
    failed = []
    while queue:
        address = queue.popleft()
        response = await site.client.get(address, follow_redirects=True)
        statuses[address] = response.status_code
        if response.status_code >= 400:
            failed.append((response.status_code, address, found_on[address]))
            continue
        path = urllib.parse.urlsplit(address).path
        if not _is_site_page(path) or "text/html" not in response.headers.get("content-type", ""):
            continue
        parser = _Links()
        parser.feed(response.text)
        for link in parser.links:
            parts = urllib.parse.urlsplit(urllib.parse.urljoin("http://site" + address, link))
            if parts.scheme not in ("http", "https") or parts.netloc != "site":
                continue  # another site's page, a mailto:
            target = urllib.parse.urlunsplit(("", "", parts.path, parts.query, ""))
            if target not in found_on:
                found_on[target] = address
                queue.append(target)
    return statuses, failed


async def _site(path: Path) -> Datasette:
    site = site_in_process(path)
    await site.invoke_startup()
    return site


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def bundled(corpus_db):
    return await _site(corpus_db)


@pytest.fixture(scope="module")
def roman_corpus(tmp_path_factory) -> Path:
    """Law № 414 with the laws that amend it made up from the donor (`MADE_UP_LAWS`),
    and the 2015 order whose cited acts are numbered ``ҚР ДСМ-…``."""
    corpus = tmp_path_factory.mktemp("roman") / "corpus"
    for folder in ("4051-posobie-gornye-raboty", "87811-qriim"):
        shutil.copytree(BANK / folder, corpus / folder)
    meta = (DONOR / "meta.yaml").read_text(encoding="utf-8")
    requisite = next(line for line in meta.splitlines() if line.startswith("requisite:"))
    for folder, new_requisite, date in MADE_UP_LAWS:
        shutil.copytree(DONOR, corpus / folder)
        made_up = meta.replace(requisite, f"requisite: {new_requisite}").replace("2021-11-30", date).replace("30.11.2021", ".".join(reversed(date.split("-"))))
        (corpus / folder / "meta.yaml").write_text(made_up, encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def roman_db(roman_corpus) -> Path:
    path = roman_corpus.parent / "laws.db"
    build(roman_corpus, path)
    return path


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def roman(roman_db):
    return await _site(roman_db)


@pytest.mark.asyncio(loop_scope="session")
async def test_no_link_of_the_bundled_corpus_is_dead_in_either_language(bundled):
    statuses, failed = await crawl(bundled)
    assert failed == []
    assert any("ҚР-ДСМ" in urllib.parse.unquote(address) for address in statuses)  # ids with Kazakh letters were reached
    assert "/-/acts/V1500010492?lang=ru" in statuses and len(statuses) > 1000


@pytest.mark.asyncio(loop_scope="session")
async def test_no_link_is_dead_where_act_numbers_carry_cyrillic_roman_numerals(roman):
    statuses, failed = await crawl(roman)
    assert failed == []
    assert {"/-/acts/law-2018-07-02-165-VI", "/-/acts/law-2023-04-20-226-VII?lang=ru"} <= set(statuses)


def test_a_number_in_either_spelling_is_one_id_and_its_citations_resolve_to_it(roman_db):
    with sqlite3.connect(roman_db) as conn:
        ids = {row[0] for row in conn.execute("select id from acts where kind = 'law'")}
        resolved = dict(conn.execute("select id, act_id from cited_acts where id like 'law-2018-07-02-%' or id like 'law-2023-04-20-%'"))
    assert {"law-2018-07-02-165-VI", "law-2023-04-20-226-VII"} <= ids  # the Cyrillic І of the requisite spelled as the Latin I
    assert not any("\u0406" in act_id for act_id in ids)
    # the notes print 165-VІ (Cyrillic) and 226-VII (Latin): both name the act of the corpus
    assert resolved == {"law-2018-07-02-165-VI": "law-2018-07-02-165-VI", "law-2023-04-20-226-VII": "law-2023-04-20-226-VII"}


@pytest.mark.asyncio(loop_scope="session")
async def test_an_address_in_the_other_spelling_leads_to_the_act(roman):
    cyrillic = "law-2023-04-20-226-V\u0406\u0406"
    for address, expected in (
        (f"/-/acts/{cyrillic}?lang=ru", "/-/acts/law-2023-04-20-226-VII?lang=ru"),
        (f"/-/acts/{cyrillic}.json", "/-/acts/law-2023-04-20-226-VII.json"),
        (f"/-/cited/{cyrillic}", "/-/cited/law-2023-04-20-226-VII"),
        (f"/-/history/{cyrillic}/art1", "/-/history/law-2023-04-20-226-VII/art1"),
    ):
        response = await roman.client.get(address)
        assert (response.status_code, response.headers["location"]) == (301, expected), address
        assert (await roman.client.get(expected)).status_code == 200, expected
    assert (await roman.client.get("/-/acts/law-2023-04-20-226-VIII")).status_code == 404  # another number is not found


@pytest.mark.asyncio(loop_scope="session")
async def test_ids_with_kazakh_letters_are_reachable_encoded_or_not(bundled):
    cited = "order-2018-10-02-ҚР-ДСМ-21"
    for address in (f"/-/cited/{cited}", f"/-/cited/{urllib.parse.quote(cited)}", f"/-/cited/{urllib.parse.quote(cited).lower()}.json"):
        assert (await bundled.client.get(address)).status_code == 200, address


@pytest.mark.asyncio(loop_scope="session")
async def test_a_server_error_is_a_page_of_the_site_too(tmp_path):
    """A 500 (here: a database without Zan's tables, which `zan serve` refuses but a bare
    `datasette` serves) is drawn in the site's layout, in the reader's language."""
    empty = tmp_path / "other.db"
    sqlite3.connect(empty).execute("create table t (x)").connection.commit()
    site = await _site(empty)
    for lang, heading in (("kk", "Сервер қатесі"), ("ru", "Ошибка сервера")):
        response = await site.client.get(f"/-/acts/x?lang={lang}")
        assert response.status_code == 500
        assert f'<html lang="{lang}">' in response.text and 'class="zan-top"' in response.text and f"<h1>{heading}</h1>" in response.text
        assert "Traceback" not in response.text and "no such table" not in response.text
