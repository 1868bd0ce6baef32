"""The languages of Kazakhstan's legal texts: one object each, holding all of its words.

A language is an instance of a `Language` subclass (`parser.languages.base`), one package
each (`kk/`, `ru/`), as spaCy's languages are: its `Defaults` module defines the same
names where the meaning is shared (`SHARED_NAMES`: its month names and date pattern,
kinds of act, structure words and heading patterns, note markers and actions,
commencement phrases, `fold`, `squash`, `act_kind`); its `Words` module its display
words (`DISPLAY_NAMES`: its column of the message catalogue, the words of kinds, units,
parts and problems); and the object adds its stemmer, its search folding and its grammar
of names (`name_unit`, `name_act`). No module outside the packages holds a word of any
language: they are passed a language and use these names, so adding a language means
adding a package and registering it (`register`), which refuses one that leaves out a
piece of the contract.
"""

from __future__ import annotations

import re

from .base import SHARED_NAMES, IncompleteLanguage, Language, missing_pieces
from .kk import Kazakh
from .ru import Russian

__all__ = [
    "BANK_CODES", "IncompleteLanguage", "KAZAKH", "LANGUAGES", "Language", "RUSSIAN", "SHARED_NAMES",
    "detect_language", "document_language", "get_language", "language_of", "register", "unregister",
]

#: The registered languages by ISO 639-1 code, in the order registered.
LANGUAGES: dict[str, Language] = {}

#: The bank's language names (``kaz.md``, ``rus.md``, ``title: {kaz: …, rus: …}``) -> code.
BANK_CODES: dict[str, str] = {}


def register(language_class: type[Language]) -> Language:
    """Add a language: its object, made once, becomes `get_language`'s answer for its code
    and its bank name. `IncompleteLanguage` names every piece of the contract it leaves
    out; a code already registered is a ValueError."""
    missing = missing_pieces(language_class)
    if missing:
        raise IncompleteLanguage(f"{language_class.__name__} leaves out {', '.join(missing)}")
    language = language_class()
    if language.CODE in LANGUAGES:
        raise ValueError(f"a language {language.CODE!r} is registered already")
    LANGUAGES[language.CODE] = language
    BANK_CODES[language.BANK_CODE] = language.CODE
    return language


def unregister(code: str) -> None:
    """Remove the language `code` (a test's toy language, once the test is done)."""
    language = LANGUAGES.pop(code)
    BANK_CODES.pop(language.BANK_CODE, None)


KAZAKH = register(Kazakh)
RUSSIAN = register(Russian)

#: The Roman numeral of a convocation printed with the Cyrillic І (U+0406) in both
#: languages' texts (``№ 165-VІ``) -> the Latin letter, for comparing act numbers.
ROMAN_LOOKALIKES = {"І": "I", "і": "i"}


def get_language(code: str) -> Language:
    """The language for a code (``kk``, ``ru``, or the bank's ``kaz``, ``rus``). An
    unknown code is a ValueError naming the known ones."""
    code = BANK_CODES.get(code, code)
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}: one of {', '.join(LANGUAGES)}")
    return LANGUAGES[code]


def detect_language(text: str) -> str | None:
    """``kk`` for Kazakh (its own letters occur), ``ru`` for other Cyrillic text, None
    when it cannot be told. The first 3,000 characters are enough to tell."""
    sample = text[:3000]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return None
    kazakh = sum(map(sample.count, KAZAKH.KAZAKH_LETTERS))
    if kazakh / letters > 0.01:
        return "kk"
    if len(_CYRILLIC_LETTER.findall(sample)) / letters > 0.5:
        return "ru"
    return None


#: A Cyrillic letter (the block U+0400–U+04FF, less its signs and digits-like marks).
_CYRILLIC_LETTER = re.compile(r"(?=[\u0400-\u04ff])[^\W\d_]")


def language_of(text: str) -> Language:
    """The language of `text`: as `detect_language` tells it, Kazakh when it cannot be
    told (the language most of the corpus is in)."""
    return get_language(detect_language(text) or KAZAKH.CODE)


def document_language(document) -> Language:
    """The language a parsed document's text is in, as its act says (`Act.language`). A
    document without an act (a file that could not be read) has no text to read in any
    language: asking is a ValueError."""
    act = getattr(document, "act", None)
    if act is None or act.language is None:
        raise ValueError(f"{getattr(document, 'source_path', document)!r}: no act, so no language")
    return get_language(act.language)
