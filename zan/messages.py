"""Every word the site and the `zan` command show a reader, in Kazakh and in Russian.

Each language holds its own column of the catalogue and its words (``Words`` of
`parser.languages`: `MESSAGES`, kinds, units, parts, problems) and its grammar of names;
this module asks it for them and holds no word of its own. `MESSAGES` and the other
tables here are views of every language's words by key. The functions below
build what depends on data — a unit's name as a lawyer says it (`unit_name`), an act named
by its kind, number and date (`act_name`), the explanation of a date (`commencement_text`,
`window_text`) — from the structured columns of the database, at display time, in the
reader's language. JSON keeps ISO dates and the stable codes; only pages and the CLI's
human output go through here.

`parse_lang` is the one place where a requested language is read and checked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from parser.dates import to_display
from parser.languages import LANGUAGES as TEXT_LANGUAGES
from parser.languages import get_language

__all__ = ["to_display"]  # re-exported: the CLI writes dates as the pages do

LANGUAGES = tuple(TEXT_LANGUAGES)
DEFAULT_LANGUAGE = "kk"

#: The name of each language in itself, for the switch on every page.
LANGUAGE_NAMES = {code: language.NAME for code, language in TEXT_LANGUAGES.items()}


class UnknownLanguage(ValueError):
    """A ``lang`` that is neither ``kk`` nor ``ru``."""


class _ByLanguage(Mapping[str, tuple[str, ...]]):
    """One table of the languages' display words (`Language.MESSAGES`, `KIND_WORDS`, …)
    seen across the languages: key -> its words in each registered language, in order
    (``MESSAGES["home"] == ("Басты бет", "Главная")``). Its keys are the first
    language's; a test checks that every language has every key."""

    def __init__(self, table: str) -> None:
        self.table = table

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return tuple(getattr(language, self.table)[key] for language in TEXT_LANGUAGES.values())

    def __iter__(self) -> Iterator[str]:
        return iter(getattr(next(iter(TEXT_LANGUAGES.values())), self.table))

    def __len__(self) -> int:
        return len(getattr(next(iter(TEXT_LANGUAGES.values())), self.table))


#: key -> its template in each language. Values are `str.format` templates.
MESSAGES = _ByLanguage("MESSAGES")
#: Kind code -> its word in each language, nominative, lower case.
KIND_WORDS = _ByLanguage("KIND_WORDS")
#: Amendment action code -> its words in each language.
ACTION_WORDS = _ByLanguage("ACTION_WORDS")
#: Instruction operation code -> its words in each language.
OPERATION_WORDS = _ByLanguage("OPERATION_WORDS")
#: Whole-act part key -> its name in each language.
PART_WORDS = _ByLanguage("PART_WORDS")
#: Problem kind code -> its words in each language.
PROBLEM_KINDS = _ByLanguage("PROBLEM_KINDS")


def parse_lang(value: str | None) -> str:
    """The reader's language from a ``lang`` argument: ``kk`` (the default, also for an
    empty value) or ``ru``; `UnknownLanguage` for anything else."""
    if value is None or not value.strip():
        return DEFAULT_LANGUAGE
    lang = value.strip().lower()
    if lang not in LANGUAGES:
        raise UnknownLanguage(t("error_lang", DEFAULT_LANGUAGE, value=value))
    return lang


def t(key: str, lang: str, **values: object) -> str:
    """The message `key` in `lang`, its ``{placeholders}`` filled from `values`."""
    template = get_language(lang).MESSAGES[key]
    return template.format(**values) if values else template


def build_summary_line(summary, lang: str) -> str:
    """What `zan build` did, on one line in `lang`: the database's counts, what was parsed,
    and for a corpus of git repositories the commits read, those new since the last build,
    and why the build was a full one. `summary` is `db.load.BuildSummary` (numbers and a
    reason's code: the words are here)."""
    line = t(
        "build_counts", lang, documents=summary.documents, acts=summary.acts, provisions=summary.provisions,
        notes=summary.notes, amendments=summary.amendments, problems=summary.problems, parsed=summary.parsed, reused=summary.reused,
    )
    if summary.repositories:
        line += "; " + t("build_repositories", lang, repositories=len(summary.repositories), commits=summary.commits)
        if summary.new_commits is not None:
            new = "build_new_reparsed" if summary.reparsed else "build_new_touched"
            line += " (" + t(new, lang, commits=summary.new_commits, acts=summary.new_acts) + ")"
        if summary.full_build:
            reason = t(f"build_reason_{summary.full_build}", lang, detail=summary.full_build_detail)
            line += "; " + t("build_full", lang, reason=reason)
    return line


def status_reason(act: dict, lang: str) -> str:
    """On what an act's status (``acts.status``) rests: its stored basis
    (``status_basis_rule``, ``status_basis_data``, decided by `parser.document.decide_status`), in words."""
    return basis_text(act.get("status_basis_rule"), act.get("status_basis_data"), lang)


def status_word(status: str | None, lang: str) -> str:
    """A status code (an act's, or a point-in-time answer's) in words."""
    key = f"status_{status}"
    return t(key, lang) if key in MESSAGES else t("unknown", lang)


# --- Kinds of act and actions ----------------------------------------------------


def kind_word(kind: str | None, lang: str) -> str:
    """An act's kind code as a word (``order`` -> ``бұйрық`` / ``приказ``)."""
    language = get_language(lang)
    return language.KIND_WORDS.get(kind or "", language.ACT_WORD)


def action_word(action: str | None, lang: str) -> str:
    words = get_language(lang).ACTION_WORDS
    return words.get(action or "other", words["other"])


def pending_what_text(what: str, lang: str) -> str:
    """What a pending item (`db.changes.pending`) is: a change a note announces said by its
    action (``pending_repealed`` -> the words of ``repealed``), any other by its message."""
    if what.startswith("pending_"):
        return action_word(what.removeprefix("pending_"), lang)
    return t(f"pending_what_{what}", lang)


def operation_word(operation: str | None, lang: str) -> str:
    language = get_language(lang)
    return language.OPERATION_WORDS.get(operation or "", language.ACTION_WORDS["other"])


def source_word(source: str, lang: str) -> str:
    """Where a fact about an amending act's change comes from: ``note``, ``version``,
    ``instruction`` (`db.queries.act_amendments`); an unknown code as it is."""
    key = f"did_source_{source}"
    return t(key, lang) if key in MESSAGES else source


def version_change_word(change: str | None, lang: str) -> str:
    """A unit's change between two versions (``added``, ``removed``, ``reworded``) in words."""
    key = f"change_{change}"
    return t(key, lang) if key in MESSAGES else get_language(lang).ACTION_WORDS["other"]


def disagreement_text(rule: str, data: dict, lang: str) -> str:
    """Two sources of what an amending act did that differ (`db.queries.act_amendments`),
    in words: a unit one names and another does not, or a unit they date differently."""
    unit = unit_name(data["unit"], lang)
    if rule == "unit_named_by_some_sources":
        named = ", ".join(source_word(source, lang) for source in data["named_by"])
        silent = ", ".join(source_word(source, lang) for source in data["not_named_by"])
        return t("did_unit_named_by_some_sources", lang, unit=unit, named=named, silent=silent)
    dates = "; ".join(
        f"{source_word(source, lang)}: {', '.join(_span_display(day) for day in days) or t('unknown', lang)}" for source, days in data["dates"].items()
    )
    return t("did_sources_date_unit_differently", lang, unit=unit, dates=dates)


def _span_display(span: str) -> str:
    return "…".join(to_display(day) for day in span.split("…"))


def act_name(kind: str | None, number: str | None, date: str | None, lang: str) -> str:
    """An act as a lawyer names it: ``09.12.2010 № 954 бұйрық`` / ``приказ от 09.12.2010 № 954``."""
    return get_language(lang).name_act(kind_word(kind, lang), number, to_display(date))


# --- Units named as a lawyer names them -------------------------------------------


_SEGMENT = re.compile(r"^(?P<prefix>[a-z]+)(?P<number>\d[\d-]*)?(?:~.*)?$")

#: Units whose number is the build's own count, not a number printed in the act: named
#: by their word alone (the editorial remarks, the notes printed apart from any unit).
UNNUMBERED_UNITS = ("ed", "note")

#: The beginning of a part file of a split act (``part_file-ch015``): named by the unit it begins with.
_PART_FILE = re.compile(r"^part_file-(?P<prefix>[a-z]+)0*(?P<number>\d[\d-]*)$")


@lru_cache(maxsize=65536)
def unit_name(key: str, lang: str) -> str:
    """A provision key as a lawyer names the unit: ``doc/p29/sp24`` ->
    ``29-тармақтың 24) тармақшасы`` / ``подпункт 24) пункта 29``; ``doc/app3/p7`` ->
    ``3-қосымшаның 7-тармағы`` / ``пункт 7 приложения 3``. The chain of units is read
    here; the language puts it into words (`Language.name_unit`)."""
    language = get_language(lang)
    parts: list[tuple[str, str]] = []
    segments = [segment for segment in key.split("/") if segment not in LANGUAGES]  # ``ru/art2``: a text's rows, not a unit
    for segment in segments:
        part_file = _PART_FILE.match(segment)
        if part_file:
            return t("part_file_name", lang, unit=unit_name(f"{part_file['prefix']}{part_file['number']}", lang))
        match = _SEGMENT.match(segment)
        prefix = match.group("prefix") if match else segment
        if prefix in language.UNIT_WORDS:
            number = match.group("number") if match and prefix not in UNNUMBERED_UNITS else None
            parts.append((prefix, _label(prefix, number)))
        elif prefix == "doc" and len(segments) > 1:
            continue
        elif prefix in language.PART_WORDS:
            return language.PART_WORDS[prefix]
        elif segment.startswith("part_file") and "part_file" in language.PART_WORDS:
            return language.PART_WORDS["part_file"]
        else:  # a key no rule names: never the key itself
            return language.PART_WORDS.get("other", key)
    if not parts:
        return language.PART_WORDS.get("other", key)
    return language.name_unit(parts)


def _label(prefix: str, number: str | None) -> str:
    """A unit's number as printed: a subparagraph's with its bracket (``24)``)."""
    if number is None:
        return ""
    return f"{number})" if prefix == "sp" else number


# --- Dates and their reasons ---------------------------------------------------------


def window_text(earliest: str | None, latest: str | None, lang: str) -> str:
    """A day, or a window between two days (an open end said in words)."""
    if earliest and earliest == latest:
        return to_display(earliest)
    if earliest and latest:
        return t("window_between", lang, earliest=to_display(earliest), latest=to_display(latest))
    if earliest:
        return t("window_open", lang, earliest=to_display(earliest))
    if latest:
        return t("window", lang, earliest="?", latest=to_display(latest))
    return t("unknown", lang)


def effective_text(row: dict, lang: str) -> str:
    """When a row of `db.schema.commencement_values` (an act, an amendment, a version)
    took effect: its day, its window, or not known."""
    status = row.get("date_status")
    if status == "exact" and row.get("effective_from"):
        return to_display(row["effective_from"])
    if status == "bounded":
        return window_text(row.get("effective_from_earliest"), row.get("effective_from_latest"), lang)
    return t("unknown", lang)


def commencement_text(row: dict, lang: str, floor: str | None = None, floor_is_registration: bool = False, with_window: bool = True) -> str:
    """Why a row took effect when it did, from its rule, its offset, its window and the
    day publication cannot precede (`floor`): one sentence in `lang`, ending with the
    day or window itself unless `with_window` is False (shown beside it already)."""
    rule = row.get("commencement_rule") or "unknown"
    if rule == "publication":
        months, days = row.get("commencement_offset_months"), row.get("commencement_offset_days")
        if months:
            text = t("rule_publication_months", lang, months=months)
        elif days:
            text = t("rule_publication_days", lang, days=days)
        else:
            text = t("rule_publication_0", lang)
        if row.get("date_status") != "exact" and floor:
            floor_word = t("floor_registration" if floor_is_registration else "floor_adoption", lang)
            text += "; " + t("publication_unknown", lang, floor_word=floor_word, floor=to_display(floor))
    elif rule == "fixed_date":
        day = to_display(row.get("commencement_fixed_date") or row.get("effective_from"))
        text = t("rule_fixed_date", lang, date=day or "?")
        if day and effective_text(row, lang) == day:
            return text  # the sentence names its day: said once, not "from 01.07.2023: 01.07.2023"
    elif rule in ("signing", "see_act"):
        text = t(f"rule_{rule}", lang)
    else:
        text = t("rule_unknown", lang)
    return f"{text}: {effective_text(row, lang)}" if with_window else text


def act_commencement_text(act: dict, lang: str, with_window: bool = True) -> str:
    """`commencement_text` for an act row: publication cannot precede its registration
    (or, unregistered, its adoption)."""
    floor = act.get("registered_on") or act.get("adopted_on")
    return commencement_text(act, lang, floor, bool(act.get("registered_on")), with_window)


def amendment_commencement_text(amendment: dict, lang: str) -> str:
    """`commencement_text` for an amendment row: publication cannot precede the amending act's adoption."""
    return commencement_text(amendment, lang, amendment.get("amending_act_date"))


def held_as_at_text(held: dict, date: str, lang: str) -> str:
    """Why the units of an as-of answer after its newest text's day are not proven
    (`db.queries` ``held_as_at``): one sentence, the same on the page and in the CLI."""
    return t("held_as_at", lang, as_at=to_display(held["as_at"]), units=held["units"], date=to_display(date))


def uncertain_change_text(change: dict, date: str, lang: str) -> str:
    """A change whose open window leaves units of an as-of answer unproven (`db.queries`
    ``uncertain_changes``): the amending act, what it did, how many units, its window."""
    name = act_name(change["amending_act_kind"], change["amending_act_number"], change["amending_act_date"], lang)
    return t("uncertain_change", lang, act=name, action=action_word(change["action"], lang), units=change["units"], window=effective_text(change, lang), date=to_display(date))


# --- The basis of a date or a wording --------------------------------------------------


@dataclass(frozen=True)
class _Said:
    """A basis taken apart for saying it: its dates and facts, its parts already said, the
    values a message fills in, and the reader's language."""

    rule: str
    dates: dict
    facts: dict
    parts: list[str]
    values: dict
    lang: str
    raw_parts: tuple = ()  # the parts as data, for a sayer that says them its own way


def basis_text(rule: str | None, data: dict | str | None, lang: str) -> str:
    """A basis stored as data (`parser.basis.Basis`: a rule code and its JSON data, the
    ``*_basis_rule`` / ``*_basis_data`` columns) as one sentence in `lang`: the one place
    where the explanation of a date, a wording or a status is put into words, for the CLI,
    the pages, the JSON answers and (as the SQL function ``zan_basis``) Datasette. A rule
    with a sentence of its own is said by its entry in `_SAYERS`; any other by its
    ``basis_{rule}`` message."""
    if rule is None:
        return ""
    if isinstance(data, str):
        data = json.loads(data)
    data = data or {}
    dates, facts = data.get("dates") or {}, data.get("facts") or {}
    said = [basis_text(part.get("rule"), part, lang) for part in data.get("parts") or []]
    values: dict[str, object] = {name: to_display(value) for name, value in dates.items()}
    values.update(facts)
    act = data.get("act")  # [kind, number, date]
    if act is not None:
        values["act"] = act_name(*act, lang) if any(act) else t("act_not_named", lang)
    basis = _Said(rule, dates, facts, said, values, lang, tuple(data.get("parts") or ()))
    sayer = _SAYERS.get(rule)
    return sayer(basis) if sayer else _by_message(basis, "version_wording_since" if rule == "version_wording" and act is not None else rule)


def _by_message(basis: _Said, rule: str) -> str:
    key = f"basis_{rule}"
    if key not in MESSAGES:
        return t("basis_unknown", basis.lang, rule=rule)
    values = dict(basis.values)
    values.setdefault("window", window_text(basis.dates.get("earliest"), basis.dates.get("latest"), basis.lang))
    values.setdefault("why", "; ".join(basis.parts))
    values.setdefault("when", "; ".join(basis.parts) or t("unknown", basis.lang))
    for name in ("text", "target", "line", "act", "version", "older", "newer", "as_at", "until"):
        values.setdefault(name, "?")
    return t(key, basis.lang, **values)


def _with_parts(basis: _Said) -> str:
    """The rule's own sentence, then what its parts say."""
    return "; ".join([_by_message(basis, basis.rule), *basis.parts])


def _period_text(facts: dict, lang: str) -> str:
    """A commencement clause's period after its anchor (signing or publication) in words."""
    anchor = "signing" if facts.get("anchor") == "signing" else "publication"
    if facts.get("months"):
        return t(f"rule_{anchor}_months", lang, months=facts["months"])
    if facts.get("days"):
        return t(f"rule_{anchor}_{'working_days' if facts.get('working') else 'days'}", lang, days=facts["days"])
    return t("rule_signing" if anchor == "signing" else "rule_publication_0", lang)


def _derived(basis: _Said) -> str:
    """How a day or window was derived from a clause's period: the period, then the rule's sentence."""
    return f"{_period_text(basis.facts, basis.lang)}; " + _by_message(basis, basis.rule)


def _derived_publication_not_held(basis: _Said) -> str:
    lang, facts = basis.lang, basis.facts
    floor_word = t("floor_registration" if facts.get("floor") == "registration" else "floor_adoption", lang)
    if facts.get("deadline_days"):
        latest = t("latest_by_deadline", lang, days=facts["deadline_days"], registered=to_display(basis.dates.get("registered")))
    else:
        latest = t("latest_working_days" if facts.get("working") else "latest_no_deadline", lang)
    return f"{_period_text(facts, lang)}; " + t("publication_unknown", lang, floor_word=floor_word, floor=to_display(basis.dates.get("floor"))) + f"; {latest}"


def _derived_from_publication(basis: _Said) -> str:
    source = basis.facts.get("source") or "publications.csv"
    return f"{_period_text(basis.facts, basis.lang)}; " + t("basis_derived_from_publication", basis.lang, published=basis.values.get("published"), source=source)


def _texts_disagree(basis: _Said) -> str:
    lang = basis.lang
    windows = basis.facts.get("windows") or {}
    said = "; ".join(f"{_text_name(code, lang, code)}: {window_text(*window, lang)}" for code, window in windows.items())
    return t("basis_derived_texts_disagree", lang, said=said)


def _meta_state(basis: _Said, rule: str) -> str:
    meta = t(f"meta_{basis.facts.get('meta', 'none')}", basis.lang)
    return _by_message(replace(basis, values={**basis.values, "meta_said": meta}), rule)


def _clause_alone(basis: _Said) -> str:
    """The commencement clause an `in_force_as_at` basis rests on, without the window the
    clause alone gives (the official text has closed it: saying both would be two answers)."""
    (part,) = basis.raw_parts or ({},)
    if part.get("rule") != "commencement":
        return "; ".join(basis.parts)
    dates, facts = part.get("dates") or {}, part.get("facts") or {}
    row = _commencement_row(dates, facts)
    return commencement_text(row, basis.lang, dates.get("floor"), facts.get("floor") == "registration", with_window=False)


def _text_name(code: str | None, lang: str, unknown: str) -> str:
    """A language text named in `lang` ("қазақша", "на русском языке"); `unknown` for a code the catalogue does not name."""
    key = f"text_name_{code}"
    return t(key, lang) if key in MESSAGES else unknown


def _repeal_in_other_text(basis: _Said) -> str:
    code = basis.facts.get("language")
    language = _text_name(code, basis.lang, "?")
    return _by_message(replace(basis, values={**basis.values, "language": language}), basis.rule)


#: The rules said by a function of their own (the others: their ``basis_{rule}`` message).
_SAYERS: dict[str, Callable[[_Said], str]] = {
    "and": lambda basis: "; ".join(basis.parts),
    "but": lambda basis: t("basis_but", basis.lang, first=basis.parts[0], second="; ".join(basis.parts[1:])),
    "commencement": lambda basis: _commencement_basis(basis.dates, basis.facts, basis.lang),
    "changed_by": lambda basis: t(
        "basis_changed_by", basis.lang, act=basis.values["act"], action=action_word(basis.facts.get("action"), basis.lang), when="; ".join(basis.parts)
    ),
    "repealed_in_text": lambda basis: _by_message(replace(basis, values={**basis.values, "unit": unit_name(basis.facts.get("unit") or "", basis.lang)}), "repealed_in_text"),
    "repeal_names_successor": lambda basis: _by_message(
        replace(basis, values={**basis.values, "why": t(f"successor_why_{basis.facts.get('why')}", basis.lang)}), "repeal_names_successor"
    ),
    "in_force_since": lambda basis: _in_force_text(basis.dates, bool(basis.facts.get("ends")), basis.lang),
    "repeal_in_other_text": _repeal_in_other_text,
    "in_force_as_at": lambda basis: _by_message(replace(basis, values={**basis.values, "why": _clause_alone(basis)}), "in_force_as_at"),
    "status_not_known": _with_parts,
    "derived_from_signing": _derived,
    "derived_beyond_calendar": _derived,
    "derived_undated": _derived,
    "derived_from_publication": _derived_from_publication,
    "derived_publication_not_held": _derived_publication_not_held,
    "derived_texts_disagree": _texts_disagree,
    "version_date_unknown": lambda basis: _meta_state(basis, "version_date_unknown"),
    "version_date_by_note": lambda basis: _meta_state(basis, "version_date_by_note"),
}


def _in_force_text(dates: dict, ends: bool, lang: str) -> str:
    """An `in_force_since` basis: since the day it took effect, or within the window it
    did (in force means its start has provably passed: the latest day is known), and until
    its end when one is recorded."""
    since, since_latest = dates.get("since"), dates.get("since_latest")
    if since and since == since_latest:
        text = t("in_force_since", lang, since=to_display(since))
    elif since:
        text = t("in_force_since_window", lang, earliest=to_display(since), latest=to_display(since_latest))
    else:
        text = t("in_force_since_by", lang, latest=to_display(since_latest))
    if not ends:
        return text
    until, until_latest = dates.get("until"), dates.get("until_latest")
    if until and until == until_latest:
        return f"{text}, " + t("in_force_until", lang, until=to_display(until))
    return f"{text}; " + t("in_force_until_window", lang, window=window_text(until, until_latest, lang))


def _commencement_basis(dates: dict, facts: dict, lang: str) -> str:
    """A `commencement` basis: the clause's rule and the day or window derived."""
    return commencement_text(_commencement_row(dates, facts), lang, dates.get("floor"), facts.get("floor") == "registration")


def _commencement_row(dates: dict, facts: dict) -> dict:
    """A `commencement` basis's data as the commencement columns of a row."""
    return {
        "commencement_rule": facts.get("rule"),
        "commencement_offset_days": facts.get("days"),
        "commencement_offset_months": facts.get("months"),
        "commencement_fixed_date": dates.get("fixed"),
        "date_status": "exact" if dates.get("exact") else "bounded" if dates.get("earliest") or dates.get("latest") else "unknown",
        "effective_from": dates.get("exact"),
        "effective_from_earliest": dates.get("earliest"),
        "effective_from_latest": dates.get("latest"),
    }


# --- Problems of a build ---------------------------------------------------------------


def problem_kind_text(kind: str | None, lang: str) -> str:
    """A problem's kind in words (a kind the catalogue does not know: "another problem")."""
    language = get_language(lang)
    return language.PROBLEM_KINDS.get(kind or "", language.OTHER_PROBLEM)


def severity_word(severity: str | None, lang: str) -> str:
    key = f"severity_{severity}"
    return t(key, lang) if key in MESSAGES else t("unknown", lang)
