"""The database as a public site: Datasette's settings for it, each table's metadata and
the canned queries (SQL over the public schema, `db.schema`, with the SQL functions the
site registers).

Both the site (`datasette_plugins`) and `zan serve` start Datasette with them, and the site
and the command line never import each other (tests/test_layers.py): so they live here,
below both.
"""

from __future__ import annotations

from parser.languages import KAZAKH, LANGUAGES
from zan.messages import DEFAULT_LANGUAGE, t

from .version_store import BY_ID

#: The word a Kazakh amendment note starts with, as the notes table's description names it.
NOTE_WORD = KAZAKH.NOTE_MARKERS[0].rstrip(".")

#: Datasette settings for a public, read-only site.
SETTINGS = {
    "sql_time_limit_ms": 2000,
    "suggest_facets": "off",
    "default_page_size": 50,
}

TABLE_METADATA = {
    "acts": {
        "label_column": "title",
        "sort_desc": "adopted_on",
        "facets": ["status", "kind", "language"],
        "description": "One row per act in the corpus: its identity, dates, status and the basis of each.",
    },
    "provisions": {
        "label_column": "key",
        "sort": "position",
        "facets": ["kind"],
        "description": "Every structural unit of every act, in document order. raw_text is the source as printed.",
    },
    "notes": {
        "label_column": "target_text",
        "facets": ["target_status"],
        "description": f"Every {NOTE_WORD} note, verbatim, with the unit it names.",
    },
    "amendments": {
        "facets": ["action", "date_status", "parse_status"],
        "description": "One row per amending act named in a note; effective dates are exact, a window or unknown, with their basis.",
    },
    "problems": {
        "facets": ["severity", "kind"],
        "description": "Everything the build could not do, or doubted.",
    },
    "changes_by_amending": {
        "description": (
            "Every change the database records (an amended act's notes and versions, an amending act's instructions), "
            "once per act whose rows record it (act_id), with the act changed (changed_act_id), its unit (key; '' for "
            "the act as a whole) and the amending act (amending: one key per act). Written by the build for the "
            "corpus-wide canned queries."
        ),
    },
    "amending_reach": {
        "sort_desc": "acts",
        "description": "One row per amending act: how many acts (and of them in the corpus) and units it changed, from changes_by_amending.",
    },
    "replacements": {"description": "An act that repealed and replaced another (old -> new), with what says so: basis_rule and basis_data (zan_basis(basis_rule, basis_data, lang) says it)."},
    "repairs": {"facets": ["kind"], "description": "Every change made to the printed text, with its source line."},
    "sources": {"description": "The source files the database was built from."},
    "search_index": {"hidden": True, "description": "Stems for Kazakh full-text search; use /-/search."},
    "search_rows": {"hidden": True, "description": "The unit and act of each search_index row; use /-/search."},
    "search_acts": {"hidden": True, "description": "Each act's stems once, for dated search; use /-/search."},
    "search_act_rows": {"hidden": True, "description": "Each act's rows of search_index and its dates; use /-/search."},
    # the rows of the views that store their long values once, in texts (db.version_store.BY_ID)
    # (a key to such a table points at its stored table, SQLite refusing a view: the
    # stored row is labelled as the public one)
    **{
        how.table: {
            "hidden": True,
            "description": f"The rows of the view {view}, each long value by its id in texts; read {view}.",
        }
        for view, how in BY_ID.items()
    },
    **{
        how.shared.table: {
            "hidden": True,
            "description": f"The distinct values of {', '.join(how.shared.columns)} of the view {view}, each once, named by its rows; read {view}.",
        }
        for view, how in BY_ID.items()
        if how.shared
    },
}
#: The stored tables whose row is one row of their view, found by its ``id`` (Datasette's row
#: page of a stored table shows ids of texts: the site sends the reader to the view's row).
ROW_VIEWS = {how.table: view for view, how in BY_ID.items() if how.pk == ("id",)}

for _view, _how in BY_ID.items():
    if "label_column" in TABLE_METADATA.get(_view, {}):
        TABLE_METADATA[_how.table]["label_column"] = TABLE_METADATA[_view]["label_column"]


#: Canned queries with named parameters for the common questions (Datasette shows a form
#: for each and answers `.json` like any query).
QUERIES = {
    "acts_in_force": {
        "title": "Acts in force on a date (provably, or possibly)",
        "description": "status: in_force when the act's start has provably passed and its end provably not; otherwise uncertain (the same rule as the site's pages, SQL function zan_status_on). :date is YYYY-MM-DD; anything else is refused.",
        "sql": """select id, title, kind, adopted_on, number, status,
  valid_from, valid_from_latest, valid_to, valid_to_latest
from (
  select id, title, kind, adopted_on, number, valid_from, valid_from_latest, valid_to, valid_to_latest,
    zan_status_on(valid_from, valid_from_latest, valid_to, valid_to_latest, valid_to_basis_rule is not null, zan_date(:date)) as status
  from acts
)
where status != 'not_in_force'
order by adopted_on""",
    },
    "provision_history": {
        "title": "History of a provision",
        "description": "Amendments noted on the provision (:provision_id, e.g. V090005853_/doc/p6), in time order.",
        "sql": """select a.action, a.amending_act_kind, a.amending_act_date, a.amending_act_number,
  a.commencement_rule, a.commencement_offset_days, a.commencement_offset_months, a.commencement_fixed_date,
  a.date_status, a.effective_from, a.effective_from_earliest, a.effective_from_latest, a.date_basis_rule, a.date_basis_data, n.text as note
from amendments a join notes n on n.id = a.note_id
where a.provision_id = :provision_id
order by coalesce(a.effective_from, a.effective_from_earliest, a.amending_act_date)""",
    },
    "provision_intervals": {
        "title": "The intervals of a provision's wording, and why",
        "description": "Each interval of :provision_id (e.g. order-2011-01-05-7/doc/p23) with the reason its wording is known or not, said in :lang (kk or ru) by the SQL function zan_basis(rule, data, lang) from the stored basis_rule and basis_data.",
        "sql": """select ordinal, valid_from, valid_from_latest, valid_to, valid_to_latest, text_known,
  zan_basis(basis_rule, basis_data, :lang) as basis, basis_rule, basis_data,
  zan_basis(valid_from_basis_rule, valid_from_basis_data, :lang) as valid_from_basis,
  zan_basis(valid_to_basis_rule, valid_to_basis_data, :lang) as valid_to_basis,
  started_by_amendment_id, ended_by_amendment_id
from provision_versions
where provision_id = :provision_id
order by ordinal""",
    },
    "amendments_by_act": {
        "title": "What an amending act changed",
        "description": "Every unit amended by the act numbered :number (e.g. 954; a Roman numeral in Latin letters or with a Cyrillic I, as the notes print it, finds both), with the act and unit it changed.",
        "sql": """select a.amending_act_date, a.amending_act_number, a.action, a.act_id, acts.title, a.provision_id,
  a.date_status, a.effective_from, a.effective_from_earliest, a.effective_from_latest
from amendments a join acts on acts.id = a.act_id
where zan_normal_number(a.amending_act_number) = zan_normal_number(:number)
order by a.amending_act_date, a.act_id, a.provision_id""",
    },
}


#: A unit's key from its id (``{act}/{key}``, or ``{act}/{lang}/{key}`` for a text that is
#: not the act's primary one), so that a change both languages record is one unit, and
#: without reading `provisions` for each change.
def _unit_key(provision_id: str, act_id: str) -> str:
    rest = f"substr({provision_id}, length({act_id}) + 2)"
    prefixes = ", ".join(f"'{code}/'" for code in LANGUAGES)
    return f"case when substr({rest}, 1, 3) in ({prefixes}) then substr({rest}, 4) else {rest} end"


def changes_cte(notes: str = "", versions: str = "", instructions: str = "") -> str:
    """Common table expressions ending in `c`: every change the database records, a row
    per source, with the act changed (`act_id`), the unit (`unit`, its key; "" for the act
    as a whole) and the amending act: `amending`, one key per amending act (its kind, date
    and number as compared, `zan_normal_number`; an act of the corpus that prints no
    requisites by its id; a version whose cause the bank does not give, by the version's
    id), `kind`, `date`, `number` as printed, and `amending_id`, its id when the corpus
    holds it. From each source of the fact (as `db.queries.act_amendments` reads them):
    the notes of the amended acts (`amendments`; `pending_*` too: the amending act made
    the change, its day is to come), the real versions (the bank's `caused_by`, each unit
    the version changed) and the instructions of the amending acts in the corpus (an act
    they amend that the corpus does not hold is named by its id in `cited_acts`).
    `took_effect` is the day the change took effect, or the first day it can have (a
    window's start), else the amending act's date; `source` the act whose rows record it
    (the amended act's notes and versions, the amending act's instructions). A change two sources (or two
    languages) record has a row each: count it with ``count(distinct …)``.

    `notes`, `versions` and `instructions` are further conditions on each source (``and
    …``, over `a`, `v` and `i`/`m`), so that a question about one act or one year reads
    only its rows, by their indexes. Each printed number is compared once
    (`zan_normal_number` is Python: once per distinct number, not per change)."""
    return f"""raw as (
select a.act_id, coalesce({_unit_key("a.provision_id", "a.act_id")}, '') as unit,
  a.amending_act_kind as kind, a.amending_act_date as date, a.amending_act_number as number, null as amending_id,
  null as unnamed, coalesce(a.effective_from, a.effective_from_earliest, a.amending_act_date) as took_effect, a.act_id as source
from amendments a
where a.amending_act_kind is not null and a.amending_act_date is not null {notes}
union all
select v.act_id, coalesce({_unit_key("c.provision_id", "v.act_id")}, c.to_key, c.from_key, ''),
  v.caused_by_kind, v.caused_by_date, v.caused_by_number, null, v.id, coalesce(v.effective_from, v.effective_from_earliest, v.caused_by_date, v.version_date),
  v.act_id
from versions v
left join version_changes c on c.to_version_id = v.id and c.change in ('added', 'removed', 'reworded')
where v.rebuilt = 0 {versions}
union all
select coalesce(i.target_act_id, i.target_cited_act_id), coalesce(i.target_key, ''), m.kind, m.adopted_on, m.number, m.id,
  null, coalesce(i.effective_from, i.effective_from_earliest, m.adopted_on), i.act_id
from instructions i join acts m on m.id = i.act_id
where coalesce(i.target_act_id, i.target_cited_act_id) is not null {instructions}
),
numbers as materialized (select number, zan_normal_number(number) as normal from (select distinct number from raw where number is not null)),
c as (
select raw.act_id, raw.unit, raw.kind, raw.date, raw.number, raw.took_effect,
  case when raw.kind is not null and raw.date is not null then raw.kind || ' ' || raw.date || ' ' || coalesce(n.normal, '')
       else coalesce(raw.amending_id, raw.unnamed) end as amending,
  raw.amending_id, raw.source
from raw left join numbers n on n.number = raw.number
)"""


#: The first and the last day of :year, for an index's range.
YEAR_START, YEAR_END = "printf('%04d-01-01', cast(:year as integer))", "printf('%04d-12-31', cast(:year as integer))"
IN_YEAR = f"between {YEAR_START} and {YEAR_END}"

#: The corpus's id of an amending act of `amending_reach` (NULL when not held): the one its
#: instructions name, else the act with its requisites.
AMENDING_ACT_IN_CORPUS = """coalesce(r.amending_id, (select m.id from acts m where m.kind = r.kind and m.adopted_on = r.date
  and m.kind || ' ' || m.adopted_on || ' ' || coalesce(zan_normal_number(m.number), '') = r.amending limit 1))"""
#: The amending acts of a group of `c`'s rows, as printed.
AMENDED_BY = """group_concat(distinct coalesce(c.kind || ' ' || c.date || coalesce(' No ' || c.number, ''), c.amending))"""

CORPUS_QUERIES = {
    "acts_amended_most": {
        "title": "Acts amended most in a year",
        "description": (
            "The acts changed by the most amending acts dated in :year (e.g. 2015: the amending act's date, its "
            "adoption as the notes and the bank name it), with the number of their units changed, from every source "
            "of the fact: the notes of the amended act, the versions the bank holds and the instructions of amending "
            "acts in the corpus (a change two sources record counts once). Read from changes_by_amending, which the "
            "build writes once from those sources."
        ),
        "sql": f"""select c.changed_act_id as act_id, acts.title, acts.kind, acts.adopted_on, acts.number,
  count(distinct c.amending) as amending_acts, count(distinct nullif(c.unit, '')) as units_changed,
  {AMENDED_BY} as amended_by
from (select * from changes_by_amending where date {IN_YEAR} order by changed_act_id, date, amending) c
join acts on acts.id = c.changed_act_id
group by c.changed_act_id
order by amending_acts desc, units_changed desc, acts.adopted_on, c.changed_act_id
limit 100""",
    },
    "amending_acts_widest": {
        "title": "Amending acts that touched the most acts",
        "description": (
            "Each amending act with the number of acts it changed (acts: all of them; acts_in_corpus: those the "
            "corpus holds, the others named by their id in cited_acts) and of their units, from the notes of the "
            "amended acts, the versions the bank holds and its own instructions (a change two sources record counts "
            "once); in_corpus is its id when the corpus holds it (its page: /-/acts/{id}; /-/amendments/{id}.json "
            "lists every change). Read from amending_reach, which the build writes once from those sources."
        ),
        "sql": f"""select r.kind, r.date, r.number, {AMENDING_ACT_IN_CORPUS} as in_corpus,
  r.acts, r.acts_in_corpus, r.units, r.acts_changed
from amending_reach r
order by r.acts desc, r.units desc, r.date desc, r.amending
limit 100""",
    },
    "units_changed_most": {
        "title": "Units of an act changed most since a date",
        "description": (
            "The units (articles, paragraphs, …) of the act :act (e.g. order-2001-12-11-146) changed by the most "
            "amending acts whose change took effect on or after :date (YYYY-MM-DD; a window counts from its first "
            "possible day), from the notes, the versions the bank holds (one whose cause the bank does not give counts "
            "as a change of its own) and the instructions of amending acts in the corpus; each named as a lawyer "
            "names it, in Kazakh and in Russian."
        ),
        "sql": f"""with {changes_cte(notes="and a.act_id = :act", versions="and v.act_id = :act",
                           instructions="and (i.target_act_id = :act or i.target_cited_act_id = :act)")}
select c.unit as key, zan_unit_name(c.unit, 'kk') as unit_kk, zan_unit_name(c.unit, 'ru') as unit_ru,
  count(distinct c.amending) as changes, min(c.took_effect) as first_change, max(c.took_effect) as last_change,
  {AMENDED_BY} as changed_by
from c left join provisions p on p.id = :act || '/' || c.unit
where c.unit != '' and c.took_effect >= zan_date(:date)
group by c.unit
order by changes desc, p.position, c.unit
limit 200""",
    },
    "pending_on_date": {
        "title": "Acts pending on a date",
        "description_html": (
            "What is announced but not in force on a date is decided once, in Python, by "
            "<code>db.changes.pending</code> (<code>parser.timeline.existence_on</code> on each act, unit, split "
            "commencement and pending note): SQL cannot say it without deciding it a second time. So this query "
            "only gives the link to that answer for :date (YYYY-MM-DD, e.g. 2015-12-01): the page "
            '<a href="/-/pending">/-/pending?date=</a>, its JSON <code>/-/pending.json?date=</code>, and '
            "<code>zan pending --date</code>."
        ),
        "sql": """select '/-/pending?date=' || zan_date(:date) as pending_url,
  '/-/pending.json?date=' || zan_date(:date) as pending_json_url""",
    },
}
#: The corpus-wide questions are canned queries like the others (the site and its tests read QUERIES).
QUERIES.update(CORPUS_QUERIES)


def metadata(database: str) -> dict:
    """Site metadata for a database named `database` (the file name without `.db`)."""
    return {
        "title": t("site_title", DEFAULT_LANGUAGE),
        "description": f"{t('site_acts', DEFAULT_LANGUAGE)}: the acts, every amendment, any date.",
        "databases": {database: {"tables": TABLE_METADATA, "queries": QUERIES}},
    }


def datasette_options(database: str) -> dict:
    """Keyword arguments for `datasette.app.Datasette`, shared by `zan serve` and the tests."""
    return {
        "metadata": metadata(database),
        "settings": dict(SETTINGS),
    }
