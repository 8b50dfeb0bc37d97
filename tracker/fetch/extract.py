"""HTML or text -> Article: the article's headline, body paragraphs, byline and dates.

trafilatura finds the article body; this module adds what a tracker needs around it:
the headline from the page's own `<h1>` (titles carry site names), text normalised so that
typography and whitespace never make a new version, lines of page furniture that slip into
the body ("Updated 10:42 AM", "Advertisement") dropped, and `page_hash`, a cheap hash
of a page's visible text that lets a check skip extraction when nothing visible changed.
Importing this module is cheap; lxml and trafilatura load on first use.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.engine.model import Article
from tracker.engine.text import article_from_text, normalise, paragraphs
from tracker.errors import ExtractError
from tracker.fetch.markup import clean_references, flatten_nesting, reached_depth_limit

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_FURNITURE = re.compile(
    r"""^(?:
        (?:updated|published|posted|last\ updated|first\ published)\b.{0,60}\d
      | advertisement | ad | sponsored(?:\ content)? | skip\ advertisement
      | (?:read|see)\ (?:more|also)\b.{0,120}
      | related(?:\ (?:article|articles|stories|coverage))?:?\ ?.{0,160}
      | (?:sign\ up|subscribe)\b.{0,160}
      | share\ (?:this|on)\b.{0,40}
      | (?:click|tap)\ here\b.{0,80}
      | (?:image|photo|video)\ (?:credit|caption)?:?.{0,120}
      )$""",
    re.IGNORECASE | re.VERBOSE,
)


def _clean_paragraphs(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for block in paragraphs(text.replace("\n", "\n\n")):
        line = block.strip()
        if not line or _FURNITURE.match(line):
            continue
        out.append(line)
    return tuple(out)


def _h1(tree: HtmlElement) -> str:
    for xpath in ("//article//h1", "//main//h1", "//h1"):
        for h in tree.xpath(xpath):
            text = normalise(h.text_content())
            if text:
                return " ".join(text.split())
    return ""


def load_tree(html: bytes | str) -> HtmlElement:
    """The parsed page, its hostile character references cleaned and excess nesting flattened
    first (tracker.fetch.markup), so that one `&#27;` or a page 300 elements deep still reads."""
    from trafilatura.utils import decode_file, load_html

    # bytes are decoded as trafilatura always decoded them (a saved file; the service decodes in the worker)
    text = clean_references(decode_file(html) if isinstance(html, bytes) else html)
    if not text.strip():
        raise ExtractError("the page is empty")
    tree = load_html(text)
    if tree is not None and reached_depth_limit(tree):
        tree = load_html(flatten_nesting(text))
    if tree is None:
        raise ExtractError("the page is not HTML that can be parsed")
    return tree


def _first(tree: HtmlElement, xpaths: tuple[str, ...]) -> str | None:
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            text = " ".join(str(value).split())
            if text:
                return text
    return None


def _json_ld(tree: HtmlElement) -> dict[str, Any]:
    """The first NewsArticle-like JSON-LD object of the page, if any."""
    import json

    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            kind = item.get("@type") if isinstance(item, dict) else None
            kinds = kind if isinstance(kind, list) else [kind]
            if isinstance(item, dict) and any(isinstance(k, str) and k.endswith("Article") for k in kinds):
                return dict(item)
    return {}


def _authors(value: Any) -> str | None:
    people = value if isinstance(value, list) else [value]
    names = [p.get("name") if isinstance(p, dict) else p for p in people]
    joined = ", ".join(n for n in names if isinstance(n, str) and n.strip())
    return joined or None


def _page_meta(tree: HtmlElement) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, byline, published, modified) from meta tags and JSON-LD: cheap, and all a
    tracker needs of a page's metadata."""
    ld = _json_ld(tree)
    title = _first(tree, ('//meta[@property="og:title"]/@content', "//title/text()"))
    byline = _authors(ld.get("author")) or _first(
        tree,
        (
            '//meta[@name="author"]/@content',
            '//meta[@property="article:author"]/@content',
            '//*[@rel="author"]//text()',
        ),
    )
    published = ld.get("datePublished") or _first(
        tree,
        (
            '//meta[@property="article:published_time"]/@content',
            '//meta[@name="pubdate"]/@content',
            '//meta[@name="date"]/@content',
            '//meta[@name="DC.date.issued"]/@content',
            "//time/@datetime",
        ),
    )
    modified = ld.get("dateModified") or _first(tree, ('//meta[@property="article:modified_time"]/@content',))
    return (title, byline, str(published) if published else None, str(modified) if modified else None)


def article_from_html(html: bytes | str, url: str | None = None) -> Article:
    """The article in a whole news page. Raises ExtractError when the page holds no text."""
    from trafilatura import bare_extraction

    tree = load_tree(html)
    headline = _h1(tree)
    title, byline, published, modified = _page_meta(tree)
    # fast: no comparison with trafilatura's readability fallback; on ../shared/eval/pages that
    # scores as well (F1 0.967 against 0.965) for about 30% less CPU per page
    doc: Any = bare_extraction(tree, url=url, include_comments=False, with_metadata=False, fast=True)
    if doc is None or not (doc.text or "").strip():
        where = f" at {url}" if url else ""
        raise ExtractError(f"no article text found{where}: the page may be an index, a paywall or a script-only app")
    body = _clean_paragraphs(doc.text)
    if not headline:
        headline = normalise(title or "")
    if body and body[0] == headline:
        body = body[1:]
    return Article(
        headline=" ".join(headline.split()),
        paragraphs=body,
        byline=normalise(byline) if byline else None,
        published=published,
        modified=modified,
    )


_INVISIBLE = re.compile(
    rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<noscript\b.*?</noscript\s*>|<template\b.*?</template\s*>"
    rb"|<!--.*?-->|<[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_RUNS = re.compile(rb"\s+")


def page_hash(html: bytes | str) -> str:
    """A hash of the page's visible text: scripts, styles, comments, tags and attributes
    removed, white space collapsed. Equal hashes mean extraction would find the same
    article, since ad ids, nonces and build hashes live in attributes and scripts; any
    change to visible text (a timestamp, a most-read list) makes extraction run. Works on
    the raw bytes, so an unchanged page is never decoded."""
    return hash_of_visible(visible_text(html))


def visible_text(html: bytes | str) -> bytes:
    """The page's visible text as `page_hash` reads it: scripts, styles, noscript, templates,
    comments and tags removed, white space collapsed (the suspect-page notices are read
    from it too, so a page is stripped once)."""
    data = html.encode("utf-8") if isinstance(html, str) else html
    return _RUNS.sub(b" ", _INVISIBLE.sub(b" ", data))


def hash_of_visible(visible: bytes) -> str:
    return hashlib.blake2b(visible, digest_size=16).hexdigest()


def is_html(data: bytes | str) -> bool:
    head = data[:2048].lower() if isinstance(data, str) else data[:2048].decode("latin-1").lower()
    return bool(re.search(r"<(?:!doctype html|html|head|body|article|p|div)\b", head))


def article_from_file(path: Path) -> Article:
    """A `.txt` revision (headline, blank line, paragraphs) or a saved `.html` page."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if b"\x00" in data[:4096]:
        raise ExtractError(f"{path} is a binary file, not an article: give a .txt or .html file")
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or (path.suffix.lower() != ".txt" and is_html(data)):
        if not data.strip():
            return Article(headline="", paragraphs=())
        return article_from_html(data, url=None)
    text = data.decode("utf-8", errors="replace")
    return article_from_text(text)
