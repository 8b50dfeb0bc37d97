"""compare(): whole-report behaviour and the properties the diff engine must keep."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.engine.compare import compare
from tracker.engine.figures.numbers import format_value
from tracker.engine.model import Article, ChangeReport

STORY = (
    "Rescuers searched the coast on Friday for survivors of the ferry, officials said.",
    "The ferry was carrying 143 passengers and crew, the Transportation Ministry said.",
    "“We are doing everything we can,” said Andi Sultan, the head of the rescue agency.",
    "Rescuers had pulled 97 survivors from the water by Saturday night, Sultan said.",
    "The provincial government said it would pay 25 million rupiah to each family.",
)


def _story(*paragraphs: str, headline: str = "Ferry sinks off Sulawesi") -> Article:
    return Article(headline, tuple(paragraphs))


def test_figure_change_with_label_and_delta() -> None:
    old = _story("Since October 7, more than 14,800 people have been killed in Gaza, the ministry said.")
    new = _story("Since October 7, more than 15,000 people have been killed in Gaza, the ministry said.")
    report = compare(old, new)
    (change,) = report.changed_figures
    assert (change.old.value, change.new.value) == (14_800, 15_000)  # type: ignore[union-attr]
    assert "killed" in change.label
    assert change.delta == 200
    assert report.statements_added == () and report.statements_removed == ()


def test_same_value_twice_in_a_sentence_only_the_changed_one_is_reported() -> None:
    old = _story("More than 120 rescue workers were at the site, and a drill had bored 120 meters.")
    new = _story("More than 120 rescue workers were at the site, and a drill had bored 210 meters.")
    (change,) = compare(old, new).changed_figures
    assert (change.old.value, change.new.value) == (120, 210)  # type: ignore[union-attr]
    assert "meters" in change.label


def test_a_range_that_shifts_pairs_its_ends_in_order() -> None:
    old = _story("Between 40 and 60 homes were buried by the landslide, officials said.")
    new = _story("Between 60 and 80 homes were buried by the landslide, officials said.")
    found = [(c.old.value, c.new.value) for c in compare(old, new).changed_figures]  # type: ignore[union-attr]
    assert found == [(40, 60), (60, 80)]


def test_the_only_acreage_on_each_side_is_one_quantity_however_reworded() -> None:
    old = _story("A wildfire burning east of Pinehaven grew to 18,000 acres overnight and was 5% contained.")
    new = _story("Crews made progress against the blaze, which has burned 21,400 acres, and held 35% of its edge.")
    found = {(c.old.value, c.new.value) for c in compare(old, new).changed_figures}  # type: ignore[union-attr]
    assert (18_000, 21_400) in found


def test_a_claim_reworded_around_its_new_figure_is_one_figure_change() -> None:
    old = _story("Two lifeboats and 11 fishing vessels had joined the search, the coastguard said.")
    new = _story("Two lifeboats and 23 fishing vessels were taking part in the widening search, the coastguard said.")
    report = compare(old, new)
    assert [(c.old.value, c.new.value) for c in report.changed_figures] == [(11, 23)]  # type: ignore[union-attr]
    assert report.statements_added == () and report.statements_removed == ()


def test_a_claim_that_says_more_than_its_new_figure_is_removed_and_added() -> None:
    old = _story("Two lifeboats and 11 fishing vessels had joined the search, the coastguard said.")
    new = _story(
        "The search by 23 fishing vessels was called off after storms damaged two lifeboats, the coastguard said."
    )
    report = compare(old, new)
    assert len(report.statements_added) == 1 and len(report.statements_removed) == 1


def test_a_count_nudged_in_a_rewritten_sentence_elsewhere_is_one_change() -> None:
    old = _story(
        "Officials questioned whether the caravan of approximately 1,100 people was moving north.",
        "The ferry sank in calm water.",
    )
    new = _story(
        "The ferry sank in calm water.",
        "The caravan that once numbered 1,150 or more people halted days ago in the town.",
    )
    (change,) = compare(old, new).changed_figures
    assert (change.old.value, change.new.value) == (1_100, 1_150)  # type: ignore[union-attr]


def test_a_storm_rating_that_moves_is_a_figure_change_and_one_that_stays_is_not() -> None:
    old = _story("It is expected to make landfall late on Sunday as a Category 4 storm.", "Route 9 was closed.")
    new = _story("Route 9 was closed.", "It came ashore near the town of Kelloway as a Category 5 storm.")
    (change,) = compare(old, new).changed_figures
    assert (change.old.value, change.new.value) == (4, 5)  # type: ignore[union-attr]
    assert "category" in change.label.lower()
    same = _story("The storm came ashore as a Category 4 hurricane, officials said.")
    assert compare(old, same).changed_figures == ()


def test_a_toll_reworded_from_killed_to_death_toll_is_one_change() -> None:
    old = _story("A roof collapse at the mine killed four miners on Monday, officials said.", "Rescuers worked on.")
    new = _story("Rescuers worked on.", "The death toll rose to nine on Tuesday as rescuers reached the lower gallery.")
    (change,) = compare(old, new).changed_figures
    assert (change.old.value, change.new.value) == (4, 9)  # type: ignore[union-attr]


def test_no_deaths_then_one_death_is_a_change_from_zero() -> None:
    old = _story("No deaths have been reported.", "The fair closed on Monday.")
    new = _story("The fair closed on Monday.", "One person, an elderly woman from Springvale, has died.")
    (change,) = compare(old, new).changed_figures
    assert (change.old.value, change.new.value) == (0, 1)  # type: ignore[union-attr]


def test_different_outcomes_of_one_event_are_not_paired() -> None:
    old = _story("The bombing in the market killed 20 people, police said.", "The ferry sank in calm water.")
    new = _story("The ferry sank in calm water.", "Another 22 people were injured by the bombing in the market.")
    assert compare(old, new).changed_figures == ()


def test_figure_in_a_new_sentence_is_an_appeared_figure_not_a_change() -> None:
    report = compare(_story(*STORY[:2]), _story(*STORY[:2], "In Mississippi, 250,000 homes lost power."))
    assert report.changed_figures == ()
    assert [(f.old, f.new.value if f.new else None) for f in report.figures] == [(None, 250_000)]


def test_headline_change_and_unchanged_headline() -> None:
    assert compare(_story(*STORY), _story(*STORY, headline="At least 21 dead")).headline is not None
    assert compare(_story(*STORY), _story(*STORY[:-1])).headline is None
    restyled = _story(*STORY[:-1], headline="Ferry Sinks Off Sulawesi!")  # case and punctuation only
    assert compare(_story(*STORY), restyled).headline is None


def test_paragraph_moved_unchanged_reports_no_figure_or_statement() -> None:
    moved = (STORY[2], STORY[0], STORY[1], STORY[3], STORY[4])
    report = compare(_story(*STORY), _story(*moved))
    assert report.figures == () and report.statements_added == () and report.statements_removed == ()
    assert {s.kind for s in report.sentences} == {"moved"}


# --- properties -------------------------------------------------------------------------------

words = st.sampled_from("the rescue crews said on Friday that water rose fast near homes and roads".split())
sentence_st = st.lists(words, min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph_st = st.lists(sentence_st, min_size=1, max_size=3).map(" ".join)
article_st = st.builds(
    lambda h, ps: Article(h, tuple(ps)),
    st.text(min_size=0, max_size=40),
    st.lists(paragraph_st, min_size=0, max_size=8),
)


@given(article_st)
def test_a_text_compared_with_itself_reports_nothing(article: Article) -> None:
    assert compare(article, article) == ChangeReport()


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(st.lists(paragraph_st, min_size=2, max_size=6, unique=True), st.data())
def test_a_paragraph_moved_unchanged_reports_nothing(paragraphs: list[str], data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(paragraphs) - 1))
    j = data.draw(st.integers(0, len(paragraphs) - 1))
    moved = list(paragraphs)
    moved.insert(j, moved.pop(i))
    report = compare(Article("H", tuple(paragraphs)), Article("H", tuple(moved)))
    assert report.figures == ()
    assert report.statements_added == () and report.statements_removed == ()
    assert all(s.kind == "moved" for s in report.sentences)


@settings(max_examples=80)
@given(
    st.integers(min_value=2, max_value=5_000_000),
    st.integers(min_value=2, max_value=5_000_000),
    st.integers(min_value=0, max_value=len(STORY) - 1),
)
def test_a_figure_changed_in_one_sentence_is_reported_with_both_values(old: int, new: int, where: int) -> None:
    if old == new or 1800 <= old <= 2100 or 1800 <= new <= 2100:
        return  # equal values are no change; four-digit numbers in that range read as years
    sentence = f"Officials said {format_value(old)} homes were flooded across the county."
    base = list(STORY)
    before = [*base[:where], sentence, *base[where:]]
    after = [*base[:where], sentence.replace(format_value(old), format_value(new)), *base[where:]]
    changed = compare(_story(*before), _story(*after)).changed_figures
    assert [(c.old.value, c.new.value) for c in changed] == [(old, new)]  # type: ignore[union-attr]


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150, deadline=None)
@given(st.text(max_size=3000), st.text(max_size=3000))
def test_arbitrary_unicode_never_crashes(a: str, b: str) -> None:
    from tracker.engine.text import article_from_text

    compare(article_from_text(a), article_from_text(b))


def test_empty_and_sentence_free_inputs() -> None:
    empty = Article("", ())
    assert compare(empty, empty).is_empty
    assert not compare(empty, _story("Only text")).is_empty
    assert compare(_story("— — —"), _story("… … …")) is not None


def test_huge_input_compares() -> None:
    big_old = _story(*[f"Paragraph {i} says {i * 7} homes were damaged, officials said." for i in range(2000)])
    big_new = _story(
        *[f"Paragraph {i} says {i * 7 + (i == 1000)} homes were damaged, officials said." for i in range(2000)]
    )
    changed = compare(big_old, big_new).changed_figures
    assert [(c.old.value, c.new.value) for c in changed] == [(7000, 7001)]  # type: ignore[union-attr]
