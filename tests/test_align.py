"""Aligning two versions of an act unit by unit, and word-level diffs: on the real
versions of corpus/zan-gov-kz, the changes a reader lists by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.sources import parse_file
from parser import parse_text
from parser.align import align
from parser.diff import tokens, word_diff
from tests.conftest import BANK, CORPUS

ACT_11034 = BANK / "11034-adilet"
ACT_137412 = BANK / "137412-administratsiia-prezidenta"


def version(path: Path):
    return parse_file(path)


def changes(old, new) -> list[tuple[str, str | None, str | None]]:
    return [(pair.change, pair.old.key if pair.old else None, pair.new.key if pair.new else None) for pair in align(old.provisions, new.provisions) if pair.is_change]


def edited(path: Path, *replacements: tuple[str, str]):
    """A real version with some lines changed, parsed as Markdown (with its meta file)."""
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    meta = path.with_name(path.name.replace("kaz", "meta").replace(".md", ".yaml"))
    return parse_text(text, str(path), source_format="zan_markdown", meta_text=meta.read_text(encoding="utf-8") if meta.exists() else None)


def test_order_341_changed_points_10_and_17():
    """corpus-extra's README: order № 341 changed points 10 and 17 of the Instruction."""
    old, new = version(ACT_11034 / "kaz@2010-09-27.md"), version(ACT_11034 / "kaz@2010-12-22.md")
    assert changes(old, new) == [("reworded", "doc/p10/sp5", "doc/p10/sp5"), ("reworded", "doc/p17", "doc/p17")]


def test_the_annex_in_a_new_wording_drops_a_row_and_rewords_another():
    old, new = version(ACT_137412 / "kaz@2019-12-03.md"), version(ACT_137412 / "kaz@2020-08-10.md")
    # the row of «Қоғамдық келісім» РММ is gone; «Орталық коммуникациялар қызметі» РММ moved up a row
    # and its name was written out: a reader pairs it by content, not by its position
    assert changes(old, new) == [("removed", "app/t1/r4", None), ("reworded", "app/t1/r5", "app/t1/r4")]


def test_anchors_added_by_a_new_rendering_are_not_changes():
    """The 2020-10-27 file adds <a id="p1"></a> … before points 1–5: only the real change
    (the mileage limit, 2600 -> 2100 km) is listed."""
    old, new = version(ACT_137412 / "kaz@2020-08-10.md"), version(ACT_137412 / "kaz@2020-10-27.md")
    assert changes(old, new) == [("reworded", "app/i2", "app/i2")]


def test_escapes_and_spacing_are_not_changes():
    path = ACT_11034 / "kaz@2010-09-27.md"
    restyled = edited(path, ("1\\. Қазақстан", "1. Қазақстан"), ("3\\. Бұйрық", '<a id="p3"></a>\n\n3.  Бұйрық'))
    assert changes(version(path), restyled) == []


def test_a_deleted_point_and_the_renumbering_after_it():
    path = ACT_11034 / "kaz@2010-12-22.md"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("18. Резина таяқшасы"), text.index("19. КС-23")
    renumbered = text[:start] + text[end:].replace("19. КС-23", "18. КС-23", 1).replace("20. Газды түтін", "19. Газды түтін", 1)
    new = parse_text(renumbered, str(path), source_format="zan_markdown")
    listed = changes(version(path), new)
    # point 18 is gone; 19 and 20 took the numbers 18 and 19, their words unchanged
    assert listed == [("removed", "doc/p18", None), ("reworded", "doc/p19", "doc/p18"), ("reworded", "doc/p20", "doc/p19")]


def test_a_deletion_placeholder_is_a_removal():
    path = ACT_11034 / "kaz@2010-12-22.md"
    text = path.read_text(encoding="utf-8")
    point = text[text.index("18. Резина таяқшасы") : text.index("\n", text.index("18. Резина таяқшасы"))]
    new = edited(path, (point, "18. Алып тасталды - ҚР Әділет министрінің 2011.01.10 № 5 бұйрығымен."))
    assert changes(version(path), new) == [("removed", "doc/p18", "doc/p18")]


def test_an_inserted_point():
    path = ACT_11034 / "kaz@2010-12-22.md"
    new = edited(path, ("19. КС-23", "18-1. Арнайы құралдарды қолдану туралы есеп жүргізіледі.\n\n19. КС-23"))
    assert changes(version(path), new) == [("added", None, "doc/p18-1")]


# --- Word-level diffs --------------------------------------------------------------------


def test_kazakh_words_change_whole_not_letter_by_letter():
    old = "17. Қазақстан Республикасы Әділет министрлігі ҚАЖ Комитетінің төрағасы ҚАЖ Комитетінің облыстық басқарма бастықтары, түзеу мекемелерінің бастықтары"
    new = "17. Қазақстан Республикасы Әділет министрлігі ҚАЖ Комитетінің төрағасы ҚАЖК ҚАЖД бастықтары, түзеу мекемелерінің бастықтары"
    parts = [part for part in word_diff(old, new) if part["op"] != "equal"]
    assert parts == [{"op": "delete", "text": "ҚАЖ"}, {"op": "insert", "text": "ҚАЖК"}, {"op": "delete", "text": "Комитетінің облыстық басқарма"}, {"op": "insert", "text": "ҚАЖД"}]


@pytest.mark.parametrize(
    "old, new",
    [
        ("* - бір автокөліктің бір айдағы жүру лимиті 2600 км.", "* - бір автокөліктің бір айдағы жүру лимиті 2100 км."),
        ("", "1. Жаңа тармақ."),
        ("2) қолкісендер (БР, БР-С);", ""),
    ],
)
def test_a_diff_gives_back_both_texts(old, new):
    parts = word_diff(old, new)
    assert "".join(p["text"] for p in parts if p["op"] != "insert") == old
    assert "".join(p["text"] for p in parts if p["op"] != "delete") == new


def test_hyphenated_words_are_single_tokens():
    assert tokens("қылмыстық-атқару жүйесі,") == ["қылмыстық-атқару", " ", "жүйесі", ","]


def test_a_heading_joined_to_the_title_by_a_new_rendering_is_no_change():
    """The 2004 file prints «1. Жалпы ережелер» as a heading of its own; the 2010 files
    print it at the end of the Instruction's title. Point 8's last sentence, a separate
    line in 2004, is joined to the point (and reworded) in 2010."""
    old, new = version(ACT_11034 / "kaz@2004-05-26.md"), version(ACT_11034 / "kaz@2010-09-27.md")
    pairs = align(old.provisions, new.provisions)
    joined = [(p.old.key, p.new.key) for p in pairs if p.change == "joined"]
    assert joined == [("doc/ch1", "doc"), ("doc/p8/i1", "doc/p8")]
    title = next(p for p in pairs if p.new is not None and p.new.key == "doc" and p.change != "joined")
    assert title.change == "unchanged"
    listed = [key for change, key, _ in changes(old, new)]
    assert "doc" not in listed and "doc/ch1" not in listed and "doc/p8" in listed
    # the real changes, made by orders of 2004, 2009 and 2010 between the two texts
    assert listed == [
        "doc/p2", "doc/p8", "doc/p8/sp1", "doc/p8/sp2", "doc/p8/sp3", "doc/p8/sp4", "doc/p8/sp5", "doc/p8/sp6",
        "doc/p8/sp7", "doc/p8/sp8", "doc/p9", "doc/p10/sp4", "doc/p10/sp5", "doc/p10/sp6", "doc/p12", "doc/p18",
    ]


def test_numbering_that_restarts_in_an_appendix_is_aligned_by_container():
    """Seed 003 numbers its Rules 1, 2, … and appendices 1 and 3 again from 1: a change to
    point 1 of appendix 3 is that unit's, not point 1 of the Rules' or appendix 1's."""
    seed = CORPUS / "003_11aecfe5ead87c1b.txt"
    old = parse_file(seed)
    text = seed.read_text(encoding="utf-8")
    point = next(p for p in old.provisions if p.key == "doc/app3/p1")
    first_line = point.raw.splitlines()[0]
    assert text.count(first_line) == 1
    new = parse_text(text.replace(first_line, first_line.replace("Бекітілген халық тіркелімі", "Бекітілген тұрғындар тіркелімі")), str(seed))
    assert changes(old, new) == [("reworded", "doc/app3/p1", "doc/app3/p1")]
