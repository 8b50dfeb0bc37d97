"""How much does one check cost? Prints figures; asserts nothing.

  python bench/check.py [--stories 500] [--server ../shared/bench/server.py] [--workers 0]

Runs the real check path (`tracker check`: fetch, visible-text hash, extraction when the
page changed, compare, store on SQLite) against the peer benchmark's local news server
(~113 KB pages; ../shared/bench, where urlwatch and changedetection.io were measured), in
rounds:

  first       every page fetched, extracted and stored as version 1
  304         nothing changed; the server answers conditional requests with 304
  same-200    the server sends fresh ad ids and nonces in every page (--vary) and never a
              304: the article did not change, the bytes did
  changed     2% of the articles changed (the rest answer 304)

For each round: checks per second, CPU milliseconds per check (user + system time of this
process, whose threads do everything when --workers 0; start-up excluded), and the peak
resident memory of the process.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage import Store  # noqa: E402
from tracker.config import Settings  # noqa: E402
from tracker.fetch.client import Fetcher  # noqa: E402
from tracker.fetch.workers import Extraction  # noqa: E402
from tracker.service.check import Checker  # noqa: E402
from tracker.service.schedule import Policy  # noqa: E402

DEFAULT_SERVER = ROOT.parent / "shared" / "bench" / "server.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PeerServer:
    def __init__(self, script: Path, n: int, vary: bool, log: Path) -> None:
        self.port = free_port()
        args = [sys.executable, str(script), str(self.port), str(n), str(log)] + (["--vary"] if vary else [])
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert self.proc.stdout is not None
        self.proc.stdout.readline()  # "serving N stories ..." once the pages are rendered

    def url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.port}/story/{i}"

    def admin(self, path: str) -> dict[str, object]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_admin/{path}") as r:
            data: dict[str, object] = json.loads(r.read())
            return data

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def run_round(name: str, checker: Checker, store: Store, threads: int) -> dict[str, float]:
    stories = store.list_stories()
    cpu0, t0 = time.process_time(), time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        outcomes = list(pool.map(lambda s: checker.run(s, datetime.now(UTC)), stories))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - t0
    kinds: dict[str, int] = {}
    for o in outcomes:
        kinds[o.kind] = kinds.get(o.kind, 0) + 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(outcomes)
    print(
        f"{name:<10} {n / wall:8.0f} checks/s  {cpu / n * 1000:7.2f} ms CPU/check  peak {peak:6.0f} MB  "
        f"outcomes {kinds}"
    )
    return {"checks_per_s": n / wall, "cpu_ms_per_check": cpu / n * 1000, "peak_mb": peak}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stories", type=int, default=500)
    ap.add_argument("--server", type=Path, default=DEFAULT_SERVER, help="the peer benchmark's server.py")
    ap.add_argument("--workers", type=int, default=0, help="extraction processes (0: inline, all CPU counted)")
    ap.add_argument("--threads", type=int, default=16)
    args = ap.parse_args()
    if not args.server.exists():
        print(f"no benchmark server at {args.server}: pass --server PATH/TO/shared/bench/server.py", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    settings = Settings(allow_private_networks=True, concurrency=args.threads, retries=1)
    results = {}
    mode = "inline" if not args.workers else f"{args.workers} processes"
    print(f"{args.stories} stories, {args.threads} threads, extraction {mode}")
    for vary in (False, True):
        server = PeerServer(args.server, args.stories, vary, tmp / "access.log")
        store = Store.open(f"sqlite:///{tmp / ('vary' if vary else 'plain')}.db")
        fetcher = Fetcher(settings)
        extraction = Extraction(args.workers)
        checker = Checker(store, fetcher, extraction.read, Policy(), random.Random(1))
        try:
            now = datetime.now(UTC)
            for i in range(args.stories):
                store.add_story(server.url(i), now, interval_seconds=120, next_check_at=now)
            if not vary:
                results["first"] = run_round("first", checker, store, args.threads)
                results["304"] = run_round("304", checker, store, args.threads)
                server.admin("change?fraction=0.02&seed=1")
                results["changed"] = run_round("changed", checker, store, args.threads)
            else:
                run_round("(first)", checker, store, args.threads)
                results["same-200"] = run_round("same-200", checker, store, args.threads)
        finally:
            extraction.close()
            fetcher.close()
            store.close()
            server.stop()
    print(json.dumps({k: {m: round(v, 2) for m, v in r.items()} for k, r in results.items()}))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
