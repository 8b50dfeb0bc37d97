"""The service against a real local server with a controlled clock (tests never sleep through intervals)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from seeds import load_stories
from storage import Store
from tests.fixtures.pages import PARAS, page
from tests.fixtures.trickle import Trickle
from tests.fixtures.web import Reply, Web, html
from tracker.config import Settings
from tracker.demo.server import SeedServer
from tracker.errors import SchedulerBusy
from tracker.fetch.client import Fetcher
from tracker.fetch.workers import read_page
from tracker.service.check import Checker
from tracker.service.run import Service
from tracker.service.schedule import Policy

T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


def revision(n: int) -> str:
    """Revision n of a story: the rescue count grows by 5 each time."""
    return page([PARAS[0], PARAS[1].replace("14", str(14 + 5 * n)), *PARAS[2:]])


@pytest.fixture
def settings() -> Settings:
    return Settings(
        allow_private_networks=True,
        read_timeout=0.5,
        total_timeout=3,
        retries=0,
        jitter=0.0,
        min_interval=60,
        max_interval=600,
        backoff=1.5,
        concurrency=4,
        per_host=2,
        tick=1,
    )


def make_service(settings: Settings, store: Store, clock: Clock) -> tuple[Service, Fetcher]:
    fetcher = Fetcher(settings, sleep=lambda s: None)
    checker = Checker(store, fetcher, read_page, Policy.from_settings(settings), random.Random(1))
    return Service(settings, store, checker, clock=clock), fetcher


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def service(settings: Settings, store: Store, clock: Clock) -> Iterator[Service]:
    svc, fetcher = make_service(settings, store, clock)
    yield svc
    svc.close()
    fetcher.close()


def run_due(service: Service, clock: Clock) -> list[str]:
    outcomes = service.run_once(clock())
    return sorted(o.kind for o in outcomes)


def test_versions_in_order_with_reports_and_adaptive_intervals(
    web: Web, store: Store, service: Service, clock: Clock
) -> None:
    current = {"n": 0}
    url = web.route("/story", lambda headers: html(revision(current["n"])))
    row, _ = store.add_story(url, T0, interval_seconds=60, next_check_at=T0)
    assert run_due(service, clock) == ["first"]
    intervals = []
    for _ in range(3):  # nothing changes: 60 -> 90 -> 135 -> 202.5
        clock.advance(store.get_story(row.id).interval_seconds + 1)
        assert run_due(service, clock) == ["unchanged"]
        intervals.append(store.get_story(row.id).interval_seconds)
    assert intervals == [90.0, 135.0, 202.5]
    clock.advance(10)
    assert run_due(service, clock) == []  # not due yet: nothing is checked early
    for n in (1, 2):
        current["n"] = n
        clock.advance(store.get_story(row.id).interval_seconds + 1)
        assert run_due(service, clock) == ["changed"]
        assert store.get_story(row.id).interval_seconds == 60.0  # snaps back on a change
    seqs = [v.seq for v in store.list_versions(row.id)]
    assert seqs == [1, 2, 3]
    for seq, (old, new) in zip((2, 3), ((14, 19), (19, 24)), strict=True):
        change = store.get_change(row.id, seq)
        assert change is not None
        assert [(f["old"]["value"], f["new"]["value"]) for f in change.report["figures"]] == [(old, new)]


def test_the_seed_stories_replayed_through_the_service(
    seed_server: SeedServer, store: Store, service: Service, clock: Clock
) -> None:
    """Every revision of every seed story, served by the seed server, becomes a version in
    order (boilerplate-only revisions none), each with the figure changes its answer key lists."""
    stories = load_stories()
    rows = {}
    for s in stories:
        row, _ = store.add_story(seed_server.story_url(s.slug), clock(), interval_seconds=60, next_check_at=clock())
        rows[s.slug] = row.id
    for _ in range(max(len(s.revisions) for s in stories)):
        outcomes = run_due(service, clock)
        assert len(outcomes) == len(stories) and set(outcomes) <= {"first", "changed", "unchanged", "not_modified"}
        seed_server.advance()
        clock.advance(601)  # past the longest interval: everything is due again
    for s in stories:
        seq_of = {1: 1}  # revision -> version: a boilerplate-only revision stores no version
        for c in s.changes:
            seq_of[c["to"]] = seq_of[c["from"]] + (0 if c.get("noise_only") else 1)
        versions = store.list_versions(rows[s.slug])
        assert [v.seq for v in versions] == list(range(1, seq_of[len(s.revisions)] + 1)), s.slug
        for gold in s.changes:
            if gold.get("noise_only"):
                continue
            change = store.get_change(rows[s.slug], seq_of[gold["to"]])
            assert change is not None
            figures = [f for f in change.report["figures"] if f["old"] and f["new"]]  # not the new or dropped ones
            found = sorted((f["old"]["value"], f["new"]["value"]) for f in figures)
            assert found == sorted((g["old"], g["new"]) for g in gold.get("figures", [])), (s.slug, gold["to"])


def test_a_slow_host_backs_off_without_delaying_others(
    web: Web, store: Store, settings: Settings, clock: Clock
) -> None:
    service, fetcher = make_service(settings.replace(concurrency=6, per_host=2), store, clock)
    slow = Web().start()
    try:
        slow_urls = [
            slow.route(f"/s{i}", Reply(200, revision(0), {"Content-Type": "text/html"}, delay=1.5)) for i in range(3)
        ]
        fast_urls = [web.route(f"/f{i}", html(revision(0))) for i in range(2)]
        for url in slow_urls + fast_urls:
            store.add_story(url, T0, interval_seconds=60, next_check_at=T0)
        futures = service.tick(clock())
        started = sorted(f.result().url.rsplit("/", 1)[1] for f in futures if "/f" in f.result().url)
        # the slow host gets two checks at a time (per-host limit); the fast host is not held back
        assert started == ["f0", "f1"]
        slow_futures = [f for f in futures if "/s" in f.result().url]
        assert len(slow_futures) == 2
        service.drain()
        service.run_once(clock())  # the third slow story, now that the host has room
        for url in slow_urls:
            row = store.find_story(url)
            assert row is not None and row.consecutive_failures == 1 and "timed out" in (row.last_error or "")
            assert row.next_check_at is not None and row.next_check_at > clock()  # backed off
        for url in fast_urls:
            row = store.find_story(url)
            assert row is not None and row.latest_seq == 1 and row.consecutive_failures == 0
    finally:
        slow.stop()
        service.close()
        fetcher.close()


def test_restart_resumes_without_duplicates_or_lost_checks(
    web: Web, database_url: str, settings: Settings, clock: Clock
) -> None:
    current = {"n": 0}
    urls = [web.route(f"/r{i}", lambda headers: html(revision(current["n"]))) for i in range(3)]
    store = Store.open(database_url)
    for url in urls:
        store.add_story(url, T0, interval_seconds=60, next_check_at=T0)
    first, fetcher = make_service(settings, store, clock)
    assert run_due(first, clock) == ["first"] * 3
    first.close()
    fetcher.close()
    store.close()

    current["n"] = 1
    clock.advance(120)
    store = Store.open(database_url)  # a new process, as after a restart
    second, fetcher = make_service(settings, store, clock)
    try:
        assert run_due(second, clock) == ["changed"] * 3
        assert run_due(second, clock) == []  # nothing is checked twice
        for url in urls:
            row = store.find_story(url)
            assert row is not None and [v.seq for v in store.list_versions(row.id)] == [1, 2]
    finally:
        second.close()
        fetcher.close()
        store.close()


def test_only_one_scheduler_per_database(store: Store, settings: Settings, clock: Clock) -> None:
    a, fa = make_service(settings, store, clock)
    b, fb = make_service(settings, store, clock)
    try:
        a.acquire()
        with pytest.raises(SchedulerBusy, match="already checking"):
            b.acquire()
        a.release()
        b.acquire()  # the lease is free again
    finally:
        for s, f in ((a, fa), (b, fb)):
            s.close()
            f.close()


def _tracker(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_sigterm_finishes_checks_in_flight_and_a_second_run_refuses(web: Web, tmp_path: Path) -> None:
    for i in range(4):
        web.route(f"/slow{i}", Reply(200, revision(i), {"Content-Type": "text/html"}, delay=0.8))
    db = f"sqlite:///{tmp_path / 't.db'}"
    env = {**os.environ, "TRACKER_DATABASE_URL": db, "TRACKER_ALLOW_PRIVATE_NETWORKS": "1", "TRACKER_TICK": "0.2"}
    add = subprocess.run(
        [sys.executable, "-m", "tracker", "add", *[web.url(f"/slow{i}") for i in range(4)]],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(add.stdout.splitlines()) == 4
    run = _tracker("run", "--workers", "0", env=env)
    try:
        deadline = time.monotonic() + 20
        while sum(web.hits[f"/slow{i}"] for i in range(4)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # wait (in real time) until checks are in flight
        second = subprocess.run(
            [sys.executable, "-m", "tracker", "run", "--once"], env=env, capture_output=True, text=True, timeout=30
        )
        assert second.returncode == 1 and "already checking" in second.stderr
        run.send_signal(signal.SIGTERM)
        _, err = run.communicate(timeout=30)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, err
    assert "stopping: finishing" in err
    store = Store.open(db)
    try:
        for s in store.list_stories():
            versions = store.list_versions(s.id)
            assert len(versions) == s.latest_seq  # no partial version: count and state agree
        events = store.events_after(0)
        assert len(events) == sum(s.latest_seq for s in store.list_stories())
        assert store.lease_holder("scheduler", datetime.now(UTC)) is None  # released on the way out
    finally:
        store.close()


def test_a_database_that_refuses_writes_pauses_checks_instead_of_refetching_every_tick(
    web: Web, tmp_path: Path, settings: Settings, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    """A read-only SQLite database (opened mode=ro: refused even for root): each due story is
    fetched once, then the dispatcher pauses and says so in one line, not one per story."""
    path = tmp_path / "ro.db"
    with Store.open(f"sqlite:///{path}") as writable:
        urls = [web.route(f"/ro{n}", html(revision(n))) for n in range(3)]
        for url in urls:
            writable.add_story(url, T0, interval_seconds=60, next_check_at=T0)
    readonly = Store.open(f"sqlite:///file:{path}?mode=ro&uri=true")
    svc, fetcher = make_service(settings, readonly, clock)
    try:
        caplog.set_level("ERROR", logger="tracker")
        for _ in range(11):
            for future in svc.tick(clock()):
                outcome = future.result()
                assert outcome.kind == "failed" and not outcome.recorded
                assert "readonly" in (outcome.error or "").replace("-", "").replace(" ", "")
            clock.advance(1)
        assert web.hits and max(web.hits.values()) == 1  # at most once per story, not once per tick
        refused = [r for r in caplog.records if "database refused" in r.getMessage()]
        assert len(refused) == 1 and "pausing all checks" in refused[0].getMessage()
        assert all(r.exc_info is None for r in caplog.records)  # no tracebacks
    finally:
        svc.close()
        fetcher.close()
        readonly.close()


def test_a_check_that_raises_is_logged_and_its_story_not_rechecked_every_tick(
    web: Web, store: Store, settings: Settings, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    url = web.route("/boom", html(revision(0)))
    store.add_story(url, T0, interval_seconds=60, next_check_at=T0)
    svc, fetcher = make_service(settings, store, clock)

    def broken(story: object, now: datetime) -> None:
        raise OverflowError("date value out of range")

    svc.checker.run = broken  # type: ignore[assignment,method-assign]
    try:
        for _ in range(5):
            for future in svc.tick(clock()):
                assert future.result().kind == "failed"
            clock.advance(1)
        crashed = [r for r in caplog.records if r.getMessage().startswith("the check of story")]
        assert len(crashed) == 1 and crashed[0].exc_info is not None  # logged, with its traceback
    finally:
        svc.close()
        fetcher.close()


def test_after_kill_9_the_dead_schedulers_lease_does_not_block_a_restart(web: Web, tmp_path: Path) -> None:
    web.route("/k", html(revision(0)))
    db = f"sqlite:///{tmp_path / 'k.db'}"
    env = {**os.environ, "TRACKER_DATABASE_URL": db, "TRACKER_ALLOW_PRIVATE_NETWORKS": "1", "TRACKER_TICK": "0.2"}
    subprocess.run([sys.executable, "-m", "tracker", "add", web.url("/k")], env=env, check=True, capture_output=True)
    run = _tracker("run", "--workers", "0", env=env)
    store = Store.open(db)
    try:
        deadline = time.monotonic() + 20
        while store.lease_holder("scheduler", datetime.now(UTC)) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        holder = store.lease_holder("scheduler", datetime.now(UTC))
        assert holder is not None and f":{run.pid}:" in holder
        run.kill()  # SIGKILL: no chance to release the lease; left a zombie until reaped below
        time.sleep(0.2)
        status = subprocess.run(
            [sys.executable, "-m", "tracker", "status"], env=env, capture_output=True, text=True, timeout=30
        )
        assert "not running" in status.stdout and "died" in status.stdout
        run.wait(10)
        again = subprocess.run(
            [sys.executable, "-m", "tracker", "run", "--once"], env=env, capture_output=True, text=True, timeout=30
        )
        assert again.returncode == 0, again.stderr  # not "already checking": the lease was stale at once
        assert "no longer running: taking it over" in again.stderr
    finally:
        if run.poll() is None:
            run.kill()
        store.close()


def _children(pid: int) -> set[int]:
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid) and not fields.get("State", "").startswith("Z"):
            found.add(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in state


def test_kill_9_of_the_service_leaves_no_extraction_worker_or_resource_tracker(web: Web, tmp_path: Path) -> None:
    for n in range(3):
        web.route(f"/w{n}", html(revision(n)))
    db = f"sqlite:///{tmp_path / 'w.db'}"
    env = {**os.environ, "TRACKER_DATABASE_URL": db, "TRACKER_ALLOW_PRIVATE_NETWORKS": "1", "TRACKER_TICK": "0.2"}
    subprocess.run(
        [sys.executable, "-m", "tracker", "add", *[web.url(f"/w{n}") for n in range(3)]],
        env=env,
        check=True,
        capture_output=True,
    )
    run = _tracker("run", "--workers", "2", env=env)
    try:
        deadline = time.monotonic() + 30
        children: set[int] = set()
        while time.monotonic() < deadline:  # until the pool has extracted the first versions
            children = _children(run.pid)
            with Store.open(db) as store:
                stored = sum(s.latest_seq for s in store.list_stories())
            if stored >= 3 and len(children) >= 3:  # two workers and the resource tracker
                break
            time.sleep(0.1)
        assert stored >= 3 and len(children) >= 3, children
        run.kill()
        run.wait(10)
        deadline = time.monotonic() + 15
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [c for c in children if _alive(c)] == []
    finally:
        if run.poll() is None:
            run.kill()


def test_sigterm_with_a_stalled_page_stops_after_the_grace_and_records_nothing(
    trickle: Trickle, tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'g.db'}"
    env = {
        **os.environ,
        "TRACKER_DATABASE_URL": db,
        "TRACKER_ALLOW_PRIVATE_NETWORKS": "1",
        "TRACKER_TICK": "0.2",
        "TRACKER_SHUTDOWN_GRACE": "1",
        "TRACKER_READ_TIMEOUT": "60",
        "TRACKER_TOTAL_TIMEOUT": "120",
    }
    subprocess.run([sys.executable, "-m", "tracker", "add", trickle.url], env=env, check=True, capture_output=True)
    run = _tracker("run", "--workers", "0", env=env)
    try:
        deadline = time.monotonic() + 20
        while trickle.connections == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert trickle.connections == 1
        run.send_signal(signal.SIGTERM)
        _, err = run.communicate(timeout=30)  # the page would take minutes; the grace is 1 s
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 0, err
    assert "abandoning 1 check(s) still running after 1s" in err
    with Store.open(db) as store:
        (story,) = store.list_stories()
        assert story.latest_seq == 0 and story.consecutive_failures == 0 and story.last_error is None
        assert store.lease_holder("scheduler", datetime.now(UTC)) is None
