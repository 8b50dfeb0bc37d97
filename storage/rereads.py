"""A story read again with new selectors: the corrected text of its latest page, as a version.

When a story's `--select` / `--ignore` change (`tracker select --store`), its latest raw
page is extracted again and, if the text differs, stored as a new version with its change
report, in one transaction with the new selectors. It makes no event: a correction of how
tracker reads a page is not news, and alerting "12 statements removed" for a comments box
that is gone is exactly the noise the selectors are there to stop.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.rows import Conflict, NewChange, NewVersion
from storage.schema import Change, Story, Version
from storage.updates import new_version_row


class RereadQueries:
    """Mixed into Store, which provides the sessions."""

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _locked_story(self, session: Session, story_id: int) -> Story:
        raise NotImplementedError

    def store_reread(
        self,
        story_id: int,
        expected_latest_seq: int,
        select_css: str | None,
        ignore_css: str | None,
        version: NewVersion | None,
        change: NewChange | None,
    ) -> int | Conflict:
        """Keep the selectors and, given one, the re-read version (its seq is returned; the
        latest seq when there is none). Conflict when a check stored a version meanwhile."""
        with self._write() as s:
            story = self._locked_story(s, story_id)
            if story.latest_seq != expected_latest_seq:
                return Conflict(story.latest_seq or None)
            story.select_css, story.ignore_css = select_css, ignore_css
            story.body_hash = None  # the next check extracts again, with the new selectors
            if version is None:
                return story.latest_seq
            previous = s.execute(
                select(Version).where(Version.story_id == story_id, Version.seq == story.latest_seq)
            ).scalar_one()
            row = new_version_row(story_id, story.latest_seq + 1, version)
            s.add(row)
            s.flush()
            if change is not None:
                s.add(
                    Change(
                        story_id=story_id,
                        version_id=row.id,
                        previous_version_id=previous.id,
                        report=change.report,
                        summary=change.summary,
                        created_at=version.fetched_at,
                    )
                )
            story.latest_seq = row.seq
            return row.seq
