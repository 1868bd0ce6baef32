"""Two real `zan serve` processes on one database file, hit at the same time: the
deployment of docs/deploy.md (a read-only database behind N replicas) in miniature.
Every answer must be 200 and the same from both replicas. Speed is measured in
benchmarks/replica_load.py, not here."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import pytest

from db import build
from zan.testing import running_server

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

#: Pages and JSON answers of every kind the site serves, on the seed acts.
PATHS = [
    "/",
    "/-/acts.json",
    "/-/acts/V090005853_",
    "/-/acts/order-2011-01-05-7.json",
    "/-/at/V1500011361.json?date=2018-01-01",
    "/-/acts/V2200026917?date=2023-01-01",
    "/-/in-force.json?date=2016-01-01",
    "/-/search.json?q=%D0%B1%D2%B1%D0%B9%D1%80%D1%8B%D2%9B&date=2016-01-01",
    "/-/links/V090005853_.json",
    "/-/history/V090005853_/doc/p6.json",
    "/laws/acts.json?_shape=array",
]
ROUNDS = 4


def fetch(url: str) -> tuple[str, int, bytes]:
    with urllib.request.urlopen(url, timeout=60) as response:
        return url, response.status, response.read()


@pytest.fixture(scope="module")
def replicas(tmp_path_factory) -> list[str]:
    """Two servers on one database built once; their base URLs."""
    folder = tmp_path_factory.mktemp("replicas")
    db_path = folder / "laws.db"
    build(CORPUS, db_path)
    with ExitStack() as stack:
        yield [stack.enter_context(running_server(db_path, CORPUS)) for _ in range(2)]


def test_two_replicas_on_one_database_answer_alike_under_concurrent_load(replicas):
    first, second = replicas
    assert first != second
    urls = [base + path for _ in range(ROUNDS) for path in PATHS for base in replicas]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(fetch, urls))
    assert len(answers) == ROUNDS * len(PATHS) * 2
    assert [url for url, status, _ in answers if status != 200] == []
    bodies: dict[str, set[bytes]] = {}
    for url, _, body in answers:
        path = url.split("/", 3)[3]
        bodies.setdefault(path, set()).add(body)
    different = [path for path, seen in bodies.items() if len(seen) != 1]
    assert different == []
    assert len(bodies) == len(PATHS)


def test_neither_replica_can_write_to_the_shared_database(replicas):
    for base in replicas:
        with pytest.raises(urllib.error.HTTPError) as refused:
            fetch(base + "/laws.json?sql=" + urllib.parse.quote("delete from acts"))
        assert refused.value.code == 400
        assert json.loads(refused.value.read())["error"] == "Statement must be a SELECT"
    for base in replicas:
        _, status, body = fetch(base + "/laws.json?sql=select+count(*)+as+n+from+acts&_shape=array")
        assert (status, json.loads(body)) == (200, [{"n": 17}])


def test_public_settings_pass_through_zan_serve(tmp_path):
    """docs/deploy.md: `--setting allow_download off` keeps the database file from being
    downloaded whole; the rest of the site answers as before."""
    db_path = tmp_path / "laws.db"
    build(CORPUS, db_path, workers=1, cache=False)
    with running_server(db_path, CORPUS, options=["--setting", "allow_download", "off", "--setting", "max_returned_rows", "100"]) as base:
        with pytest.raises(urllib.error.HTTPError) as refused:
            fetch(base + "/laws.db")
        assert refused.value.code == 403
        _, _, body = fetch(base + "/-/settings.json")
        settings = json.loads(body)
        assert (settings["allow_download"], settings["max_returned_rows"], settings["sql_time_limit_ms"]) == (False, 100, 2000)
        assert fetch(base + "/-/acts/V090005853_.json")[1] == 200
