"""Laws and codes in the bank's Markdown, in both languages (parser/markdown.py, the tree
of parser/document.py, parser/placeholders.py): articles in every printed form, their
parts, subpoints and абзацы under them with stable keys, quoted wordings apart, notes in
every placement, editorial remarks, a table of contents, and a split act read as one.

Every file is a real corpus-bank text in corpus/zan-gov-kz; the numbers were counted from
its lines (tests/data/corpus_bank_counts.json holds the same counts, checked by hand).
"""

from __future__ import annotations

import re
import shutil
from functools import lru_cache

import pytest

from db.load import corpus_files
from db.sources import parse_file, part_files
from parser import parse_split, parse_text
from parser.model import ParsedDocument
from tests.conftest import BANK

SPLIT = BANK / "4-konst-zakon-o-vyborakh"


@lru_cache(maxsize=None)
def parsed(name: str) -> ParsedDocument:
    return parse_file(BANK / name)


def kinds(document: ParsedDocument, *wanted: str) -> list:
    return [p for p in document.provisions if p.kind in wanted]


def by_key(document: ParsedDocument) -> dict:
    return {p.key: p for p in document.provisions}


def ancestors(document: ParsedDocument, key: str) -> list[str]:
    units, chain = by_key(document), []
    while (key := units[key].parent_key) is not None:
        chain.append(key)
    return chain


def own(document: ParsedDocument, *wanted: str) -> list:
    """Labelled units of these kinds that are not inside a quoted wording."""
    return [p for p in kinds(document, *wanted) if p.label and not any(by_key(document)[a].kind == "quote" for a in ancestors(document, p.key))]


#: file -> (article labels, numbered parts and points, subpoints, абзацы in articles, notes),
#: counted from the source lines (the split act: its index and part ch015 together).
COUNTS = {
    "4051-posobie-gornye-raboty/rus.md": (["1", "2", "3", "4", "5", "5-1", "5-2", "6", "7", "8"], 21, 18, 12, 10),
    "4051-posobie-gornye-raboty/kaz.md": (["1", "2", "3", "4", "5", "5-1", "5-2", "6", "7", "8"], 21, 18, 12, 10),
    "4570-prozhitochnyi-minimum/rus.md": (["1", "2", "3", "4", "5", "6", "7"], 10, 7, 4, 6),
    "4570-prozhitochnyi-minimum/kaz.md": (["1", "2", "3", "4", "5", "6", "7"], 10, 7, 4, 6),
    "104446-vvedenie-ugolovnogo-kodeksa-1997/rus.md": ([str(n) for n in range(1, 10)], 0, 0, 3, 2),
    "104446-vvedenie-ugolovnogo-kodeksa-1997/kaz.md": ([str(n) for n in range(1, 10)], 0, 0, 3, 2),
    "33276-vvedenie-trudovogo-kodeksa-2007/rus.md": (["1", "2", "3"], 0, 7, 1, 0),
    "33276-vvedenie-trudovogo-kodeksa-2007/kaz.md": (["1", "2", "3"], 0, 7, 2, 0),
    "4013-izmeneniia-zakon-okhrana-zdorovia/rus.md": ([], 2, 0, 0, 0),
    "4013-izmeneniia-zakon-okhrana-zdorovia/kaz.md": ([], 2, 0, 0, 0),
    "160919-garantirovannyi-transfert-2022-2024/rus.md": (["1", "2"], 2, 0, 5, 1),
    "160919-garantirovannyi-transfert-2022-2024/kaz.md": (["1", "2"], 2, 0, 5, 1),
    "4-konst-zakon-o-vyborakh/rus.md": (["128", "129", "130", "130-1", "131", "132", "133"], 7, 7, 25, 2 + 7),
    "4-konst-zakon-o-vyborakh/kaz.md": (["128", "129", "130", "130-1", "131", "132", "133"], 7, 7, 25, 1 + 7),
    "137412-administratsiia-prezidenta/rus@2020-10-27.md": ([], 5, 2, 0, 1),
    "87811-qriim/rus.md": ([], 14, 13, 0, 0),
}


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_article_part_subpoint_and_note_is_recognised(name):
    document = parsed(name)
    articles, parts, subpoints, abzacs, notes = COUNTS[name]
    assert [p.label for p in kinds(document, "article")] == articles
    assert len(own(document, "part", "paragraph")) == parts
    assert len(own(document, "subparagraph")) == subpoints
    in_articles = [p for p in kinds(document, "indent") if any(by_key(document)[a].kind == "article" for a in ancestors(document, p.key))]
    assert len([p for p in in_articles if not any(by_key(document)[a].kind == "quote" for a in ancestors(document, p.key))]) == abzacs
    assert len(document.notes) == notes


def test_keys_follow_the_printed_numbering_under_the_article():
    document = parsed("4051-posobie-gornye-raboty/rus.md")
    units = by_key(document)
    assert units["art5-1/pt1/sp3"].text.startswith("3) несоответствие сведений по документу")
    assert ancestors(document, "art5-1/pt1/sp3") == ["art5-1/pt1", "art5-1", "ch2"]
    assert units["art4/pt1/i1"].text.startswith("мужчины - по достижении 53 лет")  # an абзац of a part
    assert units["art4/pt2-1"].label == "2-1"  # an inserted part
    assert units["art1/sp4"].parent_key == "art1"  # subpoints of an article without parts
    assert units["art7/i2"].text.startswith("В случае смерти получателя пособия членам семьи")
    assert units["ch3"].heading == "Заключительное положение"
    assert [p.kind for p in document.provisions[:3]] == ["title", "other", "preamble"]  # the title printed twice is not law text
    assert units["title_repeat"].role == "title_repeat"


@pytest.mark.parametrize(
    ("name", "label", "form"),
    [
        ("4051-posobie-gornye-raboty/rus.md", "5-1", "### Статья 5-1. Отказ в приеме заявления и назначении пособия"),
        ("4051-posobie-gornye-raboty/rus.md", "8", "**Статья 8. Порядок введения в действие настоящего Закона**"),
        ("4051-posobie-gornye-raboty/kaz.md", "5-1", "**5-1-бап. Өтінішті қабылдаудан және жәрдемақы тағайындаудан бас тарту:**"),
        ("160919-garantirovannyi-transfert-2022-2024/rus.md", "1", "Статья 1. Размеры гарантированного трансферта из Национального фонда Республики Казахстан"),
        ("33276-vvedenie-trudovogo-kodeksa-2007/kaz.md", "2", "## 2-бап . Қазақстан Республикасының Еңбек кодексі қолданысқа енгізілген кезден"),
        ("4570-prozhitochnyi-minimum/rus.md", "7", "## Статья 7. Введение в действие настоящего Закона"),
    ],
)
def test_every_printed_form_of_an_article_heading(name, label, form):
    article = next(p for p in parsed(name).provisions if p.kind == "article" and p.label == label)
    assert article.raw.startswith(form)
    assert article.key == f"art{label}"


def test_an_article_whose_whole_text_is_its_heading():
    document = parsed("104446-vvedenie-ugolovnogo-kodeksa-1997/rus.md")
    article = by_key(document)["art1"]
    assert article.heading.startswith("Ввести в действие Уголовный кодекс Республики Казахстан с 1 января 1998 года")
    assert article.status is None  # a whole article, not a placeholder
    assert by_key(document)["art2/i2"].text.startswith("Впредь до приведения в соответствие")


def test_roman_chapters_and_divisions_of_a_code():
    text = "# Кодекс\n\n## Раздел 1. Общие положения\n\n## Глава IV. Сделки\n\n### Статья 153. Понятие сделки\n\n1. Сделками признаются действия.\n"
    document = parse_text(text, "rus.md")
    units = by_key(document)
    assert [(p.key, p.kind, p.label) for p in document.provisions[1:]] == [
        ("div1", "division", "1"), ("chIV", "chapter", "IV"), ("art153", "article", "153"), ("art153/pt1", "part", "1"),
    ]
    assert units["art153"].parent_key == "chIV" and units["chIV"].parent_key == "div1"
    kazakh = parse_text("# Кодекс\n\n## I тарау. Жалпы ережелер\n\n### 1-бап. Ұғымдар\n\nМәтін.\n", "kaz.md")
    assert [(p.key, p.label) for p in kazakh.provisions[1:]] == [("chI", "I"), ("art1", "1"), ("art1/i1", None)]


def test_paragraphs_of_a_code_hold_its_articles():
    text = "# Кодекс\n\n## Глава 2. Лица\n\n### Параграф 1. Граждане\n\n#### Статья 10. Правоспособность\n\n1. Правоспособность признается.\n"
    units = by_key(parse_text(text, "rus.md"))
    assert (units["ch2/s1"].kind, units["ch2/s1"].heading, units["ch2/s1"].parent_key) == ("section", "Граждане", "ch2")
    assert units["art10"].parent_key == "ch2/s1" and units["art10/pt1"].parent_key == "art10"
    kazakh = by_key(parse_text("# Кодекс\n\n## 2-тарау. Тұлғалар\n\n### 1-параграф. Азаматтар\n\n#### 10-бап. Құқық\n\nМәтін.\n", "kaz.md"))
    assert kazakh["art10"].parent_key == "ch2/s1" and kazakh["art10/i1"].parent_key == "art10"


@pytest.mark.parametrize(
    ("name", "stamp"),
    [("rus.md", "> *Приложение 1*  \n> *к Закону Республики Казахстан*"), ("kaz.md", "> *Қазақстан Республикасының Заңына*  \n> *1-қосымша*")],
)
def test_an_appendix_of_a_law(name, stamp):
    article = "### Статья 1. Перечень\n\nУтвердить перечень согласно приложению 1." if name == "rus.md" else "### 1-бап. Тізбе\n\nТізбе 1-қосымшаға сәйкес бекітілсін."
    text = f"# Закон\n\n{article}\n\n**Президент**\n\n{stamp}\n\n## Перечень\n\n1. Первый.\n"
    units = by_key(parse_text(text, name))
    assert (units["app1"].kind, units["app1"].label) == ("appendix", "1")
    assert units["app1/p1"].text == "1. Первый."
    assert units["art1/i1"].parent_key == "art1"


# --- Excluded, inserted, suspended and deferred units ----------------------------------------


@pytest.mark.parametrize("name", ["4-konst-zakon-o-vyborakh/rus.md", "4-konst-zakon-o-vyborakh/kaz.md"])
def test_excluded_inserted_and_suspended_articles_of_ch015(name):
    document = parsed(name)
    units = by_key(document)
    assert [label for label in ("128", "129", "130", "130-1", "131", "132", "133") if units[f"art{label}"].status == "excluded"] == ["128", "130", "132"]
    inserted = next(n for n in document.notes if n.source_line == 45)
    assert inserted.printed_after_key == "art130-1/i2"
    suspending = [p.key for p in document.provisions if p.status == "suspending"]
    # the Kazakh text names its suspension only at the end of the list (line 197, quoted)
    assert suspending == (["art133/i2", "art133/i3", "art133/i4"] if name.endswith("rus.md") else ["art133/i2", "art133/i4"])
    assert units["art133/i4/q1"].kind == "quote" and units["art133/i4/q1"].source_line == 201
    assert [p.key for p in own(document, "subparagraph") if p.key.startswith("art133")] == [
        "art133/sp1", "art133/sp2", "art133/i3/sp1", "art133/i3/sp2", "art133/i3/sp3", "art133/i3/sp4", "art133/i3/sp5",
    ]
    assert not [p for p in own(document, "part") if p.key.startswith("art133")]  # «1. …», «2. …» are the quoted wording's


def test_a_quote_whose_closing_mark_is_lost_ends_at_the_next_suspension_and_says_so():
    document = parsed("4-konst-zakon-o-vyborakh/rus.md")
    problem = next(p for p in document.problems if p.kind == "unclosed_quote")
    assert problem.source_line == 197 and "rus/ch015.md" in problem.message
    assert by_key(document)["art133/i4"].text.startswith("Приостановить до 1 января 2025 года действие пунктов 1 и 2 статьи 113-1")


@pytest.mark.parametrize(
    ("heading", "status"),
    [
        ("### Статья 128 исключена Конституционным законом РК от 14.04.2004 № 545-II.", "excluded"),
        ("### Статья 26. Исключена Законом РК от 10.07.2009 № 180-IV.", "excluded"),
        ("### 128-бап алып тасталды", "excluded"),
        ("### 26-бап.", "excluded"),
        ("### Статья 27. Вступление в силу", None),
    ],
)
def test_placeholder_headings(heading, status):
    name, following = ("kaz.md", "### 30-бап. Басқа") if "бап" in heading else ("rus.md", "### Статья 30. Иное")
    document = parse_text(f"# Закон\n\n{heading}\n\n{following}\n\nТекст.\n", name)
    assert document.provisions[1].kind == "article" and document.provisions[1].status == status


def test_deferred_and_excluded_subpoints():
    text = (
        "# Закон\n\n### Статья 5. Права\n\nГраждане имеют право на:\n\n1) труд;\n\n2) исключен;\n\n"
        "3) вводится в действие по истечении шести месяцев после дня его первого официального опубликования;\n\n"
        "### Статья 6. Вступление в силу\n\nНастоящий Закон:\n\n1) вводится в действие со дня опубликования;\n"
    )
    document = parse_text(text, "rus.md")
    assert [(p.key, p.status) for p in kinds(document, "subparagraph")] == [
        ("art5/sp1", None), ("art5/sp2", "excluded"), ("art5/sp3", "deferred"), ("art6/sp1", None),
    ]


@pytest.mark.parametrize("name", ["160919-garantirovannyi-transfert-2022-2024/kaz.md", "160919-garantirovannyi-transfert-2022-2024/rus.md", "4051-posobie-gornye-raboty/kaz.md"])
def test_the_acts_own_commencement_is_no_placeholder(name):
    assert [(p.key, p.status) for p in parsed(name).provisions if p.status] == []


def test_a_bare_heading_over_a_commencement_note_is_deferred():
    text = "# Закон\n\n### Статья 7. Новое\n\n> *Сноска. Вводится в действие с 12.07.2026 Законом РК от 01.07.2025 № 10-VIII.*\n\n### Статья 8. Иное\n\nТекст.\n"
    document = parse_text(text, "rus.md")
    assert by_key(document)["art7"].status == "deferred"
    assert by_key(document)["art8"].status is None


# --- Notes in every placement, editorial remarks ------------------------------------------------

LAWS = [name for name in COUNTS if not name.startswith(("137412", "87811"))]


@pytest.mark.parametrize("name", LAWS)
def test_every_blockquote_of_a_law_is_a_note_and_no_note_is_law_text(name):
    document = parsed(name)
    for source_file, path in [(None, BANK / name), *[(str(part), part) for part in part_files(BANK / name)]]:
        lines = path.read_text(encoding="utf-8").split("\n")
        quoted = {number for number, line in enumerate(lines, start=1) if re.match(r"^\s*> \*", line)}
        assert {n.source_line for n in document.notes if n.source_file == source_file} == quoted, path
    for note in document.notes:
        assert not [p for p in document.provisions if note.text[:60] in p.text], note.text


def test_note_placements():
    document = parsed("4570-prozhitochnyi-minimum/rus.md")
    indented = {n.source_line: n.printed_after_key for n in document.notes}
    assert indented[19] == "art1/pt3/sp2"  # indented 6 spaces under the last subpoint
    assert indented[37] == "art2/pt4"  # indented 3 spaces
    under_heading = next(n for n in parsed("4051-posobie-gornye-raboty/kaz.md").notes if n.source_line == 95)
    assert under_heading.printed_after_key == "art5-1"
    on_title = parsed("160919-garantirovannyi-transfert-2022-2024/rus.md").notes[0]
    assert on_title.text.startswith("Вводится в действие с 01.01.2022") and on_title.printed_after_key == "title"  # without the word


def test_a_note_printed_as_a_plain_line():
    text = "# Закон\n\n### Статья 2. Средства\n\nВыплата осуществляется за счет бюджетных средств.\n\nСноска. В статью 2 внесены изменения - Законом РК от 20 декабря 2004 г. № 13.\n"
    document = parse_text(text, "rus.md")
    assert [n.source_line for n in document.notes] == [7]
    assert [p.key for p in document.provisions] == ["title", "art2", "art2/i1"]


def test_a_blockquote_that_is_no_note_is_a_problem_naming_its_line():
    text = "# Закон\n\n### Статья 2. Средства\n\nТекст.\n\n> *См. также постановление Правительства.*\n"
    document = parse_text(text, "rus.md")
    problem = next(p for p in document.problems if p.kind == "note_unrecognized")
    assert problem.source_line == 7
    assert not document.notes and by_key(document)["quote"].kind == "other"


@pytest.mark.parametrize(("name", "remark"), [("33276-vvedenie-trudovogo-kodeksa-2007/rus.md", "Примечание РЦПИ!"), ("33276-vvedenie-trudovogo-kodeksa-2007/kaz.md", "РҚАО-ның ескертпесі!")])
def test_an_editorial_remark_is_its_own_unit(name, remark):
    document = parsed(name)
    editorial = by_key(document)["ed1"]
    assert editorial.kind == "editorial" and editorial.text.startswith(remark)
    assert "414-V" in editorial.text  # its text (the line after it) is part of the remark
    assert (editorial.source_line, editorial.source_line_end) == (3, 8)  # to the article's anchor
    assert not document.notes and by_key(document)["art1"].source_line == 9


# --- A table of contents ------------------------------------------------------------------------


def test_the_list_of_articles_before_the_title_is_a_table_of_contents():
    document = parsed("4570-prozhitochnyi-minimum/kaz.md")
    contents = by_key(document)["contents"]
    assert (contents.kind, contents.role, contents.source_line, contents.source_line_end) == ("other", "contents", 1, 14)
    assert document.act.title == "Ең төмен күнкөріс деңгейі туралы"
    assert by_key(document)["preamble"].text.startswith("Осы Заң Қазақстан Республикасындағы")


def test_an_oglavlenie_after_the_title_ends_where_the_text_begins():
    text = (
        "# О прожиточном минимуме\n\nОглавление\n\nСтатья 1. Прожиточный минимум\n\nСтатья 2. Минимальная потребительская корзина\n\n"
        "Статья 1. Прожиточный минимум\n\n1. Прожиточный минимум - необходимый минимальный денежный доход.\n\n"
        "Статья 2. Минимальная потребительская корзина\n\nТекст.\n"
    )
    document = parse_text(text, "rus.md")
    assert [(p.key, p.source_line) for p in document.provisions] == [
        ("title", 1), ("contents", 3), ("art1", 9), ("art1/pt1", 11), ("art2", 13), ("art2/i1", 15),
    ]


# --- A split act ------------------------------------------------------------------------------


@pytest.mark.parametrize(("index", "missing"), [("rus.md", 11), ("kaz.md", 10)])
def test_a_split_act_is_read_as_one_act(index, missing):
    path = SPLIT / index
    part = SPLIT / index.replace(".md", "") / "ch015.md"
    assert part_files(path) == [part]
    text, part_text = path.read_text(encoding="utf-8"), part.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+\.md)\)", text)
    pieces = [(f"4/{link}", part_text if link.endswith("ch015.md") else None) for link in links]
    document = parse_split(text, pieces, f"4/{index}")
    units = by_key(document)
    assert units["parts_index"].role == "parts_index" and "ch001" in units["parts_index"].raw  # the table of parts is not law text
    assert units["part_file-ch015"].source_file == f"4/{index[:3]}/ch015.md"
    assert units["art133"].source_file == f"4/{index[:3]}/ch015.md" and units["art133"].source_line == 63
    assert units["title"].source_file is None
    assert len([p for p in document.problems if p.kind == "part_missing"]) == missing
    index_lines = text.count("\n")
    beyond_the_index = [p for p in document.problems if p.source_line and p.source_line > index_lines]
    assert all(p.message.startswith(f"4/{index[:3]}/ch015.md: ") for p in beyond_the_index)  # lines counted in the part
    assert document.act.kind == "law" or document.act.title  # one act, with the index's title
    # parse_file reads the same parts itself
    assert [(p.key, p.source_line) for p in parse_file(path).provisions] == [(p.key, p.source_line) for p in document.provisions]


def test_the_build_reads_part_files_only_with_their_index(tmp_path):
    shutil.copytree(SPLIT, tmp_path / "4")
    names = [path.relative_to(tmp_path).as_posix() for path in corpus_files(tmp_path)]
    assert names == ["4/kaz.md", "4/rus.md"]


def test_a_part_file_read_on_its_own_has_no_title_of_its_own():
    document = parse_file(SPLIT / "rus" / "ch015.md")
    assert [p.key for p in document.provisions[:3]] == ["part_file", "ch15", "art128"]
    assert not [p for p in document.problems if p.kind == "no_title"]


def test_a_link_out_of_the_act_folder_is_not_a_part(tmp_path):
    folder = tmp_path / "act"
    (folder / "rus").mkdir(parents=True)
    (tmp_path / "other.md").write_text("# Другой\n", encoding="utf-8")
    (folder / "rus" / "ch001.md").write_text("↑ [Вся редакция](../rus.md)\n\n## Глава 1. Общие\n", encoding="utf-8")
    (folder / "rus.md").write_text("# Акт\n\n## Части документа\n\n| Часть | Название |\n|---|---|\n| [`x`](../other.md) | x |\n| [`ch001`](rus/ch001.md) | Глава 1 |\n", encoding="utf-8")
    assert part_files(folder / "rus.md") == [folder / "rus" / "ch001.md"]


def test_a_changed_part_file_is_parsed_again(tmp_path):
    from db import build

    corpus = tmp_path / "corpus"
    shutil.copytree(SPLIT, corpus / "4")
    first = build(corpus, tmp_path / "laws.db", workers=1, cache=True)
    again = build(corpus, tmp_path / "laws.db", workers=1, cache=True)
    part = corpus / "4" / "rus" / "ch015.md"
    part.write_text(part.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = build(corpus, tmp_path / "laws.db", workers=1, cache=True)
    assert (first.parsed, again.parsed, changed.parsed) == (2, 0, 1)  # the index of the changed part only
