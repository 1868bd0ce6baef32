"""Everyday words (issue 23, question 6): each language's dictionary from the words people
use to the law's wording, and the search that tries the law's wording when the words asked
find nothing — in `db.search`, on the search page and in its JSON, in both languages.

The dictionaries are checked against the texts Zan reads: every law wording is printed in a
text of its language (as the search matches: stems in order, any case form), and no
everyday word is (else a search for it would find something, and the law's wording would
never be tried)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
import pytest_asyncio

from db.search import count_matches, law_wording, normalize, search, search_in_law_wording
from parser.languages import KAZAKH, LANGUAGES, RUSSIAN, detect_language, get_language
from parser.reader import read_source
from zan.testing import site_in_process

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parents[1] / "shared"
if not (SHARED / "corpus-bank").is_dir():  # a worktree under /work/wt/NAME or the main checkout /work/main
    SHARED = ROOT.parent / "shared"
FOLDERS = [ROOT / "corpus", SHARED / "corpus-bank", SHARED / "corpus-extra"]


@lru_cache(maxsize=1)
def texts_by_language() -> dict[str, list[str]]:
    """The stems of every text of the corpus and of the shared bank and extras, as one
    string each (words joined by single spaces, framed by spaces), by language."""
    found: dict[str, list[str]] = {code: [] for code in LANGUAGES}
    for folder in FOLDERS:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".md", ".txt") or path.name == "README.md":
                continue
            text = read_source(path).text
            code = detect_language(text)
            if code in found:
                found[code].append(f" {normalize(text, get_language(code))} ")
    return found


def printed_in(phrase: str, code: str) -> bool:
    """Whether a text in language `code` prints `phrase` (its stems, in order, together)."""
    stems = f" {normalize(phrase, get_language(code))} "
    return any(stems in text for text in texts_by_language()[code])


@pytest.mark.skipif(not (SHARED / "corpus-bank").is_dir(), reason="the shared corpus bank is not here")
@pytest.mark.parametrize("code", ["kk", "ru"])
def test_every_law_wording_is_printed_and_no_everyday_word_is(code):
    everyday = get_language(code).EVERYDAY
    assert len(everyday) >= 20
    assert [law for law in everyday.values() if not printed_in(law, code)] == []
    assert [word for word in everyday if printed_in(word, code)] == []


def test_the_dictionaries_hold_the_issues_examples_the_texts_print():
    assert RUSSIAN.EVERYDAY["зарплата"] == "заработная плата"
    assert KAZAKH.EVERYDAY["зарплата"] == "жалақы"  # the acts held say жалақы, not еңбекақы
    assert "электросамокат" not in RUSSIAN.EVERYDAY  # no text held prints "средство индивидуальной мобильности"


def test_law_wording_replaces_whole_stems_in_any_case_form_the_longest_first():
    assert law_wording("Зарплаты учителей", RUSSIAN) == (
        "заработная плата учителей",
        [{"asked": "Зарплаты", "everyday": "зарплата", "law": "заработная плата"}],
    )
    # a phrase wins over its words; two everyday words in one query are both replaced
    assert law_wording("стоимость продуктовой корзины и МРП", RUSSIAN)[0] == (
        "стоимость продовольственная корзина и месячный расчетный показатель"
    )
    assert law_wording("түрмеде", KAZAKH)[1] == [{"asked": "түрмеде", "everyday": "түрме", "law": "түзеу мекемесі"}]
    assert law_wording("зарплатный", RUSSIAN) is None  # another word (stem зарплатн), not a form of зарплата
    assert law_wording("заработная плата", RUSSIAN) is None
    assert law_wording("", KAZAKH) is None


def test_a_search_that_finds_nothing_is_tried_in_the_laws_wording(conn):
    assert count_matches(conn, "зарплата", lang="ru") == 0
    answer = search_in_law_wording(conn, "зарплата", lang="ru")
    assert answer == {
        "q": "заработная плата",
        "count": 4,
        "substitutions": [{"asked": "зарплата", "everyday": "зарплата", "law": "заработная плата"}],
    }
    found = {(row["act_id"], row["key"]) for row in search(conn, answer["q"], lang="ru")}
    assert ("law-1999-07-13-414", "art3/pt3") in found  # law 4051: the allowance is paid whatever the pay
    # Kazakh: the prison is a correctional institution (order 146 of 2001 on special means)
    answer = search_in_law_wording(conn, "түрме", lang="kk")
    assert (answer["q"], answer["count"]) == ("түзеу мекемесі", 14)
    assert {row["act_id"] for row in search(conn, answer["q"], lang="kk")} == {"order-2001-12-11-146"}
    # a dated search keeps its date: law 4051's allowance (1999) was not in force in 1990
    assert search_in_law_wording(conn, "шахтер", "1990-01-01", lang="ru") is None
    assert search_in_law_wording(conn, "шахтер", "2020-01-01", lang="ru")["count"] == 6


def test_the_laws_wording_is_not_tried_when_the_words_find_something_or_it_finds_nothing(conn):
    assert search_in_law_wording(conn, "заработная плата", lang="ru") is None  # found as asked
    assert search_in_law_wording(conn, "зарплата космонавтов", lang="ru") is None  # the law's wording finds nothing either
    assert search_in_law_wording(conn, "космонавт", lang="ru") is None  # no everyday word
    assert search(conn, "пособие", lang="kk") == []  # db.search.search itself searches the words asked


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def site(db_path):
    instance = site_in_process(db_path)
    await instance.invoke_startup()
    return instance


async def get(site, path: str, **params):
    return await site.client.get(path, params=params)


on_site = pytest.mark.asyncio(loop_scope="module")


@pytest.mark.parametrize(
    "lang, asked, law, count, title",
    [
        ("ru", "зарплата", "заработная плата", 4, "О прожиточном минимуме"),
        ("kk", "түрме", "түзеу мекемесі", 14, "түзеу мекемелері қызметкерлерінің арнайы құралдарды"),
    ],
)
@on_site
async def test_the_search_page_and_its_json_say_the_laws_wording(site, lang, asked, law, count, title):
    from zan.messages import t

    answer = (await get(site, "/-/search.json", q=asked, lang=lang)).json()
    assert answer["q"] == asked and answer["count"] == count and len(answer["results"]) == count
    assert answer["law_wording"] == {"q": law, "substitutions": [{"asked": asked, "everyday": asked, "law": law}]}
    assert all(result["highlights"] for result in answer["results"])  # the law's words are marked
    page = (await get(site, "/-/search", q=asked, lang=lang)).text
    said = t("search_law_wording", lang, asked=asked, law=law)
    assert said in re.sub(r"&#34;|&quot;", '"', page.replace("&#39;", "'"))
    assert title in page and "<mark>" in page
    # words the texts print are searched as asked, without a word about the law's wording
    plain = (await get(site, "/-/search.json", q=law, lang=lang)).json()
    assert plain["count"] == count and "law_wording" not in plain
    assert "zan-law-wording" not in (await get(site, "/-/search", q=law, lang=lang)).text


@on_site
async def test_the_kazakh_page_still_offers_the_russian_texts_of_a_russian_word(site):
    answer = (await get(site, "/-/search.json", q="пособие")).json()
    assert answer["law_wording"]["q"] == "жәрдемақы" and answer["count"] == 47
    assert answer["other_languages"] == [{"lang": "ru", "count": 46}]
    page = (await get(site, "/-/search", q="пособие")).text
    assert "zan-law-wording" in page and "zan-search-other" in page
