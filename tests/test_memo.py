"""Work done once per distinct text (`parser.memo`, issue 24): a note, the dates of a text
and the citations of a unit are read once and reused in every version that prints them.
What a caller may change is its own copy; a language registered later is not answered
from what was read without it."""

from __future__ import annotations


from parser.citations import extract_citations
from parser.dates import find_dates
from parser.languages import KAZAKH, register, unregister
from parser.notes import parse_note


def _note_line(seeds, seed_line) -> str:
    """Seed 000's note on paragraph 6, as the document reads it (three printed lines)."""
    note = next(n for n in seeds["000"].notes if n.source_line == 114)
    assert seed_line("000", 114) == "      Ескерту. 6-тармаққа өзгерту енгізілді - ҚР Денсаулық сақтау министрінің "
    return note.text


def test_a_note_read_again_is_the_same_reading_in_a_copy_of_its_own(seeds, seed_line):
    text = _note_line(seeds, seed_line)
    first = parse_note(text, KAZAKH)
    [amendment] = first.amendments
    assert (first.target.label, amendment.action, amendment.act.date, amendment.act.number) == ("6", "amended", "2010-12-09", "954")
    amendment.act.number = "changed by a caller"  # as derive_dates sets a note's dates on its amendments
    again = parse_note(text, lang=KAZAKH)  # the same key however the language is passed
    assert again.amendments[0].act.number == "954"
    assert again is not first and again.amendments[0] is not amendment
    assert parse_note.cache_info().hits >= 1


def test_every_version_of_an_act_reads_its_notes_as_the_first_did(seeds, seed_paths):
    """Seed 000 parsed again (as a later version reprints the same notes): its notes,
    their amendments and their dates are what the first parse made, read from the memo."""
    from db.sources import parse_file

    before = parse_note.cache_info().hits
    again = parse_file(seed_paths["000"])
    assert len(again.notes) == 10
    assert again.notes == seeds["000"].notes
    assert again.notes[0].amendments is not seeds["000"].notes[0].amendments
    assert parse_note.cache_info().hits - before >= 10


def test_dates_are_read_once_and_each_call_gets_its_own_list():
    text = "ҚР Денсаулық сақтау министрінің 2010.10.21 № 557 бұйрығымен; 2005 жылғы 1 қаңтардан"
    first = find_dates(text)
    assert [d.iso for d in first] == ["2010-10-21", "2005-01-01"]
    first.clear()
    assert [d.iso for d in find_dates(text)] == ["2010-10-21", "2005-01-01"]


def test_a_language_registered_later_is_not_answered_from_what_was_read_without_it():
    """The toy English reads "1 January 2006"; before it is registered, no language does."""
    from tests.toy_english import English

    text = "comes into force from 1 January 2006"
    assert find_dates(text) == []
    register(English)
    try:
        assert [d.iso for d in find_dates(text)] == ["2006-01-01"]
    finally:
        unregister("en")
    assert find_dates(text) == []


def test_citations_of_a_unit_are_read_once_each_call_its_own_copy():
    text = "Қазақстан Республикасы Денсаулық сақтау министрінің 2010 жылғы 21 қазандағы № 557 бұйрығымен"
    first = extract_citations(text, KAZAKH)
    assert [(c.reference.date, c.reference.number, c.reference.kind) for c in first] == [("2010-10-21", "557", "order")]
    first[0].reference.number = "changed"
    assert extract_citations(text, KAZAKH)[0].reference.number == "557"
