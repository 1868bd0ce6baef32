"""The build with a process pool and a parse cache: the same bytes whatever the number of
workers, and a rebuild after one file changed parses that file only, while the acts
citing it stay linked (links are resolved in SQL over the whole database)."""

from __future__ import annotations

import ast
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import db.parallel
from db import build
from db.load import default_cache
from zan.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from benchmarks.make_corpus import cited_serial, make_acts, with_sentence_in_paragraph_1  # noqa: E402

ACTS = 12


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """12 acts made of the seeds, each after the fifth citing an earlier one."""
    corpus = tmp_path_factory.mktemp("generated") / "corpus"
    make_acts(CORPUS, corpus, ACTS)
    return corpus


def copy_corpus(corpus: Path, folder: Path) -> Path:
    return Path(shutil.copytree(corpus, folder / "corpus"))


def act_of(db_path: Path, serial: int) -> str:
    with sqlite3.connect(db_path) as conn:
        (act_id,) = conn.execute("select act_id from sources where path like ?", (f"%/{serial:06d}_%",)).fetchone()
    return act_id


def linked_acts(db_path: Path, citing: str) -> list[tuple[str, str]]:
    """(cited act, status) for every citation `citing` makes that a generated sentence added."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            """select k.act_id, k.status from citations c join cited_acts k on k.id = c.cited_act_id
               where c.act_id = ? and c.number = c.registration_number
                 and substr(c.provision_id, length(c.act_id) + 2) like 'p1%'""",
            (citing,),
        ).fetchall()


def test_every_number_of_workers_gives_the_same_bytes(tmp_path):
    paths = [tmp_path / f"w{workers}.db" for workers in (1, 2, 3)]
    for workers, path in zip((1, 2, 3), paths):
        build(CORPUS, path, workers=workers, cache=False)
    assert paths[0].read_bytes() == paths[1].read_bytes() == paths[2].read_bytes()
    assert not default_cache(paths[0]).exists()


def test_generated_acts_cite_each_other_in_the_corpus(generated, tmp_path):
    path = tmp_path / "laws.db"
    build(generated, path, workers=2)
    for serial in range(1, ACTS + 1):
        cited = cited_serial(serial)
        expected = [(act_of(path, cited), "in_corpus")] if cited else []
        assert linked_acts(path, act_of(path, serial)) == expected, serial


def test_a_rebuild_parses_only_the_changed_file_and_equals_a_fresh_build(generated, tmp_path):
    corpus = copy_corpus(generated, tmp_path)
    path = tmp_path / "laws.db"
    first = build(corpus, path, workers=2)
    assert (first.parsed, first.reused) == (ACTS, 0)
    assert build(corpus, path, workers=2).reused == ACTS  # nothing changed: nothing parsed

    citing = ACTS
    cited = cited_serial(citing)
    (changed,) = corpus.rglob(f"{cited:06d}_*.txt")
    changed.write_text(with_sentence_in_paragraph_1(changed.read_text(encoding="utf-8"), "Бұл сөйлем кейін қосылды."), encoding="utf-8")
    parsed_paths: list[Path] = []
    second = build(corpus, path, workers=2, on_document=parsed_paths.append)
    assert (second.parsed, second.reused) == (1, ACTS - 1)
    assert len(parsed_paths) == ACTS  # every document is still stored
    with sqlite3.connect(path) as conn:
        added = conn.execute("select count(*) from provisions where act_id = ? and text like '%Бұл сөйлем кейін қосылды.'", (act_of(path, cited),))
        assert added.fetchone() == (1,)
    # the act citing the changed one was not parsed again, and still links to it
    assert linked_acts(path, act_of(path, citing)) == [(act_of(path, cited), "in_corpus")]

    fresh = tmp_path / "fresh.db"
    build(corpus, fresh, workers=1, cache=False)
    assert path.read_bytes() == fresh.read_bytes()


def test_a_changed_publications_file_or_parser_reparses_everything(tmp_path, monkeypatch):
    corpus = copy_corpus(CORPUS, tmp_path)
    path = tmp_path / "laws.db"
    build(corpus, path, workers=1)
    publications = corpus / "publications.csv"
    publications.write_text(publications.read_text(encoding="utf-8") + "order,2010-12-09,954,2011-01-05,test\n", encoding="utf-8")
    assert build(corpus, path, workers=1).parsed == 30  # every document of the bundled corpus
    assert build(corpus, path, workers=1).parsed == 0

    # a parser whose source differs (a copy with one file changed) has another fingerprint
    parser_copy = Path(shutil.copytree(ROOT / "parser", tmp_path / "parser", ignore=shutil.ignore_patterns("__pycache__")))
    (parser_copy / "dates.py").write_text((parser_copy / "dates.py").read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    monkeypatch.setattr(db.parallel, "PARSER_ROOT", parser_copy)
    db.parallel.parser_fingerprint.cache_clear()
    try:
        assert build(corpus, path, workers=1).parsed == 30
    finally:
        db.parallel.parser_fingerprint.cache_clear()


def _db_modules_imported_by(module: str) -> set[str]:
    """The modules of `db` that `module` imports, directly or through one another."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        tree = ast.parse((ROOT / "db" / name).read_text(encoding="utf-8"))
        todo += [f"{node.module}.py" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module]
    return seen


def test_the_cache_fingerprint_covers_all_the_code_a_worker_runs():
    """A cached result is the workers' rows: code of db that shapes them (stems, rows,
    schema values) must change the fingerprint as the parser's does."""
    assert _db_modules_imported_by("parallel.py") <= set(db.parallel.WORKER_MODULES)


def test_the_cache_forgets_removed_files_and_survives_being_damaged(tmp_path):
    corpus = copy_corpus(CORPUS, tmp_path)
    path = tmp_path / "laws.db"
    build(corpus, path, workers=1)
    next(corpus.glob("004_*.txt")).unlink()
    build(corpus, path, workers=1)
    with sqlite3.connect(default_cache(path)) as conn:
        assert conn.execute("select count(*) from parses").fetchone() == (29,)
    default_cache(path).write_bytes(b"not a database" * 100)
    summary = build(corpus, path, workers=1)
    assert (summary.parsed, summary.acts) == (29, 16)


def test_zan_build_says_how_many_files_it_parsed(tmp_path):
    db_path = tmp_path / "laws.db"
    arguments = ["build", "--corpus", str(CORPUS), "--db", str(db_path), "--workers", "2"]
    assert "30 талданды, 0 соңғы жинаудан бері өзгерген жоқ" in CliRunner().invoke(cli, arguments).output
    assert "0 талданды, 30 соңғы жинаудан бері өзгерген жоқ" in CliRunner().invoke(cli, arguments).output
    result = CliRunner().invoke(cli, [*arguments, "--no-cache", "--lang", "ru"])
    assert "разобрано: 30, не изменились с прошлой сборки: 0" in result.output


def test_caches_of_shards_merge_into_one_build(tmp_path):
    """docs/deploy.md: parse shards of the corpus on different machines, merge their
    caches, and the final build parses nothing and equals a build on one machine."""
    full = copy_corpus(CORPUS, tmp_path)
    texts = sorted(full.glob("*.txt"))
    caches = []
    for number, shard in enumerate((texts[:2], [*texts[2:], full / "zan-gov-kz"])):
        machine = tmp_path / f"machine{number}" / "corpus"  # the same relative paths as in the full corpus
        machine.mkdir(parents=True)
        shutil.copy(full / "publications.csv", machine)
        for path in shard:
            if path.is_dir():
                shutil.copytree(path, machine / path.name)
            else:
                shutil.copy(path, machine)
        caches.append(tmp_path / f"shard{number}.cache")
        build(machine, machine.parent / "shard.db", workers=1, cache=caches[-1])
    merged = default_cache(tmp_path / "laws.db")
    with sqlite3.connect(merged) as conn:
        conn.execute("create table if not exists parses (key text primary key, result blob not null)")
        for part in caches:
            conn.execute("attach ? as part", (str(part),))
            conn.execute("insert or ignore into parses select * from part.parses")
            conn.commit()
            conn.execute("detach part")
    summary = build(full, tmp_path / "laws.db", workers=2)
    assert (summary.parsed, summary.reused) == (0, 30)
    build(full, tmp_path / "single.db", workers=1, cache=False)
    assert (tmp_path / "laws.db").read_bytes() == (tmp_path / "single.db").read_bytes()


def test_a_changed_meta_file_reparses_its_version_only(tmp_path):
    corpus = copy_corpus(CORPUS, tmp_path)
    path = tmp_path / "laws.db"
    build(corpus, path, workers=1)
    meta = corpus / "zan-gov-kz" / "137412-administratsiia-prezidenta" / "meta@2020-08-10.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("version_date:\n  kaz: 2020-08-10", "version_date:\n  kaz: 2020-08-11"), encoding="utf-8")
    assert build(corpus, path, workers=1).parsed == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from versions where id = 'V1900019742@2020-08-11'").fetchone() == (1,)
