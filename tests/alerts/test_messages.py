"""What alerts say and which changes they are sent for (tracker.alerts.messages, filters, channels)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tracker.alerts.channels import ChannelError, EmailChannel, WebhookChannel, signature
from tracker.alerts.filters import Filter, wants
from tracker.alerts.messages import Alert, plain_body, slack_payload, subject, webhook_payload
from tracker.config import Settings
from tracker.engine.compare import compare
from tracker.engine.model import Article
from tracker.errors import AlertError

OLD = Article(
    "Ferry sinks off Sulawesi",
    (
        "At least nine people were killed, officials said.",
        "“We are doing everything we can,” said Andi Sultan, the head of the rescue agency.",
    ),
)
NEW = Article(
    "At least 21 dead after ferry sinks",
    (
        "At least 21 people were killed, officials said.",
        "“We are doing everything we can,” said Andi Sultan, the head of the rescue agency.",
        "“The boat tipped over in seconds,” said Nur Aisyah, a survivor.",
    ),
)
REPORT = compare(OLD, NEW)
ALERT = Alert(
    event_id=42,
    kind="changed",
    story_id=7,
    url="https://news.example/ferry",
    headline=NEW.headline,
    seq=3,
    at=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
    report=REPORT,
)


def test_subject_says_the_news() -> None:
    text = subject(ALERT)
    assert "9 -> 21" in text
    assert "1 new statement" in text
    assert text.endswith("— At least 21 dead after ferry sinks")


def test_plain_body_has_figures_statements_and_link() -> None:
    body = plain_body(ALERT)
    assert "9 -> 21 (+12" in body
    assert "Nur Aisyah" in body
    assert "https://news.example/ferry" in body
    assert "event 42" in body


def test_email_has_both_parts_and_the_event_id() -> None:
    channel = EmailChannel.build("desk@example.org, editor@example.org", {}, Settings())
    msg = channel.message(ALERT)
    assert msg["X-Tracker-Event-Id"] == "42"
    assert msg["Subject"] == subject(ALERT)
    kinds = [part.get_content_type() for part in msg.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    html = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<table" in html and "Nur Aisyah" in html


def test_webhook_payload_and_signature() -> None:
    channel = WebhookChannel("https://hooks.example/t", secret="s3cret-s3cret-s3cret")
    body, headers = channel.request(ALERT, now=1_800_000_000)
    data = json.loads(body)
    assert data["event_id"] == 42 and data["story"]["id"] == 7
    assert data["report"]["figures"][0]["new"]["value"] == 21
    assert headers["X-Tracker-Signature"] == signature("s3cret-s3cret-s3cret", "1800000000", body)
    assert headers["X-Tracker-Event-Id"] == "42"


def test_slack_payload_is_plain_mrkdwn() -> None:
    data = slack_payload(ALERT)
    assert "9 -> 21" in data["text"] and data["blocks"][0]["type"] == "section"
    assert webhook_payload(ALERT)["summary"] == subject(ALERT)


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (Filter(), True),
        (Filter(kinds=("headline",)), True),
        (Filter(kinds=("statements",), keywords=("Aisyah",)), True),
        (Filter(keywords=("hospital",)), False),
        (Filter(kinds=("figures",), min_change=2.0), False),  # 9 -> 21 is +133%, under 200%
        (Filter(kinds=("figures",), min_change=0.5), True),
        (Filter(stories=(8,)), False),
    ],
)
def test_filters(flt: Filter, expected: bool) -> None:
    assert wants(flt, "changed", 7, REPORT) is expected


def test_removed_and_first_events() -> None:
    assert wants(Filter(), "removed", 7, None)
    assert not wants(Filter(kinds=("figures",)), "removed", 7, None)
    assert not wants(Filter(), "first", 7, None)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: EmailChannel.build("not-an-address", {}, Settings()), "not an email address"),
        (lambda: WebhookChannel("ftp://x.example/h", secret="x" * 16), "not a URL tracker can follow"),
        (lambda: WebhookChannel("https://x.example/h", secret="short"), "at least 16 characters"),
        (lambda: Filter(kinds=("weather",)), "unknown change kind"),
    ],
)
def test_invalid_channels_and_filters_say_why(build, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((ChannelError, AlertError), match=message):
        build()
