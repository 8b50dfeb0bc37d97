"""No secret reaches a user: the database password, the SMTP password and a webhook URL's token
are hidden in every command's output, error line and log line, on both backends."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage import Store
from tests.alerts.test_alerts import store_change
from tests.fixtures.pages import PARAS, page
from tests.fixtures.web import Reply, Web, html
from tracker.cli import main

DB_PASSWORD = "Db-pw-7Hq2x9"  # trust authentication ignores it, so the URL still works
SMTP_PASSWORD = "Smtp-pw-4Kd8w1"
HOOK_PATH = "/services/T0AAA1111/B0BBB2222/abcdefghijklmnopqrstuvwx"  # a Slack-shaped hook on loopback
SECRETS = (DB_PASSWORD, SMTP_PASSWORD, "T0AAA1111", "B0BBB2222", "abcdefghijklmnopqrstuvwx")


@pytest.fixture
def env(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The database URL with a password in it (PostgreSQL; SQLite URLs carry none), and an SMTP password."""
    url = database_url.replace("://postgres@", f"://postgres:{DB_PASSWORD}@")
    config = tmp_path / "config.toml"
    config.write_text(f'smtp_user = "desk"\nsmtp_password = "{SMTP_PASSWORD}"\n')
    monkeypatch.setenv("TRACKER_CONFIG", str(config))
    monkeypatch.setenv("TRACKER_DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_ALLOW_PRIVATE_NETWORKS", "1")
    return url


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def _shows_no_secret(args: list[str], output: str) -> None:
    for secret in SECRETS:
        assert secret not in output, (args, secret, output)


def test_every_command_hides_the_passwords_and_the_hook_token(
    env: str, web: Web, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    hook = web.route(HOOK_PATH, Reply(500, "no", {"Content-Type": "text/plain"}))
    shown_hook = hook.replace(HOOK_PATH, "/services/***")
    story = web.route("/story", html(page(PARAS)))
    postgres = "postgres:" in env
    shown_db = env.replace(DB_PASSWORD, "***")
    # (invocation, exit code, what it must show instead of the secret)
    steps: list[tuple[list[str], int, str]] = [
        (["config"], 0, f"database_url = {shown_db!r}\n"),
        (["config", "--format", "json"], 0, json.dumps(shown_db)),
        (["config", "-vv"], 0, "smtp_password = '***'"),
        (["list", "-vv"], 0, f"database {shown_db}" if postgres else "No stories yet"),
        (["alerts", "add", "--webhook", hook, "--slack"], 0, f"1\twebhook {shown_hook}\n"),
        (["alerts", "add", "--webhook", hook, "--slack", "--format", "json"], 0, f'"target": "{shown_hook}"'),
        (["alerts", "list"], 0, shown_hook),
        (["alerts", "list", "--format", "json"], 0, shown_hook),
        (["alerts", "test", "1"], 1, f"failed: {shown_hook}: HTTP 500"),
        (["alerts", "add", "--webhook", hook.replace("/services", ":99/services")], 1, "/services/***"),
        (["add", f"https://editor:{DB_PASSWORD}@news.example/story"], 1, "https://editor:***@news.example/story"),
        (["add", story], 0, story),
        (["check"], 0, "stored version 1"),
    ]
    for args, code, shown in steps:
        got, output = run(capsys, *args)
        assert got == code, (args, output)
        assert shown in output, (args, output)
        _shows_no_secret(args, output)

    # a change, then the service sends its alert to the failing hook: the log, the stored error
    web.route("/story", html(page([PARAS[0], PARAS[1].replace("14", "23"), *PARAS[2:]])))
    assert run(capsys, "check")[0] == 0
    for log_format in ("plain", "json"):
        got, output = run(capsys, "run", "--once", "--workers", "0", "--log-format", log_format)
        assert got == 0, output
        if log_format == "plain":  # the second run finds nothing new to send
            assert re.search(r"delivery \d+ \(event \d+\) failed .*: " + re.escape(f"{shown_hook}: HTTP 500"), output)
        _shows_no_secret(["run", "--once"], output)
    for args in (["alerts", "list", "--deliveries"], ["alerts", "list", "--deliveries", "--format", "json"]):
        got, output = run(capsys, *args)
        assert got == 0 and f"{shown_hook}: HTTP 500" in output, output
        _shows_no_secret(args, output)


def test_delivery_errors_stored_before_redaction_are_shown_redacted(
    env: str, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    hook = "https://hooks.example.org/tracker/Zq8Wm3Pf7Ks2Lx9N"  # not Slack's shape: known only as the target
    store_change(store)  # an event from before the subscription: --backfill asks for it
    run(capsys, "alerts", "add", "--webhook", hook, "--secret", "a-signing-secret-of-some-length", "--backfill", "365d")
    now = datetime.now(UTC)
    (delivery,) = store.claim_deliveries(now, 10, 60)
    store.finish_delivery(delivery.id, now, sent=False, error=f"{hook}: HTTP 502 (from an older tracker)")
    for args in (["alerts", "list", "--deliveries"], ["alerts", "list", "--deliveries", "--format", "json"]):
        got, output = run(capsys, *args)
        assert got == 0 and "https://hooks.example.org/tracker/***: HTTP 502" in output, output
        assert "Zq8Wm3Pf7Ks2Lx9N" not in output
