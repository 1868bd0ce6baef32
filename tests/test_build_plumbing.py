"""What a build does around the parser (issue 24): how a worker's result is handed over,
the collector's thresholds while it runs, how a git history's part links are judged, and
an update's copy of the old database."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from db.parallel import BUILD_GC_THRESHOLD, COMPRESSED, PICKLED, decode, encode, fewer_collections, parse_source
from db.sources import linked_part_paths, read_parts
from db.versions import unpack_document

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ELECTIONS = CORPUS / "zan-gov-kz" / "4-konst-zakon-o-vyborakh"
SEED = next((CORPUS).glob("000_*.txt"))


def test_a_staged_version_is_handed_over_with_its_document_compressed_once():
    """A version of an act (the Kazakh index of the split election law) is staged: its
    document is packed in the worker and the result around it is not compressed again;
    a plain act's rows (seed 000) are compressed whole. Both come back as they went."""
    index = ELECTIONS / "kaz.md"
    shown = "corpus/zan-gov-kz/4-konst-zakon-o-vyborakh/kaz.md"
    staged = parse_source(shown, index.read_bytes(), None, parts=read_parts(index, shown))
    assert staged.staged is not None
    blob = encode(staged)
    assert blob[:1] == PICKLED
    back = decode(blob).staged
    assert back == staged.staged
    assert unpack_document(back.document).act.id == back.act_id

    plain = parse_source(f"corpus/{SEED.name}", SEED.read_bytes(), None)
    assert plain.rows is not None
    blob = encode(plain)
    assert blob[:1] == COMPRESSED
    assert decode(blob).rows == plain.rows


def test_a_build_collects_garbage_less_often_and_then_as_before():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == BUILD_GC_THRESHOLD
    assert gc.get_threshold() == before


def test_a_git_historys_part_links_are_judged_by_their_words_as_on_the_disk():
    """The election law's index links its chapters (``rus/ch015.md``): read from a git
    history (no file on the disk) the same chapters are taken as from the disk, and a
    link climbing out of the act's folder is refused either way."""
    index = ELECTIONS / "rus.md"
    text = index.read_text(encoding="utf-8") + "\n| [`x`](rus/../../4051-posobie-gornye-raboty/rus.md) | out |\n"
    on_disk = linked_part_paths(index, text)
    assert [p.name for p in on_disk][:2] == ["ch001.md", "ch003.md"]
    assert linked_part_paths(index, text, in_history=True) == on_disk
    in_a_history = Path("/nowhere/bank.git") / "01-const-laws/1995/0928-o-vyborakh-2464/rus.md"
    assert [p.name for p in linked_part_paths(in_a_history, text, in_history=True)] == [p.name for p in on_disk]
    assert all("4051" not in str(p) for p in on_disk)


def test_an_updates_copy_is_made_beside_by_a_thread_and_its_failure_told_when_asked(tmp_path):
    """An update copies the old database in a thread while it reads the new commits
    (`db.load.BackgroundCopy`): the copy opens as the database it copied; a copy that
    failed (here: no such file) raises its error where the update first asks for it."""
    import sqlite3

    from db.load import BackgroundCopy

    old = tmp_path / "laws.db"
    with sqlite3.connect(old) as conn:
        conn.execute("create table acts (id text primary key)")
        conn.execute("insert into acts values ('V1500011361')")
    conn.close()
    copy = BackgroundCopy(old, tmp_path / "laws.db.tmp")
    assert [row[0] for row in copy.database().execute("select id from acts")] == ["V1500011361"]
    assert copy.done()
    copy.close()

    missing = BackgroundCopy(tmp_path / "gone.db", tmp_path / "gone.db.tmp")
    with pytest.raises(FileNotFoundError):
        missing.database()
    missing.close()
