"""Which amending act changed what, over the whole corpus, written once by the build.

The corpus-wide canned queries (`db.publish`: `amending_acts_widest`, `acts_amended_most`)
count every change the database records (`db.publish.changes_cte`: the notes, the real
versions and the instructions). Read at request time that union grew with the corpus
(0.9 s at 1,000 acts, ~9 s at 10,000: past Datasette's time limit), so the build writes
it here once, in its finish passes (`db.store.finish_passes`), and the queries read it:

- `changes_by_amending`: each change once per act whose rows record it (``act_id``, the
  act a note or a version belongs to, or the amending act an instruction belongs to, so
  that an update deletes and writes again the rows of the acts it stored again), with the
  act changed (``changed_act_id``), the unit (its key, "" for the act as a whole), the
  amending act as `changes_cte` keys it (``amending``) and as printed;
- `amending_reach`: one row per amending act, the counts `amending_acts_widest` orders by.

Nothing is decided here that `changes_cte` does not decide: the rows are its rows, made
distinct. An update (`db.incremental`) calls `finish_reach` with the acts it stored
again, deleted or whose instructions it linked again; the amending acts their rows
named, before and after, are counted again, so the tables equal a full build's.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from parser.references import normal_number

from .publish import changes_cte

#: The acts whose rows an update writes again (``temp.zan_reach_acts``) and the amending
#: acts counted again (``temp.zan_reach_keys``).
SOURCES = "(select id from temp.zan_reach_acts)"
KEYS = "(select amending from temp.zan_reach_keys)"

INSERT_CHANGES_SQL = """insert into changes_by_amending (act_id, changed_act_id, unit, amending, kind, date, number, amending_id)
with {cte}
select distinct c.source, c.act_id, c.unit, c.amending, c.kind, c.date, c.number, c.amending_id from c"""

#: `amending_acts_widest`'s counts per amending act (of ``temp.zan_reach_keys`` alone when
#: `{keys}` says so). The acts changed are listed in their order.
INSERT_REACH_SQL = """insert into amending_reach (amending, kind, date, number, amending_id, acts, acts_in_corpus, units, acts_changed)
select c.amending, c.kind, c.date, min(c.number), max(c.amending_id),
  count(distinct c.changed_act_id), count(distinct t.id),
  count(distinct case when c.unit != '' then c.changed_act_id || '/' || c.unit end),
  group_concat(distinct c.changed_act_id)
from (select * from changes_by_amending where (date is not null or amending_id is not null){keys}
      order by amending, changed_act_id) c
left join acts t on t.id = c.changed_act_id
group by c.amending"""

INDEXES_SQL = [
    "create index if not exists idx_changes_by_amending_act_id on changes_by_amending (act_id)",
    "create index if not exists idx_changes_by_amending_amending on changes_by_amending (amending)",
    # acts_amended_most: the changes dated in a year, with what it counts (read from the index alone)
    "create index if not exists idx_changes_by_amending_date on changes_by_amending (date, changed_act_id, amending, unit, kind, number)",
    # amending_acts_widest: its order, so its first page is read from the index
    "create index if not exists idx_amending_reach_widest on amending_reach (acts desc, units desc, date desc, amending)",
]


def _normal_number(number: str | None) -> str | None:
    return normal_number(number) if number is not None else None


def finish_reach(db: sqlite_utils.Database, acts: Iterable[str] | None = None) -> None:
    """Write `changes_by_amending` and `amending_reach`: over the whole database (a full
    build), or again for the rows of `acts` alone (an update: the acts it stored again or
    deleted, and those whose instructions it linked again) and the amending acts they
    named before or name now."""
    db.conn.create_function("zan_normal_number", 1, _normal_number, deterministic=True)  # as the site registers it
    if acts is None:
        db.execute("delete from changes_by_amending")
        db.execute("delete from amending_reach")
        db.execute(INSERT_CHANGES_SQL.format(cte=changes_cte()))
        db.execute(INSERT_REACH_SQL.format(keys=""))
        for sql in INDEXES_SQL:  # made once the rows are in
            db.execute(sql)
        return
    for sql in INDEXES_SQL:
        db.execute(sql)
    db.execute("create temp table if not exists zan_reach_acts (id text primary key)")
    db.execute("create temp table if not exists zan_reach_keys (amending text primary key)")
    db.execute("delete from temp.zan_reach_acts")
    db.execute("delete from temp.zan_reach_keys")
    db.conn.executemany("insert or ignore into temp.zan_reach_acts values (?)", [(act,) for act in sorted(set(acts))])
    named = f"insert or ignore into temp.zan_reach_keys select amending from changes_by_amending where act_id in {SOURCES}"
    db.execute(named)  # what they named before
    db.execute(f"delete from changes_by_amending where act_id in {SOURCES}")
    cte = changes_cte(notes=f"and a.act_id in {SOURCES}", versions=f"and v.act_id in {SOURCES}", instructions=f"and i.act_id in {SOURCES}")
    db.execute(INSERT_CHANGES_SQL.format(cte=cte))
    db.execute(named)  # and now
    db.execute(f"delete from amending_reach where amending in {KEYS}")
    db.execute(INSERT_REACH_SQL.format(keys=f" and amending in {KEYS}"))
