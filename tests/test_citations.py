"""Citations: the Kazakh spaCy language, the extractor on real seed lines, its measured
quality against the hand-labelled list, and the links resolved in the database."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
import spacy

from db.sources import parse_file
import parser.spacy_kk  # noqa: F401 (registers "kk" with spaCy)
from db import build
from db.queries import act_links, cited_act
from parser.citations import extract_citations
from parser.languages import KAZAKH

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from citation_quality import citation_record, score  # noqa: E402


def test_kazakh_is_a_registered_spacy_language():
    nlp = spacy.blank("kk")
    tokens = [token.text for token in nlp("ҚР Денсаулық сақтау министрінің м.а. 2010.12.09 № 954 Бұйрығымен")]
    assert tokens == ["ҚР", "Денсаулық", "сақтау", "министрінің", "м.а.", "2010.12.09", "№", "954", "Бұйрығымен"]
    assert nlp.vocab["және"].is_stop and nlp.vocab["он"].like_num


def test_a_government_resolution_with_its_issuer_date_and_number():
    # seed 001, paragraph 4 of the Rules
    text = 'бекіту туралы" Қазақстан Республикасы Үкіметінің 2016 жылғы 18 ақпандағы № 78 қаулысына сәйкес жүзеге асырылады.'
    (citation,) = extract_citations(text, lang=KAZAKH)
    assert citation.text == "2016 жылғы 18 ақпандағы № 78 қаулысына"
    assert (citation.reference.kind, citation.reference.date, citation.reference.number) == ("resolution", "2016-02-18", "78")
    assert citation.reference.issuer == "Қазақстан Республикасы Үкіметінің"


def test_a_ministry_order_with_its_title_and_registration():
    # seed 001, paragraph 9 of the Rules (moved word repaired)
    text = (
        "тәртібі Қазақстан Республикасы Денсаулық сақтау министрінің 2020 жылғы 7 қазандағы № ҚР ДСМ-116/2020 "
        '"Медициналық оңалту көрсету қағидаларын бекіту туралы" бұйрығымен (Нормативтік құқықтық актілерді '
        "мемлекеттік тіркеу тізілімінде № 21381 болып тіркелген) айқындалған."
    )
    (citation,) = extract_citations(text, lang=KAZAKH)
    assert citation.reference.number == "ҚР ДСМ-116/2020"
    assert citation.title == "Медициналық оңалту көрсету қағидаларын бекіту туралы"
    assert citation.registration_number == "21381"


def test_a_code_with_the_article_it_cites():
    text = '"Халық денсаулығы және денсаулық сақтау жүйесі туралы" Қазақстан Республикасының 2009 жылғы 18 қыркүйектегі кодексінің 25-бабына сәйкес'
    (citation,) = extract_citations(text, lang=KAZAKH)
    assert (citation.reference.kind, citation.reference.date, citation.provision) == ("code", "2009-09-18", "25-бабына")
    assert citation.title == "Халық денсаулығы және денсаулық сақтау жүйесі туралы"


def test_an_amending_act_in_a_note_keeps_its_commencement_inside_the_span():
    text = "Ескерту. 1-тармаққа өзгерту енгізілді - ҚР Денсаулық сақтау министрінің 2010.12.09 № 954 (ресми жарияланған күнінен бастап күнтізбелік он күн өткен соң қолданысқа енгіз іледі) Бұйрығымен."
    (citation,) = extract_citations(text, lang=KAZAKH)
    assert citation.text.startswith("2010.12.09 № 954 (") and citation.text.endswith("Бұйрығымен")
    assert citation.reference.issuer == "ҚР Денсаулық сақтау министрінің"


def test_a_commencement_date_in_brackets_is_not_the_date_of_the_act_cited():
    """Seed 003, its title's note: the order is of 04.08.2017; 01.01.2018 is when it applies."""
    text = "Ескерту. Тақырыбы жаңа редакцияда – ҚР Денсаулық сақтау министрінің 04.08.2017 № 589 (01.01.2018 бастап қолданысқа енгізіледі) бұйрығымен"
    (citation,) = extract_citations(text, lang=KAZAKH)
    assert (citation.reference.kind, citation.reference.date, citation.reference.number) == ("order", "2017-08-04", "589")
    assert citation.text.startswith("04.08.2017 № 589 (") and citation.text.endswith("бұйрығымен")


def test_an_act_limiting_its_own_term_cites_no_act():
    """Order 05/110 of 2023 (zan.gov.kz): "valid until 31.12.2023 — by paragraph 4 of this order"."""
    assert extract_citations("Ескерту. 31.12.2023 дейін қолданылады – осы бұйрықтың 4-тармағымен.", lang=KAZAKH) == []


def test_precision_and_recall_on_the_hand_labelled_seeds():
    gold = json.loads((ROOT / "tests" / "data" / "citations_gold.json").read_text(encoding="utf-8"))
    predicted = []
    for seed, path in (("001", "corpus/001_9b5972101ba212e8.txt"), ("003", "corpus/003_11aecfe5ead87c1b.txt")):
        document = parse_file(ROOT / path)
        units = [(p.key, p.text) for p in document.provisions if p.kind not in ("title", "other", "signature", "approval")]
        units += [(f"note{n.ordinal}", n.text) for n in document.notes]
        for unit, text in units:
            predicted += [citation_record(seed, unit, citation) for citation in extract_citations(text, lang=KAZAKH)]
    result = score(gold, predicted)
    assert len(gold) == 62
    assert result["precision"] >= 0.95 and result["recall"] >= 0.95, (result["false_positives"], result["false_negatives"])


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("links") / "laws.db"
    build(ROOT / "corpus", path)
    return sqlite3.connect(path)


def test_order_907_of_2010_is_one_act_cited_by_two_seed_acts(linked):
    answer = cited_act(linked, "order-2010-11-23-907")
    assert answer["cited_act"]["status"] == "not_in_corpus"
    assert answer["cited_act"]["registration_number"] == "6697"
    assert {row["act_id"] for row in answer["citations"]} == {"V1500011361", "order-2011-01-05-7"}
    # seed 003 also prints it as of 21.12.2010: same registration, one act, and a problem says so
    problems = linked.execute("select act_id from problems where kind = 'citation_conflict'").fetchall()
    assert problems == [("order-2011-01-05-7",)]


def test_every_citation_amendment_and_instruction_points_at_a_row(linked):
    assert linked.execute("select count(*) from citations where cited_act_id is null").fetchone() == (0,)
    assert linked.execute("select count(*) from amendments where amending_cited_act_id is null and parse_status = 'ok'").fetchone() == (0,)
    assert linked.execute("select count(*) from instructions where target_cited_act_id is null").fetchone() == (0,)
    assert linked.execute("select count(*) from citations c left join cited_acts a on a.id = c.cited_act_id where a.id is null").fetchone() == (0,)


def test_links_both_ways(linked):
    links = act_links(linked, "V090005853_")
    assert [row["id"] for row in links["repealed_by"]] == ["order-2012-06-06-394"]
    assert [row["id"] for row in links["amended_by"]] == ["order-2010-12-09-954"]
    amending = act_links(linked, "V2500035673")
    assert [(row["id"], row["status"]) for row in amending["amends"]] == [("order-2022-04-27-ҚР-ДСМ-37", "not_in_corpus")]
