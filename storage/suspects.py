"""Suspect pages: fetches judged not to be the article, kept for inspection, never versions.

Recording one writes the story's state (with the reason, which `tracker list`, `status`
and `history` show) and the raw page in one transaction, and keeps only the newest
`KEEP` raw pages of a story: a paywall that stays up for a week must not fill the disk.
"""

from __future__ import annotations

import zlib
from contextlib import AbstractContextManager

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.errors import NotFound
from storage.rows import CheckUpdate, NewSuspect, SuspectRow
from storage.schema import Story, SuspectPage
from storage.updates import apply_check

KEEP = 5


def _row(p: SuspectPage) -> SuspectRow:
    return SuspectRow(
        p.id, p.story_id, p.checked_at, p.kind, p.reason, p.words, p.final_url, p.http_status, p.html_size
    )


class SuspectQueries:
    """Mixed into Store, which provides the sessions."""

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _locked_story(self, session: Session, story_id: int) -> Story:
        raise NotImplementedError

    def record_suspect(self, story_id: int, update_: CheckUpdate, page: NewSuspect) -> int:
        """The check's state, with the suspect page kept; returns the page's id."""
        with self._write() as s:
            story = self._locked_story(s, story_id)
            apply_check(story, update_)
            row = SuspectPage(
                story_id=story_id,
                checked_at=update_.checked_at,
                kind=page.kind,
                reason=page.reason,
                words=page.words,
                final_url=page.final_url,
                http_status=page.http_status,
                html_gz=zlib.compress(page.html, 6),
                html_size=len(page.html),
            )
            s.add(row)
            s.flush()
            keep = select(SuspectPage.id).where(SuspectPage.story_id == story_id).order_by(SuspectPage.id.desc())
            kept = [i for (i,) in s.execute(keep.limit(KEEP))]
            s.execute(delete(SuspectPage).where(SuspectPage.story_id == story_id, SuspectPage.id.not_in(kept)))
            return row.id

    def list_suspects(self, story_id: int) -> list[SuspectRow]:
        with self._read() as s:
            query = select(SuspectPage).where(SuspectPage.story_id == story_id).order_by(SuspectPage.id)
            return [_row(p) for p in s.execute(query).scalars()]

    def get_suspect_html(self, story_id: int, suspect_id: int) -> bytes:
        with self._read() as s:
            page = s.get(SuspectPage, suspect_id)
            if page is None or page.story_id != story_id:
                raise NotFound("suspect page", f"{suspect_id} of story {story_id}")
            return zlib.decompress(page.html_gz)
