"""Tags on stories and feeds, on SQLite and PostgreSQL; the migration that adds them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storage import Store
from storage.errors import NotFound

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def _story(store: Store, url: str) -> int:
    row, _ = store.add_story(url, T0, interval_seconds=120, next_check_at=T0)
    return row.id


def test_tags_are_added_removed_and_filtered(store: Store) -> None:
    a = _story(store, "https://news.example/harbour-fire")
    b = _story(store, "https://news.example/rail-strike")
    _story(store, "https://news.example/untagged")
    assert store.tag_story(a, add=["live", "fire"]) == ("fire", "live")
    assert store.tag_story(a, add=["live"]) == ("fire", "live")  # adding twice is a no-op
    assert store.tag_story(b, add=["strike", "live"], remove=["nothing-here"]) == ("live", "strike")
    assert store.tag_story(a, remove=["live"]) == ("fire",)
    assert store.story_tags() == {a: ("fire",), b: ("live", "strike")}
    assert store.story_tags([b]) == {b: ("live", "strike")}
    assert store.tagged_stories(["live"]) == {b}
    assert store.tagged_stories(["fire", "strike"]) == {a, b}
    assert store.tagged_stories(["none"]) == set()


def test_deleting_a_story_or_feed_takes_its_tags(store: Store) -> None:
    a = _story(store, "https://news.example/harbour-fire")
    store.tag_story(a, add=["fire"])
    store.remove_story(a)
    assert store.story_tags() == {}
    feed, _ = store.add_feed("https://news.example/rss", T0, interval_seconds=600, next_check_at=T0)
    assert store.set_feed_tags(feed.id, ["wires", "fire"]) == ("fire", "wires")
    assert store.set_feed_tags(feed.id, ["wires"]) == ("wires",)  # replaced, not added
    assert store.feed_tags() == {feed.id: ("wires",)}
    store.remove_feed(feed.id)
    assert store.feed_tags() == {}


def test_tagging_what_does_not_exist_says_so(store: Store) -> None:
    with pytest.raises(NotFound):
        store.tag_story(404, add=["x"])
    with pytest.raises(NotFound):
        store.set_feed_tags(404, ["x"])
