"""Which act replaced which (issue 23, question 5): an act that repeals another and takes
its place — a new order that approves new rules and declares the old order repealed, a
law that enacts a code and repeals the acts it replaces, a code that repeals the law
before it. Both acts carry the link (`replacements`: ``old`` → ``new``), each with what
says so, as a `Basis`:

- ``repealed_in_text``: a unit of the new act, or the unit containing it, declares the old
  act repealed ("… күші жойылды деп танылсын" / "Признать утратившим силу …", the
  language's `REPEAL_VERB`) and cites it. The new act amends nothing (it has no
  instructions): an amending or repealing act repeals, it does not replace. The old act
  cited must be adopted before the new one (a misread date is no predecessor).
- ``repeal_names_successor``: the old act's own repeal (its note or requisites: an
  ``amendments`` row ``repealed`` on the whole act) names the act that repealed it, and
  that act is known to be one that replaces: a code (codes are never amending acts), or
  an act of the corpus that amends nothing.

Nothing else makes a link: a repeal by an act of which the corpus knows only its kind,
date and number is a repeal (`db.queries.act_links` ``repealed_by``), never a guessed
replacement. Run after `db.links.link_cited_acts` (it reads `cited_acts`), in every
build and update.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from parser.basis import Basis, act_data, known_dates
from parser.languages import get_language

#: Units that cite an earlier act, in acts that amend nothing.
CITING_UNITS_SQL = """
select c.act_id as new_act_id, c.provision_id, p.key, coalesce(p.language, a.language) as language, ca.id as old_cited_act_id, ca.act_id as old_act_id,
       a.kind, a.number, a.adopted_on, a.valid_from, a.valid_from_latest
from citations c
join provisions p on p.id = c.provision_id
join cited_acts ca on ca.id = c.cited_act_id
join acts a on a.id = c.act_id
where c.note_id is null and ca.adopted_on is not null and ca.adopted_on < a.adopted_on
  and (ca.act_id is null or ca.act_id != c.act_id)
  and not exists (select 1 from instructions i where i.act_id = c.act_id)
order by c.act_id, p.position, c.id
"""

#: A unit's words, by its id: a unit and the units containing it are ``{text}/{key}`` with
#: the keys ``art2/sp1``, ``art2`` (`db.rows.text_base`), read by the primary key (by act and
#: key, a large act's units were scanned once per unit that cites: minutes on 50 MB).
UNIT_TEXT_SQL = "select text, heading from provisions where id = ?"

#: Repeals of a whole act that name the act that repealed it, when that act replaces.
NAMED_REPEALS_SQL = """
select a.act_id as old_act_id, a.id as amendment_id, ca.id as new_cited_act_id, ca.act_id as new_act_id,
       ca.kind, ca.number, ca.adopted_on, a.effective_from, a.effective_from_earliest, a.effective_from_latest,
       case when ca.kind = 'code' then 'code' else 'in_corpus' end as why
from amendments a join cited_acts ca on ca.id = a.amending_cited_act_id
where a.action = 'repealed' and a.provision_id is null
  and (ca.kind = 'code' or (ca.act_id is not null and not exists (select 1 from instructions i where i.act_id = ca.act_id)))
  and (ca.act_id is null or ca.act_id != a.act_id)
order by a.act_id, a.id
"""

OLD_CITED_SQL = "select id from cited_acts where act_id = ? order by id limit 1"


def _repeals(conn: sqlite3.Connection, provision_id: str, language: str, key: str) -> bool:
    """Whether the unit `key` (`provision_id`) of a text in `language`, or a unit containing
    it, declares an act repealed."""
    lang = get_language(language)
    text_base = provision_id[: -len(key)] if provision_id.endswith("/" + key) else None
    if text_base is None:
        return False
    segments = key.split("/")
    for end in range(len(segments), 0, -1):
        row = conn.execute(UNIT_TEXT_SQL, (text_base + "/".join(segments[:end]),)).fetchone()
        if row is not None and lang.REPEAL_VERB in lang.squash(" ".join(part for part in row if part)):
            return True
    return False


def link_replacements(db: sqlite_utils.Database) -> None:
    """Fill `replacements` from the texts (see the module's doc), one row per pair of acts."""
    conn = db.conn
    pairs: dict[tuple[str, str], dict] = {}
    for row in conn.execute(CITING_UNITS_SQL).fetchall():
        new_act_id, provision_id, key, language, old_cited, old_act, kind, number, adopted_on, valid_from, valid_from_latest = row
        pair = (old_act or old_cited, new_act_id)
        if pair in pairs or not _repeals(conn, provision_id, language, key):
            continue
        basis = Basis("repealed_in_text", act=act_data(kind, number, adopted_on), facts={"unit": key})
        pairs[pair] = {
            "old_act_id": old_act, "old_cited_act_id": old_cited, "new_act_id": new_act_id,
            "new_cited_act_id": _cited_id(conn, new_act_id), "takes_effect_from": valid_from,
            "takes_effect_latest": valid_from_latest, "provision_id": provision_id, "amendment_id": None, "bases": [basis],
        }
    for row in conn.execute(NAMED_REPEALS_SQL).fetchall():
        old_act, amendment_id, new_cited, new_act, kind, number, adopted_on, exact, earliest, latest, why = row
        basis = Basis("repeal_names_successor", act=act_data(kind, number, adopted_on), facts={"why": why})
        pair = (old_act, new_act or new_cited)
        if pair in pairs:
            if all(b.rule != basis.rule for b in pairs[pair]["bases"]):
                pairs[pair]["bases"].append(basis)
                pairs[pair]["amendment_id"] = amendment_id
            continue
        pairs[pair] = {
            "old_act_id": old_act, "old_cited_act_id": _cited_id(conn, old_act), "new_act_id": new_act,
            "new_cited_act_id": new_cited, "takes_effect_from": exact or earliest, "takes_effect_latest": exact or latest,
            "provision_id": None, "amendment_id": amendment_id, "bases": [basis],
        }
    rows = []
    for number, row in enumerate(pairs.values(), start=1):
        bases = row.pop("bases")
        basis = bases[0] if len(bases) == 1 else Basis("and", parts=tuple(bases))
        rows.append({"id": number, **row, "basis_rule": basis.rule, "basis_data": basis.data_json()})
    if rows:
        db["replacements"].insert_all(rows)


def _cited_id(conn: sqlite3.Connection, act_id: str | None) -> str | None:
    if act_id is None:
        return None
    row = conn.execute(OLD_CITED_SQL, (act_id,)).fetchone()
    return row[0] if row else None


def unlink_replacements(db: sqlite_utils.Database) -> None:
    """Forget what `link_replacements` made, so an update can make it again."""
    db.execute("delete from replacements")
