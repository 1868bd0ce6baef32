#!/usr/bin/env python3
"""Compare two Zan databases table by table: `select * from T order by 1` on each side
(`python .ci/compare_dbs.py before.db after.db [rows shown]`): a parser change must leave the
bundled corpus identical, or name its fix.
Prints, per table, the row counts and the rows only in one side (up to a few)."""
import sqlite3, sys

def rows(db, table):
    cur = db.execute(f"select * from [{table}] order by 1")
    cols = [d[0] for d in cur.description]
    return cols, [tuple(r) for r in cur.fetchall()]

def main(a, b, show=5):
    da, dbb = sqlite3.connect(a), sqlite3.connect(b)
    ta = {r[0] for r in da.execute("select name from sqlite_master where type='table'")}
    tb = {r[0] for r in dbb.execute("select name from sqlite_master where type='table'")}
    for t in sorted(ta ^ tb):
        print(f"table {t}: only in {'A' if t in ta else 'B'}")
    same = True
    for t in sorted(ta & tb):
        if t.startswith("search_index_") or (t.startswith("provisions_fts_") or t.startswith("notes_fts_")) and t.split("_fts_")[1] in ("data","idx","docsize","config"): continue  # FTS5 internals: derived from the rows compared
        ca, ra = rows(da, t); cb, rb = rows(dbb, t)
        if ca != cb:
            print(f"{t}: columns differ: {set(ca)^set(cb)}"); same = False
            common = [c for c in ca if c in cb]
            ra = [tuple(r[ca.index(c)] for c in common) for r in ra]
            rb = [tuple(r[cb.index(c)] for c in common) for r in rb]
        if ra == rb:
            continue
        same = False
        sa, sb = set(ra), set(rb)
        print(f"{t}: {len(ra)} vs {len(rb)} rows; {len(sa-sb)} only in A, {len(sb-sa)} only in B")
        for r in sorted(sa - sb, key=str)[:show]: print("   A:", str(r)[:400])
        for r in sorted(sb - sa, key=str)[:show]: print("   B:", str(r)[:400])
    print("IDENTICAL" if same else "DIFFERENT")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 5)
