"""The contract of a language (`Language`), and what every language builds the same way
from its own words: the folded form matchers work on, the squashed form, and the reading
of a kind word.

A language is one object, an instance of a `Language` subclass, as spaCy's languages are
(`spacy.lang.kk.Kazakh` with its `Defaults`). Its `Defaults` is the module of its
parsing vocabulary (the names of `SHARED_NAMES`, read as attributes: `lang.MONTHS`,
`lang.ARTICLE`); the class adds its stemmer and search folding. `register` refuses a
language that leaves out any piece of the contract, so a missing piece is an error when
the language is added, not when a text first needs it. Its `Words` module holds its
display words (its column of the message catalogue, the words of kinds, units and
parts: `DISPLAY_NAMES`), and the class its grammar (`name_unit`, `name_act`). Its
`Everyday` module holds its everyday words (`EVERYDAY_NAMES`: `EVERYDAY`, from the words
people use to the law's wording, which a search that finds nothing tries again).
"""

from __future__ import annotations

import abc
import re
from collections.abc import Callable
from functools import lru_cache
from types import ModuleType
from typing import ClassVar


def fold_with(lookalikes: dict[str, str]) -> Callable[[str], str]:
    """`fold` for a language: lower case, look-alike letters folded (`LOOKALIKES`).
    Offsets stay valid: each look-alike is one letter for one. (A replace per look-alike:
    str.translate is ten times slower on Cyrillic text.)"""

    def fold(text: str) -> str:
        for latin, cyrillic in lookalikes.items():
            text = text.replace(latin, cyrillic)
        return text.lower()

    return fold


#: Distinct texts whose squashed form a language remembers: the parser squashes every
#: unit of every version to look for its key words, and most units are reprinted
#: unchanged in the next version (squashing was 2.2 % of a 200-act build before).
SQUASH_MEMO = 16384


def squash_with(fold: Callable[[str], str]) -> Callable[[str], str]:
    """`squash` for a language: `fold` and drop all white space, so 'енгіз іледі' and
    'енгізіледі' match alike."""
    spaces = re.compile(r"\s+")

    @lru_cache(maxsize=SQUASH_MEMO)
    def squash(text: str) -> str:
        return spaces.sub("", fold(text))

    return squash


def kind_reader(act_kinds: dict[str, str], fold: Callable[[str], str]) -> Callable[[str], str | None]:
    """`act_kind` for a language: the kind code of a kind word in any case form
    ('Бұйрығымен', 'Приказом' -> 'order'); the longest stem is tried first."""
    stems = sorted(act_kinds, key=len, reverse=True)

    def act_kind(word: str) -> str | None:
        folded = fold(word)
        for stem in stems:
            if folded.startswith(stem) or f" {stem}" in folded:
                return act_kinds[stem]
        return None

    return act_kind


#: What the parsing vocabulary of every language defines (its `Defaults`), where the
#: meaning is shared: the parser's modules use these names and no word of their own.
SHARED_NAMES = (
    "CODE", "BANK_CODE", "LOOKALIKES", "UPPER", "LOWER", "LETTER", "MONTHS", "LONG_DATE", "month_number",
    "ACT_KINDS", "ACTING_MARKERS", "KIND_BEFORE_DATE", "DATE_PREPOSITIONS", "ISSUER_HEAD",
    "REPEAL_START", "REGISTRATION_START", "REGISTRATION_END_WORDS",
    "STRUCTURE_WORDS", "OPERATIVE_FORMULAS", "APPROVED_DOCUMENT_STEMS", "APPROVAL_WORDS", "STATUS_LINES",
    "MARKDOWN_APPENDIX_STAMP", "MARKDOWN_AGREEMENT_WORDS",
    "DIVISION", "CHAPTER", "SECTION", "APPENDIX", "ARTICLE", "SPLIT_HEADING_TAIL", "APPROVING_KINDS",
    "CONTENTS_HEADINGS", "EDITORIAL_REMARKS", "SUSPENDING_CLAUSE", "UNMARKED_NOTE", "SIGNATURE_LINE",
    "MARKDOWN_APPENDIX_LABEL", "MARKDOWN_CHAPTER", "HEADING_WORDS", "THIS_WORD",
    "NOTE_MARKERS", "NOTE_ACTIONS", "DELETION_PLACEHOLDERS", "NOTE_TARGET_WORDS",
    "NUMBER_WORDS", "COMMENCEMENT_ANCHORS", "TERM_END_PHRASES", "COMMENCEMENT_VERBS",
    "PERIOD_DAYS", "PERIOD_MONTHS", "PERIOD_AFTER_WORDS", "SEE_ELSEWHERE_WORDS", "starts_from",
    "WORD_LETTER", "fold", "squash", "act_kind",
    # act references (parser.citations)
    "NUMBER_SIGNS", "DATE_LIMIT_WORDS", "DATE_LIMIT_WORDS_BEFORE", "CITATION_KIND_PATTERN",
    "CITATION_GLUED_KIND_PATTERN", "CITATION_KIND_QUALIFIER_PATTERN", "CITATION_TITLED_LAW_PATTERN",
    "CITED_PROVISION_PATTERN", "CITED_PROVISION_WORD_PATTERN", "CITATION_YEAR_WORD_PATTERN",
    "CITATION_DATE_ORDER", "CITED_SUBPARAGRAPH_WORD_PATTERN", "CITED_NUMBER_SUFFIX_PATTERN",
    "CITED_NUMBER_VALUE_PATTERN", "CITED_REGISTRATION_PATTERN", "TITLE_WORDS", "ISSUER_STOP_WORDS",
    "ACTING_ABBREVIATION",
    # notes, commencement and the act's life (parser.notes, parser.temporal, parser.document)
    "COMMENCEMENT_EXCEPTION", "EXCEPTIONS_ELSEWHERE", "OWN_COMMENCEMENT_STARTS", "ENACTING_VERBS",
    "NOTE_UNIT", "NOTE_UNITS_INNERMOST_FIRST", "NOTE_BARE_ARTICLE", "UNMARKED_NOTE_STARTS", "REMARK_MARKERS",
    "NOTE_ACT_INTRODUCERS", "DATED_PART_TRIM", "NOTE_WHOLE_TEXT", "STAMP_FIRST_WORD",
    # amending instructions (parser.instructions)
    "AMENDING_OPERATIONS", "WORDS_MARKER", "WORDS_MARKER_BEFORE", "WHOLE_TEXT_MARKERS",
    "NESTED_SUBPARAGRAPH", "PARAGRAPH_SCOPE", "UNNUMBERED_APPENDIX", "NEW_WORDING_IN_ANNEX", "REPEAL_VERB",
    "INSTRUCTION_TARGET_END", "INSERT_AFTER_WORD", "INSTRUCTION_SCOPE_ENDINGS", "INSTRUCTION_REGISTRATION",
    "INSTRUCTION_UNIT_WORDS", "ROW_WORD", "INSTRUCTION_REPEAL_WORDS", "INTRODUCING_VERB", "INTRODUCED_CHANGES",
    "REPLACE_VERB", "APPENDIX_SCOPE", "APPROVED_SCOPE_WORD", "SUCH_WORD",
    # amending laws (parser.law_instructions)
    "LAW_INSTRUCTIONS",
)


#: What the display words of every language define (its `Words`): its column of the
#: message catalogue and the words the pages and the CLI put around the data.
DISPLAY_NAMES = (
    "NAME",  # the language's name in itself, for the switch on every page
    "MESSAGES",  # message key -> `str.format` template (`zan.messages.t`)
    "KIND_WORDS",  # kind of act code -> its word, nominative, lower case
    "ACT_WORD",  # the word for an act of a kind it has no word for
    "ACTION_WORDS",  # amendment action code -> words
    "OPERATION_WORDS",  # amending instruction operation code -> words
    "UNIT_WORDS",  # provision key prefix -> the forms of its word `name_unit` uses
    "PART_WORDS",  # whole-act part key (title, preamble, …) -> its name
    "PROBLEM_KINDS",  # problem kind code -> words
    "OTHER_PROBLEM",  # the words for a problem kind it has no words for
)


#: What the everyday words of every language define (its `Everyday`): the words people use
#: for what the law names otherwise, which a search that finds nothing tries again in the
#: law's wording (`db.search.law_wording`). An empty dictionary is a complete one.
EVERYDAY_NAMES = (
    "EVERYDAY",  # an everyday word or phrase -> the law's wording of it, as the acts print it
)


class IncompleteLanguage(TypeError):
    """A language that leaves out a piece of the contract: refused when it is registered."""


class Language(abc.ABC):
    """A language of the acts: everything the parser, the search index and the reader's
    pages need of it, and nothing they may assume beyond this.

    A subclass sets `Defaults`, the module of its parsing vocabulary (every name of
    `SHARED_NAMES`, plus what only it needs), and implements the abstract methods. An
    instance reads its vocabulary as attributes (``lang.MONTHS``, ``lang.fold(text)``),
    copied once at construction so the parser's hot loops pay no lookup through a proxy.
    """

    #: The module of the language's parsing vocabulary.
    Defaults: ClassVar[ModuleType]
    #: The module of its display words (`DISPLAY_NAMES`).
    Words: ClassVar[ModuleType]
    #: The module of its everyday words (`EVERYDAY_NAMES`).
    Everyday: ClassVar[ModuleType]

    CODE: str
    BANK_CODE: str

    def __init__(self) -> None:
        for module in (self.Defaults, self.Words, self.Everyday):
            for name, value in vars(module).items():
                if not name.startswith("_") and not isinstance(value, ModuleType) and not hasattr(type(self), name):
                    self.__dict__[name] = value

    def __repr__(self) -> str:
        return f"<{type(self).__name__} language {self.CODE!r}>"

    # --- Search -----------------------------------------------------------------------

    @abc.abstractmethod
    def stem(self, word: str) -> str:
        """The stem of one word folded by `fold_search_word`, as the search index holds it."""

    @abc.abstractmethod
    def fold_search_word(self, word: str) -> str:
        """A word as printed, folded for search (lower case and the like)."""

    def search_alternative(self, term: str) -> str | None:
        """A second, exact stem a search term may have in the index (None: none)."""
        return None

    # --- Display grammar ----------------------------------------------------------------

    @abc.abstractmethod
    def name_unit(self, parts: list[tuple[str, str]]) -> str:
        """A unit as a lawyer names it, from its chain of ``(key prefix, label)``, the
        outermost first (``[("p", "29"), ("sp", "24)")]``; label "" for an unnumbered
        unit); every prefix is one of `UNIT_WORDS`."""

    @abc.abstractmethod
    def name_act(self, kind_word: str, number: str | None, day: str | None) -> str:
        """An act as a lawyer names it, from the word of its kind, its number and its
        adoption day as displayed (either may be None)."""


def missing_pieces(language_class: type[Language]) -> list[str]:
    """What `language_class` leaves out of the contract: its abstract methods not
    implemented, the names missing from its vocabulary, its display words and its
    everyday words."""
    missing = sorted(getattr(language_class, "__abstractmethods__", ()))
    for module, names in (("Defaults", SHARED_NAMES), ("Words", DISPLAY_NAMES), ("Everyday", EVERYDAY_NAMES)):
        provided = getattr(language_class, module, None)
        if provided is None:
            missing.append(module)
        else:
            missing += [name for name in names if not hasattr(provided, name)]
    return missing
