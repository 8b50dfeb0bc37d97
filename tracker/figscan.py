"""Finding numbers in a sentence: tokens with offsets, digits and number words read to
values, and the numbers that are not figures (dates, times, years, ages, ordinals,
designators such as Route 7, I-10 or A40) set aside.

`tokenise` keeps whole numbers whole ("14,800", "$1.2") and marks hyphens inside words
("5-kilometer", "Thirty-six") so that they join rather than end a clause. `scan` finds
every number in the tokens; `excluded` says whether one is not a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from tracker.labelwords import PREPOSITIONS
from tracker.lexicon import KIN_FEMALE, KIN_MALE
from tracker.numbers import FRACTIONS, NUMBER_WORDS, TENS, UNITS, parse_digits, parse_words, scale_of

# Tokens with offsets: whole numbers (with currency and %), words (hyphens and apostrophes
# inside), single punctuation marks.
_TOKEN = re.compile(r"(?:US|A|C|NZ|HK)?[$£€¥₹]\d[\d,.]*\d|[$£€¥₹]\d|\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")
_DIGITS = re.compile(r"^(?P<cur>(?:US|A|C|NZ|HK)?[$£€¥₹])?(?P<num>\d[\d,.]*\d|\d)$")

MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
QUALIFIERS = (
    "more than",
    "greater than",
    "higher than",
    "over",
    "at least",
    "as many as",
    "as much as",
    "up to",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "an estimated",
    "estimated",
    "close to",
    "fewer than",
    "less than",
    "under",
    "just over",
    "just under",
    "upwards of",
    "as few as",
    "at most",
    "no more than",
    "no fewer than",
    "only",
    "exactly",
    "well over",
    "more than a",
    "just",
    "a further",
    "another",
)
_QUALIFIER_RE = re.compile(
    r"(?:^|\s)(" + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True)) + r")\s*$",
    re.IGNORECASE,
)
TIME_AFTER = re.compile(
    r"^\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|GMT|BST|UTC|CET|CEST|[ECMP][SD]?T\b|local time|hrs\b|h\b)",
    re.IGNORECASE,
)
PERCENT_AFTER = re.compile(r"^\s*(%|percent\b|per cent\b|percentage points?\b|points?\b(?= of\b))", re.IGNORECASE)
DESIGNATORS = frozenset(
    """route highway hwy interstate road rd street st avenue ave flight no number room gate
    terminal platform pier berth channel chapter article section clause category level stage
    phase grade class type model version apollo windows iphone series vol volume page
    lane exit unit ward district precinct building block lot runway track game week day
    proposition prop amendment title bill rule code squad battalion brigade division regiment
    covid""".split()
)
# Designators whose number is a rating that moves with the story ("a Category 4 storm" ->
# "Category 5", "alert level 3", "Stage 2 restrictions"): read as figures with their own unit.
RATINGS = frozenset("category level stage phase".split())
BOUNDARY = frozenset(",;:()[]—–-\"“”‘’'!?.")


class Tok(NamedTuple):
    """A token with its offsets (a named tuple: a sentence makes dozens, a dataclass is slower)."""

    text: str
    start: int
    end: int
    low: str  # the text lower-cased, read far more often than the text


_tok = tuple.__new__  # a Tok without the named tuple's Python-level constructor

HYPHEN = "\u2011"  # an attached hyphen ("5-kilometer", "Thirty-six"): joins words, ends no clause


def tokenise(sentence: str) -> list[Tok]:
    toks = [_tok(Tok, (w, m.start(), m.end(), w.lower())) for m in _TOKEN.finditer(sentence) for w in (m.group(0),)]
    for i in range(1, len(toks) - 1):
        t = toks[i]
        if t.text == "-" and toks[i - 1].end == t.start and toks[i + 1].start == t.end:
            toks[i] = Tok(HYPHEN, t.start, t.end, HYPHEN)
    return toks


def _is_word_number(tok: Tok) -> bool:
    return tok.low in NUMBER_WORDS


@dataclass
class Raw:
    """A number found in the token stream, before it is judged and labelled."""

    first: int  # token index range [first, last]
    last: int
    value: float
    unit: str | None
    kind: str  # "digits" | "words"


def scan(toks: list[Tok], sentence: str) -> list[Raw]:
    found: list[Raw] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        m = _DIGITS.match(tok.text) if tok.text[-1].isdigit() else None  # numbers end in a digit
        if m:
            raw = _read_digits(toks, i, m, sentence)
            if raw:
                found.append(raw)
                i = raw.last + 1
                continue
        elif _is_word_number(tok) or _hyphen_number(tok.low):
            raw = _read_words(toks, i)
            if raw:
                found.append(raw)
                i = raw.last + 1
                continue
        i += 1
    return found


def _hyphen_number(low: str) -> bool:
    if "-" not in low:
        return False
    parts = low.split("-")
    return len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS


def _scaled(value: float, scale: float) -> float:
    """4.1 x 1e9 as 4,100,000,000 exactly, not 4,099,999,999.9999995."""
    return round(value * scale, 6)


def _read_digits(toks: list[Tok], i: int, m: re.Match[str], sentence: str) -> Raw | None:
    tok = toks[i]
    value = parse_digits(m.group("num"))
    if value is None:
        return None
    unit: str | None = None
    if m.group("cur"):
        unit = m.group("cur")[-1] if m.group("cur")[-1] != "$" else "$"
    last = i
    after = sentence[tok.end :]
    # letters glued to the digits: "5k", "1.2bn", "40m" are scales; "7th", "1990s", "4G" are not figures
    glued = re.match(r"[A-Za-z]+", after)
    if glued:
        scale = scale_of(glued.group(0))
        if scale and (unit or glued.group(0).lower() in {"bn", "mn", "tn", "k"}):
            value = _scaled(value, scale)
            last = i + 1
            after = sentence[toks[last].end :] if last < len(toks) else ""
        elif glued.group(0) == "p" and not unit:
            unit, last = "p", i + 1  # pence: "251p"
            after = sentence[toks[last].end :] if last < len(toks) else ""
        else:
            return None
    elif last + 1 < len(toks) and toks[last + 1].start == tok.end + 1:
        scale = scale_of(toks[last + 1].text)
        word = toks[last + 1].low
        if scale and word in {"million", "billion", "trillion", "thousand", "bn", "mn", "m"} and (word != "m" or unit):
            value = _scaled(value, scale)  # "1.2 million", "£40 m"
            last += 1
            after = sentence[toks[last].end :]
    pm = PERCENT_AFTER.match(after)
    if pm:
        unit = "%" if "point" not in pm.group(1).lower() else "points"
        if pm.group(1) != "%":
            words = len(pm.group(1).split())
            last = min(len(toks) - 1, last + words)
        else:
            last += 1
    elif tok.text.endswith("%"):
        unit = "%"
    return Raw(i, last, value, unit, "digits")


_VAGUE_BEFORE = frozenset("few couple several many some dozen dozens hundreds thousands tens".split())


_BIG_SCALES = frozenset({"thousand", "million", "billion"})
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})


def _fraction_of_scale(toks: list[Tok], i: int) -> Raw | None:
    """'a quarter of a million', 'three-quarters of a million', 'a third of a billion'."""
    j = i
    if toks[j].low in UNITS or toks[j].low in {"a", "an"}:
        j += 2 if j + 1 < len(toks) and toks[j + 1].text == HYPHEN else 1
    if j >= len(toks) or toks[j].low not in FRACTIONS:
        return None
    j += 1
    for skip in ("of", "a"):
        if j < len(toks) and toks[j].low == skip:
            j += 1
    if j >= len(toks) or toks[j].low not in _BIG_SCALES:
        return None
    value = parse_words(" ".join(t.low for t in toks[i : j + 1] if t.text != HYPHEN))
    return Raw(i, j, value, None, "words") if value is not None else None


_FRACTION_BEFORE = frozenset("about nearly almost roughly around some over under only just by than".split())
# after a share of something: "a third of bookings", "fell by about a third.", "a fifth fewer"
_FRACTION_AFTER = (
    frozenset("of fewer more less than since as last this after before when".split())
    | PREPOSITIONS
    | {",", ".", ";", ")", "—", "–"}
)


def _share(toks: list[Tok], i: int) -> Raw | None:
    """'a third of the homes', 'two-thirds of voters', 'about half of them', 'fell by a
    quarter.': a share, valued as a fraction (1/3), its unit 'fraction'."""
    j = i
    count = 1.0
    if toks[j].low in UNITS or toks[j].low in {"a", "an"}:
        count = float(UNITS.get(toks[j].low, 1))
        j += 2 if j + 1 < len(toks) and toks[j + 1].text == HYPHEN else 1
    elif not (
        toks[j].low == "half" and (j == 0 or toks[j - 1].low in _FRACTION_BEFORE or toks[j - 1].text in BOUNDARY)
    ):
        return None  # bare "half" only as a share: "about half", "Half of the residents"
    if j >= len(toks) or toks[j].low not in FRACTIONS:
        return None
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is not None and nxt.low not in _FRACTION_AFTER:
        return None  # "a third party", "half an hour", "a quarter century"
    if nxt is not None and nxt.low == "of" and j + 2 < len(toks) and toks[j + 2].low in {"a", "an"}:
        return None  # "a quarter of a million" is read as a number; "of an hour" is a duration
    return Raw(i, j, count * FRACTIONS[toks[j].low], "fraction", "words")


def _read_words(toks: list[Tok], i: int) -> Raw | None:
    fraction = _fraction_of_scale(toks, i) or _share(toks, i)
    if fraction is not None:
        return fraction
    if i > 0 and toks[i - 1].low in _VAGUE_BEFORE and toks[i].low in {"hundred", "thousand", "million", "billion"}:
        return None  # "a couple hundred", "several thousand": not a number anyone can follow
    j = i
    parts: list[str] = []
    while j < len(toks):
        low = toks[j].low
        if low == "and" and not (parts and parts[-1] in {"hundred", "thousand", "million", "billion"}):
            break  # "one hundred and twenty" is one number; "two and six" are two
        if low in NUMBER_WORDS or _hyphen_number(low) or (low == HYPHEN and parts):
            parts.append(low)
            j += 1
            continue
        break
    # trim joining words that do not end a number phrase
    while parts and parts[-1] in {"and", "a", HYPHEN, "half"}:
        parts.pop()
        j -= 1
    while parts and parts[0] in {"and", HYPHEN}:
        parts.pop(0)
        i += 1
    if not parts:
        return None
    text = " ".join(p for p in parts if p != HYPHEN)
    value = parse_words(text)
    if value is None:
        return None
    # "a" alone, or "a hundred" in "a hundred years ago"-style idioms, still counts; bare
    # "one" as a pronoun does not
    if text in {"a", "an"}:
        return None
    return Raw(i, j - 1, value, None, "words")


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
        before=sentence[: first.start],
        after=sentence[last.end :],
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


def _is_designator(raw: Raw, text: str, a: _Around, index: int) -> bool:
    """Highway 20, Apollo 11, Category 3, No. 1: a name, not a quantity."""
    if raw.unit is not None or not text.isdigit() or raw.value >= 10_000:
        return False
    if a.prev in DESIGNATORS or (a.prev == "." and a.prev2.lower() in {"no", "nos"}):
        return True
    capitalised_name = (
        index > 1 and a.prev_text[:1].isupper() and a.prev not in WEEKDAYS and a.prev not in _NOT_DESIGNATOR_BEFORE
    )
    counted_after = re.match(r"^\s*(?:%|percent|[a-z]+s\b|of\b|-\d)", a.after) is not None
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
        student nurse doctor farmer survivor hiker climber owner mayor priest fisherman patient""".split()
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
    if raw.kind == "words" and words & _SCALE_WORDS and words <= _SCALE_WORDS | {"a", "an"} and a.after[:1] == "-":
        return True  # "a billion-dollar complex", "a million-pound home": a size, not a count
    return _is_age(toks, raw, a) or re.match(r"^(?:st|nd|rd|th)\b", a.after) is not None


def find_qualifier(sentence: str, start: int) -> tuple[str | None, int]:
    m = _QUALIFIER_RE.search(sentence[:start])
    if not m:
        return None, start
    q = m.group(1)
    return q.lower(), m.start(1)
