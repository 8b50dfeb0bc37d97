"""Migrations on SQLite and PostgreSQL: empty to head, idempotent, concurrent, in step with the models."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from storage import Store
from storage.engine import make_engine
from storage.errors import SchemaMismatch
from storage.migrate import HEAD, current, downgrade, head, upgrade
from storage.rows import CheckUpdate, NewVersion
from storage.schema import Base

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def test_head_constant_is_the_newest_script() -> None:
    assert head() == HEAD


def test_empty_database_upgrades_to_head_and_again_does_nothing(blank_database_url: str) -> None:
    assert current(blank_database_url) is None
    upgrade(blank_database_url)
    assert current(blank_database_url) == HEAD
    assert set(Base.metadata.tables) <= _tables(blank_database_url)
    upgrade(blank_database_url)  # already at head: a no-op, not an error
    assert current(blank_database_url) == HEAD


def test_models_and_migrations_describe_the_same_schema(blank_database_url: str) -> None:
    upgrade(blank_database_url)
    engine = make_engine(blank_database_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_downgrade_to_base_and_up_again(blank_database_url: str) -> None:
    upgrade(blank_database_url)
    downgrade(blank_database_url, "base")
    assert current(blank_database_url) is None
    assert _tables(blank_database_url) <= {"alembic_version"}
    upgrade(blank_database_url)
    assert current(blank_database_url) == HEAD


def test_store_open_migrates_a_database_that_is_behind(blank_database_url: str) -> None:
    upgrade(blank_database_url, "0001")
    assert current(blank_database_url) == "0001"
    with Store.open(blank_database_url) as store:
        assert current(store.engine) == HEAD
        # foreign keys are on again after the migration (SQLite switches them off for it)
        row, _ = store.add_story("https://news.example/a", NOW, interval_seconds=60, next_check_at=NOW)
        store.save_version(
            row.id,
            None,
            NewVersion(NOW, "h", "H", None, None, None, "t", b"<p>"),
            None,
            CheckUpdate(NOW, "first", NOW, 60.0, None, None, None, 0, None, "active"),
        )
        store.remove_story(row.id)
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM versions")).scalar() == 0


def test_a_newer_schema_is_refused_with_its_revision_named(blank_database_url: str) -> None:
    upgrade(blank_database_url)
    engine = make_engine(blank_database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    finally:
        engine.dispose()
    with pytest.raises(SchemaMismatch, match="9999"):
        Store.open(blank_database_url)


def test_two_processes_opening_a_new_database_at_once_both_succeed(blank_database_url: str) -> None:
    barrier = threading.Barrier(3)
    errors: list[BaseException] = []

    def open_store() -> None:
        barrier.wait()
        try:
            Store.open(blank_database_url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert current(blank_database_url) == HEAD


def test_upgrade_needs_no_config_file_and_works_from_any_directory(blank_database_url: str, tmp_path: Path) -> None:
    code = "import sys; from storage.migrate import upgrade; upgrade(sys.argv[1])"
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code, blank_database_url],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert current(blank_database_url) == HEAD
