"""Logging set-up: one line per event, plain for people or JSON for log collectors.

Every record is redacted on its way out (tracker.redact): a URL's password and a webhook
URL's token never reach a log, whichever module wrote the line and whatever exception it
carries.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from tracker.config import Settings
from tracker.redact import redact_text

_RESERVED = set(vars(logging.makeLogRecord({})))


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": redact_text(record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _RESERVED and not key.startswith("_"):
                data[key] = redact_text(value) if isinstance(value, str) else value
        if record.exc_info:
            data["error"] = redact_text(self.formatException(record.exc_info))
        return json.dumps(data, default=str, ensure_ascii=False)


class PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact_text(super().format(record))


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
        handler.setFormatter(PlainFormatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    root.addHandler(handler)
    root.propagate = False
