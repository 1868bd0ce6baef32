"""Word-level differences between two wordings of a unit.

Kazakh words are long and agglutinative: a change of one suffix (``бастықтарына`` ->
``бастығына``) is shown as the whole word replaced, which is how a lawyer reads it, not as
a few letters. Spaces and punctuation are tokens of their own, so nothing of either
text is lost: the ``equal`` and ``delete`` parts give the old text back, ``equal`` and
``insert`` the new one.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+(?:[-‐]\w+)*|\s+|[^\w\s]", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Words (hyphenated ones whole), runs of space, and single punctuation marks."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[dict[str, str]]:
    """``[{"op": "equal" | "delete" | "insert", "text": …}]``, adjacent parts merged."""
    before, after = tokens(old), tokens(new)
    parts: list[dict[str, str]] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _append(parts, "equal", "".join(before[i1:i2]))
        else:
            _append(parts, "delete", "".join(before[i1:i2]))
            _append(parts, "insert", "".join(after[j1:j2]))
    return parts


def _append(parts: list[dict[str, str]], op: str, text: str) -> None:
    if not text:
        return
    if parts and parts[-1]["op"] == op:
        parts[-1]["text"] += text
    else:
        parts.append({"op": op, "text": text})


def similarity(old: str, new: str) -> float:
    """Share of words two wordings have in common, 0 to 1."""
    if old == new:  # most units of a version are the version before's: no matching needed
        return 1.0
    before, after = old.split(), new.split()
    if before == after:  # the same words (also: none at all)
        return 1.0
    return SequenceMatcher(None, before, after, autojunk=False).ratio()
