"""Read queries of the web app: the story list with its filters, a story's versions with
their change reports in one transaction, and the change events behind the Atom feeds.

A mixin like storage.suspects, so that the web's queries live apart from the CLI's. Every
method reads only; a page makes one or two of these calls, never one per row.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from storage.rows import ChangeRow, StoryRow, VersionRow
from storage.schema import Change, Event, Story, Version


@dataclass(frozen=True, slots=True)
class StoryListing:
    """A story as the stories page lists it: its row, latest headline and last change summary."""

    story: StoryRow
    headline: str | None
    last_summary: str | None


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """A 'changed' event with what a feed entry shows: the story, the version and its report."""

    event_id: int
    story_id: int
    url: str
    seq: int
    created_at: datetime
    headline: str
    summary: str
    report: dict[str, Any]


def _as_row(kind: type[Any], obj: object) -> Any:
    """An ORM object as its plain row: the row's fields are the table's column names, so a
    column added to both (and to the store's own converter) needs no change here."""
    return kind(**{f.name: getattr(obj, f.name) for f in fields(kind)})


class WebQueries:
    """Mixed into Store, which provides the sessions."""

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def search_stories(
        self,
        *,
        query: str | None = None,
        status: str | None = None,
        changed_since: datetime | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[StoryListing]:
        """Stories newest-changed first; `query` matches the URL, the title or the latest headline."""
        with self._read() as s:
            latest = Version.__table__.alias("latest")
            last_change = Change.__table__.alias("last_change")
            # the table's columns, not ORM objects: a page of thousands of rows skips the
            # identity map and its per-object bookkeeping (bench/web.py)
            q = (
                select(
                    *Story.__table__.c, latest.c.headline.label("_headline"), last_change.c.summary.label("_summary")
                )
                .outerjoin(latest, (latest.c.story_id == Story.id) & (latest.c.seq == Story.latest_seq))
                .outerjoin(last_change, last_change.c.version_id == latest.c.id)
            )
            if status:
                q = q.where(Story.status == status)
            if changed_since is not None:
                q = q.where(Story.last_changed_at >= changed_since)
            if query:
                # LIKE with the user's text as data: escape its own wildcards
                pattern = "%" + query.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                q = q.where(
                    or_(
                        func.lower(Story.url).like(pattern, escape="\\"),
                        func.lower(func.coalesce(Story.title, "")).like(pattern, escape="\\"),
                        func.lower(func.coalesce(latest.c.headline, "")).like(pattern, escape="\\"),
                    )
                )
            q = q.order_by(Story.last_changed_at.desc().nulls_last(), Story.id.desc()).limit(limit).offset(offset)
            names = [f.name for f in fields(StoryRow)]
            out = []
            for row in s.execute(q):
                m = row._mapping
                story = StoryRow(**{name: m[name] for name in names})
                out.append(StoryListing(story, m["_headline"] or None, m["_summary"]))
            return out

    def story_versions(self, story_id: int) -> list[tuple[VersionRow, ChangeRow | None]]:
        """Every version of a story with the change that produced it, oldest first."""
        with self._read() as s:
            q = (
                select(Version, Change)
                .outerjoin(Change, Change.version_id == Version.id)
                .where(Version.story_id == story_id)
                .order_by(Version.seq)
            )
            out: list[tuple[VersionRow, ChangeRow | None]] = []
            for v, c in s.execute(q):
                change = (
                    None
                    if c is None
                    else ChangeRow(
                        c.id, c.story_id, c.version_id, c.previous_version_id, c.report, c.summary, c.created_at
                    )
                )
                out.append((_as_row(VersionRow, v), change))
            return out

    def change_events(self, *, story_id: int | None = None, limit: int = 50) -> list[ChangeEvent]:
        """The newest 'changed' events (all stories, or one), newest first, with their reports."""
        with self._read() as s:
            q = (
                select(
                    Event.id,
                    Event.story_id,
                    Story.url,
                    Version.seq,
                    Event.created_at,
                    Version.headline,
                    Change.summary,
                    Change.report,
                )
                .join(Version, Version.id == Event.version_id)
                .join(Change, Change.version_id == Version.id)
                .join(Story, Story.id == Event.story_id)
                .where(Event.kind == "changed")
            )
            if story_id is not None:
                q = q.where(Event.story_id == story_id)
            q = q.order_by(Event.id.desc()).limit(limit)
            return [ChangeEvent(*row) for row in s.execute(q)]
