"""Source formats: one reader per layout, chosen in one registry by suffix and content;
the rest of the parser asks the format (`parser.formats.base.SourceFormat`) and tests no
flag."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest

from db.sources import meta_beside, parse_file
from parser import parse_bytes
from parser.formats import FORMATS, SOURCE_SUFFIXES, SourceFormat, format_for, is_source, register, source_suffixes, unregister
from tests import toy_format
from tests.conftest import BANK, SEED_PATHS


def test_each_format_claims_its_own_files():
    assert format_for(SEED_PATHS["000"]).name == "adilet_text"
    assert format_for(BANK / "87811-qriim" / "kaz.md").name == "zan_markdown"
    assert format_for("notes.pdf") is None


def test_the_zqai_layout_is_a_format_of_the_registry_chosen_by_content():
    assert [fmt.name for fmt in FORMATS] == ["zan_markdown", "zqai_text", "adilet_text"]
    seed_004 = SEED_PATHS["004"].read_text(encoding="utf-8")
    seed_000 = SEED_PATHS["000"].read_text(encoding="utf-8")
    assert format_for(SEED_PATHS["004"], seed_004).name == "zqai_text"
    assert format_for(SEED_PATHS["000"], seed_000).name == "adilet_text"
    assert format_for("order.txt").name == "adilet_text"  # without the text: the suffix's fallback


def test_the_corpus_walk_reads_the_suffixes_of_the_registry():
    assert SOURCE_SUFFIXES == (".md", ".txt")
    assert is_source(Path("kaz@2020-08-10.md")) and is_source(Path("000.TXT"))
    assert not is_source(Path("meta.yaml")) and not is_source(Path(".hidden.md"))


def test_what_a_format_decides_reaches_the_act():
    adilet = parse_file(SEED_PATHS["000"])
    zqai = parse_file(SEED_PATHS["004"])
    bank = parse_file(BANK / "87811-qriim" / "kaz.md")
    assert (adilet.act.layout, zqai.act.layout, bank.act.layout) == ("adilet_text", "zqai_text", "zan_markdown")
    assert adilet.repairs and not bank.repairs  # only a text that went through a PDF is repaired
    assert bank.version is not None and adilet.version is None  # only the bank's files are versions with a meta


def test_a_format_names_its_companion_files():
    bank, adilet = format_for("kaz@2020-08-10.md"), format_for("000.txt")
    assert bank.meta_file(PurePath("act/kaz@2020-08-10.md")) == PurePath("act/meta@2020-08-10.yaml")
    assert adilet.meta_file(PurePath("000.txt")) is None
    assert bank.part_links("| [`ch015`](rus/ch015.md) | Глава 15 |\n") == ["rus/ch015.md"]
    assert adilet.part_links("| [`ch015`](rus/ch015.md) |\n") == []
    assert meta_beside(BANK / "87811-qriim" / "kaz.md") == BANK / "87811-qriim" / "meta.yaml"
    assert meta_beside(SEED_PATHS["000"]) is None


def test_every_format_provides_the_steps_of_the_contract():
    for fmt in FORMATS:
        assert isinstance(fmt, SourceFormat)
    with pytest.raises(TypeError):  # a reader that cannot segment or read requisites is no format
        type("Half", (SourceFormat,), {"name": "half", "suffixes": (".half",)})()


TOY = """Toy act

Қазақстан Республикасы Денсаулық сақтау министрінің 2025 жылғы 24 қаңтардағы № 5 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2025 жылы 27 қаңтарда № 35673 болып тіркелді
1. First point.
   a line under it
2. Second point.
"""


@pytest.fixture
def toy():
    fmt = register(toy_format.FORMAT)
    yield fmt
    unregister(fmt.name)


def test_a_toy_format_registered_as_one_module_builds_a_document(toy):
    assert format_for("act.lines") is toy and ".lines" in source_suffixes() and is_source(Path("act.lines"))
    document = parse_bytes(TOY.encode("utf-8"), "corpus/act.lines")
    act = document.act
    assert (act.layout, act.id, act.kind, act.adopted_on, act.number) == ("toy_lines", "V2500035673", "order", "2025-01-24", "5")
    assert act.title == "Toy act"
    assert [(p.key, p.kind, p.text) for p in document.provisions] == [
        ("title", "title", "Toy act"),
        ("requisites", "other", act.header_text),
        ("p1", "paragraph", "1. First point."),
        ("p1/i1", "indent", "a line under it"),
        ("p2", "paragraph", "2. Second point."),
    ]
    assert document.version is None and not document.repairs


def test_an_unregistered_format_reads_nothing(toy):
    unregister(toy.name)
    assert format_for("act.lines") is None and ".lines" not in source_suffixes()
