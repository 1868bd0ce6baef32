"""The act page's body — requisites, status, text, versions, links, instructions — as
HTML written in Python.

The act page is the site's heaviest: a few lines of HTML for each of up to hundreds of
units, with their notes and the act references in their text. Written by a Jinja
template, every value printed cost a lookup and an escape through Python calls (about
a microsecond each, several times the work itself): on the 100,000-act database that was
more than half of the page's time in the server, twice its SQL (docs/benchmarks.md,
issue 7). Here each unit is one f-string and each value is escaped by `escape_html`,
which writes exactly what Jinja's autoescape writes; the HTML is the same as the
templates', but for the amount of whitespace between tags. The page's frame
(`zan_act.html` in Datasette's base template: menus, CSS) is still Datasette's.

Every value from the database goes through `escape_html` (or `linked_text`, which
escapes the text around its links); the rest is constant markup. The pieces that other
pages draw too — the amendment line, the version label and the form comparing two
versions, the unit block — are `pieces`' functions, which the templates call as well.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

from parser.dates import to_display as display_date
from zan import messages
from zan.messages import t

from .pieces import (
    act_crumb,
    amendment_line,
    anchor,
    compare_form,
    contents_html,
    date_field,
    escape_html,
    history_link,
    in_language,
    keep_lang,
    missing_parts_note,
    other_text_note,
    replacement_html,
    pilcrow,
    row_block,
    said_in_other_language_note,
    site_paths,
    table_columns,
    text_blocks,
    unit_block,
    unit_line,
    version_label,
    version_start,
    with_contents,
)

__all__ = ["HEADING_KINDS", "HIDDEN_KINDS", "act_body", "anchor", "escape_html", "linked_text", "note_html", "side_by_side_body", "site_paths", "unit_html"]

#: Units printed as headings, and units not printed in the text at all.
HEADING_KINDS = ("chapter", "section", "appendix")
HIDDEN_KINDS = ("title", "other")

Row = dict[str, Any]


def act_body(document: Row, urls, json_url: str, lang: str) -> Markup:
    """The act page's body (an `act_document` with its ``database``) for a reader of
    `lang`: the act's requisites and status, its text — every unit but the title and the
    requisites, each with the notes printed after it, act references linked — its
    versions, links and instructions."""
    act = document["act"]
    path = site_paths(urls, lang)
    return Markup(
        "".join(
            (
                _heading_html(act, document["header_amendments"], path("/"), json_url, lang, act.get("text_language")),
                _succession_html(document["links"], path, lang),
                _texts_html(document, path, lang),
                _requisites_html(act, lang),
                _text_html(document, path, lang),
                _versions_html(document["versions"], act["id"], path, lang),
                _links_html(document["links"], act["id"], path, lang),
                _instructions_html(document["instructions"], path, lang, act.get("text_language")),
                _did_html(document["did"], path, lang),
                "</article>\n",
            )
        )
    )


def _heading_html(act: Row, header_amendments: list[Row], acts_url: str, json_url: str, lang: str, text_language: str | None = None) -> str:
    """The crumbs, the title, the as-of-date form and the status banner: the act's
    status in words, the repeal as printed, and each change noted on the whole act."""
    status = escape_html(act["status"])
    said = act.get("said_in") or {}
    repeal = f"<br>{in_language(act['repeal_text'], said.get('repeal_text'), lang)}" if act["repeal_text"] else ""
    amendments = "".join(f"<br>{amendment_line(a, lang)}" for a in header_amendments)
    banner_lines = "".join(f"\n    {line}" for line in (repeal, amendments) if line)
    title_language = act.get("text_language") if act["title"] else None
    return f"""<article class="zan-act">
  <p class="zan-crumbs"><a href="{escape_html(acts_url)}">{t("acts", lang)}</a> / {escape_html(act_crumb(act, lang))}
    · <a href="{escape_html(json_url)}">JSON</a></p>
  <h1>{in_language(act['title'] or act_crumb(act, lang), title_language, lang)}</h1>
  <p class="zan-as-at">{escape_html(_as_at(act, lang))}</p>
  <form class="zan-date" action="" method="get">
    {date_field(t("as_of_date", lang) + ":", None, lang)}{keep_lang(lang)}
    <button type="submit">{t("show", lang)}</button>
  </form>
  <p class="zan-banner zan-{status}">
    <span class="zan-status zan-{status}">{escape_html(messages.status_word(act["status"], lang))}</span>
    {escape_html(messages.status_reason(act, lang))}{banner_lines}
  </p>
"""


def _succession_html(links: Row, path: Callable[[str], str], lang: str) -> str:
    """Under the banner: the acts this act replaced and the act that replaced it, with when
    that one took effect (`db.queries.act_replacements`), each with what says so; nothing
    when the texts name none."""
    parts = []
    for direction, when in (("replaces", False), ("replaced_by", True)):
        items = "".join(f"\n      <li>{replacement_html(item, path, lang, when=when)}</li>" for item in links.get(direction, []))
        if items:
            parts.append(f"\n    <p>{t(direction, lang)}:</p>\n    <ul>{items}\n    </ul>")
    if not parts:
        return ""
    return f"""  <section class="zan-succession" id="succession">{"".join(parts)}
  </section>
"""


def _as_at(act: Row, lang: str) -> str:
    """What text the page prints: the newest the corpus holds, as at the day it was current
    when the source says it (`act_texts.text_as_at`) — the statement a printout opens with."""
    as_at = act.get("text_as_at")
    return t("text_held_as_at", lang, date=display_date(as_at)) if as_at else t("text_held", lang)


def _texts_html(document: Row, path: Callable[[str], str], lang: str) -> str:
    """Which language text the page shows: a note when the act has none in the page's
    language, and a link to both texts side by side when it has two."""
    act = document["act"]
    held, shown, asked = act.get("languages_held") or [], act.get("text_language"), act.get("text_asked")
    note = other_text_note(shown, asked, lang)
    lines = [note] if note else []
    said = said_in_other_language_note((act.get("said_in") or {}).values(), lang)
    if said:
        lines.append(said)
    missing = missing_parts_note(act.get("missing_parts") or [], lang)
    if missing:
        lines.append(missing)
    if len(held) > 1:
        other = next(code for code in held if code != shown)
        url = path(f"/-/acts/{act['id']}?with={other}")
        lines.append(f'<p class="zan-side-by-side-link"><a href="{escape_html(url)}">{t("side_by_side_link", lang)}</a></p>')
    return "".join(f"  {line}\n" for line in lines)


def _requisites_html(act: Row, lang: str) -> str:
    """Who issued the act, when it was adopted and registered, when it took effect,
    and its requisites sentence."""
    rows = []
    said = act.get("said_in") or {}
    if act["issuer"]:
        rows.append(f"<dt>{t('issuer', lang)}</dt><dd>{in_language(act['issuer'], said.get('issuer'), lang)}</dd>")
    if act["adopted_on"]:
        number = f" № {escape_html(act['number'])}" if act["number"] else ""
        rows.append(f"<dt>{t('adopted', lang)}</dt><dd>{_date(act['adopted_on'])}{number} {escape_html(messages.kind_word(act['kind'], lang))}</dd>")
    if act["registered_on"]:
        rows.append(f"<dt>{t('registered', lang)}</dt><dd>{_date(act['registered_on'])} № {escape_html(act['registration_number'])}</dd>")
    # the act's start as every answer gives it (a clause's window an official text closed is closed here too)
    effective = escape_html(messages.window_text(act["valid_from"], act["valid_from_latest"], lang))
    reason = escape_html(act["start_basis"] if act["valid_from_basis_rule"] else messages.act_commencement_text(act, lang, with_window=False))
    rows.append(f"<dt>{t('entry_into_force', lang)}</dt><dd>\n      {effective}\n      <small>({reason})</small></dd>")
    header = f'\n  <p class="zan-header-text">{in_language(act["header_text"], said.get("header_text"), lang)}</p>' if act["header_text"] else ""
    return '  <dl class="zan-requisites">\n    ' + "\n    ".join(rows) + f"\n  </dl>{header}\n"


def _date(iso: str | None, missing: str = "") -> str:
    """A date as lawyers write it, escaped; `missing` when there is none."""
    return escape_html(display_date(iso) or missing)


# --- The text --------------------------------------------------------------------------


def _text_html(document: Row, path: Callable[[str], str], lang: str) -> str:
    """The notes on the act's requisites, then every unit printed, each with its notes."""
    act_prefix = f"{document['act'].get('text_base') or document['act']['id']}/"
    at_top = act_prefix + "requisites"
    hidden = {p["id"] for p in document["provisions"] if p["kind"] in HIDDEN_KINDS}

    def printed_after(note: Row) -> str:
        """Where a note shows: after its unit, or at the top with the requisites' when
        that unit is not printed as a unit (a note after the title, the page's heading)."""
        unit = note["printed_after_id"] or ""
        return at_top if unit in hidden else unit

    notes_after = _grouped(document["notes"], printed_after)
    citations = _grouped(document["citations"], lambda citation: citation["note_id"] or citation["provision_id"])

    def linked(text: str, key: str) -> str:
        return linked_text(text, citations.get(key, ()), path)

    def notes_html(unit_id: str) -> str:
        return "".join(note_html(note, act_prefix, linked, lang) for note in notes_after.get(unit_id, ()))

    columns = table_columns(document["provisions"])

    pending = document.get("pending_units") or {}

    def drawn(p: Row) -> str:
        after = _pending_mark(p["key"], pending, document["act"]["id"], path, lang) + notes_html(p["id"])
        if p["cells"]:
            return _row_html(p, path, lang, after, columns.get(p["parent_id"], 0))
        return unit_block(p, f'{unit_html(p, linked, path, lang)}{after}')

    printed = [p for p in document["provisions"] if p["kind"] not in HIDDEN_KINDS]
    units = text_blocks((p, drawn(p)) for p in printed)
    text_language = document["act"].get("text_language")
    marked = f' lang="{escape_html(text_language)}"' if text_language and text_language != lang else ""
    top = notes_html(at_top)
    if top and marked:
        top = f"<div{marked}>{top}</div>"
    text = f'  <div class="zan-text"{marked}>\n{units}  </div>\n'
    return f"\n  {top}\n{with_contents(contents_html(printed, lang, text_language), text)}"


def _pending_mark(key: str, pending: dict[str, list[Row]], act_id: str, path: Callable[[str], str], lang: str) -> str:
    """A unit not yet in force today, or with a change not yet in force (`db.changes.pending_units`,
    the unit's own items or those of a unit containing it): a mark with the day or window
    it takes effect, linked to the act's pending page."""
    items = [item for pending_key, listed in pending.items() if key == pending_key or key.startswith(pending_key + "/") for item in listed]
    if not items:
        return ""
    marks = []
    for item in items:
        when = messages.window_text(item["earliest"], item["latest"], lang)
        word = "unit_pending_from" if item["mark"] == "unit" else "unit_change_pending"
        marks.append(escape_html(t(word, lang, when=when)))
    url = path(f"/-/pending?act={act_id}")
    return f'\n          <p class="zan-pending-mark"><a class="zan-status zan-not_in_force" href="{escape_html(url)}">{"; ".join(marks)}</a></p>'


def _row_html(p: Row, path: Callable[[str], str], lang: str, notes: str, columns: int) -> str:
    """A table row: its cells; a removed row's struck through, the first saying since when."""
    cells = [escape_html(cell) for cell in p["cells"]]
    if not p["removed_in_version_id"]:
        return row_block(p, cells, lang, path, after=notes, columns=columns)
    removed_in = escape_html(t("removed_in", lang, date=display_date(p["removed_in_date"]) or "?"))
    cells = [f"<del>{cell}</del>" for cell in cells]
    cells[0] += f' <small class="zan-removed-when">({removed_in})</small>'
    return row_block(p, cells, lang, path, ["zan-removed"], after=notes, columns=columns)


def _grouped(rows: Iterable[Row], key: Callable[[Row], str]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return groups


def unit_html(p: Row, linked: Callable[[str, str], str], path: Callable[[str], str], lang: str = messages.DEFAULT_LANGUAGE) -> str:
    """What a unit's block (`unit_block`) prints on the act page: a heading, a removed
    unit, or its text with its act references linked (`linked`); its notes follow. (A
    table row is a row of its table: `_row_html`.)"""
    if p["kind"] in HEADING_KINDS:
        titled_appendix = p["kind"] == "appendix" and p["heading"]
        heading = escape_html(p["heading"] if titled_appendix else p["text"])
        stamp = f'\n        <p class="zan-appendix-stamp">{escape_html(t("appendix_stamp", lang, label=p["label"]))}</p>' if titled_appendix and p["label"] else ""
        return f'<h2 class="zan-heading">{heading}</h2>{stamp}'
    if p["removed_in_version_id"]:
        removed_in = escape_html(t("removed_in", lang, date=display_date(p["removed_in_date"]) or "?"))
        return unit_line(p, f'<del>{escape_html(p["text"])}</del>\n          <small>({removed_in})</small>', lang, path, css_class="zan-removed")
    if not p["text"]:  # a unit that prints nothing of its own (a table): its name
        return unit_line(p, f'<span class="zan-unit-name">{escape_html(messages.unit_name(p["key"], lang))}</span>', lang, path)
    return unit_line(p, linked(p["text"], p["id"]), lang, path)


def note_html(note: Row, act_prefix: str, linked: Callable[[str, str], str], lang: str = messages.DEFAULT_LANGUAGE) -> str:
    """An `Ескерту.` note: its text, act references linked, and each amending act it
    names with the date (or window) from which the change applies."""
    unit = escape_html(note["provision_id"][len(act_prefix) :]) if note["provision_id"] else ""
    amendments = "".join(_amendment_html(amendment, lang) for amendment in note["amendments"])
    return f'\n      <aside class="zan-note" data-unit="{unit}">\n  <p>{linked(note["text"], note["id"])}</p>\n  {amendments}\n</aside>\n'


def _amendment_html(a: Row, lang: str) -> str:
    return f'\n    <p class="zan-amendment">\n      {amendment_line(a, lang)}\n    </p>\n  '


def linked_text(text: str, citations: Iterable[Row], path: Callable[[str], str]) -> str:
    """`text` escaped, each act reference in it a link: to the act when it is in the
    corpus, else to the page of the cited act."""
    if not citations:
        return escape_html(text)
    pieces, position = [], 0
    for citation in sorted(citations, key=lambda c: c["start"]):
        start, end = citation["start"], citation["end"]
        if start < position or text[start:end] != citation["text"]:
            continue  # overlapping or stale: leave the text as it is
        target = citation["cited_corpus_act_id"]
        url = path(f"/-/acts/{target}") if target else path(f"/-/cited/{citation['cited_act_id']}")
        pieces.append(escape_html(text[position:start]))
        pieces.append(f'<a class="zan-citation zan-{escape_html(citation["status"])}" href="{escape_html(url)}">{escape_html(text[start:end])}</a>')
        position = end
    pieces.append(escape_html(text[position:]))
    return "".join(pieces)


# --- Versions, links, instructions ------------------------------------------------------


def _versions_html(versions: list[Row], act_id: str, path: Callable[[str], str], lang: str) -> str:
    """The versions held, when each took effect and what caused it, with a form to
    compare two (the last two chosen)."""
    if not versions:
        return "\n  "
    rows = "".join(
        f"""
        <tr{' class="zan-current-version"' if v['is_current'] else ''}>
          <td>{version_label(v, lang)}</td>
          <td>{version_start(v, lang)}</td>
          <td>{escape_html(messages.act_name(v['caused_by_kind'], v['caused_by_number'], v['caused_by_date'], lang) if v['caused_by_kind'] or v['caused_by_number'] else '—')}</td>
        </tr>"""
        for v in versions
    )
    compare = ""
    if len(versions) > 1:
        action = path("/-/diff/" + act_id).split("?")[0]
        compare = f'\n    {compare_form(versions, versions[-2]["id"], versions[-1]["id"], action, lang)}'
    return f"""
  <section id="versions" class="zan-versions">
    <h2>{t('versions', lang)}</h2>
    <div class="zan-scroll"><table>
      <thead><tr><th>{t('version', lang)}</th><th>{t('in_effect_from', lang)}</th><th>{t('caused_by', lang)}</th></tr></thead>
      <tbody>{rows}
      </tbody>
    </table></div>{compare}{_tracking_html(act_id, path, lang)}
  </section>
  """


def _tracking_html(act_id: str, path: Callable[[str], str], lang: str) -> str:
    """Amendment tracking (issue 23): since when the text says a phrase (a form), what
    changed in a period and what is coming (links)."""
    since_action = path("/-/since/" + act_id).split("?")[0]
    return f"""
    <form method="get" action="{escape_html(since_action)}" class="zan-since-form">
      <label><span>{t('since_label', lang)}</span> <input type="search" name="q" placeholder="{escape_html(t('since_placeholder', lang))}"></label>{keep_lang(lang)}
      <button type="submit">{t('find', lang)}</button>
    </form>
    <p class="zan-tracking"><a href="{escape_html(path('/-/changes/' + act_id))}">{t('changes_link', lang)}</a> ·
      <a href="{escape_html(path('/-/pending?act=' + act_id))}">{t('pending_link', lang)}</a></p>"""


def _links_html(links: Row, act_id: str, path: Callable[[str], str], lang: str) -> str:
    """What the act cites and is cited by, amends and is amended or repealed by."""

    def act_link(row: Row) -> str:
        return f'<a href="{escape_html(path("/-/acts/" + row["act_id"]))}">{in_language(row["title"] or row["act_id"], row.get("title_language"), lang)}</a>'

    def cited(row: Row) -> str:
        return _cited_html(row, path, lang)

    cites = _listed(f"{cited(row)} ×{escape_html(row['times'])}" for row in links["cites"])
    cited_by = _listed(f"{act_link(row)} ×{escape_html(row['times'])}" for row in links["cited_by"])
    amended_by = _listed(f"{cited(row)} ({t('changes_count', lang, count=row['changes'])})" for row in links["amended_by"])
    amending_acts = "".join(f"; {act_link(row)} ({t('instructions_count', lang, count=row['instructions'])})" for row in links["amended_by_acts_in_corpus"])
    amends = _listed(f"{cited(row)} ({t('instructions_count', lang, count=row['instructions'])})" for row in links["amends"])
    repealed_by = _listed(cited(row) for row in links["repealed_by"])
    return f"""
  <section id="links" class="zan-links">
    <h2>{t('links', lang)}</h2>
    <dl>
      <dt>{t('cites', lang)}</dt>
      <dd>{cites}</dd>
      <dt>{t('cited_by', lang)}</dt>
      <dd>{cited_by}</dd>
      <dt>{t('amended_by', lang)}</dt>
      <dd>{amended_by}
        {amending_acts}</dd>
      <dt>{t('amends', lang)}</dt>
      <dd>{amends}</dd>
      <dt>{t('repealed_by', lang)}</dt>
      <dd>{repealed_by}</dd>
    </dl>
    <p><a href="{escape_html(path('/-/links/' + act_id + '.json').split('?')[0])}">JSON</a></p>
  </section>
"""


def _listed(items: Iterable[str]) -> str:
    """Items joined by ``; ``, or a dash when there are none."""
    return "; ".join(items) or "—"


def _cited_html(row: Row, path: Callable[[str], str], lang: str = messages.DEFAULT_LANGUAGE) -> str:
    """A link to a cited act: its page in the corpus, else its page as a cited act (`/-/cited/`)."""
    url = path(f"/-/acts/{row['act_id']}") if row["act_id"] else path(f"/-/cited/{row['id']}")
    title = f" «{in_language(row['title'], row.get('title_language'), lang)}»" if row.get("title") else ""  # amending acts' rows have no title
    outside = "" if row["act_id"] else f" <small>({t('not_in_corpus', lang)})</small>"
    name = messages.act_name(row["kind"], row["number"] or "?", row["adopted_on"], lang)
    return f'<a href="{escape_html(url)}">{escape_html(name)}{title}</a>{outside}'


def _instructions_html(instructions: list[Row], path: Callable[[str], str], lang: str, text_language: str | None = None) -> str:
    """For an amending act: each of its instructions, under the act it amends (an omnibus
    law names several)."""
    if not instructions:
        return "\n  "
    groups: list[list[Row]] = []
    for instruction in instructions:
        if not groups or _target_of(groups[-1][0]) != _target_of(instruction):
            groups.append([])
        groups[-1].append(instruction)
    body = "".join(_instruction_group_html(group, path, lang, text_language) for group in groups)
    return f"""
  <section class="zan-instructions">
    <h2>{t('instructions', lang)}</h2>{body}
  </section>
  """


def _target_of(instruction: Row) -> tuple:
    return tuple(instruction[f"target_act_{part}"] for part in ("id", "kind", "date", "number", "title"))


def _instruction_group_html(group: list[Row], path: Callable[[str], str], lang: str, text_language: str | None) -> str:
    first = group[0]
    registration = f"({escape_html(t('registration_number', lang, number=first['target_act_registration_number']))})" if first["target_act_registration_number"] else ""
    if first["target_act_id"]:
        where = f'— <a href="{escape_html(path("/-/acts/" + first["target_act_id"]))}">{t("in_corpus", lang)}</a>'
    else:
        where = f"— {t('not_in_corpus', lang)}"
    target = messages.act_name(first["target_act_kind"], first["target_act_number"] or "?", first["target_act_date"], lang)
    items = "".join(_instruction_html(instruction, lang) for instruction in group)
    return f"""
    <p>{escape_html(t('instructions_target', lang, act=target))}
      {registration}
      «{in_language(first['target_act_title'] or '', text_language, lang)}»
      {where}</p>
    <ol start="{group[0]['ordinal']}"{f' lang="{escape_html(text_language)}"' if text_language and text_language != lang else ''}>{items}
    </ol>"""


def _did_html(did: Row, path: Callable[[str], str], lang: str) -> str:
    """What this act changed (`db.queries.act_amendments`): each act it changed, and under
    it each change from each source, with when it took effect and why; the sources that
    disagree below."""
    if not did["acts"]:
        return "\n  "
    groups = "".join(_did_act_html(target, path, lang) for target in did["acts"])
    disagreements = "".join(f"\n      <li>{escape_html(item['text'])}</li>" for item in did["disagreements"])
    if disagreements:
        disagreements = f"""
    <h3>{t('did_disagreements', lang)}</h3>
    <ul class="zan-did-disagreements">{disagreements}
    </ul>"""
    json_url = escape_html(path(f"/-/amendments/{did['act_id']}.json"))
    return f"""
  <section class="zan-did" id="did">
    <h2>{t('did_heading', lang)}</h2>
    <p>{t('did_intro', lang)} <a href="{json_url}">{t('did_json', lang)}</a></p>{groups}{disagreements}
  </section>
  """


def _did_act_html(target: Row, path: Callable[[str], str], lang: str) -> str:
    name = escape_html(messages.act_name(target["kind"], target["number"], target["date"], lang))
    if target["title"]:
        name += f" «{escape_html(target['title'])}»"
    if target["act_id"]:
        name = f'<a href="{escape_html(path("/-/acts/" + target["act_id"]))}">{name}</a>'
    else:
        name += f" — {t('not_in_corpus', lang)}"
    whens = [_did_when_html(change, lang) for change in target["changes"]]
    shared = len(set(whens)) == 1  # one entry into force for every change: said once, under the act
    items = "".join(_did_change_html(change, lang, None if shared else when) for change, when in zip(target["changes"], whens))
    when = f"\n    <p>{whens[0]}</p>" if shared else ""
    return f"""
    <h3>{name}</h3>{when}
    <ul class="zan-did-changes">{items}
    </ul>"""


def _did_when_html(change: Row, lang: str) -> str:
    basis = f' <small>({escape_html(change["date_basis"])})</small>' if change["date_basis"] else ""
    return f"{t('did_took_effect', lang)}: {escape_html(messages.effective_text(change, lang))}{basis}."


def _did_change_html(change: Row, lang: str, when_html: str | None) -> str:
    if change["source"] == "instruction":
        words = messages.operation_word(change["change"], lang)
    elif change["source"] == "note":
        words = messages.action_word(change["change"], lang)
    else:
        words = messages.version_change_word(change["change"], lang)
    unit = messages.unit_name(change["unit"], lang) if change["unit"] else t("did_whole_act", lang)
    when = f"\n        {when_html}" if when_html else ""
    return f"""
      <li><strong>{escape_html(unit)}</strong>: {escape_html(words)}.{when}
        <small>{t('did_source', lang)}: {escape_html(messages.source_word(change["source"], lang))}</small></li>"""


def _instruction_html(i: Row, lang: str) -> str:
    quote = f'<blockquote class="zan-quote">{escape_html(i["new_text"])}</blockquote>' if i["new_text"] else ""
    unit = f" <small>({escape_html(messages.unit_name(i['target_key'], lang))})</small>" if i["target_key"] else ""
    return f"""
      <li><strong>{escape_html(messages.operation_word(i['operation'], lang))}</strong> {escape_html(i['target_text'])}{unit}
        {quote}</li>"""


# --- Two language texts side by side ------------------------------------------------------


def side_by_side_body(answer: Row, urls, json_url: str, lang: str) -> Markup:
    """Two language texts of an act (an `act_side_by_side`) in two columns, a row per
    provision key, anchored by key as on the act page; a unit without a partner in the
    other text stands alone in its column, marked."""
    path = site_paths(urls, lang)
    first, second = answer["languages"]
    held = answer["languages_held"]
    headings = "".join(f'<div class="zan-side-heading" lang="{escape_html(code)}">{t("text_heading_" + code, lang)}</div>' for code in (first, second))
    rows = "".join(_pair_html(row, first, second, path, lang) for row in answer["rows"] if row["kind"] not in HIDDEN_KINDS)
    alone = ", ".join(f"{t('text_name_' + code, lang)} {count}" for code, count in answer["alone"].items())
    counts = t("side_by_side_counts", lang, paired=answer["paired"], alone=alone)
    single = f'\n  <p class="zan-text-language">{t("one_text_only", lang)}</p>' if len(held) < 2 else ""
    act_url = path(f"/-/acts/{answer['act_id']}")
    return Markup(
        f"""<article class="zan-act zan-side-by-side">
  <p class="zan-crumbs"><a href="{escape_html(path('/'))}">{t("acts", lang)}</a> / <a href="{escape_html(act_url)}">{escape_html(act_crumb(answer, lang))}</a>
    · <a href="{escape_html(json_url)}">JSON</a></p>
  <h1>{in_language(answer['title'] or act_crumb(answer, lang), answer['sides'][0].get('text_language'), lang)}</h1>
  <p class="zan-side-by-side-title">{t("side_by_side_title", lang)}. {escape_html(counts)}</p>{single}
  <div class="zan-pairs">
    <div class="zan-pair zan-pair-head">{headings}</div>
{rows}  </div>
</article>
"""
    )


def _pair_html(row: Row, first: str, second: str, path: Callable[[str], str], lang: str) -> str:
    unit_anchor = anchor(escape_html(row["key"]))
    sides = "".join(_side_html(row[code], code, row["paired"], path, lang) for code in (first, second))
    paired = "" if row["paired"] else " zan-unpaired"
    return f'    <div id="{unit_anchor}" class="zan-pair zan-{escape_html(row["kind"])}{paired}">{pilcrow(row["key"], lang)}{sides}</div>\n'


def _side_html(unit: Row | None, code: str, paired: bool, path: Callable[[str], str], lang: str) -> str:
    if unit is None:
        return f'<div class="zan-side zan-missing" lang="{escape_html(code)}"><small>{t("no_partner", lang)}</small></div>'
    if unit["cells"]:
        body = " | ".join(escape_html(cell) for cell in unit["cells"])
    else:
        body = escape_html(unit["text"] or unit["heading"] or "")
    if unit["removed_in_version_id"]:
        body = f"<del>{body}</del>"
    mark = "" if paired else f' <small class="zan-alone">({t("no_partner", lang)})</small>'
    return f'<div class="zan-side" lang="{escape_html(unit["language"] or code)}">{body}{mark} {history_link(unit["id"], path, lang)}</div>'
