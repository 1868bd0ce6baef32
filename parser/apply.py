"""Applying an amending act's instructions to the version of its target in force before
it, and grading the rebuilt text against the real later version (TEMPORAL.md §8).

Pure: provisions in, provisions out. The base is never changed; the rebuilt units are
new `Provision` objects. Every instruction gets an `Outcome` saying whether it applied,
and if not, why, in words a reader can check:

- ``target not found: doc/p12`` — the act has no such unit;
- ``ambiguous: 5 units match subparagraph 5`` — the instruction does not say which;
- ``words not found: «…» in doc/p17`` — the words to replace are not in the unit;
- ``new wording not quoted: …`` — the new text is the amending act's annex.

A rebuilt text is a reconstruction, never a source: it is graded against the real
version when the corpus holds one (``clean`` / ``partial`` / ``failed``), and stored
apart from the real versions (db/rebuild.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .align import align, comparable
from .diff import word_diff
from .instructions import Instruction
from .model import Provision

#: Kinds that are not the act's wording: "in the whole text" replaces words in none of them.
NOT_TEXT_KINDS = ("title", "other", "signature", "approval", "table")

#: A printed label at the start of a unit's text: "17. ", "5) ", "3-1. ".
_PRINTED_LABEL = re.compile(r"^\s*(\d+(?:[-.]\d+)*)\s*([.)])\s*")


@dataclass
class Outcome:
    ordinal: int
    operation: str
    status: str  # applied | not_applied
    reason: str
    key: str | None = None  # the unit it applied to (or was meant to)


@dataclass
class Rebuild:
    provisions: list[Provision]
    outcomes: list[Outcome]
    #: a repeal of the whole act applied: the text stays as it was, the act is no longer in force
    repealed: bool = False

    @property
    def applied(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == "applied")


@dataclass
class Difference:
    key: str
    change: str  # added | removed | reworded (rebuilt -> real)
    diff: list[dict[str, str]]  # word diff from the rebuilt wording to the real one
    rebuilt: str | None
    real: str | None
    rebuilt_key: str | None = None  # positional keys (table rows) may differ between the two
    real_key: str | None = None


@dataclass
class Grade:
    grade: str  # clean | partial | failed
    reason: str
    differences: list[Difference] = field(default_factory=list)
    compared: int = 0  # units compared (both versions, paired)


class NotApplied(Exception):
    """An instruction that cannot be applied; the message is the reason."""


# --- Applying ---------------------------------------------------------------------------


def apply_instructions(base: list[Provision], instructions: list[Instruction]) -> Rebuild:
    """Apply `instructions` in order to copies of `base`."""
    units = [replace(unit) for unit in base]
    outcomes: list[Outcome] = []
    repealed = False
    for instruction in instructions:
        try:
            units, reason = _apply(units, instruction)
            outcomes.append(Outcome(instruction.ordinal, instruction.operation, "applied", reason, instruction.target.key))
            repealed = repealed or instruction.target.kind == "act"
        except NotApplied as problem:
            outcomes.append(Outcome(instruction.ordinal, instruction.operation, "not_applied", str(problem), instruction.target.key))
    units = [replace(unit, position=position) for position, unit in enumerate(units, start=1)]
    return Rebuild(units, outcomes, repealed)


def _apply(units: list[Provision], instruction: Instruction) -> tuple[list[Provision], str]:
    operation = instruction.operation
    if instruction.target.kind == "act":
        if operation != "repeal":
            raise NotApplied(f"{operation} of the whole act is not an operation")
        return units, "the act as a whole is repealed: its text is kept as it was and marked repealed"
    if operation == "new_wording":
        return _new_wording(units, instruction)
    if operation == "insert":
        return _insert(units, instruction)
    if operation in ("delete", "repeal"):
        return _delete(units, instruction)
    if operation in ("replace_words", "delete_words"):
        return _replace_words(units, instruction)
    if operation == "insert_words":
        return _insert_words(units, instruction)
    raise NotApplied(f"unknown operation: {operation}")


def find_target(units: list[Provision], instruction: Instruction) -> Provision:
    """The one unit an instruction names: by its key, else by kind and label when the key
    could not be built or is not in this act."""
    target = instruction.target
    if target.key is not None:
        exact = [unit for unit in units if unit.key == target.key]
        if len(exact) == 1:
            return exact[0]
        if len(exact) > 1:
            raise NotApplied(f"ambiguous: {len(exact)} units match {target.key}")
    candidates = [unit for unit in units if unit.kind == target.kind and unit.label == target.label and unit.role != "approved_document"]
    named = target.key or f"{target.kind} {target.label or '(unnumbered)'}"
    if target.key is None and len(candidates) > 1:
        raise NotApplied(f"ambiguous: {len(candidates)} units match {named} ({', '.join(u.key for u in candidates)})")
    if target.key is None and len(candidates) == 1:
        return candidates[0]
    if target.key is not None and target.kind == "appendix" and target.label is None and len(candidates) == 1:
        return candidates[0]  # the only unnumbered appendix, wherever the layout keys it
    raise NotApplied(f"target not found: {named}")


def _index(units: list[Provision], unit: Provision) -> int:
    """Where this very unit is (units are compared by identity: two may be equal)."""
    return next(i for i, candidate in enumerate(units) if candidate is unit)


def _subtree(units: list[Provision], top: Provision) -> list[Provision]:
    """`top` and every unit under it (by parent, or by key for units whose parent is not
    recorded), in document order."""
    keys = {top.key}
    for unit in units:
        if unit.parent_key in keys or unit.key.startswith(top.key + "/"):
            keys.add(unit.key)
    return [unit for unit in units if unit.key in keys]


def _new_wording(units: list[Provision], instruction: Instruction) -> tuple[list[Provision], str]:
    target = find_target(units, instruction)
    if instruction.new_text is None:
        if instruction.new_text_in_annex:
            raise NotApplied(
                f"new wording not quoted: it is the amending act's annex, which the instruction refers to; {target.key} left as it was"
            )
        raise NotApplied(f"new wording not quoted: {target.key} left as it was")
    old = _subtree(units, target)
    new_units = units_from_quote(target, instruction.new_text)
    start = _index(units, old[0])
    gone = {id(unit) for unit in old}
    rest = [unit for unit in units if id(unit) not in gone]
    rest[start:start] = new_units
    reason = f"new wording of {target.key}"
    if len(old) > 1 or len(new_units) > 1:
        reason += f": {len(old)} units replaced by {len(new_units)}"
    if any(unit.kind in ("table", "row") for unit in old):
        reason += "; its table could not be rebuilt from a quote, so the new wording is kept as text units"
    return rest, reason


def _insert(units: list[Provision], instruction: Instruction) -> tuple[list[Provision], str]:
    target = instruction.target
    if target.kind == "row":
        raise NotApplied(f"inserting table rows is not supported: rows have no printed key in {target.key}")
    if target.key is None or target.label is None:
        raise NotApplied(f"target not found: {target.kind} {target.label or ''} (the instruction does not say where)".replace("  ", " "))
    if instruction.new_text is None:
        raise NotApplied(f"no new text quoted for {target.key}")
    if any(unit.key == target.key for unit in units):
        raise NotApplied(f"already present: {target.key}")
    before_key = _previous_key(target.key)
    before = next((unit for unit in units if unit.key == before_key), None) if before_key else None
    if before is None:
        raise NotApplied(f"target not found: {before_key or 'no unit'} (the new unit {target.key} is to follow it)")
    after = _subtree(units, before)[-1]
    model = replace(before, key=target.key, label=target.label, heading=None)
    new_units = units_from_quote(model, instruction.new_text)
    at = _index(units, after) + 1
    return units[:at] + new_units + units[at:], f"inserted {target.key} after {before.key}"


def _previous_key(key: str) -> str | None:
    """The unit a new one follows: ``doc/p3-1`` after ``doc/p3``, ``doc/p3-2`` after
    ``doc/p3-1``, ``doc/p10/sp6`` after ``doc/p10/sp5``."""
    match = re.match(r"^(.*?)(\d+(?:-\d+)*)$", key)
    if not match:
        return None
    prefix, label = match.groups()
    parts = label.split("-")
    last = int(parts[-1])
    if len(parts) > 1:
        parts = parts[:-1] if last == 1 else parts[:-1] + [str(last - 1)]
    elif last > 1:
        parts = [str(last - 1)]
    else:
        return None
    return prefix + "-".join(parts)


def _delete(units: list[Provision], instruction: Instruction) -> tuple[list[Provision], str]:
    target = find_target(units, instruction)
    gone = _subtree(units, target)
    reason = f"removed {target.key}"
    if len(gone) > 1:
        reason += f" and {len(gone) - 1} units under it"
    ids = {id(unit) for unit in gone}
    return [unit for unit in units if id(unit) not in ids], reason


def _replace_words(units: list[Provision], instruction: Instruction) -> tuple[list[Provision], str]:
    old, new = instruction.old_words, instruction.new_words or ""
    if not old:
        raise NotApplied("no words quoted")
    if instruction.target.kind == "text":
        scope = [u for u in units if u.kind not in NOT_TEXT_KINDS]
        if instruction.target.key is not None:
            top = next((u for u in units if u.key == instruction.target.key), None)
            if top is None:
                raise NotApplied(f"target not found: {instruction.target.key}")
            scope = [u for u in _subtree(units, top) if u.kind not in NOT_TEXT_KINDS]
        where = f"the whole text of {instruction.target.key}" if instruction.target.key else "the whole text"
    else:
        top = find_target(units, instruction)
        scope = _subtree(units, top)
        where = top.key
    pattern = words_pattern(old)
    changed: dict[str, Provision] = {}
    count = 0
    for unit in scope:
        text, found = pattern.subn(new.replace("\\", "\\\\"), unit.text)
        if found:
            count += found
            changed[unit.key] = replace(unit, text=_tidy(text) if not new else text)
    if not count:
        raise NotApplied(f"words not found: «{old}» in {where}")
    verb = "replaced" if new else "deleted"
    return [changed.get(unit.key, unit) for unit in units], f"{verb} {count} occurrence{'s' if count > 1 else ''} of «{old}» in {', '.join(changed)}"


def _insert_words(units: list[Provision], instruction: Instruction) -> tuple[list[Provision], str]:
    """``после слова «микрорайоны,» дополнить словами «районы в городе,»`` / ``«Шағын
    аудандар,» деген сөздерден кейін «қаладағы аудандар,» деген сөздермен толықтырылсын``:
    the new words (``new_words``) put after each occurrence of the words named
    (``old_words``) in the unit (and the units under it), a space between them."""
    anchor, new = instruction.old_words, instruction.new_words
    if not anchor or not new:
        raise NotApplied("no words quoted: the words to add and the words they follow are both needed")
    top = find_target(units, instruction)
    pattern = words_pattern(anchor)
    changed: dict[str, Provision] = {}
    count = 0
    for unit in _subtree(units, top):
        text, found = pattern.subn(lambda match: f"{match.group(0)} {new}", unit.text)
        if found:
            count += found
            changed[unit.key] = replace(unit, text=text)
    if not count:
        raise NotApplied(f"words not found: «{anchor}» in {top.key}")
    return [changed.get(unit.key, unit) for unit in units], f"inserted «{new}» after {count} occurrence{'s' if count > 1 else ''} of «{anchor}» in {', '.join(changed)}"


def words_pattern(words: str) -> re.Pattern[str]:
    """The quoted words as whole words, any run of spaces (or a line end) between them."""
    parts = [re.escape(part) for part in words.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)")


def _tidy(text: str) -> str:
    """After deleting words: no doubled spaces, no space before punctuation."""
    return re.sub(r" +([,.;:)])", r"\1", re.sub(r"[ \t]{2,}", " ", text))


def units_from_quote(model: Provision, text: str) -> list[Provision]:
    """The units a quoted new wording holds: the unit itself, and a new unit for each
    line that starts with a label of the level below (``1)`` under a paragraph, ``1.``
    under an appendix or chapter). Other lines continue the unit before them. The unit
    keeps its printed label when the quote leaves it out."""
    child_kind, child_label = _CHILD_LEVEL.get(model.kind, (None, None))
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        label = child_label.match(line) if child_label else None
        if label:
            blocks.append((label.group(1), [line]))
        else:
            blocks[-1][1].append(line)
    own = " ".join(blocks[0][1])
    units = [replace(model, text=_with_label(model, own), raw=own, cells=None)]
    for label, lines in blocks[1:]:
        key = f"{model.key}/{_KEY_PREFIX[child_kind]}{label}"
        units.append(replace(model, key=key, kind=child_kind, label=label, heading=None, text=" ".join(lines), raw=" ".join(lines), parent_key=model.key, cells=None))
    return units


_CHILD_LEVEL = {
    "paragraph": ("subparagraph", re.compile(r"^(\d+(?:-\d+)*)\)")),
    "appendix": ("paragraph", re.compile(r"^(\d+(?:-\d+)*)\.\s")),
    "chapter": ("paragraph", re.compile(r"^(\d+(?:-\d+)*)\.\s")),
}
_KEY_PREFIX = {"subparagraph": "sp", "paragraph": "p"}


def _with_label(model: Provision, text: str) -> str:
    """``Осы …`` -> ``1. Осы …`` when the unit printed its label and the quote does not."""
    if not model.label or _PRINTED_LABEL.match(text):
        return text
    printed = _PRINTED_LABEL.match(model.text)
    return f"{printed.group(0).strip()} {text}" if printed else text


# --- Grading ------------------------------------------------------------------------------


def grade(rebuilt: list[Provision], real: list[Provision], outcomes: list[Outcome] | None = None) -> Grade:
    """Compare a rebuilt text with the real version, unit by unit (`parser.align`):
    ``clean`` when no unit differs; ``failed`` when no instruction applied (given the
    outcomes) or most units differ; ``partial`` otherwise. Notes are not units, so a
    real version's new ``Ескерту`` notes do not count."""
    pairs = align(rebuilt, real)
    differences = [_difference(pair) for pair in pairs if pair.is_change]
    compared = len(pairs)
    counted = f"{len(differences)} of {compared} units differ"
    if outcomes is not None and outcomes and not any(o.status == "applied" for o in outcomes):
        return Grade("failed", f"no instruction applied; {counted}", differences, compared)
    if not differences:
        return Grade("clean", f"all {compared} units match the real version", differences, compared)
    keys = ", ".join(d.key for d in differences[:10]) + (", …" if len(differences) > 10 else "")
    if 2 * len(differences) > compared:
        return Grade("failed", f"most units differ: {counted} ({keys})", differences, compared)
    return Grade("partial", f"{counted}: {keys}", differences, compared)


def _difference(pair) -> Difference:
    old, new = pair.old, pair.new
    before = comparable(old) if old else ""
    after = comparable(new) if new else ""
    return Difference(
        pair.key, pair.change, word_diff(before, after), before or None, after or None, old.key if old else None, new.key if new else None
    )
