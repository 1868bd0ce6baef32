"""benchmarks/make_git_corpus.py: a small generated repository, read back with db.git_history."""

from __future__ import annotations

import difflib
import re
import subprocess
from collections import defaultdict

import pytest
import yaml

from benchmarks.make_git_corpus import FIRST_CODE, LAST_DAY, LAYOUT_DAY, append, make
from db.git_history import read_history


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    repository = tmp_path_factory.mktemp("gen") / "bank.git"
    figures = make(repository, acts=60, seed=3)
    return figures, list(read_history(repository))


def test_every_act_and_version_is_in_the_history(generated):
    figures, versions = generated
    codes = {v.act_code for v in versions}
    assert codes == {str(FIRST_CODE + i) for i in range(60)}
    kept = [v for v in versions if not v.removed and v.previous_path is None]
    assert len(kept) == figures["versions"]
    assert len({v.commit for v in versions}) == figures["commits"]


def test_each_version_is_dated_by_its_meta_and_names_its_cause(generated):
    _, versions = generated
    for version in versions:
        if version.removed:
            continue
        meta = yaml.safe_load(version.files["meta.yaml"])
        assert str(meta["act_code"]) == version.act_code
        if version.previous_path is None:  # a move keeps the version it moved
            assert str(meta["version_date"]["kaz"]) == version.commit_date
        if "caused_by" in meta and version.previous_path is None:
            assert version.trailers["Cause-Act-Code"] == str(meta["caused_by"]["code"])


def test_a_version_changes_a_few_units_and_adds_their_notes(generated):
    _, versions = generated
    by_act = defaultdict(list)
    for version in versions:
        if not version.removed and version.previous_path is None:
            by_act[version.act_code].append(version)
    compared = 0
    for history in by_act.values():
        for before, after in zip(history, history[1:]):
            for name in ("kaz.md", "rus.md"):
                if name not in after.files or name not in before.files:
                    continue
                old, new = before.files[name].decode().split("\n"), after.files[name].decode().split("\n")
                added = [line for line in difflib.unified_diff(old, new, lineterm="", n=0) if line.startswith("+") and not line.startswith("+++")]
                notes = [line for line in added if "Ескерту." in line or "Сноска." in line]
                assert len(notes) <= 3
                compared += 1
    assert compared > 50


def test_omnibus_moves_and_removals(generated):
    _, versions = generated
    per_commit = defaultdict(set)
    for version in versions:
        per_commit[version.commit].add(version.act_code)
    omnibus = [v for v in versions if v.subject.startswith("№9") and "-O " in v.subject]
    assert omnibus and any(len(per_commit[v.commit]) > 1 for v in omnibus)
    moved = [v for v in versions if v.previous_path]
    assert moved and all(v.commit_date == LAYOUT_DAY.isoformat() and v.path.startswith("03-laws/") for v in moved)
    assert all(v.previous_path.split("/")[1][:8].isdigit() for v in moved)  # 03-laws/YYYYMMDD-slug-CODE
    (removed,) = [v for v in versions if v.removed]  # 2 % of the acts: one of these 60
    assert removed.files == {} and removed.subject == f"Утратил силу: {removed.act_code}"
    assert removed.commit_date > max(v.commit_date for v in versions if v.act_code == removed.act_code and not v.removed)


def _git(repository, *args) -> str:
    return subprocess.run(["git", "-C", str(repository), *args], check=True, capture_output=True, text=True).stdout.strip()


def _act_blobs(repository, commit) -> dict[str, str]:
    """Each act's files at `commit`: act code -> the blob ids of its files."""
    blobs = defaultdict(list)
    for line in _git(repository, "ls-tree", "-r", commit).splitlines():
        info, path = line.split("\t")
        code = re.search(r"-(\d{7})/", path)[1]  # the act's folder ends in its code
        blobs[code].append(info.split()[2])
    return {code: " ".join(sorted(ids)) for code, ids in blobs.items()}


@pytest.fixture(scope="module")
def appended(tmp_path_factory):
    """A 20-act repository before and after ``--more 5``."""
    repository = tmp_path_factory.mktemp("more") / "bank.git"
    make(repository, acts=20, seed=5)
    head = _git(repository, "rev-parse", "main")
    figures = append(repository, acts=20, more=5, seed=5)
    return repository, head, figures


def test_more_appends_its_commits_to_the_branch_after_its_last_day(appended):
    repository, head, figures = appended
    assert figures["commits"] == 5
    assert _git(repository, "rev-list", "--count", f"{head}..main") == "5"
    assert _git(repository, "merge-base", "--is-ancestor", head, "main") == ""  # the old head is kept
    old_day = _git(repository, "log", "-1", "--format=%cs", head)
    new_days = _git(repository, "log", "--format=%cs", f"{head}..main").split()
    assert old_day <= LAST_DAY.isoformat() < min(new_days)
    assert new_days == sorted(new_days, reverse=True) and len(set(new_days)) == 5


def test_each_new_commit_is_a_new_version_of_the_acts_it_changes(appended):
    repository, head, _ = appended
    versions = [v for v in read_history(repository, head)]
    assert len({v.commit for v in versions}) == 5
    before, after = _act_blobs(repository, head), _act_blobs(repository, "main")
    changed = {code for code in after if after[code] != before.get(code)}
    assert changed == {v.act_code for v in versions}
    for version in versions:
        meta = yaml.safe_load(version.files["meta.yaml"])
        assert str(meta["version_date"]["kaz"]) == version.commit_date
        assert version.trailers["Cause-Act-Code"] == str(meta["caused_by"]["code"])
        assert str(meta["caused_by"]["requisite"]).endswith(f"от {version.commit_date} № {version.subject[1:].split()[0]}")


def test_more_again_continues_the_same_sequence(appended, tmp_path):
    repository, head, _ = appended
    copy = tmp_path / "copy.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repository), str(copy)], check=True)
    _git(copy, "update-ref", "refs/heads/main", head)  # back to the generated history
    append(copy, acts=20, more=2, seed=5)
    append(copy, acts=20, more=3, seed=5)
    assert _git(copy, "rev-parse", "main^{tree}") == _git(repository, "rev-parse", "main^{tree}")


def test_more_refuses_a_repository_made_with_other_acts(appended):
    repository, _, _ = appended
    with pytest.raises(ValueError, match="not made with"):
        append(repository, acts=40, more=1, seed=5)


def test_with_own_words_no_two_acts_of_one_template_share_a_unit(tmp_path):
    """The generated acts are made from a few real ones: acts of one template print the
    same units, and the parser's per-text memos serve one act from another's, which the
    bank's acts do not. ``--own-words`` ends each unit's first line in a word of the
    act's own, its code in letters, so no number of the unit changes."""
    from benchmarks.make_git_corpus import own_word

    assert own_word("1000047") == "баааадз"
    units: dict[str, set[str]] = defaultdict(set)
    repository = tmp_path / "bank.git"
    make(repository, acts=12, seed=3, own_words=True)
    for version in read_history(repository):
        if version.removed or "kaz.md" not in version.files:
            continue
        word = own_word(version.act_code)
        for line in version.files["kaz.md"].decode().split("\n"):
            if re.match(r"^\s*\d+(?:-\d+)?(?:\\?\.|\))\s", line):
                assert line.endswith(word) or word + " және" in line, line
                units[version.act_code].add(line)
    codes = sorted(units)
    assert len(codes) > 2
    assert all(not units[a] & units[b] for a in codes for b in codes if a < b)
