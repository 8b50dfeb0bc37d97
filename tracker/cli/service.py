"""`tracker run`, `tracker status` and `tracker demo`: the background service."""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.cli.common import SubParsers, common_options, dump_json, format_option, settings_of, table, when

if TYPE_CHECKING:
    from storage import Store
    from tracker.config import Settings
    from tracker.service.bootstrap import Runtime
    from tracker.service.run import Service

log = logging.getLogger("tracker")


def register(sub: SubParsers) -> None:
    common = common_options()
    p = sub.add_parser(
        "run",
        parents=[common],
        help="run the service: check every story when it is due",
        description="Check every story on its adaptive schedule, poll feeds, and send alerts, "
        "until SIGTERM or Ctrl-C (checks in flight finish first). One scheduler per database: "
        "a second `tracker run` on the same database says so and exits (or waits, --wait).",
    )
    p.add_argument("--once", action="store_true", help="check what is due, send alerts, and exit (for cron)")
    p.add_argument("--wait", action="store_true", help="wait for another running scheduler to stop, then take over")
    p.add_argument(
        "--workers", type=int, help="extraction processes (default: the `workers` setting, 0 = one per core)"
    )
    p.add_argument("--log-format", choices=("plain", "json"), help="log lines as text or JSON (default: plain)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser(
        "status",
        parents=[common],
        help="what is due, what failed, what changed recently",
        description="A summary of the tracker: stories by status, what is due, stories whose checks "
        "fail (with the error), recent changes, alert deliveries waiting or failed, and whether a "
        "scheduler is running on this database.",
    )
    p.add_argument("--since", default="24h", help="recent changes from this far back (default: 24h)")
    format_option(p)
    p.set_defaults(func=cmd_status)

    p = sub.add_parser(
        "demo",
        parents=[common],
        help="watch tracker follow the sample stories (about a minute)",
        description="Starts the local seed server (sample developing stories that change every few "
        "seconds), tracks them on a fresh SQLite database, runs the service, and prints each change "
        "report as it arrives; the web app serves the same database meanwhile.",
    )
    p.add_argument("--seconds", type=float, default=60.0, help="how long to run (default: 60)")
    p.add_argument(
        "--every", type=float, default=6.0, help="seconds between revisions of the seed stories (default: 6)"
    )
    p.add_argument("--keep", type=Path, metavar="DIR", help="keep the demo database in this directory")
    p.add_argument(
        "--web-port",
        type=int,
        default=8080,
        metavar="PORT",
        help="serve the web app on 127.0.0.1:PORT while the demo runs (default: 8080, or any free port "
        "when it is taken; -1: no web app)",
    )
    p.set_defaults(func=cmd_demo)


def build_service(settings: Settings, rt: Runtime, clock: Callable[[], datetime] | None = None) -> Service:
    from tracker.alerts.outbox import fan_out, send_due
    from tracker.service.feedjob import poll_due_feeds
    from tracker.service.run import Service, utcnow
    from tracker.service.schedule import Policy

    clock = clock or utcnow
    policy = Policy.from_settings(settings)
    rng = random.Random()

    def feeds(now: datetime) -> None:
        poll_due_feeds(rt.store, rt.fetcher, policy, now, rng)

    def alerts(now: datetime) -> None:
        fan_out(rt.store, now)
        # a stalled mail server must not keep SIGTERM waiting: stop sending when the service stops
        send_due(rt.store, settings, clock, stop=lambda: service.stopping)

    jobs: list[tuple[str, float, Callable[[datetime], Any]]] = [("feeds", 30.0, feeds), ("alerts", 5.0, alerts)]
    if settings.raw_retention > 0:
        from tracker.service.retention import EVERY, drop_old_pages

        jobs.append(("retention", EVERY, lambda now: drop_old_pages(rt.store, settings.raw_retention, now)))
    service = Service(settings, rt.store, rt.checker, clock=clock, extra_jobs=jobs)
    return service


def cmd_run(args: argparse.Namespace) -> int:
    from tracker.fetch.workers import Extraction
    from tracker.service.bootstrap import runtime

    settings = settings_of(args)
    if args.log_format:
        settings = settings.replace(log_format=args.log_format)
        from tracker.logs import configure

        configure(settings, logging.DEBUG if args.verbose >= 2 else logging.INFO)
    elif not args.verbose:
        from tracker.logs import configure

        configure(settings, logging.INFO)
    workers = args.workers if args.workers is not None else (settings.workers or Extraction.default_workers())
    with runtime(settings, workers=workers) as rt:
        service = build_service(settings, rt)
        service.acquire(wait=args.wait)
        if args.once:
            from tracker.alerts.outbox import drain

            try:
                outcomes = service.run_once()
                for name, _, job in service.extra_jobs:
                    if name != "alerts":
                        job(service.clock())
                # after the checks (and feeds), so the alerts they caused go out before exit
                drain(rt.store, settings, service.clock)
            finally:
                service.close()
                service.release()
            failed = sum(1 for o in outcomes if not o.ok)
            log.info("checked %d stor%s (%d failed)", len(outcomes), "y" if len(outcomes) == 1 else "ies", failed)
            return 1 if failed else 0
        service.serve()
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from tracker.config import parse_duration
    from tracker.service import lease
    from tracker.service.bootstrap import open_store
    from tracker.service.run import LEASE

    settings = settings_of(args)
    now = datetime.now(UTC)
    since = now - timedelta(seconds=parse_duration(args.since))
    with open_store(settings) as store:
        counts = store.count_stories()
        stories = store.list_stories()
        due = store.due_stories(now, limit=100_000)
        recent = store.recent_changes(since, limit=50)
        pending = store.list_deliveries(status="pending", limit=1000)
        failed_deliveries = store.list_deliveries(status="failed", limit=1000)
        holder = store.lease_holder(LEASE, now)
    dead = holder is not None and lease.is_dead(holder)
    failing = [s for s in stories if s.consecutive_failures or s.status == "failing"]
    suspect = [s for s in stories if s.suspect_reason and not s.consecutive_failures]
    upcoming = sorted(
        (s for s in stories if s.active and s.next_check_at and s.next_check_at > now),
        key=lambda s: s.next_check_at or now,
    )[:5]
    if args.format == "json":
        dump_json(
            {
                "scheduler": None if dead else holder,
                "scheduler_died": holder if dead else None,
                "stories": counts,
                "due_now": len(due),
                "failing": [
                    {
                        "id": s.id,
                        "url": s.url,
                        "failures": s.consecutive_failures,
                        "error": s.last_error,
                        "status": s.status,
                    }
                    for s in failing
                ],
                "suspect": [{"id": s.id, "url": s.url, "reason": s.suspect_reason} for s in suspect],
                "recent_changes": [
                    {"story": c.story_id, "url": c.url, "version": c.seq, "at": c.at, "summary": c.summary}
                    for c in recent
                ],
                "deliveries": {"pending": len(pending), "failed": len(failed_deliveries)},
            }
        )
        return 0
    if dead:
        print(f"scheduler: not running (the last one, {holder}, died without stopping) — start it with `tracker run`")
    else:
        print(f"scheduler: {'running (' + holder + ')' if holder else 'not running — start it with `tracker run`'}")
    print("stories: " + (", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "none"))
    print(
        f"due now: {len(due)}"
        + ("; next: " + ", ".join(f"{s.id} at {when(s.next_check_at)}" for s in upcoming) if upcoming else "")
    )
    if failing:
        print(f"\nfailing ({len(failing)}):")
        print(
            table(
                [[str(s.id), str(s.consecutive_failures), s.status, f"{s.url}\n      {s.last_error}"] for s in failing],
                ["ID", "FAILURES", "STATUS", "URL / LAST ERROR"],
            )
        )
    if suspect:
        print(f"\nsuspect pages, not stored ({len(suspect)}; `tracker history STORY` keeps them):")
        print(table([[str(s.id), f"{s.url}\n      {s.suspect_reason}"] for s in suspect], ["ID", "URL / WHY"]))
    print(f"\nchanged since {when(since)} ({len(recent)}):")
    for c in recent[:20]:
        print(f"  {when(c.at)}  story {c.story_id} v{c.seq}: {c.summary} — {c.headline}")
    if pending or failed_deliveries:
        print(
            f"\nalerts: {len(pending)} waiting to be sent, {len(failed_deliveries)} failed "
            "(see `tracker alerts list --deliveries`)"
        )
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from seeds import load_stories
    from tracker.demo.server import SeedServer
    from tracker.service.bootstrap import open_store, runtime

    base = settings_of(args)
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="tracker-demo-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = args.db or f"sqlite:///{workdir / 'demo.db'}"
    settings = base.replace(
        database_url=db,
        allow_private_networks=True,
        tick=1.0,
        min_interval=3.0,
        max_interval=12.0,
        jitter=0.0,
        concurrency=8,
        per_host=8,
    )
    os.environ["TRACKER_ALLOW_PRIVATE_NETWORKS"] = "1"
    if not args.verbose:
        from tracker.logs import configure

        configure(settings, logging.WARNING)  # the demo prints change reports, not one line per check
    stories = load_stories()
    print(
        f"tracker demo: {len(stories)} sample stories, a new revision every {args.every:.0f}s, "
        f"for {args.seconds:.0f}s; database {db}\n"
    )
    with SeedServer(advance="interval", every=args.every) as server, open_store(settings, create=True) as store:
        now = datetime.now(UTC)
        for s in stories:
            store.add_story(server.story_url(s.slug), now, interval_seconds=3.0, next_check_at=now, every_seconds=3.0)
        with runtime(settings, workers=0, store=store) as rt, _demo_web(settings, store, args.web_port):
            service = build_service(settings, rt)
            service.acquire()
            stop_at = time.monotonic() + args.seconds
            printer = threading.Thread(
                target=_print_changes, args=(store, lambda: time.monotonic() > stop_at + 2), daemon=True
            )
            printer.start()
            service.serve(until=lambda: time.monotonic() > stop_at)
            printer.join(timeout=5)
        _final_summary(store)
    print(
        f"\nThe demo database is in {workdir}. Try:\n  tracker list --db {db}\n  tracker figures 1 --db {db}\n"
        f"  tracker report 1 -o story.html --db {db}\n  tracker web --db {db}"
    )
    return 0


@contextmanager
def _demo_web(settings: Settings, store: Store, port: int) -> Iterator[None]:
    """The web app over the demo's database, on `port` (any free one when it is taken)."""
    if port < 0:
        yield
        return
    from tracker.web.serve import make_server, serving

    try:
        server = make_server(settings, store, port=port)
    except OSError:  # the port is in use: any free one will do for a demo
        server = make_server(settings, store, port=0)
    with serving(server) as base:
        print(f"tracker demo: the web app is at {base} while the demo runs\n", flush=True)
        yield


def _print_changes(store: Store, done: Callable[[], bool]) -> None:
    """Print each change report as its event arrives."""
    from tracker.reports.text import to_text
    from tracker.reports.wire import from_wire

    position = 0
    while not done():
        for event in store.events_after(position, 100):
            position = event.id
            story = store.get_story(event.story_id)
            seq = event.payload.get("seq")
            if event.kind == "first":
                print(f"[story {story.id}] version 1 captured: {story.title}")
            elif event.kind == "changed" and isinstance(seq, int):
                change = store.get_change(story.id, seq)
                if change is None:
                    continue
                report = from_wire(change.report)
                print(f"\n[story {story.id}] version {seq} — {change.summary}")
                body = to_text(report).split("\n", 2)[-1]
                for line in body.splitlines():
                    if line.startswith("Edited sentences") or line.startswith("Added and removed"):
                        break
                    print("    " + line if line else "")
            else:
                print(f"[story {story.id}] {event.kind}")
            sys.stdout.flush()
        time.sleep(0.5)


def _final_summary(store: Store) -> None:
    rows: list[list[str]] = []
    for s in store.list_stories():
        latest = store.latest_version(s.id)
        rows.append([str(s.id), str(s.version_count), latest.headline if latest else (s.title or ""), s.url])
    print("\n" + table(rows, ["ID", "VERSIONS", "LATEST HEADLINE", "URL"]))
