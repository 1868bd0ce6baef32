"""Full-text search over provisions and notes, in Kazakh and Russian.

SQLite's FTS5 splits and case-folds Kazakh text well, but it has no Kazakh stemmer, and
Kazakh is agglutinative: `бұйрық` (order) is printed as `бұйрығымен`, `бұйрыққа`,
`бұйрықтарымен`. So words are reduced to stems in Python, both when the index is built
and when a query is read, and FTS5 matches stems (with a prefix match on top):

    normalize("Бұйрығымен")  == "бұйрық"
    normalize("тармағының")  == "тармақ"
    normalize("ҚАЗАҚСТАН")   == "қазақстан"

The index is one FTS5 table, ``search_index``: a row per provision (heading and text)
and per note, with the stems in ``stems`` and the row's ids beside them. `search`
returns the original text around the words found, never the stems.

Each language folds and stems with its own object (`parser.languages`:
`fold_search_word`, `stem`, `search_alternative`): Kazakh with a light suffix stripper
(``parser/languages/kk/stemmer.py``), Russian with the Snowball Russian stemmer. A unit is stemmed in its text's language, a
query in the language asked for (`lang`), and each row of the index carries its
language, so a search finds the units of one language.

A search that finds nothing may have asked in everyday words the law says otherwise
(`зарплата` for `заработная плата`): `search_in_law_wording` replaces them from the
language's `EVERYDAY` (`law_wording`) and says what it searched instead, when that finds
something; `search` itself always searches the words asked.
"""

from __future__ import annotations

import itertools
import json
import operator
import re
import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import sqlite_utils

from parser.dates import check_date
from parser.languages import Language, document_language, get_language
from parser.model import LAYOUT_ROLES, ParsedDocument


#: The FTS5 table of stems.
TABLE = "search_index"
ROWS_TABLE = "search_rows"  # per FTS rowid: the unit, its act and the act's dates
ACTS_TABLE = "search_acts"  # per act: every stem of its units, without positions (FTS5)
ACT_ROWS_TABLE = "search_act_rows"  # per act: its rows of search_index and its dates

#: A word: letters and digits. Hyphens, dots, `№` and the like separate words, as they
#: do for FTS5's unicode61 tokenizer (`1-тармаққа` -> `1`, `тармаққа`).
WORD = re.compile(r"[^\W_]+")


#: At most this many words of a query are searched for; the rest are ignored.
MAX_QUERY_WORDS = 16

#: The snippet shows about this many characters before and after the first word found.
SNIPPET_BEFORE, SNIPPET_AFTER = 60, 140


# --- Normalising ---------------------------------------------------------------------


def stem(word: str, lang: Language) -> str:
    """The stem of one folded (lower-case) word in language `lang`."""
    return lang.stem(word)


def normalize(text: str, lang: Language) -> str:
    """`text` as the index and queries see it: each word folded (`lang.fold_search_word`:
    SQLite's lower() is ASCII-only, so this is done in Python) and stemmed in `lang`, joined by
    single spaces. ``normalize("Бұйрығымен бекітілген") == "бұйрық бекіт"``."""
    return " ".join(_stem_of(word, lang) for word in WORD.findall(text or ""))


@lru_cache(maxsize=1 << 16)
def _stem_of(printed: str, lang: Language) -> str:
    """The stem of a word as printed (cached: legal texts repeat their words)."""
    return lang.stem(lang.fold_search_word(printed))


# --- Building the index ------------------------------------------------------------------

#: Rows of the index, in the order a build stores them: act by act in the order the acts
#: were stored (`acts.rowid`), each act's provisions in document order, then its notes.
ACTS_IN_STORED_ORDER_SQL = "select id from acts order by rowid"
PROVISION_ROWS_SQL = """
select id, kind, heading, text, language, role from provisions where act_id = ?
order by language is not (select language from act_texts t where t.id = ?), language, position, id
"""
NOTE_ROWS_SQL = """
select id, provision_id, text, language from notes where act_id = ?
order by language is not (select language from act_texts t where t.id = ?), language, ordinal, id
"""


def build_search_index(db: sqlite_utils.Database) -> None:
    """(Re)create the FTS5 table `search_index` from the `provisions` and `notes` of a
    database. A build does not call this: it indexes each act as it stores it
    (`create_search_index`, `index_act`, `finish_search_index`)."""
    with db.atomic():
        create_search_index(db.conn)
        for act_id, rows in _index_rows(db.conn):
            index_act(db.conn, act_id, rows)
        finish_search_index(db.conn)


#: The stems are folded already: the tokenizer only splits them at spaces.
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'"


def create_search_index(conn: sqlite3.Connection) -> None:
    """An empty `search_index` and act-level index (`search_acts`, `search_act_rows`),
    replacing any there were."""
    conn.execute(f"drop table if exists {TABLE}")
    conn.execute(
        f"""create virtual table {TABLE} using fts5(
            stems, provision_id unindexed, note_id unindexed, act_id unindexed, kind unindexed, language unindexed, {TOKENIZE}
        )"""
    )
    _create_act_index(conn)


def _create_act_index(conn: sqlite3.Connection) -> None:
    """Empty `search_acts` and `search_act_rows`, replacing any there were."""
    for table in (ACTS_TABLE, ACT_ROWS_TABLE, "search_spans"):  # search_spans: what older databases had instead
        conn.execute(f"drop table if exists {table}")
    # Which acts hold a word, not where: no positions and no copy of the text (an act's
    # row is found again by its rowid, the rowid of its first row in search_index).
    conn.execute(f"create virtual table {ACTS_TABLE} using fts5(stems, content = '', detail = 'none', {TOKENIZE})")
    conn.execute(
        f"""create table {ACT_ROWS_TABLE} (first_rowid integer primary key, last_rowid integer not null,
            act_id text not null, valid_from text, valid_to_latest text, language text)"""
    )


def unit_stems(heading: str | None, text: str | None, lang: Language) -> str:
    """What the index holds of a unit: the stems of its heading and text."""
    return normalize(" ".join(part for part in (heading, text) if part), lang)


def _stems_unless_layout(role: str | None, heading: str | None, text: str | None, lang: Language) -> str:
    """`unit_stems`, or none for a unit of the source's layout (`LAYOUT_ROLES`: a part
    file's link, the index of parts): no search finds it, as no page prints it."""
    return "" if role in LAYOUT_ROLES else unit_stems(heading, text, lang)


def document_stems(document: ParsedDocument) -> list[str]:
    """`unit_stems` of each provision of `document`, then of each note, in order (the
    order `db.load.Store` indexes them in), in the document's language. Pure: the
    build's workers make them."""
    if document.act is None:  # a file that could not be read: no units
        return []
    lang = document_language(document)
    provisions = [_stems_unless_layout(p.role, p.heading, p.text, lang) for p in document.provisions]
    return provisions + [unit_stems(None, n.text, lang) for n in document.notes]


def act_words(stems: Iterable[str]) -> str:
    """Each stem of an act's units once, in order of first use: its row of `search_acts`.
    Pure: the build's workers make it."""
    return " ".join(dict.fromkeys(" ".join(stems).split()))


def index_act(
    conn: sqlite3.Connection,
    act_id: str,
    rows: Iterable[tuple[str, str | None, str | None, str, str, str | None]],
    words: str | None = None,
) -> None:
    """Add one text of an act to the index: its ``(stems, provision_id, note_id,
    act_id, kind, language)`` rows, as consecutive rows of `search_index` (rows without
    stems, a unit of no words, are left out), and one row of `search_acts` holding
    `act_words` of their stems (made here unless given), with its rows' range in
    `search_act_rows`. Each text of an act (one per language) is indexed once."""
    rows = [row for row in rows if row[0]]
    if not rows:
        return
    conn.executemany(
        f"insert into {TABLE} (stems, provision_id, note_id, act_id, kind, language) values (?, ?, ?, ?, ?, ?)", rows
    )
    last = conn.execute("select last_insert_rowid()").fetchone()[0]
    if words is None:
        words = act_words(row[0] for row in rows)
    _index_act_words(conn, act_id, last - len(rows) + 1, last, words, rows[0][5])


def _index_act_words(conn: sqlite3.Connection, act_id: str, first: int, last: int, words: str, language: str | None) -> None:
    """The act-level rows of an act's text whose units are rows `first` to `last` of the index."""
    conn.execute(f"insert into {ACTS_TABLE} (rowid, stems) values (?, ?)", (first, words))
    conn.execute(
        f"insert into {ACT_ROWS_TABLE} (first_rowid, last_rowid, act_id, language) values (?, ?, ?, ?)",
        (first, last, act_id, language),
    )


def add_act_index(conn: sqlite3.Connection) -> None:
    """Give a database built before the act-level index its `search_acts` and
    `search_act_rows`, from the stems its `search_index` holds (nothing is stemmed
    again): the same rows a build writes. Reads the index once, one act at a time."""
    _create_act_index(conn)
    rows = conn.execute(f"select rowid, act_id, stems, language from {TABLE} order by rowid")
    for (act_id, language), units in itertools.groupby(rows, key=operator.itemgetter(1, 3)):
        units = list(units)
        _index_act_words(conn, act_id, units[0][0], units[-1][0], act_words(row[2] for row in units), language)
    conn.execute(f"insert into {ACTS_TABLE} ({ACTS_TABLE}) values ('optimize')")
    _date_act_rows(conn)


def finish_search_index(conn: sqlite3.Connection) -> None:
    """Once every unit is in: merge each index into one segment (so an unchanged corpus
    rebuilds to a byte-identical file), write `search_rows` and give `search_act_rows`
    the acts' dates (final only now: versions are grouped after the acts are stored)."""
    for table in (TABLE, ACTS_TABLE):
        conn.execute(f"insert into {table} ({table}) values ('optimize')")
    # What the date filter and the results need, beside the stems: reading them from
    # the FTS content row (which also holds the stems) was most of a search's time.
    conn.execute(f"drop table if exists {ROWS_TABLE}")
    conn.execute(
        f"""create table {ROWS_TABLE} (rowid integer primary key, act_id text, provision_id text,
            note_id text, kind text, valid_from text, valid_to_latest text, language text)"""
    )
    conn.execute(
        f"""insert into {ROWS_TABLE} select s.rowid, s.act_id, s.provision_id, s.note_id, s.kind,
            a.valid_from, a.valid_to_latest, s.language from {TABLE} s join acts a on a.id = s.act_id order by s.rowid"""
    )
    _date_act_rows(conn)


def _date_act_rows(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"""update {ACT_ROWS_TABLE} set valid_from = a.valid_from, valid_to_latest = a.valid_to_latest
            from acts a where a.id = {ACT_ROWS_TABLE}.act_id"""
    )


def _index_rows(conn: sqlite3.Connection) -> Iterator[tuple[str, list[tuple]]]:
    """Each act's text's id and rows for `index_act`, one text at a time: a row per
    provision (heading and text) and per note, in the text's language. Memory stays
    flat however large the corpus."""
    for (act_id,) in conn.execute(ACTS_IN_STORED_ORDER_SQL).fetchall():
        rows = [
            (_stems_unless_layout(role, heading, text, get_language(language)), provision_id, None, act_id, kind, language)
            for provision_id, kind, heading, text, language, role in conn.execute(PROVISION_ROWS_SQL, (act_id, act_id))
        ]
        rows += [
            (unit_stems(None, text, get_language(language)), provision_id, note_id, act_id, "note", language)
            for note_id, provision_id, text, language in conn.execute(NOTE_ROWS_SQL, (act_id, act_id))
        ]
        for _, text_rows in itertools.groupby(sorted(rows, key=lambda row: row[5] != rows[0][5]), key=operator.itemgetter(5)):
            yield act_id, list(text_rows)


# --- Searching -------------------------------------------------------------------------------


def query_terms(query: str, lang: Language) -> list[str]:
    """The distinct stems of a query in language `lang`, in order, at most
    `MAX_QUERY_WORDS` of them."""
    return list(dict.fromkeys(normalize(query, lang).split()))[:MAX_QUERY_WORDS]


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: str, lang: Language, prefix: bool = True) -> str:
    """A safe FTS5 MATCH expression for a user's query, or "" if it has no words.

    Every stem becomes a quoted prefix term (``"бұйрық"*``; with `prefix` False the
    exact stem, ``"бұйрық"``) and the terms are joined with AND, so quotes, stars,
    brackets, minus signs or words like NEAR and OR in the input are only ever searched
    as text, never read as FTS5 syntax.
    """
    star = "*" if prefix else ""
    parts = []
    for term in query_terms(query, lang):
        alternative = lang.search_alternative(term)
        if alternative:
            parts.append(f"({_quote(term)}{star} OR {_quote(alternative)})")
        else:
            parts.append(f"{_quote(term)}{star}")
    return " AND ".join(parts)


def _matches(word_stem: str, terms: list[str], lang: Language) -> bool:
    """Whether a word's stem is found by the terms, as FTS5 finds it (see match_expression)."""
    return any(word_stem.startswith(term) or word_stem == lang.search_alternative(term) for term in terms)


#: A unit of the index as a result: `source` names the rows as `r`.
UNIT_SQL = """
select r.provision_id, r.note_id, r.act_id,
       coalesce((select t.title from act_texts t where t.act_id = r.act_id and t.language = r.language and t.title is not null), a.title) as act_title, r.kind,
       p.label, p.key, p.heading, p.text as provision_text, n.text as note_text,
       {rank} as rank
from {source}
join acts a on a.id = r.act_id
left join provisions p on p.id = r.provision_id
left join notes n on n.id = r.note_id
"""
SEARCH_SQL = UNIT_SQL + """
where {table} match :match and r.language = :language
{date_filter}
order by {order}
limit :limit offset :offset
"""
#: The units of a list of rowids (JSON), in corpus order, as broad matches come.
UNITS_BY_ROWID_SQL = UNIT_SQL.format(rank="null", source=f"{ROWS_TABLE} r") + """
where r.rowid in (select value from json_each(:rowids)) and r.language = :language
order by r.rowid
"""

#: Ranking by bm25 scores every match before the first is returned; past this many
#: matches (a word in most acts, on a large corpus) results come in corpus order instead.
MAX_RANKED = 2000
COUNT_SQL = "select count(*) from (select rowid from {table} where {table} match :match limit :cap)"

#: Keeps units of acts not provably out of force on :date: drops an act whose earliest
#: start is after the date, or whose latest possible end is on or before it — the SQL
#: form of `parser.timeline.existence_on`'s "not in force", for speed (a test checks the
#: two agree on every act and boundary day). `{t}` is
#: the table holding the act's dates (`search_rows` or `search_act_rows`).
NOT_OUT_OF_FORCE = """
  ({t}.valid_from is null or {t}.valid_from <= :date)
  and ({t}.valid_to_latest is null or {t}.valid_to_latest > :date)
"""
DATE_FILTER = "and " + NOT_OUT_OF_FORCE.format(t="r")

#: The acts holding every word of :match (each somewhere in its units) that are not out
#: of force on :date, in corpus order, as the ranges of their rows in search_index. The
#: cross join keeps SQLite from reading search_act_rows first.
ACTS_MATCHING_SQL = f"""
select r.first_rowid, r.last_rowid from {ACTS_TABLE} f cross join {ACT_ROWS_TABLE} r on r.first_rowid = f.rowid
where f.{ACTS_TABLE} match :match and r.language = :language and {NOT_OUT_OF_FORCE.format(t="r")}
order by f.rowid
"""
#: The units matching :match among one act's rows.
UNITS_OF_ACT_SQL = f"""
select rowid from {TABLE} where {TABLE} match :match and rowid between :first and :last
order by rowid limit :limit
"""


def search(
    conn: sqlite3.Connection, query: str, date: str | None = None, limit: int = 50, *, lang: str, offset: int = 0
) -> list[dict[str, Any]]:
    """Provisions and notes in language `lang` (a code: ``kk``, ``ru``) that contain
    every word of `query` (in any inflected form), best first.

    Each result is ``{provision_id, note_id, act_id, act_title, kind, label, key,
    snippet, highlights, rank}``: a note has ``kind`` "note", its own ``note_id`` and
    the unit it names in ``provision_id`` (NULL for a note on the act itself);
    ``snippet`` is the original text around the first word found, and ``highlights``
    the ``[start, end)`` offsets of the words found in the snippet; ``rank`` is FTS5's
    bm25 (lower is better; NULL when more than MAX_RANKED units match and results come in
    corpus order, since ranking them all would be slow). With `date` (YYYY-MM-DD; None or "" for none), units of
    acts provably not in force on that date are left out; acts whose status is
    uncertain on it are kept. `offset` skips that many results first (a page after the
    first); `count_matches` says how many there are in all. The caller's connection is
    not changed.
    """
    if date:
        check_date(date)
    limit, offset = int(limit), max(0, int(offset))
    language = get_language(lang)
    match, broad = _chosen_match(conn, query, language)
    if not match or limit <= 0:
        return []
    terms = query_terms(query, language)
    cursor = conn.cursor()
    cursor.row_factory = sqlite3.Row
    if broad and date and _has_act_index(conn):
        rowids = _rowids_not_out_of_force(conn, match, date, limit + offset, language.CODE)[offset:]
        rows = cursor.execute(UNITS_BY_ROWID_SQL, {"rowids": json.dumps(rowids), "language": language.CODE})
    else:
        # bm25 reads every matching unit's statistics: for a broad match it is not asked for
        order, rank = ("s.rowid", "null") if broad else ("s.rank, s.rowid", "s.rank")
        source = f"{TABLE} s join {ROWS_TABLE} r on r.rowid = s.rowid"
        sql = SEARCH_SQL.format(table=TABLE, source=source, date_filter=DATE_FILTER if date else "", order=order, rank=rank)
        rows = cursor.execute(sql, {"match": match, "date": date or None, "limit": limit, "offset": offset, "language": language.CODE})
    return [_result(row, terms, language) for row in rows]


def _chosen_match(conn: sqlite3.Connection, query: str, language: Language) -> tuple[str, bool]:
    """The FTS5 expression `search` runs for `query` ("" for none), and whether it is
    broad (more than MAX_RANKED units: results in corpus order, unranked).

    A prefix term makes FTS5 merge the lists of every stem it starts, before the first
    result: on a large corpus a common word costs hundreds of milliseconds
    (docs/benchmarks.md). When the exact stems alone match more than MAX_RANKED units,
    the results are those, in corpus order, read as lazily as one word's list."""
    match = match_expression(query, language)
    if not match:
        return "", False
    exact = match_expression(query, language, prefix=False)
    if _count_over(conn, exact, MAX_RANKED):
        return exact, True
    return match, _count_over(conn, match, MAX_RANKED)


#: How many units `search` finds in all (up to :cap), with the date filter or without.
COUNT_MATCHES_SQL = """
select count(*) from (
  select 1 from {table} s join {rows} r on r.rowid = s.rowid
  where s.{table} match :match and r.language = :language {date_filter}
  limit :cap
)
"""


def count_matches(conn: sqlite3.Connection, query: str, date: str | None = None, *, lang: str, cap: int = 100_000) -> int:
    """How many results `search` has for `query` on `date` in `lang` in all: every page
    of them. Counting stops at `cap` (a caller says "more than" when the count reaches it)."""
    if date:
        check_date(date)
    language = get_language(lang)
    match, _broad = _chosen_match(conn, query, language)
    if not match:
        return 0
    sql = COUNT_MATCHES_SQL.format(table=TABLE, rows=ROWS_TABLE, date_filter=DATE_FILTER if date else "")
    return conn.execute(sql, {"match": match, "date": date or None, "cap": cap, "language": language.CODE}).fetchone()[0]


# --- Everyday words ----------------------------------------------------------------------


@lru_cache(maxsize=None)
def _everyday_stems(lang: Language) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """Each everyday word of `lang` (`lang.EVERYDAY`) as its stems, with the word and the
    law's wording, the longest first (so a phrase wins over a word inside it)."""
    entries = [(tuple(normalize(everyday, lang).split()), everyday, law) for everyday, law in lang.EVERYDAY.items()]
    return tuple(sorted((entry for entry in entries if entry[0]), key=lambda entry: -len(entry[0])))


def law_wording(query: str, lang: Language) -> tuple[str, list[dict[str, str]]] | None:
    """`query` in the law's wording: each everyday word of `lang` it holds (`lang.EVERYDAY`,
    matched as whole stems in order, in any case form) replaced by the wording the acts
    print, and what was replaced (``[{"asked": "зарплаты", "everyday": "зарплата", "law":
    "заработная плата"}]``, ``asked`` as the query printed it); None when it holds none.
    Pure: `search_in_law_wording` asks it when a search finds nothing."""
    words = WORD.findall(query or "")
    stems = [_stem_of(word, lang) for word in words]
    pieces: list[str] = []
    substitutions: list[dict[str, str]] = []
    position = 0
    while position < len(words):
        for key, everyday, law in _everyday_stems(lang):
            if tuple(stems[position : position + len(key)]) == key:
                asked = " ".join(words[position : position + len(key)])
                pieces.append(law)
                substitutions.append({"asked": asked, "everyday": everyday, "law": law})
                position += len(key)
                break
        else:
            pieces.append(words[position])
            position += 1
    if not substitutions:
        return None
    return " ".join(pieces), substitutions


def search_in_law_wording(
    conn: sqlite3.Connection, query: str, date: str | None = None, *, lang: str
) -> dict[str, Any] | None:
    """When `query` finds nothing on `date` in `lang` and holds everyday words the law
    says otherwise (`law_wording`), the search to run instead: ``{"q": the query in the
    law's wording, "count": how many units it finds, "substitutions": [{"asked",
    "everyday", "law"}]}``. None when the query finds something, holds no everyday word,
    or its law wording finds nothing either."""
    language = get_language(lang)
    if count_matches(conn, query, date, lang=lang, cap=1):
        return None
    reworded = law_wording(query, language)
    if reworded is None:
        return None
    law_query, substitutions = reworded
    count = count_matches(conn, law_query, date, lang=lang)
    if not count:
        return None
    return {"q": law_query, "count": count, "substitutions": substitutions}


def _result(row: sqlite3.Row, terms: list[str], lang: Language) -> dict[str, Any]:
    """A result of `search` from a row of `UNIT_SQL`."""
    sources = [row["note_text"]] if row["note_id"] is not None else [row["provision_text"], row["heading"]]
    snippet, highlights = make_snippet(sources, terms, lang)
    return {
        "provision_id": row["provision_id"],
        "note_id": row["note_id"],
        "act_id": row["act_id"],
        "act_title": row["act_title"],
        "kind": row["kind"],
        "label": row["label"],
        "key": row["key"],
        "snippet": snippet,
        "highlights": highlights,
        "rank": row["rank"],
        "language": lang.CODE,
    }


def _count_over(conn: sqlite3.Connection, match: str, cap: int) -> bool:
    """Whether more than `cap` units match (counting stops there)."""
    return conn.execute(COUNT_SQL.format(table=TABLE), {"match": match, "cap": cap + 1}).fetchone()[0] > cap


def _has_act_index(conn: sqlite3.Connection) -> bool:
    """Whether the database has `search_act_rows` (databases built before it lack it, and
    are searched by reading each match's dates)."""
    return conn.execute("select 1 from sqlite_master where type = 'table' and name = ?", (ACT_ROWS_TABLE,)).fetchone() is not None


def _rowids_not_out_of_force(conn: sqlite3.Connection, match: str, date: str, limit: int, language: str) -> list[int]:
    """The rowids of the first `limit` units matching `match`, in corpus order, whose act
    is not provably out of force on `date`: the rows `DATE_FILTER` keeps, in the same
    order, found without reading the dates of each match.

    A common word on a date when most acts holding it were not in force means tens of
    thousands of matches to pass over, more the larger the corpus. So the acts come
    first: the act-level index (`search_acts`, one row per act) gives the acts holding
    the words, a few thousand where the matches are a hundred thousand, and only those
    not out of force on the date are searched, unit by unit, within their own rows.
    """
    found: list[int] = []
    acts = conn.execute(ACTS_MATCHING_SQL, {"match": match, "date": date, "language": language})
    try:
        for first, last in acts:
            units = {"match": match, "first": first, "last": last, "limit": limit - len(found)}
            found += [row[0] for row in conn.execute(UNITS_OF_ACT_SQL, units)]
            if len(found) >= limit:
                break
    finally:
        acts.close()
    return found


def make_snippet(sources: list[str | None], terms: list[str], lang: Language) -> tuple[str, list[list[int]]]:
    """The part of the first source text that contains a word found, and the offsets of
    the words found in it, found as FTS5 finds them (`_matches`)."""
    texts = [text for text in sources if text]
    if not texts:
        return "", []
    for text in texts:
        spans = [
            (m.start(), m.end())
            for m in WORD.finditer(text)
            if _matches(_stem_of(m.group(), lang), terms, lang)
        ]
        if spans:
            break
    else:
        text, spans = texts[0], []
    first = spans[0][0] if spans else 0
    start = _word_boundary(text, max(0, first - SNIPPET_BEFORE), backwards=True)
    end = _word_boundary(text, min(len(text), first + SNIPPET_AFTER), backwards=False)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    body = " ".join(text[start:end].split("\n"))
    shift = len(prefix) - start
    highlights = [[s + shift, e + shift] for s, e in spans if s >= start and e <= end]
    return prefix + body + suffix, highlights


def _word_boundary(text: str, index: int, backwards: bool) -> int:
    """`index` moved out of the word it falls in (to its start or end)."""
    if backwards:
        while 0 < index < len(text) and not text[index - 1].isspace():
            index -= 1
    else:
        while 0 < index < len(text) and not text[index].isspace():
            index += 1
    return index
