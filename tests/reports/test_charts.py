"""Figure charts: short ticks (never '2.5e+03k'), value labels inside the chart, one baseline
rule for every chart."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from tracker.reports.charts import CHAR_WIDTH, WIDTH, baseline, line_chart, short
from tracker.reports.timeline import Point, Series

T = datetime(2026, 11, 17, 6, 0, tzinfo=UTC)


def _series(values: list[float], unit: str | None = None) -> Series:
    return Series("people displaced", unit, [Point(i + 1, T, v, str(v), "") for i, v in enumerate(values)])


@pytest.mark.parametrize(
    ("value", "tick"),
    [(2_500_000, "2.5m"), (2_500, "2.5k"), (14_800, "14.8k"), (950, "950"), (1_250_000_000, "1.25bn"), (0, "0")],
)
def test_ticks_are_short_and_never_exponents(value: float, tick: str) -> None:
    assert short(value) == tick


def test_every_chart_starts_at_zero() -> None:
    assert baseline([14_800, 15_000]) == (0.0, 15_000)
    assert baseline([9, 64]) == (0.0, 64)
    assert baseline([-3, 4]) == (-3, 4)


def test_value_labels_stay_inside_the_chart() -> None:
    svg = line_chart(_series([1_800_000_000, 2_400_000_000, 3_100_000_000], "$"))
    assert "e+" not in svg
    for x, anchor, text in re.findall(
        r'<text x="([\d.]+)" y="[\d.]+" font-size="12" text-anchor="(\w+)"[^>]*>([^<]+)<', svg
    ):
        width = len(text) * 12 * CHAR_WIDTH
        left = {"start": float(x), "middle": float(x) - width / 2, "end": float(x) - width}[anchor]
        assert left >= 0 and left + width <= WIDTH, (text, anchor, x)
