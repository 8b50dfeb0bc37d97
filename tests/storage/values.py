"""Small builders of the values the store takes, shared by the storage tests."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from storage import Store
from storage.rows import CheckUpdate, NewVersion

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
_urls = itertools.count(1)


def update(outcome: str = "changed", at: datetime = NOW, **kw: Any) -> CheckUpdate:
    base: dict[str, Any] = dict(
        checked_at=at,
        outcome=outcome,
        next_check_at=at + timedelta(minutes=2),
        interval_seconds=120.0,
        etag=None,
        last_modified=None,
        body_hash="page",
        consecutive_failures=0,
        last_error=None,
        status="active",
        changed_at=at,
    )
    base.update(kw)
    return CheckUpdate(**base)


def version(content: str, at: datetime = NOW, html: bytes | None = None) -> NewVersion:
    return NewVersion(
        fetched_at=at,
        content_hash=content,
        headline=f"Headline {content}",
        byline=None,
        published=None,
        modified=None,
        text=f"Text of {content}.",
        html=html if html is not None else b"<p>" + content.encode(),
    )


def story(store: Store, url: str | None = None, at: datetime = NOW) -> int:
    """A new story (a fresh URL unless one is given); returns its id."""
    row, created = store.add_story(
        url or f"https://news.example/story/{next(_urls)}", at, interval_seconds=120, next_check_at=at
    )
    assert created
    return row.id
