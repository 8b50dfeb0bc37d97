"""HTML rendering with Jinja2: standalone pages with inline CSS and no external assets.

Templates live in `tracker/reports/templates`; autoescaping is on, so article text can never
inject markup. `render_change` is one change report as a page; the story report (every
version, figure timelines as inline SVG) builds on the same `change.html.j2` macros.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from tracker.engine.model import ChangeReport, Figure, FigureChange
from tracker.reports.phrases import change_phrase, format_figure, summary


def _value(f: Figure | None) -> str:
    return format_figure(f)


def _delta(c: FigureChange) -> str:
    phrase = change_phrase(c)
    return phrase.split(" (", 1)[1].rstrip(")") if " (" in phrase else ""


@lru_cache(maxsize=1)
def environment() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("tracker.reports", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(value=_value, delta=_delta)
    return env


def render_change(report: ChangeReport, title: str | None = None) -> str:
    template = environment().get_template("compare.html.j2")
    return str(template.render(report=report, title=title or "Change report", summary=summary(report)))


def render_story(context: dict[str, Any]) -> str:
    """The standalone story report; `context` is built by `tracker.reports.story`."""
    from tracker.reports.charts import line_chart

    template = environment().get_template("story.html.j2")
    return str(template.render(chart=line_chart, **context))
