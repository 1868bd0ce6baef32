"""Russian (`ru`): the legal vocabulary of Russian texts, in one place.

Every act of Kazakhstan is published in Russian too, and the bank's meta files print the
requisites in Russian (``Приказ Министра … от 3 декабря 2019 года № 19-42-3.3.22.
Зарегистрирован в Министерстве юстиции …``). Everything the parser recognises by word in a
Russian text lives here, with the same names as in `parser.languages.kk` where the
meaning is shared (`parser.languages.SHARED_NAMES`). Russian inflects at the end of a
word too, so entries are stems where the case varies ("приказ", "приказом").
Sources: ../shared/notes/FORMATS.md §2c–§2e and §3, the texts of ../shared/corpus-bank/.
"""

from __future__ import annotations

import re

from ..base import fold_with, kind_reader, squash_with

CODE = "ru"
BANK_CODE = "rus"

# --- Letters -----------------------------------------------------------------------

#: Latin look-alikes mixed into Cyrillic words ("Cтатья" with a Latin C).
LOOKALIKES = {"C": "С"}

UPPER = "А-ЯЁ"
LOWER = "а-яё"
LETTER = UPPER + LOWER

# --- Months --------------------------------------------------------------------------

#: Month names in the genitive, as dates print them ("от 11 декабря 2001 года").
MONTHS = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}

_MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))

#: A date written in words, on folded text: ``11 декабря 2001 года``, ``16 ноября 1999 г.``,
#: ``1 января 2000 года``.
LONG_DATE = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_ALTERNATION})\s+(?P<year>\d{{4}})(?:\s*(?:года|г\.))?"
)


def month_number(word: str) -> int | None:
    """The month a `LONG_DATE` month group names (folded)."""
    return MONTHS.get(word)


# --- Kinds of act ----------------------------------------------------------------------

#: Kind stems (lower case) -> our kind code. Longest stems are tried first.
ACT_KINDS = {
    "совместный приказ": "joint_order",
    "совместным приказом": "joint_order",
    "приказ": "order",
    "постановлени": "resolution",
    "решени": "decision",
    "конституционный закон": "constitutional_law",
    "конституционным законом": "constitutional_law",
    "конституционного закона": "constitutional_law",
    "конституционными законами": "constitutional_law",
    "конституционному закону": "constitutional_law",
    "конституционном законе": "constitutional_law",
    "конституционных законов": "constitutional_law",
    "закон": "law",
    "кодекс": "code",
    "указ": "decree",
    "распоряжени": "disposition",
    "инструкци": "instruction",
}

#: The bank's `form` codes of its meta files (FORMATS.md §3) -> our kind code: the act's kind
#: when its requisite does not say it.
BANK_FORMS = {
    "ЗАК": "law",
    "КЗАК": "constitutional_law",
    "УЗАК": "decree",  # a decree of the President having the force of law
    "КОД": "code",
    "ПРИК": "order",
    "СПРИК": "joint_order",
    "ПОСТ": "resolution",
    "РЕШ": "decision",
    "УКАЗ": "decree",
    "РАСП": "disposition",
}

#: Acting officials: "и.о. Министра", "исполняющего обязанности".
ACTING_MARKERS = ("и.о.", "исполняющ")

#: Russian prints the kind word first: "Приказом Министра … от 3 декабря 2019 года № 5".
KIND_BEFORE_DATE = True

#: An appendix stamp that prints its word before the act it names ("ПРИЛОЖЕНИЕ к приказу …
#: от 3 декабря 2019 года № 19-42-3.3.22"): the word, folded.
STAMP_FIRST_WORD = "приложение"

#: The word between the issuer and the date: "… Министра финансов от 15 февраля 2022 года".
DATE_PREPOSITIONS = ("от",)

#: The end of an issuer in the genitive, up to where a truncated note's clause begins.
ISSUER_HEAD = re.compile(r"^(?P<issuer>.*?(?:РК|Республики\s+Казахстан))\s+(?P<rest>.*)$")

# --- The requisites sentence -----------------------------------------------------------

REPEAL_START = re.compile(r"Утратил[аио]?\s+силу", re.IGNORECASE)
REGISTRATION_START = re.compile(r"Зарегистрирован", re.IGNORECASE)
REGISTRATION_END_WORDS = ("зарегистрирован",)

# --- Structure ---------------------------------------------------------------------------

#: Structural words (stems, as a note or heading names a unit) -> provision kind:
#: "Статья 5-1", "пункт 2 статьи 3", "подпункт 24) пункта 29", "главы 2", "приложение 1".
STRUCTURE_WORDS = {
    "подпункт": "subparagraph",
    "пункт": "paragraph",
    "част": "paragraph",
    "глав": "chapter",
    "параграф": "section",
    "раздел": "division",
    "приложени": "appendix",
    "стать": "article",
    "абзац": "indent",
}

#: Operative formula that ends the preamble, by kind of act.
OPERATIVE_FORMULAS = ("ПРИКАЗЫВАЮ", "ПОСТАНОВЛЯЕТ", "ПОСТАНОВЛЯЮ", "РЕШИЛ", "ПРИНЯЛ РЕШЕНИЕ")

#: Names of the document an order approves, as notes name it ("Правила изложены в новой редакции").
APPROVED_DOCUMENT_STEMS = ("правил", "положени", "инструкци", "порядок", "порядк", "стандарт", "перечен", "норм")

#: The approval stamp's words: "Утвержден приказом … от … № 542".
APPROVAL_WORDS = ("утвержден", "утверждены", "утверждено", "утверждена")

#: "Приложение к приказу …" over an appendix (squashed, lower case).
MARKDOWN_APPENDIX_STAMP = re.compile(r"^приложение")

#: Stamps of the bodies that agreed an act: "«СОГЛАСОВАН»".
MARKDOWN_AGREEMENT_WORDS = ("согласован",)

#: Status lines of an Adilet export.
STATUS_LINES = {
    "Утративший силу": "repealed",
    "Новый": "in_force",
    "Обновленный": "in_force",
}

#: "Раздел 1. …", "Раздел IV" (Roman, the Cyrillic І standing in for I in older texts).
DIVISION = re.compile(r"^Раздел\s+(?P<label>\d+(?:-\d+)*|[IVXLCІ]+)\b\s*\.?\s*(?P<heading>.*)$")
CHAPTER = re.compile(r"^Глава\s+(?P<label>\d+(?:-\d+)*|[IVXLCІ]+(?:-\d+)*)\b\s*\.?\s*(?P<heading>.*)$")
SECTION = re.compile(r"^Параграф\s+(?P<label>\d+(?:-\d+)*)(?P<label2>)\b\.?\s*(?P<heading>.*)$")
APPENDIX = re.compile(r"^(?:Приложение\s+(?P<label>\d+(?:-\d+)*)|Приложение)\s*$")
#: "Статья 5-1. …", "Статья 128 исключена …", "Статья 26. Исключена Законом РК …".
ARTICLE = re.compile(r"^Статья\s+(?P<label>\d+(?:-\d+)*)\b\s*\.?\s*(?P<heading>.*)$")
SPLIT_HEADING_TAIL = re.compile(r"^\s*(глава|параграф|приложение|статья)\b", re.IGNORECASE)
APPROVING_KINDS = ("приказом", "постановлением", "решением", "распоряжением", "указом")
MARKDOWN_APPENDIX_LABEL = re.compile(r"^\W*Приложение\s+(?P<label>\d+(?:-\d+)*)\b", re.IGNORECASE)
MARKDOWN_CHAPTER = re.compile(r"^(?:Глава\s+)?(?P<label>\d+(?:-\d+)*|[IVXLC]+)\.?\s+\S")

#: The heading of a table of contents ("Оглавление"), folded, without its colon.
CONTENTS_HEADINGS = ("оглавление", "содержание")

#: An editorial remark of the Republican centre of legal information (РЦПИ, since renamed
#: ИЗПИ) over a change still to come: its own paragraph, followed by the remark's text
#: ("Утрачивает силу Кодексом РК от 23.11.2015 № 414-V …"). Not a change note, not law text.
EDITORIAL_REMARKS = ("Примечание РЦПИ!", "Примечание ИЗПИ!")

#: The act's own suspension of other units, with their temporary wording after it
#: ("Приостановить до 1 января 2025 года действие пунктов 1 и 2 статьи 113-1 …"), folded.
SUSPENDING_CLAUSE = re.compile(r"^приостановить\b")

#: An italic blockquote of the bank printed without "Сноска." that is still a note
#: ("Вводится в действие с 01.01.2022 в соответствии с …"), folded.
UNMARKED_NOTE = re.compile(r"^(?:вводит(?:ся|ь)|вводятся)\s+в\s+действие|^утратил[аио]?\s+силу|^исключен[аоы]?\b|^действие\b.*\bприостановлен")

#: The President's signature printed as a plain line under a law, folded.
SIGNATURE_LINE = re.compile(r"^президент\s+республики\s+казахстан$")

#: What a note may say about a unit's heading ("заголовок статьи 25", "наименование").
HEADING_WORDS = ("заголов", "наименовани")

THIS_WORD = "настоящ"

# --- Notes ---------------------------------------------------------------------------------

NOTE_MARKERS = ("Сноска.", "Сноска:")

#: Note action phrases (folded: lower case) -> action. Checked in order; the earliest in
#: the text wins.
NOTE_ACTIONS = (
    # pending changes (an editorial remark, or a note on a change not yet in force): never law in force
    ("предусмотрена в редакции", "pending_new_wording"),
    ("предусмотрено в редакции", "pending_new_wording"),
    ("предусмотрен в редакции", "pending_new_wording"),
    ("предусмотрены в редакции", "pending_new_wording"),
    ("предусмотрено изменение", "pending_amended"),
    ("предусмотрены изменения", "pending_amended"),
    ("предусмотрено дополнить", "pending_inserted"),
    ("предусмотрено дополнение", "pending_inserted"),
    ("предусмотрено исключить", "pending_deleted"),
    ("предусмотрено исключение", "pending_deleted"),
    ("утрачивает силу", "pending_repealed"),
    ("в новой редакции", "new_wording"),
    ("в редакции", "new_wording"),
    ("дополнен", "inserted"),
    ("дополнена", "inserted"),
    ("дополнено", "inserted"),
    ("дополнены", "inserted"),
    ("исключен", "deleted"),
    ("исключена", "deleted"),
    ("исключено", "deleted"),
    ("исключены", "deleted"),
    ("утратил силу", "repealed"),
    ("утратила силу", "repealed"),
    ("утратило силу", "repealed"),
    ("утратили силу", "repealed"),
    ("заменены", "replaced_words"),
    ("заменено", "replaced_words"),
    ("заменена", "replaced_words"),
    ("заменен", "replaced_words"),
    ("с изменениями, внесенными", "amended"),
    ("с изменением, внесенным", "amended"),
    ("с изменениями и дополнениями, внесенными", "amended"),
    ("с изменениями и дополнением, внесенными", "amended"),
    ("с дополнениями, внесенными", "amended"),
    ("с дополнением, внесенным", "amended"),
    ("внесены изменения и дополнения", "amended"),
    ("внесены изменения", "amended"),
    ("внесено изменение", "amended"),
    ("внесены дополнения", "amended"),
    ("внесено дополнение", "amended"),
    ("приостановлен", "suspended"),
    ("приостановлена", "suspended"),
    ("приостановлено", "suspended"),
    ("приостановлены", "suspended"),
)

DELETION_PLACEHOLDERS = ("исключен", "исключена", "исключено", "исключены")

#: Words by which a note names the act itself, its title, preamble, or the approved document.
NOTE_TARGET_WORDS = {
    "приказ": "act",
    "постановлени": "act",
    "решени": "act",
    "закон": "act",
    "конституционный закон": "act",
    "кодекс": "act",
    "указ": "act",
    "заголов": "title",
    "наименовани": "title",
    "преамбул": "preamble",
    "приложени": "appendix",
}

#: A unit as a note names it, on folded text: the word first, then the label ("Статья 5-1",
#: "В статью 2", "пункт 2 статьи 3", "подпунктом 3) пункта 1", "главы 2").
NOTE_UNIT = re.compile(
    r"(?<![а-яё])(?P<word>подпункт|пункт|част|глав|параграф|раздел|приложени|стать|абзац)[а-яё]*\s+"
    r"(?P<label>\d+(?:-\d+)*)\)?"
)

#: A note about words changed throughout the text: "По всему тексту, за исключением главы 14,
#: слова … заменены …" (folded).
NOTE_WHOLE_TEXT = ("по всему тексту", "по тексту")

#: The order a chain of units is printed in: Russian names the innermost unit first ("пункт 2
#: статьи 3"), Kazakh the outermost ("3-баптың 2-тармағы").
NOTE_UNITS_INNERMOST_FIRST = True

#: A note that names its unit by the word alone ("Статья в редакции Закона …", printed under
#: the article it is about): the word's stem.
NOTE_BARE_ARTICLE = "стать"

#: Notes printed without the marker word: "> *Вводится в действие с 01.01.2022 в соответствии
#: с пунктом 1 статьи 2 настоящего Закона.*" (160919).
UNMARKED_NOTE_STARTS = ("Вводится в действие с ", "Вводятся в действие с ")

#: Editorial remarks of the Institute of legislation, printed as a paragraph of their own
#: before the remark itself (33276: "Примечание РЦПИ!" then "Утрачивает силу Кодексом …").
REMARK_MARKERS = ("Примечание РЦПИ!", "Примечание ИЗПИ!", "Примечание РЦПИ.", "Примечание ИЗПИ.")

#: Where a note that names one act ends the words about its unit and names the act:
#: "Глава 2 дополнена статьей 5-1 | в соответствии с Законом РК …" (folded).
NOTE_ACT_INTRODUCERS = ("в соответствии с", "законом", "закона", "кодексом", "указом", "приказом", "постановлением")

# --- Commencement ---------------------------------------------------------------------------

#: Number words in the genitive: "по истечении десяти календарных дней".
NUMBER_WORDS = {
    "одного": 1,
    "двух": 2,
    "трех": 3,
    "трёх": 3,
    "четырех": 4,
    "пяти": 5,
    "шести": 6,
    "семи": 7,
    "восьми": 8,
    "девяти": 9,
    "десяти": 10,
    "пятнадцати": 15,
    "двадцати": 20,
    "тридцати": 30,
    "сорока": 40,
    "шестидесяти": 60,
}

#: Phrases (folded, spaces removed) that anchor a commencement clause.
COMMENCEMENT_ANCHORS = (
    ("официальногоопубликования", "publication"),
    ("опубликования", "publication"),
    ("подписания", "signing"),
)

TERM_END_PHRASES = ("действуетдо", "применяетсядо")

COMMENCEMENT_VERBS = (
    "вводитсявдействие", "вступаетвсилу", "вводятсявдействие", "вступаютвсилу", "ввестивдействие",
    # "(порядок введения в действие см. ст.2)" (4051), "Порядок введения в действие настоящего Закона"
    "введениявдействие",
)

_ONE_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER_WORD = rf"(?:(?:{_ONE_NUMBER_WORD})\s+)*(?:{_ONE_NUMBER_WORD})"

PERIOD_DAYS = re.compile(
    rf"(?:(?P<digits>\d+)|(?P<word>{_NUMBER_WORD}))\s+(?:календарных\s+|(?P<working>рабочих\s+))?дн(?:ей|я)"
)
PERIOD_MONTHS = re.compile(rf"(?:(?P<digits>\d+)|(?P<word>{_NUMBER_WORD}))\s+месяц")
PERIOD_AFTER_WORDS = ("по истечении", "после")


def starts_from(text: str, date_start: int, date_end: int) -> bool:
    """The date at ``text[date_start:date_end]`` is where a term starts: "с 1 января 2000 года"."""
    return re.search(r"(?:^|\s)с\s*$", fold(text[:date_start])) is not None

SEE_ELSEWHERE_WORDS = ("см.статью", "смотри", "см.ст")

#: The split commencement of a law, on folded text: "… за исключением пункта 2 статьи 122 ,
#: статьи 204 , …, которые вводятся в действие с 1 января 2008 года" (33276).
COMMENCEMENT_EXCEPTION = re.compile(
    r"за\s+исключением\s+(?P<units>.+?),?\s+(?:которые|который|которая|которое)\s+(?:вводятся|вводится|вступают|вступает)\s+"
    r"(?:в\s+действие|в\s+силу)\s+(?P<when>с\s+.+?)(?:[.;]|$)"
)

#: "… за исключением положений, для которых настоящим Законом установлены иные сроки введения
#: в действие" (104446): the exceptions are set by other articles of the same act (squashed).
EXCEPTIONS_ELSEWHERE = ("установленыиныесроки", "иныесрокивведения")

#: What a clause says the act itself by: "Настоящий Закон", "Настоящий Указ", and an enacting
#: law's "Ввести в действие Уголовный кодекс …" (squashed stems).
OWN_COMMENCEMENT_STARTS = ("настоящ",)
ENACTING_VERBS = ("ввестивдействие",)

#: What surrounds the words of one part of a split commencement: "…, о наказании в виде
#: ареста - с | 1 января 2010 года" (the preposition before the date).
DATED_PART_TRIM = re.compile(r"(?:\s[-–—])?\s*(?:с|со)?\s*$")

# --- Amending instructions ---------------------------------------------------------------
#
# The operative instructions of amending acts in Russian (parser/instructions.py), the same
# names as in `parser.languages.kk`: "Внести в Закон … следующие дополнения и изменения:
# статью 34 дополнить частью шестой следующего содержания: "…"; статью 35, 36, 37 исключить."
# (decree 4013), "изложить в следующей редакции:", "дополнить подпунктом 2-1) следующего
# содержания:", "слова «X» заменить словами «Y»", "Признать утратившим силу …".

#: Imperative phrases (folded, spaces removed) -> operation, checked in order.
AMENDING_OPERATIONS = (
    ("признатьутратившимсилу", "repeal"),
    ("признатьутратившимисилу", "repeal"),
    ("вследующейредакции", "new_wording"),
    ("вновойредакции", "new_wording"),
    ("заменить", "replace_words"),
    ("исключить", "delete"),
    ("дополнить", "insert"),
)

#: The words an instruction replaces or deletes are named before the quote: слово / слова /
#: словами / цифры «…».
WORDS_MARKER = r"(?:слов|цифр|символ|знак)[а-яё]*"
WORDS_MARKER_BEFORE = True

#: "In the whole text" (folded).
WHOLE_TEXT_MARKERS = ("по всему тексту", "по тексту")

#: "подпункт 5) пункта 10" (folded): the subparagraph's label, then the paragraph's.
NESTED_SUBPARAGRAPH = r"подпункт[а-яё]*\s+(?P<subparagraph>\d+(?:-\d+)*)\s*\)\s*пункт[а-яё]*\s+(?P<paragraph>\d+(?:-\d+)*)"

#: A line naming the paragraph the following instructions work in: "в пункте 10:" (folded).
PARAGRAPH_SCOPE = r"^в\s+пункте\s+(\d+(?:-\d+)*)$"

#: How an order names its only, unnumbered appendix (folded).
UNNUMBERED_APPENDIX = r"^(?:приложение|приложение\s+к\s+настоящему\s+приказу)$"

#: "… изложить в новой редакции согласно приложению к настоящему приказу" (squashed).
NEW_WORDING_IN_ANNEX = ("согласноприложениюкнастоящему",)

#: The verb of a whole act's repeal (squashed) and its words as they stand in the sentence.
REPEAL_VERB = "признатьутратившим"
INSTRUCTION_REPEAL_WORDS = re.compile(r"признать\s+утратившим[а-яё]*\s+силу")

#: Where the units an instruction names end and its verb begins (folded): "статью 34 |
#: дополнить частью шестой", "пункт 2 | изложить в следующей редакции".
INSTRUCTION_TARGET_END = r"\s(?:изложить|дополнить|исключить|заменить|признать)"

#: "после пункта 3 дополнить пунктом 3-1": the unit after which a new one comes.
INSERT_AFTER_WORD = "после"

#: Scope lines naming the approved document: "в Правилах …, утвержденных …:".
INSTRUCTION_SCOPE_ENDINGS = ("правилах", "положении", "инструкции", "порядке")
APPROVED_SCOPE_WORD = "утвержденн"

#: The amended act's registration as an instruction cites it: "… за № 5853".
INSTRUCTION_REGISTRATION = re.compile(r"(?:реестре[^№]{0,80}|за\s*)№\s*(\d+)")
CITED_REGISTRATION_PATTERN = r"(?:реестре[^№]{0,80}|за\s*)№\s*(\d+)"

#: Unit words of an instruction's target (folded stems) -> kind, checked in order.
INSTRUCTION_UNIT_WORDS = (
    ("преамбул", "preamble"), ("подпункт", "subparagraph"), ("пункт", "paragraph"), ("строк", "row"),
    ("приложени", "appendix"), ("глав", "chapter"), ("стать", "article"),
)
ROW_WORD = "строк"

#: "Внести в … следующие изменения и дополнения:" (squashed words).
INTRODUCING_VERB = "внести"
INTRODUCED_CHANGES = ("изменени", "дополнени")

#: The verb of a replacement of words (squashed).
REPLACE_VERB = "заменить"

#: A scope line naming an appendix: "в приложении 2:" (folded).
APPENDIX_SCOPE = re.compile(r"приложени[а-яё]*\s+(\d+)")

#: Words that may open an instruction's target and are not part of it (none in Russian).
SUCH_WORD = "следующего содержания "

# --- Citations ------------------------------------------------------------------------------
#
# A Russian act reference prints the kind first, then the issuer, "от", the date and the
# number (FORMATS.md §2c, §2e): "Законом РК от 17.03.2015 № 293-V", "приказом Министра
# финансов Республики Казахстан от 15 февраля 2022 года № 168", "статьи 25 Закона Республики
# Казахстан «О …»". Token patterns are tested on the lower case of one spaCy token.

#: Characters read as a number sign.
NUMBER_SIGNS = ("№", "N")

#: Words after a date that make it a time limit: none in Russian (its prepositions come first).
DATE_LIMIT_WORDS: frozenset[str] = frozenset()

#: Words before a date that make it a time limit, not the date an act was adopted:
#: "вводится в действие с 01.01.2016", "до 1 января 2025 года", "по 31 декабря 2024 года".
DATE_LIMIT_WORDS_BEFORE = frozenset({"с", "со", "до", "по"})

#: Kind words in any case form ("Закон", "Законом", "законами", "приказов", "Указа",
#: "постановлением"), but not "законодательство", "законный", "приказываю", "указанный".
CITATION_KIND_PATTERN = r"^(закон|кодекс|приказ|указ|постановлени|решени|распоряжени)(?!одат|н|ыва|ан)"

#: Russian prints no kind word glued to another.
CITATION_GLUED_KIND_PATTERN: str | None = None

#: A word before the kind word that belongs to it: "Конституционным законом", "совместным приказом".
CITATION_KIND_QUALIFIER_PATTERN: str | None = r"^(конституционн|совместн)"

#: A law or code cited by its title only: "Закона Республики Казахстан «О правовых актах»".
CITATION_TITLED_LAW_PATTERN = (
    r"(?P<kind>(?:[Кк]онституционн\w*\s+)?(?:[Зз]акон|[Кк]одекс)(?!одат|н)\w*)\s+"
    r"(?P<issuer>(?:Республики\s+Казахстан|РК)\s+)?[«\"](?P<title>Об?\s[^«»\"]{3,300})[»\"]"
)

#: Kazakh's one-token provision ("25-бабына"): Russian writes the word and the number apart.
CITED_PROVISION_PATTERN: str | None = None

#: A structure word before its number: "статьи 25", "пункта 1", "подпунктом 70-31)".
CITED_PROVISION_WORD_PATTERN: str | None = r"^(стать|пункт|подпункт|част|глав|параграф|раздел|приложени|абзац)"

#: The word after the year of a cited date: "от 15 февраля 2022 года", "от 29 ноября 1995 г.".
CITATION_YEAR_WORD_PATTERN = r"^(года|году|г\.?)$"

#: The tokens of a date in words, in order ("?" = may be absent): "15 февраля 2022 года".
CITATION_DATE_ORDER = ("DAY", "MONTH", "YEAR", "YEAR_WORD?")

#: Kazakh's "5) тармақшасына": Russian names the subparagraph first ("подпунктом 5)").
CITED_SUBPARAGRAPH_WORD_PATTERN: str | None = None

#: A word that ends a law's number: "№ 414-V ЗРК".
CITED_NUMBER_SUFFIX_PATTERN = r"^ЗРК$"

#: A number value as a citation token: "293-V", "147-VІ", "2662", "19-42-3.3.22".
CITED_NUMBER_VALUE_PATTERN = r"^\d+[\w/.-]*$"

#: A registration inside a citation: "(зарегистрирован в Реестре государственной регистрации
#: нормативных правовых актов за № 15262", "зарегистрированный в Реестре … под № 19742".
CITED_REGISTRATION_PATTERN = r"зарегистрирован\w*\s+в\s+Реестре[^№()]{0,160}?(?:за|под)\s*(?:№|N)\s*(\d+)"

#: What every title of a law cited by title holds: it opens "О …" / "Об …" after a quote.
TITLE_WORDS = ("«О", '"О')

#: Words that stop an issuer read backwards from a date; Russian reads the issuer forwards,
#: from the kind word to "от", and needs none.
ISSUER_STOP_WORDS: frozenset[str] = frozenset()

#: The acting marker as citations print it before the official: "приказом и.о. Министра".
ACTING_ABBREVIATION = "и.о."

#: A letter of a word, as the parser's patterns write it.
WORD_LETTER = "[а-яё]"

#: The form every matcher works on, the same without spaces, and a kind word's kind.
fold = fold_with(LOOKALIKES)
squash = squash_with(fold)
act_kind = kind_reader(ACT_KINDS, fold)
