"""A rebuild after ``git pull`` reads only the new commits and reparses only the acts they
touched (db/incremental.py), and gives the rows a full build of the same repository
gives; a rewritten history or another parser makes it a full build, which says why. On
the test repository made from the real texts (tests/gitrepo.py), with the real build."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from db import build
from db.search import stored_stems
from db.version_store import BY_ID, held_texts_sql, named_shared_sql
from zan.messages import build_summary_line
from tests.gitrepo import OLD_FOLDER_4051, Commit, build_test_repository, repository_commits, write_commits

#: 137412's third version, held back from the repository to be the new commit.
NEW_VERSION_DAY = "2020-10-27"
TOUCHED_ACT = "V1900019742"  # 137412
TOUCHED_FOLDER_CODE = "137412"

#: Numbers that say in what order rows were written, which an update cannot keep: the
#: integer ids of problems and repairs (an update writes the touched acts' rows after the
#: others), the search index's rowids (an act's units are consecutive rows, appended).
ORDER_COLUMNS = {
    "problems": ("id",),
    "problem_rows": ("id",),  # the rows of the view problems (db.version_store.BY_ID)
    "repairs": ("id",),
    # versions are numbered, and unit wordings given ids, as they are stored: the view
    # version_provisions, compared whole, shows that they hold the same units and texts
    "versions": ("seq",),
    "version_rows": ("seq",),
    "unit_wordings": ("id",),
    # a unit's or note's rowid is its place in the order units were stored (provisions_fts, notes_fts read by it):
    # the views, compared less it, show the same rows
    "provisions": ("rowid",),
    "notes": ("rowid",),
    "version_units": ("version_seq", "wording_id"),
    "search_rows": ("rowid",),
    "search_act_rows": ("first_rowid", "last_rowid"),
}


@pytest.fixture(scope="module")
def before(tmp_path_factory):
    """The test repository less 137412's last version and its database with its parse
    cache, built in ``work/`` and kept in ``pristine/``: the database knows its
    repositories by their path, so each test pulls into ``work/`` restored."""
    root = tmp_path_factory.mktemp("incremental")
    commits = repository_commits()
    held_back = next(c for c in commits if c.day == NEW_VERSION_DAY)
    build_test_repository(root / "work" / "corpus" / "codes", commits=[c for c in commits if c is not held_back])
    (root / "work" / "db").mkdir()
    summary = build(root / "work" / "corpus", root / "work" / "db" / "laws.db", workers=2)
    assert summary.full_build == "no_database"
    shutil.copytree(root / "work", root / "pristine", symlinks=True)
    return root, held_back


@pytest.fixture
def clone(before):
    """The corpus and its database as they were built (``work/`` restored), to pull into."""
    root, held_back = before
    shutil.rmtree(root / "work")
    shutil.copytree(root / "pristine", root / "work", symlinks=True)
    return root / "work" / "corpus", root / "work" / "db" / "laws.db", held_back


def test_an_update_after_one_commit_reads_only_it_and_gives_the_full_build(clone, tmp_path):
    corpus, db_path, held_back = clone
    reach_before = _reach(db_path)
    write_commits(corpus / "codes", [held_back])
    shown: list[Path] = []
    summary = build(corpus, db_path, workers=2, on_document=shown.append)
    assert summary.full_build is None
    assert (summary.new_commits, summary.new_acts, summary.reparsed) == (1, 1, True)
    assert [read.commits for read in summary.repositories] == [1]
    assert "прочитано коммитов: 1 (с прошлой сборки новых коммитов: 1, разобрано заново актов: 1)" in build_summary_line(summary, "ru")
    # only 137412's texts went to the parser (its earlier versions from the cache); the
    # new commit's Kazakh and Russian texts were parsed
    assert shown and all(TOUCHED_FOLDER_CODE in path.parent.name for path in shown)
    assert summary.parsed == 2
    assert _versions(db_path, TOUCHED_ACT) == ["2019-12-03", "2020-08-10", NEW_VERSION_DAY]
    # the new version's changes are counted for the amending act that caused them (db.reach)
    assert len(_reach(db_path)) > len(reach_before) and set(reach_before) < set(_reach(db_path))
    full = tmp_path / "full.db"
    full_summary = build(corpus, full, workers=2, cache=False)
    assert full_summary.full_build == "no_database"
    assert (summary.documents, summary.acts, summary.provisions, summary.problems) == (
        full_summary.documents, full_summary.acts, full_summary.provisions, full_summary.problems,
    )  # fmt: skip
    _assert_same_rows(db_path, full)


def test_an_update_names_the_problems_of_what_it_stored_again_not_the_whole_databases(clone):
    """After its summary line `zan build` names each file with problems; an update names
    those it recorded, of the act it read again (at 10,000 acts the whole database's
    report is 140,013 lines and 3 s of counting). They are the database's problems of
    those files, counted as the full report counts them."""
    from click.testing import CliRunner

    from db.queries import problem_counts_by_file
    from zan.cli import cli

    corpus, db_path, held_back = clone
    write_commits(corpus / "codes", [held_back])
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "--db", str(db_path), "--workers", "1", "--lang", "ru"])
    assert result.exit_code == 0, result.output
    named = [line.split(": ", 1)[0].strip() for line in result.output.splitlines()[1:]]
    with sqlite3.connect(db_path) as conn:
        whole = [path for path, _ in problem_counts_by_file(conn)]
    assert named and all(TOUCHED_FOLDER_CODE in path for path in named)
    assert named == [path for path in whole if TOUCHED_FOLDER_CODE in path] and len(whole) > len(named)


def test_an_update_reparses_only_the_touched_act_without_a_cache(clone):
    corpus, db_path, held_back = clone
    write_commits(corpus / "codes", [held_back])
    summary = build(corpus, db_path, workers=1, cache=False)
    # every text of 137412's history (three Kazakh versions, one Russian), no other act's
    assert (summary.full_build, summary.parsed) == (None, 4)


def test_a_removed_act_keeps_its_versions_and_the_rows_of_a_full_build(clone, tmp_path):
    corpus, db_path, held_back = clone
    folder = _folder_of(corpus / "codes", "11034")
    before = _versions(db_path, "order-2001-12-11-146")
    write_commits(corpus / "codes", [held_back, Commit("2021-02-01", "11034 leaves the bank", {folder: None})])
    summary = build(corpus, db_path, workers=2)
    assert summary.full_build is None
    assert (summary.new_commits, summary.new_acts) == (2, 2)
    assert _versions(db_path, "order-2001-12-11-146") == before == ["2004-05-26", "2010-09-27", "2010-12-22"]
    full = tmp_path / "full.db"
    build(corpus, full, workers=2, cache=False)
    _assert_same_rows(db_path, full)


def test_an_act_under_a_new_code_is_stored_with_the_act_it_is_a_version_of(clone, tmp_path):
    """A new folder whose texts and requisites are those of an act held already (its
    meta gives another code): a full build stores them as versions of one act, so the
    update stores that act again too (after finding the new one took its requisites)."""
    corpus, db_path, _ = clone
    repository = corpus / "codes"
    folder = _folder_of(repository, "11034")
    copy = folder.rsplit("-", 1)[0] + "-9911034"
    files = {}
    for name in _git(repository, "ls-tree", "-r", "--name-only", f"HEAD:{folder}").split():
        data = subprocess.run(["git", "-C", str(repository), "show", f"HEAD:{folder}/{name}"], capture_output=True, check=True).stdout
        files[f"{copy}/{name}"] = data.replace(b"act_code: '11034'", b"act_code: '9911034'") if name == "meta.yaml" else data
    write_commits(repository, [Commit("2021-03-01", "11034 again under another code", files)])
    summary = build(corpus, db_path, workers=2)
    assert summary.full_build is None
    assert (summary.new_commits, summary.new_acts) == (1, 1)  # the two codes are one act
    with sqlite3.connect(db_path) as conn:
        codes = conn.execute("select act_code, count(*) from versions where act_id = 'order-2001-12-11-146' group by 1 order by 1")
        assert codes.fetchall() == [("11034", 3), ("9911034", 1)]
    full = tmp_path / "full.db"
    build(corpus, full, workers=2, cache=False)
    _assert_same_rows(db_path, full)


def test_an_update_reads_a_moved_acts_history_from_the_commits_its_texts_came_from(clone, tmp_path, monkeypatch):
    """4051's texts were read in the old layout; a commit that changed no text moved its
    folder. A new version of it is stored with its whole
    history, read from the commits its sources' paths name and the new one alone (not a
    walk of every commit), and gives the full build's rows."""
    import db.incremental

    corpus, db_path, _ = clone
    repository = corpus / "codes"
    folder = _folder_of(repository, "4051")
    kazakh = subprocess.run(["git", "-C", str(repository), "show", f"HEAD:{folder}/kaz.md"], capture_output=True, check=True).stdout
    with sqlite3.connect(db_path) as conn:
        paths = [row[0] for row in conn.execute("select path from sources where path like '%-4051/%' order by path")]
    read_from = {path.rpartition("@")[2][:12] for path in paths}
    # every text was read in the old layout: the commit that moved the folder gave none
    assert {path.split("/", 2)[2].rsplit("/", 1)[0] for path in paths} == {OLD_FOLDER_4051} != {folder}
    write_commits(repository, [Commit("2021-04-01", "4051: a new version", {f"{folder}/kaz.md": kazakh + b"\n"})])
    new = _git(repository, "rev-parse", "HEAD").strip()
    asked: list[list[str]] = []
    reading = db.incremental.read_commits
    monkeypatch.setattr(db.incremental, "read_commits", lambda repo, commits, **kw: asked.append(commits) or reading(repo, commits, **kw))
    summary = build(corpus, db_path, workers=2)
    assert summary.full_build is None and summary.new_acts == 1
    assert [{commit[:12] for commit in commits} for commits in asked] == [read_from | {new[:12]}]
    assert asked[0][-1] == new  # oldest first: the new commit last
    assert len(asked[0]) < int(_git(repository, "rev-list", "--count", "HEAD"))
    full = tmp_path / "full.db"
    build(corpus, full, workers=2, cache=False)
    _assert_same_rows(db_path, full)


def test_an_update_whose_copy_fails_leaves_the_database_as_it_was(clone, monkeypatch):
    """The update writes a copy of the database, made by a thread while the new commits
    are read (`db.load.BackgroundCopy`). When the copy fails (here the disk is full) the
    build fails with the disk's error, the database is the one it was, byte for byte, and
    no half-written copy stays beside it."""
    import errno
    import shutil as shutil_module

    corpus, db_path, held_back = clone
    before = db_path.read_bytes()
    write_commits(corpus / "codes", [held_back])

    def disk_full(source, target, *_args, **_kwargs):  # half the file written, then no room
        Path(target).write_bytes(Path(source).read_bytes()[: len(before) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil_module, "copyfile", disk_full)
    with pytest.raises(OSError, match="No space left"):
        build(corpus, db_path, workers=1)
    assert db_path.read_bytes() == before
    assert sorted(path.name for path in db_path.parent.iterdir()) == ["laws.db", "laws.db.cache"]


def test_a_rewritten_history_makes_a_full_build(clone):
    corpus, db_path, held_back = clone
    repository = corpus / "codes"
    subprocess.run(["git", "-C", str(repository), "commit", "-q", "--amend", "-m", "amended"], check=True)
    summary = build(corpus, db_path, workers=2)
    assert (summary.full_build, summary.full_build_detail) == ("history_rewritten", "codes")
    assert build_summary_line(summary, "kk").endswith("; толық жинау: codes тарихы соңғы жинаудан бері қайта жазылды")
    assert build_summary_line(summary, "ru").endswith("; полная сборка: история codes переписана после прошлой сборки")


def test_another_parser_makes_a_full_build(clone):
    corpus, db_path, held_back = clone
    with sqlite3.connect(db_path) as conn:
        conn.execute("update build_info set value = 'an older parser' where key = 'parser'")
    write_commits(corpus / "codes", [held_back])
    summary = build(corpus, db_path, workers=2)
    assert summary.full_build == "parser_changed"
    assert _versions(db_path, TOUCHED_ACT) == ["2019-12-03", "2020-08-10", NEW_VERSION_DAY]


def test_another_build_code_makes_a_full_build(clone):
    """A database written by other code than the build's (db/: a table added, a column
    filled otherwise) is not mixed with the rows this code writes."""
    corpus, db_path, _ = clone
    with sqlite3.connect(db_path) as conn:
        conn.execute("update build_info set value = 'older code' where key = 'builder'")
    assert build(corpus, db_path, workers=2).full_build == "builder_changed"


def test_no_new_commit_changes_nothing(clone):
    corpus, db_path, _ = clone
    summary = build(corpus, db_path, workers=2)
    assert (summary.full_build, summary.new_commits, summary.parsed) == (None, 0, 0)


# --------------------------------------------------------------------------- helpers


def _versions(db_path: Path, act_id: str) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "select version_date from versions where act_id = ? and language = 'kk' and rebuilt = 0 order by ordinal", (act_id,)
        )
        return [row[0] for row in rows]


def _reach(db_path: Path) -> list[tuple]:
    """The changes of the touched act recorded for the corpus-wide queries (db.reach)."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "select unit, amending from changes_by_amending where changed_act_id = ? order by unit, amending", [TOUCHED_ACT]
        ).fetchall()


def _git(repository: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repository), *args], capture_output=True, text=True, check=True).stdout


def _folder_of(repository: Path, code: str) -> str:
    files = _git(repository, "ls-files").split()
    return next(path.rsplit("/", 1)[0] for path in files if path.endswith(f"-{code}/meta.yaml"))


def _assert_same_rows(updated: Path, full: Path) -> None:
    """Every table of the full build has the same rows in the updated database (in any
    order, less `ORDER_COLUMNS`); the search index by its rows' contents."""
    with sqlite3.connect(updated) as a, sqlite3.connect(full) as b:
        tables = _tables(b)
        assert _tables(a) == tables
        for table in tables:
            assert _rows(a, table) == _rows(b, table), table
        # texts no row holds any more: left by the update (db.version_store.prune_dropped_wordings), none by a full build
        assert _unheld_texts(b) == 0
        for table in KEPT_SHARED:  # and no span no interval names
            assert b.execute(f"select count(*) from {table}").fetchone() == b.execute(f"select count(*) from ({named_shared_sql(table)})").fetchone()
        # the index keeps no copy of its stems (contentless): the units it indexes, stemmed again
        def units(conn):
            return sorted((act_id, language, stems) for _, act_id, language, stems in stored_stems(conn))

        assert units(a) == units(b)
        for fts in ("provisions_fts", "notes_fts", "search_index"):  # each index holds its table's rows
            a.execute(f"insert into {fts} ({fts}) values ('integrity-check')")
        for word in ("бұйрық", "приказ", "2020"):
            assert _found(a, word) == _found(b, word), word


def _found(conn: sqlite3.Connection, word: str) -> tuple[list, list, list]:
    """What the full-text tables find of a word: provisions, notes, and acts by their words."""
    return (
        sorted(conn.execute("select p.id from provisions_fts f join provisions p on p.rowid = f.rowid where provisions_fts match ?", [word])),
        sorted(conn.execute("select n.id from notes_fts f join notes n on n.rowid = f.rowid where notes_fts match ?", [word])),
        sorted(conn.execute(
            "select r.act_id, r.language from search_acts s join search_act_rows r on r.first_rowid = s.rowid where search_acts match ?",
            [word],
        )),
    )


def _tables(conn: sqlite3.Connection) -> list[str]:
    """The plain tables (full-text tables' own storage aside) and views."""
    rows = conn.execute("select name, sql from sqlite_master where type in ('table', 'view') order by name").fetchall()
    virtual = [name for name, sql in rows if (sql or "").lower().startswith("create virtual")]
    return [name for name, _ in rows if name not in virtual and not any(name.startswith(v + "_") for v in virtual)]


#: The shared tables whose rows no stored row names stay, as texts do (`Shared.kept`).
KEPT_SHARED = {how.shared.table for how in BY_ID.values() if how.shared and how.shared.kept}


def _unheld_texts(conn: sqlite3.Connection) -> int:
    return conn.execute(f"select count(*) from texts where id not in ({held_texts_sql()})").fetchone()[0]


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple]:
    if table == "texts":  # those some row holds (see _assert_same_rows)
        return sorted(conn.execute(f"select id, body from texts where id in ({held_texts_sql()})").fetchall())
    if table in KEPT_SHARED:  # an interval's span: those some interval names (db.version_store.Shared.kept)
        return sorted(conn.execute(named_shared_sql(table)).fetchall(), key=repr)
    columns = [row[1] for row in conn.execute(f'pragma table_info("{table}")') if row[1] not in ORDER_COLUMNS.get(table, ())]
    names = ", ".join(f'"{column}"' for column in columns)
    return sorted(conn.execute(f'select {names} from "{table}"').fetchall(), key=repr)


#: Statements of the full build's passes that read or rewrite a whole table: an update's
#: passes run over the acts it stored again (db/incremental.py `_finish_passes`).
WHOLE_DATABASE = [
    r"values \('optimize'\)",  # merging an index into one segment reads all of it
    r"^delete from cited_acts$",
    r"^delete from (instruction_results|rebuilt_versions)$",
    # keys and links made for every row, not for those of the acts in temp.zan_gone / zan_keys
    r"^update (citations|amendments|instructions) set \w+ = (?!.*temp\.zan_)",
    r"^update cited_acts set (?!.*temp\.zan_)",
    r"^drop table if exists search_rows",
    r"^delete from (changes_by_amending|amending_reach)$",
    # the texts no row holds are found by reading every table that holds one (db.version_store.held_texts_sql)
    r"^delete from texts",
    r"^delete from unit_wordings where id not in \(select wording_id from version_units\)$",
]


def test_an_update_runs_no_pass_over_the_whole_database(clone, monkeypatch):
    import re

    import db.load

    corpus, db_path, held_back = clone
    statements: list[str] = []
    opened = db.load._temporary_database

    def traced(path: Path):
        database = opened(path)
        database.conn.set_trace_callback(statements.append)
        return database

    monkeypatch.setattr(db.load, "_temporary_database", traced)
    write_commits(corpus / "codes", [held_back])
    assert build(corpus, db_path, workers=2).full_build is None
    said = [" ".join(statement.split()) for statement in statements]
    assert any(statement.startswith("insert into cited_acts") for statement in said)  # the passes ran, over the touched acts
    assert [statement for statement in said if any(re.search(pattern, statement) for pattern in WHOLE_DATABASE)] == []


def test_an_update_finds_the_held_units_by_their_index_not_by_reading_every_interval(clone):
    """Every act of a mirror is held as at its last commit's day (`hold_until`), so an
    update moves the hold of every act it did not store again (`_move_hold`): it finds
    them by the index over open unproven intervals, and reads each one's interval before
    it by its key. The test repository holds 298 such units; 288,058 at 10,000 acts."""
    from db.incremental import HELD_UNITS_SQL

    _corpus, db_path, _held_back = clone
    with sqlite3.connect(db_path) as conn:
        (day,) = conn.execute("select last_commit_day from repositories").fetchone()
        held_as_at = conn.execute("select id from provision_version_spans where valid_to_basis_rule = 'held_as_at'").fetchall()
        plan = [row[-1] for row in conn.execute(f"explain query plan {HELD_UNITS_SQL}", {"old": day, "length": 6, "prefix": "codes/", "held": "held_as_at", "old_id": 0})]
    assert held_as_at  # the repository's acts are held
    assert "SEARCH s USING INDEX idx_provision_versions_unproven (span_id=?)" in plan
    assert "SEARCH p USING PRIMARY KEY (provision_id=? AND ordinal=?)" in plan
    assert not [step for step in plan if step.split()[:2] in (["SCAN", "s"], ["SCAN", "p"], ["SCAN", "u"])]  # the spans are few, read whole


def test_the_rows_of_unreadable_files_under_the_folders_go_with_their_doubts(tmp_path):
    """An update deletes the problems of the files under the touched folders that no act
    holds (`_delete_under_folders`: an unreadable version's): their places, and the doubts
    left with no place; an act's problems there are deleted with the act, the files of the
    other folders keep theirs. The problems are the parser's own of empty files."""
    import sqlite_utils

    from db.incremental import _delete_under_folders
    from db.schema import create_schema
    from db.sources import parse_file
    from db.store import Store

    folders = {name: tmp_path / "codes" / name for name in ("0715-a-104446", "0213-b-87811")}
    db = sqlite_utils.Database(tmp_path / "laws.db")
    create_schema(db)
    store = Store(db)
    for folder in folders.values():
        folder.mkdir(parents=True)
        (folder / "kaz.md").write_bytes(b"")
        document = parse_file(folder / "kaz.md")
        assert [p.kind for p in document.problems] == ["empty_file"]
        store.problems(f"codes/{folder.name}/kaz@1.md", None, document.problems)
        store.problems(f"codes/{folder.name}/rus@1.md", "law-1997-07-16-168", document.problems)  # an act's: not deleted here
    _delete_under_folders(db, ["codes/0715-a-104446/"])
    left = db.execute("select source_path, act_id from problems order by id").fetchall()
    assert left == [("codes/0715-a-104446/rus@1.md", "law-1997-07-16-168"), ("codes/0213-b-87811/kaz@1.md", None), ("codes/0213-b-87811/rus@1.md", "law-1997-07-16-168")]
    assert db.execute("select count(*) from problem_doubts").fetchone()[0] == 3
    assert db.execute("select count(*) from problem_doubts where id not in (select doubt_id from problem_rows)").fetchone()[0] == 0
