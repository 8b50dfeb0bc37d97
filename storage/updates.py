"""Writing a check's outcome onto its story row: shared by every query that records a check."""

from __future__ import annotations

from storage.rows import CheckUpdate
from storage.schema import Story


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
