"""The parsed act, on all five seeds: its metadata, its provisions with stable keys in
document order, its signature and approval stamp, and the guarantee that nothing of
the source is lost."""

from __future__ import annotations

from collections import Counter

import pytest

from parser.basis import Basis

from parser import parse_text

# --- The act ---------------------------------------------------------------------------

ACTS = {
    # id, adopted, number, registered, registration number, status, issuer, acting
    "000": ("V090005853_", "2009-10-19", "542", "2009-11-11", "5853", "repealed",
            "Қазақстан Республикасы Денсаулық сақтау министрінің", False),
    "001": ("V2200026917", "2022-02-23", "61", "2022-02-24", "26917", "unknown",
            "Қазақстан Республикасы Төтенше жағдайлар министрінің м.а.", True),
    "002": ("V1500011361", "2015-05-13", "344", "2015-06-16", "11361", "repealed",
            "Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрінің", False),
    "003": ("order-2011-01-05-7", "2011-01-05", "7", "2011-02-14", "6774", "repealed",
            "Қазақстан Республикасы Денсаулық сақтау министрінің м.а.", True),
    "004": ("V2500035673", "2025-01-24", "5", "2025-01-27", "35673", "unknown",
            "Қазақстан Республикасы Денсаулық сақтау министрінің", False),
}  # fmt: skip


def test_act_metadata(seeds, prefix):
    act = seeds[prefix].act
    act_id, adopted, number, registered, registration, status, issuer, acting = ACTS[prefix]
    assert act.id == act_id
    assert act.kind == "order"
    assert act.kind_text.lower() == "бұйрығы"
    assert (act.adopted_on, act.number) == (adopted, number)
    assert (act.registered_on, act.registration_number) == (registered, registration)
    assert act.status == status
    assert (act.issuer, act.issuer_acting) == (issuer, acting)
    assert act.language == "kk"
    assert act.layout == ("zqai_text" if prefix == "004" else "adilet_text")


def test_act_ids_say_how_they_were_made(seeds):
    assert seeds["000"].act.id_basis == "Adilet id derived from registration № 5853 of 2009-11-11"
    # no Adilet id pattern is known for 2011 registrations: a readable id instead
    assert seeds["003"].act.id_basis.startswith("built from kind, adoption date and number")


def test_act_titles(seeds):
    assert seeds["000"].act.title == "Қалпына келтіру емін көрсету және медициналық оңалту ережесін бекіту туралы"
    assert seeds["001"].act.title == (
        "Медициналық мекемелер мен оңалту орталықтары базасында азаматтық қорғау органдарының "
        "қызметкерлерін медициналық және психологиялық оңалту қағидаларын бекіту туралы"
    )
    assert seeds["003"].act.title == "Амбулаториялық-емханалық көмек көрсететін медициналық ұйымдардың қызметі туралы ережені бекіту туралы"
    assert seeds["004"].act.title == (
        "«Амбулаториялық жағдайларда мамандандырылған медициналық көмек көрсету қағидаларын бекіту туралы» "
        "Қазақстан Республикасы Денсаулық сақтау министрінің 2022 жылғы 27 сәуірдегі № ҚР ДСМ-37 бұйрығына "
        "өзгерістер мен толықтырулар енгізу туралы"
    )


@pytest.mark.parametrize(
    "prefix, repeal",
    [
        ("000", "Күші жойылды - Қазақстан Республикасы Денсаулық сақтау министрінің 2012 жылғы 6 маусымдағы № 394 бұйрығымен"),
        ("002", "Күші жойылды - Қазақстан Республикасы Денсаулық сақтау министрінің м.а. 2023 жылғы 18 шiлдедегi № 132 бұйрығымен"),
        ("003", "Күші жойылды - Қазақстан Республикасы Денсаулық сақтау министрінің 2023 жылғы 9 наурыздағы № 36 бұйрығымен"),
    ],
)
def test_repealed_acts_keep_the_status_line_and_the_repeal(seeds, prefix, repeal):
    act = seeds[prefix].act
    assert act.status_text == "Күшін жойған"
    assert act.repeal_text == repeal
    assert act.status_basis == Basis("status_line", facts={"line": "Күшін жойған"})


def test_acts_with_no_status_line_are_unknown_not_in_force(seeds):
    for prefix in ("001", "004"):
        act = seeds[prefix].act
        assert act.status_text is None and act.repeal_text is None
        assert act.status == "unknown"


def test_repeal_printed_only_in_the_header_becomes_a_header_amendment(sources):
    # seed 000 without its repeal note (lines 11-12): the requisites still record the repeal
    lines = sources["000"].splitlines(keepends=True)
    assert lines[10].startswith("      Ескерту. Бұйрықтың күші жойылды")
    document = parse_text("".join(lines[:10] + lines[12:]))
    assert document.act.status == "repealed"
    [amendment] = document.header_amendments
    assert amendment.action == "repealed"
    assert (amendment.act.date, amendment.act.number, amendment.act.kind) == ("2012-06-06", "394", "order")
    assert amendment.act.issuer == "Қазақстан Республикасы Денсаулық сақтау министрінің"
    assert amendment.parse_status == "ok"


def test_a_repeal_with_its_note_is_not_counted_twice(seeds):
    for document in seeds.values():
        assert document.header_amendments == []


@pytest.mark.parametrize(
    "prefix, rule, offset, earliest, latest",
    [
        ("000", "publication", None, "2009-11-11", None),  # from publication; registered 2009
        ("001", "publication", 10, "2022-03-07", "2022-04-06"),  # registered 2022-02-24
        ("002", "publication", 10, "2015-06-27", None),  # registered 2015: no deadline known
        ("003", "publication", 10, "2011-02-25", None),
        ("004", "publication", 10, "2025-02-07", "2025-03-09"),  # registered 2025-01-27
    ],
)
def test_the_orders_own_entry_into_force(seeds, prefix, rule, offset, earliest, latest):
    act = seeds[prefix].act
    assert (act.commencement.rule, act.commencement.offset_days) == (rule, offset)
    assert act.commencement.text.startswith(("4. Осы бұйрық", "5. Осы бұйрық", "6. Осы бұйрық"))
    assert (act.effective.status, act.effective.earliest, act.effective.latest, act.effective.exact) == ("bounded", earliest, latest, None)


# --- Provisions and keys -----------------------------------------------------------------


def keys(document, kind=None, prefix=""):
    return [p.key for p in document.provisions if (kind is None or p.kind == kind) and p.key.startswith(prefix)]


def own(document, kind):
    """Keys of the order's own units of `kind` (not inside the approved document)."""
    return [p.key for p in document.provisions if p.kind == kind and not p.key.startswith("doc")]


def test_seed_000_paragraphs_of_the_order_and_of_the_regulation(seeds):
    document = seeds["000"]
    assert own(document, "paragraph") == [f"p{n}" for n in range(1, 7)]
    assert keys(document, "paragraph", "doc/") == [f"doc/p{n}" for n in range(1, 16)]
    assert keys(document, "subparagraph", "doc/p6/") == [f"doc/p6/sp{n}" for n in range(1, 14)]
    assert keys(document, "subparagraph", "doc/p9/") == ["doc/p9/sp1", "doc/p9/sp2"]
    assert keys(document, "subparagraph", "doc/p10/") == [f"doc/p10/sp{n}" for n in range(1, 5)]
    assert [p.key for p in document.provisions if p.kind in ("chapter", "section", "appendix")] == ["doc"]


def test_seed_000_units_and_their_parents(unit):
    assert (unit("000", "doc/p6/sp13").parent_key, unit("000", "doc/p6/sp13").label) == ("doc/p6", "13")
    assert unit("000", "doc/p6").parent_key == "doc"
    assert unit("000", "p6").parent_key is None
    assert (unit("000", "doc/p6/sp3").source_line, unit("000", "doc/p6/sp3").source_line_end) == (77, 89)
    assert unit("000", "doc/p6").text == (
        "6. Қалпына келтіру емі және медициналық оңалтудың, оның ішінде балаларды медициналық оңалтудың негізгі түрлеріне:"
    )


def test_seed_001_heading_split_across_lines(seeds, unit, seed_line):
    assert seed_line("001", 36) == "органдарының қызметкерлерін медициналық және психологиялық оңалту қағидалары 1-"
    assert seed_line("001", 37) == "тарау. Жалпы ережелер"
    document = unit("001", "doc")
    assert document.role == "approved_document"
    assert document.text.endswith("психологиялық оңалту қағидалары")
    assert document.heading == document.text
    chapter = unit("001", "doc/ch1")
    assert (chapter.text, chapter.heading, chapter.label) == ("1-тарау. Жалпы ережелер", "Жалпы ережелер", "1")
    assert (chapter.source_line, chapter.parent_key) == (37, "doc")
    assert [p.key for p in seeds["001"].provisions if p.kind == "chapter"] == ["doc/ch1", "doc/ch2"]


def test_seed_001_keys(seeds, unit):
    document = seeds["001"]
    assert own(document, "paragraph") == ["p1", "p2", "p3", "p4"]
    assert keys(document, "subparagraph", "p2/") == ["p2/sp1", "p2/sp2", "p2/sp3"]
    assert keys(document, "paragraph", "doc/") == [f"doc/p{n}" for n in range(1, 13)]
    assert unit("001", "doc/p3").parent_key == "doc/ch2"
    assert keys(document, "indent", "doc/p2/sp3/") == ["doc/p2/sp3/i1", "doc/p2/sp3/i2", "doc/p2/sp3/i3"]


def test_seed_002_chapters_and_sections(seeds, unit):
    document = seeds["002"]
    assert [p.key for p in document.provisions if p.kind in ("chapter", "section")] == [
        "doc/ch1", "doc/ch2", "doc/ch2/s1", "doc/ch2/s2", "doc/ch2/s3", "doc/ch2/s4", "doc/ch2/s5",
    ]  # fmt: skip
    assert unit("002", "doc/ch1").heading == "Жалпы ережелер"
    assert unit("002", "doc/ch2/s3").heading == "Стационарлық медициналық көмек алу тәртібі"
    assert unit("002", "doc/ch2/s5").heading == "Профилактикалық екпе алу тәртібі"
    assert all(unit("002", f"doc/ch2/s{n}").parent_key == "doc/ch2" for n in range(1, 6))
    assert unit("002", "doc/p4").parent_key == "doc/ch2/s1"
    assert unit("002", "doc/p10").parent_key == "doc/ch2/s5"
    assert keys(document, "paragraph", "doc/") == [f"doc/p{n}" for n in range(1, 11)]
    assert own(document, "paragraph") == ["p1", "p2", "p3", "p4"]


def test_seed_003_sections_are_printed_as_paragraf_n(seeds, unit, seed_line):
    assert seed_line("003", 274) == "Параграф 1. Емхана"
    assert [p.key for p in seeds["003"].provisions if p.kind == "section"] == [f"doc/ch2/s{n}" for n in range(1, 6)]
    assert [unit("003", f"doc/ch2/s{n}").heading for n in range(1, 6)] == [
        "Емхана",
        "Дәрігерлік амбулатория (отбасы денсаулығы орталығы)",
        "Фельдшерлік-акушерлік пункт, медициналық пункт",
        "Консультациялық-диагностикалық көмек бөлімшесі",
        "Консультациялық - диагностикалық орталық/ емхана",
    ]
    assert unit("003", "doc/p24").parent_key == "doc/ch2/s1"


def test_seed_003_appendices_and_their_own_numbering(seeds, unit):
    document = seeds["003"]
    assert [p.key for p in document.provisions if p.kind == "appendix"] == ["doc", "doc/app1", "doc/app2", "doc/app3"]
    assert [unit("003", f"doc/app{n}").label for n in (1, 2, 3)] == ["1", "2", "3"]
    assert all(unit("003", f"doc/app{n}").parent_key == "doc" for n in (1, 2, 3))
    assert unit("003", "doc/app1").heading == "Медициналық-санитариялық алғашқы көмек көрсететін қызметкерлердің функционалдық міндеттері"
    assert unit("003", "doc/app2").heading == "МСАК деңгейінде медициналық қызметтердің ең төменгі көлемі"
    assert unit("003", "doc/app3").heading == '"Бекітілген халық тіркелімі" порталын жүргізу'
    assert [p.key for p in document.provisions if p.kind == "chapter"] == [
        "doc/ch1", "doc/ch2", "doc/app3/ch1", "doc/app3/ch2", "doc/app3/ch3",
    ]  # fmt: skip
    assert unit("003", "doc/app3/ch2").heading == "Үдеріске қатысушылардың өзара іс-қимылы"
    # numbering restarts in each appendix, keys stay unique
    assert keys(document, "paragraph", "doc/p") == [f"doc/p{n}" for n in range(1, 47)]
    assert keys(document, "paragraph", "doc/app1/") == [f"doc/app1/p{n}" for n in range(1, 8)]
    assert keys(document, "paragraph", "doc/app3/") == [f"doc/app3/p{n}" for n in range(1, 17)]
    assert unit("003", "doc/app3/p7").parent_key == "doc/app3/ch3"
    assert unit("003", "doc/app3/p7").source_line == 1207
    assert unit("003", "doc/p7").source_line == 112


def test_seed_004_has_four_paragraphs_and_its_quotes_belong_to_paragraph_1(seeds, unit):
    document = seeds["004"]
    assert keys(document, "paragraph") == ["p1", "p2", "p3", "p4"]
    quotes = [p for p in document.provisions if p.kind == "quote"]
    assert [(q.key, q.source_line) for q in quotes] == [("p1/q1", 35), ("p1/q2", 44), ("p1/q3", 51), ("p1/q4", 95), ("p1/q5", 110)]
    assert {q.parent_key for q in quotes} == {"p1"}
    # "2." and "1)".."8)" inside «…» are the new wording, not units of the order
    assert unit("004", "p2").source_line == 115
    assert unit("004", "p2").text.startswith("2. Қазақстан Республикасы Денсаулық сақтау министрлігінің")
    assert keys(document, "subparagraph") == ["p2/sp1", "p2/sp2", "p2/sp3"]
    q3 = unit("004", "p1/q3")
    assert (q3.source_line, q3.source_line_end) == (51, 92)
    assert q3.text.split("\n")[0] == "«2. Осы Қағидаларда пайдаланылатын негізгі ұғымдар:"
    assert q3.text.endswith("жүйе.»;")
    assert unit("004", "p1/q4").text.startswith("«3-1 Амбулаториялық жағдайларда")
    assert [p.key for p in document.provisions if p.kind == "indent"] == [f"p1/i{n}" for n in range(1, 7)]


def test_seed_004_header_units(unit):
    assert unit("004", "qr").text == "«ЗҚАИ» ШЖҚ РМК лауазымды тұлғаның ЭЦҚ мәліметі бар QR-код"
    assert unit("004", "ministry").text == "Қазақстан Республикасының Денсаулық сақтау министрлігі"
    assert unit("004", "ministry_ru").text == "Министерство здравоохранения Республики Казахстан"
    assert unit("004", "preamble").text == "БҰЙЫРАМЫН:"


@pytest.mark.parametrize(
    "prefix, signature, approval",
    [
        ("000", "Министр Ж. Досқалиев",
         "Қазақстан Республикасы Денсаулық сақтау министрінің 2009 жылғы 19 қазандағы N 542 бұйрығымен бекітілген"),
        ("001", "Қазақстан Республикасы Төтенше жағдайлар министрінің міндетін атқарушы",
         "№ 61 бұйрығымен бекітілді"),
        ("002", "Министр Т. Дүйсенова",
         "Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрінің 2015 жылғы 13 мамырдағы № 344 бұйрығымен бекітілген"),
        ("003", "Министрдің міндетін атқарушы Б. Садықов",
         "Қазақстан Республикасы Денсаулық сақтау министрінің міндетін атқарушының 2011 жылғы 5 ақпандағы № 7 бұйрығымен бекітілген"),
        ("004", "Қазақстан Республикасы Денсаулық сақтау министрі А. Альназарова", None),  # an amending order approves nothing
    ],
)  # fmt: skip
def test_signature_and_approval_stamp(seeds, unit, prefix, signature, approval):
    assert unit(prefix, "signature").text == signature
    if approval is None:
        assert all(p.kind != "approval" for p in seeds[prefix].provisions)
        assert all(not p.key.startswith("doc") for p in seeds[prefix].provisions)
    else:
        assert unit(prefix, "approval").text == approval
        # the approved document follows its stamp
        keys_in_order = [p.key for p in seeds[prefix].provisions]
        assert keys_in_order.index("signature") < keys_in_order.index("approval") < keys_in_order.index("doc")


@pytest.mark.parametrize(
    "prefix, title",
    [
        ("000", "Қалпына келтіру емін көрсету және медициналық оңалту, оның ішінде балаларды медициналық оңалту ережесі"),
        ("003", "Амбулаториялық-емханалық көмек көрсететін денсаулық сақтау ұйымдарының қызметі жөніндегі ереже"),
    ],
)
def test_title_of_the_approved_document(unit, prefix, title):
    assert unit(prefix, "doc").text == title
    assert unit(prefix, "doc").heading == title


def test_keys_are_unique_positions_run_in_order_and_parents_come_first(seeds, prefix):
    provisions = seeds[prefix].provisions
    assert len({p.key for p in provisions}) == len(provisions)
    assert [p.position for p in provisions] == list(range(1, len(provisions) + 1))
    seen = set()
    for provision in provisions:
        assert provision.parent_key is None or provision.parent_key in seen, provision.key
        assert provision.source_line <= provision.source_line_end
        seen.add(provision.key)
    lines = [p.source_line for p in provisions]
    assert lines == sorted(lines)


def test_the_order_comes_before_the_approved_document(seeds, prefix):
    provisions = seeds[prefix].provisions
    first_doc = next((i for i, p in enumerate(provisions) if p.key.startswith("doc")), len(provisions))
    assert all(p.key.startswith("doc") for p in provisions[first_doc:])


def test_seed_000_doubts_are_named(seeds):
    assert [(p.kind, p.source_line) for p in seeds["000"].problems] == [("note_incomplete", 205)]


# --- Nothing lost ---------------------------------------------------------------------------


def test_raw_texts_rebuild_the_source_exactly(seeds, sources, prefix):
    document = seeds[prefix]
    pieces = [(p.source_line, p.raw) for p in document.provisions] + [(n.source_line, n.raw) for n in document.notes]
    assert "".join(raw for _, raw in sorted(pieces, key=lambda piece: piece[0])) == sources[prefix]


def test_every_letter_and_digit_reaches_the_repaired_text(seeds, sources, prefix):
    document = seeds[prefix]
    repaired = Counter(c for p in document.provisions for c in p.text if c.isalnum())
    repaired.update(c for n in document.notes for c in n.text if c.isalnum())
    source = Counter(c for c in sources[prefix] if c.isalnum())
    assert repaired == source


def test_every_source_line_is_in_one_unit_only(seeds, sources, prefix):
    document = seeds[prefix]
    total = sources[prefix].count("\n") + (0 if sources[prefix].endswith("\n") else 1)
    covered = Counter()
    for piece in [*document.provisions, *document.notes]:
        leading = piece.raw[: len(piece.raw) - len(piece.raw.lstrip(" \t\r\n"))]
        first = piece.source_line - leading.count("\n")  # a unit may start with blank lines
        assert first >= 1
        line_count = piece.raw.count("\n") + (0 if piece.raw.endswith("\n") else 1)
        assert piece.source_line_end == first + line_count - 1
        covered.update(range(first, first + line_count))
    assert set(covered) == set(range(1, total + 1))
    assert max(covered.values()) == 1
