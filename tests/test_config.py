"""Settings from defaults, a TOML file, the environment and flags (tracker.config)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.config import format_duration, load_settings, parse_duration
from tracker.errors import ConfigError


@pytest.mark.parametrize(
    ("text", "seconds"), [("90", 90), ("90s", 90), ("5m", 300), ("2h", 7200), ("7d", 604800), ("1.5h", 5400), (30, 30)]
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


def test_bad_duration_names_the_value() -> None:
    with pytest.raises(ConfigError, match="'soon'"):
        parse_duration("soon")


def test_format_duration() -> None:
    assert [format_duration(s) for s in (45, 120, 5400, 90000)] == ["45s", "2m", "1h30m", "1d1h"]


def test_file_then_environment_then_flags(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text('min_interval = "5m"\nallow_private_networks = true\ndatabase_url = "sqlite:///a.db"\n')
    env = {"TRACKER_CONFIG": str(cfg), "TRACKER_DATABASE_URL": "sqlite:///b.db", "TRACKER_MAX_FAILURES": "3"}
    settings = load_settings(env=env)
    assert settings.min_interval == 300
    assert settings.allow_private_networks is True
    assert settings.database_url == "sqlite:///b.db"
    assert settings.max_failures == 3
    assert load_settings(env=env, database_url="sqlite:///c.db").database_url == "sqlite:///c.db"


def test_unknown_key_and_bad_value_are_clear_errors(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text("min_intervall = 5\n")
    with pytest.raises(ConfigError, match="unknown setting 'min_intervall'"):
        load_settings(env={"TRACKER_CONFIG": str(cfg)})
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(env={"TRACKER_CONFIG": str(tmp_path / "none.toml")})
    empty = tmp_path / "empty.toml"
    empty.write_text("")
    with pytest.raises(ConfigError, match="TRACKER_MAX_FAILURES"):
        load_settings(env={"TRACKER_MAX_FAILURES": "many", "TRACKER_CONFIG": str(empty)})


def test_secrets_are_redacted() -> None:
    from tracker.config import Settings

    assert Settings(smtp_password="hunter2").redacted()["smtp_password"] == "***"
    assert Settings().redacted()["smtp_password"] == ""
