"""The answers `zan at`, `zan versions` and `zan diff` give for every act of the test
git repository (tests/gitrepo.py), in both languages: what a change to how the build
stores versions must keep identical (issue 24).

`answers(db_path)` runs the real commands (click's runner over `zan.cli`) against a
built database and returns their outputs, keyed by the command line. The reference
outputs, recorded with the code before the storage changes, are in
``tests/data/git_answers.json``; record them again only for a change of an answer that
is meant (``python -m tests.git_answers``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner

from zan.cli import cli

REFERENCE = Path(__file__).parent / "data" / "git_answers.json"
LANGUAGES = ("kk", "ru")
#: Outputs up to this many characters are kept whole in the reference.
SHORT = 600


def _days(conn: sqlite3.Connection, act_id: str) -> list[str]:
    """The days an answer can change on: each version's date and the day before it, and
    the bounds of every interval of every unit."""
    from datetime import date, timedelta

    days: set[str] = set()
    rows = conn.execute("select version_date from versions where act_id = ? and version_date is not null", (act_id,)).fetchall()
    rows += conn.execute("select valid_from from provision_versions where act_id = ? and valid_from is not null", (act_id,)).fetchall()
    for (day,) in rows:
        try:
            parsed = date.fromisoformat(day[:10])
        except ValueError:
            continue
        days.update({parsed.isoformat(), (parsed - timedelta(days=1)).isoformat()})
    return sorted(days)


#: What an answer gained after the reference was recorded, on purpose, each checked by a
#: test of its own: an at answer before the act existed names the act it replaced
#: (issue 23, question 5: ``act.came_before``; tests/test_replacements.py).
ADDITIONS = {"at": ("act", "came_before")}


def without_additions(args: tuple[str, ...], output: str) -> str:
    """A ``--json`` output without the fields of `ADDITIONS`, printed as the CLI prints it:
    every other byte of the answer is still compared with the reference."""
    addition = ADDITIONS.get(args[0])
    if addition is None or "--json" not in args or not output.startswith("{"):
        return output
    answer = json.loads(output)
    parent, name = addition
    if name not in answer.get(parent, {}):
        return output
    del answer[parent][name]
    return json.dumps(answer, ensure_ascii=False, indent=2) + "\n"


def answers(db_path: Path) -> dict[str, str]:
    """Every answer, keyed by its command line (without ``--db``): the output itself when
    short, else its sha256 (the whole texts would make a 17 MB reference)."""
    runner = CliRunner()
    out: dict[str, str] = {}

    def run(*args: str) -> None:
        result = runner.invoke(cli, [*args, "--db", str(db_path)])
        said = f"exit {result.exit_code}\n{without_additions(args, result.output)}"
        out[" ".join(args)] = said if len(said) <= SHORT else "sha256 " + hashlib.sha256(said.encode()).hexdigest()

    with sqlite3.connect(db_path) as conn:
        acts = [row[0] for row in conn.execute("select distinct act_id from versions order by act_id")]
        plan = {
            act: (
                _days(conn, act),
                {
                    lang: [row[0] for row in conn.execute("select id from versions where act_id = ? and language = ? and rebuilt = 0 order by seq", (act, lang))]
                    for lang in LANGUAGES
                },
            )
            for act in acts
        }
    for act, (days, versions) in plan.items():
        for lang in LANGUAGES:
            run("versions", act, "--json", "--lang", lang)
            for day in days:
                run("at", act, day, "--json", "--lang", lang)
            for old, new in zip(versions[lang], versions[lang][1:]):
                run("diff", act, old, new, "--json", "--lang", lang)
        run("versions", act, "--lang", "ru")
        if days:
            run("at", act, days[-1], "--lang", "ru")
    return out


def build_reference_database(folder: Path) -> Path:
    from db import build
    from tests.gitrepo import build_test_repository

    corpus = folder / "corpus"
    build_test_repository(corpus / "codes")
    db_path = folder / "laws.db"
    build(corpus, db_path, workers=2, cache=False)
    return db_path


def record() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db_path = build_reference_database(Path(folder))
        REFERENCE.write_text(json.dumps(answers(db_path), ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {REFERENCE}", file=sys.stderr)


if __name__ == "__main__":
    record()
