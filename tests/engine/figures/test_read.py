"""Reading figures from sentences (tracker.engine.figures.read, tracker.engine.figures.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.engine.figures.numbers import format_value, parse_digits, parse_words
from tracker.engine.figures.read import figures


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two million", 2_000_000),
        ("Thirty-six", 36),
        ("half a million", 500_000),
        ("a dozen", 12),
        ("one hundred and twenty", 120),
        ("a million", 1_000_000),
        ("nine", 9),
        ("dozens", None),
        ("hundreds", None),
        ("a", None),
        ("half a dozen", 6),
        ("a half dozen", 6),
    ],
)
def test_number_words(text: str, value: float | None) -> None:
    assert parse_words(text) == value


@given(st.integers(min_value=0, max_value=10**12))
def test_digits_round_trip_through_formatting(n: int) -> None:
    assert parse_digits(format_value(n)) == n


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("More than 15,000 people have been killed.", [15_000]),
        ("The fire was 35% contained.", [35]),
        ("Customers withdrew $1.2 billion in a week.", [1_200_000_000]),
        ("Entergy said about 1.3 million customers lost power.", [1_300_000]),
        ("The union wants £40m over two years.", [40_000_000, 2]),
        ("Between 8 and 12 inches of rain fell.", [8, 12]),
        ("At least nine miners were trapped.", [9]),
        ("Thirty-six people remain unaccounted for.", [36]),
        ("Residents within a 5-kilometer radius were told to stay inside.", [5]),
        ("A 48.6 percent share.", [48.6]),
        ("It would pay 25 million rupiah (about $1,580) to each family.", [25_000_000, 1580]),
        ("Nearly a quarter of a million children need food aid.", [250_000]),
        ("About three-quarters of a million people fled.", [750_000]),
        ("Shares rose 12% to 251p.", [12, 251]),
        ("Repairs will cost from $30 to $40 million.", [30_000_000, 40_000_000]),
        ("About one-quarter of the towers lost power.", [0.25]),
        ("Two-thirds of voters backed it.", [2 / 3]),
        ("Bookings had fallen by about a third since the bridge opened.", [1 / 3]),
        ("Half of the residents left.", [0.5]),
        ("Projections gave the Centre Alliance 34 of the 81 seats.", [34, 81]),
        ("Dunmere beat Athletic 2-1 on Saturday.", [2, 1]),
        ("No deaths have been reported.", [0]),
        ("Cases rose in Caldera County to 51, in Arroyo County 12 and Sorrel County seven.", [51, 12, 7]),
        ("A boat carrying 33 South Koreans sank.", [33]),
        ("All 40 Sonoma County school districts closed.", [40]),
        ("American Airlines operates 24 Max 8s.", [24]),
        ("Some 100 Palestinian prisoners were freed.", [100]),
    ],
)
def test_values(sentence: str, values: list[float]) -> None:
    assert [f.value for f in figures(sentence)] == values


@pytest.mark.parametrize(
    "sentence",
    [
        "The quake struck at 4:52 a.m. on Tuesday.",
        "It happened at 7 a.m. local time.",
        "Talks resumed on October 7 in Cairo.",
        "The plant reopened in 2019.",
        "Ruiz, 41, said she was afraid.",
        "Patients were aged 34 to 91.",
        "Their ages range from 29 to 93.",
        "Traffic on Route 9 and the A40 and I-10 was halted.",
        "A 34-year-old man was arrested.",
        "It was the third strike this year.",
        "A couple hundred men broke off.",
        "Dozens were injured.",
        "One of the men was rescued.",
        "The driver, 54, was among the dead.",
        "The offer runs until Dec. 31 for all members.",
        "She made a 911 call from the roof.",
        "The website 38 North reported the launch.",
        "The Getty Center, a billion-dollar complex, was safe.",
        "It happened a third time.",
        "A third party said so.",
        "He waited half an hour.",
        "It was their biggest one-day fall.",
        "There is no way to know yet.",
        "The ferry's captain, 54, was arrested.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert figures(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Since October 7, more than 15,000 people, including 6,150 children, have been killed in Gaza.", "killed"),
        ("The fire had burned 18,900 acres by Tuesday.", "acres"),
        ("Rescuers pulled 97 survivors from the water.", "survivors"),
        ("The death toll from the quake rose to at least 312.", "toll"),
        ("Marquez had received 585,468 votes and Becker 566,390.", "marquez"),
        ("Halvik Foods raised its offer for snack maker Ostara to £3.4 billion.", "offer"),
        ("Core inflation, which strips out food and energy, rose to 4.8%.", "core inflation"),
        ("Since the outbreak began, 14 have died.", "died"),
        ("The number of people killed in the quake rose to 63.", "people killed"),
        ("Lebanon has a population estimated at around 4.5 million.", "population"),
        ("The rest, 19, remained missing.", "rest remained missing"),
        ("The low turnout - between 32 percent and 42 percent - surprised no one.", "turnout"),
        ("The owner will pay the remaining $80 million of the project's $215 million cost.", "pay remaining"),
        ("The Home Party, which won the last election, took 16.", "home party took"),
        ("The opposition Green Left list was on 30.3%.", "green left list"),
        ("Two people in the car were injured.", "people in car injured"),
        ("One person, an elderly woman from Springvale, has died.", "person died"),
        ("Records of 1.9 million current and former customers were stolen.", "current former customers"),
    ],
)
def test_label_says_what_is_counted(sentence: str, word: str) -> None:
    assert word in figures(sentence)[0].label.lower()


@pytest.mark.parametrize(
    "sentence",
    [
        "Turnout was 57.3%, up from 52% in 2021.",
        "Police made 12 arrests, down from 15 last year.",
        "The toll rose to 63, from 27 on Sunday.",
        "Shares fell 38p, or 6.1%, on Monday.",
    ],
)
def test_an_earlier_value_shares_the_label_of_the_figure_it_compares_with(sentence: str) -> None:
    now, before = figures(sentence)
    assert now.label and before.label == now.label


def test_a_part_of_them_counts_the_things_counted_before() -> None:
    _whole, part = figures("Six officers were injured, one of them seriously.")
    assert (part.value, part.unit) == (1, "officers") and "injured seriously" in part.label
    assert figures("One of the men was rescued.") == ()


def test_scaled_values_are_exact_and_editors_notes_hold_no_figures() -> None:
    assert [f.value for f in figures("The bid rose to $4.1 billion.")] == [4_100_000_000]
    assert figures("Correction: An earlier version of this story gave the death toll as 31.") == ()


def test_a_conversion_in_brackets_is_labelled_with_its_own_unit() -> None:
    mm, inches = figures("Some 240 mm (9.4 inches) of rain fell.")
    assert "mm" in mm.label and "inches" in inches.label and "mm" not in inches.label


def test_a_value_for_someone_else_is_not_an_earlier_value() -> None:
    ortega, hale = figures("Ortega had 50.6 percent, compared with 48.1 percent for her opponent, Gregory Hale.")
    assert "opponent" in hale.label and hale.label != ortega.label


def test_a_range_runs_upwards_and_a_level_reached_is_named_by_its_movement() -> None:
    first, second = figures("The vote was 7 to 4.")
    assert first.role is None and second.role is None  # a tally, not a range
    *_, level = figures("Shares fell 38p, or 6.1%, to 584p in morning trading.")
    assert level.label.startswith("shares fell to")


def test_a_total_named_by_a_clause_after_it() -> None:
    _part, total = figures("The agency has received $210 million of the $510 million it says it needs.")
    assert total.role == "total" and "needs" in total.label


def test_an_adjectives_one_and_an_age_at_a_sentence_end_are_not_figures() -> None:
    assert figures("It has been an uneasy one.") == ()
    assert figures("The children were Abigail Hart, 14, and Sierra Hart, 12.") == ()


def test_range_ends_are_marked_and_labels_hold_no_other_figure() -> None:
    low, high = figures("Between 40 and 60 homes were buried.")
    assert (low.role, high.role) == ("low", "high")
    pct, price = figures("Shares rose 12% to 251p.")
    assert (pct.role, price.role) == (None, None)  # a rise and a price, not a range
    assert not any(c.isdigit() for c in pct.label + price.label)


def test_qualifier_and_text() -> None:
    (fig,) = figures("Officials said more than 2,700 trucks crossed.")
    assert fig.qualifier == "more than"
    assert fig.text == "more than 2,700"
    assert fig.sentence[fig.start : fig.end] == fig.text


@given(st.text(max_size=400))
def test_any_text_reads_without_error(text: str) -> None:
    for fig in figures(text):
        assert fig.sentence[fig.start : fig.end] == fig.text


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The Harrow Ridge fire had burned 6,200 acres by Monday morning, officials said.", "acres burned"),
        ("Seismologists recorded 140 aftershocks overnight.", "aftershocks recorded"),
        ("Councillor Adaeze Okafor received 3,412 votes, the returning officer said.", "votes for Adaeze Okafor"),
        ("Crews rescued 23 people from the flooded estate.", "people rescued"),
        ("The union said the offer amounted to a 4.5% pay rise.", "offer amounted pay rise (%)"),
        ("The trust paid $2,000 to each family.", "trust paid to family ($)"),
        ("The lake had dropped 19 feet by noon.", "lake dropped (feet)"),  # a measure keeps its own form
        ("Inflation rose to 4.8% in March.", "inflation rose in March (%)"),  # a level is not acted on
    ],
)
def test_a_label_names_what_is_counted_then_what_happened_to_it(sentence: str, label: str) -> None:
    (figure,) = figures(sentence)
    assert figure.label == label


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents should call 911 for dispatch if the water rises.",
        "Call 0800 555 0199 for updates on the closures.",
        "Call 555-0199 for updates.",
        "The repairs will take three times as long as planned.",
        "The plant produced three times the usual output.",
    ],
)
def test_numbers_that_are_not_quantities_stay_out(sentence: str) -> None:
    assert figures(sentence) == ()


def test_a_number_called_is_no_quantity_but_people_called_are() -> None:
    (witnesses,) = figures("Police called 40 witnesses to the hearing.")
    assert witnesses.value == 40 and witnesses.unit == "witnesses"
    low, high = figures("Rescuers said 300-400 volunteers were digging.")  # a range, not a phone number
    assert (low.value, high.value) == (300, 400)


def test_pounds_of_weight_are_not_sterling() -> None:
    (calf,) = figures("The calf weighed 243 pounds at birth, the zoo said.")
    assert calf.unit == "pounds" and calf.label == "calf weight (pounds)"
    (rice,) = figures("Volunteers handed out 800 pounds of rice.")
    assert rice.unit == "pounds"
    (fine,) = figures("The fine was 243 pounds, the court said.")
    assert fine.unit == "£"
