"""One deadline per fetch, against a real server that sends its status line a byte at a time.

httpx's read timeout restarts with every byte, so only a deadline on the whole fetch (all
tries, headers included) bounds such a server; and a shutdown must be able to give up a
fetch in flight. The bounds asserted here are the deadline's contract, not speed targets.
"""

from __future__ import annotations

import random
import threading
import time
from datetime import UTC, datetime

import pytest

from storage import Store
from tests.fixtures.trickle import Trickle
from tracker.config import Settings
from tracker.errors import Abandoned, FetchTimeout
from tracker.fetch.client import Fetcher
from tracker.fetch.workers import read_page
from tracker.service.check import Checker
from tracker.service.schedule import Policy

SETTINGS = Settings(allow_private_networks=True, connect_timeout=1, read_timeout=1, total_timeout=1.5, retries=3)


def test_a_status_line_at_one_byte_a_tick_is_cut_at_the_total_timeout(trickle: Trickle) -> None:
    with Fetcher(SETTINGS, sleep=lambda s: None) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchTimeout, match=r"whole fetch took longer than 1\.5s"):
            fetcher.get(trickle.url)
        elapsed = time.monotonic() - started
    assert elapsed < SETTINGS.total_timeout + 1.0  # each byte came within read_timeout: only the deadline ends it
    assert trickle.connections == 1  # the retries share the deadline: none is left for a second try


def test_cancel_gives_up_a_fetch_in_flight(trickle: Trickle) -> None:
    slow = SETTINGS.replace(total_timeout=30, read_timeout=30)
    with Fetcher(slow, sleep=lambda s: None) as fetcher:
        errors: list[BaseException] = []

        def fetch() -> None:
            try:
                fetcher.get(trickle.url)
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=fetch)
        thread.start()
        time.sleep(0.5)
        fetcher.cancel()
        thread.join(5)
        assert not thread.is_alive()
    assert len(errors) == 1 and isinstance(errors[0], Abandoned)
    assert trickle.connections == 1  # an abandoned fetch is not retried


def test_an_abandoned_check_records_nothing(trickle: Trickle, store: Store) -> None:
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    row, _ = store.add_story(trickle.url, now, interval_seconds=120, next_check_at=now)
    slow = SETTINGS.replace(total_timeout=30, read_timeout=30)
    with Fetcher(slow, sleep=lambda s: None) as fetcher:
        checker = Checker(store, fetcher, read_page, Policy(jitter=0), random.Random(1))
        threading.Timer(0.5, fetcher.cancel).start()
        outcome = checker.run(row, now)
    assert outcome.kind == "abandoned"
    after = store.get_story(row.id)
    assert after.consecutive_failures == 0 and after.last_error is None
    assert after.next_check_at == now and after.latest_seq == 0  # still due at the next start
