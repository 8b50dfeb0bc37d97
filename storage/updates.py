"""Rows every query that records a check writes the same way: the story's state, a new version."""

from __future__ import annotations

import zlib

from storage.rows import CheckUpdate, NewVersion
from storage.schema import Story, Version


def apply_check(story: Story, u: CheckUpdate) -> None:
    story.last_checked_at = u.checked_at
    story.last_outcome = u.outcome
    story.next_check_at = u.next_check_at
    story.interval_seconds = u.interval_seconds
    story.etag = u.etag
    story.last_modified = u.last_modified
    story.body_hash = u.body_hash
    story.consecutive_failures = u.consecutive_failures
    story.last_error = u.last_error
    if u.last_error:
        story.last_error_at = u.checked_at
    story.status = u.status
    story.active = u.status not in ("archived", "paused") and u.next_check_at is not None
    if u.changed_at is not None:
        story.last_changed_at = u.changed_at
    story.suspect_reason = u.suspect


def new_version_row(story_id: int, seq: int, version: NewVersion) -> Version:
    """The row of a new version, its raw page compressed and its response headers kept."""
    return Version(
        story_id=story_id,
        seq=seq,
        fetched_at=version.fetched_at,
        content_hash=version.content_hash,
        headline=version.headline or "",
        byline=version.byline,
        published=version.published,
        modified=version.modified,
        text=version.text,
        words=len(version.text.split()),
        html_gz=zlib.compress(version.html, 6),
        html_size=len(version.html),
        http_status=version.http_status,
        final_url=version.final_url,
        headers=[list(h) for h in version.headers] if version.headers is not None else None,
    )
