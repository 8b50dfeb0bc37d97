"""What an alert says: the subject, the plain-text and HTML bodies, the webhook payloads.

Pure functions of a change report and the story it belongs to. The subject says the news
("Toll 14,800 -> 15,000; 1 new statement — <headline>"), never "page changed".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tracker.engine.model import ChangeReport
from tracker.reports.phrases import change_phrase, marked, summary
from tracker.reports.text import to_text
from tracker.reports.wire import to_wire


@dataclass(frozen=True, slots=True)
class Alert:
    """One change event, ready to be said to a subscriber."""

    event_id: int
    kind: str  # "changed" | "removed" | "restored" | "first"
    story_id: int
    url: str
    headline: str
    seq: int | None
    at: datetime
    report: ChangeReport | None
    # who it is for: filled in per delivery (a test alert has subscription 0)
    subscription_id: int = 0
    why: str = ""  # "You get this because subscription 3 follows figures on every story."
    report_url: str | None = None  # the story's published report (the `public_url` setting)

    @property
    def subject(self) -> str:
        return subject(self)


def subject(alert: Alert, limit: int = 150) -> str:
    if alert.kind == "removed":
        text = f"Article removed — {alert.headline or alert.url}"
    elif alert.kind == "restored":
        text = f"Article back online — {alert.headline or alert.url}"
    elif alert.report is None or alert.kind == "first":
        text = f"Now tracking — {alert.headline or alert.url}"
    else:
        text = summary(alert.report, alert.headline or None)
    text = " ".join(text.split())  # a headline's line breaks or tabs must not reach the header
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ;,—-") + "…"


def footer(alert: Alert) -> str:
    """One line: why this reader got the alert, and how to stop it."""
    if not alert.subscription_id:
        return "This is a test alert from `tracker alerts test`."
    why = alert.why or f"You get this because subscription {alert.subscription_id} matched this change."
    return f"{why} To stop it: tracker alerts remove {alert.subscription_id}"


def story_report_url(public_url: str, story_id: int) -> str | None:
    """Where `tracker report` pages are published for readers: PUBLIC_URL/stories/ID.html."""
    if not public_url or story_id <= 0:
        return None
    return f"{public_url.rstrip('/')}/stories/{story_id}.html"


def reason(
    subscription_id: int,
    kinds: tuple[str, ...],
    keywords: tuple[str, ...],
    stories: tuple[int, ...],
    tags: tuple[str, ...] = (),
) -> str:
    """'You get this because subscription 3 follows figures, statements on every story.'"""
    where = "every story"
    if stories:
        where = ("story " if len(stories) == 1 else "stories ") + ", ".join(map(str, stories))
    if tags:
        tagged = f"stories tagged {' or '.join(tags)}"
        where = tagged if not stories else f"{where} and {tagged}"
    words = f" mentioning {', '.join(keywords)}" if keywords else ""
    return f"You get this because subscription {subscription_id} follows {', '.join(kinds)}{words} on {where}."


def plain_body(alert: Alert) -> str:
    lines = [
        subject(alert),
        "",
        f"{alert.url}",
        f"version {alert.seq} · {alert.at:%Y-%m-%d %H:%M} UTC" if alert.seq else f"{alert.at:%Y-%m-%d %H:%M} UTC",
        "",
    ]
    if alert.report is not None and alert.kind == "changed":
        lines.append(to_text(alert.report))
    if alert.report_url:
        lines += ["", f"The story so far: {alert.report_url}"]
    lines += ["", footer(alert), f"event {alert.event_id} · tracker"]
    return "\n".join(lines)


def html_body(alert: Alert) -> str:
    from tracker.reports.html import environment

    template = environment().get_template("alert.html.j2")
    return str(template.render(alert=alert, subject=subject(alert), report=alert.report, footer=footer(alert)))


def webhook_payload(alert: Alert) -> dict[str, Any]:
    """The JSON a webhook receives: the event, the story and version, the full report."""
    return {
        "event_id": alert.event_id,
        "event": alert.kind,
        "at": alert.at.isoformat(),
        "story": {"id": alert.story_id, "url": alert.url, "headline": alert.headline},
        "version": alert.seq,
        "summary": subject(alert),
        "report": to_wire(alert.report, summary(alert.report)) if alert.report is not None else None,
    }


def slack_payload(alert: Alert) -> dict[str, Any]:
    """A Slack-compatible message (incoming webhooks take `text` and `blocks`)."""
    lines = [f"*<{alert.url}|{_slack_escape(alert.headline or alert.url)}>*", _slack_escape(subject(alert))]
    report = alert.report
    if report is not None and alert.kind == "changed":
        for c in report.changed_figures[:8]:
            lines.append(f"• {_slack_escape(c.label or 'figure')}: {change_phrase(c)}")
        for s in report.statements_added[:5]:
            lines.append(f"• new — {_slack_escape(s.speaker or 'unattributed')}: “{_slack_escape(_clip(s.text, 200))}”")
        for s in report.statements_removed[:5]:
            lines.append(
                f"• removed — {_slack_escape(s.speaker or 'unattributed')}: “{_slack_escape(_clip(s.text, 200))}”"
            )
    text = "\n".join(lines)
    return {"text": text, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]}


def edited_sentences(report: ChangeReport) -> list[str]:
    return [
        marked(s.diff, lambda t: f"[+{t}+]", lambda t: f"[-{t}-]")
        for s in report.sentences
        if s.kind in ("edited", "split", "merged")
    ]


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
