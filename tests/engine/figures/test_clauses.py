"""Clause bounds worked out once per sentence are the bounds the token walk gave, and the
qualifier and the words after a number are read from a window as from the whole text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.engine.figures.clauses import ENDS_CLAUSE, after_appositive, clause_bounds, joins_modifiers
from tracker.engine.figures.scan import BOUNDARY, QUALIFIERS, Tok, find_qualifier, text_after, tokenise


def walked_bounds(toks: list[Tok], first: int, last: int) -> tuple[int, int]:
    """The clause bounds as the engine found them before: a walk each way from the figure."""
    lo = first
    while lo > 0:
        t = toks[lo - 1]
        if t.text in BOUNDARY or t.low in {
            "and",
            "but",
            "while",
            "whereas",
            "although",
            "which",
            "who",
            "when",
            "where",
        }:
            break
        lo -= 1
    hi = last
    while hi + 1 < len(toks):
        t = toks[hi + 1]
        if (
            t.text in {",", "—", "–", "("}
            and hi + 2 < len(toks)
            and toks[hi + 2].low in {"including", "among", "most", "many", "of"}
        ):
            k = hi + 2
            while k < len(toks) and toks[k].text not in {",", "—", "–", ")"}:
                k += 1
            hi = k
            continue
        if t.text == "(":
            close = next((j for j in range(hi + 1, len(toks)) if toks[j].text == ")"), None)
            if close is not None:
                hi = close
                continue
        resumed = after_appositive(toks, hi + 1)
        if resumed is not None:
            hi = resumed
            continue
        ends = t.text in BOUNDARY or t.low in ENDS_CLAUSE
        if ends and not (t.low in {"and", "or"} and joins_modifiers(toks, hi + 1)):
            break
        hi += 1
    return lo, hi


piece = st.sampled_from(
    "12 homes , ( ) — and or but which who including among of the an a woman has died current former "
    "customers were killed 3 people in Gaza ; said".split()
)
sentence = st.lists(piece, min_size=1, max_size=40).map(" ".join)


@settings(max_examples=300)
@given(sentence, st.data())
def test_clause_bounds_are_the_bounds_of_the_walk(text: str, data: st.DataObject) -> None:
    toks = tokenise(text)
    for _ in range(5):
        first = data.draw(st.integers(0, len(toks) - 1))
        last = data.draw(st.integers(first, min(len(toks) - 1, first + 2)))
        assert clause_bounds(toks, first, last) == walked_bounds(toks, first, last)


_WHOLE = re.compile(
    r"(?:^|\s)(" + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True)) + r")\s*$",
    re.IGNORECASE,
)
words = st.sampled_from([*QUALIFIERS, "x", "than", "no", "just", "More", "UP", "to", "  ", "\t"])


@settings(max_examples=300)
@given(st.lists(words, max_size=12).map(" ".join), st.sampled_from(["", " ", "  "]))
def test_the_qualifier_is_found_as_a_search_of_the_whole_text_finds_it(before: str, gap: str) -> None:
    text = before + gap + "14,800 people"
    start = len(before) + len(gap)
    m = _WHOLE.search(text[:start])
    expected = (m.group(1).lower(), m.start(1)) if m else (None, start)
    assert find_qualifier(text, start) == expected


@given(st.text(alphabet=" ab,.\n%-", max_size=80), st.data())
def test_the_text_after_a_number_is_the_start_of_the_rest(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    after = text_after(text, pos)
    assert text[pos:].startswith(after)
    assert after == text[pos:] or len(after.split()) >= 12
