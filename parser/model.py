"""Plain data the parser produces: no SQLite, no Datasette, just dataclasses.

One `ParsedDocument` per source file. Every source line belongs to exactly one
`Provision` or `Note` (its ``raw`` text is the verbatim slice of the source), so
the document can always be rebuilt character for character from what we store.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .basis import Basis


#: Roles of "other" units that are the source's layout, not the act's words: the index
#: of a split act's part files and where each part begins, a horizontal rule, a table of
#: contents, a title printed twice. Search leaves them out.
LAYOUT_ROLES = ("part_file", "parts_index", "rule", "contents", "title_repeat")


@dataclass
class Problem:
    """Something the parser could not do, or doubts. Becomes a row in `problems`."""

    severity: str  # "error" | "warning" | "info"
    kind: str  # short machine name: "empty_file", "note_target_not_found", ...
    message: str  # one sentence a person can act on
    source_line: int | None = None


@dataclass
class Repair:
    """One change the parser made to the printed text, kept so it can be checked."""

    kind: str  # "letter_spacing", "moved_word", "split_heading", ...
    source_line: int
    before: str
    after: str


@dataclass
class Provision:
    """One structural unit, in document order.

    ``key`` is the unit's stable path inside the act (``doc/ch2/s1``, ``doc/p6/sp8``,
    ``doc/app3/p7``): built from the printed numbering, so it survives re-exports
    and is unique even where numbering restarts inside appendices.
    """

    key: str
    kind: str  # title, preamble, paragraph, subparagraph, indent, chapter, section, ...
    label: str | None  # as printed, without trailing punctuation: "1", "3-1", "8"
    heading: str | None  # for chapters, sections, appendices, the approved document
    text: str  # repaired text
    raw: str  # verbatim source lines (with their line ends)
    source_line: int  # 1-based first line
    source_line_end: int
    parent_key: str | None = None
    role: str | None = None  # for kind "other": requisites, status, qr, ministry, ...
    position: int = 0
    cells: list[str] | None = None  # for kind "row": the table cells, in order
    #: the unit as printed, when it is not plain law text in force: "excluded" (a placeholder
    #: kept for a deleted unit: "Статья 128 исключена …", "128-бап алып тасталды", an empty
    #: "26-бап." or a heading over only its deletion note), "deferred" (a placeholder whose
    #: text comes later: "3) вводится в действие по истечении шести месяцев …", a heading over
    #: only a commencement note), "suspending" (the act's own clause suspending other units,
    #: their temporary wording quoted after it: "Приостановить до 1 января 2025 года действие …")
    status: str | None = None
    #: the file the unit was printed in, when not the document's own (a part file of a split
    #: act: ``…/rus/ch015.md``); ``source_line`` counts lines in that file
    source_file: str | None = None


@dataclass
class CommencementException:
    """Units of an act (or of the code it enacts) that come into force on a date of their
    own: "за исключением пункта 2 статьи 122 , …, которые вводятся в действие с 1 января
    2008 года", "о наказании в виде ареста - с 1 января 2010 года"."""

    units_text: str  # the units as printed
    #: each unit named, as a chain of (kind, label), outermost first: [("article", "122"), ("paragraph", "2")]
    units: list[list[tuple[str, str | None]]] = field(default_factory=list)
    fixed_date: str | None = None  # ISO, when the clause gives a date
    text: str | None = None  # the clause verbatim
    source_key: str | None = None  # the provision that sets it, when another than the main clause
    #: the act's own units named, as provision keys (empty when the units are another act's:
    #: the code an enacting law puts into force)
    unit_keys: list[str] = field(default_factory=list)


@dataclass
class CommencementRule:
    """When an act (or an amendment) takes effect, as its text says."""

    rule: str  # signing | publication | fixed_date | see_act | unknown
    offset_days: int | None = None  # "күнтізбелік он күн өткен соң" -> 10
    offset_months: int | None = None
    fixed_date: str | None = None  # ISO date for rule fixed_date
    applies_until: str | None = None  # ISO date: the last day of a term the clause sets ("… дейін қолданылады")
    text: str | None = None  # the clause verbatim
    #: the period is counted in working days ("он жұмыс күні", "десяти рабочих дней"): without a
    #: calendar of holidays the day is a window, never exact
    offset_working_days: bool = False
    #: parts that come into force on other dates (a split commencement)
    exceptions: list[CommencementException] = field(default_factory=list)
    #: the provision of the act that sets this rule ("Статья 8. Порядок введения в действие …")
    source_key: str | None = None

    def terms(self) -> tuple:
        """What the clause says, its wording aside: ten days after publication in one
        language and twenty-one in the other are two different rules."""
        return (self.rule, self.offset_days, self.offset_months, self.fixed_date)


@dataclass
class EffectiveDate:
    """A derived date: exact, a window, or unknown — never a guess."""

    status: str  # exact | bounded | unknown
    exact: str | None = None
    earliest: str | None = None
    latest: str | None = None
    basis: Basis = field(default_factory=lambda: Basis("derived_not_yet"))  # how it was derived

    def window(self) -> tuple[str | None, str | None]:
        """The first and last day it allows (the last None: no end known)."""
        if self.status == "exact":
            return self.exact, self.exact
        return self.earliest, self.latest


@dataclass
class ActReference:
    """An act named in a note, the header or an instruction."""

    kind: str | None = None  # order, resolution, law, ...
    kind_text: str | None = None  # as printed: "Бұйрығымен"
    issuer: str | None = None
    issuer_acting: bool = False
    date: str | None = None  # ISO
    number: str | None = None


@dataclass
class Amendment:
    """One amending act in a note (a note can list several)."""

    action: str  # new_wording, amended, inserted, deleted, repealed, replaced_words, other
    act: ActReference
    commencement: CommencementRule | None
    parse_status: str  # ok | incomplete | unparsed
    text: str  # the part of the note this row was read from
    #: derived once the whole document (and the publication dates) are known
    effective: EffectiveDate = field(default_factory=lambda: EffectiveDate("unknown", basis=Basis("derived_not_yet")))


@dataclass
class Note:
    """An `Ескерту.` note, verbatim, attached to the unit it names."""

    ordinal: int
    text: str
    raw: str
    source_line: int
    source_line_end: int
    target_text: str | None  # the unit as the note names it: "1-тармаққа", "Ереженің атауына"
    target_key: str | None  # resolved provision key; None = the act as a whole or not found
    target_status: str  # unit | act | not_found | unrecognized
    printed_after_key: str | None  # the unit the note is printed after
    target_part: str = "whole"  # whole | heading
    amendments: list[Amendment] = field(default_factory=list)
    #: as for `Provision.source_file`: the part file of a split act the note is printed in
    source_file: str | None = None


@dataclass
class Act:
    id: str
    id_basis: str
    title: str | None = None
    kind: str | None = None
    kind_text: str | None = None
    issuer: str | None = None
    issuer_acting: bool = False
    adopted_on: str | None = None
    number: str | None = None
    registered_on: str | None = None
    registration_number: str | None = None
    status: str = "unknown"  # in_force | repealed | unknown
    status_basis: Basis | None = None  # why `status` is what it is (decided by `parser.document`)
    status_text: str | None = None  # the status line as printed
    header_text: str | None = None  # the requisites sentence, repaired
    repeal_text: str | None = None
    language: str | None = None
    layout: str | None = None  # the source format's name: adilet_text, zqai_text, zan_markdown
    commencement: CommencementRule | None = None
    effective: EffectiveDate | None = None


@dataclass
class VersionInfo:
    """Which version of its act a source holds. The official bank keeps one text per
    amending act; its version date is usually that act's *adoption*, so when the text
    took effect comes from the amending act's commencement clause (TEMPORAL.md)."""

    version_date: str | None  # the bank's date of the version
    version_date_basis: Basis  # how the version date was read
    caused_by: ActReference | None = None  # the amending act that produced the version
    caused_by_text: str | None = None  # its requisites as the source gives them
    caused_by_code: str | None = None  # the bank's document id of the amending act
    caused_by_registered_on: str | None = None  # its registration (bounds its publication)
    act_code: str | None = None  # the bank's document id of the act
    source_url: str | None = None
    title_ru: str | None = None
    meta_path: str | None = None
    meta_text: str | None = None  # the sidecar meta file, verbatim
    #: when the version's wording took effect (from the causing amendment's note)
    effective: EffectiveDate = field(default_factory=lambda: EffectiveDate("unknown", basis=Basis("derived_not_yet")))
    commencement: CommencementRule | None = None


@dataclass
class ParsedDocument:
    source_path: str
    act: Act | None
    provisions: list[Provision] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: amendments read from the header rather than from a note (a repeal printed only
    #: in the requisites sentence)
    header_amendments: list[Amendment] = field(default_factory=list)
    #: for an amending act: the act it amends (parser.instructions.AmendedAct) and its
    #: instructions (parser.instructions.Instruction)
    amended_act: Any = None
    instructions: list[Any] = field(default_factory=list)
    encoding: str | None = None
    sha256: str | None = None
    size: int = 0
    #: for a version from the official bank's Markdown: which version it is
    version: VersionInfo | None = None

    def units_in_print_order(self) -> list[Provision | Note]:
        """Provisions and notes as printed: by file (the document's own first, then a split
        act's part files in their order) and line."""
        rank: dict[str | None, int] = {None: 0}
        for unit in [*self.provisions, *self.notes]:
            rank.setdefault(unit.source_file, len(rank))
        return sorted([*self.provisions, *self.notes], key=lambda unit: (rank[unit.source_file], unit.source_line))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
