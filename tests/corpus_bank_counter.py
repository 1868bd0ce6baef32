"""An independent count of the units and notes of corpus-bank's texts, from the source lines.

This is deliberately *not* the parser: a few line regexes and a small state machine,
written to be read and checked against the files by a person. Its output, checked by
hand line by line, is `tests/data/corpus_bank_counts.json`; `tests/test_corpus_bank.py`
asserts that the parser recognises what is counted there.

Run ``python tests/corpus_bank_counter.py`` from the repository root to rewrite the JSON
(``--listing`` prints every counted line, for checking by hand).

What is counted, per file (only after the act's ``# `` title when the file has one: the
Kazakh text of 4570 prints a list of its article headings before the title):

- ``articles``: ``## Статья 5-1.`` / ``### 5-1-бап.`` headings, bold ``**Статья 8. …**``,
  plain ``Статья 1. …`` paragraphs (160919 rus), ``## 1-бап . …`` (space before the dot);
- ``chapters`` (``## Глава 2.`` / ``## 2-тарау.``, Arabic or Roman), ``sections`` (``Раздел`` /
  ``бөлім``);
- ``parts``: lines starting ``1.`` / ``2-1.`` (a numbered part of an article, a point of an
  order); ``subpoints``: lines starting ``1)`` / ``2-1)``;
- ``abzacs``: the other paragraphs of an article (from its heading to the next heading or the
  signature), not anchors, notes, quotes or signatures;
- ``quoted_paragraphs``: paragraphs inside «…» or "…" quotes that span lines (new or
  temporary wordings): never units of the act itself, counted apart;
- ``appendices``: an annex or approved document, opened by a stamp blockquote
  ``> *ПРИЛОЖЕНИЕ*`` / ``> *Утверждены*``;
- ``notes``: ``Сноска.`` / ``Ескерту.`` at the start of a blockquote (``> *…*``, also indented
  under a list) or of a plain line, and a blockquote note without the word
  (``> *Вводится в действие с 01.01.2022 …*``); each with its line and placement;
- ``editorial_remarks``: ``Примечание РЦПИ!`` / ``РҚАО-ның ескертпесі!`` and the paragraph
  that follows (its body): not a change note, counted apart.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

BANK = Path(__file__).resolve().parents[1] / "corpus" / "zan-gov-kz"
OUT = Path(__file__).resolve().parent / "data" / "corpus_bank_counts.json"

#: corpus-bank's files, as placed in the bundled corpus (folder, file, language)
FILES: list[tuple[str, str, str]] = [
    ("4051-posobie-gornye-raboty", "rus.md", "ru"),
    ("4051-posobie-gornye-raboty", "kaz.md", "kk"),
    ("4570-prozhitochnyi-minimum", "rus.md", "ru"),
    ("4570-prozhitochnyi-minimum", "kaz.md", "kk"),
    ("104446-vvedenie-ugolovnogo-kodeksa-1997", "rus.md", "ru"),
    ("104446-vvedenie-ugolovnogo-kodeksa-1997", "kaz.md", "kk"),
    ("33276-vvedenie-trudovogo-kodeksa-2007", "rus.md", "ru"),
    ("33276-vvedenie-trudovogo-kodeksa-2007", "kaz.md", "kk"),
    ("4013-izmeneniia-zakon-okhrana-zdorovia", "rus.md", "ru"),
    ("4013-izmeneniia-zakon-okhrana-zdorovia", "kaz.md", "kk"),
    ("160919-garantirovannyi-transfert-2022-2024", "rus.md", "ru"),
    ("160919-garantirovannyi-transfert-2022-2024", "kaz.md", "kk"),
    ("4-konst-zakon-o-vyborakh", "rus.md", "ru"),
    ("4-konst-zakon-o-vyborakh", "kaz.md", "kk"),
    ("4-konst-zakon-o-vyborakh", "rus/ch015.md", "ru"),
    ("4-konst-zakon-o-vyborakh", "kaz/ch015.md", "kk"),
    ("137412-administratsiia-prezidenta", "rus@2020-10-27.md", "ru"),
    ("87811-qriim", "rus.md", "ru"),
]

#: Hand corrections, found by reading the listing against the files: {file: {line: (fix, reason)}}.
#: ``close_quote``: the quote opened on this line ends on it although its closing mark is missing;
#: ``not_quoted``: the paragraph starts with a quoted title but is not a quoted wording.
CORRECTIONS: dict[str, dict[int, tuple[str, str]]] = {
    "4013-izmeneniia-zakon-okhrana-zdorovia/kaz.md": {
        3: (
            "not_quoted",
            "the preamble («\"…уақытша қосымша өкiлеттiк беру туралы\" 1993 жылғы … қаулы етемiн:») opens"
            " with the quoted title of the 1993 law it cites; it is the decree's own text, not a quoted wording",
        ),
    },
    "4-konst-zakon-o-vyborakh/rus/ch015.md": {
        197: (
            "close_quote",
            'the temporary wording of 3-1) of art. 118 p. 6 opens with " and its closing ";'
            " is missing in the source; without this fix every later paragraph of art. 133"
            " (line 199: «Приостановить до 1 января 2025 года …», own text) would count as quoted",
        ),
    },
}

NUM = r"\d+(?:-\d+)*"
ROMAN = r"[IVXLC]+"
ARTICLE = re.compile(rf"^(?:#{{2,4}} |\*\*)?(?:Статья ({NUM})|({NUM})-бап)\s*\.")
CHAPTER = re.compile(rf"^#{{2,4}} (?:\*\*)?(?:Глава (?:{NUM}|{ROMAN})\.|(?:{NUM}|{ROMAN})(?:-{NUM})?[ -]тарау\.)")
SECTION = re.compile(rf"^#{{2,4}} (?:\*\*)?(?:Раздел (?:{NUM}|{ROMAN})\.|(?:{NUM}|{ROMAN})[ -]бөлім\.)")
PART = re.compile(rf"^\s*({NUM})\.\s")
SUBPOINT = re.compile(rf"^\s*({NUM})\)\s")
ANCHOR = re.compile(r'^<a id="[^"]*"></a>$')
BLOCKQUOTE = re.compile(r"^(\s*)>\s?(.*)$")
NOTE_WORD = re.compile(r"^\*?\s*(Сноска|Ескерту)\s*\.")
#: a blockquote note that does not say «Сноска»: a commencement note under the title
NOTE_WITHOUT_WORD = re.compile(r"^\*?\s*(Вводится в действие|Вводятся в действие|Утратил[аио]? силу|Исключен[аоы]?\b)")
STAMP_APPENDIX = re.compile(r"^\*?\s*(ПРИЛОЖЕНИЕ|Приложение|Утвержден[аоы]?|ҚОСЫМША|Қосымша|Бекітілген)\b")
REMARK = re.compile(r"^(Примечание РЦПИ!|РҚАО-ның ескертпесі!)\s*$")
SIGNATURE = re.compile(r"^(\*\*[^*]+\*\*|\*[^*]+\*|Президент Республики Казахстан|Қазақстан Республикасының Президент[іi])$")
RULE = re.compile(r"^_{10,}$")


@dataclass
class Counted:
    path: str
    language: str
    articles: list[dict] = field(default_factory=list)
    chapters: list[dict] = field(default_factory=list)
    sections: list[dict] = field(default_factory=list)
    parts: list[int] = field(default_factory=list)
    parts_in_articles: list[int] = field(default_factory=list)
    subpoints: list[int] = field(default_factory=list)
    subpoints_in_articles: list[int] = field(default_factory=list)
    abzacs: list[int] = field(default_factory=list)
    quoted_paragraphs: list[int] = field(default_factory=list)
    appendices: list[int] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    editorial_remarks: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)
    listing: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "articles": len(self.articles),
            "chapters": len(self.chapters),
            "sections": len(self.sections),
            "parts": len(self.parts),
            "subpoints": len(self.subpoints),
            "abzacs": len(self.abzacs),
            "quoted_paragraphs": len(self.quoted_paragraphs),
            "appendices": len(self.appendices),
            "notes": len(self.notes),
            "editorial_remarks": len(self.editorial_remarks),
        }


def _quote_step(stripped: str, open_mark: str | None) -> tuple[bool, str | None]:
    """Whether this paragraph is quoted text, and which quote is open after it.

    Only a quote that *starts* a paragraph opens a multi-paragraph quote; a quote inside a
    sentence (``Закон … "О коллективных договорах" (…)``) does not."""
    if open_mark == "«":
        closes = stripped.count("»") > stripped.count("«")
        return True, None if closes else "«"
    if open_mark == '"':
        closes = stripped.count('"') % 2 == 1
        return True, None if closes else '"'
    if stripped.startswith("«") and stripped.count("«") > stripped.count("»"):
        return True, "«"
    if stripped.startswith('"') and stripped.count('"') % 2 == 1:
        return True, '"'
    if stripped[:1] in ('"', "«"):
        return True, None  # a quoted wording closed on its line ("4-2) … ;" редакцияда …)
    return False, None


def count_file(folder: str, name: str, language: str) -> Counted:
    path = f"{folder}/{name}"
    lines = (BANK / folder / name).read_text(encoding="utf-8").split("\n")
    counted = Counted(path, language)
    fixes = CORRECTIONS.get(path, {})
    has_title = any(line.startswith("# ") for line in lines)
    seen_title = not has_title
    in_article = False
    quote: str | None = None
    previous_heading = False  # the previous non-blank line was a heading (or the title)
    in_stamp = False
    remark_body_pending: dict | None = None

    def log(number: int, what: str, line: str) -> None:
        counted.listing.append(f"{number:4} {what:<14} {line[:110]}")

    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            in_stamp = in_stamp and False
            continue
        if not seen_title:
            log(number, "(before title)", line)
            if line.startswith("# "):
                seen_title = True
                previous_heading = True
            continue
        if line.startswith("# "):
            log(number, "title", line)
            in_article, previous_heading = False, True
            continue
        if remark_body_pending is not None:
            remark_body_pending["body_line"] = number
            log(number, "remark body", line)
            remark_body_pending = None
            previous_heading = False
            continue
        quote_match = BLOCKQUOTE.match(line)
        if quote_match:
            indent, inner = quote_match.groups()
            if NOTE_WORD.match(inner) or NOTE_WITHOUT_WORD.match(inner):
                placement = "indented" if indent else ("under_heading" if previous_heading else "blockquote")
                counted.notes.append(
                    {"line": number, "placement": placement, "with_word": bool(NOTE_WORD.match(inner)), "text": inner.strip("* ")[:90]}
                )
                log(number, f"note/{placement}", line)
                previous_heading = False
            elif STAMP_APPENDIX.match(inner) and not in_stamp:
                counted.appendices.append(number)
                in_article = False
                log(number, "appendix stamp", line)
            else:
                log(number, "blockquote", line)
            in_stamp = True
            continue
        in_stamp = False
        if NOTE_WORD.match(stripped):
            counted.notes.append({"line": number, "placement": "plain", "with_word": True, "text": stripped[:90]})
            log(number, "note/plain", line)
            continue
        if REMARK.match(stripped):
            remark = {"line": number, "text": stripped}
            counted.editorial_remarks.append(remark)
            remark_body_pending = remark
            log(number, "remark", line)
            continue
        quoted, quote = _quote_step(stripped, quote)
        if number in fixes and fixes[number][0] == "close_quote":
            quote = None
            counted.corrections.append({"line": number, "fix": "close_quote", "reason": fixes[number][1]})
        if number in fixes and fixes[number][0] == "not_quoted":
            quoted = False
            counted.corrections.append({"line": number, "fix": "not_quoted", "reason": fixes[number][1]})
        if quoted:
            counted.quoted_paragraphs.append(number)
            log(number, "quoted", line)
            previous_heading = False
            continue
        article = ARTICLE.match(stripped)
        if article:
            counted.articles.append({"line": number, "label": article.group(1) or article.group(2)})
            in_article, previous_heading = True, True
            log(number, "article", line)
            continue
        if CHAPTER.match(stripped):
            counted.chapters.append({"line": number, "text": stripped[:60]})
            in_article, previous_heading = False, True
            log(number, "chapter", line)
            continue
        if SECTION.match(stripped):
            counted.sections.append({"line": number, "text": stripped[:60]})
            in_article, previous_heading = False, True
            log(number, "section", line)
            continue
        if stripped.startswith("#"):
            in_article, previous_heading = False, True
            log(number, "heading", line)
            continue
        if ANCHOR.match(stripped):
            log(number, "anchor", line)
            continue  # an anchor does not end "directly under a heading"
        previous_heading = False
        if SIGNATURE.match(stripped) or RULE.match(stripped) or stripped.startswith("↑ ") or stripped.startswith("|"):
            if SIGNATURE.match(stripped):
                in_article = False
            log(number, "other", line)
            continue
        if PART.match(line):
            counted.parts.append(number)
            if in_article:
                counted.parts_in_articles.append(number)
            log(number, "part", line)
            continue
        if SUBPOINT.match(line):
            counted.subpoints.append(number)
            if in_article:
                counted.subpoints_in_articles.append(number)
            log(number, "subpoint", line)
            continue
        if in_article:
            counted.abzacs.append(number)
            log(number, "abzac", line)
            continue
        log(number, "other", line)
    return counted


def count_all() -> list[Counted]:
    return [count_file(folder, name, language) for folder, name, language in FILES]


def as_json(all_counted: list[Counted], checked: dict[str, dict]) -> dict:
    files = {}
    for counted in all_counted:
        entry = {"language": counted.language, "counts": counted.summary()}
        entry["articles"] = counted.articles
        entry["chapters"] = counted.chapters
        entry["sections"] = counted.sections
        entry["part_lines"] = counted.parts
        entry["subpoint_lines"] = counted.subpoints
        entry["part_lines_in_articles"] = counted.parts_in_articles
        entry["subpoint_lines_in_articles"] = counted.subpoints_in_articles
        entry["abzac_lines"] = counted.abzacs
        entry["quoted_lines"] = counted.quoted_paragraphs
        entry["appendix_lines"] = counted.appendices
        entry["notes"] = counted.notes
        entry["editorial_remarks"] = counted.editorial_remarks
        entry["corrections"] = counted.corrections
        entry["hand_check"] = checked.get(counted.path, {})
        files[counted.path] = entry
    return {
        "about": (
            "Units and notes of corpus-bank's texts counted from the source lines by "
            "tests/corpus_bank_counter.py (line regexes, not the parser) and checked by hand "
            "against the files; 'corrections' are fixes the hand check made to the counter, "
            "'hand_check' says what was read and what was decided."
        ),
        "root": "corpus/zan-gov-kz",
        "note_placements": _placements(all_counted),
        "files": files,
    }


def _placements(all_counted: list[Counted]) -> dict[str, int]:
    """How many notes stand in each printed placement, over all files (``plain``: a line
    starting «Сноска.»/«Ескерту.» outside a blockquote; none occurs in corpus-bank)."""
    totals = {"blockquote": 0, "indented": 0, "under_heading": 0, "plain": 0, "without_word": 0}
    for counted in all_counted:
        for note in counted.notes:
            totals[note["placement"]] += 1
            totals["without_word"] += not note["with_word"]
    return totals


def main(argv: list[str]) -> None:
    all_counted = count_all()
    if "--listing" in argv:
        for counted in all_counted:
            print(f"=== {counted.path} {counted.summary()}")
            print("\n".join(counted.listing))
        return
    from corpus_bank_hand_check import HAND_CHECK  # noqa: E402  (beside this file)

    OUT.write_text(json.dumps(as_json(all_counted, HAND_CHECK), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main(sys.argv[1:])
