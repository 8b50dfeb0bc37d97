"""Figure timelines: each quantity followed across all versions of a story.

The diff engine reports each revision's figure changes (old -> new). Chaining them gives
a quantity an identity across revisions: the toll that went 9 -> 14 in version 3 and 14
-> 21 in version 6 is one series [9, 14, 14, 14, 21]. A change joins the series whose
latest value is its old value (and whose unit agrees, and whose label is closest);
otherwise it starts a new series. Pure: versions and reports in, series out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from tracker.engine.align import similarity
from tracker.engine.figures.changes import compatible
from tracker.engine.model import ChangeReport, Figure
from tracker.engine.text import content_words


@dataclass(frozen=True, slots=True)
class VersionPoint:
    seq: int
    at: datetime


@dataclass(frozen=True, slots=True)
class Point:
    seq: int
    at: datetime
    value: float
    text: str
    sentence: str


@dataclass
class Series:
    label: str
    unit: str | None
    points: list[Point] = field(default_factory=list)
    _figure: Figure | None = None

    @property
    def first(self) -> Point:
        return self.points[0]

    @property
    def last(self) -> Point:
        return self.points[-1]

    @property
    def changes(self) -> int:
        return len(self.points) - 1


def timelines(versions: Sequence[VersionPoint], reports: dict[int, ChangeReport]) -> list[Series]:
    """`reports[seq]` is the change report that produced version `seq` (from seq - 1)."""
    when = {v.seq: v.at for v in versions}
    series: list[Series] = []
    for v in sorted(versions, key=lambda v: v.seq):
        report = reports.get(v.seq)
        if report is None:
            continue
        extended: set[int] = set()
        for change in report.changed_figures:
            old, new = change.old, change.new
            assert old is not None and new is not None
            best = _best_series(series, old, change.label, extended)
            if best is None:
                prev_seq = max((s for s in when if s < v.seq), default=v.seq - 1)
                best = Series(
                    change.label,
                    new.unit,
                    [Point(prev_seq, when.get(prev_seq, v.at), old.value, old.text, old.sentence)],
                    old,
                )
                series.append(best)
            best.points.append(Point(v.seq, v.at, new.value, new.text, new.sentence))
            best.label = change.label or best.label
            best._figure = new
            extended.add(id(best))
    return sorted(series, key=lambda s: (-s.changes, s.first.seq))


def _best_series(series: list[Series], old: Figure, label: str, extended: set[int]) -> Series | None:
    words = Counter(content_words(label))
    candidates = [
        s
        for s in series
        if id(s) not in extended and s.last.value == old.value and (s._figure is None or compatible(s._figure, old))
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda s: similarity(words, Counter(content_words(s.label))))
