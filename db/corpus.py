"""A corpus folder as a build reads it: which files are sources, each source's bytes with
its meta and part files, ``publications.csv``, and the links the build does not follow.

Nothing here parses or writes: `zan serve` asks it whether the database is older than the
corpus without loading the build (`db.load`), and the build and an update
(`db.incremental`) read their sources through it.
"""

from __future__ import annotations

from pathlib import Path

from parser import Publications, read_publications
from parser.formats import is_source
from parser.model import Problem

from .git_history import find_repositories
from .sources import Source, meta_beside, part_files, read_meta, read_parts

#: Files that describe a folder of sources rather than being one (``README.md``).
NOT_SOURCES = ("readme",)

#: Publication dates supplied beside the sources (see parser/publications.py).
PUBLICATIONS_FILE = "publications.csv"


class CorpusNotFound(Exception):
    """The corpus folder does not exist or is not a folder."""


def corpus_files(corpus: Path) -> list[Path]:
    """The source files of a corpus, in a stable order. Links that lead outside the
    corpus are not followed."""
    if not corpus.is_dir():
        raise CorpusNotFound(f"corpus folder not found: {corpus}")
    repositories = [repository.resolve() for repository in find_repositories(corpus)]
    files = []
    for path in sorted(corpus.rglob("*")):
        if not is_source(path):  # a file no format reads (parser.formats)
            continue
        if path.stem.lower().startswith(NOT_SOURCES) or not in_corpus(path, corpus):
            continue
        if any(repository in path.resolve().parents for repository in repositories):
            continue  # a git repository is read from its history (db.git_corpus), not its files
        files.append(path)
    return without_part_files(files)


def without_part_files(files: list[Path]) -> list[Path]:
    """The files less the part files of split acts (``rus/ch015.md``): each is read with
    the index that links it (`db.sources.part_files`), never as an act of its own."""
    parts = {part.resolve() for path in files for part in part_files(path)}
    return [path for path in files if path.resolve() not in parts] if parts else files


def in_corpus(path: Path, corpus: Path) -> bool:
    """Whether `path` is a file of the corpus once its links are followed: a link that
    leads outside the corpus is not followed, for sources, meta files and
    `publications.csv` alike, so a build reads nothing but the corpus."""
    return path.is_file() and corpus.resolve() in path.resolve().parents


def read_source(path: Path, corpus: Path) -> Source:
    """A corpus file's bytes, and a Markdown version's meta file with them."""
    meta = meta_beside(path)
    if meta and not in_corpus(meta, corpus):
        meta = None
    data = path.read_bytes()
    display = display_path(path, corpus)
    parts = [(shown, part) for shown, part in read_parts(path, display, data)]
    return Source(
        path,
        display,
        data,
        read_meta(meta) if meta else None,
        display_path(meta, corpus) if meta else None,
        parts,
    )


def links_out_of_corpus(corpus: Path) -> list[Path]:
    """The links in the corpus that lead outside it (or nowhere), which no build follows."""
    return [path for path in sorted(corpus.rglob("*")) if path.is_symlink() and not in_corpus(path, corpus)]


def link_not_followed(link: Path, corpus: Path) -> Problem:
    return Problem(
        "warning",
        "link_out_of_corpus",
        f"{display_path(link, corpus)}: a link to a file outside the corpus (or to nothing); it is not read",
    )


def publications_file(corpus: Path) -> Path | None:
    """The corpus's `publications.csv`, when it has one (inside the corpus)."""
    path = corpus / PUBLICATIONS_FILE
    return path if in_corpus(path, corpus) else None


def load_publications(corpus: Path) -> Publications:
    """The corpus's `publications.csv`, or none."""
    path = publications_file(corpus)
    if path is None:
        return Publications()
    return read_publications(path.read_text(encoding="utf-8-sig"), display_path(path, corpus))


def display_path(path: Path, corpus: Path) -> str:
    """Source paths are stored relative to the corpus's parent (``corpus/000_….txt``),
    so a database built on one machine names the same files on another."""
    try:
        return str(path.relative_to(corpus.parent))
    except ValueError:
        return str(path)
