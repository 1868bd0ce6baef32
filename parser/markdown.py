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

import yaml
from lxml import html as lxml_html

from .languages import Language, kk
from .model import Problem
from .notes import is_note_start
from .structure import PARAGRAPH, SUBPARAGRAPH, Block, Layout, Line, close_blocks, heading_match, is_operative_formula

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


def read_version_meta(text: str, source_path: str) -> VersionMeta:
    """The fields of a ``meta.yaml``; a file that is not YAML gives a problem, not an exception."""
    try:
        data = yaml.safe_load(text)
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
    return MarkdownLine(number, raw, text, heading=level, quote=quote, strong=strong, emphasis=emphasis)


# --- Tables --------------------------------------------------------------------------


def table_rows(source: str) -> list[list[str]]:
    """The cells of each ``<tr>`` of an HTML table, as text with spaces normalised."""
    fragment = lxml_html.fragment_fromstring(source, create_parent="div")
    rows = []
    for row in fragment.iter("tr"):
        cells = [" ".join(cell.text_content().split()) for cell in row if cell.tag in ("td", "th")]
        rows.append(cells)
    return rows


def _fill_table(lines: list[MarkdownLine], start: int, end: int) -> list[int]:
    """Give each ``<tr>`` line of the table its row's text (cells joined by `` | ``);
    returns the indexes of those lines. Other table lines keep no text of their own."""
    source = "".join(line.raw for line in lines[start:end])
    rows = table_rows(source)
    row_starts = [index for index in range(start, end) if "<tr" in lines[index].raw]
    if len(row_starts) != len(rows):  # rows not one to a line: the table is one unit
        lines[start].text = " / ".join(" | ".join(cells) for cells in rows)
        return []
    for index, cells in zip(row_starts, rows):
        lines[index].text = " | ".join(cells)
        lines[index].cells = cells
    return row_starts


# --- Blocks --------------------------------------------------------------------------


def segment_markdown(text: str, lang: Language = kk) -> Layout:
    """Cut a Markdown version in language `lang` into blocks. Pure: text in, `Layout` out."""
    lines = markdown_lines(text)
    layout = Layout(LAYOUT, list(lines))
    front_matter, rest = split_front_matter(text)
    start = 0
    if front_matter is not None:  # the requisites, read by parse_text: kept as a unit of their own
        start = (text[: len(text) - len(rest)]).count("\n")
        layout.blocks.append(Block(0, "other", role="front_matter"))
    Segmenter(layout, lines, lang).run(start)
    close_blocks(layout)
    return layout


class Segmenter:
    """Walks the paragraphs of the Markdown text once, in order, deciding what each starts."""

    def __init__(self, layout: Layout, lines: list[MarkdownLine], lang: Language = kk) -> None:
        self.layout = layout
        self.lines = lines
        self.lang = lang
        self.title_seen = False
        self.preamble_seen = False
        self.body_seen = False  # the order's own numbered paragraphs have begun
        self.signed = False
        self.stamp: str | None = None  # "approved" | "appendix" after an approval stamp
        self.last_kind: str | None = None
        self.appendix_label: str | None = None

    def add(self, index: int, kind: str, label: str | None = None, role: str | None = None) -> None:
        self.layout.blocks.append(Block(index, kind, label, role))
        self.last_kind = kind

    def run(self, index: int = 0) -> None:
        previous_blank = True
        while index < len(self.lines):
            line = self.lines[index]
            if line.table:
                index = self._table(index)
                previous_blank = False
                continue
            if line.blank:
                previous_blank = True
                index += 1
                continue
            if previous_blank or line.heading:
                self._paragraph(index, line)
            previous_blank = False
            index += 1
        if not self.title_seen:
            self.layout.problems.append(Problem("warning", "no_title", "no '# title' line: the text has no title of its own", 1))

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
        text = line.stripped
        if line.heading and not self.title_seen:
            self.title_seen = True
            self.add(index, "title")
        elif line.quote:
            self._quote(index, line)
        elif line.heading:
            self._heading(index, text)
        elif line.strong or (line.emphasis and self.body_seen and not self.signed):
            if self.last_kind != "signature":
                self.add(index, "signature")
            self.signed = True
        elif not self.preamble_seen and not self.body_seen and is_operative_formula(text, self.lang):
            self.preamble_seen = True
            self.add(index, "preamble")
        elif text[:1].islower() and self.last_kind in ("paragraph", "subparagraph", "indent", "preamble"):
            return  # a sentence the renderer broke in two: it goes on the unit before
        elif self.signed and self.stamp is None and not heading_match(text, self.lang) and not PARAGRAPH.match(text):
            if self.last_kind not in ("other",):
                self.add(index, "other", role="agreement")
        else:
            self._unit(index, line, text)

    def _quote(self, index: int, line: MarkdownLine) -> None:
        text = line.stripped
        if is_note_start(text):
            self.add(index, "note")
            return
        stamp = " ".join(l.stripped for l in self._run(index))
        squashed = self.lang.squash(stamp)
        if squashed.endswith(self.lang.MARKDOWN_APPENDIX_STAMP):
            self.stamp = "appendix"
            label = self.lang.MARKDOWN_APPENDIX_LABEL.search(stamp)
            self.appendix_label = label["label"] if label else None
            self.add(index, "approval")
        elif any(squashed.rstrip(".").endswith(word) for word in self.lang.APPROVAL_WORDS):
            self.stamp = "approved"
            self.add(index, "approval")
        elif any(word in squashed for word in self.lang.MARKDOWN_AGREEMENT_WORDS):
            self.add(index, "other", role="agreement")
        elif self.last_kind not in ("other",):
            self.add(index, "other", role="quote")

    def _run(self, index: int) -> list[MarkdownLine]:
        """The non-blank lines from `index` on: one Markdown paragraph."""
        run = []
        while index < len(self.lines) and not self.lines[index].blank:
            run.append(self.lines[index])
            index += 1
        return run

    def _heading(self, index: int, text: str) -> None:
        found = heading_match(text, self.lang)
        chapter = self.lang.MARKDOWN_CHAPTER.match(text)
        if self.signed and self.stamp != "done":
            if self.stamp == "appendix":
                self.add(index, "appendix", label=self.appendix_label)
            else:
                self.add(index, "appendix", role="approved_document")
            self.stamp = "done"
        elif found:
            self.add(index, found[0], found[1])
        elif chapter:
            self.add(index, "chapter", chapter["label"])
        else:
            self.add(index, "other", role="heading")

    def _unit(self, index: int, line: MarkdownLine, text: str) -> None:
        if self.stamp == "approved" or self.stamp == "appendix":
            self.stamp = "done"  # a stamp with no heading after it: the document starts untitled
        for kind, pattern in (("paragraph", PARAGRAPH), ("subparagraph", SUBPARAGRAPH)):
            match = pattern.match(text)
            if match:
                if kind == "paragraph" and line.indent >= 3 and self.last_kind in ("subparagraph", "indent"):
                    break  # "   1. …" inside a list is a subparagraph-level item, read as text
                self.body_seen = True
                self.add(index, kind, match["label"])
                return
        found = heading_match(text, self.lang)
        if found:
            self.add(index, found[0], found[1])
            return
        self.body_seen = self.body_seen or self.preamble_seen
        self.add(index, "indent" if self.title_seen else "other", role=None if self.title_seen else "unparsed")
