"""Work done once per distinct text: memos of the parser's pure functions.

Most of the text of an act's version is the text of the version before it, so the same
unit and the same note are read again and again (issue 24: a note is parsed about
twelve times in a build of the generated git corpus). What depends only on a text and
the language reading it is remembered here, in the process that computes it (a build's
worker), keyed by that text: the next version that prints the same words reuses it.

Each memo is bounded (least recently used first out), so memory stays flat whatever the
size of the corpus. Its key includes the registered languages (`registry`): a date or a
note is looked for in the forms of every registered language, so registering one (a
test's toy language) must not reuse what was read without it.

`copied` memos hand back a fresh copy each time (a pickle round trip, in C: far cheaper
than the parse), for results their callers mutate (a note's amendments get their
dates later); `frozen` ones return the one shared, immutable result.
"""

from __future__ import annotations

import inspect
import pickle
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

from .languages import LANGUAGES

T = TypeVar("T")


def registry() -> tuple:
    """The registered languages, as a key: what a memo's result may also depend on."""
    return tuple(LANGUAGES.values())


def frozen(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Memoise a pure function of hashable arguments whose result is never mutated."""

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        signature = inspect.signature(function)

        @lru_cache(maxsize=maxsize)
        def remembered(languages: tuple, *args):
            return function(*args)

        @wraps(function)
        def memoised(*args, **kwargs):
            return remembered(registry(), *_positional(signature, args, kwargs))

        memoised.cache_clear = remembered.cache_clear  # type: ignore[attr-defined]
        memoised.cache_info = remembered.cache_info  # type: ignore[attr-defined]
        return memoised

    return decorate


def copied(maxsize: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Memoise a pure function of hashable arguments whose result its callers may mutate:
    the result is kept pickled, and each call unpickles a copy of its own."""

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        signature = inspect.signature(function)

        @lru_cache(maxsize=maxsize)
        def remembered(languages: tuple, *args) -> bytes:
            return pickle.dumps(function(*args), protocol=pickle.HIGHEST_PROTOCOL)

        @wraps(function)
        def memoised(*args, **kwargs):
            return pickle.loads(remembered(registry(), *_positional(signature, args, kwargs)))

        memoised.cache_clear = remembered.cache_clear  # type: ignore[attr-defined]
        memoised.cache_info = remembered.cache_info  # type: ignore[attr-defined]
        return memoised

    return decorate


def _positional(signature: inspect.Signature, args: tuple, kwargs: dict) -> tuple:
    """The arguments of a call, all positional: one key however the call names them."""
    if not kwargs:
        return args
    bound = signature.bind(*args, **kwargs)
    bound.apply_defaults()
    return bound.args
