"""Repairing what PDF extraction did to Adilet exports.

Each repair works on real damage seen in the seeds (the tests quote the lines):

- letter-spaced words, fully or partly: ``е т с і н .`` -> ``етсін.``;
  ``нег і з г і  принциптер і`` -> ``негізгі принциптері``;
- hyperlinked words moved to the end of the line, leaving a double-space gap where
  they belong: ``оңалту  бекітілсін.ережесі`` -> ``оңалту ережесі бекітілсін.``, and an
  amending act's number moved out of its note: ``2012.06.06  (…) бұйрығымен.№ 394``;
  also an abbreviation the text defines (``7.  өзіне … және КДК``), a word glued after
  a colon printed after a space (``мақсатында :БҰЙЫРАМЫН`` -> ``мақсатында БҰЙЫРАМЫН:``)
  and a word whose suffix stayed behind (``13. -ны … мамандар:КДК`` -> ``13. КДК-ны …``);
- words glued together or split in two (``сақтауминистрінің``, ``енгіз іледі``), from
  the Kazakh module's lists;
- headings split across lines: ``… қағидалары 1-`` / ``тарау. Жалпы ережелер``;
- lines joined back into one text, keeping hyphenated words whole.

A repair that is not certain is not made: the text stays as printed and a `Problem`
says where to look. Every repair made is returned as a `Repair` with its line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .languages import KAZAKH
from .model import Problem, Repair

# --- Letter spacing -------------------------------------------------------------

_GROUP_SPLIT = re.compile(r" {2,}")
_SPACED_LETTERS = re.compile(r"(?:^| )\S \S \S(?: |$)")  # three one-character pieces in a row


def unspace_letters(line: str) -> str | None:
    """The line with letter-spaced words joined, or None if it is not letter-spaced.

    Words are separated by two or more spaces and their letters by one. A line counts
    as letter-spaced when some word has at least three one-character pieces in a row;
    then every word on it is joined (``принциптер і`` -> ``принциптері``).
    """
    if not _SPACED_LETTERS.search(line):
        return None
    indent = line[: len(line) - len(line.lstrip(" "))]
    body = line.strip(" ")
    groups = _GROUP_SPLIT.split(body)
    if not any(_has_spaced_run(group.split(" ")) for group in groups):
        return None
    joined = [_join_group(group.split(" ")) for group in groups]
    return indent + " ".join(word for word in joined if word)


def _has_spaced_run(pieces: list[str], run: int = 3) -> bool:
    count = 0
    for piece in pieces:
        count = count + 1 if len(piece) == 1 else 0
        if count >= run:
            return True
    return False


def _join_group(pieces: list[str]) -> str:
    singles = sum(1 for piece in pieces if len(piece) == 1)
    if singles * 2 >= len(pieces):
        return "".join(pieces)
    # Mostly whole words: only glue stray single letters to the word before them.
    words: list[str] = []
    for piece in pieces:
        if len(piece) == 1 and words and piece.isalpha():
            words[-1] += piece
        else:
            words.append(piece)
    return " ".join(words)


# --- Moved hyperlinked words -----------------------------------------------------


@dataclass(frozen=True)
class MovedWord:
    word: str  # what was moved, e.g. "ережесі" or "№ 394"
    start: int  # where it starts in the line
    strong: bool  # glued to the text before it: surely moved


# In the last word of a line: "бекітілсін.ережесі", "БҰЙЫРАМЫН:тармағының",
# "көрсетеді (бұйрығына" (the "(" stays), "сәйкес:9-тармағына".
_GLUED_WORD = re.compile(r"[.:;(]([^\s.:;()«»\"]*[^\W\d_][^\s.:;()«»\"]*)$")
_NUMBER = re.compile(r"[\w./-]+$")
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")


def find_moved_word(line: str, weak: bool = True) -> MovedWord | None:
    """The hyperlinked word the export moved to the end of `line`, if there is one.

    Strong (surely moved): a number sign glued to the text before it (``бұйрығымен.№ 394``,
    ``он№ 954``, ``бұйрығымен№ 589``), a number alone at the end (``… өткен соң № 132``),
    a word glued after punctuation (``бекітілсін.ережесі``). Weak: a last word that the
    export links (``… тіркеу бұйрығына``), moved only when the line shows a gap for it.
    Only the last two words are looked at, so long lines cost no more than short ones.
    With `weak` False, weak candidates are not looked for.
    """
    stripped = line.rstrip()
    head, space, tail = stripped.rpartition(" ")
    if not space or not tail:
        return None
    before, _, previous = head.rstrip(" ").rpartition(" ")
    if _NUMBER.fullmatch(tail) and previous.endswith("№"):
        start = len(head.rstrip(" ")) - 1
        word = "№ " + tail
        glued = len(previous) > 1
        if glued or head.endswith("№"):
            return MovedWord(word, start, True)
    sign = tail.find("№")
    if sign >= 0 and len(tail) > sign + 1 and _NUMBER.fullmatch(tail[sign + 1 :]):
        return MovedWord(tail[sign:], len(head) + 1 + sign, True)  # "№394", "бұйрығымен№394"
    glued = _GLUED_WORD.search(tail)
    if glued:
        return MovedWord(glued.group(1), len(head) + 1 + glued.start(1), True)
    if weak and _is_linked_word(tail):
        return MovedWord(tail, len(head) + 1, False)
    return None


def _is_linked_word(word: str) -> bool:
    if KAZAKH.LINKED_ABBREVIATION.fullmatch(word):
        return True
    folded = KAZAKH.fold(word)
    return folded.startswith(KAZAKH.LINKED_WORD_STEMS) or bool(KAZAKH.LINKED_REFERENCE.match(folded))


#: A punctuation mark the moved word was glued to, printed after a space: the mark
#: belongs after the word ("мақсатында :БҰЙЫРАМЫН" -> "мақсатында БҰЙЫРАМЫН:").
_SPACED_MARK = (" :", " ;")
#: A suffix printed alone after a unit's label, its word moved away: "13. -ны бейінді".
_BARE_SUFFIX = re.compile(r"(?<= )-(?=[^\W\d_])")


def gaps_before(line: str, end: int) -> list[int]:
    """Positions of double-space gaps in `line[:end]` (not counting the indentation)."""
    return [match.start() for match in _GAP.finditer(line[:end].rstrip(" "))]


def place_moved_word(line: str, line_number: int, after_page_break: bool) -> tuple[str, list[Repair], list[Problem]]:
    """Put a moved word back into the gap it left; leave the line alone when unsure.

    The gap is a double space inside the line or, after a page break, the single space
    the line starts with (`` сәйкес жүзеге асырылады.қаулысына``).
    """
    indent = len(line) - len(line.lstrip(" "))
    # A weak candidate is moved only into a gap: on a line with none (most lines), the
    # test for one, which folds the last word, is skipped.
    may_have_gap = "  " in line.strip(" ") or (after_page_break and indent == 1)
    moved = find_moved_word(line, weak=may_have_gap)
    if moved is None:
        return line, [], []
    head = line[: moved.start].rstrip(" ")
    gaps = gaps_before(line, moved.start)
    if not gaps and line[moved.start - 2 : moved.start] == "  ":
        return line, [], []  # the word already stands right after its gap
    if len(gaps) == 1:
        position = gaps[0]
        if not moved.strong and _next_word(head, position).endswith(")"):
            return line, [], []  # "1-тармағы  3) тармақшасына": the gap holds a label, not a link
        repaired = head[:position] + " " + moved.word + " " + head[position:].lstrip(" ")
    elif not gaps and after_page_break and indent == 1 and (moved.strong or _is_word(moved.word)):
        repaired = " " + moved.word + " " + head.lstrip(" ")
    elif not gaps and moved.strong and line[moved.start - 2 : moved.start] in _SPACED_MARK:
        repaired = line[: moved.start - 2] + " " + moved.word + line[moved.start - 1]
    elif not gaps and moved.strong and len(_BARE_SUFFIX.findall(head)) == 1:
        suffix = _BARE_SUFFIX.search(head)
        assert suffix is not None
        repaired = head[: suffix.start()] + moved.word + head[suffix.start() :].rstrip(" :") + ":" * head.rstrip().endswith(":")
    elif len(gaps) > 1:
        problem = Problem(
            "warning",
            "uncertain_repair",
            f"'{moved.word}' looks moved to the end of the line by the export, but the line has "
            f"{len(gaps)} gaps it could belong to; kept as printed.",
            line_number,
        )
        return line, [], [problem]
    elif moved.strong and not line[: moved.start].endswith((" ", "(")):
        problem = Problem(
            "info",
            "uncertain_repair",
            f"'{moved.word}' looks moved to the end of the line by the export, but no gap was found; kept as printed.",
            line_number,
        )
        return line, [], [problem]
    else:
        return line, [], []
    return repaired, [Repair("moved_word", line_number, line.strip(), repaired.strip())], []


def _is_word(token: str) -> bool:
    return sum(1 for char in token if char.isalpha()) >= 3


def _next_word(text: str, position: int) -> str:
    rest = text[position:].lstrip(" ")
    return rest.split(" ", 1)[0] if rest else ""


# --- Glued and split words ----------------------------------------------------------


def rejoin_words(line: str, line_number: int) -> tuple[str, list[Repair]]:
    """The line with the words the export glued together parted (``сақтауминистрінің``)
    and the words it split in two joined (``енгіз іледі``), from the Kazakh module's lists."""
    fixed = KAZAKH.GLUED_WORD_STEMS.sub(" ", line)
    for split, whole in KAZAKH.SPLIT_WORDS.items():
        if split in fixed:
            fixed = fixed.replace(split, whole)
    if fixed == line:
        return line, []
    return fixed, [Repair("rejoined_word", line_number, line.strip(), fixed.strip())]


# --- Joining lines ----------------------------------------------------------------

_HYPHEN_END = re.compile(r"[^\W_]-$")
_NUMBERED_LINE = re.compile(r"^\s?\d+(?:-\d+)*[.)]\s")
_SPACES = re.compile(r"[ \t\u00a0]+")


def join_lines(lines: list[str], keep_paragraphs: bool = False) -> str:
    """Join printed lines into one text: one space between them, none inside hyphenated
    words (``1-`` + ``тармағының`` -> ``1-тармағының``) or after an opening bracket.
    With `keep_paragraphs`, a blank line becomes a line break (quoted new wordings keep
    their paragraphs for the instruction parser)."""
    if keep_paragraphs:
        paragraphs: list[list[str]] = [[]]
        for line in lines:
            if _NUMBERED_LINE.match(line) and paragraphs[-1]:
                paragraphs.append([])  # "7) …" starts an item even without a blank line before it
            if line.strip():
                paragraphs[-1].append(line)
            elif paragraphs[-1]:
                paragraphs.append([])
        return "\n".join(join_lines(paragraph) for paragraph in paragraphs if paragraph)
    pieces: list[str] = []
    for line in lines:
        piece = line.strip()
        if not piece:
            continue
        if pieces and not _joins_tightly(pieces[-1], piece):
            pieces.append(" ")
        pieces.append(piece)
    return _SPACES.sub(" ", "".join(pieces)).strip()


def _joins_tightly(previous: str, piece: str) -> bool:
    """No space between two printed lines: a hyphenated word (``1-`` + ``тармағының``),
    after an opening bracket, before closing punctuation."""
    return bool(_HYPHEN_END.search(previous[-2:])) or previous.endswith("(") or piece[0] in ",.;:)»"


def repair_block(lines: list[tuple[int, str]], keep_paragraphs: bool = False) -> tuple[str, list[Repair], list[Problem]]:
    """Repaired text of a block of printed lines ``(line_number, text)``: moved words put
    back line by line, then the lines joined."""
    repaired_lines: list[str] = []
    repairs: list[Repair] = []
    problems: list[Problem] = []
    previous_blank = False
    for number, line in lines:
        if not line.strip():
            previous_blank = True
            if keep_paragraphs:
                repaired_lines.append("")
            continue
        after_page_break = previous_blank and bool(repaired_lines)  # not the unit's own first line
        line, glue_repairs = rejoin_words(line.rstrip(), number)
        fixed, line_repairs, line_problems = place_moved_word(line, number, after_page_break)
        line_repairs = glue_repairs + line_repairs
        repaired_lines.append(fixed)
        repairs += line_repairs
        problems += line_problems
        previous_blank = False
    return join_lines(repaired_lines, keep_paragraphs), repairs, problems
