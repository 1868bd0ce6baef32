"""The act's own metadata from its requisites sentence: issuer, adoption date, number
and kind; registration at the Ministry of Justice; the repealing act; and the Adilet
id that registration gives."""

from __future__ import annotations

import pytest

from parser.header import adilet_id, detect_language, read_requisites, stable_id
from parser.repair import join_lines
from parser.languages import KAZAKH


def requisites(seed_line, prefix, numbers):
    return join_lines([seed_line(prefix, n) for n in numbers])


def test_requisites_of_seed_000(seed_line):
    read = read_requisites(requisites(seed_line, "000", range(5, 11)), lang=KAZAKH)
    assert read.act.issuer == "Қазақстан Республикасы Денсаулық сақтау министрінің"
    assert (read.act.date, read.act.number, read.act.kind_text) == ("2009-10-19", "542", "Бұйрығы")
    assert (read.registered_on, read.registration_number) == ("2009-11-11", "5853")
    assert read.repeal_text == "Күші жойылды - Қазақстан Республикасы Денсаулық сақтау министрінің 2012 жылғы 6 маусымдағы № 394 бұйрығымен"
    assert (read.repeal.date, read.repeal.number, read.repeal.kind) == ("2012-06-06", "394", "order")
    assert read.repeal.issuer == "Қазақстан Республикасы Денсаулық сақтау министрінің"


def test_requisites_of_seed_002_repealed_by_an_acting_minister(seed_line):
    read = read_requisites(requisites(seed_line, "002", range(8, 13)), lang=KAZAKH)
    assert (read.act.date, read.act.number) == ("2015-05-13", "344")
    assert (read.registered_on, read.registration_number) == ("2015-06-16", "11361")
    assert read.repeal.date == "2023-07-18"  # "шiлдедегi" with Latin i
    assert read.repeal.number == "132"
    assert read.repeal.issuer_acting is True


def test_requisites_of_seed_001_not_repealed(seed_line):
    read = read_requisites(requisites(seed_line, "001", range(6, 9)), lang=KAZAKH)
    assert read.act.issuer_acting is True
    assert (read.act.date, read.act.number) == ("2022-02-23", "61")
    assert (read.registered_on, read.registration_number) == ("2022-02-24", "26917")
    assert read.repeal is None and read.repeal_text is None


def test_requisites_of_seed_004_across_blank_lines(seed_line):
    read = read_requisites(requisites(seed_line, "004", range(6, 15)), lang=KAZAKH)
    assert read.act.issuer == "Қазақстан Республикасы Денсаулық сақтау министрінің"
    assert (read.act.date, read.act.number, read.act.kind) == ("2025-01-24", "5", "order")
    assert (read.registered_on, read.registration_number) == ("2025-01-27", "35673")


@pytest.mark.parametrize(
    "number, registered, expected",
    [
        ("5853", "2009-11-11", "V090005853_"),  # 2009: 7 digits and an underscore
        ("5797", "2009-09-21", "V090005797_"),  # FORMATS.md §2e, seen on zanorda
        ("9947", "2014-12-01", "V1400009947"),  # 2014 (zanorda); only the year counts
        ("11361", "2015-06-16", "V1500011361"),
        ("26917", "2022-02-24", "V2200026917"),
        ("35673", "2025-01-27", "V2500035673"),
        ("6774", "2011-02-14", None),  # no pattern observed for 2011
        ("ҚР ДСМ-21", "2018-10-02", None),
        (None, "2018-10-02", None),
    ],
)
def test_adilet_id_from_registration(number, registered, expected):
    assert adilet_id(number, registered) == expected


def test_readable_id_when_no_adilet_id_is_known():
    assert stable_id("order", "2011-01-05", "7") == "order-2011-01-05-7"
    assert stable_id("order", "2020-10-07", "ҚР ДСМ-116/2020") == "order-2020-10-07-ҚР-ДСМ-116-2020"
    assert stable_id("order", None, "7") is None


def test_language(seed_line):
    assert detect_language(seed_line("000", 2)) == "kk"
    assert detect_language(seed_line("004", 16) + seed_line("004", 17)) == "ru"
    assert detect_language("2009.10.19 № 542") is None
