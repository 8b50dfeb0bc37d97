"""The one place that wires tracker's parts together: settings -> store, fetcher, checker.

The CLI and the service both build their collaborators here, so there is exactly one
answer to "which database, which HTTP client, which clock". Everything imported here is
heavy (SQLAlchemy, httpx), which is why the modules that need to start fast never import
this one.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.config import Settings
from tracker.service.schedule import Policy

if TYPE_CHECKING:
    from storage import Store
    from tracker.fetch.client import Fetcher
    from tracker.fetch.workers import Extraction
    from tracker.service.check import Checker

log = logging.getLogger("tracker")


def open_store(settings: Settings, *, create: bool = False) -> Store:
    """The store of the configured database. Only commands that write something of the
    user's (add, alerts add, feed add, run, demo) pass `create=True`: any other command on a
    database that does not exist refuses in one line instead of creating an empty one."""
    from storage import Store
    from tracker.redact import redact_url

    url = settings.resolved_database_url()
    log.debug("database %s", redact_url(url))
    return Store.open(url, create=create)


@dataclass
class Runtime:
    """Everything a check needs, built once and closed together."""

    settings: Settings
    store: Store
    fetcher: Fetcher
    extraction: Extraction
    checker: Checker


def make_checker(
    settings: Settings, store: Store, fetcher: Fetcher, extraction: Extraction, rng: random.Random | None = None
) -> Checker:
    from tracker.service.check import Checker

    budget = settings.compare_budget
    return Checker(
        store=store,
        fetcher=fetcher,
        read_page=extraction.read,
        policy=Policy.from_settings(settings),
        rng=rng or random.Random(),
        # with worker processes, the diff engine runs there too, within compare_budget
        compare_within=(lambda old, new: extraction.compare(old, new, budget)) if extraction.workers > 0 else None,
    )


@contextmanager
def runtime(settings: Settings, *, workers: int = 0, store: Store | None = None) -> Iterator[Runtime]:
    """A store, an HTTP client, extraction (inline, or `workers` processes) and a checker."""
    from tracker.fetch.client import Fetcher
    from tracker.fetch.workers import Extraction

    own_store = store is None
    store = store or open_store(settings, create=True)
    fetcher = Fetcher(settings)
    extraction = Extraction(workers)
    rt = Runtime(settings, store, fetcher, extraction, make_checker(settings, store, fetcher, extraction))
    try:
        yield rt
    finally:
        extraction.close()
        fetcher.close()
        if own_store:
            store.close()
