"""The JSON API over a real server on SQLite and PostgreSQL: its OpenAPI document is valid
and every response matches it; the change report is `tracker compare --format json`'s;
the events cursor; stories, feeds and subscriptions created and deleted; errors as JSON;
and no write without the token."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from openapi_spec_validator import validate

from storage import Store
from tests.web.conftest import SETTINGS, WRITE_TOKEN
from tracker.cli import main
from tracker.web.openapi import document
from tracker.web.serve import running

DAM = "tamsin-creek-dam-breach"
AUTH = {"Authorization": f"Bearer {WRITE_TOKEN}"}


def conforms(response: httpx.Response, template: str, method: str = "get") -> Any:
    """The response's body, checked against what the document says of that status."""
    doc = document()
    declared = doc["paths"][template][method]["responses"]
    status = str(response.status_code)
    assert status in declared, f"{method.upper()} {template} answered {status}, not documented: {response.text[:300]}"
    content = declared[status].get("content")
    if content is None:
        assert not response.content
        return None
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    schema = {**content["application/json"]["schema"], "components": doc["components"]}
    jsonschema.Draft202012Validator(schema).validate(body)
    return body


def test_the_openapi_document_is_valid_and_served(client: httpx.Client) -> None:
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200
    validate(served.json())
    assert served.json() == document()


def test_every_read_answers_as_documented(client: httpx.Client, seeded: tuple[Store, dict[str, int]]) -> None:
    story = seeded[1][DAM]
    reads = [
        ("/stories", "/stories"),
        ("/stories", "/stories?q=dam&status=active&changed_since=3650d&limit=5"),
        ("/stories/{story_id}", f"/stories/{story}"),
        ("/stories/{story_id}/versions", f"/stories/{story}/versions"),
        ("/stories/{story_id}/versions/{seq}", f"/stories/{story}/versions/2"),
        ("/stories/{story_id}/versions/{seq}/change", f"/stories/{story}/versions/2/change"),
        ("/stories/{story_id}/compare", f"/stories/{story}/compare?from=1&to=4"),
        ("/stories/{story_id}/figures", f"/stories/{story}/figures"),
        ("/stories/{story_id}/statements", f"/stories/{story}/statements"),
        ("/events", "/events?since=0&limit=3"),
        ("/feeds", "/feeds"),
        ("/subscriptions", "/subscriptions"),
        # and the errors
        ("/stories/{story_id}", "/stories/999"),
        ("/stories/{story_id}/versions/{seq}", f"/stories/{story}/versions/99"),
        ("/stories/{story_id}/versions/{seq}/change", f"/stories/{story}/versions/1/change"),
        ("/stories/{story_id}/compare", f"/stories/{story}/compare?from=3&to=2"),
        ("/stories", "/stories?limit=0"),
        ("/stories", "/stories?status=asleep"),
        ("/events", "/events?since=soon"),
    ]
    for template, path in reads:
        conforms(client.get("/api/v1" + path), template)
    listed = client.get("/api/v1/stories").json()["stories"]
    assert {s["id"] for s in listed} == set(seeded[1].values())
    assert all(s["headline"] and s["last_summary"] for s in listed)
    figures = client.get(f"/api/v1/stories/{story}/figures").json()["figures"]
    rescued = next(f for f in figures if f["label"] == "people rescued from flooded homes")
    assert [p["value"] for p in rescued["points"]] == [9, 27, 64]
    said = client.get(f"/api/v1/stories/{story}/statements").json()["statements"]
    assert said and all(s["added"] or s["removed"] for s in said)


def test_the_change_report_is_that_of_tracker_compare(
    client: httpx.Client, seeded: tuple[Store, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store, ids = seeded
    story = ids[DAM]
    for seq in (1, 2, 4):
        (tmp_path / f"v{seq}.html").write_bytes(store.get_html(story, seq))
    for frm, to, path in ((1, 2, f"/versions/{2}/change"), (2, 4, "/compare?from=2&to=4")):
        assert main(["compare", str(tmp_path / f"v{frm}.html"), str(tmp_path / f"v{to}.html"), "--format", "json"]) == 0
        expected = json.loads(capsys.readouterr().out)
        body = client.get(f"/api/v1/stories/{story}{path}").json()
        assert (body["from"], body["to"]) == (frm, to)
        assert body["report"] == expected


def test_the_events_cursor_never_misses_or_repeats(client: httpx.Client, seeded: tuple[Store, dict[str, int]]) -> None:
    store, _ = seeded
    every = [e.id for e in store.events_after(0, 1000)]
    seen: list[int] = []
    cursor = 0
    while True:
        page = client.get("/api/v1/events", params={"since": cursor, "limit": 4}).json()
        if not page["events"]:
            assert page["next"] == cursor
            break
        seen += [e["id"] for e in page["events"]]
        cursor = page["next"]
    assert seen == every and len(every) > 4


def test_errors_are_json_with_a_message_and_the_status(client: httpx.Client) -> None:
    for path, status in (
        ("/api/v1/stories/999", 404),
        ("/api/v1/nothing-here", 404),
        ("/api/v1/stories?offset=-1", 400),
    ):
        r = client.get(path)
        assert r.status_code == status and r.json()["error"]["status"] == status and r.json()["error"]["message"]
    wrong_method = client.put("/api/v1/stories/1", headers=AUTH, json={})
    assert wrong_method.status_code == 405 and wrong_method.json()["error"]["status"] == 405
    not_json = client.post("/api/v1/stories", headers={**AUTH, "Content-Type": "text/plain"}, content=b"url=x")
    assert not_json.status_code == 400 and "JSON object" in not_json.json()["error"]["message"]


def test_a_write_without_the_token_is_refused(client: httpx.Client, seeded: tuple[Store, dict[str, int]]) -> None:
    story = seeded[1][DAM]
    attempts = [
        ("post", "/stories", {"url": "https://example.org/a"}),
        ("delete", f"/stories/{story}", None),
        ("post", f"/stories/{story}/pause", None),
        ("post", "/feeds", {"url": "https://example.org/rss"}),
        ("post", "/subscriptions", {"channel": "email", "target": "desk@example.org"}),
    ]
    for headers in ({}, {"Authorization": "Bearer not-the-token"}, {"Authorization": WRITE_TOKEN}):
        for method, path, body in attempts:
            r = client.request(method, "/api/v1" + path, json=body, headers=headers)
            assert r.status_code == 401, (method, path, headers)
            assert "Bearer" in r.json()["error"]["message"] and WRITE_TOKEN not in r.text
    assert seeded[0].get_story(story).status == "active"
    assert len(seeded[0].list_stories()) == 2


def test_without_a_web_token_every_write_is_off(seeded: tuple[Store, dict[str, int]]) -> None:
    with running(SETTINGS.replace(web_token=""), seeded[0]) as base:
        r = httpx.post(base + "/api/v1/stories", json={"url": "https://example.org/a"}, headers=AUTH)
        assert r.status_code == 403 and "web_token" in r.json()["error"]["message"]


def test_stories_are_created_paused_resumed_and_deleted(client: httpx.Client) -> None:
    made = client.post("/api/v1/stories", json={"url": "https://example.org/news/bridge", "every": "5m"}, headers=AUTH)
    story = conforms(made, "/stories", "post")
    assert made.status_code == 201 and story["created"] and story["every_seconds"] == 300
    again = client.post("/api/v1/stories", json={"url": "https://example.org/news/bridge"}, headers=AUTH)
    assert again.status_code == 200 and conforms(again, "/stories", "post")["id"] == story["id"]
    path = f"/api/v1/stories/{story['id']}"
    paused = conforms(client.post(path + "/pause", headers=AUTH), "/stories/{story_id}/pause", "post")
    assert paused["status"] == "paused" and paused["next_check_at"] is None
    resumed = conforms(client.post(path + "/resume", headers=AUTH), "/stories/{story_id}/resume", "post")
    assert resumed["status"] == "active" and resumed["next_check_at"]
    conforms(client.delete(path, headers=AUTH), "/stories/{story_id}", "delete")
    assert client.get(path).status_code == 404
    assert client.delete(path, headers=AUTH).status_code == 404
    for body, word in (
        ({"url": "ftp://example.org/x"}, "scheme"),
        ({"url": "https://example.org/x", "every": "10s"}, "every"),
        ({"url": 7}, "string"),
        ({}, "required"),
    ):
        refused = client.post("/api/v1/stories", json=body, headers=AUTH)
        assert refused.status_code == 400 and word in conforms(refused, "/stories", "post")["error"]["message"]


def test_feeds_and_subscriptions_are_added_listed_and_removed(client: httpx.Client) -> None:
    feed = conforms(
        client.post("/api/v1/feeds", json={"url": "https://example.org/world.rss", "match": "flood"}, headers=AUTH),
        "/feeds",
        "post",
    )
    assert [f["url"] for f in conforms(client.get("/api/v1/feeds"), "/feeds")["feeds"]] == [feed["url"]]
    conforms(client.delete(f"/api/v1/feeds/{feed['id']}", headers=AUTH), "/feeds/{feed_id}", "delete")
    assert client.get("/api/v1/feeds").json()["feeds"] == []

    hook = {"channel": "webhook", "target": "https://hooks.example.org/desk?token=abc123", "keywords": ["toll"]}
    made = conforms(client.post("/api/v1/subscriptions", json=hook, headers=AUTH), "/subscriptions", "post")
    assert made["secret"] and "abc123" not in made["target"]
    listed = conforms(client.get("/api/v1/subscriptions"), "/subscriptions")["subscriptions"]
    assert len(listed) == 1 and "secret" not in listed[0] and made["secret"] not in json.dumps(listed)
    assert listed[0]["filter"]["keywords"] == ["toll"]
    email = conforms(
        client.post("/api/v1/subscriptions", json={"channel": "email", "target": "desk@example.org"}, headers=AUTH),
        "/subscriptions",
        "post",
    )
    assert "secret" not in email
    conforms(client.delete(f"/api/v1/subscriptions/{email['id']}", headers=AUTH), "/subscriptions/{sub_id}", "delete")
    for bad in (
        {"channel": "pigeon", "target": "x"},
        {"channel": "email", "target": "desk@example.org", "stories": [999]},
    ):
        r = client.post("/api/v1/subscriptions", json=bad, headers=AUTH)
        conforms(r, "/subscriptions", "post")
        assert r.status_code in (400, 404)
