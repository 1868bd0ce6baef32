"""Commencement clauses and the dates they give: exact, a window, or unknown.

The day-counting rule (Civil Code art. 173): a period in days starts the day after the
event, so "ten calendar days after first official publication on P" covers P+1..P+10
and the act applies from P+11. P is not printed in the texts: without it the date is a
window that opens at the act's own date (+11) and, for acts registered since 2017,
closes at registration + 30 (+11) (Law "On legal acts" art. 37 p.3)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from parser.model import CommencementRule
from parser.repair import join_lines
from parser.temporal import apply_offset, derive_effective, is_commencement_clause, parse_commencement
from parser.languages import KAZAKH

TEN_DAYS = "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі"  # seed 004 p4

# --- Reading clauses -------------------------------------------------------------------


def test_ten_days_after_publication_with_a_stray_space(seed_line):
    # seed 000, note on paragraph 1: "енгіз іледі" as printed
    clause = join_lines([seed_line("000", 19), seed_line("000", 20)])
    clause = clause[clause.index("(") + 1 : clause.index(")")]
    assert clause == "ресми жарияланған күнінен бастап күнтізбелік он күн өткен соң қолданысқа енгіз іледі"
    assert is_commencement_clause(clause, lang=KAZAKH)
    rule = parse_commencement(clause, lang=KAZAKH)
    assert (rule.rule, rule.offset_days, rule.offset_months, rule.fixed_date) == ("publication", 10, None, None)


def test_from_the_day_of_signing(seed_line):
    line = seed_line("000", 12)
    clause = line[line.index("(") + 1 : line.index(")")]
    assert clause == "қол қойылған күнінен бастап күшіне енеді"
    rule = parse_commencement(clause, lang=KAZAKH)
    assert rule.rule == "signing"
    assert rule.text == clause


def test_from_a_fixed_date(seed_line):
    line = seed_line("002", 18)
    clause = line[line.index("(") + 1 : line.index(")")]
    assert clause == "01.01.2018 бастап қолданысқа енгізіледі"
    rule = parse_commencement(clause, lang=KAZAKH)
    assert (rule.rule, rule.fixed_date) == ("fixed_date", "2018-01-01")


def test_from_a_long_fixed_date():
    rule = parse_commencement("2005 жылғы 1 қаңтардан бастап күшіне енеді", lang=KAZAKH)  # FORMATS.md §2d
    assert (rule.rule, rule.fixed_date) == ("fixed_date", "2005-01-01")


ORDER_05_110_TERM = "4. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі және 2023 жылғы 31 желтоқсанға дейін қолданылады."


def test_a_clause_that_also_sets_the_acts_term():
    """Order № 05/110 of 2023 (corpus/zan-gov-kz): it applies ten days after publication,
    and until 31 December 2023."""
    rule = parse_commencement(ORDER_05_110_TERM, lang=KAZAKH)
    assert (rule.rule, rule.offset_days, rule.applies_until) == ("publication", 10, "2023-12-31")


def test_the_end_of_a_term_is_not_a_fixed_start():
    rule = parse_commencement("2020 жылғы 1 қаңтардан бастап қолданысқа енгізіледі және 2020 жылғы 31 желтоқсанға дейін қолданылады", lang=KAZAKH)
    assert (rule.rule, rule.fixed_date, rule.applies_until) == ("fixed_date", "2020-01-01", "2020-12-31")


def test_a_clause_without_a_term_sets_none(seed_line):
    assert parse_commencement("01.01.2018 бастап қолданысқа енгізіледі", lang=KAZAKH).applies_until is None


def test_from_the_day_of_publication(seed_line):
    clause = join_lines([seed_line("003", 126), seed_line("003", 127)])
    clause = clause[clause.index("(") + 1 : clause.index(")")]
    assert clause == "алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі"
    rule = parse_commencement(clause, lang=KAZAKH)
    assert (rule.rule, rule.offset_days, rule.offset_months) == ("publication", None, None)


@pytest.mark.parametrize(
    "prefix, numbers",
    [
        ("000", (36, 37)),  # оны алғаш ресми жариялаған күнінен бастап
        ("001", (28, 29)),  # алғашқы ресми жарияланғаннан кейін күнтізбелік он күн өткен соң
        ("002", (44, 45)),
        ("003", (31, 32)),
        ("004", (134, 135)),
    ],
)
def test_the_orders_own_commencement_paragraphs(seed_line, prefix, numbers):
    text = join_lines([seed_line(prefix, n) for n in numbers])
    assert is_commencement_clause(text, lang=KAZAKH)
    rule = parse_commencement(text, lang=KAZAKH)
    assert rule.rule == "publication"
    assert rule.offset_days == (None if prefix == "000" else 10)


def test_ten_days_written_with_otkennen(seed_line):
    clause = join_lines([seed_line("003", 467), seed_line("003", 468)])
    assert clause.endswith("күнтізбелік он күн өткеннен соң қолданысқа енгізіледі) бұйрығымен.")
    rule = parse_commencement(clause[clause.index("(") + 1 : clause.index(")")], lang=KAZAKH)
    assert (rule.rule, rule.offset_days) == ("publication", 10)


def test_a_sentence_that_is_not_about_commencement(seed_line):
    assert not is_commencement_clause(join_lines([seed_line("000", 34), seed_line("000", 35)]), lang=KAZAKH)
    assert parse_commencement("…", lang=KAZAKH).rule == "unknown"


# --- The day-counting rule -------------------------------------------------------------


@pytest.mark.parametrize(
    "published, effective",
    [
        ("2022-03-01", "2022-03-12"),
        ("2023-12-25", "2024-01-05"),
        ("2024-02-20", "2024-03-02"),  # leap year
        ("2023-02-20", "2023-03-03"),
    ],
)
def test_ten_calendar_days_after_publication_apply_from_p_plus_11(published, effective):
    rule = parse_commencement(TEN_DAYS, lang=KAZAKH)
    assert apply_offset(rule, published) == effective
    exact = derive_effective(rule, "2022-01-01", None, published_on=published)
    assert (exact.status, exact.exact, exact.earliest, exact.latest) == ("exact", effective, None, None)


def test_no_shift_to_a_working_day():
    # 2025-02-07 is a Friday; 2025-02-08 is a Saturday and stays a Saturday
    rule = parse_commencement(TEN_DAYS, lang=KAZAKH)
    assert dt.date.fromisoformat(apply_offset(rule, "2025-01-28")).weekday() == 5
    assert apply_offset(rule, "2025-01-28") == "2025-02-08"


def test_from_the_day_of_publication_is_the_publication_day():
    rule = CommencementRule("publication")
    assert apply_offset(rule, "2018-10-15") == "2018-10-15"


def test_months_end_on_the_same_date_and_apply_from_the_next_day():
    rule = CommencementRule("publication", offset_months=3)
    assert apply_offset(rule, "2022-03-15") == "2022-06-16"
    assert apply_offset(rule, "2022-11-30") == "2023-03-01"  # no 30 February: its last day, then +1


# --- Windows when the publication day is not known ---------------------------------------


def test_window_opens_at_adoption_plus_11_when_nothing_else_is_known():
    # the amending order of 2010.12.09 № 954 in seed 000's notes
    effective = derive_effective(parse_commencement(TEN_DAYS, lang=KAZAKH), "2010-12-09")
    assert (effective.status, effective.earliest, effective.latest, effective.exact) == ("bounded", "2010-12-20", None, None)


def test_window_closes_at_registration_plus_30_plus_11_since_2017():
    # seed 004: adopted 2025-01-24, registered 2025-01-27
    effective = derive_effective(parse_commencement(TEN_DAYS, lang=KAZAKH), "2025-01-24", "2025-01-27")
    assert (effective.status, effective.earliest, effective.latest) == ("bounded", "2025-02-07", "2025-03-09")
    assert effective.basis.dates == {"floor": "2025-01-27", "registered": "2025-01-27"} and effective.basis.facts["deadline_days"] == 30


def test_registered_before_2017_the_window_stays_open_at_the_end():
    # seed 002: registered 2015-06-16; no statutory deadline for publication then
    effective = derive_effective(parse_commencement(TEN_DAYS, lang=KAZAKH), "2015-05-13", "2015-06-16")
    assert (effective.status, effective.earliest, effective.latest) == ("bounded", "2015-06-27", None)


def test_registered_on_the_first_day_of_2017_has_a_deadline():
    effective = derive_effective(parse_commencement(TEN_DAYS, lang=KAZAKH), "2016-12-28", "2017-01-01")
    assert (effective.earliest, effective.latest) == ("2017-01-12", "2017-02-11")


def test_from_the_day_of_publication_window():
    rule = parse_commencement("алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі", lang=KAZAKH)
    effective = derive_effective(rule, "2022-02-23", "2022-02-24")
    assert (effective.status, effective.earliest, effective.latest) == ("bounded", "2022-02-24", "2022-03-26")


def test_months_window():
    rule = CommencementRule("publication", offset_months=3)
    effective = derive_effective(rule, "2022-02-23", "2022-02-24")
    assert (effective.earliest, effective.latest) == ("2022-05-25", "2022-06-27")


def test_publication_rule_without_any_date_is_unknown():
    effective = derive_effective(parse_commencement(TEN_DAYS, lang=KAZAKH), None)
    assert (effective.status, effective.exact, effective.earliest, effective.latest) == ("unknown", None, None, None)


# --- Exact and unknown ---------------------------------------------------------------------


def test_signing_gives_the_acts_own_date():
    effective = derive_effective(parse_commencement("қол қойылған күнінен бастап күшіне енеді", lang=KAZAKH), "2012-06-06")
    assert (effective.status, effective.exact) == ("exact", "2012-06-06")


def test_signing_without_the_acts_date_is_unknown():
    effective = derive_effective(parse_commencement("қол қойылған күнінен бастап күшіне енеді", lang=KAZAKH), None)
    assert (effective.status, effective.exact) == ("unknown", None)


def test_fixed_date_is_exact_whatever_the_act_date():
    rule = parse_commencement("01.01.2018 бастап қолданысқа енгізіледі", lang=KAZAKH)
    for adopted in ("2017-08-04", None):
        effective = derive_effective(rule, adopted)
        assert (effective.status, effective.exact) == ("exact", "2018-01-01")


def test_no_clause_is_unknown_never_a_sentinel():
    effective = derive_effective(None, "2010-12-09")
    assert (effective.status, effective.exact, effective.earliest, effective.latest) == ("unknown", None, None, None)
    assert effective.basis.rule == "derived_no_clause"


def test_unknown_phrasing_is_unknown():
    effective = derive_effective(parse_commencement("вводится в действие", lang=KAZAKH), "2010-12-09")
    assert effective.status == "unknown"


# --- earliest <= latest, always ---------------------------------------------------------------


def _dates(start: str, days: range) -> list[str]:
    base = dt.date.fromisoformat(start)
    return [(base + dt.timedelta(days=d)).isoformat() for d in days]


RULES = [
    parse_commencement(TEN_DAYS, lang=KAZAKH),
    parse_commencement("алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі", lang=KAZAKH),
    CommencementRule("publication", offset_months=1),
    CommencementRule("publication", offset_months=6),
]


def _check_window(effective):
    if effective.earliest and effective.latest:
        assert effective.earliest <= effective.latest, effective
    if effective.status == "exact":
        assert effective.exact and effective.earliest is None and effective.latest is None


def test_window_is_never_inverted_for_acts_registered_after_adoption():
    for rule, adopted, lag in itertools.product(RULES, _dates("2016-11-01", range(0, 200, 7)), (0, 1, 3, 30, 45, 118)):
        registered = (dt.date.fromisoformat(adopted) + dt.timedelta(days=lag)).isoformat()
        _check_window(derive_effective(rule, adopted, registered))
        _check_window(derive_effective(rule, adopted, None))
        _check_window(derive_effective(rule, None, registered))


def test_window_is_never_inverted_even_when_the_source_dates_contradict_each_other():
    # A misprinted or misread header can put registration more than 30 days before the
    # act's own date; the answer must then not be a window that ends before it begins.
    rule = parse_commencement(TEN_DAYS, lang=KAZAKH)
    effective = derive_effective(rule, "2022-05-01", "2022-02-24")
    _check_window(effective)


def test_every_derived_date_in_the_seeds_is_consistent(seeds):
    for document in seeds.values():
        effects = [document.act.effective] + [a.effective for n in document.notes for a in n.amendments]
        for effective in effects:
            assert effective.status in ("exact", "bounded", "unknown")
            _check_window(effective)
            if effective.status == "bounded":
                assert effective.earliest is not None
