"""Email that survives real mail clients: what a real SMTP server (aiosmtpd) receives has no
<style> block and no CSS variables, so insertions, deletions and speakers stay distinct on
inline styles alone (seen in headless Chromium); a subject that folds cleanly; domains from
the settings; the story's report link; one line on why the reader got it."""

from __future__ import annotations

import re
from pathlib import Path

from storage import Store
from tests.alerts.test_alerts import Clock, settings_for, store_change
from tests.fixtures.browser import screenshot
from tests.fixtures.png import colours
from tests.fixtures.smtp import Inbox
from tracker.alerts.filters import Filter
from tracker.alerts.outbox import drain
from tracker.engine.model import Article

OLD = Article(
    "Bridge closure strands commuters in Harlow",
    (
        "About 4,000 drivers used the Harlow bridge each day before it was shut on Monday.",
        "“We will not reopen it until the inspectors are satisfied,” said engineer Pia Lund.",
    ),
)
NEW = Article(
    "Bridge closure strands commuters in Harlow",
    (
        "About 6,500 drivers used the Harlow bridge each day before it was shut on Monday.",
        "“A ferry will run from Thursday,” said transport chief Omar Reyes.",
    ),
)


def _email(store: Store, smtp_server: tuple[Inbox, int], **settings: str) -> tuple[str, str, str]:
    inbox, port = smtp_server
    sub = store.add_subscription("email", "desk@example.org", {}, Filter(keywords=("bridge",)).to_dict(), Clock()())
    story_id = store_change(store, "https://news.example/harlow-bridge", OLD, NEW)
    config = settings_for(port).replace(**settings)
    assert [a.sent for a in drain(store, config, Clock())] == [True]
    (msg,) = inbox.messages
    html = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
    plain = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert sub.id and story_id
    (raw,) = inbox.raw
    return raw.decode("ascii"), html, plain  # headers and bodies on the wire are 7-bit


def test_the_email_shows_its_marks_without_a_style_block(
    store: Store, smtp_server: tuple[Inbox, int], tmp_path: Path
) -> None:
    _, html, _ = _email(store, smtp_server)
    assert "<style" not in html.lower() and "var(--" not in html
    # what a client that drops <style> and classes would render: the inline styles alone
    bare = re.sub(r'\sclass="[^"]*"', "", html)
    assert "<ins style=" in bare and "<del style=" in bare and "Omar Reyes" in bare and "Pia Lund" in bare
    page = tmp_path / "email.html"
    page.write_text(bare, encoding="utf-8")
    shot = tmp_path / "email.png"
    screenshot(page, shot, tmp_path / "profile")
    seen = colours(shot)
    assert (215, 245, 221) in seen, "insertions are not highlighted green"
    assert (251, 225, 225) in seen, "deletions are not highlighted red"
    assert (11, 93, 30) in seen and (243, 251, 245) in seen, "the new statement's speaker is not marked"
    assert (138, 28, 28) in seen and (253, 245, 245) in seen, "the removed statement's speaker is not marked"


def test_headers_links_and_why_the_reader_got_it(store: Store, smtp_server: tuple[Inbox, int]) -> None:
    raw, html, plain = _email(
        store, smtp_server, public_url="https://desk.example.org/tracker/", smtp_from="Desk <alerts@desk.example.org>"
    )
    headers = raw.replace("\r\n", "\n").split("\n\n", 1)[0]
    assert all(len(line) <= 78 for line in headers.splitlines()), headers
    subject = re.search(r"^Subject: (.*(?:\n[ \t].*)*)", headers, re.MULTILINE)
    assert subject is not None
    from email.header import decode_header, make_header

    unfolded = str(make_header(decode_header(subject.group(1).replace("\n", ""))))
    assert unfolded.startswith("About 4,000 -> 6,500") or "4,000 -> 6,500" in unfolded, unfolded
    assert unfolded.endswith("— Bridge closure strands commuters in Harlow") and "  " not in unfolded
    assert re.search(r"^Message-ID: <tracker\.event-\d+\.sub-1@desk\.example\.org>$", headers, re.MULTILINE)
    assert "alerts@desk.example.org" in headers and "localhost" not in headers
    report = "https://desk.example.org/tracker/stories/1.html"
    assert report in plain and f'href="{report}"' in html
    why = "You get this because subscription 1 follows figures, statements, headline, removed mentioning bridge"
    assert why in plain and why in html and "tracker alerts remove 1" in plain


def test_without_smtp_from_the_sender_is_at_the_public_domain(store: Store, smtp_server: tuple[Inbox, int]) -> None:
    raw, _, _ = _email(store, smtp_server, public_url="https://news-desk.example.net/t", smtp_from="")
    headers = raw.split("\r\n\r\n", 1)[0]
    assert "From: tracker@news-desk.example.net" in headers and "@news-desk.example.net>" in headers


def test_a_long_subject_is_cut_at_a_word_on_one_line() -> None:
    from datetime import UTC, datetime

    from tracker.alerts.messages import Alert, subject

    headline = "Harlow\nbridge " + " ".join(["closure"] * 40)
    alert = Alert(1, "removed", 1, "https://news.example/x", headline, 2, datetime.now(UTC), None)
    text = subject(alert)
    assert "\n" not in text and len(text) <= 150 and text.endswith("closure…")
