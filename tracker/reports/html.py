"""HTML rendering with Jinja2: standalone pages with inline CSS and no external assets.

Templates live in `tracker/reports/templates`; autoescaping is on, so article text can never
inject markup. `render_change` is one change report as a page; the story report (every
version, figure timelines as inline SVG) and the alert email build on the same
`change.html.j2` macros, which render `sections.view` (the sections every format shows).

What tells an insertion from a deletion, or names a speaker, is an inline `style`
attribute with literal colours (`STYLES`): Gmail and Outlook drop `<style>` blocks and CSS
variables, so an email must not depend on them. Pages keep `base.css.j2` for layout.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from tracker.engine.model import ChangeReport
from tracker.reports import sections
from tracker.reports.phrases import summary

INS_BG, INS_INK, DEL_BG, DEL_INK, MUTED = "#d7f5dd", "#0b5d1e", "#fbe1e1", "#8a1c1c", "#666666"
SANS = "Helvetica,Arial,sans-serif"
STYLES = {
    "ins": f"background:{INS_BG};color:{INS_INK};text-decoration:none;padding:0 1px",
    "del": f"background:{DEL_BG};color:{DEL_INK};text-decoration:line-through;padding:0 1px",
    "old": f"color:{DEL_INK}",
    "new": f"color:{INS_INK};font-weight:bold",
    "meta": f"color:{MUTED};font-size:13px;font-family:{SANS}",
    "quote-added": f"margin:6px 0;padding:4px 12px;border-left:4px solid {INS_INK};background:#f3fbf5",
    "quote-removed": f"margin:6px 0;padding:4px 12px;border-left:4px solid {DEL_INK};background:#fdf5f5",
    "speaker-added": f"display:block;font-family:{SANS};font-size:13px;font-weight:bold;color:{INS_INK}",
    "speaker-removed": f"display:block;font-family:{SANS};font-size:13px;font-weight:bold;color:{DEL_INK}",
    "table": "border-collapse:collapse;width:100%;margin:8px 0 16px",
    "cell": "border-bottom:1px solid #dddddd;padding:5px 8px;text-align:left;vertical-align:top",
    "num": "border-bottom:1px solid #dddddd;padding:5px 8px;text-align:right;white-space:nowrap",
    "tag": f"font-size:11px;border:1px solid #dddddd;padding:0 4px;margin-left:4px;color:{MUTED}",
}


def css(name: str) -> str:
    return STYLES[name]


@lru_cache(maxsize=1)
def environment() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("tracker.reports", "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(view=sections.view, sections=sections, css=css)
    return env


def render_change(report: ChangeReport, title: str | None = None) -> str:
    template = environment().get_template("compare.html.j2")
    return str(template.render(report=report, title=title or "Change report", summary=summary(report)))


def render_story(context: dict[str, Any]) -> str:
    """The standalone story report; `context` is built by `tracker.reports.story`."""
    from tracker.reports.charts import line_chart

    template = environment().get_template("story.html.j2")
    return str(template.render(chart=line_chart, **context))
