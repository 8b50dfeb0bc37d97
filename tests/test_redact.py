"""What tracker.redact hides: passwords in any URL, and everything in a webhook URL that may be its token."""

from __future__ import annotations

import pytest

from tracker.config import Settings
from tracker.errors import InvalidURL
from tracker.redact import redact_text, redact_url


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://tracker:s3cret@db.example:5432/news", "postgresql://tracker:***@db.example:5432/news"),
        ("postgresql+psycopg://u:p@ss%2Fw@db/news", "postgresql+psycopg://u:***@db/news"),  # an unencoded "@" in it
        ("postgresql://tracker@db/news", "postgresql://tracker@db/news"),  # no password: nothing to hide
        (
            "postgresql://db/news?user=t&password=s3cret&sslmode=require",
            "postgresql://db/news?user=t&password=***&sslmode=require",
        ),
        ("sqlite:////var/lib/tracker/tracker.db", "sqlite:////var/lib/tracker/tracker.db"),
        (
            "https://news.example/2026/11/24/flood-toll-a1b2c3d4?page=2",
            "https://news.example/2026/11/24/flood-toll-a1b2c3d4?page=2",
        ),
        ("https://news.example/feed?token=abc123", "https://news.example/feed?token=***"),
        ("not a url at all", "not a url at all"),
    ],
)
def test_a_url_keeps_all_but_its_password(url: str, shown: str) -> None:
    assert redact_url(url) == shown


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "https://hooks.slack.com/services/T0AAA1111/B0BBB2222/abcdefghijklmnopqrstuvwx",
            "https://hooks.slack.com/services/***",
        ),
        ("https://discord.com/api/webhooks/123456789012345678/aBcD-eFgH_iJkL", "https://discord.com/api/***"),
        (
            "https://acme.webhook.office.com/webhookb2/1f0e-uuid@2a1b/IncomingWebhook/9c8d/7e6f",
            "https://acme.webhook.office.com/webhookb2/***",
        ),
        (
            "https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k1&token=t1",
            "https://chat.googleapis.com/v1/***?key=***&token=***",
        ),
        ("https://hooks.example.org/tracker", "https://hooks.example.org/tracker"),  # nothing that can be a token
        ("https://hooks.example.org/Zq8Wm3Pf7Ks2Lx9N", "https://hooks.example.org/***"),  # the first segment is one
        ("https://bot:s3cret@hooks.example.org/in/x", "https://***@hooks.example.org/in/***"),
        ("http://127.0.0.1:8080/hook/abc#frag", "http://127.0.0.1:8080/hook/***#***"),
    ],
)
def test_a_webhook_url_shows_where_it_goes_not_its_token(url: str, shown: str) -> None:
    assert redact_url(url, webhook=True) == shown


def test_free_text_is_redacted_url_by_url_keeping_the_punctuation() -> None:
    text = (
        "delivery 7 failed: https://hooks.slack.com/services/T0AAA1111/B0BBB2222/abcdefghijklmnopqrstuvwx: HTTP 500; "
        "database postgresql://tracker:s3cret@db/news (see https://discord.com/api/webhooks/1234/tok). "
        "Story https://news.example/services/flood-2026 is fine."
    )
    assert redact_text(text) == (
        "delivery 7 failed: https://hooks.slack.com/services/***: HTTP 500; "
        "database postgresql://tracker:***@db/news (see https://discord.com/api/***). "
        "Story https://news.example/services/flood-2026 is fine."
    )
    assert redact_text("nothing here") == "nothing here"


def test_settings_and_url_errors_show_no_password() -> None:
    settings = Settings(database_url="postgresql://tracker:s3cret@db/news", smtp_password="m41l-pw")
    for shown in (repr(settings), str(settings.redacted())):
        assert "s3cret" not in shown and "m41l-pw" not in shown and "tracker:***@db/news" in shown
    assert settings.database_url.endswith("s3cret@db/news")  # the value itself is intact: the service needs it
    assert "s3cret" not in str(InvalidURL("https://editor:s3cret@news.example/x", "it carries a password"))
