"""Fixtures of the command-line tests: a SQLite file named by TRACKER_DATABASE_URL, loopback allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.cli import main


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_ALLOW_PRIVATE_NETWORKS", "1")
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    return url


@pytest.fixture
def made(db: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The database of `db`, created (by `tracker db upgrade`)."""
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    return db
