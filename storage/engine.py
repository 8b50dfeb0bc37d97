"""Engines for SQLite (the embedded default) and PostgreSQL (psycopg 3).

SQLite: the parent directory is created, the journal is WAL (readers never block the one
writer), foreign keys are on, and a busy timeout lets a writer wait for another. Write
transactions begin with BEGIN IMMEDIATE (`writer(engine)`): taking the write lock up front
means two writers queue instead of both reading and then failing to upgrade.
PostgreSQL: `postgres://` and `postgresql://` URLs use the psycopg 3 driver.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from storage.errors import BadURL

_WRITE = "tracker_write"
BUSY_TIMEOUT = 30.0  # seconds a SQLite writer waits for another before giving up


def normalise_url(url: str) -> str:
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


SUPPORTED = ("sqlite", "postgresql")
_URL_HELP = "use sqlite:///path/to/file.db or postgresql://user@host/dbname"


def make_engine(url: str) -> Engine:
    """An engine for a SQLite or PostgreSQL URL; `BadURL` (one line) for anything else."""
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError:
        raise BadURL(f"{url!r} is not a database URL: {_URL_HELP}") from None
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED:
        raise BadURL(f"{backend} databases are not supported ({_redacted(parsed)}): {_URL_HELP}")
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(parsed, pool_pre_ping=True, pool_size=10, max_overflow=30, pool_recycle=1800)


def _redacted(parsed: Any) -> str:
    return str(parsed.render_as_string(hide_password=True))


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL or an in-memory database)."""
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError:
        raise BadURL(f"{url!r} is not a database URL: {_URL_HELP}") from None
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if database.startswith("file:") or parsed.query.get("mode") == "memory":
        return None
    return Path(database).expanduser()


def _sqlite_engine(parsed: Any) -> Engine:
    database = parsed.database
    in_memory = not database or database == ":memory:" or parsed.query.get("mode") == "memory"
    if not in_memory and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # an in-memory database lives in one connection: SQLAlchemy's single-connection pool
    pool: dict[str, Any] = {} if in_memory else {"pool_size": 10, "max_overflow": 30}
    engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT, "check_same_thread": False}, **pool)

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        if not in_memory:
            _use_wal(dbapi_conn)
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT * 1000)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

    return engine


def _use_wal(dbapi_conn: Any) -> None:
    """Switch the database file to WAL (once: the mode is stored in the file).

    The switch needs the file to itself, and SQLite answers "database is locked" at once
    rather than calling the busy handler, so processes opening a new database together
    would fail; they retry here, within the usual busy timeout, instead.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    pause = 0.005
    while True:
        try:
            if str(dbapi_conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                dbapi_conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)


def writer(engine: Engine) -> Engine:
    """The same engine, for transactions that will write (BEGIN IMMEDIATE on SQLite)."""
    return engine.execution_options(**{_WRITE: True})
