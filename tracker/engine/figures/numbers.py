"""Reading numbers as written in news copy: digits with separators, scale words, number words.

`parse_words("two million") == 2_000_000`, `parse_words("Thirty-six") == 36`,
`parse_words("half a million") == 500_000`, `parse_words("a dozen") == 12`;
`parse_digits("14,800") == 14800`. Vague quantities ("dozens", "hundreds", "tens of
thousands") are not numbers and read as None.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Abbreviated scales written after digits or currency amounts: "$1.2bn", "£40m", "5k".
SHORT_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "tr": 1_000_000_000_000,
}
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {"dozen", "half", "a", "and"}
FRACTIONS = {
    "half": 0.5,
    "quarter": 0.25,
    "quarters": 0.25,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "fifth": 0.2,
    "fifths": 0.2,
    "tenth": 0.1,
    "tenths": 0.1,
}


def parse_digits(text: str) -> float | None:
    """'14,800' -> 14800.0, '4.82' -> 4.82, '1.204' -> 1.204 (a dot is always a decimal point)."""
    cleaned = text.replace(",", "").replace("\u202f", "").replace(" ", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return None
    return float(cleaned)


def parse_words(text: str) -> float | None:
    """Value of an English number phrase; None when it is not one."""
    parts = [p for p in re.split(r"[\s-]+", text.lower().strip()) if p]
    if not parts:
        return None
    # "half a million", "a quarter of a million", "three-quarters of a million"
    count = 1.0
    if (
        len(parts) >= 3
        and parts[1] in FRACTIONS
        and (parts[0] in {"a", "an", "one"} or 2 <= UNITS.get(parts[0], 0) <= 9)
    ):
        count = float(UNITS.get(parts[0], 1))
        parts = parts[1:]
    if parts[0] in FRACTIONS and len(parts) >= 2:
        rest = [p for p in parts[1:] if p not in {"a", "an", "of"}]
        if len(rest) == 1 and rest[0] in SCALES and SCALES[rest[0]] >= 1000:
            return count * FRACTIONS[parts[0]] * SCALES[rest[0]]
        if rest == ["dozen"]:
            return count * FRACTIONS[parts[0]] * 12  # "half a dozen", "a half dozen"
        return None
    total = 0.0
    current = 0.0
    seen_number = False
    for i, word in enumerate(parts):
        if word == "and" and seen_number:
            continue
        if word in {"a", "an"}:
            if i + 1 < len(parts) and (parts[i + 1] in SCALES or parts[i + 1] == "dozen"):
                current = max(current, 1.0)
                seen_number = True
                continue
            return None
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen_number = True
    if not seen_number:
        return None
    return total + current


def scale_of(word: str) -> float | None:
    """The multiplier of a scale word written after digits: 'million' -> 1e6, 'bn' -> 1e9."""
    word = word.lower().rstrip(".")
    if word in SCALES and word != "hundred":
        return float(SCALES[word])
    if word == "hundred":
        return 100.0
    return float(SHORT_SCALES[word]) if word in SHORT_SCALES else None


def format_value(value: float) -> str:
    """14800.0 -> '14,800'; 4.82 -> '4.82'; 1.2e9 -> '1,200,000,000'."""
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
