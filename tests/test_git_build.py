"""`zan build --corpus DIR` where DIR holds the bank's git repositories: every version of
every act from the history (db/git_corpus.py), on a repository made from the real texts
(tests/gitrepo.py), checked against the build of the same texts as files."""

from __future__ import annotations

import sqlite3

import pytest

from db import build
from db.queries import act_on
from tests.conftest import CORPUS
from tests.gitrepo import build_test_repository, repository_commits, write_commits
from zan.messages import build_summary_line


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    """A corpus folder holding one clone: the test repository, less its last 137412
    version (2020-10-27), which `test_a_rebuild_after_one_new_commit` adds."""
    corpus = tmp_path_factory.mktemp("git-corpus")
    commits = repository_commits()
    held_back = next(c for c in commits if c.day == "2020-10-27")
    build_test_repository(corpus / "codes", commits=[c for c in commits if c is not held_back])
    return corpus, held_back


@pytest.fixture(scope="module")
def built(bank, tmp_path_factory):
    corpus, _ = bank
    db_path = tmp_path_factory.mktemp("git-db") / "laws.db"
    stored: list[tuple[int, int, int]] = []
    summary = build(corpus, db_path, workers=2, on_acts=lambda *progress: stored.append(progress))
    summary.acts_stored = stored  # type: ignore[attr-defined]
    return db_path, summary


def test_the_build_reports_each_act_held_in_versions_as_it_is_stored(built):
    """The progress a terminal shows once everything is read (`zan build`): acts stored
    of all the acts held in versions, and their versions so far."""
    db_path, summary = built
    with sqlite3.connect(db_path) as conn:
        acts = conn.execute("select count(distinct act_id) from versions where rebuilt = 0").fetchone()[0]
        held = conn.execute("select count(*) from versions where rebuilt = 0").fetchone()[0]
    assert [done for done, _, _ in summary.acts_stored] == list(range(1, acts + 1))
    assert summary.acts_stored[-1] == (acts, acts, held)


def versions(db_path, act_id: str, language: str = "kk") -> list[tuple[str, str]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "select version_date, source_path from versions where act_id = ? and language = ? and rebuilt = 0 order by ordinal",
            (act_id, language),
        ).fetchall()


def test_every_version_of_every_act_is_read_from_the_history(built):
    db_path, summary = built
    # order № 146 of 11.12.2001: its three versions are three commits of one folder
    assert [date for date, _ in versions(db_path, "order-2001-12-11-146")] == ["2004-05-26", "2010-09-27", "2010-12-22"]
    # each version names the text at its commit: ``…/codes/07-ministerial/…-11034/kaz@1fee3f800f81.md``
    assert all("/codes/07-ministerial/" in path and "/kaz@" in path for _, path in versions(db_path, "order-2001-12-11-146"))
    # 137412: two versions so far (the third is held back for the next test)
    assert [date for date, _ in versions(db_path, "V1900019742")] == ["2019-12-03", "2020-08-10"]
    assert summary.repositories and summary.repositories[0].commits == len(repository_commits()) - 1
    assert "; 1 git репозиторийі, " in build_summary_line(summary, "kk")


def test_the_working_tree_is_not_read_as_files(built):
    db_path, _ = built
    with sqlite3.connect(db_path) as conn:
        paths = [row[0] for row in conn.execute("select path from sources")]
    assert paths and all("@" in path for path in paths)  # every source is a text at a commit


def test_a_moved_folder_is_one_act_and_a_removed_act_keeps_its_versions(built):
    db_path, _ = built
    with sqlite3.connect(db_path) as conn:
        acts = {row[0] for row in conn.execute("select id from acts")}
    assert "law-1999-07-13-414" in acts  # 4051 moved between layouts: still one act
    assert not any(act.startswith("law-1999-07-13-414~") for act in acts)
    assert versions(db_path, "V1500010492") and versions(db_path, "V1500010492", "ru")  # 87811 left the bank in 2017


def test_the_history_gives_the_answers_the_files_give(built, corpus_db):
    """The same real texts, read from git or from files, give the same point-in-time
    answers: the wording of order № 146 between its versions comes from the real
    earlier version."""
    db_path, _ = built
    for date in ("2005-01-01", "2010-10-15", "2012-01-01"):
        with sqlite3.connect(db_path) as from_git, sqlite3.connect(corpus_db) as from_files:
            from_git.row_factory = from_files.row_factory = sqlite3.Row
            git_answer, file_answer = act_on(from_git, "order-2001-12-11-146", date), act_on(from_files, "order-2001-12-11-146", date)
        assert [(p["key"], p["status"], p["text_known"], p["text"]) for p in git_answer["provisions"]] == [
            (p["key"], p["status"], p["text_known"], p["text"]) for p in file_answer["provisions"]
        ], date


def assert_each_doubt_once(conn: sqlite3.Connection) -> None:
    """`problems` holds each distinct doubt once (issue 24): no two rows of `problem_doubts`
    alike, each named by a place (a row of `problem_rows`) and each place's doubt there."""
    doubts, distinct = conn.execute(
        "select count(*), (select count(*) from (select distinct act_id, severity, kind, message_id from problem_doubts)) from problem_doubts"
    ).fetchone()
    assert doubts == distinct
    assert conn.execute("select count(*) from problem_doubts d where not exists (select 1 from problem_rows s where s.doubt_id = d.id)").fetchone()[0] == 0
    assert conn.execute("select count(*) from problem_rows s where s.doubt_id not in (select id from problem_doubts)").fetchone()[0] == 0


def test_the_intervals_given_alike_share_their_end_and_bases(built):
    """provision_versions holds each distinct end and bases of an interval once (issue 24):
    the test repository's 2,081 intervals have 71, each a row of provision_version_spans
    (no two alike, each named by an interval, each interval's there); 20 of 137412's 42
    are its Kazakh units held since 2023-07-02, their wording unproven, and share one."""
    from db.version_store import SPAN_COLUMNS

    db_path, _ = built
    with sqlite3.connect(db_path) as conn:
        named = ", ".join(f"{column}_id" if column.endswith("_data") else column for column in SPAN_COLUMNS)
        assert conn.execute(
            f"select count(*), (select count(*) from (select distinct {named} from provision_version_spans)) from provision_version_spans"
        ).fetchone() == (71, 71)
        assert conn.execute("select count(*), count(distinct span_id) from provision_version_rows").fetchone() == (2081, 71)
        assert conn.execute("select count(*) from provision_version_rows where span_id not in (select id from provision_version_spans)").fetchone()[0] == 0
        shared = conn.execute(
            "select span_id, count(*) from provision_version_rows where provision_id like 'V1900019742/%' group by span_id order by 2 desc"
        ).fetchall()
        assert [count for _, count in shared] == [20, 19, 2, 1]
        intervals = conn.execute(
            "select distinct valid_from, valid_to, basis_rule, basis_data from provision_versions"
            " where (provision_id, ordinal) in (select provision_id, ordinal from provision_version_rows where span_id = ?)",
            (shared[0][0],),
        ).fetchall()
        assert intervals == [("2023-07-02", None, "held_unproven", '{"dates":{"as_at":"2023-07-01"}}')]


def places(conn: sqlite3.Connection, act_id: str, kind: str) -> list[tuple[int, str]]:
    """The doubts of `kind` about an act, each with where it was found: (doubt, file)."""
    return conn.execute(
        "select d.id, (select body from texts where id = s.source_path_id) from problem_doubts d join problem_rows s on s.doubt_id = d.id"
        " where d.act_id = ? and d.kind = ? order by s.id",
        (act_id, kind),
    ).fetchall()


def test_a_doubt_found_in_several_files_is_held_once(built):
    """Law № 168 of 16.07.1997: the bank's meta dates it a day before its requisite, and
    both its texts say so; one doubt, found in two places, and the problems view shows
    both as before."""
    db_path, _ = built
    with sqlite3.connect(db_path) as conn:
        assert_each_doubt_once(conn)
        found = places(conn, "law-1997-07-16-168", "date_disagreement")
        assert len({doubt for doubt, _ in found}) == 1
        folder = "/codes/03-laws/1997/0715-o-vvedenii-v-deistvie-ugolovnogo-kodeksa-respubliki-kazakhstan-104446/"
        assert [path.split(folder, 1)[1].split("@")[0] for _, path in found] == ["kaz", "rus"]
        shown = conn.execute(
            "select severity, message, source_line from problems where act_id = 'law-1997-07-16-168' and kind = 'date_disagreement' order by id"
        ).fetchall()
        message = "the bank's meta says the act was approved on 1997-07-15, its requisite dates it 1997-07-16; the requisite is used"
        assert shown == [("warning", message, 1), ("warning", message, 1)]


def test_a_rebuild_after_one_new_commit(bank, built, tmp_path):
    corpus, held_back = bank
    db_path, _ = built
    previous = db_path.read_bytes()
    rebuilt = tmp_path / "laws.db"
    rebuilt.write_bytes(previous)
    (tmp_path / "laws.db.cache").write_bytes((db_path.parent / "laws.db.cache").read_bytes())
    write_commits(corpus / "codes", [held_back])
    summary = build(corpus, rebuilt)
    assert (summary.new_commits, summary.new_acts, summary.reparsed) == (1, 1, True)
    assert summary.full_build is None  # an update from the new commit (db.incremental)
    assert summary.parsed == 2  # the Kazakh and Russian texts of 137412's new version
    assert [date for date, _ in versions(rebuilt, "V1900019742")] == ["2019-12-03", "2020-08-10", "2020-10-27"]
    assert [date for date, _ in versions(rebuilt, "V1900019742", "ru")] == ["2020-10-27"]
    with sqlite3.connect(rebuilt) as conn:
        (last,) = conn.execute("select last_commit from repositories").fetchone()
    assert last == _head(corpus / "codes")
    # the new version's texts are dated by a stale meta: one doubt, in its Kazakh and Russian files
    with sqlite3.connect(rebuilt) as conn:
        assert_each_doubt_once(conn)
        found = places(conn, "V1900019742", "version_meta_stale")
        assert len({doubt for doubt, _ in found}) == 1
        assert [path.rsplit("/", 1)[1].split("@")[0] for _, path in found] == ["kaz", "rus"]


def _head(repository) -> str:
    import subprocess

    return subprocess.run(["git", "-C", str(repository), "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()


def test_the_corpus_walk_of_the_bundled_corpus_finds_no_repository():
    from db.git_history import find_repositories

    assert find_repositories(CORPUS) == []
