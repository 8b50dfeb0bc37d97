"""The errors the storage package raises on purpose.

Storage never imports tracker, so it has its own small tree; every message names the
value that was not found or not allowed, so a caller can show it as it is.

    StoreError          root: anything storage refuses to do
    ├── NotFound        no story, version, feed... with that key (also a LookupError)
    ├── Duplicate       a value that must be unique already exists
    ├── SchemaMismatch  the database's schema revision is newer than this code, or not ours
    ├── BadURL          a database URL that is not one, or names a database we cannot use
    └── NoDatabase      opened to read, but there is no tracker database there (none is created)
"""

from __future__ import annotations


class StoreError(Exception):
    """Root of every error storage raises on purpose."""


class NotFound(StoreError, LookupError):
    """The thing asked for does not exist: `NotFound("story", 12)` says "no story 12"."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"no {what} {key}")
        self.what = what
        self.key = key


class Duplicate(StoreError):
    """A value that must be unique is already stored: `Duplicate("feed", url)`."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"{what} {key} already exists")
        self.what = what
        self.key = key


class SchemaMismatch(StoreError):
    """The database's schema revision is one this code does not know (newer, or foreign)."""


class BadURL(StoreError):
    """The database URL cannot be used: not a URL, or an unsupported kind of database."""


class NoDatabase(StoreError):
    """A database that does not exist (or holds no tracker schema) was opened to read."""
