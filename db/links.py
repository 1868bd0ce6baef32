"""Links between acts: every citation, amendment and instruction resolved to one row.

A cited act is resolved to an act of the corpus by registration number, or by kind +
adoption date + number; otherwise it gets a `cited_acts` row of its own with status
``not_in_corpus``, so two acts citing the same absent act are linked through it. A short
back-reference (``№ 796 бұйрыққа`` after ``… 2009 жылғы 26 қарашадағы № 796 бұйрығына
(бұдан әрі – № 796 бұйрық)``) takes the date of the full reference in the same act.
Run once, after every document is stored; deterministic, so rebuilds are byte-identical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlite_utils


@dataclass
class Reference:
    kind: str | None
    date: str | None
    number: str | None
    issuer: str | None = None
    registration_number: str | None = None
    title: str | None = None


def cited_act_id(kind: str | None, date: str | None, number: str | None, title: str | None = None) -> str:
    """A readable key: ``order-2010-11-23-907``; unknown parts as ``x``. A law cited by its
    title alone is keyed by the title: ``law-азаматтық-қорғау-туралы``."""
    if date is None and number is None and title:
        return f"{kind or 'act'}-{_slug(title.lower())[:80]}"
    return f"{kind or 'act'}-{date or 'x'}-{_slug(number or 'x')}"


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]+", "-", text).strip("-")


def link_cited_acts(db: sqlite_utils.Database) -> None:
    """Fill `cited_acts` and point citations, amendments and instructions at it."""
    acts_by_registration = {row["registration_number"]: row["id"] for row in db.query("select id, registration_number from acts where registration_number is not null order by id")}
    acts_by_identity = {
        (row["kind"], row["adopted_on"], row["number"]): row["id"]
        for row in db.query("select id, kind, adopted_on, number from acts order by id")
    }
    cited: dict[str, Reference] = {}
    counts: dict[str, int] = {}

    def remember(reference: Reference) -> str:
        key = cited_act_id(reference.kind, reference.date, reference.number, reference.title)
        known = cited.setdefault(key, Reference(reference.kind, reference.date, reference.number))
        known.issuer = known.issuer or reference.issuer
        known.registration_number = known.registration_number or reference.registration_number
        known.title = known.title or reference.title
        counts[key] = counts.get(key, 0) + 1
        return key

    dated = _dated_references(db)
    for row in list(db.query("select * from citations order by id")):
        date, registration = row["date"], row["registration_number"]
        if date is None:
            date, registration = dated.get((row["act_id"], row["kind"], row["number"]), (None, registration))
        key = remember(Reference(row["kind"], date, row["number"], row["issuer"], registration, row["title"]))
        db.execute("update citations set cited_act_id = ? where id = ?", [key, row["id"]])
    for row in list(db.query("select * from amendments where amending_act_date is not null or amending_act_number is not null order by id")):
        key = remember(Reference(row["amending_act_kind"], row["amending_act_date"], row["amending_act_number"], row["amending_act_issuer"]))
        db.execute("update amendments set amending_cited_act_id = ? where id = ?", [key, row["id"]])
    for row in list(db.query("select * from instructions order by id")):
        key = remember(
            Reference(row["target_act_kind"], row["target_act_date"], row["target_act_number"], row["target_act_issuer"], row["target_act_registration_number"], row["target_act_title"])
        )
        db.execute("update instructions set target_cited_act_id = ? where id = ?", [key, row["id"]])
    _merge_same_registration(db, cited, counts)
    rows = []
    for key in sorted(cited):
        reference = cited[key]
        act_id = acts_by_registration.get(reference.registration_number or "") or acts_by_identity.get((reference.kind, reference.date, reference.number))
        rows.append(
            {
                "id": key,
                "act_id": act_id,
                "status": "in_corpus" if act_id else "not_in_corpus",
                "kind": reference.kind,
                "adopted_on": reference.date,
                "number": reference.number,
                "issuer": reference.issuer,
                "registration_number": reference.registration_number,
                "title": reference.title,
                "citations": counts[key],
            }
        )
    db["cited_acts"].insert_all(rows)
    _report_self_citations(db)
    db.execute(
        "update instructions set target_act_id = (select act_id from cited_acts where cited_acts.id = instructions.target_cited_act_id)"
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
        db["problems"].insert(
            {
                "source_path": row["source_path"],
                "act_id": row["act_id"],
                "severity": "warning",
                "kind": "self_citation",
                "message": f"the act cites itself: «{row['text']}»",
                "source_line": row["source_line"],
            }
        )


def _merge_same_registration(db: sqlite_utils.Database, cited: dict[str, Reference], counts: dict[str, int]) -> None:
    """One registration number is one act: references to it printed with different dates
    (seed 003 dates order № 907 both 23.11.2010 and 21.12.2010, registration № 6697) are
    merged into the first, and the disagreement is reported."""
    by_registration: dict[str, list[str]] = {}
    for key in sorted(cited):
        registration = cited[key].registration_number
        if registration:
            by_registration.setdefault(registration, []).append(key)
    for registration, keys in by_registration.items():
        canonical, *others = keys
        for other in others:
            citing = list(db.query("select distinct c.act_id, a.source_path from citations c join acts a on a.id = c.act_id where c.cited_act_id = ? order by 1", [other]))
            for table, column in (("citations", "cited_act_id"), ("amendments", "amending_cited_act_id"), ("instructions", "target_cited_act_id")):
                db.execute(f"update {table} set {column} = ? where {column} = ?", [canonical, other])
            for row in citing:
                db["problems"].insert(
                    {
                        "source_path": row["source_path"],
                        "act_id": row["act_id"],
                        "severity": "warning",
                        "kind": "citation_conflict",
                        "message": f"registration № {registration} is cited as {canonical} and as {other}; treated as one act",
                        "source_line": None,
                    }
                )
            counts[canonical] += counts.pop(other)
            del cited[other]


def _dated_references(db: sqlite_utils.Database) -> dict[tuple[str, str, str], tuple[str, str | None]]:
    """(act, kind, number) -> (date, registration) of the full references in each act."""
    found: dict[tuple[str, str, str], tuple[str, str | None]] = {}
    for row in db.query("select act_id, kind, number, date, registration_number from citations where date is not null and number is not null order by id"):
        found.setdefault((row["act_id"], row["kind"], row["number"]), (row["date"], row["registration_number"]))
    return found
