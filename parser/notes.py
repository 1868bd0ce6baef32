"""Amendment notes (`Ескерту.` / `Сноска.`): what changed, by which act, effective when.

Shape (FORMATS.md §2c): ``Ескерту. <unit> <action> - <issuer> <date> № <number>
(<commencement>) <kind, instrumental>.`` Several amending acts may share one note,
separated by ``;``. The note is always kept verbatim; what cannot be read is left
empty with parse status ``incomplete``, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .languages import LANGUAGES, Language
from .memo import copied
from .model import ActReference, Amendment
from .dates import first_date
from .references import read_reference
from .temporal import is_commencement_clause, parse_commencement, term_end, units_named

_DASH = re.compile(r"\s[-–—]\s|\s[-–—](?=\S)|(?<=\S)[-–—]\s")


@dataclass
class NoteTarget:
    """What a note names, before it is looked up among the provisions."""

    text: str  # as printed: "1-тармаққа", "Ереженің атауына"
    kind: str | None  # provision kind, "act", "title", "preamble", "document" or None
    label: str | None = None
    part: str = "whole"  # whole | heading
    #: the chain of units named, outermost first ("пункт 2 статьи 3" -> article 3, paragraph
    #: 2); the last is (kind, label)
    path: list[tuple[str, str | None]] = field(default_factory=list)


@dataclass
class ParsedNote:
    target: NoteTarget
    action: str
    amendments: list[Amendment]
    #: the text of further units the note names with an action of their own ("Заголовок в
    #: редакции, преамбула исключена - …"): not read, and said so
    other_targets: list[str] = field(default_factory=list)


def strip_marker(text: str, lang: Language) -> str:
    for marker in lang.NOTE_MARKERS:
        if text.startswith(marker):
            return text[len(marker) :].strip()
    return text.strip()


_LETTER_AFTER = "".join(dict.fromkeys(language.LOWER for language in LANGUAGES.values()))


@cache
def _action_patterns(lang: Language) -> list[tuple[re.Pattern[str], str]]:
    """Each action phrase as a pattern that tolerates stray spaces ("енгіз іледі") and ends
    where a word ends ("исключена", not "за исключением")."""
    return [
        (re.compile(r"\s*".join(re.escape(ch) for ch in phrase.replace(" ", "")) + rf"(?![{_LETTER_AFTER}])"), action)
        for phrase, action in lang.NOTE_ACTIONS
    ]


def find_action(text: str, lang: Language) -> tuple[str, int, int] | None:
    """The note's action and where its phrase lies in `text` (tolerating stray spaces)."""
    folded = lang.fold(text)
    best: tuple[str, int, int] | None = None
    for pattern, action in _action_patterns(lang):
        match = pattern.search(folded)
        if match and (best is None or match.start() < best[1] or (match.start() == best[1] and match.end() > best[2])):
            best = (action, match.start(), match.end())
    return best


def read_target(text: str, lang: Language, inserted: str = "") -> NoteTarget:
    """Read the unit a note names: ``1-тармаққа`` -> paragraph 1; ``Ереженің атауына`` ->
    the approved document's heading; ``Бұйрықтың`` -> the act itself; ``пункт 2 статьи
    3`` -> paragraph 2 of article 3. `inserted`: the words after an insertion's verb,
    which name the new unit in Russian ("Глава 2 дополнена | статьей 5-1")."""
    folded = lang.fold(text)
    if folded.startswith(lang.NOTE_WHOLE_TEXT):
        # "По всему тексту, за исключением главы 14, слова … заменены …": words changed
        # throughout the act (part "text": every unit's wording changed then)
        return NoteTarget(text, "act", None, "text")
    part = "heading" if any(word in folded for word in lang.HEADING_WORDS) else "whole"
    path = units_named(text, lang) + units_named(inserted, lang)
    if path:
        kind, label = path[-1]
        return NoteTarget(text, kind, label, part, path)
    first_word = folded.split(" ", 1)[0] if folded else ""
    if lang.NOTE_BARE_ARTICLE and first_word.startswith(lang.NOTE_BARE_ARTICLE):
        # "Статья в редакции Закона …": the article the note is printed in
        return NoteTarget(text, "article", None, part, [("article", None)])
    for word, kind in lang.NOTE_TARGET_WORDS.items():
        if first_word.startswith(word):
            return NoteTarget(text, kind, None, "whole" if kind != "title" else "heading")
    if first_word.startswith(lang.APPROVED_DOCUMENT_STEMS):
        return NoteTarget(text, "document", None, part)
    if not folded.strip():
        return NoteTarget(text, "act", None, "whole")  # "Күші жойылды – …": the act itself
    return NoteTarget(text, None, None, part)


#: Distinct notes remembered per process: a version reprints most of its act's notes.
NOTE_MEMO = 8192


@copied(NOTE_MEMO)
def parse_note(text: str, lang: Language) -> ParsedNote:
    """Split a note into its target, its action and one `Amendment` per amending act.

    Actions can chain: ``1-бап жаңа редакцияда - ҚР 17.03.2015 № 293-V (…); өзгерістер
    енгізілді - ҚР 17.11.2015 № 408-V (…); 02.07.2018 № 165-VІ (…) заңдарымен`` — each
    amending act keeps the action printed before it (the first act its new wording, the
    next two their changes)."""
    body = strip_marker(text, lang)
    if _is_term_note(body, lang):
        # "31.12.2023 дейін қолданылады – осы бұйрықтың 4-тармағымен": the act's own term,
        # set by one of its own paragraphs; no other act is named, so there is no amendment
        return ParsedNote(NoteTarget(_before_dash(body).strip(), "act", None, "whole"), "term", [])
    if _is_own_commencement_note(body, lang):
        # "01.01.2022 бастап қолданысқа енгізіледі – осы Заңның 2-бабының 1-тармағымен",
        # "Вводится в действие с 01.01.2022 в соответствии с пунктом 1 статьи 2 настоящего
        # Закона": the act's own commencement, as one of its own articles sets it
        return ParsedNote(NoteTarget(_before_dash(body).strip(), "act", None, "whole"), "commencement", [])
    found = find_action(body, lang)
    if found is None:
        target = read_target(_before_dash(body), lang)
        return ParsedNote(target, "other", [_unparsed(body)])
    action, start, end = found
    rest = body[end:]
    dash = _DASH.search(rest)
    first = first_date(rest)
    if dash and first is not None and dash.start() > first.start:
        dash = None  # the dash of a later action ("…; өзгерістер енгізілді - …"), not this one's
    acts_text = rest[dash.end() :] if dash else rest
    inserted = _inserted_words(rest[: dash.start()] if dash else rest, lang) if action.endswith("inserted") else ""
    target = read_target(body[:start].strip(), lang, inserted)
    other_targets = _other_targets(rest[: dash.start()] if dash else "", lang)
    amendments: list[Amendment] = []
    for piece in split_top_level(acts_text, ";"):
        piece_action, piece = _chained_action(piece, lang, action)
        for act in _split_dated_list(piece):
            if act.strip():
                amendments.append(_read_amendment(piece_action, act.strip(), lang))
        action = piece_action
    amendments = amendments or [_unparsed(body, found[0])]
    _share_issuer_and_kind(amendments, lang)
    return ParsedNote(target, found[0], amendments, other_targets)


def _chained_action(piece: str, lang: Language, current: str) -> tuple[str, str]:
    """A piece of a note's list that opens with an action of its own (``өзгерістер
    енгізілді - ҚР 17.11.2015 …``, ``с изменениями, внесенными законами РК от …``): that
    action and the piece without it; else the action before and the piece as it is."""
    found = find_action(piece, lang)
    date = first_date(piece)
    if found is None or (date is not None and found[1] > date.start):
        return current, piece
    rest = piece[found[2] :]
    dash = _DASH.match(rest) or re.match(r"\s*[-–—]\s*", rest)
    return found[0], rest[dash.end() :] if dash else rest


def _inserted_words(text: str, lang: Language) -> str:
    """The words after an insertion's verb that name the new unit, up to where the act is
    named: "статьей 5-1" in "дополнена статьей 5-1 в соответствии с Законом РК …"."""
    folded = lang.fold(text)
    date = first_date(text)
    cut = date.start if date else len(text)
    for word in lang.NOTE_ACT_INTRODUCERS:
        at = folded.find(word)
        if 0 <= at < cut:
            cut = at
    return text[:cut] if lang.NOTE_ACT_INTRODUCERS else ""


def _other_targets(text: str, lang: Language) -> list[str]:
    """", преамбула исключена" in "Заголовок в редакции, преамбула исключена - …": a second
    unit with an action of its own, before the amending act."""
    found = find_action(text, lang)
    if found is None:
        return []
    return [text[: found[2]].strip(" ,;")]


def _is_own_commencement_note(body: str, lang: Language) -> bool:
    """A note that only says from when the act itself applies, by one of its own articles:
    no amending act is named, the clause points at "осы Заңның" / "настоящего Закона"."""
    if find_action(body, lang) is not None or not is_commencement_clause(body, lang):
        return False
    if read_reference(body, lang).number is not None:
        return False
    # "… осы Заңның 2-бабының 1-тармағымен", "Заң (қолданысқа енгізілу тәртібін 2-баптан қараңыз)"
    return lang.THIS_WORD in lang.fold(body) or any(word in lang.squash(body) for word in lang.SEE_ELSEWHERE_WORDS)


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


def _share_issuer_and_kind(amendments: list[Amendment], lang: Language) -> None:
    """``… министрінің 30.03.2024 № 2 (…); 24.09.2024 № 4 (…) бұйрықтарымен``: the issuer is
    printed once at the start and the kind once at the end; every act in the list has them.
    Russian prints the kind before each group (``Кодексом РК от …; законами РК от …; от …``):
    an act without one takes the kind printed before it."""
    issuer = next((a.act.issuer for a in amendments if a.act.issuer), None)
    with_kind = [a for a in amendments if a.act.kind]
    for index, amendment in enumerate(amendments):
        if amendment.parse_status == "unparsed":
            continue
        if not amendment.act.issuer and issuer and amendment.act.date:
            amendment.act.issuer = issuer
        if not amendment.act.kind and with_kind:
            before = [a for a in amendments[:index] if a.act.kind]
            after = [a for a in amendments[index + 1 :] if a.act.kind]
            if lang.KIND_BEFORE_DATE:
                source = before[-1] if before else after[0] if after else None
            else:
                source = after[0] if after else with_kind[-1]
            if source is not None:
                amendment.act.kind, amendment.act.kind_text = source.act.kind, source.act.kind_text


@lru_cache(maxsize=8)
def _note_markers(codes: tuple[str, ...]) -> tuple[str, ...]:
    """Every registered language's note markers (`codes`: the registry's, so a language
    registered later counts too): a note is a note in whichever language it is printed."""
    return tuple(marker for code in codes for marker in LANGUAGES[code].NOTE_MARKERS + LANGUAGES[code].UNMARKED_NOTE_STARTS)


def is_note_start(text: str) -> bool:
    return text.lstrip().startswith(_note_markers(tuple(LANGUAGES)))
