"""The meaning of notes, dates and commencement in the real laws of corpus-bank, both
languages: each amending act of a chained note with its own action and date, each law's
commencement (split ones with their exceptions), each repeal with its date or window, and
no answer that claims a wording before the act existed. Every expected value was read by
hand from the source line named beside it."""

from __future__ import annotations

import pytest

from parser import parse_text
from parser.model import CommencementRule
from parser.notes import parse_note
from parser.temporal import derive_effective, parse_commencement
from parser.timeline import answer_on, build_timelines

from tests.conftest import BANK
from parser.languages import KAZAKH


def parsed(folder: str, name: str):
    path = BANK / folder / name
    meta = BANK / folder / "meta.yaml"
    return parse_text(
        path.read_text(encoding="utf-8"),
        f"{folder}/{name}",
        source_format="zan_markdown",
        meta_text=meta.read_text(encoding="utf-8") if meta.is_file() else None,
        lang="ru" if name.startswith("rus") else "kk",
    )


def law(text: str, name: str, requisite: str, form: str = "ЗАК"):
    """A law written in the bank's layout, with a meta of its requisite and form."""
    meta = f"act_code: '9'\nrequisite: {requisite}\nform: {form}\n"
    return parse_text(text, name, source_format="zan_markdown", meta_text=meta, lang="ru" if name.startswith("rus") else "kk")


def acts(note) -> list[tuple[str, str | None, str | None, str, str | None]]:
    return [(a.action, a.act.date, a.act.number, a.effective.status, a.effective.exact or a.effective.earliest) for a in note.amendments]


# --- 4051: chained notes, each act its own action --------------------------------------------

ARTICLE_1 = [
    ("new_wording", "2015-03-17", "293-V", "unknown", None),  # ten days after publication: no date held
    ("amended", "2015-11-17", "408-V", "exact", "2016-03-01"),
    ("amended", "2018-07-02", "165-VІ", "bounded", "2018-07-13"),
]


@pytest.mark.parametrize("name, line", [("rus.md", 27), ("kaz.md", 25)])
def test_4051_article_1_chained_note_gives_each_act_its_own_action(name, line):
    document = parsed("4051-posobie-gornye-raboty", name)
    note = next(n for n in document.notes if n.source_line == line)
    assert note.target_key == "art1"
    got = [(a, d, n, s, day) for a, d, n, s, day in acts(note)]
    assert [g[:3] for g in got] == [w[:3] for w in ARTICLE_1]
    assert got[1][3:] == ("exact", "2016-03-01")
    assert got[0][3] == "bounded" and got[0][4] == "2015-03-28"  # not before adoption + 11


def test_4051_rus_article_4_note_with_a_spaced_date_and_a_bare_article():
    # rus:71 «Статья в редакции Закона РК от 19 .12.2007 № 9-IV(порядок введения в действие см. ст.2); с изменениями, …»
    document = parsed("4051-posobie-gornye-raboty", "rus.md")
    note = next(n for n in document.notes if n.source_line == 71)
    assert note.target_key == "art4"
    assert [(a.action, a.act.date, a.act.number, a.parse_status) for a in note.amendments] == [
        ("new_wording", "2007-12-19", "9-IV", "ok"),
        ("amended", "2018-07-02", "165-VІ", "ok"),
        ("amended", "2023-04-20", "226-VII", "ok"),
    ]
    assert note.amendments[0].commencement.rule == "see_act"
    assert note.amendments[0].effective.status == "unknown"


def test_4051_insertion_names_the_inserted_article_not_its_chapter():
    # rus:97 «Глава 2 дополнена статьей 5-1 в соответствии с Законом РК от 20.04.2023 № 226-VII …»
    document = parsed("4051-posobie-gornye-raboty", "rus.md")
    note = next(n for n in document.notes if n.source_line == 97)
    assert (note.target_key, note.amendments[0].action) == ("art5-1", "inserted")
    timelines = build_timelines(document)
    chapter = answer_on(timelines.versions["ch2"], "2020-01-01")
    assert chapter.status == "in_force"  # the chapter is not new in 2023
    article = answer_on(timelines.versions["art5-1"], "2023-06-30")
    assert (article.status, article.text_known) == ("not_in_force", False)
    assert answer_on(timelines.versions["art5-1"], "2023-07-01").status == "in_force"


def test_kazakh_insertion_into_a_chapter_names_the_article():
    note = parse_note("Ескерту. 2-тарау 5-1-баппен толықтырылды - ҚР 20.04.2023 № 226-VII (01.07.2023 бастап қолданысқа енгізіледі) Заңымен.", lang=KAZAKH)
    assert note.target.path == [("chapter", "2"), ("article", "5-1")]
    assert (note.target.kind, note.target.label) == ("article", "5-1")


def test_4051_law_in_force_from_2000_and_nothing_before():
    for name in ("rus.md", "kaz.md"):
        document = parsed("4051-posobie-gornye-raboty", name)
        assert (document.act.commencement.rule, document.act.commencement.fixed_date) == ("fixed_date", "2000-01-01")
        timelines = build_timelines(document)
        for key, versions in timelines.versions.items():
            answer = answer_on(versions, "1990-01-01")
            assert (answer.status, answer.text_known) == ("not_in_force", False), key


# --- The words that are no action ---------------------------------------------------------------


def test_za_isklyucheniem_is_no_deletion_and_zameneny_replaces_words():
    # 4-konst rus.md:5 «По всему тексту, за исключением главы 14, слова … заменены соответственно словами …»
    document = parsed("4-konst-zakon-o-vyborakh", "rus.md")
    note = next(n for n in document.notes if n.source_line == 5)
    assert [a.action for a in note.amendments] == ["replaced_words"]


def test_a_second_unit_with_its_own_action_is_a_problem_not_lost():
    # 4-konst rus.md:3 «Заголовок в редакции, преамбула исключена - Конституционным законом РК от 06.05.1999 № 375-I.»
    document = parsed("4-konst-zakon-o-vyborakh", "rus.md")
    assert any(p.kind == "note_other_target" and "преамбула исключена" in p.message for p in document.problems)


def test_russian_constitutional_laws_in_the_plural():
    # rus/ch015.md:219 «Статья 133 с изменениями, внесенными Конституционными законами РК от 06.05.1999 № 375-I; …»
    document = parsed("4-konst-zakon-o-vyborakh", "rus/ch015.md")
    note = next(n for n in document.notes if n.source_line == 219)
    assert note.target_key == "art133"
    assert {a.act.kind for a in note.amendments} == {"constitutional_law"}
    assert [a.act.number for a in note.amendments] == ["375-I", "52-VI", "75-VI", "162-VI", "296-VІ", "156-VII"]


# --- Commencement ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["rus.md", "kaz.md"])
def test_104446_from_1998_with_the_dates_of_article_4(name):
    rule = parsed("104446-vvedenie-ugolovnogo-kodeksa-1997", name).act.commencement
    assert (rule.rule, rule.fixed_date) == ("fixed_date", "1998-01-01")
    assert [(e.fixed_date, e.source_key) for e in rule.exceptions] == [
        ("2000-01-01", "art4"), ("2003-01-01", "art4"), ("2004-01-01", "art4"), ("2010-01-01", "art4")
    ]


@pytest.mark.parametrize("name", ["rus.md", "kaz.md"])
def test_33276_ten_days_after_publication_except_four_units_from_2008(name):
    document = parsed("33276-vvedenie-trudovogo-kodeksa-2007", name)
    rule = document.act.commencement
    assert (rule.rule, rule.offset_days) == ("publication", 10)
    assert (document.act.effective.status, document.act.effective.earliest) == ("bounded", "2007-05-26")
    [exception] = rule.exceptions
    assert exception.fixed_date == "2008-01-01"
    assert exception.units == [
        [("article", "122"), ("paragraph", "2")],
        [("article", "204")],
        [("article", "239"), ("paragraph", "1")],
        [("article", "276"), ("paragraph", "5"), ("subparagraph", "5")],
    ]


@pytest.mark.parametrize("folder, day", [("160919-garantirovannyi-transfert-2022-2024", "2022-01-01"), ("4013-izmeneniia-zakon-okhrana-zdorovia", "1996-01-01")])
@pytest.mark.parametrize("name", ["rus.md", "kaz.md"])
def test_fixed_commencement(folder, day, name):
    act = parsed(folder, name).act
    assert (act.effective.status, act.effective.exact) == ("exact", day)


def test_160919_commencement_note_without_the_marker_is_a_note_of_the_act():
    document = parsed("160919-garantirovannyi-transfert-2022-2024", "rus.md")
    [note] = document.notes
    assert (note.target_status, note.amendments) == ("act", [])
    assert not [p for p in document.problems if p.kind.startswith("note_")]


# --- Repeals -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["rus.md", "kaz.md"])
@pytest.mark.parametrize(
    "folder, repeal, effective",
    [
        ("4570-prozhitochnyi-minimum", ("law", "2015-05-19", "314-V"), ("unknown", None)),
        ("104446-vvedenie-ugolovnogo-kodeksa-1997", ("code", "2014-07-03", "226-V"), ("unknown", None)),
        ("33276-vvedenie-trudovogo-kodeksa-2007", ("code", "2015-11-23", "414-V"), ("exact", "2016-01-01")),  # from the editorial remark
        ("160919-garantirovannyi-transfert-2022-2024", ("law", "2022-11-24", "159-VII"), ("exact", "2023-01-01")),
    ],
)
def test_repeal_and_its_date(folder, repeal, effective, name):
    document = parsed(folder, name)
    assert document.act.status == "repealed"
    [amendment] = [a for a in document.header_amendments if a.action == "repealed"]
    assert (amendment.act.kind, amendment.act.date, amendment.act.number) == repeal
    assert (amendment.effective.status, amendment.effective.exact) == effective
    timelines = build_timelines(document)
    end = timelines.act_end
    if effective[0] == "exact":
        assert (end.earliest, end.latest) == (effective[1], effective[1])
    else:  # a window that opens at the repealing act's adoption and has no known end
        assert (end.earliest, end.latest) == (repeal[1], None)


def test_104446_meta_and_requisite_disagree_on_the_date():
    document = parsed("104446-vvedenie-ugolovnogo-kodeksa-1997", "rus.md")
    assert any(p.kind == "date_disagreement" and "1997-07-15" in p.message for p in document.problems)


# --- Periods that are not read are never the publication day ---------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "алғашқы ресми жарияланған күнінен кейін бір айдан кейін қолданысқа енгізіледі",
        "алғашқы ресми жарияланған күнінен кейін он жұмыс күні өткен соң қолданысқа енгізіледі",
        "вводится в действие по истечении трех месяцев после дня его первого официального опубликования",
    ],
)
def test_a_period_is_never_the_publication_day(clause):
    lang = "ru" if "вводится" in clause else "kk"
    from parser.languages import get_language

    rule = parse_commencement(clause, get_language(lang))
    effective = derive_effective(rule, "2020-01-10", None, "2020-02-01")
    assert effective.exact != "2020-02-01" and effective.earliest != "2020-02-01"


def test_months_and_working_days_are_read():
    from parser.languages import KAZAKH as kk, RUSSIAN as ru

    assert parse_commencement("алғашқы ресми жарияланған күнінен кейін бір айдан кейін қолданысқа енгізіледі", kk).offset_months == 1
    working = parse_commencement("алғашқы ресми жарияланған күнінен кейін он жұмыс күні өткен соң қолданысқа енгізіледі", kk)
    assert (working.offset_days, working.offset_working_days) == (10, True)
    effective = derive_effective(working, "2020-01-10", None, "2020-02-01")
    assert (effective.status, effective.earliest, effective.latest) == ("bounded", "2020-02-12", None)
    months = parse_commencement("вводится в действие по истечении трех месяцев после дня его первого официального опубликования", ru)
    assert derive_effective(months, "2020-01-10", None, "2020-02-01").exact == "2020-05-02"


def test_an_unread_period_is_unknown_not_the_day():
    from parser.languages import KAZAKH as kk

    rule = parse_commencement("алғашқы ресми жарияланған күнінен кейін бірнеше күн өткен соң қолданысқа енгізіледі", kk)
    assert rule.rule == "unknown"
    assert derive_effective(rule, "2020-01-10", None, "2020-02-01").status == "unknown"
    assert isinstance(rule, CommencementRule)


# --- The amending decree 4013: its instructions, counted by hand ---------------------------
#
# rus:9-15 «статью 34 дополнить частью шестой следующего содержания: "…"; статью 35, 36, 37
# исключить.»; kaz:5 «34-бап мынадай мазмұндағы алтыншы бөлiкпен толықтырылсын: "…"; 35, 36,
# 37-баптар алынып тасталсын.» — one insertion into article 34, three articles deleted.


@pytest.mark.parametrize("name, words", [("rus.md", "Вопросы обязательного медицинского страхования граждан"), ("kaz.md", "Азаматтарды мiндеттi медициналық сақтандыру")])
def test_4013_instructions(name, words):
    document = parsed("4013-izmeneniia-zakon-okhrana-zdorovia", name)
    amended = document.amended_act
    assert (amended.reference.kind, amended.reference.date) == ("law", "1992-01-10")
    assert "здоровья народа" in amended.title or "денсаулығын сақтау" in amended.title
    got = [(i.operation, i.target.kind, i.target.label, i.target.key, i.parse_status) for i in document.instructions]
    assert got == [
        ("insert", "article", "34", "art34", "ok"),
        ("delete", "article", "35", "art35", "ok"),
        ("delete", "article", "36", "art36", "ok"),
        ("delete", "article", "37", "art37", "ok"),
    ]
    assert document.instructions[0].new_text.startswith(words)
    assert not document.instructions[0].new_text.startswith('"')


def test_russian_instruction_lines():
    from parser.instructions import parse_instruction_lines
    from parser.languages import RUSSIAN as ru

    instructions = parse_instruction_lines(
        "пункт 2 изложить в следующей редакции:\n\n«2. Новый текст.»;\n\n"
        "подпункт 3) пункта 1 исключить;\n\nв пункте 5 слова «старые слова» заменить словами «новые слова»;",
        ru,
    )
    assert [(i.operation, i.target.key, i.new_text, i.old_words, i.new_words) for i in instructions] == [
        ("new_wording", "p2", "2. Новый текст.", None, None),
        ("delete", "p1/sp3", None, None, None),
        ("replace_words", "p5", "новые слова", "старые слова", "новые слова"),
    ]


def test_russian_repeal_of_a_whole_act():
    from parser.instructions import _repealed_reference
    from parser.languages import RUSSIAN as ru

    reference = _repealed_reference(
        "2. Признать утратившим силу Закон Республики Казахстан от 24 ноября 2020 года «О гарантированном трансферте»."[3:], ru
    )
    assert (reference.kind, reference.date) == ("law", "2020-11-24")


def test_words_replaced_throughout_the_text_change_every_units_wording():
    # 4-konst rus.md:5 «По всему тексту, за исключением главы 14, слова … заменены … Конституционным
    # законом РК от 19.06.2007 № 268-III (вводится в действие со дня его официального опубликования)»
    document = parsed("4-konst-zakon-o-vyborakh", "rus/ch015.md")
    index = parsed("4-konst-zakon-o-vyborakh", "rus.md")
    note = next(n for n in index.notes if n.source_line == 5)
    assert (note.target_status, note.target_part) == ("act", "text")
    assert not [p for p in index.problems if p.kind == "note_target_not_found"]
    title = build_timelines(index).versions["title"]
    assert len(title) >= 2  # its wording changed in 1999 (note 1) …
    from parser.notes import parse_note
    from parser.languages import RUSSIAN as ru

    part = parse_note("Сноска. По всему тексту слова «А» заменены словами «Б» Законом РК от 19.06.2007 № 268-III.", ru)
    assert (part.target.kind, part.target.part, part.action) == ("act", "text", "replaced_words")
    assert document.act.kind == "constitutional_law"


def test_a_russian_appendix_stamp_gives_the_act_without_meta():
    # 137412-administratsiia-prezidenta/rus@2020-10-27.md:37-41 «ПРИЛОЖЕНИЕ к приказу начальника Канцелярии … от 3 декабря 2019 года № 19-42-3.3.22»
    document = parsed("137412-administratsiia-prezidenta", "rus@2020-10-27.md")
    assert (document.act.kind, document.act.adopted_on, document.act.number) == ("order", "2019-12-03", "19-42-3.3.22")
    assert (document.act.effective.status, document.act.effective.earliest) == ("bounded", "2019-12-14")


@pytest.mark.parametrize("name", ["rus.md", "kaz.md"])
def test_an_act_the_bank_records_no_repeal_of_is_in_force(name):
    assert parsed("4-konst-zakon-o-vyborakh", name).act.status == "in_force"
    assert parsed("4051-posobie-gornye-raboty", name).act.status == "in_force"


@pytest.mark.parametrize("name", ["rus/ch015.md", "kaz/ch015.md"])
def test_a_commencement_said_by_a_subpoint_of_the_act_itself(name):
    # rus/ch015.md:65-67 «Настоящий Конституционный закон: 1) вступает в силу со дня опубликования;»
    # kaz/ch015.md:65-67 «Осы Конституциялық заң: 1) жарияланған күнiнен бастап күшiне енедi;»
    path = BANK / "4-konst-zakon-o-vyborakh" / name
    document = parse_text(
        path.read_text(encoding="utf-8"), name, source_format="zan_markdown",
        meta_text=(BANK / "4-konst-zakon-o-vyborakh" / "meta.yaml").read_text(encoding="utf-8"),
        lang="ru" if name.startswith("rus") else "kk",
    )
    rule = document.act.commencement
    assert (rule.rule, rule.offset_days, rule.offset_months) == ("publication", None, None)
    assert (document.act.effective.status, document.act.effective.earliest) == ("bounded", "1995-09-28")


# --- The confident wrong answers of issue 15, each a test that fails on it ---------------------


@pytest.mark.parametrize("name", ["rus.md", "kaz.md"])
def test_a_2022_law_holds_no_wording_in_1990(name):
    document = parsed("160919-garantirovannyi-transfert-2022-2024", name)
    timelines = build_timelines(document)
    for key, versions in timelines.versions.items():
        answer = answer_on(versions, "1990-01-01")
        assert (answer.status, answer.text_known) == ("not_in_force", False), key
    assert answer_on(timelines.versions["title"], "2022-06-01").status == "in_force"
    assert answer_on(timelines.versions["title"], "2023-01-01").status == "not_in_force"  # repealed from 1 January 2023


def test_no_wording_is_vouched_for_when_the_act_has_no_date_at_all():
    from parser.timeline import Basis, Bound, Version

    versions = [Version("p1", Bound(None, None, Basis("commencement")), None, True, "1. Text.", Basis("current_no_note"))]
    answer = answer_on(versions, "1990-01-01")
    assert (answer.status, answer.text_known) == ("uncertain", False)


def test_a_chained_article_existed_before_its_last_amendment():
    # 4051 kaz:25: article 1 «жаңа редакцияда - ҚР 17.03.2015 …; өзгерістер енгізілді - … 02.07.2018 …»
    document = parsed("4051-posobie-gornye-raboty", "kaz.md")
    versions = build_timelines(document).versions["art1"]
    assert answer_on(versions, "2010-01-01").status == "in_force"
    assert answer_on(versions, "2017-01-01").status == "in_force"
    assert answer_on(versions, "2017-01-01").text_known is False  # the 2018 change: wording not held


def test_a_repeal_note_on_the_act_makes_it_repealed():
    text = (
        "# Қазақстан Республикасының Конституциялық Сотының туралы\n\n"
        "> *Ескерту. Күші жойылды – ҚР 05.11.2022 № 154-VII (01.01.2023 бастап қолданысқа енгізіледі) Конституциялық заңымен.*\n\n"
        "## 1-бап. Жалпы ережелер\n\nМәтін.\n"
    )
    document = law(text, "kaz.md", "Конституционный закон Республики Казахстан от 29 декабря 1995 года N 2737", "КЗАК")
    assert document.act.status == "repealed"
    end = build_timelines(document).act_end
    assert (end.earliest, end.latest) == ("2023-01-01", "2023-01-01")


# --- Russian and old Kazakh note styles (FORMATS.md §2c, issue 15) -----------------------------


def test_old_kazakh_styles_with_trailing_dots_and_stray_spaces():
    note = parse_note("Ескерту. 3-бапқа өзгерістер енгізілді - Қазақстан Республикасының 1998.12.17. N 325 , 2004.01.13. N 523 Заңдарымен .", lang=KAZAKH)
    assert [(a.action, a.act.kind, a.act.date, a.act.number, a.parse_status) for a in note.amendments] == [
        ("amended", "law", "1998-12-17", "325", "ok"),
        ("amended", "law", "2004-01-13", "523", "ok"),
    ]


def test_russian_kinds_change_along_the_list():
    from parser.languages import RUSSIAN as ru

    note = parse_note(
        "Сноска. Статья 26 с изменениями, внесенными Кодексом РК от 23.11.2015 № 414-V (вводится в действие с 01.01.2017); "
        "законами РК от 16.04.2018 № 147-VІ (вводится в действие по истечении десяти календарных дней после дня его первого "
        "официального опубликования); от 02.07.2018 № 165-VІ.",
        ru,
    )
    assert [(a.act.kind, a.act.date) for a in note.amendments] == [("code", "2015-11-23"), ("law", "2018-04-16"), ("law", "2018-07-02")]


def test_russian_nested_target_pending_and_suspension():
    from parser.languages import RUSSIAN as ru

    deleted = parse_note("Сноска. Пункт 2 статьи 3 исключен Законом РК от 10.01.2018 № 133-VІ.", ru)
    assert (deleted.target.path, deleted.amendments[0].action) == ([("article", "3"), ("paragraph", "2")], "deleted")
    pending = parse_note("Сноска. В статью 5 предусмотрено изменение Законом РК от 03.06.2026 № 295-VIII (вводится в действие с 01.01.2027).", ru)
    assert [(a.action, a.act.date) for a in pending.amendments] == [("pending_amended", "2026-06-03")]
    suspended = parse_note("Сноска. Подпункт 3) пункта 1 статьи 4 приостановлен до 01.01.2025 Законом РК от 10.01.2018 № 133-VІ.", ru)
    assert [(a.action, a.act.date, a.act.number) for a in suspended.amendments] == [("suspended", "2018-01-10", "133-VІ")]


# --- A law that puts its own units into force later, or sends the reader to an article ----------
# (the phrasing of 33276 art. 1 and 160919 kaz.md:3, applied to a law's own units)

SPLIT_LAW = """# О примере

<a id="st1"></a>

## Статья 1. Основные положения

Текст статьи 1.

<a id="st2"></a>

## Статья 2. Особые положения

Текст статьи 2.

<a id="st3"></a>

## Статья 3. Порядок введения в действие настоящего Закона

Настоящий Закон вводится в действие с 1 января 2020 года, за исключением статьи 2, которая вводится в действие с 1 января 2021 года.
"""
SPLIT_META = "act_code: '9'\nrequisite: Закон Республики Казахстан от 10 декабря 2019 года № 290-VI\nform: ЗАК\n"


def test_a_law_puts_its_own_article_into_force_later():
    document = parse_text(SPLIT_LAW, "rus.md", source_format="zan_markdown", meta_text=SPLIT_META, lang="ru")
    rule = document.act.commencement
    assert (rule.rule, rule.fixed_date) == ("fixed_date", "2020-01-01")
    [exception] = rule.exceptions
    assert (exception.fixed_date, exception.units, exception.unit_keys) == ("2021-01-01", [[("article", "2")]], ["art2"])
    timelines = build_timelines(document)
    assert answer_on(timelines.versions["art1"], "2020-06-01").status == "in_force"
    assert answer_on(timelines.versions["art2"], "2020-06-01").status == "not_in_force"
    assert answer_on(timelines.versions["art2"], "2021-01-01").status == "in_force"


def test_see_article_two_is_that_articles_clause():
    text = (
        "# Мысал туралы\n\n> *Ескерту. Заң (қолданысқа енгізілу тәртібін 2-баптан қараңыз).*\n\n"
        "## 1-бап. Негізгі ережелер\n\nМәтін.\n\n## 2-бап. Осы Заңды қолданысқа енгізу тәртібі\n\n"
        "Осы Заң 2022 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.\n"
    )
    document = law(text, "kaz.md", "Закон Республики Казахстан от 30 ноября 2021 года № 76-VII ЗРК")
    assert (document.act.commencement.rule, document.act.commencement.fixed_date) == ("fixed_date", "2022-01-01")
    [note] = document.notes
    assert (note.target_status, note.amendments) == ("act", [])  # the act's own commencement, not an unread note
    from parser.document import _see_article
    from parser.languages import KAZAKH as kk

    rule = parse_commencement("қолданысқа енгізілу тәртібін 2-баптан қараңыз", kk)
    assert rule.rule == "see_act"
    found = _see_article(rule, document, kk)
    assert (found.rule, found.fixed_date, found.source_key) == ("fixed_date", "2022-01-01", document.act.commencement.source_key)


@pytest.mark.parametrize("name", ["rus.md", "kaz.md"])
def test_an_editorial_remark_is_a_pending_change_with_its_date_never_law_in_force(name):
    # 33276 rus:5 «Утрачивает силу Кодексом РК от 23.11.2015 № 414-V (вводится в действие с 01.01.2016).»
    # kaz:5 «Заңның күшін жою көзделген көзделген - ҚР 23.11.2015 № 414-V Кодексімен (01.01.2016 бастап …)»
    document = parsed("33276-vvedenie-trudovogo-kodeksa-2007", name)
    pending = [a for a in document.header_amendments if a.action.startswith("pending_")]
    assert [(a.action, a.act.kind, a.act.date, a.act.number, a.effective.exact) for a in pending] == [
        ("pending_repealed", "code", "2015-11-23", "414-V", "2016-01-01")
    ]
    end = build_timelines(document).act_end  # the repeal that ends the act is the requisites', not the remark
    assert (end.earliest, end.basis.rule, end.basis.facts) == ("2016-01-01", "changed_by", {"action": "repealed"})


def test_a_version_caused_by_the_repealing_act_takes_the_repeals_date():
    # 33276 meta: caused_by «Кодекс Республики Казахстан от 23 ноября 2015 года № 414-V ЗРК»
    document = parsed("33276-vvedenie-trudovogo-kodeksa-2007", "rus.md")
    assert (document.version.effective.status, document.version.effective.exact) == ("exact", "2016-01-01")
    assert not [p for p in document.problems if p.kind == "version_cause_not_in_notes"]


def test_a_roman_numeral_with_a_cyrillic_i_is_the_same_number():
    from db.links import cited_act_id
    from parser.versions import same_act

    # 4051 kaz:25 «02.07.2018 № 165-VІ» (Cyrillic І) names the law 165-VI
    assert same_act("2018-07-02", "165-VІ", "2018-07-02", "165-VI")
    assert cited_act_id("law", "2018-07-02", "165-VІ") == cited_act_id("law", "2018-07-02", "165-VI")


def test_a_unit_whose_commencement_a_note_under_its_heading_defers():
    # FORMATS.md §3: "a heading over `> *Сноска. Вводится в действие с 12.07.2026 …*`"
    text = (
        "# О примере\n\n## Статья 1. Общие положения\n\nТекст статьи 1.\n\n"
        "## Статья 2. Особые положения\n\n> *Сноска. Вводится в действие с 12.07.2026 в соответствии с пунктом 2 статьи 3 настоящего Закона.*\n\n"
        "## Статья 3. Порядок введения в действие настоящего Закона\n\n1. Настоящий Закон вводится в действие с 1 января 2026 года.\n"
    )
    document = parse_text(text, "rus.md", source_format="zan_markdown", meta_text=SPLIT_META, lang="ru")
    [note] = document.notes
    assert (note.target_key, note.target_status) == ("art2", "unit")
    timelines = build_timelines(document)
    assert answer_on(timelines.versions["art1"], "2026-03-01").status == "in_force"
    assert answer_on(timelines.versions["art2"], "2026-03-01").status == "not_in_force"
    assert answer_on(timelines.versions["art2"], "2026-07-12").status == "in_force"


def test_the_banks_form_gives_the_kind_the_requisite_does_not_say():
    text = "# О примере\n\n## Статья 1. Общие положения\n\nТекст.\n"
    document = law(text, "rus.md", "Республики Казахстан от 10 декабря 2019 года № 290-VI", "КЗАК")
    assert (document.act.kind, document.act.adopted_on, document.act.number) == ("constitutional_law", "2019-12-10", "290-VI")
