"""Plain values in and out of the store: frozen dataclasses, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: int
    url: str
    title: str | None
    added_at: datetime
    active: bool
    status: str
    every_seconds: float | None
    interval_seconds: float
    next_check_at: datetime | None
    last_checked_at: datetime | None
    last_outcome: str | None
    last_changed_at: datetime | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    consecutive_failures: int
    last_error: str | None
    last_error_at: datetime | None
    gone_at: datetime | None
    latest_seq: int
    feed_id: int | None
    accept_short: bool = False
    suspect_reason: str | None = None
    select_css: str | None = None  # CSS: keep only these elements before extraction
    ignore_css: str | None = None  # CSS: drop these elements before extraction

    @property
    def version_count(self) -> int:
        return self.latest_seq


@dataclass(frozen=True, slots=True)
class VersionMeta:
    seq: int
    fetched_at: datetime
    headline: str
    content_hash: str
    html_size: int
    text_chars: int
    words: int
    http_status: int
    summary: str | None


@dataclass(frozen=True, slots=True)
class VersionRow:
    id: int
    story_id: int
    seq: int
    fetched_at: datetime
    content_hash: str
    headline: str
    byline: str | None
    published: str | None
    modified: str | None
    text: str
    words: int
    html_size: int
    http_status: int
    final_url: str | None


@dataclass(frozen=True, slots=True)
class ChangeRow:
    id: int
    story_id: int
    version_id: int
    previous_version_id: int | None
    report: dict[str, Any]
    summary: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class EventRow:
    id: int
    story_id: int
    version_id: int | None
    kind: str
    created_at: datetime
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class FeedRow:
    id: int
    url: str
    match: str | None
    added_at: datetime
    active: bool
    next_check_at: datetime | None
    interval_seconds: float
    etag: str | None
    last_modified: str | None
    last_checked_at: datetime | None
    consecutive_failures: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class RecentChange:
    story_id: int
    url: str
    seq: int
    at: datetime
    headline: str
    summary: str
    report: dict[str, Any]


@dataclass(frozen=True, slots=True)
class SubscriptionRow:
    id: int
    channel: str
    target: str
    options: dict[str, Any]
    filter: dict[str, Any]
    created_at: datetime
    active: bool


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    id: int
    subscription_id: int
    event_id: int
    status: str
    attempts: int
    next_attempt_at: datetime | None
    created_at: datetime
    sent_at: datetime | None
    last_error: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class SuspectRow:
    """A fetched page judged not to be the article (its raw HTML: Store.get_suspect_html)."""

    id: int
    story_id: int
    checked_at: datetime
    kind: str
    reason: str
    words: int
    final_url: str | None
    http_status: int
    html_size: int


# --- inputs -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewSuspect:
    kind: str
    reason: str
    words: int
    html: bytes
    final_url: str | None = None
    http_status: int = 200


@dataclass(frozen=True, slots=True)
class NewVersion:
    fetched_at: datetime
    content_hash: str
    headline: str
    byline: str | None
    published: str | None
    modified: str | None
    text: str
    html: bytes
    http_status: int = 200
    final_url: str | None = None
    headers: tuple[tuple[str, str], ...] | None = None  # as the server sent them (tracker.fetch.client.kept_headers)


@dataclass(frozen=True, slots=True)
class NewChange:
    report: dict[str, Any]
    summary: str


@dataclass(frozen=True, slots=True)
class CheckUpdate:
    """The scheduling state a check computed; the store writes it as given."""

    checked_at: datetime
    outcome: str
    next_check_at: datetime | None
    interval_seconds: float
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    consecutive_failures: int
    last_error: str | None
    status: str
    changed_at: datetime | None = None
    suspect: str | None = None  # why this check's page was not taken as a version


# --- results of save_version -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Saved:
    version: VersionMeta
    event_ids: tuple[int, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Conflict:
    """Someone stored a version since the caller read `latest_seq`: read again and retry."""

    latest_seq: int | None


@dataclass(frozen=True, slots=True)
class AlreadyStored:
    """The latest version already holds this content."""

    seq: int


@dataclass(frozen=True, slots=True)
class Superseded:
    """The latest version was fetched after this one: storing this would put an older
    page on top of a newer one. Nothing was written."""

    latest_seq: int
    latest_fetched_at: datetime
