"""The Datasette site on a database built from the real corpus: the plugin's pages,
its JSON, and Datasette's own read-only API."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_asyncio
from datasette.app import Datasette

from datasette_plugins import datasette_options
from db import build

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest_asyncio.fixture(scope="session")
async def datasette(tmp_path_factory):
    path = tmp_path_factory.mktemp("site") / "laws.db"
    build(CORPUS, path)
    instance = Datasette(immutables=[str(path)], **datasette_options("laws"))
    await instance.invoke_startup()
    return instance


@pytest.mark.asyncio(loop_scope="session")
async def test_plugin_is_loaded(datasette):
    response = await datasette.client.get("/-/plugins.json")
    plugins = {plugin["name"]: plugin for plugin in response.json()}
    assert plugins["zan"]["templates"] and plugins["zan"]["static"]  # packaged with the entry point


@pytest.mark.asyncio(loop_scope="session")
async def test_act_json_has_the_act_its_units_and_notes(datasette):
    response = await datasette.client.get("/-/acts/V090005853_.json")
    assert response.status_code == 200
    document = response.json()
    assert document["act"]["registration_number"] == "5853"
    keys = [p["key"] for p in document["provisions"]]
    assert keys.index("doc/p6") < keys.index("doc/p6/sp8") < keys.index("doc/p7")
    note = next(n for n in document["notes"] if n["provision_id"] == "V090005853_/doc/p6")
    assert note["amendments"][0]["amending_act_number"] == "954"


@pytest.mark.asyncio(loop_scope="session")
async def test_act_page_shows_the_text_notes_and_status(datasette):
    response = await datasette.client.get("/-/acts/V090005853_")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Қалпына келтіру емін көрсету және медициналық оңалту ережесін бекіту туралы</h1>" in html
    assert 'id="doc-p6-sp8"' in html and "8) психотерапия;" in html
    assert 'class="zan-note"' in html and "6-тармаққа өзгерту енгізілді" in html
    assert "Күшін жойған" in html
    assert "19.10.2009" in html  # dates as lawyers write them


@pytest.mark.asyncio(loop_scope="session")
async def test_unknown_act_is_a_404(datasette):
    response = await datasette.client.get("/-/acts/nothing-here")
    assert response.status_code == 404


@pytest.mark.asyncio(loop_scope="session")
async def test_acts_table_links_titles_to_the_act_page_and_badges_status(datasette):
    response = await datasette.client.get("/laws/acts")
    assert '<a href="/-/acts/V090005853_">' in response.text
    assert '<span class="zan-status zan-repealed"' in response.text


@pytest.mark.asyncio(loop_scope="session")
async def test_kazakh_sql_functions(datasette):
    response = await datasette.client.get("/laws.json", params={"sql": "select kk_lower('ҚАЗАҚСТАН') as a, kk_norm('шiлдедегi') as b", "_shape": "array"})
    assert response.json() == [{"a": "қазақстан", "b": "шілдедегі"}]


@pytest.mark.asyncio(loop_scope="session")
async def test_table_json_and_search(datasette):
    response = await datasette.client.get("/laws/provisions.json", params={"_search": "психотерапия", "act_id": "V090005853_", "_shape": "array"})
    assert "V090005853_/doc/p6/sp8" in {row["id"] for row in response.json()}


@pytest.mark.asyncio(loop_scope="session")
async def test_the_site_is_read_only(datasette):
    response = await datasette.client.get("/laws.json", params={"sql": "delete from acts", "_shape": "array"})
    assert response.status_code == 400
    count = await datasette.client.get("/laws.json", params={"sql": "select count(*) as n from acts", "_shape": "array"})
    assert count.json() == [{"n": 5}]
