"""The message catalogue: both languages for every message, units named as lawyers
name them, dates explained from the database's columns."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest

from db.queries import act_on
from zan import messages
from zan.messages import MESSAGES, UnknownLanguage, act_name, parse_lang, t, unit_name

LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")
#: Messages whose Russian quotes Kazakh on purpose: the site's name, and search examples
#: (the texts searched are Kazakh).
QUOTING_KAZAKH = {"site_title"}
ALLOWED_LATIN = {"YYYY", "Zan", "git", "JSON", "SQL", "SQLite", "QR", "publications", "csv", "kk", "ru"}
#: A command or an option quoted as typed (`zan build`, `--all`) is not English.
CODE = re.compile(r"`[^`]*`")


def test_the_language_is_read_in_one_place_with_kazakh_by_default():
    assert parse_lang(None) == parse_lang("") == parse_lang(" ") == "kk"
    assert parse_lang("ru") == parse_lang("RU") == "ru"
    with pytest.raises(UnknownLanguage, match="«en»"):
        parse_lang("en")


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_is_in_both_languages_without_english(key):
    kazakh, russian = MESSAGES[key]
    assert kazakh and russian
    for text in (kazakh, russian):
        assert set(LATIN_WORD.findall(CODE.sub("", re.sub(r"{\w+}", "", text)))) <= ALLOWED_LATIN, (key, text)
    assert set(re.findall(r"{(\w+)}", kazakh)) == set(re.findall(r"{(\w+)}", russian)), key
    if key not in QUOTING_KAZAKH:
        assert not set("әғқңөұүһі") & set(russian.lower()), (key, russian)


@pytest.mark.parametrize(
    ("key", "kazakh", "russian"),
    [
        ("doc/p29/sp24", "29-тармақтың 24) тармақшасы", "подпункт 24) пункта 29"),
        ("doc/app3/p7", "3-қосымшаның 7-тармағы", "пункт 7 приложения 3"),
        ("p1", "1-тармақ", "пункт 1"),
        ("doc/p2/sp3/i1", "2-тармақтың 3) тармақшасының 1-абзацы", "абзац 1 подпункта 3) пункта 2"),
        ("doc/app3/ch1", "3-қосымшаның 1-тарауы", "глава 1 приложения 3"),
        ("p3-1", "3-1-тармақ", "пункт 3-1"),
        ("preamble", "кіріспе", "преамбула"),
        ("app/t1/r4~removed2020-08-10", "қосымшаның 1-кестесінің 4-жолы", "строка 4 таблицы 1 приложения"),
    ],
)
def test_units_are_named_as_lawyers_name_them(key, kazakh, russian):
    assert unit_name(key, "kk") == kazakh
    assert unit_name(key, "ru") == russian


def test_acts_are_named_by_kind_word_number_and_date_in_one_form():
    assert act_name("order", "954", "2010-12-09", "kk") == "09.12.2010 № 954 бұйрық"
    assert act_name("order", "954", "2010-12-09", "ru") == "приказ от 09.12.2010 № 954"
    assert messages.kind_word("resolution", "kk") == "қаулы" and messages.kind_word(None, "ru") == "акт"


def test_dates_are_explained_from_the_columns_in_the_readers_language(corpus_db):
    connection = sqlite3.connect(corpus_db)
    connection.row_factory = sqlite3.Row
    act = dict(connection.execute("select * from acts where id = 'V2200026917'").fetchone())
    kazakh = messages.act_commencement_text(act, "kk")
    assert kazakh == (
        "алғашқы ресми жарияланған күнінен кейін күнтізбелік 10 күн өткен соң қолданысқа енгізіледі; "
        "жариялану күні корпуста жоқ; жариялану тіркелген күннен (24.02.2022) бұрын болмайды: 07.03.2022 мен 06.04.2022 аралығында"
    )
    russian = messages.act_commencement_text(act, "ru")
    assert "по истечении 10 календарных дней" in russian and "между 07.03.2022 и 06.04.2022" in russian
    assert act_on(connection, "V2200026917", "2022-03-20", "ru")["act"]["basis"].startswith(
        "введение в действие: между 07.03.2022 и 06.04.2022, поэтому действие на эту дату не доказано: "
    )
    # in force since a window is said as such (it read "07.03.2022 мен 06.04.2022 аралығында бастап күшінде")
    assert act_on(connection, "V2200026917", "2023-01-01", "kk")["act"]["basis"] == "07.03.2022 мен 06.04.2022 аралығында қолданысқа енгізілген"
    assert act_on(connection, "V2200026917", "2023-01-01", "ru")["act"]["basis"] == "введён в действие между 07.03.2022 и 06.04.2022"
    assert t("count_acts", "ru", count=3) == "Всего актов: 3"


def test_an_acts_status_says_on_what_it_rests(corpus_db):
    connection = sqlite3.connect(corpus_db)
    connection.row_factory = sqlite3.Row
    act = {row["id"]: dict(row) for row in connection.execute("select * from acts")}
    assert messages.status_reason(act["V090005853_"], "kk") == "дереккөздегі мәртебе жолы: «Күшін жойған»"
    assert messages.status_reason(act["V1500010492"], "ru") == "в тексте записана отмена"
    assert messages.status_reason(act["V2300032371"], "kk").endswith("; актінің өз ережесі бойынша 31.12.2023 дейін қолданылады")


def _stored_basis(connection: sqlite3.Connection, version_id: str) -> tuple[str, str]:
    return connection.execute("select basis_rule, basis_data from provision_versions where id = ?", (version_id,)).fetchone()


def test_a_stored_basis_is_said_in_the_readers_language(corpus_db):
    """A unit's explanation is stored as a rule and its data, and said when shown: seed
    003's paragraph 23, whose wording before order № 479 of 2013 is not held; law 4051's
    article 1, current since law № 165-VІ of 2018."""
    connection = sqlite3.connect(corpus_db)
    rule, data = _stored_basis(connection, "order-2011-01-05-7/doc/p23@1")
    assert (rule, json.loads(data)) == ("earlier_wording_not_held", {"act": ["order", "479", "2013-08-17"]})
    assert messages.basis_text(rule, data, "kk") == "17.08.2013 № 479 бұйрық енгізген өзгеріске дейінгі мәтіні корпуста жоқ"
    assert messages.basis_text(rule, data, "ru") == "текста до изменения, внесённого актом «приказ от 17.08.2013 № 479», в корпусе нет"
    rule, data = _stored_basis(connection, "law-1999-07-13-414/art1@4")
    assert (rule, json.loads(data)) == ("current_since_change", {"act": ["law", "165-VІ", "2018-07-02"]})
    assert messages.basis_text(rule, data, "kk") == "қазіргі мәтін, 02.07.2018 № 165-VІ заң енгізген өзгерістен бері"
    assert messages.basis_text(rule, data, "ru") == "действующий текст, со времени изменения, внесённого актом: закон от 02.07.2018 № 165-VІ"
    assert messages.basis_text("current_no_note", None, "ru") == "действующий текст; ни одно примечание не указывает на его изменение"


def test_a_basis_made_of_parts_is_said_part_by_part():
    """A change by an amending act rests on its commencement; a caveat follows "but"."""
    changed = {
        "act": ["law", "9", "2007-12-19"],
        "facts": {"action": "new_wording"},
        "parts": [{"rule": "commencement", "dates": {"exact": "2008-01-01", "fixed": "2008-01-01"}, "facts": {"rule": "fixed_date"}}],
    }
    assert messages.basis_text("changed_by", changed, "kk") == "19.12.2007 № 9 заң: жаңа редакцияда жазылды; 01.01.2008 бастап қолданысқа енгізіледі"
    assert messages.basis_text("changed_by", changed, "ru") == "закон от 19.12.2007 № 9: изложено в новой редакции; вводится в действие с 01.01.2008"
    doubted = {"parts": [{"rule": "current_no_note"}, {"rule": "note_change_unnamed", "facts": {"line": 40}}]}
    assert messages.basis_text("but", doubted, "kk") == "қазіргі мәтін; оның өзгергенін бірде-бір ескерту көрсетпейді; бірақ ондағы ескерту өзгерісті атамайды (40-жол)"
    assert messages.basis_text("but", json.dumps(doubted), "ru") == "действующий текст; ни одно примечание не указывает на его изменение; но примечание к ней не называет изменение (строка 40)"
    assert messages.basis_text("a_rule_not_known", None, "kk") == "негізі белгісіз (a_rule_not_known)"
    assert messages.basis_text(None, None, "kk") == ""


def test_every_rule_the_parser_writes_has_a_sentence():
    """Every ``Basis("rule", …)`` in the parser and the store is said by `basis_text`
    (a rule without its message would be shown as "basis not known")."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    code = "\n".join(path.read_text(encoding="utf-8") for folder in ("parser", "db") for path in (root / folder).rglob("*.py"))
    written = set(re.findall(r'Basis\("([a-z_]+)"', code))
    assert {"current_no_note", "earlier_wording_not_held", "changed_by", "between_versions", "held_unproven"} <= written
    spoken_by_code = set(messages._SAYERS)  # the rules said by a function of their own
    assert written - spoken_by_code <= {key.removeprefix("basis_") for key in MESSAGES}


def _problem_kinds_in_code() -> set[str]:
    """Every problem kind the parser and the store write (`Problem(severity, kind, …)`,
    the Markdown reader's `self.problem(kind, …)`, and the notes' ``note_{status}``)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    kinds = {"note_incomplete", "note_unparsed"}  # f"note_{amendment.parse_status}"
    for path in [*(root / "parser").rglob("*.py"), *(root / "db").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            position = {"Problem": 1, "problem": 0}.get(name)
            if position is not None and len(node.args) > position and isinstance(node.args[position], ast.Constant):
                kinds.add(node.args[position].value)
    return kinds


def test_every_problem_kind_the_build_writes_has_words_in_both_languages():
    from zan.messages import PROBLEM_KINDS

    kinds = _problem_kinds_in_code()
    assert {"language_disagreement", "unit_without_translation", "part_missing", "link_out_of_corpus"} <= kinds
    assert sorted(kinds - set(PROBLEM_KINDS)) == []
