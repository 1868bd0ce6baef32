"""Russian search: Snowball stems, the Russian texts only, and recall on twenty real queries.

Each query is written in another form than the texts print (`пособие` for `пособия`,
`выборы` for `выборов`); what it must find is every unit of the Russian texts of the
corpus whose text holds a form of the word, as a hand-written pattern of those forms
says (the gold standard does not depend on the stemmer or on the units' keys).
"""

from __future__ import annotations

import re

import pytest

from db.search import normalize, search
from parser.languages import RUSSIAN as ru


@pytest.mark.parametrize(
    "printed, query",
    [
        ("Законами", "закон"),
        ("пособия", "пособие"),
        ("прожиточного минимума", "прожиточный минимум"),
        ("кандидатом", "кандидаты"),
        ("Уголовного кодекса", "уголовный кодекс"),
        ("опубликования", "опубликование"),
        ("избирательной комиссии", "избирательная комиссия"),
    ],
)
def test_russian_word_forms_share_a_stem(printed, query):
    assert normalize(printed, ru) == normalize(query, ru)


def test_kazakh_and_latin_words_are_left_to_their_own_rules():
    assert normalize("QR-код", ru) == "qr код"
    assert normalize("2015 года", ru) == "2015 год"


#: (query, forms the units print, why): twenty queries a lawyer would type.
QUERIES = [
    ("пособие", r"пособи[еяйи]", "the allowance of law 4051, in every case"),
    ("прожиточный минимум", r"прожиточн\w+ минимум\w*", "law 4570's subject, in the genitive and locative"),
    ("выборы", r"выбор(?:ы|ов|ах|ам|а)\b", "constitutional law 4: elections"),
    ("кандидаты", r"кандидат(?:а|ом|ов|ы|у)?\b", "registration of candidates"),
    ("трансферт", r"трансферт\w*", "law 160919: the guaranteed transfer"),
    ("Национальный фонд", r"Национальн\w+ фонд\w*", "the National Fund"),
    ("уголовный кодекс", r"[Уу]головн\w+ кодекс\w*", "law 104446: the Criminal Code"),
    ("трудовой кодекс", r"[Тт]рудов\w+ кодекс\w*", "law 33276: the Labour Code"),
    ("пожарная безопасность", r"пожарн\w+ безопасност\w*", "order 87811: fire safety audit"),
    ("аудит", r"аудит\w*", "order 87811"),
    ("опубликование", r"опубликовани\w+", "commencement clauses"),
    ("депутат", r"депутат\w*", "deputies of the Mazhilis and maslikhats"),
    ("избирательная комиссия", r"избирательн\w+ комисси\w+", "election commissions"),
    ("пенсия", r"пенси[ияюй]\w*", "pensions in law 4051"),
    ("стаж", r"стаж\w*", "length of service"),
    ("потребительская корзина", r"потребительск\w+ корзин\w+", "the consumer basket of law 4570"),
    ("бюджет", r"бюджет\w*", "the budget"),
    ("голосование", r"голосовани\w+", "voting"),
    ("подземные горные", r"подземн\w+ и открыт\w+ горн\w+", "underground and open-pit mining, law 4051"),
    ("бюллетень", r"бюллетен\w+", "ballots"),
]


def russian_units(conn) -> dict[str, str]:
    """Every provision and note of the Russian texts: id -> text (heading too)."""
    rows = conn.execute(
        "select id, coalesce(heading, '') || ' ' || coalesce(text, '') from provisions where language = 'ru' "
        "union all select id, text from notes where language = 'ru'"
    )
    return dict(rows.fetchall())


def gold(units: dict[str, str], forms: str) -> set[str]:
    pattern = re.compile(forms, re.IGNORECASE)
    return {unit for unit, text in units.items() if pattern.search(text)}


def found(conn, query: str) -> set[str]:
    return {row["note_id"] or row["provision_id"] for row in search(conn, query, limit=1000, lang="ru")}


def test_the_query_table_is_twenty_real_queries(conn):
    assert len(QUERIES) == 20
    units = russian_units(conn)
    assert len(units) == 269 + 29  # the Russian provisions and notes of nine acts
    for query, forms, _why in QUERIES:
        assert gold(units, forms), f"no Russian unit prints {forms!r}: the query «{query}» tests nothing"


def test_recall_of_the_twenty_russian_queries(conn):
    units = russian_units(conn)
    hits = total = 0
    misses = []
    for query, forms, _why in QUERIES:
        expected = gold(units, forms)
        got = found(conn, query)
        hits += len(expected & got)
        total += len(expected)
        misses += [(query, unit) for unit in sorted(expected - got)]
    recall = hits / total
    print(f"\nRussian search recall: {hits}/{total} = {recall:.3f}; missed: {misses}")
    assert recall >= 0.9, misses


def test_a_russian_search_finds_russian_units_only(conn):
    results = search(conn, "закон", limit=1000, lang="ru")
    assert results and {row["language"] for row in results} == {"ru"}
    languages = {
        conn.execute("select language from provisions where id = ?", (row["provision_id"],)).fetchone()[0]
        for row in results
        if row["note_id"] is None
    }
    assert languages == {"ru"}


def test_a_kazakh_search_stays_kazakh(conn):
    results = search(conn, "бұйрық", limit=1000, lang="kk")
    assert results and {row["language"] for row in results} == {"kk"}
    assert search(conn, "пособие", limit=10, lang="kk") == []  # a Russian word in the Kazakh texts
