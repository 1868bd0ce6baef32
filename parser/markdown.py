"""Reading the Markdown layout of the official text bank (zan.gov.kz), one file per
version of an act (``kaz@2020-08-10.md``) with its requisites in a YAML sidecar
(``meta@2020-08-10.yaml``) or front matter (FORMATS.md §1.4, §2b).

What the Markdown marks, and what it becomes:

- ``# title`` -> the title; a ``##``/``###`` heading after the signature -> the approved
  document's title or an appendix's; ``### 1 тарау. …`` / ``## 2. …`` -> chapters;
- ``1\\. …`` / ``1. …`` -> paragraphs, indented ``1) …`` -> subparagraphs;
- ``**…**`` lines -> the signature; blockquotes ``> *…*`` -> notes (``Ескерту``), the
  approval stamp (``… бұйрығымен бекітілген``, ``… бұйрығына ҚОСЫМША``) or an
  agreement stamp (``«КЕЛІСІЛДІ»``);
- ``<table>`` HTML -> a table unit and one row unit per ``<tr>``, cells read with lxml;
- ``<a id="p1"></a>`` anchors, ``\\.`` escapes and emphasis are formatting, not text.

Every source line stays in a block with its raw form, as in the Adilet layouts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath, PurePosixPath
from typing import Any

import yaml
from lxml import html as lxml_html

from .languages import Language
from .layout import Block, Layout, Line, close_blocks
from .memo import copied
from .model import Problem
from .notes import is_note_start
from .structure import PARAGRAPH, SUBPARAGRAPH, heading_match, is_operative_formula
from .temporal import is_commencement_clause

LAYOUT = "zan_markdown"

_ANCHOR = re.compile(r"<a\s+id=\"[^\"]*\"\s*>\s*</a>")
_HEADING = re.compile(r"^(?P<indent>\s*)(?P<marks>#{1,6})\s+")
_QUOTE = re.compile(r"^(?P<indent>\s*)>\s?")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_FRONT_MATTER = re.compile(r"\A---\r?\n(?P<yaml>.*?)\r?\n---\r?\n", re.DOTALL)
#: ``### 1 тарау. Жалпы ережелер`` (the bank drops the hyphen) and ``## 2. Арнайы …``.


# --- Requisites beside the text ------------------------------------------------------


@dataclass
class VersionMeta:
    """The bank's record of one version: who issued the act, and what produced the version."""

    act_code: str | None = None  # the bank's document id (``137412``)
    requisite: str | None = None  # the requisites sentence, in Russian in the bank's meta
    title_kk: str | None = None
    title_ru: str | None = None
    form: str | None = None
    approved_on: str | None = None
    version_date: str | None = None
    source_url: str | None = None
    caused_by_code: str | None = None
    caused_by_requisite: str | None = None
    caused_by_title: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def title_in(self, code: str) -> str | None:
        """The title in the language `code` (``kk``, ``ru``)."""
        return {"kk": self.title_kk, "ru": self.title_ru}.get(code)


#: libyaml's parser where PyYAML was built with it (the same values, about ten times
#: faster: PyYAML's own took a third of a git corpus's build), else PyYAML's own.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str | bytes) -> Any:
    """A YAML document's values, safely (no Python objects); `yaml.YAMLError` if it is not
    YAML. Read afresh: for a document read once (`load_yaml` would only copy it)."""
    return yaml.load(text, Loader=_YAML_LOADER)


#: Distinct YAML documents remembered per process: both language texts of a version
#: read its meta file (4,212 reads of 1,497 distinct files in a 200-act git build).
YAML_MEMO = 1024


@copied(YAML_MEMO)
def load_yaml(text: str | bytes) -> Any:
    """`read_yaml`, once per distinct text (`parser.memo`): each call gets a copy of its own."""
    return read_yaml(text)


def read_version_meta(text: str, source_path: str) -> VersionMeta:
    """The fields of a ``meta.yaml``; a file that is not YAML gives a problem, not an exception."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        return VersionMeta(problems=[Problem("error", "bad_meta", f"{source_path}: not readable as YAML ({error.__class__.__name__}); the version has no requisites")])
    if not isinstance(data, dict):
        return VersionMeta(problems=[Problem("error", "bad_meta", f"{source_path}: expected a mapping of fields, found {type(data).__name__}")])
    caused_by = data.get("caused_by") if isinstance(data.get("caused_by"), dict) else {}
    return VersionMeta(
        act_code=_text(data.get("act_code")),
        requisite=_text(data.get("requisite")),
        title_kk=_by_language(data.get("title"), "kaz"),
        title_ru=_by_language(data.get("title"), "rus"),
        form=_text(data.get("form")),
        approved_on=_text(data.get("approved_on") or data.get("approval_date")),
        version_date=_by_language(data.get("version_date"), "kaz"),
        source_url=_by_language(data.get("source"), "kaz"),
        caused_by_code=_text(caused_by.get("code")),
        caused_by_requisite=_text(caused_by.get("requisite")),
        caused_by_title=_by_language(caused_by.get("title"), "kaz"),
    )


def meta_path_for(path: PurePath) -> PurePath:
    """The bank's meta file beside a version: ``kaz@2020-08-10.md`` -> ``meta@2020-08-10.yaml``,
    ``kaz.md`` -> ``meta.yaml``."""
    _, at, date = path.stem.partition("@")
    return path.with_name(f"meta{at}{date}.yaml")


def split_front_matter(text: str) -> tuple[str | None, str]:
    """``(yaml, rest)`` when the text opens with a ``---`` front matter block."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match["yaml"], text[match.end() :]


def _text(value: object) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def _by_language(value: object, language: str) -> str | None:
    """Fields the bank keeps per language (``title: {kaz: …, rus: …}``) or once."""
    if isinstance(value, dict):
        return _text(value.get(language))
    return _text(value)


# --- Lines -------------------------------------------------------------------------


@dataclass
class MarkdownLine(Line):
    heading: int = 0  # number of '#'
    quote: bool = False
    strong: bool = False  # the whole line is **bold** (a signature line)
    emphasis: bool = False  # the whole line is *italic*
    table: bool = False  # inside <table>…</table>
    cells: list[str] | None = None  # on a row's <tr> line: the row's cells
    file: str | None = None  # the part file of a split act the line is in (None: the text's own)


def markdown_lines(text: str) -> list[MarkdownLine]:
    """Cut the text into lines, each with its formatting taken off."""
    lines: list[MarkdownLine] = []
    in_table = False
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        printed = raw.rstrip("\r\n")
        if "<table" in printed:
            in_table = True
        if in_table:
            lines.append(MarkdownLine(number, raw, "", table=True))
            if "</table>" in printed:
                in_table = False
            continue
        lines.append(_clean_line(number, raw, printed))
    return lines


def _clean_line(number: int, raw: str, printed: str) -> MarkdownLine:
    text, level, quote, strong, emphasis = _cleaned(printed)
    return MarkdownLine(number, raw, text, heading=level, quote=quote, strong=strong, emphasis=emphasis)


#: Distinct lines whose cleaning is remembered per process: an act's next version
#: reprints most of its lines.
LINE_MEMO = 65536


@lru_cache(maxsize=LINE_MEMO)
def _cleaned(printed: str) -> tuple[str, int, bool, bool, bool]:
    """A line's text with its formatting taken off, its heading level, and whether it is
    quoted, wholly bold, wholly italic."""
    text = _ANCHOR.sub("", printed).rstrip()
    quote = False
    level = 0
    match = _HEADING.match(text)
    if match:
        level = len(match["marks"])
        text = text[match.end() :]
    else:
        match = _QUOTE.match(text)
        if match:
            quote = True
            text = match["indent"] + text[match.end() :]
    body = text.strip()
    strong = bool(body) and _STRONG.fullmatch(body) is not None
    emphasis = bool(body) and not strong and _EMPHASIS.fullmatch(body) is not None
    text = _EMPHASIS.sub(r"\1", _STRONG.sub(r"\1", text))
    text = _ESCAPE.sub(r"\1", text)
    if level:
        text = text.strip()
    return text, level, quote, strong, emphasis


# --- Tables --------------------------------------------------------------------------


def table_rows(source: str) -> list[list[str]]:
    """The cells of each ``<tr>`` of an HTML table, as text with spaces normalised."""
    fragment = lxml_html.fragment_fromstring(source, create_parent="div")
    rows = []
    for row in fragment.iter("tr"):
        cells = [" ".join(cell.text_content().split()) for cell in row if cell.tag in ("td", "th")]
        rows.append(cells)
    return rows


#: How a row's cells are joined into the row's text (`_fill_table`), and split again (`row_cells`).
CELL_SEPARATOR = " | "


def row_cells(text: str) -> list[str]:
    """The cells of a table row from its text (the cells joined by `CELL_SEPARATOR`):
    a row's earlier wording is held as text only."""
    return text.split(CELL_SEPARATOR)


def cell_spans(row_source: str) -> list[tuple[int, int]]:
    """The (rows, columns) each cell of a row spans (``rowspan``, ``colspan``; 1 when
    absent or not a number), from the row's source lines (its ``<tr>``)."""
    body = row_source.replace("<table>", "").replace("</table>", "")
    fragment = lxml_html.fragment_fromstring(f"<table>{body}</table>", create_parent="div")
    spans = []
    for row in fragment.iter("tr"):
        for cell in row:
            if cell.tag in ("td", "th"):
                spans.append((_span(cell.get("rowspan")), _span(cell.get("colspan"))))
        break
    return spans


def _span(value: str | None) -> int:
    return int(value) if value and value.strip().isdigit() and 0 < int(value) < 100 else 1


def _fill_table(lines: list[MarkdownLine], start: int, end: int) -> list[int]:
    """Give each ``<tr>`` line of the table its row's text (cells joined by `` | ``);
    returns the indexes of those lines. Other table lines keep no text of their own."""
    source = "".join(line.raw for line in lines[start:end])
    rows = table_rows(source)
    row_starts = [index for index in range(start, end) if "<tr" in lines[index].raw]
    if len(row_starts) != len(rows):  # rows not one to a line: the table is one unit
        lines[start].text = " / ".join(CELL_SEPARATOR.join(cells) for cells in rows)
        return []
    for index, cells in zip(row_starts, rows):
        lines[index].text = CELL_SEPARATOR.join(cells)
        lines[index].cells = cells
    return row_starts


# --- Blocks --------------------------------------------------------------------------

#: A link to a part file in the index of a split act: ``| [`ch015`](rus/ch015.md) | … |``.
PART_LINK = re.compile(r"\]\((?P<target>[^()\s]+\.md)\)")
#: The back link that opens a part file: ``↑ [Вся редакция](../rus.md)``.
_BACK_LINK = re.compile(r"^\s*↑\s*\[[^\]]*\]\(\.\./[^()\s]+\.md\)\s*$")
#: A rule of underscores between the text and a note (``____…``).
_RULE = re.compile(r"^\s*_{10,}\s*$")
#: A heading printed as a plain paragraph has a dot after its number: "Статья 1.", "1-бап .".
_PLAIN_HEADING = re.compile(r"^\S+\s+\d+(?:-\d+)*\s*\.|^\d+(?:-\d+)*\s*-\s*\S+\s*\.")
#: Quote marks that open a quoted wording (a new or temporary text of a unit).
_OPENING_QUOTES = ("«", '"')
#: The kinds of heading that organise a law or code.
STRUCTURE_KINDS = ("division", "chapter", "section", "article")


def segment_markdown(text: str, lang: Language) -> Layout:
    """Cut a Markdown version in language `lang` into blocks. Pure: text in, `Layout` out."""
    return segment_split_markdown(text, [], lang)


def segment_split_markdown(index_text: str, parts: list[tuple[str, str]], lang: Language) -> Layout:
    """Cut the index of a split act and its part files (``(display path, text)``, in the
    index's order) into the blocks of one act. Each part's lines keep their own numbers and
    name their file (`MarkdownLine.file`); each part opens with a unit of its own (role
    ``part_file``, labelled with the part's name, holding the back link)."""
    lines = markdown_lines(index_text)
    part_starts: dict[int, str] = {}
    for path, text in parts:
        part_lines = markdown_lines(text)
        for line in part_lines:
            line.file = path
        part_starts[len(lines)] = PurePosixPath(path).stem
        lines.extend(part_lines)
    layout = Layout(LAYOUT, list(lines))
    front_matter, rest = split_front_matter(index_text)
    start = 0
    if front_matter is not None:  # the requisites, read by parse_text: kept as a unit of their own
        start = (index_text[: len(index_text) - len(rest)]).count("\n")
        layout.blocks.append(Block(0, "other", role="front_matter"))
    Segmenter(layout, lines, lang, part_starts).run(start)
    close_blocks(layout)
    return layout


def linked_parts(index_text: str) -> list[str]:
    """The part files an index of a split act links from its table of parts (relative
    paths as printed, ``rus/ch015.md``), in order; none for an ordinary text."""
    targets = []
    for line in index_text.splitlines():
        if not line.lstrip().startswith("|"):
            continue
        for match in PART_LINK.finditer(line):
            target = match["target"]
            if target not in targets and not target.startswith(("/", "..")) and "://" not in target:
                targets.append(target)
    return targets


def _is_law(lines: list[MarkdownLine], lang: Language) -> bool:
    """A law or code: some heading, bold or plain paragraph is an article heading."""
    return any(
        not line.quote and not line.table and (found := heading_match(line.stripped, lang)) is not None and found[0] == "article"
        for line in lines
    )


@dataclass
class WalkState:
    """Where the walk of a Markdown text is: what it has passed, what is open, and the
    unit it started last. It changes only through the transitions below, each named for
    what the walk met."""

    title_seen: bool = False
    preamble_seen: bool = False
    body_seen: bool = False  # the order's own numbered paragraphs have begun
    signed: bool = False
    stamp: str | None = None  # "approved" | "appendix" after an approval stamp, "done" once its document began
    appendix_label: str | None = None  # the label the last appendix stamp gives
    structure_seen: bool = False  # a division, chapter, section or article heading
    in_article: bool = False
    quote_open: str | None = None  # the mark of a quoted wording still open
    quote_start: int = 0
    remark_open: bool = False  # the text of an editorial remark follows its heading
    contents_open: bool = False  # inside a table of contents printed after the title
    contents_seen: set[tuple[str, str | None]] = field(default_factory=set)
    skip_until: int = -1  # lines of the index's table of parts
    last_kind: str | None = None
    last_text: str = ""  # the text of the paragraph that started the last unit
    previous_paragraph: str = ""  # the last line of the paragraph before this one

    def started(self, kind: str, text: str) -> None:
        self.last_kind, self.last_text = kind, text

    def part_file_began(self) -> None:
        """A part file of a split act: no remark or table of contents runs into it."""
        self.remark_open = self.contents_open = False
        self.last_kind = "other"

    def title_met(self) -> None:
        self.title_seen = True

    def preamble_met(self) -> None:
        self.preamble_seen = True

    def body_met(self) -> None:
        self.body_seen = True

    def unnumbered_unit_met(self) -> None:
        """A plain paragraph after the preamble is the body's."""
        self.body_seen = self.body_seen or self.preamble_seen

    def structure_met(self, kind: str) -> None:
        self.structure_seen = self.body_seen = True
        self.in_article = kind == "article"

    def signature_met(self, leaves_article: bool = False) -> None:
        self.signed = True
        if leaves_article:
            self.in_article = False

    def appendix_stamp_met(self, label: str | None) -> None:
        self.stamp, self.appendix_label = "appendix", label

    def approval_stamp_met(self) -> None:
        self.stamp = "approved"

    def stamped_document_began(self) -> None:
        self.stamp = "done"

    def quote_opened(self, start: int, mark: str | None) -> None:
        """A quoted wording begins at `start`; `mark` None: it closes in its own paragraph."""
        self.quote_start, self.quote_open = start, mark

    def quote_closed(self) -> None:
        self.quote_open = None

    def remark_opened(self) -> None:
        self.remark_open = True

    def remark_passed(self, line: MarkdownLine) -> bool:
        """Whether `line` is the text of an open editorial remark; either way the remark is over."""
        text_of_remark = self.remark_open and not line.heading and not line.quote
        self.remark_open = False
        return text_of_remark

    def contents_opened(self) -> None:
        self.contents_open, self.contents_seen = True, set()

    def contents_listed(self, heading: tuple[str, str | None]) -> None:
        self.contents_seen.add(heading)

    def contents_closed(self) -> None:
        self.contents_open = False

    def paragraph_passed(self, last_line: str) -> None:
        self.previous_paragraph = last_line

    def parts_index_until(self, last: int) -> None:
        self.skip_until = last


class Segmenter:
    """Walks the paragraphs of the Markdown text once, in order, deciding what each starts."""

    def __init__(self, layout: Layout, lines: list[MarkdownLine], lang: Language, part_starts: dict[int, str] | None = None) -> None:
        self.layout = layout
        self.lines = lines
        self.lang = lang
        self.part_starts = part_starts or {}
        #: a law or code (articles): its own rules for preambles, quotes and signatures
        self.law = _is_law(lines, lang)
        self.title_index: int | None = None  # the `# title` line (found by `run`)
        self.state = WalkState()

    def add(self, index: int, kind: str, label: str | None = None, role: str | None = None, status: str | None = None) -> None:
        self.layout.blocks.append(Block(index, kind, label, role, status=status))
        self.state.started(kind, self.lines[index].stripped)

    def problem(self, kind: str, message: str, index: int) -> None:
        line = self.lines[index]
        where = f"{line.file}: " if line.file else ""
        self.layout.problems.append(Problem("warning", kind, where + message, line.number))

    def run(self, index: int = 0) -> None:
        previous_blank = True
        self.title_index = next((i for i in range(index, len(self.lines)) if self.lines[i].heading == 1 and not self.lines[i].file), None)
        started: set[int] = set()
        first = next((i for i in range(index, len(self.lines)) if not self.lines[i].blank), None)
        if first is not None and _BACK_LINK.match(self.lines[first].text):
            self.state.title_met()  # a part file read on its own: the act's title is in its index
        while index < len(self.lines):
            line = self.lines[index]
            if index in self.part_starts and index not in started:
                started.add(index)
                self._part_start(index)
                previous_blank = True
                if _BACK_LINK.match(line.text):
                    index += 1
                    continue
            if index <= self.state.skip_until:
                index += 1
                continue
            line = self.lines[index]
            if line.table:
                self._close_quote(index)
                index = self._table(index)
                previous_blank = False
                continue
            if line.blank:
                previous_blank = True
                index += 1
                continue
            if previous_blank or line.heading:
                self._paragraph(index, line)
                self.state.paragraph_passed(self._run(index)[-1].stripped)
            previous_blank = False
            index += 1
        self._close_quote(len(self.lines) - 1)
        if not self.state.title_seen:
            self.layout.problems.append(Problem("warning", "no_title", "no '# title' line: the text has no title of its own", 1))

    def _part_start(self, index: int) -> None:
        """The first line of a part file: a unit of its own, whatever the line is."""
        self._close_quote(index)
        self.state.part_file_began()
        self.layout.blocks.append(Block(index, "other", self.part_starts[index], "part_file"))

    def _table(self, start: int) -> int:
        end = start
        while end < len(self.lines) and self.lines[end].table:
            end += 1
            if "</table>" in self.lines[end - 1].raw:
                break
        self.add(start, "table")
        try:
            row_starts = _fill_table(self.lines, start, end)
        except Exception as error:  # lxml raises several kinds on broken HTML
            self.layout.problems.append(
                Problem("warning", "table_unreadable", f"an HTML table could not be read ({error.__class__.__name__}); it is kept as printed", self.lines[start].number)
            )
            return end
        for index in row_starts:
            self.add(index, "row")
        return end

    def _paragraph(self, index: int, line: MarkdownLine) -> None:
        """Decide what the paragraph starting at `index` is: inside something still open
        (a quote, a table of contents, a remark), marked by its Markdown, or plain text."""
        text = line.stripped
        if self.title_index is not None and index < self.title_index:
            self._contents_before_title(index)
            return
        if self._in_quote(index, line, text) or self._in_contents(index, line, text) or self.state.remark_passed(line):
            return
        if not self._marked_paragraph(index, line, text):
            self._plain_paragraph(index, line, text)

    def _contents_before_title(self, index: int) -> None:
        """A table of contents before the title: one unit, however many paragraphs."""
        if self.state.last_kind != "other" or not self.layout.blocks or self.layout.blocks[-1].role != "contents":
            self.add(index, "other", role="contents")

    def _marked_paragraph(self, index: int, line: MarkdownLine, text: str) -> bool:
        """A paragraph its Markdown or its first words mark: the title, a blockquote, a
        note, an editorial remark, a part file's back link, a heading (of a law, also
        printed in bold or plain). False: plain text."""
        if line.heading and not self.state.title_seen:
            self.state.title_met()
            self.add(index, "title")
        elif line.quote:
            self._quote(index, line)
        elif is_note_start(text):
            self.add(index, "note")  # a note printed as a plain paragraph
        elif self._editorial(text):
            self.add(index, "editorial")
            self.state.remark_opened()
        elif _BACK_LINK.match(line.text):
            self.add(index, "other", role="part_file")
        elif line.heading:
            self._heading(index, text)
        elif not self._structure_heading(index, line, text) and not (self.law and self._law_paragraph(index, line, text)):
            return False
        return True

    def _plain_paragraph(self, index: int, line: MarkdownLine, text: str) -> None:
        """A signature, the preamble, a quoted wording, the rest of a broken sentence, an
        agreement stamp, or a unit."""
        state = self.state
        if line.strong or (line.emphasis and state.body_seen and not state.signed):
            if state.last_kind != "signature":
                self.add(index, "signature")
            state.signature_met()
        elif not state.preamble_seen and not state.body_seen and is_operative_formula(text, self.lang):
            state.preamble_met()
            self.add(index, "preamble")
        elif self._opens_quote(index, text):
            return
        elif not self.law and text[:1].islower() and state.last_kind in ("paragraph", "subparagraph", "indent", "preamble"):
            return  # a sentence the renderer broke in two: it goes on the unit before
        elif state.signed and state.stamp is None and not heading_match(text, self.lang) and not PARAGRAPH.match(text):
            if state.last_kind not in ("other",):
                self.add(index, "other", role="agreement")
        else:
            self._unit(index, line, text)

    # --- laws and codes -------------------------------------------------------------

    def _structure_heading(self, index: int, line: MarkdownLine, text: str) -> bool:
        """An article, chapter, division or section heading printed in bold
        (``**Статья 8. …**``) or as a plain paragraph (``Статья 1. …``)."""
        if not self.law or line.quote:
            return False
        found = heading_match(text, self.lang)
        if found is None or found[0] not in STRUCTURE_KINDS:
            return False
        if not line.strong and not _PLAIN_HEADING.match(text) and self._status_of_heading(text) is None:
            return False  # "Статья 5 Закона … утратила силу": a sentence, not a heading
        self._structure(index, found[0], found[1], text)
        return True

    def _structure(self, index: int, kind: str, label: str | None, text: str) -> None:
        self._close_quote(index)
        self.state.structure_met(kind)
        self.add(index, kind, label, status=self._status_of_heading(text) if kind == "article" else None)

    def _status_of_heading(self, text: str) -> str | None:
        """``excluded`` for a heading that says its unit was deleted ("Статья 128 исключена
        …", "128-бап алып тасталды", "Статья 26. Исключена Законом РК …")."""
        match = self.lang.ARTICLE.match(text)
        if match is None:
            return None
        heading = self.lang.fold(match["heading"]).lstrip(" .-–")
        return "excluded" if heading.startswith(self.lang.DELETION_PLACEHOLDERS) else None

    def _law_paragraph(self, index: int, line: MarkdownLine, text: str) -> bool:
        """What a paragraph of a law is, where it differs from an order: the title printed
        again, the preamble (before the first heading), a signature printed as a plain
        line, a rule. False: read it as a unit."""
        folded = self.lang.fold(text)
        if self.state.last_kind == "title" and _squashed(text) == _squashed(self.state.last_text):
            self.add(index, "other", role="title_repeat")
        elif _RULE.match(text):
            self.add(index, "other", role="rule")
        elif self.lang.SIGNATURE_LINE.match(folded) or (line.strong and not self.state.in_article) or (line.emphasis and self.state.structure_seen):
            if self.state.last_kind != "signature":
                self.add(index, "signature")
            self.state.signature_met(leaves_article=True)
        elif not self.state.structure_seen and self.state.title_seen and not self._opens_quote(index, text, check_only=True):
            if not self.state.preamble_seen:
                self.state.preamble_met()
                self.add(index, "preamble")
            # a later paragraph before the first heading goes on with the preamble
        else:
            return False
        return True

    def _editorial(self, text: str) -> bool:
        return _squashed(text) in _editorial_remarks(self.lang)

    # --- quoted wordings ---------------------------------------------------------------

    def _opens_quote(self, index: int, text: str, check_only: bool = False) -> bool:
        """A paragraph that starts with « or " opens a quoted wording (a new or temporary
        text, never a unit of this act) inside an article, or after a paragraph that
        introduces it (ending with a colon)."""
        if not text.startswith(_OPENING_QUOTES):
            return False
        if not (self.state.in_article or self.state.previous_paragraph.endswith(":")) or self.state.last_kind in ("title", "other", None):
            return False
        if check_only:
            return True
        mark = text[0]
        paragraph = " ".join(line.stripped for line in self._run(index))
        self.add(index, "quote")
        self.state.quote_opened(index, mark if not _closes(paragraph, mark, opening=True) else None)
        return True

    def _in_quote(self, index: int, line: MarkdownLine, text: str) -> bool:
        """Inside an open quoted wording every paragraph belongs to it, numbers included;
        a heading, a note or the act's own suspension clause closes a quote whose closing
        mark the source lost (and says so)."""
        if self.state.quote_open is None:
            return False
        breaks = line.heading or line.quote or is_note_start(text) or self._suspending(text)
        if breaks:
            self._close_quote(index, lost=True)
            return False
        paragraph = " ".join(l.stripped for l in self._run(index))
        if _closes(paragraph, self.state.quote_open, opening=False):
            self.state.quote_closed()
        return True

    def _close_quote(self, index: int, lost: bool = True) -> None:
        if self.state.quote_open is None:
            return
        if lost:
            self.problem(
                "unclosed_quote",
                f"a quoted wording opened with {self.state.quote_open} is not closed before line {self.lines[index].number}; it is taken to end there",
                self.state.quote_start,
            )
        self.state.quote_closed()

    def _suspending(self, text: str) -> bool:
        return self.law and self.lang.SUSPENDING_CLAUSE.search(self.lang.fold(text)) is not None

    # --- a table of contents after the title -----------------------------------------------

    def _in_contents(self, index: int, line: MarkdownLine, text: str) -> bool:
        """``Оглавление`` and the headings it lists, up to the first `#` heading or the first
        heading it already listed (the text itself begins there)."""
        word = self.lang.fold(text).rstrip(" :.")
        if not self.state.contents_open and word in self.lang.CONTENTS_HEADINGS:
            self._close_quote(index)
            self.state.contents_opened()
            self.add(index, "other", role="contents")
            return True
        if not self.state.contents_open:
            return False
        found = heading_match(text, self.lang)
        if line.heading or line.quote or (found is not None and found in self.state.contents_seen):
            self.state.contents_closed()
            return False
        if found is not None:
            self.state.contents_listed(found)
        return True

    def _quote(self, index: int, line: MarkdownLine) -> None:
        text = line.stripped
        if is_note_start(text):
            self.add(index, "note")
            return
        stamp = " ".join(l.stripped for l in self._run(index))
        squashed = self.lang.squash(stamp)
        if self.lang.MARKDOWN_APPENDIX_STAMP.search(squashed):
            label = self.lang.MARKDOWN_APPENDIX_LABEL.search(stamp)
            self.state.appendix_stamp_met(label["label"] if label else None)
            self.add(index, "approval")
        elif any(squashed.rstrip(".").endswith(word) for word in self.lang.APPROVAL_WORDS):
            self.state.approval_stamp_met()
            self.add(index, "approval")
        elif any(word in squashed for word in self.lang.MARKDOWN_AGREEMENT_WORDS):
            self.add(index, "other", role="agreement")
        elif self.law and self.lang.UNMARKED_NOTE.search(self.lang.fold(stamp)):
            self.add(index, "note")  # a note printed without its word: "Вводится в действие с …"
        elif self.law:
            self.add(index, "other", role="quote")
            self.problem("note_unrecognized", f"a blockquote that is neither a note nor a stamp: «{stamp[:120]}»; kept apart from the law text", index)
        elif self.state.last_kind not in ("other",):
            self.add(index, "other", role="quote")

    def _run(self, index: int) -> list[MarkdownLine]:
        """The non-blank lines from `index` on: one Markdown paragraph."""
        run = []
        while index < len(self.lines) and not self.lines[index].blank:
            run.append(self.lines[index])
            index += 1
            if index in self.part_starts:
                break
        return run

    def _heading(self, index: int, text: str) -> None:
        found = heading_match(text, self.lang)
        chapter = self.lang.MARKDOWN_CHAPTER.match(text)
        if self._parts_index(index):
            return
        stamped = self.state.signed or (self.law and self.state.stamp in ("appendix", "approved"))
        if stamped and self.state.stamp != "done" and not (self.law and found and found[0] in STRUCTURE_KINDS):
            if self.state.stamp == "appendix":
                self.add(index, "appendix", label=self.state.appendix_label)
            else:
                self.add(index, "appendix", role="approved_document")
            self.state.stamped_document_began()
        elif found and found[0] in STRUCTURE_KINDS and self.law:
            self._structure(index, found[0], found[1], text)
        elif found:
            self.add(index, found[0], found[1])
        elif chapter:
            self.add(index, "chapter", chapter["label"])
        else:
            self.add(index, "other", role="heading")

    def _parts_index(self, index: int) -> bool:
        """The index of a split act: a heading over the table that links its part files
        (``## Части документа``). The heading, its explanation and the table are one unit,
        not law text."""
        end = index + 1
        links = False
        while end < len(self.lines) and not self.lines[end].heading and end not in self.part_starts:
            links = links or (self.lines[end].stripped.startswith("|") and PART_LINK.search(self.lines[end].stripped) is not None)
            end += 1
        if not links:
            return False
        self._close_quote(index)
        self.add(index, "other", role="parts_index")
        self.state.parts_index_until(end - 1)
        return True

    def _unit(self, index: int, line: MarkdownLine, text: str) -> None:
        if self.state.stamp == "approved" or self.state.stamp == "appendix":
            self.state.stamped_document_began()  # a stamp with no heading after it: the document starts untitled
        for kind, pattern in (("paragraph", PARAGRAPH), ("subparagraph", SUBPARAGRAPH)):
            match = pattern.match(text)
            if match:
                if kind == "paragraph" and line.indent >= 3 and self.state.last_kind in ("subparagraph", "indent"):
                    break  # "   1. …" inside a list is a subparagraph-level item, read as text
                self.state.body_met()
                self.add(index, kind, match["label"], status=self._status_of_unit(text[match.end() :]))
                return
        found = heading_match(text, self.lang)
        if found:
            self.add(index, found[0], found[1])
            return
        self.state.unnumbered_unit_met()
        status = "suspending" if self._suspending(text) else None
        self.add(index, "indent" if self.state.title_seen else "other", role=None if self.state.title_seen else "unparsed", status=status)

    def _status_of_unit(self, own_text: str) -> str | None:
        """``excluded`` for a numbered unit that only says it was deleted ("3) исключен;",
        "5. Алып тасталды - …"); ``deferred`` for one that only says when it will be
        introduced ("3) вводится в действие по истечении шести месяцев …")."""
        if not self.law:
            return None
        folded = self.lang.fold(own_text).lstrip(" .-–")
        if folded.startswith(self.lang.DELETION_PLACEHOLDERS):
            return "excluded"
        return "deferred" if _only_commencement(own_text, self._last_introduction(), self.lang) else None

    def _last_introduction(self) -> str:
        """The nearest paragraph before, in the same article, that introduces a list."""
        for block in reversed(self.layout.blocks):
            if block.kind in STRUCTURE_KINDS:
                return ""
            text = self.lines[block.start].stripped
            if text.endswith(":"):
                return text
        return ""


@lru_cache(maxsize=16384)  # once per distinct paragraph: every version reprints most of them
def _squashed(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


@lru_cache(maxsize=8)
def _editorial_remarks(lang: Language) -> frozenset[str]:
    """A language's editorial remarks, squashed: what `_editorial` compares a paragraph with."""
    return frozenset(_squashed(remark) for remark in lang.EDITORIAL_REMARKS)


def _closes(paragraph: str, mark: str, opening: bool) -> bool:
    """Whether a quote opened with `mark` is closed by the end of `paragraph` (which
    opens it when `opening`)."""
    if mark == "«":
        return paragraph.count("»") >= paragraph.count("«") if opening else paragraph.count("»") > paragraph.count("«")
    count = paragraph.count('"')
    return count % 2 == 0 if opening else count % 2 == 1


def _only_commencement(own_text: str, introduction: str, lang: Language) -> bool:
    """A unit whose whole text is when it will be introduced — unless it is a point of the
    act's own commencement ("Настоящий Конституционный закон: 1) вступает в силу …")."""
    if len(own_text) > 300:
        return False
    squashed = lang.squash(own_text).rstrip(".;")
    if not squashed or squashed.startswith(lang.THIS_WORD) or lang.squash(introduction).startswith(lang.THIS_WORD):
        return False  # "1. Осы Заң 2022 жылғы 1 қаңтардан бастап қолданысқа енгізіледі": the act's own
    verbs = lang.COMMENCEMENT_VERBS
    return squashed.startswith(verbs) or (squashed.endswith(verbs) and is_commencement_clause(own_text, lang))
