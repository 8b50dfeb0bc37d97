"""The OpenAPI 3.1 document of /api/v1, written by hand next to the views it describes
(tests/web/test_api.py validates it and checks every response against it)."""

from __future__ import annotations

from typing import Any

NULLABLE_STR = {"type": ["string", "null"]}
NULLABLE_TIME = {"type": ["string", "null"], "format": "date-time"}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


MAX_ID = 2**31 - 1  # as tracker.web.errors: the INTEGER columns of PostgreSQL
INT = {"type": "integer", "format": "int32", "maximum": MAX_ID}
# what `changed_since` takes: an ISO 8601 date or time, a duration back from now, or nothing
SINCE_PATTERN = r"^(|\d+(\.\d+)?\s*(ms|s|m|h|d|w)?|\d{4}-\d{2}-\d{2}([T ][0-9:.]+([+-]\d{2}:\d{2}|Z)?)?)$"


def _id(name: str, description: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "description": description, "schema": {**INT, "minimum": 0}}


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


STORY_ID = _id("story_id", "the story's id")
SEQ = _id("seq", "the version's number within the story (1 is the first)")
WRITE: list[dict[str, list[str]]] = [{"bearer": []}]
WRITE_ERRORS = {
    "401": _error("no or wrong bearer token"),
    "403": _error("writes are turned off (no web_token set)"),
}
READ_ERRORS = {"401": _error("reading needs the read token (web_read_token is set)")}
LIMIT = _query("limit", "at most this many (default 100; above 1000 reads as 1000)", {**INT, "minimum": 1})

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "message"],
                "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
            }
        },
    },
    "Story": {
        "type": "object",
        "required": ["id", "url", "status", "active", "versions", "added_at", "failures"],
        "properties": {
            "id": {"type": "integer"},
            "url": {"type": "string"},
            "title": NULLABLE_STR,
            "headline": NULLABLE_STR,
            "status": {"type": "string", "enum": ["active", "failing", "paused", "archived", "removed"]},
            "active": {"type": "boolean"},
            "versions": {"type": "integer"},
            "added_at": {"type": "string", "format": "date-time"},
            "last_checked_at": NULLABLE_TIME,
            "last_changed_at": NULLABLE_TIME,
            "next_check_at": NULLABLE_TIME,
            "every_seconds": {"type": ["number", "null"]},
            "failures": {"type": "integer"},
            "last_error": NULLABLE_STR,
            "suspect_reason": NULLABLE_STR,
            "last_summary": NULLABLE_STR,
            "created": {"type": "boolean"},
        },
    },
    "NewStory": {
        "type": "object",
        "required": ["url"],
        "properties": {
            "url": {"type": "string", "description": "the article's http(s) URL"},
            "every": {
                "type": ["string", "number"],
                "description": 'a fixed interval (e.g. "5m", at least 60 s); default adaptive',
            },
        },
    },
    "VersionMeta": {
        "type": "object",
        "required": ["seq", "fetched_at", "headline", "words"],
        "properties": {
            "seq": {"type": "integer"},
            "fetched_at": {"type": "string", "format": "date-time"},
            "headline": {"type": "string"},
            "words": {"type": "integer"},
            "html_size": {"type": "integer"},
            "http_status": {"type": "integer"},
            "summary": NULLABLE_STR,
        },
    },
    "Version": {
        "type": "object",
        "required": ["story", "seq", "fetched_at", "headline", "text"],
        "properties": {
            "story": {"type": "integer"},
            "seq": {"type": "integer"},
            "fetched_at": {"type": "string", "format": "date-time"},
            "headline": {"type": "string"},
            "byline": NULLABLE_STR,
            "published": NULLABLE_STR,
            "modified": NULLABLE_STR,
            "final_url": NULLABLE_STR,
            "http_status": {"type": "integer"},
            "words": {"type": "integer"},
            "summary": NULLABLE_STR,
            "text": {"type": "string", "description": "paragraphs separated by a blank line"},
        },
    },
    "ChangeReport": {
        "type": "object",
        "description": "the document of `tracker compare --format json` (tracker.reports.wire)",
        "required": ["version", "headline", "figures", "statements"],
        "properties": {
            "version": {"type": "integer"},
            "summary": {"type": "string"},
            "headline": {"type": ["object", "null"]},
            "figures": {"type": "array", "items": {"type": "object"}},
            "statements": {"type": "object"},
        },
    },
    "Change": {
        "type": "object",
        "required": ["story", "from", "to", "report"],
        "properties": {
            "story": {"type": "integer"},
            "from": {"type": "integer"},
            "to": {"type": "integer"},
            "report": _ref("ChangeReport"),
        },
    },
    "FigureSeries": {
        "type": "object",
        "required": ["label", "points"],
        "properties": {
            "label": NULLABLE_STR,
            "unit": NULLABLE_STR,
            "points": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["version", "at", "value", "text"],
                    "properties": {
                        "version": {"type": "integer"},
                        "at": {"type": "string", "format": "date-time"},
                        "value": {"type": "number"},
                        "text": {"type": "string"},
                        "sentence": NULLABLE_STR,
                    },
                },
            },
        },
    },
    "Said": {
        "type": "object",
        "required": ["text", "speaker"],
        "properties": {"text": {"type": "string"}, "speaker": NULLABLE_STR},
    },
    "StatementChange": {
        "type": "object",
        "required": ["version", "at", "added", "removed"],
        "properties": {
            "version": {"type": "integer"},
            "at": {"type": "string", "format": "date-time"},
            "added": {"type": "array", "items": _ref("Said")},
            "removed": {"type": "array", "items": _ref("Said")},
        },
    },
    "Event": {
        "type": "object",
        "required": ["id", "story", "kind", "created_at", "payload"],
        "properties": {
            "id": {"type": "integer"},
            "story": {"type": "integer"},
            "kind": {"type": "string"},
            "created_at": {"type": "string", "format": "date-time"},
            "payload": {"type": "object"},
        },
    },
    "Feed": {
        "type": "object",
        "required": ["id", "url", "active", "failures"],
        "properties": {
            "id": {"type": "integer"},
            "url": {"type": "string"},
            "match": NULLABLE_STR,
            "active": {"type": "boolean"},
            "added_at": NULLABLE_TIME,
            "last_checked_at": NULLABLE_TIME,
            "next_check_at": NULLABLE_TIME,
            "failures": {"type": "integer"},
            "last_error": NULLABLE_STR,
            "created": {"type": "boolean"},
        },
    },
    "NewFeed": {
        "type": "object",
        "required": ["url"],
        "properties": {"url": {"type": "string"}, "match": NULLABLE_STR},
    },
    "Subscription": {
        "type": "object",
        "required": ["id", "channel", "target", "filter", "active", "created_at"],
        "properties": {
            "id": {"type": "integer"},
            "channel": {"type": "string", "enum": ["email", "webhook"]},
            "target": {"type": "string", "description": "the address, or the webhook URL with its secrets hidden"},
            "filter": {"type": "object"},
            "active": {"type": "boolean"},
            "created_at": {"type": "string", "format": "date-time"},
            "secret": {"type": "string", "description": "a webhook's signing secret: in the creating response only"},
        },
    },
    "NewSubscription": {
        "type": "object",
        "required": ["channel", "target"],
        "properties": {
            "channel": {"type": "string", "enum": ["email", "webhook"]},
            "target": {"type": "string"},
            "keywords": {"type": "array", "items": {"type": "string"}},
            "stories": {"type": "array", "items": {"type": "integer"}},
            "kinds": {"type": "array", "items": {"type": "string"}},
        },
    },
}


def _list(key: str, item: str) -> dict[str, Any]:
    return {"type": "object", "required": [key], "properties": {key: {"type": "array", "items": _ref(item)}}}


def _get(
    summary: str, response: dict[str, Any], *, params: list[dict[str, Any]] | None = None, missing: bool = True
) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": _json(response, "OK"), "400": _error("a parameter is malformed"), **READ_ERRORS}
    if missing:
        responses["404"] = _error("no such story, version, feed or subscription")
    return {"summary": summary, "parameters": params or [], "responses": responses}


def _write(
    summary: str,
    body: str | None,
    ok: str,
    response: dict[str, Any] | None,
    *,
    params: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    responses: dict[str, Any] = {
        **WRITE_ERRORS,
        "400": _error("the request is malformed or refused"),
        "404": _error("not found"),
    }
    if response is None:
        responses[ok] = {"description": "done"}
    else:
        responses[ok] = _json(response, "done")
        if ok == "201":
            responses["200"] = _json(response, "it existed already")
    op: dict[str, Any] = {"summary": summary, "security": WRITE, "parameters": params or [], "responses": responses}
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": _ref(body)}}}
    return op


def document() -> dict[str, Any]:
    list_params = [
        _query("q", "words in the URL, title or latest headline", {"type": "string"}),
        _query("status", "only stories in this state", SCHEMAS["Story"]["properties"]["status"]),
        _query(
            "changed_since",
            "an ISO 8601 date or time, or a duration back from now (24h, 7d)",
            {"type": "string", "pattern": SINCE_PATTERN},
        ),
        LIMIT,
        _query("offset", "skip this many", {**INT, "minimum": 0}),
    ]
    pair = [
        STORY_ID,
        _query("from", "the older version (default: the one before `to`)", {**INT, "minimum": 1}),
        _query("to", "the newer version (default: the latest)", {**INT, "minimum": 1}),
    ]
    paths: dict[str, Any] = {
        "/stories": {
            "get": _get(
                "stories, most recently changed first", _list("stories", "Story"), params=list_params, missing=False
            ),
            "post": _write("track a new article (its first check is due at once)", "NewStory", "201", _ref("Story")),
        },
        "/stories/{story_id}": {
            "get": _get("one story", _ref("Story"), params=[STORY_ID]),
            "delete": _write("delete a story and its whole history", None, "204", None, params=[STORY_ID]),
        },
        "/stories/{story_id}/pause": {
            "post": _write("stop checking a story", None, "200", _ref("Story"), params=[STORY_ID])
        },
        "/stories/{story_id}/resume": {
            "post": _write("check a story again", None, "200", _ref("Story"), params=[STORY_ID])
        },
        "/stories/{story_id}/versions": {
            "get": _get(
                "a story's versions, oldest first",
                {
                    "type": "object",
                    "required": ["story", "versions"],
                    "properties": {
                        "story": {"type": "integer"},
                        "versions": {"type": "array", "items": _ref("VersionMeta")},
                    },
                },
                params=[STORY_ID],
            )
        },
        "/stories/{story_id}/versions/{seq}": {
            "get": _get("one version, with its text", _ref("Version"), params=[STORY_ID, SEQ])
        },
        "/stories/{story_id}/versions/{seq}/change": {
            "get": _get(
                "the change report that produced a version (against the one before)",
                _ref("Change"),
                params=[STORY_ID, SEQ],
            )
        },
        "/stories/{story_id}/compare": {
            "get": _get("the change report between any two versions", _ref("Change"), params=pair)
        },
        "/stories/{story_id}/figures": {
            "get": _get(
                "each figure that changed, as a timeline",
                {
                    "type": "object",
                    "required": ["story", "figures"],
                    "properties": {
                        "story": {"type": "integer"},
                        "figures": {"type": "array", "items": _ref("FigureSeries")},
                    },
                },
                params=[STORY_ID],
            )
        },
        "/stories/{story_id}/statements": {
            "get": _get(
                "who said what, version by version",
                {
                    "type": "object",
                    "required": ["story", "statements"],
                    "properties": {
                        "story": {"type": "integer"},
                        "statements": {"type": "array", "items": _ref("StatementChange")},
                    },
                },
                params=[STORY_ID],
            )
        },
        "/events": {
            "get": _get(
                "events after a cursor, oldest first; pass `next` back as `since`",
                {
                    "type": "object",
                    "required": ["events", "next"],
                    "properties": {"events": {"type": "array", "items": _ref("Event")}, "next": INT},
                },
                params=[
                    _query(
                        "since",
                        "the cursor: the last event id seen (0: from the start)",
                        {**INT, "minimum": 0},
                    ),
                    LIMIT,
                ],
                missing=False,
            )
        },
        "/feeds": {
            "get": _get("the feeds followed", _list("feeds", "Feed"), missing=False),
            "post": _write("follow a feed", "NewFeed", "201", _ref("Feed")),
        },
        "/feeds/{feed_id}": {
            "delete": _write("stop following a feed", None, "204", None, params=[_id("feed_id", "the feed's id")])
        },
        "/subscriptions": {
            "get": _get("the alert subscriptions", _list("subscriptions", "Subscription"), missing=False),
            "post": _write("subscribe a channel to changes", "NewSubscription", "201", _ref("Subscription")),
        },
        "/subscriptions/{sub_id}": {
            "delete": _write(
                "remove a subscription", None, "204", None, params=[_id("sub_id", "the subscription's id")]
            )
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "tracker API",
            "version": "1",
            "description": "Stories, their versions and change reports, figure timelines, statements, events, "
            "feeds and alert subscriptions. Writes need `Authorization: Bearer <web_token>`.",
        },
        "servers": [{"url": "/api/v1"}],
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "the web_token setting"}},
        },
    }
