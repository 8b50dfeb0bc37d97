"""Finding numbers in a sentence: tokens with offsets, and digits, number words, shares
("a third of") and scales read to values.

`tokenise` keeps whole numbers whole ("14,800", "$1.2") and marks hyphens inside words
("5-kilometer", "Thirty-six") so that they join rather than end a clause. `scan` finds
every number in the tokens; figexclude.py says which of them are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from tracker.engine.figures.labelwords import PREPOSITIONS
from tracker.engine.figures.numbers import FRACTIONS, NUMBER_WORDS, TENS, UNITS, parse_digits, parse_words, scale_of

# Tokens with offsets: whole numbers (with currency and %), words (hyphens and apostrophes
# inside), single punctuation marks.
_TOKEN = re.compile(r"(?:US|A|C|NZ|HK)?[$£€¥₹]\d[\d,.]*\d|[$£€¥₹]\d|\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")
_DIGITS = re.compile(r"^(?P<cur>(?:US|A|C|NZ|HK)?[$£€¥₹])?(?P<num>\d[\d,.]*\d|\d)$")

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
PERCENT_AFTER = re.compile(r"^\s*(%|percent\b|per cent\b|percentage points?\b|points?\b(?= of\b))", re.IGNORECASE)
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
        elif tok.low in NUMBER_WORDS or tok.low == "no" or ("-" in tok.low and _hyphen_number(tok.low)):
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


# The few words after a number that the rules read: every pattern over "what follows" is
# anchored at its start and reads at most six words; twelve are kept (a copy of the rest of
# the sentence for every number is quadratic in a sentence of a thousand numbers).
_WORDS_AFTER = re.compile(r"(?:\s*\S+){1,12}\s*")


def text_after(sentence: str, pos: int) -> str:
    """The text from `pos` on, up to the twelfth word after it and the white space after that."""
    m = _WORDS_AFTER.match(sentence, pos)
    return sentence[pos : m.end()] if m else sentence[pos:]


def _read_digits(toks: list[Tok], i: int, m: re.Match[str], sentence: str) -> Raw | None:
    tok = toks[i]
    value = parse_digits(m.group("num"))
    if value is None:
        return None
    unit: str | None = None
    if m.group("cur"):
        unit = m.group("cur")[-1] if m.group("cur")[-1] != "$" else "$"
    last = i
    after = text_after(sentence, tok.end)
    # letters glued to the digits: "5k", "1.2bn", "40m" are scales; "7th", "1990s", "4G" are not figures
    glued = re.match(r"[A-Za-z]+", after)
    if glued:
        scale = scale_of(glued.group(0))
        if scale and (unit or glued.group(0).lower() in {"bn", "mn", "tn", "k"}):
            value = _scaled(value, scale)
            last = i + 1
            after = text_after(sentence, toks[last].end) if last < len(toks) else ""
        elif glued.group(0) == "p" and not unit:
            unit, last = "p", i + 1  # pence: "251p"
            after = text_after(sentence, toks[last].end) if last < len(toks) else ""
        else:
            return None
    elif last + 1 < len(toks) and toks[last + 1].start == tok.end + 1:
        scale = scale_of(toks[last + 1].text)
        word = toks[last + 1].low
        if scale and word in {"million", "billion", "trillion", "thousand", "bn", "mn", "m"} and (word != "m" or unit):
            value = _scaled(value, scale)  # "1.2 million", "£40 m"
            last += 1
            after = text_after(sentence, toks[last].end)
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
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})


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


# "No deaths have been reported" -> "Two people died": none is a count too, for these
_NONE_OF = frozenset("deaths fatalities casualties injuries arrests survivors".split())


def _none(toks: list[Tok], i: int) -> Raw | None:
    if toks[i].low != "no":
        return None
    j = i + 1
    if j < len(toks) and toks[j].low in {"other", "further", "more", "new", "confirmed"}:
        j += 1
    return Raw(i, i, 0.0, toks[j].low, "words") if j < len(toks) and toks[j].low in _NONE_OF else None


def _read_words(toks: list[Tok], i: int) -> Raw | None:
    if toks[i].low == "no":
        return _none(toks, i)
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


_LONGEST_QUALIFIER = max(len(q) for q in QUALIFIERS)


def find_qualifier(sentence: str, start: int) -> tuple[str | None, int]:
    """The qualifier ending just before `start` ("more than" in "more than 14,800"), with
    where it starts. Only the last words before the figure are searched: a qualifier ends
    where the white space before the figure begins, and with the space before it is at most
    `_LONGEST_QUALIFIER` + 1 characters long (a search of the whole text before every figure
    is quadratic in a sentence of a thousand figures)."""
    end = start
    while end > 0 and sentence[end - 1].isspace():
        end -= 1
    lo = max(0, end - _LONGEST_QUALIFIER - 1)
    m = _QUALIFIER_RE.search(sentence, lo, start)
    if not m:  # (from `lo` > 0, `^` never matches: a search from pos anchors only at 0)
        return None, start
    q = m.group(1)
    return q.lower(), m.start(1)
