"""Feeds, leases, the event log and its consumers, the alert outbox, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from storage import Store
from storage.errors import NotFound
from storage.rows import NewChange
from tests.storage.values import NOW, story, update, version

# --- feeds -------------------------------------------------------------------------------------


def test_a_feed_is_added_once_and_found_by_id(store: Store) -> None:
    feed, created = store.add_feed(
        "https://news.example/rss", NOW, match="ukraine", interval_seconds=900, next_check_at=NOW
    )
    assert created and (feed.url, feed.match, feed.active, feed.added_at) == (
        "https://news.example/rss",
        "ukraine",
        True,
        NOW,
    )
    again, created = store.add_feed("https://news.example/rss", NOW, interval_seconds=60, next_check_at=None)
    assert not created and again == feed
    assert store.get_feed(feed.id) == feed
    assert store.list_feeds() == [feed]
    with pytest.raises(NotFound, match="no feed 999"):
        store.get_feed(999)


def test_due_feeds_oldest_first_and_a_check_reschedules(store: Store) -> None:
    ids = [
        store.add_feed(
            f"https://news.example/{m}.xml", NOW, interval_seconds=900, next_check_at=NOW + timedelta(minutes=m)
        )[0].id
        for m in (10, -5, 0)
    ]
    assert [f.id for f in store.due_feeds(NOW, 10)] == [ids[1], ids[2]]
    assert [f.id for f in store.due_feeds(NOW, 1)] == [ids[1]]
    later = NOW + timedelta(hours=1)
    store.record_feed_check(
        ids[1],
        checked_at=NOW,
        next_check_at=later,
        interval_seconds=3600,
        etag='"f"',
        last_modified=None,
        consecutive_failures=1,
        last_error="HTTP 500",
    )
    feed = store.get_feed(ids[1])
    assert (feed.last_checked_at, feed.next_check_at, feed.interval_seconds, feed.etag) == (NOW, later, 3600, '"f"')
    assert (feed.consecutive_failures, feed.last_error) == (1, "HTTP 500")
    assert [f.id for f in store.due_feeds(NOW, 10)] == [ids[2]]
    with pytest.raises(NotFound):
        store.record_feed_check(
            999,
            checked_at=NOW,
            next_check_at=None,
            interval_seconds=1,
            etag=None,
            last_modified=None,
            consecutive_failures=0,
            last_error=None,
        )


def test_removing_a_feed_keeps_its_stories(store: Store) -> None:
    feed, _ = store.add_feed("https://news.example/rss", NOW, interval_seconds=900, next_check_at=NOW)
    row, _ = store.add_story(
        "https://news.example/from-feed", NOW, feed_id=feed.id, interval_seconds=60, next_check_at=NOW
    )
    assert row.feed_id == feed.id
    store.remove_feed(feed.id)
    assert store.get_story(row.id).feed_id is None
    assert store.list_feeds() == []
    with pytest.raises(NotFound):
        store.remove_feed(feed.id)


# --- leases ------------------------------------------------------------------------------------


def test_a_lease_is_refused_to_others_until_it_expires(store: Store) -> None:
    assert store.acquire_lease("scheduler", "a", NOW, 30)
    assert not store.acquire_lease("scheduler", "b", NOW + timedelta(seconds=29), 30)
    assert store.acquire_lease("scheduler", "a", NOW + timedelta(seconds=20), 30)  # renewed to :50
    assert not store.acquire_lease("scheduler", "b", NOW + timedelta(seconds=40), 30)
    assert store.lease_holder("scheduler", NOW + timedelta(seconds=40)) == "a"
    assert store.acquire_lease("scheduler", "b", NOW + timedelta(seconds=50), 30)  # expired: taken over
    assert not store.acquire_lease("scheduler", "a", NOW + timedelta(seconds=51), 30)
    assert store.acquire_lease("other", "a", NOW, 30)  # leases are independent by name


def test_only_the_holder_releases_a_lease(store: Store) -> None:
    assert store.acquire_lease("scheduler", "a", NOW, 300)
    store.release_lease("scheduler", "b")
    assert not store.acquire_lease("scheduler", "b", NOW, 300)
    store.release_lease("scheduler", "a")
    assert store.lease_holder("scheduler", NOW) is None
    assert store.acquire_lease("scheduler", "b", NOW, 300)


# --- events and consumers ------------------------------------------------------------------------


def _events(store: Store, n: int) -> int:
    sid = story(store)
    for seq in range(n):
        store.save_version(sid, seq or None, version(str(seq)), NewChange({}, "x") if seq else None, update())
    return sid


def test_events_are_read_in_id_order_a_page_at_a_time(store: Store) -> None:
    _events(store, 5)
    everything = store.events_after(0, 100)
    assert [e.kind for e in everything] == ["first"] + ["changed"] * 4
    ids = [e.id for e in everything]
    assert ids == sorted(ids)
    assert store.events_after(0, 2) == everything[:2]
    assert store.events_after(ids[1], 2) == everything[2:4]
    assert store.events_after(ids[-1], 100) == []
    assert list(store.iter_events(0, batch=2)) == everything


def test_a_consumer_position_starts_at_zero_and_only_moves_forward(store: Store) -> None:
    assert store.consumer_position("alerts") == 0
    store.advance_consumer("alerts", 7)
    store.advance_consumer("alerts", 5)
    assert store.consumer_position("alerts") == 7
    store.advance_consumer("alerts", 9)
    assert (store.consumer_position("alerts"), store.consumer_position("other")) == (9, 0)


def test_event_and_story_ids_are_never_reused_after_a_removal(store: Store) -> None:
    _events(store, 1)
    newest = _events(store, 3)
    last_event = store.events_after(0, 100)[-1].id
    store.remove_story(newest)  # deletes the events with the highest ids
    again = _events(store, 1)
    assert again > newest
    assert store.events_after(0, 100)[-1].id > last_event


def test_get_event_by_id(store: Store) -> None:
    _events(store, 1)
    (event,) = store.events_after(0, 10)
    assert store.get_event(event.id) == event
    with pytest.raises(NotFound, match="no event 999"):
        store.get_event(999)


# --- alert outbox ---------------------------------------------------------------------------------


def test_outbox_fans_out_once_then_claims_and_finishes(store: Store) -> None:
    _events(store, 2)
    sub = store.add_subscription("webhook", "https://hooks.example/x", {"secret": "s" * 16}, {}, NOW)
    events = store.events_after(0)
    assert store.fan_out("alerts", 0, events[-1].id, [(sub.id, events[-1].id)], NOW)
    assert not store.fan_out("alerts", 0, events[-1].id, [(sub.id, events[-1].id)], NOW)  # done already
    assert store.consumer_position("alerts") == events[-1].id
    claimed = store.claim_deliveries(NOW, 10, hold_seconds=60)
    assert len(claimed) == 1 and claimed[0].attempts == 1
    assert store.claim_deliveries(NOW + timedelta(seconds=30), 10, 60) == []  # held by the first claim
    again = store.claim_deliveries(NOW + timedelta(seconds=61), 10, 60)  # the claimer died: taken over
    assert [d.id for d in again] == [claimed[0].id]
    store.finish_delivery(claimed[0].id, NOW, sent=True, note="HTTP 200")
    (d,) = store.list_deliveries()
    assert d.status == "sent" and d.attempts == 2
    assert store.claim_deliveries(NOW + timedelta(days=1), 10, 60) == []


def test_a_failed_delivery_is_retried_when_due_then_given_up(store: Store) -> None:
    _events(store, 1)
    sub = store.add_subscription("email", "desk@news.example", {}, {"kinds": ["changed"]}, NOW)
    assert store.get_subscription(sub.id) == sub and store.list_subscriptions() == [sub]
    (event,) = store.events_after(0)
    store.fan_out("alerts", 0, event.id, [(sub.id, event.id)], NOW)
    (d,) = store.claim_deliveries(NOW, 10, 60)
    retry_at = NOW + timedelta(minutes=5)
    store.finish_delivery(d.id, NOW, sent=False, error="SMTP 451", next_attempt_at=retry_at)
    assert store.claim_deliveries(NOW + timedelta(minutes=4), 10, 60) == []
    (d,) = store.claim_deliveries(retry_at, 10, 60)
    store.finish_delivery(d.id, retry_at, sent=False, error="SMTP 550")
    (failed,) = store.list_deliveries(status="failed")
    assert (failed.attempts, failed.last_error) == (2, "SMTP 550")
    assert store.retry_deliveries(NOW) == 1
    assert [x.id for x in store.claim_deliveries(NOW, 10, 60)] == [d.id]
    store.remove_subscription(sub.id)
    assert store.list_deliveries() == []
