"""Amendment notes (`Ескерту.`): the unit a note names, the action, and one amendment
per amending act, each with its issuer, date, number, kind and commencement. Notes are
kept verbatim; what cannot be read is left empty and marked, never guessed."""

from __future__ import annotations

import pytest

from parser.notes import find_action, is_note_start, parse_note, read_target, split_top_level, strip_marker
from parser.temporal import derive_effective
from parser.languages import KAZAKH

# --- Seed 000: every note attached to the unit it names ------------------------------

SEED_000_NOTES = [
    # (first line, as the note names the unit, resolved key, status, part, printed after, action)
    (11, "Бұйрықтың", None, "act", "whole", "requisites", "repealed"),
    (18, "1-тармаққа", "p1", "unit", "whole", "p1", "amended"),
    (50, "Ереженің атауына", "doc", "unit", "heading", "doc", "amended"),
    (56, "1-тармақ", "doc/p1", "unit", "whole", "doc/p1", "new_wording"),
    (114, "6-тармаққа", "doc/p6", "unit", "whole", "doc/p6/sp13", "amended"),
    (120, "7-тармаққа", "doc/p7", "unit", "whole", "doc/p7", "amended"),
    (139, "9-тармаққа", "doc/p9", "unit", "whole", "doc/p9/sp2", "amended"),
    (152, "10-тармаққа", "doc/p10", "unit", "whole", "doc/p10/sp4", "amended"),
    (170, "11-тармаққа", "doc/p11", "unit", "whole", "doc/p11", "amended"),
    (205, "15-тармаққа", "doc/p15", "unit", "whole", "doc/p15", "amended"),
]


def test_seed_000_has_ten_notes_each_on_the_unit_it_names(seeds):
    notes = seeds["000"].notes
    assert [n.ordinal for n in notes] == list(range(1, 11))
    got = [
        (n.source_line, n.target_text, n.target_key, n.target_status, n.target_part, n.printed_after_key, n.amendments[0].action)
        for n in notes
    ]
    assert got == SEED_000_NOTES


def test_the_note_after_subparagraph_13_belongs_to_paragraph_6(seeds, seed_line):
    assert seed_line("000", 113) == "п а й д а л а н у д ы  ү й р е т у ."
    assert seed_line("000", 114) == "      Ескерту. 6-тармаққа өзгерту енгізілді - ҚР Денсаулық сақтау министрінің "
    note = next(n for n in seeds["000"].notes if n.source_line == 114)
    assert note.printed_after_key == "doc/p6/sp13"
    assert note.target_key == "doc/p6"
    assert note.source_line_end == 116


def test_first_paragraph_note_of_the_order_and_of_the_regulation_are_told_apart(seeds):
    # "1-тармаққа" after the order's p1 and "1-тармақ" inside the Regulation
    by_line = {n.source_line: n for n in seeds["000"].notes}
    assert by_line[18].target_key == "p1"
    assert by_line[56].target_key == "doc/p1"


def test_title_of_the_regulation_note_names_its_heading(seeds, seed_line):
    assert seed_line("000", 50) == "      Ескерту. Ереженің атауына өзгерту енгізілді - ҚР Денсаулық сақтау "
    note = next(n for n in seeds["000"].notes if n.source_line == 50)
    assert (note.target_key, note.target_part) == ("doc", "heading")
    [amendment] = note.amendments
    assert (amendment.act.date, amendment.act.number) == ("2010-12-09", "954")  # "он№ 954" put back
    assert amendment.parse_status == "ok"


def test_header_note_repeals_the_act_from_the_day_of_signing(seeds, seed_line):
    assert seed_line("000", 11) == "      Ескерту. Бұйрықтың күші жойылды - ҚР Денсаулық сақтау министрінің "
    note = seeds["000"].notes[0]
    assert note.target_status == "act" and note.target_key is None
    [amendment] = note.amendments
    assert amendment.action == "repealed"
    assert amendment.act.issuer == "ҚР Денсаулық сақтау министрінің"
    assert (amendment.act.date, amendment.act.number, amendment.act.kind) == ("2012-06-06", "394", "order")
    assert amendment.commencement.rule == "signing"
    assert amendment.commencement.text == "қол қойылған күнінен бастап күшіне енеді"
    assert (amendment.effective.status, amendment.effective.exact) == ("exact", "2012-06-06")
    assert amendment.parse_status == "ok"


def test_ten_calendar_day_note_of_seed_000(seeds):
    note = next(n for n in seeds["000"].notes if n.source_line == 18)
    [amendment] = note.amendments
    assert amendment.act.issuer == "ҚР Денсаулық сақтау министрінің"
    assert (amendment.act.date, amendment.act.number, amendment.act.kind_text) == ("2010-12-09", "954", "Бұйрығымен")
    assert (amendment.commencement.rule, amendment.commencement.offset_days) == ("publication", 10)
    # published no earlier than it was adopted, so effective no earlier than 2010-12-09 + 11
    assert (amendment.effective.status, amendment.effective.earliest, amendment.effective.latest) == ("bounded", "2010-12-20", None)


def test_last_note_of_seed_000_is_truncated_and_marked_incomplete(seeds, seed_line):
    assert seed_line("000", 205) == "      Ескерту. 15-тармаққа өзгерту енгізілді - ҚР Денсаулық сақтау министрінің "
    assert seed_line("000", 206) == " соң қолданысқа енгізіледі) Бұйрығымен."
    note = seeds["000"].notes[-1]
    assert note.source_line == 205
    assert note.text == "Ескерту. 15-тармаққа өзгерту енгізілді - ҚР Денсаулық сақтау министрінің соң қолданысқа енгізіледі) Бұйрығымен."
    [amendment] = note.amendments
    assert amendment.parse_status == "incomplete"
    assert amendment.act.date is None and amendment.act.number is None
    assert amendment.act.issuer == "ҚР Денсаулық сақтау министрінің"
    assert amendment.effective.status == "unknown"
    assert amendment.effective.exact is None and amendment.effective.earliest is None
    assert any(p.kind == "note_incomplete" and p.source_line == 205 for p in seeds["000"].problems)


def test_notes_are_kept_verbatim(seeds, sources):
    for note in seeds["000"].notes:
        assert note.raw in sources["000"]
        assert note.raw.lstrip().startswith("Ескерту.")


# --- Seed 002 ----------------------------------------------------------------------------


def test_title_note_of_seed_002_takes_effect_on_a_fixed_date(seeds, seed_line):
    assert seed_line("002", 17) == "      Ескерту. Тақырыбы жаңа редакцияда – ҚР Денсаулық сақтау министрінің "
    note = next(n for n in seeds["002"].notes if n.source_line == 17)
    assert (note.target_text, note.target_key, note.target_part) == ("Тақырыбы", "title", "heading")
    [amendment] = note.amendments
    assert amendment.action == "new_wording"
    assert (amendment.act.date, amendment.act.number) == ("2017-08-04", "589")  # "бұйрығымен№ 589"
    assert (amendment.commencement.rule, amendment.commencement.fixed_date) == ("fixed_date", "2018-01-01")
    assert (amendment.effective.status, amendment.effective.exact) == ("exact", "2018-01-01")


def test_repeal_note_of_seed_002_by_an_acting_minister(seeds):
    note = seeds["002"].notes[0]
    assert note.source_line == 13 and note.source_line_end == 16
    assert note.target_status == "act" and note.target_text is None
    [amendment] = note.amendments
    assert amendment.action == "repealed"
    assert amendment.act.issuer == "ҚР Денсаулық сақтау министрінің м.а."
    assert amendment.act.issuer_acting is True
    assert (amendment.act.date, amendment.act.number) == ("2023-07-18", "132")
    assert (amendment.commencement.rule, amendment.commencement.offset_days) == ("publication", 10)
    assert (amendment.effective.status, amendment.effective.earliest) == ("bounded", "2023-07-29")


def test_rules_note_of_seed_002_names_the_approved_document(seeds, seed_line):
    assert seed_line("002", 63) == "      Ескерту. Қағида жаңа редакцияда – ҚР Денсаулық сақтау министрінің "
    note = next(n for n in seeds["002"].notes if n.source_line == 63)
    assert (note.target_text, note.target_key, note.target_status) == ("Қағида", "doc", "unit")
    assert note.amendments[0].act.number == "589"


def test_first_paragraph_note_of_seed_002(seeds):
    note = next(n for n in seeds["002"].notes if n.source_line == 26)
    assert (note.target_text, note.target_key) == ("1-тармақ", "p1")
    assert note.amendments[0].action == "new_wording"  # "жаңа редакцияда көзделген"


# --- Seed 003: notes inside appendix 3 resolve inside appendix 3 ------------------------


def test_notes_inside_appendix_3_resolve_inside_it(seeds):
    by_line = {n.source_line: n for n in seeds["003"].notes}
    assert (by_line[1019].target_text, by_line[1019].target_key) == ("Ереже 3-қосымшамен", "doc/app3")
    assert by_line[1019].amendments[0].action == "inserted"
    assert (by_line[1025].target_key, by_line[1025].target_part) == ("doc/app3/ch1", "heading")
    assert by_line[1058].target_key == "doc/app3/ch2"
    assert by_line[1143].target_key == "doc/app3/ch3"
    assert by_line[1220].target_text == "7-тармақ"
    assert by_line[1220].target_key == "doc/app3/p7"  # not the Regulation's own paragraph 7


def test_chapter_heading_notes_of_the_regulation_in_seed_003(seeds, seed_line):
    assert seed_line("003", 56) == "      Ескерту. 1-тараудың атауы жаңа редакцияда - ҚР Денсаулық сақтау "
    by_line = {n.source_line: n for n in seeds["003"].notes}
    assert (by_line[56].target_key, by_line[56].target_part) == ("doc/ch1", "heading")
    assert (by_line[232].target_key, by_line[232].target_part) == ("doc/ch2", "heading")
    [amendment] = by_line[56].amendments
    assert (amendment.act.date, amendment.act.number) == ("2018-05-29", "286")


def test_every_note_of_seed_003_is_attached(seeds):
    notes = seeds["003"].notes
    assert len(notes) == 14
    assert [n.target_status for n in notes] == ["act"] + ["unit"] * 13
    assert all(a.parse_status == "ok" for n in notes for a in n.amendments)


def test_note_with_a_ministry_number_and_publication_day(seeds):
    note = next(n for n in seeds["003"].notes if n.source_line == 125)
    assert note.target_key == "doc/p8"
    [amendment] = note.amendments
    assert amendment.act.number == "ҚР ДСМ-21"
    assert (amendment.commencement.rule, amendment.commencement.offset_days) == ("publication", None)
    # from the day of publication, which is not before the act's date
    assert (amendment.effective.status, amendment.effective.earliest) == ("bounded", "2018-10-02")


def test_note_whose_commencement_follows_the_kind_word(seeds, seed_line):
    # "05.05.2014 № 230 бұйрығымен (алғашқы ресми жариялаған күнінен ...)."
    assert seed_line("003", 271) == "05.05.2014 № 230 бұйрығымен (алғашқы ресми жариялаған күнінен кейін "
    note = next(n for n in seeds["003"].notes if n.source_line == 270)
    [amendment] = note.amendments
    assert (amendment.act.date, amendment.act.number, amendment.act.kind) == ("2014-05-05", "230", "order")
    assert (amendment.commencement.rule, amendment.commencement.offset_days) == ("publication", 10)
    assert amendment.effective.earliest == "2014-05-16"


def test_seeds_without_notes(seeds):
    assert seeds["001"].notes == []
    assert seeds["004"].notes == []


# --- A note listing several amending acts -------------------------------------------------

SEVERAL_ACTS = (
    "Ескерту. 4-қосымшаға өзгерістер енгізілді - ҚР Қаржылық мониторинг агенттігі Төрағасының "
    "30.03.2024 № 2 (…); 24.09.2024 № 4 (…); 01.04.2025 № 5 (10.07.2025 бастап қолданысқа енгізіледі) "
    "бұйрықтарымен."
)  # FORMATS.md §2c, as quoted there


def test_a_note_on_the_acts_own_term_names_the_act_and_no_amending_act():
    """Order № 05/110 of 2023 (corpus/zan-gov-kz), the note under its title: "applies until
    31.12.2023 — by paragraph 4 of this order"."""
    parsed = parse_note("Ескерту. 31.12.2023 дейін қолданылады – осы бұйрықтың 4-тармағымен.", lang=KAZAKH)
    assert (parsed.target.kind, parsed.target.text, parsed.action, parsed.amendments) == ("act", "31.12.2023 дейін қолданылады", "term", [])


def test_a_note_listing_three_acts_gives_three_amendments_sharing_issuer_and_kind():
    parsed = parse_note(SEVERAL_ACTS, lang=KAZAKH)
    assert (parsed.target.kind, parsed.target.label, parsed.action) == ("appendix", "4", "amended")
    assert [(a.act.date, a.act.number) for a in parsed.amendments] == [
        ("2024-03-30", "2"),
        ("2024-09-24", "4"),
        ("2025-04-01", "5"),
    ]
    assert {a.act.issuer for a in parsed.amendments} == {"ҚР Қаржылық мониторинг агенттігі Төрағасының"}
    assert {(a.act.kind, a.act.kind_text) for a in parsed.amendments} == {("order", "бұйрықтарымен")}
    assert {a.action for a in parsed.amendments} == {"amended"}
    assert all(a.parse_status == "ok" for a in parsed.amendments)


def test_each_listed_act_keeps_its_own_commencement():
    first, second, third = parse_note(SEVERAL_ACTS, lang=KAZAKH).amendments
    assert first.commencement is None and first.effective.status == "unknown"  # "(…)" says nothing
    assert second.commencement is None
    assert (third.commencement.rule, third.commencement.fixed_date) == ("fixed_date", "2025-07-10")
    # dates are derived once the whole document is read (parser.document.derive_dates)
    assert derive_effective(third.commencement, third.act.date).exact == "2025-07-10"
    assert first.text == "ҚР Қаржылық мониторинг агенттігі Төрағасының 30.03.2024 № 2 (…)"
    assert second.text == "24.09.2024 № 4 (…)"


# --- Pieces ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "target, kind, label, part",
    [
        ("1-тармаққа", "paragraph", "1", "whole"),
        ("15-тармаққа", "paragraph", "15", "whole"),
        ("Ереженің атауына", "document", None, "heading"),
        ("Бұйрықтың", "act", None, "whole"),
        ("Тақырыбы", "title", None, "heading"),
        ("Кіріспе", "preamble", None, "whole"),
        ("1-тараудың атауы", "chapter", "1", "heading"),
        ("Ереже 3-қосымшамен", "appendix", "3", "whole"),
        ("Қағида", "document", None, "whole"),
        ("", "act", None, "whole"),  # "Күші жойылды – …": the act itself
    ],
)
def test_read_target(target, kind, label, part):
    got = read_target(target, lang=KAZAKH)
    assert (got.kind, got.label, got.part) == (kind, label, part)


@pytest.mark.parametrize(
    "body, action",
    [
        ("1-тармақ жаңа редакцияда жазылды - ҚР", "new_wording"),
        ("1-тармақ жаңа редакцияда көзделген – ҚР", "new_wording"),
        ("1-тармаққа өзгерту енгізілді - ҚР", "amended"),
        ("4-қосымшаға өзгерістер енгізілді - ҚР", "amended"),
        ("Кіріспеге өзгеріс енгізілді - ҚР", "amended"),
        ("Ереже 3-қосымшамен толықтырылды - ҚР", "inserted"),
        ("Бұйрықтың күші жойылды - ҚР", "repealed"),
        ("Күші жойылды – ҚР", "repealed"),
    ],
)
def test_find_action(body, action):
    assert find_action(body, lang=KAZAKH)[0] == action


def test_note_markers(seed_line):
    assert is_note_start(seed_line("000", 18))
    assert not is_note_start(seed_line("000", 16))
    assert strip_marker("Ескерту. Тақырыбы жаңа редакцияда", lang=KAZAKH) == "Тақырыбы жаңа редакцияда"


def test_split_top_level_ignores_separators_in_brackets_and_quotes():
    assert split_top_level("a (b; c); d «e; f»; g", ";") == ["a (b; c)", " d «e; f»", " g"]
