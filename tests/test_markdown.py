"""The official bank's Markdown versions (corpus/zan-gov-kz): read into the same act,
provisions and notes as an Adilet export, with nothing lost."""

from __future__ import annotations

import re
import shutil

import pytest

from db.sources import parse_file, part_files
from parser import parse_text
from parser.header import read_requisites
from parser.languages import RUSSIAN as ru
from parser.markdown import CELL_SEPARATOR, cell_spans, read_version_meta, row_cells, table_rows
from tests.conftest import BANK

VERSIONS = sorted(BANK.rglob("*.md"))
VERSIONS = [path for path in VERSIONS if path.name != "README.md"]
ACT_11034 = BANK / "11034-adilet"
ACT_137412 = BANK / "137412-administratsiia-prezidenta"


def units_in_line_order(document, source_file: str | None = None) -> list:
    """The units printed in one file (the document's own, or a part file of a split act), in line order."""
    units = [unit for unit in [*document.provisions, *document.notes] if unit.source_file == source_file]
    return sorted(units, key=lambda unit: unit.source_line)


def files_of(document, path) -> list[tuple[str | None, object]]:
    """The document's own file and, for a split act's index, its part files (as displayed)."""
    return [(None, path)] + [(str(part), part) for part in part_files(path)]


def letters(text: str) -> str:
    return "".join(character for character in text if character.isalnum())


def without_markup(source: str) -> str:
    """The source's words: HTML tags and anchors (``<td rowspan="2">``, ``<a id="p1">``) are
    formatting, so their letters are not the act's."""
    return re.sub(r"<[^>]+>", " ", source)


@pytest.fixture(scope="module")
def parsed() -> dict[str, object]:
    return {f"{path.parent.name}/{path.name}": parse_file(path) for path in VERSIONS}


ORDERS = {"11034-adilet", "137412-administratsiia-prezidenta", "164562-minfin", "180312-upravlenie-delami-prezidenta", "87811-qriim"}


def test_the_corpus_holds_nine_kazakh_versions_of_five_orders():
    """(and, from corpus-bank, the Russian texts of two of them)"""
    orders = [path for path in VERSIONS if path.parent.name in ORDERS]
    assert len([path for path in orders if path.name.startswith("kaz")]) == 9
    assert sorted(path.name for path in orders if path.name.startswith("rus")) == ["rus.md", "rus@2020-10-27.md"]
    assert {path.parent.name for path in orders} == ORDERS


@pytest.mark.parametrize("path", VERSIONS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_the_raw_units_give_back_the_file_byte_for_byte(path):
    document = parse_file(path)
    for source_file, file in files_of(document, path):
        raw = "".join(unit.raw for unit in units_in_line_order(document, source_file))
        assert raw.encode("utf-8") == file.read_bytes(), file


@pytest.mark.parametrize("path", VERSIONS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_letter_of_the_text_reaches_a_unit(path):
    document = parse_file(path)
    for source_file, file in files_of(document, path):
        stored = "".join(unit.text for unit in units_in_line_order(document, source_file))
        assert letters(stored) == letters(without_markup(file.read_text(encoding="utf-8"))), file


def test_markdown_formatting_is_not_text(parsed):
    document = parsed["11034-adilet/kaz@2010-12-22.md"]
    texts = [p.text for p in document.provisions]
    assert "1. Қазақстан Республикасы Әділет Министрлігі ҚАЖ Комитетінің түзеу мекемелері қызметкерлерінің арнайы құралдарды қолдану тәртібі туралы қоса берілген Нұсқаулық бекітілсін." in texts
    assert not any("\\." in text or "**" in text or "<a id" in text for text in texts)
    anchored = parse_file(ACT_137412 / "kaz@2020-10-27.md")
    assert next(p for p in anchored.provisions if p.key == "p1").text.startswith("1. Қосымшаға сәйкес")


def test_the_parts_of_an_order_in_the_bank_layout(parsed):
    document = parsed["137412-administratsiia-prezidenta/kaz@2019-12-03.md"]
    kinds = {p.key: p.kind for p in document.provisions}
    assert [kinds[key] for key in ("title", "preamble", "p1", "p3/sp1", "p5", "signature", "approval", "app", "app/t1")] == [
        "title", "preamble", "paragraph", "subparagraph", "paragraph", "signature", "approval", "appendix", "table"
    ]
    signature = next(p for p in document.provisions if p.kind == "signature")
    assert signature.text == "Қазақстан Республикасы Президенті Кеңсесінің бастығы Н. Онжанов"
    agreement = next(p for p in document.provisions if p.role == "agreement")
    assert agreement.text.startswith("«КЕЛІСІЛДІ»:")


def test_html_tables_become_rows_of_cells(parsed):
    document = parsed["137412-administratsiia-prezidenta/kaz@2019-12-03.md"]
    rows = [p for p in document.provisions if p.kind == "row"]
    assert [row.key for row in rows] == ["app/t1/r1", "app/t1/r2", "app/t1/r3", "app/t1/r4", "app/t1/r5"]
    assert rows[2].cells == ["1", "2", "3", "4"]
    assert rows[3].cells == ["Қазақстан Республикасының Президенті жанындағы «Қоғамдық келісім» РММ", "жедел", "-", "1"]
    assert rows[3].text == "Қазақстан Республикасының Президенті жанындағы «Қоғамдық келісім» РММ | жедел | - | 1"
    assert table_rows('<table><tr><th>a</th><td rowspan="2"> b  c </td></tr></table>') == [["a", "b c"]]


def test_notes_in_blockquotes_attach_to_their_unit(parsed):
    document = parsed["11034-adilet/kaz@2010-12-22.md"]
    targets = {note.target_key for note in document.notes}
    assert {"doc/p2", "doc/p10", "doc/p17"} <= targets
    note = next(n for n in document.notes if n.target_key == "doc/p17")
    assert note.text == "Ескерту: 17-тармаққа өзгерту енгізілді - ҚР Әділет министрінің 2010.12.22 № 341 (ресми жарияланғаннан кейін он күнтізбелік күн өткен соң қолданысқа енгізіледі) Бұйрығымен."
    appendix = parsed["137412-administratsiia-prezidenta/kaz@2020-08-10.md"]
    assert [note.target_key for note in appendix.notes] == ["app"]  # "Қосымша жаңа редакцияда"


def test_a_sentence_broken_by_the_renderer_stays_one_unit(parsed):
    """The 2004 rendering breaks point 2 of the Instruction with a blank line:
    ``2. … ескерту жасау үшін`` / ``пайдаланылған, бірақ …``."""
    document = parsed["11034-adilet/kaz@2004-05-26.md"]
    point = next(p for p in document.provisions if p.key == "doc/p2")
    assert point.text.startswith("2. Басқа құралдар түрлері бұзушыларға ескерту жасау үшін пайдаланылған, бірақ")


# --- Requisites from the meta file ------------------------------------------------------


def test_requisites_come_from_the_russian_meta_file(parsed):
    act = parsed["11034-adilet/kaz@2010-12-22.md"].act
    assert (act.kind, act.adopted_on, act.number) == ("order", "2001-12-11", "146")
    assert (act.registered_on, act.registration_number) == ("2001-12-29", "1718")
    assert act.status == "repealed"
    assert act.repeal_text == "Утратил силу приказом и.о. Министра юстиции Республики Казахстан от 24 мая 2011 года № 194"
    assert act.id == "order-2001-12-11-146"  # no Adilet id pattern is known for 2001 registrations
    assert parsed["137412-administratsiia-prezidenta/kaz@2019-12-03.md"].act.id == "V1900019742"


def test_russian_requisites_sentence():
    requisites = read_requisites(
        "Приказ Начальника Канцелярии Президента Республики Казахстан от 3 декабря 2019 года № 19-42-3.3.22. "
        "Зарегистрирован в Министерстве юстиции Республики Казахстан 19 декабря 2019 года № 19742",
        ru,
    )
    act = requisites.act
    assert (act.kind, act.issuer, act.date, act.number) == ("order", "Начальника Канцелярии Президента Республики Казахстан", "2019-12-03", "19-42-3.3.22")
    assert (requisites.registered_on, requisites.registration_number, requisites.repeal) == ("2019-12-19", "19742", None)


def test_which_version_a_file_is_and_what_made_it(parsed):
    version = parsed["137412-administratsiia-prezidenta/kaz@2020-08-10.md"].version
    assert version.version_date == "2020-08-10"
    assert (version.caused_by.date, version.caused_by.number, version.caused_by_code) == ("2020-08-10", "20-42-3.3.8", "146653")
    # the bank's date is the amending order's adoption; its note says "ten days after first
    # publication", and its registration (18.09.2020) bounds the publication to 30 days
    assert (version.effective.status, version.effective.earliest, version.effective.latest) == ("bounded", "2020-09-29", "2020-10-29")
    assert (version.effective.basis.rule, version.effective.basis.act["number"]) == ("derived_by_cause", "20-42-3.3.8")
    original = parsed["137412-administratsiia-prezidenta/kaz@2019-12-03.md"].version
    assert original.caused_by is None and original.effective.earliest == "2019-12-30"


def test_a_version_without_its_meta_file_is_identified_by_its_stamp_and_newest_note(parsed):
    document = parsed["137412-administratsiia-prezidenta/kaz@2020-10-27.md"]
    act = document.act
    assert (act.kind, act.adopted_on, act.number) == ("order", "2019-12-03", "19-42-3.3.22")
    assert "approval stamp" in act.id_basis
    assert document.version.version_date == "2020-10-27"
    assert document.version.caused_by.number == "20-42-3.3.15"
    assert "version_dated_by_note" in {p.kind for p in document.problems}


def test_a_broken_meta_file_is_a_problem_and_the_text_still_parses(tmp_path):
    folder = tmp_path / "137412"
    shutil.copytree(ACT_137412, folder)
    (folder / "meta@2019-12-03.yaml").write_text("act_code: [unclosed\n  title: {", encoding="utf-8")
    document = parse_file(folder / "kaz@2019-12-03.md")
    assert "bad_meta" in {p.kind for p in document.problems}
    undated = next(p for p in document.problems if p.kind == "version_undated")
    assert undated.message.startswith("the meta file gives no version date and no amendment note")
    assert document.act is not None and document.act.adopted_on == "2019-12-03"  # from the stamp
    assert len(document.provisions) == 21


def test_front_matter_serves_as_the_meta_file():
    meta = (ACT_137412 / "meta@2019-12-03.yaml").read_text(encoding="utf-8")
    text = (ACT_137412 / "kaz@2019-12-03.md").read_text(encoding="utf-8")
    source = f"---\n{meta}---\n{text}"
    document = parse_text(source, "kaz.md", source_format="zan_markdown")
    assert document.act.id == "V1900019742"
    assert [p.key for p in document.provisions[:3]] == ["front_matter", "title", "preamble"]
    assert "".join(unit.raw for unit in units_in_line_order(document)) == source
    assert document.version.version_date == "2019-12-03"


def test_meta_fields_are_read_per_language():
    meta = read_version_meta((ACT_11034 / "meta@2010-09-27.yaml").read_text(encoding="utf-8"), "meta.yaml")
    assert (meta.act_code, meta.version_date, meta.caused_by_code) == ("11034", "2010-09-27", "55036")
    assert meta.title_kk.startswith("Қазақстан Республикасы Әділет Министрлігі ҚАЖ Комитетінің")
    assert meta.source_url == "https://zan.gov.kz/client/#!/doc/11034/kaz/27.09.2010"


def test_a_repeal_in_the_russian_requisites_is_dated_by_its_own_clause():
    """87811: «Утратил силу приказом … от 3 апреля 2017 года № 240 (приказ вводится в действие
    по истечении десяти календарных дней после дня его первого официального опубликования)»."""
    document = parse_file(BANK / "87811-qriim" / "kaz.md")
    assert document.act.status == "repealed"
    [repeal] = document.header_amendments
    assert (repeal.act.date, repeal.act.number) == ("2017-04-03", "240")
    assert repeal.commencement.text == "приказ вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования"
    assert (repeal.commencement.rule, repeal.commencement.offset_days) == ("publication", 10)
    assert (repeal.effective.status, repeal.effective.earliest) == ("bounded", "2017-04-14")


def test_a_table_whose_rows_share_lines_is_kept_as_one_unit():
    text = "# Т\n\nБҰЙЫРАМЫН:\n\n1\\. Бір.\n\n<table>\n<tr><td>а</td></tr><tr><td>ә</td><td>б</td></tr>\n</table>\n"
    document = parse_text(text, "t.md", source_format="zan_markdown")
    table = next(p for p in document.provisions if p.kind == "table")
    assert table.text == "а / ә | б"
    assert not [p for p in document.provisions if p.kind == "row"]
    assert letters("".join(u.text for u in units_in_line_order(document))) == letters(without_markup(text))


def test_meta_files_read_with_libyaml_give_what_pyyaml_gives():
    """`load_yaml` takes libyaml's parser for speed: on every real meta file of the
    bundled corpus its values are PyYAML's own (dates as dates, titles by language)."""
    import yaml

    from parser.markdown import load_yaml

    metas = sorted(BANK.rglob("meta*.yaml"))
    assert len(metas) > 10
    for path in metas:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text) == yaml.safe_load(text), path.name


def test_a_rows_cells_span_as_its_source_says_and_its_text_splits_back_into_cells():
    row = '<tr>\n<td rowspan="2">A</td>\n<td colspan="2">B</td>\n<td colspan="x">C</td>\n</tr>\n</table>\n'
    assert cell_spans(row) == [(2, 1), (1, 2), (1, 1)]
    assert row_cells(CELL_SEPARATOR.join(["жедел", "-", "1"])) == ["жедел", "-", "1"]
