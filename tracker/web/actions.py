"""The writes, shared by the API and the forms: add, pause, resume a story; add a feed or an
alert subscription. Each validates what it is given as the CLI does (the same URL rules,
the same floor on `every`, the same channel checks) and turns a refusal into a 400."""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from storage import Store
from storage.rows import FeedRow, StoryRow, SubscriptionRow
from tracker.config import Settings, parse_duration
from tracker.errors import TrackerError
from tracker.web.errors import bad_request

MIN_EVERY = 60.0  # as `tracker add --every` without --force: a story is a page on someone's site


@contextmanager
def _refusals() -> Iterator[None]:
    try:
        yield
    except TrackerError as exc:
        raise bad_request(str(exc)) from None


def add_story(settings: Settings, store: Store, url: str, every: str | float | None = None) -> tuple[StoryRow, bool]:
    from tracker.fetch.urls import normalise_url
    from tracker.service.schedule import Policy, first_check

    with _refusals():
        url = normalise_url(url)
        seconds = parse_duration(every) if every not in (None, "") else None
    if seconds is not None and seconds < MIN_EVERY:
        raise bad_request(f"every must be at least {MIN_EVERY:.0f} seconds: the page is fetched that often")
    now = datetime.now(UTC)
    nxt = first_check(Policy.from_settings(settings), now, seconds)
    return store.add_story(url, now, every_seconds=seconds, interval_seconds=nxt.interval, next_check_at=nxt.at)


def set_paused(store: Store, story_id: int, paused: bool, now: datetime) -> StoryRow:
    if paused:
        return store.update_story(story_id, active=False, status="paused", next_check_at=None)
    return store.update_story(story_id, active=True, status="active", next_check_at=now, consecutive_failures=0)


def add_feed(store: Store, url: str, match: str | None) -> tuple[FeedRow, bool]:
    from tracker.fetch.urls import normalise_url
    from tracker.service.feedjob import FEED_INTERVAL

    with _refusals():
        url = normalise_url(url)
    now = datetime.now(UTC)
    return store.add_feed(url, now, match=match, interval_seconds=FEED_INTERVAL, next_check_at=now)


def add_subscription(
    settings: Settings,
    store: Store,
    *,
    channel: str,
    target: str,
    keywords: Sequence[str] = (),
    stories: Sequence[int] = (),
    kinds: Sequence[str] | None = None,
) -> tuple[SubscriptionRow, str | None]:
    """The new subscription and, for a webhook, its signing secret (shown once, then never)."""
    from tracker.alerts.channels import build_channel
    from tracker.alerts.filters import DEFAULT_KINDS, Filter

    options: dict[str, Any] = {}
    secret = None
    if channel == "webhook":
        secret = secrets.token_urlsafe(24)
        options = {"style": "json", "secret": secret}
    with _refusals():
        flt = Filter(kinds=tuple(kinds or DEFAULT_KINDS), keywords=tuple(keywords), stories=tuple(stories))
        build_channel(channel, target, options, settings)  # validate before storing
    for story_id in flt.stories:
        store.get_story(story_id)
    return store.add_subscription(channel, target, options, flt.to_dict(), datetime.now(UTC)), secret
