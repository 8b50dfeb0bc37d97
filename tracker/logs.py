"""Logging set-up: one line per event, plain for people or JSON for log collectors."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from tracker.config import Settings

_RESERVED = set(vars(logging.makeLogRecord({})))


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _RESERVED and not key.startswith("_"):
                data[key] = value
        if record.exc_info:
            data["error"] = self.formatException(record.exc_info)
        return json.dumps(data, default=str, ensure_ascii=False)


def configure(settings: Settings, level: int | None = None) -> None:
    """Send tracker's logs to stderr in the configured format; idempotent."""
    root = logging.getLogger("tracker")
    chosen = level if level is not None else logging.getLevelName(settings.log_level.upper())
    root.setLevel(chosen if isinstance(chosen, int) else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_tracker", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler._tracker = True  # type: ignore[attr-defined]
    if settings.log_format == "json":
        handler.setFormatter(JSONFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    root.addHandler(handler)
    root.propagate = False
