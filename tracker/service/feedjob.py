"""Polling feeds: each due feed is fetched, and the articles it lists (those matching its
words) are added as stories, with the feed's tags. Feeds have their own schedule (default: every 10 minutes,
backing off on failures); a feed that answers 304 costs one request."""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from tracker.errors import FetchError, InvalidURL, TrackerError
from tracker.fetch.feeds import entries, matching
from tracker.service import schedule

if TYPE_CHECKING:
    from storage import Store
    from storage.rows import FeedRow
    from tracker.fetch.client import Fetcher

log = logging.getLogger("tracker.feeds")

FEED_INTERVAL = 600.0


@dataclass(frozen=True, slots=True)
class FeedResult:
    feed_id: int
    added: tuple[int, ...]
    error: str | None


def poll_feed(
    store: Store, fetcher: Fetcher, policy: schedule.Policy, feed: FeedRow, now: datetime, rng: random.Random
) -> FeedResult:
    from tracker.fetch.client import NotModified
    from tracker.fetch.urls import normalise_url

    interval = feed.interval_seconds or FEED_INTERVAL
    try:
        fetched = fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified, accept_feeds=True)
        added: list[int] = []
        etag, last_modified = feed.etag, feed.last_modified
        if not isinstance(fetched, NotModified):
            etag, last_modified = fetched.etag, fetched.last_modified
            tags = store.feed_tags().get(feed.id, ())
            for entry in matching(entries(fetched.body, fetched.final_url), feed.match):
                try:
                    url = normalise_url(entry.url)
                except InvalidURL:
                    continue
                first = schedule.first_check(policy, now)
                row, created = store.add_story(
                    url,
                    now,
                    title=entry.title or None,
                    interval_seconds=first.interval,
                    next_check_at=first.at,
                    feed_id=feed.id,
                )
                if created:
                    if tags:  # only new stories: a story the desk tagged otherwise keeps its own tags
                        store.tag_story(row.id, add=tags)
                    added.append(row.id)
        store.record_feed_check(
            feed.id,
            checked_at=now,
            next_check_at=now + timedelta(seconds=interval),
            interval_seconds=interval,
            etag=etag,
            last_modified=last_modified,
            consecutive_failures=0,
            last_error=None,
        )
        if added:
            log.info("feed %s (%s): %d new stor%s", feed.id, feed.url, len(added), "y" if len(added) == 1 else "ies")
        return FeedResult(feed.id, tuple(added), None)
    except (FetchError, TrackerError) as exc:
        failures = feed.consecutive_failures + 1
        nxt = schedule.after_failure(policy, interval, failures, now, rng)
        store.record_feed_check(
            feed.id,
            checked_at=now,
            next_check_at=nxt.at,
            interval_seconds=interval,
            etag=feed.etag,
            last_modified=feed.last_modified,
            consecutive_failures=failures,
            last_error=str(exc),
        )
        log.warning("feed %s (%s) failed: %s", feed.id, feed.url, exc)
        return FeedResult(feed.id, (), str(exc))


def poll_due_feeds(
    store: Store, fetcher: Fetcher, policy: schedule.Policy, now: datetime, rng: random.Random, limit: int = 20
) -> list[FeedResult]:
    return [poll_feed(store, fetcher, policy, f, now, rng) for f in store.due_feeds(now, limit)]
