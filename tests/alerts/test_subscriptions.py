"""A new subscription is not flooded with the past; `run --once` leaves nothing it could send;
every test alert and every resend is told apart (or not) by its ids. Real SMTP (aiosmtpd),
real HTTP pages, both databases."""

from __future__ import annotations

from datetime import timedelta
from email.message import Message
from pathlib import Path

import pytest

from storage import Store
from tests.alerts.test_alerts import NEW, OLD, T0, Clock, settings_for, store_change
from tests.fixtures.pages import PARAS, page
from tests.fixtures.smtp import Inbox
from tests.fixtures.web import Web, html
from tracker.alerts.channels import build_channel
from tracker.alerts.filters import Filter
from tracker.alerts.outbox import HOLD_SECONDS, alert_for_delivery, backfill, drain, fan_out, send_due
from tracker.cli import main
from tracker.engine.model import Article


def _past(store: Store, stories: int = 5) -> None:
    """Ten past events: a first version and a change for each of five stories."""
    for i in range(stories):
        store_change(store, f"https://news.example/past-{i}")


def test_a_new_subscription_gets_no_past_event_until_a_new_change(store: Store, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    _past(store)
    assert len(store.events_after(0, 100)) == 10
    store.add_subscription("email", "desk@example.org", {}, Filter().to_dict(), T0 + timedelta(hours=1))
    clock = Clock()
    clock.now = T0 + timedelta(hours=1, minutes=5)
    assert drain(store, settings_for(port), clock) == []
    assert store.list_deliveries() == [] and inbox.messages == []
    # a change after the subscription is delivered, once
    story = store.find_story("https://news.example/past-0")
    assert story is not None
    later = T0 + timedelta(hours=2)
    from storage.rows import NewChange, NewVersion
    from tests.alerts.test_alerts import _update
    from tracker.engine.compare import compare
    from tracker.reports.phrases import summary
    from tracker.reports.wire import to_wire

    third = Article(NEW.headline, (NEW.paragraphs[0].replace("15,000", "16,400"), *NEW.paragraphs[1:]))
    report = compare(NEW, third)
    store.save_version(
        story.id,
        2,
        NewVersion(later, "c", third.headline, None, None, None, third.text, b"<html>"),
        NewChange(to_wire(report, summary(report)), summary(report)),
        _update(later),
    )
    clock.now = later
    attempts = drain(store, settings_for(port), clock)
    assert [a.sent for a in attempts] == [True] and len(inbox.messages) == 1
    assert "15,000 -> 16,400" in str(inbox.messages[0]["Subject"])


def test_backfill_asks_for_a_window_of_the_past(store: Store, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    _past(store, 2)
    sub = store.add_subscription("email", "desk@example.org", {}, Filter().to_dict(), T0 + timedelta(hours=1))
    assert backfill(store, sub.id, T0 + timedelta(minutes=30)) == 0  # the changes are older than the window
    assert backfill(store, sub.id, T0 - timedelta(hours=23)) == 2  # only "changed" events are news
    assert backfill(store, sub.id, T0 - timedelta(hours=23)) == 0  # never twice
    clock = Clock()
    clock.now = T0 + timedelta(hours=1)
    assert [a.sent for a in drain(store, settings_for(port), clock)] == [True, True]
    assert fan_out(store, clock.now) == 0 and len(inbox.messages) == 2


@pytest.fixture
def cli_env(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, smtp_server: tuple[Inbox, int]
) -> Inbox:
    inbox, port = smtp_server
    monkeypatch.setenv("TRACKER_DATABASE_URL", database_url)
    monkeypatch.setenv("TRACKER_ALLOW_PRIVATE_NETWORKS", "1")
    monkeypatch.setenv("TRACKER_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("TRACKER_SMTP_PORT", str(port))
    monkeypatch.setenv("TRACKER_SMTP_FROM", "alerts@desk.example.org")
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    return inbox


def test_run_once_sends_what_it_caused_before_it_exits(
    cli_env: Inbox, store: Store, web: Web, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web.route("/flood", html(page(PARAS)))
    assert main(["add", url]) == 0
    assert main(["run", "--once", "--workers", "0"]) == 0
    assert main(["alerts", "add", "--email", "desk@example.org"]) == 0
    web.route("/flood", html(page([PARAS[0], PARAS[1].replace("14", "31"), *PARAS[2:]])))
    assert main(["check"]) == 0  # the change event; nothing sends it but the service
    assert store.list_deliveries() == [] and cli_env.messages == []
    assert main(["run", "--once", "--workers", "0"]) == 0
    capsys.readouterr()
    assert store.list_deliveries(status="pending") == [] and store.list_deliveries(status="sending") == []
    (msg,) = cli_env.messages
    assert "14 -> 31" in str(msg["Subject"])
    assert str(msg["Message-ID"]).endswith("@desk.example.org>")


def _ids(msg: Message) -> tuple[str, str]:
    return str(msg["X-Tracker-Event-Id"]), str(msg["Message-ID"])


def test_each_alerts_test_has_its_own_event_id(cli_env: Inbox, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["alerts", "add", "--email", "desk@example.org"]) == 0
    assert main(["alerts", "test", "1"]) == 0
    assert main(["alerts", "test", "1"]) == 0
    first, second = (_ids(m) for m in cli_env.messages)
    assert first[0] != second[0] and first[1] != second[1]
    assert "test alert through subscription 1" in cli_env.messages[0].get_body(("plain",)).get_content()  # type: ignore[union-attr]


def test_a_resent_email_keeps_its_message_id(store: Store, smtp_server: tuple[Inbox, int]) -> None:
    """A sender that dies after the SMTP server took the message and before recording it: the
    message is sent again when its claim expires, with the same Message-ID (a client shows it once)."""
    inbox, port = smtp_server
    sub = store.add_subscription("email", "desk@example.org", {}, Filter().to_dict(), T0)
    store_change(store)
    assert fan_out(store, T0) == 1
    (claimed,) = store.claim_deliveries(T0, 10, HOLD_SECONDS)
    channel = build_channel(sub.channel, sub.target, sub.options, settings_for(port))
    channel.send(alert_for_delivery(store, settings_for(port), claimed))  # ... and the sender dies here
    clock = Clock()
    clock.now = T0 + timedelta(seconds=HOLD_SECONDS + 1)
    assert [a.sent for a in send_due(store, settings_for(port), clock)] == [True]
    first, again = inbox.messages
    assert _ids(first) == _ids(again)
    assert str(first["Message-ID"]) == f"<tracker.event-{first['X-Tracker-Event-Id']}.sub-{sub.id}@example.org>"
    assert OLD.headline in str(first["Subject"])


def test_alerts_add_takes_a_percentage_and_a_backfill(
    cli_env: Inbox, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    store_change(store)  # a change event from days before the subscriptions
    assert main(["alerts", "add", "--email", "a@example.org", "--min-change", "5%"]) == 0
    assert main(["alerts", "add", "--email", "b@example.org", "--backfill", "3650d"]) == 0
    out = capsys.readouterr().out
    assert "1 past change(s) queued" in out
    first, second = store.list_subscriptions()
    assert first.filter["min_change"] == 0.05
    assert [d.subscription_id for d in store.list_deliveries()] == [second.id]
