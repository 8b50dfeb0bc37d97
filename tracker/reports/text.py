"""A ChangeReport as plain text (terminals, logs, email) or Markdown.

Markdown escapes what it would otherwise read as markup; both show the sections the
other renderers show.
"""

from __future__ import annotations

from tracker.engine.model import ChangeReport
from tracker.reports.phrases import change_phrase, figure_value, marked, speaker_of, summary


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
            lines.append(f"  + {speaker_of(s)}{tag}: {s.text}")
        lines.append("")
    if report.statements_removed:
        lines.append("Removed statements")
        for s in report.statements_removed:
            lines.append(f"  - {speaker_of(s)}: {s.text}")
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
            lines.append(
                f"| {_md_escape(c.label)} | {figure_value(c, 'old')} | {figure_value(c, 'new')} | {delta.strip('()')} |"
            )
        lines.append("")
    for title_, items, mark in (
        ("New statements", report.statements_added, "+"),
        ("Removed statements", report.statements_removed, "−"),
    ):
        if items:
            lines += [f"**{title_}**", ""]
            lines += [f"- {mark} **{_md_escape(speaker_of(s))}**: {_md_escape(s.text)}" for s in items]
            lines.append("")
    edits = [s for s in report.sentences if s.kind in ("edited", "split", "merged")]
    if edits:
        lines += ["**Edited sentences**", ""]
        for s in edits:
            lines.append("- " + marked(s.diff, lambda t: f"**{_md_escape(t)}**", lambda t: f"~~{_md_escape(t)}~~"))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
