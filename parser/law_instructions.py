"""Operative instructions of an amending *law* (issue 23, "Reading amending laws").

An amending order (seed 004) names its one target in a paragraph and lists instructions
below it; `parser.instructions` reads that. A law prints them differently, and the
structure reader cannot be trusted to nest them (a quoted "Статья 29. …" looks like an
article): this reader walks the act's units in document order as one stream of clauses,
with a little state::

    Статья 1. Внести в Закон … от 30 декабря 1998 г. "О занятости населения" … следующие изменения:
                                                   -> the act amended (one law)
    Статья 1. Внести изменения в следующие законодательные акты …:   -> several follow
    1. В Закон … от 15 июля 2002 года «О политических партиях»:       -> target 1 (omnibus)
    5. В пункте 4 статьи 19:  /  5. 19-баптың 4-тармағында:           -> a group heading
    1) в подпункте 3) слова "…" заменить словами "…";                -> art19/pt4/sp3, replace_words
    статью 9 дополнить подпунктом 4-1) следующего содержания: «…»;   -> insert art9/sp4-1
    Статья 2. Признать утратившими силу …: 1. Закон … "О туризме" …   -> repeal, one per act

Each clause with a verb is one instruction per unit it names (and per pair of words
replaced "respectively"), all with the same `clause` number: the counts a lawyer makes
are clauses. Each instruction carries the act it amends (`Instruction.act`). The words
of each language are its `LAW_INSTRUCTIONS` and the operation phrases
(`AMENDING_OPERATIONS`) of its vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .instructions import AmendedAct, Instruction, Target, _ANY_TITLE, _operation, _unquote, word_pairs
from .languages import Language, document_language
from .model import ParsedDocument
from .references import find_kind_word, read_reference

_QUOTES = '"«“„'
#: An enumerator before a clause: "1. ", "2) ".
_ENUMERATOR = re.compile(r"^\s*\d+(?:-\d+)*[.)]\s*")
_UNIT_KEYS = {"article": "art", "paragraph": "pt", "subparagraph": "sp", "part": "i", "paragraph_of_text": "i"}
_RANK = {"article": 0, "paragraph": 1, "part": 2, "subparagraph": 3, "paragraph_of_text": 4, "heading": 5, "text": 5}


@dataclass
class _Segment:
    key: str  # the provision it starts in
    text: str
    quote: bool  # a quoted new wording, not a clause


@dataclass
class _State:
    act: AmendedAct | None = None
    repealing: bool = False
    scope: list[tuple[str, str]] = field(default_factory=list)
    waiting: list[Instruction] = field(default_factory=list)  # instructions whose wording follows
    clause: int = 0
    instructions: list[Instruction] = field(default_factory=list)


def read_law_instructions(document: ParsedDocument, lang: Language | None = None) -> tuple[AmendedAct | None, list[Instruction]]:
    """The acts amended (the first one returned; each instruction carries its own) and
    the instructions of a law that amends or repeals other acts; (None, []) for any
    other text."""
    lang = lang or document_language(document)
    vocabulary = lang.LAW_INSTRUCTIONS
    units = [(provision.key, provision.text) for provision in document.provisions if provision.kind not in ("title", "signature")]
    lead_in = find_lead_in(units, lang)  # "Внести … следующие изменения:", wherever the law states it
    if lead_in is None:
        return None, []
    state = _State()
    for segment in _segments(units[lead_in:]):
        if segment.quote:
            _attach(state, segment)
        else:
            _clause(state, segment, lang, vocabulary)
    if not state.instructions:
        return None, []
    for ordinal, instruction in enumerate(state.instructions, start=1):
        instruction.ordinal = ordinal
    return state.instructions[0].act, state.instructions


# --- The stream of clauses ------------------------------------------------------------------


def _segments(units: list[tuple[str, str]]) -> list[_Segment]:
    """Clauses (cut at ``;``, ``:`` and a sentence's ``.`` outside quotes and brackets)
    and the quoted wordings that follow a colon, which may run over several units."""
    units = _joined(units)
    found: list[_Segment] = []
    open_quote: _Segment | None = None
    depth = 0
    for key, text in units:
        start = 0
        if open_quote is not None:
            end, depth = _quote_end(text, 0, depth)
            open_quote.text += "\n" + text[:end]
            if depth > 0:
                continue
            open_quote, start = None, end
        after_colon = bool(found) and not found[-1].quote and found[-1].text.rstrip().endswith(":")
        position, clause_start, brackets, quotes = start, start, 0, 0
        while position < len(text):
            char = text[position]
            if quotes == 0 and brackets == 0 and _opens(text, position) and after_colon and not text[clause_start:position].strip():
                end, depth = _quote_end(text, position, 0)
                segment = _Segment(key, text[position:end], True)
                found.append(segment)
                if depth > 0:
                    open_quote = segment
                    break
                position = clause_start = end
                after_colon = False
                continue
            depths = _nesting(text, position, quotes, brackets)
            if depths is not None:
                quotes, brackets = depths
            elif quotes == 0 and brackets == 0 and _ends_clause(text, position):
                piece = text[clause_start : position + 1]
                if piece.strip(" ;.:"):
                    found.append(_Segment(key, piece.strip(), False))
                after_colon = char == ":" or (after_colon and not piece.strip(" ;.:"))
                clause_start = position + 1
            position += 1
        else:
            piece = text[clause_start:]
            if piece.strip(" ;.:"):
                found.append(_Segment(key, piece.strip(), False))
    return found


def _joined(units: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A unit whose quoted words the source broke over a blank line (``слова "устанавливать
    им на весь период обучения`` / ``стипендии" заменить словами …``) joined with the
    unit that closes them, when one of the next two does."""
    joined: list[tuple[str, str]] = []
    index = 0
    while index < len(units):
        key, text = units[index]
        step = 1
        if index + 1 < len(units) and not text.rstrip().endswith(tuple(";.:")) and units[index + 1][1].lstrip()[:1] in _QUOTES:
            text, step = text + "\n" + units[index + 1][1], 2  # "… деген сөздер" / "«…» деген сөздермен ауыстырылсын"
        elif _unbalanced(text) and not text.rstrip().endswith(":"):
            for more in (1, 2):
                candidate = "\n".join(unit[1] for unit in units[index : index + more + 1])
                if index + more < len(units) and not _unbalanced(candidate):
                    text, step = candidate, more + 1
                    break
        joined.append((key, text))
        index += step
    return joined


def _unbalanced(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("«") != text.count("»")


def _nesting(text: str, position: int, quotes: int, brackets: int) -> tuple[int, int] | None:
    """The depth of quotes and brackets after the character at `position`, or None when
    it opens or closes neither."""
    char = text[position]
    if char in "«“„" or (char == '"' and (quotes == 0 or _straight_opens(text, position))):
        return quotes + 1, brackets
    if char in "»”" or char == '"':
        return max(0, quotes - 1), brackets
    if quotes == 0 and char == "(":
        return quotes, brackets + 1
    if quotes == 0 and char == ")" and brackets:
        return quotes, brackets - 1
    return None


def _opens(text: str, position: int) -> bool:
    return text[position] in '"«“„'


def _straight_opens(text: str, position: int) -> bool:
    """A straight quote inside another opens a nested one when a space or bracket comes
    before it: ``"О введении … Кодекса "О налогах …" (Налоговый кодекс)"``."""
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return (before.isspace() or before in "(:«") and (after.isalnum() or after in "«\"“")


def _quote_end(text: str, position: int, depth: int) -> tuple[int, int]:
    """Where the quote open at `position` (or carried over with `depth`) closes, with the
    ``;`` / ``.`` after it; (len(text), depth) when it goes on in the next unit."""
    index = position
    while index < len(text):
        char = text[index]
        if char in "«„" or (char == "“" and depth == 0) or (char == '"' and (depth == 0 or _straight_opens(text, index))):
            depth += 1
        elif char in "»”“" or char == '"':
            depth -= 1
            if depth == 0:
                end = index + 1
                while end < len(text) and text[end] in " ;.":
                    end += 1
                return end, 0
        index += 1
    return len(text), depth


def _ends_clause(text: str, position: int) -> bool:
    char = text[position]
    if char in ";:":
        return True
    if char != ".":
        return False
    after = text[position + 1 : position + 2]
    return not after or (not after.isspace() and (after.isdigit() or after.isupper()))


# --- One clause -------------------------------------------------------------------------------


def _clause(state: _State, segment: _Segment, lang: Language, vocabulary: dict) -> None:
    text = segment.text
    own = vocabulary["own_article"].match(lang.fold(text))
    if own:  # "Статья 2. …": a new article of the amending law
        text = text[own.end() :]
        state.scope, state.repealing, state.waiting = [], False, []
    text = _strip_enumerator(text, lang, vocabulary)
    if not text.strip(" ;.:"):
        return
    squashed = lang.squash(text)
    if lang.REPEAL_VERB in squashed:
        act = _cited_act(text, segment.key, lang)
        if act is not None and not text.rstrip().endswith(":"):
            _add(state, [_repeal(text, segment.key, act)])
        else:
            state.repealing = True
        return
    operation = _operation(text, lang)
    if operation is not None and operation != "repeal":
        _instructions(state, text, segment.key, operation, lang, vocabulary)
        return
    act = _cited_act(text, segment.key, lang)
    if state.repealing and act is not None:
        _add(state, [_repeal(text, segment.key, act)])
        return
    if act is not None:
        state.act, state.scope, state.waiting = act, [], []
        return
    if _introduces(text, lang):
        state.scope = []
        return
    units = _units(text, lang, vocabulary)
    if units and text.rstrip().endswith(":"):  # a group heading: "в статье 13:", "3-тармақта:"
        state.scope = _within(state.scope, units)
        state.waiting = []


def _strip_enumerator(text: str, lang: Language, vocabulary: dict) -> str:
    """``1) 3) тармақшада`` -> ``3) тармақшада``; but ``2) тармақшада`` is the unit itself
    (Kazakh prints a subparagraph's label before its word)."""
    found = _ENUMERATOR.match(text)
    if not found:
        return text
    subparagraph = dict(vocabulary["units"]).get("subparagraph")
    if subparagraph is not None and subparagraph.match(lang.fold(text.lstrip())):
        return text
    return text[found.end() :]


def find_lead_in(units: list[tuple[str, str]], lang: Language) -> int | None:
    """Where a law's instructions begin: the first unit with a clause that introduces
    changes and ends in a colon, the list of them following (``Статья 1. Внести в Закон …
    следующие изменения:``, ``… Заңына мынадай өзгерістер енгізілсін:``, or ``1. Внести …
    дополнения:`` followed by the instructions in the same unit). None for a law that only
    mentions changes to make (``Правительству … внести изменения в ранее принятые акты.``:
    no colon, nothing listed) — anywhere in the law, not only in its first units."""
    for index, (key, text) in enumerate(units):
        if not _introduces(text, lang):
            continue
        if any(not segment.quote and segment.text.rstrip().endswith(":") and _introduces(segment.text, lang) for segment in _segments([(key, text)])):
            return index
    return None


def _introduces(text: str, lang: Language) -> bool:
    squashed = lang.squash(text)
    return lang.INTRODUCING_VERB in squashed and any(word in squashed for word in lang.INTRODUCED_CHANGES)


def _cited_act(text: str, key: str, lang: Language) -> AmendedAct | None:
    """The act a clause names by kind and date: ``В Закон … от 20 октября 2008 года «Об
    Ассамблее …»``, ``«Саяси партиялар туралы» 2002 жылғы 15 шілдедегі … Заңына``."""
    text = _split_run_together(text, lang)
    blanked = _without_brackets(_without_titles(text))
    titles = list(_ANY_TITLE.finditer(text))
    start = 0
    if not lang.KIND_BEFORE_DATE:  # read from the last title before the kind word: a date before it is a publication's
        _, kind_at = _kind_position(blanked, lang)
        start = max((match.end() for match in titles if match.end() <= kind_at), default=0)
    reference = read_reference(blanked[start:], lang)
    if reference.kind is None or reference.date is None:
        return None
    year = re.search(r"\d{4}", blanked[start:])
    if not lang.KIND_BEFORE_DATE and year:  # the kind word follows the date: "… 1992 жылғы 3 шілдедегі Қаулысы"
        kind_text, kind = _last_kind_word(blanked[start:], lang, year.end())
        if kind:
            reference.kind_text, reference.kind = kind_text, kind
    title = None
    if titles:
        if lang.KIND_BEFORE_DATE:  # the title follows the date: the first quote after it
            title = titles[0]
        else:  # the title comes before the kind word: the last quote before it
            _, kind_at = _kind_position(blanked, lang)
            before = [match for match in titles if match.end() <= kind_at]
            title = before[-1] if before else titles[0]
    title_text = next(group for group in title.groups() if group is not None).strip() or None if title else None
    registration = lang.INSTRUCTION_REGISTRATION.search(text)
    return AmendedAct(reference=reference, registration_number=registration.group(1) if registration else None, title=title_text, provision_key=key)


_BRACKETS = re.compile(r"\([^()]*\)")


def _without_brackets(text: str) -> str:
    """Brackets blanked out, inner ones first: where an official source printed the act
    ("(Ведомости …, 1994 г., N 23-24 (приложение); …)") names no act, and its numbers would
    be read as the act's."""
    while True:
        blanked = _BRACKETS.sub(lambda match: " " * len(match.group(0)), text)
        if blanked == text:
            return text
        text = blanked


def _last_kind_word(text: str, lang: Language, after: int) -> tuple[str | None, str | None]:
    """The last kind word after `after`: Kazakh ends the act's name with it ("… заң күші
    бар Жарлығына": a decree having the force of law, not a law)."""
    found: tuple[str | None, str | None] = (None, None)
    while True:
        kind_text, kind = find_kind_word(text, lang, after)
        if kind_text is None:
            return found
        found = (kind_text, kind)
        after = text.find(kind_text, after) + len(kind_text)


def _kind_position(text: str, lang: Language) -> tuple[str | None, int]:
    kind_text, _ = find_kind_word(text, lang)
    return kind_text, text.find(kind_text) if kind_text else len(text)


def _split_run_together(text: str, lang: Language) -> str:
    """``РеспубликасыныңЗаңы`` -> ``Республикасының Заңы``: the source runs words together."""
    return re.sub(rf"([{lang.LOWER}])([{lang.UPPER}\d])", r"\1 \2", text)


def _without_titles(text: str) -> str:
    """Quoted titles blanked out, so a word in a title is not read as the act's kind."""
    return _ANY_TITLE.sub(lambda match: " " * len(match.group(0)), text)


def _repeal(text: str, key: str, act: AmendedAct) -> Instruction:
    return Instruction(0, key, None, "repeal", text.strip(" ;.:"), Target("act", None, None), None, "ok", act=act)


def _add(state: _State, instructions: list[Instruction]) -> None:
    state.clause += 1
    for instruction in instructions:
        instruction.clause = state.clause
    state.instructions += instructions


# --- Units ------------------------------------------------------------------------------------


def _units(text: str, lang: Language, vocabulary: dict) -> list[tuple[str, list[str]]]:
    """The units a clause names, outermost first: ``подпункт 46) пункта 1 статьи 9`` ->
    [("article", ["9"]), ("paragraph", ["1"]), ("subparagraph", ["46"])]."""
    body = re.split(r"[«\"“„]", text, maxsplit=1)[0]
    folded = lang.fold(body)
    found = []
    for kind, pattern in vocabulary["units"]:
        for match in pattern.finditer(folded):
            labels = _labels(match["labels"], vocabulary)
            found.append((_RANK[kind], match.start(), kind, labels))
    found.sort()
    seen: set[str] = set()
    units = []
    for _, _, kind, labels in found:
        if kind not in seen:
            seen.add(kind)
            units.append((kind, labels))
    return units


def _labels(text: str, vocabulary: dict) -> list[str]:
    numbers = re.findall(r"\d+(?:-\d+)*", text)
    if numbers:
        return numbers
    ordinals = vocabulary["ordinals"]
    return [str(ordinals.index(stem) + 1) for word in re.findall(r"\w+", text) for stem in ordinals if word.startswith(stem)]


def _within(scope: list[tuple[str, list[str]]], units: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The units of a clause inside the group heading over it: the heading's units that
    are outer to every unit the clause names, then the clause's."""
    if not units:
        return list(scope)
    innermost = min(_RANK[kind] for kind, _ in units)
    return [unit for unit in scope if _RANK[unit[0]] < innermost] + units


def _targets(path: list[tuple[str, list[str]]]) -> list[Target]:
    """One target per label of the innermost unit: ``пункты 2 и 3 статьи 1`` -> art1/pt2,
    art1/pt3."""
    if not path:
        return [Target("unknown", None, None)]
    prefix = "/".join(f"{_UNIT_KEYS[kind]}{labels[0]}" for kind, labels in path[:-1] if kind in _UNIT_KEYS and labels)
    kind, labels = path[-1]
    if kind in ("heading", "text"):
        return [Target(kind, None, prefix or None)]
    return [Target(kind, label, "/".join(part for part in (prefix, f"{_UNIT_KEYS[kind]}{label}") if part)) for label in labels or [None]]


def _instructions(state: _State, text: str, key: str, operation: str, lang: Language, vocabulary: dict) -> None:
    path = _within(state.scope, _units(text, lang, vocabulary))
    target_text = re.split(r"[«\"“„]", text, maxsplit=1)[0].strip(" :;.")
    respectively = vocabulary["respectively"] in lang.fold(text)
    pairs: list[tuple[str | None, str | None]] = [(None, None)]
    if operation in ("replace_words", "delete"):
        found = word_pairs(text, lang)
        if respectively and operation == "replace_words":
            quoted = [" ".join(next(g for g in match.groups() if g is not None).split()) for match in _ANY_TITLE.finditer(text)]
            half = len(quoted) // 2
            found = list(zip(quoted[:half], quoted[half:]))
        if found:
            pairs = list(found)
            if operation == "delete":
                operation = "delete_words"
    elif operation == "insert":
        found = word_pairs(text, lang)
        if len(found) >= 2:  # "после слова «X» дополнить словами «Y»": Y put after X
            operation, pairs = "insert_words", [(found[0][0], found[1][0])]
    made = [
        Instruction(
            ordinal=0,
            provision_key=key,
            quote_key=None,
            operation=operation,
            target_text=target_text,
            target=target,
            new_text=new if operation == "replace_words" else None,
            parse_status="ok" if target.kind != "unknown" and state.act is not None else "no_target",
            old_words=old,
            new_words=new,
            act=state.act,
        )
        for target in _targets(path)
        for old, new in pairs
    ]
    _add(state, made)
    state.waiting = made if operation in ("new_wording", "insert") and text.rstrip().endswith(":") else []


def _attach(state: _State, segment: _Segment) -> None:
    """The quoted wording after ``изложить в следующей редакции:``; for two units in one
    clause (``пункты 2 и 3 … изложить``), the whole quote is the first's, the rest
    share it."""
    for instruction in state.waiting:
        instruction.quote_key, instruction.new_text = segment.key, _unquote(segment.text)
    state.waiting = []
