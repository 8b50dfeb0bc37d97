"""The web app in headless Chromium (Debian's, driven by Playwright with `executable_path`;
no browser download), against a real server on loopback over the seed stories: the story
list, a story page with its figure charts drawn, a change report with its highlights,
signing in, adding a story and seeing its first version once it is checked. Every page is
screenshotted, and no page logs a console error.

`UPDATE_SCREENSHOTS=1` also writes the README's screenshots (the viewport) to docs/.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from storage import Store
from tests.fixtures.browser import chromium
from tests.web.conftest import SETTINGS, WRITE_TOKEN
from tracker.demo.server import SeedServer
from tracker.fetch.client import Fetcher
from tracker.fetch.workers import read_page
from tracker.service.check import Checker
from tracker.service.schedule import Policy

sync_api = pytest.importorskip("playwright.sync_api")
DOCS = Path(__file__).resolve().parents[2] / "docs"
NEW = "larch-peak-missing-hikers"
README_SHOTS = {"stories", "story", "diff"}


@pytest.fixture
def browser_page() -> Iterator[tuple[Any, list[str]]]:
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        try:
            yield page, errors
        finally:
            browser.close()


def shoot(page: Any, tmp_path: Path, name: str) -> None:
    shot = tmp_path / f"{name}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 5_000
    if os.environ.get("UPDATE_SCREENSHOTS") == "1" and name in README_SHOTS:
        DOCS.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS / f"web-{name}.png"), full_page=False)


def test_reading_signing_in_and_adding_a_story_in_chromium(
    web_app: str, seeded: tuple[Store, dict[str, int]], browser_page: tuple[Any, list[str]], tmp_path: Path
) -> None:
    p, errors = browser_page  # a Playwright Page
    store, ids = seeded

    p.goto(web_app + "/")
    rows = p.locator("table.stories tbody tr")
    assert rows.count() == len(ids)
    shoot(p, tmp_path, "stories")

    p.click(f"a[href='/stories/{ids['tamsin-creek-dam-breach']}']")
    chart = p.locator("svg.chart").first
    chart.scroll_into_view_if_needed()
    assert chart.is_visible() and chart.bounding_box()["width"] > 200
    assert p.locator("svg.chart path").count() >= 2
    shoot(p, tmp_path, "story")

    p.click("p.meta >> a:text-is('v2')")
    assert "version 1 → 2" in p.inner_text("p.meta")
    assert p.locator("ins").first.is_visible() and p.locator("del").count() > 0
    shoot(p, tmp_path, "diff")

    p.click("text=Sign in")
    p.fill("input[name=token]", WRITE_TOKEN)
    p.click("button:text('Sign in')")
    assert p.inner_text("p.flash") == "Signed in."
    with SeedServer(stories=[NEW], advance="manual") as server:
        url = server.story_url(NEW)
        p.fill("input[name=url]", url)
        p.click("button:text('Add story')")
        assert "added" in p.inner_text("p.flash") and "No version yet" in p.content()
        story = store.find_story(url)
        assert story is not None
        # the service's part: the first check of the story, due now
        fetcher = Fetcher(SETTINGS)
        try:
            outcome = Checker(store, fetcher, read_page, Policy(), random.Random(1)).run(story, datetime.now(UTC))
            assert outcome.ok, outcome.error
        finally:
            fetcher.close()
    p.reload()
    assert "Version 1" in p.inner_text("ol.timeline")
    assert p.locator(f"a[href='/stories/{story.id}/versions/1']").is_visible()
    shoot(p, tmp_path, "added")
    assert errors == []
