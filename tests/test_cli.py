"""The `zan` command as a user runs it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from zan.cli import cli, needs_build
from zan.testing import running_server

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_000 = CORPUS / "000_4b7559da1f3463c5.txt"


def test_build_writes_the_database_and_a_summary(tmp_path):
    db = tmp_path / "laws.db"
    result = CliRunner().invoke(cli, ["build", "--corpus", str(CORPUS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"{db}: 30 құжат, 17 акт, 1375 бөлік, 93 ескерту, 146 өзгеріс, " in result.output
    assert "; 30 талданды, 0 соңғы жинаудан бері өзгерген жоқ\n" in result.output
    assert db.exists()


def test_the_build_summary_is_in_the_readers_language(tmp_path):
    """The summary line is the catalogue's words (`zan.messages.build_summary_line`), like
    the rest of the build's output: the second build takes every text from the parse cache."""
    db = tmp_path / "laws.db"
    CliRunner().invoke(cli, ["build", "--corpus", str(CORPUS), "--db", str(db)])
    result = CliRunner().invoke(cli, ["build", "--corpus", str(CORPUS), "--db", str(db), "--lang", "ru"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith(f"{db}: "))
    assert line.startswith(f"{db}: документов: 30, актов: 17, единиц: 1375, примечаний: 93, изменений: 146, проблем: ")
    assert line.endswith("; разобрано: 0, не изменились с прошлой сборки: 30")
    assert not any(word in result.output for word in ("documents", "parsed", "unchanged"))


def test_missing_corpus_is_one_line_and_a_non_zero_exit(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--corpus", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Қате: {tmp_path / 'nowhere'} деген корпус қалтасы жоқ."]
    result = CliRunner().invoke(cli, ["build", "--corpus", str(tmp_path / "nowhere"), "--db", str(tmp_path / "x.db"), "--lang", "ru"])
    assert (result.exit_code, result.output.strip()) == (1, f"Ошибка: Папки корпуса {tmp_path / 'nowhere'} нет.")


def test_parse_prints_the_tree(tmp_path):
    result = CliRunner().invoke(cli, ["parse", str(SEED_000)])
    assert result.exit_code == 0
    assert "V090005853_  order № 542 of 2009-10-19  [repealed]" in result.output
    assert "subparagraph 8: 8) психотерапия;" in result.output


def test_parse_json_is_the_parser_output(tmp_path):
    result = CliRunner().invoke(cli, ["parse", "--json", str(SEED_000)])
    document = json.loads(result.output)
    assert document["act"]["id"] == "V090005853_"
    assert len(document["provisions"]) == 47
    assert document["notes"][0]["amendments"][0]["act"]["number"] == "394"


def test_needs_build_when_missing_or_older_than_the_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("x", encoding="utf-8")
    db = tmp_path / "laws.db"
    assert needs_build(corpus, db)
    db.write_bytes(b"")
    os.utime(corpus / "a.txt", (time.time() - 100, time.time() - 100))
    os.utime(corpus, (time.time() - 100, time.time() - 100))
    assert not needs_build(corpus, db)
    os.utime(corpus / "a.txt", (time.time() + 100, time.time() + 100))
    assert needs_build(corpus, db)


def test_serve_builds_then_serves_the_site(tmp_path):
    db = tmp_path / "laws.db"
    with running_server(db, CORPUS) as base:
        with urllib.request.urlopen(f"{base}/-/acts/V090005853_.json") as response:
            body = json.load(response)
    assert body["act"]["title"] == "Қалпына келтіру емін көрсету және медициналық оңалту ережесін бекіту туралы"
    assert db.exists()


def test_parse_refuses_a_binary_file_with_a_message_and_exit_1(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 10)
    result = CliRunner().invoke(cli, ["parse", str(binary)])
    assert result.exit_code == 1
    assert "the file is binary" in result.output


def test_parse_says_which_version_a_markdown_file_is():
    path = CORPUS / "zan-gov-kz" / "137412-administratsiia-prezidenta" / "kaz@2020-08-10.md"
    result = CliRunner().invoke(cli, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    assert "V1900019742  order № 19-42-3.3.22 of 2019-12-03" in result.output
    assert "version of 2020-08-10 (version_date_meta), in effect from 2020-09-29 – 2020-10-29" in result.output


def test_answering_a_date_question_loads_neither_spacy_nor_datasette(corpus_db):
    """`zan at` is a question a developer asks in a loop: it starts without the libraries
    only building (spaCy) and serving (Datasette) need."""
    script = (
        "import sys; from zan.cli import cli; "
        f"cli(['at', 'V2300032371', '2024-06-01', '--db', {str(corpus_db)!r}], standalone_mode=False); "
        "print(sorted({name.split('.')[0] for name in sys.modules} & {'spacy', 'datasette'}))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert "V2300032371 — 01.06.2024 күнгі редакциясы: күшінде емес (бұл күні күші жойылған: актінің өз ережесі бойынша 31.12.2023 дейін қолданылады)" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_serve_checks_a_datasette_setting_before_building(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "x.db"), "--setting", "no_such_setting", "1"])
    assert result.exit_code == 2
    assert "no_such_setting is not a valid option" in result.output
    assert not (tmp_path / "x.db").exists()


def test_build_names_the_files_with_problems(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--db", str(tmp_path / "laws.db"), "--corpus", str(CORPUS), "--no-cache", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "  corpus/003_11aecfe5ead87c1b.txt: 6 — " in result.output
    assert "құжаттағы күндер бір-біріне сәйкес емес ×1" in result.output


def test_at_speaks_the_readers_language_and_names_units_as_lawyers_do(corpus_db):
    result = CliRunner().invoke(cli, ["at", "order-2011-01-05-7", "2016-01-01", "--db", str(corpus_db), "--lang", "ru"])
    assert result.exit_code == 0, result.output
    assert "пункт 16 приложения 3" in result.output
    assert "приказ от 17.08.2013 № 479: «изложено в новой редакции» (408 частей)" in result.output
    refused = CliRunner().invoke(cli, ["at", "order-2011-01-05-7", "2016-01-01", "--db", str(corpus_db), "--lang", "en"])
    assert refused.exit_code == 2 and "«en»" in refused.output


def test_build_progress_says_texts_megabytes_rate_and_time_left():
    """What `zan build` prints on a terminal while it reads, in Kazakh or Russian: the
    time left only when the number of texts is known (a corpus of files, not of git
    repositories); then the acts held in versions as they are stored."""
    import io

    from zan.cli import BuildProgress

    known = BuildProgress(30, io.StringIO())
    known.advance(10, 2_000_000)
    line = known.line(known.started + 4.0)
    assert line == "мәтін: 10/30, 2.0 МБ, 0.50 МБ/с; 8 с қалды"
    unknown = BuildProgress(None, io.StringIO(), "ru")
    unknown.advance(5, 1_000_000)
    assert unknown.line(unknown.started + 2.0) == "текстов: 5, 1.0 МБ, 0.50 МБ/с"
    unknown.acts_stored(3, 200, 41)
    assert unknown.line(unknown.started + 2.0) == "текстов: 5, 1.0 МБ, 0.50 МБ/с; актов с редакциями: 3/200, редакций: 41"
    assert known.stream.getvalue() == ""  # not a terminal: nothing is drawn


def test_a_file_that_is_not_a_zan_database_is_one_line_in_the_readers_language(tmp_path):
    """`zan at`, `zan versions`, `zan diff` and `zan serve` refuse a file that is not a Zan
    database with one line (no traceback), and `zan serve` never builds over it."""
    readme = Path(__file__).resolve().parent.parent / "README.md"
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()
    cases = [
        (["at", "law-1999-07-13-414", "2020-01-01", "--db", str(readme)], f"Қате: {readme} — SQLite дерекқоры емес."),
        (["at", "law-1999-07-13-414", "2020-01-01", "--db", str(readme), "--lang", "ru"], f"Ошибка: {readme} — не база данных SQLite."),
        (["versions", "x", "--db", str(other), "--lang", "ru"], f"Ошибка: {other} — не база данных Zan: в ней нет таблиц, которые пишет `zan build`."),
        (["diff", "x", "a", "b", "--db", str(tmp_path / "none.db")], f"Қате: {tmp_path / 'none.db'} деген дерекқор жоқ (алдымен `zan build` іске қосыңыз)."),
        (["serve", "--db", str(readme), "--lang", "ru"], f"Ошибка: {readme} — не база данных SQLite."),
        (["serve", "--db", str(other)], f"Қате: {other} — Zan дерекқоры емес: онда `zan build` жазатын кестелер жоқ."),
    ]
    before = readme.read_bytes()
    for arguments, line in cases:
        result = CliRunner().invoke(cli, arguments)
        assert (result.exit_code, result.output.strip().splitlines()) == (1, [line]), arguments
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert readme.read_bytes() == before


def test_the_commands_errors_are_in_the_readers_language(corpus_db):
    db = str(corpus_db)
    cases = [
        (["at", "no-such-act", "2020-01-01", "--db", db], "Қате: no-such-act деген акт жоқ."),
        (["at", "no-such-act", "2020-01-01", "--db", db, "--lang", "ru"], "Ошибка: Акта no-such-act нет."),
        (["diff", "V1900019742", "abc", "2020-10-27", "--db", db, "--lang", "ru"], "Ошибка: «abc» — не идентификатор редакции и не дата ГГГГ-ММ-ДД, на которую действовала какая-либо редакция."),
    ]
    for arguments, line in cases:
        result = CliRunner().invoke(cli, arguments)
        assert (result.exit_code, result.output.strip().splitlines()) == (1, [line]), arguments
    given_wrongly = [  # exit status 2, as click gives a command given wrongly
        (["at", "law-1999-07-13-414", "2020-13-01", "--db", db, "--lang", "ru"], "Ошибка: Дата должна быть настоящей датой в виде ДД.ММ.ГГГГ (например, 19.10.2009) или ГГГГ-ММ-ДД, а не «2020-13-01»."),
        (["at", "law-1999-07-13-414", "--db", db, "--lang", "ru"], "Ошибка: Укажите акт и дату или `--all` и дату."),
    ]
    for arguments, line in given_wrongly:
        result = CliRunner().invoke(cli, arguments)
        assert (result.exit_code, result.output.strip().splitlines()) == (2, [line]), arguments


def test_the_problems_page_lists_a_page_of_files_at_a_time_each_with_all_its_problems(corpus_db):
    """Over the whole bank the files with problems are hundreds of thousands, so the
    problems page lists them a page at a time, by path; the pages, read one after the
    other, are the whole report, with the same counts of problems, kinds and files."""
    import sqlite3

    from db.queries import problems_report

    with sqlite3.connect(corpus_db) as conn:
        whole = problems_report(conn)
        pages = [problems_report(conn, page=1, page_size=3)]
        while pages[-1]["next_page"]:
            pages.append(problems_report(conn, page=pages[-1]["next_page"], page_size=3))
    assert [len(page["files"]) for page in pages] == [3, 3, 3, 1] and whole["next_page"] is None
    assert [file for page in pages for file in page["files"]] == whole["files"]
    assert {(page["count"], page["file_count"], str(page["kinds"])) for page in pages} == {(37, 10, str(whole["kinds"]))}
    assert [f["source_path"] for f in whole["files"]] == sorted(f["source_path"] for f in whole["files"])


def test_the_builds_problem_report_counts_in_sqlite_what_the_problems_page_lists(corpus_db):
    """`zan build` ends with each file's problems by kind. Over the whole bank that is a
    million problems (1,170,486 at 10,000 generated acts), so SQLite counts them and the
    report streams: the same counts, file by file, as `problems_report` gives the site."""
    import sqlite3

    from db.queries import problem_counts_by_file, problems_report

    with sqlite3.connect(corpus_db) as conn:
        conn.row_factory = sqlite3.Row
        report = problems_report(conn)
        expected = []
        for entry in report["files"]:
            kinds: dict[str, int] = {}
            for problem in entry["problems"]:
                kinds[problem["kind"]] = kinds.get(problem["kind"], 0) + 1
            expected.append((entry["source_path"], list(kinds.items())))
        counted = list(problem_counts_by_file(conn))
    assert counted == expected and sum(count for _, kinds in counted for _, count in kinds) == report["count"] > 0
