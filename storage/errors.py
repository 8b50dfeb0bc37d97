"""The errors the storage package raises on purpose.

Storage never imports tracker, so it has its own small tree; every message names the
value that was not found or not allowed, so a caller can show it as it is.

    StoreError          root: anything storage refuses to do
    ├── NotFound        no story, version, or feed with that id (also a LookupError)
    ├── Duplicate       a value that must be unique already exists
    └── SchemaMismatch  the database schema is newer than this code, or not ours

Programming mistakes (a naive datetime, an unknown status, a report that is not JSON)
raise the usual ValueError / TypeError instead: they are bugs, not conditions to handle.
"""

from __future__ import annotations


class StoreError(Exception):
    """Root of every error storage raises on purpose."""


class NotFound(StoreError, LookupError):
    """The story, version, feed or change asked for does not exist."""


class Duplicate(StoreError):
    """A value that must be unique (a URL, a name) is already stored."""


class SchemaMismatch(StoreError):
    """The database's schema revision is one this code does not know (newer, or foreign)."""
