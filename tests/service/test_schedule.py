"""The polling policy (tracker.service.schedule): pure functions of state and time."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tracker.config import Settings
from tracker.service.schedule import Policy, after_change, after_failure, after_unchanged, first_check

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
EXACT = Policy(jitter=0.0)


def test_backs_off_by_the_factor_up_to_the_maximum_and_snaps_back() -> None:
    rng = random.Random(1)
    interval = EXACT.min_interval
    seen = []
    for _ in range(30):
        nxt = after_unchanged(EXACT, interval, NOW, NOW, rng)
        seen.append(nxt.interval)
        interval = nxt.interval
    assert seen[0] == 180.0  # 120 s x 1.5
    assert seen[1] == 270.0
    assert seen[-1] == EXACT.max_interval
    assert all(b >= a for a, b in itertools.pairwise(seen))
    assert after_change(EXACT, NOW, rng).interval == EXACT.min_interval


def test_fixed_interval_per_story() -> None:
    rng = random.Random(1)
    nxt = after_unchanged(EXACT, 300, NOW, NOW, rng, every=300)
    assert nxt.interval == 300 and nxt.at == NOW + timedelta(seconds=300)
    assert first_check(EXACT, NOW, every=300).at == NOW


def test_archived_after_a_quiet_period() -> None:
    quiet_since = NOW - timedelta(seconds=EXACT.archive_after + 1)
    nxt = after_unchanged(EXACT, 3600, NOW, quiet_since, random.Random(1))
    assert nxt.status == "archived" and nxt.at is None


def test_failures_back_off_honour_retry_after_and_stop() -> None:
    rng = random.Random(1)
    waits = [(after_failure(EXACT, 120, n, NOW, rng).at - NOW).total_seconds() for n in range(1, 5)]  # type: ignore[operator]
    assert waits == [120, 240, 480, 960]
    slow = after_failure(EXACT, 120, 1, NOW, rng, retry_after=3000)
    assert slow.at == NOW + timedelta(seconds=3000)
    stopped = after_failure(EXACT, 120, EXACT.max_failures, NOW, rng)
    assert stopped.status == "failing" and stopped.at is None


@given(st.floats(min_value=1, max_value=100_000), st.integers(min_value=0, max_value=2**32))
def test_jitter_stays_within_its_bounds(interval: float, seed: int) -> None:
    policy = Policy(jitter=0.1, min_interval=1, max_interval=1e9)
    nxt = after_change(policy, NOW, random.Random(seed), every=interval)
    delay = (nxt.at - NOW).total_seconds()  # type: ignore[operator]
    assert interval * 0.9 - 1e-6 <= delay <= interval * 1.1 + 1e-6


def test_policy_from_settings_clamps_nonsense() -> None:
    policy = Policy.from_settings(Settings(min_interval=600, max_interval=60, backoff=0.5, jitter=3))
    assert policy.max_interval == 600 and policy.backoff == 1.0 and policy.jitter == 0.5


@given(
    st.one_of(st.none(), st.just(float("nan")), st.floats(min_value=0, allow_infinity=True)),
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=0, max_value=2**32),
)
def test_a_failure_never_waits_past_max_interval_whatever_the_server_asks(
    retry_after: float | None, failures: int, seed: int
) -> None:
    policy = Policy(jitter=0.1, min_interval=120, max_interval=6 * 3600)
    nxt = after_failure(policy, 120, failures, NOW, random.Random(seed), retry_after=retry_after)
    assert nxt.at is not None
    assert 0 < (nxt.at - NOW).total_seconds() <= policy.max_interval * 1.1 + 1e-6


def test_a_far_retry_after_is_capped_at_max_interval() -> None:
    capped = after_failure(EXACT, 120, 1, NOW, random.Random(1), retry_after=1e20)
    assert capped.at == NOW + timedelta(seconds=EXACT.max_interval)
