"""The JSON API under /api/v1, described by /api/v1/openapi.json (tracker.web.openapi).

Reads are open (unless `web_read_token` is set); writes need `Authorization: Bearer
<web_token>`. Errors are `{"error": {"status", "message"}}` with the matching status. A
change report is the `tracker compare --format json` document (tracker.reports.wire).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, jsonify, request
from werkzeug.wrappers import Response

from tracker.web import actions
from tracker.web.auth import require_api_writer, require_reader
from tracker.web.context import context
from tracker.web.data import (
    change_between,
    feed_json,
    int_arg,
    stored_versions,
    story_json,
    story_or_404,
    subscription_json,
    time_arg,
    version_json,
)
from tracker.web.errors import bad_request, not_found

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")
MAX_LIMIT = 1000
STATUSES = ("active", "failing", "paused", "archived", "removed")


@blueprint.before_request
def _reader() -> None:
    if request.endpoint != "api.openapi":
        require_reader(context().settings)
    if request.method in {"POST", "DELETE", "PUT", "PATCH"}:
        require_api_writer(context().settings)


def _created(body: dict[str, Any], created: bool = True) -> Response:
    response = jsonify(body)
    response.status_code = 201 if created else 200
    return response


def _body() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise bad_request("the body must be a JSON object (Content-Type: application/json)")
    return data


def _string(data: dict[str, Any], key: str, *, required: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise bad_request(f"{key!r} is required")
        return None
    if not isinstance(value, str):
        raise bad_request(f"{key!r} must be a string")
    return value


def _limit(default: int = 100) -> int:
    value = int_arg(request.args.get("limit"), "limit", minimum=1)
    return min(value or default, MAX_LIMIT)


@blueprint.get("/openapi.json")
def openapi() -> Response:
    from tracker.web.openapi import document

    return jsonify(document())


# --- stories ----------------------------------------------------------------------------------


@blueprint.get("/stories")
def list_stories() -> Response:
    status = request.args.get("status")
    if status is not None and status not in STATUSES:
        raise bad_request(f"status must be one of {', '.join(STATUSES)}")
    rows = context().store.search_stories(
        query=request.args.get("q") or None,
        status=status,
        changed_since=time_arg(request.args.get("changed_since"), "changed_since"),
        limit=_limit(),
        offset=int_arg(request.args.get("offset"), "offset") or 0,
    )
    return jsonify({"stories": [story_json(r.story, r.headline, r.last_summary) for r in rows]})


@blueprint.post("/stories")
def create_story() -> Response:
    data = _body()
    url = _string(data, "url", required=True) or ""
    every = data.get("every")
    if every is not None and not isinstance(every, str | int | float):
        raise bad_request("'every' must be a duration such as \"5m\" or a number of seconds")
    row, created = actions.add_story(context().settings, context().store, url, every)
    return _created({**story_json(row), "created": created}, created)


@blueprint.get("/stories/<int:story_id>")
def get_story(story_id: int) -> Response:
    row = story_or_404(context().store, story_id)
    latest = context().store.latest_version(story_id)
    return jsonify(story_json(row, latest.headline if latest else None))


@blueprint.delete("/stories/<int:story_id>")
def delete_story(story_id: int) -> Response:
    store = context().store
    story_or_404(store, story_id)
    store.remove_story(story_id)
    return Response(status=204)


@blueprint.post("/stories/<int:story_id>/pause")
def pause_story(story_id: int) -> Response:
    story_or_404(context().store, story_id)
    return jsonify(story_json(actions.set_paused(context().store, story_id, True, datetime.now(UTC))))


@blueprint.post("/stories/<int:story_id>/resume")
def resume_story(story_id: int) -> Response:
    story_or_404(context().store, story_id)
    return jsonify(story_json(actions.set_paused(context().store, story_id, False, datetime.now(UTC))))


# --- versions, change reports, figures, statements --------------------------------------------


@blueprint.get("/stories/<int:story_id>/versions")
def list_versions(story_id: int) -> Response:
    store = context().store
    story_or_404(store, story_id)
    return jsonify({"story": story_id, "versions": [version_json(v) for v in store.list_versions(story_id)]})


@blueprint.get("/stories/<int:story_id>/versions/<int:seq>")
def get_version(story_id: int, seq: int) -> Response:
    store = context().store
    story_or_404(store, story_id)
    v = store.get_version(story_id, seq)
    change = store.get_change(story_id, seq)
    return jsonify(
        {
            "story": story_id,
            "seq": v.seq,
            "fetched_at": v.fetched_at.isoformat(),
            "headline": v.headline,
            "byline": v.byline,
            "published": v.published,
            "modified": v.modified,
            "final_url": v.final_url,
            "http_status": v.http_status,
            "words": v.words,
            "summary": change.summary if change else None,
            "text": v.text,
        }
    )


def _wire(story_id: int, from_seq: int | None, to_seq: int | None) -> Response:
    from tracker.reports.phrases import summary
    from tracker.reports.wire import to_wire

    store = context().store
    row = story_or_404(store, story_id)
    frm, to, report = change_between(store, row, from_seq, to_seq)
    return jsonify({"story": story_id, "from": frm, "to": to, "report": to_wire(report, summary(report))})


@blueprint.get("/stories/<int:story_id>/versions/<int:seq>/change")
def get_change(story_id: int, seq: int) -> Response:
    if seq < 2:
        raise not_found(f"version {seq} is the first: there is no change report for it")
    return _wire(story_id, None, seq)


@blueprint.get("/stories/<int:story_id>/compare")
def compare_versions(story_id: int) -> Response:
    return _wire(
        story_id,
        int_arg(request.args.get("from"), "from", minimum=1),
        int_arg(request.args.get("to"), "to", minimum=1),
    )


@blueprint.get("/stories/<int:story_id>/figures")
def figures(story_id: int) -> Response:
    from tracker.reports.story import figures_json

    store = context().store
    story_or_404(store, story_id)
    return jsonify({"story": story_id, "figures": figures_json(stored_versions(store, story_id))})


@blueprint.get("/stories/<int:story_id>/statements")
def statements(story_id: int) -> Response:
    """Who said what, version by version: statements added and removed, with speakers."""
    store = context().store
    story_or_404(store, story_id)
    out = []
    for v in stored_versions(store, story_id):
        if v.report is None:
            continue
        added = [{"text": s.text, "speaker": s.speaker} for s in v.report.statements_added]
        removed = [{"text": s.text, "speaker": s.speaker} for s in v.report.statements_removed]
        if added or removed:
            out.append({"version": v.seq, "at": v.at.isoformat(), "added": added, "removed": removed})
    return jsonify({"story": story_id, "statements": out})


# --- events, feeds, subscriptions -------------------------------------------------------------


@blueprint.get("/events")
def events() -> Response:
    """Events after the cursor `since` (an event id; 0 for the start), oldest first. `next`
    is the cursor to pass back: polling with it never misses or repeats an event."""
    since = int_arg(request.args.get("since"), "since") or 0
    rows = context().store.events_after(since, _limit())
    body = [
        {
            "id": e.id,
            "story": e.story_id,
            "kind": e.kind,
            "created_at": e.created_at.isoformat(),
            "payload": e.payload,
        }
        for e in rows
    ]
    return jsonify({"events": body, "next": rows[-1].id if rows else since})


@blueprint.get("/feeds")
def list_feeds() -> Response:
    return jsonify({"feeds": [feed_json(f) for f in context().store.list_feeds()]})


@blueprint.post("/feeds")
def create_feed() -> Response:
    data = _body()
    row, created = actions.add_feed(context().store, _string(data, "url", required=True) or "", _string(data, "match"))
    return _created({**feed_json(row), "created": created}, created)


@blueprint.delete("/feeds/<int:feed_id>")
def delete_feed(feed_id: int) -> Response:
    context().store.remove_feed(feed_id)
    return Response(status=204)


@blueprint.get("/subscriptions")
def list_subscriptions() -> Response:
    return jsonify({"subscriptions": [subscription_json(s) for s in context().store.list_subscriptions()]})


@blueprint.post("/subscriptions")
def create_subscription() -> Response:
    data = _body()
    keywords = data.get("keywords") or []
    stories = data.get("stories") or []
    kinds = data.get("kinds")
    if not (isinstance(keywords, list) and all(isinstance(k, str) for k in keywords)):
        raise bad_request("'keywords' must be a list of strings")
    if not (isinstance(stories, list) and all(isinstance(s, int) and not isinstance(s, bool) for s in stories)):
        raise bad_request("'stories' must be a list of story ids")
    if kinds is not None and not (isinstance(kinds, list) and all(isinstance(k, str) for k in kinds)):
        raise bad_request("'kinds' must be a list of strings")
    row, secret = actions.add_subscription(
        context().settings,
        context().store,
        channel=_string(data, "channel", required=True) or "",
        target=_string(data, "target", required=True) or "",
        keywords=keywords,
        stories=stories,
        kinds=kinds,
    )
    body = subscription_json(row)
    if secret:
        body["secret"] = secret  # shown this once; the API never returns it again
    return _created(body)


@blueprint.delete("/subscriptions/<int:sub_id>")
def delete_subscription(sub_id: int) -> Response:
    context().store.remove_subscription(sub_id)
    return Response(status=204)
