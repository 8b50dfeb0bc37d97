"""Small inline SVG line charts for figure timelines: no JavaScript, no external assets.

A chart is a step-free line through the values of one series, each point labelled with
its value, the x axis with version numbers; it reads in an email client or a browser.
Every chart follows one baseline rule: the y axis starts at zero (at the lowest value when
some are negative), so no chart makes a small change look steep and two charts compare.
Ticks are short ("2.5m", "14.8k"), and value labels are anchored so they stay inside.
"""

from __future__ import annotations

from html import escape

from tracker.engine.figures.numbers import format_value
from tracker.reports.timeline import Series

WIDTH, HEIGHT = 440, 150
PAD_L, PAD_R, PAD_T, PAD_B = 56, 24, 22, 34


CHAR_WIDTH = 0.62  # of the font size: a generous average for digits and sans-serif letters


def short(value: float) -> str:
    """A tick: '2.5m', '14.8k', '950', '1.2bn'; never an exponent."""
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            scaled = value / size
            digits = 0 if abs(scaled) >= 100 else 1 if abs(scaled) >= 10 else 2
            return format_value(round(scaled, digits)) + suffix
    return format_value(round(value, 2))


def baseline(values: list[float]) -> tuple[float, float]:
    """The one rule for every chart's y range: from zero (or the lowest negative value) up."""
    lo, hi = min(min(values), 0.0), max(max(values), 0.0)
    if lo == hi:
        hi = lo + 1
    return lo, hi


def label_anchor(x: float, text: str, size: int = 12) -> tuple[float, str]:
    """Where to anchor a value label so that all of it is inside the chart."""
    half = len(text) * size * CHAR_WIDTH / 2
    if x - half < 2:
        return 2.0, "start"
    if x + half > WIDTH - 2:
        return WIDTH - 2.0, "end"
    return x, "middle"


def _axis_label(x: float, y: float, text: str) -> str:
    return f'<text x="{x}" y="{y:.1f}" font-size="11" text-anchor="end" fill="#666">{escape(text)}</text>'


def line_chart(series: Series) -> str:
    points = series.points
    lo, hi = baseline([p.value for p in points])
    n = len(points)
    inner_w = WIDTH - PAD_L - PAD_R
    inner_h = HEIGHT - PAD_T - PAD_B

    def x(i: int) -> float:
        return PAD_L + (inner_w * i / (n - 1) if n > 1 else inner_w / 2)

    def y(v: float) -> float:
        return PAD_T + inner_h * (1 - (v - lo) / (hi - lo))

    unit = series.unit or ""
    title = escape(series.label or "figure")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{title}">',
        f"<title>{title}</title>",
        f'<line x1="{PAD_L}" y1="{PAD_T + inner_h}" x2="{WIDTH - PAD_R}" y2="{PAD_T + inner_h}" stroke="#bbb"/>',
        _axis_label(PAD_L - 6, y(hi) + 4, short(hi)),
        _axis_label(PAD_L - 6, y(lo) + 4, short(lo)),
    ]
    path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(p.value):.1f}" for i, p in enumerate(points))
    parts.append(f'<path d="{path}" fill="none" stroke="#0b4f8a" stroke-width="2.5"/>')
    for i, p in enumerate(points):
        label = (unit if unit in "$£€¥₹" and unit else "") + format_value(p.value) + ("%" if unit == "%" else "")
        parts.append(
            f'<circle cx="{x(i):.1f}" cy="{y(p.value):.1f}" r="4" fill="#0b4f8a">'
            f"<title>version {p.seq}: {escape(p.text)}</title></circle>"
        )
        at, anchor = label_anchor(x(i), label)
        parts.append(
            f'<text x="{at:.1f}" y="{max(y(p.value) - 8, 12):.1f}" font-size="12" text-anchor="{anchor}" '
            f'fill="#1b1b1b">{escape(label)}</text>'
        )
        parts.append(
            f'<text x="{x(i):.1f}" y="{HEIGHT - 12}" font-size="11" text-anchor="middle" fill="#666">v{p.seq}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
