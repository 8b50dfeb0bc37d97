"""ChangeReport -> text, Markdown, HTML or JSON, and the one-line summary of an update.

The summary says the news first ("Toll 14,800 -> 15,000; 1 new statement"), the way an
alert subject or a log line needs it. Text and Markdown are for terminals and emails;
HTML (a Jinja2 template, no external assets) for browsers and email bodies; JSON is the
`wire` contract. Rendering is pure and imports nothing heavy unless HTML is asked for.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from tracker.model import ChangeReport, Diff, Figure, FigureChange, Statement
from tracker.numbers import format_value
from tracker.wire import to_wire

FORMATS = ("text", "json", "markdown", "html")


def _value(c: FigureChange, side: str) -> str:
    return format_figure(c.old if side == "old" else c.new)


def format_figure(f: Figure | None) -> str:
    """A figure's value with its currency or percent sign: '$1,800,000,000', '35%', '14,800'."""
    if f is None:
        return "—"
    unit = f.unit or ""
    value = format_value(f.value)
    if unit in {"$", "£", "€", "¥", "₹"}:
        return unit + value
    if unit == "%":
        return value + "%"
    return value


def change_phrase(c: FigureChange) -> str:
    """'14,800 -> 15,000 (+200, +1.4%)'."""
    text = f"{_value(c, 'old')} -> {_value(c, 'new')}"
    if c.delta is not None:
        sign = "+" if c.delta > 0 else "-"
        text += f" ({sign}{format_value(abs(c.delta))}"
        if c.ratio is not None and c.old is not None and c.old.unit != "%":
            text += f", {c.ratio:+.1%}"
        text += ")"
    return text


def summary(report: ChangeReport, headline: str | None = None) -> str:
    """One line that says the news: figures first, then statements, then the headline."""
    parts: list[str] = []
    changed = report.changed_figures
    if changed:
        first = changed[0]
        label = _short_label(first.label)
        parts.append(f"{label + ' ' if label else ''}{_value(first, 'old')} -> {_value(first, 'new')}")
        if len(changed) > 1:
            parts.append(f"{len(changed) - 1} more figure{'s' if len(changed) > 2 else ''} changed")
    if report.statements_added:
        n = len(report.statements_added)
        parts.append(f"{n} new statement{'s' if n > 1 else ''}")
    if report.statements_removed:
        n = len(report.statements_removed)
        parts.append(f"{n} statement{'s' if n > 1 else ''} removed")
    if report.headline is not None:
        parts.append("headline changed")
    if not parts:
        edits = sum(1 for s in report.sentences if s.kind != "moved")
        parts.append(f"{edits} sentence{'s' if edits != 1 else ''} edited" if edits else "text moved")
    line = "; ".join(parts)
    if headline:
        line += f" — {headline}"
    return line


def _short_label(label: str) -> str:
    words = label.split()
    text = " ".join(words[:4])
    return text[:1].upper() + text[1:]


def _speaker(s: Statement) -> str:
    return s.speaker or "unattributed"


def marked(diff: Diff, ins: Callable[[str], str], dele: Callable[[str], str]) -> str:
    """A diff as one text, insertions and deletions wrapped; white space at the edges of a
    change stays outside the marks ("**said** his", not "**said **his")."""
    out = []
    for op, text in diff:
        if op == 0:
            out.append(text)
            continue
        core = text.strip()
        if not core:
            out.append(text if op > 0 else "")
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(lead + (ins(core) if op > 0 else dele(core)) + trail)
    return "".join(out)


def to_text(report: ChangeReport) -> str:
    if report.is_empty:
        return "No change.\n"
    lines: list[str] = [summary(report), ""]
    if report.headline:
        lines += ["Headline", f"  - {report.headline.old}", f"  + {report.headline.new}", ""]
    changed = report.changed_figures
    if changed:
        lines.append("Figures")
        for c in changed:
            lines.append(f"  {c.label or '(unlabelled)'}: {change_phrase(c)}")
        lines.append("")
    appeared = [c for c in report.figures if c.old is None or c.new is None]
    if appeared:
        lines.append("New or dropped figures")
        for c in appeared:
            f = c.new or c.old
            assert f is not None
            lines.append(f"  {'+' if c.new else '-'} {f.text} ({c.label or 'unlabelled'})")
        lines.append("")
    reworded = {id(r.new) for r in report.statements_reworded}
    if report.statements_added:
        lines.append("New statements")
        for s in report.statements_added:
            tag = " (reworded)" if id(s) in reworded else ""
            lines.append(f"  + {_speaker(s)}{tag}: {s.text}")
        lines.append("")
    if report.statements_removed:
        lines.append("Removed statements")
        for s in report.statements_removed:
            lines.append(f"  - {_speaker(s)}: {s.text}")
        lines.append("")
    edits = [e for e in report.sentences if e.kind in ("edited", "split", "merged")]
    if edits:
        lines.append("Edited sentences")
        for e in edits:
            lines.append("  " + marked(e.diff, lambda t: f"[+{t}+]", lambda t: f"[-{t}-]"))
        lines.append("")
    added = [c for c in report.sentences if c.kind == "added"]
    removed = [c for c in report.sentences if c.kind == "removed"]
    if added or removed:
        lines.append("Added and removed sentences")
        lines += [f"  + {t}" for c in added for t in c.new]
        lines += [f"  - {t}" for c in removed for t in c.old]
        lines.append("")
    moved = sum(1 for c in report.sentences if c.kind == "moved")
    if moved:
        lines.append(f"{moved} sentence{'s' if moved > 1 else ''} moved unchanged.")
    return "\n".join(lines).rstrip() + "\n"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def to_markdown(report: ChangeReport, title: str | None = None) -> str:
    if report.is_empty:
        return "No change.\n"
    lines = [f"## {_md_escape(title or summary(report))}", ""]
    if title:
        lines += [f"*{_md_escape(summary(report))}*", ""]
    if report.headline:
        lines += [
            "**Headline**",
            "",
            f"- ~~{_md_escape(report.headline.old)}~~",
            f"- **{_md_escape(report.headline.new)}**",
            "",
        ]
    changed = report.changed_figures
    if changed:
        lines += ["| Figure | Old | New | Change |", "|---|---:|---:|---:|"]
        for c in changed:
            delta = change_phrase(c).split(" -> ", 1)[1].partition(" ")[2] or ""
            lines.append(f"| {_md_escape(c.label)} | {_value(c, 'old')} | {_value(c, 'new')} | {delta.strip('()')} |")
        lines.append("")
    for title_, items, mark in (
        ("New statements", report.statements_added, "+"),
        ("Removed statements", report.statements_removed, "−"),
    ):
        if items:
            lines += [f"**{title_}**", ""]
            lines += [f"- {mark} **{_md_escape(_speaker(s))}**: {_md_escape(s.text)}" for s in items]
            lines.append("")
    edits = [s for s in report.sentences if s.kind in ("edited", "split", "merged")]
    if edits:
        lines += ["**Edited sentences**", ""]
        for s in edits:
            lines.append("- " + marked(s.diff, lambda t: f"**{_md_escape(t)}**", lambda t: f"~~{_md_escape(t)}~~"))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def to_html(report: ChangeReport, title: str | None = None) -> str:
    from tracker.htmlreport import render_change

    return render_change(report, title=title)


def render(report: ChangeReport, fmt: str, *, title: str | None = None) -> str:
    if fmt == "json":
        return json.dumps(to_wire(report, summary(report)), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return to_markdown(report, title)
    if fmt == "html":
        return to_html(report, title)
    return to_text(report)
