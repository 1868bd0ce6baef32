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


def _unit_block_in_page(p: Row, body: str, classes: Iterable[str] = ()) -> Markup:
    """`unit_block` for a template: a `body` that is not markup yet is escaped."""
    return unit_block(p, escape(body), classes)


#: The pieces as the templates call them (`zan_site.prepare_jinja2_environment`).
JINJA_GLOBALS: dict[str, Callable[..., Markup]] = {
    "keep_lang": _in_reader_language(keep_lang),
    "in_language": _in_reader_language(in_language),
    "said_in_other_language_note": _in_reader_language(said_in_other_language_note),
    "missing_parts_note": _in_reader_language(missing_parts_note),
    "act_crumb": _in_reader_language(act_crumb),
    "other_text_note": _in_reader_language(other_text_note),
    "amendment_line": _in_reader_language(amendment_line),
    "amendment_applies": _in_reader_language(amendment_applies),
    "version_label": _in_reader_language(version_label),
    "version_start": _in_reader_language(version_start),
    "compare_form": _in_reader_language(compare_form),
    "pager": _in_reader_language(pager),
    "unit_block": _unit_block_in_page,
    "unit_line": _unit_line_in_page,
}
