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

Beside new wording and insertion, the official phrasing of the other operations::

    3-тармақ алып тасталсын;                      -> delete doc/p3 (and what it holds)
    10-тармақта:                                  -> from here on: in paragraph 10
    5) тармақша алынып тасталсын;                 -> delete doc/p10/sp5
    10-тармақтың 5) тармақшасындағы «X» деген сөз «Y» деген сөздермен ауыстырылсын;
                                                  -> replace_words in doc/p10/sp5, X -> Y
    мәтін бойынша «X» деген сөздер «Y» деген сөздермен ауыстырылсын;
                                                  -> replace_words in the whole text
    17-тармақтағы «X» деген сөздер алып тасталсын; -> delete_words in doc/p17
    Қосымша осы бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын.
                                                  -> new_wording of the unnumbered appendix,
                                                     its text in the amending act's annex

and a paragraph of its own that repeals a whole act (``2. «…» … 2017 жылғы 15 мамырдағы
№ 17-42-3.3.7 бұйрығының күші жойылды деп танылсын``), read when the act makes no other
change.

The target act usually is not in the corpus: the instruction keeps its citation (kind,
date, number, registration number, title) and is linked when the act is added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .languages import Language, document_language
from .model import ActReference, ParsedDocument, Provision
from .references import read_reference

_TITLE = re.compile(r"«([^»]*)»")
_LABELS = re.compile(r"(\d+(?:-\d+)*)")


@dataclass
class Target:
    #: preamble, paragraph, subparagraph, row, appendix, chapter, title, unknown; "text"
    #: for the whole text (of the unit `key`, or of the act when `key` is None); "act"
    #: for the act itself (a repeal)
    kind: str
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
    new_text: str | None  # the new wording; for replace_words, the new words
    parse_status: str  # ok | no_target | no_operation
    #: replace_words / delete_words: the words as quoted (new_words "" when deleted)
    old_words: str | None = None
    new_words: str | None = None
    #: new_wording whose text is the amending act's own annex, not a quote
    new_text_in_annex: bool = False


@dataclass
class AmendedAct:
    """The act an amending act changes, as it cites it."""

    reference: ActReference
    registration_number: str | None
    title: str | None
    provision_key: str


def read_instructions(document: ParsedDocument, lang: Language | None = None) -> tuple[AmendedAct | None, list[Instruction]]:
    """The act amended and the instructions, from the paragraph that says ``… енгізілсін:``
    / ``Внести в … следующие изменения:``. The instructions are read from its lines below
    it, or, when the text prints them inside the same paragraph (the 1995 decree 4013:
    ``… енгiзiлсiн: 34-бап … толықтырылсын: "…"; 35, 36, 37-баптар алынып тасталсын.``),
    from its sentences."""
    lang = lang or document_language(document)
    by_parent: dict[str | None, list[Provision]] = {}
    for provision in document.provisions:
        by_parent.setdefault(provision.parent_key, []).append(provision)
    for paragraph in by_parent.get(None, []):
        if paragraph.kind == "paragraph" and _introduces_changes(paragraph.text, lang):
            children = by_parent.get(paragraph.key, [])
            inline = _inline_instructions(paragraph, children, lang)
            if inline is not None:
                return _amended_act(paragraph, lang), _instructions(inline, "", lang)
            return _amended_act(paragraph, lang), _instructions(children, "", lang)
    return None, []


def _inline_instructions(paragraph: Provision, children: list[Provision], lang: Language) -> list[Provision] | None:
    """The instructions a paragraph prints after its own colon (and its children go on),
    cut into one unit per sentence and per quoted wording, each keeping the key of the
    provision it is printed in; None when the paragraph stops at its colon."""
    head, colon, tail = paragraph.text.partition(":")
    if not colon or not tail.strip() or _operation(tail, lang) is None:
        return None
    pieces: list[Provision] = []
    for provision, text in [(paragraph, tail)] + [(child, child.text) for child in children]:
        after_colon = bool(pieces) and pieces[-1].kind != "quote" and pieces[-1].text.rstrip().endswith(":")
        for piece, quoted in _sentences(text, after_colon):
            pieces.append(replace(provision, kind="quote" if quoted else "indent", text=piece))
    return pieces


_QUOTED_SPAN = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»|\"[^\"]*\"|“[^“”]*”")


def _sentences(text: str, after_colon: bool = False) -> list[tuple[str, bool]]:
    """``34-бап … толықтырылсын: "…"; 35, 36, 37-баптар алынып тасталсын.`` -> the
    instruction, the quote, the next instruction. A quote that names a title inside an
    instruction (``«Об охране здоровья …» Заңына``) stays in its sentence: only a quote that
    follows a colon is a new wording."""
    found: list[tuple[str, bool]] = []
    rest = text
    while rest.strip():
        quote = _QUOTED_SPAN.search(rest)
        while quote is not None and not _opens_wording(rest[: quote.start()], after_colon and not found):
            quote = _QUOTED_SPAN.search(rest, quote.end())
        before = rest[: quote.start()] if quote else rest
        found += [(sentence.strip(), False) for sentence in re.split(r"(?<=[:;.])\s+", before) if sentence.strip(" ;.")]
        if quote is None:
            break
        found.append((quote.group(0).strip(), True))
        rest = rest[quote.end() :].lstrip(" ;.")
    return found


def _opens_wording(before: str, after_colon: bool) -> bool:
    """A quote is a new wording when a colon comes right before it (in its own text or, at
    the start of a unit, at the end of the unit before)."""
    return before.rstrip().endswith(":") or (after_colon and not before.strip())


def read_repeals(document: ParsedDocument, lang: Language | None = None) -> list[tuple[AmendedAct, Instruction]]:
    """Paragraphs of their own that repeal a whole act: ``2. «…» … 2017 жылғы 15
    мамырдағы № 17-42-3.3.7 бұйрығының күші жойылды деп танылсын (… № 15262 болып
    тіркелген …)`` (137412), ``4. "…" … 2003 жылғы 20 қарашадағы N 856 бұйрығының …``
    (seed 000). Each names its own act, so they are not folded into `read_instructions`,
    whose document amends one act."""
    lang = lang or document_language(document)
    return [
        (_repealed_act(paragraph, lang), _repeal(paragraph, lang))
        for paragraph in document.provisions
        if paragraph.parent_key is None and paragraph.kind == "paragraph" and _repeals_an_act(paragraph.text, lang)
    ]


_ANY_TITLE = re.compile(r"«([^»]*)»|\"([^\"]*)\"|“([^”]*)”")


def _repeals_an_act(text: str, lang: Language) -> bool:
    """A paragraph that repeals one act it cites by date or number (not a list of acts
    below it: "Мыналардың күші жойылды деп танылсын:")."""
    if lang.REPEAL_VERB not in lang.squash(text):
        return False
    cited = _repealed_reference(text, lang)
    return cited.kind is not None and (cited.date is not None or cited.number is not None)


def _repealed_reference(text: str, lang: Language) -> ActReference:
    title = _ANY_TITLE.search(text)
    if lang.KIND_BEFORE_DATE:  # "Признать утратившим силу Закон … от 24 ноября 2020 года «О …»"
        verb = lang.INSTRUCTION_REPEAL_WORDS.search(lang.fold(text))
        start = verb.end() if verb else 0
        return read_reference(text[start : title.start() if title and title.start() > start else len(text)].split("(")[0], lang)
    after_title = text[title.end() :] if title else _LEADING_LABEL.sub("", text)
    return read_reference(after_title.split("(")[0], lang)


_LEADING_LABEL = re.compile(r"^\s*\d+(?:-\d+)*\.\s*")


def _repealed_act(paragraph: Provision, lang: Language) -> AmendedAct:
    title = _ANY_TITLE.search(paragraph.text)
    registration = re.search(lang.CITED_REGISTRATION_PATTERN, paragraph.text)  # "№ 15262" or "N 2601"
    return AmendedAct(
        reference=_repealed_reference(paragraph.text, lang),
        registration_number=registration.group(1) if registration else None,
        title=next(group for group in title.groups() if group is not None).strip() if title else None,
        provision_key=paragraph.key,
    )


def _repeal(paragraph: Provision, lang: Language) -> Instruction:
    """The whole act repealed; its target text is the sentence up to ``күші жойылды``."""
    verb = lang.INSTRUCTION_REPEAL_WORDS.search(lang.fold(paragraph.text))
    target_text = _LEADING_LABEL.sub("", paragraph.text[: verb.start()] if verb else paragraph.text).strip()
    return Instruction(
        ordinal=1,
        provision_key=paragraph.key,
        quote_key=None,
        operation="repeal",
        target_text=target_text,
        target=Target("act", None, None),
        new_text=None,
        parse_status="ok",
    )


def _introduces_changes(text: str, lang: Language) -> bool:
    squashed = lang.squash(text.partition(":")[0])
    return lang.INTRODUCING_VERB in squashed and any(word in squashed for word in lang.INTRODUCED_CHANGES)


def _amended_act(paragraph: Provision, lang: Language) -> AmendedAct:
    text = paragraph.text.partition(":")[0] if lang.INTRODUCING_VERB in lang.squash(paragraph.text.partition(":")[0]) else paragraph.text
    title = _TITLE.search(text) or _ANY_TITLE.search(text)
    if lang.KIND_BEFORE_DATE:  # "Внести в Закон Республики Казахстан от 10 января 1992 года … «Об охране …»"
        cited = text[: title.start()] if title else text.split("(")[0]
    else:
        cited = (text[title.end() :] if title else text).split("(")[0]
    registration = lang.INSTRUCTION_REGISTRATION.search(text)
    if title is not None and title.re is _ANY_TITLE:
        title_text = next(group for group in title.groups() if group is not None)
    else:
        title_text = title.group(1) if title else None
    return AmendedAct(
        reference=read_reference(cited, lang),
        registration_number=registration.group(1) if registration else None,
        title=title_text.strip() if title_text else None,
        provision_key=paragraph.key,
    )


def _instructions(children: list[Provision], scope: str, lang: Language) -> list[Instruction]:
    """`scope`: "" = the amended order itself; "doc" = its approved Rules; "doc/app2";
    "doc/p10" = paragraph 10 of the Rules. Lines naming a scope change it."""
    instructions: list[Instruction] = []
    pending: list[Instruction] = []
    for child in children:
        if child.kind == "quote":
            _attach_quote(pending, child)
            continue
        operation = _operation(child.text, lang)
        if operation is None:
            scope = _scope(child.text, scope, lang)
            pending = []
            continue
        target_text = _target_text(child.text, lang)
        targets = _targets(target_text, scope, lang)
        if _whole_text(child.text, lang):
            targets = [Target("text", None, _container(scope) or None)]
        pairs = word_pairs(child.text, lang) if operation in ("replace_words", "delete") else []
        if pairs and operation == "delete":
            operation = "delete_words"
        pending = [
            Instruction(
                ordinal=0,  # numbered below
                provision_key=child.key,
                quote_key=None,
                operation=operation,
                target_text=target_text,
                target=target,
                new_text=new if operation == "replace_words" else None,
                parse_status="ok" if target.kind != "unknown" else "no_target",
                old_words=old,
                new_words=new,
                new_text_in_annex=operation == "new_wording" and new_text_in_annex(child.text, lang),
            )
            for target in targets
            for old, new in (pairs or [(None, None)])
        ]
        pending = _renumber(pending, len(instructions))
        instructions += pending
    return instructions


def _renumber(pending: list[Instruction], before: int) -> list[Instruction]:
    for index, instruction in enumerate(pending, start=1):
        instruction.ordinal = before + index
    return pending


_QUOTED = re.compile(r"«([^«»]*(?:«[^«»]*»[^«»]*)*)»|\"([^\"]*)\"|“([^“”]*)”|„([^„“]*)“")
def word_pairs(text: str, lang: Language) -> list[tuple[str, str]]:
    """The words an instruction replaces or deletes, in order: ``«X» деген сөздер «Y»
    деген сөздермен ауыстырылсын`` -> ``[("X", "Y")]``; ``«X» деген сөз алып тасталсын``
    -> ``[("X", "")]``. Only quotes followed by ``деген сөз…`` count (a quoted title
    naming the unit does not)."""
    quoted = [
        " ".join(next(group for group in match.groups() if group is not None).split())
        for match in _QUOTED.finditer(text)
        if _words_marked(text, match, lang)
    ]
    if not quoted:
        return []
    if lang.REPLACE_VERB in lang.squash(text):
        return list(zip(quoted[0::2], quoted[1::2]))
    return [(words, "") for words in quoted]



def _words_marked(text: str, match: re.Match[str], lang: Language) -> bool:
    """The quote is words, not a title: Kazakh says so after it («X» деген сөздер), Russian
    before it (слова «X»)."""
    if lang.WORDS_MARKER_BEFORE:
        return re.search(lang.WORDS_MARKER + r"\s*$", lang.fold(text[: match.start()])) is not None
    return re.compile(r"\s*" + lang.WORDS_MARKER).match(text, match.end()) is not None


def new_text_in_annex(text: str, lang: Language) -> bool:
    """``Қосымша осы бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын``: the new wording
    is printed as the amending act's annex, not quoted in the instruction."""
    squashed = lang.squash(text)
    return any(phrase in squashed for phrase in lang.NEW_WORDING_IN_ANNEX)


def _whole_text(text: str, lang: Language) -> bool:
    """``мәтін бойынша`` / ``мәтіні бойынша``, before the quoted words."""
    head = lang.fold(text).split("«")[0].split('"')[0]
    return any(marker in head for marker in lang.WHOLE_TEXT_MARKERS)


def _container(scope: str) -> str:
    """The scope without the paragraph it may name: ``doc/p10`` -> ``doc``."""
    return re.sub(r"(?:^|/)p\d+(?:-\d+)*$", "", scope)


def _join(*parts: str) -> str:
    return "/".join(part for part in parts if part)


def _operation(text: str, lang: Language) -> str | None:
    squashed = lang.squash(text)
    return next((operation for phrase, operation in lang.AMENDING_OPERATIONS if phrase in squashed), None)


def _scope(text: str, current: str, lang: Language) -> str:
    """A line that names where the following instructions apply."""
    folded = lang.fold(text).rstrip(":").strip()
    paragraph = re.search(lang.PARAGRAPH_SCOPE, folded)
    if paragraph:
        return _join(_container(current), f"p{paragraph.group(1)}")
    appendix = lang.APPENDIX_SCOPE.search(folded)
    if appendix:
        return f"doc/app{appendix.group(1)}"
    if folded.endswith(lang.INSTRUCTION_SCOPE_ENDINGS) or lang.APPROVED_SCOPE_WORD in folded:
        return "doc"
    return current


def _target_text(text: str, lang: Language) -> str:
    """The units an instruction is about: ``1 және 2 - тармақ`` in ``1 және 2 - тармақ
    мынадай редакцияда жазылсын:``, ``1504-8 жолдармен`` in ``мынадай 1504-8 жолдармен
    толықтырылсын:``."""
    body = re.split(r"[«\"“„]", text, maxsplit=1)[0].strip(" :;.")
    after = re.search(rf"\s{lang.INSERT_AFTER_WORD}\s", lang.fold(body))
    if after:  # "6-тармақтан кейін мынадай мазмұндағы 6-1-тармақпен": the new unit
        body = body[after.end() :]
    if lang.fold(body).startswith(lang.SUCH_WORD):
        body = body[len(lang.SUCH_WORD) :]
    end = re.search(lang.INSTRUCTION_TARGET_END, lang.fold(body))
    return body[: end.start()].strip() if end else body


def _targets(target_text: str, scope: str, lang: Language) -> list[Target]:
    folded = lang.fold(target_text)
    kind = next((kind for word, kind in lang.INSTRUCTION_UNIT_WORDS if word in folded), None)
    if kind is None and lang.ROW_WORD in folded:
        kind = "row"
    if kind == "preamble":
        return [Target("preamble", None, "preamble")]
    nested = re.search(lang.NESTED_SUBPARAGRAPH, folded)
    if nested:
        paragraph, subparagraph = nested["paragraph"], nested["subparagraph"]
        return [Target("subparagraph", subparagraph, f"{_join(_container(scope), 'p' + paragraph)}/sp{subparagraph}")]
    if kind == "appendix" and re.search(lang.UNNUMBERED_APPENDIX, folded):
        return [Target("appendix", None, _join(_container(scope), "app"))]
    labels = _LABELS.findall(folded)
    if kind is None or not labels:
        return [Target(kind or "unknown", None, None)]
    return [Target(kind, label, _key(kind, label, scope)) for label in labels]


def _key(kind: str, label: str, scope: str) -> str | None:
    prefix = f"{_container(scope)}/" if _container(scope) else ""
    if kind == "paragraph":
        return f"{prefix}p{label}"
    if kind == "subparagraph":
        # "5) тармақша" names a subparagraph of the paragraph a scope line named
        return f"{scope}/sp{label}" if re.search(r"(?:^|/)p\d+(?:-\d+)*$", scope) else None
    if kind == "appendix":
        return f"doc/app{label}"
    if kind == "chapter":
        return f"{prefix}ch{label}"
    if kind == "article":
        return f"{prefix}art{label}"
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
    straight = re.fullmatch(r'(["“])(.*)(["”])\s*[;.]?', body, re.DOTALL)
    if straight:  # "…" (the 1995 decree 4013): no inner quotes of the same kind to keep
        return straight.group(2).strip()
    if body.startswith("«"):
        body = body[1:]
    closed = re.sub(r"»\s*[;.]?\s*$", "", body)
    if closed == body and "»" in body:
        cut = body.rindex("»")
        closed = body[:cut] + body[cut + 1 :]
    return closed.strip()


def parse_instruction_lines(text: str, lang: Language, scope: str = "") -> list[Instruction]:
    """Instructions from their lines alone, as point 1 of an amending order lists them
    after ``… енгізілсін:``: blocks separated by blank lines, a block that opens with «
    being the quoted new wording of the instruction before it. For instruction texts
    that are not part of a whole amending act (tests, a user's paste)."""
    children = []
    for index, block in enumerate(b.strip() for b in re.split(r"\n\s*\n", text)):
        if not block:
            continue
        kind = "quote" if block.startswith("«") else "indent"
        children.append(Provision(f"p1/{kind[0]}{index + 1}", kind, None, None, block, block + "\n", 0, 0, parent_key="p1"))
    return _instructions(children, scope, lang)
