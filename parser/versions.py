"""Which version of its act a source is, and from when its wording applied.

The official bank keeps one text per amending act. It dates each version, but that
date is usually the amending act's *adoption*, not the day its changes took effect
(TEMPORAL.md). The day they took effect is read where the law puts it: in the
commencement clause that the version's own note prints beside the amending act
(``… 2010.09.27 N 268 (ресми жариялаған күннен кейін он күнтізбелік күн өткен соң
қолданысқа енгізіледі) Бұйрығымен``), exact or as a window.
"""

from __future__ import annotations

from .header import read_reference_ru
from .markdown import VersionMeta
from .model import Amendment, EffectiveDate, ParsedDocument, Problem, VersionInfo


def read_version(document: ParsedDocument, meta: VersionMeta | None) -> VersionInfo:
    """The version's date and the amending act that produced it: from the bank's meta
    file, or, without one, from the newest amendment the text's notes record."""
    if meta is not None and meta.version_date:
        caused_by = read_reference_ru(meta.caused_by_requisite) if meta.caused_by_requisite else None
        return VersionInfo(
            version_date=meta.version_date,
            version_date_basis="version_date of the bank's meta file",
            caused_by=caused_by,
            caused_by_text=meta.caused_by_requisite,
            caused_by_code=meta.caused_by_code,
            act_code=meta.act_code,
            source_url=meta.source_url,
            title_ru=meta.title_ru,
        )
    newest = newest_amendment(document)
    if newest is None:
        document.problems.append(
            Problem("warning", "version_undated", "no meta file and no amendment note: which version of the act this text is cannot be told", 1)
        )
        return VersionInfo(version_date=None, version_date_basis="no meta file and no amendment note")
    document.problems.append(
        Problem(
            "info",
            "version_dated_by_note",
            f"no meta file: the version is dated by its newest note, the amending act of {newest.act.date} № {newest.act.number}",
            1,
        )
    )
    return VersionInfo(
        version_date=newest.act.date,
        version_date_basis=f"no meta file: the adoption date of the newest amending act its notes name (№ {newest.act.number})",
        caused_by=newest.act,
        caused_by_text=newest.text,
    )


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
        version.effective = act.effective or EffectiveDate("unknown", basis="the act's own entry into force is not known")
        version.commencement = act.commencement
        return
    cause = version.caused_by
    amendment = next((a for note in document.notes for a in note.amendments if same_act(a.act.date, a.act.number, cause.date, cause.number)), None)
    if amendment is None:
        version.effective = EffectiveDate(
            "unknown",
            basis=f"no note of this version names the amending act of {cause.date} № {cause.number}, so its commencement is not known",
        )
        document.problems.append(Problem("warning", "version_cause_not_in_notes", version.effective.basis, 1))
        return
    version.commencement = amendment.commencement
    effective = amendment.effective
    version.effective = EffectiveDate(
        effective.status,
        effective.exact,
        effective.earliest,
        effective.latest,
        f"the commencement clause of the amending act of {cause.date} № {cause.number}, as this version's note prints it: {effective.basis}",
    )


def same_act(date: str | None, number: str | None, other_date: str | None, other_number: str | None) -> bool:
    """Two references name one act when date and number agree (numbers compared
    without spaces and case: ``ҚР ДСМ-37`` = ``ҚР ДСМ-37``)."""
    if not (date and number and other_date and other_number):
        return False
    return date == other_date and _normal_number(number) == _normal_number(other_number)


def _normal_number(number: str) -> str:
    return "".join(number.split()).lower()
