"""The vocabulary every matcher works on: look-alike letters folded, stray spaces
squashed, kinds of act recognised in any case form."""

from __future__ import annotations

from parser.languages import KAZAKH

act_kind, fold, squash = KAZAKH.act_kind, KAZAKH.fold, KAZAKH.squash


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


# --- The seam: a language is one object, and no word lives anywhere else -----------------

import ast
from pathlib import Path

import pytest

from parser.languages import LANGUAGES, RUSSIAN, SHARED_NAMES, IncompleteLanguage, detect_language, get_language, register, unregister
from parser.languages.base import DISPLAY_NAMES

ROOT = Path(__file__).resolve().parent.parent
CYRILLIC = range(0x0400, 0x0500)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def cyrillic_literals(path: Path) -> list[str]:
    """The string literals of a module that hold a Cyrillic letter (docstrings aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and any(ord(char) in CYRILLIC for char in node.value)
    ]


#: Where a word of a language may be written: the language packages (each holds its column
#: of the message catalogue too).
WORDS_LIVE_IN = (ROOT / "parser" / "languages",)


def test_no_word_of_any_language_outside_the_language_packages():
    modules = [
        path
        for folder in ("parser", "db", "datasette_plugins", "zan")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if not any(path == place or place in path.parents for place in WORDS_LIVE_IN)
    ]
    assert len(modules) > 40
    found = [literal for path in modules for literal in cyrillic_literals(path)]
    assert found == []


def test_the_scan_sees_a_cyrillic_literal():
    module = ROOT / "parser" / "languages" / "kk" / "vocabulary.py"
    assert any("тармақ" in literal for literal in cyrillic_literals(module))


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_language_defines_the_shared_names(code):
    language = LANGUAGES[code]
    assert [name for name in SHARED_NAMES if not hasattr(language, name)] == []
    assert language.CODE == code


def test_languages_by_iso_code_and_by_the_banks_name():
    assert get_language("kk") is KAZAKH and get_language("kaz") is KAZAKH
    assert get_language("ru") is RUSSIAN and get_language("rus") is RUSSIAN
    with pytest.raises(ValueError, match="unknown language 'en'"):
        get_language("en")


def test_a_text_tells_its_language(sources):
    assert detect_language(sources["003"]) == "kk"
    assert detect_language("Сноска. Статья 5-1 в редакции Закона РК от 17.03.2015 № 293-V") == "ru"
    assert detect_language("QR code") is None


def test_russian_kinds_in_their_case_forms():
    assert RUSSIAN.act_kind("Законом") == "law"
    assert RUSSIAN.act_kind("Кодексом") == "code"
    assert RUSSIAN.act_kind("приказом") == "order"
    assert RUSSIAN.act_kind("Постановлением") == "resolution"
    assert RUSSIAN.act_kind("Указом") == "decree"
    assert RUSSIAN.act_kind("Конституционным законом") == "constitutional_law"
    assert RUSSIAN.act_kind("Министра") is None


# --- The contract: every language has every piece, and a third one is one package ---------


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_language_has_every_message_and_word_the_first_has(code):
    first, language = next(iter(LANGUAGES.values())), LANGUAGES[code]
    for table in ("MESSAGES", "KIND_WORDS", "ACTION_WORDS", "OPERATION_WORDS", "UNIT_WORDS", "PART_WORDS", "PROBLEM_KINDS"):
        assert sorted(set(getattr(first, table)) ^ set(getattr(language, table))) == [], table
    assert [name for name in DISPLAY_NAMES if not hasattr(language, name)] == []


def test_the_readers_languages_are_the_registered_ones():
    from zan import messages

    assert messages.LANGUAGES == tuple(LANGUAGES) == ("kk", "ru")
    assert messages.LANGUAGE_NAMES == {"kk": "Қазақша", "ru": "Русский"}
    assert messages.MESSAGES["home"] == ("Басты бет", "Главная")


TOY_ACT = """# On the minimum of subsistence

This Law sets the legal basis of the minimum of subsistence.

## Article 1. The minimum

1. The minimum is the least income a person needs.

2. The minimum is computed every quarter:

   1) per person;

   2) per group of the population.

      > *Note. Article 1 amended by the Law of the Republic of Kazakhstan of 15 December 2005 № 101 (comes into force from 1 January 2006).*

## Article 2. Entry into force

This Law comes into force from 1 January 2000.
"""


@pytest.fixture
def english():
    """The toy English of `tests/toy_english`, registered for one test."""
    from tests.toy_english import English

    language = register(English)
    yield language
    unregister("en")


def test_a_third_language_is_one_package(english):
    import parser

    assert get_language("en") is english and get_language("eng") is english
    document = parser.parse_text(TOY_ACT, "eng.md", source_format="zan_markdown", lang=english)
    assert document.act.language == "en"
    assert [(p.key, p.kind, p.label) for p in document.provisions if p.kind in ("article", "part", "subparagraph")] == [
        ("art1", "article", "1"),
        ("art1/pt1", "part", "1"),
        ("art1/pt2", "part", "2"),
        ("art1/pt2/sp1", "subparagraph", "1"),
        ("art1/pt2/sp2", "subparagraph", "2"),
        ("art2", "article", "2"),
    ]
    (note,) = document.notes
    (amendment,) = note.amendments
    assert (note.target_key, amendment.action) == ("art1", "amended")
    assert (amendment.act.kind, amendment.act.date, amendment.act.number) == ("law", "2005-12-15", "101")
    assert (amendment.effective.status, amendment.effective.exact) == ("exact", "2006-01-01")
    assert (document.act.commencement.rule, document.act.effective.exact) == ("fixed_date", "2000-01-01")


def test_a_third_language_renders_its_messages_and_names(english):
    from db.search import normalize
    from zan.messages import act_name, kind_word, problem_kind_text, t, unit_name

    assert t("home", "en") == "Home"
    assert t("count_acts", "en", count=3) == "3 acts in all"
    assert unit_name("doc/p29/sp24", "en") == "subparagraph 24) of paragraph 29"
    assert unit_name("preamble", "en") == "preamble"
    assert act_name("law", "101", "2005-12-15", "en") == "law No 101 of 15.12.2005"
    assert kind_word("code", "en") == "act"
    assert problem_kind_text("empty_file", "en") == "the file is empty"
    assert normalize("Orders and Laws", english) == "order and law"


def test_a_language_missing_a_piece_of_the_contract_is_refused_at_registration():
    from parser.languages import Language
    from tests.toy_english import English, everyday, vocabulary, words

    class NoStemmer(Language):
        Defaults, Words, Everyday = vocabulary, words, everyday
        fold_search_word, name_unit, name_act = English.fold_search_word, English.name_unit, English.name_act

    class NoMonths(English):
        Defaults = type("Defaults", (), {name: getattr(vocabulary, name) for name in SHARED_NAMES if name != "MONTHS"})

    class NoWords(English):
        Words = type("Words", (), {name: getattr(words, name) for name in DISPLAY_NAMES if name != "KIND_WORDS"})

    class NoEverydayWords(English):
        Everyday = type("Everyday", (), {})

    class NoEveryday(Language):  # no everyday words at all
        Defaults, Words = vocabulary, words
        stem, fold_search_word, name_unit, name_act = English.stem, English.fold_search_word, English.name_unit, English.name_act

    for incomplete, missing in (
        (NoStemmer, "stem"), (NoMonths, "MONTHS"), (NoWords, "KIND_WORDS"), (NoEverydayWords, "EVERYDAY"),
        (NoEveryday, "Everyday"),
    ):
        with pytest.raises(IncompleteLanguage, match=rf"leaves out {missing}$"):
            register(incomplete)
    assert "en" not in LANGUAGES
