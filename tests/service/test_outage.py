"""A PostgreSQL outage, for real: the service's database refuses connections for a while.

The database is made to refuse (ALLOW_CONNECTIONS false, its sessions ended) and then to
accept again, on the shared test server without stopping it. Each scheduled job must
say it failed once per outage, with its name and no traceback, and say when it works again.
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime

import psycopg
import pytest

from storage import Store
from tests.fixtures.databases import PG_ADMIN, _create_pg_database, _drop_pg_database, _pg_url
from tracker.config import Settings
from tracker.fetch.client import Fetcher
from tracker.fetch.workers import read_page
from tracker.service.check import Checker
from tracker.service.run import Service
from tracker.service.schedule import Policy


def _refuse(name: str, refuse: bool) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS {"false" if refuse else "true"}')
        if refuse:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))


@pytest.mark.postgres
def test_an_outage_is_one_line_per_job_and_its_end_is_said(pg_server: str, caplog: pytest.LogCaptureFixture) -> None:
    name = _create_pg_database()
    store = Store.open(_pg_url(name).replace("postgresql://", "postgresql+psycopg://"))
    settings = Settings(allow_private_networks=True, retries=0)
    fetcher = Fetcher(settings)
    checker = Checker(store, fetcher, read_page, Policy.from_settings(settings), random.Random(1))
    service = Service(settings, store, checker)
    dispatch = service.guarded("dispatch", lambda: service.tick(datetime.now(UTC)))
    try:
        caplog.set_level(logging.DEBUG, logger="tracker")
        dispatch()  # works
        _refuse(name, True)
        for _ in range(10):  # ten ticks into the outage
            dispatch()
        _refuse(name, False)
        dispatch()  # the pool reconnects
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert len(errors) == 1 and "job 'dispatch' failed" in errors[0].getMessage()
        assert errors[0].exc_info is None  # one line, no 40-line traceback
        assert any("job 'dispatch' works again" in r.getMessage() for r in caplog.records)
    finally:
        _refuse(name, False)
        service.close()
        fetcher.close()
        store.close()
        _drop_pg_database(name)
