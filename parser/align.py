"""Aligning the units of two versions of one act.

Units are matched by their structural key (``doc/p10``, ``app/t1/r4``: TEMPORAL.md §7),
which the numbering gives and which survives re-rendering. Three things make keys alone
wrong, and each is handled:

- **renumbering**: paragraph 5 deleted, 6 becomes 5. A same-key pair whose wordings
  share little is not trusted; the unit is matched by content instead.
- **units without numbers** (indents ``i2``, table rows ``r4``, quotes): their keys are
  positions, which shift when a row is removed, so they are matched by content, in order.
- **deletion placeholders**: a unit kept as ``5. Алып тасталды`` is removed, not reworded.
- **units joined by a new rendering**: the 2004 text of 11034 prints ``1. Жалпы ережелер``
  as a heading of its own, the 2010 one at the end of the Instruction's title. A unit that
  disappears while the unit before it gains its words was *joined* to it (change
  ``joined``, not listed among the changes); the unit before is compared with both.

A change of formatting only (escapes, anchors, header cells, spacing) is no change: the
parser's texts are already free of Markdown, and spaces are normalised before comparing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

from .diff import similarity
from .languages import KAZAKH
from .model import Provision

#: Keys whose last part is a position, not a printed number.
_POSITIONAL = re.compile(r"(?:^|/)(?:i|q|r|t)\d+(?:~\d+)?$")
_LABEL = re.compile(r"^\s*\d+(?:[-.]\d+)*\s*[.)]\s*")

#: The changes a reader lists; "unchanged" and "joined" (formatting) are not among them.
CHANGES = ("added", "removed", "reworded")

#: Below this share of common words, two wordings under one key are not trusted to be one unit.
SAME_UNIT = 0.4


@dataclass
class Pair:
    old: Provision | None
    new: Provision | None
    change: str  # added | removed | reworded | unchanged | joined (into `new`, see above)

    @property
    def is_change(self) -> bool:
        """Listed as a change: added, removed or reworded (not unchanged, not joined)."""
        return self.change in CHANGES

    @property
    def key(self) -> str:
        unit = self.new or self.old
        assert unit is not None
        return unit.key


#: Distinct unit texts whose compared forms are remembered per process: every version
#: of an act reprints most of its units, and each is compared several times.
TEXT_MEMO = 16384


def comparable(provision: Provision) -> str:
    """The wording as compared: spaces normalised, nothing else touched."""
    return _comparable(provision.text)


def body(provision: Provision) -> str:
    """The wording without its printed number (``5. Осы …`` -> ``Осы …``)."""
    return _body(provision.text)


def is_placeholder(provision: Provision) -> bool:
    """``5. Алып тасталды - …``: a deleted unit kept in place."""
    return _is_placeholder(provision.text)


@lru_cache(maxsize=TEXT_MEMO)
def _comparable(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=TEXT_MEMO)
def _body(text: str) -> str:
    return _LABEL.sub("", _comparable(text), count=1)


@lru_cache(maxsize=TEXT_MEMO)
def _is_placeholder(text: str) -> bool:
    return KAZAKH.fold(_body(text)).startswith(KAZAKH.DELETION_PLACEHOLDERS)


def is_positional(key: str) -> bool:
    return _POSITIONAL.search(key) is not None


def align(old: list[Provision], new: list[Provision]) -> list[Pair]:
    """Every unit of both versions, paired where they are one unit, in the new version's
    order (a removed unit follows the unit it followed before)."""
    matched: dict[int, int] = {}  # index in new -> index in old
    old_index = {p.key: i for i, p in enumerate(old)}
    for j, unit in enumerate(new):
        i = old_index.get(unit.key)
        if i is not None and not is_positional(unit.key) and similarity(body(old[i]), body(unit)) >= SAME_UNIT:
            matched[j] = i
    _match_by_content(old, new, matched)
    used = set(matched.values())
    for j, unit in enumerate(new):  # a full new wording under the same number is still that unit
        i = old_index.get(unit.key)
        if j not in matched and i is not None and i not in used and not is_positional(unit.key):
            matched[j] = i
            used.add(i)
    return _pairs(old, new, matched, _rendering_joins(old, new, matched))


def _rendering_joins(old: list[Provision], new: list[Provision], matched: dict[int, int]) -> dict[int, int]:
    """Old units joined to the unit before them (old index -> that unit's old index):
    unmatched, and the new wording of the unit before reads more like both together than
    like itself alone."""
    new_of_old = {i: j for j, i in matched.items()}
    joins: dict[int, int] = {}
    for i in range(1, len(old)):
        if i in new_of_old:
            continue
        head = joins.get(i - 1, i - 1)
        if head not in new_of_old:
            continue
        target = body(new[new_of_old[head]])
        alone = " ".join([body(old[head]), *(body(old[k]) for k in sorted(joins) if joins[k] == head)])
        together = f"{alone} {comparable(old[i])}"
        if similarity(together, target) > similarity(alone, target) and _share_words(comparable(old[i]), target):
            joins[i] = head
    return joins


def _share_words(part: str, whole: str) -> bool:
    """Most of the words of `part` occur in `whole`."""
    words = part.split()
    present = set(whole.split())
    return bool(words) and sum(word in present for word in words) * 2 >= len(words)


def _match_by_content(old: list[Provision], new: list[Provision], matched: dict[int, int]) -> None:
    """Pair the units not yet matched, in order: equal wordings first, then, inside each
    stretch that differs, the most similar unit of the same kind."""
    used = set(matched.values())
    old_rest = [i for i in range(len(old)) if i not in used]
    new_rest = [j for j in range(len(new)) if j not in matched]
    old_texts = [f"{old[i].kind}\t{body(old[i])}" for i in old_rest]
    new_texts = [f"{new[j].kind}\t{body(new[j])}" for j in new_rest]
    matcher = SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for a, b in zip(range(i1, i2), range(j1, j2)):
                matched[new_rest[b]] = old_rest[a]
        elif op == "replace":
            taken: set[int] = set()
            for b in range(j1, j2):
                unit = new[new_rest[b]]
                best, best_score = None, SAME_UNIT
                for a in range(i1, i2):
                    candidate = old[old_rest[a]]
                    if a in taken or candidate.kind != unit.kind:
                        continue
                    score = similarity(body(candidate), body(unit))
                    if score >= best_score:
                        best, best_score = a, score
                if best is not None:
                    taken.add(best)
                    matched[new_rest[b]] = old_rest[best]


def _pairs(old: list[Provision], new: list[Provision], matched: dict[int, int], joins: dict[int, int]) -> list[Pair]:
    used = set(matched.values()) | set(joins)
    removed_after: dict[int, list[int]] = {}  # new index (-1: start) -> old units removed after it
    new_of_old = {i: j for j, i in matched.items()}
    anchor = -1
    for i in range(len(old)):
        if i in new_of_old:
            anchor = new_of_old[i]
        elif i not in used:
            removed_after.setdefault(anchor, []).append(i)
    pairs = [Pair(old[i], None, "removed") for i in removed_after.get(-1, [])]
    for j, unit in enumerate(new):
        i = matched.get(j)
        joined = [k for k in sorted(joins) if joins[k] == i] if i is not None else []
        before = old[i] if i is not None else None
        if before is not None and joined:
            before = replace(before, text=" ".join([before.text, *(old[k].text for k in joined)]))
        pairs.append(_pair(before, unit))
        pairs += [Pair(old[k], unit, "joined") for k in joined]
        pairs += [Pair(old[i], None, "removed") for i in removed_after.get(j, [])]
    return pairs


def _pair(old: Provision | None, new: Provision) -> Pair:
    if old is None:
        return Pair(None, new, "added")
    if is_placeholder(new) and not is_placeholder(old):
        return Pair(old, new, "removed")
    if comparable(old) == comparable(new):
        return Pair(old, new, "unchanged")
    return Pair(old, new, "reworded")
