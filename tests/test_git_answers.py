"""Every answer of the test git repository stays what it was before the build learned
to store versions by what changed (issue 24): `zan at` on every day an answer can change,
`zan versions` and `zan diff` of consecutive versions, for every act, in both languages
(`tests/git_answers.py`; the reference was recorded with the code of commit 40eff99)."""

from __future__ import annotations

import json

import pytest

from tests.git_answers import REFERENCE, answers, build_reference_database


@pytest.fixture(scope="module")
def given(tmp_path_factory):
    return answers(build_reference_database(tmp_path_factory.mktemp("git-answers")))


def test_the_same_commands_are_answered(given):
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert sorted(given) == sorted(reference)


def test_every_answer_is_what_it_was(given):
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    changed = [command for command, said in reference.items() if given.get(command) != said]
    assert not changed, f"{len(changed)} answers changed, e.g. zan {changed[0]}: {given.get(changed[0], '')[:400]!r}"


def test_the_reference_covers_every_question(given):
    commands = {command.split()[0] for command in given}
    assert commands == {"at", "versions", "diff"}
    assert len(given) > 200
    assert all(said.startswith(("exit 0", "sha256")) for said in given.values())
