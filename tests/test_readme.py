"""The README's two commands are what CI runs: `.ci/run` makes the same virtual
environment as command 1 and runs command 2 exactly as the README prints it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def two_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Two commands\n.*?```bash\n(.*?)```", readme, re.S)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_ci_runs_the_readmes_test_command_in_the_readmes_virtual_environment():
    first, second = two_commands()
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert first.startswith("python3 -m venv .venv && . .venv/bin/activate && ")  # a system pip may refuse to install
    assert "python3 -m venv .venv && . .venv/bin/activate" in ci
    assert second in ci and ci.index(second) > ci.index("python3 -m venv .venv && . .venv/bin/activate")
