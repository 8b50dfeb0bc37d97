"""Concurrent writers on SQLite and PostgreSQL: threads sharing a store, and separate stores
(two engines, as two processes would have). Every round starts its threads at a barrier."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import TypeVar

import pytest

from storage import Store
from storage.rows import AlreadyStored, Conflict, NewChange, Saved, StoryRow
from tests.storage.values import NOW, story, update, version

T = TypeVar("T")


def _race(n: int, work: Callable[[int], T]) -> list[T]:
    """Run work(0..n-1) in n threads released together; their results, or the first error."""
    barrier = threading.Barrier(n)
    results: list[T | None] = [None] * n
    errors: list[BaseException] = []

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]
    return [r for r in results if r is not None]


@pytest.fixture(params=["one store", "two stores"])
def stores(request: pytest.FixtureRequest, database_url: str) -> Iterator[list[Store]]:
    """Two handles on the database: the same Store twice, or two Stores with their own engines."""
    first = Store.open(database_url)
    second = first if request.param == "one store" else Store.open(database_url)
    try:
        yield [first, second]
    finally:
        first.close()
        second.close()


def test_racing_saves_never_duplicate_a_sequence_number(stores: list[Store]) -> None:
    sid = story(stores[0])
    rounds, threads = 15, 4
    for r in range(rounds):
        latest = stores[0].get_story(sid).latest_seq or None

        def save(i: int, r: int = r, latest: int | None = latest) -> Saved | Conflict | AlreadyStored:
            change = NewChange({"round": r}, f"r{r}") if latest else None
            return stores[i % 2].save_version(sid, latest, version(f"{r}-{i}"), change, update())

        results = _race(threads, save)
        assert sum(isinstance(x, Saved) for x in results) == 1, results
        assert [x for x in results if not isinstance(x, Saved)] == [Conflict((latest or 0) + 1)] * (threads - 1)
    assert [v.seq for v in stores[0].list_versions(sid)] == list(range(1, rounds + 1))
    assert [e.payload["seq"] for e in stores[0].events_after(0, 1000)] == list(range(1, rounds + 1))


def test_racing_saves_of_the_same_content_store_it_once(stores: list[Store]) -> None:
    sid = story(stores[0])
    for r in range(10):

        def save(i: int, r: int = r) -> Saved | Conflict | AlreadyStored:
            return stores[i % 2].save_version(sid, r or None, version(f"same-{r}"), None, update())

        results = _race(4, save)
        assert sum(isinstance(x, Saved) for x in results) == 1
    assert len(stores[0].list_versions(sid)) == 10


def test_racing_adds_of_one_url_create_one_story(stores: list[Store]) -> None:
    for r in range(10):
        url = f"https://news.example/race/{r}"

        def add(i: int, url: str = url) -> tuple[StoryRow, bool]:
            return stores[i % 2].add_story(url, NOW, interval_seconds=60, next_check_at=NOW)

        results = _race(4, add)
        assert sorted(created for _, created in results) == [False, False, False, True]
        assert len({row.id for row, _ in results}) == 1
    assert len(stores[0].list_stories()) == 10


def test_racing_for_a_lease_gives_it_to_one_holder(stores: list[Store]) -> None:
    for r in range(10):
        name = f"lease-{r}"

        def take(i: int, name: str = name) -> bool:
            return stores[i % 2].acquire_lease(name, f"holder-{i}", NOW, 30)

        won = _race(4, take)
        assert sorted(won) == [False, False, False, True]


def test_a_consumer_reading_while_others_write_misses_no_event(stores: list[Store]) -> None:
    """Events must become visible in id order, or a reader that already passed an id skips it."""
    writers, saves = 3, 15
    sids = [story(stores[0]) for _ in range(writers)]
    done = threading.Event()
    seen: list[int] = []

    def read() -> None:
        position = 0
        while True:
            finished = done.is_set()
            for event in stores[1].events_after(position, 100):
                seen.append(event.id)
                position = event.id
            if finished:
                return

    def write(i: int) -> int:
        for n in range(saves):
            stores[i % 2].save_version(sids[i], n or None, version(f"{i}-{n}"), None, update())
        return i

    reader = threading.Thread(target=read)
    reader.start()
    try:
        _race(writers, write)
    finally:
        done.set()
        reader.join()
    assert sorted(seen) == seen
    assert seen == [e.id for e in stores[0].events_after(0, 10_000)]
    assert len(seen) == writers * saves


def test_a_version_fetched_before_the_latest_is_superseded(store: Store) -> None:
    from storage.rows import Superseded

    sid = story(store)
    first = store.save_version(sid, None, version("newer page", NOW), None, update(at=NOW))
    assert isinstance(first, Saved)
    older = store.save_version(sid, 1, version("older page", NOW - timedelta(seconds=5)), None, update(at=NOW))
    assert isinstance(older, Superseded) and older.latest_seq == 1
    assert [v.seq for v in store.list_versions(sid)] == [1]
    latest = store.latest_version(sid)
    assert latest is not None and "newer" in latest.text
