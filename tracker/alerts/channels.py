"""Alert channels: email and webhooks, behind one small interface and one registry.

A channel is a frozen dataclass built from a subscription's target and options, checked
when it is built (`ChannelError` names what is wrong), and able to `send(alert)`. A send
that fails raises `SendFailed` saying whether trying again later may help; the delivery
job records it and retries, it never reaches the check that produced the change.
Built-in channels register themselves in `CHANNELS` the same way a plug-in would.

A webhook URL is a credential (whoever has a Slack hook URL can post to the channel):
what a channel says about itself (`describe`, every `SendFailed` and `ChannelError`
message, which are logged and stored with the delivery) names it redacted
(tracker.redact), and no repr shows a URL, secret or password. A login to an SMTP server
over a connection that is not encrypted (`smtp_security = none`) sends the password in
clear: it still happens (a relay on the same host or network may need it), with one clear
warning per server and user in the log.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import smtplib
import ssl
import threading
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from typing import Any, ClassVar, Protocol

from tracker.alerts.messages import Alert, html_body, plain_body, slack_payload, subject, webhook_payload
from tracker.config import Settings
from tracker.errors import AlertError
from tracker.redact import redact_text, redact_url

log = logging.getLogger("tracker.alerts")

_EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$|^[^@\s,;<>]+@localhost$")


class ChannelError(AlertError):
    """A subscription's target or options are invalid."""


class SendFailed(Exception):
    """A delivery attempt failed. `retryable`: a later attempt may succeed."""

    def __init__(self, message: str, *, retryable: bool = True, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after


class Channel(Protocol):
    kind: ClassVar[str]

    def send(self, alert: Alert) -> str:
        """Deliver the alert; returns a short note for the record (e.g. 'HTTP 200')."""
        ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class EmailChannel:
    """Email through SMTP: a subject that says the news, a plain-text and an HTML part."""

    kind: ClassVar[str] = "email"
    to: tuple[str, ...]
    host: str
    port: int
    security: str  # none | starttls | tls
    user: str
    password: str = field(repr=False)
    sender: str
    timeout: float = 20.0

    def __post_init__(self) -> None:
        if not self.to:
            raise ChannelError("an email subscription needs at least one address")
        for addr in self.to:
            if not _EMAIL.match(addr):
                raise ChannelError(f"{addr!r} is not an email address")
        if self.security not in ("none", "starttls", "tls"):
            raise ChannelError(f"smtp_security {self.security!r} must be none, starttls or tls")

    @classmethod
    def build(cls, target: str, options: dict[str, Any], settings: Settings) -> EmailChannel:
        return cls(
            to=tuple(a.strip() for a in re.split(r"[,;]", target) if a.strip()),
            host=settings.smtp_host,
            port=settings.smtp_port,
            security=settings.smtp_security,
            user=settings.smtp_user,
            password=settings.smtp_password,
            sender=settings.email_sender(),
        )

    def describe(self) -> str:
        return "email to " + ", ".join(self.to)

    def message(self, alert: Alert) -> EmailMessage:
        msg = EmailMessage()
        msg["Subject"] = subject(alert)
        msg["From"] = self.sender
        msg["To"] = ", ".join(self.to)
        msg["Date"] = formatdate(localtime=False)
        msg["Message-ID"] = message_id(alert, self.sender)
        msg["X-Tracker-Event-Id"] = str(alert.event_id)
        msg.set_content(plain_body(alert))
        msg.add_alternative(html_body(alert), subtype="html")
        return msg

    def send(self, alert: Alert) -> str:
        msg = self.message(alert)
        try:
            if self.security == "tls":
                client: smtplib.SMTP = smtplib.SMTP_SSL(
                    self.host, self.port, timeout=self.timeout, context=ssl.create_default_context()
                )
            else:
                client = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            with client:
                if self.security == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if self.user:
                    if self.security == "none":
                        _warn_cleartext_login(self.host, self.port, self.user)
                    client.login(self.user, self.password)
                refused = client.send_message(msg)
        except smtplib.SMTPAuthenticationError as exc:
            raise SendFailed(
                f"SMTP login to {self.host}:{self.port} refused: {exc.smtp_code}", retryable=False
            ) from exc
        except smtplib.SMTPRecipientsRefused as exc:
            raise SendFailed(f"every recipient refused: {', '.join(exc.recipients)}", retryable=False) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise SendFailed(f"SMTP server {self.host}:{self.port}: {exc or type(exc).__name__}") from exc
        if refused:
            return f"sent; refused by {', '.join(refused)}"
        return f"sent to {len(self.to)} address(es)"


def message_id(alert: Alert, sender: str) -> str:
    """The same for every send of one event to one subscription (a resend, a retry), so a
    mail client shows it once; the domain is smtp_from's, never this host's name."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "tracker.invalid"
    return f"<tracker.event-{alert.event_id}.sub-{alert.subscription_id}@{domain}>"


_warned_cleartext: set[tuple[str, int, str]] = set()
_warned_lock = threading.Lock()


def _warn_cleartext_login(host: str, port: int, user: str) -> None:
    """Once per process for each server and user: the login that follows is readable on the wire."""
    with _warned_lock:
        if (host, port, user) in _warned_cleartext:
            return
        _warned_cleartext.add((host, port, user))
    log.warning(
        "SMTP login to %s:%d as %s without encryption (smtp_security = none): the password crosses the "
        "network in clear; set smtp_security = starttls or tls (this warning is shown once)",
        host,
        port,
        user,
    )


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """HMAC-SHA256 of `timestamp.body`, keyed by the subscription's secret, as 'sha256=<hex>'."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


@dataclass(frozen=True)
class WebhookChannel:
    """A signed JSON POST of the change report (or a Slack-compatible message)."""

    kind: ClassVar[str] = "webhook"
    url: str = field(repr=False)
    secret: str = field(repr=False)
    style: str = "json"  # json | slack
    timeout: float = 10.0
    allow_private: bool = False

    def __post_init__(self) -> None:
        from tracker.errors import InvalidURL
        from tracker.fetch.urls import normalise_url

        try:
            normalise_url(self.url)
        except InvalidURL as exc:
            raise ChannelError(f"{self.shown!r} is not a URL tracker can follow: {exc.why}") from None
        if self.style not in ("json", "slack"):
            raise ChannelError(f"webhook style {self.style!r} must be json or slack")
        if self.style == "json" and len(self.secret) < 16:
            raise ChannelError(
                "a webhook secret must be at least 16 characters (receivers verify the signature with it)"
            )

    @classmethod
    def build(cls, target: str, options: dict[str, Any], settings: Settings) -> WebhookChannel:
        return cls(
            url=target,
            secret=str(options.get("secret", "")),
            style=str(options.get("style", "json")),
            allow_private=settings.allow_private_networks,
        )

    @property
    def shown(self) -> str:
        """The URL as a person may see it: its token and any password hidden."""
        return redact_url(self.url, webhook=True)

    def describe(self) -> str:
        return f"webhook {self.shown}" + (" (slack)" if self.style == "slack" else "")

    def _scrub(self, text: str) -> str:
        """An error's text with this hook's URL, and any other secret, hidden."""
        return redact_text(text.replace(self.url, self.shown))

    def request(self, alert: Alert, now: float | None = None) -> tuple[bytes, dict[str, str]]:
        payload = slack_payload(alert) if self.style == "slack" else webhook_payload(alert)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        timestamp = str(int(now if now is not None else time.time()))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "tracker-alerts/0.1",
            "X-Tracker-Event-Id": str(alert.event_id),
            "X-Tracker-Timestamp": timestamp,
        }
        if self.secret:
            headers["X-Tracker-Signature"] = signature(self.secret, timestamp, body)
        return body, headers

    def send(self, alert: Alert) -> str:
        import httpcore
        import httpx

        from tracker.fetch.netguard import AddressRefused
        from tracker.fetch.transport import GuardedBackend, GuardedTransport

        body, headers = self.request(alert)
        # the same guard as page fetches: connect only to the public address just checked
        transport = GuardedTransport(GuardedBackend(None, self.allow_private), max_connections=1, keepalive=0)
        try:
            with httpx.Client(transport=transport, trust_env=False, follow_redirects=False) as client:
                response = client.post(self.url, content=body, headers=headers, timeout=self.timeout)
        except AddressRefused as exc:
            raise SendFailed(f"{self.shown}: {self._scrub(str(exc))}", retryable=False) from exc
        except (httpx.TimeoutException, httpcore.TimeoutException) as exc:
            raise SendFailed(f"{self.shown}: timed out after {self.timeout:.0f}s") from exc
        # The guarded transport lets httpcore's errors through (a refused connection, a name
        # that does not resolve): an ordinary failure to record and retry, not a crash.
        except (httpx.HTTPError, httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
            raise SendFailed(f"{self.shown}: {self._scrub(str(exc)) or type(exc).__name__}") from exc
        status = response.status_code
        if 200 <= status < 300:
            return f"HTTP {status}"
        retry_after = _retry_after(response.headers.get("retry-after"))
        retryable = status >= 500 or status in (408, 429)
        raise SendFailed(f"{self.shown}: HTTP {status}", retryable=retryable, retry_after=retry_after)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    from email.utils import parsedate_to_datetime

    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


class ChannelFactory(Protocol):
    def build(self, target: str, options: dict[str, Any], settings: Settings) -> Channel: ...


CHANNELS: dict[str, Any] = {
    EmailChannel.kind: EmailChannel,
    WebhookChannel.kind: WebhookChannel,
}


def build_channel(kind: str, target: str, options: dict[str, Any], settings: Settings) -> Channel:
    try:
        factory = CHANNELS[kind]
    except KeyError:
        raise ChannelError(f"unknown channel {kind!r}: choose one of {', '.join(sorted(CHANNELS))}") from None
    channel: Channel = factory.build(target, options, settings)
    return channel
