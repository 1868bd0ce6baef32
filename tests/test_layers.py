"""The import contract: Zan's layers point one way.

``parser`` <- the text layer (``zan.messages``) <- ``db`` <- the site (``datasette_plugins``)
and the command line (``zan.cli``). A lower layer never imports a higher one, the site and
the command line never import each other, and no package's modules import each other in a
cycle: import-linter checks both over every import, at module level or in a function, from
the contracts in pyproject.toml. What import-linter cannot see, Python's own package
loading (a package's ``__init__`` runs before any of its modules), a fresh interpreter
shows: reading the database must not load the build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The build: what a reader of the database (the site, `db.queries`) never loads.
BUILD_MODULES = ("db.load", "db.parallel", "db.incremental", "db.git_corpus", "multiprocessing")


def lint_imports() -> subprocess.CompletedProcess:
    """import-linter run on this tree's pyproject.toml, with this tree first on the path."""
    return subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )


def test_the_import_contracts_hold():
    pytest.importorskip("importlinter")
    result = lint_imports()
    if result.returncode != 0:
        pytest.fail(result.stdout + result.stderr, pytrace=False)


def modules_loaded_by(module: str) -> set[str]:
    """The modules a fresh interpreter holds once it has imported `module` from this tree."""
    script = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return set(json.loads(result.stdout))


@pytest.mark.parametrize("module", ["db.queries", "db.search", "datasette_plugins"])
def test_reading_the_database_does_not_load_the_build(module):
    leaked = modules_loaded_by(module) & set(BUILD_MODULES)
    assert not leaked, f"importing {module} loads {sorted(leaked)}"


@pytest.mark.parametrize("module", ["db.queries", "db.search", "zan.messages"])
def test_the_lower_layers_load_neither_the_site_nor_the_command_line(module):
    higher = {name for name in modules_loaded_by(module) if name.startswith(("datasette_plugins", "zan.cli", "zan.testing"))}
    assert not higher, f"importing {module} loads {sorted(higher)}"


def test_the_build_is_still_reached_through_db():
    """`from db import build` keeps working, though `db` loads the build only when asked."""
    from db import BuildSummary, CorpusNotFound, build, corpus_files

    assert callable(build) and callable(corpus_files) and BuildSummary and CorpusNotFound
