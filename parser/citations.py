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
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .dates import find_dates
from .language import (
    CITATION_KIND_PATTERN,
    CITED_PROVISION_PATTERN,
    CITED_REGISTRATION_PATTERN,
    MONTHS,
    act_kind,
)
from .model import ActReference
from .references import NUMBER
from .spacy_kk import blank_kazakh

#: How far (in tokens) a kind word may follow the date or number it belongs to: a
#: commencement clause in brackets can stand between them.
MAX_GAP = 40
_REGISTRATION = re.compile(CITED_REGISTRATION_PATTERN, re.IGNORECASE)
_QUICK_FILTER = re.compile(r"\d{4}|№|(?<!\w)N\s?\d")
_TITLE_BEFORE = re.compile(r"[«\"]([^«»\"]{3,300})[»\"]\s*$")
_TITLE_INSIDE = re.compile(r"[«\"]([^«»\"]{3,300})[»\"]")
_ISSUER_STOP = {"туралы", "және", "сәйкес", "осы", "мен", "бен", "пен", "бойынша"}


@dataclass
class Citation:
    start: int
    end: int
    text: str
    reference: ActReference
    registration_number: str | None = None
    title: str | None = None
    provision: str | None = None
    parts: list[str] = field(default_factory=list)  # matched part labels, for debugging


def _patterns() -> dict[str, list[list[dict]]]:
    months = "|".join(sorted(MONTHS, key=len, reverse=True))
    return {
        "DATE": [
            [
                {"TEXT": {"REGEX": r"^\d{4}$"}},
                {"LOWER": {"IN": ["жылғы", "жылы"]}},
                {"TEXT": {"REGEX": r"^\d{1,2}$"}},
                {"LOWER": {"REGEX": rf"^({months})"}},
            ],
            [{"TEXT": {"REGEX": r"^(\d{4}\.\d{1,2}\.\d{1,2}\.?|\d{1,2}\.\d{1,2}\.\d{4})$"}}],
        ],
        "NUMBER": [
            [{"ORTH": {"IN": ["№", "N"]}}, {"TEXT": {"REGEX": r"^(\d+[\w/.-]*|ҚР)$"}}, {"TEXT": {"REGEX": r"^[А-ЯӘҒҚҢӨҰҮҺІA-Z]{2,}-\d+(/\d+)?$"}, "OP": "?"}],
            [{"TEXT": {"REGEX": r"^№\d+[\w/-]*$"}}],
        ],
        "KIND": [[{"LOWER": {"REGEX": CITATION_KIND_PATTERN}}]],
        "PROVISION": [
            [{"LOWER": {"REGEX": CITED_PROVISION_PATTERN}}],
            [{"TEXT": {"REGEX": r"^\d+(-\d+)*$"}}, {"ORTH": ")"}, {"LOWER": {"REGEX": r"^тармақша"}}],
        ],
    }


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    nlp = blank_kazakh()
    matcher = Matcher(nlp.vocab)
    for label, patterns in _patterns().items():
        matcher.add(label, patterns, greedy="LONGEST")
    return matcher


def _parts(doc: Doc) -> list[tuple[str, Span]]:
    """The parts of act references in `doc`, in order, longest match first."""
    matcher = _matcher()
    parts = [(doc.vocab.strings[label], doc[start:end]) for label, start, end in matcher(doc)]
    parts.sort(key=lambda part: (part[1].start, -len(part[1])))
    kept: list[tuple[str, Span]] = []
    last_end = -1
    for label, span in parts:
        if span.start >= last_end:
            kept.append((label, span))
            last_end = span.end
    return kept


def extract_citations(text: str) -> list[Citation]:
    """Every act reference in `text` with a date or a number, in order."""
    if not _QUICK_FILTER.search(text):
        return []
    doc = blank_kazakh()(text)
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
    start_span = date_span if date_span is not None else number_span
    assert start_span is not None
    provisions = []
    while index < len(parts) and parts[index][0] == "PROVISION" and parts[index][1].start - (provisions[-1].end if provisions else kind_span.end) <= 1:
        provisions.append(parts[index][1])
        index += 1
    start, end = start_span.start_char, kind_span.end_char
    reference = ActReference(
        kind=act_kind(kind_span.text),
        kind_text=kind_span.text,
        issuer=_issuer(text[: start]),
        date=find_dates(date_span.text)[0].iso if date_span is not None and find_dates(date_span.text) else None,
        number=_number(number_span.text) if number_span is not None else None,
    )
    reference.issuer_acting = bool(reference.issuer and "м.а." in reference.issuer)
    provision_text = text[provisions[0].start_char : provisions[-1].end_char] if provisions else None
    tail = text[end : end + 220]
    registration = _REGISTRATION.search(tail)
    anchor_end = (number_span or date_span).end_char
    title = _TITLE_BEFORE.search(_before_issuer(text[:start])) or _TITLE_INSIDE.search(text[anchor_end : kind_span.start_char])
    citation = Citation(
        start=start,
        end=end,
        text=text[start:end],
        reference=reference,
        registration_number=registration.group(1) if registration and "(" in tail[: registration.start() + 1] else None,
        title=title.group(1).strip() if title else None,
        provision=provision_text,
        parts=[label for label, _ in parts[first:index]],
    )
    return citation, index


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
        if not word or word.lower() in _ISSUER_STOP or word[-1] in "\"»)(:;,." and word not in ("м.а.",) or len(kept) >= 8:
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
