"""Publication dates, supplied beside the corpus in `publications.csv`.

The texts never print the day an act was first officially published, yet most
commencement clauses count from it. A user who knows it (from the official
publication record) writes one row per act::

    kind,adopted_on,number,published_on,source
    order,2010-12-09,954,2011-01-05,"Егемен Қазақстан, 05.01.2011, № 3"

The act is identified as in its requisites (kind code, adoption date, number), so the
same row serves the act when it is in the corpus and the notes of every act it amends
when it is not.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from .dates import is_iso_date
from .model import Problem
from .references import normal_number

COLUMNS = ("kind", "adopted_on", "number", "published_on", "source")


@dataclass(frozen=True)
class Publication:
    published_on: str
    source: str


@dataclass
class Publications:
    by_act: dict[tuple[str, str, str], Publication] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def find(self, kind: str | None, adopted_on: str | None, number: str | None) -> Publication | None:
        if not (kind and adopted_on and number):
            return None
        return self.by_act.get((kind, adopted_on, normal_number(number)))


def read_publications(text: str, path: str = "publications.csv") -> Publications:
    """Read the CSV; a bad row is skipped and reported, the others still count."""
    publications = Publications()
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        publications.problems.append(
            Problem("error", "publications_columns", f"{path}: missing column(s) {', '.join(missing)}; expected {','.join(COLUMNS)}", 1)
        )
        return publications
    for line, row in enumerate(reader, start=2):
        kind, adopted_on, number = (row["kind"] or "").strip(), (row["adopted_on"] or "").strip(), (row["number"] or "").strip()
        published_on = (row["published_on"] or "").strip()
        if not (kind and number and is_iso_date(adopted_on) and is_iso_date(published_on)):
            publications.problems.append(
                Problem("warning", "publications_row", f"{path}: row skipped: needs kind, number and ISO dates adopted_on and published_on", line)
            )
            continue
        if published_on < adopted_on:
            publications.problems.append(
                Problem("warning", "publications_row", f"{path}: row skipped: published {published_on} before adoption {adopted_on}", line)
            )
            continue
        publications.by_act[(kind, adopted_on, normal_number(number))] = Publication(published_on, (row["source"] or "").strip())
    return publications
