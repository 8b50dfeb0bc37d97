"""Figure timelines across versions (tracker.reports.timeline) and their SVG charts (tracker.reports.charts)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tracker.engine.compare import compare
from tracker.engine.model import Article
from tracker.reports.charts import line_chart
from tracker.reports.timeline import VersionPoint, timelines

T0 = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)


def _rev(dead: int, homes: str, injured: int) -> Article:
    return Article(
        "Quake toll rises",
        (
            f"At least {dead} people were killed when the quake struck before dawn, officials said.",
            f"More than {homes} homes were damaged, the civil defense agency said.",
            f"Hospitals treated {injured} injured people overnight.",
        ),
    )


def test_a_quantity_keeps_its_identity_across_revisions() -> None:
    revs = [_rev(9, "3,500", 40), _rev(14, "3,500", 52), _rev(14, "9,800", 52), _rev(21, "9,800", 70)]
    versions = [VersionPoint(i + 1, T0 + timedelta(hours=i)) for i in range(len(revs))]
    reports = {i + 1: compare(revs[i - 1], revs[i]) for i in range(1, len(revs))}
    series = timelines(versions, reports)
    by_first = {s.first.value: s for s in series}
    assert [p.value for p in by_first[9].points] == [9, 14, 21]
    assert [p.seq for p in by_first[9].points] == [1, 2, 4]
    assert "killed" in by_first[9].label
    assert [p.value for p in by_first[3500].points] == [3500, 9800]
    assert [p.value for p in by_first[40].points] == [40, 52, 70]
    assert len(series) == 3


def test_chart_is_standalone_svg_with_every_value() -> None:
    revs = [_rev(9, "3,500", 40), _rev(14, "3,500", 40), _rev(21, "3,500", 40)]
    versions = [VersionPoint(i + 1, T0 + timedelta(hours=i)) for i in range(3)]
    (series,) = timelines(versions, {2: compare(revs[0], revs[1]), 3: compare(revs[1], revs[2])})
    svg = line_chart(series)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert ">9<" in svg and ">14<" in svg and ">21<" in svg
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")
