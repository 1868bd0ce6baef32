"""Broken inputs: each gives a clear row in `problems` naming its file, and the rest of the
corpus still builds.

The small inputs are committed in ``tests/broken/`` (``tests/broken/make.py`` says how each
was made); the big ones — a line of 1 MB, a document of 50 MB — are generated here. All of
them go into one corpus together with a real seed, and that seed must come out exactly as
when it is built alone.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
import time
from pathlib import Path

import pytest
import sqlite_utils

from db import build
from zan.messages import build_summary_line
from db.sources import parse_file
from parser import meta_path_for, parse_text
from parser.dates import find_dates

TESTS = Path(__file__).resolve().parent
BROKEN = TESTS / "broken"
CORPUS = TESTS.parent / "corpus"
SEED = CORPUS / "002_82a2ee8fb0794fbe.txt"  # seed 002: notes, a repeal, an approved document
SEED_ACT = "V1500011361"
BIG_SEED = CORPUS / "003_11aecfe5ead87c1b.txt"  # the largest seed, repeated into 50 MB


def _load_make():
    spec = importlib.util.spec_from_file_location("broken_make", BROKEN / "make.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make = _load_make()

#: What each broken file must give: the problem kinds its rows must include, and the act it
#: is stored as (None: unreadable, no act).
EXPECTED: dict[str, tuple[set[str], str | None]] = {
    "empty.txt": ({"empty_file"}, None),
    "binary.txt": ({"binary_file"}, None),
    "latin1.txt": ({"unknown_encoding"}, None),
    "utf16_bom.txt": ({"encoding"}, "V2000090011"),
    "utf16le_no_bom.txt": ({"encoding"}, "V2000090012"),
    "utf16be_no_bom.txt": ({"encoding"}, "V2000090013"),
    "kz1048.txt": ({"encoding"}, "V2000090014"),
    "cp1251.txt": ({"encoding", "no_act_identity"}, "file-cp1251"),
    "cut_mid_note.txt": ({"note_incomplete"}, "V2000090016"),
    "cut_mid_character.txt": ({"note_incomplete"}, "V2000090017"),
    "utf16_bom_cut.txt": ({"encoding", "note_incomplete"}, "V2000090018"),
    "utf16le_cut.txt": ({"encoding", "note_incomplete"}, "V2000090028"),
    "no_header.txt": ({"no_header", "no_act_identity"}, "file-no_header"),
    "numbering_jump.txt": ({"numbering_jump"}, "V2000090021"),
    "numbering_repeats.txt": ({"numbering_repeats", "numbering_jump"}, "V2000090022"),
    "note_missing_unit.txt": ({"note_target_not_found"}, "V2000090023"),
    "impossible_note_dates.txt": ({"note_incomplete"}, "V2000090024"),
    # an impossible adoption date must not vanish silently: some warning must say so
    # (no kind for it exists yet; see test_an_impossible_header_date_is_reported)
    "impossible_header_date.txt": (set(), "V2000090025"),
    # suggested kind: nothing in the code reports an act that cites or amends itself yet
    "self_citation.txt": ({"self_citation"}, "V2000090026"),
    "duplicate_a.txt": (set(), "V2000090027"),
    "duplicate_b.txt": ({"duplicate_act"}, "V2000090027~2"),
    # generated below
    "long_line_only.txt": ({"no_header", "no_act_identity"}, "file-long_line_only"),
    "long_paragraph.txt": (set(), "V2000090020"),
}
GENERATED = ("long_line_only.txt", "long_paragraph.txt")
#: Files that are not broken at all, only unusual: they need no problem row.
NOT_BROKEN = ("duplicate_a.txt", "long_paragraph.txt")
UNREADABLE = ("empty.txt", "binary.txt", "latin1.txt")
MEGABYTE = 1 << 20
#: Kinds only the loader can see (they compare a file with the rest of the corpus).
LOADER_KINDS = {"duplicate_act", "self_citation", "citation_conflict"}

#: A citation printed at the very end of the 1 MB paragraph: it must still be found.
LAST_CITATION = "Қазақстан Республикасы Денсаулық сақтау министрінің 2020 жылғы 7 қазандағы № ҚР ДСМ-116/2020 бұйрығына сәйкес."


def icd_codes(size: int) -> str:
    """A list of ICD-10 codes (``A00.0, A00.1, …, N18.5, …``) of at least `size` characters:
    what a medical act's table becomes when the export loses its line ends."""
    codes, length, index = [], 0, 0
    while length < size:
        letter, number = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index // 1000 % 26], index % 1000
        code = f"{letter}{number // 10:02d}.{number % 10}"
        codes.append(code)
        length += len(code) + 2
        index += 1
    return ", ".join(codes)


def long_line_only() -> bytes:
    """One line of 1 MB and no line end at all."""
    return ("Халықаралық аурулар жіктемесінің кодтары: " + icd_codes(MEGABYTE)).encode("utf-8")


def long_paragraph() -> bytes:
    """A well-formed act whose paragraph 1 is one line of 1 MB (over spaCy's default
    max_length of 1,000,000 characters), ending with a citation."""
    body = (
        "      1. Мына аурулар кезінде медициналық оңалту көрсетіледі: "
        + icd_codes(MEGABYTE)
        + ". "
        + LAST_CITATION
        + "\n      2. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі.\n"
    )
    return make.act("920", body).encode("utf-8")


def generated() -> dict[str, bytes]:
    return {"long_line_only.txt": long_line_only(), "long_paragraph.txt": long_paragraph()}


def rows(db: sqlite_utils.Database, sql: str, params=()) -> list[dict]:
    return list(db.query(sql, params))


def seed_snapshot(db: sqlite_utils.Database, act_id: str) -> dict[str, list]:
    """Everything stored about one act, comparable across builds."""
    return {
        "acts": rows(db, "select * from acts where id = ?", [act_id]),
        "provisions": rows(db, "select * from provisions where act_id = ? order by position", [act_id]),
        "notes": rows(db, "select * from notes where act_id = ? order by ordinal", [act_id]),
        "amendments": rows(db, "select * from amendments where act_id = ? order by id", [act_id]),
        "provision_versions": rows(db, "select * from provision_versions where act_id = ? order by id", [act_id]),
        "citations": rows(db, "select id, provision_id, note_id, text, start, end, kind, date, number from citations where act_id = ? order by id", [act_id]),
        "problems": rows(db, "select kind, severity, message, source_line from problems where act_id = ? order by kind, source_line, message", [act_id]),
    }


# --- Fixtures ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Every broken input, committed and generated, plus the real seed 002."""
    folder = tmp_path_factory.mktemp("broken") / "corpus"
    folder.mkdir()
    for name in EXPECTED:
        if name not in GENERATED:
            shutil.copyfile(BROKEN / name, folder / name)
    for name, data in generated().items():
        (folder / name).write_bytes(data)
    shutil.copyfile(SEED, folder / SEED.name)
    return folder


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory) -> sqlite_utils.Database:
    path = tmp_path_factory.mktemp("db") / "laws.db"
    build(corpus, path)
    return sqlite_utils.Database(path)


@pytest.fixture(scope="module")
def seed_alone(tmp_path_factory) -> sqlite_utils.Database:
    folder = tmp_path_factory.mktemp("alone") / "corpus"
    folder.mkdir()
    shutil.copyfile(SEED, folder / SEED.name)
    path = folder.parent / "laws.db"
    build(folder, path)
    return sqlite_utils.Database(path)


def problems_of(db: sqlite_utils.Database, name: str) -> list[dict]:
    return rows(db, "select * from problems where source_path = ?", [f"corpus/{name}"])


# --- The committed corpus ----------------------------------------------------------------


def test_the_committed_files_are_the_expected_ones_and_small():
    committed = {path.name for path in BROKEN.glob("*.txt")}
    assert committed == set(EXPECTED) - set(GENERATED)
    for name, data in make.files().items():
        assert (BROKEN / name).read_bytes() == data, f"{name} differs from what tests/broken/make.py makes"
        assert len(data) < 4096, name


def test_the_generated_lines_are_a_megabyte():
    only, paragraph = long_line_only(), long_paragraph()
    assert len(only) >= MEGABYTE and b"\n" not in only
    longest = max(paragraph.split(b"\n"), key=len)
    assert len(longest) >= MEGABYTE
    assert len(longest.decode("utf-8")) > 1_000_000  # characters, not just bytes


# --- File by file: the parser alone -------------------------------------------------------


def _parse(name: str, tmp_path: Path):
    path = BROKEN / name
    if name in GENERATED:
        path = tmp_path / name
        path.write_bytes(generated()[name])
    return parse_file(path, f"corpus/{name}")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_parser_reports_each_broken_file(name, tmp_path):
    document = _parse(name, tmp_path)
    kinds, act_id = EXPECTED[name]
    assert kinds - LOADER_KINDS <= {p.kind for p in document.problems}, [(p.kind, p.message) for p in document.problems]
    if act_id is None:
        assert document.act is None
        assert any(p.severity == "error" and name in p.message for p in document.problems)
    else:
        assert document.act is not None and document.act.id == act_id.split("~")[0]


# --- File by file: the database ----------------------------------------------------------


def test_every_file_is_a_source(built):
    sources = {row["path"]: row for row in rows(built, "select * from sources")}
    assert set(sources) == {f"corpus/{name}" for name in EXPECTED} | {f"corpus/{SEED.name}"}
    for name in UNREADABLE:
        assert sources[f"corpus/{name}"]["status"] == "unreadable"
        assert sources[f"corpus/{name}"]["act_id"] is None


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_file_has_its_problem_row(built, name):
    kinds, act_id = EXPECTED[name]
    found = problems_of(built, name)
    if name not in NOT_BROKEN:
        assert found, f"no problem row names corpus/{name}"
    assert kinds <= {row["kind"] for row in found}, [(row["kind"], row["message"]) for row in found]
    source = rows(built, "select * from sources where path = ?", [f"corpus/{name}"])[0]
    assert source["act_id"] == act_id
    if act_id is not None:
        assert source["status"] == "parsed"
        assert all(row["act_id"] == act_id for row in found)
        assert rows(built, "select source_path from acts where id = ?", [act_id]) == [{"source_path": f"corpus/{name}"}]
    for row in found:
        assert row["severity"] in ("error", "warning", "info") and row["message"]


def test_the_seed_is_as_complete_as_when_built_alone(built, seed_alone):
    together, alone = seed_snapshot(built, SEED_ACT), seed_snapshot(seed_alone, SEED_ACT)
    assert len(together["provisions"]) == len(alone["provisions"]) == 69
    for table in together:
        assert together[table] == alone[table], table
    text = SEED.read_text(encoding="utf-8")
    pieces = rows(built, "select source_line, raw_text from provisions where act_id = ? union all select source_line, raw_text from notes where act_id = ? order by source_line", [SEED_ACT, SEED_ACT])
    assert "".join(piece["raw_text"] for piece in pieces) == text


def test_unreadable_files_say_why_in_their_message(built):
    for name in UNREADABLE:
        (row,) = problems_of(built, name)
        assert row["severity"] == "error" and row["act_id"] is None
        assert f"corpus/{name}" in row["message"]


@pytest.mark.parametrize(("name", "encoding"), [("utf16_bom.txt", "utf-16"), ("utf16le_no_bom.txt", "utf-16-le"), ("utf16be_no_bom.txt", "utf-16-be"), ("kz1048.txt", "kz1048"), ("cp1251.txt", "cp1251")])
def test_other_encodings_are_decoded_and_said_so(built, name, encoding):
    source = rows(built, "select * from sources where path = ?", [f"corpus/{name}"])[0]
    assert source["encoding"] == encoding
    (note,) = [row for row in problems_of(built, name) if row["kind"] == "encoding"]
    assert encoding in note["message"] and note["severity"] == "info"


@pytest.mark.parametrize("name", ["utf16_bom.txt", "utf16le_no_bom.txt", "utf16be_no_bom.txt", "kz1048.txt"])
def test_a_decoded_act_is_the_act_in_utf8(built, name):
    act_id = EXPECTED[name][1]
    number = "9" + act_id[-2:]  # V2000090011 is order № 911
    expected = parse_text(make.act(number), f"corpus/{name}")
    stored = rows(built, "select key, kind, text from provisions where act_id = ? order by position", [act_id])
    assert stored == [{"key": p.key, "kind": p.kind, "text": p.text} for p in expected.provisions]
    assert rows(built, "select adopted_on, number, registration_number from acts where id = ?", [act_id]) == [
        {"adopted_on": "2020-03-03", "number": number, "registration_number": "900" + number[1:]}
    ]


@pytest.mark.parametrize("name", ["cut_mid_note.txt", "cut_mid_character.txt", "utf16_bom_cut.txt", "utf16le_cut.txt"])
def test_a_text_cut_mid_note_keeps_what_it_has(built, name):
    """The end of the file is lost, nothing before it: the title, the header, paragraph 1,
    and the note's start, kept verbatim with its amendment marked incomplete."""
    act_id = EXPECTED[name][1]
    (act,) = rows(built, "select * from acts where id = ?", [act_id])
    assert act["title"] == "Тестілік медициналық оңалту қағидаларын бекіту туралы"
    assert act["adopted_on"] == "2020-03-03"
    keys = [row["key"] for row in rows(built, "select key from provisions where act_id = ? order by position", [act_id])]
    assert keys == ["title", "requisites", "preamble", "p1"]
    (note,) = rows(built, "select * from notes where act_id = ?", [act_id])
    assert note["provision_id"] == f"{act_id}/p1"
    assert note["text"].startswith("Ескерту. 1-тармақ жаңа редакцияда – ҚР Денсаулық сақтау министрінің 04.08.2021 № 589 (01.0")
    (amendment,) = rows(built, "select * from amendments where act_id = ?", [act_id])
    assert amendment["parse_status"] == "incomplete"
    assert amendment["amending_act_date"] == "2021-08-04" and amendment["amending_act_number"] == "589"
    assert amendment["effective_from"] is None  # the clause is cut: no date is made up


def test_no_header_still_gives_the_units(built):
    keys = [row["key"] for row in rows(built, "select key from provisions where act_id = 'file-no_header' order by position")]
    assert keys[0] == "title" and "requisites" not in keys
    assert {"p1", "p2", "p2/sp1", "p2/sp2", "p3"} <= set(keys)
    (act,) = rows(built, "select * from acts where id = 'file-no_header'")
    assert act["adopted_on"] is None and act["kind"] is None and act["number"] is None


def test_numbering_that_jumps_is_kept_as_printed(built):
    keys = [row["key"] for row in rows(built, "select key from provisions where act_id = 'V2000090021' and kind = 'paragraph' order by position")]
    assert keys == ["p1", "p2", "p5", "p6"]
    (jump,) = [row for row in problems_of(built, "numbering_jump.txt") if row["kind"] == "numbering_jump"]
    assert "5" in jump["message"] and "2" in jump["message"] and jump["source_line"] == 8


def test_numbering_that_repeats_keeps_both_units(built):
    units = rows(built, "select key, text from provisions where act_id = 'V2000090022' and kind in ('paragraph', 'subparagraph') order by position")
    assert [(u["key"], u["text"]) for u in units] == [
        ("p1", "1. Бірінші."),
        ("p2", "2. Екінші:"),
        ("p2/sp1", "1) бір;"),
        ("p2/sp1~2", "1) бір қайта;"),
        ("p2~2", "2. Екінші қайта."),
        ("p3", "3. Осы бұйрық қол қойылған күнінен бастап қолданысқа енгізіледі."),
    ]
    repeats = {row["message"] for row in problems_of(built, "numbering_repeats.txt") if row["kind"] == "numbering_repeats"}
    assert repeats == {
        "the unit p2/sp1 occurs again; the repeat is kept as p2/sp1~2",
        "the unit p2 occurs again; the repeat is kept as p2~2",
    }


def test_a_note_naming_a_missing_unit_is_attached_to_nothing(built):
    (note,) = rows(built, "select * from notes where act_id = 'V2000090023'")
    assert note["target_status"] == "not_found" and note["provision_id"] is None
    assert note["target_text"] == "9-тармақ"
    assert note["printed_after_id"] == "V2000090023/p1"
    (problem,) = [row for row in problems_of(built, "note_missing_unit.txt") if row["kind"] == "note_target_not_found"]
    assert "9-тармақ" in problem["message"] and problem["source_line"] == note["source_line"]


def test_impossible_dates_do_not_become_dates(built):
    assert find_dates("2010.13.45") == [] and find_dates("45.13.2022") == []
    (amendment,) = rows(built, "select * from amendments where act_id = 'V2000090024'")
    assert amendment["amending_act_date"] is None and amendment["parse_status"] == "incomplete"
    assert amendment["effective_from"] is None and amendment["commencement_fixed_date"] is None
    (note,) = rows(built, "select raw_text from notes where act_id = 'V2000090024'")
    assert "2010.13.45" in note["raw_text"] and "45.13.2022" in note["raw_text"]  # kept as printed
    (act,) = rows(built, "select * from acts where id = 'V2000090025'")
    assert act["adopted_on"] is None and act["number"] == "925"
    assert "2010.13.45" in act["header_text"]


def test_every_stored_date_is_a_real_date(built):
    """No column that holds a date holds anything but a real ISO date (2010.13.45 must not
    turn into 2010-13-45 or a neighbouring day)."""
    checked = 0
    for table in built.table_names():
        for column in built[table].columns_dict:
            dated = column.endswith(("_on", "_date")) or column in ("date", "valid_from", "valid_from_latest", "valid_to", "valid_to_latest") or column.startswith("effective_from")
            if not dated:
                continue
            for (value,) in built.execute(f'select "{column}" from "{table}" where "{column}" is not null'):
                dt.date.fromisoformat(value)
                assert len(value) == 10, (table, column, value)
                checked += 1
    assert checked > 100


def test_an_impossible_header_date_is_reported(built):
    """An adoption date that is not a calendar date leaves `adopted_on` empty; a warning
    must name the date as printed, or the act silently loses its date."""
    found = problems_of(built, "impossible_header_date.txt")
    assert any(row["severity"] in ("warning", "error") and "2010.13.45" in row["message"] for row in found), found


def test_an_act_citing_itself_is_reported(built):
    citations = rows(built, "select c.*, k.act_id as resolved from citations c join cited_acts k on k.id = c.cited_act_id where c.act_id = 'V2000090026' and c.date = '2020-03-03'")
    assert [(c["provision_id"], c["note_id"], c["resolved"]) for c in citations] == [
        ("V2000090026/p1", None, "V2000090026"),  # paragraph 1 cites the act itself
        ("V2000090026/p1", "V2000090026/note1", "V2000090026"),  # and its note says the act amended itself
    ]
    (amendment,) = rows(built, "select a.*, k.act_id as resolved from amendments a join cited_acts k on k.id = a.amending_cited_act_id where a.act_id = 'V2000090026'")
    assert amendment["resolved"] == "V2000090026"  # the act is said to amend itself
    kinds = [row["kind"] for row in problems_of(built, "self_citation.txt")]
    assert "self_citation" in kinds, kinds


def test_two_files_claiming_one_act_are_both_kept(built):
    acts = rows(built, "select id, title, source_path from acts where id like 'V2000090027%' order by id")
    assert acts == [
        {"id": "V2000090027", "title": "Тестілік медициналық оңалту қағидаларын бекіту туралы", "source_path": "corpus/duplicate_a.txt"},
        {"id": "V2000090027~2", "title": "Екінші тестілік медициналық оңалту қағидаларын бекіту туралы", "source_path": "corpus/duplicate_b.txt"},
    ]
    assert problems_of(built, "duplicate_a.txt") == []
    (problem,) = problems_of(built, "duplicate_b.txt")
    assert (problem["kind"], problem["act_id"]) == ("duplicate_act", "V2000090027~2")
    assert "V2000090027" in problem["message"]
    for act_id in ("V2000090027", "V2000090027~2"):
        assert rows(built, "select count(*) n from provisions where act_id = ?", [act_id]) == [{"n": 9}]


def test_a_line_of_a_megabyte_is_kept_whole(built, corpus):
    (only,) = rows(built, "select * from provisions where act_id = 'file-long_line_only'")
    assert only["raw_text"].encode("utf-8") == long_line_only()
    (paragraph,) = rows(built, "select * from provisions where act_id = 'V2000090020' and key = 'p1'")
    assert len(paragraph["text"]) > 1_000_000
    assert paragraph["text"].endswith(LAST_CITATION)
    assert paragraph["raw_text"].encode("utf-8") in long_paragraph()


def test_a_citation_after_a_megabyte_is_still_found(built):
    citations = rows(built, "select * from citations where provision_id = 'V2000090020/p1'")
    assert [(c["date"], c["number"], c["kind"]) for c in citations] == [("2020-10-07", "ҚР ДСМ-116/2020", "order")]
    assert citations[0]["start"] > 1_000_000


# --- 50 MB ---------------------------------------------------------------------------------


def fifty_megabytes() -> str:
    """Seed 003's header once, then its body (everything after ``БҰЙЫРАМЫН:``) repeated
    until the document holds 50 MB."""
    text = BIG_SEED.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    formula = next(index for index, line in enumerate(lines) if "БҰЙЫРАМЫН" in line)
    head, body = "".join(lines[: formula + 1]), "".join(lines[formula + 1 :])
    copies = -(-(50 * 1_000_000 - len(head.encode("utf-8"))) // len(body.encode("utf-8")))
    return head + body * copies


@pytest.mark.slow
def test_a_document_of_fifty_megabytes_builds(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = fifty_megabytes()
    (folder / "big.txt").write_text(text, encoding="utf-8")
    shutil.copyfile(SEED, folder / SEED.name)
    assert (folder / "big.txt").stat().st_size >= 50 * 1_000_000
    started = time.perf_counter()
    summary = build(folder, tmp_path / "laws.db")
    seconds = time.perf_counter() - started
    print(f"\n50 MB document: built in {seconds:.1f} s ({build_summary_line(summary, 'ru')})")
    db = sqlite_utils.Database(tmp_path / "laws.db")
    (source,) = rows(db, "select * from sources where path = 'corpus/big.txt'")
    assert source["status"] == "parsed" and source["size"] == len(text.encode("utf-8"))
    big = source["act_id"]
    kinds = {row["kind"] for row in problems_of(db, "big.txt")}
    assert "numbering_repeats" in kinds  # every copy of the body repeats the numbering
    pieces = db.execute(
        "select raw_text from (select source_line, raw_text from provisions where act_id = ? union all "
        "select source_line, raw_text from notes where act_id = ?) order by source_line",
        [big, big],
    ).fetchall()
    assert "".join(raw for (raw,) in pieces) == text  # nothing of 50 MB is lost
    alone = parse_text(SEED.read_text(encoding="utf-8"), f"corpus/{SEED.name}")
    assert rows(db, "select count(*) n from provisions where act_id = ?", [SEED_ACT]) == [{"n": len(alone.provisions)}]


# --- Links out of the corpus ------------------------------------------------------------


def test_links_that_lead_out_of_the_corpus_are_not_followed(tmp_path):
    """A corpus whose source, meta file and publications.csv are links to files outside
    it: none of them is read, so nothing of those files reaches the database, each is a
    `problems` row, and the real files inside it build as before."""
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = "OUTSIDE-THE-CORPUS"
    (outside / "order.txt").write_text(SEED.read_text(encoding="utf-8").replace("бұйырамын", secret), encoding="utf-8")
    version = CORPUS / "zan-gov-kz" / "11034-adilet"
    markdown = sorted(version.glob("*.md"))[0]
    (outside / "meta.yaml").write_text(f"title: {secret}\n", encoding="utf-8")
    (outside / "publications.csv").write_text(
        f"kind,adopted_on,number,published_on,source\norder,2015-05-13,344,2015-06-20,{secret}\n", encoding="utf-8"
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    shutil.copy(markdown, corpus / markdown.name)
    (corpus / "linked.txt").symlink_to(outside / "order.txt")
    (corpus / meta_path_for(markdown).name).symlink_to(outside / "meta.yaml")
    (corpus / "publications.csv").symlink_to(outside / "publications.csv")
    path = tmp_path / "laws.db"
    build(corpus, path, workers=1)
    db = sqlite_utils.Database(path)
    assert [row["path"] for row in db.query("select path from sources order by path")] == sorted(
        [f"corpus/{SEED.name}", f"corpus/{markdown.name}"]
    )
    for table in ("sources", "acts", "provisions", "versions", "problems"):
        for row in db[table].rows:
            assert secret not in " ".join(str(value) for value in row.values()), table
    assert db.execute("select count(*) from versions where meta_text is not null").fetchone()[0] == 0
    said = db.execute("select source_path from problems where kind = 'link_out_of_corpus' order by source_path").fetchall()
    assert [path for (path,) in said] == sorted(["corpus/linked.txt", f"corpus/{meta_path_for(markdown).name}", "corpus/publications.csv"])
    seed_alone = tmp_path / "alone.db"
    alone = tmp_path / "alone" / "corpus"  # the same folder name: stored paths are relative to it
    alone.mkdir(parents=True)
    shutil.copy(SEED, alone / SEED.name)
    build(alone, seed_alone, workers=1)
    assert list(db.query("select * from acts where id = ?", [SEED_ACT])) == list(
        sqlite_utils.Database(seed_alone).query("select * from acts where id = ?", [SEED_ACT])
    )
