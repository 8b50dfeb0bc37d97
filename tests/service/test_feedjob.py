"""Feeds: the seed server's RSS feed becomes stories, filtered by words, on the feed's own schedule."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from storage import Store
from tests.fixtures.web import Reply, Web
from tracker.config import Settings
from tracker.demo.server import SeedServer
from tracker.fetch.client import Fetcher
from tracker.fetch.feeds import Entry, matching
from tracker.service.feedjob import FEED_INTERVAL, poll_due_feeds
from tracker.service.schedule import Policy

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_matching_words_start_words_and_ignore_case_and_accents() -> None:
    items = [
        Entry("https://x.example/1", "Dam breach forces evacuations", "", None),
        Entry("https://x.example/2", "Café owners count the cost", "flood damage in Halbrook", None),
    ]
    assert [e.url for e in matching(items, "BREACH")] == ["https://x.example/1"]
    assert [e.url for e in matching(items, "dam")] == ["https://x.example/1", "https://x.example/2"]  # a word's start
    assert matching(items, "adam") == []  # not the middle of a word
    assert [e.url for e in matching(items, "cafe halbrook")] == ["https://x.example/2"]
    assert matching(items, None) == items


def test_a_feed_adds_its_articles_once(store: Store, seed_server: SeedServer) -> None:
    fetcher = Fetcher(Settings(allow_private_networks=True, retries=0))
    try:
        row, created = store.add_feed(
            seed_server.url + "/feed.xml", T0, interval_seconds=FEED_INTERVAL, next_check_at=T0
        )
        assert created
        (first,) = poll_due_feeds(store, fetcher, Policy(), T0, random.Random(1))
        assert first.error is None and len(first.added) == len(seed_server.stories)
        stories = store.list_stories()
        assert {s.url for s in stories} == {seed_server.story_url(slug) for slug in seed_server.stories}
        assert all(s.feed_id == row.id and s.next_check_at == T0 for s in stories)
        assert poll_due_feeds(store, fetcher, Policy(), T0 + timedelta(minutes=1), random.Random(1)) == []  # not due
        (again,) = poll_due_feeds(store, fetcher, Policy(), T0 + timedelta(seconds=FEED_INTERVAL), random.Random(1))
        assert again.added == ()  # the same articles: nothing new
    finally:
        fetcher.close()


def test_stories_a_feed_adds_get_its_tags(store: Store, seed_server: SeedServer) -> None:
    fetcher = Fetcher(Settings(allow_private_networks=True, retries=0))
    try:
        feed, _ = store.add_feed(seed_server.url + "/feed.xml", T0, interval_seconds=FEED_INTERVAL, next_check_at=T0)
        store.set_feed_tags(feed.id, ["wires", "regional"])
        mine, _ = store.add_story(
            seed_server.story_url("tamsin-creek-dam-breach"), T0, interval_seconds=120, next_check_at=T0
        )
        store.tag_story(mine.id, add=["dam"])  # tracked before the feed listed it: keeps its own tags
        (result,) = poll_due_feeds(store, fetcher, Policy(), T0, random.Random(1))
        tags = store.story_tags()
        assert result.added and all(tags[i] == ("regional", "wires") for i in result.added)
        assert mine.id not in result.added and tags[mine.id] == ("dam",)
    finally:
        fetcher.close()


def test_a_feed_with_words_follows_only_the_matching_articles(store: Store, seed_server: SeedServer) -> None:
    fetcher = Fetcher(Settings(allow_private_networks=True, retries=0))
    try:
        store.add_feed(seed_server.url + "/feed.xml", T0, match="dam", interval_seconds=FEED_INTERVAL, next_check_at=T0)
        (result,) = poll_due_feeds(store, fetcher, Policy(), T0, random.Random(1))
        assert [s.url for s in store.list_stories()] == [seed_server.story_url("tamsin-creek-dam-breach")]
        assert len(result.added) == 1
    finally:
        fetcher.close()


def test_a_broken_feed_backs_off_with_its_error(store: Store, web: Web) -> None:
    url = web.route("/feed.xml", Reply(200, "<html><p>not a feed</p></html>", {"Content-Type": "text/html"}))
    fetcher = Fetcher(Settings(allow_private_networks=True, retries=0))
    try:
        row, _ = store.add_feed(url, T0, interval_seconds=FEED_INTERVAL, next_check_at=T0)
        (result,) = poll_due_feeds(store, fetcher, Policy(jitter=0), T0, random.Random(1))
        feed = store.get_feed(row.id)
        assert result.error is not None and feed.consecutive_failures == 1 and feed.last_error
        assert feed.next_check_at is not None and feed.next_check_at > T0
    finally:
        fetcher.close()
