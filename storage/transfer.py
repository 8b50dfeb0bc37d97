"""Moving stories between databases: a story's whole archive out, a whole story in.

`story_archive` reads every version of a story with its raw page and change report in one
transaction (a consistent snapshot for `tracker export`). `import_story` writes a story,
its versions, reports and tags in one transaction, as they were: no events are made, so
an import never alerts anyone about history (events say what happened here, and the
import is not news).
"""

from __future__ import annotations

import zlib
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.errors import NotFound
from storage.schema import Change, Story, StoryTag, Version


@dataclass(frozen=True, slots=True)
class ArchivedVersion:
    """One stored version as it is kept, with its raw page and the report that produced it."""

    seq: int
    fetched_at: datetime
    content_hash: str
    headline: str
    byline: str | None
    published: str | None
    modified: str | None
    text: str
    words: int
    html: bytes
    http_status: int
    final_url: str | None
    report: dict[str, Any] | None = None
    summary: str | None = None
    reported_at: datetime | None = None
    headers: tuple[tuple[str, str], ...] | None = None  # None: not kept (stored before migration 0006)


@dataclass(frozen=True, slots=True)
class ImportedStory:
    """A story to write as it was: its settings, state worth keeping, tags and versions."""

    url: str
    title: str | None
    added_at: datetime
    status: str
    active: bool
    every_seconds: float | None
    interval_seconds: float
    accept_short: bool
    select_css: str | None
    ignore_css: str | None
    last_checked_at: datetime | None
    last_changed_at: datetime | None
    gone_at: datetime | None
    next_check_at: datetime | None
    tags: tuple[str, ...]
    versions: tuple[ArchivedVersion, ...]


class TransferQueries:
    """Mixed into Store, which provides the sessions."""

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def story_archive(self, story_id: int) -> list[ArchivedVersion]:
        with self._read() as s:
            if s.get(Story, story_id) is None:
                raise NotFound("story", story_id)
            changes = {c.version_id: c for c in s.execute(select(Change).where(Change.story_id == story_id)).scalars()}
            out = []
            for v in s.execute(select(Version).where(Version.story_id == story_id).order_by(Version.seq)).scalars():
                c = changes.get(v.id)
                out.append(
                    ArchivedVersion(
                        v.seq,
                        v.fetched_at,
                        v.content_hash,
                        v.headline,
                        v.byline,
                        v.published,
                        v.modified,
                        v.text,
                        v.words,
                        zlib.decompress(v.html_gz) if v.html_gz else b"",  # empty: dropped by retention
                        v.http_status,
                        v.final_url,
                        c.report if c else None,
                        c.summary if c else None,
                        c.created_at if c else None,
                        tuple((n, v) for n, v in v.headers) if v.headers is not None else None,
                    )
                )
            return out

    def import_story(self, story: ImportedStory) -> int | None:
        """The new story's id, or None (and nothing written) when its URL is tracked already."""
        with self._write() as s:
            if s.execute(select(Story.id).where(Story.url == story.url)).first() is not None:
                return None
            row = Story(
                url=story.url,
                title=story.title,
                added_at=story.added_at,
                active=story.active,
                status=story.status,
                every_seconds=story.every_seconds,
                interval_seconds=story.interval_seconds,
                next_check_at=story.next_check_at,
                last_checked_at=story.last_checked_at,
                last_changed_at=story.last_changed_at,
                gone_at=story.gone_at,
                accept_short=story.accept_short,
                select_css=story.select_css,
                ignore_css=story.ignore_css,
                consecutive_failures=0,
                latest_seq=len(story.versions),
            )
            s.add(row)
            s.flush()
            s.add_all(StoryTag(story_id=row.id, tag=t) for t in sorted(set(story.tags)))
            previous: Version | None = None
            for n, v in enumerate(story.versions, 1):
                # renumbered 1..n: versions are only ever appended, so an export holds them all
                version = Version(
                    story_id=row.id,
                    seq=n,
                    fetched_at=v.fetched_at,
                    content_hash=v.content_hash,
                    headline=v.headline,
                    byline=v.byline,
                    published=v.published,
                    modified=v.modified,
                    text=v.text,
                    words=v.words,
                    html_gz=zlib.compress(v.html, 6) if v.html else b"",  # a page retention dropped stays dropped
                    html_size=len(v.html),
                    http_status=v.http_status,
                    final_url=v.final_url,
                    headers=[list(h) for h in v.headers] if v.headers is not None else None,
                )
                s.add(version)
                s.flush()
                if v.report is not None:
                    s.add(
                        Change(
                            story_id=row.id,
                            version_id=version.id,
                            previous_version_id=previous.id if previous else None,
                            report=v.report,
                            summary=v.summary or "",
                            created_at=v.reported_at or v.fetched_at,
                        )
                    )
                previous = version
            return row.id
