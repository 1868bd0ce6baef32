"""The pieces drawn on more than one page, each written once: the amendment line, the
version label (with the form that compares two versions), the pager and the unit block.

The act page is written in Python (`act_html`, for its speed) and the other pages by
Jinja templates; both draw these pieces with the functions below, so that a piece cannot
say one thing on one page and another elsewhere. Each returns `Markup` whose every value
is escaped by `escape_html` (what Jinja's autoescape writes); `JINJA_GLOBALS` hands them
to the templates, the reader's language (and the site's paths) taken from the page's
context, and `zan_site.prepare_jinja2_environment` registers them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup, escape

from parser.dates import to_display as display_date
from zan import messages
from zan.messages import t

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


def site_paths(urls, lang: str = messages.DEFAULT_LANGUAGE) -> Callable[[str], str]:
    """`urls.path` as a plain function of a path beginning with ``/``: the same text
    (the base URL and the path), without Datasette's wrapped string type, whose every
    method call is wrapped in turn — a few microseconds a link, hundreds of links a page.
    For a reader of another language than the default, each link keeps ``lang``."""
    base = str(urls.path("/"))
    if lang == messages.DEFAULT_LANGUAGE:
        return lambda path: base + path[1:]
    return lambda path: with_lang(base + path[1:], lang)


def with_lang(url: str, lang: str) -> str:
    """`url` for a reader of `lang`: the default language needs no argument."""
    if lang == messages.DEFAULT_LANGUAGE:
        return url
    return url + ("&" if "?" in url else "?") + f"lang={lang}"


def anchor(key: str) -> str:
    """A stable HTML anchor for a provision key: ``doc/p6/sp8`` -> ``doc-p6-sp8``."""
    return key.replace("/", "-").replace("~", "_")


def keep_lang(lang: str) -> Markup:
    """The hidden field by which a form keeps the reader's language (none for the default)."""
    return Markup("" if lang == messages.DEFAULT_LANGUAGE else f'<input type="hidden" name="lang" value="{escape_html(lang)}">')


def other_text_note(shown: str | None, asked: str | None, lang: str, key: str = "text_not_held") -> Markup:
    """The note a page shows when the act has no text in the language asked (`asked`)
    and shows the text of another (`shown`): the message `key`; nothing otherwise."""
    if not (shown and asked and shown != asked):
        return Markup("")
    note = t(key, lang, asked=t(f"text_name_{asked}", lang), shown=t(f"text_name_{shown}", lang))
    return Markup(f'<p class="zan-text-language">{escape_html(note)}</p>')


def in_language(value: object, language: str | None, lang: str) -> Markup:
    """`value` escaped, marked as written in `language` (``<span lang>``) when that is
    not the reader's `lang`: a title, an issuer, a status line that the corpus holds in
    the other language only is shown as it is, and marked so (browsers, screen readers
    and the tests read it as that language)."""
    if not language or language == lang:
        return Markup(escape_html(value))
    return Markup(f'<span lang="{escape_html(language)}">{escape_html(value)}</span>')


def said_in_other_language_note(languages: Iterable[str | None], lang: str) -> Markup:
    """The one note a page shows when some of what it prints (an issuer, requisites, a
    status line, titles) is held in another language only (`languages`: the language of
    each such value); nothing when all are in the reader's."""
    others = sorted({code for code in languages if code and code != lang and f"text_name_{code}" in messages.MESSAGES})
    if not others:
        return Markup("")
    names = ", ".join(t(f"text_name_{code}", lang) for code in others)
    return Markup(f'<p class="zan-text-language">{escape_html(t("said_in_other_language", lang, language=names))}</p>')


def missing_parts_note(parts: list[str], lang: str) -> Markup:
    """The note an act page shows when part files of the act's text are not in the corpus
    (`parts`: the keys of the units each begins with): the text is not whole."""
    if not parts:
        return Markup("")
    units = ", ".join(messages.unit_name(part, lang) for part in parts)
    return Markup(f'<p class="zan-text-language zan-parts-missing">{escape_html(t("parts_missing", lang, count=len(parts), units=units))}</p>')


def act_crumb(row: Row, lang: str) -> str:
    """An act as the crumbs name it: its kind, date and number as a lawyer writes them
    (a row with ``kind``, ``number``, ``adopted_on``); its title when these are not known."""
    if row.get("kind") or row.get("number") or row.get("adopted_on"):
        return messages.act_name(row.get("kind"), row.get("number"), row.get("adopted_on"), lang)
    return row.get("title") or ""


#: What a date field accepts (the browser checks it; `parser.dates.read_date` reads it):
#: ``19.10.2009`` or ISO ``2009-10-19``. No character class: browsers compile the
#: pattern in the ``v`` mode, where an unescaped ``/`` or ``-`` in one voids the pattern.
DATE_PATTERN = r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}"


def date_field(label: str, value: str | None, lang: str, name: str = "date") -> Markup:
    """A date field as lawyers write dates (``19.10.2009``), not the browser's own
    ``mm/dd/yyyy`` picker: a text field with the form shown as its hint, labelled
    `label`, holding `value` (ISO) in that form; the server reads ISO too."""
    hint = escape_html(t("date_format_hint", lang))
    return Markup(
        f'<label class="zan-date-field">{escape_html(label)} <input class="zan-date-input" type="text" name="{escape_html(name)}" value="{escape_html(display_date(value))}"'
        f' inputmode="numeric" pattern="{DATE_PATTERN}" placeholder="{escape_html(t("date_placeholder", lang))}" title="{hint}"'
        f' size="10" maxlength="10" autocomplete="off"></label>'
    )


# --- The table of contents ---------------------------------------------------------------

#: The units a table of contents lists, and how deep each is drawn.
CONTENTS_LEVELS = {"division": 0, "chapter": 1, "section": 2, "article": 3, "appendix": 0}
#: The units that make an act long enough for a table of contents: three or more of them.
CONTENTS_UNITS = ("division", "chapter", "section", "article")
CONTENTS_MINIMUM = 3


def contents_html(units: list[Row], lang: str, text_language: str | None = None) -> Markup:
    """A long act's table of contents: its divisions, chapters, sections and articles (by
    number and heading) and appendices, each a link to the unit on the page; nothing for
    an act with fewer than `CONTENTS_MINIMUM` of them. Beside the text on a wide screen,
    above it on a narrow one (zan.css); the unit being read is marked while scrolling.
    Its entries are the text's own words: marked as `text_language` when that is not the
    reader's."""
    entries = [p for p in units if p["kind"] in CONTENTS_LEVELS]
    if sum(1 for p in entries if p["kind"] in CONTENTS_UNITS) < CONTENTS_MINIMUM:
        return Markup("")
    top = min(CONTENTS_LEVELS[p["kind"]] for p in entries)
    items = "".join(
        f'<li class="zan-toc-{escape_html(p["kind"])}" style="margin-left: {(CONTENTS_LEVELS[p["kind"]] - top) * 0.8}em">'
        f'<a href="#{anchor(escape_html(p["key"]))}">{escape_html(_contents_entry(p, lang))}</a></li>'
        for p in entries
    )
    title = escape_html(t("contents", lang))
    marked = f' lang="{escape_html(text_language)}"' if text_language and text_language != lang else ""
    return Markup(
        f'  <nav class="zan-toc" aria-label="{title}"><details open><summary>{title}</summary><ol{marked}>{items}</ol></details></nav>\n'
        f"  <script>{CONTENTS_SCRIPT}</script>\n"
    )


#: The longest entry of a table of contents, in characters; a longer heading is cut.
CONTENTS_ENTRY_LENGTH = 120


def _contents_entry(p: Row, lang: str) -> str:
    """A unit as its table of contents names it: its printed heading line (``5-бап.
    Кедейлік шегі``), or the appendix's title; its name when it prints none."""
    text = (p.get("heading") if p["kind"] == "appendix" else None) or p.get("text") or p.get("candidate_text") or ""
    line = " ".join(text.split("\n", 1)[0].split()) or messages.unit_name(p["key"], lang)
    return line if len(line) <= CONTENTS_ENTRY_LENGTH else line[: CONTENTS_ENTRY_LENGTH - 1].rstrip() + "…"


#: The table of contents closed on a narrow screen (it stands above the text there), and
#: its entry of the unit being read marked while scrolling.
CONTENTS_SCRIPT = """
(() => {
  const nav = document.currentScript.previousElementSibling;
  if (matchMedia("(max-width: 999px)").matches) nav.querySelector("details").open = false;
  const links = [...nav.querySelectorAll("a")];
  let targets = null, queued = false;
  const mark = () => {  // the units follow this script: looked up once the page is read
    queued = false;
    targets = targets || links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
    let current = -1;
    targets.forEach((target, index) => { if (target && target.getBoundingClientRect().top < 80) current = index; });
    links.forEach((a, index) => a.classList.toggle("zan-toc-current", index === current));
  };
  addEventListener("scroll", () => { if (!queued) { queued = true; requestAnimationFrame(mark); } }, { passive: true });
  addEventListener("DOMContentLoaded", mark);
})();
"""


def with_contents(contents: str, text: str) -> Markup:
    """The text of an act (its ``zan-text`` block) with its table of contents beside it,
    when it has one."""
    if not contents:
        return Markup(text)
    return Markup(f'  <div class="zan-with-toc">\n{contents}{text}  </div>\n')


# --- The amendment line ------------------------------------------------------------------


def amendment_line(a: Row, lang: str) -> Markup:
    """A change a note records (an ``amendments`` row): what it did, by which act, from
    when, and why then; or, when nothing of the amending act was read, that it was not —
    never "? № ?"."""
    if not (a["amending_act_kind"] or a["amending_act_date"] or a["amending_act_number"]):
        return Markup(f'<span class="zan-unparsed">{t("amendment_unread", lang)}</span>')
    act = messages.act_name(a["amending_act_kind"], a["amending_act_number"], a["amending_act_date"], lang)
    parse = f"; {t('parse_incomplete', lang)}" if a["parse_status"] != "ok" else ""
    reason = messages.amendment_commencement_text(a, lang)
    return Markup(
        f"{escape_html(messages.action_word(a['action'], lang))}: {escape_html(act)} —\n      {amendment_applies(a, lang)}\n"
        f"      <small>({escape_html(reason)}{parse})</small>"
    )


def amendment_applies(a: Row, lang: str) -> Markup:
    """From when a change applies (a row with ``date_status`` and its ``effective_*``
    dates): a day, a window, or not known."""
    if a["date_status"] == "exact":
        applies = t("applies_exact", lang, date=display_date(a["effective_from"]))
    elif a["date_status"] == "bounded":
        applies = t("applies_window", lang, window=messages.effective_text(a, lang))
    else:
        applies = t("applies_unknown", lang)
    return Markup(escape_html(applies))


# --- Versions ----------------------------------------------------------------------------


def version_label(v: Row, lang: str, plain: bool = False) -> Markup:
    """A version as every page names it: its date, marked current or rebuilt (a rebuilt
    text is not an official one: the mark is in bold unless `plain`, for an ``<option>``,
    which holds text only)."""
    current = f" ({t('current_version', lang)})" if v["is_current"] else ""
    rebuilt = ""
    if v["rebuilt"]:
        word = escape_html(t("rebuilt_version", lang))
        rebuilt = f" — {word}" if plain else f" — <strong>{word}</strong>"
    return Markup(f"{escape_html(display_date(v['date']))}{escape_html(current)}{rebuilt}")


def version_start(v: Row, lang: str) -> Markup:
    """When a version's wording took effect: a day, a window, or not known and why."""
    effective = escape_html(messages.effective_text(v, lang))
    if v["date_status"] != "unknown" or not v.get("date_basis_rule"):
        return Markup(effective)  # why it is not known: how the build derived it (`act_versions`'s `date_basis`)
    why = messages.basis_text(v["date_basis_rule"], v.get("date_basis_data"), lang)
    return Markup(f"{effective} <small>({escape_html(why)})</small>")


def compare_form(versions: list[Row], old_id: str, new_id: str, action: str, lang: str) -> Markup:
    """The form that asks for the differences between two versions (``from``, ``to``),
    `old_id` and `new_id` chosen, sent to `action`."""

    def options(selected: str) -> str:
        return "".join(
            f'<option value="{escape_html(v["id"])}"{" selected" if v["id"] == selected else ""}>{version_label(v, lang, plain=True)}</option>'
            for v in versions
        )

    return Markup(
        f"""<form class="zan-compare" action="{escape_html(action)}" method="get">
      <label><span>{t('compare_from', lang)}</span> <select name="from">{options(old_id)}</select></label>
      <label><span>{t('compare_to', lang)}</span> <select name="to">{options(new_id)}</select></label>{keep_lang(lang)}
      <button type="submit">{t('compare', lang)}</button>
    </form>"""
    )


# --- The pager ---------------------------------------------------------------------------


def pager(page: int, pages: int, previous_url: str | None, next_url: str | None, lang: str, count: str | None = None) -> Markup:
    """Where a paged listing is — `count` (what it holds, in words), the page of how many
    — with links to the previous and next pages."""
    parts = [escape_html(count)] if count else []
    parts.append(escape_html(t("page_of", lang, page=page, pages=pages)))
    for url, word in ((previous_url, "previous"), (next_url, "next")):
        if url:
            parts.append(f'<a href="{escape_html(url)}">{escape_html(t(word, lang))}</a>')
    return Markup(f'<p class="zan-pages">{" · ".join(parts)}</p>')


# --- The unit block ----------------------------------------------------------------------


def unit_block(p: Row, body: str, classes: Iterable[str] = ()) -> Markup:
    """A unit of an act's text (a row with ``key`` and ``kind``): a block anchored by its
    key (`anchor`), indented by its depth, classed by its kind and `classes`, holding
    `body` (its line, and the notes printed after it)."""
    key = escape_html(p["key"])
    more = "".join(f" {escape_html(name)}" for name in classes)
    return Markup(
        f'    <div id="{anchor(key)}" class="zan-unit zan-{escape_html(p["kind"])}{more}" style="margin-left: {p["key"].count("/") * 1.5}em">\n'
        f"      {body}\n    </div>\n"
    )  # anchor(key) = escape_html(anchor(p["key"])): neither writes what the other replaces


def row_block(
    p: Row, cells: list[str], lang: str, path: Callable[[str], str], classes: Iterable[str] = (), lead: str = "", after: str = "", columns: int = 0
) -> Markup:
    """A table row (a unit with ``cells``, ``spans``) as a row of its table (`text_blocks`
    draws the table around its rows): its ¶ link (and `lead`, a mark such as "not
    proven"), its cells (HTML, each spanning the rows and columns its source gives), its
    history link; `after` (its notes) in a row of its own below, across the table's
    `columns`."""
    key = escape_html(p["key"])
    more = "".join(f" {escape_html(name)}" for name in classes)
    spans = p.get("spans") or [(1, 1)] * len(cells)
    tds = "".join(
        f"<td{_span_attribute('rowspan', rows)}{_span_attribute('colspan', wide)}>{cell}</td>" for cell, (rows, wide) in zip(cells, spans)
    )
    lead = f" {lead}" if lead else ""
    below = f'\n      <tr class="zan-row-after"><td></td><td colspan="{max(columns, len(cells))}">{after}</td><td></td></tr>' if after else ""
    return Markup(
        f'      <tr id="{anchor(key)}" class="zan-unit zan-{escape_html(p["kind"])}{more}">'
        f'<td class="zan-row-mark">{pilcrow(p["key"], lang)}{lead}</td>{tds}'
        f'<td class="zan-row-mark">{history_link(p["id"], path, lang)}</td></tr>{below}\n'
    )


def _span_attribute(name: str, value: int) -> str:
    return f' {name}="{int(value)}"' if value and int(value) > 1 else ""


def table_columns(rows: Iterable[Row]) -> dict[str, int]:
    """The number of columns of each table (its widest row, counting the columns each
    cell spans), by the table's id (the rows' ``parent_id``)."""
    columns: dict[str, int] = {}
    for p in rows:
        if p.get("cells"):
            spans = p.get("spans") or [(1, 1)] * len(p["cells"])
            columns[p["parent_id"]] = max(columns.get(p["parent_id"], 0), sum(wide for _, wide in spans))
    return columns


def text_blocks(blocks: Iterable[tuple[Row, str]]) -> Markup:
    """The blocks of units, each a unit and its drawing (`unit_block`, or `row_block` for
    a unit with ``cells``), the consecutive rows of one table in one ``<table>``: its
    columns line up, each as wide as its cells need, and a table wider than the screen
    scrolls in its own box."""
    parts: list[str] = []
    table: str | None = None
    for p, drawn in blocks:
        row_of = p["parent_id"] if p.get("cells") else None
        if row_of != table and table is not None:
            parts.append("    </tbody></table></div>\n")
        if row_of is not None and row_of != table:
            depth = max(p["key"].count("/") - 1, 0) * 1.5
            parts.append(f'    <div class="zan-table-box" style="margin-left: {depth}em"><table class="zan-table"><tbody>\n')
        table = row_of
        parts.append(str(drawn))
    if table is not None:
        parts.append("    </tbody></table></div>\n")
    return Markup("".join(parts))


def unit_line(p: Row, content: str, lang: str, path: Callable[[str], str], css_class: str = "", style: str = "") -> Markup:
    """A unit's printed line: its ¶ link to its own anchor (titled with the unit's name),
    `content` (HTML), and the link to its history (a row with ``id`` and ``key``)."""
    attributes = (f' class="{escape_html(css_class)}"' if css_class else "") + (f' style="{escape_html(style)}"' if style else "")
    return Markup(f"<p{attributes}>{pilcrow(p['key'], lang)} {content}\n          {history_link(p['id'], path, lang)}</p>")


def pilcrow(key: str, lang: str) -> str:
    """The ¶ link of a unit (by its `key`) to its own anchor, titled with the unit's name."""
    return f'<a class="zan-anchor" href="#{anchor(escape_html(key))}" title="{escape_html(messages.unit_name(key, lang))}">¶</a>'


def history_link(provision_id: str, path: Callable[[str], str], lang: str) -> str:
    """The ⟲ link of a unit to the page of its history."""
    return f'<a class="zan-history-link" href="{escape_html(path("/-/history/" + provision_id))}" title="{t("history", lang)}">⟲</a>'


# --- For the templates --------------------------------------------------------------------


def _in_reader_language(function: Callable[..., Markup]) -> Callable[..., Markup]:
    """`function` for a template: its ``lang`` the page's."""

    @pass_context
    def drawn(context, *args, **kwargs):
        return function(*args, lang=context["lang"], **kwargs)

    return drawn


@pass_context
def _unit_line_in_page(context, p: Row, content: str, **kwargs) -> Markup:
    """`unit_line` for a template: the page's language, its links to the page's site, a
    `content` that is not markup yet escaped."""
    lang = context["lang"]
    return unit_line(p, escape(content), lang=lang, path=site_paths(context["urls"], lang), **kwargs)


@pass_context
def _row_block_in_page(context, p: Row, classes: Iterable[str] = (), lead: str = "") -> Markup:
    """`row_block` for a template: the row's own cells, escaped; `lead` escaped unless markup."""
    lang = context["lang"]
    return row_block(p, [escape_html(cell) for cell in p["cells"]], lang, site_paths(context["urls"], lang), classes, escape(lead))


def _unit_block_in_page(p: Row, body: str, classes: Iterable[str] = ()) -> Markup:
    """`unit_block` for a template: a `body` that is not markup yet is escaped."""
    return unit_block(p, escape(body), classes)


def replacement_html(item: Row, path: Callable[[str], str], lang: str, date: str | None = None, when: bool = False) -> str:
    """One act of a replacement (`db.queries.act_replacements`, `came_before`): its name and
    title linked — its page in the corpus (as it stood on `date` when given), else its page as
    a cited act —, with `when` the day or window the new act took effect, and what says so."""
    if item["act_id"]:
        url = path(f"/-/at/{item['act_id']}?date={date}") if date else path(f"/-/acts/{item['act_id']}")
    else:
        url = path(f"/-/cited/{item['cited_act_id']}")
    name = messages.act_name(item["kind"], item["number"], item["adopted_on"], lang)
    title = f" «{in_language(item['title'], item.get('title_language'), lang)}»" if item.get("title") else ""
    outside = "" if item["act_id"] else f" <small>({t('not_in_corpus', lang)})</small>"
    took_effect = ""
    if when and (item.get("takes_effect_from") or item.get("takes_effect_latest")):
        window = messages.window_text(item["takes_effect_from"], item["takes_effect_latest"], lang)
        took_effect = f" — {escape_html(t('took_effect_on', lang, when=window))}"
    return f'<a href="{escape_html(url)}">{escape_html(name)}{title}</a>{outside}{took_effect} <small class="zan-basis">({escape_html(item["basis"])})</small>'


@pass_context
def _replacement_in_page(context, item: Row, date: str | None = None) -> Markup:
    lang = context["lang"]
    return Markup(replacement_html(item, site_paths(context["urls"], lang), lang, date))


#: The pieces as the templates call them (`zan_site.prepare_jinja2_environment`).
JINJA_GLOBALS: dict[str, Callable[..., Markup]] = {
    "keep_lang": _in_reader_language(keep_lang),
    "in_language": _in_reader_language(in_language),
    "said_in_other_language_note": _in_reader_language(said_in_other_language_note),
    "missing_parts_note": _in_reader_language(missing_parts_note),
    "act_crumb": _in_reader_language(act_crumb),
    "date_field": _in_reader_language(date_field),
    "contents_html": _in_reader_language(contents_html),
    "with_contents": with_contents,
    "other_text_note": _in_reader_language(other_text_note),
    "amendment_line": _in_reader_language(amendment_line),
    "amendment_applies": _in_reader_language(amendment_applies),
    "version_label": _in_reader_language(version_label),
    "version_start": _in_reader_language(version_start),
    "compare_form": _in_reader_language(compare_form),
    "pager": _in_reader_language(pager),
    "unit_block": _unit_block_in_page,
    "row_block": _row_block_in_page,
    "text_blocks": text_blocks,
    "unit_line": _unit_line_in_page,
    "replacement": _replacement_in_page,
}
