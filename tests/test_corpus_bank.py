"""Specification tests for issues 14 (Russian beside Kazakh) and 15 (laws and codes), on
the real texts of corpus-bank in ``corpus/zan-gov-kz/``.

Every expected value here was checked by hand against the source lines:

- the units and notes of every file come from ``tests/data/corpus_bank_counts.json``,
  written by ``tests/corpus_bank_counter.py`` (line regexes, not the parser) and checked
  line by line (its ``hand_check`` and ``corrections`` say what was decided);
- the act table (`ACTS`) is what each text and its ``meta.yaml`` say, with the line it
  was read from.

The groups name what is missing when they fail: ``TestStructure`` (articles, chapters,
parts, subpoints, абзацы, appendices), ``TestNotes`` (every note by its line, none as law
text, editorial remarks apart), ``TestChainedNotes`` (each amending act of a note with its
own action and date), ``TestActs`` (kind, date, number, title, status, repeal,
commencement), ``TestSplitAct`` (an index with its part files is one act),
``TestHonestDates`` (nothing in force, no wording known, before the act existed; inserted
units from their insertion), ``TestAmendingDecree`` (the instructions of decree 4013),
``TestOneAct`` (a real build: a split act is one act, the two languages of a law are one act
and not two versions).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

from db.sources import parse_file
from parser.model import Amendment, ParsedDocument, Provision
from parser.timeline import act_versions, answer_on, build_timelines

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "corpus" / "zan-gov-kz"
COUNTS = json.loads((Path(__file__).resolve().parent / "data" / "corpus_bank_counts.json").read_text(encoding="utf-8"))["files"]

SPLIT = "4-konst-zakon-o-vyborakh"
#: the part files of the split act, by index file
PARTS = {f"{SPLIT}/rus.md": [f"{SPLIT}/rus/ch015.md"], f"{SPLIT}/kaz.md": [f"{SPLIT}/kaz/ch015.md"]}
PART_FILES = {part for parts in PARTS.values() for part in parts}
#: the files parsed as documents: every file but the part files (read through their index)
DOCUMENTS = [path for path in COUNTS if path not in PART_FILES]

NUMBERED = ("part", "paragraph")  # a numbered `1.`: a part of an article, a point of an order
QUOTE_KINDS = ("quote",)


@lru_cache(maxsize=None)
def parsed(path: str) -> ParsedDocument:
    """The document `path` (relative to corpus/zan-gov-kz) as `db.sources.parse_file` reads it."""
    return parse_file(BANK / path, display_path=f"corpus/zan-gov-kz/{path}")


def source_lines(path: str) -> list[str]:
    return (BANK / path).read_text(encoding="utf-8").split("\n")


def files_of(path: str) -> list[str]:
    """The file and, for the index of a split act, its part files."""
    return [path, *PARTS.get(path, [])]


def expected(path: str, kind: str) -> int:
    return sum(COUNTS[name]["counts"][kind] for name in files_of(path))


def fold(text: str) -> str:
    """Compare printed text without formatting: no Markdown marks, one space, Latin I for
    the Cyrillic І of Roman numerals (``165-VІ``)."""
    text = re.sub(r"[*>`]", " ", text).replace("І", "I")
    return re.sub(r"\s+", " ", text).strip()


def ancestors(document: ParsedDocument, provision: Provision) -> list[Provision]:
    by_key = {p.key: p for p in document.provisions}
    chain, key = [], provision.parent_key
    while key is not None and key in by_key:
        chain.append(by_key[key])
        key = by_key[key].parent_key
    return chain


def own_units(document: ParsedDocument, kinds: tuple[str, ...]) -> list[Provision]:
    """Units of these kinds that are the act's own: labelled, not inside a quoted wording."""
    return [
        p
        for p in document.provisions
        if p.kind in kinds and p.label is not None and not any(a.kind in QUOTE_KINDS for a in ancestors(document, p))
    ]


def describe(units: list[Provision]) -> str:
    return ", ".join(f"{p.key}@{p.source_line}" for p in units[:40]) or "none"


# --- Structure ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", DOCUMENTS)
class TestStructure:
    def test_articles(self, path):
        document = parsed(path)
        articles = [p for p in document.provisions if p.kind == "article"]
        labels = [a["label"] for name in files_of(path) for a in COUNTS[name]["articles"]]
        assert [a.label for a in articles] == labels, (
            f"{path}: articles expected {labels} (lines {[a['line'] for n in files_of(path) for a in COUNTS[n]['articles']]}),"
            f" parser has {describe(articles)}"
        )

    def test_chapters_and_sections(self, path):
        document = parsed(path)
        chapters = [p for p in document.provisions if p.kind == "chapter"]
        sections = [p for p in document.provisions if p.kind == "section"]
        assert len(chapters) == expected(path, "chapters"), (
            f"{path}: {expected(path, 'chapters')} chapters expected"
            f" (lines {[c['line'] for n in files_of(path) for c in COUNTS[n]['chapters']]}), parser has {describe(chapters)}"
        )
        assert len(sections) == expected(path, "sections"), f"{path}: no section headings in the text, parser has {describe(sections)}"

    def test_numbered_parts(self, path):
        parts = own_units(parsed(path), NUMBERED)
        assert len(parts) == expected(path, "parts"), (
            f"{path}: {expected(path, 'parts')} numbered parts/points (`1.`, `2-1.`) expected at lines"
            f" {[line for n in files_of(path) for line in COUNTS[n]['part_lines']]}, parser has {len(parts)}: {describe(parts)}"
        )

    def test_subpoints(self, path):
        subpoints = own_units(parsed(path), ("subparagraph",))
        assert len(subpoints) == expected(path, "subpoints"), (
            f"{path}: {expected(path, 'subpoints')} subpoints (`1)`, `2-1)`) expected at lines"
            f" {[line for n in files_of(path) for line in COUNTS[n]['subpoint_lines']]}, parser has {len(subpoints)}: {describe(subpoints)}"
        )

    def test_parts_and_subpoints_belong_to_their_article(self, path):
        """A numbered part or subpoint printed inside an article hangs under that article
        (not at the top level, not under the chapter)."""
        document = parsed(path)
        lines = [(n, line) for n in files_of(path) for key in ("part_lines_in_articles", "subpoint_lines_in_articles") for line in COUNTS[n][key]]
        if not lines:
            pytest.skip("no numbered unit inside an article")
        stray = []
        for name, line in lines:
            text = fold(source_lines(name)[line - 1])[:60]
            units = [p for p in document.provisions if p.source_line == line and p.kind in NUMBERED + ("subparagraph",) and text in fold(p.raw)]
            if not units or not any(a.kind == "article" for a in ancestors(document, units[0])):
                stray.append(f"{name}:{line} ({units[0].key if units else 'not found'})")
        assert not stray, f"{path}: numbered units not under their article: " + "; ".join(stray[:15])

    def test_abzacs_belong_to_their_article(self, path):
        document = parsed(path)
        abzacs = [
            p
            for p in document.provisions
            if p.kind == "indent"
            and any(a.kind == "article" for a in ancestors(document, p))
            and not any(a.kind in QUOTE_KINDS for a in ancestors(document, p))
        ]
        assert len(abzacs) == expected(path, "abzacs"), (
            f"{path}: {expected(path, 'abzacs')} unnumbered paragraphs inside articles expected at lines"
            f" {[line for n in files_of(path) for line in COUNTS[n]['abzac_lines']]}, parser has {len(abzacs)} under an article:"
            f" {describe(abzacs)}"
        )

    def test_appendices(self, path):
        appendices = [p for p in parsed(path).provisions if p.kind == "appendix"]
        assert len(appendices) == expected(path, "appendices"), (
            f"{path}: {expected(path, 'appendices')} appendices expected"
            f" (stamp lines {[line for n in files_of(path) for line in COUNTS[n]['appendix_lines']]}), parser has {describe(appendices)}"
        )

    def test_quoted_wordings_are_not_units_of_the_act(self, path):
        """Numbered lines inside a quoted new or temporary wording («3. …», "4-2) …") are
        not parts or subpoints of the act that quotes them."""
        document = parsed(path)
        quoted_lines = {line for n in files_of(path) for line in COUNTS[n]["quoted_lines"]}
        if not quoted_lines:
            pytest.skip("no quoted wording in this text")
        wrong = [
            p
            for p in own_units(document, NUMBERED + ("subparagraph",))
            if p.source_line in quoted_lines
            and any(fold(source_lines(n)[p.source_line - 1])[:60] in fold(p.raw) for n in files_of(path) if p.source_line <= len(source_lines(n)))
        ]
        assert not wrong, f"{path}: quoted wording stored as units of the act: {describe(wrong)}"


# --- Notes -------------------------------------------------------------------------------


#: notes that state the act's own commencement and name no amending act
COMMENCEMENT_NOTES = {("160919-garantirovannyi-transfert-2022-2024/rus.md", 3), ("160919-garantirovannyi-transfert-2022-2024/kaz.md", 3)}


def expected_notes(path: str) -> list[tuple[str, dict]]:
    return [(name, note) for name in files_of(path) for note in COUNTS[name]["notes"]]


def note_line_text(name: str, line: int) -> str:
    return fold(source_lines(name)[line - 1])


@pytest.mark.parametrize("path", DOCUMENTS)
class TestNotes:
    def test_every_note_is_recognised_by_its_line(self, path):
        document = parsed(path)
        missing = []
        for name, note in expected_notes(path):
            text = note_line_text(name, note["line"])
            found = [n for n in document.notes if n.source_line == note["line"] and text[:80] in fold(n.raw)]
            if not found:
                missing.append(f"{name}:{note['line']} ({note['placement']}{'' if note['with_word'] else ', without the word'}) «{text[:70]}»")
        assert not missing, f"{path}: notes not recognised: " + "; ".join(missing)

    def test_no_other_note(self, path):
        document = parsed(path)
        assert len(document.notes) == len(expected_notes(path)), (
            f"{path}: {len(expected_notes(path))} notes in the text (lines"
            f" {[(n, note['line']) for n, note in expected_notes(path)]}), parser has {len(document.notes)} at lines"
            f" {[n.source_line for n in document.notes]}"
        )

    def test_no_note_is_stored_as_a_provision(self, path):
        document = parsed(path)
        wrong = []
        for name, note in expected_notes(path):
            text = note_line_text(name, note["line"])[:80]
            for provision in document.provisions:
                if text in fold(provision.raw):
                    wrong.append(f"{name}:{note['line']} inside {provision.key} ({provision.kind})")
        assert not wrong, f"{path}: notes stored as law text: " + "; ".join(wrong)

    def test_every_note_is_understood(self, path):
        """Each note names its unit (or the act) and every amending act in it is read. The
        commencement note of 160919 («Вводится в действие с 01.01.2022 в соответствии с пунктом 1
        статьи 2 настоящего Закона») names no amending act: it is on the act itself."""
        document = parsed(path)
        problems = []
        for note in document.notes:
            if note.target_status not in ("unit", "act"):
                problems.append(f"line {note.source_line}: target {note.target_status} ({note.target_text!r})")
            if (path, note.source_line) in COMMENCEMENT_NOTES:
                if note.target_status != "act":
                    problems.append(f"line {note.source_line}: the act's own commencement note is not on the act")
                continue
            if not note.amendments:
                problems.append(f"line {note.source_line}: no amending act read")
            for amendment in note.amendments:
                if amendment.parse_status != "ok" or amendment.action == "other":
                    problems.append(f"line {note.source_line}: {amendment.action}/{amendment.parse_status} «{amendment.text[:60]}»")
        assert not problems, f"{path}: " + "; ".join(problems)

    def test_editorial_remarks_are_not_law_text(self, path):
        remarks = [(name, r) for name in files_of(path) for r in COUNTS[name]["editorial_remarks"]]
        if not remarks:
            pytest.skip("no editorial remark in this text")
        document = parsed(path)
        law_kinds = ("title", "preamble", "paragraph", "part", "subparagraph", "indent", "article", "chapter", "section")
        for name, remark in remarks:
            for line in (remark["line"], remark["body_line"]):
                text = note_line_text(name, line)
                as_law = [p for p in document.provisions if p.kind in law_kinds and text in fold(p.raw)]
                assert not as_law, f"{name}:{line}: editorial remark «{text[:60]}» stored as law text in {describe(as_law)}"
                kept = [p for p in document.provisions if text in fold(p.raw)] + [n for n in document.notes if text in fold(n.raw)]
                assert kept, f"{name}:{line}: editorial remark «{text[:60]}» lost: not in any provision or note"


# --- Chained notes: each amending act keeps its own action and date ----------------------


@dataclass(frozen=True)
class Act:
    action: str
    date: str
    number: str
    #: ("exact", day) | ("bounded", earliest) | ("not_exact", None) — when it took effect
    effective: tuple[str, str | None]


TEN_DAYS_293 = ("bounded", "2015-03-28")  # 17.03.2015 + 11
TEN_DAYS_165 = ("bounded", "2018-07-13")  # 02.07.2018 + 11
TEN_DAYS_239 = ("bounded", "2014-10-10")  # 29.09.2014 + 11
FROM_0103_2016 = ("exact", "2016-03-01")
FROM_0107_2023 = ("exact", "2023-07-01")
FROM_0104_2014 = ("exact", "2014-04-01")

#: 4051, every note: (file, line) -> target article label (None: title/preamble) and its acts in order.
CHAINED = {
    ("4051-posobie-gornye-raboty/rus.md", 27): ("1", [Act("new_wording", "2015-03-17", "293-V", TEN_DAYS_293), Act("amended", "2015-11-17", "408-V", FROM_0103_2016), Act("amended", "2018-07-02", "165-VI", TEN_DAYS_165)]),
    ("4051-posobie-gornye-raboty/rus.md", 35): ("2", [Act("amended", "2004-12-20", "13", ("exact", "2005-01-01"))]),
    ("4051-posobie-gornye-raboty/rus.md", 71): ("4", [Act("new_wording", "2007-12-19", "9-IV", ("not_exact", None)), Act("amended", "2018-07-02", "165-VI", TEN_DAYS_165), Act("amended", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/rus.md", 91): ("5", [Act("new_wording", "2015-03-17", "293-V", TEN_DAYS_293), Act("amended", "2015-11-17", "408-V", FROM_0103_2016), Act("amended", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/rus.md", 97): ("5-1", [Act("inserted", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/rus.md", 119): ("5-2", [Act("inserted", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/rus.md", 153): ("6", [Act("new_wording", "2014-03-31", "180-V", FROM_0104_2014), Act("amended", "2015-11-17", "408-V", FROM_0103_2016), Act("amended", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/rus.md", 165): ("7", [Act("new_wording", "2014-03-31", "180-V", FROM_0104_2014), Act("amended", "2014-09-29", "239-V", TEN_DAYS_239), Act("amended", "2015-11-17", "408-V", FROM_0103_2016), Act("amended", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/rus.md", 5): (None, [Act("amended", "2007-12-19", "9-IV", ("not_exact", None))]),
    ("4051-posobie-gornye-raboty/rus.md", 9): (None, [Act("amended", "2007-12-19", "9-IV", ("not_exact", None))]),
    ("4051-posobie-gornye-raboty/kaz.md", 3): (None, [Act("amended", "2007-12-19", "9", ("exact", "2008-01-01"))]),
    ("4051-posobie-gornye-raboty/kaz.md", 7): (None, [Act("amended", "2007-12-19", "9", ("exact", "2008-01-01"))]),
    ("4051-posobie-gornye-raboty/kaz.md", 25): ("1", [Act("new_wording", "2015-03-17", "293-V", TEN_DAYS_293), Act("amended", "2015-11-17", "408-V", FROM_0103_2016), Act("amended", "2018-07-02", "165-VI", TEN_DAYS_165)]),
    ("4051-posobie-gornye-raboty/kaz.md", 33): ("2", [Act("amended", "2004-12-20", "13", ("exact", "2005-01-01"))]),
    ("4051-posobie-gornye-raboty/kaz.md", 69): ("4", [Act("new_wording", "2007-12-19", "9", ("exact", "2008-01-01")), Act("amended", "2018-07-02", "165-VI", TEN_DAYS_165), Act("amended", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/kaz.md", 89): ("5", [Act("new_wording", "2015-03-17", "293-V", TEN_DAYS_293), Act("amended", "2015-11-17", "408-V", FROM_0103_2016), Act("amended", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/kaz.md", 95): ("5-1", [Act("inserted", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/kaz.md", 117): ("5-2", [Act("inserted", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/kaz.md", 151): ("6", [Act("new_wording", "2014-03-31", "180-V", FROM_0104_2014), Act("amended", "2015-11-17", "408-V", FROM_0103_2016), Act("amended", "2023-04-20", "226-VII", FROM_0107_2023)]),
    ("4051-posobie-gornye-raboty/kaz.md", 163): ("7", [Act("new_wording", "2014-03-31", "180-V", FROM_0104_2014), Act("amended", "2014-09-29", "239-V", TEN_DAYS_239), Act("amended", "2015-11-17", "408-V", FROM_0103_2016), Act("amended", "2023-04-20", "226-VII", FROM_0107_2023)]),
    # 104446: one note lists four amending laws, the other inserts article 9
    ("104446-vvedenie-ugolovnogo-kodeksa-1997/rus.md", 25): ("4", [Act("amended", "2000-05-05", "47", ("not_exact", None)), Act("amended", "2002-10-30", "349", ("not_exact", None)), Act("amended", "2003-12-31", "514", ("not_exact", None)), Act("amended", "2009-12-10", "228-IV", ("not_exact", None))]),
    ("104446-vvedenie-ugolovnogo-kodeksa-1997/kaz.md", 25): ("4", [Act("amended", "2000-05-05", "47", ("not_exact", None)), Act("amended", "2002-10-30", "349", ("not_exact", None)), Act("amended", "2003-12-31", "514", ("not_exact", None)), Act("amended", "2009-12-10", "228-IV", ("not_exact", None))]),
    ("104446-vvedenie-ugolovnogo-kodeksa-1997/rus.md", 47): ("9", [Act("inserted", "2014-04-23", "200-V", ("bounded", "2014-05-04"))]),
    ("104446-vvedenie-ugolovnogo-kodeksa-1997/kaz.md", 47): ("9", [Act("inserted", "2014-04-23", "200-V", ("bounded", "2014-05-04"))]),
}


def check_effective(amendment: Amendment, want: tuple[str, str | None]) -> str | None:
    status, day = want
    got = amendment.effective
    if status == "exact" and not (got.status == "exact" and got.exact == day):
        return f"effective {got.status} {got.exact or got.earliest} instead of exactly {day}"
    if status == "bounded" and not (got.status == "bounded" and got.earliest == day):
        return f"effective {got.status} {got.exact or got.earliest}..{got.latest} instead of a window from {day}"
    if status == "not_exact" and got.status == "exact":
        return f"effective claimed exact {got.exact} though the note gives no date («порядок введения в действие см. ст. 2»)"
    return None


@pytest.mark.parametrize("place", sorted(CHAINED), ids=lambda place: f"{place[0]}:{place[1]}")
class TestChainedNotes:
    def test_each_amending_act_has_its_own_action_and_date(self, place):
        path, line = place
        target, acts = CHAINED[place]
        notes = [n for n in parsed(path).notes if n.source_line == line]
        assert notes, f"{path}:{line}: note not recognised"
        got = [(a.action, a.act.date, fold(a.act.number or "")) for a in notes[0].amendments]
        want = [(a.action, a.date, a.number) for a in acts]
        assert got == want, f"{path}:{line}: amending acts {got}, the note says {want}"

    def test_each_amending_act_has_its_own_effective_date(self, place):
        path, line = place
        _, acts = CHAINED[place]
        notes = [n for n in parsed(path).notes if n.source_line == line]
        assert notes and len(notes[0].amendments) == len(acts), f"{path}:{line}: amending acts not all read"
        wrong = [f"{act.number}: {err}" for amendment, act in zip(notes[0].amendments, acts) if (err := check_effective(amendment, act.effective))]
        assert not wrong, f"{path}:{line}: " + "; ".join(wrong)

    def test_the_note_names_its_unit(self, place):
        """«Глава 2 дополнена статьей 5-1» / «2-тарау 5-1-баппен толықтырылды» inserts article
        5-1: the note is on the article, not on chapter 2 (which was not inserted)."""
        path, line = place
        target, _ = CHAINED[place]
        document = parsed(path)
        notes = [n for n in document.notes if n.source_line == line]
        assert notes, f"{path}:{line}: note not recognised"
        by_key = {p.key: p for p in document.provisions}
        unit = by_key.get(notes[0].target_key) if notes[0].target_key else None
        if target is None:
            assert unit is not None and unit.kind in ("title", "preamble"), f"{path}:{line}: the note is on the title/preamble, parser: {notes[0].target_key}"
        else:
            assert unit is not None and unit.kind == "article" and unit.label == target, (
                f"{path}:{line}: the note is on article {target}, parser: {notes[0].target_key} ({unit.kind if unit else None})"
            )


# --- The act: kind, dates, number, title, status, repeal, commencement --------------------


@dataclass(frozen=True)
class Repeal:
    kind: str
    date: str
    number: str
    #: when the repeal took effect: ("exact", day), ("bounded", earliest) or ("not_exact", floor)
    effective: tuple[str, str]


@dataclass(frozen=True)
class Commencement:
    rule: str  # fixed_date | publication
    fixed_date: str | None = None
    offset_days: int | None = None
    #: dates from which listed provisions take effect instead (split commencement)
    exceptions: tuple[str, ...] = ()
    #: the act's own entry into force: ("exact", day) | ("bounded", earliest)
    effective: tuple[str, str] | None = None


@dataclass(frozen=True)
class ActRow:
    kind: str
    adopted_on: str
    number: str
    title: str
    status: str  # in_force | repealed | not_repealed (no repeal known; in_force or unknown)
    repeal: Repeal | None
    commencement: Commencement
    basis: str  # where each value was read


def meta_title(folder: str, language: str) -> str:
    text = (BANK / folder / "meta.yaml").read_text(encoding="utf-8")
    match = re.search(rf"^  {language}: (.*)$", text, re.M)
    assert match, f"{folder}/meta.yaml has no title.{language}"
    return match.group(1).strip("'")


L4051 = Commencement("fixed_date", "2000-01-01", effective=("exact", "2000-01-01"))
ACTS: dict[str, ActRow] = {
    "4051-posobie-gornye-raboty/rus.md": ActRow("law", "1999-07-13", "414", meta_title("4051-posobie-gornye-raboty", "rus"), "in_force", None, L4051,
        "meta requisite «Закон Республики Казахстан от 13 июля 1999 года N 414», no repeal; rus:173 «вводится в действие с 1 января 2000 года»"),
    "4051-posobie-gornye-raboty/kaz.md": ActRow("law", "1999-07-13", "414", meta_title("4051-posobie-gornye-raboty", "kaz"), "in_force", None, L4051,
        "meta requisite; kaz:171 «Осы Заң 2000 жылғы 1 қаңтардан бастап күшіне енгізіледі»"),
    "4570-prozhitochnyi-minimum/rus.md": ActRow("law", "1999-11-16", "474-I", "О прожиточном минимуме", "repealed",
        Repeal("law", "2015-05-19", "314-V", ("not_exact", "2015-05-19")), L4051,
        "meta requisite «… от 16 ноября 1999 г. N 474-I. Утратил силу Законом Республики Казахстан от 19 мая 2015 года № 314-V» (no date of effect given); rus:85 «с 1 января 2000 года»"),
    "4570-prozhitochnyi-minimum/kaz.md": ActRow("law", "1999-11-16", "474-I", "Ең төмен күнкөріс деңгейі туралы", "repealed",
        Repeal("law", "2015-05-19", "314-V", ("not_exact", "2015-05-19")), L4051,
        "meta requisite; kaz:99 «Осы Заң 2000 жылғы 1 қаңтардан бастап қолданысқа енгізіледі»; the title is line 15, after a list of article headings"),
    "104446-vvedenie-ugolovnogo-kodeksa-1997/rus.md": ActRow("law", "1997-07-16", "168", "О введении в действие Уголовного кодекса Республики Казахстан", "repealed",
        Repeal("code", "2014-07-03", "226-V", ("not_exact", "2014-07-03")),
        Commencement("fixed_date", "1998-01-01", exceptions=("2000-01-01", "2003-01-01", "2004-01-01", "2010-01-01"), effective=("exact", "1998-01-01")),
        "meta requisite «от 16 июля 1997 года N 168. Утратил силу Кодексом РК от 3 июля 2014 года № 226-V» (meta approved_on says 1997-07-15: a disagreement);"
        " rus:5 art. 1 «с 1 января 1998 года, за исключением положений …», rus:23 art. 4 «с 1 января 2000 … 2003 … 2004 … 2010 года»"),
    "104446-vvedenie-ugolovnogo-kodeksa-1997/kaz.md": ActRow("law", "1997-07-16", "168", "Қазақстан Республикасының Қылмыстық кодексiн күшiне енгiзу туралы", "repealed",
        Repeal("code", "2014-07-03", "226-V", ("not_exact", "2014-07-03")),
        Commencement("fixed_date", "1998-01-01", exceptions=("2000-01-01", "2003-01-01", "2004-01-01", "2010-01-01"), effective=("exact", "1998-01-01")),
        "meta requisite; kaz:5 «1998 жылғы 1 қаңтардан бастап күшiне енгiзiлсiн, бұған … өзге мерзiмдерi … қосылмайды», kaz:23 art. 4"),
    "33276-vvedenie-trudovogo-kodeksa-2007/rus.md": ActRow("law", "2007-05-15", "252", "О введении в действие Трудового кодекса Республики Казахстан", "repealed",
        Repeal("code", "2015-11-23", "414-V", ("exact", "2016-01-01")),
        Commencement("publication", offset_days=10, exceptions=("2008-01-01",), effective=("bounded", "2007-05-26")),
        "meta requisite «от 15 мая 2007 года № 252. Утратил силу Кодексом … от 23 ноября 2015 года № 414-V ЗРК»; rus:5 remark «(вводится в действие с 01.01.2016)»;"
        " rus:9 art. 1 «по истечении десяти календарных дней со дня его официального опубликования, за исключением … с 1 января 2008 года»"),
    "33276-vvedenie-trudovogo-kodeksa-2007/kaz.md": ActRow("law", "2007-05-15", "252", "Қазақстан Республикасының Еңбек кодексін қолданысқа енгізу туралы", "repealed",
        Repeal("code", "2015-11-23", "414-V", ("exact", "2016-01-01")),
        Commencement("publication", offset_days=10, exceptions=("2008-01-01",), effective=("bounded", "2007-05-26")),
        "meta requisite; kaz:5 remark «(01.01.2016 бастап қолданысқа енгізіледі)»; kaz:9 «2008 жылғы 1 қаңтардан бастап … қоспағанда, … күнтізбелік он күн өткеннен кейін»"),
    "4013-izmeneniia-zakon-okhrana-zdorovia/rus.md": ActRow("decree", "1995-11-29", "2662", meta_title("4013-izmeneniia-zakon-okhrana-zdorovia", "rus"), "not_repealed", None,
        Commencement("fixed_date", "1996-01-01", effective=("exact", "1996-01-01")),
        "meta requisite «Указ Президента Республики Казахстан от 29 ноября 1995 г. N 2662 имеющий силу Закона», form УЗАК; rus:13 «вступает в силу с 1 января 1996 года»"),
    "4013-izmeneniia-zakon-okhrana-zdorovia/kaz.md": ActRow("decree", "1995-11-29", "2662", meta_title("4013-izmeneniia-zakon-okhrana-zdorovia", "kaz").replace("\\\"", '"'), "not_repealed", None,
        Commencement("fixed_date", "1996-01-01", effective=("exact", "1996-01-01")),
        "meta requisite; kaz:7 «Осы Жарлық 1996 жылдың 1 қаңтарынан бастап күшiне енедi»"),
    "160919-garantirovannyi-transfert-2022-2024/rus.md": ActRow("law", "2021-11-30", "76-VII", meta_title("160919-garantirovannyi-transfert-2022-2024", "rus"), "repealed",
        Repeal("law", "2022-11-24", "159-VII", ("exact", "2023-01-01")),
        Commencement("fixed_date", "2022-01-01", effective=("exact", "2022-01-01")),
        "meta requisite «от 30 ноября 2021 года № 76-VII ЗРК. Утратил силу Законом … от 24 ноября 2022 года № 159-VII (вводится в действие с 1 января 2023 года)»; rus:21"),
    "160919-garantirovannyi-transfert-2022-2024/kaz.md": ActRow("law", "2021-11-30", "76-VII", meta_title("160919-garantirovannyi-transfert-2022-2024", "kaz"), "repealed",
        Repeal("law", "2022-11-24", "159-VII", ("exact", "2023-01-01")),
        Commencement("fixed_date", "2022-01-01", effective=("exact", "2022-01-01")),
        "meta requisite; kaz:23 «Осы Заң 2022 жылғы 1 қаңтардан бастап қолданысқа енгізіледі»"),
    f"{SPLIT}/rus.md": ActRow("constitutional_law", "1995-09-28", "2464", "О выборах в Республике Казахстан", "not_repealed", None,
        Commencement("publication", offset_days=0, effective=("bounded", "1995-09-28")),
        "meta requisite «Конституционный закон Республики Казахстан от 28 сентября 1995 года N 2464», form КЗАК; rus/ch015:67 «вступает в силу со дня опубликования»"),
    f"{SPLIT}/kaz.md": ActRow("constitutional_law", "1995-09-28", "2464", "Қазақстан Республикасындағы сайлау туралы", "not_repealed", None,
        Commencement("publication", offset_days=0, effective=("bounded", "1995-09-28")),
        "meta requisite; kaz/ch015:67 «жарияланған күнiнен бастап күшiне енедi»"),
    "137412-administratsiia-prezidenta/rus@2020-10-27.md": ActRow("order", "2019-12-03", "19-42-3.3.22",
        "Об утверждении натуральных норм обеспечения специальными автотранспортными средствами подведомственных государственных учреждений Администрации Президента Республики Казахстан",
        "not_repealed", None, Commencement("publication", offset_days=10, effective=("bounded", "2019-12-14")),
        "no meta beside the file: the annex stamp lines 37-41 «к приказу … от 3 декабря 2019 года № 19-42-3.3.22»; line 27 «по истечении десяти календарных дней»"),
    "87811-qriim/rus.md": ActRow("order", "2015-02-13", "111", "Об утверждении Правил проведения аудита в области пожарной безопасности", "repealed",
        Repeal("order", "2017-04-03", "240", ("bounded", "2017-04-14")),
        Commencement("publication", offset_days=10, effective=("bounded", "2015-03-29")),
        "meta requisite «от 13 февраля 2015 года № 111. Зарегистрирован … 18 марта 2015 года № 10492. Утратил силу приказом … от 3 апреля 2017 года № 240 (… по истечении десяти календарных дней …)»;"
        " rus:17 «по истечении десяти календарных дней» (the Kazakh text says «жиырма бір күн», 21 days: a disagreement)"),
}


def repeal_of(document: ParsedDocument) -> Amendment | None:
    found = [a for a in document.header_amendments if a.action == "repealed"]
    found += [a for n in document.notes if n.target_key is None for a in n.amendments if a.action == "repealed"]
    return found[0] if found else None


@pytest.mark.parametrize("path", sorted(ACTS))
class TestActs:
    def test_kind_date_number(self, path):
        act, row = parsed(path).act, ACTS[path]
        assert act is not None, f"{path}: no act"
        got = (act.kind, act.adopted_on, fold(act.number or ""))
        assert got == (row.kind, row.adopted_on, row.number), f"{path}: (kind, adopted_on, number) {got}, the text says {(row.kind, row.adopted_on, row.number)}: {row.basis}"

    def test_id_is_not_the_file_name(self, path):
        act = parsed(path).act
        assert act is not None and "file name" not in act.id_basis, (
            f"{path}: act id {act.id!r} built from the file name ({act.id_basis}); kind, date and number are known: {ACTS[path].basis}"
        )

    def test_title(self, path):
        act = parsed(path).act
        assert act is not None and fold(act.title or "") == fold(ACTS[path].title), f"{path}: title {act.title!r}, expected {ACTS[path].title!r}"

    def test_status(self, path):
        act, row = parsed(path).act, ACTS[path]
        if row.status == "not_repealed":
            assert act.status != "repealed", f"{path}: status repealed, but nothing in text or meta repeals it ({act.status_basis})"
            if (BANK / path).with_name("meta.yaml").is_file():
                assert act.status == "in_force", f"{path}: the bank's requisite records no repeal, so in force; parser: {act.status} ({act.status_basis})"
        else:
            assert act.status == row.status, f"{path}: status {act.status} ({act.status_basis}), expected {row.status}: {row.basis}"

    def test_repeal(self, path):
        row = ACTS[path]
        if row.repeal is None:
            assert repeal_of(parsed(path)) is None, f"{path}: a repeal read where the text has none"
            return
        repeal = repeal_of(parsed(path))
        assert repeal is not None, f"{path}: the repeal is not read: {row.basis}"
        got = (repeal.act.kind, repeal.act.date, fold(repeal.act.number or ""))
        assert got == (row.repeal.kind, row.repeal.date, row.repeal.number), f"{path}: repealing act {got}, expected {row.repeal}"
        status, day = row.repeal.effective
        effective = repeal.effective
        if status == "exact":
            assert (effective.status, effective.exact) == ("exact", day), f"{path}: repeal took effect exactly {day}; parser: {effective}"
        elif status == "bounded":
            assert (effective.status, effective.earliest) == ("bounded", day), f"{path}: repeal takes effect in a window from {day}; parser: {effective}"
        else:
            assert effective.status != "exact", f"{path}: the repealing act's commencement is not in the text, yet the repeal is exact: {effective}"
            assert effective.earliest is None or effective.earliest >= day, f"{path}: repeal dated before the repealing act ({day}): {effective}"

    def test_commencement(self, path):
        act, want = parsed(path).act, ACTS[path].commencement
        rule = act.commencement
        assert rule is not None, f"{path}: no commencement read: {ACTS[path].basis}"
        assert rule.rule == want.rule, f"{path}: commencement rule {rule.rule}, expected {want.rule}: {ACTS[path].basis}"
        if want.fixed_date:
            assert rule.fixed_date == want.fixed_date, f"{path}: commencement date {rule.fixed_date}, expected {want.fixed_date}"
        if want.offset_days is not None:
            assert (rule.offset_days or 0) == want.offset_days, f"{path}: commencement offset {rule.offset_days} days, expected {want.offset_days}"

    def test_split_commencement(self, path):
        want = ACTS[path].commencement
        if not want.exceptions:
            pytest.skip("one commencement for the whole act")
        rule = parsed(path).act.commencement
        exceptions = getattr(rule, "exceptions", None)
        assert exceptions, (
            f"{path}: split commencement not read (expected CommencementRule.exceptions with the dates {want.exceptions}): {ACTS[path].basis}"
        )
        dates = sorted({e.fixed_date for e in exceptions if e.fixed_date})
        assert dates == sorted(want.exceptions), f"{path}: exception dates {dates}, expected {sorted(want.exceptions)}"

    def test_entry_into_force(self, path):
        act, want = parsed(path).act, ACTS[path].commencement
        status, day = want.effective
        got = act.effective
        assert got is not None, f"{path}: no entry into force derived"
        if status == "exact":
            assert (got.status, got.exact) == ("exact", day), f"{path}: in force exactly from {day}; parser: {got}"
        else:
            assert got.status == "bounded", f"{path}: in force from a publication whose date is not held: a window, parser: {got}"
            assert got.earliest is not None and got.earliest >= day, f"{path}: window must not start before {day}; parser: {got}"

    def test_disagreements_are_problems(self, path):
        """Where the meta and the requisite disagree (104446: approved_on 1997-07-15, requisite
        «от 16 июля 1997 года»), the document says so in `problems`."""
        if not path.startswith("104446"):
            pytest.skip("no disagreement between meta and requisite")
        problems = [p for p in parsed(path).problems if "1997-07-15" in p.message or "15.07.1997" in p.message]
        assert problems, f"{path}: meta approved_on 1997-07-15 vs requisite «16 июля 1997 года» not reported in problems"


# --- The split act -----------------------------------------------------------------------


@pytest.mark.parametrize("index", sorted(PARTS))
class TestSplitAct:
    def test_parts_are_read_with_their_index(self, index):
        document = parsed(index)
        articles = [p.label for p in document.provisions if p.kind == "article"]
        assert articles == ["128", "129", "130", "130-1", "131", "132", "133"], f"{index}: the articles of part ch015, parser: {articles}"

    def test_the_table_of_parts_is_not_law_text(self, index):
        document = parsed(index)
        rows = [p for p in document.provisions if "](" in p.raw and p.kind in ("paragraph", "part", "indent", "preamble", "article", "chapter")]
        assert not rows, f"{index}: the table of parts stored as law text: {describe(rows)}"

    def test_missing_parts_are_problems(self, index):
        linked = re.findall(r"\]\(((?:rus|kaz)/[^)]+\.md)\)", (BANK / index).read_text(encoding="utf-8"))
        missing = [name for name in linked if not (BANK / SPLIT / name).is_file()]
        assert len(missing) == (11 if index.endswith("rus.md") else 10), missing
        document = parsed(index)
        unreported = [name for name in missing if not any(name in p.message for p in document.problems)]
        assert not unreported, f"{index}: linked parts not in the corpus and not in problems: {unreported}"


# --- Honest dates ------------------------------------------------------------------------

LAWS = [path for path, row in ACTS.items() if row.kind in ("law", "constitutional_law", "decree")]


def answer(document: ParsedDocument, key: str, date: str):
    timelines = build_timelines(document)
    return answer_on(act_versions(timelines) if key == "act" else timelines.versions[key], date)


def article_key(document: ParsedDocument, label: str) -> str:
    keys = [p.key for p in document.provisions if p.kind == "article" and p.label == label]
    assert len(keys) == 1, f"{document.source_path}: article {label}: {keys}"
    return keys[0]


@pytest.mark.parametrize("path", LAWS)
class TestHonestDates:
    def test_nothing_before_the_act_existed(self, path):
        document = parsed(path)
        adopted = ACTS[path].adopted_on
        for date in ("1990-01-01", f"{int(adopted[:4]) - 1}{adopted[4:]}"):
            act = answer(document, "act", date)
            assert act.status == "not_in_force", f"{path}: the act (adopted {adopted}) is {act.status} on {date}: {act.basis}"
            wrong = [
                f"{p.key}@{p.source_line}: {a.status}{', wording known' if a.text_known else ''}"
                for p in document.provisions
                if (a := answer(document, p.key, date)).status != "not_in_force" or a.text_known
            ]
            assert not wrong, f"{path}: on {date}, before the act (adopted {adopted}) existed: " + "; ".join(wrong[:10])


class TestHonestDatesOfKnownUnits:
    """Answers checked by hand against the notes of 4051, 160919 and 104446."""

    @pytest.mark.parametrize("path", ["4051-posobie-gornye-raboty/rus.md", "4051-posobie-gornye-raboty/kaz.md"])
    def test_inserted_article_from_its_insertion_on(self, path):
        document = parsed(path)
        for label in ("5-1", "5-2"):
            key = article_key(document, label)
            before, after = answer(document, key, "2023-06-30"), answer(document, key, "2023-07-01")
            assert before.status == "not_in_force", f"{path}: article {label}, inserted from 01.07.2023, is {before.status} on 2023-06-30"
            assert after.status == "in_force" and after.text_known, f"{path}: article {label} on 2023-07-01: {after.status}, text_known={after.text_known}"

    @pytest.mark.parametrize("path", ["4051-posobie-gornye-raboty/rus.md", "4051-posobie-gornye-raboty/kaz.md"])
    def test_chained_article_in_force_before_its_last_amendment(self, path):
        """Article 1: new wording 2015 (№ 293-V), amended 2015 and 2018: in force all along
        since 2000 (a new wording replaces an existing unit), its wording not known before
        the last change."""
        document = parsed(path)
        key = article_key(document, "1")
        for date in ("2001-01-01", "2016-06-01"):
            got = answer(document, key, date)
            assert got.status == "in_force", f"{path}: article 1 on {date}: {got.status} ({got.basis})"
            assert not got.text_known, f"{path}: article 1 on {date}: the current wording (after 2018) claimed known"

    @pytest.mark.parametrize("path", ["4051-posobie-gornye-raboty/rus.md", "4051-posobie-gornye-raboty/kaz.md"])
    def test_insertion_into_chapter_2_does_not_make_chapter_2_new(self, path):
        """«Глава 2 дополнена статьей 5-1»: article 3 of chapter 2, never amended, is in
        force and worded as now from 2000."""
        document = parsed(path)
        got = answer(document, article_key(document, "3"), "2010-01-01")
        assert got.status == "in_force" and got.text_known, f"{path}: article 3 on 2010-01-01: {got.status}, text_known={got.text_known} ({got.basis})"

    @pytest.mark.parametrize("path", ["160919-garantirovannyi-transfert-2022-2024/rus.md", "160919-garantirovannyi-transfert-2022-2024/kaz.md"])
    def test_law_in_force_between_commencement_and_repeal(self, path):
        document = parsed(path)
        expected_status = {"2021-12-31": "not_in_force", "2022-01-01": "in_force", "2022-12-31": "in_force", "2023-01-01": "not_in_force"}
        got = {date: answer(document, "act", date).status for date in expected_status}
        assert got == expected_status, f"{path}: in force 01.01.2022 (art. 2 p. 1) until repealed from 01.01.2023 (№ 159-VII): {got}"

    @pytest.mark.parametrize("path", ["104446-vvedenie-ugolovnogo-kodeksa-1997/rus.md", "104446-vvedenie-ugolovnogo-kodeksa-1997/kaz.md"])
    def test_article_9_not_before_its_insertion(self, path):
        document = parsed(path)
        got = answer(document, article_key(document, "9"), "2014-01-01")
        assert got.status == "not_in_force", f"{path}: article 9, added by № 200-V of 23.04.2014, is {got.status} on 2014-01-01"

    @pytest.mark.parametrize("path", ["4570-prozhitochnyi-minimum/rus.md", "4570-prozhitochnyi-minimum/kaz.md"])
    def test_repeal_without_a_date_is_not_an_answer_of_in_force(self, path):
        document = parsed(path)
        in_2010, in_2016 = answer(document, "act", "2010-01-01"), answer(document, "act", "2016-01-01")
        assert in_2010.status == "in_force", f"{path}: in force from 01.01.2000, repealed in 2015: {in_2010.status} on 2010-01-01"
        assert in_2016.status != "in_force", f"{path}: repealed by № 314-V of 19.05.2015, yet in force on 2016-01-01"


# --- The amending decree 4013 ------------------------------------------------------------

#: Counted by hand: rus lines 7-11 / kaz line 5 — one insertion (art. 34, a sixth part,
#: quoted), one deletion of three articles (35, 36, 37) = 4 instructions on units.
DECREE_4013 = {
    "4013-izmeneniia-zakon-okhrana-zdorovia/rus.md": "Вопросы обязательного медицинского страхования граждан регулируются в соответствии с действующим законодательством",
    "4013-izmeneniia-zakon-okhrana-zdorovia/kaz.md": "Азаматтарды мiндеттi медициналық сақтандыру мәселелерi қолданылып жүрген заңдарға сәйкес реттеледi",
}


@pytest.mark.parametrize("path", sorted(DECREE_4013))
class TestAmendingDecree:
    def test_the_act_amended(self, path):
        document = parsed(path)
        amended = document.amended_act
        assert amended is not None, f"{path}: the act amended (Law of 10 January 1992 «Об охране здоровья народа …») not read"
        assert (amended.reference.kind, amended.reference.date) == ("law", "1992-01-10"), f"{path}: act amended {amended.reference}"

    def test_instructions_count_and_operations(self, path):
        instructions = parsed(path).instructions
        got = [(i.operation, i.target.kind, i.target.label, i.target_text) for i in instructions]
        assert sorted(i.operation for i in instructions) == ["delete", "delete", "delete", "insert"], (
            f"{path}: 4 instructions expected (art. 34 supplemented with a sixth part; arts. 35, 36, 37 deleted), parser: {got}"
        )
        deleted = sorted(i.target.label for i in instructions if i.operation == "delete")
        assert deleted == ["35", "36", "37"], f"{path}: one deletion per article 35, 36, 37; parser: {got}"
        insert = next(i for i in instructions if i.operation == "insert")
        assert "34" in f"{insert.target.label} {insert.target.key} {insert.target_text}", f"{path}: the insertion is into article 34; parser: {got}"

    def test_the_inserted_part_is_quoted_not_law_text(self, path):
        document = parsed(path)
        inserts = [i for i in document.instructions if i.operation == "insert"]
        assert inserts and fold(inserts[0].new_text or "").strip('"«»;. ') == fold(DECREE_4013[path]), f"{path}: new text {inserts[0].new_text if inserts else None!r}"

    def test_commencement_point_is_not_an_instruction(self, path):
        document = parsed(path)
        assert all("1996" not in (i.target_text or "") for i in document.instructions), f"{path}: point 2 (commencement) read as an instruction"


# --- One act: a split act's parts and the two languages of an act, in a real build -----------


def build_folders(tmp_path: Path, folders: list[str]):
    """A real build of a corpus holding only these bank folders; its acts and provisions."""
    import shutil
    import sqlite3

    from db import build

    corpus = tmp_path / "corpus"
    for folder in folders:
        shutil.copytree(BANK / folder, corpus / "zan-gov-kz" / folder)
    build(corpus, tmp_path / "laws.db", workers=1, cache=False)
    connection = sqlite3.connect(tmp_path / "laws.db")
    try:
        acts = [row[0] for row in connection.execute("select id from acts")]
        articles = [row[0] for row in connection.execute("select label from provisions where kind = 'article'")]
        changes = [tuple(row) for row in connection.execute("select from_version_id, to_version_id, change, count(*) from version_changes where change != 'unchanged' group by 1, 2, 3")]
        return acts, articles, changes
    finally:
        connection.close()


class TestOneAct:
    def test_a_split_act_and_its_parts_are_one_act(self, tmp_path):
        acts, articles, _ = build_folders(tmp_path, [SPLIT])
        assert len(acts) == 1, f"{SPLIT}: index rus.md/kaz.md and parts rus/ch015.md, kaz/ch015.md are one act; the build made {acts}"
        assert "133" in articles, f"{SPLIT}: article 133 of part ch015 not in the act's provisions: {sorted(set(articles))}"

    @pytest.mark.parametrize("folder", ["4051-posobie-gornye-raboty", "4570-prozhitochnyi-minimum", "160919-garantirovannyi-transfert-2022-2024"])
    def test_the_kazakh_and_russian_texts_are_one_act(self, tmp_path, folder):
        acts, _, changes = build_folders(tmp_path, [folder])
        assert len(acts) == 1, f"{folder}: kaz.md and rus.md are one act in two languages (one meta.yaml, act_code {folder.split('-')[0]}); the build made {acts}"
        assert not changes, f"{folder}: one edition in two languages, so no version changes; the translation is shown as changes: {changes}"

    def test_laws_of_different_folders_are_different_acts(self, tmp_path):
        folders = ["4051-posobie-gornye-raboty", "4570-prozhitochnyi-minimum", "104446-vvedenie-ugolovnogo-kodeksa-1997"]
        acts, _, _ = build_folders(tmp_path, folders)
        assert len(acts) == 3, f"three laws (4051, 4570, 104446), each in two languages, are three acts; the build made {acts}"


def test_the_counts_file_is_the_counters_output():
    """tests/data/corpus_bank_counts.json is what tests/corpus_bank_counter.py writes from the
    corpus files today (rerun it after a hand correction; never edit the JSON by hand)."""
    from corpus_bank_counter import as_json, count_all
    from corpus_bank_hand_check import HAND_CHECK

    written = json.loads((Path(__file__).resolve().parent / "data" / "corpus_bank_counts.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(as_json(count_all(), HAND_CHECK), ensure_ascii=False)), "rerun python tests/corpus_bank_counter.py"
