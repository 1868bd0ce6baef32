"""benchmarks/make_git_corpus.py: a small generated repository, read back with db.git_history."""

from __future__ import annotations

import difflib
from collections import defaultdict

import pytest
import yaml

from benchmarks.make_git_corpus import FIRST_CODE, LAYOUT_DAY, make
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
