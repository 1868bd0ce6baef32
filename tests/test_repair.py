"""Repairs of what PDF extraction did to Adilet exports, on the damaged lines of the
seeds: letter-spaced words, hyperlinked words moved to the end of the line, headings
split across lines, and lines joined back into one text. Uncertain repairs are not
made; the line stays as printed and a problem says where to look."""

from __future__ import annotations

import pytest

from parser.repair import find_moved_word, join_lines, place_moved_word, rejoin_words, repair_block, unspace_letters
from parser.structure import split_lines

# --- Letter spacing --------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, number, printed, repaired",
    [
        ("000", 28, "е т с і н .", "етсін."),
        ("000", 33, "ж о й ы л д ы  д е п  т а н ы л с ы н .", "жойылды деп танылсын."),
        ("000", 119, "нег і з г і  принциптер і  болып  табылады.", "негізгі принциптері болып табылады."),
        ("000", 103, "      8 )  п с и х о т е р а п и я ;", "      8) психотерапия;"),
        ("000", 15, "Б Ұ Й Ы Р А М Ы Н :", "БҰЙЫРАМЫН:"),
        ("000", 71, "ы қ п а л д а с у  б о л ы п  т а б ы л а д ы .", "ықпалдасу болып табылады."),
        ("000", 44, "2 0 0 9  ж ы л ғ ы  1 9  қ а з а н д а ғ ы   ", "2009 жылғы 19 қазандағы"),
        ("000", 113, "п а й д а л а н у д ы  ү й р е т у .", "пайдалануды үйрету."),
    ],
)
def test_letter_spaced_words_are_joined(seed_line, prefix, number, printed, repaired):
    assert seed_line(prefix, number) == printed
    assert unspace_letters(printed) == repaired


@pytest.mark.parametrize(
    "prefix, number, printed",
    [
        ("000", 76, "пластикалық операция  және  басқалар) ;"),  # double spaces, but whole words
        ("000", 197, "пайдалану арқылы емдеуге  нег ізделген."),  # one stray split, no spaced run
        ("000", 18, "      Ескерту. 1-тармаққа өзгерту енгізілді - ҚР Денсаулық сақтау министрінің "),
        ("004", 111, "1504-8 ПТР әдісімен биологиялық материалда Bordetella pertussis-ті (бордетелла пертусис) анықтау"),
    ],
)
def test_ordinary_lines_are_not_letter_spaced(seed_line, prefix, number, printed):
    assert seed_line(prefix, number) == printed
    assert unspace_letters(printed) is None


def test_letter_spacing_repairs_are_recorded_with_their_line(seeds):
    repairs = {(r.source_line, r.before, r.after) for r in seeds["000"].repairs if r.kind == "letter_spacing"}
    assert (28, "е т с і н .", "етсін.") in repairs
    assert (103, "8 )  п с и х о т е р а п и я ;", "8) психотерапия;") in repairs
    assert (119, "нег і з г і  принциптер і  болып  табылады.", "негізгі принциптері болып табылады.") in repairs
    assert len([r for r in seeds["000"].repairs if r.kind == "letter_spacing"]) == 19


def test_letter_spaced_lines_read_as_words_in_the_provisions(unit):
    assert unit("000", "p3").text.endswith("ресми жариялануын қамтамасыз етсін.")
    assert unit("000", "p4").text.endswith("күші жойылды деп танылсын.")
    assert unit("000", "doc/p6/sp8").text == "8) психотерапия;"
    assert unit("000", "doc/p6/sp9").text == "9) диетотерапия;"
    assert unit("000", "doc/p7").text.endswith("оңалтудың негізгі принциптері болып табылады.")
    assert unit("000", "preamble").text.endswith("кодексінің 25-бабына сәйкес БҰЙЫРАМЫН:")


# --- Moved hyperlinked words -------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, number, printed, repaired",
    [
        (
            "000",
            17,
            "оңалту, оның ішінде балаларды медициналық оңалту  бекітілсін.ережесі",
            "оңалту, оның ішінде балаларды медициналық оңалту ережесі бекітілсін.",
        ),
        (
            "000",
            14,
            "Республикасының 2009 жылғы 18 қыркүйектегі кодексінің  сәйкес 25-бабына",
            "Республикасының 2009 жылғы 18 қыркүйектегі кодексінің 25-бабына сәйкес",
        ),
        (
            "000",
            12,
            "2012.06.06  (қол қойылған күнінен бастап күшіне енеді) бұйрығымен.№ 394",
            "2012.06.06 № 394 (қол қойылған күнінен бастап күшіне енеді) бұйрығымен.",
        ),
        (
            "000",
            51,
            "министрінің 2010.12.09  (ресми жарияланған күнінен бастап күнтізбелік он№ 954",
            "министрінің 2010.12.09 № 954 (ресми жарияланған күнінен бастап күнтізбелік он",
        ),
        (
            "002",
            18,
            "04.08.2017  (01.01.2018 бастап қолданысқа енгізіледі) бұйрығымен№ 589",
            "04.08.2017 № 589 (01.01.2018 бастап қолданысқа енгізіледі) бұйрығымен",
        ),
        (
            "000",
            31,
            "министрінің 2003 жылғы 20 қарашадағы N 856  (нормативтік бұйрығының",
            "министрінің 2003 жылғы 20 қарашадағы N 856 бұйрығының (нормативтік",
        ),
        (
            "001",
            128,
            "      8. Қызметкерлерді оңалтуға жіберу осы Қағидалардың  сәйкес:9-тармағына",
            "      8. Қызметкерлерді оңалтуға жіберу осы Қағидалардың 9-тармағына сәйкес:",
        ),
    ],
)
def test_moved_word_goes_back_into_its_gap(seed_line, prefix, number, printed, repaired):
    assert seed_line(prefix, number) == printed
    fixed, repairs, problems = place_moved_word(printed, number, after_page_break=False)
    assert fixed == repaired
    assert problems == []
    assert [(r.kind, r.source_line, r.after) for r in repairs] == [("moved_word", number, repaired.strip())]


def test_the_moved_number_is_recognised_as_a_number(seed_line):
    moved = find_moved_word(seed_line("000", 51))
    assert moved.word == "№ 954" and moved.strong
    moved = find_moved_word(seed_line("000", 12))
    assert moved.word == "№ 394" and moved.strong
    assert find_moved_word(seed_line("000", 17)).word == "ережесі"


def test_after_a_page_break_the_moved_number_goes_to_the_line_start(seed_line):
    # seed 002, lines 13-16: the note's number is printed after the clause, on the line
    # that follows a page-break blank line and starts with one space.
    printed = seed_line("002", 15)
    assert printed == " (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң № 132"
    fixed, repairs, problems = place_moved_word(printed, 15, after_page_break=True)
    assert fixed == " № 132 (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң"
    assert problems == [] and len(repairs) == 1
    # Not after a page break there is no gap to put it in: the line stays as printed.
    assert place_moved_word(printed, 15, after_page_break=False)[0] == printed


def test_a_line_with_two_gaps_is_left_as_printed_with_a_problem(seed_line):
    # "осы тармақтың 1) және 2) тармақшаларында": the export left two gaps, so which
    # word belongs where is not certain.
    printed = seed_line("001", 24)
    assert printed == "министрлігінің Заң департаментіне осы тармақтың  және  1) 2) тармақшаларында"
    fixed, repairs, problems = place_moved_word(printed, 24, after_page_break=False)
    assert fixed == printed
    assert repairs == []
    assert [(p.kind, p.source_line) for p in problems] == [("uncertain_repair", 24)]


def test_the_two_gap_line_is_reported_in_the_parsed_seed(seeds, unit):
    assert "осы тармақтың және 1) 2) тармақшаларында" in unit("001", "p2/sp3").text
    assert any(p.kind == "uncertain_repair" and p.source_line == 24 for p in seeds["001"].problems)


def test_a_gap_that_holds_a_subparagraph_label_is_not_a_moved_word(seed_line):
    printed = seed_line("002", 114)
    assert printed == "      4. Жедел медициналық көмек Кодекстің 10-бабы 1-тармағы  3) тармақшасына"
    assert place_moved_word(printed, 114, after_page_break=False) == (printed, [], [])


def test_a_word_glued_after_a_spaced_colon_goes_before_it(seed_line):
    """The colon printed after a space is where the word was: it follows the word."""
    printed = seed_line("003", 17)
    assert printed == "жетілдіру мақсатында :БҰЙЫРАМЫН"
    fixed, repairs, problems = place_moved_word(printed, 17, after_page_break=False)
    assert (fixed, problems) == ("жетілдіру мақсатында БҰЙЫРАМЫН:", [])
    assert [(r.kind, r.source_line) for r in repairs] == [("moved_word", 17)]


def test_a_glued_word_without_a_gap_is_kept_and_flagged(seed_line):
    printed = seed_line("003", 431).rstrip()
    assert printed == " көрсетуді;қызметтер"
    fixed, repairs, problems = place_moved_word(printed, 431, after_page_break=False)
    assert fixed == printed and repairs == []
    assert [(p.severity, p.kind, p.source_line) for p in problems] == [("info", "uncertain_repair", 431)]


def test_an_abbreviation_the_text_defines_goes_back_into_its_gap(seed_line):
    printed = seed_line("003", 112)
    assert printed == "      7.  өзіне тәулік бойы медициналық бақылаусыз мамандандырылған және КДК"
    fixed, repairs, problems = place_moved_word(printed, 112, after_page_break=False)
    assert (fixed, problems) == ("      7. КДК өзіне тәулік бойы медициналық бақылаусыз мамандандырылған және", [])
    assert len(repairs) == 1


def test_a_word_in_capitals_is_not_taken_for_an_abbreviation(seed_line):
    printed = seed_line("002", 21)
    assert printed.startswith("тармағының  сәйкес :77) тармақшасына БҰЙЫРАМЫН")
    fixed, repairs, _ = place_moved_word(printed.rstrip(), 21, after_page_break=False)
    assert "БҰЙЫРАМЫН сәйкес" not in fixed


def test_a_moved_word_goes_before_the_suffix_it_left_behind(seed_line):
    printed = seed_line("003", 153)
    assert printed == "      13. -ны бейінді мамандар:КДК"
    fixed, repairs, problems = place_moved_word(printed, 153, after_page_break=False)
    assert (fixed, problems) == ("      13. КДК-ны бейінді мамандар:", [])


@pytest.mark.parametrize(
    ("prefix", "number", "printed", "repaired"),
    [
        ("003", 38, "Денсаулық сақтауминистрінің", "Денсаулық сақтау министрінің"),
        ("000", 20, "соң қолданысқа енгіз іледі)  Бұйрығымен.", "соң қолданысқа енгізіледі)  Бұйрығымен."),
        ("000", 197, "пайдалану арқылы емдеуге  нег ізделген.", "пайдалану арқылы емдеуге  негізделген."),
    ],
)
def test_glued_and_split_words_are_rejoined(seed_line, prefix, number, printed, repaired):
    assert seed_line(prefix, number).rstrip() == printed
    fixed, repairs = rejoin_words(printed, number)
    assert fixed == repaired and [(r.kind, r.source_line) for r in repairs] == [("rejoined_word", number)]


def test_the_repaired_words_reach_the_provisions(unit):
    assert unit("003", "doc/p7").text.startswith("7. КДК өзіне тәулік бойы")
    assert unit("000", "doc/p14").text.endswith("емдеуге негізделген.")
    assert unit("003", "preamble").text.endswith("жетілдіру мақсатында БҰЙЫРАМЫН:")


def test_a_line_with_nothing_moved_is_untouched(seed_line):
    printed = seed_line("000", 19)
    assert printed == "2010.12.09 № 954 (ресми жарияланған күнінен бастап күнтізбелік он күн өткен "
    assert place_moved_word(printed.rstrip(), 19, after_page_break=False) == (printed.rstrip(), [], [])


def test_moved_words_are_back_in_the_provisions(unit, seeds):
    assert unit("000", "p1").text == (
        "1. Қоса беріліп отырған Қалпына келтіру емін көрсету және медициналық оңалту, "
        "оның ішінде балаларды медициналық оңалту ережесі бекітілсін."
    )
    assert unit("001", "p1").text.endswith("психологиялық оңалту қағидалары бекітілсін.")
    assert unit("003", "p1").text.endswith("қызметі туралы ереже бекітілсін.")
    assert seeds["000"].notes[0].text == (
        "Ескерту. Бұйрықтың күші жойылды - ҚР Денсаулық сақтау министрінің 2012.06.06 № 394 "
        "(қол қойылған күнінен бастап күшіне енеді) бұйрығымен."
    )
    assert seeds["000"].notes[2].text == (
        "Ескерту. Ереженің атауына өзгерту енгізілді - ҚР Денсаулық сақтау министрінің 2010.12.09 № 954 "
        "(ресми жарияланған күнінен бастап күнтізбелік он күн өткен соң қолданысқа енгізіледі) Бұйрығымен."
    )


# --- Split headings ----------------------------------------------------------------


def test_heading_number_left_on_the_line_before_is_moved_to_its_heading(sources, seed_line):
    assert seed_line("001", 36).endswith("оңалту қағидалары 1-")
    assert seed_line("001", 37) == "тарау. Жалпы ережелер"
    lines, repairs = split_lines(sources["001"])
    assert lines[35].text.endswith("психологиялық оңалту қағидалары")
    assert lines[36].text == "1-тарау. Жалпы ережелер"
    assert lines[35].raw == seed_line("001", 36) + "\n"  # the raw line is never changed
    assert [(r.kind, r.source_line, r.after) for r in repairs if r.kind == "split_heading"] == [
        ("split_heading", 37, "1-тарау. Жалпы ережелер")
    ]


def test_a_reference_ending_in_a_hyphen_is_not_a_split_heading(sources):
    # seed 001 line 9: "... Заңының 12-бабы 1-" continues with "тармағының", not "тарау"
    lines, repairs = split_lines(sources["001"])
    assert lines[8].text.endswith("12-бабы 1-")
    assert all(r.source_line != 11 for r in repairs if r.kind == "split_heading")


# --- Joining lines -----------------------------------------------------------------


def test_join_keeps_a_hyphenated_reference_whole(seed_line):
    lines = [seed_line("001", 9), seed_line("001", 10), " тармағының 70-42) тармақшасын іске асыру мақсатында БҰЙЫРАМЫН:"]
    assert lines[0] == '      "Азаматтық қорғау туралы" Қазақстан Республикасы Заңының 12-бабы 1-'
    assert join_lines(lines) == (
        '"Азаматтық қорғау туралы" Қазақстан Республикасы Заңының 12-бабы 1-тармағының '
        "70-42) тармақшасын іске асыру мақсатында БҰЙЫРАМЫН:"
    )


def test_join_puts_one_space_between_lines_and_none_after_an_opening_bracket(seed_line):
    assert seed_line("000", 86) == "минералды сулармен емдеу), жылумен-балшықпен емдеу ("
    assert seed_line("000", 87) == "парафинді-озокеритпен емдеу, балшықпен емдеу, аппликация және "
    assert join_lines([seed_line("000", 86), seed_line("000", 87)]) == (
        "минералды сулармен емдеу), жылумен-балшықпен емдеу (парафинді-озокеритпен емдеу, балшықпен емдеу, аппликация және"
    )


def test_join_attaches_a_closing_bracket_to_the_word_before(seed_line):
    assert seed_line("003", 239) == "Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № 5955 тіркелген"
    assert seed_line("003", 240) == ") сәйкес МСАК (дәрігерге дейінгі, білікті) көрсету;"
    assert join_lines([seed_line("003", 239), seed_line("003", 240)]).endswith("№ 5955 тіркелген) сәйкес МСАК (дәрігерге дейінгі, білікті) көрсету;")


def test_join_keeps_quoted_paragraphs_apart_when_asked(seed_line):
    lines = [seed_line("004", n) for n in (95, 96, 97, 98, 99)]
    assert lines[3] == ""
    joined = join_lines(lines, keep_paragraphs=True)
    assert joined.split("\n") == [
        "«3-1 Амбулаториялық жағдайларда зерттеудің аспаптық әдістерін, диагностикалық зерттеулерді жүргізу "
        "кезінде дәрігерлік шешімдер қабылдауды қолдау мақсатында ақпараттық-коммуникациялық технологиялар қолданылады.",
        "3.2 Амбулаториялық жағдайларда зерттеу нәтижелерін оқу және (немесе)",
    ]


def test_repair_block_repairs_each_line_then_joins(seed_line):
    block = [(n, seed_line("000", n)) for n in (11, 12)]
    text, repairs, problems = repair_block(block)
    assert text == (
        "Ескерту. Бұйрықтың күші жойылды - ҚР Денсаулық сақтау министрінің 2012.06.06 № 394 "
        "(қол қойылған күнінен бастап күшіне енеді) бұйрығымен."
    )
    assert [r.source_line for r in repairs] == [12]
    assert problems == []
