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

from parser.languages import LANGUAGES, RUSSIAN, SHARED_NAMES, detect_language, get_language

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


#: Where a word of a language may be written: the language packages and the catalogue.
WORDS_LIVE_IN = (ROOT / "parser" / "languages", ROOT / "zan" / "messages.py")


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
