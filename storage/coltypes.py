"""Column types and value encodings shared by the models and the queries.

`UTCDateTime` makes both backends store UTC and hand back timezone-aware UTC datetimes:
PostgreSQL keeps `timestamptz`; SQLite keeps the naive UTC wall time as text in a fixed
format, so comparing and sorting the text compares the instants. Naive datetimes are
refused: an implicit local time is exactly the bug this type exists to rule out.

JSON columns are plain text encoded and decoded here (`dump_json` / `load_json`), so a
value that is not JSON fails loudly in Python, inside the transaction that writes it.
"""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Dialect
from sqlalchemy.types import DateTime, TypeDecorator


def ensure_aware(value: datetime, what: str = "datetime") -> datetime:
    """`value` in UTC; raises ValueError for a naive datetime."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} {value.isoformat()} has no time zone: storage needs timezone-aware datetimes")
    return value.astimezone(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        utc = ensure_aware(value)
        # SQLite's DATETIME text has no offset: store the UTC wall time.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def dump_json(value: dict[str, Any], what: str = "value") -> str:
    """`value` (a dict) as JSON text; TypeError when it is not a dict or not serialisable."""
    if not isinstance(value, dict):
        raise TypeError(f"{what} must be a dict, not {type(value).__name__}")
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{what} is not JSON-serialisable: {exc}") from exc


def load_json(text: str) -> dict[str, Any]:
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError(f"stored JSON is a {type(value).__name__}, expected an object")
    return value


def compress(data: bytes) -> bytes:
    return zlib.compress(data, 6)


def decompress(data: bytes) -> bytes:
    return zlib.decompress(data)


def word_count(text: str) -> int:
    return len(text.split())
