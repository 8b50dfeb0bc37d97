"""Alerts end to end: change events -> outbox -> a real SMTP server and a real webhook receiver."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest

from storage import Store
from storage.rows import CheckUpdate, NewChange, NewVersion
from tests.fixtures.smtp import Inbox, free_port
from tests.fixtures.web import Reply, Web
from tracker.alerts.channels import signature
from tracker.alerts.filters import Filter
from tracker.alerts.outbox import HOLD_SECONDS, fan_out, send_due
from tracker.config import Settings
from tracker.engine.compare import compare
from tracker.engine.model import Article
from tracker.reports.phrases import summary
from tracker.reports.wire import to_wire

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
SECRET = "a-very-secret-signing-key"
OLD = Article(
    "Toll rises in Alder Crossing floods",
    (
        "At least 14,800 people were displaced by the floods, officials said.",
        "“We have never seen the water this high,” said Mayor Ruth Okonkwo.",
    ),
)
NEW = Article(
    "Toll rises in Alder Crossing floods",
    (
        "At least 15,000 people were displaced by the floods, officials said.",
        "“We have never seen the water this high,” said Mayor Ruth Okonkwo.",
        "“Every shelter in the county is full tonight,” said Dana Whitfield, a Red Cross spokesperson.",
    ),
)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def _update(at: datetime) -> CheckUpdate:
    return CheckUpdate(
        checked_at=at,
        outcome="changed",
        next_check_at=at + timedelta(minutes=2),
        interval_seconds=120,
        etag=None,
        last_modified=None,
        body_hash="h",
        consecutive_failures=0,
        last_error=None,
        status="active",
        changed_at=at,
    )


def store_change(store: Store, url: str = "https://news.example/floods", old: Article = OLD, new: Article = NEW) -> int:
    """A story with two versions: the second's change event is what alerts are about."""
    row, _ = store.add_story(url, T0, interval_seconds=120, next_check_at=T0)
    store.save_version(
        row.id, None, NewVersion(T0, "a", old.headline, None, None, None, old.text, b"<html>"), None, _update(T0)
    )
    report = compare(old, new)
    line = summary(report)
    store.save_version(
        row.id,
        1,
        NewVersion(T0, "b", new.headline, None, None, None, new.text, b"<html>"),
        NewChange(json.loads(json.dumps(to_wire(report, line))), line),
        _update(T0),
    )
    return row.id


def settings_for(port: int) -> Settings:
    return Settings(
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_from="tracker@example.org",
        delivery_attempts=4,
        allow_private_networks=True,
    )


def test_a_figure_change_sends_one_email_with_subject_and_both_parts(
    store: Store, smtp_server: tuple[Inbox, int]
) -> None:
    inbox, port = smtp_server
    store.add_subscription("email", "desk@example.org", {}, Filter().to_dict(), T0)
    store_change(store)
    assert fan_out(store, T0) == 1
    attempts = send_due(store, settings_for(port), Clock())
    assert [a.sent for a in attempts] == [True]
    (msg,) = inbox.messages
    subject = str(msg["Subject"])
    assert subject.startswith("People displaced") and "14,800 -> 15,000" in subject
    assert "1 new statement" in subject and subject.endswith("— Toll rises in Alder Crossing floods")
    plain = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    htmlpart = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "14,800 -> 15,000 (+200" in plain and "Dana Whitfield" in plain
    assert "<table" in htmlpart and "Dana Whitfield" in htmlpart and "https://news.example/floods" in htmlpart
    assert msg["X-Tracker-Event-Id"].isdigit()
    assert send_due(store, settings_for(port), Clock()) == []  # nothing twice
    assert len(inbox.messages) == 1


def test_webhook_signature_verifies(store: Store, web: Web) -> None:
    url = web.route("/hook", Reply(200, "ok"))
    store.add_subscription("webhook", url, {"secret": SECRET, "style": "json"}, Filter().to_dict(), T0)
    store_change(store)
    fan_out(store, T0)
    send_due(store, settings_for(free_port()), Clock())
    ((_, headers),) = web.requests
    body = headers["_body"].encode()
    assert headers["x-tracker-signature"] == signature(SECRET, headers["x-tracker-timestamp"], body)
    payload = json.loads(body)
    assert payload["event_id"] == int(headers["x-tracker-event-id"])
    assert payload["report"]["figures"][0]["new"]["value"] == 15000


def test_a_receiver_that_fails_twice_gets_the_delivery_once(store: Store, web: Web) -> None:
    url = web.route("/hook", [Reply(503, "busy"), Reply(500, "oops"), Reply(200, "ok")])
    store.add_subscription("webhook", url, {"secret": SECRET}, Filter().to_dict(), T0)
    store_change(store)
    fan_out(store, T0)
    clock = Clock()
    rng = random.Random(1)
    results = []
    for _ in range(10):
        results += [a.sent for a in send_due(store, settings_for(free_port()), clock, rng=rng)]
        clock.now += timedelta(hours=1)  # past any back-off
    assert results == [False, False, True]
    assert web.hits["/hook"] == 3
    (delivery,) = store.list_deliveries()
    assert delivery.status == "sent" and delivery.attempts == 3


def test_no_retry_on_4xx_and_give_up_is_visible(store: Store, web: Web) -> None:
    url = web.route("/hook", Reply(410, "gone"))
    store.add_subscription("webhook", url, {"secret": SECRET}, Filter().to_dict(), T0)
    store_change(store)
    fan_out(store, T0)
    (attempt,) = send_due(store, settings_for(free_port()), Clock())
    assert not attempt.sent and attempt.next_attempt_at is None
    (delivery,) = store.list_deliveries(status="failed")
    assert "HTTP 410" in (delivery.last_error or "")


def test_a_filtered_out_change_sends_nothing(store: Store, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    store.add_subscription("email", "desk@example.org", {}, Filter(kinds=("headline",)).to_dict(), T0)
    store.add_subscription("email", "desk@example.org", {}, Filter(keywords=("earthquake",)).to_dict(), T0)
    store_change(store)
    assert fan_out(store, T0) == 0
    assert send_due(store, settings_for(port), Clock()) == []
    assert inbox.messages == []
    assert store.consumer_position("alerts") == store.events_after(0)[-1].id  # the events were read, once


def test_unreachable_smtp_leaves_deliveries_pending_with_the_error(store: Store) -> None:
    store.add_subscription("email", "desk@example.org", {}, Filter().to_dict(), T0)
    store_change(store)
    fan_out(store, T0)
    (attempt,) = send_due(store, settings_for(free_port()), Clock())  # nothing listens on that port
    assert not attempt.sent and attempt.next_attempt_at is not None
    (delivery,) = store.list_deliveries()
    assert delivery.status == "pending" and "SMTP server 127.0.0.1" in (delivery.last_error or "")


def test_a_sender_killed_mid_way_neither_loses_nor_duplicates(store: Store, web: Web) -> None:
    """Three events; the sender 'dies' after claiming them and sending one. A restarted sender
    sends the other two once the dead sender's claim expires, and not the one already sent."""
    url = web.route("/hook", Reply(200, "ok"))
    store.add_subscription("webhook", url, {"secret": SECRET}, Filter().to_dict(), T0)
    for i in range(3):
        store_change(store, url=f"https://news.example/story-{i}")
    assert fan_out(store, T0) == 3
    claimed = store.claim_deliveries(T0, 10, HOLD_SECONDS)  # the first sender claims all three...
    assert len(claimed) == 3
    from tracker.alerts.channels import build_channel
    from tracker.alerts.outbox import alert_for

    first = claimed[0]
    channel = build_channel("webhook", url, {"secret": SECRET}, settings_for(0))
    channel.send(alert_for(store, store.get_event(first.event_id)))
    store.finish_delivery(first.id, T0, sent=True, note="HTTP 200")  # ...sends one, and dies here
    clock = Clock()
    assert send_due(store, settings_for(0), clock) == []  # the claims still hold
    clock.now = T0 + timedelta(seconds=HOLD_SECONDS + 1)
    restarted = send_due(store, settings_for(0), clock)
    assert sorted(a.delivery_id for a in restarted) == sorted(d.id for d in claimed[1:])
    received = [h["x-tracker-event-id"] for _, h in web.requests]
    assert sorted(received) == sorted(str(d.event_id) for d in claimed)  # each event exactly once
    assert {d.status for d in store.list_deliveries()} == {"sent"}


SENDER = """
import sys
from datetime import UTC, datetime
from storage import Store
from tracker.alerts.outbox import send_due
from tracker.config import Settings
send_due(Store.open(sys.argv[1]), Settings(allow_private_networks=True), lambda: datetime.now(UTC))
"""


def test_a_sender_process_killed_mid_request_loses_nothing(store: Store, database_url: str, web: Web) -> None:
    """A real sender process is killed (SIGKILL) while its second webhook request is in flight.
    After a restart every event arrives; the ones it finished are not sent again, and only the
    request cut off by the kill (which it could not record) is repeated, with the same event id."""
    arrived, release = threading.Event(), threading.Event()
    seen: list[str] = []

    def receiver(headers: dict[str, str]) -> Reply:
        seen.append(headers["x-tracker-event-id"])
        if len(seen) == 2:
            arrived.set()
            release.wait(30)  # hold the request open until the sender is dead
        return Reply(200, "ok")

    url = web.route("/hook", receiver)
    store.add_subscription("webhook", url, {"secret": SECRET}, Filter().to_dict(), T0)
    for i in range(3):
        store_change(store, url=f"https://news.example/story-{i}")
    assert fan_out(store, T0) == 3
    sender = subprocess.Popen([sys.executable, "-c", SENDER, database_url], stderr=subprocess.PIPE, text=True)
    try:
        assert arrived.wait(60), "the sender never reached its second delivery"
        sender.kill()
        sender.wait(30)
    finally:
        release.set()
        if sender.poll() is None:
            sender.kill()
    assert sender.returncode == -signal.SIGKILL
    first, cut_off = seen
    statuses = {d.event_id: d.status for d in store.list_deliveries()}
    assert statuses[int(first)] == "sent" and statuses[int(cut_off)] == "sending"  # claimed by the dead sender

    later = Clock()
    later.now = datetime.now(UTC) + timedelta(seconds=HOLD_SECONDS + 60)  # the dead sender's claims expire
    restarted = send_due(store, settings_for(0), later)
    assert all(a.sent for a in restarted) and len(restarted) == 2
    assert {d.status for d in store.list_deliveries()} == {"sent"}
    assert sorted(set(seen)) == sorted(str(e) for e in statuses)  # nothing lost
    assert seen.count(first) == 1 and seen.count(cut_off) == 2 and len(seen) == 4


@pytest.mark.parametrize("style", ["slack"])
def test_slack_style_payload(store: Store, web: Web, style: str) -> None:
    url = web.route("/slack", Reply(200, "ok"))
    store.add_subscription("webhook", url, {"secret": "", "style": style}, Filter().to_dict(), T0)
    store_change(store)
    fan_out(store, T0)
    send_due(store, settings_for(0), Clock())
    ((_, headers),) = web.requests
    data = json.loads(headers["_body"])
    assert "14,800 -> 15,000" in data["text"] and data["blocks"][0]["type"] == "section"


def test_webhooks_to_private_addresses_are_refused_unless_allowed(store: Store, web: Web) -> None:
    url = web.route("/hook", Reply(200, "ok"))
    store.add_subscription("webhook", url, {"secret": SECRET}, Filter().to_dict(), T0)
    store_change(store)
    fan_out(store, T0)
    guarded = Settings(smtp_host="127.0.0.1", allow_private_networks=False)
    (attempt,) = send_due(store, guarded, Clock())
    assert not attempt.sent and "loopback" in attempt.note and "TRACKER_ALLOW_PRIVATE_NETWORKS" in attempt.note
    assert web.hits["/hook"] == 0


def test_a_stalled_smtp_server_holds_back_neither_a_webhook_nor_a_stop(store: Store, web: Web) -> None:
    """The mail server accepts and then sends its greeting a byte every 0.2 s (smtplib's
    timeout, per read, never trips). The webhook must go out meanwhile, and a stop must end
    sending at once instead of after the mail server gives up."""
    from tests.fixtures.trickle import Trickle

    stalled = Trickle(b"220 mail.example ESMTP ready\r\n" * 20, pause=0.2)
    try:
        port = int(stalled.url.split(":")[2].split("/")[0])
        url = web.route("/hook", Reply(200, "ok"))
        store.add_subscription("email", "desk@example.org", {}, Filter().to_dict(), T0)
        store.add_subscription("webhook", url, {"secret": SECRET, "style": "json"}, Filter().to_dict(), T0)
        store_change(store)
        assert fan_out(store, T0) == 2
        stop = threading.Event()
        attempts: list[object] = []
        sender = threading.Thread(
            target=lambda: attempts.extend(send_due(store, settings_for(port), Clock(), stop=stop.is_set))
        )
        sender.start()
        for _ in range(100):  # the webhook is delivered while the SMTP server is still stalling
            if web.hits["/hook"]:
                break
            threading.Event().wait(0.05)
        assert web.hits["/hook"] == 1 and stalled.connections == 1 and sender.is_alive()
        stop.set()
        sender.join(2)
        assert not sender.is_alive()  # it did not wait for the mail server
        assert [getattr(a, "sent", None) for a in attempts] == [True]  # the webhook's, recorded
        statuses = sorted(d.status for d in store.list_deliveries(limit=10))
        assert statuses == ["sending", "sent"]  # the email stays claimed: resent when the claim expires
    finally:
        stalled.close()  # the mail server hangs up: the stalled send fails and is recorded
        for thread in threading.enumerate():
            if thread.name.startswith("alerts-"):
                thread.join(10)
