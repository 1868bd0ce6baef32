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
escapes the text around its links); the rest is constant markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup

from parser.dates import to_display as display_date

#: Units printed as headings, and units not printed in the text at all.
HEADING_KINDS = ("chapter", "section", "appendix")
HIDDEN_KINDS = ("title", "other")

Row = dict[str, Any]


def escape_html(value: object) -> str:
    """`value` as HTML text, character for character what Jinja's autoescape
    (markupsafe) writes: ``& < > ' "`` as ``&amp; &lt; &gt; &#39; &#34;``, None as
    ``None``; without the `Markup` object markupsafe makes for every value. Most texts
    hold none of the five characters, and looking for them (``in``) is more than twice as
    fast as replacing them in Kazakh text."""
    text = str(value)
    if "&" in text or "<" in text or ">" in text or "'" in text or '"' in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace('"', "&#34;")
    return text


def site_paths(urls) -> Callable[[str], str]:
    """`urls.path` as a plain function of a path beginning with ``/``: the same text
    (the base URL and the path), without Datasette's wrapped string type, whose every
    method call is wrapped in turn — a few microseconds a link, hundreds of links a page."""
    base = str(urls.path("/"))
    return lambda path: base + path[1:]


def anchor(key: str) -> str:
    """A stable HTML anchor for a provision key: ``doc/p6/sp8`` -> ``doc-p6-sp8``."""
    return key.replace("/", "-").replace("~", "_")


def act_body(document: Row, urls, json_url: str, status_label: str | None) -> Markup:
    """The act page's body (an `act_document` with its ``database``): the act's
    requisites and status (`status_label` in words), its text — every unit but the
    title and the requisites, each with the notes printed after it, act references
    linked — its versions, links and instructions."""
    act = document["act"]
    path = site_paths(urls)
    return Markup(
        "".join(
            (
                _heading_html(act, document["header_amendments"], str(urls.table(document["database"], "acts")), json_url, status_label),
                _requisites_html(act),
                _text_html(document, path),
                _versions_html(document["versions"], act["id"], path),
                _links_html(document["links"], act["id"], path),
                _instructions_html(document["instructions"], path),
                "</article>\n",
            )
        )
    )


def _heading_html(act: Row, header_amendments: list[Row], acts_url: str, json_url: str, status_label: str | None) -> str:
    """The crumbs, the title, the as-of-date form and the status banner."""
    status = escape_html(act["status"])
    repeal = f"<br>{escape_html(act['repeal_text'])}" if act["repeal_text"] else ""
    amendments = "".join(f"<br>{escape_html(a['date_basis'])}" for a in header_amendments)
    banner_lines = "".join(f"\n    {line}" for line in (repeal, amendments) if line)
    return f"""<article class="zan-act" lang="{escape_html(act['language'] or 'kk')}">
  <p class="zan-crumbs"><a href="{escape_html(acts_url)}">Актілер</a> / {escape_html(act['id'])}
    · <a href="{escape_html(json_url)}">JSON</a></p>
  <h1>{escape_html(act['title'] or act['id'])}</h1>
  <form class="zan-date" action="" method="get">
    <label>Осы күнгі редакциясы (as of date): <input type="date" name="date"></label>
    <button type="submit">Көрсету</button>
  </form>
  <p class="zan-banner zan-{status}">
    <span class="zan-status zan-{status}">{escape_html(status_label)}</span>
    {escape_html(act['status_basis'])}{banner_lines}
  </p>
"""


def _requisites_html(act: Row) -> str:
    """Who issued the act, when it was adopted and registered, when it took effect,
    and its requisites sentence."""
    rows = []
    if act["issuer"]:
        rows.append(f"<dt>Шығарған</dt><dd>{escape_html(act['issuer'])}</dd>")
    if act["adopted_on"]:
        number = f" № {escape_html(act['number'])}" if act["number"] else ""
        rows.append(f"<dt>Қабылданған күні</dt><dd>{_date(act['adopted_on'])}{number}</dd>")
    if act["registered_on"]:
        rows.append(f"<dt>Тіркелген</dt><dd>{_date(act['registered_on'])} № {escape_html(act['registration_number'])}</dd>")
    effective = _effective(act) or "белгісіз"
    rows.append(f"<dt>Қолданысқа енгізілуі</dt><dd>\n      {effective}\n      <small>({escape_html(act['date_basis'])})</small></dd>")
    header = f'\n  <p class="zan-header-text">{escape_html(act["header_text"])}</p>' if act["header_text"] else ""
    return '  <dl class="zan-requisites">\n    ' + "\n    ".join(rows) + f"\n  </dl>{header}\n"


def _date(iso: str | None, missing: str = "") -> str:
    """A date as lawyers write it, escaped; `missing` when there is none."""
    return escape_html(display_date(iso) or missing)


def _effective(row: Row) -> str | None:
    """The day (``date_status`` exact) or the window (bounded, ``?`` for an open end) of a
    row's `db.schema.commencement_values`, escaped; None when it is not known."""
    if row["date_status"] == "exact":
        return _date(row["effective_from"])
    if row["date_status"] == "bounded":
        return f"{_date(row['effective_from_earliest'], '?')} – {_date(row['effective_from_latest'], '?')}"
    return None


def took_effect(version: Row) -> Markup:
    """When a version's wording took effect: a day, a window, or not known (and why)."""
    return Markup(_effective(version) or f"белгісіз (not known: {escape_html(version['date_basis'])})")


# --- The text --------------------------------------------------------------------------


def _text_html(document: Row, path: Callable[[str], str]) -> str:
    """The notes on the act's requisites, then every unit printed, each with its notes."""
    act_prefix = f"{document['act']['id']}/"
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
        return "".join(note_html(note, act_prefix, linked) for note in notes_after.get(unit_id, ()))

    units = "".join(
        unit_html(p, linked, path) + notes_html(p["id"]) + "\n    </div>\n"
        for p in document["provisions"]
        if p["kind"] not in HIDDEN_KINDS
    )
    return f'\n  {notes_html(at_top)}\n  <div class="zan-text">\n{units}  </div>\n'


def _grouped(rows: Iterable[Row], key: Callable[[Row], str]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    return groups


def unit_html(p: Row, linked: Callable[[str, str], str], path: Callable[[str], str]) -> str:
    """The opening of a unit's block and what it prints: a heading, a removed unit, a
    table row, or its text with its act references linked (`linked`); its notes and the
    closing tag follow."""
    key = escape_html(p["key"])
    unit_anchor = anchor(key)  # = escape_html(anchor(p["key"])): neither writes what the other replaces
    opening = f'    <div id="{unit_anchor}" class="zan-unit zan-{escape_html(p["kind"])}" style="margin-left: {p["key"].count("/") * 1.5}em">\n      '
    if p["kind"] in HEADING_KINDS:
        titled_appendix = p["kind"] == "appendix" and p["heading"]
        heading = escape_html(p["heading"] if titled_appendix else p["text"])
        stamp = f'\n        <p class="zan-appendix-stamp">{escape_html(p["label"])}-қосымша</p>' if titled_appendix and p["label"] else ""
        return f'{opening}<h2 class="zan-heading">{heading}</h2>{stamp}'
    pilcrow = f'<a class="zan-anchor" href="#{unit_anchor}" title="{key}">¶</a>'
    history = f'\n          <a class="zan-history-link" href="{escape_html(path("/-/history/" + p["id"]))}" title="тарихы (history)">⟲</a></p>'
    if p["removed_in_version_id"]:
        removed_in = escape_html(p["removed_in_version_id"].split("@")[-1])
        return f'{opening}<p class="zan-removed">{pilcrow} <del>{escape_html(p["text"])}</del>\n          <small>(алынып тасталды: not in the version {removed_in} and after)</small>{history}'
    if p["cells"]:
        cells = "".join(f'<span class="zan-cell">{escape_html(cell)}</span>' for cell in p["cells"])
        return f'{opening}<p class="zan-row">{pilcrow}{cells}{history}'
    return f"{opening}<p>{pilcrow} {linked(p['text'], p['id'])}{history}"


def note_html(note: Row, act_prefix: str, linked: Callable[[str, str], str]) -> str:
    """An `Ескерту.` note: its text, act references linked, and each amending act it
    names with the date (or window) from which the change applies."""
    unit = escape_html(note["provision_id"][len(act_prefix) :]) if note["provision_id"] else ""
    amendments = "".join(_amendment_html(amendment) for amendment in note["amendments"])
    return f'\n      <aside class="zan-note" data-unit="{unit}">\n  <p>{linked(note["text"], note["id"])}</p>\n  {amendments}\n</aside>\n'


def _amendment_html(a: Row) -> str:
    if not (a["amending_act_kind"] or a["amending_act_date"] or a["amending_act_number"]):
        # nothing read of an amending act: say so, rather than print "? № ?"
        return (
            '\n    <p class="zan-amendment zan-unparsed">\n      өзгерткен акт оқылмады '
            "<small>(no amending act read from this note; it is kept as printed above)</small>\n    </p>\n  "
        )
    effective = _effective(a)
    if a["date_status"] == "exact":
        applies = f"қолданысқа енгізілді {effective}"
    elif effective:
        applies = f"қолданысқа енгізілу күні: {effective}"
    else:
        applies = "қолданысқа енгізілу күні белгісіз"
    parse = f"; {escape_html(a['parse_status'])}" if a["parse_status"] != "ok" else ""
    return (
        f'\n    <p class="zan-amendment">\n      {escape_html(a["action"])}: {escape_html(a["amending_act_kind"] or "")} '
        f'{_date(a["amending_act_date"], "?")} № {escape_html(a["amending_act_number"] or "?")} —\n      {applies}\n'
        f"      <small>({escape_html(a['date_basis'])}{parse})</small>\n    </p>\n  "
    )


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


def _versions_html(versions: list[Row], act_id: str, path: Callable[[str], str]) -> str:
    """The versions held, when each took effect and what caused it, with a form to
    compare two (the last two chosen)."""
    if not versions:
        return "\n  "
    rows = "".join(
        f"""
        <tr{' class="zan-current-version"' if v['is_current'] else ''}>
          <td>{_date(v['date'])}{' (current)' if v['is_current'] else ''}{' <strong>rebuilt</strong>' if v['rebuilt'] else ''}</td>
          <td>{took_effect(v)}</td>
          <td>{escape_html(v['caused_by'] or '—')}</td>
          <td><small>{escape_html(v['source_path'])}</small></td>
        </tr>"""
        for v in versions
    )
    compare = ""
    if len(versions) > 1:
        compare = f"""
    <form action="{escape_html(path('/-/diff/' + act_id))}" method="get">
      <label>from <select name="from">{_version_options(versions, len(versions) - 2)}</select></label>
      <label>to <select name="to">{_version_options(versions, len(versions) - 1)}</select></label>
      <button type="submit">Өзгерістерді көрсету (show changes)</button>
    </form>"""
    return f"""
  <section id="versions" class="zan-versions">
    <h2>Редакциялары (versions held)</h2>
    <table>
      <thead><tr><th>version</th><th>in effect from</th><th>caused by</th><th>source</th></tr></thead>
      <tbody>{rows}
      </tbody>
    </table>{compare}
  </section>
  """


def _version_options(versions: list[Row], selected: int) -> str:
    return "".join(
        f'<option value="{escape_html(v["id"])}"{" selected" if index == selected else ""}>{_date(v["date"])}</option>'
        for index, v in enumerate(versions)
    )


def _links_html(links: Row, act_id: str, path: Callable[[str], str]) -> str:
    """What the act cites and is cited by, amends and is amended or repealed by."""

    def act_link(row: Row) -> str:
        return f'<a href="{escape_html(path("/-/acts/" + row["act_id"]))}">{escape_html(row["title"] or row["act_id"])}</a>'

    cites = _listed(f"{_cited_html(row, path)} ×{escape_html(row['times'])}" for row in links["cites"])
    cited_by = _listed(f"{act_link(row)} ×{escape_html(row['times'])}" for row in links["cited_by"])
    amended_by = _listed(f"{_cited_html(row, path)} ({escape_html(row['changes'])})" for row in links["amended_by"])
    amending_acts = "".join(f"; {act_link(row)} ({escape_html(row['instructions'])} instructions)" for row in links["amended_by_acts_in_corpus"])
    amends = _listed(f"{_cited_html(row, path)} ({escape_html(row['instructions'])} instructions)" for row in links["amends"])
    repealed_by = _listed(_cited_html(row, path) for row in links["repealed_by"])
    return f"""
  <section id="links" class="zan-links">
    <h2>Сілтемелер (links)</h2>
    <dl>
      <dt>Осы акт сілтеме жасайды (this act cites)</dt>
      <dd>{cites}</dd>
      <dt>Сілтеме жасайтын актілер (cited by)</dt>
      <dd>{cited_by}</dd>
      <dt>Өзгерістер енгізген актілер (amended by)</dt>
      <dd>{amended_by}
        {amending_acts}</dd>
      <dt>Өзгерістер енгізеді (amends)</dt>
      <dd>{amends}</dd>
      <dt>Күшін жойған акт (repealed by)</dt>
      <dd>{repealed_by}</dd>
    </dl>
    <p><a href="{escape_html(path('/-/links/' + act_id + '.json'))}">JSON</a></p>
  </section>
"""


def _listed(items: Iterable[str]) -> str:
    """Items joined by ``; ``, or a dash when there are none."""
    return "; ".join(items) or "—"


def _cited_html(row: Row, path: Callable[[str], str]) -> str:
    """A link to a cited act: its page in the corpus, else its page as a cited act (`/-/cited/`)."""
    url = path(f"/-/acts/{row['act_id']}") if row["act_id"] else path(f"/-/cited/{row['id']}")
    title = f" «{escape_html(row['title'])}»" if row.get("title") else ""  # amending acts' rows have no title
    outside = "" if row["act_id"] else " <small>(корпуста жоқ, not in the corpus)</small>"
    return (
        f'<a href="{escape_html(url)}">{escape_html(row["kind"] or "act")} № {escape_html(row["number"] or "?")} '
        f'{_date(row["adopted_on"])}{title}</a>{outside}'
    )


def _instructions_html(instructions: list[Row], path: Callable[[str], str]) -> str:
    """For an amending act: the act it amends and each of its instructions."""
    if not instructions:
        return "\n  "
    first = instructions[0]
    registration = f"(registration № {escape_html(first['target_act_registration_number'])})" if first["target_act_registration_number"] else ""
    if first["target_act_id"]:
        where = f'— <a href="{escape_html(path("/-/acts/" + first["target_act_id"]))}">in the corpus</a>'
    else:
        where = "— not in the corpus yet"
    items = "".join(_instruction_html(instruction) for instruction in instructions)
    return f"""
  <section class="zan-instructions">
    <h2>Өзгерістер енгізу нұсқаулары (instructions)</h2>
    <p>Amends {escape_html(first['target_act_kind'] or 'act')} № {escape_html(first['target_act_number'] or '?')} of {_date(first['target_act_date'], '?')}
      {registration}
      «{escape_html(first['target_act_title'] or '')}»
      {where}</p>
    <ol>{items}
    </ol>
  </section>
  """


def _instruction_html(i: Row) -> str:
    label = f", {escape_html(i['target_label'])}" if i["target_label"] else ""
    quote = f'<blockquote class="zan-quote">{escape_html(i["new_text"])}</blockquote>' if i["new_text"] else ""
    return f"""
      <li><strong>{escape_html(i['operation'])}</strong> {escape_html(i['target_text'])} <small>({escape_html(i['target_key'] or i['target_kind'])}{label})</small>
        {quote}</li>"""
