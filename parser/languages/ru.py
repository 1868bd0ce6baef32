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
import threading

import Stemmer

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
    "закон": "law",
    "кодекс": "code",
    "указ": "decree",
    "распоряжени": "disposition",
    "инструкци": "instruction",
}

#: Acting officials: "и.о. Министра", "исполняющего обязанности".
ACTING_MARKERS = ("и.о.", "исполняющ")

#: Russian prints the kind word first: "Приказом Министра … от 3 декабря 2019 года № 5".
KIND_BEFORE_DATE = True

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
    "раздел": "part",
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
MARKDOWN_APPENDIX_STAMP = "приложение"

#: Stamps of the bodies that agreed an act: "«СОГЛАСОВАН»".
MARKDOWN_AGREEMENT_WORDS = ("согласован",)

#: Status lines of an Adilet export.
STATUS_LINES = {
    "Утративший силу": "repealed",
    "Новый": "in_force",
    "Обновленный": "in_force",
}

CHAPTER = re.compile(r"^Глава\s+(?P<label>\d+(?:-\d+)*|[IVXLC]+)\b\.?\s*(?P<heading>.*)$")
SECTION = re.compile(r"^Параграф\s+(?P<label>\d+(?:-\d+)*)(?P<label2>)\b\.?\s*(?P<heading>.*)$")
APPENDIX = re.compile(r"^(?:Приложение\s+(?P<label>\d+(?:-\d+)*)|Приложение)\s*$")
ARTICLE = re.compile(r"^Статья\s+(?P<label>\d+(?:-\d+)*)\b\.?\s*(?P<heading>.*)$")
SPLIT_HEADING_TAIL = re.compile(r"^\s*(глава|параграф|приложение|статья)\b", re.IGNORECASE)
APPROVING_KINDS = ("приказом", "постановлением", "решением", "распоряжением", "указом")
MARKDOWN_APPENDIX_LABEL = re.compile(r"Приложение\s+(?P<label>\d+(?:-\d+)*)\W*$", re.IGNORECASE)
MARKDOWN_CHAPTER = re.compile(r"^(?:Глава\s+)?(?P<label>\d+(?:-\d+)*|[IVXLC]+)\.?\s+\S")

#: What a note may say about a unit's heading ("заголовок статьи 25", "наименование").
HEADING_WORDS = ("заголов", "наименовани")

THIS_WORD = "настоящ"

# --- Notes ---------------------------------------------------------------------------------

NOTE_MARKERS = ("Сноска.", "Сноска:")

#: Note action phrases (folded: lower case) -> action. Checked in order; the earliest in
#: the text wins.
NOTE_ACTIONS = (
    ("в редакции", "new_wording"),
    ("дополнен", "inserted"),
    ("исключен", "deleted"),
    ("утратил силу", "repealed"),
    ("утратила силу", "repealed"),
    ("утратило силу", "repealed"),
    ("утратили силу", "repealed"),
    ("с изменениями, внесенными", "amended"),
    ("с изменением, внесенным", "amended"),
    ("с изменениями и дополнениями, внесенными", "amended"),
    ("с дополнениями, внесенными", "amended"),
    ("с дополнением, внесенным", "amended"),
    ("внесены изменения", "amended"),
    ("внесено изменение", "amended"),
    ("приостановлен", "suspended"),
)

DELETION_PLACEHOLDERS = ("исключен", "исключена", "исключено", "исключены")

#: Words by which a note names the act itself, its title, preamble, or the approved document.
NOTE_TARGET_WORDS = {
    "приказ": "act",
    "постановлени": "act",
    "решени": "act",
    "закон": "act",
    "заголов": "title",
    "наименовани": "title",
    "преамбул": "preamble",
    "приложени": "appendix",
}

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

COMMENCEMENT_VERBS = ("вводитсявдействие", "вступаетвсилу", "вводятсявдействие", "вступаютвсилу", "ввестивдействие")

_ONE_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER_WORD = rf"(?:(?:{_ONE_NUMBER_WORD})\s+)*(?:{_ONE_NUMBER_WORD})"

PERIOD_DAYS = re.compile(rf"(?:(?P<digits>\d+)|(?P<word>{_NUMBER_WORD}))\s+(?:календарных\s+|рабочих\s+)?дн(?:ей|я)")
PERIOD_MONTHS = re.compile(rf"(?:(?P<digits>\d+)|(?P<word>{_NUMBER_WORD}))\s+месяц")
PERIOD_AFTER_WORDS = ("по истечении", "после")


def starts_from(text: str, date_start: int, date_end: int) -> bool:
    """The date at ``text[date_start:date_end]`` is where a term starts: "с 1 января 2000 года"."""
    return re.search(r"(?:^|\s)с\s*$", fold(text[:date_start])) is not None

SEE_ELSEWHERE_WORDS = ("см.статью", "смотри")

# --- Search --------------------------------------------------------------------------------

WORD_LETTER = "[а-яё]"
_CYRILLIC = re.compile(WORD_LETTER)

#: Snowball's Russian stemmer (PyStemmer, in C). Its stemmer objects are not safe to
#: share between threads, and Datasette searches from several: one per thread.
_STEMMERS = threading.local()


def stem(word: str) -> str:
    """The Snowball stem of one lower-case word: ``законами`` -> ``закон``, ``пункта`` ->
    ``пункт``. Words of other scripts and numbers are returned as they are."""
    if not _CYRILLIC.search(word):
        return word
    stemmer = getattr(_STEMMERS, "russian", None)
    if stemmer is None:
        stemmer = _STEMMERS.russian = Stemmer.Stemmer("russian")
    return stemmer.stemWord(word)


def fold(text: str) -> str:
    """Lower-case and fold look-alike letters: the form every matcher works on."""
    for latin, cyrillic in LOOKALIKES.items():
        text = text.replace(latin, cyrillic)
    return text.lower()


def squash(text: str) -> str:
    """`fold` and drop all white space."""
    return re.sub(r"\s+", "", fold(text))


_ACT_KIND_STEMS = sorted(ACT_KINDS, key=len, reverse=True)  # longest first


def act_kind(word: str) -> str | None:
    """Kind code for a kind word in any case form: 'Приказом' -> 'order'."""
    folded = fold(word)
    for stem in _ACT_KIND_STEMS:
        if folded.startswith(stem) or f" {stem}" in folded:
            return ACT_KINDS[stem]
    return None
