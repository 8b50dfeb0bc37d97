"""The store: every query tracker makes, one public method = one transaction.

Methods take and return plain values (storage.rows). Writes that must be atomic are a
single method: `save_version` stores a version, its change report, its events and the
story's new scheduling state, or nothing at all. Feeds, leases and events live in
storage.queues; alert subscriptions and deliveries in storage.outbox; tags in storage.tags;
export and import in storage.transfer; a re-read with new selectors in storage.rereads;
retention in storage.retention.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from storage.engine import make_engine, writer
from storage.errors import NotFound
from storage.migrate import ensure_current, require_file, require_schema
from storage.outbox import OutboxQueries
from storage.queues import QueueQueries
from storage.rereads import RereadQueries
from storage.retention import RetentionQueries
from storage.rows import (
    AlreadyStored,
    ChangeRow,
    CheckUpdate,
    Conflict,
    NewChange,
    NewVersion,
    RecentChange,
    Saved,
    StoryRow,
    Superseded,
    VersionMeta,
    VersionRow,
)
from storage.schema import Change, Event, Story, Version
from storage.suspects import SuspectQueries
from storage.tags import TagQueries
from storage.transfer import TransferQueries
from storage.updates import apply_check, new_version_row
from storage.web import WebQueries

_UPDATABLE = {
    "title",
    "accept_short",
    "active",
    "status",
    "every_seconds",
    "next_check_at",
    "interval_seconds",
    "consecutive_failures",
    "last_error",
    "select_css",
    "ignore_css",
    "body_hash",  # cleared with new selectors: the next check must extract again
}
STATUSES = ("active", "failing", "archived", "removed", "paused")
# pg_advisory_xact_lock key held while a transaction adds events (see _lock_event_log)
_EVENT_LOG_LOCK = 0x7472_6B02


def story_row(s: Story) -> StoryRow:
    return StoryRow(
        id=s.id,
        url=s.url,
        title=s.title,
        added_at=s.added_at,
        active=s.active,
        status=s.status,
        every_seconds=s.every_seconds,
        interval_seconds=s.interval_seconds,
        next_check_at=s.next_check_at,
        last_checked_at=s.last_checked_at,
        last_outcome=s.last_outcome,
        last_changed_at=s.last_changed_at,
        etag=s.etag,
        last_modified=s.last_modified,
        body_hash=s.body_hash,
        consecutive_failures=s.consecutive_failures,
        last_error=s.last_error,
        last_error_at=s.last_error_at,
        gone_at=s.gone_at,
        latest_seq=s.latest_seq,
        feed_id=s.feed_id,
        accept_short=bool(s.accept_short),
        suspect_reason=s.suspect_reason,
        select_css=s.select_css,
        ignore_css=s.ignore_css,
    )


def _version_row(v: Version) -> VersionRow:
    return VersionRow(
        id=v.id,
        story_id=v.story_id,
        seq=v.seq,
        fetched_at=v.fetched_at,
        content_hash=v.content_hash,
        headline=v.headline,
        byline=v.byline,
        published=v.published,
        modified=v.modified,
        text=v.text,
        words=v.words,
        html_size=v.html_size,
        http_status=v.http_status,
        final_url=v.final_url,
    )


def _check_json(value: dict[str, Any], what: str) -> None:
    """TypeError unless `value` is a JSON object: the same on every backend, whose drivers
    otherwise fail in their own ways (or, for NaN, not at all)."""
    if not isinstance(value, dict):
        raise TypeError(f"{what} must be a dict, not {type(value).__name__}")
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{what} is not JSON: {exc}") from exc


class Store(
    QueueQueries,
    OutboxQueries,
    SuspectQueries,
    TagQueries,
    TransferQueries,
    RereadQueries,
    RetentionQueries,
    WebQueries,
):
    """Every query tracker makes; each public method is one transaction. `Store(engine)`
    uses a database as it is; `Store.open(url)` also brings its schema up to date."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.dialect: str = engine.dialect.name  # "sqlite" | "postgresql"
        self._writer = writer(engine)

    @classmethod
    def open(cls, url: str, *, migrate: bool = True, create: bool = True) -> Store:
        """`create=False` (commands that only read) refuses, with `NoDatabase`, a database that
        does not exist or holds no tracker schema, instead of creating one by mistake."""
        if not create:
            require_file(url)
        engine = make_engine(url)
        try:
            if not create:
                require_schema(engine, url)
            if migrate:
                ensure_current(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session

    def _locked_story(self, session: Session, story_id: int) -> Story:
        query = select(Story).where(Story.id == story_id).with_for_update()
        story = session.execute(query).scalar_one_or_none()
        if story is None:
            raise NotFound("story", story_id)
        return story

    def _lock_event_log(self, session: Session) -> None:
        """Call right before adding events; the lock is held until commit.

        Consumers read events in id order and remember the last id they saw. PostgreSQL
        hands out ids when rows are inserted, not when they commit, so two concurrent
        transactions could commit ids 11 then 10, and a consumer that read 11 in between
        would never see 10. Serialising the end of event-writing transactions makes commit
        order follow id order. SQLite has one writer at a time already.
        """
        if self.dialect == "postgresql":
            session.execute(select(func.pg_advisory_xact_lock(_EVENT_LOG_LOCK)))

    # --- stories ------------------------------------------------------------------------

    def add_story(
        self,
        url: str,
        now: datetime,
        *,
        title: str | None = None,
        every_seconds: float | None = None,
        feed_id: int | None = None,
        interval_seconds: float,
        next_check_at: datetime | None,
        accept_short: bool = False,
    ) -> tuple[StoryRow, bool]:
        """A new story, or (the existing one, False) when the URL is tracked already."""
        try:
            with self._write() as s:
                existing = s.execute(select(Story).where(Story.url == url)).scalar_one_or_none()
                if existing is not None:
                    return story_row(existing), False
                story = Story(
                    url=url,
                    title=title,
                    added_at=now,
                    active=True,
                    status="active",
                    every_seconds=every_seconds,
                    interval_seconds=interval_seconds,
                    next_check_at=next_check_at,
                    consecutive_failures=0,
                    latest_seq=0,
                    feed_id=feed_id,
                    accept_short=accept_short,
                )
                s.add(story)
                s.flush()
                return story_row(story), True
        except IntegrityError:  # added by someone else between our read and our insert
            found = self.find_story(url)
            if found is None:
                raise
            return found, False

    def get_story(self, story_id: int) -> StoryRow:
        with self._read() as s:
            story = s.get(Story, story_id)
            if story is None:
                raise NotFound("story", story_id)
            return story_row(story)

    def find_story(self, url: str) -> StoryRow | None:
        with self._read() as s:
            story = s.execute(select(Story).where(Story.url == url)).scalar_one_or_none()
            return story_row(story) if story else None

    def list_stories(self, *, status: str | None = None) -> list[StoryRow]:
        with self._read() as s:
            query = select(Story).order_by(Story.id)
            if status:
                query = query.where(Story.status == status)
            return [story_row(x) for x in s.execute(query).scalars()]

    def latest_headlines(self) -> dict[int, str]:
        """Each story's headline as of its latest version, in one query (for `tracker list`)."""
        with self._read() as s:
            query = select(Version.story_id, Version.headline).join(
                Story, (Story.id == Version.story_id) & (Version.seq == Story.latest_seq)
            )
            return {story_id: headline for story_id, headline in s.execute(query) if headline}

    def count_stories(self) -> dict[str, int]:
        with self._read() as s:
            query = select(Story.status, func.count()).group_by(Story.status)
            return {status: n for status, n in s.execute(query)}

    def remove_story(self, story_id: int) -> None:
        with self._write() as s:
            if s.execute(delete(Story).where(Story.id == story_id)).rowcount == 0:  # type: ignore[attr-defined]
                raise NotFound("story", story_id)

    def update_story(self, story_id: int, **fields: Any) -> StoryRow:
        bad = set(fields) - _UPDATABLE
        if bad:
            raise ValueError(f"cannot update {', '.join(sorted(bad))} this way")
        if "status" in fields and fields["status"] not in STATUSES:
            raise ValueError(f"unknown story status {fields['status']!r}: one of {', '.join(STATUSES)}")
        with self._write() as s:
            story = self._locked_story(s, story_id)
            for name, value in fields.items():
                setattr(story, name, value)
            return story_row(story)

    def reschedule(self, when: dict[int, datetime]) -> None:
        """Set the next check of many stories in one transaction (story id -> when)."""
        if not when:
            return
        with self._write() as s:
            s.execute(update(Story), [{"id": k, "next_check_at": at} for k, at in when.items()])

    def due_stories(self, now: datetime, limit: int) -> list[StoryRow]:
        """Active stories whose next check is due, the longest overdue first."""
        with self._read() as s:
            query = (
                select(Story)
                .where(Story.active.is_(True), Story.next_check_at <= now)
                .order_by(Story.next_check_at, Story.id)
                .limit(limit)
            )
            return [story_row(x) for x in s.execute(query).scalars()]

    # --- versions -----------------------------------------------------------------------

    def latest_version(self, story_id: int) -> VersionRow | None:
        with self._read() as s:
            query = select(Version).where(Version.story_id == story_id).order_by(Version.seq.desc()).limit(1)
            v = s.execute(query).scalar_one_or_none()
            return _version_row(v) if v else None

    def version_with_content(self, story_id: int, content_hash: str) -> int | None:
        """The newest version of a story holding exactly this article text, if any (a revert)."""
        with self._read() as s:
            query = (
                select(Version.seq)
                .where(Version.story_id == story_id, Version.content_hash == content_hash)
                .order_by(Version.seq.desc())
                .limit(1)
            )
            return s.execute(query).scalar_one_or_none()

    def get_version(self, story_id: int, seq: int) -> VersionRow:
        with self._read() as s:
            query = select(Version).where(Version.story_id == story_id, Version.seq == seq)
            v = s.execute(query).scalar_one_or_none()
            if v is None:
                raise NotFound("version", f"{story_id}/{seq}")
            return _version_row(v)

    def get_html(self, story_id: int, seq: int) -> bytes:
        with self._read() as s:
            query = select(Version.html_gz).where(Version.story_id == story_id, Version.seq == seq)
            blob = s.execute(query).scalar()
            if blob is None:
                raise NotFound("version", f"{story_id}/{seq}")
            return zlib.decompress(blob) if blob else b""  # empty: dropped by retention (storage.retention)

    def list_versions(self, story_id: int) -> list[VersionMeta]:
        with self._read() as s:
            query = (
                select(
                    Version.seq,
                    Version.fetched_at,
                    Version.headline,
                    Version.content_hash,
                    Version.html_size,
                    func.length(Version.text),
                    Version.words,
                    Version.http_status,
                    Change.summary,
                )
                .outerjoin(Change, Change.version_id == Version.id)
                .where(Version.story_id == story_id)
                .order_by(Version.seq)
            )
            return [VersionMeta(*row) for row in s.execute(query)]

    def get_change(self, story_id: int, seq: int) -> ChangeRow | None:
        with self._read() as s:
            query = (
                select(Change)
                .join(Version, Change.version_id == Version.id)
                .where(Version.story_id == story_id, Version.seq == seq)
            )
            c = s.execute(query).scalar_one_or_none()
            if c is None:
                return None
            return ChangeRow(c.id, c.story_id, c.version_id, c.previous_version_id, c.report, c.summary, c.created_at)

    def recent_changes(self, since: datetime, limit: int = 1000) -> list[RecentChange]:
        with self._read() as s:
            query = (
                select(
                    Story.id,
                    Story.url,
                    Version.seq,
                    Version.fetched_at,
                    Version.headline,
                    Change.summary,
                    Change.report,
                )
                .join(Version, Change.version_id == Version.id)
                .join(Story, Story.id == Change.story_id)
                .where(Change.created_at >= since)
                .order_by(Change.created_at.desc())
                .limit(limit)
            )
            return [RecentChange(*row) for row in s.execute(query)]

    # --- what a check writes ------------------------------------------------------------

    def record_check(self, story_id: int, update_: CheckUpdate) -> None:
        """A check that stores no version: not modified, unchanged, or failed."""
        with self._write() as s:
            story = self._locked_story(s, story_id)
            apply_check(story, update_)

    def save_version(
        self,
        story_id: int,
        expected_latest_seq: int | None,
        version: NewVersion,
        change: NewChange | None,
        update_: CheckUpdate,
    ) -> Saved | Conflict | AlreadyStored | Superseded:
        """Store a new version with its change report, events and the story's state, or nothing.

        `expected_latest_seq` is the latest version the caller compared against; when
        another check stored one since, nothing is written and Conflict says what is latest
        now. When the latest version already holds this content, only the state is written.
        When the latest version was fetched after this one (two checks of one story
        overlapped and the later fetch was stored first), nothing is written: Superseded.
        This is checked here, under the story's row lock, so no interleaving of checks can
        store an older page on top of a newer one.
        """
        with self._write() as s:
            story = self._locked_story(s, story_id)
            latest = story.latest_seq or None
            if latest != expected_latest_seq:
                return Conflict(latest)
            previous: Version | None = None
            if latest:
                previous = s.execute(
                    select(Version).where(Version.story_id == story_id, Version.seq == latest)
                ).scalar_one()
                if previous.fetched_at > version.fetched_at:
                    return Superseded(latest, previous.fetched_at)
                if previous.content_hash == version.content_hash:
                    apply_check(story, update_)
                    return AlreadyStored(latest)
            seq = (latest or 0) + 1
            row = new_version_row(story_id, seq, version)
            s.add(row)
            s.flush()
            summary = change.summary if change else ""
            if change is not None:
                _check_json(change.report, "the change report")
                s.add(
                    Change(
                        story_id=story_id,
                        version_id=row.id,
                        previous_version_id=previous.id if previous else None,
                        report=change.report,
                        summary=change.summary,
                        created_at=update_.checked_at,
                    )
                )
            restored = story.status == "removed"
            apply_check(story, update_)
            story.latest_seq = seq
            if restored:
                story.gone_at = None
                if story.status == "removed":
                    story.status = "active"
            if not story.title and version.headline:
                story.title = version.headline
            events = []
            if restored:
                events.append(
                    Event(
                        story_id=story_id,
                        version_id=row.id,
                        kind="restored",
                        created_at=update_.checked_at,
                        payload={"seq": seq},
                    )
                )
            events.append(
                Event(
                    story_id=story_id,
                    version_id=row.id,
                    kind="first" if seq == 1 else "changed",
                    created_at=update_.checked_at,
                    payload={"seq": seq, "summary": summary},
                )
            )
            self._lock_event_log(s)
            s.add_all(events)
            s.flush()
            meta = VersionMeta(
                seq,
                row.fetched_at,
                row.headline,
                row.content_hash,
                row.html_size,
                len(row.text),
                row.words,
                row.http_status,
                summary or None,
            )
            return Saved(meta, tuple(e.id for e in events))

    def record_gone(self, story_id: int, update_: CheckUpdate, http_status: int) -> int | None:
        """The article answered 404/410. The first time after versions exist it is recorded as
        removed with one event (its id is returned); later checks only update the state."""
        with self._write() as s:
            story = self._locked_story(s, story_id)
            first_time = story.latest_seq > 0 and story.status != "removed"
            apply_check(story, update_)
            if story.latest_seq == 0:
                return None
            story.status = "removed"
            if not first_time:
                return None
            story.gone_at = update_.checked_at
            event = Event(
                story_id=story_id,
                version_id=None,
                kind="removed",
                created_at=update_.checked_at,
                payload={"http_status": http_status, "seq": story.latest_seq},
            )
            self._lock_event_log(s)
            s.add(event)
            s.flush()
            return event.id

    def _bulk_touch(self, ids: list[int], next_check_at: datetime) -> None:
        """Testing and benchmarks: make stories due."""
        with self._write() as s:
            s.execute(update(Story).where(Story.id.in_(ids)).values(next_check_at=next_check_at, active=True))
