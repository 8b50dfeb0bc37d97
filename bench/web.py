"""How fast the web app answers over many stories. Prints figures; asserts nothing.

  python bench/web.py [--stories 10000] [--repeat 20]

Fills a fresh SQLite database with N stories, each with two versions and a change report
(bulk inserts; no fetching), serves it with waitress on 127.0.0.1, and times real HTTP
requests: the stories page (its first 200 rows, newest change first), a search, a filter
by status and changed-since, the API's list (1000 rows), a story page and a feed. It also
renders the stories template with all N rows at once, in process, for the cost of one
page that lists everything. The issue's target: a page of 10,000 stories in under 300 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from storage import Store  # noqa: E402
from storage.schema import Change, Event, Story, Version  # noqa: E402
from tracker.config import Settings  # noqa: E402
from tracker.web.serve import running  # noqa: E402

WORDS = "flood toll bridge council vote storm quake fire port rail strike court election dam".split()
REPORT = {"version": 1, "headline": None, "figures": [], "statements": {"added": [], "removed": []}}


def fill(store: Store, n: int) -> None:
    t0 = datetime(2026, 11, 1, tzinfo=UTC)
    stories, versions, changes, events = [], [], [], []
    for i in range(1, n + 1):
        at = t0 + timedelta(minutes=i)
        word = WORDS[i % len(WORDS)]
        stories.append(
            {
                "id": i, "url": f"https://news.example.org/{word}/{i}", "title": None, "added_at": t0,
                "active": True, "status": "active" if i % 10 else "paused", "interval_seconds": 600.0,
                "next_check_at": at + timedelta(hours=1), "last_checked_at": at, "last_changed_at": at,
                "consecutive_failures": 0, "latest_seq": 2, "accept_short": False,
            }
        )  # fmt: skip
        for seq in (1, 2):
            versions.append(
                {
                    "id": 2 * i - 2 + seq, "story_id": i, "seq": seq, "fetched_at": at, "content_hash": f"{i}-{seq}",
                    "headline": f"Story {i}: the {word} update number {seq}", "text": f"The {word} story, text {seq}.",
                    "words": 5, "html_gz": b"", "html_size": 0, "http_status": 200,
                }
            )  # fmt: skip
        changes.append(
            {
                "story_id": i, "version_id": 2 * i, "previous_version_id": 2 * i - 1, "report": REPORT,
                "summary": f"Toll {i} -> {i + 5}; 1 new statement", "created_at": at,
            }
        )  # fmt: skip
        events.append({"story_id": i, "version_id": 2 * i, "kind": "changed", "created_at": at, "payload": {"seq": 2}})
    with store.engine.begin() as conn:
        for table, rows in ((Story, stories), (Version, versions), (Change, changes), (Event, events)):
            for k in range(0, len(rows), 2000):
                conn.execute(insert(table), rows[k : k + 2000])


def timed(client: httpx.Client, path: str, repeat: int) -> tuple[float, float, int]:
    client.get(path)  # warm
    spans = []
    size = 0
    for _ in range(repeat):
        t = time.perf_counter()
        r = client.get(path)
        spans.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, (path, r.status_code)
        size = len(r.content)
    return statistics.median(spans), max(spans), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/bench.db") as store:
        t = time.perf_counter()
        fill(store, args.stories)
        print(f"{args.stories} stories stored in {time.perf_counter() - t:.1f} s (SQLite)")
        with running(Settings(), store) as base, httpx.Client(base_url=base, timeout=60) as client:
            print(f"{'request':48} {'median ms':>10} {'max ms':>8} {'KB':>6}")
            for path in (
                "/",
                "/?q=bridge",
                "/?status=paused&changed_since=2026-11-03",
                "/?offset=9800",
                "/api/v1/stories?limit=1000",
                f"/stories/{args.stories // 2}",
                "/feeds/all.atom",
            ):
                median, worst, size = timed(client, path, args.repeat)
                print(f"GET {path:44} {median:10.1f} {worst:8.1f} {size / 1024:6.0f}")
        from tracker.web.app import create_app
        from tracker.web.context import render

        app = create_app(Settings(), store)
        with app.test_request_context("/"):
            spans = []
            for _ in range(max(3, args.repeat // 4)):
                t = time.perf_counter()
                rows = store.search_stories(limit=args.stories)
                html = render("web_stories.html.j2", rows=rows, q=None, status=None, changed_since=None,
                              statuses=(), more=None, flash_message=None, story_prefix="/stories/")  # fmt: skip
                spans.append((time.perf_counter() - t) * 1000)
        print(
            f"all {len(rows)} rows in one page (query + template, in process): "
            f"median {statistics.median(spans):.0f} ms, {len(html) // 1024} KB"
        )


if __name__ == "__main__":
    main()
