"""Links between acts: every citation, amendment and instruction resolved to one row.

A cited act is resolved to an act of the corpus by registration number, or by kind +
adoption date + number; otherwise it gets a `cited_acts` row of its own with status
``not_in_corpus``, so two acts citing the same absent act are linked through it. A short
back-reference (``№ 796 бұйрыққа`` after ``… 2009 жылғы 26 қарашадағы № 796 бұйрығына
(бұдан әрі – № 796 бұйрық)``) takes the date of the full reference in the same act.

Run once, after every document is stored. It works in SQL statements over whole tables
(with `cited_act_id` as an SQL function), so memory stays flat in the corpus size, and
it is deterministic, so rebuilds are byte-identical.
"""

from __future__ import annotations

import sqlite_utils

from parser.references import normal_number, number_in_id, slug

from .replacements import link_replacements, unlink_replacements


def cited_act_id(kind: str | None, date: str | None, number: str | None, title: str | None = None) -> str:
    """A readable key: ``order-2010-11-23-907``; unknown parts as ``x``. A law cited by its
    title alone is keyed by the title: ``law-азаматтық-қорғау-туралы``."""
    if date is None and number is None and title:
        return f"{kind or 'act'}-{slug(title.lower())[:80]}"
    return f"{kind or 'act'}-{date or 'x'}-{number_in_id(number or 'x')}"  # 165-VІ = 165-VI, as `stable_id` spells it


#: The date of the full reference an act makes to the act a back-reference names.
FULL_REFERENCE_DATE = """(
    select f.date from citations f
    where f.act_id = citations.act_id and f.kind is citations.kind and f.number = citations.number
      and f.date is not null
    order by f.id limit 1
)"""

def _normal_number(number: str | None) -> str | None:
    """`normal_number` as an SQL function: an act cited as ``№ 165-VI`` is the act whose
    header prints ``№ 165-VІ``, and the other way round."""
    return normal_number(number) if number is not None else None


#: Indexes the statements below need. The build runs them before `finish_schema` makes
#: the others: without them each `cited_acts` row scanned the whole `acts` table, and
#: each merge the whole `citations` table (hours on 100,000 acts). The names are those
#: sqlite-utils gives the same indexes, so `finish_schema` does not make them twice.
LOOKUP_INDEXES = [
    "create index if not exists idx_acts_registration_number on acts (registration_number)",
    "create index if not exists idx_acts_kind_adopted_on_number on acts (kind, adopted_on, number)",
]
REFERENCE_INDEXES = [
    "create index if not exists idx_citations_cited_act_id on citations (cited_act_id)",
    "create index if not exists idx_amendments_amending_cited_act_id on amendments (amending_cited_act_id)",
    "create index if not exists idx_instructions_target_cited_act_id on instructions (target_cited_act_id)",
]

KEY_STATEMENTS = [
    "create index if not exists idx_citations_back_references on citations (act_id, number, kind, date)",
    f"""update citations set cited_act_id = zan_cited_key(
        kind, case when date is null and number is not null then {FULL_REFERENCE_DATE} else date end, number, title)""",
    """update amendments set amending_cited_act_id = zan_cited_key(amending_act_kind, amending_act_date, amending_act_number, null)
       where amending_act_date is not null or amending_act_number is not null""",
    """update instructions set target_cited_act_id = zan_cited_key(target_act_kind, target_act_date, target_act_number, target_act_title)""",
]

#: Every act named anywhere, with what its references say of it (the first value in key
#: order; dates and registrations come from the full references, not the short ones).
CITED_ACTS_SQL = """
insert into cited_acts (id, kind, adopted_on, number, issuer, registration_number, title, citations)
select key, min(kind), min(date), min(number), min(issuer), min(registration), min(title), count(*)
from (
    select cited_act_id as key, kind, date, number, issuer, registration_number as registration, title from citations
    union all
    select amending_cited_act_id, amending_act_kind, amending_act_date, amending_act_number, amending_act_issuer, null, null
    from amendments where amending_cited_act_id is not null
    union all
    select target_cited_act_id, target_act_kind, target_act_date, target_act_number, target_act_issuer,
           target_act_registration_number, target_act_title
    from instructions
)
group by key order by key
"""

RESOLVE_SQL = [
    """update cited_acts set act_id = coalesce(
        (select id from acts where acts.registration_number = cited_acts.registration_number order by id limit 1),
        (select id from acts where acts.kind = cited_acts.kind and acts.adopted_on = cited_acts.adopted_on
            and zan_normal_number(acts.number) = zan_normal_number(cited_acts.number) order by id limit 1))""",
    "update cited_acts set status = case when act_id is null then 'not_in_corpus' else 'in_corpus' end",
    "update instructions set target_act_id = (select act_id from cited_acts where cited_acts.id = instructions.target_cited_act_id)",
]

SAME_REGISTRATION_SQL = """
select registration_number, group_concat(id, char(10)) as keys from (
    select registration_number, id from cited_acts where registration_number is not null order by id
) group by registration_number having count(*) > 1 order by registration_number
"""

REFERRING_COLUMNS = (("citations", "cited_act_id"), ("amendments", "amending_cited_act_id"), ("instructions", "target_cited_act_id"))


#: The problems `link_cited_acts` reports (the parser's are reported per source).
LINK_PROBLEMS = ("citation_conflict", "self_citation")


def unlink_cited_acts(db: sqlite_utils.Database) -> None:
    """Forget what `link_cited_acts` made (`cited_acts`, its problems), so it can run
    again over a database whose acts changed (`db.incremental`). The columns it set are
    set afresh by it."""
    unlink_replacements(db)
    db.execute("delete from cited_acts")
    db.execute(f"delete from problems where kind in ({', '.join('?' for _ in LINK_PROBLEMS)})", list(LINK_PROBLEMS))


def link_cited_acts(db: sqlite_utils.Database) -> None:
    """Fill `cited_acts` and point citations, amendments and instructions at it."""
    db.conn.create_function("zan_cited_key", 4, cited_act_id, deterministic=True)
    db.conn.create_function("zan_normal_number", 1, _normal_number, deterministic=True)
    for sql in KEY_STATEMENTS + REFERENCE_INDEXES:  # the keys first, then the indexes over them
        db.execute(sql)
    db.execute(CITED_ACTS_SQL)
    _merge_same_registration(db)
    for sql in LOOKUP_INDEXES + RESOLVE_SQL:
        db.execute(sql)
    _report_self_citations(db)
    link_replacements(db)


def _merge_same_registration(db: sqlite_utils.Database) -> None:
    """One registration number is one act: references to it printed with different dates
    (seed 003 dates order № 907 both 23.11.2010 and 21.12.2010, registration № 6697) are
    merged into the first, and the acts that print the other date are told."""
    for row in list(db.query(SAME_REGISTRATION_SQL)):
        canonical, *others = row["keys"].split("\n")
        for other in others:
            citing = list(db.query("select distinct c.act_id, a.source_path from citations c join acts a on a.id = c.act_id where c.cited_act_id = ? order by 1", [other]))
            for table, column in REFERRING_COLUMNS:
                db.execute(f"update {table} set {column} = ? where {column} = ?", [canonical, other])
            db.execute(
                "update cited_acts set citations = citations + (select citations from cited_acts where id = ?) where id = ?",
                [other, canonical],
            )
            db.execute("delete from cited_acts where id = ?", [other])
            for citing_act in citing:
                _problem(
                    db,
                    citing_act,
                    "citation_conflict",
                    f"registration № {row['registration_number']} is cited as {canonical} and as {other}; treated as one act",
                    None,
                )


SELF_CITATIONS_SQL = """
select c.act_id, a.source_path, c.text, p.source_line
from citations c join cited_acts ca on ca.id = c.cited_act_id join acts a on a.id = c.act_id
left join provisions p on p.id = c.provision_id
where ca.act_id = c.act_id
order by c.id
"""


def _report_self_citations(db: sqlite_utils.Database) -> None:
    """An act that cites (or amends) itself by date and number is suspicious: a
    misprint, or a copy of another act's text."""
    for row in list(db.query(SELF_CITATIONS_SQL)):
        _problem(db, row, "self_citation", f"the act cites itself: «{row['text']}»", row["source_line"])


def _problem(db: sqlite_utils.Database, act: dict, kind: str, message: str, line: int | None) -> None:
    db["problems"].insert(
        {
            "source_path": act["source_path"],
            "act_id": act["act_id"],
            "severity": "warning",
            "kind": kind,  # one of LINK_PROBLEMS
            "message": message,
            "source_line": line,
        }
    )
