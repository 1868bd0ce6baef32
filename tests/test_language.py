"""The vocabulary every matcher works on: look-alike letters folded, stray spaces
squashed, kinds of act recognised in any case form."""

from __future__ import annotations

from parser.language import act_kind, fold, squash


def test_fold_turns_latin_i_into_kazakh_i(seed_line):
    printed = seed_line("002", 12)
    assert printed == "шiлдедегi № 132 бұйрығымен"
    assert fold(printed) == "шілдедегі № 132 бұйрығымен"
    assert len(fold(printed)) == len(printed)  # offsets stay valid


def test_squash_joins_words_broken_by_the_export(seed_line):
    assert seed_line("000", 20) == "соң қолданысқа енгіз іледі)  Бұйрығымен."
    assert "қолданысқаенгізіледі" in squash(seed_line("000", 20))


def test_act_kind_in_any_case_form():
    assert act_kind("Бұйрығы") == "order"
    assert act_kind("бұйрыққа") == "order"
    assert act_kind("қаулысына") == "resolution"
    assert act_kind("Кодексінің") == "code"
    assert act_kind("министрінің") is None
