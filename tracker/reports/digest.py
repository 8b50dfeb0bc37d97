"""`tracker digest`: what changed across every tracked story in a period, in one text.

Stories are grouped, the most recent change first; each shows its headline, the news in
one line per version, and its changed figures and new statements. Text and Markdown for
terminals and chat, HTML (inline styles only) for an email body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape

from tracker.engine.model import ChangeReport
from tracker.reports.phrases import change_phrase


@dataclass(frozen=True, slots=True)
class DigestItem:
    story_id: int
    url: str
    headline: str
    seq: int
    at: datetime
    report: ChangeReport
    summary: str


def _grouped(items: Sequence[DigestItem]) -> list[list[DigestItem]]:
    groups: dict[int, list[DigestItem]] = {}
    for item in items:
        groups.setdefault(item.story_id, []).append(item)
    ordered = sorted(groups.values(), key=lambda g: max(i.at for i in g), reverse=True)
    return [sorted(g, key=lambda i: i.seq) for g in ordered]


def render_digest(items: Sequence[DigestItem], since: datetime, fmt: str = "text") -> str:
    groups = _grouped(items)
    stamp = since.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    if fmt == "html":
        return _html(groups, stamp)
    md = fmt == "markdown"
    lines = [
        ("# " if md else "")
        + f"What changed since {stamp} UTC: {len(groups)} stor{'y' if len(groups) == 1 else 'ies'}",
        "",
    ]
    if not groups:
        lines.append("Nothing changed.")
    for group in groups:
        last = group[-1]
        lines.append(("## " if md else "") + f"{last.headline or last.url}  [story {last.story_id}]")
        lines.append(last.url)
        for item in group:
            lines.append(f"{'- ' if md else '  '}v{item.seq} {item.at.astimezone(UTC):%H:%M}: {item.summary}")
        figures = [c for item in group for c in item.report.changed_figures]
        for c in figures[:10]:
            lines.append(f"{'  - ' if md else '    '}{c.label or 'figure'}: {change_phrase(c)}")
        statements = [s for item in group for s in item.report.statements_added]
        for s in statements[:5]:
            lines.append(f"{'  - ' if md else '    '}new — {s.speaker or 'unattributed'}: “{_clip(s.text)}”")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _clip(text: str, n: int = 160) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _html(groups: list[list[DigestItem]], stamp: str) -> str:
    parts = [
        '<!doctype html><html><head><meta charset="utf-8"><title>tracker digest</title></head>',
        '<body style="font:15px/1.5 Georgia,serif;max-width:760px;margin:1rem auto;color:#1b1b1b">',
        '<h1 style="font-family:Helvetica,Arial,sans-serif;font-size:20px">',
        f"What changed since {escape(stamp)} UTC</h1>",
    ]
    if not groups:
        parts.append("<p><em>Nothing changed.</em></p>")
    for group in groups:
        last = group[-1]
        parts.append(
            f'<h2 style="font-family:Helvetica,Arial,sans-serif;font-size:17px;margin-bottom:2px">'
            f'<a href="{escape(last.url)}">{escape(last.headline or last.url)}</a></h2><ul>'
        )
        for item in group:
            parts.append(f"<li>v{item.seq} {item.at.astimezone(UTC):%H:%M} — {escape(item.summary)}")
            figs = item.report.changed_figures
            if figs:
                parts.append(
                    "<ul>"
                    + "".join(
                        f"<li>{escape(c.label or 'figure')}: <b>{escape(change_phrase(c))}</b></li>" for c in figs[:10]
                    )
                    + "</ul>"
                )
            if item.report.statements_added:
                parts.append(
                    "<ul>"
                    + "".join(
                        f"<li>new — <i>{escape(s.speaker or 'unattributed')}</i>: “{escape(_clip(s.text))}”</li>"
                        for s in item.report.statements_added[:5]
                    )
                    + "</ul>"
                )
            parts.append("</li>")
        parts.append("</ul>")
    parts.append("</body></html>")
    return "".join(parts)
