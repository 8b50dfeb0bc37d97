"""Retention: raw pages older than a cutoff are dropped; texts, reports and events stay.

A version's raw page (`html_gz`) is the bulk of the database and is needed only to read
the page again (`tracker select`, `show --html`, a WARC export). Dropping one empties the
column (its `html_size` is kept, so history still says how large the page was); each
story's latest version keeps its page whatever its age, so its selectors can still be
tried on it. Suspect pages older than the cutoff are deleted. `vacuum` then gives the
space back: SQLite rewrites the file; PostgreSQL's plain VACUUM makes it reusable.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, delete, func, select, text, update
from sqlalchemy.orm import Session

from storage.schema import Story, SuspectPage, Version


@dataclass(frozen=True, slots=True)
class Dropped:
    raw_pages: int
    raw_bytes: int  # compressed, as stored
    suspect_pages: int
    suspect_bytes: int


class RetentionQueries:
    """Mixed into Store, which provides the sessions and the engine."""

    engine: Engine
    dialect: str

    def _read(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def drop_raw_pages(self, before: datetime) -> Dropped:
        """Drop the raw pages of versions fetched before `before` (but each story's latest), in one transaction."""
        latest = select(Story.latest_seq).where(Story.id == Version.story_id).scalar_subquery()
        old = (Version.fetched_at < before) & (func.length(Version.html_gz) > 0) & (Version.seq < latest)
        with self._write() as s:
            pages, size = s.execute(
                select(func.count(), func.coalesce(func.sum(func.length(Version.html_gz)), 0)).where(old)
            ).one()
            if pages:
                s.execute(update(Version).where(old).values(html_gz=b"").execution_options(synchronize_session=False))
            stale = SuspectPage.checked_at < before
            suspects, suspect_size = s.execute(
                select(func.count(), func.coalesce(func.sum(func.length(SuspectPage.html_gz)), 0)).where(stale)
            ).one()
            if suspects:
                s.execute(delete(SuspectPage).where(stale))
            return Dropped(int(pages), int(size), int(suspects), int(suspect_size))

    def database_bytes(self) -> int:
        with self._read() as s:
            if self.dialect == "sqlite":
                pages = s.execute(text("PRAGMA page_count")).scalar_one()
                return int(pages) * int(s.execute(text("PRAGMA page_size")).scalar_one())
            return int(s.execute(text("SELECT pg_database_size(current_database())")).scalar_one())

    def vacuum(self) -> None:
        """Give the freed space back (outside any transaction, which VACUUM refuses)."""
        if self.dialect == "sqlite":
            # the driver connection itself: SQLAlchemy's "begin" hook (storage.engine) would open a
            # transaction first, and the driver runs in autocommit mode (isolation_level None)
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
            finally:
                raw.close()
            return
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE) versions, suspect_pages")
