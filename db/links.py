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
from .version_store import insert_rows


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
    # amendments is a view (db.version_store.BY_ID): its rows, and their index, are amendment_rows
    "create index if not exists idx_amendment_rows_amending_cited_act_id on amendment_rows (amending_cited_act_id)",
    "create index if not exists idx_instructions_target_cited_act_id on instructions (target_cited_act_id)",
]

#: How each referring row's key is made from its own columns: (table, column, key, which rows).
KEYS = [
    (
        "citations",
        "cited_act_id",
        f"zan_cited_key(kind, case when date is null and number is not null then {FULL_REFERENCE_DATE} else date end, number, title)",
        None,
    ),
    (
        "amendment_rows",  # the rows of the view amendments (db.version_store.BY_ID): a view is not updated
        "amending_cited_act_id",
        "zan_cited_key(amending_act_kind, amending_act_date, amending_act_number, null)",
        "amending_act_date is not null or amending_act_number is not null",
    ),
    ("instructions", "target_cited_act_id", "zan_cited_key(target_act_kind, target_act_date, target_act_number, target_act_title)", None),
]
BACK_REFERENCES_INDEX = "create index if not exists idx_citations_back_references on citations (act_id, number, kind, date)"


def _key_statements(where: str | None = None) -> list[str]:
    """The statements that set every referring row's key, or only those of rows `where`
    picks (a condition naming the table's key column as ``{column}``)."""
    statements = [BACK_REFERENCES_INDEX]
    for table, column, key, rows in KEYS:
        conditions = [f"({condition})" for condition in (rows, where.format(column=column) if where else None) if condition]
        statements.append(f"update {table} set {column} = {key}" + (f" where {' and '.join(conditions)}" if conditions else ""))
    return statements


KEY_STATEMENTS = _key_statements()

#: Every act named anywhere, with what its references say of it (the first value in key
#: order; dates and registrations come from the full references, not the short ones).
CITED_ACTS_TEMPLATE = """
insert into cited_acts (id, kind, adopted_on, number, issuer, registration_number, title, citations)
select key, min(kind), min(date), min(number), min(issuer), min(registration), min(title), count(*)
from (
    select cited_act_id as key, kind, date, number, issuer, registration_number as registration, title from citations{citations}
    union all
    select amending_cited_act_id, amending_act_kind, amending_act_date, amending_act_number, amending_act_issuer, null, null
    from amendments where amending_cited_act_id is not null{amendments}
    union all
    select target_cited_act_id, target_act_kind, target_act_date, target_act_number, target_act_issuer,
           target_act_registration_number, target_act_title
    from instructions{instructions}
)
group by key order by key
"""
CITED_ACTS_SQL = CITED_ACTS_TEMPLATE.format(citations="", amendments="", instructions="")
#: The same for the keys of ``temp.zan_keys`` alone (`relink_cited_acts`).
CITED_KEYS_SQL = CITED_ACTS_TEMPLATE.format(
    citations=" where cited_act_id in (select id from temp.zan_keys)",
    amendments=" and amending_cited_act_id in (select id from temp.zan_keys)",
    instructions=" where target_cited_act_id in (select id from temp.zan_keys)",
)

RESOLVE_TEMPLATE = [
    """update cited_acts set act_id = coalesce(
        (select id from acts where acts.registration_number = cited_acts.registration_number order by id limit 1),
        (select id from acts where acts.kind = cited_acts.kind and acts.adopted_on = cited_acts.adopted_on
            and zan_normal_number(acts.number) = zan_normal_number(cited_acts.number) order by id limit 1)){cited}""",
    "update cited_acts set status = case when act_id is null then 'not_in_corpus' else 'in_corpus' end{cited}",
    "update instructions set target_act_id = (select act_id from cited_acts where cited_acts.id = instructions.target_cited_act_id){instructions}",
]
RESOLVE_SQL = [sql.format(cited="", instructions="") for sql in RESOLVE_TEMPLATE]
#: The same for the cited acts of ``temp.zan_keys`` and the instructions naming them or
#: made by an act of ``temp.zan_gone`` (`relink_cited_acts`).
RESOLVE_KEYS_SQL = [
    sql.format(
        cited=" where id in (select id from temp.zan_keys)",
        instructions=" where target_cited_act_id in (select id from temp.zan_keys) or act_id in (select id from temp.zan_gone)",
    )
    for sql in RESOLVE_TEMPLATE
]

SAME_REGISTRATION_TEMPLATE = """
select registration_number, group_concat(id, char(10)) as keys from (
    select registration_number, id from cited_acts where registration_number is not null{keys} order by id
) group by registration_number having count(*) > 1 order by registration_number
"""
SAME_REGISTRATION_SQL = SAME_REGISTRATION_TEMPLATE.format(keys="")

#: The columns naming a cited act (updated when two are merged): amendments' in the table
#: holding its rows, amendments being a view (db.version_store.BY_ID).
REFERRING_COLUMNS = (("citations", "cited_act_id"), ("amendment_rows", "amending_cited_act_id"), ("instructions", "target_cited_act_id"))


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
    _functions(db)
    for sql in KEY_STATEMENTS + REFERENCE_INDEXES:  # the keys first, then the indexes over them
        db.execute(sql)
    db.execute(CITED_ACTS_SQL)
    _merge_same_registration(db)
    for sql in LOOKUP_INDEXES + RESOLVE_SQL:
        db.execute(sql)
    _report_self_citations(db)
    link_replacements(db)


def _functions(db: sqlite_utils.Database) -> None:
    db.conn.create_function("zan_cited_key", 4, cited_act_id, deterministic=True)
    db.conn.create_function("zan_normal_number", 1, _normal_number, deterministic=True)


# --------------------------------------------------------------------------- an update

#: The cited acts an update links again (``temp.zan_keys``), and their registrations.
KEYS_TABLES = [
    "create temp table if not exists zan_keys (id text primary key)",
    "create temp table if not exists zan_registrations (number text primary key)",
]


def remember_links(db: sqlite_utils.Database) -> None:
    """Before the acts of ``temp.zan_gone`` are deleted (`db.incremental`): the cited acts
    their references name and those resolved to them, in ``temp.zan_keys``, for
    `relink_cited_acts` to link again once they are stored again."""
    for sql in KEYS_TABLES:
        db.execute(sql)
    db.execute("delete from temp.zan_keys")
    db.execute("delete from temp.zan_registrations")
    for table, column in REFERRING_COLUMNS:
        db.execute(
            f"insert or ignore into temp.zan_keys select {column} from {table} where act_id in (select id from temp.zan_gone) and {column} is not null"
        )
    db.execute("insert or ignore into temp.zan_keys select id from cited_acts where act_id in (select id from temp.zan_gone)")


def relink_cited_acts(db: sqlite_utils.Database) -> set[str]:
    """`link_cited_acts` after an update stored again the acts of ``temp.zan_gone``: the
    same rows, made for the cited acts their references name now or named before
    (`remember_links`), those their requisites resolve, and every cited act sharing a
    registration number with one of them (merged as one), instead of for the whole corpus.
    Returns the acts whose instructions may now give other rebuilt versions: the
    amending acts `db.rebuild.rebuild_versions` is to run again for."""
    _functions(db)
    gone = "(select id from temp.zan_gone)"
    for sql in _key_statements(f"act_id in {gone}"):
        db.execute(sql)
    for table, column in REFERRING_COLUMNS:
        db.execute(f"insert or ignore into temp.zan_keys select {column} from {table} where act_id in {gone} and {column} is not null")
    db.execute(
        f"""insert or ignore into temp.zan_keys select c.id from cited_acts c
            where c.registration_number in (select registration_number from acts where id in {gone})"""
    )
    db.execute(
        f"""insert or ignore into temp.zan_keys select c.id from acts a join cited_acts c on c.kind = a.kind and c.adopted_on = a.adopted_on
            where a.id in {gone} and zan_normal_number(c.number) = zan_normal_number(a.number)"""
    )
    _close_over_registrations(db)
    keys = "(select id from temp.zan_keys)"
    resolved = {row[0] for row in db.execute(f"select act_id from cited_acts where id in {keys} and act_id is not null")}
    db.execute(f"delete from cited_acts where id in {keys}")
    db.execute(CITED_KEYS_SQL)
    _forget_conflicts(db)
    _merge_same_registration(db, SAME_REGISTRATION_TEMPLATE.format(keys=f" and id in {keys}"))
    for sql in LOOKUP_INDEXES + RESOLVE_KEYS_SQL:
        db.execute(sql)
    gone_ids = {row[0] for row in db.execute(f"select id from {gone}")}
    resolved |= {row[0] for row in db.execute(f"select act_id from cited_acts where id in {keys} and act_id is not null")}
    # a self-citation is a citation of a key resolved to the citing act: only those of the
    # keys linked again, resolved before or now, can be new or gone
    for act_id in sorted(resolved - gone_ids):
        db.execute("delete from problems where act_id = ? and kind = 'self_citation'", [act_id])
    _report_self_citations(db, resolved | gone_ids)
    amending = {row[0] for row in db.execute(f"select distinct act_id from instructions where target_cited_act_id in {keys}")}
    amending |= {row[0] for row in db.execute(f"select distinct act_id from instructions where target_act_id in {gone}")}
    return amending | gone_ids


def _close_over_registrations(db: sqlite_utils.Database) -> None:
    """``temp.zan_keys`` closed over what merging decides (`_merge_same_registration`):
    every cited act holding a registration number of one of them, and the keys the rows
    merged into one of them have of their own (each such row is given its own key again,
    to be merged anew).

    Merging joins cited acts by their registration number, so only a cited act that has
    one can hold rows merged into it: the rows naming any other hold their own key
    already and are not read (at 10,000 generated acts an update's acts cite laws that
    20,000 citations name, none registered: their keys were made again, twice, on every
    update)."""
    keys = "(select id from temp.zan_keys)"
    merged_into = "(select id from cited_acts where id in (select id from temp.zan_keys) and registration_number is not null)"
    while True:
        before = db.execute("select count(*) from temp.zan_keys").fetchone()[0]
        db.execute(
            f"insert or ignore into temp.zan_registrations select registration_number from cited_acts where id in {keys} and registration_number is not null"
        )
        db.execute("insert or ignore into temp.zan_registrations select registration_number from citations where cited_act_id in (select id from temp.zan_keys) and registration_number is not null")
        db.execute(
            "insert or ignore into temp.zan_registrations select target_act_registration_number from instructions"
            f" where target_cited_act_id in {keys} and target_act_registration_number is not null"
        )
        db.execute(f"insert or ignore into temp.zan_keys select id from cited_acts where registration_number in (select number from temp.zan_registrations)")
        for table, column, key, _rows in KEYS:
            db.execute(f"insert or ignore into temp.zan_keys select {key} from {table} where {column} in {merged_into}")
        for sql in _key_statements(f"{{column}} in {merged_into}")[1:]:
            db.execute(sql)
        if db.execute("select count(*) from temp.zan_keys").fetchone()[0] == before:
            return


def _forget_conflicts(db: sqlite_utils.Database) -> None:
    """The conflicts `_merge_same_registration` reported of the registration numbers of
    ``temp.zan_registrations``, on the acts citing a key that has one of them: they are
    merged anew."""
    if not db.execute("select 1 from temp.zan_registrations limit 1").fetchone():
        return
    citing = db.execute(
        """select distinct c.act_id from citations c join cited_acts ca on ca.id = c.cited_act_id
           where c.cited_act_id in (select id from temp.zan_keys)
             and ca.registration_number in (select number from temp.zan_registrations) order by 1"""
    ).fetchall()
    before, after = _conflict_message("\0", "\1", "").split("\1")[0].split("\0")  # the message up to the first key, around the number
    for (act_id,) in citing:
        db.execute(
            """delete from problems where act_id = :act and kind = 'citation_conflict' and exists (
                   select 1 from temp.zan_registrations r
                   where substr(problems.message, 1, length(:before || r.number || :after)) = :before || r.number || :after)""",
            {"act": act_id, "before": before, "after": after},
        )


def _conflict_message(number: str, canonical: str, other: str) -> str:
    return f"registration № {number} is cited as {canonical} and as {other}; treated as one act"


def _merge_same_registration(db: sqlite_utils.Database, groups_sql: str = SAME_REGISTRATION_SQL) -> None:
    """One registration number is one act: references to it printed with different dates
    (seed 003 dates order № 907 both 23.11.2010 and 21.12.2010, registration № 6697) are
    merged into the first, and the acts that print the other date are told."""
    for row in list(db.query(groups_sql)):
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
                    _conflict_message(row["registration_number"], canonical, other),
                    None,
                )


SELF_CITATIONS_TEMPLATE = """
select c.act_id, a.source_path, c.text, p.source_line
from citations c join cited_acts ca on ca.id = c.cited_act_id join acts a on a.id = c.act_id
left join provisions p on p.id = c.provision_id
where ca.act_id = c.act_id{acts}
order by c.id
"""
SELF_CITATIONS_SQL = SELF_CITATIONS_TEMPLATE.format(acts="")


def _report_self_citations(db: sqlite_utils.Database, acts: set[str] | None = None) -> None:
    """An act that cites (or amends) itself by date and number is suspicious: a
    misprint, or a copy of another act's text. Of `acts` alone when given."""
    if acts is None:
        sql, arguments = SELF_CITATIONS_SQL, []
    else:
        sql, arguments = SELF_CITATIONS_TEMPLATE.format(acts=f" and c.act_id in ({', '.join('?' for _ in acts) or 'null'})"), sorted(acts)
    for row in list(db.query(sql, arguments)):
        _problem(db, row, "self_citation", f"the act cites itself: «{row['text']}»", row["source_line"])


def _problem(db: sqlite_utils.Database, act: dict, kind: str, message: str, line: int | None) -> None:
    # problems is a view (db.version_store.BY_ID): its rows go where it reads them
    row = {
        "source_path": act["source_path"],
        "act_id": act["act_id"],
        "severity": "warning",
        "kind": kind,  # one of LINK_PROBLEMS
        "message": message,
        "source_line": line,
    }
    insert_rows(db.conn, "problems", list(row), [tuple(row.values())])
