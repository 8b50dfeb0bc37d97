"""What the pages, the API and the feeds read: a story's versions as report values, a
change report between any two versions, and the JSON shape of stories and versions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storage import Store
from storage.errors import NotFound
from storage.rows import FeedRow, StoryRow, SubscriptionRow, VersionMeta
from tracker.engine.model import ChangeReport
from tracker.reports.story import StoredVersion, StoryInfo
from tracker.reports.wire import from_wire
from tracker.web.errors import MAX_ID, WebError, bad_request, not_found


def story_or_404(store: Store, story_id: int) -> StoryRow:
    try:
        return store.get_story(story_id)
    except NotFound:
        raise not_found(f"story {story_id} does not exist") from None


def stored_versions(store: Store, story_id: int) -> list[StoredVersion]:
    """Every version with the report that produced it, in one query."""
    out = []
    for v, c in store.story_versions(story_id):
        report = from_wire(c.report) if c is not None else None
        out.append(StoredVersion(v.seq, v.fetched_at, v.headline or "", v.text, report, c.summary if c else None))
    return out


def info_of(story: StoryRow, versions: list[StoredVersion]) -> StoryInfo:
    return StoryInfo(story.id, story.url, versions[-1].headline if versions else (story.title or ""))


def change_between(
    store: Store, story: StoryRow, from_seq: int | None, to_seq: int | None
) -> tuple[int, int, ChangeReport]:
    """The report from version `from_seq` to `to_seq` (default: the latest against the one
    before). Adjacent versions use the stored report (what the alert said); others compare now."""
    from tracker.engine.compare import compare
    from tracker.service.check import article_of

    latest = story.latest_seq
    to = to_seq or latest
    frm = from_seq or to - 1
    if not (1 <= frm < to <= latest):
        raise WebError(
            404 if latest else 409,
            f"versions {frm} -> {to} do not exist: story {story.id} has versions 1 to {latest}"
            if latest
            else f"story {story.id} has no versions yet",
        )
    if frm == to - 1:
        change = store.get_change(story.id, to)
        if change is not None:
            return frm, to, from_wire(change.report)
    old = article_of(store.get_version(story.id, frm))
    new = article_of(store.get_version(story.id, to))
    return frm, to, compare(old, new)


def int_arg(raw: str | None, name: str, *, minimum: int = 0) -> int | None:
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise bad_request(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise bad_request(f"{name} must be at least {minimum}")
    if value > MAX_ID:
        raise bad_request(f"{name} must be at most {MAX_ID}")
    return value


def time_arg(raw: str | None, name: str) -> datetime | None:
    """An ISO 8601 time, or a duration back from now (`24h`, `7d`)."""
    if not raw:
        return None
    from datetime import UTC, timedelta

    from tracker.config import parse_duration
    from tracker.errors import ConfigError

    try:
        return datetime.now(UTC) - timedelta(seconds=parse_duration(raw))
    except ConfigError:
        pass
    except OverflowError:  # further back than a datetime reaches: since the beginning
        return datetime(1, 1, 2, tzinfo=UTC)
    try:
        when = datetime.fromisoformat(raw)
    except ValueError:
        raise bad_request(f"{name} must be an ISO 8601 time or a duration such as 24h, not {raw!r}") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def story_json(s: StoryRow, headline: str | None = None, last_summary: str | None = None) -> dict[str, Any]:
    return {
        "id": s.id,
        "url": s.url,
        "title": s.title,
        "headline": headline,
        "status": s.status,
        "active": s.active,
        "versions": s.latest_seq,
        "added_at": _iso(s.added_at),
        "last_checked_at": _iso(s.last_checked_at),
        "last_changed_at": _iso(s.last_changed_at),
        "next_check_at": _iso(s.next_check_at),
        "every_seconds": s.every_seconds,
        "failures": s.consecutive_failures,
        "last_error": s.last_error,
        "suspect_reason": s.suspect_reason,
        "last_summary": last_summary,
    }


def version_json(v: VersionMeta) -> dict[str, Any]:
    return {
        "seq": v.seq,
        "fetched_at": v.fetched_at.isoformat(),
        "headline": v.headline,
        "words": v.words,
        "html_size": v.html_size,
        "http_status": v.http_status,
        "summary": v.summary,
    }


def feed_json(f: FeedRow) -> dict[str, Any]:
    return {
        "id": f.id,
        "url": f.url,
        "match": f.match,
        "active": f.active,
        "added_at": _iso(f.added_at),
        "last_checked_at": _iso(f.last_checked_at),
        "next_check_at": _iso(f.next_check_at),
        "failures": f.consecutive_failures,
        "last_error": f.last_error,
    }


def subscription_json(s: SubscriptionRow) -> dict[str, Any]:
    from tracker.redact import redact_url

    # a webhook URL may carry its own secret, and the signing secret is never shown again
    target = redact_url(s.target, webhook=True) if s.channel == "webhook" else s.target
    return {
        "id": s.id,
        "channel": s.channel,
        "target": target,
        "filter": s.filter,
        "active": s.active,
        "created_at": s.created_at.isoformat(),
    }
