"""Every format shows every section: text, Markdown, HTML and the terminal render one report
model (`sections.view`), so a new figure or an added sentence can never be missing from one
of them. Markdown escapes the article's HTML as the HTML renderers do."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from rich.console import Console

from tracker.engine.compare import compare
from tracker.engine.model import Article, ChangeReport
from tracker.reports import sections
from tracker.reports.html import render_change
from tracker.reports.terminal import print_report
from tracker.reports.text import to_markdown, to_text

OLD = Article(
    "Fire crews hold line above Ferndale",
    (
        "Crews had contained 20% of the Ferndale fire by Monday night, the county said.",
        "About 300 homes remained under an evacuation order.",
        "“We are not out of the woods yet,” said fire chief Dana Orr.",
        "Smoke closed two schools in the valley.",
        "The fire started near a campground on Friday.",
    ),
)
NEW = Article(
    "Fire crews gain ground above Ferndale",
    (
        "Crews had contained 45% of the Ferndale fire by Tuesday night, the county said.",
        "The fire started near a campground on Friday.",
        "About 300 homes remained under an evacuation order.",
        "About 900 residents were allowed back on Tuesday evening.",
        "“The wind finally gave us a break,” said fire chief Dana Orr.",
    ),
)


@pytest.fixture(scope="module")
def report() -> ChangeReport:
    return compare(OLD, NEW)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def _terminal(report: ChangeReport) -> str:
    console = Console(file=io.StringIO(), record=True, width=400, force_terminal=True)
    print_report(report, "Story 1", console)
    return console.export_text()


RENDERERS = {
    "text": to_text,
    "markdown": lambda r: to_markdown(r, "Story 1"),
    "html": lambda r: _html_text(render_change(r, "Story 1")),
    "terminal": _terminal,
}


def _sections_in(output: str) -> list[str]:
    """The section titles in the order they appear as lines of their own (a heading)."""
    found = []
    for line in output.splitlines():
        name = line.strip().strip("*").strip()
        if name in sections.TITLES:
            found.append(name)
    return found


def test_the_sample_has_every_section(report: ChangeReport) -> None:
    v = sections.view(report)
    assert v.sections == sections.TITLES and v.moved == 1


@pytest.mark.parametrize("fmt", list(RENDERERS))
def test_every_format_holds_the_same_sections(report: ChangeReport, fmt: str) -> None:
    out = RENDERERS[fmt](report)
    assert _sections_in(out) == list(sections.TITLES), out
    # the contents, not just the headings: a new fact, a dropped figure, an added and a removed sentence
    flat = re.sub(r"\s+", " ", out.replace("\\", ""))
    for needle in (
        "About 900",  # appeared figure
        "residents allowed back",
        "two",
        "About 900 residents were allowed back on Tuesday evening.",
        "Smoke closed two schools in the valley.",
        "The wind finally gave us a break",
        "We are not out of the woods yet",
        "Fire crews gain ground above Ferndale",
        "1 sentence moved unchanged.",
    ):
        assert needle in flat, (fmt, needle)


def test_markdown_escapes_the_articles_html() -> None:
    old = Article("Council vote", ("The council met on Monday.", "Members debated the budget."))
    new = Article(
        "Council vote <script>alert(1)</script>",
        (
            "The council met on Monday <img src=x onerror=alert(2)>.",
            "Members debated the budget.",
            "A banner read <b>vote no</b> & more.",
        ),
    )
    md = to_markdown(compare(old, new), "Council <i>story</i>")
    assert "<script" not in md and "<img" not in md and "<b>" not in md and "<i>" not in md
    assert "&lt;script>" in md and "&lt;img src=x onerror=alert(2)>" in md and "&amp; more" in md


def test_a_rise_is_a_direction_not_an_alarm(report: ChangeReport) -> None:
    from tracker.reports.html import DEL_INK, INS_INK

    html = render_change(report, "Story 1")
    table = html[html.index('<table class="figures"') : html.index("</table>")]
    assert "▲ +25" in table and DEL_INK not in table and INS_INK not in table
