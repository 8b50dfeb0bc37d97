"""Which statements changed between two revisions (tracker.engine.statements.changes)."""

from __future__ import annotations

import pytest

from tracker.engine.model import Article
from tracker.engine.statements.changes import changes
from tracker.engine.statements.read import extract


def _article(*paragraphs: str) -> Article:
    return Article("Headline", paragraphs)


def test_claim_with_only_a_new_figure_is_not_a_new_statement() -> None:
    old = extract(_article("According to the ministry, 32 people had been killed and dozens injured."))
    new = extract(_article("According to the ministry, 178 people had been killed and hundreds injured."))
    assert changes(old, new) == ([], [], [])


def test_claim_reworded_is_not_a_new_statement() -> None:
    old = extract(_article("About 1 in 10 people who get it die, according to the Centers for Disease Control."))
    new = extract(_article("According to the CDC, about 1 in 10 people who get Legionnaires' disease die from it."))
    added, removed, _ = changes(old, new)
    assert added == [] and removed == []


def test_claim_that_says_something_new_is_removed_and_added() -> None:
    old = extract(_article("Search efforts were hampered by waves and were suspended at nightfall, Sultan said."))
    new = extract(
        _article(
            "Search efforts were hampered by waves but would continue through the night with navy ships, Sultan said."
        )
    )
    added, removed, reworded = changes(old, new)
    assert len(added) == 1 and len(removed) == 1
    assert reworded and reworded[0].old is removed[0]


def test_quote_with_changed_words_is_removed_and_added() -> None:
    old = extract(_article("“This is a race against time,” Urrutia said."))
    new = extract(_article("“This remains a race against time,” Urrutia said."))
    added, removed, _ = changes(old, new)
    assert [s.speaker for s in added] == ["Urrutia"] and [s.speaker for s in removed] == ["Urrutia"]


def test_quote_whose_attribution_changed_is_unchanged() -> None:
    old = extract(_article("“We will rebuild every house,” the mayor said."))
    new = extract(_article("“We will rebuild every house,” Mayor Ana Ruiz told reporters on Friday."))
    assert changes(old, new) == ([], [], [])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Police said the suspect was armed when officers arrived.",
            "Police said the suspect was not armed when officers arrived.",
        ),
        (
            "The ministry said the dam was safe, officials said.",
            "The ministry said the dam was unsafe, officials said.",
        ),
    ],
)
def test_a_claim_that_turns_into_its_opposite_is_removed_and_added(old: str, new: str) -> None:
    added, removed, _ = changes(extract(_article(old)), extract(_article(new)))
    assert len(added) == 1 and len(removed) == 1


def test_a_negation_restyled_is_the_same_claim() -> None:
    old = extract(_article("Officials said it was not clear how many people remained in the valley."))
    new = extract(_article("Officials said it was unclear how many people remained in the valley."))
    assert changes(old, new) == ([], [], [])


def test_a_claim_that_gains_a_figure_says_something_new() -> None:
    old = extract(_article("Irene Maffei said the scheme would be reviewed in the spring."))
    new = extract(_article("Irene Maffei said the scheme had been renewed for three more years."))
    added, removed, _ = changes(old, new)
    assert [s.speaker for s in added] == ["Irene Maffei"] == [s.speaker for s in removed]


def test_a_claim_whose_date_is_restated_is_the_same_claim() -> None:
    old = extract(_article("Amtrak has said it will finish the work by the end of the year, on tracks it owns."))
    new = extract(_article("Amtrak has said it will finish the work by Dec. 31, on tracks it owns."))
    assert changes(old, new) == ([], [], [])


def test_a_claim_that_only_gained_its_attribution_is_not_new() -> None:
    old_text = "Firefighters needed about five hours to bring the blaze under control."
    new_text = "Firefighters needed about seven hours to bring the blaze under control, Sadik said."
    old, new = extract(_article(old_text)), extract(_article(new_text))
    assert len(new) == 1 and not old
    assert changes(old, new, [old_text], [new_text]) == ([], [], [])
    added, _, _ = changes(old, new, ["The plant had passed its last inspection in May."], [new_text])
    assert added == new  # a plain sentence about something else does not count


def test_an_estimate_reattributed_is_the_same_claim() -> None:
    old = extract(_article("The Freight Transport Council estimated that the strike cost exporters $40 million a day."))
    new = extract(
        _article(
            "The strike cost exporters $45 million a day, according to estimates by the Freight Transport Council."
        )
    )
    assert [s.speaker for s in old] == ["Freight Transport Council"] == [s.speaker for s in new]
    assert changes(old, new) == ([], [], [])


def test_a_claim_that_goes_on_to_say_more_is_new() -> None:
    old = extract(_article("Karen Udeh told reporters that shelters had been opened at two high schools."))
    new = extract(
        _article("Karen Udeh told reporters that shelters had been opened at two high schools and a church hall.")
    )
    added, removed, _ = changes(old, new)
    assert [s.speaker for s in added] == ["Karen Udeh"] == [s.speaker for s in removed]
