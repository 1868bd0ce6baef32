"""A git repository in the bank's layout, made from the real texts, for tests and benchmarks.

The bank's repositories (``../shared/notes/FORMATS.md`` §3) hold one folder per act and
one commit per version, dated the version date at 00:00 UTC, with trailers naming the
amending act. `build_test_repository` makes such a repository, with git's own
``git fast-import``, from the real texts of the bundled corpus (``corpus/zan-gov-kz``):

- each act of ``corpus-extra`` as one commit per version at its version date with its
  ``meta.yaml`` (11034: three versions, 137412: three, and three single-version orders),
  under ``07-ministerial/<body>/YYYY/MMDD-slug-CODE/``, the folder names of the bank;
- the acts of ``corpus-bank`` with both languages: the laws under ``03-laws/``, the
  split constitutional law 4 under ``01-const-laws/`` with its part files
  ``kaz/ch015.md``, ``rus/ch015.md``; the Russian texts of 87811 and of 137412's
  newest version with their Kazakh ones;
- trailers (``Cause-Act-Code``, ``-Requisite``, ``-Title``, ``-Link``, ``Acts-Changed``)
  on every commit whose meta has ``caused_by``;
- an omnibus commit: order № 268 of 27.09.2010 (code 55036) amended several orders of
  the Ministry of Justice; the repository holds one of them, 11034, for real, so the
  commit also gives a version to a second act derived from 11034's texts (code
  ``OMNIBUS_COMPANION``, its meta says it is generated: the only act here that is not real);
- an act removed: 87811, repealed by order № 240 of 3 April 2017 (its requisite says
  so), leaves the repository in a commit of that date;
- a folder that moved between layouts: 4051 first stands at
  ``03-laws/19990713-…-4051/`` and moves to ``03-laws/1999/0713-…-4051/``.

137412's third version (2020-10-27) has no stored meta: its commit changes the texts
and keeps the meta of 2020-08-10, as nothing is invented.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import yaml

#: The real texts, as the bundled corpus holds them (corpus/zan-gov-kz: the acts of the
#: bank's corpus-extra and corpus-bank, see its README): the repository is made from the
#: checkout alone, so a fresh clone's tests need nothing beside it.
CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "zan-gov-kz"
EXTRA = CORPUS
BANK = CORPUS

BRANCH = "main"
AUTHOR = "zan.gov.kz mirror <mirror@example.invalid>"

#: The code given to the act derived from 11034 that the omnibus commit also touches.
OMNIBUS_COMPANION = "9011034"


@dataclass(frozen=True)
class Commit:
    """One commit: its date (the version date), message, and the files it writes
    (path → bytes) or removes (path → None; a folder path removes the folder), and
    the folders it moves (old path → new path)."""

    day: str
    subject: str
    changes: dict[str, bytes | None]
    trailers: dict[str, str] = field(default_factory=dict)
    renames: dict[str, str] = field(default_factory=dict)

    def message(self) -> str:
        text = self.subject + "\n"
        if self.trailers:
            text += "\n" + "".join(f"{key}: {value}\n" for key, value in self.trailers.items())
        return text


# --------------------------------------------------------------------------- writing


def init_repository(path: Path, *, bare: bool = False) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["git", "init", "-q", "-b", BRANCH, *(["--bare"] if bare else []), str(path)], check=True
    )
    return path


def write_commits(repository: Path, commits: Iterable[Commit], *, checkout: bool = True) -> None:
    """Append ``commits`` to the branch with one ``git fast-import`` (streamed: the
    commits may be a generator of any length), then check the branch out."""
    branch_exists = (
        subprocess.run(
            ["git", "-C", str(repository), "rev-parse", "--verify", "--quiet", f"refs/heads/{BRANCH}"],
            capture_output=True,
        ).returncode
        == 0
    )
    process = subprocess.Popen(
        ["git", "-C", str(repository), "fast-import", "--quiet", "--done"], stdin=subprocess.PIPE
    )
    assert process.stdin is not None
    first = True
    for commit in commits:
        process.stdin.write(fast_import_commit(commit, from_branch=first and branch_exists))
        first = False
    process.stdin.write(b"done\n")
    process.stdin.close()
    if process.wait() != 0:
        raise RuntimeError(f"git fast-import failed in {repository}")
    if checkout:
        subprocess.run(["git", "-C", str(repository), "reset", "-q", "--hard", BRANCH], check=True)


def fast_import_commit(commit: Commit, *, from_branch: bool = False) -> bytes:
    stamp = int(datetime.combine(date.fromisoformat(commit.day), datetime.min.time(), timezone.utc).timestamp())
    message = commit.message().encode("utf-8")
    parts = [
        f"commit refs/heads/{BRANCH}\n".encode(),
        f"author {AUTHOR} {stamp} +0000\n".encode(),
        f"committer {AUTHOR} {stamp} +0000\n".encode(),
        f"data {len(message)}\n".encode(),
        message,
        b"\n",
    ]
    if from_branch:
        parts.append(f"from refs/heads/{BRANCH}^0\n".encode())
    for old, new in commit.renames.items():
        parts.append(f"R {old} {new}\n".encode())
    for path, content in commit.changes.items():
        if content is None:
            parts.append(f"D {path}\n".encode())
        else:
            parts += [f"M 100644 inline {path}\n".encode(), f"data {len(content)}\n".encode(), content, b"\n"]
    parts.append(b"\n")
    return b"".join(parts)


# --------------------------------------------------------------------------- messages


def cause_of(meta: bytes) -> dict | None:
    """The meta's ``caused_by`` mapping, if any."""
    data = yaml.safe_load(meta.decode("utf-8"))
    return data.get("caused_by") if isinstance(data, dict) else None


def commit_message_for(cause: dict | None, metas: list[bytes]) -> tuple[str, dict[str, str]]:
    """Subject and trailers of a commit giving versions with these metas, as the
    bank writes them: ``№268 <title>`` and the ``Cause-Act-*`` trailers of the
    amending act; a commit without a known cause is named by the act's own requisites."""
    if not cause:
        data = yaml.safe_load(metas[0].decode("utf-8"))
        return f"{_number(data['requisite'])} {data['title']['rus']}".strip(), {}
    title = (cause.get("title") or {}).get("rus", "")
    trailers = {
        "Cause-Act-Code": str(cause["code"]),
        "Cause-Act-Requisite": cause["requisite"],
        "Cause-Act-Title": title,
        "Cause-Act-Link": cause["link"],
        "Acts-Changed": str(len(metas)),
    }
    return f"{_number(cause['requisite'])} {title}".strip(), trailers


def _number(requisite: str) -> str:
    match = re.search(r"(?:№|\bN)\s*([^\s,]+?)(?=\.?(?:\s|$))", requisite)
    return f"№{match[1]}" if match else ""


# --------------------------------------------------------------------------- the test repository

#: Folder of each act in the repository: the bank's own paths (corpus READMEs).
MINISTERIAL = "07-ministerial"
FOLDERS = {
    "11034": f"{MINISTERIAL}/103001000000-adilet/2001/1211-ob-utverzhdenii-instruktsii-po-primeneniiu-sotrudnikami-ispravit-11034",
    "137412": f"{MINISTERIAL}/101001000000-administratsiia-prezidenta/2019/1203-ob-utverzhdenii-naturalnykh-norm-obespecheniia-spetsialnymi-avto-137412",
    "164562": f"{MINISTERIAL}/103002000000-minfin/2022/0215-ob-opredelenii-uslovii-obema-i-tselevogo-naznacheniia-vypuska-go-164562",
    "87811": f"{MINISTERIAL}/103003000000-qriim/2015/0213-ob-utverzhdenii-pravil-provedeniia-audita-v-oblasti-pozharnoi-be-87811",
    "180312": f"{MINISTERIAL}/101004000000-upravlenie-delami-prezidenta/2023/0425-ob-utverzhdenii-poriadka-priobreteniia-otchuzhdeniia-avtomobilny-180312",
    OMNIBUS_COMPANION: f"{MINISTERIAL}/103001000000-adilet/2001/1211-generated-companion-of-11034-{OMNIBUS_COMPANION}",
    "4051": "03-laws/1999/0713-o-gosudarstvennom-spetsialnom-posobii-litsam-rabotavshim-na-podz-4051",
    "4570": "03-laws/1999/1116-o-prozhitochnom-minimume-4570",
    "104446": "03-laws/1997/0715-o-vvedenii-v-deistvie-ugolovnogo-kodeksa-respubliki-kazakhstan-104446",
    "33276": "03-laws/2007/0515-o-vvedenii-v-deistvie-trudovogo-kodeksa-respubliki-kazakhstan-33276",
    "4013": "03-laws/1995/1129-o-vneseniia-dopolneniia-i-izmenenii-v-zakon-respubliki-kazakhsta-4013",
    "160919": "03-laws/2021/1130-o-garantirovannom-transferte-iz-natsionalnogo-fonda-respubliki-k-160919",
    "4": "01-const-laws/1995/0928-o-vyborakh-v-respublike-kazakhstan-4",
}
#: 4051 in the older layout, before the commit that moves it.
OLD_FOLDER_4051 = "03-laws/19990713-o-gosudarstvennom-spetsialnom-posobii-litsam-rabotavshim-na-podz-4051"

EXTRA_FOLDERS = {
    "11034": "11034-adilet",
    "137412": "137412-administratsiia-prezidenta",
    "164562": "164562-minfin",
    "87811": "87811-qriim",
    "180312": "180312-upravlenie-delami-prezidenta",
}
BANK_FOLDERS = {
    "4051": "4051-posobie-gornye-raboty",
    "4570": "4570-prozhitochnyi-minimum",
    "104446": "104446-vvedenie-ugolovnogo-kodeksa-1997",
    "33276": "33276-vvedenie-trudovogo-kodeksa-2007",
    "4013": "4013-izmeneniia-zakon-okhrana-zdorovia",
    "160919": "160919-garantirovannyi-transfert-2022-2024",
    "4": "4-konst-zakon-o-vyborakh",
}

#: Repeal of 87811: "Утратил силу приказом Министра внутренних дел Республики Казахстан
#: от 3 апреля 2017 года № 240" (its requisite): the day its folder leaves.
REMOVED_ACT = "87811"
REMOVED_ON = "2017-04-03"
MOVED_ACT = "4051"


@dataclass(frozen=True)
class ActVersionSpec:
    """What the test repository holds for one act at one commit: its version date and
    files (name in the folder → bytes)."""

    act_code: str
    day: str
    files: dict[str, bytes]
    #: The amending act (meta ``caused_by``); None when the version has none, or when
    #: its meta is not its own (a version with no stored meta keeps the one before).
    cause: dict | None = None


def extra_versions() -> list[ActVersionSpec]:
    """Every version of every corpus-extra act, with the Russian texts corpus-bank has
    for the same versions (87811; 137412's newest). A version without a stored meta
    keeps the meta before it."""
    versions = []
    for code, folder in EXTRA_FOLDERS.items():
        source = EXTRA / folder
        meta: bytes | None = None
        for text in sorted(source.glob("kaz*.md")):
            day = _version_day(text.name)
            meta_path = source / text.name.replace("kaz", "meta").replace(".md", ".yaml")
            own_meta = meta_path.exists()
            if own_meta:
                meta = meta_path.read_bytes()
            assert meta is not None, text
            if day is None:
                day = str(yaml.safe_load(meta)["version_date"]["kaz"])
            files = {"meta.yaml": meta, "kaz.md": text.read_bytes()}
            versions.append(ActVersionSpec(code, day, files, cause_of(meta) if own_meta else None))
    russian = {
        ("87811", "2015-02-13"): CORPUS / "87811-qriim" / "rus.md",
        ("137412", "2020-10-27"): CORPUS / "137412-administratsiia-prezidenta" / "rus@2020-10-27.md",
    }
    for index, version in enumerate(versions):
        if (version.act_code, version.day) in russian:
            files = dict(version.files, **{"rus.md": russian[version.act_code, version.day].read_bytes()})
            versions[index] = ActVersionSpec(version.act_code, version.day, files, version.cause)
    return versions


def bank_versions() -> list[ActVersionSpec]:
    """The corpus-bank laws, one version each, both languages and part files."""
    versions = []
    for code, folder in BANK_FOLDERS.items():
        source = BANK / folder
        files = {
            str(path.relative_to(source)): path.read_bytes() for path in sorted(source.rglob("*")) if path.is_file()
        }
        day = str(yaml.safe_load(files["meta.yaml"])["version_date"]["kaz"])
        versions.append(ActVersionSpec(code, day, files, cause_of(files["meta.yaml"])))
    return versions


def companion_version(version: ActVersionSpec) -> ActVersionSpec:
    """The act derived from an 11034 version for the omnibus commit: same texts, its
    own code and number, and a meta that says it is generated."""
    meta = derived_meta(version.files["meta.yaml"], OMNIBUS_COMPANION)
    return ActVersionSpec(OMNIBUS_COMPANION, version.day, {**version.files, "meta.yaml": meta}, version.cause)


def derived_meta(meta: bytes, code: str) -> bytes:
    """A meta.yaml for an act generated from a real one: its ``act_code``, the number
    and the registration number in its requisite and the code in its source links
    become ``code``, and a comment
    says it is generated."""
    text = meta.decode("utf-8")
    original = re.search(r"^act_code: '(\d+)'", text, re.MULTILINE)[1]
    text = re.sub(r"^act_code: '\d+'", f"act_code: '{code}'", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^(requisite: [^\n]*?(?:№|\bN)\s*)[^\s.,]+", rf"\g<1>{code}", text, count=1, flags=re.MULTILINE)
    # and its registration number: the act's id comes from it (V1900019742), so acts made
    # from one real act would otherwise all claim that act's id (V1900019742~2, ~3 …)
    text = re.sub(r"^(requisite: [^\n]*?(?:Зарегистрирован|тіркелді)[^\n№]*№\s*)\d+", rf"\g<1>{code}", text, count=1, flags=re.MULTILINE)
    text = text.replace(f"/doc/{original}/", f"/doc/{code}/")
    return f"# generated from act {original} for tests and benchmarks: not an act of the bank\n{text}".encode()


def repository_commits() -> list[Commit]:
    """The commits of the test repository, oldest first (see the module's docstring)."""
    versions = extra_versions() + bank_versions()
    companions = [companion_version(v) for v in versions if v.act_code == "11034" and v.day >= "2010-09-27"]
    groups: dict[tuple[str, str], list[ActVersionSpec]] = {}
    for version in versions + companions:
        # one commit per act and version, except the omnibus: one per amending act and day
        key = (version.day, str(version.cause["code"]) if version.cause else f"act:{version.act_code}")
        groups.setdefault(key, []).append(version)
    commits = []
    previous_files: dict[str, dict[str, bytes]] = {}
    for (day, _), group in sorted(groups.items()):
        changes: dict[str, bytes | None] = {}
        for version in sorted(group, key=lambda v: v.act_code):
            folder = OLD_FOLDER_4051 if version.act_code == MOVED_ACT else FOLDERS[version.act_code]
            before = previous_files.get(version.act_code, {})
            changes.update({f"{folder}/{name}": content for name, content in version.files.items() if before.get(name) != content})
            previous_files[version.act_code] = version.files
        subject, trailers = commit_message_for(group[0].cause, [v.files["meta.yaml"] for v in group])
        commits.append(Commit(day, subject, changes, trailers))
    commits.append(_removal_commit())
    commits.sort(key=lambda commit: commit.day)
    commits.append(_move_commit(previous_files[MOVED_ACT], commits[-1].day))
    return commits


def _removal_commit() -> Commit:
    return Commit(
        REMOVED_ON,
        "№240 Утратил силу приказ Министра внутренних дел Республики Казахстан от 13 февраля 2015 года № 111",
        {FOLDERS[REMOVED_ACT]: None},
    )


def _move_commit(files: dict[str, bytes], day: str) -> Commit:
    """The layout change: 4051's folder moves to ``03-laws/YYYY/MMDD-slug-CODE/``,
    its files unchanged. Dated as the newest commit before it (a layout change is not
    a version and has no date of its own)."""
    changes: dict[str, bytes | None] = {OLD_FOLDER_4051: None}
    changes.update({f"{FOLDERS[MOVED_ACT]}/{name}": content for name, content in files.items()})
    return Commit(day, "Layout: 03-laws/YYYY/MMDD-slug-CODE", changes)


def _version_day(name: str) -> str | None:
    match = re.search(r"@(\d{4}-\d{2}-\d{2})", name)
    return match[1] if match else None


def build_test_repository(path: Path, *, commits: list[Commit] | None = None) -> Path:
    """Make the test repository at ``path`` (a new folder) from ``commits`` (default:
    all of `repository_commits`) and check it out."""
    init_repository(path)
    write_commits(path, repository_commits() if commits is None else commits)
    return path
