"""A ChangeReport as plain text (terminals, logs, email) or Markdown.

Both render the sections of `sections.view`, the model every renderer shares. Markdown
escapes what it would otherwise read as markup, and the article's HTML (`<script>`, an
`<img onerror>` that arrived entity-encoded) as the HTML renderers do: Markdown viewers
pass raw HTML through, so text from a page must never reach them as tags.
"""

from __future__ import annotations

import re

from tracker.engine.model import ChangeReport
from tracker.reports import sections as sec
from tracker.reports.phrases import marked


def to_text(report: ChangeReport) -> str:
    v = sec.view(report)
    if v.empty:
        return "No change.\n"
    lines: list[str] = [v.summary, ""]
    for title in v.sections:
        lines.append(title)
        lines += [f"  {line}" for line in _text_items(v, title)]
        lines.append("")
    if v.moved_note:
        lines.append(v.moved_note)
    return "\n".join(lines).rstrip() + "\n"


def _text_items(v: sec.ReportView, title: str) -> list[str]:
    if title == sec.HEADLINE:
        assert v.headline is not None
        return [f"- {v.headline.old}", f"+ {v.headline.new}"]
    if title == sec.FIGURES:
        return [f"{f.label}: {f.old} -> {f.new}" + (f" ({f.delta})" if f.delta else "") for f in v.figures]
    if title == sec.APPEARED:
        return [f"{'+' if f.added else '-'} {f.text} ({f.label})" for f in v.appeared]
    if title == sec.NEW_STATEMENTS:
        return [f"+ {s.speaker}{' (reworded)' if s.reworded else ''}: {s.text}" for s in v.statements_added]
    if title == sec.REMOVED_STATEMENTS:
        return [f"- {s.speaker}: {s.text}" for s in v.statements_removed]
    if title == sec.EDITS:
        return [marked(d, lambda t: f"[+{t}+]", lambda t: f"[-{t}-]") for d in v.edits]
    return [f"+ {t}" for t in v.sentences_added] + [f"- {t}" for t in v.sentences_removed]


# Markdown's own punctuation, backslash-escaped; `<` and `&` become entities instead, because a
# backslash does not stop a viewer from reading raw HTML (no tag or entity starts without them).
_MD_PUNCT = re.compile(r"([\\`*_\[\]|~#])")


def md_escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return _MD_PUNCT.sub(r"\\\1", text)


def to_markdown(report: ChangeReport, title: str | None = None) -> str:
    v = sec.view(report)
    if v.empty:
        return "No change.\n"
    lines = [f"## {md_escape(title or v.summary)}", ""]
    if title:
        lines += [f"*{md_escape(v.summary)}*", ""]
    for name in v.sections:
        lines += [f"**{name}**", ""]
        lines += _md_items(v, name)
        lines.append("")
    if v.moved_note:
        lines.append(v.moved_note)
    return "\n".join(lines).rstrip() + "\n"


def _md_items(v: sec.ReportView, title: str) -> list[str]:
    if title == sec.HEADLINE:
        assert v.headline is not None
        return [f"- ~~{md_escape(v.headline.old)}~~", f"- **{md_escape(v.headline.new)}**"]
    if title == sec.FIGURES:
        rows = ["| Figure | Old | New | Change |", "|---|---:|---:|---:|"]
        rows += [f"| {md_escape(f.label)} | {f.old} | {f.new} | {f.delta} |" for f in v.figures]
        return rows
    if title == sec.APPEARED:
        return [f"- {'+' if f.added else '−'} {md_escape(f.text)} ({md_escape(f.label)})" for f in v.appeared]
    if title in (sec.NEW_STATEMENTS, sec.REMOVED_STATEMENTS):
        added = title == sec.NEW_STATEMENTS
        items = v.statements_added if added else v.statements_removed
        return [
            f"- {'+' if added else '−'} **{md_escape(s.speaker)}**{' (reworded)' if s.reworded else ''}: "
            f"{md_escape(s.text)}"
            for s in items
        ]
    if title == sec.EDITS:
        # kept words are article text too: escape every part of the diff, then mark it
        safe = [tuple((op, md_escape(t)) for op, t in d) for d in v.edits]
        return ["- " + marked(d, lambda t: f"**{t}**", lambda t: f"~~{t}~~") for d in safe]
    return [f"- + {md_escape(t)}" for t in v.sentences_added] + [f"- − {md_escape(t)}" for t in v.sentences_removed]
