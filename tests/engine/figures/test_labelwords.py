"""The word lists labels are read with: which words say what happened to a counted thing."""

from __future__ import annotations

import pytest

from tracker.engine.figures.labelwords import is_verbish


@pytest.mark.parametrize("word", ["killed", "evacuated", "rose", "fled", "killing", "missing", "Stranded"])
def test_words_that_say_what_happened(word: str) -> None:
    assert is_verbish(word)


@pytest.mark.parametrize("word", ["hundred", "building", "morning", "during", "according", "people", "red"])
def test_nouns_and_prepositions_that_only_look_like_verbs(word: str) -> None:
    assert not is_verbish(word)
