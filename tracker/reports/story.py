"""How a story evolved: the data behind `tracker figures`, `tracker report` and `tracker digest`.

Input is what the database holds for a story (its versions, with the change report that
produced each); output is plain values and rendered text or HTML. Pure: no storage here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from tracker.engine.figures.numbers import format_value
from tracker.engine.model import Article, ChangeReport, Diff
from tracker.engine.textdiff import paragraph_diff
from tracker.reports.phrases import format_figure
from tracker.reports.timeline import Series, VersionPoint, timelines


@dataclass(frozen=True, slots=True)
class StoredVersion:
    seq: int
    at: datetime
    headline: str
    text: str
    report: ChangeReport | None  # the change that produced this version; None for the first
    summary: str | None

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def article(self) -> Article:
        return Article(self.headline, tuple(p for p in self.text.split("\n\n") if p))


@dataclass(frozen=True, slots=True)
class StoryInfo:
    id: int
    url: str
    headline: str


def series_of(versions: Sequence[StoredVersion]) -> list[Series]:
    points = [VersionPoint(v.seq, v.at) for v in versions]
    series = timelines(points, {v.seq: v.report for v in versions if v.report is not None})
    by_seq = {v.seq: v for v in versions}
    for s in series:
        # a series starts the version before its first change; it was there since the
        # earliest version in a row that holds the same sentence
        first = s.points[0]
        seq = first.seq
        while seq - 1 in by_seq and first.sentence and first.sentence in by_seq[seq - 1].text:
            seq -= 1
        if seq != first.seq:
            s.points[0] = replace(first, seq=seq, at=by_seq[seq].at)
    return series


def value_text(value: float, unit: str | None) -> str:
    if unit in {"$", "£", "€", "¥", "₹"}:
        return f"{unit}{format_value(value)}"
    return format_value(value) + ("%" if unit == "%" else "")


def grid(series: Sequence[Series], versions: Sequence[StoredVersion]) -> list[list[str]]:
    """Each series' value at each version (carried forward between changes, blank before)."""
    out = []
    for s in series:
        row = []
        by_seq = {p.seq: p for p in s.points}
        current: str = ""
        for v in versions:
            if v.seq in by_seq:
                current = value_text(by_seq[v.seq].value, s.unit)
            elif v.seq < s.first.seq:
                current = ""
            row.append(current)
        out.append(row)
    return out


def figures_text(story: StoryInfo, versions: Sequence[StoredVersion]) -> str:
    """`tracker figures STORY`: every quantity that changed, with its values over time."""
    series = series_of(versions)
    lines = [f"Figures in story {story.id}: {story.headline or story.url}", ""]
    if not series:
        lines.append("No figure changed across the stored versions.")
        return "\n".join(lines) + "\n"
    for s in series:
        lines.append(f"{s.label or '(unlabelled)'}")
        for p in s.points:
            lines.append(
                f"  v{p.seq:<3} {p.at.astimezone(UTC):%Y-%m-%d %H:%M}  {value_text(p.value, s.unit):>16}   {p.text}"
            )
        lines.append("")
    return "\n".join(lines)


def figures_json(versions: Sequence[StoredVersion]) -> list[dict[str, Any]]:
    return [
        {
            "label": s.label,
            "unit": s.unit,
            "points": [
                {"version": p.seq, "at": p.at.isoformat(), "value": p.value, "text": p.text, "sentence": p.sentence}
                for p in s.points
            ],
        }
        for s in series_of(versions)
    ]


def _paragraph_diffs(diff: Diff) -> list[Diff]:
    """A whole-text diff cut into paragraphs (at blank lines), for highlighting."""
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for op, text in diff:
        if op < 0:
            # deletions stay in the paragraph where they were, marked
            paragraphs[-1].append((op, text.replace("\n\n", " ¶ ")))
            continue
        pieces = text.split("\n\n")
        for i, piece in enumerate(pieces):
            if i:
                paragraphs.append([])
            if piece:
                paragraphs[-1].append((op, piece))
    return [tuple(p) for p in paragraphs if any(t.strip() for _, t in p)]


def story_context(
    story: StoryInfo, versions: Sequence[StoredVersion], show: int | None = None, generated: datetime | None = None
) -> dict[str, Any]:
    """Everything the HTML story report shows."""
    series = series_of(versions)
    previous_headline = None
    rows = []
    for v in versions:
        rows.append(
            {
                "seq": v.seq,
                "at": v.at,
                "words": v.words,
                "summary": v.summary,
                "headline": v.headline,
                "headline_changed": previous_headline is not None and v.headline != previous_headline,
            }
        )
        previous_headline = v.headline
    shown_version = next((v for v in versions if v.seq == show), versions[-1]) if versions else None
    shown: dict[str, Any] = {"seq": 0, "text": "", "diff": False, "paragraphs": []}
    if shown_version is not None:
        before = next((v for v in versions if v.seq == shown_version.seq - 1), None)
        shown = {"seq": shown_version.seq, "text": shown_version.text, "diff": before is not None, "paragraphs": []}
        if before is not None:
            diff = paragraph_diff(before.article.paragraphs, shown_version.article.paragraphs)
            shown["paragraphs"] = _paragraph_diffs(diff)
    return {
        "story": story,
        "versions": rows,
        "series": series,
        "grid": grid(series, versions),
        "revisions": [{"seq": v.seq, "at": v.at, "report": v.report, "summary": v.summary} for v in versions],
        "shown": shown,
        "generated": generated or datetime.now(UTC),
        "format_figure": format_figure,
    }
