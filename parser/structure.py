"""Recognising the structure of an act: which lines form which unit.

The document is cut into *blocks*: each block starts at an anchor line and runs to the
next anchor, so every source line (blank ones included) belongs to exactly one block.
A block becomes a `Provision` or a `Note`. Two layouts are read:

- ``adilet_text``: the Adilet consolidated export (seeds 000–003). Units start on lines
  indented by six spaces; headings (``1-тарау.``, ``1-параграф.``, ``1-қосымша``) start at
  the margin after a blank line; wrapped lines continue at the margin.
- ``zqai_text``: the Institute of Legislation (ЗҚАИ) layout of amending orders (seed
  004). Nothing is indented; units are separated by blank lines; new wordings are quoted
  in «…» and everything inside a quote belongs to the quote, numbers included.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .languages import KAZAKH, Language, detect_language
from .layout import Block, Layout, Line, close_blocks
from .model import Problem, Repair
from .notes import is_note_start
from .repair import unspace_letters

PARAGRAPH = re.compile(r"^(?P<label>\d+(?:-\d+)*)\.(?:\s+|$)")
SUBPARAGRAPH = re.compile(r"^(?P<label>\d+(?:-\d+)*)\s?\)(?:\s+|$)")
SPLIT_HEADING = re.compile(r"^(?P<head>.*\S)\s+(?P<number>\d+)-\s*$")
SPLIT_TAIL = KAZAKH.SPLIT_HEADING_TAIL
_APPROVING_KINDS = KAZAKH.APPROVING_KINDS

#: The kinds of heading, in the order they are tried.
HEADING_KINDS = (("division", "DIVISION"), ("chapter", "CHAPTER"), ("section", "SECTION"), ("appendix", "APPENDIX"), ("article", "ARTICLE"))


# --- Lines -------------------------------------------------------------------------


def split_lines(text: str) -> tuple[list[Line], list[Repair]]:
    """Cut the text into lines and make the repairs that need only one line (letter
    spacing) or two (a heading number left at the end of the line before)."""
    raws = text.splitlines(keepends=True)
    lines: list[Line] = []
    repairs: list[Repair] = []
    for number, raw in enumerate(raws, start=1):
        printed = raw.rstrip("\r\n")
        unspaced = unspace_letters(printed)
        if unspaced is not None and unspaced.strip() != printed.strip():
            repairs.append(Repair("letter_spacing", number, printed.strip(), unspaced.strip()))
        lines.append(Line(number, raw, unspaced if unspaced is not None else printed))
    for previous, line in zip(lines, lines[1:]):
        split = SPLIT_HEADING.match(previous.text)
        if split and SPLIT_TAIL.match(line.text):
            previous.text = split["head"]
            line.text = f"{split['number']}-{line.text.lstrip()}"
            line.joined_heading = True
            repairs.append(Repair("split_heading", line.number, f"{split['number']}- / {line.stripped}", line.text))
    return lines, repairs


def detect_layout(lines: list[Line]) -> str:
    """``adilet_text`` when units are indented, ``zqai_text`` when they are not."""
    text_lines = [line for line in lines if not line.blank]
    indented = sum(1 for line in text_lines if line.indent >= 3)
    if text_lines and indented / len(text_lines) >= 0.05:
        return "adilet_text"
    return "zqai_text"


def is_operative_formula(text: str, lang: Language) -> bool:
    squashed = lang.squash(text)
    return any(lang.squash(formula) in squashed for formula in lang.OPERATIVE_FORMULAS)


@lru_cache(maxsize=16384)  # once per distinct line: every version reprints most of them
def heading_match(text: str, lang: Language) -> tuple[str, str | None] | None:
    """``("chapter", "1")`` for ``1-тарау. Жалпы ережелер``, and so on; None otherwise."""
    for kind, name in HEADING_KINDS:
        match = getattr(lang, name).match(text.strip())
        if match:
            groups = match.groupdict()
            return kind, groups.get("label") or groups.get("label2")
    return None


# --- The whole document ------------------------------------------------------------


ADILET_TEXT = "adilet_text"
ZQAI_TEXT = "zqai_text"


def segment(text: str) -> Layout:
    """Cut a plain-text document into blocks, in whichever of the two layouts its lines
    are (`detect_layout`; the format registry, `parser.formats`, makes the same choice).
    Pure: text in, `Layout` out."""
    lines, repairs = split_lines(text)
    return _segment_lines(detect_layout(lines), lines, repairs)


def segment_adilet(text: str) -> Layout:
    """Cut a text in the Adilet export's layout (indented units) into blocks."""
    return _segment_lines(ADILET_TEXT, *split_lines(text))


def segment_zqai(text: str) -> Layout:
    """Cut a text in the ЗҚАИ layout (nothing indented, units between blank lines) into blocks."""
    return _segment_lines(ZQAI_TEXT, *split_lines(text))


def is_zqai_layout(text: str) -> bool:
    """Whether a plain text is in the ЗҚАИ layout (almost no line indented)."""
    return detect_layout(split_lines(text)[0]) == ZQAI_TEXT


def _segment_lines(name: str, lines: list[Line], repairs: list[Repair]) -> Layout:
    layout = Layout(name, lines, repairs=repairs)
    body_start = _adilet_header(layout) if name == ADILET_TEXT else _zqai_header(layout)
    body_end, doc_start = _tail(layout, body_start)
    _units(layout, body_start, body_end, root=True)
    if doc_start is not None:
        _units(layout, doc_start, len(lines), root=False)
    close_blocks(layout)
    return layout


def _next_text(lines: list[Line], index: int) -> int:
    while index < len(lines) and lines[index].blank:
        index += 1
    return index


def _run_until_blank(lines: list[Line], index: int) -> int:
    while index < len(lines) and not lines[index].blank:
        index += 1
    return index


def _add(layout: Layout, start: int, kind: str, label: str | None = None, role: str | None = None) -> None:
    layout.blocks.append(Block(start, kind, label, role))


# --- Headers ------------------------------------------------------------------------


def _adilet_header(layout: Layout) -> int:
    """Title, status line, requisites, the act's own notes, the preamble. Returns where
    the order's own units begin."""
    lines = layout.lines
    index = _next_text(lines, 0)
    if index >= len(lines):
        return index
    _add(layout, index, "title")
    index = _next_text(lines, _run_until_blank(lines, index))
    if index < len(lines) and lines[index].stripped in KAZAKH.STATUS_LINES:
        _add(layout, index, "other", role="status")
        index = _next_text(lines, index + 1)
    if index < len(lines) and lines[index].indent < 3 and not is_note_start(lines[index].text):
        _add(layout, index, "other", role="requisites")
        while index < len(lines) and (lines[index].blank or lines[index].indent < 3):
            if is_note_start(lines[index].text):
                break
            index += 1
    else:
        layout.problems.append(
            Problem("warning", "no_header", "no requisites sentence after the title (issuer, date, number of the act)", lines[index].number if index < len(lines) else None)
        )
    while index < len(lines) and is_note_start(lines[index].text):
        _add(layout, index, "note")
        index = _continuation_end(lines, index + 1)
    formula = _find_formula(lines, index)
    if formula is None:
        return index
    _add(layout, index, "preamble")
    return formula + 1


def _continuation_end(lines: list[Line], index: int) -> int:
    """First line after `index` that starts a new unit in the Adilet layout."""
    while index < len(lines) and (lines[index].blank or lines[index].indent < 3):
        if is_note_start(lines[index].text) or (heading_match(lines[index].text, KAZAKH) and lines[index - 1].blank):
            break
        index += 1
    return index


def _find_formula(lines: list[Line], start: int) -> int | None:
    """The line of ``БҰЙЫРАМЫН:`` (or another operative formula) that ends the preamble,
    if it comes before the first numbered paragraph."""
    for index in range(start, len(lines)):
        line = lines[index]
        if is_operative_formula(line.text, KAZAKH):
            return index
        if PARAGRAPH.match(line.stripped) and (line.indent >= 3 or lines[index - 1].blank):
            return None
    return None


def _zqai_header(layout: Layout) -> int:
    """QR line, ministry names in two languages, requisites, title; then ``БҰЙЫРАМЫН:``."""
    lines = layout.lines
    formula = _find_formula(lines, 0)
    header_end = formula if formula is not None else _first_paragraph(lines)
    segments = _segments(lines, 0, header_end)
    requisites_started = requisites_done = False
    title_started = False
    for start, end in segments:
        text = " ".join(line.stripped for line in lines[start:end])
        squashed = KAZAKH.squash(text)
        if "qr" in squashed:
            _add(layout, start, "other", role="qr")
        elif not requisites_started and text.startswith(KAZAKH.REQUISITES_OPENING) and not squashed.endswith(KAZAKH.MINISTRY_NAME_ENDING):
            requisites_started = True
            _add(layout, start, "other", role="requisites")
            requisites_done = _ends_registration(squashed)
        elif requisites_started and not requisites_done:
            requisites_done = _ends_registration(squashed)
        elif not requisites_started:
            _add(layout, start, "other", role="ministry")
        elif _is_russian(text) and not title_started:
            _add(layout, start, "other", role="ministry_ru")
        elif not title_started:
            title_started = True
            _add(layout, start, "title")
    if not requisites_started:
        layout.problems.append(Problem("warning", "no_header", "no requisites sentence (issuer, date, number of the act) before the operative formula", 1))
        ministry = next((block for block in layout.blocks if block.role == "ministry"), None)
        if ministry is not None and not title_started:
            ministry.kind, ministry.role = "title", None  # with no requisites, the first lines are the title
    if formula is None:
        return header_end
    _add(layout, formula, "preamble")
    return formula + 1


def _ends_registration(squashed: str) -> bool:
    return any(word in squashed for word in KAZAKH.REGISTRATION_END_WORDS)


def _is_russian(text: str) -> bool:
    return detect_language(text) == "ru"


def _first_paragraph(lines: list[Line]) -> int:
    for index, line in enumerate(lines):
        if PARAGRAPH.match(line.stripped):
            return index
    return len(lines)


def _segments(lines: list[Line], start: int, end: int) -> list[tuple[int, int]]:
    """Runs of non-blank lines between `start` and `end`."""
    segments = []
    index = _next_text(lines, start)
    while index < end:
        stop = min(_run_until_blank(lines, index), end)
        segments.append((index, stop))
        index = _next_text(lines, stop)
    return segments


# --- Tail: signature, approval stamp, approved document ------------------------------


def _tail(layout: Layout, body_start: int) -> tuple[int, int | None]:
    """Find the signature, the approval stamp and the approved document's title.
    Returns where the order's own units end and where the approved document begins."""
    lines = layout.lines
    stamp_end = _find_stamp_end(lines, body_start)
    search_end = stamp_end if stamp_end is not None else len(lines)
    signature_last = _find_signature_end(lines, body_start, search_end, stamp_end is None)
    body_end = search_end
    if signature_last is not None:
        signature_start = _signature_start(lines, signature_last, body_start)
        _add(layout, signature_start, "signature")
        body_end = signature_start
    if stamp_end is None:
        return body_end, None
    stamp_start = _stamp_start(lines, signature_last, stamp_end, body_start)
    _add(layout, stamp_start, "approval")
    if signature_last is None:
        body_end = stamp_start
    title = _next_text(lines, stamp_end + 1)
    if title >= len(lines):
        return body_end, None
    _add(layout, title, "appendix", role="approved_document")
    title_end = title
    while title_end < len(lines) and not lines[title_end].blank:
        if title_end > title and heading_match(lines[title_end].text, KAZAKH):
            break
        title_end += 1
    return body_end, title_end


def _find_stamp_end(lines: list[Line], start: int) -> int | None:
    """The last line of an approval stamp: ``N 542 бұйрығымен бекітілген``."""
    for index in range(start, len(lines)):
        line = lines[index]
        words = line.stripped.rstrip(".").split(" ")
        if line.indent >= 3 or len(line.stripped) > 80 or words[-1] not in KAZAKH.APPROVAL_WORDS:
            continue
        previous = lines[index - 1].stripped if index else ""
        near = KAZAKH.squash(previous + " " + line.stripped)
        if any(kind in near for kind in _APPROVING_KINDS):
            return index
    return None


def _find_signature_end(lines: list[Line], start: int, end: int, at_document_end: bool) -> int | None:
    """The last line of the signature: a name with initials or an office, just before the
    stamp (or, with no stamp, the last line of the document)."""
    candidates = range(end - 1, start - 1, -1)
    for index in candidates:
        line = lines[index]
        if line.blank:
            continue
        if KAZAKH.SIGNATURE_END.search(line.stripped) and not PARAGRAPH.match(line.stripped):
            return index
        if at_document_end:
            return None  # with no stamp, only the very last line can end a signature
    return None


def _walk_back(lines: list[Line], last: int, floor: int, stops: Callable[[Line], bool]) -> int:
    """The first line of the run that ends at `last`: walk back over blank lines and
    lines that do not `stop` the run, never past `floor`."""
    start = last
    index = last - 1
    while index > floor:
        line = lines[index]
        if not line.blank:
            if stops(line):
                break
            start = index
        index -= 1
    return start


def _ends_sentence(line: Line) -> bool:
    return line.stripped.endswith((".", ";", ":"))


def _signature_start(lines: list[Line], last: int, floor: int) -> int:
    """Walk back from the signature's last line over lines that do not end a sentence."""

    def stops(line: Line) -> bool:
        return _ends_sentence(line) or bool(PARAGRAPH.match(line.stripped) or SUBPARAGRAPH.match(line.stripped))

    return _walk_back(lines, last, floor, stops)


def _stamp_start(lines: list[Line], signature_last: int | None, stamp_end: int, floor: int) -> int:
    if signature_last is not None:
        return _next_text(lines, signature_last + 1)
    return _walk_back(lines, stamp_end, floor, lambda line: _ends_sentence(line) or line.indent >= 3)


# --- Units -----------------------------------------------------------------------


def _units(layout: Layout, start: int, end: int, root: bool) -> None:
    """Anchor every unit between `start` and `end`: paragraphs, subparagraphs, indents,
    headings, notes and (in the ЗҚАИ layout) quoted new wordings."""
    lines = layout.lines
    zqai = layout.name == "zqai_text"
    depth = 0
    quote_start: int | None = None
    previous_blank = True
    for index in range(start, end):
        line = lines[index]
        if line.blank:
            previous_blank = True
            continue
        kind_label = None
        if depth == 0:
            kind_label = _classify_zqai(line, previous_blank) if zqai else _classify_adilet(line, lines[index - 1] if index else None)
        if kind_label:
            kind, label = kind_label
            block_start = _appendix_prefix(lines, index, start) if kind == "appendix" else index
            _add(layout, block_start, kind, label)
            if kind == "quote":
                quote_start = index
        if zqai:
            depth = max(0, depth + line.text.count("«") - line.text.count("»"))
            if depth == 0:
                quote_start = None
        previous_blank = False
    if quote_start is not None:
        layout.problems.append(
            Problem("warning", "unclosed_quote", "a quoted wording opened with « is never closed; the rest of the text is kept inside it", lines[quote_start].number)
        )


def _classify_adilet(line: Line, previous: Line | None) -> tuple[str, str | None] | None:
    text = line.stripped
    if is_note_start(text):
        return "note", None
    if line.indent >= 3:
        for kind, pattern in (("paragraph", PARAGRAPH), ("subparagraph", SUBPARAGRAPH)):
            match = pattern.match(text)
            if match:
                return kind, match["label"]
        return "indent", None
    # a heading starts after a blank line, or where the split-heading repair rejoined it
    if previous is None or previous.blank or line.joined_heading:
        return heading_match(text, KAZAKH)
    return None


def _classify_zqai(line: Line, previous_blank: bool) -> tuple[str, str | None] | None:
    if not previous_blank:
        return None
    text = line.stripped
    if text.startswith("«"):
        return "quote", None
    if is_note_start(text):
        return "note", None
    heading = heading_match(text, KAZAKH)
    if heading:
        return heading
    for kind, pattern in (("paragraph", PARAGRAPH), ("subparagraph", SUBPARAGRAPH)):
        match = pattern.match(text)
        if match:
            return kind, match["label"]
    return "indent", None


def _appendix_prefix(lines: list[Line], index: int, floor: int) -> int:
    """An appendix heading is preceded by the name of what it is appended to (``…
    жөніндегі ережеге`` / ``1-қосымша``): short margin lines that end no sentence."""

    def stops(line: Line) -> bool:
        return line.indent >= 3 or _ends_sentence(line) or line.stripped.endswith(",") or heading_match(line.text, KAZAKH) is not None

    return _walk_back(lines, index, floor, stops)
