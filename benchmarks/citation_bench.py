"""Speed of the citation pass: characters of repaired text per second, one core.

    python benchmarks/citation_bench.py [--repeat 20]

The texts are every provision and note of the bundled corpus, as the loader gives them
to `parser.citations.extract_citations`. Target (issue "Links between acts"): at least
0.5 million characters per second per core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import parser  # noqa: E402
from parser.citations import extract_citations  # noqa: E402


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        document = parser.parse_file(path)
        texts += [p.text for p in document.provisions] + [n.text for n in document.notes]
    return texts


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--repeat", type=int, default=20)
    arguments = options.parse_args()
    texts = corpus_texts()
    characters = sum(len(text) for text in texts)
    extract_citations("2009 жылғы 19 қазандағы N 542 бұйрығы")  # load spaCy once, outside the timing
    speeds = []
    found = 0
    for _ in range(arguments.repeat):
        started = time.perf_counter()
        found = sum(len(extract_citations(text)) for text in texts)
        speeds.append(characters / (time.perf_counter() - started))
    print(f"{len(texts)} texts, {characters} characters, {found} citations per pass, {arguments.repeat} passes")
    print(f"median {statistics.median(speeds) / 1e6:.2f} M chars/s, slowest pass {min(speeds) / 1e6:.2f} M chars/s (one core)")


if __name__ == "__main__":
    main()
