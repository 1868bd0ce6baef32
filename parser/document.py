"""From blocks to the act: provisions with stable keys, notes attached to the unit they
name, and the act's metadata. The last step of the pure parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import ClassVar

from .basis import Basis
from .dates import first_date, impossible_dates
from .formats import SourceFormat, format_of_text
from .header import adilet_id, stable_id
from .languages import RUSSIAN, Language
from .markdown import VersionMeta
from .references import normal_number
from .versions import derive_version_effective
from .model import Act, Amendment, CommencementException, Note, ParsedDocument, Problem, Provision
from .instructions import read_instructions
from .notes import parse_note
from .placeholders import mark_placeholders
from .publications import Publications
from .repair import join_lines
from .layout import Block, Layout
from .structure import heading_match
from .temporal import commencement_exceptions, derive_effective, is_commencement_clause, parse_commencement, units_named

CONTAINER_KINDS = ("appendix",)
_LABEL_NUMBER = re.compile(r"^(\d+)(?:-(\d+))?")


@dataclass(frozen=True)
class Place:
    """Where a block's unit goes: its key (before repeats are told apart), its parent,
    its heading, and its kind when the place changes it (a paragraph of an article is a
    part)."""

    key: str
    parent: str | None = None
    heading: str | None = None
    kind: str | None = None


class Tree:
    """Builds provisions in document order, giving each a parent and a stable key."""

    def __init__(self, lang: Language) -> None:
        self.lang = lang
        self.provisions: list[Provision] = []
        self.by_key: dict[str, Provision] = {}
        self.container_of: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.container = ""  # key prefix of the current container ("", "doc", "doc/app3")
        self.has_document = False
        self._reset_within_container()
        self._children: dict[str, int] = {}
        self._copies: dict[str, int] = {}  # next "~N" to try for a repeated key
        self._last_label: dict[tuple[str, str], str] = {}

    def _reset_within_container(self) -> None:
        self.division: str | None = None
        self.chapter: str | None = None
        self.section: str | None = None
        self.article: str | None = None
        self.paragraph: str | None = None
        self.subparagraph: str | None = None
        self.indent_owner: str | None = None
        self.list_owner: str | None = None  # the last indent that opens a list ("…:")
        self.subparagraph_parent: str | None = None  # where the last subparagraph went (in an article)
        self.table: str | None = None
        self.last_unit: str | None = None  # the last unit of an article a quoted wording follows

    @property
    def container_key(self) -> str | None:
        return self.container or None

    def add(self, block: Block, lines: list[str], text: str, raw: str, first: int, last: int, cells: list[str] | None = None) -> Provision:
        """The provision of one block: where it goes (its kind's placer, `_PLACERS`) and
        what it holds."""
        placer = self._PLACERS.get(block.kind, Tree._place_line)
        place = placer(self, block, lines, text, first)
        kind = place.kind or block.kind
        key = self._unique(place.key, first)
        provision = Provision(
            key=key,
            kind=kind,
            label=block.label,
            heading=place.heading,
            text=text,
            raw=raw,
            source_line=first,
            source_line_end=last,
            parent_key=place.parent,
            role=block.role if kind == "other" or block.role == "approved_document" else None,
            position=len(self.provisions) + 1,
            cells=cells,
            status=block.status,
        )
        if self.article and kind not in ("quote", "editorial", "other", "signature"):
            self.last_unit = key
        self.provisions.append(provision)
        self.by_key[key] = provision
        self.container_of[key] = self.container if kind not in ("title", "other", "preamble", "signature", "approval") else ""
        return provision

    def _innermost(self, *levels: str) -> str | None:
        """The first of the open units `levels` (attribute names), else the container."""
        for level in levels:
            key = getattr(self, level)
            if key:
                return key
        return self.container_key

    # --- one placer per kind of block: where its unit goes, and what it opens or closes ---

    def _place_title(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        return Place("title")

    def _place_other(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        if block.role == "part_file" and block.label:
            return Place(f"part_file-{block.label}")  # where a part file of a split act begins: one per part
        return Place(block.role or "other")

    def _place_frame(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        """The preamble, the signature, the approval stamp: one each, keyed by kind."""
        return Place(block.kind)

    def _place_appendix(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        if block.role == "approved_document":
            self.has_document, self.container = True, "doc"
            self._reset_within_container()
            return Place("doc", heading=text)
        key = _join("doc" if self.has_document else "", f"app{block.label or ''}")
        parent = "doc" if self.has_document else None
        self.container = key
        self._reset_within_container()
        return Place(key, parent, _appendix_heading(lines, self.lang))

    def _place_division(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        """"Раздел 2" / "2-бөлім": above the chapters of a code."""
        place = Place(_join(self.container, f"div{block.label}"), self.container_key, _heading_text(text, self.lang))
        self._reset_within_container()
        self.division = place.key
        return place

    def _place_chapter(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        """Keyed without its division: chapters are numbered through a code."""
        place = Place(_join(self.container, f"ch{block.label}"), self._innermost("division"), _heading_text(text, self.lang))
        division = self.division
        self._reset_within_container()
        self.division, self.chapter = division, place.key
        return place

    def _place_section(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        parent = self._innermost("chapter")
        key = _join(parent or "", f"s{block.label}")
        self.section, self.paragraph, self.subparagraph, self.indent_owner = key, None, None, None
        self.article, self.list_owner = None, None
        return Place(key, parent, _heading_text(text, self.lang))

    def _place_article(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        """Keyed without chapter or section: articles are numbered through an act."""
        place = Place(_join(self.container, f"art{block.label}"), self._innermost("section", "chapter", "division"), _heading_text(text, self.lang))
        self.article, self.paragraph, self.subparagraph, self.indent_owner = place.key, None, None, None
        self.list_owner, self.subparagraph_parent = None, None
        return place

    def _place_paragraph(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        """A numbered paragraph of an order; inside an article, a part of it."""
        if self.article:
            key = _join(self.article, f"pt{block.label}")
            self.paragraph, self.subparagraph, self.indent_owner = key, None, None
            self.list_owner, self.subparagraph_parent = None, None
            return Place(key, self.article, kind="part")
        place = Place(_join(self.container, f"p{block.label}"), self._innermost("section", "chapter"))
        self._check_sequence(self.container, "paragraph", block.label, first)
        self.paragraph, self.subparagraph, self.indent_owner, self.list_owner = place.key, None, None, None
        return place

    def _place_subparagraph(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        label = block.label
        parent = self._innermost("paragraph", "article", "section", "chapter")
        previous_parent = self.subparagraph_parent
        if self.article and previous_parent not in (None, parent) and _follows(label, self._last_label.get((previous_parent, "subparagraph"))):
            parent = previous_parent  # the list goes on under the paragraph that introduced it
        elif _join(parent or "", f"sp{label}") in self.by_key and self.list_owner:
            parent = self.list_owner  # a second list, introduced by "Ем-шаралар және манипуляциялар:"
        self.subparagraph_parent = parent
        key = _join(parent or "", f"sp{label}")
        self._check_sequence(parent or "", "subparagraph", label, first)
        self.subparagraph = key
        self.indent_owner = key if text.rstrip().endswith(":") else None
        return Place(key, parent)

    def _place_table(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        parent = self._innermost("paragraph", "article", "section", "chapter")
        key = _join(parent or "", f"t{self._next_child(parent or '', 'table')}")
        self.table = key
        return Place(key, parent)

    def _place_row(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        parent = self._innermost("table")
        return Place(_join(parent or "", f"r{self._next_child(parent or '', 'row')}"), parent)

    def _place_editorial(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        """"Примечание РЦПИ!" and its text: not law text."""
        parent = self.article
        return Place(_join(parent or "", f"ed{self._next_child(parent or '', 'editorial')}"), parent)

    def _place_quote(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        """A new or temporary wording, under what introduces it (in an article)."""
        if not self.article:
            return self._place_line(block, lines, text, first)
        parent = self.last_unit or self.article
        return Place(_join(parent, f"q{self._next_child(parent, 'quote')}"), parent)

    def _place_indent(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        if block.status != "suspending":
            return self._place_line(block, lines, text, first)
        # the act's own suspension clause: at article level
        parent = self._innermost("article", "paragraph", "section", "chapter")
        key = _join(parent or "", f"i{self._next_child(parent or '', 'indent')}")
        self.paragraph, self.subparagraph, self.indent_owner = None, None, None
        self.list_owner = key if text.rstrip().endswith(":") else None
        return Place(key, parent)

    def _place_line(self, block: Block, lines: list[str], text: str, first: int) -> Place:
        """An unnumbered line (an indent), or a quoted wording outside any article: under
        the innermost unit that is open."""
        kind = block.kind
        parent = self._innermost("indent_owner", "paragraph", "article", "section", "chapter")
        if kind == "quote":
            parent = self.paragraph or parent
        key = _join(parent or "", f"{'q' if kind == 'quote' else 'i'}{self._next_child(parent or '', kind)}")
        if kind == "indent" and text.rstrip().endswith(":") and not (self.article and self.indent_owner and parent == self.indent_owner):
            self.list_owner = key  # (in an article, not a line inside a subparagraph's own list)
        if kind == "indent" and parent == self.indent_owner and text.rstrip().endswith("."):
            self.indent_owner = None  # "… флюорография." closes the list of a subparagraph
        return Place(key, parent)

    _PLACERS: ClassVar[dict[str, Callable[[Tree, Block, list[str], str, int], Place]]] = {
        "title": _place_title,
        "other": _place_other,
        "preamble": _place_frame,
        "signature": _place_frame,
        "approval": _place_frame,
        "appendix": _place_appendix,
        "division": _place_division,
        "chapter": _place_chapter,
        "section": _place_section,
        "article": _place_article,
        "paragraph": _place_paragraph,
        "subparagraph": _place_subparagraph,
        "table": _place_table,
        "row": _place_row,
        "editorial": _place_editorial,
        "quote": _place_quote,
        "indent": _place_indent,
    }

    def _next_child(self, parent: str, kind: str) -> int:
        counter_key = f"{parent}|{kind}"
        self._children[counter_key] = self._children.get(counter_key, 0) + 1
        return self._children[counter_key]

    def _unique(self, key: str, line: int) -> str:
        if key not in self.by_key:
            return key
        copy = self._copies.get(key, 2)
        while f"{key}~{copy}" in self.by_key:
            copy += 1
        self._copies[key] = copy + 1
        self.problems.append(
            Problem("warning", "numbering_repeats", f"the unit {key} occurs again; the repeat is kept as {key}~{copy}", line)
        )
        return f"{key}~{copy}"

    def _check_sequence(self, scope: str, kind: str, label: str | None, line: int) -> None:
        """Numbering that jumps (5 after 3) is kept as printed and reported."""
        previous = self._last_label.get((scope, kind))
        if label:
            self._last_label[(scope, kind)] = label
        if not previous or not label:
            return
        now, before = _LABEL_NUMBER.match(label), _LABEL_NUMBER.match(previous)
        if not now or not before or now.group(2):
            return
        if int(now.group(1)) not in (int(before.group(1)) + 1,):
            self.problems.append(
                Problem("info", "numbering_jump", f"{kind} {label} follows {kind} {previous} in {scope or 'the order'}", line)
            )

    def resolve(self, kind: str | None, label: str | None) -> Provision | None:
        """The unit a note names, looked up in the current container first, then outwards."""
        if kind == "title":
            return self.by_key.get("title")
        if kind == "preamble":
            return self.by_key.get("preamble")
        if kind == "document":
            return self.by_key.get("doc")
        if kind is None or kind == "act":
            return None
        if kind == "paragraph" and self.article:
            kind = "part"
        scopes = _scopes(self.container)
        for scope in scopes:
            for provision in reversed(self.provisions):
                if provision.kind == kind and provision.label == label and self.container_of.get(provision.key) == scope:
                    return provision
        if kind == "appendix":
            return next((p for p in reversed(self.provisions) if p.kind == "appendix" and p.label == label), None)
        return None


def _follows(label: str | None, previous: str | None) -> bool:
    """``3`` follows ``2``, and so does an inserted ``2-1``."""
    now, before = _LABEL_NUMBER.match(label or ""), _LABEL_NUMBER.match(previous or "")
    if not now or not before:
        return False
    if now.group(2):
        return int(now.group(1)) == int(before.group(1))
    return int(now.group(1)) == int(before.group(1)) + 1


def _scopes(container: str) -> list[str]:
    """``doc/app3`` -> ``["doc/app3", "doc", ""]``."""
    scopes = [container]
    while container:
        container = container.rsplit("/", 1)[0] if "/" in container else ""
        scopes.append(container)
    return scopes


def _join(prefix: str, part: str) -> str:
    return f"{prefix}/{part}" if prefix else part


def _heading_text(text: str, lang: Language) -> str:
    """``1-тарау. Жалпы ережелер`` -> ``Жалпы ережелер``; ``Глава 3. Заключительное
    положение`` -> ``Заключительное положение`` (in the text's language)."""
    match = heading_match(text, lang)
    if not match:
        return text
    for separator in (". ", " "):
        head, found, rest = text.partition(separator)
        if found and heading_match(head + ".", lang):
            return rest.strip()
    return text


def _appendix_heading(lines: list[str], lang: Language) -> str | None:
    """The title printed under ``N-қосымша``."""
    for index, line in enumerate(lines):
        if lang.APPENDIX.match(line.strip()):
            return join_lines(lines[index + 1 :]) or None
    return None


# --- The document ------------------------------------------------------------------


def build_document(
    text: str,
    source_path: str,
    publications: Publications | None = None,
    meta: VersionMeta | None = None,
    source_format: SourceFormat | None = None,
    *,
    lang: Language,
    layout: Layout | None = None,
) -> ParsedDocument:
    """Parse the text of one act, in language `lang`. Pure: no file system, no database.
    `publications` turn publication-based dates into exact ones. `source_format` (by
    default the plain-text format the text is in) cuts the text into blocks, reads its
    requisites (the official bank's Markdown from `meta`, its ``meta.yaml``) and dates
    its version."""
    fmt = source_format or format_of_text(source_path, text)
    if layout is None:  # (a split act comes cut already: its index and part files, `parser.markdown`)
        layout = fmt.segment(text, lang)
    document = ParsedDocument(source_path=source_path, act=None)
    document.repairs.extend(layout.repairs)
    document.problems.extend(layout.problems)
    tree = Tree(lang)
    note_ordinal = 0
    for block in layout.blocks:
        lines = layout.lines[block.start : block.end]
        numbered = [(line.number, line.text) for line in lines]
        block_text, repairs, problems = fmt.block_text(numbered, block.kind)
        document.repairs.extend(repairs)
        document.problems.extend(problems)
        raw = "".join(line.raw for line in lines)
        first, last = _first_text_line(layout, block), lines[-1].number
        source_file = getattr(lines[0], "file", None)
        before = (len(document.problems), len(tree.problems))
        if block.kind == "note":
            note_ordinal += 1
            document.notes.append(_note(tree, note_ordinal, block_text, raw, first, last, document.problems, lang))
            document.notes[-1].source_file = source_file
        else:
            cells = getattr(lines[0], "cells", None)
            tree.add(block, [text for _, text in numbered], block_text, raw, first, last, cells).source_file = source_file
        if source_file:  # a part file of a split act: its line numbers count in that file
            for problem in document.problems[before[0] :] + tree.problems[before[1] :]:
                problem.message = f"{source_file}: {problem.message}"
    document.provisions = tree.provisions
    document.problems.extend(tree.problems)
    mark_placeholders(document, lang)
    document.act = _act(layout, document, source_path, meta, fmt, lang)
    document.version = fmt.date_version(document, meta)
    document.amended_act, document.instructions = read_instructions(document)
    derive_dates(document, publications or Publications())
    check_consistency(document)
    return document


def _first_text_line(layout: Layout, block: Block) -> int:
    for line in layout.lines[block.start : block.end]:
        if not line.blank:
            return line.number
    return layout.lines[block.start].number


def _note(tree: Tree, ordinal: int, text: str, raw: str, first: int, last: int, problems: list[Problem], lang: Language) -> Note:
    parsed = parse_note(text, lang)
    target = parsed.target
    found = _resolve_target(tree, target)
    before = tree.provisions[-1] if tree.provisions else None
    if parsed.action == "commencement" and before is not None and before.kind in DEFERRABLE_KINDS:
        # "### Статья 5. …" then "> *Сноска. Вводится в действие с 12.07.2026 …*": the unit
        # printed just before the note has a commencement of its own (deferred)
        found, target = before, replace(target, kind=before.kind, label=before.label, part="whole", path=[])
    for other in parsed.other_targets:
        problems.append(
            Problem("warning", "note_other_target", f"the note also names «{other}» with an action of its own; only «{target.text}» is read", first)
        )
    if target.kind == "act":
        status = "act"
    elif found is not None:
        status = "unit"
    elif target.kind is None:
        status = "unrecognized"
        problems.append(Problem("warning", "note_target_unrecognized", f"the note does not name a unit we recognise: «{target.text}»", first))
    else:
        status = "not_found"
        problems.append(
            Problem("warning", "note_target_not_found", f"the note names «{target.text}», which is not in the text before it", first)
        )
    for amendment in parsed.amendments:
        if amendment.parse_status != "ok":
            problems.append(
                Problem(
                    "warning",
                    f"note_{amendment.parse_status}",
                    f"amending act not fully readable (date {amendment.act.date or 'missing'}, number {amendment.act.number or 'missing'}); kept verbatim: «{amendment.text}»",
                    first,
                )
            )
    printed_after = tree.provisions[-1].key if tree.provisions else None
    return Note(
        ordinal=ordinal,
        text=text,
        raw=raw,
        source_line=first,
        source_line_end=last,
        target_text=target.text or None,
        target_key=found.key if found else None,
        target_status=status,
        printed_after_key=printed_after,
        target_part=target.part,
        amendments=parsed.amendments,
    )


#: Units whose commencement a note under their heading can defer.
DEFERRABLE_KINDS = ("article", "chapter", "section", "paragraph", "part", "subparagraph")


def _resolve_target(tree: Tree, target) -> Provision | None:  # target: parser.notes.NoteTarget
    """The unit a note names: a chain of units ("пункт 2 статьи 3", "2-тарау 5-1-баппен")
    is looked up from the outermost in; an article named by the word alone ("Статья в
    редакции …") is the article the note is printed in."""
    if target.kind == "article" and target.label is None:
        return tree.by_key.get(tree.article) if tree.article else None
    if len(target.path) > 1:
        outer = tree.resolve(*target.path[0])
        for kind, label in target.path[1:]:
            if outer is None:
                break
            outer = _resolve_within(tree, outer.key, kind, label)
        if outer is not None:
            return outer
    return tree.resolve(target.kind, target.label)


def _resolve_within(tree: Tree, ancestor: str, kind: str | None, label: str | None) -> Provision | None:
    """The unit of `kind` and `label` inside the unit `ancestor` (a part of an article is
    named "пункт"/"тармақ" like an order's paragraph)."""
    kinds = (kind, "part") if kind == "paragraph" else (kind,)
    for provision in tree.provisions:
        if provision.kind in kinds and provision.label == label and _inside(tree, provision.key, ancestor):
            return provision
    return None


def _inside(tree: Tree, key: str, ancestor: str) -> bool:
    parent = tree.by_key[key].parent_key
    while parent:
        if parent == ancestor:
            return True
        parent = tree.by_key[parent].parent_key if parent in tree.by_key else None
    return False


def _act(
    layout: Layout, document: ParsedDocument, source_path: str, meta: VersionMeta | None, fmt: SourceFormat, lang: Language
) -> Act:
    """The act the text is: its requisites as the format reads them, its identity, its
    own entry into force and its status."""
    reading = fmt.read_requisites(document, meta, lang)
    requisites = reading.requisites
    reference = requisites.act if requisites else None
    kind = _act_kind(reference, meta)
    act_id, basis = _identity(document, reference, requisites, kind, source_path, reading.identity_basis)
    act = Act(
        id=act_id,
        id_basis=basis,
        title=_title(document, meta, lang),
        kind=kind,
        kind_text=reference.kind_text if reference else None,
        issuer=reference.issuer if reference else None,
        issuer_acting=reference.issuer_acting if reference else False,
        adopted_on=reference.date if reference else None,
        number=reference.number if reference else None,
        registered_on=requisites.registered_on if requisites else None,
        registration_number=requisites.registration_number if requisites else None,
        status_text=_text_of(document, "status"),
        header_text=reading.header_text,
        repeal_text=requisites.repeal_text if requisites else None,
        language=lang.CODE,
        layout=layout.name,
    )
    _own_commencement(act, document, lang)
    _status(act, document, requisites, lang, from_meta=meta is not None and bool(meta.requisite))
    _check_meta_approval(act, document, meta)
    return act


def _text_of(document: ParsedDocument, key: str) -> str | None:
    provision = next((p for p in document.provisions if p.key == key), None)
    return provision.text if provision else None


def _title(document: ParsedDocument, meta: VersionMeta | None, lang: Language) -> str | None:
    """The text's own title, else the one the bank's meta gives in the text's language."""
    title = _text_of(document, "title")
    if title is not None:
        return title
    return meta.title_in(lang.CODE) if meta else None


def _act_kind(reference, meta: VersionMeta | None) -> str | None:  # reference: ActReference | None
    """The act's kind from its requisites, else from the bank's form (which the
    requisite does not say), written back into the reference."""
    kind = reference.kind if reference else None
    if kind is None and meta is not None and meta.form in RUSSIAN.BANK_FORMS:
        kind = RUSSIAN.BANK_FORMS[meta.form]
        if reference is not None:
            reference.kind = kind
    return kind


def _identity(document: ParsedDocument, reference, requisites, kind: str | None, source_path: str, identity_basis: str | None) -> tuple[str, str]:
    """The act's id and what it rests on (and the problem when it rests on the file name)."""
    registration_number = requisites.registration_number if requisites else None
    registered_on = requisites.registered_on if requisites else None
    adopted_on, number = (reference.date, reference.number) if reference else (None, None)
    act_id, basis = _act_identity(kind, adopted_on, number, registration_number, registered_on, source_path)
    if act_id.startswith("file-"):
        document.problems.append(Problem("warning", "no_act_identity", "kind, date or number of the act not found in its header", 1))
    elif identity_basis:
        basis += f"; read from {identity_basis}"
    return act_id, basis


def _check_meta_approval(act: Act, document: ParsedDocument, meta: VersionMeta | None) -> None:
    if meta is not None and meta.approved_on and act.adopted_on and meta.approved_on != act.adopted_on:
        document.problems.append(
            Problem(
                "warning",
                "date_disagreement",
                f"the bank's meta says the act was approved on {meta.approved_on}, its requisite dates it {act.adopted_on}; the requisite is used",
                1,
            )
        )


def _act_identity(
    kind: str | None, adopted_on: str | None, number: str | None, registration_number: str | None, registered_on: str | None, source_path: str
) -> tuple[str, str]:
    """The act's id and what it rests on: the Adilet id where the registration gives
    one, else kind + date + number, else (saying so) the file name."""
    derived = adilet_id(registration_number, registered_on)
    if derived:
        return derived, f"Adilet id derived from registration № {registration_number} of {registered_on}"
    readable = stable_id(kind, adopted_on, number)
    if readable:
        return readable, "built from kind, adoption date and number (no Adilet id pattern known for this registration)"
    return "file-" + re.sub(r"[^0-9A-Za-z_-]+", "-", PurePath(source_path).stem), "built from the file name: the header gives no kind, date and number"


def _status(act: Act, document: ParsedDocument, requisites, lang: Language, from_meta: bool = False) -> None:
    repeal_notes = [n for n in document.notes if n.target_status == "act" and any(a.action == "repealed" for a in n.amendments)]
    act.status, act.status_basis = decide_status(act, lang, bool(repeal_notes), from_meta)
    if act.repeal_text and not repeal_notes and requisites and requisites.repeal:
        repeal = requisites.repeal
        commencement = requisites.repeal_commencement or _remarked_commencement(document, repeal, lang)
        document.header_amendments.append(
            Amendment(
                action="repealed",
                act=repeal,
                commencement=commencement,
                parse_status="ok" if repeal.date and repeal.number else "incomplete",
                text=act.repeal_text,
            )
        )
    # what editorial remarks announce is kept beside the requisites' repeal, as pending
    # changes with their dates (never law in force: the timeline passes over them)
    document.header_amendments.extend(remark_amendments(document, lang))


def remark_amendments(document: ParsedDocument, lang: Language) -> list[Amendment]:
    """The changes an editorial remark announces ("Примечание РЦПИ!" / "РҚАО-ның
    ескертпесі!" and the paragraph after it: "Утрачивает силу Кодексом РК от 23.11.2015
    № 414-V (вводится в действие с 01.01.2016)"): pending changes, never law in force."""
    found: list[Amendment] = []
    provisions = document.provisions
    for index, provision in enumerate(provisions):
        text = provision.text.strip()
        marker = next((m for m in lang.REMARK_MARKERS if text.startswith(m)), None)
        if marker is None:
            continue
        # the remark's words: in the same block (a unit of kind "editorial": "Примечание РЦПИ!
        # Утрачивает силу …"), or, where the text was cut into paragraphs, the next one
        words = text[len(marker) :].strip() or (provisions[index + 1].text if index + 1 < len(provisions) else "")
        parsed = parse_note(words, lang)
        found += [a for a in parsed.amendments if a.action.startswith("pending_")]
    return found


def _remarked_commencement(document: ParsedDocument, repeal, lang: Language):
    """The commencement of the repealing act, when an editorial remark announces the same
    repeal with it (33276: the meta's "Утратил силу Кодексом … № 414-V ЗРК" and the remark's
    "Утрачивает силу Кодексом РК от 23.11.2015 № 414-V (вводится в действие с 01.01.2016)")."""
    for amendment in remark_amendments(document, lang):
        same_number = amendment.act.number and repeal.number and normal_number(repeal.number).startswith(normal_number(amendment.act.number))
        if amendment.action == "pending_repealed" and same_number and amendment.act.date == repeal.date and amendment.commencement:
            return amendment.commencement
    return None


def decide_status(act: Act, lang: Language, repeal_noted: bool, from_meta: bool) -> tuple[str, Basis]:
    """An act's status and why: the one decision, which every page, JSON answer and CLI
    line renders (`zan.messages.basis_text`). A status line of the export says it; a
    repeal recorded in the text (requisites or a note) makes it repealed; the bank
    appends every repeal to the requisite of its meta file, so a meta whose requisite
    records none says the act is in force (unless its own term ends it); else the text
    does not say, and the term its own clause sets, if any, is named."""
    if act.status_text in lang.STATUS_LINES:
        return lang.STATUS_LINES[act.status_text], Basis("status_line", facts={"line": act.status_text})
    if act.repeal_text or repeal_noted:
        return "repealed", Basis("repeal_recorded")
    term = act.commencement.applies_until if act.commencement else None
    if from_meta and term is None:
        return "in_force", Basis("bank_requisite_no_repeal")
    return "unknown", Basis("status_not_known", parts=(Basis("term_end", dates={"until": term}),) if term else ())


def _own_commencement(act: Act, document: ParsedDocument, lang: Language) -> None:
    """The act's own entry into force: an order's last paragraph that says ``Осы бұйрық …
    қолданысқа енгізіледі``; else a law's clause wherever its structure puts it (``Настоящий
    Закон вводится в действие с 1 января 2000 года`` under "Статья 8. Порядок введения в
    действие …", an enacting law's ``Ввести в действие Уголовный кодекс … с 1 января 1998
    года, за исключением …``), with the parts it puts into force on other dates; else a
    note on the whole act that says it (``Вводится в действие с 01.01.2022 в соответствии с
    пунктом 1 статьи 2 настоящего Закона``)."""
    for provision in reversed(document.provisions):
        if provision.kind != "paragraph" or "/" in provision.key:
            continue
        own_text = provision.text.split(" ", 1)[-1]  # without the label "6."
        if is_commencement_clause(own_text, lang) and lang.squash(own_text).startswith(lang.THIS_WORD):
            act.commencement = parse_commencement(provision.text, lang)
            return
    found = _law_commencement(act, document, lang)
    if found is not None:
        provision, clause = found
        rule = parse_commencement(clause, lang)
        rule.source_key = provision.key
        rule.exceptions = commencement_exceptions(clause, lang)
        if not rule.exceptions and any(word in lang.squash(clause) for word in lang.EXCEPTIONS_ELSEWHERE):
            rule.exceptions = _exceptions_elsewhere(document, provision, lang)
        if not any(verb in lang.squash(clause) for verb in lang.ENACTING_VERBS):
            for exception in rule.exceptions:  # the act's own units: the timeline starts them later
                exception.unit_keys = [key for key in (_unit_key(document, chain) for chain in exception.units) if key]
        act.commencement = _see_article(rule, document, lang)
        return
    for note in document.notes:
        if note.target_status == "act" and note.target_text is not None and is_commencement_clause(note.text, lang) and not note.amendments:
            rule = _see_article(parse_commencement(note.text, lang), document, lang)
            if rule.rule != "unknown":
                act.commencement = rule
                return


def _ancestors(document: ParsedDocument, provision: Provision) -> list[str]:
    parents = {p.key: p.parent_key for p in document.provisions}
    chain, parent = [], provision.parent_key
    while parent:
        chain.append(parent)
        parent = parents.get(parent)
    return chain


def _unit_key(document: ParsedDocument, chain: list[tuple[str, str | None]]) -> str | None:
    """The key of the unit a chain names (article 5; part 2 of article 3), outermost first."""
    found: str | None = None
    for kind, label in chain:
        kinds = (kind, "part") if kind == "paragraph" else (kind,)
        match = next(
            (
                p
                for p in document.provisions
                if p.kind in kinds and p.label == label and (found is None or found in _ancestors(document, p))
            ),
            None,
        )
        if match is None:
            return None
        found = match.key
    return found


def _within(document: ParsedDocument, key: str) -> list[Provision]:
    """The unit and what it holds: its descendants, or, where the text's units were not
    nested under it, what is printed after it up to the next unit of its kind."""
    provisions = document.provisions
    start = next(index for index, p in enumerate(provisions) if p.key == key)
    held = [p for p in provisions if p.key == key or key in _ancestors(document, p)]
    if len(held) > 1:
        return held
    kind = provisions[start].kind
    after = []
    for provision in provisions[start + 1 :]:
        if provision.kind == kind or provision.kind in ("chapter", "section", "signature"):
            break
        after.append(provision)
    return [provisions[start], *after]


def _see_article(rule, document: ParsedDocument, lang: Language):
    """A clause that sends the reader to one of the act's own articles ("(қолданысқа
    енгізілу тәртібін 2-баптан қараңыз)") is that article's clause, when it holds one."""
    if rule.rule not in ("see_act", "unknown") or not rule.text:
        return rule
    chain = units_named(rule.text, lang)
    key = _unit_key(document, chain) if chain else None
    if key is None:
        return rule
    for provision in _within(document, key):
        clause = _clause_text(provision, lang)
        if is_commencement_clause(clause, lang):
            found = parse_commencement(clause, lang)
            if found.rule not in ("see_act", "unknown"):
                found.source_key = provision.key
                return found
    return rule


_LEADING_LABEL = re.compile(r"^\s*\d+(?:-\d+)*\s*[.)]\s*")


def _clause_text(provision: Provision, lang: Language) -> str:
    """A provision's words without its label: ``1. Настоящий Закон …`` -> ``Настоящий Закон
    …``; an article whose whole text is its heading (``Статья 1. Ввести в действие …``)
    -> its heading."""
    text = provision.text
    if provision.kind == "article":
        article = lang.ARTICLE.match(text.strip())
        if article:
            return article["heading"].lstrip(" .")
    return _LEADING_LABEL.sub("", text)


def _law_commencement(act: Act, document: ParsedDocument, lang: Language) -> tuple[Provision, str] | None:
    """The provision that puts the act itself (or the code an enacting law enacts) into
    force, and its clause: the first enacting one, else the last that names the act itself."""
    own: tuple[Provision, str] | None = None
    lead: str | None = None  # "Настоящий Конституционный закон:" before "1) вступает в силу со дня опубликования;"
    for provision in document.provisions:
        if provision.kind in ("title", "signature", "approval") or provision.role in ("requisites", "front_matter", "status"):
            continue  # (a clause the segmenter left as "other" still counts: it is printed in the act)
        clause = _clause_text(provision, lang)
        if clause.rstrip().endswith(":"):
            lead = clause if lang.squash(clause).startswith(lang.OWN_COMMENCEMENT_STARTS) and _names_this_act(clause, act, lang) else None
            continue
        if lead is not None and provision.kind == "subparagraph":
            clause = f"{lead.rstrip(' :')} {clause}"
        elif provision.kind != "subparagraph":
            lead = None
        if not is_commencement_clause(clause, lang):
            continue
        squashed = lang.squash(clause).rstrip(".;")
        if any(verb in squashed for verb in lang.ENACTING_VERBS):
            return provision, clause
        if squashed.startswith(lang.OWN_COMMENCEMENT_STARTS) and _names_this_act(clause, act, lang):
            own = (provision, clause)
    return own


def _names_this_act(clause: str, act: Act, lang: Language) -> bool:
    """``Осы Заң``, ``Настоящий Указ``, ``Настоящий Конституционный закон``: the clause's
    subject is an act of this act's kind (not ``Осы Кодекстің`` in an enacting law)."""
    words = clause.split()
    for count in (3, 2):
        kind = lang.act_kind(" ".join(words[1:count]))
        if kind is not None:
            return act.kind is None or kind == act.kind
    return False


def _exceptions_elsewhere(document: ParsedDocument, main: Provision, lang: Language) -> list:
    """The exceptions a clause says other articles set (104446: article 1 "за исключением
    положений, для которых настоящим Законом установлены иные сроки", article 4 "…
    вводятся в действие с 1 января 2000 года, … - с 1 января 2003 года, …")."""
    found = []
    for provision in document.provisions:
        if provision is main or provision.kind in ("title", "other", "signature", "approval"):
            continue
        clause = _clause_text(provision, lang)
        if not is_commencement_clause(clause, lang):
            continue
        for exception in commencement_exceptions(clause, lang) or _single_dated(clause, lang):
            exception.source_key = provision.key
            found.append(exception)
    return found


def _single_dated(clause: str, lang: Language) -> list:
    rule = parse_commencement(clause, lang)
    if rule.rule != "fixed_date":
        return []
    return [CommencementException(clause, [], rule.fixed_date, clause)]


def derive_dates(document: ParsedDocument, publications: Publications) -> None:
    """Every effective date of the document, from its rule, the acts' dates and, where
    known, their publication: the act's own entry into force and each amendment's."""
    act = document.act
    if act is None:
        return
    own = publications.find(act.kind, act.adopted_on, act.number)
    act.effective = derive_effective(
        act.commencement,
        act.adopted_on,
        act.registered_on,
        own.published_on if own else None,
        own.source if own else None,
    )
    for amendment in [a for note in document.notes for a in note.amendments] + document.header_amendments:
        found = publications.find(amendment.act.kind, amendment.act.date, amendment.act.number)
        amendment.effective = derive_effective(
            amendment.commencement,
            amendment.act.date,
            None,
            found.published_on if found else None,
            found.source if found else None,
        )
    derive_version_effective(document)


def check_consistency(document: ParsedDocument) -> None:
    """Disagreements inside the source become problems; nothing is corrected."""
    act = document.act
    if act is None:
        return
    problems = document.problems
    for provision in document.provisions:
        if provision.kind == "other" and provision.role == "requisites":
            for printed in impossible_dates(provision.text):
                problems.append(
                    Problem("warning", "impossible_date", f"the header prints «{printed}», which is no calendar date; no date was read from it", provision.source_line)
                )
    for note in document.notes:
        for printed in impossible_dates(note.text):
            problems.append(Problem("warning", "impossible_date", f"the note prints «{printed}», which is no calendar date", note.source_line))
    stamp = next((p for p in document.provisions if p.kind == "approval"), None)
    if stamp is not None and act.adopted_on:
        stamp_date = first_date(stamp.text)
        if stamp_date and stamp_date.iso != act.adopted_on:
            problems.append(
                Problem(
                    "warning",
                    "date_mismatch",
                    f"the approval stamp dates the order {stamp_date.text} ({stamp_date.iso}) but its header says {act.adopted_on}",
                    stamp.source_line,
                )
            )
    for note in document.notes:
        for amendment in note.amendments:
            _check_amendment(act, amendment, note.source_line, problems)
        if any(a.commencement and a.commencement.rule == "unknown" and a.parse_status == "ok" for a in note.amendments):
            problems.append(Problem("warning", "commencement_unknown", f"commencement clause not understood; kept verbatim: «{note.text}»", note.source_line))


def _check_amendment(act: Act, amendment: Amendment, line: int, problems: list[Problem]) -> None:
    if not act.adopted_on:
        return
    if amendment.act.date and amendment.act.date < act.adopted_on:
        problems.append(
            Problem("warning", "date_order", f"the amending act is dated {amendment.act.date}, before the act itself ({act.adopted_on})", line)
        )
    effective = amendment.effective
    latest = effective.exact or effective.latest
    if latest and latest < act.adopted_on:
        problems.append(
            Problem("warning", "date_order", f"the amendment takes effect by {latest}, before the act itself was adopted ({act.adopted_on})", line)
        )
