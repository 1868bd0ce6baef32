"""Functions a maintainer can hold in their head: no function or method of the code
(`parser/`, `db/`, `zan/`, `datasette_plugins/`) above a cyclomatic complexity of 30,
as radon measures it. A function that grows past it is split (a table of handlers,
explicit state, smaller steps), not exempted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("parser", "db", "zan", "datasette_plugins")
LIMIT = 30


def functions(block, owner: str = "") -> Iterator[tuple[str, int]]:
    """Every function under a radon block (methods, closures, inner classes), named
    with what holds it."""
    name = f"{owner}{block.name}"
    if hasattr(block, "closures"):  # a function
        yield name, block.complexity
    for inner in [*getattr(block, "methods", []), *getattr(block, "closures", []), *getattr(block, "inner_classes", [])]:
        yield from functions(inner, f"{name}.")


def measured() -> list[tuple[str, int]]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = path.relative_to(ROOT).as_posix()
            blocks = cc_visit(path.read_text(encoding="utf-8"))
            top = [block for block in blocks if not getattr(block, "is_method", False)]  # methods come with their class
            found += [(f"{module}:{name}", complexity) for block in top for name, complexity in functions(block)]
    return found


def test_no_function_is_above_the_complexity_limit():
    too_complex = sorted((f"{name} ({complexity})" for name, complexity in measured() if complexity > LIMIT))
    assert not too_complex, f"above cyclomatic complexity {LIMIT}: " + ", ".join(too_complex)


def test_the_measure_sees_methods_and_nested_functions():
    names = {name for name, _ in measured()}
    assert "parser/document.py:Tree.add" in names
    assert "parser/markdown.py:Segmenter._paragraph" in names
    assert any(name.startswith("parser/structure.py:_signature_start.") for name in names)  # a closure
