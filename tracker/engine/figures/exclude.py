"""Numbers that are not figures: dates, times, years, ages, ordinals, designators (Route 9,
I-10), names ("38 North"), codes ("a 911 call"), the pronoun "one", and sizes ("a
billion-dollar complex"). `excluded` judges one number found by figscan.scan in its tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.engine.figures.numbers import NUMBER_WORDS
from tracker.engine.figures.scan import HYPHEN, SCALE_WORDS, Raw, Tok, text_after
from tracker.engine.lexicon import KIN_FEMALE, KIN_MALE

MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TIME_AFTER = re.compile(
    r"^\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|GMT|BST|UTC|CET|CEST|[ECMP][SD]?T\b|local time|hrs\b|h\b)",
    re.IGNORECASE,
)
DESIGNATORS = frozenset(
    """route highway hwy interstate road rd street st avenue ave flight no number room gate
    terminal platform pier berth channel chapter article section clause category level stage
    phase grade class type model version apollo windows iphone series vol volume page
    lane exit unit ward district precinct building block lot runway track game week day
    proposition prop amendment title bill rule code squad battalion brigade division regiment
    covid""".split()
)

_ONE_IDIOM_AFTER = frozenset("of another day point time way side hand".split())
_ONE_IDIOM_BEFORE = frozenset("no any every each the this that which someone anyone".split())
_NOT_DESIGNATOR_BEFORE = frozenset("i about some nearly the a".split())


@dataclass(frozen=True, slots=True)
class _Around:
    """The context of one number: the text and tokens on either side."""

    before: str
    after: str
    prev: str  # the token before, lower case
    prev_text: str
    prev2: str
    nxt: str


def _around(toks: list[Tok], raw: Raw, sentence: str) -> _Around:
    first, last = toks[raw.first], toks[raw.last]
    return _Around(
        before=sentence[max(0, first.start - 2) : first.start],  # only its last two characters are read
        after=text_after(sentence, last.end),
        prev=toks[raw.first - 1].low if raw.first > 0 else "",
        prev_text=toks[raw.first - 1].text if raw.first > 0 else "",
        prev2=toks[raw.first - 2].text if raw.first > 1 else "",
        nxt=toks[raw.last + 1].low if raw.last + 1 < len(toks) else "",
    )


def _is_year(raw: Raw, text: str) -> bool:
    return raw.unit is None and re.fullmatch(r"\d{4}", text) is not None and 1800 <= raw.value <= 2100


def _is_clock_or_code(raw: Raw, a: _Around) -> bool:
    """21:00, 24/7, 7 a.m., A40, I-10, COVID-19."""
    before2 = a.before[-2:]
    return bool(
        (a.after[:1] in (":", "/", ".") and a.after[1:2].isdigit())
        or (len(before2) == 2 and before2[0].isdigit() and before2[1] in ":/")
        or TIME_AFTER.match(a.after)
        or a.before[-1:].isalpha()
        or (len(before2) == 2 and before2[1] == "-" and before2[0].isascii() and before2[0].isalpha())
    )


def _is_date(raw: Raw, a: _Around) -> bool:
    """October 7, 7 October."""
    month_before = a.prev.rstrip(".") in MONTHS or (a.prev == "." and a.prev2.lower() in MONTHS)  # "Dec. 31"
    return month_before or (a.nxt in MONTHS and raw.unit is None)


# a capitalised word after the number, and no plural within the next few words ("40 Sonoma
# County school districts", "33 South Koreans" are counts)
_NAMED_AFTER = re.compile(r"^\s+[A-Z][a-z]+(?<!s)\b(?!(?:\s+[\w.'’-]+){0,3}?\s+\w+s\b)")
_UNIT_WORDS = (
    "percent|per|mile|kilometer|kilometre|km|meter|metre|foot|inch|yard|hour|minute|second|day|week|month|"
    "year|point|degree|ton|tonne|pound|kilogram|kg|acre|hectare|mph|gallon|liter|litre|barrel|million|billion|"
    "thousand|hundred|trillion|times|fold|to|and|or|of|in|out"
)


# "Arroyo County 12 and Sorrel County seven": counts in a list, not names like Route 9
_LISTED = re.compile(
    r"^\s*(?:,|and)\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
)


def _is_designator(raw: Raw, text: str, a: _Around, index: int) -> bool:
    """Highway 20, Apollo 11, Category 3, No. 1: a name, not a quantity."""
    if raw.unit is not None or not text.isdigit() or raw.value >= 10_000:
        return False
    if re.match(r"\s+block\s+of\s+[A-Z]", a.after):
        return True  # "the 2200 block of Harbor Road": an address
    if a.prev in DESIGNATORS or (a.prev == "." and a.prev2.lower() in {"no", "nos"}):
        return True
    capitalised_name = (
        index > 1 and a.prev_text[:1].isupper() and a.prev not in WEEKDAYS and a.prev not in _NOT_DESIGNATOR_BEFORE
    )
    counted_after = re.match(r"^\s*(?:%|percent|[a-z]+s\b|of\b|-\d)", a.after) is not None or _LISTED.match(a.after)
    if capitalised_name and not counted_after:
        return True
    # a name after the number: "38 North", "737 Max" (but "40 Israeli soldiers" are counted)
    named = _NAMED_AFTER.match(a.after) is not None and a.nxt not in MONTHS
    # "a 911 call", "a 737 jet": "a" before a plain number greater than one is no count
    coded = (
        a.prev in {"a", "an"}
        and raw.value > 1
        and re.match(rf"^\s+(?!(?:{_UNIT_WORDS})\b)[a-z]+(?<!s)\b", a.after) is not None
    )
    return named or coded


def _is_pronoun_one(raw: Raw, text: str, a: _Around) -> bool:
    """'one of the men', 'no one', 'the one who'."""
    idiom = a.nxt in _ONE_IDIOM_AFTER or a.prev in _ONE_IDIOM_BEFORE
    # "an uneasy one.", "a bigger one,": an adjective's noun, not a count
    adjective_one = a.prev2.lower() in {"a", "an", "the"} and a.prev.isalpha() and (not a.nxt or not a.nxt.isalpha())
    return text.lower() == "one" and raw.first == raw.last and (idiom or adjective_one)


_PERSONS = (
    KIN_FEMALE
    | KIN_MALE
    | frozenset(
        """child driver passenger victim suspect gunman teacher pilot officer soldier worker resident
        student nurse doctor farmer survivor hiker climber owner mayor priest fisherman patient
        captain skipper crewman guard man woman boy girl defendant accused founder chief
        executive director manager leader witness neighbour neighbor shooter attacker""".split()
    )
)


def _is_age(toks: list[Tok], raw: Raw, a: _Around) -> bool:
    """'Ruiz, 41,', 'the driver, 54,', '(41)', 'aged 41', '41-year-old', 'ages from 34 to 91'."""
    window = " ".join(t.low for t in toks[max(0, raw.first - 4) : raw.first])
    if raw.unit is None and re.search(r"\b(?:aged?|ages)\b", window):
        return True
    if re.match(r"^\s*-?\s*(?:years?|months?)[\s-]+old\b", a.after, re.IGNORECASE):
        return True
    after_name = a.prev in {",", "("} and raw.first >= 2 and (a.prev2[:1].isupper() or a.prev2.lower() in _PERSONS)
    closes = a.nxt in {",", ")", ";", "and", "."} or raw.last + 1 >= len(toks)
    return raw.unit is None and after_name and closes and raw.value < 120 and raw.first == raw.last


def _part_of_count_before(toks: list[Tok], raw: Raw) -> bool:
    """'six officers were injured, one of them seriously': a count of the ones counted before."""
    after = [t.low for t in toks[raw.last + 1 : raw.last + 3]]
    earlier = any(t.low[:1].isdigit() or t.low in NUMBER_WORDS - {"a", "and", "one"} for t in toks[: raw.first])
    return after[:1] == ["of"] and after[1:] in (["them"], ["those"], ["whom"]) and earlier


def excluded(toks: list[Tok], raw: Raw, sentence: str) -> bool:
    """Dates, times, years, ages, ordinals, designators and the pronoun 'one' are not figures."""
    a = _around(toks, raw, sentence)
    text = toks[raw.first].text
    if raw.kind == "digits" and (
        _is_year(raw, text) or _is_clock_or_code(raw, a) or _is_date(raw, a) or _is_designator(raw, text, a, raw.first)
    ):
        return True
    if raw.kind == "words" and _is_pronoun_one(raw, text, a) and not _part_of_count_before(toks, raw):
        return True
    if raw.kind == "words" and text.lower() == "one" and raw.first == raw.last and a.nxt == HYPHEN:
        return True  # "their biggest one-day fall", "a one-off payment"
    words = {t.low for t in toks[raw.first : raw.last + 1]}
    if raw.kind == "words" and words & SCALE_WORDS and words <= SCALE_WORDS | {"a", "an"} and a.after[:1] == "-":
        return True  # "a billion-dollar complex", "a million-pound home": a size, not a count
    if raw.kind == "digits" and _is_phone_or_line(text, a):
        return True
    if _MULTIPLIER.match(a.after):
        return True  # "three times as long", "four times more likely": a ratio, not a quantity
    return _is_age(toks, raw, a) or re.match(r"^(?:st|nd|rd|th)\b", a.after) is not None


_CALLING = frozenset("call calls called calling dial dials dialled dialed phone phoned text texted ring rang".split())
# after the number of a line that is called, nothing that it could count: "call 911 for help"
_NOT_COUNTED = re.compile(r"^\s*(?:[.,;:!?)]|$|(?:for|to|or|and|if|when|immediately|now|instead|right)\b)")
_MULTIPLIER = re.compile(
    r"^\s+times\s+(?:as|more|less|fewer|higher|lower|larger|smaller|bigger|faster|slower|greater|longer|"
    r"shorter|likelier|likely|the)\b"
)


def _is_phone_or_line(text: str, a: _Around) -> bool:
    """ "call 911 for dispatch", "dial 999", "0800 555 0199": a number to call, not a quantity."""
    if "," in text or "." in text:
        return False
    if a.prev in _CALLING and _NOT_COUNTED.match(a.after):
        return True
    # a group of digits in a run of groups ("0800 555 0199", "555-0199"): a phone number or a
    # code. A hyphen between plain groups is a range ("300-400 volunteers"), so there a group
    # must open with a zero, as no count is written.
    if re.match(r"^ \d{3,}\b", a.after) or (len(a.before) == 2 and a.before[0].isdigit() and a.before[1] == " "):
        return True
    return bool(re.match(r"^-0\d{2,}", a.after)) or (
        text.startswith("0") and re.match(r"^-\d{3,}", a.after) is not None
    )
