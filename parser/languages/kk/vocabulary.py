"""Kazakh (`kk`): the legal vocabulary of Kazakh texts, in one place.

Everything the parser recognises by word in a Kazakh text lives here: month names,
kinds of act, note actions, structure words, operative formulas, commencement
phrases, and every regex that holds a word. Kazakh is agglutinative, so most
entries are stems and the patterns accept any suffix after them.
See ../shared/notes/GLOSSARY.md for the sources of each entry. The names shared by
every language are listed in `parser.languages.SHARED_NAMES`.
"""

from __future__ import annotations

import re

from ..base import fold_with, kind_reader, squash_with

#: The language's code (ISO 639-1) and the bank's name for it (``kaz.md``, ``title: {kaz: …}``).
CODE = "kk"
BANK_CODE = "kaz"

# --- Letters ---------------------------------------------------------------

#: Kazakh-specific Cyrillic letters (not in Russian).
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"

#: Latin (and Russian) look-alikes the exports mix into Kazakh words. Folded for
#: matching only; stored text keeps what was printed.
LOOKALIKES = {
    "i": "і",  # Latin i (U+0069) -> Kazakh і (U+0456)
    "I": "І",
    "C": "С",  # Latin C in "Cтатья"
}

#: Characters read as a number sign.
NUMBER_SIGNS = ("№", "N")

UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "а-яёәғқңөұүһі"
LETTER = UPPER + LOWER

# --- Months ------------------------------------------------------------------

#: Month stems; any case suffix may follow (-да/-де/-та/-те, -дағы/-дегі/-тағы/-тегі,
#: -дан/-ден/-тан/-тен, the dative -ға/-ге/-қа/-ке of "31 желтоқсанға дейін") and the
#: bare form. "шілде" also appears as "шілдегі" (S002 typo).
MONTHS = {
    "қаңтар": 1,
    "ақпан": 2,
    "наурыз": 3,
    "сәуір": 4,
    "мамыр": 5,
    "маусым": 6,
    "шілде": 7,
    "тамыз": 8,
    "қыркүйек": 9,
    "қазан": 10,
    "қараша": 11,
    "желтоқсан": 12,
}

MONTH_SUFFIXES = (
    "дағы", "дегі", "тағы", "тегі", "гі", "да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен",
    "ға", "ге", "қа", "ке", "ынан", "інен", "",
)

# --- Kinds of act --------------------------------------------------------------

#: Stem (lower case) -> our kind code. Longest stems are tried first.
ACT_KINDS = {
    "бірлескен бұйры": "joint_order",
    "бұйры": "order",  # бұйрық, бұйрығы, бұйрығымен, бұйрықтарымен
    "қаулы": "resolution",
    "шешім": "decision",
    "конституциялық заң": "constitutional_law",
    "заң": "law",
    "кодекс": "code",
    "жарлы": "decree",  # Жарлық, Жарлығымен
    "өкім": "disposition",  # order of the Prime Minister or an akim
    "нұсқаулы": "instruction",
}

# --- Structure -------------------------------------------------------------------

#: Structural words (stems, as a note or heading names a unit) -> provision kind:
#: "N-тарау", "N-параграф", "Параграф N", "N-қосымша", "N-бап", "6-тармаққа", "77) тармақшасына".
STRUCTURE_WORDS = {
    "тармақша": "subparagraph",
    "тармақ": "paragraph",
    "тармағ": "paragraph",
    "тарау": "chapter",
    "бөлім": "division",
    "параграф": "section",
    "қосымша": "appendix",
    "бап": "article",
    "баб": "article",
    "абзац": "indent",
}

#: Operative formula that ends the preamble, by kind of act.
OPERATIVE_FORMULAS = ("БҰЙЫРАМЫН", "ҚАУЛЫ ЕТЕДІ", "ШЕШІМ ҚАБЫЛДАДЫ", "ШЕШТІ", "ҚАУЛЫ ЕТЕМІН")

#: Names of the document an order approves, as notes name it ("Ереженің атауына",
#: "Қағида жаңа редакцияда").
APPROVED_DOCUMENT_STEMS = ("ереже", "қағида", "нұсқаулы", "тәртіп", "стандарт", "тізбе", "норма")

#: The approval stamp's last words: "… № 542 бұйрығымен бекітілген".
APPROVAL_WORDS = ("бекітілген", "бекітілді")

#: The last word of the stamp over an appendix in the bank's Markdown: "… № 19-42-3.3.22
#: бұйрығына ҚОСЫМША" (squashed form).
MARKDOWN_APPENDIX_STAMP = re.compile(r"қосымша$")

#: Stamps of the bodies that agreed an act: "«КЕЛІСІЛДІ»", "«КЕЛІСІЛГЕН»" (squashed stems).
MARKDOWN_AGREEMENT_WORDS = ("келісілді", "келісілген")

#: Status lines of an Adilet export.
STATUS_LINES = {
    "Күшін жойған": "repealed",
    "Жаңа": "in_force",
    "Жаңартылған": "in_force",
}

#: A signature's last line: a name with initials, or an office in the nominative.
SIGNATURE_END = re.compile(
    rf"([{UPPER}]\.\s*([{UPPER}]\.\s*)?[{UPPER}][{LOWER}-]+\s*$)"
    r"|(атқарушы|министрі|Министр|Төрағасы|Төраға|Премьер-Министрі|әкімі)\s*$"
)

# --- Notes -------------------------------------------------------------------------

NOTE_MARKERS = ("Ескерту.", "Ескерту:")

#: Note action phrases (folded: lower case, Latin i -> і) -> action. Checked in order.
NOTE_ACTIONS = (
    # pending changes (an editorial remark on a change not yet in force): never law in force
    ("күшін жою көзделген", "pending_repealed"),
    ("өзгерістер енгізу көзделген", "pending_amended"),
    ("өзгеріс енгізу көзделген", "pending_amended"),
    ("толықтыру көзделген", "pending_inserted"),
    ("алып тастау көзделген", "pending_deleted"),
    ("жаңа редакцияда", "new_wording"),
    ("толықтырылды", "inserted"),
    ("алып тасталды", "deleted"),
    ("алынып тасталды", "deleted"),
    ("күші жойылды", "repealed"),
    ("ауыстырылды", "replaced_words"),
    ("өзгерістер енгізілді", "amended"),
    ("өзгеріс енгізілді", "amended"),
    ("өзгерту енгізілді", "amended"),
    ("өзгертулер енгізілді", "amended"),
    ("өзгерістер мен толықтырулар енгізілді", "amended"),
    ("толықтыру енгізілді", "amended"),
    ("тоқтатыла тұрды", "suspended"),
)

#: What a deleted unit keeps in place of its text ("5. Алып тасталды - … бұйрығымен"),
#: folded.
DELETION_PLACEHOLDERS = ("алып тасталды", "алынып тасталды")

#: Words by which a note names the act itself, its title, preamble, or the approved document.
NOTE_TARGET_WORDS = {
    "бұйрықтың": "act",
    "қаулының": "act",
    "шешімнің": "act",
    "тақырыбы": "title",
    "тақырып": "title",
    "кіріспе": "preamble",
    "қосымша": "appendix",  # "Қосымша жаңа редакцияда": the act's only, unnumbered appendix
}

#: A unit as a note names it, on folded text: the label first, then the word ("1-тармаққа",
#: "77) тармақшасына", "4-баптың 2-тармағы", "2-тарау 5-1-баппен").
NOTE_UNIT = re.compile(
    r"(?P<label>\d+(?:-\d+)*)(?:\))?-?\s*(?P<word>тармақша|тармақ|тармағ|тарау|параграф|қосымша|бап|баб|абзац)"
)

#: A note about words changed throughout the text: "Бүкіл мәтін бойынша …" (folded).
NOTE_WHOLE_TEXT = ("бүкіл мәтін бойынша", "мәтін бойынша", "мәтіні бойынша")

#: The order a chain of units is printed in: the outermost first ("3-баптың 2-тармағы").
NOTE_UNITS_INNERMOST_FIRST = False

#: A note naming its article by the word alone: none seen in Kazakh.
NOTE_BARE_ARTICLE = None

#: Notes printed without the marker word: none seen in Kazakh (the bank prints "Ескерту.").
UNMARKED_NOTE_STARTS: tuple[str, ...] = ()

#: Editorial remarks of the Institute of legislation (33276: "РҚАО-ның ескертпесі!" then
#: "Заңның күшін жою көзделген - …").
REMARK_MARKERS = ("РҚАО-ның ескертпесі!", "ЗҚАИ-ның ескертпесі!", "РҚАО-ның ескертпесi!")

#: Kazakh names the amending act after a dash: nothing else ends the words about the unit.
NOTE_ACT_INTRODUCERS: tuple[str, ...] = ()

#: Acting officials: "м.а.", "міндетін атқарушы(ның)".
ACTING_MARKERS = ("м.а.", "міндетін атқарушы")

# --- Commencement --------------------------------------------------------------

#: Number words for "күнтізбелік он күн", "үш ай", ...
NUMBER_WORDS = {
    "бір": 1,
    "екі": 2,
    "үш": 3,
    "төрт": 4,
    "бес": 5,
    "алты": 6,
    "жеті": 7,
    "сегіз": 8,
    "тоғыз": 9,
    "он": 10,
    "он бес": 15,
    "жиырма": 20,
    "отыз": 30,
    "қырық бес": 45,
    "алпыс": 60,
}

#: Phrases (folded, spaces removed) that anchor a commencement clause.
COMMENCEMENT_ANCHORS = (
    ("қолқойылғанкүнінен", "signing"),
    ("қолқойылғанкүннен", "signing"),
    ("жарияланғанкүнінен", "publication"),
    ("жариялағанкүнінен", "publication"),
    ("жарияланғанкүннен", "publication"),
    ("жариялағанкүннен", "publication"),  # "ресми жариялаған күннен кейін" (bank versions of 2010)
    ("жарияланғаннан", "publication"),
    ("жариялағаннан", "publication"),
)

#: What follows a date (folded, spaces removed) when an act limits its own term: "және
#: 2023 жылғы 31 желтоқсанға дейін қолданылады" (and applies until 31 December 2023).
TERM_END_PHRASES = ("дейінқолданылады", "дейінқолданыстаболады", "дейінкүшіндеболады", "дейінәрекететеді")

#: Words that say a clause is about commencement at all.
COMMENCEMENT_VERBS = (
    "қолданысқаенгізіледі", "күшіненеді", "қолданысқаенгізілсін", "күшінеенеді", "іскеенеді",
    # laws: "Осы Заң 2000 жылғы 1 қаңтардан бастап күшіне енгізіледі" (4051), "… Қылмыстық кодексi
    # 1998 жылғы 1 қаңтардан бастап күшiне енгiзiлсiн" (104446), "(қолданысқа енгізілу тәртібін
    # 2-б. қараңыз)"
    "күшінеенгізіледі", "күшінеенгізілсін", "қолданысқаенгізілу",
)


#: The form every matcher works on, the same without spaces, and a kind word's kind.
fold = fold_with(LOOKALIKES)
squash = squash_with(fold)
act_kind = kind_reader(ACT_KINDS, fold)

# --- PDF repairs ---------------------------------------------------------------------

#: Words the Adilet export turns into hyperlinks, which PDF extraction then moves to the
#: end of the line (`кодексінің  сәйкес 25-бабына`). Only a last word that starts with one
#: of these stems (or is an article/paragraph/appendix reference) is moved back to the gap.
LINKED_WORD_STEMS = (
    "бұйры",
    "бұйрық",
    "қаулы",
    "заң",
    "кодекс",
    "ереже",
    "қағида",
    "тармағ",
    "тармақ",
    "бабы",
    "бабын",
    "шешім",
    "нұсқаулы",
    "жарлы",
)
LINKED_REFERENCE = re.compile(r"^\d+(?:-\d+)*-(?:баб|тармақ|тармағ|қосымша|тарау|параграф)", re.IGNORECASE)
#: An abbreviation the text defines ("(бұдан әрі – КДК)"), which the export links like the
#: words above and so moves to the end of the line: two to five capitals (a longer word in
#: capitals is a word: "БҰЙЫРАМЫН").
LINKED_ABBREVIATION = re.compile(r"[А-ЯӘҒҚҢӨҰҮҺІ]{2,5}")

#: Words the export glues to the word before them, losing the space: "сақтауминистрінің".
#: The space goes back before each of these stems when a lower-case letter precedes it.
GLUED_WORD_STEMS = re.compile(r"(?<=[а-яәғқңөұүһі])(?=министр)")

#: Words the export splits in two with a single space, as printed in the seeds, and
#: whole: a general rule would join real pairs of words ("іледі" is also a word).
SPLIT_WORDS = {
    "енгіз іледі": "енгізіледі",
    "нег ізделген": "негізделген",
}

# --- spaCy Kazakh (parser/spacy_kk.py) and citations (parser/citations.py) ---------------

#: Function words a search or a matcher may pass over.
STOP_WORDS = frozenset(
    """
    және мен бен пен не немесе да де та те ғана осы сол бұл мына ол оның олар оларды
    үшін бойынша туралы сәйкес арқылы кейін дейін бастап сайын қарай кезде ретінде
    бар жоқ болып болса болған ал бірақ егер онда сондай ақ сондай-ақ т.б. бұдан әрі
    """.split()
)

#: Abbreviations that stay one token: "ҚР", "м.а.", "т.б.", "ж.".
TOKEN_ABBREVIATIONS = ("ҚР", "м.а.", "т.б.", "ж.", "ш.", "ҚР-ның", "ДСМ")

#: Words after a date that make it a time limit ("01.01.2018 бастап", from; "31.12.2023
#: дейін", until), not the date an act was adopted: such a date starts no act reference.
DATE_LIMIT_WORDS = frozenset({"бастап", "дейін"})

#: Words before a date that make it a time limit: none in Kazakh (its postpositions follow).
DATE_LIMIT_WORDS_BEFORE: frozenset[str] = frozenset()

#: Stems of kind words as citations print them, in any case form (regex, folded text).
CITATION_KIND_PATTERN = r"^(бірлескен|бұйры[қғ]|қаулы|заң|кодекс|жарлы[қғ]|шешім|өкім)"

#: A kind word glued to the word before it by PDF damage ("қамтамасызбұйрыққа").
CITATION_GLUED_KIND_PATTERN = r"[а-яәғқңөұүһі]{3}(бұйры[қғ]\w*|қаулы\w*)$"

#: A word before the kind word that belongs to it (Russian "Конституционным законом"): none read here.
CITATION_KIND_QUALIFIER_PATTERN: str | None = None

#: A law or code cited by its title only: "«Азаматтық қорғау туралы» Қазақстан Республикасы Заңының".
CITATION_TITLED_LAW_PATTERN = (
    r"[«\"](?P<title>[^«»\"]{3,300}туралы)[»\"]\s*(?P<issuer>(?:Қазақстан\s+Республикасы(?:ның)?\s+)?)"
    r"(?P<kind>(?:Заң|Кодекс|Конституциялық\s+заң)\w*)"
)

#: A provision cited inside an act reference: "25-бабына", "1-тармағының", "3-қосымшаға".
CITED_PROVISION_PATTERN = r"^\d+(-\d+)*-(бап|баб|тармақ|тармағ|қосымша|тарау|параграф|бөлі)"

#: The word after the year of a cited date: "2009 жылғы 18 қыркүйектегі", "2015 жылы".
CITATION_YEAR_WORD_PATTERN = r"^(жылғы|жылы)$"

#: The tokens of a date in words, in order ("?" = may be absent): "2009 жылғы 18 қыркүйектегі".
CITATION_DATE_ORDER = ("YEAR", "YEAR_WORD", "DAY", "MONTH")

#: A structure word followed by its number ("статьи 25"): Kazakh glues the number to the word instead.
CITED_PROVISION_WORD_PATTERN: str | None = None

#: The word of a cited subparagraph after its label: "5) тармақшасына".
CITED_SUBPARAGRAPH_WORD_PATTERN = r"^тармақша"

#: The letters and number of a compound act number's second part: "ҚР ДСМ-116/2020".
CITED_NUMBER_SUFFIX_PATTERN = r"^[А-ЯӘҒҚҢӨҰҮҺІA-Z]{2,}-\d+(/\d+)?$"

#: A registration inside a citation: "(… тізілімінде № 21381 болып тіркелген)".
CITED_REGISTRATION_PATTERN = r"тізілім\w*\s*(?:№|N)\s*(\d+)\s*(?:болып\s+)?тіркел"

# --- Amending instructions ---------------------------------------------------------------
#
# The operative instructions of amending acts (parser/instructions.py) and applying them
# (parser/apply.py).

#: Imperative phrases (folded, spaces removed) -> operation, checked in order: the
#: repeal first ("… күші жойылды деп танылсын" also holds no other phrase), then the
#: replacement and deletion of words, which also hold "деген сөз", before the deletion
#: of a unit.
AMENDING_OPERATIONS = (
    ("күшіжойылдыдептанылсын", "repeal"),
    ("редакциядажазылсын", "new_wording"),
    ("ауыстырылсын", "replace_words"),
    ("алыптасталсын", "delete"),
    ("алыныптасталсын", "delete"),
    ("алынсын", "delete"),
    ("толықтырылсын", "insert"),
)

#: An instruction about words, not units: «X» деген сөз / сөздер / цифрлар / сандар.
#: With "ауыстырылсын" they are replaced, with "алып тасталсын" deleted (operation
#: "delete_words").
WORDS_MARKER = r"деген\s+(?:сөз|цифр|сан|таңба|белгі)\w*"

#: Whether the words marker stands before the quote (Russian "слова «X»") or after it.
WORDS_MARKER_BEFORE = False

#: Quotation marks an instruction puts around words: «…», "…", “…”, „…“.
QUOTE_PAIRS = (("«", "»"), ('"', '"'), ("“", "”"), ("„", "“"))

#: "In the whole text": «мәтіні бойынша», «бүкіл мәтін бойынша», «мәтінінде» (folded).
WHOLE_TEXT_MARKERS = ("мәтін бойынша", "мәтіні бойынша", "мәтінінде", "мәтініндегі")

#: A unit named inside another: "10-тармақтың 5) тармақшасы" (folded): the paragraph's
#: label, then the subparagraph's.
NESTED_SUBPARAGRAPH = r"(?P<paragraph>\d+(?:-\d+)*)\s*-\s*тармақ\w*\s+(?P<subparagraph>\d+(?:-\d+)*)\s*\)\s*тармақша"

#: A line naming the paragraph the following instructions work in: "10-тармақта:",
#: "10-тармағында:" (folded, without the colon).
PARAGRAPH_SCOPE = r"^(\d+(?:-\d+)*)\s*-\s*(?:тармақта|тармағында)$"

#: How an order names its only, unnumbered appendix: "Қосымша", "қосымшасы" (folded).
UNNUMBERED_APPENDIX = r"^(?:осы\s+бұйрыққа\s+|көрсетілген\s+бұйрыққа\s+)?қосымша(?:сы)?$"

#: "… осы бұйрыққа қосымшаға сәйкес жаңа редакцияда жазылсын": the new wording is the
#: amending act's own appendix, not a quote (folded, spaces removed).
NEW_WORDING_IN_ANNEX = ("бұйрыққақосымшағасәйкес", "қосымшағасәйкес")

#: The verb a whole act's repeal uses (folded, spaces removed), and the genitive of the
#: kind word before it: "… № 17-42-3.3.7 бұйрығының күші жойылды деп танылсын".
REPEAL_VERB = "күшіжойылдыдептанылсын"

#: Where the units an instruction names end and its verb begins (folded): "1 және 2 -
#: тармақ | мынадай редакцияда жазылсын", "Қосымша | осы бұйрыққа қосымшаға сәйкес жаңа
#: редакцияда жазылсын", "5) тармақша | алынып тасталсын".
INSTRUCTION_TARGET_END = (
    r"\s(?:мынадай|жазылсын|толықтырылсын|алып|алынып|ауыстырылсын|күші"
    r"|жаңа\s+редакцияда|осы\s+бұйрыққа\s+қосымшаға|қосымшаға\s+сәйкес)"
)

#: "3-тармақтан кейін мынадай мазмұндағы 3-1-тармақпен толықтырылсын": the unit after
#: which a new one is inserted is named before this word, the new unit after it.
INSERT_AFTER_WORD = "кейін"

#: How an instruction names the scope that following instructions work in:
#: "… бекітілген … қағидаларында:" (the approved document), "… Қағидаларға 2 – қосымша:".
INSTRUCTION_SCOPE_ENDINGS = ("қағидаларында", "ережесінде", "ережеде", "нұсқаулығында", "тәртібінде")

# --- Dates ---------------------------------------------------------------------------

_MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))
_SUFFIX_ALTERNATION = "|".join(sorted((s for s in MONTH_SUFFIXES if s), key=len, reverse=True))

#: A date written in words, on folded text: ``2009 жылғы 19 қазандағы``, ``2015 жылы 16
#: маусымда``, ``2005 жылғы 1 қаңтардан``.
LONG_DATE = re.compile(
    rf"(?P<year>\d{{4}})\s*жыл(?:ғы|ы|дың)\s+(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_ALTERNATION})(?:{_SUFFIX_ALTERNATION})?(?![а-яәғқңөұүһі])"
)


def month_number(word: str) -> int | None:
    """The month a `LONG_DATE` month group names (folded)."""
    return MONTHS.get(word)


# --- Act references --------------------------------------------------------------------

#: Kazakh prints the kind word after the number ("… № 954 Бұйрығымен"), Russian before
#: the issuer ("Приказом Министра … от … № 954").
KIND_BEFORE_DATE = False

#: Kazakh stamps print the act first and the word last ("… бұйрығына ҚОСЫМША"): none.
STAMP_FIRST_WORD: str | None = None

#: The word between the issuer and the date ("… Министра от 3 декабря"): none in Kazakh.
DATE_PREPOSITIONS: tuple[str, ...] = ()

#: The genitive ending of an issuer, up to where a truncated note's clause begins:
#: "ҚР Денсаулық сақтау министрінің | соң қолданысқа енгізіледі)".
ISSUER_HEAD = re.compile(r"^(?P<issuer>.*?(?:нің|ның|дің|дың|тің|тың)(?:\s+м\.а\.)?)\s+(?P<rest>.*)$")

# --- The requisites sentence -----------------------------------------------------------

#: Where a repeal starts in the requisites: "Күші жойылды - … бұйрығымен".
REPEAL_START = re.compile(r"Күші\s+жойылды", re.IGNORECASE)

#: Where the registration sentence starts: not at "Әділет" alone, which is also the
#: issuer of every Justice Ministry act ("Қазақстан Республикасы Әділет министрінің …").
REGISTRATION_START = re.compile(r"Әділет\s+министрлігінде|тіркел|енгізілді", re.IGNORECASE)

#: Words (squashed) that end a registration sentence: "… № 26917 болып тіркелді".
REGISTRATION_END_WORDS = ("тіркелді", "тіркелген", "енгізілді")

#: How an ЗҚАИ export's requisites sentence begins, and the ending of the ministry's name
#: printed above it ("Қазақстан Республикасы Денсаулық сақтау министрлігі").
REQUISITES_OPENING = "Қазақстан Республикасы "
MINISTRY_NAME_ENDING = "министрлігі"

# --- Structure headings ------------------------------------------------------------------

#: A Roman numeral as chapters and divisions of codes print it ("I тарау", "IV бөлім"; the
#: Cyrillic І stands in for the Latin I in older texts).
_ROMAN = r"[IVXLCІ]+"

#: "1-бөлім. …", "I бөлім": a division of a code (above its chapters).
DIVISION = re.compile(rf"^(?P<label>\d+(?:-\d+)*|{_ROMAN})\s*-?\s*бөлім\b\s*\.?\s*(?P<heading>.*)$")
#: "1-тарау. …", "I тарау. …", "2 тарау" (the bank drops the hyphen).
CHAPTER = re.compile(rf"^(?P<label>\d+(?:-\d+)*|{_ROMAN}(?:-\d+)*)\s*-?\s*тарау\b\s*\.?\s*(?P<heading>.*)$")
SECTION = re.compile(r"^(?:(?P<label>\d+(?:-\d+)*)-параграф|Параграф\s+(?P<label2>\d+))\b\.?\s*(?P<heading>.*)$")
APPENDIX = re.compile(r"^(?:(?P<label>\d+(?:-\d+)*)-қосымша|Қосымша)\s*$")
#: "5-бап. …", "24-2-бап.", "1-бап . …" (a space before the dot), "128-бап алып тасталды".
ARTICLE = re.compile(r"^(?P<label>\d+(?:-\d+)*)-бап\b\s*\.?\s*(?P<heading>.*)$")

#: The heading of a table of contents ("Мазмұны"), folded, without its colon.
CONTENTS_HEADINGS = ("мазмұны",)

#: An editorial remark of the Institute of legislation (РҚАО, since renamed ЗҚАИ) over a
#: change still to come: its own paragraph, followed by the remark's text. Not a change
#: note and not law text.
EDITORIAL_REMARKS = ("РҚАО-ның ескертпесі!", "ЗҚАИ-ның ескертпесі!")

#: The act's own suspension of other units, with their temporary wording after it
#: ("19-баптың 3-тармағының қолданысы 2019 жылғы 1 қаңтарға дейiн тоқтатыла тұрсын, …"), folded.
SUSPENDING_CLAUSE = re.compile(r"тоқтатыла\s+тұрсын")

#: An italic blockquote of the bank printed without "Ескерту." that is still a note
#: ("01.01.2022 бастап қолданысқа енгізіледі – …"), folded.
UNMARKED_NOTE = re.compile(r"қолданысқа\s+енгізіл|күшіне\s+ен|күші\s+жойыл|алып\s+тасталды|алынып\s+тасталды")

#: The President's signature printed as a plain line under a law, folded.
SIGNATURE_LINE = re.compile(r"^қазақстан\s+республикасының\s+президенті$")

#: The tail of a heading that PDF extraction split after its number ("1-" / "тарау.").
SPLIT_HEADING_TAIL = re.compile(r"^\s*(тарау|параграф|қосымша|бап)\b")

#: The kind word (instrumental) that ends an approval stamp: "… № 542 бұйрығымен".
APPROVING_KINDS = ("бұйрығымен", "қаулысымен", "шешімімен", "бұйрықпен", "өкімімен", "жарлығымен")

#: The bank's Markdown: "2-қосымша" closing an appendix stamp, "### 1 тарау. …" / "## 2. …".
MARKDOWN_APPENDIX_LABEL = re.compile(r"(?P<label>\d+(?:-\d+)*)\s*-\s*қосымша\W*$", re.IGNORECASE)
MARKDOWN_CHAPTER = re.compile(r"^(?P<label>\d+(?:-\d+)*)(?:\s*-?\s*тарау\b\.?|\.)\s+\S")

#: What a note may say about a unit's heading rather than the unit ("1-тараудың атауы",
#: "Тақырыбы жаңа редакцияда"), folded stems.
HEADING_WORDS = ("атау", "тақырыб")

#: "осы" (this): the act's own units named in its text ("осы бұйрықтың 4-тармағы").
THIS_WORD = "осы"

# --- Commencement ------------------------------------------------------------------------

_ONE_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
#: "он", "жиырма бір" (20 + 1): tens and units are written as separate words.
_NUMBER_WORD = rf"(?:(?:{_ONE_NUMBER_WORD})\s+)*(?:{_ONE_NUMBER_WORD})"

#: A period in days or months, on folded text: "күнтізбелік он күн", "10 жұмыс күні", "үш ай".
PERIOD_DAYS = re.compile(
    rf"(?:(?P<digits>\d+)|(?P<word>{_NUMBER_WORD}))\s+(?:(?P<working>жұмыс\s+)күн|күн(?!і))"
)
#: "үш ай", "бір айдан кейін".
PERIOD_MONTHS = re.compile(rf"(?:(?P<digits>\d+)|(?P<word>{_NUMBER_WORD}))\s+ай(?:дан)?(?![а-яәғқңөұүһі])")

#: Words (folded) saying a period runs *after* the anchor: "… өткен соң", "… кейін".
PERIOD_AFTER_WORDS = ("өткен", "кейін")

#: "from" after a fixed date: "01.01.2018 бастап" (squashed).
FROM_WORD = "бастап"


def starts_from(text: str, date_start: int, date_end: int) -> bool:
    """A clause whose date is where a term starts: "01.01.2018 бастап"."""
    return FROM_WORD in squash(text)

#: A clause that sends the reader to another provision for its commencement:
#: "(қолданысқа енгізілу тәртібін 2-баптан қараңыз)" (squashed).
SEE_ELSEWHERE_WORDS = ("қараңыз", "тармағынқара")

#: The split commencement of a law, on folded text: "… Еңбек кодексі , 2008 жылғы 1 қаңтардан
#: бастап қолданысқа енгізілетін 122-бабының 2-тармағын, 204-бабын … қоспағанда, … қолданысқа
#: енгізілсін" (33276): the units that come into force on another date, and that date.
COMMENCEMENT_EXCEPTION = re.compile(
    r"(?P<when>\d{4}\s*жыл\w*\s+\d{1,2}\s+[а-яәғқңөұүһі]+\s+бастап)\s+(?:қолданысқа|күшіне)\s+енгізілетін\s+"
    r"(?P<units>.+?)\s+қоспағанда"
)

#: "… бұған осы Заңмен күшiне енгiзудiң өзге мерзiмдерi белгiленген ережелерi қосылмайды"
#: (104446): the exceptions are set by other articles of the same act (folded, squashed).
EXCEPTIONS_ELSEWHERE = ("өзгемерзімдерібелгіленген", "өзгемерзімдерібелгілен")

#: What a clause says the act itself by: "Осы Заң", "Осы Жарлық", and an enacting law's
#: "Қазақстан Республикасының Еңбек кодексі … қолданысқа енгізілсін" (squashed stems).
OWN_COMMENCEMENT_STARTS = ("осы",)
ENACTING_VERBS = ("күшінеенгізілсін", "қолданысқаенгізілсін")

#: What surrounds the words of one part of a split commencement: "2000 жылғы 1 қаңтардан |
#: бастап, бас бостандығын шектеу … ережелері | 2003 жылғы …" ("from" after the date before).
DATED_PART_TRIM = re.compile(r"^\s*бастап\s*,?\s*|(?:\s[-–—])?\s*$")

# --- Search --------------------------------------------------------------------------------

#: A letter of the language, lower case (the stemmer's tokens).
WORD_LETTER = "[а-яёәғқңөұүһі]"

# --- Amending instructions (continued) ------------------------------------------------------

#: An amending act's citation of the act it amends by its registration: "тізілімінде № 5853".
INSTRUCTION_REGISTRATION = re.compile(r"тізілімінде\s*№\s*(\d+)")

#: Unit words of an instruction's target (folded stems) -> kind, checked in order.
INSTRUCTION_UNIT_WORDS = (
    ("кіріспе", "preamble"), ("тармақша", "subparagraph"), ("тармақ", "paragraph"), ("жол", "row"),
    ("қосымша", "appendix"), ("тарау", "chapter"), ("бап", "article"), ("баб", "article"),
)

#: A table row as an instruction names it ("1504-8 жолдармен").
ROW_WORD = "жол"

#: The words of a whole act's repeal in an instruction's sentence (folded).
INSTRUCTION_REPEAL_WORDS = re.compile(r"\sкүші\s+жойылды")

#: "… бұйрыққа мынадай өзгерістер мен толықтырулар енгізілсін": the paragraph that names
#: the act amended (squashed words).
INTRODUCING_VERB = "енгізілсін"
INTRODUCED_CHANGES = ("өзгеріс", "толықтыру")

#: The verb of a replacement of words (squashed).
REPLACE_VERB = "ауыстырылсын"

#: A scope line naming an appendix: "2 – қосымша:" (folded).
APPENDIX_SCOPE = re.compile(r"(\d+)\s*[-–]\s*қосымша")

#: A scope line naming the approved document: "… бұйрығымен бекітілген … қағидаларында:".
APPROVED_SCOPE_WORD = "бекітілген"

#: "мынадай" (the following), which opens a new unit's description.
SUCH_WORD = "мынадай "

# --- Citations (continued) -------------------------------------------------------------------

#: Words that stop the issuer read backwards from a cited date ("… туралы 2009 жылғы …").
ISSUER_STOP_WORDS = frozenset({"туралы", "және", "сәйкес", "осы", "мен", "бен", "пен", "бойынша"})

#: What every title of a law cited by title holds (a text without any has none):
#: the word it ends with, "«Азаматтық қорғау туралы»".
TITLE_WORDS = ("туралы",)

#: A number value as a citation token: digits first, or the "ҚР" of "№ ҚР ДСМ-116/2020".
CITED_NUMBER_VALUE_PATTERN = r"^(\d+[\w/.-]*|ҚР)$"

#: The acting marker as citations print it after the issuer.
ACTING_ABBREVIATION = "м.а."

# --- Reading files ---------------------------------------------------------------------------

#: Letters only Kazakh has among the Cyrillic ones (і aside: Ukrainian and Belarusian
#: have it too), which tell a Kazakh text from another Cyrillic one in any encoding.
KAZAKH_ONLY_LETTERS = "әғқңөұүһӘҒҚҢӨҰҮҺ"
