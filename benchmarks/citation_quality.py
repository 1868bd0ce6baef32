"""Quality of ``parser.citations.extract_citations`` against a hand-labelled gold set.

The gold set, ``tests/data/citations_gold.json``, lists every act reference in the
repaired text of seeds 001 (V2200026917) and 003 (order-2011-01-05-7): one object per
reference, ``{"seed", "unit", "start", "end", "text", "kind", "date", "number"}``, where
``unit`` is a provision key or ``noteN`` and ``start``/``end`` are character offsets in
that unit's text (``text == unit_text[start:end]``).

The units read are every provision (preamble, paragraph, subparagraph, indent, part,
quote, chapter, section, appendix headings, …) and every ``Ескерту.`` note, except the
provisions of kind title, other (requisites, status), signature and approval: they name
the act itself.

A predicted citation matches a gold one when both are in the same seed and unit, their
spans overlap, and (kind, date, number) are equal; each gold reference matches at most
one prediction. Span-exact matches (same start and end, same fields) are reported apart.

    python benchmarks/citation_quality.py            # table, then every FP and FN
    python benchmarks/citation_quality.py --json     # the score as JSON

Exit status 1 when ``parser.citations`` does not exist yet. This is a measurement, not a
test: it asserts nothing about the figures.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "citations_gold.json"
CORPUS = ROOT / "corpus"

if str(ROOT) not in sys.path:  # run as a script: make `parser` importable
    sys.path.insert(0, str(ROOT))

#: Provision kinds whose text is not searched: they name the act itself.
SKIPPED_KINDS = frozenset({"title", "other", "signature", "approval"})
FIELDS = ("kind", "date", "number")

Record = dict[str, Any]


# --- inputs ---------------------------------------------------------------------------


def load_gold(path: Path | str = GOLD) -> list[Record]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def seed_path(seed: str) -> Path:
    """`corpus/{seed}_*.txt`, the one file of that seed."""
    matches = sorted(CORPUS.glob(f"{seed}_*.txt"))
    if len(matches) != 1:
        raise FileNotFoundError(f"expected one file corpus/{seed}_*.txt, found {len(matches)}")
    return matches[0]


def document_units(document) -> list[tuple[str, str]]:
    """(unit, text) of every unit the gold set covers, in document order."""
    units = [(p.key, p.text) for p in document.provisions if p.kind not in SKIPPED_KINDS]
    units += [(f"note{note.ordinal}", note.text) for note in document.notes]
    return units


def seed_units(seeds: Iterable[str]) -> dict[tuple[str, str], str]:
    """{(seed, unit): repaired text} for the given seeds, parsed from `corpus/`."""
    from db.sources import parse_file

    texts: dict[tuple[str, str], str] = {}
    for seed in seeds:
        for unit, text in document_units(parse_file(seed_path(seed))):
            texts[(seed, unit)] = text
    return texts


def citation_record(seed: str, unit: str, citation) -> Record:
    """A `parser.citations.Citation` as a record comparable with the gold ones."""
    reference = citation.reference
    return {
        "seed": seed,
        "unit": unit,
        "start": citation.start,
        "end": citation.end,
        "text": citation.text,
        "kind": getattr(reference, "kind", None),
        "date": getattr(reference, "date", None),
        "number": getattr(reference, "number", None),
    }


def predict(units: dict[tuple[str, str], str], extract: Callable[[str], list]) -> list[Record]:
    records = []
    for (seed, unit), text in units.items():
        records += [citation_record(seed, unit, citation) for citation in extract(text)]
    return records


# --- scoring ----------------------------------------------------------------------------


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        value = re.sub(r"\s+", " ", value).strip()
        return value or None
    return value


def fields(record: Record) -> tuple:
    return tuple(_norm(record.get(name)) for name in FIELDS)


def _identified(record: Record) -> bool:
    return _norm(record.get("date")) is not None or _norm(record.get("number")) is not None


def _overlap(a: Record, b: Record) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def _match(gold: list[Record], predicted: list[Record], exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with equal fields and overlapping
    (or, with `exact`, identical) spans; the largest overlaps are paired first."""
    by_unit: dict[tuple[str, str], list[int]] = {}
    for index, record in enumerate(predicted):
        by_unit.setdefault((record["seed"], record["unit"]), []).append(index)
    candidates = []
    for g_index, g in enumerate(gold):
        for p_index in by_unit.get((g["seed"], g["unit"]), []):
            p = predicted[p_index]
            if fields(g) != fields(p):
                continue
            if exact:
                if (g["start"], g["end"]) == (p["start"], p["end"]):
                    candidates.append((0, g_index, p_index))
            elif _overlap(g, p) > 0:
                same = (g["start"], g["end"]) == (p["start"], p["end"])
                candidates.append((-_overlap(g, p) - (1 if same else 0), g_index, p_index))
    pairs, used_gold, used_predicted = [], set(), set()
    for _, g_index, p_index in sorted(candidates):
        if g_index not in used_gold and p_index not in used_predicted:
            used_gold.add(g_index)
            used_predicted.add(p_index)
            pairs.append((g_index, p_index))
    return sorted(pairs)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _counts(gold: list[Record], predicted: list[Record], matched: int, exact: int) -> dict:
    precision, recall = _ratio(matched, len(predicted)), _ratio(matched, len(gold))
    return {
        "gold": len(gold),
        "predicted": len(predicted),
        "matched": matched,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "exact": exact,
        "exact_precision": _ratio(exact, len(predicted)),
        "exact_recall": _ratio(exact, len(gold)),
    }


def score(gold: list[Record], predicted: list[Record]) -> dict:
    """Precision and recall of `predicted` against `gold`.

    Both are lists of records ``{"seed", "unit", "start", "end", "kind", "date",
    "number"}`` (``text`` optional). A prediction matches a gold record when seed and unit
    are the same, the spans overlap and (kind, date, number) are equal (strings compared
    with white space collapsed); matching is one-to-one. ``exact`` counts the matches
    whose spans are also identical. Returns the counts overall, ``by_seed``, and
    ``identified`` (only references with a date or a number: a law or code cited by its
    title alone has neither); the unmatched records (``false_positives``,
    ``false_negatives``); and, for each false negative overlapped by a prediction with
    other fields, that prediction (``field_mismatches``: [{"gold", "predicted"}]).
    """
    pairs = _match(gold, predicted, exact=False)
    exact_pairs = _match(gold, predicted, exact=True)
    matched_gold = {g for g, _ in pairs}
    matched_predicted = {p for _, p in pairs}
    false_negatives = [g for index, g in enumerate(gold) if index not in matched_gold]
    false_positives = [p for index, p in enumerate(predicted) if index not in matched_predicted]

    mismatches = []
    for g in false_negatives:
        for p in false_positives:
            if (p["seed"], p["unit"]) == (g["seed"], g["unit"]) and _overlap(g, p) > 0:
                mismatches.append({"gold": g, "predicted": p})

    result = _counts(gold, predicted, len(pairs), len(exact_pairs))
    by_seed = {}
    for seed in sorted({r["seed"] for r in gold} | {r["seed"] for r in predicted}):
        seed_gold = [r for r in gold if r["seed"] == seed]
        seed_predicted = [r for r in predicted if r["seed"] == seed]
        by_seed[seed] = _counts(
            seed_gold,
            seed_predicted,
            sum(1 for g, _ in pairs if gold[g]["seed"] == seed),
            sum(1 for g, _ in exact_pairs if gold[g]["seed"] == seed),
        )
    # references with a date or a number only (a law or code cited by its title alone,
    # `"Азаматтық қорғау туралы" … Заңының`, has neither)
    identified_gold = [index for index, r in enumerate(gold) if _identified(r)]
    identified_predicted = [index for index, r in enumerate(predicted) if _identified(r)]
    result["identified"] = _counts(
        identified_gold,
        identified_predicted,
        sum(1 for g, _ in pairs if _identified(gold[g])),
        sum(1 for g, _ in exact_pairs if _identified(gold[g])),
    )
    result.update(
        by_seed=by_seed,
        false_positives=false_positives,
        false_negatives=false_negatives,
        field_mismatches=mismatches,
    )
    return result


# --- report -------------------------------------------------------------------------------


def check_gold(gold: list[Record], units: dict[tuple[str, str], str]) -> list[str]:
    """Gold records the current parser output no longer supports (unit gone, text moved)."""
    problems = []
    for record in gold:
        text = units.get((record["seed"], record["unit"]))
        if text is None:
            problems.append(f"{record['seed']} {record['unit']}: unit not in the parsed seed")
        elif text[record["start"] : record["end"]] != record["text"]:
            problems.append(
                f"{record['seed']} {record['unit']} [{record['start']}:{record['end']}]: "
                f"gold text {record['text']!r} != {text[record['start']:record['end']]!r}"
            )
    return problems


def _describe(record: Record) -> str:
    values = ", ".join(f"{name}={record.get(name)!r}" for name in FIELDS)
    return f"{record['seed']} {record['unit']} [{record['start']}:{record['end']}] {record.get('text')!r}  ({values})"


def table(result: dict) -> str:
    header = f"{'seed':<6}{'gold':>6}{'pred':>6}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}  |{'exact':>7}{'P':>8}{'R':>8}"
    lines = [header, "-" * len(header)]
    rows = list(result["by_seed"].items()) + [("all", result), ("dated", result["identified"])]
    for name, row in rows:
        lines.append(
            f"{name:<6}{row['gold']:>6}{row['predicted']:>6}{row['matched']:>7}"
            f"{row['precision']:>8.3f}{row['recall']:>8.3f}{row['f1']:>8.3f}  |"
            f"{row['exact']:>7}{row['exact_precision']:>8.3f}{row['exact_recall']:>8.3f}"
        )
    return "\n".join(lines)


def report(result: dict) -> str:
    lines = [
        "Citation quality (match = same unit, overlapping span, equal kind/date/number;",
        "exact = identical span as well; 'dated' = only references with a date or a number)",
        "",
        table(result),
        "",
        f"False positives ({len(result['false_positives'])}):",
    ]
    lines += [f"  {_describe(r)}" for r in result["false_positives"]] or ["  none"]
    lines += ["", f"False negatives ({len(result['false_negatives'])}):"]
    lines += [f"  {_describe(r)}" for r in result["false_negatives"]] or ["  none"]
    if result["field_mismatches"]:
        lines += ["", "Of these, found at the right place with other fields:"]
        for pair in result["field_mismatches"]:
            lines.append(f"  gold      {_describe(pair['gold'])}")
            lines.append(f"  predicted {_describe(pair['predicted'])}")
    return "\n".join(lines)


def load_extractor() -> Callable[[str], list] | None:
    try:
        module = importlib.import_module("parser.citations")
    except ModuleNotFoundError as error:
        if error.name != "parser.citations":
            raise
        return None
    return getattr(module, "extract_citations", None)


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--gold", default=str(GOLD), help="gold file (default: %(default)s)")
    arguments.add_argument("--json", action="store_true", help="print the score as JSON")
    options = arguments.parse_args(argv)

    extract = load_extractor()
    if extract is None:
        print(
            "parser.citations.extract_citations does not exist yet: nothing to measure "
            "(write parser/citations.py with extract_citations(text) -> list[Citation]).",
            file=sys.stderr,
        )
        return 1

    gold = load_gold(options.gold)
    units = seed_units(sorted({record["seed"] for record in gold}))
    for problem in check_gold(gold, units):
        print(f"warning: gold out of date: {problem}", file=sys.stderr)

    predicted = predict(units, extract)
    for record in predicted:
        text = units[(record["seed"], record["unit"])]
        if record["text"] != text[record["start"] : record["end"]]:
            print(f"warning: citation text differs from its span: {_describe(record)}", file=sys.stderr)

    result = score(gold, predicted)
    if options.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
