"""Soak: `tracker run` SIGKILLed at random and restarted, beside a `tracker check` loop.

Stories on a local server change every few seconds (each revision carries its number in
the text); an email subscription (a real SMTP server, aiosmtpd) and a webhook (a local
HTTP receiver) take the alerts. The service is killed with SIGKILL at random moments
`--kills` times and started again, while another process runs `tracker check` in a loop
on the same database; then one clean run delivers what is left. Then it reads the
database and the receivers and prints:

    revisions served    distinct (story, revision) pages the server sent
    versions stored     versions in the database
    lost                stories whose last version is not the last revision served (after a
                        final `tracker run --once`)
    duplicated          consecutive versions of a story holding the same revision
    stale               versions holding an older revision than the version before
    deliveries          expected (events x subscriptions), lost, duplicated, left in the outbox
    orphans             processes of this run still alive at the end (workers, trackers)
    restart delays      from starting `tracker run` to holding the scheduler lease

Duplicated deliveries are allowed only inside the documented window (a kill between a
send and recording it: at least once), so the script prints them rather than fails on them.

    python bench/soak.py [--backend sqlite|postgres|both] [--kills 30] [--stories 6]

Only 127.0.0.1 is used. PostgreSQL is the one at 127.0.0.1:5432 (a fresh database per run).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REVISION = re.compile(r"revision (\d+) of the soak story")


class Stories:
    """Story n's live revision is the number of `period`s since the start, shifted by n."""

    def __init__(self, period: float) -> None:
        self.period = period
        self.started = time.monotonic()
        self.served: set[tuple[int, int]] = set()
        self.lock = threading.Lock()

    def revision(self, n: int) -> int:
        return int((time.monotonic() - self.started + n * 0.37) / self.period)

    def page(self, n: int) -> bytes:
        r = self.revision(n)
        with self.lock:
            self.served.add((n, r))
        paragraphs = [
            f"This is revision {r} of the soak story number {n}, a developing story on a local server.",
            f"Officials said {1000 + 7 * r:,} households had been counted by the evening, up from the morning.",
            "The county said more information would follow at a briefing on the next day.",
            f"Crews worked through the night at {3 + r % 5} sites along the river, a spokesperson said.",
        ]
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return (
            f"<!doctype html><html><head><title>Soak story {n}</title></head><body><main><article>"
            f"<h1>Soak story {n}</h1>{body}</article></main></body></html>"
        ).encode()


def serve(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server


def story_server(stories: Stories) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            n = int(self.path.strip("/").split("/")[-1])
            body = stories.page(n)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return serve(Handler)


def webhook_server(received: Counter[int]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            data = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
            received[int(data["event_id"])] += 1
            self.send_response(204)
            self.end_headers()

    return serve(Handler)


def smtp_server(received: Counter[int]) -> Any:
    from aiosmtpd.controller import Controller

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            found = re.search(rb"X-Tracker-Event-Id: (\d+)", envelope.content)
            if found:
                received[int(found.group(1))] += 1
            return "250 OK"

    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    return controller


def postgres_url() -> str:
    import psycopg

    name = f"tracker_soak_{os.getpid()}"
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def tracker(*args: str, env: dict[str, str], **kw: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "tracker", *args], env=env, **kw)


def lease_pid(db: str) -> int | None:
    from datetime import UTC, datetime

    from storage import Store
    from tracker.service.run import LEASE

    with Store.open(db, migrate=False) as store:
        holder = store.lease_holder(LEASE, datetime.now(UTC))
    return int(holder.rsplit(":", 2)[1]) if holder else None


def ours(marker: str) -> list[int]:
    """Processes (other than this one) whose environment carries this run's marker."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in environ.read_bytes() and int(environ.parent.name) != os.getpid():
                stat = (environ.parent / "stat").read_text()
                if stat.rsplit(")", 1)[1].split()[0] != "Z":
                    found.append(int(environ.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def soak(backend: str, kills: int, n_stories: int, period: float, rng: random.Random) -> dict[str, Any]:
    from storage import Store

    workdir = Path(tempfile.mkdtemp(prefix="tracker-soak-"))
    db = f"sqlite:///{workdir / 'soak.db'}" if backend == "sqlite" else postgres_url()
    stories = Stories(period)
    web = story_server(stories)
    mails: Counter[int] = Counter()
    hooks: Counter[int] = Counter()
    smtp = smtp_server(mails)
    hook = webhook_server(hooks)
    marker = f"soak-{os.getpid()}-{backend}"
    env = {
        **os.environ,
        "TRACKER_DATABASE_URL": db,
        "TRACKER_CONFIG": str(workdir / "none.toml"),
        "TRACKER_ALLOW_PRIVATE_NETWORKS": "1",
        "TRACKER_TICK": "0.3",
        "TRACKER_MIN_INTERVAL": "1",
        "TRACKER_MAX_INTERVAL": "2",
        "TRACKER_JITTER": "0",
        "TRACKER_RETRIES": "0",
        "TRACKER_SHUTDOWN_GRACE": "2",
        "TRACKER_SMTP_HOST": "127.0.0.1",
        "TRACKER_SMTP_PORT": str(smtp.port),
        "TRACKER_SOAK_MARKER": marker,
    }
    (workdir / "none.toml").write_text("")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    base = f"http://127.0.0.1:{web.server_address[1]}"
    subprocess.run(
        [sys.executable, "-m", "tracker", "add", *[f"{base}/story/{n}" for n in range(n_stories)]],
        env=env,
        check=True,
        **quiet,
    )
    hook_url = f"http://127.0.0.1:{hook.server_address[1]}/hook"
    for how in (["--email", "desk@soak.test"], ["--webhook", hook_url]):
        subprocess.run([sys.executable, "-m", "tracker", "alerts", "add", *how], env=env, check=True, **quiet)

    stop = threading.Event()
    checks = [0]

    def check_loop() -> None:  # `tracker check` beside `tracker run`, as the README allows
        while not stop.is_set():
            subprocess.run([sys.executable, "-m", "tracker", "check", "--workers", "0"], env=env, **quiet)
            checks[0] += 1
            stop.wait(rng.uniform(0.2, 1.0))

    checker = threading.Thread(target=check_loop, daemon=True)
    checker.start()
    delays: list[float] = []
    print(f"[{backend}] {kills} kills of tracker run on {n_stories} stories changing every {period:g}s", flush=True)
    for k in range(kills + 1):
        started = time.monotonic()
        run = tracker("run", "--workers", "1", env=env, **quiet)
        while lease_pid(db) != run.pid and run.poll() is None and time.monotonic() - started < 60:
            time.sleep(0.05)
        delays.append(time.monotonic() - started)
        if k == kills:  # the last life ends cleanly, once alerts have had time to go out
            time.sleep(6 * period)
            stop.set()
            checker.join(60)
            time.sleep(2 * period)
            run.send_signal(signal.SIGTERM)
            run.wait(60)
            # `run --once` checks what is due and sends every delivery it can before it exits:
            # what is still missing after it was lost, not merely waiting
            subprocess.run([sys.executable, "-m", "tracker", "run", "--once", "--workers", "0"], env=env, **quiet)
            break
        time.sleep(rng.uniform(0.5, 3 * period))
        run.send_signal(signal.SIGKILL)
        run.wait(10)
        if k % 10 == 9:
            print(f"  {k + 1} kills", flush=True)
    time.sleep(1.0)  # let killed workers notice their parent is gone
    orphans = ours(marker)

    with Store.open(db) as store:
        versions = 0
        duplicated = stale = lost = 0
        for story in store.list_stories():
            n = int(story.url.rsplit("/", 1)[1])
            seen = []
            for meta in store.list_versions(story.id):
                text = store.get_version(story.id, meta.seq).text
                found = REVISION.search(text)
                seen.append(int(found.group(1)) if found else -1)
            versions += len(seen)
            duplicated += sum(1 for a, b in itertools.pairwise(seen) if b == a)
            stale += sum(1 for a, b in itertools.pairwise(seen) if b < a)
            last_served = max(r for (m, r) in stories.served if m == n)
            lost += int(not seen or seen[-1] != last_served)
        # a first version is not alerted by default; every later revision changes a figure
        events = [e.id for e in store.events_after(0, 1_000_000) if e.kind == "changed"]
        left = {d: len(store.list_deliveries(status=d, limit=100_000)) for d in ("pending", "sending", "failed")}
    expected = len(events)
    result = {
        "backend": backend,
        "kills": kills,
        "check_loops": checks[0],
        "revisions_served": len(stories.served),
        "versions_stored": versions,
        "lost": lost,
        "duplicated": duplicated,
        "stale": stale,
        "deliveries_expected": 2 * expected,
        "email_lost": sum(1 for e in events if not mails[e]),
        "email_duplicated": sum(1 for e in events if mails[e] > 1),
        "webhook_lost": sum(1 for e in events if not hooks[e]),
        "webhook_duplicated": sum(1 for e in events if hooks[e] > 1),
        "deliveries_left_pending": left["pending"] + left["sending"],
        "deliveries_failed": left["failed"],
        "orphans": len(orphans),
        "restart_delay_median_s": round(statistics.median(delays), 2),
        "restart_delay_max_s": round(max(delays), 2),
    }
    for pid in orphans:  # leave the machine clean whatever the result
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    smtp.stop()
    web.shutdown()
    hook.shutdown()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--kills", type=int, default=30)
    parser.add_argument("--stories", type=int, default=6)
    parser.add_argument("--period", type=float, default=3.0, help="seconds between a story's revisions")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    backends = ("sqlite", "postgres") if args.backend == "both" else (args.backend,)
    results = [soak(b, args.kills, args.stories, args.period, rng) for b in backends]
    keys = list(results[0])
    width = max(len(k) for k in keys)
    for key in keys:
        print(f"{key:<{width}}  " + "  ".join(f"{r[key]!s:>10}" for r in results))


if __name__ == "__main__":
    main()
