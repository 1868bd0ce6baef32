"""Properties that hold for every input, checked with Hypothesis.

- No exception escapes `parse_text` / `parse_bytes`, whatever the text or bytes: pure
  noise, and texts made of real seed lines mixed with random characters (those reach
  the header, note, date and timeline code that noise never gets to).
- Nothing of the text is lost: every letter and digit of the input is in the texts of
  the provisions and notes, and their raw texts, in line order, give back the input.
- A date window never runs backwards; `find_dates` returns only real calendar dates and
  reads every real date in each printed form; `answer_on` gives one of three statuses
  and never a known wording for a unit that is not in force.

Bounded (`max_examples` ≤ 200, no deadline) so the whole file runs in well under 30 s.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from parser import parse_bytes, parse_text
from parser.dates import find_dates, iso_date
from parser.model import CommencementRule, ParsedDocument
from parser.temporal import apply_offset, derive_effective
from parser.timeline import act_versions, answer_on, build_timelines

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
STATUSES = {"in_force", "not_in_force", "uncertain"}


@lru_cache(maxsize=1)
def seed_texts() -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt")))


@lru_cache(maxsize=1)
def seed_lines() -> tuple[str, ...]:
    return tuple(line for text in seed_texts() for line in text.split("\n"))


# --- Strategies ------------------------------------------------------------------------

#: Characters the parser treats specially, so random text hits its branches often.
SPECIAL = list("0123456789.-–—()«»\"№N;:, \t\u00a0") + ["\r", "\r\n", "\x0c", "\u2028", "\x85", "і", "i", "ә", "қ", "Ескерту. ", "      "]
special_text = st.lists(st.sampled_from(SPECIAL) | st.characters(), max_size=30).map("".join)
any_text = st.text(max_size=300) | special_text


@st.composite
def mutated_line(draw) -> str:
    """A real seed line, sometimes with random characters put in, cut or re-indented."""
    line = draw(st.sampled_from(seed_lines()))
    how = draw(st.sampled_from(("as_is", "as_is", "insert", "cut", "indent", "noise")))
    if how == "insert":
        at = draw(st.integers(0, len(line)))
        line = line[:at] + draw(special_text) + line[at:]
    elif how == "cut":
        line = line[: draw(st.integers(0, len(line)))]
    elif how == "indent":
        line = draw(st.sampled_from(("", " ", "      "))) + line.lstrip(" ")
    elif how == "noise":
        line = draw(any_text)
    return line


@st.composite
def seed_like_text(draw, line_end: str | None = "\n") -> str:
    """Fragments of the real seeds: a run of consecutive lines of one seed (its header,
    notes and numbering in their real order), with lines mutated, dropped or taken from
    elsewhere, joined with `line_end` (or mixed line ends when None)."""
    text = draw(st.sampled_from(seed_texts()))
    lines = text.split("\n")
    start = draw(st.integers(0, len(lines) - 1))
    run = lines[start : start + draw(st.integers(1, 60))]
    if draw(st.booleans()):
        run = [""] + lines[:8] + run  # keep the header: reaches identity, dates, notes on the act
    edits = draw(st.lists(st.tuples(st.integers(0, 10_000), mutated_line(), st.sampled_from(("replace", "insert", "drop"))), max_size=6))
    for position, line, action in edits:
        index = position % (len(run) + 1)
        if action == "insert" or index == len(run):
            run.insert(index, line)
        elif action == "replace":
            run[index] = line
        else:
            del run[index]
    if line_end is None:
        ends = draw(st.lists(st.sampled_from(("\n", "\r\n", "\r")), min_size=len(run), max_size=len(run)))
        return "".join(line + end for line, end in zip(run, ends))
    joined = line_end.join(run)
    return joined + (line_end if draw(st.booleans()) else "")


def newline_only(text: str) -> str:
    """`text` with every line break other than "\\n" made a space: a str with \\n line ends."""
    return "".join(" " if c != "\n" and c.splitlines() != [c] else c for c in text)


def letters_and_digits(text: str) -> Counter:
    return Counter(c for c in text if c.isalnum())


def document_text(document: ParsedDocument) -> str:
    return "".join(p.text for p in document.provisions) + "".join(n.text for n in document.notes)


def raw_in_line_order(document: ParsedDocument) -> str:
    pieces = [(p.source_line, p.raw) for p in document.provisions] + [(n.source_line, n.raw) for n in document.notes]
    return "".join(raw for _, raw in sorted(pieces, key=lambda piece: piece[0]))


def check_windows(document: ParsedDocument) -> None:
    """Every date the parser derived is a real window."""
    effectives = [a.effective for n in document.notes for a in n.amendments] + [a.effective for a in document.header_amendments]
    if document.act is not None and document.act.effective is not None:
        effectives.append(document.act.effective)
    for effective in effectives:
        assert effective.status in ("exact", "bounded", "unknown")
        if effective.earliest and effective.latest:
            assert effective.earliest <= effective.latest, effective
        if effective.status == "exact":
            assert effective.exact and iso_date(*map(int, effective.exact.split("-")))


# --- No exception escapes -------------------------------------------------------------


@SETTINGS
@given(any_text)
@example("")
@example("\n\n\n")
def test_parse_text_never_raises_on_noise(text):
    document = parse_text(text, "noise.txt")
    assert document.act is not None


#: An act (or an amending act) dated in the year 9999, with a publication-based clause:
#: its window's end would fall after the last date Python can represent.
LAST_YEAR_TEXTS = (
    "Т\n\n9999 жылғы 31 желтоқсандағы № 1 бұйрығы.\n"
    "      1. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.\n",
    "Т\n\nБ\n      1. Т.\n      Ескерту. 1-тармақ жаңа редакцияда – 9999 жылғы 31 желтоқсандағы № 1 (алғашқы ресми "
    "жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) бұйрығымен.\n",
    "Т\n\n2020 жылғы 1 қаңтардағы № 1 бұйрығы. Әділет министрлігінде 9999 жылғы 1 желтоқсанда № 5 тіркелді\n"
    "      1. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.\n",
)


@SETTINGS
@given(seed_like_text(line_end=None))
@example(LAST_YEAR_TEXTS[0])
@example(LAST_YEAR_TEXTS[1])
@example(LAST_YEAR_TEXTS[2])
def test_parse_text_never_raises_on_seed_fragments(text):
    document = parse_text(text, "fragment.txt")
    check_windows(document)


@SETTINGS
@given(st.binary(max_size=600))
@example(b"\xff\xfeA")  # UTF-16 byte order mark, then half a code unit
@example(b"\xef\xbb\xbf\xff")  # UTF-8 byte order mark, then a byte that is not UTF-8
def test_parse_bytes_never_raises_on_noise(data):
    document = parse_bytes(data, "noise.txt")
    assert document.act is not None or any(p.severity == "error" for p in document.problems)


ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "kz1048")


@SETTINGS
@given(seed_like_text(), st.sampled_from(ENCODINGS), st.integers(0, 1 << 20), st.integers(0, 1 << 20), st.binary(max_size=4))
@example("Қазақстан\n", "utf-8-sig", 4, 0, b"")  # a UTF-8 file with a byte order mark, cut inside «Қ»
@example("Қазақстан\n", "utf-16", 5, 0, b"")  # UTF-16 with a byte order mark, cut inside a code unit
def test_parse_bytes_never_raises_on_encoded_seed_fragments(text, encoding, cut, at, noise):
    """Seed fragments in every encoding the reader knows, whole or cut at any byte (a
    download that stopped early), with a few bytes of noise spliced in."""
    encoded = text.encode(encoding, errors="replace")
    cut %= len(encoded) + 1
    at %= cut + 1
    document = parse_bytes(encoded[:at] + noise + encoded[at:cut], f"fragment.{encoding}.txt")
    if document.act is None:
        assert document.problems and document.problems[0].severity == "error"
    else:
        check_windows(document)


# --- Nothing is lost --------------------------------------------------------------------


@SETTINGS
@given(any_text | seed_like_text(line_end=None))
def test_every_letter_and_digit_reaches_the_document(text):
    document = parse_text(text, "letters.txt")
    assert letters_and_digits(document_text(document)) == letters_and_digits(text)


@SETTINGS
@given((any_text | seed_like_text()).map(newline_only))
@example("\n")
@example("   \n\n")
def test_raw_texts_give_back_the_input(text):
    document = parse_text(text, "raw.txt")
    assert raw_in_line_order(document) == text


@FEW
@given(any_text | seed_like_text(line_end=None))
@example("\r\n")
def test_raw_texts_give_back_the_input_with_any_line_ends(text):
    document = parse_text(text, "raw.txt")
    assert raw_in_line_order(document) == text


@FEW
@given(seed_like_text(), st.sampled_from(ENCODINGS))
def test_letters_survive_every_encoding(text, encoding):
    """A Kazakh text saved in another encoding reads back to the same letters."""
    assume(any(c.isalpha() for c in text))
    assume("\x00" not in text)  # a NUL byte makes any file binary, by design (parser/reader.py)
    # so do more than 5 % of control characters (parser/reader.py): "A\x08" is binary
    assume(sum(ord(c) < 32 and c not in "\t\n\r\f" for c in text) <= 0.05 * len(text))
    if encoding in ("utf-16-le", "utf-16-be"):
        assume(len(text.strip()) >= 200)  # without a byte order mark, a few lines are too few to tell
    try:
        encoded = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    document = parse_bytes(encoded, "encoded.txt")
    assert document.act is not None, [p.message for p in document.problems]
    assert letters_and_digits(document_text(document)) == letters_and_digits(text)


def test_seeds_lose_nothing():
    for text in seed_texts():
        document = parse_text(text, "seed.txt")
        assert raw_in_line_order(document) == text
        assert letters_and_digits(document_text(document)) == letters_and_digits(text)


# --- Dates ----------------------------------------------------------------------------

dates = st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))
iso_dates = dates.map(dt.date.isoformat)
#: any date a text can print (`find_dates` reads years 0001-9999 in the long form)
maybe_iso = st.none() | iso_dates | st.dates().map(dt.date.isoformat)
rules = st.builds(
    CommencementRule,
    rule=st.sampled_from(("signing", "publication", "fixed_date", "see_act", "unknown")),
    offset_days=st.none() | st.integers(0, 400),
    offset_months=st.none() | st.integers(0, 120),
    fixed_date=maybe_iso,
    text=st.just("clause"),
)


@SETTINGS
@given(st.none() | rules, maybe_iso, maybe_iso, maybe_iso)
@example(CommencementRule("publication", offset_days=10), "9999-12-31", None, None)
@example(CommencementRule("publication", offset_months=1), "2020-01-01", "9999-12-20", None)
def test_a_window_never_runs_backwards(rule, adopted_on, registered_on, published_on):
    effective = derive_effective(rule, adopted_on, registered_on, published_on, None)
    assert effective.status in ("exact", "bounded", "unknown")
    if effective.earliest and effective.latest:
        assert effective.earliest <= effective.latest, effective
    if effective.status == "exact":
        assert effective.exact and not effective.earliest and not effective.latest
    if effective.status == "bounded":
        assert effective.earliest
    if effective.status == "bounded" and rule and rule.rule == "publication" and adopted_on:
        assert effective.earliest >= adopted_on  # never before the act exists


@SETTINGS
@given(rules.filter(lambda rule: (rule.offset_months or 0) < 1200), iso_dates)
def test_an_offset_never_goes_back_in_time(rule, publication):
    applied = apply_offset(rule, publication)
    assert applied >= publication
    if rule.offset_days or rule.offset_months:
        assert applied > publication


#: Each month in the case forms the texts print: ``… 19 қазандағы``, ``… 16 маусымда``,
#: ``… 1 қаңтардан бастап`` (after a nasal, the ablative is -нан/-нен: ``маусымнан``).
MONTH_FORMS = {
    1: ("қаңтар", "қаңтардағы", "қаңтарда", "қаңтардан"),
    2: ("ақпан", "ақпандағы", "ақпанда", "ақпаннан"),
    3: ("наурыз", "наурыздағы", "наурызда", "наурыздан"),
    4: ("сәуір", "сәуірдегі", "сәуірде", "сәуірден"),
    5: ("мамыр", "мамырдағы", "мамырда", "мамырдан"),
    6: ("маусым", "маусымдағы", "маусымда", "маусымнан"),
    7: ("шілде", "шілдедегі", "шілдеде", "шілдеден"),
    8: ("тамыз", "тамыздағы", "тамызда", "тамыздан"),
    9: ("қыркүйек", "қыркүйектегі", "қыркүйекте", "қыркүйектен"),
    10: ("қазан", "қазандағы", "қазанда", "қазаннан"),
    11: ("қараша", "қарашадағы", "қарашада", "қарашадан"),
    12: ("желтоқсан", "желтоқсандағы", "желтоқсанда", "желтоқсаннан"),
}


#: Dates as printed, with numbers that may not make a date: 31 ақпан, month 13, day 0.
printed_numbers = st.one_of(
    st.builds("{}.{}.{}".format, st.integers(0, 2100), st.integers(0, 13), st.integers(0, 40)),
    st.builds("{}.{}.{}".format, st.integers(0, 40), st.integers(0, 13), st.integers(0, 2100)),
    st.builds("{:02d}.{:02d}.{}".format, st.integers(0, 40), st.integers(0, 13), st.integers(1900, 2100)),
    st.builds(
        "{} жылғы {} {}".format,
        st.integers(0, 9999),
        st.integers(0, 40),
        st.sampled_from([form for forms in MONTH_FORMS.values() for form in forms]),
    ),
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789. жылғыдан", max_size=40) | st.from_regex(r"\d{1,4}\.\d{1,2}\.\d{1,4}\.?", fullmatch=True) | printed_numbers)
@example("2010.13.45")
@example("45.13.2010")
@example("2010.02.30")
@example("31.04.2011")
@example("29.02.2023")
@example("2023 жылғы 30 ақпандағы")
def test_find_dates_returns_only_real_dates(text):
    for match in find_dates(text):
        date = dt.date.fromisoformat(match.iso)  # a real calendar date, or this raises
        assert text[match.start : match.end] == match.text
        # the date printed, not a neighbour it rolled over to
        assert {int(number) for number in re.findall(r"\d+", match.text)} <= {date.year, date.month, date.day}
    if text in ("2010.13.45", "45.13.2010", "2010.02.30", "31.04.2011", "29.02.2023", "2023 жылғы 30 ақпандағы"):
        assert find_dates(text) == []


@SETTINGS
@given(dates, st.integers(0, 3), st.sampled_from(("long", "ymd", "dmy")), st.sampled_from(("", "Ескерту. ", "(", "ҚР министрінің ")), st.sampled_from(("", " бастап", ")", " № 5")))
@example(dt.date(2018, 6, 1), 3, "long", "", " бастап")  # 2018 жылғы 1 маусымнан бастап
def test_find_dates_reads_every_printed_form(date, case, form, before, after):
    if form == "long":
        year_word = "жылы" if case == 2 else "жылғы"
        printed = f"{date.year} {year_word} {date.day} {MONTH_FORMS[date.month][case]}"
    elif form == "ymd":
        printed = f"{date.year}.{date.month:02d}.{date.day:02d}"
    else:
        printed = f"{date.day:02d}.{date.month:02d}.{date.year}"
    found = find_dates(before + printed + after)
    assert [m.iso for m in found] == [date.isoformat()], printed


# --- Answers on a date ------------------------------------------------------------------


def check_answers(document: ParsedDocument, on: str) -> None:
    if document.act is None:
        return
    timelines = build_timelines(document)
    for versions in [act_versions(timelines)] + list(timelines.versions.values()):
        answer = answer_on(versions, on)
        assert answer.status in STATUSES
        if answer.text_known:
            assert answer.status != "not_in_force"
        if answer.status == "not_in_force":
            assert not answer.text_known and answer.text is None
        if answer.earliest and answer.latest:
            assert answer.earliest <= answer.latest
        for version in versions:
            for bound in (version.start, version.end):
                if bound is not None and bound.earliest and bound.latest:
                    assert bound.earliest <= bound.latest, (version.key, bound)


@lru_cache(maxsize=1)
def parsed_seeds() -> tuple[ParsedDocument, ...]:
    return tuple(parse_text(text, "seed.txt") for text in seed_texts())


@SETTINGS
@given(st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31)).map(dt.date.isoformat))
@example("2018-01-01")
@example("2017-12-31")
def test_answers_on_the_seeds_are_one_of_three(on):
    for document in parsed_seeds():
        check_answers(document, on)


@FEW
@given(seed_like_text(), st.dates(dt.date(2000, 1, 1), dt.date(2035, 12, 31)).map(dt.date.isoformat))
def test_answers_on_seed_fragments_are_one_of_three(text, on):
    check_answers(parse_text(text, "fragment.txt"), on)


def test_the_encodings_tested_are_known_to_python():
    for encoding in ENCODINGS:
        codecs.lookup(encoding)
