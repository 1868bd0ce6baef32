"""Make a large git repository in the bank's layout from the real texts, for benchmarks.

``--acts N`` acts (default 10,000), each with 1 to 15 versions (8 on average, between 16.12.1991 and 31.12.2025), one
commit per version dated its version date, as the bank's repositories are
(``../shared/notes/FORMATS.md`` §3). Every act is made from a real act of
``../shared`` (the test repository's acts, `tests.gitrepo`): orders
(``07-ministerial/<body>/YYYY/MMDD-slug-CODE/``, Kazakh, some with Russian) and laws
(``03-laws/…``, Kazakh and Russian; the split constitutional law with its part files
under ``01-const-laws/…``), under its own code, adoption date and number
(`tests.gitrepo.derived_meta`). Each later version changes one to three units of the
one before, in both languages: a number in the unit, or words added, and a note
under it naming the amending act, as the bank prints them. About one version in six
comes from an omnibus act that gives many acts a version in one commit (one omnibus
per 50 acts); 2 % of the acts are removed after their last version; laws adopted
before 2018 start in the older layout (``03-laws/YYYYMMDD-slug-CODE/``) and move in
one layout commit on 2018-01-01.

Everything is streamed to one ``git fast-import``: the acts' texts are made again
from their template for each version, so memory holds the schedule (a few numbers an
act), never the texts.

Usage::

    python benchmarks/make_git_corpus.py --acts 10000 --out /tmp/git-10k
    python benchmarks/make_git_corpus.py --acts 1000 --out /tmp/git-1k --seed 7
    python benchmarks/make_git_corpus.py --acts 1000 --out /tmp/git-1k --seed 7 --more 100
    python benchmarks/make_git_corpus.py --acts 1000 --out /tmp/git-1k-own --own-words

``--own-words`` ends every unit's first line in a word of the act's own: the acts made
from one template then share no unit, as the bank's acts share none (without it the
parser's per-text memos serve one act from another's: at 1,000 acts a build cost 151.6
user CPU s, with it 166.1).

``--more K`` appends K commits to a repository made with the same ``--acts`` and
``--seed`` (the plans are made again from them): new versions of its acts, one a
commit or several from an omnibus act, dated after its last commit, as a ``git
pull`` brings (`more_commits`).
"""

from __future__ import annotations

import argparse
import bisect
import random
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.gitrepo import (  # noqa: E402
    BRANCH,
    FOLDERS,
    OMNIBUS_COMPANION,
    Commit,
    bank_versions,
    derived_meta,
    extra_versions,
    init_repository,
    write_commits,
)

FIRST_CODE = 1_000_000
LAYOUT_DAY = date(2018, 1, 1)
FIRST_DAY = date(1991, 12, 16)
LAST_DAY = date(2025, 12, 31)

#: Lines that open a unit: ``1.``, ``1\.``, ``2-1.``, ``3)``, article headings.
_UNIT = re.compile(r"^\s*(?:\d+(?:-\d+)?(?:\\?\.|\))\s|#{2,3} (?:Статья \d|\d+(?:-\d+)?-бап))")
_NUMBER = re.compile(r"(?<![\w-])\d{2,}(?![\w-])")

_ADDED = {"kaz": " және өзге де қажетті шаралар", "rus": " и иные необходимые меры"}


@dataclass(frozen=True)
class Template:
    """A real act the generated acts are made from: its files of its newest version,
    and where its folder goes (``07-ministerial/<body>`` or ``03-laws``)."""

    source_code: str
    files: dict[str, bytes]
    section: str  # the folder above YYYY/: 07-ministerial/<body>, 03-laws, 01-const-laws
    slug: str
    is_law: bool


def templates() -> list[Template]:
    newest: dict[str, dict[str, bytes]] = {}
    for version in extra_versions() + bank_versions():
        newest[version.act_code] = version.files  # versions come oldest first
    result = []
    for code, files in newest.items():
        folder = FOLDERS[code]
        section = folder.split("/")[0] if not folder.startswith("07-") else "/".join(folder.split("/")[:2])
        slug = re.sub(r"^\d{4}-|-\d+$", "", folder.rsplit("/", 1)[-1])
        result.append(Template(code, files, section, slug, not folder.startswith("07-")))
    return [t for t in result if t.source_code != OMNIBUS_COMPANION]


@dataclass(frozen=True)
class Plan:
    """One generated act: its template, code and the days of its versions."""

    index: int
    template: int
    code: str
    days: tuple[date, ...]
    omnibus: tuple[int | None, ...]  # the omnibus that made each version, if one did
    removed_on: date | None
    #: each unit's first line ends in a word of the act's own (`own_word`): no two acts
    #: share a unit's text, as in the bank, where the acts made from one template share
    #: most of theirs (and the parser's memos serve one act from another's)
    own_words: bool = False


def plan_acts(count: int, template_count: int, seed: int, own_words: bool = False) -> tuple[list[Plan], list[date]]:
    rng = random.Random(seed)
    omnibus_days = sorted(_random_day(rng, date(1996, 1, 1), LAST_DAY) for _ in range(max(1, count // 50)))
    plans = []
    for index in range(count):
        template = index % template_count
        gaps = [rng.randint(20, 700) for _ in range(rng.randint(1, 15) - 1)]
        latest_start = LAST_DAY - timedelta(days=sum(gaps))
        if latest_start < FIRST_DAY:  # a long history: its gaps shrink to fit 1991–2025
            scale = (LAST_DAY - FIRST_DAY).days / sum(gaps)
            gaps = [max(1, int(gap * scale)) for gap in gaps]
            latest_start = max(FIRST_DAY, LAST_DAY - timedelta(days=sum(gaps)))
        days = [_random_day(rng, FIRST_DAY, latest_start)]
        for gap in gaps:
            days.append(days[-1] + timedelta(days=gap))
        omnibus: list[int | None] = [None] * len(days)
        for k in range(1, len(days)):
            if rng.random() < 1 / 6:
                low, high = days[k - 1], days[k + 1] if k + 1 < len(days) else LAST_DAY + timedelta(days=1)
                at = bisect.bisect_right(omnibus_days, low)
                if at < len(omnibus_days) and omnibus_days[at] < high:
                    days[k], omnibus[k] = omnibus_days[at], at
        removed_on = days[-1] + timedelta(days=rng.randint(30, 400)) if rng.random() < 0.02 else None
        if removed_on and removed_on > LAST_DAY:
            removed_on = None
        plans.append(Plan(index, template, str(FIRST_CODE + index), tuple(days), tuple(omnibus), removed_on, own_words))
    return plans, omnibus_days


def _random_day(rng: random.Random, low: date, high: date) -> date:
    return low + timedelta(days=rng.randint(0, (high - low).days))


# --------------------------------------------------------------------------- texts


def act_files(template: Template, plan: Plan, k: int) -> dict[str, bytes]:
    """The files of version ``k`` (0 = the first) of a generated act."""
    texts = {name: content.decode("utf-8") for name, content in template.files.items() if name.endswith(".md")}
    lines = {name: text.split("\n") for name, text in texts.items()}
    # a changed unit keeps its first line (its notes go in the same list item), so the
    # units are found once
    units_of = {name: [i for i, line in enumerate(file_lines) if _UNIT.match(line)] for name, file_lines in lines.items()}
    if plan.own_words:
        word = own_word(plan.code)
        for name, file_lines in lines.items():
            for i in units_of[name]:
                file_lines[i] = f"{file_lines[i].rstrip()} {word}"
    for j in range(1, k + 1):
        rng = random.Random(f"{plan.code}:{j}")
        positions = [rng.random() for _ in range(rng.randint(1, 3))]
        amending = _amending_number(plan, j)
        for name, file_lines in lines.items():
            units = units_of[name]
            if not units:
                continue
            language = "rus" if name.startswith("rus") else "kaz"
            for position in positions:
                i = units[int(position * len(units))]
                file_lines[i] = _changed(file_lines[i], language, j, plan.days[j], amending, template.is_law)
    files = {name: "\n".join(file_lines).encode("utf-8") for name, file_lines in lines.items()}
    files["meta.yaml"] = version_meta(template, plan, k)
    return files


def own_word(code: str) -> str:
    """A word no other act prints: its code in letters (``1000047`` → ``баааадз``), so that
    no number of the unit changes."""
    return code.translate(str.maketrans("0123456789", "абвгдежзик"))


def _changed(line: str, language: str, j: int, day: date, amending: str, is_law: bool) -> str:
    head, _, rest = line.partition("\n")  # a unit changed before carries its notes below
    numbers = list(_NUMBER.finditer(head))
    if numbers and j % 2:
        number = numbers[-1]
        head = f"{head[: number.start()]}{int(number.group()) + j}{head[number.end() :]}"
    else:
        head = head.rstrip() + _ADDED[language]
    indent = re.match(r"\s*", head).group()
    printed = day.strftime("%d.%m.%Y")
    if language == "kaz":
        act = "Заңымен" if is_law else "бұйрығымен"
        note = f"> *Ескерту. Өзгеріс енгізілді - ҚР {printed} № {amending} {act} (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі).*"
    else:
        act = "Законом РК" if is_law else "приказом"
        note = f"> *Сноска. С изменением, внесенным {act} от {printed} № {amending} (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).*"
    return f"{head}\n\n{indent}{note}" + (f"\n{rest}" if rest else "")


def _amending_number(plan: Plan, j: int) -> str:
    omnibus = plan.omnibus[j]
    return f"{900 + omnibus}-O" if omnibus is not None else f"{plan.index % 997 + j}"


def version_meta(template: Template, plan: Plan, k: int) -> bytes:
    meta = derived_meta(template.files["meta.yaml"], plan.code).decode("utf-8")
    meta = meta.split("\ncaused_by:", 1)[0].rstrip("\n") + "\n"
    day = plan.days[k]
    meta = re.sub(r"^approved_on: .*$", f"approved_on: {plan.days[0].isoformat()}", meta, flags=re.MULTILINE)
    meta = re.sub(r"^(  (?:kaz|rus)): \d{4}-\d{2}-\d{2}$", rf"\g<1>: {day.isoformat()}", meta, flags=re.MULTILINE)
    meta = re.sub(r"/(kaz|rus)/\d{2}\.\d{2}\.\d{4}$", rf"/\g<1>/{day.strftime('%d.%m.%Y')}", meta, flags=re.MULTILINE)
    if k > 0:
        number = _amending_number(plan, k)
        code = _cause_code(plan, k)
        kind = "Закон Республики Казахстан" if template.is_law else "Приказ"
        meta += (
            f"caused_by:\n  code: '{code}'\n  requisite: {kind} от {day.isoformat()} № {number}\n"
            f"  title:\n    rus: О внесении изменений\n    kaz: Өзгерістер енгізу туралы\n"
            f"  link: https://zan.gov.kz/client/#!/doc/{code}/rus\n"
        )
    return meta.encode("utf-8")


def _cause_code(plan: Plan, k: int) -> str:
    """The bank code of the act that made version ``k`` (k > 0) of a generated act."""
    if plan.omnibus[k] is not None:
        return str(500_000 + plan.omnibus[k])
    if k < 16:  # the 1 to 15 versions an act is planned with
        return str(500_000 + plan.index * 16 + k)
    return str(50_000_000 + plan.index * 1_000 + k)  # a version appended by --more past them


def act_folder(template: Template, plan: Plan, *, old_layout: bool = False) -> str:
    adopted = plan.days[0]
    if old_layout:
        return f"{template.section}/{adopted:%Y%m%d}-{template.slug}-{plan.code}"
    return f"{template.section}/{adopted:%Y}/{adopted:%m%d}-{template.slug}-{plan.code}"


def starts_in_old_layout(template: Template, plan: Plan) -> bool:
    return template.is_law and template.section == "03-laws" and plan.days[0] < LAYOUT_DAY


# --------------------------------------------------------------------------- commits


def commits(plans: list[Plan], templates_: list[Template]) -> Iterator[Commit]:
    """The commits oldest first: one per act version, one per omnibus day, one per
    removal, and the layout commit."""
    for events in event_groups(plans):
        yield _commit(events, plans, templates_)


def event_groups(plans: list[Plan]) -> Iterator[list[tuple]]:
    """The events of each commit, oldest commit first (no texts: cheap to count)."""
    events: list[tuple[date, tuple, int, int]] = []  # (day, group, act, version or -1 removal)
    for plan in plans:
        for k, (day, omnibus) in enumerate(zip(plan.days, plan.omnibus)):
            group = ("omnibus", omnibus) if omnibus is not None else ("act", plan.index, k)
            events.append((day, group, plan.index, k))
        if plan.removed_on:
            events.append((plan.removed_on, ("removed", plan.index), plan.index, -1))
    events.append((LAYOUT_DAY, ("layout",), -1, 0))
    events.sort(key=lambda event: (event[0], event[1][0] != "layout", event[1], event[2]))
    start = 0
    while start < len(events):
        end = start + 1
        while end < len(events) and events[end][:2] == events[start][:2]:
            end += 1
        yield events[start:end]
        start = end


def _commit(events: list[tuple], plans: list[Plan], templates_: list[Template]) -> Commit:
    day, group = events[0][0], events[0][1]
    changes: dict[str, bytes | None] = {}
    if group[0] == "layout":
        moved = [p for p in plans if starts_in_old_layout(templates_[p.template], p) and not (p.removed_on and p.removed_on <= day)]
        renames = {
            act_folder(templates_[p.template], p, old_layout=True): act_folder(templates_[p.template], p)
            for p in moved
        }
        return Commit(day.isoformat(), "Layout: 03-laws/YYYY/MMDD-slug-CODE", {}, renames=renames)
    for _, _, index, k in events:
        plan = plans[index]
        template = templates_[plan.template]
        old = starts_in_old_layout(template, plan) and day < LAYOUT_DAY
        folder = act_folder(template, plan, old_layout=old)
        if k < 0:
            changes[folder] = None
        else:
            changes.update({f"{folder}/{name}": content for name, content in act_files(template, plan, k).items()})
    if group[0] == "removed":
        return Commit(day.isoformat(), f"Утратил силу: {plans[events[0][2]].code}", changes)
    first = plans[events[0][2]]
    k = events[0][3]
    trailers = {}
    if k > 0:
        meta = version_meta(templates_[first.template], first, k).decode("utf-8")
        code = re.search(r"  code: '(\d+)'", meta)[1]
        requisite = re.search(r"  requisite: (.*)", meta)[1]
        trailers = {
            "Cause-Act-Code": code,
            "Cause-Act-Requisite": requisite,
            "Cause-Act-Title": "О внесении изменений",
            "Cause-Act-Link": f"https://zan.gov.kz/client/#!/doc/{code}/rus",
            "Acts-Changed": str(len(events)),
        }
    subject = f"№{_amending_number(first, k)} О внесении изменений" if k > 0 else f"Новый акт {first.code}"
    return Commit(day.isoformat(), subject, changes, trailers)


# --------------------------------------------------------------------------- more commits


def more_commits(plans: list[Plan], omnibus_count: int, seed: int, count: int) -> tuple[list[Plan], list[list[tuple]]]:
    """The first ``count`` commits after the generated history, as events (see
    `event_groups`), and the plans with their new versions. Every ``--more`` continues
    this one sequence, so commit n is the same whichever run appends it: dated
    ``LAST_DAY`` + n + 1 days, a new version of one act not removed, or (one in six)
    of two to eight acts from one omnibus act."""
    rng = random.Random(f"more:{seed}")
    plans = list(plans)
    kept = [plan.index for plan in plans if plan.removed_on is None]
    groups = []
    omnibus_id = omnibus_count  # after the generated omnibus acts
    for n in range(count):
        day = LAST_DAY + timedelta(days=n + 1)
        omnibus: int | None = None
        touched = [rng.choice(kept)]
        if rng.random() < 1 / 6 and len(kept) > 1:
            touched = sorted(rng.sample(kept, min(len(kept), rng.randint(2, 8))))
            omnibus, omnibus_id = omnibus_id, omnibus_id + 1
        events = []
        for index in touched:
            plan = plans[index]
            k = len(plan.days)
            plans[index] = replace(plan, days=plan.days + (day,), omnibus=plan.omnibus + (omnibus,))
            events.append((day, ("omnibus", omnibus) if omnibus is not None else ("act", index, k), index, k))
        groups.append(events)
    return plans, groups


def _git_line(repository: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repository), *args], check=True, capture_output=True, text=True).stdout.strip()


# --------------------------------------------------------------------------- writing


def _counting(stream: Iterator[Commit], counted: dict[str, int]) -> Iterator[Commit]:
    for commit in stream:
        counted["commits"] += 1
        counted["versions"] += sum(1 for path in commit.changes if path.endswith("/meta.yaml"))
        counted["bytes"] += sum(len(c) for c in commit.changes.values() if c)
        yield commit


def _repository_bytes(path: Path) -> int:
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def make(out: Path, acts: int, seed: int = 1, own_words: bool = False) -> dict[str, float]:
    started = time.perf_counter()
    templates_ = templates()
    plans, _ = plan_acts(acts, len(templates_), seed, own_words)
    init_repository(out, bare=True)
    counted = {"commits": 0, "versions": 0, "bytes": 0}
    write_commits(out, _counting(commits(plans, templates_), counted), checkout=False)
    seconds = time.perf_counter() - started
    return {"acts": acts, **counted, "seconds": seconds, "repository_bytes": _repository_bytes(out)}


def append(repository: Path, acts: int, more: int, seed: int = 1, own_words: bool = False) -> dict[str, float]:
    """Append ``more`` commits to a repository `make` made with these ``acts``, ``seed``
    and ``own_words`` (and perhaps appended to before): each a new version of acts it
    holds, dated after its last commit, continuing the branch (``from refs/heads/main^0``)."""
    started = time.perf_counter()
    templates_ = templates()
    plans, omnibus_days = plan_acts(acts, len(templates_), seed, own_words)
    generated = sum(1 for _ in event_groups(plans))
    appended = int(_git_line(repository, "rev-list", "--count", f"refs/heads/{BRANCH}")) - generated
    if appended < 0:
        raise ValueError(f"{repository} has fewer commits than --acts {acts} --seed {seed} make: not made with them")
    plans, groups = more_commits(plans, len(omnibus_days), seed, appended + more)
    head_day = _git_line(repository, "log", "-1", "--format=%cs", f"refs/heads/{BRANCH}")
    if head_day >= groups[appended][0][0].isoformat():
        raise ValueError(f"{repository}'s last commit ({head_day}) is not before the commits to append: not made with --acts {acts} --seed {seed}")
    bare = _git_line(repository, "rev-parse", "--is-bare-repository") == "true"
    counted = {"commits": 0, "versions": 0, "bytes": 0}
    stream = (_commit(events, plans, templates_) for events in groups[appended:])
    write_commits(repository, _counting(stream, counted), checkout=not bare)
    seconds = time.perf_counter() - started
    return {"acts": acts, **counted, "seconds": seconds, "repository_bytes": _repository_bytes(repository)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--acts", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True, help="a new folder: the bare repository")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--more", type=int, metavar="K", help="append K commits to --out, made before with the same --acts and --seed"
    )
    parser.add_argument(
        "--own-words", action="store_true", help="each act's units end in a word of its own: no two acts share a unit's text, as in the bank"
    )
    args = parser.parse_args()
    if args.more is not None:
        try:
            figures = append(args.out, args.acts, args.more, args.seed, args.own_words)
        except (ValueError, subprocess.CalledProcessError) as error:
            parser.error(str(error))
    elif args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} exists and is not empty")
    else:
        figures = make(args.out, args.acts, args.seed, args.own_words)
    print(
        f"{figures['acts']} acts, {figures['versions']} versions, {figures['commits']} commits "
        f"{'appended' if args.more is not None else 'made'}, "
        f"{figures['bytes'] / 1e6:.0f} MB of files written, in {figures['seconds']:.0f} s; "
        f"repository {figures['repository_bytes'] / 1e6:.0f} MB"
    )


if __name__ == "__main__":
    main()
