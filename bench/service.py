"""Can this machine keep up? The service at a sustained check rate. Prints figures; asserts nothing.

  python bench/service.py [--stories 10000] [--rate 100] [--cycles 3] [--backend sqlite|postgres|both]

N stories on a local server of generated ~100 KB pages (bench/pagesrv.py; a share of them
answer 304, the rest always 200). Each story is checked every N/rate seconds, starting
spread over one cycle, so the service must sustain `rate` checks per second. Between
cycles 2% of the articles change. The real `tracker run` service does the work
(APScheduler dispatch, thread pool, extraction processes, the store).

Prints: checks per second achieved, schedule lag (how late a check started after it was
due: p50, p99, max), CPU milliseconds per check (this process and its extraction
processes), peak memory (resident, this process plus its workers), and the outcomes.
The issue's target: 30,000 stories at a 5-minute interval, i.e. 100 checks/s, p99 lag
under 30 s, under 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage import Store  # noqa: E402
from tracker.config import Settings  # noqa: E402
from tracker.fetch.client import Fetcher  # noqa: E402
from tracker.fetch.workers import Extraction  # noqa: E402
from tracker.service.check import Checker  # noqa: E402
from tracker.service.run import Service  # noqa: E402
from tracker.service.schedule import Policy  # noqa: E402

CLK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def proc_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


def proc_hwm_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def worker_pids(extraction: Extraction) -> list[int]:
    pool = extraction._pool
    return [p.pid for p in (pool._processes or {}).values()] if pool is not None else []  # type: ignore[attr-defined]


def pg_url() -> str:
    import psycopg

    admin = os.environ.get("TRACKER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
    name = f"tracker_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return admin.rsplit("/", 1)[0] + f"/{name}"


def drop_pg(url: str) -> None:
    import psycopg

    admin = os.environ.get("TRACKER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')


def run(backend: str, args: argparse.Namespace) -> dict[str, object]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "pagesrv.py"), str(port), str(args.stories), "--etag", str(args.etag)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    server.stdout.readline()
    tmp = Path(tempfile.mkdtemp(prefix="tracker-service-bench-"))
    url = f"sqlite:///{tmp / 'bench.db'}" if backend == "sqlite" else pg_url()
    cycle = args.stories / args.rate
    settings = Settings(
        allow_private_networks=True,
        concurrency=args.concurrency,
        per_host=args.concurrency,
        tick=0.5,
        retries=1,
        jitter=0.02,
        min_interval=cycle,
        max_interval=cycle,
    )
    store = Store.open(url)
    now = datetime.now(UTC)
    rng = random.Random(1)
    ids = []
    for i in range(args.stories):
        row, _ = store.add_story(
            f"http://127.0.0.1:{port}/s/{i}", now, interval_seconds=cycle, every_seconds=cycle, next_check_at=now
        )
        ids.append(row.id)
    print(
        f"[{backend}] {args.stories} stories every {cycle:.0f}s ({args.rate}/s target), "
        f"{args.etag:.0%} answer 304, {args.cycles} cycles, {args.workers} extraction processes",
        flush=True,
    )
    fetcher = Fetcher(settings)
    extraction = Extraction(args.workers)
    checker = Checker(store, fetcher, extraction.read, Policy.from_settings(settings), rng)
    service = Service(settings, store, checker)
    service.acquire()
    # warm-up, not measured: every story's first version, then checks spread over a cycle
    t = time.perf_counter()
    service.run_once(now)
    print(f"[{backend}] warm-up: {args.stories} first versions in {time.perf_counter() - t:.0f}s", flush=True)
    # one transaction: story by story, PostgreSQL's round trips would make the first checks late
    start = datetime.now(UTC) + timedelta(seconds=2)
    store.reschedule({story_id: start + timedelta(seconds=cycle * k / len(ids)) for k, story_id in enumerate(ids)})
    service.stats = type(service.stats)()
    stop_at = time.monotonic() + 2 + cycle * args.cycles

    def changer() -> None:
        for k in range(args.cycles):
            time.sleep(2 + cycle * 0.5 if k == 0 else cycle)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_admin/change?fraction={args.change}&seed={k}"):
                pass

    threading.Thread(target=changer, daemon=True).start()
    cpu0 = time.process_time()
    pids = worker_pids(extraction)
    wcpu0 = sum(proc_cpu(p) for p in pids)
    t0 = time.perf_counter()
    service.serve(until=lambda: time.monotonic() > stop_at)
    wall = time.perf_counter() - t0
    pids = worker_pids(extraction) or pids
    worker_cpu = sum(proc_cpu(p) for p in pids) - wcpu0
    worker_mem = sum(proc_hwm_mb(p) for p in pids)
    cpu = time.process_time() - cpu0 + worker_cpu
    stats = service.stats
    lags = sorted(stats.lags) or [0.0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + worker_mem
    outcome_counts = {k: 0 for k in ("first", "changed", "unchanged", "not_modified", "failed")}
    for s in store.list_stories():
        if s.last_outcome in outcome_counts:
            outcome_counts[s.last_outcome] += 1
    result = {
        "backend": backend,
        "checks": stats.checks,
        "changed": stats.changed,
        "failed": stats.failed,
        "checks_per_s": round(stats.checks / wall, 1),
        "lag_p50_s": round(statistics.median(lags), 2),
        "lag_p99_s": round(lags[int(len(lags) * 0.99) - 1], 2),
        "lag_max_s": round(lags[-1], 2),
        "cpu_ms_per_check": round(cpu / max(1, stats.checks) * 1000, 2),
        "peak_mb": round(peak),
        "last_outcomes": outcome_counts,
    }
    print(json.dumps(result), flush=True)
    extraction.close()
    fetcher.close()
    store.close()
    server.terminate()
    if backend == "postgres":
        drop_pg(url)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=10_000)
    ap.add_argument("--rate", type=float, default=100.0, help="checks per second to sustain")
    ap.add_argument("--cycles", type=int, default=3)
    ap.add_argument("--change", type=float, default=0.02, help="share of articles that change per cycle")
    ap.add_argument("--etag", type=float, default=0.2, help="share of stories whose server answers 304")
    ap.add_argument("--workers", type=int, default=2, help="extraction processes")
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    args = ap.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    for backend in backends:
        run(backend, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
