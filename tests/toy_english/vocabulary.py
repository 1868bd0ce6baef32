"""A toy English: the parsing vocabulary of `tests.toy_english`, every name of
`parser.languages.SHARED_NAMES`, as small as a short act needs."""

from __future__ import annotations

import re

from parser.languages.base import fold_with, kind_reader, squash_with

CODE = "en"
BANK_CODE = "eng"

LOOKALIKES: dict[str, str] = {}
UPPER = "A-Z"
LOWER = "a-z"
LETTER = UPPER + LOWER
WORD_LETTER = "[a-z]"

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
LONG_DATE = re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(MONTHS)})\s+(?P<year>\d{{4}})")


def month_number(word: str) -> int | None:
    return MONTHS.get(word)


ACT_KINDS = {"order": "order", "law": "law", "decree": "decree", "code": "code", "resolution": "resolution"}
BANK_FORMS: dict[str, str] = {}
ACTING_MARKERS = ("acting",)
KIND_BEFORE_DATE = True
STAMP_FIRST_WORD = "appendix"
DATE_PREPOSITIONS = ("of",)
ISSUER_HEAD = re.compile(r"^(?P<issuer>.*?Kazakhstan)\s+(?P<rest>.*)$")

REPEAL_START = re.compile(r"Repealed", re.IGNORECASE)
REGISTRATION_START = re.compile(r"Registered", re.IGNORECASE)
REGISTRATION_END_WORDS = ("registered",)

STRUCTURE_WORDS = {
    "subparagraph": "subparagraph", "paragraph": "paragraph", "chapter": "chapter", "section": "section",
    "division": "division", "appendix": "appendix", "article": "article", "indent": "indent",
}
OPERATIVE_FORMULAS = ("I ORDER", "RESOLVES")
APPROVED_DOCUMENT_STEMS = ("rules",)
APPROVAL_WORDS = ("approved",)
MARKDOWN_APPENDIX_STAMP = re.compile(r"^appendix")
MARKDOWN_AGREEMENT_WORDS = ("agreed",)
STATUS_LINES = {"Repealed": "repealed", "New": "in_force"}

DIVISION = re.compile(r"^Division\s+(?P<label>\d+(?:-\d+)*)\b\s*\.?\s*(?P<heading>.*)$")
CHAPTER = re.compile(r"^Chapter\s+(?P<label>\d+(?:-\d+)*)\b\s*\.?\s*(?P<heading>.*)$")
SECTION = re.compile(r"^Section\s+(?P<label>\d+(?:-\d+)*)(?P<label2>)\b\.?\s*(?P<heading>.*)$")
APPENDIX = re.compile(r"^(?:Appendix\s+(?P<label>\d+(?:-\d+)*)|Appendix)\s*$")
ARTICLE = re.compile(r"^Article\s+(?P<label>\d+(?:-\d+)*)\b\s*\.?\s*(?P<heading>.*)$")
SPLIT_HEADING_TAIL = re.compile(r"^\s*(chapter|section|appendix|article)\b", re.IGNORECASE)
APPROVING_KINDS = ("by order",)
MARKDOWN_APPENDIX_LABEL = re.compile(r"^\W*Appendix\s+(?P<label>\d+(?:-\d+)*)\b", re.IGNORECASE)
MARKDOWN_CHAPTER = re.compile(r"^(?:Chapter\s+)?(?P<label>\d+(?:-\d+)*)\.?\s+\S")
CONTENTS_HEADINGS = ("contents",)
EDITORIAL_REMARKS = ("Editor's note!",)
SUSPENDING_CLAUSE = re.compile(r"^suspend\b")
UNMARKED_NOTE = re.compile(r"^comes\s+into\s+force|^repealed\b|^deleted\b")
SIGNATURE_LINE = re.compile(r"^president\s+of\s+the\s+republic\s+of\s+kazakhstan$")
HEADING_WORDS = ("heading", "title")
THIS_WORD = "this"

NOTE_MARKERS = ("Note.", "Note:")
NOTE_ACTIONS = (
    ("in a new wording", "new_wording"),
    ("inserted", "inserted"),
    ("deleted", "deleted"),
    ("repealed", "repealed"),
    ("replaced", "replaced_words"),
    ("amended", "amended"),
    ("suspended", "suspended"),
)
DELETION_PLACEHOLDERS = ("deleted",)
NOTE_TARGET_WORDS = {"law": "act", "order": "act", "title": "title", "preamble": "preamble", "appendix": "appendix"}
NOTE_UNIT = re.compile(
    r"(?<![a-z])(?P<word>subparagraph|paragraph|chapter|section|division|appendix|article|indent)[a-z]*\s+"
    r"(?P<label>\d+(?:-\d+)*)\)?"
)
NOTE_WHOLE_TEXT = ("throughout the text",)
NOTE_UNITS_INNERMOST_FIRST = True
NOTE_BARE_ARTICLE = "article"
UNMARKED_NOTE_STARTS: tuple[str, ...] = ()
REMARK_MARKERS = ("Editor's note!",)
NOTE_ACT_INTRODUCERS = ("by the law", "by the order", "by law", "by order")

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "five": 5, "ten": 10, "twenty": 20, "thirty": 30}
COMMENCEMENT_ANCHORS = (("officialpublication", "publication"), ("publication", "publication"), ("signing", "signing"))
TERM_END_PHRASES = ("appliesuntil",)
COMMENCEMENT_VERBS = ("comesintoforce", "entersintoforce", "inforcefrom")
_NUMBER_WORD = "|".join(NUMBER_WORDS)
PERIOD_DAYS = re.compile(rf"(?:(?P<digits>\d+)|(?P<word>{_NUMBER_WORD}))\s+(?:calendar\s+|(?P<working>working\s+))?days?")
PERIOD_MONTHS = re.compile(rf"(?:(?P<digits>\d+)|(?P<word>{_NUMBER_WORD}))\s+months?")
PERIOD_AFTER_WORDS = ("after",)


def starts_from(text: str, date_start: int, date_end: int) -> bool:
    """The date at ``text[date_start:date_end]`` starts a term: "from 1 January 2000", "on 1 January 2000"."""
    return re.search(r"(?:^|\s)(?:from|on)\s*$", fold(text[:date_start])) is not None


SEE_ELSEWHERE_WORDS = ("seearticle",)
COMMENCEMENT_EXCEPTION = re.compile(r"except\s+(?P<units>.+?),?\s+which\s+come\s+into\s+force\s+(?P<when>from\s+.+?)(?:[.;]|$)")
EXCEPTIONS_ELSEWHERE = ("otherdatesset",)
OWN_COMMENCEMENT_STARTS = ("this",)
ENACTING_VERBS = ("putintoforce",)
DATED_PART_TRIM = re.compile(r"(?:\s[-–—])?\s*(?:from)?\s*$")

AMENDING_OPERATIONS = (("repeal", "repeal"), ("inthefollowingwording", "new_wording"), ("replace", "replace_words"), ("delete", "delete"), ("insert", "insert"))
WORDS_MARKER = r"(?:word|figure)s?"
WORDS_MARKER_BEFORE = True
WHOLE_TEXT_MARKERS = ("throughout the text",)
NESTED_SUBPARAGRAPH = r"subparagraph\s+(?P<subparagraph>\d+(?:-\d+)*)\s*\)\s*of\s+paragraph\s+(?P<paragraph>\d+(?:-\d+)*)"
PARAGRAPH_SCOPE = r"^in\s+paragraph\s+(\d+(?:-\d+)*)$"
UNNUMBERED_APPENDIX = r"^appendix$"
NEW_WORDING_IN_ANNEX = ("accordingtotheappendix",)
REPEAL_VERB = "repeal"
INSTRUCTION_REPEAL_WORDS = re.compile(r"be\s+repealed")
INSTRUCTION_TARGET_END = r"\s(?:be\s+worded|insert|delete|replace|repeal)"
INSERT_AFTER_WORD = "after"
INSTRUCTION_SCOPE_ENDINGS = ("rules",)
APPROVED_SCOPE_WORD = "approved"
INSTRUCTION_REGISTRATION = re.compile(r"under\s*No\s*(\d+)")
INSTRUCTION_UNIT_WORDS = (("preamble", "preamble"), ("subparagraph", "subparagraph"), ("paragraph", "paragraph"), ("appendix", "appendix"), ("article", "article"))
ROW_WORD = "row"
INTRODUCING_VERB = "make"
INTRODUCED_CHANGES = ("amendment",)
REPLACE_VERB = "replace"
APPENDIX_SCOPE = re.compile(r"appendix\s+(\d+)")
SUCH_WORD = "as follows "

NUMBER_SIGNS = ("No", "№")
DATE_LIMIT_WORDS: frozenset[str] = frozenset()
DATE_LIMIT_WORDS_BEFORE = frozenset({"from", "until", "on"})
CITATION_KIND_PATTERN = r"^(law|code|order|decree|resolution)s?$"
CITATION_GLUED_KIND_PATTERN: str | None = None
CITATION_KIND_QUALIFIER_PATTERN: str | None = r"^(constitutional|joint)$"
CITATION_TITLED_LAW_PATTERN = r"(?P<kind>(?:[Ll]aw|[Cc]ode))\s+(?P<issuer>of\s+the\s+Republic\s+of\s+Kazakhstan\s+)?[\"](?P<title>On\s[^\"]{3,300})[\"]"
CITED_PROVISION_PATTERN: str | None = None
CITED_PROVISION_WORD_PATTERN: str | None = r"^(article|paragraph|subparagraph|chapter|appendix)"
CITATION_YEAR_WORD_PATTERN = r"^(year)$"
CITATION_DATE_ORDER = ("DAY", "MONTH", "YEAR")
CITED_SUBPARAGRAPH_WORD_PATTERN: str | None = None
CITED_NUMBER_SUFFIX_PATTERN = r"^LRK$"
CITED_NUMBER_VALUE_PATTERN = r"^\d+[\w/.-]*$"
CITED_REGISTRATION_PATTERN = r"registered\s+in\s+the\s+Register[^№()]{0,160}?under\s*(?:№|No)\s*(\d+)"
TITLE_WORDS = ('"On',)
ISSUER_STOP_WORDS: frozenset[str] = frozenset()
ACTING_ABBREVIATION = "acting"

fold = fold_with(LOOKALIKES)
squash = squash_with(fold)
act_kind = kind_reader(ACT_KINDS, fold)
