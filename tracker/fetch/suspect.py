"""Is this fetch the article, or a broken page standing in for it?

A site answers 200 with a "page not found" page, cuts the article after two paragraphs
for a paywall, shows a cookie wall or an "enable JavaScript" shell, or its layout changes
so that extraction picks up a fragment. Stored as a version, each of these is alerted as
"8 statements removed", and the real article's return as "8 new statements". A check
judges each extracted page here first; a suspect page stores no version and no event,
and the next good page is compared with the last good version.

The rules are general: phrases that such pages share across sites (in several
languages' worth of English wording, never a site's name), read from the page's visible
text, and, for a page that shrank, the shape of the shrink against the last version.

    signals(visible_text) -> the kinds of notice a page shows     (in the worker, cheap)
    judge(article, signals, previous) -> Suspect | None           (in the check)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.engine.model import Article

# A page is short when its article is under this many words: long enough for a brief,
# too short for an article that is also a "not found" page.
SHORT = 150

_NOT_FOUND = re.compile(
    r"\b(?:page|article|story|content)s? (?:you (?:were|are) looking for |you requested )?"
    r"(?:could not|couldn.t|cannot|can.t|was not|wasn.t) (?:be )?(?:found|located)"
    r"|\bwe (?:could not|couldn.t|can.t|cannot) find (?:that|this|the) (?:page|article|story)"
    r"|\b(?:page|article) not found\b|\berror 404\b|\b404 (?:error|not found)\b"
    r"|\bthis (?:page|article|story) (?:does not|doesn.t) exist"
    r"|\bthis (?:page|article|story) (?:is )?no longer (?:available|exists)",
    re.I,
)
_JS_ONLY = re.compile(
    r"\b(?:please )?(?:enable|turn on|activate) javascript\b|\bjavascript (?:is )?(?:disabled|required|needed)\b"
    r"|\byou need to enable javascript\b|\bthis (?:site|app|page) requires javascript\b"
    r"|\byour browser (?:does not|doesn.t) support javascript\b",
    re.I,
)
_CONSENT = re.compile(
    r"\bwe (?:value|care about) your privacy\b|\b(?:accept|reject) (?:all )?(?:cookies|and continue)\b"
    r"|\bmanage (?:cookie |privacy )?(?:preferences|settings|choices)\b|\bcookie (?:consent|policy|settings)\b"
    r"|\bby clicking .accept\b|\bbefore you continue\b",
    re.I,
)
_PAYWALL = re.compile(
    r"\bsubscribe (?:now )?to (?:keep|continue) reading\b|\bto (?:keep|continue) reading,? (?:please )?"
    r"(?:subscribe|sign in|log in|register)\b|\b(?:already (?:a subscriber|have an account)|subscribers only)\b"
    r"|\bthis (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)\b"
    r"|\bsign in to (?:keep|continue) reading\b|\bcreate a free account to (?:keep|continue) reading\b"
    r"|\byou(?:.ve| have) (?:reached|used) (?:your|all) (?:free|\d+ free) (?:article|stor)",
    re.I,
)
SIGNALS = {"not_found": _NOT_FOUND, "js_only": _JS_ONLY, "consent": _CONSENT, "paywall": _PAYWALL}

REASONS = {
    "not_found": "a 'page not found' page answered with HTTP 200 (soft 404)",
    "js_only": "a page that needs JavaScript to show the article",
    "consent": "a cookie or consent page instead of the article",
    "paywall": "a paywall cut the article short",
    "collapsed": "the extracted text collapsed (most of the last version's paragraphs are gone)",
}


@dataclass(frozen=True, slots=True)
class Suspect:
    """Why a fetched page is not taken as a new version. `kind` is a key of REASONS."""

    kind: str
    detail: str

    @property
    def reason(self) -> str:
        return f"{REASONS[self.kind]}: {self.detail}" if self.detail else REASONS[self.kind]

    @property
    def shrink(self) -> bool:
        """Kinds a story may accept (`--accept-short`): pages that really do get shorter."""
        return self.kind in ("collapsed", "paywall")


@dataclass(frozen=True, slots=True)
class Previous:
    """What the check knows of the last good version."""

    words: int
    paragraphs: tuple[str, ...]


# One search of the lower-cased text (the patterns are lower-case words, and matching
# without re.I costs half as much) rules out the usual page, which shows no notice at all.
_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in SIGNALS.values()))


def signals(visible_text: str) -> frozenset[str]:
    """The kinds of notice the page's visible text shows (lower-cased or not)."""
    low = visible_text.lower()
    if _ANY.search(low) is None:
        return frozenset()
    return frozenset(kind for kind, pattern in SIGNALS.items() if pattern.search(low))


def signals_in_html(html: bytes | str) -> frozenset[str]:
    """`signals` of a page's visible text (scripts, styles and tags dropped; noscript too:
    its "enable JavaScript" text shows only to a browser without scripts, which we are not
    when judging whether the page itself is a shell)."""
    from tracker.fetch.extract import visible_text

    return signals(visible_text(html).decode("utf-8", "replace"))


# What a browser without scripts shows: noscript kept (where an app shell says "enable JavaScript").
_SHELL_HIDDEN = re.compile(
    r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<template\b.*?</template\s*>|<!--.*?-->|<[^>]*>",
    re.DOTALL | re.IGNORECASE,
)


def shell_signals(html: str) -> frozenset[str]:
    """Notices of a page whose article could not be extracted, noscript text included:
    an app shell says "enable JavaScript" only there."""
    return signals(_SHELL_HIDDEN.sub(" ", html))


def _is_consent_wall(article: Article, seen: frozenset[str]) -> bool:
    """A consent wall's text is all consent wording ("we value your privacy", "accept all",
    "manage preferences"): two different such phrases. One phrase in an article is news
    about cookies; a notice elsewhere on a short page whose article never mentions it is a wall."""
    hits = {m.group(0).lower() for m in _CONSENT.finditer("\n".join(article.paragraphs))}
    return len(hits) >= 2 or ("consent" in seen and not hits)


def _words(article: Article) -> int:
    return sum(len(p.split()) for p in article.paragraphs)


def _kept(previous: Previous, article: Article) -> float:
    """The share of the last version's paragraphs found again (exactly or as a prefix: a cut one)."""
    if not previous.paragraphs:
        return 1.0
    now = [" ".join(p.split()) for p in article.paragraphs]
    text = "\n".join(now)
    kept = sum(1 for p in previous.paragraphs if " ".join(p.split())[:80] in text)
    return kept / len(previous.paragraphs)


def judge(article: Article, seen: frozenset[str], previous: Previous | None) -> Suspect | None:
    """A Suspect when this page should not become a version; None when it is the article."""
    words = _words(article)
    headline = article.headline or ""
    # A "not found" or "enable JavaScript" notice as the headline or lede is the page itself;
    # consent wording there may be news (a story about cookie rules), so it counts only on a
    # short page, like any notice elsewhere on the page.
    own = signals(headline + "\n" + "\n".join(article.paragraphs[:2])) & {"not_found", "js_only"}
    short = words < SHORT
    for kind in ("not_found", "js_only"):
        if kind in own or (short and kind in seen):
            return Suspect(kind, f"{words} words" if words else "no article text")
    if short and _is_consent_wall(article, seen):
        return Suspect("consent", f"{words} words" if words else "no article text")
    if previous is None or previous.words == 0:
        if "paywall" in seen and short:
            return Suspect("paywall", f"{words} words, and the page asks the reader to subscribe")
        return None
    ratio = words / previous.words
    if "paywall" in seen and ratio < 0.6:
        return Suspect("paywall", f"{words} words, against {previous.words} in the last version")
    if ratio < 0.5 and _kept(previous, article) < 0.5:
        return Suspect("collapsed", f"{words} words, against {previous.words} in the last version")
    return None
