"""Feeds, leases and the event log: the store's queries for the service's own bookkeeping."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from storage.errors import NotFound
from storage.rows import EventRow, FeedRow
from storage.schema import Consumer, Event, Feed, Lease

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def feed_row(f: Feed) -> FeedRow:
    return FeedRow(
        f.id,
        f.url,
        f.match,
        f.added_at,
        f.active,
        f.next_check_at,
        f.interval_seconds,
        f.etag,
        f.last_modified,
        f.last_checked_at,
        f.consecutive_failures,
        f.last_error,
    )


class QueueQueries:
    """Mixed into Store; relies on its `_read()` and `_write()` sessions."""

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    # --- feeds --------------------------------------------------------------------------

    def add_feed(
        self,
        url: str,
        now: datetime,
        *,
        match: str | None = None,
        interval_seconds: float,
        next_check_at: datetime | None,
    ) -> tuple[FeedRow, bool]:
        try:
            with self._write() as s:
                existing = s.execute(select(Feed).where(Feed.url == url)).scalar_one_or_none()
                if existing is not None:
                    return feed_row(existing), False
                feed = Feed(
                    url=url,
                    match=match,
                    added_at=now,
                    active=True,
                    next_check_at=next_check_at,
                    interval_seconds=interval_seconds,
                    consecutive_failures=0,
                )
                s.add(feed)
                s.flush()
                return feed_row(feed), True
        except IntegrityError:
            with self._read() as s:
                found = s.execute(select(Feed).where(Feed.url == url)).scalar_one()
                return feed_row(found), False

    def list_feeds(self) -> list[FeedRow]:
        with self._read() as s:
            return [feed_row(f) for f in s.execute(select(Feed).order_by(Feed.id)).scalars()]

    def get_feed(self, feed_id: int) -> FeedRow:
        with self._read() as s:
            feed = s.get(Feed, feed_id)
            if feed is None:
                raise NotFound("feed", feed_id)
            return feed_row(feed)

    def remove_feed(self, feed_id: int) -> None:
        with self._write() as s:
            if s.execute(delete(Feed).where(Feed.id == feed_id)).rowcount == 0:  # type: ignore[attr-defined]
                raise NotFound("feed", feed_id)

    def due_feeds(self, now: datetime, limit: int) -> list[FeedRow]:
        with self._read() as s:
            query = (
                select(Feed)
                .where(Feed.active.is_(True), Feed.next_check_at <= now)
                .order_by(Feed.next_check_at, Feed.id)
                .limit(limit)
            )
            return [feed_row(f) for f in s.execute(query).scalars()]

    def record_feed_check(
        self,
        feed_id: int,
        *,
        checked_at: datetime,
        next_check_at: datetime | None,
        interval_seconds: float,
        etag: str | None,
        last_modified: str | None,
        consecutive_failures: int,
        last_error: str | None,
    ) -> None:
        with self._write() as s:
            feed = s.get(Feed, feed_id)
            if feed is None:
                raise NotFound("feed", feed_id)
            feed.last_checked_at = checked_at
            feed.next_check_at = next_check_at
            feed.interval_seconds = interval_seconds
            feed.etag = etag
            feed.last_modified = last_modified
            feed.consecutive_failures = consecutive_failures
            feed.last_error = last_error

    # --- leases -------------------------------------------------------------------------

    def acquire_lease(
        self, name: str, holder: str, now: datetime, ttl_seconds: float, *, replacing: str | None = None
    ) -> bool:
        """Take the lease (or renew it, when held already); False while someone else holds it.

        `replacing` names a holder the caller knows to be dead: the lease is taken from it
        even before it expires, but only if that holder still has it (compare-and-set)."""
        try:
            with self._write() as s:
                lease = s.execute(select(Lease).where(Lease.name == name).with_for_update()).scalar_one_or_none()
                until = now + timedelta(seconds=ttl_seconds)
                if lease is None:
                    s.add(Lease(name=name, holder=holder, expires_at=until))
                    return True
                if lease.holder in (holder, replacing) or lease.expires_at <= now:
                    lease.holder = holder
                    lease.expires_at = until
                    return True
                return False
        except IntegrityError:  # another process inserted it first
            return False

    def release_lease(self, name: str, holder: str) -> None:
        with self._write() as s:
            s.execute(delete(Lease).where(Lease.name == name, Lease.holder == holder))

    def lease_holder(self, name: str, now: datetime) -> str | None:
        with self._read() as s:
            lease = s.get(Lease, name)
            return lease.holder if lease is not None and lease.expires_at > now else None

    # --- events ---------------------------------------------------------------------------

    def events_after(self, last_id: int, limit: int = 100) -> list[EventRow]:
        with self._read() as s:
            query = select(Event).where(Event.id > last_id).order_by(Event.id).limit(limit)
            return [
                EventRow(e.id, e.story_id, e.version_id, e.kind, e.created_at, e.payload)
                for e in s.execute(query).scalars()
            ]

    def events_created(self, since: datetime, before: datetime, limit: int = 10_000) -> list[EventRow]:
        """Events created in [since, before), oldest first (a subscription's backfill; rare, so
        a scan of the events table is acceptable)."""
        with self._read() as s:
            query = (
                select(Event)
                .where(Event.created_at >= since, Event.created_at < before)
                .order_by(Event.id)
                .limit(limit)
            )
            return [
                EventRow(e.id, e.story_id, e.version_id, e.kind, e.created_at, e.payload)
                for e in s.execute(query).scalars()
            ]

    def iter_events(self, last_id: int, batch: int = 500) -> Iterator[EventRow]:
        while True:
            rows = self.events_after(last_id, batch)
            if not rows:
                return
            yield from rows
            last_id = rows[-1].id

    def consumer_position(self, name: str) -> int:
        with self._read() as s:
            consumer = s.get(Consumer, name)
            return consumer.last_event_id if consumer else 0

    def advance_consumer(self, name: str, event_id: int) -> None:
        with self._write() as s:
            consumer = s.get(Consumer, name)
            if consumer is None:
                s.add(Consumer(name=name, last_event_id=event_id))
            elif event_id > consumer.last_event_id:
                consumer.last_event_id = event_id
