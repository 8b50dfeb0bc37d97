"""`tracker run`: the background service that checks every story when it is due.

Each story's next check time lives in our own `stories` table, not in a job store, so a
restart resumes where it stopped and 30,000 stories cost one indexed query per tick.
APScheduler 3 runs a handful of jobs with fixed ids: `dispatch` (claim due stories and
hand them to the check pool), `feeds` (poll feeds, add their new articles), `alerts`
(turn change events into deliveries and send them) and `lease` (prove this is still the
one scheduler of this database). Checks run in a thread pool (fetching is I/O) within a
global limit and a per-host limit, so one slow site never holds back the rest;
extraction runs in worker processes (see workers.py). One check stays a plain function of
(story, now): `Checker.run`.

`Service.tick(now)` is one dispatch round with an explicit time; tests drive the service
through it with a controlled clock instead of sleeping through real intervals.
"""

from __future__ import annotations

import functools
import logging
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from tracker.errors import SchedulerBusy
from tracker.fetch.urls import host_of
from tracker.service import lease
from tracker.service.check import Outcome

if TYPE_CHECKING:
    from storage import Store
    from storage.rows import StoryRow
    from tracker.config import Settings
    from tracker.service.check import Checker

log = logging.getLogger("tracker.service")

LEASE = "scheduler"
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Stats:
    checks: int = 0
    changed: int = 0
    failed: int = 0
    lags: list[float] = field(default_factory=list)  # seconds between due and started

    def record(self, outcome: Outcome, lag: float) -> None:
        self.checks += 1
        self.changed += outcome.kind in ("first", "changed")
        self.failed += outcome.kind == "failed"
        if len(self.lags) < 1_000_000:
            self.lags.append(lag)


class StoreTrouble:
    """Back-off while the database refuses writes: 5 s, doubling to 5 minutes, reset on success.

    Thread-safe; `failed` returns the new pause only when it starts an outage or grows it,
    so the log says it once per step rather than once per story.
    """

    FIRST = 5.0
    LONGEST = 300.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pause = 0.0
        self._until = 0.0

    def paused(self, now: float) -> bool:
        with self._lock:
            return now < self._until

    def failed(self, now: float) -> float | None:
        with self._lock:
            if now < self._until:
                return None  # checks already in flight when the outage began
            self._pause = min(self.LONGEST, self._pause * 2) if self._pause else self.FIRST
            self._until = now + self._pause
            return self._pause

    def recovered(self) -> bool:
        with self._lock:
            was = self._pause > 0
            self._pause = 0.0
            self._until = 0.0
            return was


def _one_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = " ".join(str(orig).split())
    return f"{type(orig).__name__}: {text[:300]}" if text else type(orig).__name__


class Service:
    """Dispatches due checks within limits; owns the lease that makes it the only scheduler."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        checker: Checker,
        *,
        clock: Clock = utcnow,
        on_outcome: Callable[[Outcome], None] | None = None,
        extra_jobs: list[tuple[str, float, Callable[[datetime], Any]]] | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.checker = checker
        self.clock = clock
        self.on_outcome = on_outcome
        self.extra_jobs = extra_jobs or []
        self.holder = lease.new_holder()
        self.stats = Stats()
        self._pool = ThreadPoolExecutor(max_workers=max(1, settings.concurrency), thread_name_prefix="check")
        self._lock = threading.Lock()
        self._in_flight: dict[int, Future[Outcome]] = {}
        self._per_host: dict[str, int] = {}
        self._stopping = threading.Event()
        self._dispatching = threading.Lock()  # one dispatch round at a time
        self._backlog = False  # the last round left due stories waiting for room
        self._refilling = False  # refill from finished checks (when serving; tests tick by hand)
        # When the database refuses writes, a check's new schedule never reaches it and the
        # story would be due again at once: remember it here, and pause dispatching.
        self._deferred: dict[int, datetime] = {}
        self._store_trouble = StoreTrouble()
        self._failing_jobs: set[str] = set()

    # --- the lease: one scheduler per database ------------------------------------------------

    def _take_lease(self, ttl: float) -> bool:
        now = self.clock()
        if self.store.acquire_lease(LEASE, self.holder, now, ttl):
            return True
        holder = self.store.lease_holder(LEASE, now)
        if holder is None or not lease.is_dead(holder):
            return False
        log.warning("the scheduler lease is held by %s, which is no longer running: taking it over", holder)
        return self.store.acquire_lease(LEASE, self.holder, now, ttl, replacing=holder)

    def acquire(self, *, wait: bool = False, poll: float = 5.0) -> None:
        ttl = max(30.0, self.settings.tick * 10)
        while not self._take_lease(ttl):
            if not wait:
                raise SchedulerBusy(
                    "another `tracker run` is already checking stories on this database; stop it first, "
                    "or start this one with --wait to take over when it stops"
                )
            if self._stopping.wait(poll):
                raise SchedulerBusy("stopped while waiting for the other scheduler to finish")
        log.info("scheduler lease taken by %s", self.holder)

    def renew(self, now: datetime | None = None) -> bool:
        ttl = max(30.0, self.settings.tick * 10)
        ok = self.store.acquire_lease(LEASE, self.holder, now or self.clock(), ttl)
        if not ok:
            log.error("lost the scheduler lease to another process: stopping")
            self._stopping.set()
        return bool(ok)

    def release(self) -> None:
        try:
            self.store.release_lease(LEASE, self.holder)
        except Exception:  # the database may be gone on shutdown; the lease expires on its own
            log.warning("could not release the scheduler lease", exc_info=True)

    # --- dispatch ---------------------------------------------------------------------------

    def tick(self, now: datetime | None = None) -> list[Future[Outcome]]:
        """Start checks of every story due at `now`, within the limits. Returns their futures."""
        if self._stopping.is_set():
            return []
        with self._dispatching:
            return self._dispatch(now or self.clock())

    def _dispatch(self, now: datetime) -> list[Future[Outcome]]:
        if self._store_trouble.paused(time.monotonic()):
            return []
        with self._lock:
            free = self.settings.concurrency - len(self._in_flight)
            deferred = {sid for sid, until in self._deferred.items() if until > now}
            self._deferred = {sid: self._deferred[sid] for sid in deferred}
        if free <= 0:
            return []
        due = self.store.due_stories(now, limit=free + len(self._in_flight) + len(deferred) + 50)
        due = [story for story in due if story.id not in deferred]
        self._backlog = len(due) > free
        started: list[Future[Outcome]] = []
        with self._lock:
            for story in due:
                if len(self._in_flight) >= self.settings.concurrency:
                    break
                if story.id in self._in_flight:
                    continue
                host = host_of(story.url)
                if self._per_host.get(host, 0) >= self.settings.per_host:
                    continue  # this host is busy; the story stays due for the next tick
                self._per_host[host] = self._per_host.get(host, 0) + 1
                future = self._pool.submit(self._run, story, now, host)
                self._in_flight[story.id] = future
                started.append(future)
        return started

    def _run(self, story: StoryRow, now: datetime, host: str) -> Outcome:
        try:
            started = self.clock()
            try:
                outcome = self.checker.run(story, started)
            except Exception:  # Checker.run returns failures; anything raised is a bug: log it, go on
                log.exception("the check of story %s (%s) crashed", story.id, story.url)
                outcome = Outcome(
                    story.id, story.url, "failed", error="the check crashed (see the log)", recorded=False
                )
            self._after_check(story, outcome, started)
            lag = (started - story.next_check_at).total_seconds() if story.next_check_at else 0.0
            self.stats.record(outcome, max(0.0, lag))
            log.info(
                outcome.line(),
                extra={"story": story.id, "outcome": outcome.kind, "duration_ms": round(outcome.duration * 1000, 1)},
            )
            if self.on_outcome is not None:
                self.on_outcome(outcome)
            return outcome
        finally:
            with self._lock:
                self._in_flight.pop(story.id, None)
                self._per_host[host] -= 1
                if not self._per_host[host]:
                    del self._per_host[host]
                refill = self._backlog and len(self._in_flight) <= self.settings.concurrency // 2
            if refill and self._refilling and not self._stopping.is_set() and self._dispatching.acquire(blocking=False):
                # more stories were due than there was room for: start the next ones now
                # rather than at the next tick, so throughput is not capped by the tick
                try:
                    self._dispatch(self.clock())
                finally:
                    self._dispatching.release()

    def _after_check(self, story: StoryRow, outcome: Outcome, started: datetime) -> None:
        """Keep a story whose check was not recorded from being re-fetched every tick."""
        if outcome.recorded:
            if self._store_trouble.recovered():
                log.warning("the database records checks again; checking resumes")
            return
        retry = outcome.next_check_at or started + timedelta(seconds=self.checker.policy.min_interval)
        with self._lock:
            self._deferred[story.id] = max(retry, started + timedelta(seconds=self.checker.policy.min_interval))
        if outcome.error and outcome.error.startswith("the database refused"):
            pause = self._store_trouble.failed(time.monotonic())
            if pause is not None:
                log.error("%s; pausing all checks for %.0fs (said once until it recovers)", outcome.error, pause)

    def drain(self, timeout: float | None = None) -> None:
        """Wait for the checks in flight to finish."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with self._lock:
                futures = list(self._in_flight.values())
            if not futures:
                return
            for f in futures:
                remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
                try:
                    f.result(timeout=remaining)
                except Exception:
                    log.exception("a check crashed")
            if deadline is not None and time.monotonic() >= deadline:
                return

    def run_once(self, now: datetime | None = None) -> list[Outcome]:
        """Check everything due now and return when done (`tracker run --once`)."""
        now = now or self.clock()
        outcomes: list[Outcome] = []
        while True:
            futures = self.tick(now)
            if not futures:
                self.drain()
                return outcomes
            for f in futures:
                outcomes.append(f.result())

    # --- running ----------------------------------------------------------------------------

    def serve(self, *, until: Callable[[], bool] | None = None) -> None:
        """Run until SIGTERM/SIGINT (or `until()` is true): tick, renew the lease, run extra jobs."""
        from apscheduler.schedulers.background import BackgroundScheduler

        # A dispatch tick still running when the next is due is normal under load, not a warning.
        logging.getLogger("apscheduler.scheduler").setLevel(logging.ERROR)
        scheduler = BackgroundScheduler(timezone=UTC, job_defaults={"coalesce": True, "max_instances": 1})
        scheduler.add_job(
            self.guarded("dispatch", lambda: self.tick()),
            "interval",
            seconds=self.settings.tick,
            id="dispatch",
            next_run_time=datetime.now(UTC),
        )
        scheduler.add_job(
            self.guarded("lease", lambda: self.renew()),
            "interval",
            seconds=max(5.0, self.settings.tick * 3),
            id="lease",
        )
        for job_id, every, job in self.extra_jobs:
            scheduler.add_job(
                self.guarded(job_id, functools.partial(self._run_job, job)),
                "interval",
                seconds=every,
                id=job_id,
                next_run_time=datetime.now(UTC),
            )
        previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
        if threading.current_thread() is threading.main_thread():
            for sig in previous:
                signal.signal(sig, lambda *_: self.stop())
        self._refilling = True
        scheduler.start()
        log.info(
            "tracker run: checking due stories every %ss (%s at a time, %s per host)",
            self.settings.tick,
            self.settings.concurrency,
            self.settings.per_host,
        )
        try:
            while not self._stopping.wait(0.2):
                if until is not None and until():
                    break
        finally:
            log.info("stopping: finishing %d check(s) in flight", len(self._in_flight))
            scheduler.shutdown(wait=True)
            self._finish_or_abandon()
            self.release()
            if threading.current_thread() is threading.main_thread():
                for sig, handler in previous.items():
                    signal.signal(sig, handler)
            log.info(
                "stopped after %d checks (%d changed, %d failed)",
                self.stats.checks,
                self.stats.changed,
                self.stats.failed,
            )

    def _finish_or_abandon(self) -> None:
        """Let checks in flight finish for `shutdown_grace` seconds, then give up their fetches.

        A version is stored in one transaction, so a check either stored all of it or
        nothing; an abandoned fetch records nothing and its story stays due for the next
        start. The pool's threads are not waited for past that: a worker stuck in an
        extraction must not keep the service from stopping."""
        grace = max(0.0, self.settings.shutdown_grace)
        self.drain(timeout=grace)
        with self._lock:
            left = len(self._in_flight)
        if left:
            log.warning("abandoning %d check(s) still running after %.0fs (shutdown_grace)", left, grace)
            fetcher = getattr(self.checker, "fetcher", None)
            if fetcher is not None:
                fetcher.cancel()
            self.drain(timeout=5.0)  # cancelled fetches end within a fraction of a second
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _run_job(self, job: Callable[[datetime], Any]) -> None:
        job(self.clock())

    def stop(self) -> None:
        self._stopping.set()

    @property
    def stopping(self) -> bool:
        """True once SIGTERM (or `stop`) asked the service to end; long jobs look at it."""
        return self._stopping.is_set()

    def guarded(self, name: str, fn: Callable[[], Any]) -> Callable[[], None]:
        """A job that never kills the scheduler thread, and logs one line per outage: a
        database down for 30 s would otherwise print a 40-line traceback per job per tick."""

        def job() -> None:
            try:
                fn()
            except Exception as exc:
                if name not in self._failing_jobs:
                    self._failing_jobs.add(name)
                    log.error("job %r failed: %s (said once until it works again)", name, _one_line(exc))
                log.debug("job %r failed", name, exc_info=True)
            else:
                if name in self._failing_jobs:
                    self._failing_jobs.discard(name)
                    log.warning("job %r works again", name)

        return job

    def close(self) -> None:
        self._pool.shutdown(wait=True)
