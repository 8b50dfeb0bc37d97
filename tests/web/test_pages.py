"""The pages over a real server (waitress on 127.0.0.1) on SQLite and PostgreSQL: the story
list and its filters, a story page (the story report with its charts), a version's change
report against the one before or any other, the raw page as inert text, errors; and the
story page as headless Chromium draws it."""

from __future__ import annotations

import re
from pathlib import Path

import httpx

from storage import Store
from tests.fixtures.browser import screenshot_url
from tests.fixtures.png import colours

DAM, RANSOM = "tamsin-creek-dam-breach", "port-alden-ransomware"


def test_story_list_shows_headline_last_change_status_and_next_check(
    client: httpx.Client, seeded: tuple[Store, dict[str, int]]
) -> None:
    store, ids = seeded
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    for slug, story_id in ids.items():
        latest = store.latest_version(story_id)
        change = store.get_change(story_id, store.get_story(story_id).latest_seq)
        assert latest is not None and change is not None
        assert f'href="/stories/{story_id}"' in html
        assert _escaped(latest.headline) in html, slug
        assert _escaped(change.summary) in html, slug
    assert "Next check" in html and "UTC" in html
    # no JavaScript is needed, and none is sent
    assert "<script" not in html


def _escaped(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_story_list_filters_by_search_status_and_changed_since(
    client: httpx.Client, seeded: tuple[Store, dict[str, int]]
) -> None:
    store, ids = seeded
    only_dam = client.get("/", params={"q": "tamsin"}).text
    assert f'href="/stories/{ids[DAM]}"' in only_dam and f'href="/stories/{ids[RANSOM]}"' not in only_dam
    # the headline is searched, not only the URL
    headline_word = store.latest_version(ids[RANSOM]).headline.split()[0]  # type: ignore[union-attr]
    assert f'href="/stories/{ids[RANSOM]}"' in client.get("/", params={"q": headline_word.lower()}).text
    store.update_story(ids[RANSOM], active=False, status="paused", next_check_at=None)
    paused = client.get("/", params={"status": "paused"}).text
    assert f'href="/stories/{ids[RANSOM]}"' in paused and f'href="/stories/{ids[DAM]}"' not in paused
    # the seed stories last changed in 2026-11: none since a day ago, both since then
    assert "No story matches" in client.get("/", params={"changed_since": "1h"}).text
    both = client.get("/", params={"changed_since": "2026-11-01"}).text
    assert all(f'href="/stories/{i}"' in both for i in ids.values())
    bad = client.get("/", params={"changed_since": "last tuesday"})
    assert bad.status_code == 400 and "changed_since" in bad.text
    assert client.get("/", params={"status": "sleeping"}).status_code == 400


def test_story_page_is_the_story_report_with_charts_statements_and_version_links(
    client: httpx.Client, seeded: tuple[Store, dict[str, int]]
) -> None:
    store, ids = seeded
    story_id = ids[DAM]
    html = client.get(f"/stories/{story_id}").text
    assert "Timeline of versions" in html and "Figures over time" in html and "Who said what, when" in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') >= 2
    for v in store.list_versions(story_id):
        assert f'href="/stories/{story_id}/versions/{v.seq}"' in html
        if v.summary:
            assert _escaped(v.summary) in html
    assert f'href="/feeds/story/{story_id}.atom"' in html
    # read-only visitor: no write forms
    assert 'method="post"' not in html


def test_version_page_reports_the_change_against_the_previous_or_any_version(
    client: httpx.Client, seeded: tuple[Store, dict[str, int]]
) -> None:
    store, ids = seeded
    story_id = ids[DAM]
    change = store.get_change(story_id, 2)
    assert change is not None
    page = client.get(f"/stories/{story_id}/versions/2")
    assert page.status_code == 200
    assert _escaped(change.summary) in page.text
    assert "version 1 → 2" in page.text and "<ins" in page.text and "<del" in page.text
    # any two: 1 -> 5 says a figure went from its first value to its last (9 -> 64 rescued)
    wide = client.get(f"/stories/{story_id}/versions/5", params={"from": 1}).text
    assert "version 1 → 5" in wide and re.search(r"9\b.*64", wide, re.S)
    # /diff?from=&to= lands on the same page
    moved = client.get(f"/stories/{story_id}/diff", params={"from": 1, "to": 5}, follow_redirects=False)
    assert moved.status_code == 302 and moved.headers["location"].endswith(f"/stories/{story_id}/versions/5?from=1")
    first = client.get(f"/stories/{story_id}/versions/1").text
    assert "First version captured." in first
    assert client.get(f"/stories/{story_id}/versions/3", params={"from": 4}).status_code == 404
    assert client.get(f"/stories/{story_id}/versions/99").status_code == 404
    assert client.get(f"/stories/{story_id}/versions/3", params={"from": "x"}).status_code == 400


def test_raw_page_is_served_as_inert_text(client: httpx.Client, seeded: tuple[Store, dict[str, int]]) -> None:
    store, ids = seeded
    raw = client.get(f"/stories/{ids[DAM]}/versions/2/raw")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("text/plain")
    assert raw.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in raw.headers["content-security-policy"]
    assert raw.content == store.get_html(ids[DAM], 2)


def test_unknown_pages_and_stories_answer_404_in_html(client: httpx.Client) -> None:
    for path in ("/stories/999", "/no-such-page", "/stories/999/versions/1/raw"):
        page = client.get(path)
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html"), path


def test_feeds_and_alerts_pages_list_what_is_there(client: httpx.Client, seeded: tuple[Store, dict[str, int]]) -> None:
    from datetime import UTC, datetime

    store, _ = seeded
    store.add_feed(
        "https://example.org/world.rss", datetime.now(UTC), match="flood", interval_seconds=600, next_check_at=None
    )
    store.add_subscription(
        "webhook", "https://hooks.example.org/x?token=s3cret", {"secret": "signing-9d1e"}, {}, datetime.now(UTC)
    )
    assert "https://example.org/world.rss" in client.get("/feeds").text
    alerts = client.get("/subscriptions").text
    assert "hooks.example.org" in alerts and "s3cret" not in alerts and "signing-9d1e" not in alerts


def test_story_page_in_headless_chromium_shows_its_charts(
    client: httpx.Client, tmp_path: Path, seeded: tuple[Store, dict[str, int]]
) -> None:
    """Chromium loads the page from the server (not a file) and draws the chart lines in the
    accent colour, and the highlighted text in the insertion green."""
    url = f"{client.base_url}/stories/{seeded[1][DAM]}"
    shot = tmp_path / "story.png"
    screenshot_url(url, shot, tmp_path / "profile", size="1000,6000")
    seen = colours(shot)
    assert (0x0B, 0x4F, 0x8A) in seen, "no chart line in the accent colour"
    assert (0xD7, 0xF5, 0xDD) in seen, "no highlighted insertion"
