"""db/git_history.py on the test repository (tests/gitrepo.py): a git repository in the
bank's layout made from the real texts of corpus-extra and corpus-bank."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from db.git_history import (
    ActVersion,
    HistoryError,
    act_folder,
    find_repositories,
    folder_code,
    head_commit,
    in_history_order,
    parse_commit,
    read_commits,
    read_history,
    read_repositories,
    summarize_new,
)
from tests.gitrepo import (
    BANK,
    EXTRA,
    FOLDERS,
    MOVED_ACT,
    OLD_FOLDER_4051,
    OMNIBUS_COMPANION,
    REMOVED_ACT,
    REMOVED_ON,
    Commit,
    build_test_repository,
    repository_commits,
    write_commits,
)


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    return build_test_repository(tmp_path_factory.mktemp("git") / "bank")


@pytest.fixture(scope="module")
def versions(repository) -> list[ActVersion]:
    return list(read_history(repository))


def of_act(versions: list[ActVersion], code: str) -> list[ActVersion]:
    return [version for version in versions if version.act_code == code]


# the corpus-extra acts, each version with its meta and date
EXTRA_VERSIONS = {
    "11034": ["2004-05-26", "2010-09-27", "2010-12-22"],
    "137412": ["2019-12-03", "2020-08-10", "2020-10-27"],
    "164562": ["2022-02-15"],
    "87811": ["2015-02-13"],
    "180312": ["2023-04-25"],
}


@pytest.mark.parametrize("code", sorted(EXTRA_VERSIONS))
def test_every_version_of_every_corpus_extra_act_with_its_date_and_text(versions, code):
    held = [v for v in of_act(versions, code) if not v.removed]
    assert [v.commit_date for v in held] == EXTRA_VERSIONS[code]
    folder = EXTRA / {"11034": "11034-adilet", "137412": "137412-administratsiia-prezidenta", "164562": "164562-minfin",
                      "87811": "87811-qriim", "180312": "180312-upravlenie-delami-prezidenta"}[code]  # fmt: skip
    for version in held:
        kaz = folder / (f"kaz@{version.commit_date}.md" if len(held) > 1 else "kaz.md")
        assert version.files["kaz.md"] == kaz.read_bytes()
        assert version.path == FOLDERS[code]
        assert version.committed_at == f"{version.commit_date}T00:00:00+00:00"
        meta = yaml.safe_load(version.files["meta.yaml"])
        assert str(meta["act_code"]) == code
        own_meta = str(meta["version_date"]["kaz"]) == version.commit_date
        if own_meta and "caused_by" in meta:
            cause = meta["caused_by"]
            assert version.trailers["Cause-Act-Code"] == str(cause["code"])
            assert version.trailers["Cause-Act-Requisite"] == cause["requisite"]
            assert version.trailers["Cause-Act-Link"] == cause["link"]
        else:  # no cause, or not known (137412 of 27.10.2020 keeps the meta before it)
            assert version.trailers == {}


def test_a_version_without_a_stored_meta_keeps_the_one_before(versions):
    newest = of_act(versions, "137412")[-1]
    assert newest.files["meta.yaml"] == (EXTRA / "137412-administratsiia-prezidenta/meta@2020-08-10.yaml").read_bytes()
    # both languages of the newest version: the Russian text is corpus-bank's
    assert newest.files["rus.md"] == (BANK / "137412-administratsiia-prezidenta/rus@2020-10-27.md").read_bytes()
    assert newest.trailers == {}  # its amending order's code is not recorded


def test_trailers_come_from_the_meta_cause(versions):
    version = of_act(versions, "11034")[-1]
    assert version.trailers == {
        "Cause-Act-Code": "57031",
        "Cause-Act-Requisite": "Приказ Министра юстиции Республики Казахстан от 22 декабря 2010 года № 341. "
        "Зарегистрирован в Министерстве юстиции Республики Казахстан 18 января 2011 года № 6745. "
        "Утратил силу приказом Министра внутренних дел Республики Казахстан от 2 декабря 2016 года № 1122",
        "Cause-Act-Title": "О внесении изменений и дополнения в некоторые приказы Министра юстиции Республики Казахстан",
        "Cause-Act-Link": "https://zan.gov.kz/client/#!/doc/57031/rus",
        "Acts-Changed": "2",
    }
    assert version.subject == "№341 О внесении изменений и дополнения в некоторые приказы Министра юстиции Республики Казахстан"
    first_order = of_act(versions, "164562")[0]
    assert first_order.trailers == {} and first_order.subject.startswith("№168 ")


def test_an_omnibus_commit_gives_each_act_it_touched_a_version(versions):
    omnibus = [v for v in versions if v.trailers.get("Cause-Act-Code") == "55036"]
    assert sorted(v.act_code for v in omnibus) == sorted(["11034", OMNIBUS_COMPANION])
    assert len({v.commit for v in omnibus}) == 1
    assert all(v.commit_date == "2010-09-27" and v.trailers["Acts-Changed"] == "2" for v in omnibus)
    assert omnibus[0].files["kaz.md"] == (EXTRA / "11034-adilet/kaz@2010-09-27.md").read_bytes()


def test_the_moved_folder_is_one_act(versions):
    moved = of_act(versions, MOVED_ACT)
    assert [(v.path, v.previous_path, v.removed) for v in moved] == [
        (OLD_FOLDER_4051, None, False),
        (FOLDERS[MOVED_ACT], OLD_FOLDER_4051, False),
    ]
    assert moved[0].files == moved[1].files
    assert set(moved[1].files) == {"meta.yaml", "kaz.md", "rus.md"}
    assert moved[1].files["rus.md"] == (BANK / "4051-posobie-gornye-raboty/rus.md").read_bytes()


def test_the_removed_act_is_reported_removed(versions):
    records = of_act(versions, REMOVED_ACT)
    assert [(v.commit_date, v.removed) for v in records] == [("2015-02-13", False), (REMOVED_ON, True)]
    removed = records[-1]
    assert removed.files == {} and removed.path == FOLDERS[REMOVED_ACT]
    assert removed.subject.startswith("№240 ")


def test_the_split_act_comes_with_its_part_files(versions):
    (act,) = of_act(versions, "4")
    assert set(act.files) == {"meta.yaml", "kaz.md", "rus.md", "kaz/ch015.md", "rus/ch015.md"}
    for name, content in act.files.items():
        assert content == (BANK / "4-konst-zakon-o-vyborakh" / name).read_bytes()
    assert act.path.startswith("01-const-laws/1995/") and act.trailers["Cause-Act-Code"] == "173442"


def test_laws_in_both_languages(versions):
    for code in ("4570", "104446", "33276", "4013", "160919"):
        (act,) = of_act(versions, code)
        assert {"kaz.md", "rus.md", "meta.yaml"} <= set(act.files)
        assert act.path.startswith("03-laws/")


def test_every_commit_is_read_once_and_in_order(repository, versions):
    commits = subprocess.run(
        ["git", "-C", str(repository), "rev-list", "--reverse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.split()
    read = list(dict.fromkeys(v.commit for v in versions))
    assert read == commits
    assert len(commits) == len(repository_commits())
    dates = [v.commit_date for v in versions]
    assert dates == sorted(dates)


def test_a_rebuild_after_one_new_commit_reads_only_that_commit(tmp_path):
    commits = repository_commits()
    # hold back the last version of 137412 (2020-10-27), then add it as the new commit
    held_back = next(c for c in commits if c.day == "2020-10-27")
    repository = build_test_repository(tmp_path / "bank", commits=[c for c in commits if c is not held_back])
    last_read = head_commit(repository)
    assert str(summarize_new(repository, last_read)) == "0 new commits, 0 acts touched"
    assert list(read_history(repository, since=last_read)) == []
    write_commits(repository, [held_back])
    new = list(read_history(repository, since=last_read))
    assert [(v.act_code, v.commit_date) for v in new] == [("137412", "2020-10-27")]
    assert new[0].commit == head_commit(repository)
    assert set(new[0].files) == {"meta.yaml", "kaz.md", "rus.md"}
    assert str(summarize_new(repository, last_read)) == "1 new commits, 1 acts touched"


def test_new_commits_that_remove_an_act_are_read_as_removed(tmp_path):
    repository = build_test_repository(tmp_path / "bank")
    last_read = head_commit(repository)
    folder = FOLDERS["33276"]  # repealed by the Labour Code of 23.11.2015 (its requisite)
    write_commits(repository, [Commit("2016-01-01", "№414-V Утратил силу", {folder: None})])
    (removed,) = read_history(repository, since=last_read)
    assert (removed.act_code, removed.removed, removed.path, removed.files) == ("33276", True, folder, {})
    summary = summarize_new(repository, last_read)
    assert (summary.commits, summary.acts, summary.head) == (1, 1, head_commit(repository))


def test_a_rewritten_history_is_an_error_not_a_silent_partial_read(repository):
    with pytest.raises(HistoryError, match="unknown commit"):
        list(read_history(repository, since="0" * 40))


def test_a_history_rewritten_since_the_last_read_is_an_error(tmp_path):
    repository = build_test_repository(tmp_path / "bank")
    last_read = head_commit(repository)
    subprocess.run(["git", "-C", str(repository), "reset", "-q", "--hard", "HEAD~1"], check=True)
    write_commits(repository, [Commit("2023-07-02", "another layout change", {"03-laws/README.md": b"laws\n"})])
    with pytest.raises(HistoryError, match="not an ancestor"):
        list(read_history(repository, since=last_read))


def test_a_commit_that_touches_no_act_counts_as_new_but_yields_nothing(tmp_path):
    repository = build_test_repository(tmp_path / "bank")
    last_read = head_commit(repository)
    write_commits(repository, [Commit("2023-07-02", "README", {"README.md": b"mirror\n", "03-laws/README.md": b"laws\n"})])
    assert list(read_history(repository, since=last_read)) == []
    assert str(summarize_new(repository, last_read)) == "1 new commits, 0 acts touched"


def test_repositories_of_a_corpus_folder(tmp_path):
    first = build_test_repository(tmp_path / "corpus" / "codes", commits=repository_commits()[:2])
    second = build_test_repository(tmp_path / "corpus" / "ministerial", commits=repository_commits()[2:4])
    (tmp_path / "corpus" / "notes").mkdir()
    assert find_repositories(tmp_path / "corpus") == [first, second]
    assert find_repositories(first) == [first]
    read = list(read_repositories({str(first): None, str(second): head_commit(second)}))
    assert {v.repository for v in read} == {str(first)}
    assert [v.commit_date for v in read] == [c.day for c in repository_commits()[:2]]


def test_not_a_repository(tmp_path):
    with pytest.raises(HistoryError, match="not a git repository"):
        list(read_history(tmp_path))


def test_counting_reads_the_meta_alone(repository):
    counted = list(read_history(repository, with_files=False))
    assert all(set(v.files) <= {"meta.yaml"} for v in counted)
    assert len(counted) == len(list(read_history(repository)))
    assert str(summarize_new(repository)) == f"{len(repository_commits())} new commits, 13 acts touched"


def test_act_folders_by_layout():
    assert act_folder("03-laws/1999/0713-x-4051/kaz.md") == ("03-laws/1999/0713-x-4051", "kaz.md")
    assert act_folder("01-const-laws/1995/0928-x-4/rus/ch015.md") == ("01-const-laws/1995/0928-x-4", "rus/ch015.md")
    assert act_folder("README.md") is None
    assert folder_code("03-laws/19990713-x-4051") == "4051"
    assert folder_code("07-ministerial/101001000000-administratsiia-prezidenta") is None


def test_trailers_as_git_reads_them():
    raw = (
        b"tree 0\nauthor a <a> 1285545600 +0000\ncommitter a <a> 1285545600 +0600\n\n"
        b"\xe2\x84\x96268 Subject\n\nBody: not a trailer paragraph\nbecause of this line\n\n"
        b"Cause-Act-Code: 55036\nCause-Act-Title: a long\n  folded title\nActs-Changed: 2\n"
    )
    committed_at, day, subject, trailers = parse_commit(raw)
    assert (committed_at, day, subject) == ("2010-09-27T06:00:00+06:00", "2010-09-27", "№268 Subject")
    assert trailers == {"Cause-Act-Code": "55036", "Cause-Act-Title": "a long folded title", "Acts-Changed": "2"}
    assert parse_commit(b"committer a <a> 0 +0000\n\nOnly: a subject\n")[3] == {}


def test_a_commit_larger_than_a_chunk_is_read_chunk_by_chunk_to_the_same_records(monkeypatch, repository, versions):
    import db.git_history

    monkeypatch.setattr(db.git_history, "CHUNK_ACTS", 1)  # the omnibus and the move exceed it
    assert list(read_history(repository)) == versions


def test_the_history_of_many_folders_is_the_same_read_by_git_or_kept_here(repository, versions, monkeypatch):
    """An update reads the history of the acts it touched: for a few folders git limits
    its walk (literal pathspecs); for more than `PATHSPEC_LIMIT`, git walks every commit
    once and the changes under the folders are kept here (git matches each pathspec
    against every commit: the 265 folders of a 10,000-act update took over four minutes).
    Both give the same versions, each act's whole history and nothing of another act."""
    import db.git_history as git_history

    chosen = sorted({version.path for version in versions})[::2]
    assert len(chosen) > 2
    monkeypatch.setattr(git_history, "PATHSPEC_LIMIT", 1000)
    by_git = list(read_history(repository, paths=chosen))
    monkeypatch.setattr(git_history, "PATHSPEC_LIMIT", 1)
    kept_here = list(read_history(repository, paths=chosen))
    assert by_git == kept_here and by_git
    assert {version.act_code for version in by_git} < {version.act_code for version in versions}


def test_the_versions_of_named_commits_are_those_the_walk_gives_for_them(repository, versions):
    """An update reads the touched acts' history from the commits their texts were read
    from (`in_history_order`, `read_commits`): named by 12 characters in any order, they
    come oldest first, each with the versions the whole walk gives it under the folders."""
    chosen = sorted({version.path for version in versions})[::2]
    walked = list(read_history(repository, paths=chosen))
    commits = sorted({version.commit[:12] for version in walked}, reverse=True)  # not history order
    ordered = in_history_order(repository, commits)
    assert [commit[:12] for commit in ordered] == list(dict.fromkeys(version.commit[:12] for version in walked))
    assert list(read_commits(repository, ordered, paths=chosen)) == walked
    with pytest.raises(HistoryError, match="not in HEAD's history: 000000000000"):
        in_history_order(repository, [*commits, "000000000000"])
