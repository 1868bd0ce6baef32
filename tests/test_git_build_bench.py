"""benchmarks/git_build_bench.py: its measurements of a real `zan build` of a small
generated repository are sane (no timing is asserted)."""

from __future__ import annotations

import sqlite3
import subprocess

import pytest

from benchmarks.git_build_bench import (
    LANG,
    Phase,
    history_bytes,
    markdown,
    measure_database,
    parse_summary,
    rates,
    run_build,
    table_sizes,
    tree_bytes,
    write_plain_corpus,
)
from benchmarks.make_git_corpus import append, make
from db.load import BuildSummary
from zan.messages import build_summary_line


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """A 5-act repository built from scratch, then again after two new commits."""
    corpus = tmp_path_factory.mktemp("bench") / "corpus"
    repository = corpus / "bank.git"
    made = make(repository, acts=5, seed=2)
    db = corpus.parent / "zan.db"
    first = run_build(corpus, db, workers=1, no_cache=False)
    old_head = subprocess.run(["git", "-C", str(repository), "rev-parse", "main"], check=True, capture_output=True, text=True).stdout.strip()
    append(repository, acts=5, more=2, seed=2)
    later = run_build(corpus, db, workers=1, no_cache=False)
    return made, repository, db, old_head, first, measure_database(db), later


def test_a_build_is_timed_and_its_memory_read(builds):
    _, _, _, _, first, _, later = builds
    for run in (first, later):
        assert run.wall_seconds > 0 and 0 < run.cpu_seconds
        assert run.peaks.main > 10_000_000  # a Python process with the parser loaded
        assert run.tree_max_rss is None or run.tree_max_rss >= run.peaks.main * 0.9
    # the whole history is read by git processes for long enough to be sampled (every
    # 0.2 s); reading two new commits may take less, so the later build's git may go unseen
    assert first.peaks.git > 0


def test_the_summary_line_says_what_is_new(builds):
    made, _, _, _, first, _, later = builds
    # a first build: everything it read is new (the layout commit that only moves folders aside)
    assert made["commits"] - 1 <= first.new_commits <= made["commits"] and first.commits_read == first.new_commits
    assert first.line.startswith(f"{corpus_db(first)}: ") and "documents" not in first.line  # in --lang ru, as asked
    assert first.reused == 0
    assert later.new_commits == 2 and 1 <= later.acts_touched <= 2 * 8
    assert later.reused > 0 and later.parsed < first.parsed  # the cache kept the old versions


def test_the_database_holds_its_distinct_texts_at_a_ratio(builds):
    _, _, db, _, _, database, _ = builds
    assert database.acts == 5 and database.versions > 5
    assert database.bytes == db.stat().st_size
    assert database.distinct["version_provisions.text"] > 10_000
    assert 0 < database.distinct_bytes <= database.distinct_per_act_bytes
    assert database.ratio == pytest.approx(database.bytes / database.distinct_bytes)
    assert database.ratio > 1  # the database holds more than its texts


def test_tables_carry_their_indexes(builds):
    _, _, db, _, _, database, _ = builds
    with sqlite3.connect(db) as conn:
        tables = {name for (name,) in conn.execute("select name from sqlite_master where type = 'table'")}
        indexes = {name for (name,) in conn.execute("select name from sqlite_master where type = 'index'")}
        assert table_sizes(conn) == database.tables
    assert set(database.tables) <= tables | {"sqlite_schema"} and not set(database.tables) & indexes
    assert "provisions_fts_data" not in database.tables  # counted with provisions_fts
    # version_provisions is a view over the tables that hold each distinct text once
    assert "version_provisions" not in database.tables
    assert all(database.tables[table] > 0 for table in ("texts", "unit_wordings", "version_units"))
    assert sum(database.tables.values()) <= database.bytes


def test_history_bytes_count_the_files_the_new_commits_wrote(builds):
    made, repository, _, old_head, *_ = builds
    everything, new = history_bytes(repository), history_bytes(repository, old_head)
    assert 0 < new < everything
    assert abs(everything - new - made["bytes"]) / made["bytes"] < 0.2  # the generator's own count, unchanged files aside


def corpus_db(run) -> str:
    return run.line.split(": ", 1)[0]


def test_a_summary_line_without_git_parses_to_its_line():
    line = "zan.db: " + build_summary_line(BuildSummary(documents=10, acts=10, provisions=5, notes=1, parsed=10), LANG)
    assert parse_summary(f"{line}\n  a.md: 1\n") == {"line": line, "parsed": 10, "reused": 0}


def test_the_same_acts_as_plain_files_build_without_git(builds, tmp_path):
    _, repository, _, _, _, _, _ = builds
    plain = write_plain_corpus(repository, tmp_path / "corpus")
    assert not list(plain.rglob(".git")) and len(list(plain.rglob("meta.yaml"))) == 5
    run = run_build(plain, tmp_path / "plain.db", workers=1, no_cache=True)
    assert run.commits_read is None and run.parsed == len(list(plain.rglob("*.md")))  # a text per language file, no git read
    assert measure_database(tmp_path / "plain.db").acts == 5
    assert tree_bytes(plain) > 100_000


def test_rates_and_the_table_of_a_run(builds):
    made, repository, _, old_head, first, database, later = builds
    scratch = Phase("scratch", first, history_bytes(repository), database)
    after = Phase("+2 commits", later, history_bytes(repository, old_head), database, from_scratch=False)
    for phase in (scratch, after):
        phase.figures = rates(phase)
    assert scratch.figures["distinct_mb_per_cpu_s"] == database.distinct_bytes / 1e6 / first.cpu_seconds
    assert after.figures["distinct_mb_per_cpu_s"] is None and after.figures["history_mb_per_cpu_s"] > 0
    table = markdown([[scratch, after], [scratch, after]]).splitlines()
    assert table[0] == "| figure | scratch | +2 commits |"
    sizes = markdown([], [(5, [[scratch, after]]), (50, [[scratch]])]).splitlines()
    assert sizes[0] == "| figure | 5 acts: scratch | 5 acts: +2 commits | 50 acts: scratch |"
    (ratio,) = [line for line in table if line.startswith("| DB / distinct text (a) |")]
    assert ratio == f"| DB / distinct text (a) | {database.ratio:.2f} ({database.ratio:.2f}) | {database.ratio:.2f} ({database.ratio:.2f}) |"
