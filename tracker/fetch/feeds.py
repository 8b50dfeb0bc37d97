"""Feeds: which articles an RSS or Atom feed lists, and which of them to follow.

`entries(body, base_url)` parses a fetched feed with feedparser into plain values;
`matching(entries, words)` keeps the entries whose title or summary holds all the words
(case and accents ignored). The service adds the matching articles as stories.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

from tracker.errors import FetchError


@dataclass(frozen=True, slots=True)
class Entry:
    url: str
    title: str
    summary: str
    published: str | None


def entries(body: bytes | str, base_url: str) -> list[Entry]:
    """The entries of an RSS/Atom feed, links made absolute. Raises FetchError when the
    body is not a feed at all."""
    import feedparser

    parsed = feedparser.parse(body)
    # An HTML page parses without complaint but as no known feed version.
    if not parsed.get("entries") and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise FetchError(base_url, f"not an RSS or Atom feed ({reason})")
    out: list[Entry] = []
    for e in parsed.get("entries", []):
        link = e.get("link") or next((lk.get("href") for lk in e.get("links", []) if lk.get("href")), None)
        if not link:
            continue
        out.append(
            Entry(
                url=urljoin(base_url, link),
                title=_clean(e.get("title", "")),
                summary=_clean(e.get("summary", "")),
                published=e.get("published") or e.get("updated"),
            )
        )
    return out


def _clean(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text or "").split())


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def matching(items: Iterable[Entry], words: str | None) -> list[Entry]:
    """Entries whose title or summary contains every word of `words` (all when None)."""
    wanted = _fold(words or "").split()
    if not wanted:
        return list(items)
    out = []
    for e in items:
        hay = _fold(f"{e.title} {e.summary}")
        if all(re.search(rf"\b{re.escape(w)}", hay) for w in wanted):
            out.append(e)
    return out
