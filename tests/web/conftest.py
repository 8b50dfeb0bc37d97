"""A real web server for the web tests: the app under waitress on 127.0.0.1 (any free port)
in a thread, over a store holding seed stories checked revision by revision.

    seeded      (store, {slug: story id}): two seed stories, every revision stored
    web_app     the base URL of the app over `seeded` (write token WRITE_TOKEN)
    client      an httpx.Client on that base URL
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from storage import Store
from tracker.config import Settings
from tracker.demo.server import SeedServer
from tracker.fetch.client import Fetcher
from tracker.fetch.workers import read_page
from tracker.service.check import Checker
from tracker.service.schedule import Policy
from tracker.web.serve import running

SLUGS = ("tamsin-creek-dam-breach", "port-alden-ransomware")
T0 = datetime(2026, 11, 17, 6, 0, tzinfo=UTC)
WRITE_TOKEN = "test-write-token-9f2c"
SETTINGS = Settings(allow_private_networks=True, retries=0, web_token=WRITE_TOKEN)


def check_all(store: Store, server: SeedServer, slug: str, when: datetime) -> int:
    """Store every revision of a seed story, an hour apart from `when`; returns its id."""
    url = server.story_url(slug)
    store.add_story(url, when, interval_seconds=60, next_check_at=when)
    story = store.find_story(url)
    assert story is not None
    fetcher = Fetcher(SETTINGS)
    try:
        checker = Checker(store, fetcher, read_page, Policy(), random.Random(1))
        for rev in range(1, len(server.stories[slug].revisions) + 1):
            server.set_revision(slug, rev)
            outcome = checker.run(store.get_story(story.id), when + timedelta(hours=rev - 1))
            assert outcome.ok, outcome.error
    finally:
        fetcher.close()
    return story.id


@pytest.fixture
def seed_pages() -> Iterator[SeedServer]:
    with SeedServer(stories=list(SLUGS), advance="manual") as server:
        yield server


@pytest.fixture
def seeded(store: Store, seed_pages: SeedServer) -> tuple[Store, dict[str, int]]:
    ids = {slug: check_all(store, seed_pages, slug, T0 + timedelta(minutes=i)) for i, slug in enumerate(SLUGS)}
    return store, ids


@pytest.fixture
def web_app(seeded: tuple[Store, dict[str, int]]) -> Iterator[str]:
    with running(SETTINGS, seeded[0]) as base:
        yield base


@pytest.fixture
def client(web_app: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=web_app, timeout=30) as c:
        yield c
