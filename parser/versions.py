"""Which version of its act a source is, and from when its wording applied.

The official bank keeps one text per amending act. It dates each version, but that
date is usually the amending act's *adoption*, not the day its changes took effect
(TEMPORAL.md). The day they took effect is read where the law puts it: in the
commencement clause that the version's own note prints beside the amending act
(``… 2010.09.27 N 268 (ресми жариялаған күннен кейін он күнтізбелік күн өткен соң
қолданысқа енгізіледі) Бұйрығымен``), exact or as a window.
"""

from __future__ import annotations

from dataclasses import replace

from .align import Pair, comparable, is_placeholder
from .header import read_requisites
from .languages import RUSSIAN
from .references import normal_number
from .temporal import derive_effective
from .markdown import VersionMeta
from .model import Amendment, EffectiveDate, ParsedDocument, Problem, Provision, VersionInfo
from .basis import act_data
from .timeline import Basis, Bound, Timelines, Version, bound_from, build_timelines, known_dates


def read_version(document: ParsedDocument, meta: VersionMeta | None) -> VersionInfo:
    """The version's date and the amending act that produced it: from the bank's meta
    file, or, without one, from the newest amendment the text's notes record."""
    newest = newest_amendment(document)
    if meta is not None and meta.version_date and _meta_is_stale(meta, newest):
        # The text records a change the meta does not know of: the meta is an older
        # version's (a git commit that changed the text and kept the meta), so it dates
        # nothing here and the text's own notes do, as without a meta.
        document.problems.append(
            Problem(
                "warning",
                "version_meta_stale",
                f"the meta file's version date {meta.version_date} is older than the amending act of {newest.act.date} "
                f"№ {newest.act.number} the text's notes name: the meta is an earlier version's",
                1,
            )
        )
        return replace(
            _dated_by_note(document, newest, "the meta file is an earlier version's", "stale"),
            act_code=meta.act_code,
            source_url=meta.source_url,
            title_ru=meta.title_ru,
        )
    if meta is not None and meta.version_date:
        cause = read_requisites(meta.caused_by_requisite, RUSSIAN) if meta.caused_by_requisite else None
        return VersionInfo(
            version_date=meta.version_date,
            version_date_basis=Basis("version_date_meta"),
            caused_by=cause.act if cause else None,
            caused_by_registered_on=cause.registered_on if cause else None,
            caused_by_text=meta.caused_by_requisite,
            caused_by_code=meta.caused_by_code,
            act_code=meta.act_code,
            source_url=meta.source_url,
            title_ru=meta.title_ru,
        )
    missing = "no meta file" if meta is None else "the meta file gives no version date"
    meta_state = "none" if meta is None else "undated"
    if newest is None:
        document.problems.append(
            Problem("warning", "version_undated", f"{missing} and no amendment note: which version of the act this text is cannot be told", 1)
        )
        return VersionInfo(version_date=None, version_date_basis=Basis("version_date_unknown", facts={"meta": meta_state}))
    return _dated_by_note(document, newest, missing, meta_state)


def _dated_by_note(document: ParsedDocument, newest: Amendment, missing: str, meta_state: str) -> VersionInfo:
    """A version dated by the adoption of the newest amending act its notes name, as the
    meta file (`meta_state`: none, undated, stale) does not date it."""
    document.problems.append(
        Problem(
            "info",
            "version_dated_by_note",
            f"{missing}: the version is dated by its newest note, the amending act of {newest.act.date} № {newest.act.number}",
            1,
        )
    )
    return VersionInfo(
        version_date=newest.act.date,
        version_date_basis=Basis("version_date_by_note", act=act_data(newest.act.kind, newest.act.number, newest.act.date), facts={"meta": meta_state}),
        caused_by=newest.act,
        caused_by_text=newest.text,
    )


def _meta_is_stale(meta: VersionMeta, newest: Amendment | None) -> bool:
    """Whether the text's newest note names an amending act after the meta's version
    date and other than the meta's cause. (The bank's version date may differ from the
    causing act's date by a day: 11034's version of 26.05.2004 is caused by order № 153
    of 27.05.2004, so the number decides, not the date alone.)"""
    if newest is None or not newest.act.date or newest.act.date <= meta.version_date:
        return False
    cause = read_requisites(meta.caused_by_requisite, RUSSIAN).act if meta.caused_by_requisite else None
    if cause is not None and cause.number and newest.act.number:
        return normal_number(cause.number) != normal_number(newest.act.number)
    return cause is None


def newest_amendment(document: ParsedDocument) -> Amendment | None:
    """The amendment with the latest amending-act date among the text's notes."""
    dated = [a for note in document.notes for a in note.amendments if a.act.date]
    return max(dated, key=lambda a: a.act.date, default=None)


def derive_version_effective(document: ParsedDocument) -> None:
    """When the version's wording took effect: the act's own entry into force for the
    original text; otherwise the commencement of the note naming the causing act."""
    version, act = document.version, document.act
    if version is None or act is None:
        return
    if version.caused_by is None:
        version.effective = act.effective or EffectiveDate("unknown", basis=Basis("derived_no_clause"))
        version.commencement = act.commencement
        return
    cause = version.caused_by
    amendment = next(iter(_amendments_by(document, cause.date, cause.number)), None)
    if amendment is None:
        version.effective = EffectiveDate("unknown", basis=Basis("derived_cause_not_noted", act=act_data(cause.kind, cause.number, cause.date)))
        message = f"no note of this version names the amending act of {cause.date} № {cause.number}, so its commencement is not known"
        document.problems.append(Problem("warning", "version_cause_not_in_notes", message, 1))
        return
    version.commencement = amendment.commencement
    effective = amendment.effective
    if effective.status != "exact" and version.caused_by_registered_on and amendment.commencement is not None:
        # the meta file gives the amending act's registration, which bounds its
        # publication: every note naming that act gets the narrower dates
        effective = derive_effective(amendment.commencement, cause.date, version.caused_by_registered_on)
        for same in _amendments_by(document, cause.date, cause.number):
            if same.commencement == amendment.commencement:
                same.effective = effective
    cause_act = act_data(cause.kind, cause.number, cause.date)
    if amendment.commencement is None:
        basis = Basis("derived_cause_no_clause", act=cause_act)
    else:  # the clause of the amending act, as this version's note prints it
        basis = Basis("derived_by_cause", act=cause_act, parts=(effective.basis,))
    version.effective = EffectiveDate(effective.status, effective.exact, effective.earliest, effective.latest, basis)


def _amendments_by(document: ParsedDocument, date: str | None, number: str | None) -> list[Amendment]:
    """The amendments naming the act of `date` and `number`: in the notes, then in the
    requisites (a version the repealing act caused: 33276, whose repeal the bank's meta
    and an editorial remark date)."""
    amendments = [a for note in document.notes for a in note.amendments] + document.header_amendments
    return [a for a in amendments if same_act(a.act.date, a.act.number, date, number)]


def same_act(date: str | None, number: str | None, other_date: str | None, other_number: str | None) -> bool:
    """Two references name one act when date and number agree (numbers compared
    without spaces and case: ``ҚР ДСМ-37`` = ``ҚР ДСМ-37``)."""
    if not (date and number and other_date and other_number):
        return False
    return date == other_date and normal_number(number) == normal_number(other_number)


# --- Several versions of one act -------------------------------------------------------


def version_bound(document: ParsedDocument) -> Bound:
    """When a version's wording took effect, as a bound (a window when the clause gives one)."""
    version, act = document.version, document.act
    assert version is not None and act is not None
    floor = version.caused_by.date if version.caused_by else act.adopted_on
    bound = bound_from(version.effective, floor, version.commencement)
    return Bound(bound.earliest, bound.latest, Basis("version_took_effect", dates=known_dates(version=version.version_date), parts=(bound.basis,)))


def between(earlier: Bound, later: Bound, old_date: str | None, new_date: str | None) -> Bound:
    """A change that lies somewhere between two versions, when no note dates it."""
    dates = known_dates(older=old_date, newer=new_date, earliest=earlier.earliest, latest=later.latest)
    return Bound(earlier.earliest, later.latest, Basis("between_versions", dates=dates))


def identity_maps(documents: list[ParsedDocument], alignments: list[list[Pair]]) -> list[dict[str, str]]:
    """For each version (oldest first), its unit keys -> the unit's identity: the key it
    has in the newest version, or, for a unit removed on the way, the key it last had
    (made unique with ``~removed…`` if a newer unit took that key)."""
    newest = documents[-1]
    maps: list[dict[str, str]] = [{} for _ in documents]
    maps[-1] = {p.key: p.key for p in newest.provisions}
    used = set(maps[-1].values())
    for k in range(len(documents) - 2, -1, -1):
        for pair in alignments[k]:
            if pair.old is None:
                continue
            if pair.new is not None:
                maps[k][pair.old.key] = maps[k + 1][pair.new.key]
                continue
            identity = pair.old.key
            if identity in used:
                identity = f"{pair.old.key}~removed{documents[k + 1].version.version_date if documents[k + 1].version else k + 1}"
            used.add(identity)
            maps[k][pair.old.key] = identity
    return maps


def merged_timelines(documents: list[ParsedDocument], maps: list[dict[str, str]]) -> Timelines:
    """The newest version's timelines, each unit's merged across the versions: the
    oldest version's notes say what applied before it; between versions the wording is
    known exactly, changing at the dates the newer version's notes give, or within the
    window between the versions."""
    timelines = [build_timelines(d, on_demand=True) for d in documents]  # a unit's, when read below
    bounds = [version_bound(d) for d in documents]
    texts = [_units_by_identity(d, maps[k]) for k, d in enumerate(documents)]
    identities = dict.fromkeys(identity for m in reversed(maps) for identity in m.values())
    newest = timelines[-1]
    newest.versions = {identity: _merge_unit(identity, documents, timelines, bounds, texts, maps) for identity in identities}
    return newest


def _covering_keys(
    before: Provision, now: Provision | None, older_document: ParsedDocument, older_map: dict[str, str], newer_map: dict[str, str]
) -> tuple[str, str | None]:
    """Whose notes date the change: the unit's own in both versions, or, for a unit gone
    from the newer one, its nearest container still there (``Қосымша жаңа редакцияда``)."""
    if now is not None:
        return before.key, now.key
    newer_keys = {identity: key for key, identity in newer_map.items()}
    parents = {p.key: p.parent_key for p in older_document.provisions}
    ancestor = parents.get(before.key)
    while ancestor is not None and older_map.get(ancestor) not in newer_keys:
        ancestor = parents.get(ancestor)
    if ancestor is None:
        return before.key, None
    return ancestor, newer_keys[older_map[ancestor]]


def _units_by_identity(document: ParsedDocument, identity_of: dict[str, str]) -> dict[str, Provision]:
    """A version's units by identity; units a later rendering joined into one are read
    as one text (``… Нұсқаулық`` + ``1. Жалпы ережелер``)."""
    units: dict[str, Provision] = {}
    for provision in document.provisions:
        identity = identity_of[provision.key]
        if identity in units:
            units[identity] = replace(units[identity], text=f"{units[identity].text} {provision.text}")
        else:
            units[identity] = provision
    return units


def _merge_unit(
    identity: str,
    documents: list[ParsedDocument],
    timelines: list[Timelines],
    bounds: list[Bound],
    texts: list[dict[str, Provision]],
    maps: list[dict[str, str]],
) -> list[Version]:
    """One unit's timeline across the versions (see `merged_timelines`)."""
    present = [k for k in range(len(documents)) if identity in texts[k] and not is_placeholder(texts[k][identity])]
    if not present:
        unit = next(texts[k][identity] for k in range(len(documents)) if identity in texts[k])
        return [Version(identity, bounds[0], None, True, unit.text, Basis("placeholder_in_every_version"))]
    first = present[0]
    unit = texts[first][identity]
    # A version's refs name notes of the document its timeline was built from; the rows
    # name the newest document's notes, so they are kept only for a unit first held there.
    newest = first == len(documents) - 1
    versions = [replace(v, key=identity) if newest else _without_refs(identity, v) for v in timelines[first].versions[unit.key]]
    if first < len(documents) - 1:  # "current wording" meant that version's, not today's
        versions = [replace(v, basis=_older_wording(documents[first], v.basis)) if v.text_known else v for v in versions]
    if first > 0 and versions[0].start is timelines[first].act_start:
        versions[0] = replace(versions[0], start=between(bounds[first - 1], bounds[first], _date(documents[first - 1]), _date(documents[first])))
    for k in range(first + 1, len(documents)):
        before = texts[k - 1].get(identity)
        now = texts[k].get(identity)
        before_text = None if before is None or is_placeholder(before) else comparable(before)
        now_text = None if now is None or is_placeholder(now) else comparable(now)
        if before_text == now_text:
            continue
        if before_text is None:  # back after a removal: a new life from this version
            versions.append(Version(identity, between(bounds[k - 1], bounds[k], _date(documents[k - 1]), _date(documents[k])), None, True, now.text, _wording(documents[k])))
            continue
        older, newer = _covering_keys(before, now, documents[k - 1], maps[k - 1], maps[k])
        recorded = _new_changes(timelines[k - 1].versions.get(older, []), timelines[k].versions.get(newer, []) if newer else [], documents[k - 1], documents[k])
        change = recorded[0] if recorded else between(bounds[k - 1], bounds[k], _date(documents[k - 1]), _date(documents[k]))
        versions[-1] = replace(versions[-1], end=change, ended_by=None)
        if now_text is None:
            continue
        if len(recorded) > 1:
            versions.append(Version(identity, recorded[0], recorded[-1], False, None, Basis("changed_again", dates=recorded[-1].window())))
        start = recorded[-1] if recorded else change
        versions.append(Version(identity, start, None, True, now.text, _wording(documents[k])))
    last = present[-1]
    if last == len(documents) - 1 and versions[-1].end is None:
        latest = timelines[last].versions[texts[last][identity].key][-1]
        versions[-1] = replace(versions[-1], end=latest.end)
    return versions


def _older_wording(document: ParsedDocument, basis: Basis) -> Basis:
    """``current wording, since the change by …`` said of an older version's text: the
    wording of that version (since the same change), its caveats kept."""
    if basis.rule == "but":
        return replace(basis, parts=(_older_wording(document, basis.parts[0]), *basis.parts[1:]))
    wording = _wording(document)
    return replace(wording, act=basis.act) if basis.rule == "current_since_change" else wording


def _without_refs(identity: str, version: Version) -> Version:
    return replace(version, key=identity, started_by=None, ended_by=None)


def _new_changes(before: list[Version], after: list[Version], older: ParsedDocument, newer: ParsedDocument) -> list[Bound]:
    """Changes the newer version's notes record for the unit that the older one's did
    not, told apart by the amending act (its date and number), not by its dates."""
    known = {_change_act(v, older) for v in before[1:]}
    return [v.start for v in after[1:] if _change_act(v, newer) not in known]


def _change_act(version: Version, document: ParsedDocument) -> tuple:
    """The amending act that started `version`: ``(date, number)``, or its dates when the
    timeline does not say which note it came from."""
    if version.started_by is not None:
        note, index = version.started_by
        amendments = document.header_amendments if note == 0 else document.notes[note - 1].amendments
        act = amendments[index - 1].act
        return (act.date, normal_number(act.number or ""))
    return (version.start.earliest, version.start.latest)


def share_amendment_dates(documents: list[ParsedDocument]) -> list[Problem]:
    """One amending act's change takes effect on one day, whatever the version or the
    language that notes it: every amendment naming the same act with the same
    commencement rule takes the window all of them allow — what one version's meta file
    tells of its amending act (its registration, which bounds its publication) holds in
    every version and language (order 20-42-3.3.8: the Kazakh version's meta gives it, the
    Russian note alone does not; both then say 29.09.2020–29.10.2020). Where the windows
    exclude each other, the answer widens to every day any allows, and a
    `language_disagreement` problem names what each text said."""
    groups: dict[tuple, list[tuple[ParsedDocument, Amendment]]] = {}
    for document in documents:
        for amendment in [a for note in document.notes for a in note.amendments] + document.header_amendments:
            if amendment.act.date and amendment.act.number and amendment.effective.window()[0]:
                rule = amendment.commencement.terms() if amendment.commencement else None
                groups.setdefault((amendment.act.date, normal_number(amendment.act.number), rule), []).append((document, amendment))
    problems: list[Problem] = []
    for (date, number, _), noted in groups.items():
        windows = {amendment.effective.window() for _, amendment in noted}
        if len(windows) < 2:
            continue
        shared = _intersection(windows)
        if shared is None:
            shared = _union(windows)
            said = {document.act.language if document.act else None: amendment.effective.window() for document, amendment in noted}
            if len(said) > 1:
                sayings = ", ".join(f"{language} says {start} – {end or '?'}" for language, (start, end) in said.items())
                fact = f"the entry into force of the change by the act of {date} № {number}"
                problems.append(Problem("warning", "language_disagreement", f"the texts disagree on {fact}: {sayings}"))
        for _, amendment in noted:
            if amendment.effective.window() != shared:
                amendment.effective = _effective_within(shared, amendment.effective)
    return problems


def _intersection(windows: set[tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The days every window allows; None when there are none."""
    start = max(start for start, _ in windows)
    ends = [end for _, end in windows if end is not None]
    end = min(ends) if ends else None
    return None if end is not None and end < start else (start, end)


def _union(windows: set[tuple[str, str | None]]) -> tuple[str, str | None]:
    ends = [end for _, end in windows]
    return min(start for start, _ in windows), None if None in ends else max(ends)


def _effective_within(window: tuple[str, str | None], was: EffectiveDate) -> EffectiveDate:
    start, end = window
    if start == end:
        return EffectiveDate("exact", start, start, start, was.basis)
    return EffectiveDate("bounded", None, start, end, was.basis)


def _date(document: ParsedDocument) -> str | None:
    return document.version.version_date if document.version else None


def _wording(document: ParsedDocument) -> Basis:
    version = document.version
    assert version is not None
    return Basis("version_wording", dates=known_dates(version=version.version_date))  # its file: the versions row of that date
