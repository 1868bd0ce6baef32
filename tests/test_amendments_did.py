"""What an amending act did (issue 23, question 3): ``/-/amendments/{act}.json``, the
section on the amending act's page and `db.queries.act_amendments` behind both. Seed 004
(order № 5 of 24.01.2025) amends order № ҚР ДСМ-37 of 27.04.2022, not in the corpus: its
own instructions are the only source, each with the unit, the change and when it took
effect (the order's own entry into force, its basis said in the language asked)."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_asyncio

from db import build
from db.queries import _disagreements
from zan.messages import disagreement_text
from zan.testing import site_in_process

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_004 = "V2500035673"
UNITS = ["preamble", "doc/p1", "doc/p2", "doc/p3-1", "doc/p3-2", "doc/app2"]


@pytest_asyncio.fixture(scope="module")
async def datasette(tmp_path_factory):
    path = tmp_path_factory.mktemp("did") / "laws.db"
    build(CORPUS, path)
    instance = site_in_process(path)
    await instance.invoke_startup()
    return instance


@pytest.mark.asyncio(loop_scope="module")
async def test_the_amending_order_of_seed_004_lists_what_it_changed(datasette):
    answer = (await datasette.client.get(f"/-/amendments/{SEED_004}.json")).json()
    assert answer["act_id"] == SEED_004 and answer["counts"] == {"note": 0, "version": 0, "instruction": 6}
    [target] = answer["acts"]
    assert (target["kind"], target["date"], target["number"], target["in_corpus"]) == ("order", "2022-04-27", "ҚР ДСМ-37", False)
    assert target["sources"] == ["instruction"]
    assert [(c["unit"], c["change"]) for c in target["changes"]] == list(
        zip(UNITS, ["new_wording", "new_wording", "new_wording", "insert", "insert", "insert"])
    )
    first = target["changes"][0]
    # when it took effect: the order's own entry into force, a window, and why, in Kazakh
    assert first["date_status"] == "bounded" and first["effective_from_earliest"] and first["effective_from_latest"]
    assert first["date_basis"] and first["date_basis_rule"]
    russian = (await datasette.client.get(f"/-/amendments/{SEED_004}.json", params={"lang": "ru"})).json()
    assert russian["acts"][0]["changes"][0]["date_basis"] != first["date_basis"]  # said in Russian
    assert answer["disagreements"] == []


@pytest.mark.asyncio(loop_scope="module")
async def test_the_amending_acts_page_shows_the_section_in_both_languages(datasette):
    kazakh = (await datasette.client.get(f"/-/acts/{SEED_004}")).text
    assert 'id="did"' in kazakh and "Осы акт нені өзгертті" in kazakh and kazakh.count("Дереккөз: нұсқау") == 6
    assert f"/-/amendments/{SEED_004}.json" in kazakh
    russian = (await datasette.client.get(f"/-/acts/{SEED_004}", params={"lang": "ru"})).text
    assert "Что изменил этот акт" in russian and russian.count("Источник: указание") == 6
    # an act that changed nothing has no such section
    assert 'id="did"' not in (await datasette.client.get("/-/acts/V1900019742")).text


@pytest.mark.asyncio(loop_scope="module")
async def test_an_unknown_act_is_a_404(datasette):
    assert (await datasette.client.get("/-/amendments/no-such-act.json")).status_code == 404


def test_sources_that_disagree_are_listed_as_such():
    """A unit the instructions name that the version the act caused did not change, and a
    unit both name but date differently."""
    def change(source, unit, day):
        return {"source": source, "unit": unit, "date_status": "exact", "effective_from": day}

    target = {
        "act_id": "A",
        "changes": [
            change("instruction", "art1", "2020-01-10"),
            change("instruction", "art2", "2020-01-10"),
            change("version", "art1", "2020-01-11"),
        ],
    }
    found = _disagreements(target, "ru")
    assert sorted((item["unit"], item["rule"]) for item in found) == [("art1", "sources_date_unit_differently"), ("art2", "unit_named_by_some_sources")]
    named = next(item for item in found if item["rule"] == "unit_named_by_some_sources")
    assert named["data"] == {"unit": "art2", "named_by": ["instruction"], "not_named_by": ["version"]}
    assert "указание" in named["text"] and "редакция" in named["text"]
    assert "нұсқау" in disagreement_text(named["rule"], named["data"], "kk")
