"""Instructions of an amending act: seed 004 (order № 5 of 24.01.2025, ЗҚАИ layout)
amends order № ҚР ДСМ-37 of 27.04.2022 (registration № 27833), which is not in the
corpus. Checked in the parser's output and in the `instructions` table of a real build."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db import build

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_001 = CORPUS / "001_9b5972101ba212e8.txt"
SEED_004 = CORPUS / "004_a0c35a63ea4787ba.txt"

TITLE = "Амбулаториялық жағдайларда мамандандырылған медициналық көмек көрсету қағидаларын бекіту туралы"

#: (ordinal, operation, target kind, label, key, the instruction's line, its quote)
EXPECTED = [
    (1, "new_wording", "preamble", None, "preamble", "p1/i1", "p1/q1"),
    (2, "new_wording", "paragraph", "1", "doc/p1", "p1/i3", "p1/q2"),
    (3, "new_wording", "paragraph", "2", "doc/p2", "p1/i3", "p1/q3"),
    (4, "insert", "paragraph", "3-1", "doc/p3-1", "p1/i4", "p1/q4"),
    (5, "insert", "paragraph", "3-2", "doc/p3-2", "p1/i4", "p1/q4"),
    (6, "insert", "row", "1504-8", "doc/app2", "p1/i6", "p1/q5"),
]

NEW_TEXT_3_1 = (
    "3-1 Амбулаториялық жағдайларда зерттеудің аспаптық әдістерін, диагностикалық зерттеулерді жүргізу кезінде "
    "дәрігерлік шешімдер қабылдауды қолдау мақсатында ақпараттық-коммуникациялық технологиялар қолданылады."
)
NEW_TEXT_3_2 = (
    "3.2 Амбулаториялық жағдайларда зерттеу нәтижелерін оқу және (немесе) ашып жазу, оның ішінде медициналық бейнелерді, "
    "зерттеулерді басқа медициналық ұйымға жіберу кезінде қашықтықтан көрсетілетін медициналық қызметтерді қолдана отырып, "
    "осындай медициналық ұйымда лицензияланатын қызмет түрінің тиісті бейінін көрсете отырып, медициналық қызметке "
    "лицензиясы болған жағдайда жүргізіледі"
)
NEW_TEXT_P1 = (
    "Осы Амбулаториялық жағдайларда мамандандырылған медициналық көмек көрсету қағидалары (бұдан әрі - Қағидалар) "
    "Қазақстан Республикасы Үкіметінің 2017 жылғы 17 ақпандағы № 71 қаулысымен бекітілген Қазақстан Республикасы "
    "Денсаулық сақтау министрлігі туралы ереже 15-тармағының 43) тармақшасына сәйкес әзірленді және амбулаториялық "
    "жағдайларда мамандандырылған медициналық көмек көрсету тәртібін айқындайды."
)
NEW_TEXT_ROW = "1504-8 ПТР әдісімен биологиялық материалда Bordetella pertussis-ті (бордетелла пертусис) анықтау"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("instructions") / "laws.db"
    build(CORPUS, path)
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


SEED_004_ACT = "V2500035673"


@pytest.fixture(scope="module")
def rows(db):
    """Seed 004's instructions (the corpus may hold other amending acts: the bank's decree 4013)."""
    return [dict(row) for row in db.execute("select * from instructions where act_id = ? order by ordinal", (SEED_004_ACT,))]


# --- The parser ---------------------------------------------------------------------------


def test_parser_reads_the_amended_act_as_cited(seeds):
    amended = seeds["004"].amended_act
    assert (amended.reference.kind, amended.reference.date, amended.reference.number) == ("order", "2022-04-27", "ҚР ДСМ-37")
    assert amended.registration_number == "27833"
    assert amended.title == TITLE
    assert amended.provision_key == "p1"


def test_parser_finds_six_instructions_and_no_other_seed_has_any(seeds):
    assert [(i.ordinal, i.operation, i.target.key) for i in seeds["004"].instructions] == [(e[0], e[1], e[4]) for e in EXPECTED]
    for prefix in ("000", "001", "002", "003"):
        assert seeds[prefix].instructions == [] and seeds[prefix].amended_act is None


# --- The database ---------------------------------------------------------------------------


def test_six_rows_all_from_seed_004(rows, db):
    assert len(rows) == 6
    assert {r["act_id"] for r in rows} == {SEED_004_ACT}
    others = {row[0] for row in db.execute("select distinct act_id from instructions where act_id != ?", (SEED_004_ACT,))}
    assert all(not act_id.startswith("V") for act_id in others)  # no order of the seeds amends anything else
    assert [r["id"] for r in rows] == [f"V2500035673/instruction{n}" for n in range(1, 7)]
    assert {r["parse_status"] for r in rows} == {"ok"}


def test_the_target_act_is_cited_and_not_linked_when_it_is_not_in_the_corpus(rows):
    for row in rows:
        assert (row["target_act_kind"], row["target_act_date"], row["target_act_number"]) == ("order", "2022-04-27", "ҚР ДСМ-37")
        assert row["target_act_registration_number"] == "27833"
        assert row["target_act_title"] == TITLE
        assert row["target_act_issuer"] == "Қазақстан Республикасы Денсаулық сақтау министрінің"
        assert row["target_act_id"] is None


@pytest.mark.parametrize("expected", EXPECTED, ids=[e[4] + f"#{e[0]}" for e in EXPECTED])
def test_operation_target_and_source_units(rows, expected):
    ordinal, operation, kind, label, key, line, quote = expected
    row = rows[ordinal - 1]
    assert (row["ordinal"], row["operation"], row["target_kind"], row["target_label"], row["target_key"]) == (ordinal, operation, kind, label, key)
    assert (row["provision_id"], row["quote_provision_id"]) == (f"V2500035673/{line}", f"V2500035673/{quote}")


def test_target_text_as_printed(rows):
    assert [r["target_text"] for r in rows] == [
        "кіріспе",
        "1 және 2 - тармақ",
        "1 және 2 - тармақ",
        "3-1 және 3-2 тармақтары",
        "3-1 және 3-2 тармақтары",
        "1504-8 жолдармен",
    ]


def test_new_texts_are_verbatim_without_the_guillemets(rows):
    for row in rows[1:]:  # the preamble's, printed with a misplaced », has its own test
        assert "«" not in row["new_text"] and "»" not in row["new_text"], row["id"]
    assert rows[1]["new_text"] == NEW_TEXT_P1
    assert rows[5]["new_text"] == NEW_TEXT_ROW


def test_preamble_new_text(rows):
    # printed "… 43) тармақшасына сәйкес :»БҰЙЫРАМЫН" (the export moved the word past the
    # closing guillemet); the new wording is the sentence up to and with БҰЙЫРАМЫН
    text = rows[0]["new_text"]
    assert "«" not in text and "»" not in text
    assert text.startswith("Қазақстан Республикасы Үкіметінің 2017 жылғы 17 ақпандағы № 71 қаулысымен бекітілген")
    assert "15-тармағының 43) тармақшасына сәйкес" in text
    assert "БҰЙЫРАМЫН" in text


def test_paragraph_2_new_text_is_the_whole_list_of_definitions(rows):
    text = rows[2]["new_text"]
    assert text.startswith("2. Осы Қағидаларда пайдаланылатын негізгі ұғымдар:\n1) ақпараттық-коммуникациялық технологиялар")
    assert text.endswith("8) медициналық ақпараттық жүйе - денсаулық сақтау субъектілерінің процестерін электрондық форматта жүргізуді қамтамасыз ететін ақпараттық жүйе.")
    for label in range(1, 9):
        assert f"{label}) " in text


def test_one_quote_for_two_inserted_paragraphs_is_split_between_them(rows):
    assert rows[3]["quote_provision_id"] == rows[4]["quote_provision_id"] == "V2500035673/p1/q4"
    assert rows[3]["new_text"] == NEW_TEXT_3_1
    assert rows[4]["new_text"] == NEW_TEXT_3_2


def test_commencement_is_the_amending_acts_own(rows, db):
    act = db.execute("select * from acts where id = 'V2500035673'").fetchone()
    assert (act["registered_on"], act["registration_number"]) == ("2025-01-27", "35673")
    for row in rows:
        assert row["commencement"] == "4. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі."
        assert (row["commencement_rule"], row["commencement_offset_days"], row["commencement_offset_months"]) == ("publication", 10, None)
        # registered 2025-01-27: published within [R, R+30], so in effect within [R+11, R+41]
        assert (row["date_status"], row["effective_from"], row["effective_from_earliest"], row["effective_from_latest"]) == (
            "bounded",
            None,
            "2025-02-07",
            "2025-03-09",
        )
        assert row["effective_from_earliest"] == act["effective_from_earliest"]
        assert row["effective_from_latest"] == act["effective_from_latest"]


def test_instructions_link_to_the_cited_act_when_it_is_in_the_corpus(tmp_path):
    """A synthetic target: seed 001 with its registration number replaced by 27833."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_004, corpus)
    text = SEED_001.read_text(encoding="utf-8")
    assert text.count("№ 26917 болып тіркелді") == 1
    (corpus / "001_cited.txt").write_text(text.replace("№ 26917 болып тіркелді", "№ 27833 болып тіркелді"), encoding="utf-8")
    path = tmp_path / "laws.db"
    build(corpus, path)
    connection = sqlite3.connect(path)
    cited = connection.execute("select id from acts where registration_number = '27833'").fetchall()
    assert cited == [("V2200027833",)]
    links = connection.execute("select ordinal, target_act_id from instructions order by ordinal").fetchall()
    assert links == [(n, "V2200027833") for n in range(1, 7)]
    assert connection.execute("pragma foreign_key_check").fetchall() == []


def test_an_unrelated_act_is_not_linked(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_004, corpus)
    shutil.copy(SEED_001, corpus)  # registration № 26917, order № 61: not the cited act
    path = tmp_path / "laws.db"
    build(corpus, path)
    connection = sqlite3.connect(path)
    assert connection.execute("select distinct target_act_id from instructions").fetchall() == [(None,)]


# --- More operations, in the official phrasing ------------------------------------------------

from parser.instructions import parse_instruction_lines  # noqa: E402
from parser.languages import KAZAKH  # noqa: E402

ORDER_341 = Path(__file__).resolve().parent / "data" / "instructions" / "order_341_amends_146.txt"


def test_an_order_in_the_zqai_layout_with_word_replacements_is_read_through_the_parser():
    document = __import__("db.sources", fromlist=["parse_file"]).parse_file(ORDER_341)
    amended = document.amended_act
    assert (amended.reference.date, amended.reference.number, amended.registration_number) == ("2001-12-11", "146", "1718")
    assert [(i.operation, i.target_text, i.target.key, i.old_words, i.new_words) for i in document.instructions] == [
        ("replace_words", "10-тармақтың 5) тармақшасындағы", "doc/p10/sp5", "басқармасы", "комитетінің қылмыстық-атқару жүйесі департаменті (бұдан әрі - ҚАЖК ҚАЖД)"),
        ("replace_words", "17-тармақтағы", "doc/p17", "ҚАЖ Комитетінің облыстық басқарма", "ҚАЖК ҚАЖД"),
    ]


@pytest.mark.parametrize(
    "line, operation, kind, key, words",
    [
        ("3-тармақ алып тасталсын;", "delete", "paragraph", "doc/p3", (None, None)),
        ("17-тармақтың күші жойылды деп танылсын;", "repeal", "paragraph", "doc/p17", (None, None)),
        ('1-тармақтағы "облыстық" деген сөз "аумақтық" деген сөзбен ауыстырылсын;', "replace_words", "paragraph", "doc/p1", ("облыстық", "аумақтық")),
        ("мәтін бойынша «ҚАЖ» деген сөздер «ҚАЖК» деген сөздермен ауыстырылсын;", "replace_words", "text", "doc", ("ҚАЖ", "ҚАЖК")),
        ("17-тармақтағы «облыстық» деген сөз алып тасталсын;", "delete_words", "paragraph", "doc/p17", ("облыстық", "")),
        ("Қосымша осы бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын.", "new_wording", "appendix", "doc/app", (None, None)),
    ],
    ids=["delete", "repeal-unit", "replace-straight-quotes", "replace-whole-text", "delete-words", "annex-new-wording"],
)
def test_operations_in_the_official_phrasing(line, operation, kind, key, words):
    (instruction,) = parse_instruction_lines(line, KAZAKH, "doc")
    assert (instruction.operation, instruction.target.kind, instruction.target.key) == (operation, kind, key)
    assert (instruction.old_words, instruction.new_words) == words
    assert instruction.parse_status == "ok"


def test_a_paragraph_line_scopes_the_subparagraphs_after_it():
    instructions = parse_instruction_lines("10-тармақта:\n\n5) тармақша алынып тасталсын;\n\n6) тармақша алынып тасталсын;", KAZAKH, "doc")
    assert [(i.ordinal, i.target.key) for i in instructions] == [(1, "doc/p10/sp5"), (2, "doc/p10/sp6")]


def test_two_word_pairs_on_one_line_are_two_instructions():
    line = "5-тармақтағы «таяқшасы» деген сөз «таяғы» деген сөзбен, «қолкісендер» деген сөз «кісендер» деген сөзбен ауыстырылсын;"
    assert [(i.ordinal, i.old_words, i.new_words) for i in parse_instruction_lines(line, KAZAKH, "doc")] == [
        (1, "таяқшасы", "таяғы"),
        (2, "қолкісендер", "кісендер"),
    ]
