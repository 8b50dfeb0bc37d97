"""Channels against real receivers: a refused webhook connection is an ordinary, redacted failure;
an SMTP login without encryption is warned about once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest

from storage import Store
from tests.alerts.test_alerts import SECRET, Clock, settings_for, store_change
from tests.fixtures.smtp import Inbox, free_port
from tracker.alerts.filters import Filter
from tracker.alerts.outbox import fan_out, send_due
from tracker.config import Settings

T0 = Clock()()
TOKEN_PATH = "/hooks/T0AAA1111/B0BBB2222/abcdefghijklmnopqrstuvwx"


class Records(logging.Handler):
    """The records of one logger, caught on that logger itself (the CLI's logging set-up stops
    tracker's records from reaching the root logger, where pytest's caplog listens)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def alert_log() -> Iterator[Records]:
    logger = logging.getLogger("tracker.alerts")
    handler, level = Records(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_a_refused_webhook_connection_is_one_line_with_the_redacted_url(store: Store, alert_log: Records) -> None:
    url = f"http://127.0.0.1:{free_port()}{TOKEN_PATH}"  # nothing listens there: the connection is refused
    store.add_subscription("webhook", url, {"secret": SECRET}, Filter().to_dict(), T0)
    store_change(store)
    fan_out(store, T0)
    (attempt,) = send_due(store, settings_for(free_port()), Clock())
    shown = url.replace(TOKEN_PATH, "/hooks/***")
    assert not attempt.sent and attempt.next_attempt_at is not None  # retried later, like any failed send
    assert attempt.note.startswith(f"{shown}: ") and "refused" in attempt.note.lower()
    (record,) = [r for r in alert_log.records if r.levelno >= logging.WARNING]
    assert record.levelno == logging.WARNING and record.exc_info is None  # one line, no traceback
    message = record.getMessage()
    assert "crashed" not in message and "failed (attempt 1), retrying at" in message and shown in message
    (delivery,) = store.list_deliveries()
    assert delivery.last_error == attempt.note and "abcdefghijklmnopqrstuvwx" not in (delivery.last_error or "")


class _Accept:
    """An authenticator that accepts one user and password, and remembers who logged in."""

    def __init__(self) -> None:
        self.logins: list[tuple[bytes, bytes]] = []

    def __call__(self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> Any:
        from aiosmtpd.smtp import AuthResult

        self.logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"mail-password-1")


@pytest.fixture
def smtp_with_login() -> Iterator[tuple[Inbox, int, _Accept]]:
    """A real SMTP server that offers AUTH on a connection that is not encrypted (as some relays do)."""
    from aiosmtpd.controller import Controller

    inbox, accept, port = Inbox(), _Accept(), free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, authenticator=accept, auth_require_tls=False, auth_exclude_mechanism=[]
    )
    controller.start()
    try:
        yield inbox, port, accept
    finally:
        controller.stop()


def test_a_login_without_encryption_is_warned_about_once_and_still_sends(
    store: Store, smtp_with_login: tuple[Inbox, int, _Accept], alert_log: Records
) -> None:
    inbox, port, accept = smtp_with_login
    settings = Settings(
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_user="desk",
        smtp_password="mail-password-1",
        smtp_security="none",
        smtp_from="tracker@example.org",
    )
    store.add_subscription("email", "desk@example.org", {}, Filter().to_dict(), T0)
    store.add_subscription("email", "editor@example.org", {}, Filter().to_dict(), T0)
    store_change(store)
    fan_out(store, T0)
    attempts = send_due(store, settings, Clock())
    assert [a.sent for a in attempts] == [True, True] and len(inbox.messages) == 2
    assert accept.logins == [(b"desk", b"mail-password-1")] * 2  # the login did happen, in clear
    warnings = [r.getMessage() for r in alert_log.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, warnings
    assert f"SMTP login to 127.0.0.1:{port} as desk without encryption" in warnings[0]
    assert "smtp_security = starttls or tls" in warnings[0] and "mail-password-1" not in warnings[0]


def test_no_warning_without_a_login(
    store: Store, smtp_with_login: tuple[Inbox, int, _Accept], alert_log: Records
) -> None:
    inbox, port, _ = smtp_with_login
    store.add_subscription("email", "desk@example.org", {}, Filter().to_dict(), T0)
    store_change(store)
    fan_out(store, T0)
    assert [a.sent for a in send_due(store, settings_for(port), Clock())] == [True] and len(inbox.messages) == 1
    assert not [r for r in alert_log.records if r.levelno >= logging.WARNING]
