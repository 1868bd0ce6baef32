"""Units that stand in the text only as placeholders: a deleted article whose heading is
kept over its deletion note, an empty ``26-бап.``, a heading over only the note that says
when its text will come into force.

The Markdown reader (`parser.markdown`) marks what a unit's own line says ("Статья 128
исключена …", "3) вводится в действие по истечении шести месяцев …"); what only the notes
under a bare heading say is read here, once the notes are attached. The mark is
`Provision.status` ("excluded", "deferred"); the timeline decides what it means in time.
"""

from __future__ import annotations

from .languages import Language
from .model import Note, ParsedDocument, Provision
from .notes import strip_marker

#: Units that are not the article's own text.
_NOT_BODY = ("quote", "editorial", "other", "signature")


def mark_placeholders(document: ParsedDocument, lang: Language) -> None:
    """Give a bare article (a heading with nothing of its own under it) the status its
    notes or its empty heading say: ``excluded`` or ``deferred``."""
    with_body = {p.parent_key for p in document.provisions if p.kind not in _NOT_BODY}
    for article in document.provisions:
        if article.kind != "article" or article.status is not None or article.key in with_body:
            continue
        notes = [n for n in document.notes if article.key in (n.target_key, n.printed_after_key)]
        article.status = placeholder_status(article, notes, lang)


def placeholder_status(article: Provision, notes: list[Note], lang: Language) -> str | None:
    """``excluded`` for an empty heading (``26-бап.``) or one over a deletion note,
    ``deferred`` for one over only a commencement note; None when neither is printed.
    (An article whose whole text is its heading, as in 104446, has a heading: not a placeholder.)"""
    printed = lang.ARTICLE.match(article.text)
    if printed is not None and not printed["heading"].strip(" .") and not notes:
        return "excluded"
    bodies = [lang.fold(strip_marker(note.text, lang)) for note in notes]
    if any(placeholder in body for body in bodies for placeholder in lang.DELETION_PLACEHOLDERS):
        return "excluded"
    if bodies and all(lang.squash(body).startswith(lang.COMMENCEMENT_VERBS) for body in bodies):
        return "deferred"
    return None
