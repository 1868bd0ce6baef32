"""Citations: the acts a text refers to, found with spaCy's rule-based Matcher.

An act reference in Kazakh legal text is a run of parts in a fixed order (FORMATS.md §2e):

    [«title»] [issuer, genitive] DATE [№ NUMBER] [(clause)] KIND [PROVISION…] [(… № REG тіркелген)]
    "Халық денсаулығы …" Қазақстан Республикасының 2009 жылғы 18 қыркүйектегі кодексінің 25-бабына
    ҚР Денсаулық сақтау министрінің 2010.12.09 № 954 (ресми …) Бұйрығымен

The Matcher (patterns over the Kazakh tokenizer of `spacy_kk`) finds the parts; this module
puts them together into `Citation`s with exact character spans: a span runs from the date
(or the number sign, when no date comes first) to the end of the kind word. The issuer,
title, registration number and cited provision are fields beside the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .dates import find_dates
from .languages.kk import (
    ACTING_ABBREVIATION,
    CITED_NUMBER_VALUE_PATTERN,
    ISSUER_STOP_WORDS,
    TITLE_WORD,
    CITATION_GLUED_KIND_PATTERN,
    CITATION_KIND_PATTERN,
    CITATION_TITLED_LAW_PATTERN,
    CITATION_YEAR_WORD_PATTERN,
    CITED_NUMBER_SUFFIX_PATTERN,
    CITED_PROVISION_PATTERN,
    CITED_REGISTRATION_PATTERN,
    CITED_SUBPARAGRAPH_WORD_PATTERN,
    DATE_LIMIT_WORDS,
    MONTHS,
    NUMBER_SIGNS,
    act_kind,
)
from .model import ActReference
from .references import NUMBER

if TYPE_CHECKING:  # spaCy is imported when a text is first tokenized: `zan at` need not load it
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span

#: How far (in tokens) a kind word may follow the date or number it belongs to: a
#: commencement clause in brackets can stand between them.
MAX_GAP = 40
_REGISTRATION = re.compile(CITED_REGISTRATION_PATTERN, re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"\d{4}")
_LATIN_NUMBER_SIGN = re.compile(r"(?<!\w)N\s?\d")
_KIND_ANYWHERE = re.compile(CITATION_KIND_PATTERN.lstrip("^").replace("(", "(?:", 1))  # in lower-cased text
_TITLE_BEFORE = re.compile(r"[«\"]([^«»\"]{3,300})[»\"]\s*$")
_TITLE_INSIDE = re.compile(r"[«\"]([^«»\"]{3,300})[»\"]")
_ISSUER_STOP = ISSUER_STOP_WORDS


@dataclass
class Citation:
    start: int
    end: int
    text: str
    reference: ActReference
    registration_number: str | None = None
    title: str | None = None
    provision: str | None = None


#: What a single token of an act reference may be, each a test of its text (``TEXT``)
#: or of its lower case (``LOWER``). Each becomes a spaCy lexeme flag: computed once
#: per distinct word in a process, then checked by the Matcher in C. (Written as REGEX
#: predicates in the patterns, the tests ran in Python for every token of every text:
#: most of the citation time went there.)
TOKEN_TESTS: dict[str, tuple[str, str]] = {
    "YEAR": ("TEXT", r"^\d{4}$"),
    "YEAR_WORD": ("LOWER", CITATION_YEAR_WORD_PATTERN),
    "DAY": ("TEXT", r"^\d{1,2}$"),
    "MONTH": ("LOWER", "^(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"),
    "DOTTED_DATE": ("TEXT", r"^(\d{4}\.\d{1,2}\.\d{1,2}\.?|\d{1,2}\.\d{1,2}\.\d{4})$"),
    "NUMBER_SIGN": ("TEXT", "^(" + "|".join(NUMBER_SIGNS) + ")$"),
    "NUMBER_VALUE": ("TEXT", CITED_NUMBER_VALUE_PATTERN),
    "NUMBER_SUFFIX": ("TEXT", CITED_NUMBER_SUFFIX_PATTERN),
    "SIGNED_NUMBER": ("TEXT", r"^№\d+[\w/-]*$"),
    "KIND": ("LOWER", CITATION_KIND_PATTERN),
    # PDF damage glues a moved kind word to the word before it: "қамтамасызбұйрыққа"
    "GLUED_KIND": ("LOWER", CITATION_GLUED_KIND_PATTERN),
    "PROVISION": ("LOWER", CITED_PROVISION_PATTERN),
    "DIGITS": ("TEXT", r"^\d+(-\d+)*$"),
    "SUBPARAGRAPH_WORD": ("LOWER", CITED_SUBPARAGRAPH_WORD_PATTERN),
}

#: The first of spaCy's free lexeme flags (FLAG19 … FLAG63).
FIRST_FLAG = 19


def _flag(name: str) -> str:
    """The Matcher attribute of the lexeme flag for `TOKEN_TESTS[name]`."""
    return f"FLAG{FIRST_FLAG + list(TOKEN_TESTS).index(name)}"


def _is(name: str, op: str | None = None) -> dict:
    token: dict = {_flag(name): True}
    if op:
        token["OP"] = op
    return token


def _patterns() -> dict[str, list[list[dict]]]:
    return {
        "DATE": [
            [_is("YEAR"), _is("YEAR_WORD"), _is("DAY"), _is("MONTH")],
            [_is("DOTTED_DATE")],
        ],
        "NUMBER": [
            [_is("NUMBER_SIGN"), _is("NUMBER_VALUE"), _is("NUMBER_SUFFIX", "?")],
            [_is("SIGNED_NUMBER")],
        ],
        "KIND": [[_is("KIND")], [_is("GLUED_KIND")]],
        "PROVISION": [
            [_is("PROVISION")],
            [_is("DIGITS"), {"ORTH": ")"}, _is("SUBPARAGRAPH_WORD")],
        ],
    }


def _flag_getter(attribute: str, pattern: str):
    compiled = re.compile(pattern)
    if attribute == "LOWER":
        return lambda text: compiled.search(text.lower()) is not None
    return lambda text: compiled.search(text) is not None


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    from spacy.matcher import Matcher

    vocab = _kazakh().vocab
    for offset, (attribute, pattern) in enumerate(TOKEN_TESTS.values()):
        vocab.add_flag(_flag_getter(attribute, pattern), flag_id=FIRST_FLAG + offset)
    matcher = Matcher(vocab, validate=False)  # the schema does not know lexeme flags
    for label, patterns in _patterns().items():
        matcher.add(label, patterns, greedy="LONGEST")
    return matcher


@lru_cache(maxsize=1)
def _kazakh():
    """`spacy_kk.blank_kazakh`, imported on first use (loading spaCy takes most of a second)."""
    from .spacy_kk import blank_kazakh

    return blank_kazakh()


def _parts(doc: Doc) -> list[tuple[str, Span]]:
    """The parts of act references in `doc`, in order, longest match first."""
    matcher = _matcher()
    parts = [(doc.vocab.strings[label], doc[start:end]) for label, start, end in matcher(doc)]
    parts.sort(key=lambda part: (part[1].start, -len(part[1])))
    kept: list[tuple[str, Span]] = []
    last_end = -1
    for label, span in parts:
        if label == "DATE" and _is_time_limit(doc, span):
            continue  # "(01.01.2018 бастап қолданысқа енгізіледі)": a commencement, not an act's date
        if span.start >= last_end:
            kept.append((label, span))
            last_end = span.end
    return kept


def _is_time_limit(doc: Doc, date: Span) -> bool:
    """A date followed by "from" or "until" (`DATE_LIMIT_WORDS`)."""
    return date.end < len(doc) and doc[date.end].lower_ in DATE_LIMIT_WORDS


def extract_citations(text: str) -> list[Citation]:
    """Every act reference in `text`, in order: those with a date or a number, and laws
    and codes cited by their title alone."""
    titled = _titled_laws(text)
    if not _may_cite(text):
        return titled  # no date or number, or no word naming a kind of act: nothing to tokenize
    doc = _kazakh()(text)
    parts = _parts(doc)
    citations: list[Citation] = []
    index = 0
    while index < len(parts):
        label, span = parts[index]
        if label not in ("DATE", "NUMBER"):
            index += 1
            continue
        citation, index = _assemble(text, doc, parts, index)
        if citation:
            citations.append(citation)
    taken = [(c.start, c.end) for c in citations]
    citations += [c for c in titled if not any(start < c.end and c.start < end for start, end in taken)]
    return sorted(citations, key=lambda c: c.start)


def _may_cite(text: str) -> bool:
    """A year, a number sign or ``N 12``, and a word naming a kind of act: what every
    dated or numbered reference has. Most units have not, and skip the tokenizer.
    (Plain string tests and simple patterns first: one pattern with alternatives and
    IGNORECASE took about a fifth of the citation time, measured on 68,810 units.)"""
    anchored = "№" in text or _FOUR_DIGITS.search(text) or ("N" in text and _LATIN_NUMBER_SIGN.search(text))
    return bool(anchored) and _KIND_ANYWHERE.search(text.lower()) is not None


_TITLED_LAW = re.compile(CITATION_TITLED_LAW_PATTERN)


def _titled_laws(text: str) -> list[Citation]:
    """``"Азаматтық қорғау туралы" Қазақстан Республикасы Заңының``: a law or code named by
    its title; the span is the kind word, the title a field."""
    citations: list[Citation] = []
    if TITLE_WORD not in text:
        return citations  # every such title ends with the word
    for match in _TITLED_LAW.finditer(text):
        kind_text = match.group("kind")
        citations.append(
            Citation(
                start=match.start("kind"),
                end=match.end("kind"),
                text=kind_text,
                reference=ActReference(kind=act_kind(kind_text), kind_text=kind_text, issuer=match.group("issuer").strip() or None),
                title=match.group("title").strip(),
            )
        )
    return citations


def _assemble(text: str, doc: Doc, parts: list[tuple[str, Span]], first: int) -> tuple[Citation | None, int]:
    """From a date or number at `parts[first]`: collect the number and the kind word that
    follow it, then the provisions and registration after the kind word."""
    date_span = number_span = kind_span = None
    index = first
    while index < len(parts):
        label, span = parts[index]
        if label == "DATE":
            if date_span is not None or number_span is not None:
                break  # another reference begins
            date_span = span
        elif label == "NUMBER":
            if number_span is not None:
                back = _back_reference_kind(parts, index, number_span)
                if back is not None and date_span is not None:
                    # "… 2011 жылғы 4 қарашадағы № 786 (бұдан әрі – № 786 бұйрық) (бұйрығына": the
                    # export moved the kind word away; the back-reference names the kind
                    return _citation(text, doc, date_span, number_span, None, back, []), index
                break
            number_span = span
        elif label == "KIND":
            anchor = number_span or date_span
            if anchor is not None and _inside_quotes(text[anchor.end_char : span.start_char]):
                index += 1
                continue  # a kind word inside a quoted title ("… шешімдерінің күші жойылды …")
            if anchor is not None and span.start - anchor.end <= MAX_GAP and _no_sentence_end(doc, anchor.end, span.start):
                kind_span = span
                index += 1
            break
        elif label == "PROVISION":
            break
        index += 1
    if kind_span is None:
        return None, max(index, first + 1)
    provisions = []
    while index < len(parts) and parts[index][0] == "PROVISION" and parts[index][1].start - (provisions[-1].end if provisions else kind_span.end) <= 1:
        provisions.append(parts[index][1])
        index += 1
    return _citation(text, doc, date_span, number_span, kind_span, None, provisions), index


def _back_reference_kind(parts: list[tuple[str, Span]], index: int, number_span: Span) -> str | None:
    """The kind named by ``№ N бұйрық`` at `parts[index]` when N repeats `number_span`'s."""
    label, span = parts[index]
    if span.text.replace(" ", "") != number_span.text.replace(" ", "") or index + 1 >= len(parts):
        return None
    next_label, next_span = parts[index + 1]
    if next_label == "KIND" and next_span.start == span.end:
        return act_kind(next_span.text)
    return None


def _citation(
    text: str,
    doc: Doc,
    date_span: Span | None,
    number_span: Span | None,
    kind_span: Span | None,
    kind: str | None,
    provisions: list[Span],
) -> Citation:
    start_span = date_span if date_span is not None else number_span
    assert start_span is not None
    end_span = kind_span if kind_span is not None else (number_span or date_span)
    start, end = start_span.start_char, end_span.end_char
    kind_text = kind_span.text if kind_span is not None else None
    reference = ActReference(
        kind=act_kind(_kind_word(kind_text)) if kind_text else kind,
        kind_text=kind_text,
        issuer=_issuer(text[: start]),
        date=find_dates(date_span.text)[0].iso if date_span is not None and find_dates(date_span.text) else None,
        number=_number(number_span.text) if number_span is not None else None,
    )
    reference.issuer_acting = bool(reference.issuer and ACTING_ABBREVIATION in reference.issuer)
    provision_text = text[provisions[0].start_char : provisions[-1].end_char] if provisions else None
    tail = text[end : end + 220]
    registration = _REGISTRATION.search(tail)
    anchor_end = (number_span or date_span).end_char
    title = _TITLE_BEFORE.search(_before_issuer(text[:start]))
    if title is None and kind_span is not None:
        title = _TITLE_INSIDE.search(text[anchor_end : kind_span.start_char])
    return Citation(
        start=start,
        end=end,
        text=text[start:end],
        reference=reference,
        registration_number=registration.group(1) if registration and "(" in tail[: registration.start() + 1] else None,
        title=title.group(1).strip() if title else None,
        provision=provision_text,
    )


def _kind_word(token: str) -> str:
    """The kind word itself, even when glued to the word before it."""
    glued = re.search(CITATION_GLUED_KIND_PATTERN, token.lower())
    return token[glued.start(1) :] if glued and not re.match(CITATION_KIND_PATTERN, token.lower()) else token


def _inside_quotes(between: str) -> bool:
    """True when `between` opens a quoted title it does not close."""
    return between.count('"') % 2 == 1 or between.count("«") > between.count("»")


def _no_sentence_end(doc: Doc, start: int, end: int) -> bool:
    """No full stop between a number and its kind word, except inside brackets."""
    depth = 0
    for token in doc[start:end]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif token.text in (".", ";") and depth == 0:
            return False
    return True


def _number(text: str) -> str | None:
    match = NUMBER.search(text.replace("№", "№ ", 1) if re.match(r"^№\d", text) else text)
    return match["number"].strip() if match else None


def _issuer(before: str) -> str | None:
    """The issuer printed just before the date: words back to a quote, a bracket, a
    sentence end or a word like ``туралы``; it starts with a capital letter."""
    words = before.rstrip().split(" ")
    kept: list[str] = []
    for word in reversed(words):
        if not word or word.lower() in _ISSUER_STOP or word[-1] in "\"»)(:;,." and word != ACTING_ABBREVIATION or len(kept) >= 8:
            break
        kept.append(word)
    kept.reverse()
    while kept and not kept[0][:1].isupper():
        kept.pop(0)
    return " ".join(kept) or None


def _before_issuer(before: str) -> str:
    issuer = _issuer(before)
    stripped = before.rstrip()
    return stripped[: len(stripped) - len(issuer)].rstrip() if issuer and stripped.endswith(issuer) else stripped
