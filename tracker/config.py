"""Settings: built-in defaults, then a TOML config file, then `TRACKER_*` environment variables.

Every setting is a field of `Settings`; its environment variable is its name in capitals
behind `TRACKER_` (`database_url` -> `TRACKER_DATABASE_URL`), and its key in the config
file is its name. The file is `TRACKER_CONFIG`, else `config.toml` in the user's config
directory (`tracker config` prints where). Durations take `90`, `90s`, `5m`, `2h` or `7d`.
SMTP and web secrets are read here and never logged: `Settings.redacted()` (and the repr) hide the
SMTP password, the web tokens and the database URL's password (tracker.redact), and that is what
`tracker config` prints.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from tracker.errors import ConfigError
from tracker.redact import redact_url

APP = "tracker"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_SECRETS = {"smtp_password", "web_token", "web_read_token"}


def parse_duration(text: str | float | int) -> float:
    """Seconds in `text`: '90', '90s', '5m', '2h', '7d'. Raises ConfigError naming the text."""
    if isinstance(text, int | float):
        return float(text)
    m = _DURATION.match(str(text))
    if not m:
        raise ConfigError(f"{text!r} is not a duration: write e.g. 90s, 5m, 2h or 7d")
    return float(m.group(1)) * _UNIT_SECONDS[(m.group(2) or "s").lower()]


def format_duration(seconds: float) -> str:
    """The shortest exact spelling of a duration: 120 -> '2m', 5400 -> '1h30m'."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        n, seconds = divmod(seconds, size)
        if n:
            parts.append(f"{n}{unit}")
    return "".join(parts[:2])


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def user_config_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False) / "config.toml"


@dataclass(frozen=True, repr=False)
class Settings:
    # storage
    database_url: str = ""  # empty: SQLite in the user's data directory
    # fetching
    allow_private_networks: bool = False
    user_agent: str = "tracker/0.1 (+https://github.com/tracker-news/tracker; news update tracker)"
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 45.0
    max_bytes: int = 8 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    # scheduling
    min_interval: float = 120.0
    max_interval: float = 6 * 3600.0
    backoff: float = 1.5
    jitter: float = 0.1
    failure_backoff: float = 2.0
    max_failures: int = 10
    archive_after: float = 7 * 86400.0
    raw_retention: float = 0.0  # `tracker db vacuum` drops raw pages older than this (texts, reports stay); 0: keep all
    tick: float = 2.0
    concurrency: int = 32
    per_host: int = 4
    workers: int = 0  # extraction processes; 0: one per core
    shutdown_grace: float = 10.0  # on SIGTERM, checks in flight get this long, then are abandoned
    compare_budget: float = 10.0  # seconds the diff engine may take on one change (in a worker); 0: no limit
    # alerts
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_security: str = "none"  # none | starttls | tls
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = ""  # empty: tracker@ the host of public_url, else of this machine (email_sender)
    delivery_attempts: int = 8
    public_url: str = ""  # where `tracker report` pages are published: alerts link PUBLIC_URL/stories/ID.html
    # the web app (tracker web)
    web_token: str = ""  # needed for every write (API bearer token, page sign-in); empty: no writes
    web_read_token: str = ""  # when set, reading the pages, API and feeds needs it too
    # logs
    log_format: str = "plain"  # plain | json
    log_level: str = "INFO"

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{user_data_dir() / 'tracker.db'}"

    def email_sender(self) -> str:
        """`smtp_from`, or tracker@ a real domain: the host of `public_url`, else this machine's
        fully qualified name (a Message-ID and a From at @localhost look forged to mail servers)."""
        if self.smtp_from:
            return self.smtp_from
        from urllib.parse import urlsplit

        host = urlsplit(self.public_url).hostname if self.public_url else None
        if not host:
            import socket

            host = socket.getfqdn()
        return f"tracker@{host}"

    def redacted(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        for key in _SECRETS:
            if out.get(key):
                out[key] = "***"
        out["database_url"] = redact_url(self.database_url)
        return out

    def __repr__(self) -> str:  # a Settings in a log line or a traceback shows no secret
        fields = ", ".join(f"{name}={value!r}" for name, value in self.redacted().items())
        return f"Settings({fields})"

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


_DURATION_FIELDS = {
    "connect_timeout",
    "read_timeout",
    "total_timeout",
    "min_interval",
    "max_interval",
    "archive_after",
    "raw_retention",
    "tick",
    "shutdown_grace",
    "compare_budget",
}


def _coerce(name: str, kind: str, raw: Any, origin: str) -> Any:
    try:
        if name in _DURATION_FIELDS:
            return parse_duration(raw)
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{origin}: {name} = {raw!r} is not a valid {kind}") from exc


def load_settings(env: Mapping[str, str] | None = None, config_file: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the config file, then the environment, then explicit overrides (CLI flags)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    path = config_file or (Path(env["TRACKER_CONFIG"]) if env.get("TRACKER_CONFIG") else None)
    explicit = path is not None
    path = path or user_config_file()
    known = {f.name: str(f.type) for f in fields(Settings)}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from exc
        for key, raw in data.items():
            if key not in known:
                raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
            values[key] = _coerce(key, known[key], raw, str(path))
    elif explicit:
        raise ConfigError(f"config file {path} does not exist")
    for name, kind in known.items():
        raw = env.get(f"TRACKER_{name.upper()}")
        if raw is not None:
            values[name] = _coerce(name, kind, raw, f"TRACKER_{name.upper()}")
    for name, raw in overrides.items():
        if raw is not None:
            values[name] = _coerce(name, known[name], raw, f"--{name.replace('_', '-')}")
    return Settings(**values)
