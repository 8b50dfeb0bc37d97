"""Signing in and the forms that write, over a real server on SQLite and PostgreSQL: the
token signs a user in, every form needs the session's CSRF token, nothing changes without
both, the token never shows; and reading behind `web_read_token`."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from storage import Store
from tests.web.conftest import SETTINGS, WRITE_TOKEN
from tracker.web.serve import running

READ_TOKEN = "test-read-token-41ab"


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def signed_in(client: httpx.Client, token: str = WRITE_TOKEN) -> httpx.Response:
    return client.post("/signin", data={"token": token}, follow_redirects=True)


def test_signing_in_shows_the_forms_and_a_story_added_there_is_stored(
    client: httpx.Client, seeded: tuple[Store, dict[str, int]]
) -> None:
    store = seeded[0]
    assert 'name="url"' not in client.get("/").text  # no form before signing in
    wrong = client.post("/signin", data={"token": "guess"})
    assert wrong.status_code == 401 and "not the token" in wrong.text
    page = signed_in(client)
    assert page.status_code == 200 and "Signed in." in page.text and 'name="url"' in page.text
    assert WRITE_TOKEN not in page.text and all(WRITE_TOKEN not in c for c in client.cookies.values())
    added = client.post(
        "/stories", data={"url": "https://example.org/news/levee", "csrf": csrf_of(page.text)}, follow_redirects=False
    )
    assert added.status_code == 303
    story = store.find_story("https://example.org/news/levee")
    assert story is not None and added.headers["location"].endswith(f"/stories/{story.id}")
    shown = client.get(added.headers["location"]).text
    assert f"Story {story.id} added" in shown and "No version yet" in shown


def test_pause_resume_and_delete_from_the_story_page(
    client: httpx.Client, seeded: tuple[Store, dict[str, int]]
) -> None:
    store, ids = seeded
    story = next(iter(ids.values()))
    signed_in(client)
    token = csrf_of(client.get(f"/stories/{story}").text)
    client.post(f"/stories/{story}/pause", data={"csrf": token})
    assert store.get_story(story).status == "paused"
    assert "Resume checking" in client.get(f"/stories/{story}").text
    client.post(f"/stories/{story}/resume", data={"csrf": token})
    assert store.get_story(story).status == "active"
    client.post(f"/stories/{story}/remove", data={"csrf": token})
    assert story not in {s.id for s in store.list_stories()}


def test_feeds_and_alerts_are_added_by_form_and_a_webhook_secret_shows_once(
    client: httpx.Client, seeded: tuple[Store, dict[str, int]]
) -> None:
    store = seeded[0]
    page = signed_in(client)
    token = csrf_of(page.text)
    client.post("/feeds", data={"url": "https://example.org/floods.rss", "match": "dam", "csrf": token})
    assert [f.url for f in store.list_feeds()] == ["https://example.org/floods.rss"]
    made = client.post(
        "/subscriptions", data={"channel": "webhook", "target": "https://hooks.example.org/d", "csrf": token}
    )
    assert made.status_code == 201
    secret = re.search(r"shown this once: (\S+)</p>", made.text)
    assert secret is not None
    assert secret.group(1) not in client.get("/subscriptions").text
    assert secret.group(1) not in "".join(client.cookies.values())
    bad = client.post("/subscriptions", data={"channel": "pigeon", "target": "x", "csrf": token})
    assert bad.status_code == 400


def test_no_write_without_a_session_and_its_csrf_token(
    client: httpx.Client, seeded: tuple[Store, dict[str, int]]
) -> None:
    store, ids = seeded
    story = next(iter(ids.values()))
    # not signed in: refused, whatever the form says
    for path, data in (("/stories", {"url": "https://example.org/x"}), (f"/stories/{story}/pause", {})):
        assert client.post(path, data={**data, "csrf": "x"}).status_code == 401
    signed_in(client)
    # signed in, but the form comes from elsewhere: no or a wrong CSRF token
    for csrf in (None, "forged"):
        data = {"url": "https://example.org/x"} | ({"csrf": csrf} if csrf else {})
        refused = client.post("/stories", data=data)
        assert refused.status_code == 400 and "CSRF" in refused.text
    assert client.post(f"/stories/{story}/remove", data={"csrf": "forged"}).status_code == 400
    assert store.find_story("https://example.org/x") is None and store.get_story(story).status == "active"
    # signing out ends it
    client.post("/signout", data={"csrf": csrf_of(client.get("/").text)})
    assert client.post("/stories", data={"url": "https://example.org/x", "csrf": "x"}).status_code == 401


@pytest.fixture
def guarded(seeded: tuple[Store, dict[str, int]]) -> Iterator[httpx.Client]:
    with running(SETTINGS.replace(web_read_token=READ_TOKEN), seeded[0]) as base, httpx.Client(base_url=base) as c:
        yield c


def test_with_a_read_token_reading_needs_it_everywhere(guarded: httpx.Client) -> None:
    for path in ("/", "/stories/1", "/feeds/all.atom", "/api/v1/stories"):
        assert guarded.get(path).status_code == 401, path
    assert guarded.get("/signin").status_code == 200
    assert guarded.get("/api/v1/openapi.json").status_code == 200  # the document is public
    bearer = {"Authorization": f"Bearer {READ_TOKEN}"}
    assert guarded.get("/api/v1/stories", headers=bearer).status_code == 200
    assert guarded.get("/feeds/all.atom", params={"token": READ_TOKEN}).status_code == 200
    # the read token reads, and writes nothing
    assert guarded.post("/api/v1/stories", json={"url": "https://example.org/y"}, headers=bearer).status_code == 401
    page = signed_in(guarded, READ_TOKEN)
    assert page.status_code == 200 and "Signed in to read." in page.text and 'name="url"' not in page.text
    assert guarded.get("/stories/1").status_code == 200
    assert (
        guarded.post("/stories", data={"url": "https://example.org/y", "csrf": csrf_of(page.text)}).status_code == 401
    )


def test_the_session_cookie_is_http_only_and_secure_behind_https(seeded: tuple[Store, dict[str, int]]) -> None:
    for public_url, secure in (("", False), ("https://tracker.example.org", True)):
        with running(SETTINGS.replace(public_url=public_url), seeded[0]) as base:
            cookie = httpx.post(base + "/signin", data={"token": WRITE_TOKEN}).headers["set-cookie"]
            assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
            assert ("Secure" in cookie) is secure
