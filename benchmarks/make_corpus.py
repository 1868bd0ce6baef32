"""Make a large corpus out of the real seed texts in ``corpus/``, for benchmarking.

Each seed is copied ``--copies`` times. A copy keeps every byte of its seed except two
numbers in the requisites sentence of the header:

* the registration number printed after ``№``/``N`` in the registration sentence
  (``№ 26917 болып тіркелді``, ``N 5853 болып енгізілді``, ``№ 11361 тіркелді``), and
* the act's own number, the last ``№``/``N`` number before it (``№ 61 бұйрығы``).

Both become the copy's serial number, unique over the whole generated corpus, so every
copy parses to an act with its own id: the Adilet id comes from the registration
number and year, the fallback id from the kind, adoption date and act number (see
``parser/header.py``: ``adilet_id``, ``stable_id``).

Usage::

    python benchmarks/make_corpus.py --copies 100 --out benchmarks/out/corpus
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

#: The number of the registration sentence: ``№ 26917 болып тіркелді``,
#: ``N 5853 болып енгізілді``. Line breaks may fall anywhere between the words.
REGISTRATION_NUMBER = re.compile(
    r"(?:№|(?<!\w)N)\s*(?P<number>\d+)(?=\s+(?:болып\s+)?(?:тіркелді|енгізілді))"
)

#: Any ``№ 61``/``N 542`` number; the act's own is the last one before the registration.
NUMBER = re.compile(r"(?:№|(?<!\w)N)\s*(?P<number>\d+)")


class SeedNotUnderstood(Exception):
    """A seed's header has no registration sentence or act number to rewrite."""


def seed_files(seed_dir: Path) -> list[Path]:
    """The seed texts, in a stable order."""
    seeds = sorted(path for path in seed_dir.glob("*.txt") if path.is_file())
    if not seeds:
        raise SeedNotUnderstood(f"no .txt seeds in {seed_dir}")
    return seeds


def rewrite_header(text: str, serial: int, name: str = "<seed>") -> str:
    """`text` with its registration number and act number both replaced by `serial`."""
    registration = REGISTRATION_NUMBER.search(text)
    if registration is None:
        raise SeedNotUnderstood(f"{name}: no registration sentence (№ … тіркелді/енгізілді)")
    numbers_before = list(NUMBER.finditer(text, 0, registration.start()))
    if not numbers_before:
        raise SeedNotUnderstood(f"{name}: no act number before the registration sentence")
    act_number = numbers_before[-1]
    value = str(serial)
    return (
        text[: act_number.start("number")]
        + value
        + text[act_number.end("number") : registration.start("number")]
        + value
        + text[registration.end("number") :]
    )


def make_corpus(seed_dir: Path, out: Path, copies: int) -> list[Path]:
    """Write `copies` copies of every seed in `seed_dir` to `out`, as
    ``<copy:06d>_<seedname>.txt``, and return their paths."""
    seeds = seed_files(seed_dir)
    # Decoding with surrogateescape and encoding back the same way is byte-exact,
    # so only the two rewritten numbers differ from the seed.
    texts = [path.read_bytes().decode("utf-8", "surrogateescape") for path in seeds]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for copy in range(copies):
        for index, (seed, text) in enumerate(zip(seeds, texts)):
            serial = copy * len(seeds) + index + 1
            path = out / f"{copy:06d}_{seed.name}"
            data = rewrite_header(text, serial, seed.name).encode("utf-8", "surrogateescape")
            path.write_bytes(data)
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    here = Path(__file__).resolve().parent
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--copies", type=int, required=True, help="copies of each seed")
    options.add_argument("--out", type=Path, required=True, help="folder to write the corpus to")
    options.add_argument("--seeds", type=Path, default=here.parent / "corpus", help="folder of seed texts (default: corpus/)")
    args = options.parse_args(argv)
    paths = make_corpus(args.seeds, args.out, args.copies)
    size = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} files, {size / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
