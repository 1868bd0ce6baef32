"""Act references in running text: the issuer (genitive), the date, the number and the
kind of an act, whether in the requisites sentence or in an amendment note."""

from __future__ import annotations

import pytest

from parser.references import find_kind_word, find_number, read_reference
from parser.repair import join_lines
from parser.languages import KAZAKH


@pytest.mark.parametrize(
    "prefix, numbers, expected",
    [
        ("004", (22,), "ҚР ДСМ-37"),
        ("001", (139,), "ҚР ДСМ-116/2020"),
        ("001", (152, 153), "ҚР ДСМ-224/2020"),  # "№ " ends line 152, the number starts line 153
        ("000", (6,), "542"),  # N for №
        ("000", (8,), "5853"),
        ("003", (126,), "ҚР ДСМ-21"),
        ("002", (9,), "344"),
    ],
)
def test_numbers_in_the_seeds(seed_line, prefix, numbers, expected):
    text = join_lines([seed_line(prefix, n) for n in numbers])
    assert find_number(text) == expected


def test_the_quoted_lines_are_real(seed_line):
    assert seed_line("004", 22) == "сақтау министрінің 2022 жылғы 27 сәуірдегі № ҚР ДСМ-37 бұйрығына "
    assert seed_line("001", 139) == 'қазандағы № ҚР ДСМ-116/2020 "Медициналық оңалту көрсету қағидаларын бекіту '
    assert seed_line("001", 153) == "ҚР ДСМ-224/2020  (Нормативтік құқықтық актілерді мемлекеттік тіркеу бұйрығына"
    assert seed_line("000", 6) == "қазандағы N 542 Бұйрығы. Қазақстан Республикасының Әділет министрлігінде "


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ҚР 29.09.2022 № 143-VII (…) Заңымен", "143-VII"),  # a law: number with the convocation
        ("ҚР 03.07.2014 № 227-V Заңымен (01.01.2015 бастап қолданысқа енгізіледі).", "227-V"),
        ("№ 147-VІ (…)", "147-VІ"),  # convocation written with Cyrillic І (U+0406)
        ("2017 жылғы 30 қазандағы № 18/145 шешімі", "18/145"),  # maslikhat decision
        ("N 437-ө", "437-ө"),  # Prime Minister's order
        ("№ 389-НҚ", "389-НҚ"),
    ],
)
def test_number_forms_from_the_format_notes(text, expected):
    assert find_number(text) == expected


def test_a_word_ending_in_n_is_not_a_number_sign():
    assert find_number("Bordetella pertussis-ті (бордетелла пертусис) анықтау") is None


def test_requisites_reference_of_seed_000(seed_line):
    text = join_lines([seed_line("000", 5), seed_line("000", 6)])
    reference = read_reference(text[: text.index("Бұйрығы.") + len("Бұйрығы.")], lang=KAZAKH)
    assert reference.issuer == "Қазақстан Республикасы Денсаулық сақтау министрінің"
    assert reference.issuer_acting is False
    assert reference.date == "2009-10-19"
    assert reference.number == "542"
    assert (reference.kind, reference.kind_text) == ("order", "Бұйрығы")


def test_acting_minister_with_m_a(seed_line):
    assert seed_line("001", 6) == "Қазақстан Республикасы Төтенше жағдайлар министрінің м.а. 2022 жылғы 23 "
    reference = read_reference(join_lines([seed_line("001", 6), "ақпандағы № 61 бұйрығы."]), lang=KAZAKH)
    assert reference.issuer == "Қазақстан Республикасы Төтенше жағдайлар министрінің м.а."
    assert reference.issuer_acting is True
    assert (reference.date, reference.number, reference.kind) == ("2022-02-23", "61", "order")


def test_acting_minister_spelled_out(seed_line):
    assert seed_line("002", 189) == "      КДК халыққа ұсыну тәртібі Қазақстан Республикасы Денсаулық сақтау және "
    assert seed_line("002", 190) == "әлеуметтік даму министрінің міндетін атқарушының 2015 жылғы 28 шілдедегі №"
    assert seed_line("002", 191) == "626  бекітілген (Нормативтік құқықтық актілерді мемлекеттік тіркеу бұйрығымен"
    reference = read_reference(join_lines([seed_line("002", 190), seed_line("002", 191)]), lang=KAZAKH)
    assert reference.issuer == "әлеуметтік даму министрінің міндетін атқарушының"
    assert reference.issuer_acting is True
    assert (reference.date, reference.number) == ("2015-07-28", "626")


def test_amending_act_in_a_note(seed_line):
    text = join_lines([seed_line("003", 50)[len("      Ескерту. Ереже жаңа редакцияда - ") :], "17.08.2013 № 479 бұйрығымен."])
    reference = read_reference(text, lang=KAZAKH)
    assert reference.issuer == "ҚР Денсаулық сақтау министрінің м.а."
    assert reference.issuer_acting is True
    assert (reference.date, reference.number, reference.kind, reference.kind_text) == ("2013-08-17", "479", "order", "бұйрығымен")


def test_number_with_ministry_prefix_in_a_note(seed_line):
    assert seed_line("003", 125) == "      Ескерту. 8-тармақ жаңа редакцияда – ҚР Денсаулық сақтау министрінің "
    text = join_lines(["ҚР Денсаулық сақтау министрінің", seed_line("003", 126), seed_line("003", 127)])
    reference = read_reference(text, lang=KAZAKH)
    assert (reference.date, reference.number, reference.kind) == ("2018-10-02", "ҚР ДСМ-21", "order")
    assert reference.issuer == "ҚР Денсаулық сақтау министрінің"


def test_reference_of_the_amended_order_in_seed_004(seed_line):
    text = join_lines([seed_line("004", 29)])
    assert text.startswith("министрінің 2022 жылғы 27 сәуірдегі № ҚР ДСМ-37 бұйрығына")
    reference = read_reference(text, lang=KAZAKH)
    assert (reference.date, reference.number, reference.kind, reference.kind_text) == ("2022-04-27", "ҚР ДСМ-37", "order", "бұйрығына")


def test_law_named_without_its_issuer():
    reference = read_reference("ҚР 29.09.2022 № 143-VII (…) Заңымен", lang=KAZAKH)
    assert (reference.kind, reference.kind_text, reference.date, reference.number) == ("law", "Заңымен", "2022-09-29", "143-VII")
    assert reference.issuer == "ҚР"
    assert reference.issuer_acting is False


def test_maslikhat_decision():
    reference = read_reference("Маңғыстау облысы Бейнеу аудандық мәслихатының 2017 жылғы 30 қазандағы № 18/145 шешімі.", lang=KAZAKH)
    assert reference.issuer == "Маңғыстау облысы Бейнеу аудандық мәслихатының"
    assert (reference.kind, reference.date, reference.number) == ("decision", "2017-10-30", "18/145")


def test_missing_parts_stay_empty():
    reference = read_reference("ҚР Денсаулық сақтау министрінің соң қолданысқа енгізіледі) Бұйрығымен.", lang=KAZAKH)
    assert reference.date is None and reference.number is None
    assert reference.kind == "order"


@pytest.mark.parametrize(
    "word, kind",
    [
        ("Бұйрығымен", "order"),
        ("бұйрықтарымен", "order"),
        ("қаулысымен", "resolution"),
        ("шешiмiмен", "decision"),  # Latin i, as in FORMATS.md §2c
        ("Заңымен", "law"),
        ("заңдарымен", "law"),
        ("Кодексімен", "code"),
        ("Жарлығымен", "decree"),
        ("өкімімен", "disposition"),
    ],
)
def test_kind_words_in_any_case_form(word, kind):
    assert find_kind_word(f"№ 5 {word}.", lang=KAZAKH) == (word, kind)


@pytest.mark.parametrize(
    "closing, kind",
    [
        ("Конституциялық заңымен", "constitutional_law"),  # FORMATS.md §2c closing words
        ("бірлескен бұйрығымен", "joint_order"),  # GLOSSARY.md: joint order
    ],
    ids=["constitutional_law", "joint_order"],
)
def test_two_word_kinds_are_not_cut_to_their_last_word(closing, kind):
    # language.ACT_KINDS knows both; the reader must not stop at "заңымен" / "бұйрығымен"
    assert find_kind_word(closing, lang=KAZAKH)[1] == kind
