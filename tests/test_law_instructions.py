"""Amending laws (issue 23, "Reading amending laws"): the six real laws of
``../shared/corpus-bank/amending/`` (Kazakh and Russian), each instruction counted by hand
in its README. Each clause gives its operation, the unit it names (its key in the target
act) and the act it amends; where the two languages phrase one change differently
(149902) both are kept and a `language_disagreement` row says so. Built as a corpus, the
twelve files are six acts with two language texts each."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from db import build
from db.sources import parse_file

AMENDING = Path(__file__).resolve().parents[3] / "shared" / "corpus-bank" / "amending"
if not AMENDING.is_dir():  # a worktree under /work/wt/NAME or the main checkout /work/main
    AMENDING = Path(__file__).resolve().parents[2] / "shared" / "corpus-bank" / "amending"
BANK = AMENDING.parent
pytestmark = pytest.mark.skipif(not AMENDING.is_dir(), reason="the shared corpus bank is not here")

FOLDERS = {
    "2561": "2561-izmeneniia-zakon-zaniatost-naseleniia",
    "149902": "149902-izmeneniia-zakon-adm-terr-ustroistvo",
    "164356": "164356-izmeneniia-partii-assambleia-sovbez",
    "9231": "9231-turistskaia-deiatelnost-utrata-sily",
    "53548": "53548-identifikatsionnye-nomera",
    "7330": "7330-otsenka-imushchestva",
}

# The README's totals per act and language: operation -> clauses.
TOTALS = {
    ("2561", "rus"): {"delete": 5, "delete_words": 1, "replace_words": 9, "new_wording": 2},
    ("2561", "kaz"): {"delete": 5, "delete_words": 1, "replace_words": 9, "new_wording": 2},
    ("149902", "rus"): {"insert_words": 2, "insert": 4, "new_wording": 3, "delete_words": 2},
    ("149902", "kaz"): {"insert_words": 1, "insert": 4, "new_wording": 3, "replace_words": 3},
    ("164356", "rus"): {"new_wording": 4, "delete": 1},
    ("164356", "kaz"): {"new_wording": 4, "delete": 1},
    ("9231", "rus"): {"new_wording": 1, "delete": 1, "repeal": 2},
    ("9231", "kaz"): {"new_wording": 1, "delete": 1, "repeal": 2},
    ("53548", "rus"): {"replace_words": 6, "new_wording": 5},
    ("53548", "kaz"): {"replace_words": 6, "new_wording": 5},
    ("7330", "rus"): {"replace_words": 2},
    ("7330", "kaz"): {"replace_words": 2},
}

# Clause by clause, the same in both languages: (the unit's key, the amended act's kind and date).
TARGETS = {
    "2561": [
        ("art1/sp17", "law", "1998-12-30"), ("art6/pt3", "law", "1998-12-30"), ("art14", "law", "1998-12-30"),
        ("art17/sp1", "law", "1998-12-30"), ("art19/pt4/sp3", "law", "1998-12-30"), ("art19/pt4/sp7", "law", "1998-12-30"),
        ("art20/pt3/sp7", "law", "1998-12-30"), ("art20/pt3/sp8", "law", "1998-12-30"), ("art22", "law", "1998-12-30"),
        ("art27/pt1/sp1", "law", "1998-12-30"), ("art27/pt1/sp2", "law", "1998-12-30"), ("art28/pt2", "law", "1998-12-30"),
        ("art29", "law", "1998-12-30"), ("art30", "law", "1998-12-30"), ("art31", "law", "1998-12-30"),
        ("art31", "law", "1998-12-30"), ("art33", "law", "1998-12-30"),
    ],
    "149902": [
        ("art2/i8", "law", "1993-12-08"), ("art2/i9", "law", "1993-12-08"), ("art3/sp3", "law", "1993-12-08"),
        ("art3/sp4/i1", "law", "1993-12-08"), ("art3/sp5", "law", "1993-12-08"), ("art9/sp4-1", "law", "1993-12-08"),
        ("art10/sp2-1", "law", "1993-12-08"), ("art11/i1/sp3-1", "law", "1993-12-08"), ("art14", "law", "1993-12-08"),
        ("art14/i1", "law", "1993-12-08"), ("art14/sp1", "law", "1993-12-08"),
    ],
    "164356": [
        ("art15-1", "law", "2002-07-15"), ("art7/pt2", "law", "2008-10-20"), ("art1/pt2", "law", "2018-07-05"),
        ("art4/sp5", "law", "2018-07-05"), ("art7", "law", "2018-07-05"),
    ],
    "9231": [
        ("art9/pt1/sp46", "law", "1995-04-17"), ("art4/sp5/i5", "law", "1998-07-01"), (None, "law", "1992-07-03"),
        (None, "resolution", "1992-07-03"),
    ],
    "53548": [
        ("art13/pt1", "law", "2007-01-12"), ("art13/pt3/i1", "law", "2007-01-12"), ("art13/pt3/i2", "law", "2007-01-12"),
        ("art2", "law", "2007-01-12"), ("art2/i1", "law", "2008-07-05"), ("art36/pt7/i4", "law", "2008-12-10"),
        ("art36/pt10/i2/i2", "law", "2008-12-10"), ("art46/i1", "law", "2008-12-10"), ("art47/i1", "law", "2008-12-10"),
        ("art48/sp2", "law", "2008-12-10"), ("art2/pt2", "law", "2010-01-20"),
    ],
    "7330": [("art319/pt5", "code", "1994-12-27"), ("art32/pt3/i1", "decree", "1995-12-23")],
}

CASES = sorted(TOTALS)


def _parsed(act: str, language: str):
    return parse_file(AMENDING / FOLDERS[act] / f"{language}.md")


def _first_of_each_clause(instructions):
    first = {}
    for instruction in instructions:
        first.setdefault(instruction.clause, instruction)
    return [first[clause] for clause in sorted(first)]


@pytest.mark.parametrize("act,language", CASES)
def test_each_law_gives_the_instructions_its_readme_counts(act, language):
    clauses = _first_of_each_clause(_parsed(act, language).instructions)
    assert Counter(instruction.operation for instruction in clauses) == Counter(TOTALS[act, language])


@pytest.mark.parametrize("act,language", CASES)
def test_each_instruction_names_its_unit_and_its_target_act(act, language):
    clauses = _first_of_each_clause(_parsed(act, language).instructions)
    assert [(i.target.key, i.act.reference.kind, i.act.reference.date) for i in clauses] == TARGETS[act]
    assert all(i.parse_status == "ok" for i in _parsed(act, language).instructions)


def test_new_wording_words_and_the_act_as_cited():
    russian = {i.clause: i for i in _parsed("2561", "rus").instructions}
    assert russian[10].new_text == "1) оказание материальной помощи в соответствии со статьей 29настоящего Закона;"
    assert russian[6].old_words == "занятости" and russian[6].new_words == "образования"  # a single word
    # the quoted words the source breaks over a blank line are one quote
    assert russian[7].old_words == "устанавливать им на весь период обучения стипендии"
    kazakh = {i.clause: i for i in _parsed("2561", "kaz").instructions}
    assert kazakh[6].new_words == "білім беру"  # "дегенсөздермен": run together in the source
    assert kazakh[15].target.kind == "heading" and kazakh[15].old_words == "төленетін стипендияның"
    assert kazakh[1].act.title == "Халықтың жұмыспен қамтылуы туралы"  # not the newspaper named before it
    decree = _parsed("7330", "kaz").instructions[1].act
    assert (decree.reference.kind, decree.reference.number, decree.title) == ("decree", "2723", "Жылжымайтын мүлiк ипотекасы туралы")


def test_two_units_in_one_clause_and_words_replaced_respectively():
    security = [i for i in _parsed("164356", "rus").instructions if i.clause == 3]
    assert [i.target.key for i in security] == ["art1/pt2", "art1/pt3"]  # "пункты 2 и 3 статьи 1 изложить"
    respectively = [i for i in _parsed("149902", "kaz").instructions if i.clause == 3]
    assert [(i.old_words, i.new_words) for i in respectively][0] == ("өнеркәсiп орындары", "өнеркәсiптік кәсіпорындар")
    assert len(respectively) == 2
    after = _parsed("149902", "rus").instructions[0]
    assert (after.operation, after.old_words, after.new_words) == ("insert_words", "микрорайоны,", "районы в городе,")


@pytest.mark.parametrize("act,language", [("2561", "rus"), ("9231", "kaz")])
def test_the_lead_in_is_found_wherever_the_law_states_it(act, language):
    """A law whose own articles come before its "Внести … изменения:" (here thirty real
    units of law 4051 — its preamble, first articles with their points — put before the amending law's Article 1) gives the same clauses:
    the reader starts at the lead-in, not within the first eight units."""
    from dataclasses import replace

    from parser.law_instructions import read_law_instructions

    amending = _parsed(act, language)
    own = [unit for unit in parse_file(BANK / "4051-posobie-gornye-raboty" / f"{language}.md").provisions if unit.kind != "title"][:30]
    assert len(own) == 30 and sum(unit.kind == "article" for unit in own) >= 5
    longer = replace(amending, provisions=[amending.provisions[0], *own, *amending.provisions[1:]])
    _, instructions = read_law_instructions(longer)
    expected = [(i.clause, i.operation, i.target.key) for i in amending.instructions]
    assert [(i.clause, i.operation, i.target.key) for i in instructions] == expected and len(_first_of_each_clause(instructions)) == sum(TOTALS[act, language].values())


def test_no_other_text_of_the_corpora_reads_as_an_amending_law():
    """Every act of corpus/ and of the shared bank: only the amending laws (and the decree
    4013 and seed 004, which state a lead-in) give law instructions."""
    from parser.law_instructions import read_law_instructions

    root = Path(__file__).resolve().parent.parent / "corpus"
    files = [path for folder in (root, BANK) for path in sorted(folder.rglob("*.md")) + sorted(folder.rglob("*.txt"))]
    files = [path for path in files if path.name != "README.md" and path.parent.name not in ("rus", "kaz")]
    reading = {path for path in files if read_law_instructions(parse_file(path))[1]}
    assert len(files) == 58  # 30 of corpus/ (5 Adilet exports, 25 bank files), 28 of the shared bank
    assert sorted({path.parent.name if path.suffix == ".md" else path.name for path in reading}) == sorted(
        ["004_a0c35a63ea4787ba.txt", "4013-izmeneniia-zakon-okhrana-zdorovia", *FOLDERS.values()]
    )


# --- Built as a corpus ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("amending") / "laws.db"
    build(AMENDING, path)
    connection = sqlite3.connect(path)
    yield connection
    connection.close()


def test_the_twelve_files_are_six_acts_with_two_language_texts(db):
    acts = db.execute("select id from acts order by id").fetchall()
    assert [row[0] for row in acts] == sorted(f"file-{folder}" for folder in FOLDERS.values())
    texts = db.execute("select act_id, group_concat(language, ',') from (select act_id, language from act_texts order by language) group by act_id").fetchall()
    assert all(languages == "kk,ru" for _, languages in texts) and len(texts) == 6
    assert db.execute("select count(*) from versions where rebuilt = 0 group by act_id having count(*) > 2").fetchall() == []


def test_every_instruction_is_stored_with_its_language_and_target(db):
    counted = dict(
        ((act, language), clauses)
        for act, language, clauses in db.execute("select act_id, language, count(distinct clause) from instructions group by act_id, language")
    )
    for act, folder in FOLDERS.items():
        assert counted[f"file-{folder}", "kk"] == sum(TOTALS[act, "kaz"].values())
        assert counted[f"file-{folder}", "ru"] == sum(TOTALS[act, "rus"].values())
    targets = db.execute(
        "select distinct target_act_kind, target_act_date from instructions where act_id = ? order by 2", (f"file-{FOLDERS['164356']}",)
    ).fetchall()
    assert targets == [("law", "2002-07-15"), ("law", "2008-10-20"), ("law", "2018-07-05")]


def test_the_languages_that_phrase_one_change_differently_are_both_kept_and_said(db):
    act = f"file-{FOLDERS['149902']}"
    said = [row[0] for row in db.execute("select message from problems where act_id = ? and kind = 'language_disagreement'", (act,))]
    assert len(said) == 3 and all("operation of amending instruction" in message for message in said)
    assert any("instruction 11" in m and "replace_words" in m and "insert_words" in m for m in said)
    both = db.execute("select language, operation from instructions where act_id = ? and clause = 11 order by language", (act,)).fetchall()
    assert both == [("kk", "replace_words"), ("ru", "insert_words")]
    others = db.execute("select count(*) from problems where kind = 'language_disagreement' and act_id != ? and message like '%instruction%'", (act,))
    assert others.fetchone()[0] == 0
