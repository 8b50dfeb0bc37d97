"""The polling policy, as pure functions of (state, now): when to check a story next.

A fresh or changing story is checked often (`min_interval`, 2 minutes by default); each
check that finds nothing new stretches the interval (x`backoff`, 1.5) up to
`max_interval` (6 hours); a change snaps it back to the minimum. Failures back off on
their own curve (x`failure_backoff` per consecutive failure, honouring a server's
Retry-After) and after `max_failures` the story stops being checked until someone looks
(`tracker list` shows it as failing). A story quiet for `archive_after` (7 days) is
archived. Jitter (±`jitter`, 10%) keeps thousands of stories from aligning on one second.
A per-story `every` fixes the interval instead of adapting it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from tracker.config import Settings


@dataclass(frozen=True, slots=True)
class Policy:
    min_interval: float = 120.0
    max_interval: float = 6 * 3600.0
    backoff: float = 1.5
    jitter: float = 0.1
    failure_backoff: float = 2.0
    max_failures: int = 10
    archive_after: float = 7 * 86400.0

    @classmethod
    def from_settings(cls, settings: Settings) -> Policy:
        return cls(
            min_interval=settings.min_interval,
            max_interval=max(settings.max_interval, settings.min_interval),
            backoff=max(1.0, settings.backoff),
            jitter=min(max(settings.jitter, 0.0), 0.5),
            failure_backoff=max(1.0, settings.failure_backoff),
            max_failures=settings.max_failures,
            archive_after=settings.archive_after,
        )


@dataclass(frozen=True, slots=True)
class Next:
    """The scheduling state after a check: the interval that produced `at`, or `at` None
    when the story should not be checked again until someone intervenes."""

    interval: float
    at: datetime | None
    status: str  # "active" | "failing" | "archived"


def _jittered(interval: float, policy: Policy, rng: random.Random) -> float:
    if policy.jitter <= 0:
        return interval
    return interval * (1.0 + rng.uniform(-policy.jitter, policy.jitter))


def first_check(policy: Policy, now: datetime, every: float | None = None) -> Next:
    """A story just added: check it now, then at its base interval."""
    return Next(every or policy.min_interval, now, "active")


def after_change(policy: Policy, now: datetime, rng: random.Random, every: float | None = None) -> Next:
    interval = every or policy.min_interval
    return Next(interval, now + timedelta(seconds=_jittered(interval, policy, rng)), "active")


def after_unchanged(
    policy: Policy,
    interval: float,
    now: datetime,
    last_changed_at: datetime | None,
    rng: random.Random,
    every: float | None = None,
) -> Next:
    if last_changed_at is not None and (now - last_changed_at).total_seconds() >= policy.archive_after:
        return Next(interval, None, "archived")
    new_interval = every or min(policy.max_interval, max(policy.min_interval, interval * policy.backoff))
    return Next(new_interval, now + timedelta(seconds=_jittered(new_interval, policy, rng)), "active")


def after_failure(
    policy: Policy,
    interval: float,
    failures: int,
    now: datetime,
    rng: random.Random,
    retry_after: float | None = None,
    every: float | None = None,
) -> Next:
    """`failures` counts this one. The wait grows with each failure in a row, never below
    the story's own interval or what the server asked for, and never past `max_interval`:
    a Retry-After of 10**20 seconds or a date in 2098 is a server's mistake, not a reason
    to park a story for decades (or to overflow a datetime)."""
    if failures >= policy.max_failures:
        return Next(interval, None, "failing")
    base = every or policy.min_interval
    backoff = policy.failure_backoff ** min(max(0, failures - 1), 64)  # 2**64 is already past any cap
    wait = min(policy.max_interval, base * backoff)
    asked = retry_after if retry_after is not None and retry_after == retry_after else 0.0  # NaN is no wait
    wait = max(wait, min(max(asked, 0.0), policy.max_interval))
    return Next(interval, now + timedelta(seconds=_jittered(wait, policy, rng)), "active")
