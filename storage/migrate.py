"""Schema migrations, run programmatically (no alembic.ini, any working directory).

`upgrade(engine_or_url)` applies what is pending; `Store.open` calls `ensure_current`,
which upgrades only when the database is behind, and `tracker db upgrade` calls
`upgrade` explicitly. `HEAD` names the newest revision so that opening an up-to-date
database costs one query, not a walk of the scripts (a test keeps it equal to the
scripts' head).

Every migration run is one transaction that first takes a lock, so two processes
opening a new database at once apply the scripts once: on SQLite the write lock of
BEGIN IMMEDIATE, on PostgreSQL an advisory lock. On SQLite, foreign keys are switched
off around the run (they cannot be switched inside a transaction): a later migration
that rebuilds a parent table the batch way must not cascade-delete its children. They
are checked before commit instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url

from storage.engine import make_engine, sqlite_file, writer
from storage.errors import NoDatabase, SchemaMismatch

if TYPE_CHECKING:
    from alembic.config import Config

HEAD = "0006"
SCRIPTS = Path(__file__).resolve().parent / "migrations"
# pg_advisory_xact_lock key for migrations: any constant that no other lock of ours uses
_MIGRATION_LOCK = 0x7472_6B01


def _config() -> Config:
    # Alembic costs 100 ms to import; opening an up-to-date database never needs it
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPTS))
    return cfg


def head() -> str:
    """The newest revision according to the scripts themselves."""
    from alembic.script import ScriptDirectory

    found = ScriptDirectory.from_config(_config()).get_current_head()
    if found is None:
        raise RuntimeError(f"no migration scripts in {SCRIPTS}")
    return found


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}


def current(engine: Engine | str) -> str | None:
    """The revision the database is at, or None when no migration was ever applied."""
    with _engine(engine) as eng, eng.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        found = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return str(found) if found is not None else None


def upgrade(engine: Engine | str, revision: str = "head") -> None:
    """Apply the migrations up to `revision` (default: the newest); `SchemaMismatch` names
    a revision that does not exist."""
    from alembic import command

    check_revision(revision)
    _run(engine, lambda cfg: command.upgrade(cfg, revision))


def check_revision(revision: str) -> None:
    """`SchemaMismatch` unless `revision` is "head" or one of the scripts' revisions."""
    if revision != "head" and revision not in known_revisions():
        raise SchemaMismatch(
            f"there is no migration {revision!r}: known revisions are {', '.join(sorted(known_revisions()))} (or head)"
        )


def downgrade(engine: Engine | str, revision: str) -> None:
    """Undo migrations down to `revision` ("base": all of them)."""
    from alembic import command

    _run(engine, lambda cfg: command.downgrade(cfg, revision))


def ensure_current(engine: Engine) -> None:
    """Upgrade when the database is behind (or empty); refuse a revision we do not know."""
    found = current(engine)
    if found == HEAD:
        return
    if found is not None and found not in known_revisions():
        raise SchemaMismatch(
            f"the database schema is at revision {found}, which this version of tracker does not know "
            f"(its newest is {HEAD}): it was written by a newer tracker, or it is not tracker's database"
        )
    upgrade(engine)


def require_file(url: str) -> None:
    """`NoDatabase` when a SQLite URL names a file that does not exist (checked before any
    engine is made, since connecting would create it)."""
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise NoDatabase(f"there is no database at {path}")


def require_schema(engine: Engine, url: str) -> None:
    """`NoDatabase` when the database holds no tracker schema (an empty PostgreSQL database)."""
    if current(engine) is None:
        shown = make_url(url).render_as_string(hide_password=True)
        raise NoDatabase(f"{shown} holds no tracker database")


@contextmanager
def _engine(engine: Engine | str) -> Iterator[Engine]:
    if isinstance(engine, Engine):
        yield engine
        return
    own = make_engine(engine)
    try:
        yield own
    finally:
        own.dispose()


def _run(engine: Engine | str, action: Callable[[Config], None]) -> None:
    with _engine(engine) as eng, writer(eng).connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            _sqlite_pragma(conn, "PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
                cfg = _config()
                cfg.attributes["connection"] = conn
                action(cfg)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"the migration left rows whose foreign keys point nowhere: {broken[:5]}")
        finally:
            if sqlite:
                _sqlite_pragma(conn, "PRAGMA foreign_keys=ON")


def _sqlite_pragma(conn: Connection, pragma: str) -> None:
    # straight to the driver: through SQLAlchemy it would begin a transaction first,
    # and SQLite ignores this pragma inside one
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    dbapi.execute(pragma)
