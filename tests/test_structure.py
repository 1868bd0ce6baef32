"""Which lines form which unit. Adilet exports (seeds 000–003) indent units by six
spaces and put headings at the margin after a blank line; the ЗҚАИ layout (seed 004)
indents nothing, separates units by blank lines and quotes new wordings in «…», whose
numbers belong to the quote, not to the order."""

from __future__ import annotations

import pytest

from parser.structure import (
    PARAGRAPH,
    SUBPARAGRAPH,
    detect_layout,
    heading_match,
    is_operative_formula,
    segment,
    split_lines,
)
from parser.languages import KAZAKH


def blocks(layout):
    """(first printed line, kind, label, role) of every block."""
    out = []
    for block in layout.blocks:
        lines = layout.lines[block.start : block.end]
        first = next((line.number for line in lines if not line.blank), lines[0].number)
        out.append((first, block.kind, block.label, block.role))
    return out


@pytest.mark.parametrize(
    "prefix, layout",
    [("000", "adilet_text"), ("001", "adilet_text"), ("002", "adilet_text"), ("003", "adilet_text"), ("004", "zqai_text")],
)
def test_layout_of_each_seed(sources, prefix, layout):
    assert detect_layout(split_lines(sources[prefix])[0]) == layout


def test_every_line_belongs_to_exactly_one_block(sources, prefix):
    layout = segment(sources[prefix])
    assert layout.blocks[0].start == 0
    assert layout.blocks[-1].end == len(layout.lines)
    for block, following in zip(layout.blocks, layout.blocks[1:]):
        assert block.end == following.start
        assert block.end > block.start


def test_adilet_header_and_order_of_seed_000(sources):
    assert blocks(segment(sources["000"]))[:15] == [
        (2, "title", None, None),
        (4, "other", None, "status"),  # Күшін жойған
        (5, "other", None, "requisites"),
        (11, "note", None, None),  # the act's own note, before the preamble
        (13, "preamble", None, None),  # ends with the letter-spaced Б Ұ Й Ы Р А М Ы Н :
        (16, "paragraph", "1", None),
        (18, "note", None, None),
        (21, "paragraph", "2", None),
        (24, "paragraph", "3", None),
        (29, "paragraph", "4", None),
        (34, "paragraph", "5", None),
        (36, "paragraph", "6", None),
        (41, "signature", None, None),
        (42, "approval", None, None),
        (47, "appendix", None, "approved_document"),
    ]


def test_zqai_header_and_order_of_seed_004(sources):
    assert blocks(segment(sources["004"])) == [
        (1, "other", None, "qr"),
        (3, "other", None, "ministry"),
        (6, "other", None, "requisites"),
        (16, "other", None, "ministry_ru"),
        (19, "title", None, None),
        (25, "preamble", None, None),
        (27, "paragraph", "1", None),
        (33, "indent", None, None),  # кіріспе мынадай редакцияда жазылсын:
        (35, "quote", None, None),
        (39, "indent", None, None),
        (42, "indent", None, None),  # 1 және 2 - тармақ мынадай редакцияда жазылсын:
        (44, "quote", None, None),
        (51, "quote", None, None),  # «2. Осы Қағидаларда ... 1) ... 8) ...»; one quote
        (93, "indent", None, None),
        (95, "quote", None, None),  # «3-1 ... 3.2 ...»
        (106, "indent", None, None),
        (108, "indent", None, None),
        (110, "quote", None, None),
        (115, "paragraph", "2", None),
        (119, "subparagraph", "1", None),
        (122, "subparagraph", "2", None),
        (125, "subparagraph", "3", None),
        (131, "paragraph", "3", None),
        (134, "paragraph", "4", None),
        (137, "signature", None, None),
    ]


def test_a_quote_never_closed_swallows_the_rest_and_is_reported(sources):
    # seed 004 cut inside the quoted definitions (lines 1..60)
    text = "".join(sources["004"].splitlines(keepends=True)[:60])
    layout = segment(text)
    assert blocks(layout)[-1] == (51, "quote", None, None)
    assert [(p.kind, p.source_line) for p in layout.problems] == [("unclosed_quote", 51)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1-тарау. Жалпы ережелер", ("chapter", "1")),
        ("2-тарау. АЕҰ негізгі функциялары", ("chapter", "2")),
        ("1-параграф. Жедел медициналық көмек және санитариялық авиация түріндегі ", ("section", "1")),
        ("Параграф 1. Емхана", ("section", "1")),
        ("1-қосымша", ("appendix", "1")),
        ("24-2-бап.", ("article", "24-2")),
        ("      1. Осы Ереже қалпына келтіру емін және медициналық оңалту, оның ішінде ", None),
        ("1 және 2 - тармақ мынадай редакцияда жазылсын:", None),
    ],
)
def test_heading_match(text, expected):
    assert heading_match(text, lang=KAZAKH) == expected


def test_paragraph_and_subparagraph_labels(seed_line):
    assert PARAGRAPH.match(seed_line("000", 16).strip())["label"] == "1"
    assert SUBPARAGRAPH.match(seed_line("001", 18).strip())["label"] == "1"
    assert SUBPARAGRAPH.match("70-42) тармақшасын")["label"] == "70-42"
    assert PARAGRAPH.match("3-1. Амбулаториялық")["label"] == "3-1"
    assert PARAGRAPH.match("3.2 Амбулаториялық") is None
    assert PARAGRAPH.match("2015 жылғы 13 мамырдағы") is None


def test_operative_formula(seed_line):
    assert is_operative_formula(seed_line("004", 25), lang=KAZAKH)
    assert is_operative_formula("БҰЙЫРАМЫН:", lang=KAZAKH)
    assert is_operative_formula(seed_line("003", 17), lang=KAZAKH)  # "жетілдіру мақсатында :БҰЙЫРАМЫН"
    assert not is_operative_formula(seed_line("000", 16), lang=KAZAKH)


def test_letter_spaced_operative_formula_ends_the_preamble(sources):
    lines, _ = split_lines(sources["000"])
    assert lines[14].raw.rstrip("\n") == "Б Ұ Й Ы Р А М Ы Н :"
    assert lines[14].text == "БҰЙЫРАМЫН:"
    assert is_operative_formula(lines[14].text, lang=KAZAKH)


def test_a_wrapped_line_that_starts_with_a_number_is_not_a_new_unit(sources, seed_line):
    # seed 001 line 11 " 70-42) тармақшасын ..." continues the preamble; seed 000 line 44
    # "2 0 0 9  ж ы л ғ ы ..." is part of the approval stamp
    assert seed_line("001", 11).startswith(" 70-42) тармақшасын")
    layout_blocks = blocks(segment(sources["001"]))
    assert all(first != 11 for first, *_ in layout_blocks)
    assert all(first != 44 for first, *_ in blocks(segment(sources["000"])))


def test_approved_document_title_runs_until_its_first_heading(sources):
    layout = segment(sources["001"])
    first_lines = [first for first, *_ in blocks(layout)]
    assert (35, "appendix", None, "approved_document") in blocks(layout)
    assert 37 in first_lines  # "1-тарау. Жалпы ережелер" after the split-heading repair


def test_appendix_block_starts_with_the_name_it_is_appended_to(sources, seed_line):
    assert seed_line("003", 675) == "Амбулаториялық-емханалық көмек"
    assert seed_line("003", 681) == "1-қосымша"
    found = {first: (kind, label) for first, kind, label, _ in blocks(segment(sources["003"]))}
    assert found[675] == ("appendix", "1")
    assert found[923] == ("appendix", "2")
    assert found[1009] == ("appendix", "3")
