"""The diff engine runs in the worker processes within compare_budget; past it, the version
is still stored, with a report that says the engine ran out of time. Real processes, a real
HTTP server and the real store."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from storage import Store
from tests.fixtures.pages import PARAS, page
from tests.fixtures.web import Web, html
from tracker.config import Settings
from tracker.engine.compare import compare
from tracker.engine.model import Article
from tracker.fetch.client import Fetcher
from tracker.fetch.workers import Extraction
from tracker.service.bootstrap import make_checker

NOW = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def extraction() -> Iterator[Extraction]:
    with Extraction(workers=1) as pool:
        yield pool


def test_within_the_budget_the_report_is_the_engines(extraction: Extraction) -> None:
    old = Article("Floods", tuple(PARAS), None, None, None)
    new = Article("Floods", (PARAS[0], PARAS[1].replace("14", "21"), *PARAS[2:]), None, None, None)
    assert extraction.compare(old, new, budget=60) == compare(old, new)


def test_past_the_budget_the_version_is_stored_with_a_report_that_says_so(
    web: Web, store: Store, extraction: Extraction
) -> None:
    # A long article no worker has read (a memoised pair could finish before the wait begins)
    long = [f"{p} (Report {n} of the county's flood log.)" for n in range(60) for p in PARAS]

    def revision(rescued: str) -> str:
        return page([long[0], long[1].replace("14", rescued), *long[2:]])

    url = web.route("/long", html(revision("14")))
    row, _ = store.add_story(url, NOW, interval_seconds=120, next_check_at=NOW)
    settings = Settings(allow_private_networks=True, retries=0, compare_budget=1e-6)
    with Fetcher(settings) as fetcher:
        hurried = make_checker(settings, store, fetcher, extraction, random.Random(1))
        assert hurried.run(store.get_story(row.id), NOW).kind == "first"
        web.route("/long", html(revision("21")))
        late = hurried.run(store.get_story(row.id), NOW + timedelta(minutes=2))
        assert late.kind == "changed" and late.seq == 2
        assert late.summary is not None and "ran out of time" in late.summary
        change = store.get_change(row.id, 2)
        assert change is not None and "compare_budget" in change.report["note"]
        assert change.report["figures"] == []

        # the stuck worker was replaced: the next change is read in full on a fresh pool
        patient = make_checker(settings.replace(compare_budget=60), store, fetcher, extraction, random.Random(1))
        web.route("/long", html(revision("30")))
        full = patient.run(store.get_story(row.id), NOW + timedelta(minutes=4))
        assert full.kind == "changed" and full.summary is not None and "21 -> 30" in full.summary
