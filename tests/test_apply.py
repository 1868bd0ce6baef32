"""Applying amending instructions to a real version and grading the result.

The bases are real versions from corpus/zan-gov-kz: order № 146 of 11.12.2001 (11034) as
of 2010-09-27, and order № 19-42-3.3.22 of 03.12.2019 (137412). The instructions are
written in the official phrasing (tests/data/instructions/ and the strings below); the
texts of the real amending orders are not available (corpus/zan-gov-kz/README.md).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from click.testing import CliRunner

from db import build
from db.sources import parse_file
from parser.apply import apply_instructions, grade
from parser.instructions import parse_instruction_lines, read_repeals
from zan.cli import cli
from parser.languages import KAZAKH
from zan.testing import site_in_process

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "corpus" / "zan-gov-kz"
V11034 = BANK / "11034-adilet"
V137412 = BANK / "137412-administratsiia-prezidenta"
ORDER_341 = Path(__file__).parent / "data" / "instructions" / "order_341_amends_146.txt"

#: In the Instruction approved by order № 146 (its units are keyed doc/…).
IN_THE_INSTRUCTION = "doc"


@pytest.fixture(scope="module")
def base_146():
    return parse_file(V11034 / "kaz@2010-09-27.md").provisions


@pytest.fixture(scope="module")
def real_146():
    return parse_file(V11034 / "kaz@2010-12-22.md").provisions


def unit(provisions, key):
    (found,) = [p for p in provisions if p.key == key]
    return found


def keys(provisions):
    return [p.key for p in provisions]


def applied(base, text, scope=IN_THE_INSTRUCTION):
    return apply_instructions(base, parse_instruction_lines(text, KAZAKH, scope))


# --- New wording --------------------------------------------------------------------------


def test_new_wording_replaces_a_paragraph_and_its_subparagraphs(base_146):
    rebuild = applied(
        base_146,
        "10-тармақ мынадай редакцияда жазылсын:\n\n"
        "«10. Арнайы құралдарды қолдану кезінде:\n1) алдын ала ескерту жасалады;\n2) әр дерек мәлімделеді.»;",
    )
    assert [(o.status, o.reason) for o in rebuild.outcomes] == [("applied", "new wording of doc/p10: 7 units replaced by 3")]
    assert unit(rebuild.provisions, "doc/p10").text == "10. Арнайы құралдарды қолдану кезінде:"
    assert unit(rebuild.provisions, "doc/p10/sp2").text == "2) әр дерек мәлімделеді."
    assert [k for k in keys(rebuild.provisions) if k.startswith("doc/p10/")] == ["doc/p10/sp1", "doc/p10/sp2"]
    assert keys(rebuild.provisions).index("doc/p10/sp2") + 1 == keys(rebuild.provisions).index("doc/p11")


def test_the_base_is_not_changed(base_146):
    before = [(p.key, p.text) for p in base_146]
    applied(base_146, "5-тармақ алып тасталсын;")
    assert [(p.key, p.text) for p in base_146] == before


def test_new_wording_without_its_number_keeps_the_printed_label(base_146):
    rebuild = applied(base_146, "3-тармақ мынадай редакцияда жазылсын:\n\n«Арнайы құралдарды заңсыз қолданғандар жауап береді.»;")
    assert unit(rebuild.provisions, "doc/p3").text == "3. Арнайы құралдарды заңсыз қолданғандар жауап береді."


# --- Insertion ----------------------------------------------------------------------------


def test_insertion_puts_the_new_paragraph_after_the_one_it_follows(base_146):
    rebuild = applied(base_146, "мынадай мазмұндағы 7-1-тармақпен толықтырылсын:\n\n«7-1. Арнайы құралдар есепке алынады.»;")
    assert rebuild.outcomes[0].reason == "inserted doc/p7-1 after doc/p7"
    new = unit(rebuild.provisions, "doc/p7-1")
    assert (new.kind, new.label, new.parent_key, new.text) == ("paragraph", "7-1", "doc/ch2", "7-1. Арнайы құралдар есепке алынады.")
    order = keys(rebuild.provisions)
    assert order[order.index("doc/p7") + 1] == "doc/p7-1" and order[order.index("doc/p7-1") + 1] == "doc/ch3"


def test_insertion_after_a_named_unit_in_a_paragraph(base_146):
    rebuild = applied(base_146, "10-тармақта:\n\n6) тармақшадан кейін мынадай мазмұндағы 7) тармақшамен толықтырылсын:\n\n«7) есеп жасалады.»;")
    assert rebuild.outcomes[0].reason == "inserted doc/p10/sp7 after doc/p10/sp6"
    order = keys(rebuild.provisions)
    assert order[order.index("doc/p10/sp6") + 1] == "doc/p10/sp7"
    assert unit(rebuild.provisions, "doc/p10/sp7").parent_key == "doc/p10"


# --- Deletion -----------------------------------------------------------------------------


def test_deletion_removes_the_paragraph_and_its_subparagraphs(base_146):
    rebuild = applied(base_146, "5-тармақ алып тасталсын;")
    assert rebuild.outcomes[0].reason == "removed doc/p5 and 6 units under it"
    assert not [k for k in keys(rebuild.provisions) if k == "doc/p5" or k.startswith("doc/p5/")]
    assert len(rebuild.provisions) == len(base_146) - 7


def test_deletion_of_a_subparagraph_named_under_its_paragraph(base_146):
    rebuild = applied(base_146, "10-тармақта:\n\n5) тармақша алынып тасталсын;")
    assert [(o.operation, o.status, o.reason) for o in rebuild.outcomes] == [("delete", "applied", "removed doc/p10/sp5")]
    assert "doc/p10/sp5" not in keys(rebuild.provisions) and "doc/p10/sp6" in keys(rebuild.provisions)


# --- Words --------------------------------------------------------------------------------


def test_word_replacement_in_the_named_units_is_order_341(base_146):
    instructions = parse_file(ORDER_341).instructions
    assert [(i.operation, i.target.key, i.old_words, i.new_words) for i in instructions] == [
        ("replace_words", "doc/p10/sp5", "басқармасы", "комитетінің қылмыстық-атқару жүйесі департаменті (бұдан әрі - ҚАЖК ҚАЖД)"),
        ("replace_words", "doc/p17", "ҚАЖ Комитетінің облыстық басқарма", "ҚАЖК ҚАЖД"),
    ]
    rebuild = apply_instructions(base_146, instructions)
    assert [o.reason for o in rebuild.outcomes] == [
        "replaced 1 occurrence of «басқармасы» in doc/p10/sp5",
        "replaced 1 occurrence of «ҚАЖ Комитетінің облыстық басқарма» in doc/p17",
    ]
    assert "ТМ бастығы ҚАЖ комитетінің қылмыстық-атқару жүйесі департаменті (бұдан әрі - ҚАЖК ҚАЖД) бастығына" in unit(rebuild.provisions, "doc/p10/sp5").text


def test_word_replacement_in_the_whole_text_changes_every_unit_that_has_the_words(base_146):
    rebuild = applied(base_146, "мәтін бойынша «ҚАЖ Комитетінің» деген сөздер «ҚАЖК» деген сөздермен ауыстырылсын;")
    outcome = rebuild.outcomes[0]
    assert (outcome.status, outcome.key, outcome.reason) == (
        "applied",
        "doc",  # the whole text of the Instruction, the scope the line was given
        "replaced 6 occurrences of «ҚАЖ Комитетінің» in doc, doc/p1, doc/p14/sp2, doc/p15, doc/p17",
    )
    assert not any("ҚАЖ Комитетінің" in p.text for p in rebuild.provisions if p.key.startswith("doc"))
    assert "ҚАЖ Комитетінің" in unit(rebuild.provisions, "title").text  # the title is not "the text"


def test_words_are_matched_whole(base_146):
    rebuild = applied(base_146, "17-тармақтағы «басқар» деген сөз «X» деген сөзбен ауыстырылсын;")
    assert (rebuild.outcomes[0].status, rebuild.outcomes[0].reason) == ("not_applied", "words not found: «басқар» in doc/p17")


def test_word_deletion(base_146):
    rebuild = applied(base_146, "17-тармақтағы «облыстық» деген сөз алып тасталсын;")
    assert rebuild.outcomes[0].operation == "delete_words"
    assert "ҚАЖ Комитетінің басқарма бастықтары" in unit(rebuild.provisions, "doc/p17").text


# --- Repeal ---------------------------------------------------------------------------------


def test_repeal_of_a_whole_act_is_read_from_real_texts(seeds):
    """137412 (2019) repeals order № 17-42-3.3.7; seed 000 repeals order № 856."""
    (act, instruction), = read_repeals(parse_file(V137412 / "kaz@2019-12-03.md"))
    assert (act.reference.date, act.reference.number, act.registration_number) == ("2017-05-15", "17-42-3.3.7", "15262")
    assert (instruction.operation, instruction.target.kind, instruction.provision_key) == ("repeal", "act", "p2")
    (act, _), = read_repeals(seeds["000"])
    assert (act.reference.date, act.reference.number, act.registration_number) == ("2003-11-20", "856", "2601")


def test_applying_a_repeal_keeps_the_text_and_marks_it_repealed():
    base = parse_file(V137412 / "kaz@2019-12-03.md").provisions
    instruction = read_repeals(parse_file(V137412 / "kaz@2019-12-03.md"))[0][1]
    rebuild = apply_instructions(base, [instruction])
    assert rebuild.repealed
    assert rebuild.outcomes[0].reason == "the act as a whole is repealed: its text is kept as it was and marked repealed"
    assert [p.text for p in rebuild.provisions] == [p.text for p in base]


def test_repeal_of_a_unit_removes_it(base_146):
    rebuild = applied(base_146, "17-тармақтың күші жойылды деп танылсын;")
    assert (rebuild.outcomes[0].operation, rebuild.outcomes[0].reason) == ("repeal", "removed doc/p17")


# --- Why an instruction did not apply ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, scope, reason",
    [
        ("28-тармақ алып тасталсын;", "doc", "target not found: doc/p28"),
        ("5) тармақша алынып тасталсын;", "doc", "ambiguous: 5 units match subparagraph 5 (doc/p5/sp5, doc/p6/sp5, doc/p8/sp5, doc/p10/sp5, doc/p22/sp5)"),
        ("17-тармақтағы «облыстық басқармасы» деген сөздер «ҚАЖД» деген сөздермен ауыстырылсын;", "doc", "words not found: «облыстық басқармасы» in doc/p17"),
        ("мынадай мазмұндағы 7-тармақпен толықтырылсын:\n\n«7. Қайта.»;", "doc", "already present: doc/p7"),
        ("мынадай мазмұндағы 30-1-тармақпен толықтырылсын:\n\n«30-1. Жаңа.»;", "doc", "target not found: doc/p30 (the new unit doc/p30-1 is to follow it)"),
    ],
    ids=["target-not-found", "ambiguous", "words-not-found", "already-present", "nothing-to-follow"],
)
def test_reasons_for_not_applying(base_146, text, scope, reason):
    rebuild = applied(base_146, text, scope)
    assert [(o.status, o.reason) for o in rebuild.outcomes] == [("not_applied", reason)]
    assert [(p.key, p.text) for p in rebuild.provisions] == [(p.key, p.text) for p in base_146]


# --- Grading against the real later version ------------------------------------------------------


def test_order_341_rebuilds_the_2010_12_22_version_cleanly(base_146, real_146):
    """2010-09-27 + order № 341's word replacements = the bank's 2010-12-22 text, unit for
    unit. The real version's two new Ескерту notes are notes, not units."""
    assert grade(base_146, real_146).grade == "partial"  # without the instructions, two units differ
    rebuild = apply_instructions(base_146, parse_file(ORDER_341).instructions)
    result = grade(rebuild.provisions, real_146, rebuild.outcomes)
    assert (result.grade, result.reason, result.differences) == ("clean", "all 76 units match the real version", [])


def test_an_annex_whose_new_wording_is_not_quoted_is_not_applied_and_grades_failed():
    """Order № 20-42-3.3.8 put 137412's annex in a new wording given as its own annex (a
    table), not as a quote: the instruction cannot carry it, so nothing is applied, and
    the rebuilt text — the base as it was — differs from the real 2020-08-10 version in
    the two rows the new annex changed."""
    base = parse_file(V137412 / "kaz@2019-12-03.md").provisions
    real = parse_file(V137412 / "kaz@2020-08-10.md").provisions
    (instruction,) = parse_instruction_lines("Қосымша осы бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын.", lang=KAZAKH)
    assert (instruction.operation, instruction.target.key, instruction.new_text_in_annex) == ("new_wording", "app", True)
    rebuild = apply_instructions(base, [instruction])
    assert [(o.status, o.reason) for o in rebuild.outcomes] == [
        ("not_applied", "new wording not quoted: it is the amending act's annex, which the instruction refers to; app left as it was")
    ]
    result = grade(rebuild.provisions, real, rebuild.outcomes)
    assert (result.grade, result.reason) == ("failed", "no instruction applied; 2 of 21 units differ")
    removed, reworded = result.differences
    assert (removed.change, removed.rebuilt_key, removed.real) == ("removed", "app/t1/r4", None)
    assert "«Қоғамдық келісім» РММ" in removed.rebuilt
    assert (reworded.change, reworded.rebuilt_key, reworded.real_key) == ("reworded", "app/t1/r5", "app/t1/r4")
    assert [part for part in reworded.diff if part["op"] != "equal"] == [
        {"op": "delete", "text": "РММ"},
        {"op": "insert", "text": "республикалық мемлекеттік мекемесі"},
    ]


def test_a_wrong_instruction_grades_partial_with_the_differences_listed(base_146, real_146):
    """Order № 341's first replacement right, the second aimed at paragraph 18 instead of 17."""
    text = (
        "10-тармақтың 5) тармақшасындағы «басқармасы» деген сөз «комитетінің қылмыстық-атқару жүйесі департаменті "
        "(бұдан әрі - ҚАЖК ҚАЖД)» деген сөздермен ауыстырылсын;\n\n"
        "18-тармақтағы «ҚАЖ Комитетінің облыстық басқарма» деген сөздер «ҚАЖК ҚАЖД» деген сөздермен ауыстырылсын."
    )
    rebuild = applied(base_146, text)
    assert [o.status for o in rebuild.outcomes] == ["applied", "not_applied"]
    assert rebuild.outcomes[1].reason == "words not found: «ҚАЖ Комитетінің облыстық басқарма» in doc/p18"
    result = grade(rebuild.provisions, real_146, rebuild.outcomes)
    assert (result.grade, result.reason) == ("partial", "1 of 76 units differ: doc/p17")
    (difference,) = result.differences
    assert [part for part in difference.diff if part["op"] != "equal"] == [
        {"op": "delete", "text": "ҚАЖ"},
        {"op": "insert", "text": "ҚАЖК"},
        {"op": "delete", "text": "Комитетінің облыстық басқарма"},
        {"op": "insert", "text": "ҚАЖД"},
    ]


def test_a_rebuild_graded_against_another_act_fails_because_most_units_differ(base_146):
    """The rule behind "failed" when instructions did apply: most units differ."""
    rebuild = apply_instructions(base_146, parse_file(ORDER_341).instructions)
    other_act = parse_file(V137412 / "kaz@2019-12-03.md").provisions
    result = grade(rebuild.provisions, other_act, rebuild.outcomes)
    assert result.grade == "failed" and result.reason.startswith("most units differ: 90 of 90 units differ (title, preamble, p1")


def test_the_2004_text_differs_from_2010_in_units_and_rendering_partial(base_146):
    """Three amending orders and a different rendering lie between 2004 and 2010-09-27:
    nothing was applied here, so the grade lists what a rebuild would have had to do —
    the units only re-rendered (the heading «1. Жалпы ережелер» joined to the title) not
    among them."""
    result = grade(parse_file(V11034 / "kaz@2004-05-26.md").provisions, base_146)
    assert result.grade == "partial" and result.reason.startswith("16 of 78 units differ: doc/p2, doc/p8, doc/p8/sp1")


# --- The database ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rebuilt_db(tmp_path_factory):
    """A corpus of 11034's two 2010 versions (with their meta files) and order № 341."""
    root = tmp_path_factory.mktemp("rebuild")
    corpus = root / "corpus"
    (corpus / "11034-adilet").mkdir(parents=True)
    for name in ("kaz@2010-09-27.md", "meta@2010-09-27.yaml", "kaz@2010-12-22.md", "meta@2010-12-22.yaml"):
        shutil.copy(V11034 / name, corpus / "11034-adilet" / name)
    shutil.copy(ORDER_341, corpus)
    path = root / "laws.db"
    build(corpus, path)  # the build applies amending acts to their targets' versions
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def test_the_instructions_are_linked_to_order_146(rebuilt_db):
    rows = rebuilt_db.execute("select target_act_id, target_key from instructions order by ordinal").fetchall()
    assert [tuple(r) for r in rows] == [("order-2001-12-11-146", "doc/p10/sp5"), ("order-2001-12-11-146", "doc/p17")]


def test_order_341_is_read_with_its_date_although_its_issuer_is_the_justice_ministry(rebuilt_db):
    """"Қазақстан Республикасы Әділет министрінің" is the issuer, not the registration."""
    act = rebuilt_db.execute("select id, adopted_on, number, registration_number from acts where number = '341'").fetchone()
    assert tuple(act) == ("order-2010-12-22-341", "2010-12-22", "341", "6745")


def test_order_341_is_applied_to_the_2010_09_27_version_and_graded_clean(rebuilt_db):
    results = rebuilt_db.execute("select status, version_id, reason from instruction_results order by ordinal").fetchall()
    assert [tuple(r) for r in results] == [
        ("applied", "order-2001-12-11-146@2010-09-27", "replaced 1 occurrence of «басқармасы» in doc/p10/sp5"),
        ("applied", "order-2001-12-11-146@2010-09-27", "replaced 1 occurrence of «ҚАЖ Комитетінің облыстық басқарма» in doc/p17"),
    ]
    rebuilt = dict(rebuilt_db.execute("select * from rebuilt_versions").fetchone())
    assert (rebuilt["grade"], rebuilt["compared_with_version_id"], json.loads(rebuilt["differences"])) == ("clean", "order-2001-12-11-146@2010-12-22", [])
    version = dict(rebuilt_db.execute("select * from versions where id = ?", [rebuilt["version_id"]]).fetchone())
    assert (version["rebuilt"], version["is_current"], version["ordinal"]) == (1, 0, None)
    assert [tuple(row) for row in rebuilt_db.execute("select id from versions where is_current = 1")] == [("order-2001-12-11-146@2010-12-22",)]
    text = rebuilt_db.execute("select text from version_provisions where version_id = ? and key = 'doc/p17'", [rebuilt["version_id"]]).fetchone()[0]
    assert "ҚАЖК ҚАЖД бастықтары" in text
    assert rebuilt_db.execute("pragma foreign_key_check").fetchall() == []


def test_a_rebuilt_version_is_labelled_as_rebuilt_wherever_it_is_shown(rebuilt_db):
    """It is listed among the versions, never as current, and marked on the command line
    and on the act page; point-in-time answers come from the real versions only."""
    path = rebuilt_db.execute("pragma database_list").fetchone()[2]
    listed = CliRunner().invoke(cli, ["versions", "order-2001-12-11-146", "--db", path])
    assert listed.exit_code == 0, listed.output
    rebuilt_line = next(line for line in listed.output.splitlines() if "rebuilt-by" in line)
    assert "(өзгерткен актілерден қайта құрылған, нақты мәтін емес)" in rebuilt_line and "(қазіргі)" not in rebuilt_line
    page = asyncio.run(site_in_process(path).client.get("/-/acts/order-2001-12-11-146")).text
    assert page.count("<strong>өзгерткен актілерден қайта құрылған, нақты мәтін емес</strong>") == 1
    # earlier wordings come from the real versions (a basis names the version by its date)
    named = {
        json.loads(row[0])["dates"]["version"]
        for row in rebuilt_db.execute("select basis_data from provision_versions where act_id = 'order-2001-12-11-146' and basis_rule = 'version_wording'")
    }
    real = {row[0] for row in rebuilt_db.execute("select version_date from versions where act_id = 'order-2001-12-11-146' and rebuilt = 0")}
    assert "2010-09-27" in named and named <= real


# --- Words inserted after words (issue 23: `insert_words`) ---------------------------------

AMENDING = Path(__file__).resolve().parents[3] / "shared" / "corpus-bank" / "amending"
if not AMENDING.is_dir():  # a worktree under /work/wt/NAME or the main checkout /work/main
    AMENDING = Path(__file__).resolve().parents[2] / "shared" / "corpus-bank" / "amending"
LAW_149902 = AMENDING / "149902-izmeneniia-zakon-adm-terr-ustroistvo"


def _law_unit(key, text):
    from parser.model import Provision

    return Provision(key=key, kind="part", label=None, heading=None, text=text, raw=text, source_line=1, source_line_end=1)


@pytest.mark.skipif(not LAW_149902.is_dir(), reason="the shared corpus bank is not here")
@pytest.mark.parametrize(
    "language,clause,key,base,after",
    [
        # "часть восьмую после слова «микрорайоны,» дополнить словами «районы в городе,»"
        ("rus", 1, "art2/i8", "В городах могут создаваться микрорайоны, жилые массивы.", "В городах могут создаваться микрорайоны, районы в городе, жилые массивы."),
        # "подпункт 1) после слова «категории» дополнить словами «городов районного значения,»"
        ("rus", 11, "art14/sp1", "1) вносит предложение об отнесении к категории поселков, сел;", "1) вносит предложение об отнесении к категории городов районного значения, поселков, сел;"),
        # "сегізінші бөлік «Шағын аудандар,» деген сөздерден кейін «қаладағы аудандар,» деген сөздермен толықтырылсын"
        ("kaz", 1, "art2/i8", "Шағын аудандар, тұрғын алаптар қалалардың құрамдас бөліктері болып табылады.", "Шағын аудандар, қаладағы аудандар, тұрғын алаптар қалалардың құрамдас бөліктері болып табылады."),
    ],
)
def test_words_inserted_after_words_from_the_real_amending_law(language, clause, key, base, after):
    """The instructions are the real clauses of law 149902 (both languages); the law it
    amends (1993, administrative-territorial structure) is not held, so each base unit is a
    line holding the words the clause names."""
    (instruction,) = [i for i in parse_file(LAW_149902 / f"{language}.md").instructions if i.clause == clause]
    assert instruction.operation == "insert_words" and instruction.target.key == key
    units = [_law_unit("art2/i7", "Другая часть."), _law_unit(key, base)]
    rebuilt = apply_instructions(units, [instruction])
    (outcome,) = rebuilt.outcomes
    assert outcome.status == "applied", outcome.reason
    assert outcome.reason == f"inserted «{instruction.new_words}» after 1 occurrence of «{instruction.old_words}» in {key}"
    assert unit(rebuilt.provisions, key).text == after
    assert unit(rebuilt.provisions, "art2/i7").text == "Другая часть."
    # words the unit does not hold: not applied, and said
    missing = apply_instructions([_law_unit(key, "Текст без этих слов.")], [instruction]).outcomes[0]
    assert (missing.status, missing.reason) == ("not_applied", f"words not found: «{instruction.old_words}» in {key}")
