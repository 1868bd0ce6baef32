"""Citations: the acts a text refers to, found with spaCy's rule-based Matcher.

An act reference in Kazakh legal text is a run of parts in a fixed order (FORMATS.md §2e):

    [«title»] [issuer, genitive] DATE [№ NUMBER] [(clause)] KIND [PROVISION…] [(… № REG тіркелген)]
    "Халық денсаулығы …" Қазақстан Республикасының 2009 жылғы 18 қыркүйектегі кодексінің 25-бабына
    ҚР Денсаулық сақтау министрінің 2010.12.09 № 954 (ресми …) Бұйрығымен

Russian prints the same parts kind first (`KIND_BEFORE_DATE`): the cited provision before
the kind word, the issuer between the kind word and the date, the title after the number,
and a list of acts of one kind shares the kind word (FORMATS.md §2c):

    [PROVISION…] KIND [issuer, genitive] от DATE [№ NUMBER] [«title»] [(зарегистрирован … № REG)]
    подпунктом 70-31) пункта 1 статьи 12 Закона Республики Казахстан от 11 апреля 2014 года «О гражданской защите»
    законами РК от 16.04.2018 № 147-VІ (…); от 02.07.2018 № 165-VІ (…)

The Matcher (patterns over the language's tokenizer: `spacy_kk`'s Kazakh, spaCy's own
Russian) finds the parts, every word of them taken from the language module
(`parser.languages`); this module puts them together into `Citation`s with exact
character spans: a span runs over the date, the number and the kind word as printed
(from the date, or the number sign when no date comes first, to the kind word in Kazakh;
from the kind word to the number in Russian; from the date to the number for the later
acts of a list). The issuer, title, registration number and cited provision are fields
beside the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .dates import find_dates
from .languages import Language
from .memo import copied
from .model import ActReference
from .references import NUMBER

if TYPE_CHECKING:  # spaCy is imported when a text is first tokenized: `zan at` need not load it
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span

#: How far (in tokens) a kind word may follow the date or number it belongs to: a
#: commencement clause in brackets can stand between them.
MAX_GAP = 40
#: How far (in tokens) the date or number may follow the kind word when the kind comes
#: first: the issuer stands between ("приказом Министра … Республики Казахстан от …").
MAX_ISSUER_GAP = 15
_FOUR_DIGITS = re.compile(r"\d{4}")
_LATIN_NUMBER_SIGN = re.compile(r"(?<!\w)N\s?\d")
_TITLE_BEFORE = re.compile(r"[«\"]([^«»\"]{3,300})[»\"]\s*$")
_TITLE_INSIDE = re.compile(r"[«\"]([^«»\"]{3,300})[»\"]")
_TITLE_AFTER = re.compile(r"\s*[«\"]([^«»\"]{3,300})[»\"]")
#: What never stands between a kind word and the date or number of the same reference.
_NOT_IN_ISSUER = frozenset("()«»\";")


@dataclass
class Citation:
    start: int
    end: int
    text: str
    reference: ActReference
    registration_number: str | None = None
    title: str | None = None
    provision: str | None = None


def token_tests(lang: Language) -> dict[str, tuple[str, str]]:
    """What a single token of an act reference may be, by name, each a test of its text
    (``TEXT``) or of its lower case (``LOWER``); a language whose module has no pattern
    for one (None) has no such token.

    Each becomes a spaCy lexeme flag: computed once per distinct word in a process, then
    checked by the Matcher in C. (Written as REGEX predicates in the patterns, the tests
    ran in Python for every token of every text: most of the citation time went there.)"""
    tests: dict[str, tuple[str, str | None]] = {
        "YEAR": ("TEXT", r"^\d{4}$"),
        "YEAR_WORD": ("LOWER", lang.CITATION_YEAR_WORD_PATTERN),
        "DAY": ("TEXT", r"^\d{1,2}$"),
        "MONTH": ("LOWER", "^(" + "|".join(sorted(lang.MONTHS, key=len, reverse=True)) + ")"),
        "DOTTED_DATE": ("TEXT", r"^(\d{4}\.\d{1,2}\.\d{1,2}\.?|\d{1,2}\.\d{1,2}\.\d{4})$"),
        "NUMBER_SIGN": ("TEXT", "^(" + "|".join(lang.NUMBER_SIGNS) + ")$"),
        "NUMBER_VALUE": ("TEXT", lang.CITED_NUMBER_VALUE_PATTERN),
        "NUMBER_SUFFIX": ("TEXT", lang.CITED_NUMBER_SUFFIX_PATTERN),
        "SIGNED_NUMBER": ("TEXT", r"^№\d+[\w/-]*$"),
        "KIND": ("LOWER", lang.CITATION_KIND_PATTERN),
        # PDF damage glues a moved kind word to the word before it: "қамтамасызбұйрыққа"
        "GLUED_KIND": ("LOWER", lang.CITATION_GLUED_KIND_PATTERN),
        "PROVISION": ("LOWER", lang.CITED_PROVISION_PATTERN),
        "DIGITS": ("TEXT", r"^\d+(-\d+)*$"),
        "SUBPARAGRAPH_WORD": ("LOWER", lang.CITED_SUBPARAGRAPH_WORD_PATTERN),
        "KIND_QUALIFIER": ("LOWER", lang.CITATION_KIND_QUALIFIER_PATTERN),
        "PROVISION_WORD": ("LOWER", lang.CITED_PROVISION_WORD_PATTERN),
    }
    return {name: (attribute, pattern) for name, (attribute, pattern) in tests.items() if pattern is not None}


#: The first of spaCy's free lexeme flags (FLAG19 … FLAG63).
FIRST_FLAG = 19


class _Tokens:
    """Matcher token specs for one language's `token_tests`: ``is_("DAY")``, ``is_("YEAR_WORD?")``."""

    def __init__(self, lang: Language):
        self.names = list(token_tests(lang))

    def has(self, name: str) -> bool:
        return name in self.names

    def flag(self, name: str) -> str:
        """The Matcher attribute of the lexeme flag for test `name`."""
        return f"FLAG{FIRST_FLAG + self.names.index(name)}"

    def __call__(self, name: str, op: str | None = None) -> dict:
        if name.endswith("?"):
            name, op = name[:-1], "?"
        token: dict = {self.flag(name): True}
        if op:
            token["OP"] = op
        return token


def _patterns(lang: Language) -> dict[str, list[list[dict]]]:
    """The parts of a reference as Matcher patterns: those the language's tests allow."""
    is_ = _Tokens(lang)
    kinds = [[is_("KIND")]]
    if is_.has("GLUED_KIND"):
        kinds.append([is_("GLUED_KIND")])
    if is_.has("KIND_QUALIFIER"):  # "Конституционным законом"
        kinds.append([is_("KIND_QUALIFIER"), is_("KIND")])
    provisions = []
    if is_.has("PROVISION"):  # "25-бабына"
        provisions.append([is_("PROVISION")])
    if is_.has("SUBPARAGRAPH_WORD"):  # "5) тармақшасына"
        provisions.append([is_("DIGITS"), {"ORTH": ")"}, is_("SUBPARAGRAPH_WORD")])
    if is_.has("PROVISION_WORD"):  # "статьи 12", "подпунктом 70-31)" (tokens 70 - 31 ))
        provisions.append([is_("PROVISION_WORD"), is_("DIGITS"), {"ORTH": "-", "OP": "?"}, is_("DIGITS", "?"), {"ORTH": ")", "OP": "?"}])
    return {
        "DATE": [
            [is_(name) for name in lang.CITATION_DATE_ORDER],
            [is_("DOTTED_DATE")],
        ],
        "NUMBER": [
            [is_("NUMBER_SIGN"), is_("NUMBER_VALUE"), is_("NUMBER_SUFFIX", "?")],
            [is_("SIGNED_NUMBER")],
        ],
        "KIND": kinds,
        "PROVISION": provisions,
    }


def _flag_getter(attribute: str, pattern: str):
    compiled = re.compile(pattern)
    if attribute == "LOWER":
        return lambda text: compiled.search(text.lower()) is not None
    return lambda text: compiled.search(text) is not None


@lru_cache(maxsize=None)
def _matcher(lang: Language) -> Matcher:
    from spacy.matcher import Matcher

    vocab = _nlp(lang).vocab
    for offset, (attribute, pattern) in enumerate(token_tests(lang).values()):
        vocab.add_flag(_flag_getter(attribute, pattern), flag_id=FIRST_FLAG + offset)
    matcher = Matcher(vocab, validate=False)  # the schema does not know lexeme flags
    for label, patterns in _patterns(lang).items():
        if patterns:
            matcher.add(label, patterns, greedy="LONGEST")
    return matcher


@lru_cache(maxsize=None)
def _nlp(lang: Language):
    """The blank spaCy pipeline of `lang` (`spacy_kk`'s Kazakh, spaCy's own Russian),
    imported on first use (loading spaCy takes most of a second)."""
    from .spacy_kk import blank_pipeline

    return blank_pipeline(lang.CODE)


class _Compiled:
    """The regular expressions of one language's citation vocabulary, compiled once."""

    def __init__(self, lang: Language):
        # a kind word anywhere in lower-cased text: the token pattern without its anchor
        self.kind_anywhere = re.compile(lang.CITATION_KIND_PATTERN.lstrip("^").replace("(", "(?:", 1))
        self.titled_law = re.compile(lang.CITATION_TITLED_LAW_PATTERN)
        self.registration = re.compile(lang.CITED_REGISTRATION_PATTERN, re.IGNORECASE)
        self.glued_kind = re.compile(lang.CITATION_GLUED_KIND_PATTERN) if lang.CITATION_GLUED_KIND_PATTERN else None
        prepositions = "|".join(map(re.escape, lang.DATE_PREPOSITIONS))
        # between two acts of a list sharing the kind word: "(вводится …); от"
        self.list_gap = (
            re.compile(rf"\s*(?:\((?:[^()]|\([^()]*\))*\))?\s*[;,]\s*(?:{prepositions})\s*$", re.IGNORECASE) if prepositions else None
        )


@lru_cache(maxsize=None)
def _compiled(lang: Language) -> _Compiled:
    return _Compiled(lang)


def _parts(doc: Doc, lang: Language) -> list[tuple[str, Span]]:
    """The parts of act references in `doc`, in order, longest match first."""
    matcher = _matcher(lang)
    parts = [(doc.vocab.strings[label], doc[start:end]) for label, start, end in matcher(doc)]
    parts.sort(key=lambda part: (part[1].start, -len(part[1])))
    kept: list[tuple[str, Span]] = []
    last_end = -1
    for label, span in parts:
        if label == "DATE" and _is_time_limit(doc, span, lang):
            continue  # "(01.01.2018 бастап қолданысқа енгізіледі)": a commencement, not an act's date
        if span.start >= last_end:
            kept.append((label, span))
            last_end = span.end
    return kept


def _is_time_limit(doc: Doc, date: Span, lang: Language) -> bool:
    """A date followed (`DATE_LIMIT_WORDS`) or preceded (`DATE_LIMIT_WORDS_BEFORE`) by a
    word for "from" or "until"."""
    if date.end < len(doc) and doc[date.end].lower_ in lang.DATE_LIMIT_WORDS:
        return True
    return date.start > 0 and doc[date.start - 1].lower_ in lang.DATE_LIMIT_WORDS_BEFORE


#: Distinct unit texts whose citations are remembered per process.
CITATIONS_MEMO = 16384


@copied(CITATIONS_MEMO)
def extract_citations(text: str, lang: Language) -> list[Citation]:
    """Every act reference in `text`, written in `lang` (a `parser.languages` module), in
    order: those with a date or a number, and laws and codes cited by their title alone.
    Read once per distinct text and language (`parser.memo`): each call gets a copy."""
    titled = _titled_laws(text, lang)
    if not _may_cite(text, lang):
        return titled  # no date or number, or no word naming a kind of act: nothing to tokenize
    doc = _nlp(lang)(text)
    parts = _parts(doc, lang)
    starts, assemble = (("KIND",), _assemble_kind_first) if lang.KIND_BEFORE_DATE else (("DATE", "NUMBER"), _assemble)
    citations: list[Citation] = []
    index = 0
    while index < len(parts):
        if parts[index][0] not in starts:
            index += 1
            continue
        found, index = assemble(text, doc, parts, index, lang)
        citations += found
    taken = [(c.start, c.end) for c in citations]
    citations += [c for c in titled if not any(start < c.end and c.start < end for start, end in taken)]
    return sorted(citations, key=lambda c: c.start)


def _may_cite(text: str, lang: Language) -> bool:
    """A year, a number sign or ``N 12``, and a word naming a kind of act: what every
    dated or numbered reference has. Most units have not, and skip the tokenizer.
    (Plain string tests and simple patterns first: one pattern with alternatives and
    IGNORECASE took about a fifth of the citation time, measured on 68,810 units.)"""
    anchored = "№" in text or _FOUR_DIGITS.search(text) or ("N" in text and _LATIN_NUMBER_SIGN.search(text))
    return bool(anchored) and _compiled(lang).kind_anywhere.search(text.lower()) is not None


def _titled_laws(text: str, lang: Language) -> list[Citation]:
    """``"Азаматтық қорғау туралы" Қазақстан Республикасы Заңының``, ``Закона Республики
    Казахстан «О правовых актах»``: a law or code named by its title; the span is the
    kind word, the title a field."""
    citations: list[Citation] = []
    if not any(word in text for word in lang.TITLE_WORDS):
        return citations  # every such title holds one of them
    for match in _compiled(lang).titled_law.finditer(text):
        kind_text = match.group("kind")
        citations.append(
            Citation(
                start=match.start("kind"),
                end=match.end("kind"),
                text=kind_text,
                reference=ActReference(kind=lang.act_kind(kind_text), kind_text=kind_text, issuer=(match.group("issuer") or "").strip() or None),
                title=match.group("title").strip(),
            )
        )
    return citations


def _assemble(text: str, doc: Doc, parts: list[tuple[str, Span]], first: int, lang: Language) -> tuple[list[Citation], int]:
    """Kind last (Kazakh). From a date or number at `parts[first]`: collect the number and
    the kind word that follow it, then the provisions and registration after the kind word."""
    date_span = number_span = kind_span = None
    index = first
    while index < len(parts):
        label, span = parts[index]
        if label == "DATE":
            if date_span is not None or number_span is not None:
                break  # another reference begins
            date_span = span
        elif label == "NUMBER":
            if number_span is not None:
                back = _back_reference_kind(parts, index, number_span, lang)
                if back is not None and date_span is not None:
                    # "… 2011 жылғы 4 қарашадағы № 786 (бұдан әрі – № 786 бұйрық) (бұйрығына": the
                    # export moved the kind word away; the back-reference names the kind
                    return [_citation(text, doc, lang, date_span, number_span, None, back, [])], index
                break
            number_span = span
        elif label == "KIND":
            anchor = number_span or date_span
            if anchor is not None and _inside_quotes(text[anchor.end_char : span.start_char]):
                index += 1
                continue  # a kind word inside a quoted title ("… шешімдерінің күші жойылды …")
            if anchor is not None and span.start - anchor.end <= MAX_GAP and _no_sentence_end(doc, anchor.end, span.start):
                kind_span = span
                index += 1
            break
        elif label == "PROVISION":
            break
        index += 1
    if kind_span is None:
        return [], max(index, first + 1)
    provisions = []
    while index < len(parts) and parts[index][0] == "PROVISION" and parts[index][1].start - (provisions[-1].end if provisions else kind_span.end) <= 1:
        provisions.append(parts[index][1])
        index += 1
    return [_citation(text, doc, lang, date_span, number_span, kind_span, None, provisions)], index


def _assemble_kind_first(text: str, doc: Doc, parts: list[tuple[str, Span]], first: int, lang: Language) -> tuple[list[Citation], int]:
    """Kind first (Russian). From a kind word at `parts[first]`: the date (after a date
    preposition, "от") or the number that follows it past the issuer, the number right
    after the date, the provisions just before the kind word; then the further dates and
    numbers of a list sharing the kind word ("законами РК от … № … (…); от … № …")."""
    kind_span = parts[first][1]
    index = first + 1
    if kind_span.start > 0 and doc[kind_span.start - 1].lower_.startswith(lang.THIS_WORD):
        return [], index  # "настоящим Законом": the act itself
    if index >= len(parts) or parts[index][0] not in ("DATE", "NUMBER") or not _issuer_gap(text, doc, kind_span, parts[index][1], lang):
        return [], index  # a kind word alone ("Закона Республики Казахстан"); the next part is read anew
    date_span, number_span, index = _date_and_number(parts, index)
    issuer = _issuer_between(text, kind_span, date_span or number_span, lang)
    citations = [_citation(text, doc, lang, date_span, number_span, kind_span, None, _provisions_before(doc, parts, first), issuer)]
    kind = citations[0].reference.kind
    list_gap = _compiled(lang).list_gap
    while list_gap and index < len(parts) and parts[index][0] == "DATE" and list_gap.match(text[citations[-1].end : parts[index][1].start_char]):
        date_span, number_span, index = _date_and_number(parts, index)
        citations.append(_citation(text, doc, lang, date_span, number_span, None, kind, [], issuer))
    return citations, index


def _issuer_gap(text: str, doc: Doc, kind_span: Span, anchor: Span, lang: Language) -> bool:
    """Only an issuer stands between a kind word and the date or number at `anchor`: a
    few words, no sentence end, bracket or quote; and a date follows a date preposition."""
    if anchor.start - kind_span.end > MAX_ISSUER_GAP or not _no_sentence_end(doc, kind_span.end, anchor.start):
        return False
    if _NOT_IN_ISSUER.intersection(text[kind_span.end_char : anchor.start_char]):
        return False
    first_token = doc[anchor.start].text
    if first_token in lang.NUMBER_SIGNS or first_token.startswith("№"):
        return True
    return anchor.start > 0 and doc[anchor.start - 1].lower_ in lang.DATE_PREPOSITIONS


def _date_and_number(parts: list[tuple[str, Span]], index: int) -> tuple[Span | None, Span | None, int]:
    """The date at `parts[index]` and the number printed right after it (or the number
    alone), and the index of the part after them."""
    label, span = parts[index]
    if label == "NUMBER":
        return None, span, index + 1
    if index + 1 < len(parts) and parts[index + 1][0] == "NUMBER" and parts[index + 1][1].start == span.end:
        return span, parts[index + 1][1], index + 2
    return span, None, index + 1


def _provisions_before(doc: Doc, parts: list[tuple[str, Span]], first: int) -> list[Span]:
    """The provisions printed just before the kind word at `parts[first]`: "подпунктом
    70-31) пункта 1 статьи 12 Закона". One capitalised word may stand between the last of
    them and the kind word ("статьей 69 Бюджетного кодекса")."""
    provisions: list[Span] = []
    limit = parts[first][1].start
    index = first - 1
    while index >= 0 and parts[index][0] == "PROVISION":
        span = parts[index][1]
        gap = limit - span.end
        if gap > 1 or (gap == 1 and (provisions or not doc[span.end].text[:1].isupper())):
            break
        provisions.insert(0, span)
        limit = span.start
        index -= 1
    return provisions


def _back_reference_kind(parts: list[tuple[str, Span]], index: int, number_span: Span, lang: Language) -> str | None:
    """The kind named by ``№ N бұйрық`` at `parts[index]` when N repeats `number_span`'s."""
    label, span = parts[index]
    if span.text.replace(" ", "") != number_span.text.replace(" ", "") or index + 1 >= len(parts):
        return None
    next_label, next_span = parts[index + 1]
    if next_label == "KIND" and next_span.start == span.end:
        return lang.act_kind(next_span.text)
    return None


def _citation(
    text: str,
    doc: Doc,
    lang: Language,
    date_span: Span | None,
    number_span: Span | None,
    kind_span: Span | None,
    kind: str | None,
    provisions: list[Span],
    issuer: str | None = None,
) -> Citation:
    """The citation of the parts found: its span runs over all of them. Kind last, the
    issuer is read back from the start; kind first, it is given (it stands inside the span)."""
    number = _number(text, number_span) if number_span is not None else None
    spans = [span for span in (date_span, number_span, kind_span) if span is not None]
    start = min(span.start_char for span in spans)
    ends = [span.end_char for span in (date_span, kind_span) if span is not None]
    if number_span is not None:
        ends.append(number[1] if number else number_span.end_char)
    end = max(ends)
    kind_text = kind_span.text if kind_span is not None else None
    reference = ActReference(
        kind=lang.act_kind(_kind_word(kind_text, lang)) if kind_text else kind,
        kind_text=kind_text,
        issuer=issuer if lang.KIND_BEFORE_DATE else _issuer(text[:start], lang),
        date=find_dates(date_span.text)[0].iso if date_span is not None and find_dates(date_span.text) else None,
        number=number[0] if number else None,
    )
    reference.issuer_acting = bool(reference.issuer and lang.ACTING_ABBREVIATION in reference.issuer)
    provision_text = text[provisions[0].start_char : provisions[-1].end_char] if provisions else None
    title, after = _title(text, lang, start, end, number_span or date_span, kind_span)
    tail = text[after : after + 220]
    registration = _compiled(lang).registration.search(tail)
    return Citation(
        start=start,
        end=end,
        text=text[start:end],
        reference=reference,
        registration_number=registration.group(1) if registration and "(" in tail[: registration.start() + 1] else None,
        title=title,
        provision=provision_text,
    )


def _title(text: str, lang: Language, start: int, end: int, anchor: Span, kind_span: Span | None) -> tuple[str | None, int]:
    """The quoted title of the act cited, and where the text after the reference and its
    title begins. Kind last, the title precedes the issuer or stands between the number
    and the kind word; kind first, it follows the number."""
    if lang.KIND_BEFORE_DATE:
        after = _TITLE_AFTER.match(text, end)
        return (after.group(1).strip(), after.end()) if after else (None, end)
    title = _TITLE_BEFORE.search(_before_issuer(text[:start], lang))
    if title is None and kind_span is not None:
        title = _TITLE_INSIDE.search(text[anchor.end_char : kind_span.start_char])
    return (title.group(1).strip() if title else None), end


def _issuer_between(text: str, kind_span: Span, anchor: Span | None, lang: Language) -> str | None:
    """The issuer between a kind word and its date or number, less the date preposition:
    "приказом Министра финансов Республики Казахстан от" -> "Министра финансов Республики Казахстан"."""
    if anchor is None:
        return None
    words = text[kind_span.end_char : anchor.start_char].split()
    if words and words[-1].lower() in lang.DATE_PREPOSITIONS:
        words.pop()
    return " ".join(words) or None


def _kind_word(token: str, lang: Language) -> str:
    """The kind word itself, even when glued to the word before it."""
    glued_kind = _compiled(lang).glued_kind
    glued = glued_kind.search(token.lower()) if glued_kind else None
    return token[glued.start(1) :] if glued and not re.match(lang.CITATION_KIND_PATTERN, token.lower()) else token


def _inside_quotes(between: str) -> bool:
    """True when `between` opens a quoted title it does not close."""
    return between.count('"') % 2 == 1 or between.count("«") > between.count("»")


def _no_sentence_end(doc: Doc, start: int, end: int) -> bool:
    """No full stop between a number and its kind word, except inside brackets."""
    depth = 0
    for token in doc[start:end]:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif token.text in (".", ";") and depth == 0:
            return False
    return True


def _number(text: str, span: Span) -> tuple[str, int] | None:
    """The act number at `span` and where it ends in `text`, as `NUMBER` reads it: past
    the span where the tokenizer split it (spaCy's Russian makes five tokens of "№
    17-42-3.3.7"), short of what a token kept after it ("№ 375-I.*"); with the suffix
    word of the span's third token ("№ 414-V ЗРК")."""
    match = NUMBER.match(text, span.start_char)
    if match is None:
        return None
    has_suffix = len(span) == 3
    return match["number"].strip(), max(span.end_char, match.end("number")) if has_suffix else match.end("number")


def _issuer(before: str, lang: Language) -> str | None:
    """The issuer printed just before the date: words back to a quote, a bracket, a
    sentence end or a word like ``туралы``; it starts with a capital letter."""
    words = before.rstrip().split(" ")
    kept: list[str] = []
    for word in reversed(words):
        if not word or word.lower() in lang.ISSUER_STOP_WORDS or word[-1] in "\"»)(:;,." and word != lang.ACTING_ABBREVIATION or len(kept) >= 8:
            break
        kept.append(word)
    kept.reverse()
    while kept and not kept[0][:1].isupper():
        kept.pop(0)
    return " ".join(kept) or None


def _before_issuer(before: str, lang: Language) -> str:
    issuer = _issuer(before, lang)
    stripped = before.rstrip()
    return stripped[: len(stripped) - len(issuer)].rstrip() if issuer and stripped.endswith(issuer) else stripped
