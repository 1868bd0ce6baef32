"""Speed of the citation pass: characters of repaired text per second, one core.

    python benchmarks/citation_bench.py [--repeat 20]
    python benchmarks/citation_bench.py --texts ../shared/corpus-bank --lang ru

The texts are every provision and note of the bundled corpus (or of the bank Markdown
files of one language under ``--texts``), as the loader gives them to
`parser.citations.extract_citations`, read in their own language. Target (issue "Links
between acts"): at least 0.5 million characters per second per core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.sources import parse_file  # noqa: E402
from parser.citations import extract_citations  # noqa: E402
from parser.languages import document_language, get_language  # noqa: E402


def corpus_texts(lang: str | None = None, folder: Path | None = None) -> list[tuple[str, object]]:
    """(text, language module) of every provision and note: the seeds of `corpus/`, or
    the bank files of language `lang` under `folder` (``rus.md``, ``rus@….md``, ``rus/*.md``)."""
    if folder is None:
        paths = sorted((ROOT / "corpus").glob("*.txt"))
    else:
        bank = get_language(lang).BANK_CODE
        paths = sorted({*folder.rglob(f"{bank}.md"), *folder.rglob(f"{bank}@*.md"), *folder.rglob(f"{bank}/*.md")})
    texts = []
    for path in paths:
        document = parse_file(path)
        language = document_language(document)
        texts += [(p.text, language) for p in document.provisions] + [(n.text, language) for n in document.notes]
    return texts


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--repeat", type=int, default=20)
    options.add_argument("--texts", type=Path, help="a folder of bank Markdown files instead of corpus/*.txt")
    options.add_argument("--lang", default="kk", help="the language of the bank files read (kk, ru)")
    arguments = options.parse_args()
    texts = corpus_texts(arguments.lang, arguments.texts)
    characters = sum(len(text) for text, _ in texts)
    for language in {id(lang): lang for _, lang in texts}.values():  # load spaCy once, outside the timing
        extract_citations("2009 жылғы 19 қазандағы N 542 бұйрығы", language)
    speeds, rates = [], []
    found = 0
    for _ in range(arguments.repeat):
        started = time.perf_counter()
        found = sum(len(extract_citations(text, lang)) for text, lang in texts)
        elapsed = time.perf_counter() - started
        speeds.append(characters / elapsed)
        rates.append(found / elapsed)
    print(f"{len(texts)} texts, {characters} characters, {found} citations per pass, {arguments.repeat} passes")
    print(f"median {statistics.median(speeds) / 1e6:.2f} M chars/s, slowest pass {min(speeds) / 1e6:.2f} M chars/s (one core)")
    print(f"median {statistics.median(rates):,.0f} citations/s")


if __name__ == "__main__":
    main()
