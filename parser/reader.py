"""Reading a source file: bytes in, text out, or a clear reason why not.

Adilet exports are UTF-8. Users also bring UTF-16 (with or without a byte order
mark) and Windows code pages (KZ-1048 for Kazakh, cp1251 for Russian); those are
decoded and said so. Empty and binary files are
refused with a problem, never with an exception.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .languages import KAZAKH
from .model import Problem

CYRILLIC_RANGE = range(0x0400, 0x0500)
KAZAKH_ONLY = KAZAKH.KAZAKH_ONLY_LETTERS


@dataclass
class SourceText:
    path: str
    text: str | None  # None when the file could not be read as text
    encoding: str | None
    sha256: str
    size: int
    problems: list[Problem] = field(default_factory=list)


def read_source(path: str | Path, display_path: str | None = None) -> SourceText:
    """Read a file from disk; see `decode_source`."""
    data = Path(path).read_bytes()
    return decode_source(data, display_path or str(path))


def decode_source(data: bytes, path: str) -> SourceText:
    """Decode `data`, detecting UTF-8, UTF-16 and cp1251; refuse empty and binary input."""
    digest = hashlib.sha256(data).hexdigest()

    def result(text: str | None, encoding: str | None, *problems: Problem) -> SourceText:
        return SourceText(path, text, encoding, digest, len(data), list(problems))

    if not data.strip():
        return result(None, None, Problem("error", "empty_file", f"{path}: the file is empty; nothing to parse."))
    bom_encoding = _encoding_from_bom(data)
    if bom_encoding:
        text, damaged = _decode_keeping_going(data, bom_encoding)
        problems = [] if bom_encoding == "utf-8-sig" else [_decoded_note(path, bom_encoding)]
        problems += [_damaged_note(path, bom_encoding, damaged)] if damaged else []
        return result(text.lstrip("\ufeff"), bom_encoding, *problems)
    utf16 = _utf16_without_bom(data)
    if utf16:
        text, damaged = _decode_keeping_going(data, utf16)
        return result(text, utf16, _decoded_note(path, utf16), *([_damaged_note(path, utf16, damaged)] if damaged else []))
    if _looks_binary(data):
        return result(
            None,
            None,
            Problem("error", "binary_file", f"{path}: the file is binary (it contains NUL or control bytes), not a text export."),
        )
    try:
        return result(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    text, damaged = _decode_keeping_going(data, "utf-8")
    if damaged <= max(2, len(data) // 200):
        # a UTF-8 file with a few bad bytes (cut mid-character, say) is still UTF-8
        return result(text, "utf-8", _damaged_note(path, "utf-8", damaged))
    eight_bit = _single_byte_cyrillic(data)
    if eight_bit:
        encoding, text = eight_bit
        return result(text, encoding, _decoded_note(path, encoding))
    return result(
        None,
        None,
        Problem(
            "error",
            "unknown_encoding",
            f"{path}: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}), UTF-16 or cp1251; "
            "save the file as UTF-8 and build again.",
        ),
    )


def _decode_keeping_going(data: bytes, encoding: str) -> tuple[str, int]:
    """The text, with U+FFFD where bytes could not be decoded, and how many places."""
    text = data.decode(encoding, errors="replace")
    damaged = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    return text, damaged


def _damaged_note(path: str, encoding: str, places: int) -> Problem:
    return Problem(
        "warning",
        "encoding_damage",
        f"{path}: {places} place(s) are not valid {encoding} (a file cut mid-character?); kept as U+FFFD, the rest is read",
    )


def _encoding_from_bom(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return "utf-16"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of Cyrillic has a NUL or 0x04 in every other byte."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for encoding, high in (("utf-16-le", odd), ("utf-16-be", even)):
        share = (high.count(0x00) + high.count(0x04)) / len(high)
        if share > 0.9:
            text = data.decode(encoding, errors="replace")  # an odd last byte: a cut file
            return encoding if _is_readable(text) else None
    return None


def _is_readable(text: str) -> bool:
    """Mostly letters and punctuation, hardly any control characters."""
    sample = text[:4000]
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    return bool(sample) and control / len(sample) < 0.05 and any(c.isalpha() for c in sample)


#: Control bytes that text does not contain (tab, newlines and form feed are text).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8000]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return control / len(sample) > 0.05


def _single_byte_cyrillic(data: bytes) -> tuple[str, str] | None:
    """Kazakh in a Windows code page is KZ-1048 (Python's ``kz1048``), which keeps
    cp1251's Russian letters and puts ә ғ қ ң ө ұ ү һ і where cp1251 has Serbian and
    Macedonian ones. Prefer it when it yields Kazakh letters; else plain cp1251."""
    kazakh = data.decode("kz1048", errors="replace")
    if _cyrillic_share(kazakh) <= 0.3:
        return None
    if any(letter in kazakh for letter in KAZAKH_ONLY):
        return "kz1048", kazakh
    return "cp1251", data.decode("cp1251", errors="replace")


def _cyrillic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if ord(c) in CYRILLIC_RANGE) / len(letters)


def _decoded_note(path: str, encoding: str) -> Problem:
    return Problem("info", "encoding", f"{path}: decoded as {encoding}, not UTF-8; the text is kept as decoded.")
