"""Atom feeds of changes: /feeds/all.atom and /feeds/story/<id>.atom.

Each change event is one entry. Its id is derived from the event id alone (never from the
report, the headline or the address the feed was read at), so a feed reader shows a change
once and never resurfaces it; its title is the summary line, its content the change report
as HTML (the report's own macros, with the inline styles that survive a feed reader).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from flask import Blueprint, url_for
from werkzeug.wrappers import Response

from storage.web import ChangeEvent
from tracker.web.auth import require_reader
from tracker.web.context import context
from tracker.web.data import story_or_404

blueprint = Blueprint("feeds", __name__, url_prefix="/feeds")
ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50


@blueprint.before_request
def _reader() -> None:
    require_reader(context().settings)


def entry_id(event_id: int) -> str:
    """A URN that names the event for good (namespaced by `public_url` when it is set)."""
    base = context().settings.public_url.rstrip("/") or "tracker"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{base}/events/{event_id}')}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _content(change: ChangeEvent, link: str) -> str:
    from tracker.reports.wire import from_wire

    template = context().templates.get_template("web_entry.html.j2")
    report = from_wire(change.report)
    return str(
        template.render(report=report, summary=change.summary, link=link, seq=change.seq, story_id=change.story_id)
    )


def _feed(title: str, feed_key: str, self_url: str, page_url: str, changes: list[ChangeEvent]) -> Response:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", title)
    _sub(feed, "id", _feed_id(feed_key))
    _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=page_url, type="text/html")
    updated = changes[0].created_at if changes else datetime(2000, 1, 1, tzinfo=UTC)
    _sub(feed, "updated", updated.isoformat())
    author = _sub(feed, "author")
    _sub(author, "name", "tracker")
    _sub(feed, "generator", "tracker")
    for change in changes:
        link = url_for("pages.version", story_id=change.story_id, seq=change.seq, _external=True)
        entry = _sub(feed, "entry")
        _sub(entry, "id", entry_id(change.event_id))
        _sub(entry, "title", change.summary or f"Version {change.seq}")
        _sub(entry, "updated", change.created_at.isoformat())
        _sub(entry, "published", change.created_at.isoformat())
        _sub(entry, "link", rel="alternate", href=link, type="text/html")
        _sub(entry, "summary", change.headline or change.url)
        _sub(entry, "content", _content(change, link), type="html")
    body = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return Response(body, mimetype="application/atom+xml")


def _feed_id(key: str) -> str:
    base = context().settings.public_url.rstrip("/") or "tracker"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{base}/feeds/{key}')}"


@blueprint.get("/all.atom")
def all_changes() -> Response:
    changes = context().store.change_events(limit=ENTRIES)
    return _feed(
        "tracker: every change",
        "all",
        url_for("feeds.all_changes", _external=True),
        url_for("pages.stories", _external=True),
        changes,
    )


@blueprint.get("/story/<int:story_id>.atom")
def story_changes(story_id: int) -> Response:
    store = context().store
    row = story_or_404(store, story_id)
    changes = store.change_events(story_id=story_id, limit=ENTRIES)
    title = f"tracker: {changes[0].headline if changes else (row.title or row.url)}"
    page = url_for("pages.story", story_id=story_id, _external=True)
    self_url = url_for("feeds.story_changes", story_id=story_id, _external=True)
    return _feed(title, f"story/{story_id}", self_url, page, changes)
