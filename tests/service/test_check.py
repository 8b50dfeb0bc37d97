"""One check of one story, end to end: a real HTTP server, the real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from storage import Store
from storage.rows import StoryRow
from tests.fixtures.pages import PARAS, page
from tests.fixtures.web import Reply, Web, html
from tracker.config import Settings
from tracker.fetch.client import Fetcher
from tracker.fetch.workers import Page, read_page
from tracker.service.check import Checker, Outcome
from tracker.service.schedule import Policy

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def checker(store: Store) -> Iterator[Checker]:
    settings = Settings(allow_private_networks=True, read_timeout=0.3, retries=0, total_timeout=3)
    fetcher = Fetcher(settings, sleep=lambda s: None)
    yield Checker(store=store, fetcher=fetcher, read_page=read_page, policy=Policy(jitter=0), rng=random.Random(1))
    fetcher.close()


def _check(checker: Checker, store: Store, url: str, at: datetime = NOW) -> Outcome:
    story = store.find_story(url)
    assert story is not None
    return checker.run(story, at)


def _add(store: Store, url: str) -> int:
    row, _ = store.add_story(url, NOW, interval_seconds=120, next_check_at=NOW)
    return row.id


def test_first_changed_unchanged_and_boilerplate_only(web: Web, store: Store, checker: Checker) -> None:
    url = web.route("/story", html(page(PARAS)))
    sid = _add(store, url)
    first = _check(checker, store, url)
    assert first.kind == "first" and first.seq == 1

    web.route("/story", html(page(PARAS)))  # the same page: 200 with the same text
    assert _check(checker, store, url, NOW + timedelta(minutes=2)).kind == "unchanged"

    web.route("/story", html(page(PARAS, noise="ad-777 Updated 10:42")))  # only boilerplate changed
    assert _check(checker, store, url, NOW + timedelta(minutes=4)).kind == "unchanged"

    changed = [*PARAS[:1], PARAS[1].replace("14", "23"), *PARAS[2:]]
    web.route("/story", html(page(changed)))
    second = _check(checker, store, url, NOW + timedelta(minutes=6))
    assert second.kind == "changed" and second.seq == 2
    assert second.summary is not None and "14 -> 23" in second.summary
    assert [v.seq for v in store.list_versions(sid)] == [1, 2]
    change = store.get_change(sid, 2)
    assert change is not None
    assert [(f["old"]["value"], f["new"]["value"]) for f in change.report["figures"]] == [(14, 23)]
    story = store.get_story(sid)
    assert story.last_error is None and story.interval_seconds == Policy().min_interval


def test_not_modified_stores_nothing(web: Web, store: Store, checker: Checker) -> None:
    def reply(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"e1"':
            return Reply(304, "", {"ETag": '"e1"'})
        return html(page(PARAS), ETag='"e1"')

    url = web.route("/etag", reply)
    sid = _add(store, url)
    assert _check(checker, store, url).kind == "first"
    assert _check(checker, store, url, NOW + timedelta(minutes=2)).kind == "not_modified"
    assert len(store.list_versions(sid)) == 1
    assert store.get_story(sid).interval_seconds == Policy().min_interval * Policy().backoff


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (Reply(200, page(PARAS), {"Content-Type": "text/html"}, delay=1.0), "timed out"),
        (Reply(500, "oops", {"Content-Type": "text/plain"}), "HTTP 500"),
        (Reply(404, "nope", {"Content-Type": "text/plain"}), "404"),
        (Reply(200, b"\x89PNG\r\n\x1a\nxxxx", {"Content-Type": "image/png"}), "image/png"),
    ],
)
def test_failures_store_nothing_and_leave_the_error(
    web: Web, store: Store, checker: Checker, reply: Reply, error: str
) -> None:
    url = web.route("/bad", reply)
    sid = _add(store, url)
    outcome = _check(checker, store, url)
    assert outcome.kind == "failed" and error in (outcome.error or "")
    story = store.get_story(sid)
    assert store.list_versions(sid) == []
    assert story.consecutive_failures == 1 and error in (story.last_error or "")
    assert story.next_check_at is not None and story.next_check_at > NOW


def test_article_taken_down_is_recorded_as_removed(web: Web, store: Store, checker: Checker) -> None:
    url = web.route("/gone", html(page(PARAS)))
    sid = _add(store, url)
    _check(checker, store, url)
    web.route("/gone", Reply(410, "", {"Content-Type": "text/plain"}))
    outcome = _check(checker, store, url, NOW + timedelta(minutes=2))
    assert outcome.kind == "gone"
    assert store.get_story(sid).status == "removed"
    assert [e.kind for e in store.events_after(0)] == ["first", "removed"]


def test_racing_checks_never_duplicate_a_version(web: Web, store: Store, checker: Checker) -> None:
    url = web.route("/race", html(page(PARAS)))
    sid = _add(store, url)
    _check(checker, store, url)
    for n in range(5):
        changed = [*PARAS[:3], PARAS[3].replace("2,300", f"{3000 + n:,}"), PARAS[4]]
        web.route("/race", html(page(changed)))
        story = store.get_story(sid)
        barrier = threading.Barrier(3)
        results: list[Outcome] = []
        at = NOW + timedelta(minutes=n + 1)

        def run(story: StoryRow, barrier: threading.Barrier, results: list[Outcome], at: datetime) -> None:
            barrier.wait()
            results.append(checker.run(story, at))

        threads = [threading.Thread(target=run, args=(story, barrier, results, at)) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(o.kind for o in results).count("changed") == 1
    seqs = [v.seq for v in store.list_versions(sid)]
    assert seqs == list(range(1, 7))


def _revision(n: int) -> list[str]:
    return [*PARAS[:3], PARAS[3].replace("2,300", f"{3000 + n:,}"), PARAS[4]]


@pytest.mark.parametrize("stored_before", [False, True], ids=["first-version", "later-version"])
def test_an_older_fetch_finishing_last_is_never_stored_on_top(
    web: Web, store: Store, checker: Checker, stored_before: bool
) -> None:
    """Check A fetches revision 1, then stalls in extraction; check B starts later, fetches
    revision 2 and stores it. When A goes on, its older page must not become the latest."""
    url = web.route("/overlap", html(page(_revision(0))))
    sid = _add(store, url)
    if stored_before:
        assert _check(checker, store, url, NOW - timedelta(minutes=5)).kind == "first"
    web.route("/overlap", html(page(_revision(1))))
    fetched, release = threading.Event(), threading.Event()

    def stalling_read(body: bytes, url: str, known: str | None, charset: str | None, *css: str | None) -> Page:
        fetched.set()
        release.wait(10)
        return read_page(body, url, known, charset, *css)

    slow = Checker(store, checker.fetcher, stalling_read, checker.policy, random.Random(2))
    outcomes: list[Outcome] = []
    a = threading.Thread(target=lambda: outcomes.append(slow.run(store.get_story(sid), NOW)))
    a.start()
    assert fetched.wait(10)
    web.route("/overlap", html(page(_revision(2))))
    b = checker.run(store.get_story(sid), NOW + timedelta(seconds=30))
    assert b.kind == ("changed" if stored_before else "first")
    release.set()
    a.join(10)
    assert [o.kind for o in outcomes] == ["superseded"]
    latest = store.latest_version(sid)
    assert latest is not None and "3,002" in latest.text
    assert len(store.list_versions(sid)) == (2 if stored_before else 1)


@pytest.mark.parametrize(
    "retry_after", ["99999999999999999999", "Fri, 01 Jan 2098 00:00:00 GMT"], ids=["huge-seconds", "far-date"]
)
def test_a_huge_retry_after_is_a_recorded_failure_checked_again_within_max_interval(
    web: Web, store: Store, checker: Checker, retry_after: str
) -> None:
    url = web.route("/busy", Reply(503, b"busy", {"Content-Type": "text/plain", "Retry-After": retry_after}))
    sid = _add(store, url)
    outcome = _check(checker, store, url)
    assert outcome.kind == "failed" and "503" in (outcome.error or "")
    row = store.get_story(sid)
    assert row.consecutive_failures == 1 and row.last_error and "503" in row.last_error
    assert row.next_check_at is not None
    assert row.next_check_at <= NOW + timedelta(seconds=checker.policy.max_interval)


WESTERN = (  # windows-1252 with curly quotes, a euro sign and accented words, and no charset anywhere
    "The café’s owner, Renée Marchetti, said “we’ll reopen by Friday” after paying €4,500 for repairs.",
    "It was a naïve hope, critics said — the roof still leaks, and Señor Muñoz’s crew has not started.",
    "Inspectors will return on Monday; the council’s report on the façade is due in a fortnight.",
)


@pytest.mark.parametrize(
    ("body", "content_type", "paragraphs"),
    [
        (page([PARAS[0], PARAS[1].replace("rescued", "rescued&#27;"), *PARAS[2:]]), "text/html; charset=utf-8", PARAS),
        (
            page([*PARAS[:4], PARAS[4].replace("more", "more&#1;")], headline="River floods&#xFFFE; Alder Crossing"),
            "text/html; charset=utf-8",
            PARAS,
        ),
        (page(PARAS).replace("<article>", "<article>" + "<div>" * 600), "text/html; charset=utf-8", PARAS),
        (page(list(WESTERN)).encode("cp1252"), "text/html", list(WESTERN)),
    ],
    ids=["an &#27; in a paragraph", "a noncharacter in the headline", "600 unclosed divs", "windows-1252"],
)
def test_hostile_and_undeclared_pages_are_stored_as_written(
    web: Web, store: Store, checker: Checker, body: str | bytes, content_type: str, paragraphs: list[str]
) -> None:
    url = web.route("/hostile", Reply(200, body, {"Content-Type": content_type}))
    sid = _add(store, url)
    outcome = _check(checker, store, url)
    assert outcome.kind == "first", outcome.error
    version = store.get_version(sid, 1)
    assert version.text.split("\n\n") == paragraphs
    assert version.headline == "River floods Alder Crossing"
