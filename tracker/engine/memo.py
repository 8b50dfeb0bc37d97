"""The engine's caches, and one place to forget them all.

Readings of a sentence or paragraph (its canonical form, quotes, figures, names,
attribution) are memoised: a compare reads every sentence of both revisions, and
consecutive revisions share most of them. Each cached function is declared with `memo`,
which registers it, so `clear_caches()` empties every cache the engine has loaded without
reaching into any module's private names (benchmarks measure cold compares with it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

T = TypeVar("T")

_CACHED: list[_lru_cache_wrapper[Any]] = []


def memo(maxsize: int) -> Callable[[Callable[..., T]], _lru_cache_wrapper[T]]:
    """`functools.lru_cache(maxsize)`, registered for `clear_caches`."""

    def wrap(fn: Callable[..., T]) -> _lru_cache_wrapper[T]:
        cached = lru_cache(maxsize=maxsize)(fn)
        _CACHED.append(cached)
        return cached

    return wrap


def clear_caches() -> None:
    """Forget every cached reading of every engine module imported so far."""
    for cached in _CACHED:
        cached.cache_clear()
