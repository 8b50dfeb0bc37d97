"""Attribution cues: the end-anchored patterns are searched only over the last words of a
text, for speed; these properties hold them to what a search of the whole text finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tracker.engine.statements.attribution import _PASSIVE, _PRONOUN_END, _last_words, _strip_trailing, find_attribution

words = st.lists(
    st.sampled_from(
        [
            "was",
            "is",
            "being",
            "quickly",
            "he",
            "she",
            "it",
            "x-is",
            "said",
            "also",
            "later",
            "on",
            "Monday",
            "in",
            "a",
            "statement",
            "the",
            "ministry",
            ",",
            "Q",
            "  ",
            "\t",
        ]
    ),
    max_size=10,
).map(lambda ws: " ".join(ws) + " ")
texts = words | words.map(str.rstrip) | st.text(max_size=30)

_TRAILING_ALL = re.compile(
    r"(?:\s+(?:also|later|previously|earlier|separately|again|then|now|still|already|had|has|have|"
    r"was|were|is|are|would|will|could|did|do|does|publicly|privately|repeatedly|recently|"
    r"on\s+\w+day|in\s+a\s+statement|on\s+\w+))+$",
    re.IGNORECASE,
)


@given(texts)
def test_end_patterns_searched_from_the_last_words_find_what_a_full_search_finds(text: str) -> None:
    assert (_PASSIVE.search(text, _last_words(text, 2)) is None) == (_PASSIVE.search(text) is None)
    pronoun = _PRONOUN_END.search(text, max(0, _last_words(text, 1) - 1))
    full = _PRONOUN_END.search(text)
    assert (pronoun and pronoun.group(1)) == (full and full.group(1))


@given(texts)
def test_trailing_phrases_peeled_from_the_end_are_the_run_a_full_pattern_strips(text: str) -> None:
    assert _strip_trailing(text) == _TRAILING_ALL.sub("", text)


def test_cues_by_position() -> None:
    cue = find_attribution("QQQQ, said Lina Qasem, a spokesperson for the ministry.")
    assert cue is not None and cue.phrase.startswith("Lina Qasem") and cue.rank == 1
    cue = find_attribution("At least 27 people were rescued, officials said.")
    assert cue is not None and (cue.phrase, cue.rank) == ("officials", 2)
    assert find_attribution("Residents were told to leave.") is None
    assert find_attribution("The ministry said in a statement on Monday that 40 died.") is not None
