"""Operative instructions of an amending act (seed 004, the ЗҚАИ layout).

Paragraph 1 of an amending order names the act it amends, then lists instructions, each
an unnumbered line naming units and an operation, followed by the new wording in «…»::

    1. «…» … 2022 жылғы 27 сәуірдегі № ҚР ДСМ-37 бұйрығына (… № 27833 болып тіркелген)
       мынадай өзгерістер мен толықтырулар енгізілсін:
    кіріспе мынадай редакцияда жазылсын:        -> preamble, new wording, «…»
    … қағидаларында:                             -> from here on: in the approved Rules
    1 және 2 - тармақ мынадай редакцияда жазылсын: -> doc/p1 and doc/p2, new wording
    3-1 және 3-2 тармақтары мынадай мазмұнда толықтырылсын: -> insert doc/p3-1, doc/p3-2
    көрсетілген Қағидаларға 2 – қосымша:        -> from here on: in appendix 2
    мынадай 1504-8 жолдармен толықтырылсын:      -> insert rows 1504-8 of appendix 2

The target act usually is not in the corpus: the instruction keeps its citation (kind,
date, number, registration number, title) and is linked when the act is added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .language import INSTRUCTION_OPERATIONS, INSTRUCTION_SCOPE_ENDINGS, fold, squash
from .model import ActReference, ParsedDocument, Provision
from .references import read_reference

_TITLE = re.compile(r"«([^»]*)»")
_REGISTRATION = re.compile(r"тізілімінде\s*№\s*(\d+)")
_LABELS = re.compile(r"(\d+(?:-\d+)*)")
_UNIT_WORDS = (("кіріспе", "preamble"), ("тармақша", "subparagraph"), ("тармақ", "paragraph"), ("жол", "row"), ("қосымша", "appendix"), ("тарау", "chapter"))


@dataclass
class Target:
    kind: str  # preamble, paragraph, subparagraph, row, appendix, chapter, title, unknown
    label: str | None
    key: str | None  # the unit's key in the target act (see parser.document), None if unknown


@dataclass
class Instruction:
    ordinal: int
    provision_key: str  # the instruction's own line in the amending act
    quote_key: str | None  # the quoted new wording it applies
    operation: str
    target_text: str  # the units as printed: "1 және 2 - тармақ"
    target: Target
    new_text: str | None
    parse_status: str  # ok | no_target | no_operation


@dataclass
class AmendedAct:
    """The act an amending act changes, as it cites it."""

    reference: ActReference
    registration_number: str | None
    title: str | None
    provision_key: str


def read_instructions(document: ParsedDocument) -> tuple[AmendedAct | None, list[Instruction]]:
    """The act amended and the instructions, from the paragraph that says ``… енгізілсін:``."""
    by_parent: dict[str | None, list[Provision]] = {}
    for provision in document.provisions:
        by_parent.setdefault(provision.parent_key, []).append(provision)
    for paragraph in by_parent.get(None, []):
        if paragraph.kind == "paragraph" and _introduces_changes(paragraph.text):
            return _amended_act(paragraph), _instructions(by_parent.get(paragraph.key, []))
    return None, []


def _introduces_changes(text: str) -> bool:
    squashed = squash(text)
    return "енгізілсін" in squashed and ("өзгеріс" in squashed or "толықтыру" in squashed)


def _amended_act(paragraph: Provision) -> AmendedAct:
    text = paragraph.text
    title = _TITLE.search(text)
    after_title = text[title.end() :] if title else text
    cited = after_title.split("(")[0]
    registration = _REGISTRATION.search(text)
    return AmendedAct(
        reference=read_reference(cited),
        registration_number=registration.group(1) if registration else None,
        title=title.group(1).strip() if title else None,
        provision_key=paragraph.key,
    )


def _instructions(children: list[Provision]) -> list[Instruction]:
    instructions: list[Instruction] = []
    scope = ""  # "" = the amended order itself; "doc" = its approved Rules; "doc/app2"
    pending: list[Instruction] = []
    for child in children:
        if child.kind == "quote":
            _attach_quote(pending, child)
            continue
        operation = _operation(child.text)
        if operation is None:
            scope = _scope(child.text, scope)
            pending = []
            continue
        target_text = _target_text(child.text)
        targets = _targets(target_text, scope)
        pending = [
            Instruction(
                ordinal=len(instructions) + index + 1,
                provision_key=child.key,
                quote_key=None,
                operation=operation,
                target_text=target_text,
                target=target,
                new_text=None,
                parse_status="ok" if target.kind != "unknown" else "no_target",
            )
            for index, target in enumerate(targets)
        ]
        instructions += pending
    return instructions


def _operation(text: str) -> str | None:
    squashed = squash(text)
    return next((operation for phrase, operation in INSTRUCTION_OPERATIONS if phrase in squashed), None)


def _scope(text: str, current: str) -> str:
    """A line that names where the following instructions apply."""
    folded = fold(text).rstrip(":").strip()
    appendix = re.search(r"(\d+)\s*[-–]\s*қосымша", folded)
    if appendix:
        return f"doc/app{appendix.group(1)}"
    if folded.endswith(INSTRUCTION_SCOPE_ENDINGS) or "бекітілген" in folded:
        return "doc"
    return current


_TARGET_END = re.compile(r"\s(?:мынадай|жазылсын|толықтырылсын|алып|ауыстырылсын|күші)")


def _target_text(text: str) -> str:
    """The units an instruction is about: ``1 және 2 - тармақ`` in ``1 және 2 - тармақ
    мынадай редакцияда жазылсын:``, ``1504-8 жолдармен`` in ``мынадай 1504-8 жолдармен
    толықтырылсын:``."""
    body = text.strip(" :")
    if fold(body).startswith("мынадай "):
        body = body[len("мынадай ") :]
    end = _TARGET_END.search(fold(body))
    return body[: end.start()].strip() if end else body


def _targets(target_text: str, scope: str) -> list[Target]:
    folded = fold(target_text)
    kind = next((kind for word, kind in _UNIT_WORDS if word in folded), None)
    if kind is None and "жол" in folded:
        kind = "row"
    if kind == "preamble":
        return [Target("preamble", None, "preamble")]
    labels = _LABELS.findall(folded)
    if kind is None or not labels:
        return [Target(kind or "unknown", None, None)]
    return [Target(kind, label, _key(kind, label, scope)) for label in labels]


def _key(kind: str, label: str, scope: str) -> str | None:
    prefix = f"{scope}/" if scope else ""
    if kind == "paragraph":
        return f"{prefix}p{label}"
    if kind == "appendix":
        return f"doc/app{label}"
    if kind == "chapter":
        return f"{prefix}ch{label}"
    if kind == "row":
        return scope or None  # rows of a table are not provisions: the key is the table's unit
    return None


def _attach_quote(pending: list[Instruction], quote: Provision) -> None:
    """Give each pending instruction its new wording: one quote each, or one quote split
    at the labels it starts with (``3-1 …`` / ``3.2 …``)."""
    waiting = [instruction for instruction in pending if instruction.quote_key is None]
    if not waiting:
        return
    if len(waiting) == 1 or not _splits(quote.text, waiting):
        waiting[0].quote_key, waiting[0].new_text = quote.key, _unquote(quote.text)
        return
    for instruction, piece in zip(waiting, _splits(quote.text, waiting)):
        instruction.quote_key, instruction.new_text = quote.key, piece


def _splits(text: str, waiting: list[Instruction]) -> list[str] | None:
    body = _unquote(text)
    lines = body.split("\n")
    starts = []
    for instruction in waiting:
        label = instruction.target.label or ""
        # "3-2" is printed "3.2" in seed 004's quote
        pattern = re.compile("^" + "[-.]".join(re.escape(part) for part in label.split("-")) + r"\b")
        index = next((i for i, line in enumerate(lines) if pattern.match(line)), None)
        if index is None:
            return None
        starts.append(index)
    if starts != sorted(starts):
        return None
    bounds = starts[1:] + [len(lines)]
    return ["\n".join(lines[start:end]).strip() for start, end in zip(starts, bounds)]


def _unquote(text: str) -> str:
    """The quoted wording without its «» and the ``;`` / ``.`` after them. When the
    export moved a word past the closing mark (``сәйкес :»БҰЙЫРАМЫН``), the mark goes and
    the word stays."""
    body = text.strip()
    if body.startswith("«"):
        body = body[1:]
    closed = re.sub(r"»\s*[;.]?\s*$", "", body)
    if closed == body and "»" in body:
        cut = body.rindex("»")
        closed = body[:cut] + body[cut + 1 :]
    return closed.strip()
