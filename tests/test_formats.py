"""Source formats: one reader per layout, chosen in one registry by suffix and content."""

from __future__ import annotations

from pathlib import Path

from parser import parse_file
from parser.formats import FORMATS, SOURCE_SUFFIXES, format_for, is_source
from tests.conftest import BANK, SEED_PATHS


def test_each_format_claims_its_own_files():
    assert format_for(SEED_PATHS["000"]).name == "adilet_text"
    assert format_for(BANK / "87811-qriim" / "kaz.md").name == "zan_markdown"
    assert format_for("notes.pdf") is None


def test_the_corpus_walk_reads_the_suffixes_of_the_registry():
    assert SOURCE_SUFFIXES == (".md", ".txt")
    assert is_source(Path("kaz@2020-08-10.md")) and is_source(Path("000.TXT"))
    assert not is_source(Path("meta.yaml")) and not is_source(Path(".hidden.md"))


def test_what_a_format_decides_reaches_the_act():
    adilet = parse_file(SEED_PATHS["000"])
    bank = parse_file(BANK / "87811-qriim" / "kaz.md")
    assert (adilet.act.layout, bank.act.layout) == ("adilet_text", "zan_markdown")
    assert adilet.repairs and not bank.repairs  # only a text that went through a PDF is repaired
    assert bank.version is not None and adilet.version is None  # only the bank's files have a meta
    assert [fmt.reads_meta for fmt in FORMATS] == [True, False]
