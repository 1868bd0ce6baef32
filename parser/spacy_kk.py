"""A Kazakh language for spaCy.

spaCy ships no Kazakh (`spacy.blank("kk")` fails), so the project registers one: the
generic tokenizer with Kazakh stop words, number words (``like_num``) and the legal
abbreviations kept whole (``ҚР``, ``м.а.``). Everything comes from parser/language.py.
Nothing is downloaded: the pipeline is blank plus rule-based components.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.attrs import LIKE_NUM, ORTH
from spacy.language import BaseDefaults, Language
from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.util import update_exc

from .languages import KAZAKH


def like_num(text: str) -> bool:
    """Digits, `2010.12.09`-like, or a Kazakh number word (`он`, `отыз`)."""
    plain = text.replace(",", "").replace(".", "")
    return plain.isdigit() or text.lower() in KAZAKH.NUMBER_WORDS


class KazakhDefaults(BaseDefaults):
    stop_words = KAZAKH.STOP_WORDS
    lex_attr_getters = {LIKE_NUM: like_num}
    tokenizer_exceptions = update_exc(BASE_EXCEPTIONS, {word: [{ORTH: word}] for word in KAZAKH.TOKEN_ABBREVIATIONS})


@spacy.registry.languages("kk")
class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults


@lru_cache(maxsize=None)
def blank_pipeline(code: str) -> Language:
    """The blank pipeline (tokenizer only) of a language code, made once per process:
    the Kazakh one registered here, or one spaCy ships (``ru``; nothing is downloaded).
    Its length limit guards parsers and taggers against memory use; a tokenizer alone
    needs no such guard, and a unit of a megabyte must not stop the build."""
    nlp = spacy.blank(code)
    nlp.max_length = 10**9
    return nlp


def blank_kazakh() -> Language:
    """The blank Kazakh pipeline."""
    return blank_pipeline("kk")
