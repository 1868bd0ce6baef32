"""Reading a source file: Adilet exports are UTF-8; UTF-16, KZ-1048 (Windows Kazakh)
and cp1251 copies are decoded and said so; empty and binary files are refused with a
problem, never an exception."""

from __future__ import annotations

import gzip
import hashlib

import pytest

from db.sources import parse_file
from parser import parse_bytes
from parser.reader import decode_source, read_source


def test_utf8_seed_decodes_without_problems(prefix, seed_paths, sources):
    source = read_source(seed_paths[prefix])
    assert source.encoding == "utf-8"
    assert source.text == sources[prefix]
    assert source.problems == []
    data = seed_paths[prefix].read_bytes()
    assert source.size == len(data)
    assert source.sha256 == hashlib.sha256(data).hexdigest()


def test_seed_000_starts_with_a_blank_line_and_its_title(seed_paths):
    text = read_source(seed_paths["000"]).text
    assert text.split("\n")[1] == "Қалпына келтіру емін көрсету және медициналық оңалту ережесін бекіту туралы"


@pytest.mark.parametrize(
    "codec, expected_encoding",
    [
        ("utf-16", "utf-16"),  # with a byte order mark
        ("utf-16-le", "utf-16-le"),  # no byte order mark
        ("utf-16-be", "utf-16-be"),  # no byte order mark
    ],
)
def test_utf16_copy_of_a_seed_decodes_to_the_same_text(prefix, sources, codec, expected_encoding):
    text = sources[prefix]
    source = decode_source(text.encode(codec), f"{prefix}.txt")
    assert source.text == text
    assert source.encoding == expected_encoding
    assert [(p.severity, p.kind) for p in source.problems] == [("info", "encoding")]
    assert expected_encoding in source.problems[0].message


def test_utf8_with_byte_order_mark_is_plain_utf8_without_a_problem(sources):
    text = sources["001"]
    source = decode_source(text.encode("utf-8-sig"), "001.txt")
    assert source.text == text
    assert not source.text.startswith("\ufeff")
    assert source.problems == []


def test_cp1251_copy_of_a_real_russian_line_decodes_to_the_same_text(seed_line):
    # cp1251 has no Kazakh letters (қ, ә, ө, ...), so only the Russian lines of a seed
    # can be saved in it: the ministry's Russian name in seed 004's bilingual header.
    assert seed_line("004", 16) == "Министерство здравоохранения Республики "
    assert seed_line("004", 17) == "Казахстан"
    text = seed_line("004", 16) + "\n" + seed_line("004", 17) + "\n"
    source = decode_source(text.encode("cp1251"), "ministry_ru.txt")
    assert source.text == text
    assert source.encoding == "cp1251"
    assert [(p.severity, p.kind) for p in source.problems] == [("info", "encoding")]


def test_kazakh_copy_of_a_seed_in_the_windows_kazakh_code_page(prefix, sources):
    """A Kazakh text saved by Windows "ANSI" tools is KZ-1048, not cp1251 (which has no
    қ, ә, ғ, ...). Read as cp1251 it would turn «Қалпына» into «Ќалпына»."""
    text = sources[prefix]
    source = decode_source(text.encode("kz1048"), f"{prefix}-kz1048.txt")
    assert source.text == text
    assert source.encoding == "kz1048"
    assert [(p.severity, p.kind) for p in source.problems] == [("info", "encoding")]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\n"])
def test_empty_file_is_refused(data):
    source = decode_source(data, "empty.txt")
    assert source.text is None
    assert source.encoding is None
    assert [(p.severity, p.kind) for p in source.problems] == [("error", "empty_file")]


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02\x03\x04\x05\x06\x07" * 64,
        bytes(range(256)),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",  # a .docx is a zip
        b"\x00\x01" * 64,  # NUL and control bytes, even at UTF-16 spacing, are not text
    ],
    ids=["control-run", "all-bytes", "png", "docx-zip", "nul-01-pairs"],
)
def test_binary_bytes_are_refused(data):
    source = decode_source(data, "scan.bin")
    assert source.text is None
    assert [(p.severity, p.kind) for p in source.problems] == [("error", "binary_file")]


def test_gzipped_seed_is_binary(seed_paths):
    source = decode_source(gzip.compress(seed_paths["002"].read_bytes()), "002.txt.gz")
    assert source.text is None
    assert [p.kind for p in source.problems] == ["binary_file"]


def test_unreadable_file_gives_a_document_with_no_act_and_the_problem():
    document = parse_bytes(b"", "empty.txt")
    assert document.act is None
    assert document.provisions == [] and document.notes == []
    assert [p.kind for p in document.problems] == ["empty_file"]
    assert document.size == 0
    assert document.sha256 == hashlib.sha256(b"").hexdigest()


def test_decoded_copy_parses_like_the_original_and_keeps_the_encoding_note(seeds, sources):
    original = seeds["001"]
    document = parse_bytes(sources["001"].encode("utf-16"), "001-utf16.txt")
    assert document.encoding == "utf-16"
    assert document.problems[0].kind == "encoding"
    assert document.act.id == original.act.id == "V2200026917"
    assert [p.key for p in document.provisions] == [p.key for p in original.provisions]


def test_parse_file_records_encoding_size_and_digest(seed_paths):
    document = parse_file(seed_paths["004"])
    data = seed_paths["004"].read_bytes()
    assert document.encoding == "utf-8"
    assert document.size == len(data)
    assert document.sha256 == hashlib.sha256(data).hexdigest()
