"""Add `coming` (db/coming.py) to a database built before it, as the build's finish passes
write it (`db.coming.finish_coming`, the same function), so that `pending` can be measured
on an existing database without building it again:

    python benchmarks/add_coming.py /tmp/q1k.db

Writes into the database given: copy a database you must not change first."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlite_utils

from db.coming import TABLE, finish_coming

if __name__ == "__main__":
    for path in sys.argv[1:]:
        db = sqlite_utils.Database(path)
        finish_coming(db)
        db.conn.commit()
        print(f"{path}: {db[TABLE].count} rows in {TABLE}")
