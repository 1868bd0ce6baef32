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

`make_acts` makes a corpus of any number of acts (up to 100,000 and beyond) the same
way, and closer to a real one:

* the seeds are mixed by count as in a real collection, where long acts are rare: seeds
  over 100 KB (seed 003, 125 KB) make ``--large-share`` of the acts (default 5 %), the
  others share the rest equally;
* each act's adoption day is varied too (a day of the seed's month, never later than
  the seed's own, so the act is still adopted before it is registered and amended);
* each act after the first few cites an earlier generated act, in the phrasing of the
  seeds (seed 001's last paragraph): a sentence added at the end of the act's
  paragraph 1, ``Осы тармақ Қазақстан Республикасы Денсаулық сақтау министрінің 2009
  жылғы 7 қазандағы № 41 бұйрығына (Нормативтік құқықтық актілерді мемлекеттік тіркеу
  тізілімінде № 41 болып тіркелген) сәйкес қолданылады.``, which `db.links` resolves to
  that act (`cited_acts.status = 'in_corpus'`).

Files go in folders of 1,000 (``000/000001_000_….txt``). Only ``.txt`` seeds are used;
other files in the seed folder are skipped.

Usage::

    python benchmarks/make_corpus.py --copies 100 --out benchmarks/out/corpus
    python benchmarks/make_corpus.py --acts 100000 --out /tmp/corpus-100k
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make `parser` importable, as the other benchmarks do
    sys.path.insert(0, str(ROOT))

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


# -- A corpus of N acts citing each other ----------------------------------------------

#: Seeds larger than this are "large" (a long code-like act); the rest are ordinary acts.
LARGE_SEED_BYTES = 100_000

#: The adoption date of the header: ``2009 жылғы 19 қазандағы`` (the last date before the
#: act number).
HEADER_DATE = re.compile(r"(?P<year>\d{4})\s+жылғы\s+(?P<day>\d{1,2})\s+(?P<month>\w+)")

#: The start of paragraph 1 of the act's operative part, and what ends that paragraph.
FIRST_PARAGRAPH = re.compile(r"^[ \t]*1\.\s+\S", re.MULTILINE)
PARAGRAPH_END = re.compile(r"^[ \t]*(?:\d+\.\s|Ескерту|\s*$)")

#: The dative of the kind word, for the sentence citing an act of that kind.
KIND_DATIVE = {"order": "бұйрығына", "resolution": "қаулысына", "decision": "шешіміне"}

#: Acts whose serial is at most this cite nothing (there is nothing before them to cite).
FIRST_CITING_SERIAL = 6


@dataclass
class Seed:
    """A seed text and what the generator needs of its header."""

    path: Path
    text: str
    issuer: str
    kind: str | None
    date: re.Match  # HEADER_DATE in the header

    @property
    def large(self) -> bool:
        return len(self.text.encode("utf-8", "surrogateescape")) > LARGE_SEED_BYTES

    def adoption_day(self, serial: int) -> int:
        """A day of the seed's month, never later than the seed's own adoption day."""
        return 1 + serial % int(self.date["day"])

    def date_words(self, serial: int) -> str:
        return f"{self.date['year']} жылғы {self.adoption_day(serial)} {self.date['month']}"


def read_seed(path: Path) -> Seed:
    """A seed with its issuer, kind and header date, as the project's parser reads them."""
    from db.sources import parse_file

    text = path.read_bytes().decode("utf-8", "surrogateescape")
    act = parse_file(path).act
    registration = REGISTRATION_NUMBER.search(text)
    if act is None or registration is None:
        raise SeedNotUnderstood(f"{path.name}: no act header")
    number = list(NUMBER.finditer(text, 0, registration.start()))[-1]
    dates = list(HEADER_DATE.finditer(text, 0, number.start()))
    if not dates:
        raise SeedNotUnderstood(f"{path.name}: no adoption date before the act number")
    return Seed(path, text, act.issuer or "Қазақстан Республикасы Денсаулық сақтау министрінің", act.kind, dates[-1])


def seed_for(index: int, small: list[Seed], large: list[Seed], large_share: float) -> Seed:
    """The seed of the `index`-th act: a large one for `large_share` of the acts, spread
    evenly, the others in turn."""
    large_before = math.floor(index * large_share) if large else 0
    if large and math.floor((index + 1) * large_share) > large_before:
        return large[large_before % len(large)]
    if not small:
        return large[index % len(large)]
    return small[(index - large_before) % len(small)]  # counted among the small ones only


def cited_serial(serial: int) -> int | None:
    """The earlier act that act `serial` cites (spread over all earlier acts), or None."""
    if serial < FIRST_CITING_SERIAL:
        return None
    return 1 + (serial * 2654435761) % (serial - 1)


def citing_sentence(target: Seed, serial: int) -> str:
    """A sentence citing generated act `serial`, made of seed `target`, as the seeds cite."""
    kind = KIND_DATIVE.get(target.kind or "", "бұйрығына")
    return (
        f"Осы тармақ {target.issuer} {target.date_words(serial)} № {serial} {kind} "
        f"(Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде № {serial} болып тіркелген) "
        "сәйкес қолданылады."
    )


def with_adoption_day(seed: Seed, text: str, serial: int) -> str:
    """`text` (the seed with its numbers rewritten) with the header's adoption day changed.
    The rewrite of the numbers comes after the date, so the date is where it was."""
    start, end = seed.date.span("day")
    return text[:start] + str(seed.adoption_day(serial)) + text[end:]


def with_sentence_in_paragraph_1(text: str, sentence: str) -> str:
    """`text` with `sentence` added as a last line of its first paragraph 1."""
    first = FIRST_PARAGRAPH.search(text)
    if first is None:
        return text
    position = text.index("\n", first.start()) + 1
    while position < len(text):
        line_end = text.find("\n", position)
        line = text[position : line_end if line_end >= 0 else len(text)]
        if PARAGRAPH_END.match(line):
            break
        position = line_end + 1 if line_end >= 0 else len(text)
    newline = "\r\n" if text[:position].endswith("\r\n") else "\n"
    return text[:position] + "      " + sentence + newline + text[position:]


def generated_text(seed: Seed, serial: int, target: Seed | None) -> str:
    """The text of generated act `serial`: the seed under its own number and day,
    citing act `cited_serial(serial)` (made of seed `target`) when there is one."""
    text = rewrite_header(with_adoption_day(seed, seed.text, serial), serial, seed.path.name)
    cited = cited_serial(serial)
    if cited is not None and target is not None:
        text = with_sentence_in_paragraph_1(text, citing_sentence(target, cited))
    return text


def make_acts(seed_dir: Path, out: Path, acts: int, large_share: float = 0.05) -> list[Path]:
    """Write `acts` generated acts to `out` (see the module's docstring) and return their
    paths. Act serial N (1-based) is ``out/NNN/NNNNNN_<seed>.txt``."""
    seeds = [read_seed(path) for path in seed_files(seed_dir)]
    small, large = [s for s in seeds if not s.large], [s for s in seeds if s.large]
    written = []
    for index in range(acts):
        serial = index + 1
        seed = seed_for(index, small, large, large_share)
        cited = cited_serial(serial)
        target = seed_for(cited - 1, small, large, large_share) if cited else None
        folder = out / f"{index // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{serial:06d}_{seed.path.name}"
        path.write_bytes(generated_text(seed, serial, target).encode("utf-8", "surrogateescape"))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = options.add_mutually_exclusive_group(required=True)
    size.add_argument("--copies", type=int, help="copies of each seed (every seed equally, no citations added)")
    size.add_argument("--acts", type=int, help="number of acts, mixed by count and citing each other (make_acts)")
    options.add_argument("--large-share", type=float, default=0.05, help="share of acts made of seeds over 100 KB (default 0.05)")
    options.add_argument("--out", type=Path, required=True, help="folder to write the corpus to")
    options.add_argument("--seeds", type=Path, default=ROOT / "corpus", help="folder of seed texts (default: corpus/)")
    args = options.parse_args(argv)
    if args.acts:
        paths = make_acts(args.seeds, args.out, args.acts, args.large_share)
    else:
        paths = make_corpus(args.seeds, args.out, args.copies)
    size = sum(path.stat().st_size for path in paths)
    print(f"wrote {len(paths)} files, {size / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
