"""The Atom feeds over a real server on SQLite and PostgreSQL: feedparser reads them with no
bozo flag, one entry per change whose id comes from the event id (the same on every read),
the summary line as title and the change report as HTML; a new change adds one entry."""

from __future__ import annotations

import random
from datetime import timedelta

import feedparser
import httpx

from storage import Store
from tests.web.conftest import SETTINGS, T0
from tracker.demo.server import SeedServer
from tracker.fetch.client import Fetcher
from tracker.fetch.workers import read_page
from tracker.service.check import Checker
from tracker.service.schedule import Policy
from tracker.web.serve import running

DAM = "tamsin-creek-dam-breach"


def read(client: httpx.Client, path: str) -> feedparser.FeedParserDict:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_all_changes_one_entry_per_change_event_with_stable_ids(
    client: httpx.Client, seeded: tuple[Store, dict[str, int]]
) -> None:
    store, _ = seeded
    changed = [e for e in store.events_after(0, 1000) if e.kind == "changed"]
    feed = read(client, "/feeds/all.atom")
    assert len(feed.entries) == len(changed) > 0
    assert feed.feed.title and feed.feed.id.startswith("urn:uuid:")
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    assert [e.id for e in read(client, "/feeds/all.atom").entries] == [e.id for e in feed.entries]
    newest = feed.entries[0]
    story, seq = int(newest.link.split("/stories/")[1].split("/")[0]), int(newest.link.rsplit("/", 1)[1])
    change = store.get_change(story, seq)
    assert change is not None and newest.title == change.summary
    content = newest.content[0]
    assert (content.type == "text/html" and "<ins" in content.value) or "<blockquote" in content.value
    assert client.get(newest.link.replace(str(client.base_url), "")).status_code == 200


def test_a_story_feed_holds_only_that_story(client: httpx.Client, seeded: tuple[Store, dict[str, int]]) -> None:
    store, ids = seeded
    story = ids[DAM]
    feed = read(client, f"/feeds/story/{story}.atom")
    assert len(feed.entries) == store.get_story(story).latest_seq - 1
    assert all(f"/stories/{story}/versions/" in e.link for e in feed.entries)
    assert client.get("/feeds/story/999.atom").status_code == 404


def test_a_new_change_adds_exactly_one_entry(store: Store, seed_pages: SeedServer) -> None:
    url = seed_pages.story_url(DAM)
    store.add_story(url, T0, interval_seconds=60, next_check_at=T0)
    row = store.find_story(url)
    assert row is not None
    fetcher = Fetcher(SETTINGS)
    checker = Checker(store, fetcher, read_page, Policy(), random.Random(1))
    try:
        with running(SETTINGS, store) as base, httpx.Client(base_url=base) as client:
            last = len(seed_pages.stories[DAM].revisions)
            for rev in range(1, last):
                seed_pages.set_revision(DAM, rev)
                assert checker.run(store.get_story(row.id), T0 + timedelta(hours=rev - 1)).ok
            before = read(client, f"/feeds/story/{row.id}.atom").entries
            versions = store.get_story(row.id).latest_seq
            assert len(before) == versions - 1 > 0
            seed_pages.set_revision(DAM, last)
            assert checker.run(store.get_story(row.id), T0 + timedelta(hours=last)).ok
            assert store.get_story(row.id).latest_seq == versions + 1
            after = read(client, f"/feeds/story/{row.id}.atom").entries
            assert len(after) == len(before) + 1
            assert [(e.id, e.title) for e in after[1:]] == [(e.id, e.title) for e in before]
            assert after[0].id not in {e.id for e in before}
    finally:
        fetcher.close()
