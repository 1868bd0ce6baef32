"""The languages of Kazakhstan's legal texts: one module each, holding all of its words.

A language module (`kk`, `ru`) defines the same names where the meaning is shared
(`SHARED_NAMES`): its month names and date pattern, kinds of act, structure words and
heading patterns, note markers and actions, commencement phrases, and `fold`, `squash`,
`act_kind`. The parser's modules hold no word of any language: they take a language
module (`Language`) and use these names, so adding a language means adding a module
here and registering it in `LANGUAGES`.
"""

from __future__ import annotations

import re
from types import ModuleType

from . import kk, ru

#: A language module (`parser.languages.kk`, `parser.languages.ru`).
Language = ModuleType

#: The languages by ISO 639-1 code; the first is the default.
LANGUAGES: dict[str, Language] = {"kk": kk, "ru": ru}

#: The bank's language names (``kaz.md``, ``rus.md``, ``title: {kaz: …, rus: …}``) -> code.
BANK_CODES = {language.BANK_CODE: code for code, language in LANGUAGES.items()}

#: What every language module defines.
SHARED_NAMES = (
    "CODE", "BANK_CODE", "LOOKALIKES", "UPPER", "LOWER", "LETTER", "MONTHS", "LONG_DATE", "month_number",
    "ACT_KINDS", "ACTING_MARKERS", "KIND_BEFORE_DATE", "DATE_PREPOSITIONS", "ISSUER_HEAD",
    "REPEAL_START", "REGISTRATION_START", "REGISTRATION_END_WORDS",
    "STRUCTURE_WORDS", "OPERATIVE_FORMULAS", "APPROVED_DOCUMENT_STEMS", "APPROVAL_WORDS", "STATUS_LINES",
    "MARKDOWN_APPENDIX_STAMP", "MARKDOWN_AGREEMENT_WORDS",
    "CHAPTER", "SECTION", "APPENDIX", "ARTICLE", "SPLIT_HEADING_TAIL", "APPROVING_KINDS",
    "MARKDOWN_APPENDIX_LABEL", "MARKDOWN_CHAPTER", "HEADING_WORDS", "THIS_WORD",
    "NOTE_MARKERS", "NOTE_ACTIONS", "DELETION_PLACEHOLDERS", "NOTE_TARGET_WORDS",
    "NUMBER_WORDS", "COMMENCEMENT_ANCHORS", "TERM_END_PHRASES", "COMMENCEMENT_VERBS",
    "PERIOD_DAYS", "PERIOD_MONTHS", "PERIOD_AFTER_WORDS", "SEE_ELSEWHERE_WORDS", "starts_from",
    "WORD_LETTER", "fold", "squash", "act_kind", "stem",
)

DEFAULT = kk


def get_language(code: str | None) -> Language:
    """The language module for a code (``kk``, ``ru``, or the bank's ``kaz``, ``rus``);
    Kazakh when the code is None. An unknown code is a ValueError naming the known ones."""
    if code is None:
        return DEFAULT
    code = BANK_CODES.get(code, code)
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}: one of {', '.join(LANGUAGES)}")
    return LANGUAGES[code]


def detect_language(text: str) -> str | None:
    """``kk`` for Kazakh (its own letters occur), ``ru`` for other Cyrillic text.
    The first 3,000 characters are enough to tell."""
    sample = text[:3000]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return None
    kazakh = sum(map(sample.count, kk.KAZAKH_LETTERS))
    if kazakh / letters > 0.01:
        return "kk"
    if len(_CYRILLIC_LETTER.findall(sample)) / letters > 0.5:
        return "ru"
    return None


#: A Cyrillic letter (the block U+0400–U+04FF, less its signs and digits-like marks).
_CYRILLIC_LETTER = re.compile(r"(?=[\u0400-\u04ff])[^\W\d_]")


def language_of(text: str) -> Language:
    """The language module for `text` (Kazakh when it cannot be told)."""
    return get_language(detect_language(text))
