"""Engines: URL spellings, SQLite's file settings and write locking, the developer's alembic.ini."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import text

from storage import Store
from storage.engine import make_engine, writer
from storage.migrate import HEAD


@pytest.mark.parametrize(
    "url", ["postgres://u@db.example/news", "postgresql://u@db.example/news", "postgresql+psycopg://u@db.example/news"]
)
def test_postgres_urls_use_psycopg_3(url: str) -> None:
    engine = make_engine(url)  # lazy: nothing connects
    assert (engine.url.drivername, engine.url.host, engine.url.database) == ("postgresql+psycopg", "db.example", "news")


def test_a_sqlite_file_gets_its_directory_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "tracker.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert (conn.exec_driver_sql("PRAGMA busy_timeout").scalar() or 0) >= 10_000
        assert path.exists()
    finally:
        engine.dispose()


def test_an_in_memory_sqlite_database_works() -> None:
    engine = make_engine("sqlite://")
    try:
        with engine.begin() as conn:
            assert conn.execute(text("SELECT 1")).scalar() == 1
    finally:
        engine.dispose()


def test_a_sqlite_writer_waits_for_the_other_instead_of_failing(tmp_path: Path) -> None:
    """A write transaction takes the write lock when it begins, so one that read first
    cannot be refused its upgrade to writing (which SQLite does at once, without waiting)."""
    url = f"sqlite:///{tmp_path / 't.db'}"
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE n (v INTEGER)"))
            conn.execute(text("INSERT INTO n VALUES (0)"))
        barrier = threading.Barrier(4)
        errors: list[BaseException] = []

        def bump() -> None:
            barrier.wait()
            try:
                for _ in range(20):
                    with writer(engine).begin() as conn:
                        v = conn.execute(text("SELECT v FROM n")).scalar_one()
                        conn.execute(text("UPDATE n SET v = :v"), {"v": v + 1})
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=bump) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with engine.connect() as conn:
            assert conn.execute(text("SELECT v FROM n")).scalar_one() == 80  # no lost update
    finally:
        engine.dispose()


def test_the_store_says_which_backend_it_is_on(store: Store, backend: str) -> None:
    assert store.dialect == {"sqlite": "sqlite", "postgres": "postgresql"}[backend]


def test_the_developers_alembic_ini_finds_the_same_scripts() -> None:
    ini = Path(__file__).resolve().parents[2] / "storage" / "alembic.ini"
    assert ScriptDirectory.from_config(Config(str(ini))).get_current_head() == HEAD
