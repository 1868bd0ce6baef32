"""The `zan` command: a thin layer over `parser`, `zan.messages` and `db`.

It never imports the site (`datasette_plugins`, tests/test_layers.py): `zan serve` starts
Datasette with the settings `db.publish` holds, and Datasette loads the plugin by its
entry point."""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from pathlib import Path

import click

from db.corpus import PUBLICATIONS_FILE, CorpusNotFound, corpus_files
from db.sources import meta_beside, parse_file, part_files
from db.git_history import find_repositories
from db.changes import changes, pending, since
from db.queries import NotZanDatabase, UnknownAct, act_diff, act_on, act_versions, acts_on, check_database, problem_counts_by_file
from zan import messages
from parser.dates import read_date, to_display
from zan.messages import t

DEFAULT_DB = "laws.db"
DEFAULT_CORPUS = "corpus"


class DatasetteSetting(click.types.CompositeParamType):
    """Datasette's own ``--setting NAME VALUE`` check, imported when a setting is given:
    loading Datasette takes most of a second that `zan at` or `zan parse` need not wait."""

    name = "setting"
    arity = 2

    def convert(self, value, param, ctx):
        from datasette.cli import Setting

        return Setting().convert(value, param, ctx)


class Failure(click.ClickException):
    """A command's error as one line in the reader's language (``--lang``): ``Қате: …`` /
    ``Ошибка: …``, exit status 1, never a traceback."""

    def __init__(self, message: str, lang: str = messages.DEFAULT_LANGUAGE, exit_code: int = 1) -> None:
        super().__init__(message)
        self.lang = lang
        self.exit_code = exit_code  # 2, as click says it, for a command given wrongly

    def show(self, file=None) -> None:
        click.echo(t("error_cli", self.lang, message=self.message), err=True)


def checked_database(db_path: Path, lang: str) -> Path:
    """`db_path` when it is a database `zan build` wrote; a `Failure` saying what it is otherwise."""
    try:
        check_database(db_path)
    except NotZanDatabase as error:
        raise Failure(t(f"error_db_{error.reason}", lang, path=db_path), lang) from None
    return db_path


db_option = click.option(
    "--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False, path_type=Path), help="SQLite database file."
)


def _lang(ctx, param, value) -> str:
    try:
        return messages.parse_lang(value)
    except messages.UnknownLanguage as error:
        raise click.BadParameter(str(error)) from None


lang_option = click.option(
    "--lang", default=messages.DEFAULT_LANGUAGE, show_default=True, callback=_lang, help="Language of the human output: kk or ru (JSON keeps codes)."
)
text_lang_option = click.option(
    "--lang",
    default=messages.DEFAULT_LANGUAGE,
    show_default=True,
    callback=_lang,
    help="Language of the act's text answered (the act's primary text when it has none in it) and of the human output: kk or ru.",
)
corpus_option = click.option(
    "--corpus", default=DEFAULT_CORPUS, show_default=True, type=click.Path(file_okay=False, path_type=Path), help="Folder of source documents."
)


@click.group()
@click.version_option(package_name="zan")
def cli() -> None:
    """Zan (заң): Kazakhstan's legal acts, every amendment, any date."""


@cli.command(name="build")
@corpus_option
@db_option
@click.option(
    "--workers", type=click.IntRange(min=1), default=None, help="Processes that parse (default: one per CPU; 1 parses in this process)."
)
@click.option(
    "--cache",
    "cache_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Parse cache file (default: DB.cache beside the database); unchanged files are not parsed again.",
)
@click.option("--no-cache", is_flag=True, help="Parse every file and keep no parse cache.")
@lang_option
def build_command(corpus: Path, db_path: Path, workers: int | None, cache_path: Path | None, no_cache: bool, lang: str) -> None:
    """Parse every document of the corpus into a new database (for git repositories
    after `git pull`: update it from the new commits, or say why the build is a full one)."""
    cache: Path | bool = False if no_cache else (cache_path or True)
    summary = _build_with_progress(corpus, db_path, lang, workers=workers, cache=cache)
    click.echo(f"{db_path}: {messages.build_summary_line(summary, lang)}")
    _print_problem_files(db_path, lang, summary.problems_after)


def _print_problem_files(db_path: Path, lang: str, after: int = 0) -> None:
    """Each file with problems the build recorded (after the problem row `after`: an
    update names those of what it stored again and of its passes, not the whole
    database's again), how many and of which kinds (all of them: `/-/problems` and the
    `problems` table)."""
    connection = sqlite3.connect(db_path)
    try:
        for path, kinds in problem_counts_by_file(connection, after):
            described = "; ".join(f"{messages.problem_kind_text(kind, lang)} ×{count}" for kind, count in kinds)
            click.echo(f"  {path or '—'}: {sum(count for _, count in kinds)} — {described}")
    finally:
        connection.close()


def _build_with_progress(corpus: Path, db_path: Path, lang: str = messages.DEFAULT_LANGUAGE, **options):
    from db.load import build  # the build's process pool and git readers, loaded only to build

    try:
        files = corpus_files(corpus)
    except CorpusNotFound:
        raise Failure(t("error_no_corpus", lang, path=corpus), lang) from None
    # the texts of git repositories are counted as they are read: their number is not known before
    total = None if find_repositories(corpus) else len(files)
    progress = BuildProgress(total, sys.stderr, lang)
    try:
        return build(corpus, db_path, on_progress=progress.advance, on_acts=progress.acts_stored, **options)
    finally:
        progress.close()


class BuildProgress:
    """What a build has done so far, on one line of a terminal, in the reader's language:
    texts read, megabytes, MB/s and the time left when the number of texts is known (a
    corpus of files); then the acts held in versions stored, and their versions."""

    def __init__(self, total: int | None, stream, lang: str = messages.DEFAULT_LANGUAGE, interval: float = 0.2) -> None:
        self.total, self.stream, self.lang, self.interval = total, stream, lang, interval
        self.documents = self.size = 0
        self.acts: tuple[int, int, int] | None = None  # (stored, of, versions)
        self.started = self.shown = time.monotonic()
        self.live = stream.isatty()

    def advance(self, documents: int, size: int) -> None:
        self.documents += documents
        self.size += size
        self._draw()

    def acts_stored(self, done: int, total: int, versions: int) -> None:
        self.acts = (done, total, versions)
        self._draw()

    def _draw(self) -> None:
        now = time.monotonic()
        if self.live and now - self.shown >= self.interval:
            self.shown = now
            self.stream.write("\r" + self.line(now) + "\033[K")
            self.stream.flush()

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        done = f"{self.documents}" + (f"/{self.total}" if self.total else "")
        parts = [messages.t("progress_texts", self.lang, done=done, size=f"{self.size / 1e6:.1f}", rate=f"{self.size / elapsed / 1e6:.2f}")]
        if self.acts is not None:
            stored, total, versions = self.acts
            parts.append(messages.t("progress_acts", self.lang, done=stored, total=total, versions=versions))
        elif self.total and self.documents:
            parts.append(messages.t("progress_left", self.lang, seconds=f"{elapsed / self.documents * (self.total - self.documents):.0f}"))
        return "; ".join(parts)

    def close(self) -> None:
        if self.live and self.documents:
            self.stream.write("\r" + self.line(time.monotonic()) + "\033[K\n")
            self.stream.flush()


@cli.command(name="parse")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print everything the parser makes of the file as JSON.")
def parse_command(file: Path, as_json: bool) -> None:
    """Show what the parser makes of one FILE."""
    document = parse_file(file)
    if as_json:
        click.echo(json.dumps(document.to_dict(), ensure_ascii=False, indent=2))
        return
    act = document.act
    if act is not None:
        click.echo(f"{act.id}  {act.kind or '?'} № {act.number or '?'} of {act.adopted_on or '?'}  [{act.status}]")
        click.echo(f"  {act.title}")
        version = document.version
        if version is not None:
            effective = version.effective
            took_effect = effective.exact or f"{effective.earliest or '?'} – {effective.latest or '?'}"
            click.echo(f"  version of {version.version_date or '?'} ({version.version_date_basis.rule}), in effect from {took_effect}")
        for provision in document.provisions:
            indent = "  " * (provision.key.count("/") + 1)
            click.echo(f"{provision.source_line:>5} {indent}{provision.kind} {provision.label or ''}: {provision.text[:90]}")
        for note in document.notes:
            click.echo(f"{note.source_line:>5}   note -> {note.target_key or note.target_status}: {note.text[:90]}")
    for problem in document.problems:
        click.echo(f"{problem.severity}: line {problem.source_line or '-'}: {problem.message}", err=True)
    if act is None:
        sys.exit(1)  # nothing could be read: say so to scripts too


@cli.command(name="at")
@click.argument("act_or_date")
@click.argument("date", required=False)
@click.option("--all", "all_acts", is_flag=True, help="Every act of the corpus on DATE (give only the date).")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (the documented contract).")
@db_option
@text_lang_option
def at_command(act_or_date: str, date: str | None, all_acts: bool, as_json: bool, db_path: Path, lang: str) -> None:
    """What was in force on a date: `zan at ACT DATE`, or `zan at --all DATE`."""
    if not all_acts and date is None:
        raise Failure(t("error_at_usage", lang), lang, exit_code=2)
    connection = sqlite3.connect(checked_database(db_path, lang))
    try:
        if all_acts:
            answer = acts_on(connection, _date_argument(date or act_or_date, lang), language=lang)
        else:
            answer = act_on(connection, act_or_date, _date_argument(date, lang), lang)
    except UnknownAct:
        raise Failure(t("error_no_act", lang, id=act_or_date), lang) from None
    finally:
        connection.close()
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
    elif all_acts:
        for act in answer["acts"]:
            click.echo(f"{messages.status_word(act['status'], lang):<16} {act['id']:<22} {act['title'] or ''}")
            click.echo(f"{'':16} {act['basis']}")
    else:
        _print_act_on(answer, lang)


def _say_other_text(answer: dict, message: str, lang: str) -> None:
    """A line saying that the answer comes from another language text than the one asked."""
    shown, asked = answer.get("text_language"), answer.get("text_asked")
    if shown and asked and shown != asked:
        click.echo(t(message, lang, asked=t(f"text_name_{asked}", lang), shown=t(f"text_name_{shown}", lang)))


def _date_argument(value: str, lang: str) -> str:
    try:
        return read_date(value)  # 19.10.2009 or 2009-10-19, as the pages read it
    except ValueError:
        raise Failure(t("error_date", lang, value=value), lang, exit_code=2) from None


def _print_act_on(answer: dict, lang: str) -> None:
    """The act on a date for a reader: its status and why, each unit by its name with its
    status and whether its wording is proven, and the changes that leave it unproven."""
    act, date = answer["act"], answer["date"]
    _say_other_text(act, "text_not_held", lang)
    click.echo(f"{act['id']} — {t('as_of_title', lang, date=messages.to_display(date))}: {messages.status_word(act['status'], lang)} ({act['basis']})")
    _print_came_before(act, date, lang)
    for provision in answer["provisions"]:
        if provision["text_known"]:
            wording = t("proven", lang)
        elif provision["candidate_text"]:
            wording = t("not_proven", lang)
        else:
            wording = t("wording_not_held", lang)
        click.echo(f"  {messages.status_word(provision['status'], lang):<16} {messages.unit_name(provision['key'], lang):<40} {wording}")
    if answer.get("held_as_at"):
        click.echo(messages.held_as_at_text(answer["held_as_at"], date, lang))
    for change in answer["uncertain_changes"]:
        click.echo(messages.uncertain_change_text(change, date, lang))


def _print_came_before(act: dict, date: str, lang: str) -> None:
    """Before the act existed: the acts it replaced then in force (`db.queries.came_before`)."""
    if not act.get("came_before"):
        return
    click.echo(t("came_before_title", lang, date=messages.to_display(date)))
    for item in act["came_before"]:
        name = messages.act_name(item["kind"], item["number"], item["adopted_on"], lang)
        title = f" «{item['title']}»" if item.get("title") else ""
        status = t("came_before_status", lang, date=messages.to_display(date), status=messages.status_word(item["status"], lang)) if item["status"] else t("came_before_outside", lang)
        click.echo(f"  {item['id']}: {name}{title} — {status} ({item['basis']})")


def _answer(db_path: Path, lang: str, function, *arguments, act: str | None = None):
    """Run a `db.queries` function on the database; its errors become one clear line in
    the reader's language (`act`: the act asked about, named when it is not held)."""
    connection = sqlite3.connect(checked_database(db_path, lang))
    try:
        return function(connection, *arguments)
    except UnknownAct as error:
        held_once = "one text only" in str(error)  # an act without versions to compare
        raise Failure(t("no_versions", lang) if held_once else t("error_no_act", lang, id=act) if act else str(error), lang) from None
    except ValueError as error:
        if function is not act_diff:
            raise Failure(str(error), lang) from None
        wrong = next((value for value in arguments if isinstance(value, str) and value in str(error)), "")
        raise Failure(t("error_version", lang, value=wrong), lang) from None
    finally:
        connection.close()


@cli.command(name="versions")
@click.argument("act")
@click.option("--json", "as_json", is_flag=True, help="Print the versions as JSON (the documented contract).")
@db_option
@text_lang_option
def versions_command(act: str, as_json: bool, db_path: Path, lang: str) -> None:
    """The versions of ACT the corpus holds, oldest first, and when each took effect."""
    versions = _answer(db_path, lang, act_versions, act, lang, act=act)
    if as_json:
        click.echo(json.dumps(versions, ensure_ascii=False, indent=2))
        return
    if not versions:
        click.echo(t("no_versions", lang))
    for version in versions:
        marks = f" ({t('current_version', lang)})" if version["is_current"] else f" ({t('rebuilt_version', lang)})" if version["rebuilt"] else ""
        click.echo(f"{version['id']}{marks}  {t('in_effect_from', lang)}: {messages.effective_text(version, lang)}  {version['source_path'] or '—'}")
        if version["caused_by"]:
            click.echo(f"    {t('caused_by', lang)}: {version['caused_by']}")


@cli.command(name="diff")
@click.argument("act")
@click.argument("old")
@click.argument("new")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON (the documented contract).")
@db_option
@text_lang_option
def diff_command(act: str, old: str, new: str, as_json: bool, db_path: Path, lang: str) -> None:
    """What changed in ACT between two versions, given as version ids or dates (a date
    means the version whose wording applied on it)."""
    answer = _answer(db_path, lang, act_diff, act, old, new, lang, act=act)
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    _say_other_text(answer, "diff_other_text", lang)
    click.echo(f"{answer['from']['id']} -> {answer['to']['id']}: {t('changes_count', lang, count=len(answer['changes']))}")
    for change in answer["changes"]:
        click.echo(f"  {t('change_' + change['change'], lang):<16} {messages.unit_name(change['to_key'] or change['from_key'], lang)}")
        for part in change["diff"] or []:
            if part["op"] != "equal":
                click.echo(f"      {'-' if part['op'] == 'delete' else '+'} {part['text'].strip()}")


def _act_named(act: dict | None, lang: str) -> str:
    return messages.act_name(act["kind"], act["number"], act["date"], lang) if act else t("none", lang)


@cli.command(name="since")
@click.argument("act")
@click.argument("phrase")
@click.option("--date", default=None, help="Read the text in effect on this date (YYYY-MM-DD; default today).")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (the documented contract).")
@db_option
@text_lang_option
def since_command(act: str, phrase: str, date: str | None, as_json: bool, db_path: Path, lang: str) -> None:
    """Since when each unit of ACT has said PHRASE: the version that brought it, when it
    took effect and the amending act (matched as search matches: stems, any case)."""
    date = _date_argument(date, lang) if date else None
    answer = _answer(db_path, lang, since, act, phrase, date, lang, act=act)
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    if answer["version"] is None:  # one text held: what its notes say
        click.echo(answer["chosen"])
    else:
        click.echo(t("since_read", lang, date=to_display(answer["date"]), version=to_display(answer["version"]["date"]), chosen=answer["chosen"]))
    if not answer["units"] and not answer.get("worded_later"):
        click.echo(t("since_none", lang, phrase=phrase))
    for unit in answer["units"]:
        if unit["version"] is None:
            when = f"{t('since_from_notes', lang)}\n    {unit['basis']}"
        else:
            version = to_display(unit["version"]["date"])
            when = t("since_first_held", lang, version=version) if unit["since_first_held"] else t("since_from_version", lang, version=version)
        click.echo(f"{messages.unit_name(unit['key'], lang)}: {when}")
        click.echo(f"    {t('took_effect', lang)}: {messages.effective_text(unit['took_effect'], lang)}")
        if unit["amending_act"]:
            click.echo(f"    {t('brought_by', lang)}: {_act_named(unit['amending_act'], lang)}")
        click.echo(f"    {unit['text']}")
    if answer.get("worded_later"):
        click.echo(t("since_worded_later", lang, count=len(answer["worded_later"]), date=to_display(answer["date"])))


@cli.command(name="changes")
@click.argument("act")
@click.option("--since", "since_date", required=True, help="First day of the period (YYYY-MM-DD).")
@click.option("--until", "until_date", required=True, help="Last day of the period (YYYY-MM-DD).")
@click.option("--units", default=None, help="Only these units: art5..art9, p3..p7, ch2.")
@click.option("--summary", is_flag=True, help="Leave the word diffs out.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (the documented contract).")
@db_option
@text_lang_option
def changes_command(act: str, since_date: str, until_date: str, units: str | None, summary: bool, as_json: bool, db_path: Path, lang: str) -> None:
    """What changed in ACT between two days: each unit, in document order, with every
    version that touched it, the amending act, when it took effect and the word diff."""
    since_date, until_date = _date_argument(since_date, lang), _date_argument(until_date, lang)
    answer = _answer(db_path, lang, changes, act, since_date, until_date, units, summary, lang, act=act)
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    _say_other_text(answer, "text_not_held" if answer.get("from_notes") else "diff_other_text", lang)
    click.echo(t("changes_title", lang, since=to_display(since_date), until=to_display(until_date)))
    click.echo(t("changed_units_count", lang, count=len(answer["items"])) if answer["items"] else t("changes_none", lang))
    for item in answer["items"]:
        click.echo(messages.unit_name(item["key"] or item["id"], lang))
        for change in item["changes"]:
            maybe = f"  ({t('in_period_may_be', lang)})" if change["in_period"] == "may_be" else ""
            click.echo(
                f"  {messages.action_word(change['note_action'], lang) if change.get('note_action') else t('change_' + change['change'], lang)}: {to_display(change['version']['date']) if change['version'] else t('from_notes', lang)}, {_act_named(change['amending_act'], lang)}, "
                f"{t('took_effect', lang)} {messages.effective_text(change['took_effect'], lang)}{maybe}"
            )
            for part in change.get("diff") or []:
                if part["op"] != "equal":
                    click.echo(f"      {'-' if part['op'] == 'delete' else '+'} {part['text'].strip()}")


@cli.command(name="pending")
@click.option("--date", default=None, help="The day asked about (YYYY-MM-DD; default today).")
@click.option("--act", "act_id", default=None, help="Only this act.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (the documented contract).")
@db_option
@text_lang_option
def pending_command(date: str | None, act_id: str | None, as_json: bool, db_path: Path, lang: str) -> None:
    """What is announced but not in force on a day: acts, units added or deferred, parts of a
    split commencement, changes notes announce; with the day or window and the act that announced them."""
    date = _date_argument(date, lang) if date else None
    answer = _answer(db_path, lang, pending, date, act_id, lang, act=act_id)
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=2))
        return
    click.echo(t("pending_title", lang, date=to_display(answer["date"])))
    click.echo(t("pending_count", lang, count=len(answer["items"])) if answer["items"] else t("pending_none", lang))
    for item in answer["items"]:
        what = messages.pending_what_text(item["what"], lang)
        unit = f" {messages.unit_name(item['key'], lang)}" if item["key"] else ""
        click.echo(f"{messages.window_text(item['earliest'], item['latest'], lang)}  {item['act_id']}{unit}: {what}")
        if item["announced_by"]:
            click.echo(f"    {t('announced_by', lang)}: {_act_named(item['announced_by'], lang)}")
        click.echo(f"    {item['basis']}")


@cli.command(name="serve")
@corpus_option
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--setting",
    "settings",
    type=DatasetteSetting(),
    multiple=True,
    help="A Datasette setting over Zan's own, as in `datasette --setting NAME VALUE` (docs/deploy.md).",
)
@lang_option
def serve_command(corpus: Path, db_path: Path, host: str, port: int, settings: tuple[tuple[str, object], ...], lang: str) -> None:
    """Build the database if it is missing or older than the corpus, then serve it with
    Datasette. A file that is not a Zan database is refused, and never built over."""
    if db_path.exists():
        checked_database(db_path, lang)
    if needs_build(corpus, db_path):
        summary = _build_with_progress(corpus, db_path, lang)
        click.echo(f"{db_path}: {messages.build_summary_line(summary, lang)}", err=True)
    serve(checked_database(db_path, lang), host, port, dict(settings))


def serve(db_path: Path, host: str, port: int, settings: dict | None = None) -> None:
    """Run Datasette on the database, read-only, with the project's plugin (as
    `datasette serve -i` does, with our settings, and `settings` over them)."""
    import asyncio

    import uvicorn
    from datasette.app import Datasette

    from db.publish import datasette_options

    options = datasette_options(db_path.stem)
    options["settings"].update(settings or {})
    datasette = Datasette(immutables=[str(db_path)], **options)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(datasette.invoke_startup())
    click.echo(f"Zan: http://{host}:{port}/", err=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")


@cli.command(name="audit")
@click.option("--json", "as_json", is_flag=True, help="Print the audit as JSON.")
@corpus_option
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Parsing processes (default: one per CPU).")
@lang_option
def audit_command(as_json: bool, corpus: Path, workers: int | None, lang: str) -> None:
    """Check the date answers against the corpus's own history: for every act held in two
    or more real versions, answer from the corpus without the newer version and compare
    with its real text. Exit status 1 when any answer is confidently wrong."""
    from db.audit import audit_corpus

    try:
        report = audit_corpus(corpus, workers=workers)
    except CorpusNotFound:
        raise Failure(t("error_no_corpus", lang, path=corpus), lang) from None
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        _print_audit(report, lang)
        click.echo(report.line())
    if report.wrong:
        sys.exit(1)


def _print_audit(report, lang: str) -> None:
    for pair in report.pairs:
        click.echo(t("audit_pair", lang, act=pair.act_id, language=pair.language, older=pair.older_id, newer=pair.newer_id))
        if pair.skipped:
            click.echo("    " + t(f"audit_skip_{pair.skipped}", lang))
            continue
        dates = ", ".join(to_display(day) for day in pair.dates)
        click.echo("    " + t("audit_counts", lang, dates=dates, answers=pair.answers, wrong=pair.wrong, not_known=pair.not_known))
        for verdict in pair.wrong_answers:
            unit = verdict.provision_id if verdict.full_provision_id in (None, verdict.provision_id) else f"{verdict.provision_id} → {verdict.full_provision_id}"
            click.echo("    " + t("audit_wrong", lang, unit=unit, date=verdict.date, reason=t(f"audit_reason_{verdict.reason}", lang)))
            if verdict.claimed_text is not None:
                click.echo(f"        {t('audit_claimed', lang)}: {verdict.claimed_text}")
            click.echo(f"        {t('audit_real', lang)}: {verdict.real_text if verdict.real_text is not None else '—'}")


def needs_build(corpus: Path, db_path: Path) -> bool:
    """True when the database is missing or a corpus file (or the folder) is newer."""
    if not db_path.exists():
        return True
    if not corpus.is_dir():
        return False  # serve what was built; nothing to rebuild from
    built = db_path.stat().st_mtime
    files = corpus_files(corpus)
    metas = [meta_beside(path) for path in files]
    parts = [part for path in files for part in part_files(path)]  # a split act's parts
    inputs = [corpus, *files, *parts, *(meta for meta in metas if meta is not None)]
    if (corpus / PUBLICATIONS_FILE).exists():
        inputs.append(corpus / PUBLICATIONS_FILE)
    return max(path.stat().st_mtime for path in inputs) > built


if __name__ == "__main__":
    cli()
