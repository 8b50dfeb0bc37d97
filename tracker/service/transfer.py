"""Export and import: tracker's own JSON document, URL lists and OPML.

The JSON export holds, per story, its settings (`every`, `accept_short`, title), tags and
state worth keeping, and (unless settings only) every version with its raw page (base64),
text and change report, so that importing it into an empty database of either backend
reproduces the story. Feeds go with their words and tags. Alert subscriptions stay out:
they hold credentials (webhook URLs, signing secrets).
"""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tracker.errors import UsageError
from tracker.fetch.select import check_selector
from tracker.fetch.urls import normalise_url
from tracker.service.schedule import Policy, first_check
from tracker.tags import normalise_tags

if TYPE_CHECKING:
    from storage import Store
    from storage.rows import FeedRow, StoryRow
    from storage.transfer import ArchivedVersion, ImportedStory

FORMAT = "tracker-export"
FORMAT_VERSION = 1


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _version_dict(v: ArchivedVersion) -> dict[str, Any]:
    return {
        "version": v.seq,
        "fetched_at": _time(v.fetched_at),
        "content_hash": v.content_hash,
        "headline": v.headline,
        "byline": v.byline,
        "published": v.published,
        "modified": v.modified,
        "text": v.text,
        "words": v.words,
        "http_status": v.http_status,
        "final_url": v.final_url,
        "html_base64": base64.b64encode(v.html).decode("ascii"),
        "report": v.report,
        "summary": v.summary,
        "reported_at": _time(v.reported_at),
        "headers": [list(h) for h in v.headers] if v.headers is not None else None,
    }


def story_dict(store: Store, story: StoryRow, tags: tuple[str, ...], versions: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "url": story.url,
        "title": story.title,
        "added_at": _time(story.added_at),
        "status": story.status,
        "active": story.active,
        "every_seconds": story.every_seconds,
        "interval_seconds": story.interval_seconds,
        "accept_short": story.accept_short,
        "select": story.select_css,
        "ignore": story.ignore_css,
        "last_checked_at": _time(story.last_checked_at),
        "last_changed_at": _time(story.last_changed_at),
        "gone_at": _time(story.gone_at),
        "tags": list(tags),
    }
    if versions:
        out["versions"] = [_version_dict(v) for v in store.story_archive(story.id)]
    return out


def _feed_dict(feed: FeedRow, tags: tuple[str, ...]) -> dict[str, Any]:
    return {"url": feed.url, "match": feed.match, "interval_seconds": feed.interval_seconds, "tags": list(tags)}


def export_document(
    store: Store, stories: Iterable[StoryRow], now: datetime, *, versions: bool = True, feeds: bool = True
) -> dict[str, Any]:
    rows = list(stories)
    tags = store.story_tags([s.id for s in rows])
    feed_tags = store.feed_tags() if feeds else {}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": _time(now),
        "stories": [story_dict(store, s, tags.get(s.id, ()), versions) for s in rows],
        "feeds": [_feed_dict(f, feed_tags.get(f.id, ())) for f in store.list_feeds()] if feeds else [],
    }


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import did: ids of the new stories and feeds, and the URLs already there."""

    kind: str  # "export" | "opml" | "urls"
    stories: tuple[int, ...] = ()
    versions: int = 0
    feeds: tuple[int, ...] = ()
    skipped: tuple[str, ...] = ()


def detect(text: str) -> str:
    head = text.lstrip()[:2048].lower()
    if head.startswith("{"):
        return "export"
    if head.startswith("<") and "<opml" in head:
        return "opml"
    return "urls"


def url_list(text: str) -> list[str]:
    """One URL a line (its first word); blank lines and `#` comments skipped; all checked first."""
    urls = []
    for n, line in enumerate(text.splitlines(), 1):
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        try:
            urls.append(normalise_url(words[0]))
        except UsageError as exc:
            raise UsageError(f"line {n}: {exc}") from None
    return urls


def opml_feeds(text: str) -> list[str]:
    """The feed URLs (`xmlUrl`) of every outline, however nested."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise UsageError(f"the OPML file is not XML that can be read: {exc}") from None
    return [normalise_url(o.attrib["xmlUrl"]) for o in root.iter("outline") if o.attrib.get("xmlUrl")]


def import_text(store: Store, text: str, now: datetime, policy: Policy, tags: tuple[str, ...] = ()) -> Imported:
    """Import a URL list, an OPML file or a tracker export; `tags` are added to every story or feed."""
    kind = detect(text)
    if kind == "export":
        doc = _load_export(text)
        try:
            prepared = _prepare(doc, now, policy, tags)
            for feed in doc.get("feeds") or []:  # checked before any story is written too
                normalise_url(feed["url"])
        except (KeyError, TypeError, ValueError) as exc:  # a hand-edited or cut file
            raise UsageError(f"the export cannot be read: {type(exc).__name__} {exc}") from None
        return _import_export(store, doc, prepared, now, tags)
    if kind == "opml":
        return _add_feeds(store, [{"url": u} for u in opml_feeds(text)], now, tags)
    stories, skipped = [], []
    for url in url_list(text):
        nxt = first_check(policy, now)
        row, created = store.add_story(url, now, interval_seconds=nxt.interval, next_check_at=nxt.at)
        if created:
            stories.append(row.id)
            if tags:
                store.tag_story(row.id, add=tags)
        else:
            skipped.append(url)
    return Imported("urls", tuple(stories), skipped=tuple(skipped))


def _load_export(text: str) -> dict[str, Any]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"the file looks like JSON but is not: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise UsageError(f'a JSON file to import must be a `tracker export` (its "format" is {FORMAT!r})')
    if int(doc.get("format_version") or 0) > FORMAT_VERSION:
        raise UsageError(f"this export is format version {doc['format_version']}: a newer tracker wrote it")
    return doc


def _add_feeds(store: Store, feeds: list[dict[str, Any]], now: datetime, tags: tuple[str, ...]) -> Imported:
    from tracker.service.feedjob import FEED_INTERVAL

    added, skipped = [], []
    for f in feeds:
        url = normalise_url(f["url"])
        interval = float(f.get("interval_seconds") or FEED_INTERVAL)
        row, created = store.add_feed(url, now, match=f.get("match"), interval_seconds=interval, next_check_at=now)
        if not created:
            skipped.append(url)
            continue
        added.append(row.id)
        feed_tags = normalise_tags([*f.get("tags", ()), *tags])
        if feed_tags:
            store.set_feed_tags(row.id, feed_tags)
    return Imported("opml", feeds=tuple(added), skipped=tuple(skipped))


def _prepare(doc: dict[str, Any], now: datetime, policy: Policy, tags: tuple[str, ...]) -> list[ImportedStory]:
    from storage.transfer import ArchivedVersion, ImportedStory

    prepared = []
    for s in doc.get("stories") or []:  # all checked before any is written
        versions = tuple(
            ArchivedVersion(
                seq=int(v["version"]),
                fetched_at=_required_time(v["fetched_at"]),
                content_hash=v["content_hash"],
                headline=v.get("headline") or "",
                byline=v.get("byline"),
                published=v.get("published"),
                modified=v.get("modified"),
                text=v["text"],
                words=int(v.get("words") or len(v["text"].split())),
                html=base64.b64decode(v.get("html_base64") or ""),
                http_status=int(v.get("http_status") or 200),
                final_url=v.get("final_url"),
                report=v.get("report"),
                summary=v.get("summary"),
                reported_at=_parse_time(v.get("reported_at")),
                headers=tuple((str(n), str(x)) for n, x in v["headers"]) if v.get("headers") is not None else None,
            )
            for v in sorted(s.get("versions") or [], key=lambda v: int(v["version"]))
        )
        active = bool(s.get("active", True))
        prepared.append(
            ImportedStory(
                url=normalise_url(s["url"]),
                title=s.get("title"),
                added_at=_parse_time(s.get("added_at")) or now,
                status=s.get("status") or "active",
                active=active,
                every_seconds=s.get("every_seconds"),
                interval_seconds=float(s.get("interval_seconds") or first_check(policy, now).interval),
                accept_short=bool(s.get("accept_short")),
                select_css=check_selector(s["select"], "select") if s.get("select") else None,
                ignore_css=check_selector(s["ignore"], "ignore") if s.get("ignore") else None,
                last_checked_at=_parse_time(s.get("last_checked_at")),
                last_changed_at=_parse_time(s.get("last_changed_at")),
                gone_at=_parse_time(s.get("gone_at")),
                next_check_at=now if active else None,  # due at once here: this database never checked it
                tags=normalise_tags([*s.get("tags", ()), *tags]),
                versions=versions,
            )
        )
    return prepared


def _import_export(
    store: Store, doc: dict[str, Any], prepared: list[ImportedStory], now: datetime, tags: tuple[str, ...]
) -> Imported:
    stories, skipped, count = [], [], 0
    for story in prepared:
        story_id = store.import_story(story)
        if story_id is None:
            skipped.append(story.url)
        else:
            stories.append(story_id)
            count += len(story.versions)
    feeds = _add_feeds(store, list(doc.get("feeds") or []), now, tags)
    return Imported("export", tuple(stories), count, feeds.feeds, (*skipped, *feeds.skipped))


def _required_time(value: Any) -> datetime:
    found = _parse_time(value)
    if found is None:
        raise UsageError("a version in the export has no fetched_at time")
    return found
