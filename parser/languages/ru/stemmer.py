"""The Russian stemmer of full-text search (`db.search`): Snowball's, from PyStemmer."""

from __future__ import annotations

import re
import threading

import Stemmer

_CYRILLIC = re.compile("[а-яё]")

#: Snowball's Russian stemmer (PyStemmer, in C). Its stemmer objects are not safe to
#: share between threads, and Datasette searches from several: one per thread.
_STEMMERS = threading.local()


def stem(word: str) -> str:
    """The Snowball stem of one lower-case word: ``законами`` -> ``закон``, ``пункта`` ->
    ``пункт``. Words of other scripts and numbers are returned as they are."""
    if not _CYRILLIC.search(word):
        return word
    stemmer = getattr(_STEMMERS, "russian", None)
    if stemmer is None:
        stemmer = _STEMMERS.russian = Stemmer.Stemmer("russian")
    return stemmer.stemWord(word)
