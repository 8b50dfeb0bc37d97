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
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
    lines += ["", f"event {alert.event_id} · tracker"]
    return "\n".join(lines)


def html_body(alert: Alert) -> str:
    from tracker.reports.html import environment

    template = environment().get_template("alert.html.j2")
    return str(template.render(alert=alert, subject=subject(alert), report=alert.report))


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
