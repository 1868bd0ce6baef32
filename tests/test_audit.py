"""The honesty audit (`db.audit`, `zan audit`) on the bundled corpus, on the test git
repository, and on a corpus whose older version was tampered with.

The audit found two faults of the answers, both fixed:

- in a git corpus a commit that changed a text but kept the previous meta (137412's
  version of 27.10.2020) was dated by that meta, as the order of 10.08.2020, from
  29.10.2020 at the latest — two weeks before its wording could apply
  (`parser.versions`, tested in ``tests/test_versions.py``);
- a held text's wording was claimed known on any later date ("current wording; no note
  records a change to it"): built without 137412's version of 10.08.2020, the answer on
  29.10.2020 gave the 2019 rows of the annex as known — one row the 2020 order removed,
  one it reworded. A text now proves its wording only as far as the day it was current
  (`parser.timeline.hold_until`): after it, the wording is a candidate, not a fact.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from db.audit import audit_corpus, judge, question_dates, version_pairs
from db.load import build
from zan.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
V137412 = "zan-gov-kz/137412-administratsiia-prezidenta"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gitrepo import build_test_repository  # noqa: E402

#: Real lines of 137412's annex (versions of 03.12.2019 and 10.08.2020).
ROW_2019 = "Қазақстан Республикасының Президенті жанындағы «Орталық коммуникациялар қызметі» РММ | жедел | - | 1"
ROW_2020 = "Қазақстан Республикасының Президенті жанындағы «Орталық коммуникациялар қызметі» республикалық мемлекеттік мекемесі | жедел | - | 1"
LIMIT_2600 = "* - бір автокөліктің бір айдағы жүру лимиті 2600 км."


@pytest.fixture(scope="module")
def bundled_report():
    return audit_corpus(CORPUS, workers=1)


@pytest.fixture(scope="module")
def git_report(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("gitcorpus")
    build_test_repository(corpus / "bank")
    return audit_corpus(corpus, workers=1)


# --------------------------------------------------------------------------- judging one answer


def _answer(status: str, known: bool, text: str) -> dict:
    return {"id": "V1900019742/app/t1/r5", "status": status, "text_known": known, "text": text}


def test_a_known_wording_the_newer_version_confirms_is_right():
    verdict = judge(_answer("in_force", True, ROW_2020), "2020-10-29", ROW_2020, ROW_2019, "reworded")
    assert verdict.verdict == "right"


def test_a_known_wording_the_newer_version_rewords_is_confident_wrong():
    verdict = judge(_answer("in_force", True, ROW_2019), "2020-10-29", ROW_2020, ROW_2019, "reworded")
    assert (verdict.verdict, verdict.reason) == ("wrong", "differs")


def test_spacing_alone_is_no_difference():
    spaced = ROW_2020.replace(" | ", "  |   ")
    assert judge(_answer("in_force", True, spaced), "2020-10-29", ROW_2020, None, None).verdict == "right"


def test_a_unit_joined_by_a_new_rendering_is_not_a_wrong_answer():
    """A unit the full build's alignment saw joined to the one before (formatting only):
    the newer version holds no unit of its own for it."""
    verdict = judge(_answer("in_force", True, "1. Жалпы ережелер"), "2011-02-01", None, "1. Жалпы ережелер", "joined")
    assert verdict.verdict == "right"


def test_a_known_wording_of_a_unit_the_newer_version_removed_is_confident_wrong():
    verdict = judge(_answer("in_force", True, ROW_2019), "2020-10-29", None, ROW_2019, "removed")
    assert (verdict.verdict, verdict.reason) == ("wrong", "absent")


def test_not_in_force_while_the_newer_version_holds_the_unit_is_confident_wrong():
    verdict = judge(_answer("not_in_force", False, ROW_2019), "2020-10-29", ROW_2020, ROW_2019, "reworded")
    assert (verdict.verdict, verdict.reason) == ("wrong", "not_in_force")


def test_not_in_force_for_a_unit_the_newer_version_keeps_as_a_placeholder_is_right():
    verdict = judge(_answer("not_in_force", False, ROW_2019), "2020-10-29", "5. Алып тасталды", ROW_2019, "removed")
    assert verdict.verdict == "right"


def test_uncertain_and_unknown_wordings_are_honest_not_known():
    assert judge(_answer("uncertain", True, ROW_2019), "2020-10-29", ROW_2020, ROW_2019, "reworded").verdict == "not_known"
    assert judge(_answer("in_force", False, ROW_2019), "2020-10-29", ROW_2020, ROW_2019, "reworded").reason == "wording_not_known"


# --------------------------------------------------------------------------- the dates asked


def _version(effective_from=None, earliest=None, latest=None, status="bounded", version_date="2020-08-10") -> dict:
    return {
        "effective_from": effective_from,
        "effective_from_earliest": earliest,
        "effective_from_latest": latest,
        "date_status": status,
        "version_date": version_date,
    }


def test_dates_asked_run_from_the_newer_versions_last_possible_start_to_before_the_next():
    newer = _version(earliest="2020-09-29", latest="2020-10-29")
    following = _version(earliest="2020-11-07", latest=None, version_date="2020-10-27")
    assert question_dates(newer, following) == ["2020-10-29", "2020-11-06"]
    assert question_dates(newer, None) == ["2020-10-29"]


def test_no_date_is_asked_when_nothing_proves_the_newer_wording_applied():
    assert question_dates(_version(earliest="2010-10-29"), None) == []  # a window with no end
    assert question_dates(_version(status="unknown"), None) == []
    newer = _version(earliest="2020-09-29", latest="2020-10-29")
    assert question_dates(newer, _version(earliest="2020-09-29", latest="2020-10-29")) == []  # the next may apply


# --------------------------------------------------------------------------- the bundled corpus


def test_bundled_corpus_pairs_are_every_consecutive_real_version_of_each_text(tmp_path):
    build(CORPUS, tmp_path / "laws.db", workers=1, cache=False)
    conn = sqlite3.connect(tmp_path / "laws.db")
    pairs = [(older["id"], newer["id"]) for older, newer, _, _ in version_pairs(conn)]
    assert pairs == [
        ("V1900019742@2019-12-03", "V1900019742@2020-08-10"),
        ("V1900019742@2020-08-10", "V1900019742@2020-10-27"),
        ("order-2001-12-11-146@2004-05-26", "order-2001-12-11-146@2010-09-27"),
        ("order-2001-12-11-146@2010-09-27", "order-2001-12-11-146@2010-12-22"),
    ]


def test_bundled_corpus_audit_figures(bundled_report):
    """One pair is asked (137412, 2019 → 10.08.2020, on 29.10.2020 and 06.11.2020: 21
    units each); three are skipped: their newer version's window has no end. Built
    without the 2020 version, the 2019 text is as at 03.12.2019: every wording after it
    is a candidate, not known — among them the rows the 2020 order removed (r4,
    «Қоғамдық келісім») and reworded (r5, РММ → республикалық мемлекеттік мекемесі)."""
    assert bundled_report.line() == "42 answers, 0 confident wrong, 42 not known"
    assert bundled_report.skipped == 3
    [asked] = [pair for pair in bundled_report.pairs if not pair.skipped]
    assert (asked.older_id, asked.newer_id, asked.dates) == ("V1900019742@2019-12-03", "V1900019742@2020-08-10", ["2020-10-29", "2020-11-06"])
    assert asked.wrong_answers == []


def test_bundled_corpus_audit_reports_no_confident_wrong(bundled_report):
    assert bundled_report.wrong == 0


# --------------------------------------------------------------------------- the test git repository


def test_git_repository_audit_figures(git_report):
    """The same pair is asked as in the bundled corpus, with the same answers; the omnibus
    commit's companion of 11034 adds one skipped pair."""
    assert git_report.line() == "42 answers, 0 confident wrong, 42 not known"
    assert git_report.skipped == 4
    [asked] = [pair for pair in git_report.pairs if not pair.skipped]
    assert (asked.older_id, asked.newer_id, asked.dates) == ("V1900019742@2019-12-03", "V1900019742@2020-08-10", ["2020-10-29", "2020-11-06"])
    assert asked.wrong_answers == []


def test_git_repository_audit_reports_no_confident_wrong(git_report):
    assert git_report.wrong == 0


# --------------------------------------------------------------------------- the audit can fail


def test_a_tampered_older_version_is_caught(tmp_path, bundled_report):
    """The older file of 137412 given a note that never was: the order repealed by an
    order of 15.01.2020, from the day it was signed. The build without the newer version
    then says confidently that every unit was out of force in October 2020, which the real
    version of 10.08.2020 contradicts: the audit counts each of them wrong."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    older = corpus / V137412 / "kaz@2019-12-03.md"
    title, rest = older.read_text(encoding="utf-8").split("\n", 1)
    forged = (
        "> *Ескерту. Бұйрықтың күші жойылды - ҚР Президенті Кеңсесі бастығының 2020.01.15 № 1 "
        "(қол қойылған күнінен бастап күшіне енеді) бұйрығымен.*"
    )
    older.write_text(f"{title}\n\n{forged}\n{rest}", encoding="utf-8")
    report = audit_corpus(corpus, workers=1)
    # (the forged note names an act after the meta's version date: the version is dated by it)
    [asked] = [pair for pair in report.pairs if pair.newer_id == "V1900019742@2020-08-10"]
    reasons = {(v.date, v.reason) for v in asked.wrong_answers}
    assert reasons == {("2020-10-29", "not_in_force"), ("2020-11-06", "not_in_force")}
    assert (report.answers, report.wrong, bundled_report.wrong) == (42, 40, 0)
    assert report.line().endswith(f"{report.wrong} confident wrong, {report.not_known} not known")


# --------------------------------------------------------------------------- the command


def test_zan_audit_prints_each_pair_and_ends_with_the_totals():
    result = CliRunner().invoke(cli, ["audit", "--corpus", str(CORPUS), "--workers", "1", "--lang", "ru"])
    lines = result.output.strip().splitlines()
    assert lines[-1] == "42 answers, 0 confident wrong, 42 not known"
    assert "    29.10.2020, 06.11.2020: ответов 42, уверенно неверных 0, неизвестных 42" in lines
    assert result.exit_code == 0  # only a confident wrong answer fails the command


def test_zan_audit_json():
    result = CliRunner().invoke(cli, ["audit", "--json", "--corpus", str(CORPUS), "--workers", "1"])
    report = json.loads(result.output)
    assert (report["answers"], report["wrong"], report["not_known"], report["pairs_skipped"]) == (42, 0, 42, 3)
    assert report["acts"]["V1900019742"] == {"pairs": 2, "skipped": 1, "answers": 42, "wrong": 0, "not_known": 42}


def test_zan_audit_on_a_missing_corpus_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["audit", "--corpus", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Қате: {tmp_path / 'nowhere'} деген корпус қалтасы жоқ."]  # in the reader's language (--lang)
