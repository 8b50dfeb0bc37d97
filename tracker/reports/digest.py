"""`tracker digest`: what changed across every tracked story in a period, in one text.

Stories are grouped, the most recent change first; each shows its headline, the news in
one line per version, and then the *net* change over the period: a figure followed across
the versions (`timeline`) from its first to its last value (9 -> 64, not 9 -> 27 and 27 ->
64), and the statements added and not removed again (or removed and not restored). Text and
Markdown for terminals and chat, HTML (inline styles only) for an email body, JSON with
the same figures and statements for scripts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from typing import Any

from tracker.engine.model import ChangeReport, Figure, FigureChange, Statement
from tracker.reports.phrases import change_phrase, speaker_of
from tracker.reports.text import md_escape
from tracker.reports.timeline import Series, VersionPoint, timelines

QUOTES = "\"“”‘’'«»„"


@dataclass(frozen=True, slots=True)
class DigestItem:
    story_id: int
    url: str
    headline: str
    seq: int
    at: datetime
    report: ChangeReport
    summary: str


@dataclass(frozen=True, slots=True)
class StoryDigest:
    """One story's changes in the period, netted."""

    story_id: int
    url: str
    headline: str
    versions: tuple[DigestItem, ...]
    figures: tuple[FigureChange, ...]
    added: tuple[Statement, ...]
    removed: tuple[Statement, ...]


def _figure(series: Series, index: int) -> Figure:
    p = series.points[index]
    return Figure(p.value, p.text, series.unit, None, series.label, p.sentence)


def net_figures(items: Sequence[DigestItem]) -> tuple[FigureChange, ...]:
    """Each quantity from its value before the period's first change to its last value;
    one that came back to where it started is left out."""
    points = [VersionPoint(i.seq, i.at) for i in items]
    series = timelines(points, {i.seq: i.report for i in items})
    return tuple(FigureChange(_figure(s, 0), _figure(s, -1), s.label) for s in series if s.first.value != s.last.value)


def net_statements(items: Sequence[DigestItem]) -> tuple[tuple[Statement, ...], tuple[Statement, ...]]:
    """Statements added in the period and still there at its end; and removed, not restored."""
    added: dict[str, Statement] = {}
    removed: dict[str, Statement] = {}
    for item in sorted(items, key=lambda i: i.seq):
        for s in item.report.statements_added:
            if removed.pop(s.text, None) is None:
                added[s.text] = s
        for s in item.report.statements_removed:
            if added.pop(s.text, None) is None:
                removed[s.text] = s
    return tuple(added.values()), tuple(removed.values())


def stories(items: Sequence[DigestItem]) -> list[StoryDigest]:
    groups: dict[int, list[DigestItem]] = {}
    for item in items:
        groups.setdefault(item.story_id, []).append(item)
    ordered = sorted(groups.values(), key=lambda g: max(i.at for i in g), reverse=True)
    out = []
    for group in ordered:
        group = sorted(group, key=lambda i: i.seq)
        last = group[-1]
        added, removed = net_statements(group)
        out.append(
            StoryDigest(last.story_id, last.url, last.headline, tuple(group), net_figures(group), added, removed)
        )
    return out


def quoted(s: Statement, n: int = 160) -> str:
    """The statement's words: a claim as it is (it was never in quote marks), a quote in quote
    marks unless it already opens with its own (never ““doubled””)."""
    text = s.text if len(s.text) <= n else s.text[: n - 1] + "…"
    return text if s.kind == "claim" or text[:1] in QUOTES else f"“{text}”"


def updates(g: StoryDigest) -> str:
    """'3 updates (v3 to v5, last at 11:00 UTC); over the period:' — the steps are in JSON and
    `tracker history`; the digest says where they led."""
    first, last = g.versions[0], g.versions[-1]
    span = f"v{first.seq}" if first is last else f"v{first.seq} to v{last.seq}"
    n = len(g.versions)
    net = "; over the period:" if g.figures or g.added or g.removed else "; no figure or statement changed"
    return f"{n} update{'s' if n > 1 else ''} ({span}, last at {last.at.astimezone(UTC):%H:%M} UTC){net}"


def render_digest(items: Sequence[DigestItem], since: datetime, fmt: str = "text") -> str:
    groups = stories(items)
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
    bullet, sub = ("- ", "  - ") if md else ("  ", "    ")
    # in Markdown the article's words are escaped (its HTML too), as in `tracker diff --format markdown`
    esc = md_escape if md else str
    for g in groups:
        lines.append(("## " if md else "") + f"{esc(g.headline or g.url)}  [story {g.story_id}]")
        lines.append(esc(g.url))
        lines.append(f"{bullet}{updates(g)}")
        lines += [f"{sub}{esc(c.label or 'figure')}: {change_phrase(c)}" for c in g.figures[:10]]
        lines += [f"{sub}new — {esc(speaker_of(s))}: {esc(quoted(s))}" for s in g.added[:5]]
        lines += [f"{sub}removed — {esc(speaker_of(s))}: {esc(quoted(s))}" for s in g.removed[:5]]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def digest_json(items: Sequence[DigestItem], since: datetime) -> dict[str, Any]:
    def statement(s: Statement) -> dict[str, Any]:
        return {"speaker": s.speaker, "text": s.text, "kind": s.kind}

    return {
        "since": since.isoformat(),
        "stories": [
            {
                "story": g.story_id,
                "url": g.url,
                "headline": g.headline,
                "versions": [{"version": i.seq, "at": i.at.isoformat(), "summary": i.summary} for i in g.versions],
                "figures": [
                    {
                        "label": c.label,
                        "old": c.old.value if c.old else None,
                        "new": c.new.value if c.new else None,
                        "old_text": c.old.text if c.old else None,
                        "new_text": c.new.text if c.new else None,
                        "unit": c.new.unit if c.new else None,
                        "change": change_phrase(c),
                    }
                    for c in g.figures
                ],
                "statements": {
                    "added": [statement(s) for s in g.added],
                    "removed": [statement(s) for s in g.removed],
                },
            }
            for g in stories(items)
        ],
    }


def _html(groups: list[StoryDigest], stamp: str) -> str:
    parts = [
        '<!doctype html><html><head><meta charset="utf-8"><title>tracker digest</title></head>',
        '<body style="font:15px/1.5 Georgia,serif;max-width:760px;margin:1rem auto;color:#1b1b1b">',
        '<h1 style="font-family:Helvetica,Arial,sans-serif;font-size:20px">',
        f"What changed since {escape(stamp)} UTC</h1>",
    ]
    if not groups:
        parts.append("<p><em>Nothing changed.</em></p>")
    for g in groups:
        parts.append(
            f'<h2 style="font-family:Helvetica,Arial,sans-serif;font-size:17px;margin-bottom:2px">'
            f'<a href="{escape(g.url)}">{escape(g.headline or g.url)}</a></h2><ul>'
        )
        parts.append(f"<li>{escape(updates(g))}</li></ul>")
        net = [f"<li>{escape(c.label or 'figure')}: <b>{escape(change_phrase(c))}</b></li>" for c in g.figures[:10]]
        net += [f"<li>new — <i>{escape(speaker_of(s))}</i>: {escape(quoted(s))}</li>" for s in g.added[:5]]
        net += [f"<li>removed — <i>{escape(speaker_of(s))}</i>: {escape(quoted(s))}</li>" for s in g.removed[:5]]
        if net:
            parts.append('<p style="margin:4px 0">Over the period:</p><ul>' + "".join(net) + "</ul>")
    parts.append("</body></html>")
    return "".join(parts)
