"""The summary line: the subject of an alert and the first line of every report."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.engine.model import ChangeReport, Figure, FigureChange, HeadlineChange, Statement
from tracker.reports.phrases import _DANGLING, short_label, summary


def change(label: str, old: float, new: float) -> FigureChange:
    return FigureChange(
        Figure(old, f"{old:g}", None, None, label, "s"), Figure(new, f"{new:g}", None, None, label, "s"), label
    )


@pytest.mark.parametrize(
    ("label", "short"),
    [
        ("hikers missing for three days", "Hikers missing for three days"),
        ("people killed in the attack on the market in the old town", "People killed in the attack"),
        ("recuperation period (days)", "Recuperation period (days)"),
        ("customers without power in the county and the two towns beside it", "Customers without power in the county"),
        ("trucks carrying grain from the port", "Trucks carrying grain from the port"),
    ],
)
def test_a_label_is_cut_only_where_a_phrase_begins(label: str, short: str) -> None:
    assert short_label(label) == short


@given(
    st.lists(
        st.sampled_from("people killed in the attack on a market of town and for with who".split()),
        min_size=1,
        max_size=14,
    )
)
def test_a_short_label_never_ends_on_a_word_that_needs_more(words: list[str]) -> None:
    cut = short_label(" ".join(words)).split()
    assert len(cut) <= 6
    assert len(cut) == 1 or cut[-1].lower() not in _DANGLING


def test_a_casualty_count_leads_then_the_headline_then_the_rest() -> None:
    report = ChangeReport(
        headline=HeadlineChange("Storm hits coast", "Storm kills 12 on coast", ()),
        figures=(change("trees down on the coast road", 40, 65), change("people killed", 9, 12)),
        statements_added=(
            Statement("“We are still searching,” she said.", "Mayor Ines Calloway", "quote"),
            Statement("More rain is expected, forecasters said.", "forecasters", "claim"),
        ),
    )
    assert summary(report) == (
        "People killed 9 -> 12; headline changed; 1 more figure changed; "
        "2 new statements (Mayor Ines Calloway, forecasters)"
    )


def test_without_a_casualty_the_first_figure_leads() -> None:
    report = ChangeReport(figures=(change("trees down on the coast road", 40, 65), change("schools closed", 3, 5)))
    assert summary(report).startswith("Trees down on the coast road 40 -> 65; 1 more figure changed")


def test_a_percentage_change_is_in_points_and_a_changed_qualifier_is_shown() -> None:
    from tracker.reports.phrases import change_phrase

    share = FigureChange(
        Figure(4.1, "4.1%", "%", None, "jobless rate", "s"),
        Figure(4.3, "4.3%", "%", None, "jobless rate", "s"),
        "jobless rate",
    )
    assert change_phrase(share) == "4.1% -> 4.3% (+0.2 points)"
    farms = FigureChange(
        Figure(5, "at least five", "farms", "at least", "farms flooded", "s"),
        Figure(9, "nine", "farms", None, "farms flooded", "s"),
        "farms flooded",
    )
    assert change_phrase(farms) == "at least 5 -> 9 (+4, +80.0%)"
