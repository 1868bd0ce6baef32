"""The official bank's Markdown (zan.gov.kz), one file per version and language
(``kaz.md``, ``rus@2020-08-10.md``) with a ``meta.yaml`` beside it and, for a large act,
part files its index links (`parser.markdown`). The text never went through a PDF:
nothing is repaired. Its requisites come from the meta file (or front matter), else
from the approval stamp; the meta (or the newest note) dates the version."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from ..header import Requisites, read_requisites
from ..languages import RUSSIAN, Language
from ..layout import Layout
from ..markdown import LAYOUT, VersionMeta, linked_parts, meta_path_for, read_version_meta, segment_split_markdown, split_front_matter
from ..model import ParsedDocument, VersionInfo
from ..references import read_reference
from ..versions import read_version
from .base import MetaReading, Part, RequisitesReading, SourceFormat


class BankMarkdown(SourceFormat):
    name = LAYOUT
    suffixes = (".md",)

    def meta_file(self, path: PurePath) -> PurePath | None:
        return meta_path_for(path)

    def part_links(self, index_text: str) -> list[str]:
        return linked_parts(index_text)

    def read_meta(self, text: str, source_path: str, meta_text: str | None, meta_path: str | None) -> MetaReading:
        """Front matter in the text, else the meta file beside it; a file that is not
        YAML gives a meta with a problem."""
        front_matter, _ = split_front_matter(text)
        if front_matter is not None:
            meta_text, meta_path = front_matter, source_path
        if meta_text is None:
            return MetaReading(None, None, meta_path)
        return MetaReading(read_version_meta(meta_text, meta_path or source_path), meta_text, meta_path)

    def segment(self, text: str, lang: Language, parts: Sequence[Part] = ()) -> Layout:
        return segment_split_markdown(text, list(parts), lang)

    def read_requisites(self, document: ParsedDocument, meta: VersionMeta | None, lang: Language) -> RequisitesReading:
        header = next((p for p in document.provisions if p.key == "requisites"), None)
        if meta is not None and meta.requisite:  # the bank prints them in Russian
            return RequisitesReading(read_requisites(meta.requisite, RUSSIAN), meta.requisite, "the requisites of the bank's meta file")
        requisites = requisites_from_stamp(document, lang)
        basis = "the approval stamp (the file has no meta with requisites)" if requisites else None
        return RequisitesReading(requisites, header.text if header else None, basis)

    def date_version(self, document: ParsedDocument, meta: VersionMeta | None) -> VersionInfo | None:
        return read_version(document, meta)


def requisites_from_stamp(document: ParsedDocument, lang: Language) -> Requisites | None:
    """Without a meta file, the act's kind, date and number as its approval stamp
    prints them (``… 2019 жылғы 3 желтоқсандағы № 19-42-3.3.22 бұйрығына ҚОСЫМША``)."""
    stamp = next((p for p in document.provisions if p.kind == "approval"), None)
    text = stamp.text if stamp is not None else _appendix_stamp_text(document, lang)
    if text is None:
        return None
    reference = read_reference(text, lang)
    if not (reference.date and reference.number):
        return None
    return Requisites(reference, None, None, None, None)


def _appendix_stamp_text(document: ParsedDocument, lang: Language) -> str | None:
    """A Russian appendix stamp prints its word first ("> *ПРИЛОЖЕНИЕ к приказу … от 3
    декабря 2019 года № 19-42-3.3.22*"), and may be read into the stamp block above it
    («СОГЛАСОВАНО»): its text from that word on."""
    if lang.STAMP_FIRST_WORD is None:
        return None
    for provision in document.provisions:
        if provision.kind != "other" or provision.role not in ("quote", "agreement"):
            continue
        at = lang.fold(provision.text).find(lang.STAMP_FIRST_WORD)
        if at >= 0:
            return provision.text[at:]
    return None


FORMAT = BankMarkdown()
