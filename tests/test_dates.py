"""Dates as Kazakh legal texts print them: `2010.12.09`, `18.07.2023`, and
`<year> жылғы <day> <month+case suffix>`, read into ISO `YYYY-MM-DD`."""

from __future__ import annotations

import pytest

from parser.dates import add_days, add_months, find_dates, first_date, iso_date, parse_date, to_display
from parser.repair import join_lines


def test_year_month_day_in_a_note(seed_line):
    line = seed_line("000", 19)
    assert line == "2010.12.09 № 954 (ресми жарияланған күнінен бастап күнтізбелік он күн өткен "
    [match] = find_dates(line)
    assert (match.iso, match.start, match.end, match.text) == ("2010-12-09", 0, 10, "2010.12.09")


def test_day_month_year_in_a_note(seed_line):
    line = seed_line("002", 13)
    assert line == "      Ескерту. Күші жойылды – ҚР Денсаулық сақтау министрінің м.а. 18.07.2023 "
    [match] = find_dates(line)
    assert match.iso == "2023-07-18"
    assert line[match.start : match.end] == "18.07.2023"


def test_year_month_day_with_a_trailing_dot():
    # FORMATS.md §2e: "1998.12.17." in law.gov.kz texts
    assert parse_date("1998.12.17.") == "1998-12-17"


def test_long_date_of_adoption_across_a_line_break(seed_line):
    assert seed_line("000", 5) == "Қазақстан Республикасы Денсаулық сақтау министрінің 2009 жылғы 19 "
    assert seed_line("000", 6).startswith("қазандағы N 542 Бұйрығы.")
    text = join_lines([seed_line("000", 5), seed_line("000", 6)])
    [adoption] = find_dates(text)
    assert adoption.iso == "2009-10-19"
    assert adoption.text == "2009 жылғы 19 қазандағы"


def test_long_date_of_registration_locative(seed_line):
    # "2009 жылғы 11 қарашада": қараша (November), not қазан (October)
    assert seed_line("000", 7) == "2009 жылғы 11 қарашада Нормативтік құқықтық кесімдерді мемлекеттік "
    assert parse_date(seed_line("000", 7)) == "2009-11-11"


def test_long_date_with_zhyly(seed_line):
    line = seed_line("002", 10)
    assert line == "министрлігінде 2015 жылы 16 маусымда № 11361 тіркелді. Күші жойылды - "
    [match] = find_dates(line)
    assert (match.iso, match.text) == ("2015-06-16", "2015 жылы 16 маусымда")


def test_long_date_split_over_two_lines_in_the_zqai_header(seed_line):
    assert seed_line("004", 13) == "министрлігінде 2025 жылы 27 "
    assert seed_line("004", 14) == "қаңтарда № 35673 болып тіркелді"
    text = join_lines([seed_line("004", 13), seed_line("004", 14)])
    assert [m.iso for m in find_dates(text)] == ["2025-01-27"]


def test_latin_i_in_the_month_name(seed_line):
    # seed 002 line 12 writes шiлдедегi with Latin i (U+0069) for Kazakh і (U+0456)
    assert seed_line("002", 11) == "Қазақстан Республикасы Денсаулық сақтау министрінің м.а. 2023 жылғы 18 "
    assert seed_line("002", 12) == "шiлдедегi № 132 бұйрығымен"
    assert "i" in seed_line("002", 12) and "\u0456" not in seed_line("002", 12)[:9]
    text = join_lines([seed_line("002", 11), seed_line("002", 12)])
    [match] = find_dates(text)
    assert match.iso == "2023-07-18"
    assert match.text == "2023 жылғы 18 шiлдедегi"  # offsets point into the text as printed


def test_zero_padded_day(seed_line):
    assert seed_line("003", 6).endswith("м.а. 2011 жылғы 05 ")
    text = join_lines([seed_line("003", 6), seed_line("003", 7)])
    assert parse_date(text) == "2011-01-05"


def test_ablative_month_in_a_commencement_clause():
    # FORMATS.md §2d: "2005 жылғы 1 қаңтардан бастап күшіне енеді"
    assert parse_date("2005 жылғы 1 қаңтардан бастап күшіне енеді") == "2005-01-01"


def test_dative_month_in_a_term_clause():
    # order № 05/110 of 2023 (corpus/zan-gov-kz), its paragraph 4: "applies until 31 December 2023"
    assert parse_date("4. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі және 2023 жылғы 31 желтоқсанға дейін қолданылады.") == "2023-12-31"


def test_the_shilde_typo_of_seed_002(seed_line):
    line = seed_line("002", 144)
    assert line == "2017 жылғы 3 шілдегі № 450  бекітілген (Нормативтік құқықтық бұйрығымен"
    assert parse_date(line) == "2017-07-03"


def test_several_dates_come_in_order_of_appearance(seed_line):
    text = join_lines([seed_line("002", n) for n in (9, 10, 11, 12)])
    assert [m.iso for m in find_dates(text)] == ["2015-05-13", "2015-06-16", "2023-07-18"]


@pytest.mark.parametrize(
    "text",
    [
        "2010.13.45",
        "министрінің 2010.13.45 № 954",
        "45.13.2010",
        "2023 жылғы 30 ақпандағы № 1",
        "2023 жылғы 31 сәуірдегі",
    ],
)
def test_impossible_dates_are_not_dates(text):
    assert find_dates(text) == []
    assert parse_date(text) is None
    assert first_date(text) is None


def test_clock_times_are_not_dates(seed_line):
    line = seed_line("003", 185)
    assert line == "құрылымдық бөлімшелер үшін жылжымалы кесте бойынша сағат 08.00.-ден "
    assert find_dates(line) == []


def test_numbers_of_acts_are_not_dates(seed_line):
    assert find_dates("№ ҚР ДСМ-116/2020") == []
    assert find_dates(seed_line("004", 111)) == []  # "1504-8 ПТР әдісімен ..."


def test_iso_date_checks_the_calendar():
    assert iso_date(2024, 2, 29) == "2024-02-29"
    assert iso_date(2023, 2, 29) is None
    assert iso_date(2010, 13, 45) is None


def test_day_and_month_arithmetic():
    assert add_days("2010-12-09", 11) == "2010-12-20"
    assert add_days("2023-12-25", 11) == "2024-01-05"
    assert add_months("2024-01-31", 1) == "2024-02-29"
    assert add_months("2023-01-31", 1) == "2023-02-28"
    assert add_months("2022-11-30", 3) == "2023-02-28"
    assert add_months("2023-11-15", 2) == "2024-01-15"


def test_display_form_is_the_one_lawyers_write():
    assert to_display("2009-10-19") == "19.10.2009"
    assert to_display(None) == ""


def test_a_typed_date_is_read_as_lawyers_write_it_or_in_iso():
    from parser.dates import read_date

    assert read_date("19.10.2009") == read_date(" 19.10.2009 ") == read_date("2009-10-19") == "2009-10-19"
    assert read_date("1.2.2010") == read_date("01/02/2010") == "2010-02-01"
    for bad in ("30.02.2018", "2018-02-30", "19.10.09", "tomorrow", "", "10/19/2009"):
        with pytest.raises(ValueError):
            read_date(bad)
