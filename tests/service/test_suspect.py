"""Broken fetches are not news: soft 404s, paywall cuts, JavaScript shells and collapsed
extractions store no version and no event, against a real local server and the real store.
When the article comes back, it is compared with the last good version."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from storage import Store
from tests.fixtures.pages import PARAS, page
from tests.fixtures.web import Web, html
from tracker.config import Settings
from tracker.fetch.client import Fetcher
from tracker.fetch.workers import read_page
from tracker.service.check import Checker, Outcome
from tracker.service.schedule import Policy

NOW = datetime(2026, 12, 2, 7, 0, tzinfo=UTC)

SOFT_404 = (
    "<!doctype html><html><head><title>Page not found | The Courier</title></head><body>"
    "<header><nav>Home · World · Local</nav></header><main><h1>Sorry, we couldn't find that page</h1>"
    "<p>The page you were looking for could not be found. Try the search box or go back to the home page.</p>"
    "</main><footer>© The Courier</footer></body></html>"
)
JS_SHELL = (
    "<!doctype html><html><head><title>The Courier</title><script src='/app.js'></script></head>"
    "<body><noscript>You need to enable JavaScript to run this app.</noscript><div id='root'></div></body></html>"
)


def paywalled(paragraphs: list[str]) -> str:
    return page(paragraphs[:2]).replace(
        "</article>",
        "<div class='gate'><h2>Subscribe to keep reading</h2><p>Already a subscriber? Sign in.</p></div></article>",
    )


@pytest.fixture
def checker(store: Store) -> Iterator[Checker]:
    settings = Settings(allow_private_networks=True, read_timeout=0.5, retries=0, total_timeout=3)
    fetcher = Fetcher(settings, sleep=lambda s: None)
    yield Checker(store=store, fetcher=fetcher, read_page=read_page, policy=Policy(jitter=0), rng=random.Random(1))
    fetcher.close()


def _run(checker: Checker, store: Store, sid: int, minutes: int) -> Outcome:
    return checker.run(store.get_story(sid), NOW + timedelta(minutes=minutes))


def _tracked(web: Web, store: Store, checker: Checker, path: str, accept_short: bool = False) -> int:
    url = web.route(path, html(page(PARAS)))
    row, _ = store.add_story(url, NOW, interval_seconds=120, next_check_at=NOW, accept_short=accept_short)
    assert _run(checker, store, row.id, 0).kind == "first"
    return row.id


@pytest.mark.parametrize(
    ("broken", "kind"),
    [
        (SOFT_404, "soft 404"),
        (paywalled(PARAS), "paywall"),
        (JS_SHELL, "JavaScript"),
        (page(PARAS[:1]), "collapsed"),
    ],
    ids=["soft-404", "paywall-cut", "js-only", "collapsed"],
)
def test_a_broken_fetch_stores_nothing_and_the_articles_return_reports_nothing(
    web: Web, store: Store, checker: Checker, broken: str, kind: str
) -> None:
    sid = _tracked(web, store, checker, "/story")
    events_before = len(store.events_after(0))
    web.route("/story", html(broken))
    suspect = _run(checker, store, sid, 2)
    assert suspect.kind == "suspect" and kind in (suspect.error or "")
    row = store.get_story(sid)
    assert row.latest_seq == 1 and row.suspect_reason and kind in row.suspect_reason
    assert row.consecutive_failures == 0
    assert len(store.events_after(0)) == events_before  # no event, so no alert
    (kept,) = store.list_suspects(sid)
    assert store.get_suspect_html(sid, kept.id) == broken.encode()  # the raw page, for inspection

    again = _run(checker, store, sid, 4)  # the same broken page: judged again, not taken as unchanged
    assert again.kind == "suspect"

    web.route("/story", html(page(PARAS)))  # the article is back, as it was
    back = _run(checker, store, sid, 6)
    assert back.kind == "unchanged"
    assert store.get_story(sid).suspect_reason is None and store.get_story(sid).latest_seq == 1


def test_after_a_paywall_the_real_edit_is_compared_with_the_last_good_version(
    web: Web, store: Store, checker: Checker
) -> None:
    sid = _tracked(web, store, checker, "/edit")
    web.route("/edit", html(paywalled(PARAS)))
    assert _run(checker, store, sid, 2).kind == "suspect"
    edited = [*PARAS[:1], PARAS[1].replace("14", "19"), *PARAS[2:]]
    web.route("/edit", html(page(edited)))
    changed = _run(checker, store, sid, 4)
    assert changed.kind == "changed" and changed.seq == 2
    change = store.get_change(sid, 2)
    assert change is not None
    assert "14 -> 19" in change.summary
    assert change.report["statements"]["added"] == [] and change.report["statements"]["removed"] == []


def test_a_first_fetch_of_a_broken_page_fails_saying_why(web: Web, store: Store, checker: Checker) -> None:
    for path, body, why in [("/shell", JS_SHELL, "JavaScript"), ("/gone", SOFT_404, "soft 404")]:
        url = web.route(path, html(body))
        row, _ = store.add_story(url, NOW, interval_seconds=120, next_check_at=NOW)
        outcome = _run(checker, store, row.id, 0)
        assert outcome.kind == "failed" and why in (outcome.error or "")
        assert store.get_story(row.id).latest_seq == 0


def test_a_story_that_accepts_short_pages_stores_a_shrunken_page(web: Web, store: Store, checker: Checker) -> None:
    sid = _tracked(web, store, checker, "/live", accept_short=True)
    web.route("/live", html(page(PARAS[:1])))
    assert _run(checker, store, sid, 2).kind == "changed"
    assert store.get_story(sid).latest_seq == 2


def test_a_revert_is_said_to_be_one_and_still_stored(web: Web, store: Store, checker: Checker) -> None:
    sid = _tracked(web, store, checker, "/revert")
    edited = [*PARAS[:3], PARAS[3].replace("2,300", "4,100"), PARAS[4]]
    web.route("/revert", html(page(edited)))
    assert _run(checker, store, sid, 2).kind == "changed"
    web.route("/revert", html(page(PARAS)))
    back = _run(checker, store, sid, 4)
    assert back.kind == "changed" and back.seq == 3
    assert back.summary is not None and back.summary.startswith("back to the text of version 1")
    change = store.get_change(sid, 3)
    assert change is not None and change.report["reverted_to"] == 1
    assert "4,100 -> 2,300" in change.summary
