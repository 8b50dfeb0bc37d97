"""One entry point per output format: text, Markdown, HTML or JSON.

Rendering is pure and imports nothing heavy unless HTML (Jinja2) is asked for. JSON is
the `wire` contract, the same document the store and the API hold.
"""

from __future__ import annotations

import json

from tracker.engine.model import ChangeReport
from tracker.reports.phrases import summary
from tracker.reports.text import to_markdown, to_text
from tracker.reports.wire import to_wire

FORMATS = ("text", "json", "markdown", "html")


def to_html(report: ChangeReport, title: str | None = None) -> str:
    from tracker.reports.html import render_change

    return render_change(report, title=title)


def render(report: ChangeReport, fmt: str, *, title: str | None = None) -> str:
    if fmt == "json":
        return json.dumps(to_wire(report, summary(report)), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return to_markdown(report, title)
    if fmt == "html":
        return to_html(report, title)
    return to_text(report)
