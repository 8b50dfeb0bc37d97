"""What the seed server sends for stories, its index and its feed, without any socket.

`prepare` reads a seed story's revision files once and works out what each is served with:
an ETag (a hash of the body), a Last-Modified and a pubDate taken from the page's own
JSON-LD dates, and the headline from its `<h1>` (the feed's item title, as a real feed's
would follow the page). `not_modified` answers a conditional request; `index_page` and
`feed_xml` build the two listing pages.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import Message
from email.utils import format_datetime, parsedate_to_datetime
from xml.sax.saxutils import escape as xml_escape

from seeds import SeedStory

# a page without JSON-LD dates gets these, a minute apart per revision
_FALLBACK_DATE = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Revision:
    """One revision ready to serve."""

    body: bytes
    etag: str
    modified: datetime
    published: datetime
    headline: str


@dataclass(frozen=True, slots=True)
class ServedStory:
    slug: str
    title: str
    path: str
    revisions: tuple[Revision, ...]


def _date(text: str, key: str, fallback: datetime) -> datetime:
    found = re.search(rf'"{key}"\s*:\s*"([^"]+)"', text)
    try:
        value = datetime.fromisoformat(found.group(1)) if found else fallback
    except ValueError:
        return fallback
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _headline(text: str, fallback: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S | re.I)
    if not found:
        return fallback
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split()) or fallback


def prepare(story: SeedStory) -> ServedStory:
    """Read a seed story's revisions and work out what each is served with."""
    revisions = []
    for n, path in enumerate(story.revisions, 1):
        body = path.read_bytes()
        text = body.decode("utf-8", "replace")
        fallback = _FALLBACK_DATE + timedelta(minutes=n)
        revisions.append(
            Revision(
                body=body,
                etag='"' + hashlib.sha256(body).hexdigest()[:24] + '"',
                modified=_date(text, "dateModified", fallback),
                published=_date(text, "datePublished", fallback),
                headline=_headline(text, story.title),
            )
        )
    return ServedStory(story.slug, story.title, story.path, tuple(revisions))


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC).replace(microsecond=0), usegmt=True)


def not_modified(headers: Message | Mapping[str, str], rev: Revision) -> bool:
    """Whether a request's If-None-Match (or, without one, If-Modified-Since) still holds."""
    inm = headers.get("If-None-Match")
    if inm is not None:
        tags = [t.strip() for t in inm.split(",")]
        return "*" in tags or any(t.removeprefix("W/") == rev.etag for t in tags)
    ims = headers.get("If-Modified-Since")
    if not ims:
        return False
    try:
        since = parsedate_to_datetime(ims)
    except (TypeError, ValueError):
        return False
    return since.tzinfo is not None and rev.modified.replace(microsecond=0) <= since


def index_page(stories: Mapping[str, ServedStory], revision_of: Callable[[str], int], mode: str) -> bytes:
    items = "".join(
        f'<li><a href="{html.escape(s.path)}">{html.escape(s.title)}</a> '
        f"(revision {revision_of(slug)} of {len(s.revisions)})</li>"
        for slug, s in stories.items()
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Seed stories</title></head><body>'
        f'<h1>Seed stories</h1><p>Stories advance: {html.escape(mode)}. Feed: <a href="/feed.xml">/feed.xml</a>. '
        f'State: <a href="/_control/state">/_control/state</a>.</p><ul>{items}</ul></body></html>'
    ).encode()


def feed_xml(stories: Mapping[str, ServedStory], revision_of: Callable[[str], int], base_url: str) -> bytes:
    """RSS 2.0, newest story first; each item's title is the headline of the revision served now."""
    entries = []
    for slug, s in stories.items():
        rev = s.revisions[revision_of(slug) - 1]
        link = xml_escape(base_url + s.path)
        item = (
            f"<item><title>{xml_escape(rev.headline)}</title><link>{link}</link>"
            f'<guid isPermaLink="true">{link}</guid><pubDate>{http_date(rev.published)}</pubDate>'
            f"<description>{xml_escape(s.title)}</description></item>"
        )
        entries.append((rev.published, item))
    entries.sort(key=lambda e: e[0], reverse=True)
    built = http_date(max(e[0] for e in entries)) if entries else http_date(_FALLBACK_DATE)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>Seed stories</title><link>{xml_escape(base_url)}/</link>"
        "<description>Sample developing stories replayed by the tracker seed server</description>"
        f"<lastBuildDate>{built}</lastBuildDate>{''.join(e[1] for e in entries)}</channel></rss>\n"
    ).encode()
