"""The database as a public site: Datasette's settings for it, each table's metadata and
the canned queries (SQL over the public schema, `db.schema`, with the SQL functions the
site registers).

Both the site (`datasette_plugins`) and `zan serve` start Datasette with them, and the site
and the command line never import each other (tests/test_layers.py): so they live here,
below both.
"""

from __future__ import annotations

from parser.languages import KAZAKH
from zan.messages import DEFAULT_LANGUAGE, t

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
    "repairs": {"facets": ["kind"], "description": "Every change made to the printed text, with its source line."},
    "sources": {"description": "The source files the database was built from."},
    "search_index": {"hidden": True, "description": "Stems for Kazakh full-text search; use /-/search."},
    "search_rows": {"hidden": True, "description": "The unit and act of each search_index row; use /-/search."},
    "search_acts": {"hidden": True, "description": "Each act's stems once, for dated search; use /-/search."},
    "search_act_rows": {"hidden": True, "description": "Each act's rows of search_index and its dates; use /-/search."},
    # the rows of the views that store their long values once, in texts (db.version_store.BY_ID)
    **{
        stored: {"hidden": True, "description": f"The rows of the view {view}, each long value by its id in texts; read {view}."}
        for view, stored in (
            ("provision_versions", "provision_version_rows"),
            ("versions", "version_rows"),
            ("problems", "problem_rows"),
            ("version_changes", "version_change_rows"),
        )
    },
}


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
