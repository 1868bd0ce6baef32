"""Amendment notes (`Ескерту.` / `Сноска.`): what changed, by which act, effective when.

Shape (FORMATS.md §2c): ``Ескерту. <unit> <action> - <issuer> <date> № <number>
(<commencement>) <kind, instrumental>.`` Several amending acts may share one note,
separated by ``;``. The note is always kept verbatim; what cannot be read is left
empty with parse status ``incomplete``, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .languages import LANGUAGES, Language, kk
from .model import ActReference, Amendment
from .dates import first_date
from .references import read_reference
from .temporal import is_commencement_clause, parse_commencement, term_end

_DASH = re.compile(r"\s[-–—]\s|\s[-–—](?=\S)|(?<=\S)[-–—]\s")


@cache
def _unit_pattern(lang: Language) -> re.Pattern[str]:
    """A numbered unit as a note names it: ``1-тармаққа``, ``77) тармақшасына``."""
    words = "|".join(sorted(lang.STRUCTURE_WORDS, key=len, reverse=True))
    return re.compile(r"(?P<label>\d+(?:-\d+)*)(?:\))?-?\s*(?P<word>" + words + ")")


@dataclass
class NoteTarget:
    """What a note names, before it is looked up among the provisions."""

    text: str  # as printed: "1-тармаққа", "Ереженің атауына"
    kind: str | None  # provision kind, "act", "title", "preamble", "document" or None
    label: str | None = None
    part: str = "whole"  # whole | heading


@dataclass
class ParsedNote:
    target: NoteTarget
    action: str
    amendments: list[Amendment]


def strip_marker(text: str, lang: Language = kk) -> str:
    for marker in lang.NOTE_MARKERS:
        if text.startswith(marker):
            return text[len(marker) :].strip()
    return text.strip()


@cache
def _action_patterns(lang: Language) -> list[tuple[re.Pattern[str], str]]:
    """Each action phrase as a pattern that tolerates stray spaces ("енгіз іледі")."""
    return [
        (re.compile(r"\s*".join(re.escape(ch) for ch in phrase.replace(" ", ""))), action)
        for phrase, action in lang.NOTE_ACTIONS
    ]


def find_action(text: str, lang: Language = kk) -> tuple[str, int, int] | None:
    """The note's action and where its phrase lies in `text` (tolerating stray spaces)."""
    folded = lang.fold(text)
    best: tuple[str, int, int] | None = None
    for pattern, action in _action_patterns(lang):
        match = pattern.search(folded)
        if match and (best is None or match.start() < best[1]):
            best = (action, match.start(), match.end())
    return best


def read_target(text: str, lang: Language = kk) -> NoteTarget:
    """Read the unit a note names: ``1-тармаққа`` -> paragraph 1; ``Ереженің атауына`` ->
    the approved document's heading; ``Бұйрықтың`` -> the act itself."""
    folded = lang.fold(text)
    part = "heading" if any(word in folded for word in lang.HEADING_WORDS) else "whole"
    unit = _unit_pattern(lang).search(folded)
    if unit:
        kind = lang.STRUCTURE_WORDS.get(unit["word"], "other")
        return NoteTarget(text, kind, unit["label"], part)
    first_word = folded.split(" ", 1)[0] if folded else ""
    for word, kind in lang.NOTE_TARGET_WORDS.items():
        if first_word.startswith(word):
            return NoteTarget(text, kind, None, "whole" if kind != "title" else "heading")
    if first_word.startswith(lang.APPROVED_DOCUMENT_STEMS):
        return NoteTarget(text, "document", None, part)
    if not folded.strip():
        return NoteTarget(text, "act", None, "whole")  # "Күші жойылды – …": the act itself
    return NoteTarget(text, None, None, part)


def parse_note(text: str, lang: Language = kk) -> ParsedNote:
    """Split a note into its target, its action and one `Amendment` per amending act."""
    body = strip_marker(text, lang)
    if _is_term_note(body, lang):
        # "31.12.2023 дейін қолданылады – осы бұйрықтың 4-тармағымен": the act's own term,
        # set by one of its own paragraphs; no other act is named, so there is no amendment
        return ParsedNote(NoteTarget(_before_dash(body).strip(), "act", None, "whole"), "term", [])
    found = find_action(body, lang)
    if found is None:
        target = read_target(_before_dash(body), lang)
        return ParsedNote(target, "other", [_unparsed(body)])
    action, start, end = found
    target = read_target(body[:start].strip(), lang)
    rest = body[end:]
    dash = _DASH.search(rest)
    acts_text = rest[dash.end() :] if dash else rest
    pieces = [act.strip() for piece in split_top_level(acts_text, ";") for act in _split_dated_list(piece) if act.strip()]
    amendments = [_read_amendment(action, piece, lang) for piece in pieces] or [_unparsed(body, action)]
    _share_issuer_and_kind(amendments)
    return ParsedNote(target, action, amendments)


def _is_term_note(body: str, lang: Language) -> bool:
    """A note that opens with the last day of the act's term (`temporal.term_end`)."""
    end = term_end(body, lang)
    return end is not None and end.start == 0


def _before_dash(text: str) -> str:
    dash = _DASH.search(text)
    return text[: dash.start()] if dash else text


def split_top_level(text: str, separator: str) -> list[str]:
    """Split on `separator` outside parentheses and quotes."""
    pieces, depth, current = [], 0, []
    for char in text:
        if char in "(«":
            depth += 1
        elif char in ")»" and depth:
            depth -= 1
        if char == separator and depth == 0:
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return pieces


def _split_dated_list(piece: str) -> list[str]:
    """``… министрінің 2004.05.27 N 153, 2004.08.27 N 246, 2010.09.27 N 268 (…) Бұйрықтарымен``:
    acts listed with commas, each starting with its date, are separate amending acts."""
    acts: list[str] = []
    for part in split_top_level(piece, ","):
        date = first_date(part)
        if acts and date is not None and not part[: date.start].strip():
            acts.append(part)
        elif acts:
            acts[-1] += "," + part
        else:
            acts.append(part)
    return acts


def _read_amendment(action: str, piece: str, lang: Language) -> Amendment:
    clause = _commencement_clause(piece, lang)
    without_clause = piece.replace(f"({clause})", " ") if clause else piece
    reference = read_reference(without_clause, lang)
    if clause and not _balanced(piece):
        # a truncated note keeps only the clause's tail: "министрінің соң қолданысқа енгізіледі)"
        issuer, clause = _split_issuer(clause, lang)
        reference.issuer = reference.issuer or issuer
    commencement = parse_commencement(clause, lang) if clause else None
    complete = bool(reference.date and reference.number) and _balanced(piece)
    return Amendment(
        action=action,
        act=reference,
        commencement=commencement,
        parse_status="ok" if complete else "incomplete",
        text=piece,
    )


def _commencement_clause(piece: str, lang: Language) -> str | None:
    """The parenthesised commencement clause of one amending act, if printed (or the tail
    of one whose opening bracket the source lost)."""
    for match in re.finditer(r"\(([^()]*)\)?", piece):
        inner = match.group(1)
        if is_commencement_clause(inner, lang):
            return inner.strip()
    tail = re.search(r"([^()]*)\)", piece)
    if tail and is_commencement_clause(tail.group(1), lang):
        return tail.group(1).strip()
    return None


def _split_issuer(text: str, lang: Language) -> tuple[str | None, str]:
    """``ҚР Денсаулық сақтау министрінің соң қолданысқа енгізіледі`` -> issuer, clause tail."""
    match = lang.ISSUER_HEAD.match(text)
    if not match:
        return None, text
    return match["issuer"], match["rest"]


def _balanced(text: str) -> bool:
    return text.count("(") == text.count(")")


def _unparsed(text: str, action: str = "other") -> Amendment:
    return Amendment(
        action=action,
        act=ActReference(),
        commencement=None,
        parse_status="unparsed",
        text=text,
    )


def _share_issuer_and_kind(amendments: list[Amendment]) -> None:
    """``… министрінің 30.03.2024 № 2 (…); 24.09.2024 № 4 (…) бұйрықтарымен``: the issuer is
    printed once at the start and the kind once at the end; every act in the list has them."""
    issuer = next((a.act.issuer for a in amendments if a.act.issuer), None)
    kind = next((a.act for a in reversed(amendments) if a.act.kind), None)
    for amendment in amendments:
        if amendment.parse_status == "unparsed":
            continue
        if not amendment.act.issuer and issuer and amendment.act.date:
            amendment.act.issuer = issuer
        if not amendment.act.kind and kind:
            amendment.act.kind, amendment.act.kind_text = kind.kind, kind.kind_text


#: Every language's note markers: a note is a note in whichever language it is printed.
_NOTE_MARKERS = tuple(marker for language in LANGUAGES.values() for marker in language.NOTE_MARKERS)


def is_note_start(text: str) -> bool:
    return text.lstrip().startswith(_NOTE_MARKERS)
