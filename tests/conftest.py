"""Fixtures shared by the parser tests.

The five texts in ``corpus/`` are the fixtures: real Adilet (000–003) and ЗҚАИ (004)
exports in Kazakh. Each is parsed once per session. Tests quote real lines of these
files; `seed_line` returns line N exactly as stored (trailing spaces kept, line end
dropped), so a test can check that what it quotes really is in the seed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import build
from db.sources import parse_file
from parser.model import ParsedDocument, Provision

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_PATHS = {path.name[:3]: path for path in sorted(CORPUS.glob("*.txt"))}
PREFIXES = ("000", "001", "002", "003", "004")

#: The acts of the bundled corpus: the five Adilet seeds, and the twelve acts of the
#: official bank's Markdown files in corpus/zan-gov-kz: five orders (two held in three
#: versions each, two also in Russian), and seven laws, a decree and a constitutional
#: law split into an index and a part file, each in Kazakh and Russian (one act with a
#: text per language).
ADILET_ACTS = {"V090005853_", "V2200026917", "V1500011361", "order-2011-01-05-7", "V2500035673"}
BANK_ORDERS = {"order-2001-12-11-146", "V1900019742", "V2200026823", "V2300032371", "V1500010492"}
BANK_LAWS = {
    "constitutional_law-1995-09-28-2464",
    "decree-1995-11-29-2662",
    "law-1997-07-16-168",
    "law-1999-07-13-414",
    "law-1999-11-16-474-I",
    "law-2007-05-15-252",
    "law-2021-11-30-76-VII",
}
BANK_ACTS = BANK_ORDERS | BANK_LAWS
CORPUS_ACTS = ADILET_ACTS | BANK_ACTS
BANK = CORPUS / "zan-gov-kz"


def read_seed(prefix: str) -> str:
    """The seed's text exactly as stored (line ends untranslated)."""
    with open(SEED_PATHS[prefix], encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.fixture(params=PREFIXES)
def prefix(request) -> str:
    """Runs a test once for every seed: "000" .. "004"."""
    return request.param


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    assert tuple(sorted(SEED_PATHS)) == PREFIXES, "corpus/ must hold the five seeds 000..004"
    return SEED_PATHS


@pytest.fixture(scope="session")
def sources(seed_paths) -> dict[str, str]:
    """Seed text by file-name prefix."""
    return {prefix: read_seed(prefix) for prefix in seed_paths}


@pytest.fixture(scope="session")
def seeds(seed_paths) -> dict[str, ParsedDocument]:
    """Every seed parsed once with `db.sources.parse_file`, by file-name prefix."""
    return {prefix: parse_file(path) for prefix, path in seed_paths.items()}


@pytest.fixture(scope="session")
def seed_line(sources):
    """``seed_line("000", 28)`` -> the real line 28 of seed 000 (1-based), without its line end."""

    def line(prefix: str, number: int) -> str:
        return sources[prefix].split("\n")[number - 1].rstrip("\r")

    return line


@pytest.fixture(scope="session")
def unit(seeds):
    """``unit("000", "doc/p6/sp8")`` -> that provision of the seed (KeyError if absent)."""

    def find(prefix: str, key: str) -> Provision:
        matches = [p for p in seeds[prefix].provisions if p.key == key]
        if not matches:
            raise KeyError(f"seed {prefix} has no provision {key!r}")
        assert len(matches) == 1, f"key {key!r} is not unique in seed {prefix}"
        return matches[0]

    return find


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """The bundled corpus built once, for the tests that only read it."""
    path = tmp_path_factory.mktemp("corpus_db") / "laws.db"
    build(CORPUS, path)
    return path


@pytest.fixture(scope="module")
def db_path(corpus_db) -> Path:
    """The database a module's tests read: the bundled corpus's, unless the module says otherwise."""
    return corpus_db


@pytest.fixture(scope="module")
def conn(db_path):
    """A connection to `db_path`, one per module (`db.queries` sets its row factory on
    it: tests that compare raw rows convert them to tuples)."""
    connection = sqlite3.connect(db_path)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def rows_conn(db_path):
    """A connection to `db_path` whose rows are read by column name (`sqlite3.Row`)."""
    connection = sqlite3.connect(db_path)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()
