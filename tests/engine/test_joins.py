"""The similarity join and the in-order pairing: the fast ways give what the slow ways give."""

from __future__ import annotations

from collections import Counter
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.engine import joins
from tracker.engine.align import similarity
from tracker.engine.inorder import dense_pairs, sparse_pairs
from tracker.engine.joins import nearest, similar_pairs

words = st.sampled_from("a b c d e f g h i j k l".split())
bag = st.lists(words, max_size=8).map(Counter)
bags = st.lists(bag, max_size=12)


@given(bags, bags, st.sampled_from([0.09, 0.3, 0.45, 0.5, 0.6, 0.6000000000000001, 1.0]))
def test_the_join_finds_every_pair_at_or_above_the_threshold(
    left: list[Counter[str]], right: list[Counter[str]], threshold: float
) -> None:
    # lists this short are never windowed: the join is exact (and made to index them, which
    # it would not do for so few pairs)
    with patch.object(joins, "ALL_PAIRS", 0):
        found = set(similar_pairs(left, right, threshold, "test"))
    expected = {(i, j) for i, a in enumerate(left) for j, b in enumerate(right) if similarity(a, b) >= threshold}
    assert expected <= found


@given(bags, bags)
def test_the_join_works_on_sets_as_on_counters(left: list[Counter[str]], right: list[Counter[str]]) -> None:
    sets = [frozenset(b) for b in left], [frozenset(b) for b in right]
    ones = [Counter(set(b)) for b in left], [Counter(set(b)) for b in right]
    with patch.object(joins, "ALL_PAIRS", 0):
        assert similar_pairs(*sets, 0.5, "test") == similar_pairs(*ones, 0.5, "test")


def test_a_word_shared_by_hundreds_yields_only_the_nearest() -> None:
    same = [Counter({"storm": 1, "homes": 1})] * 500
    pairs = similar_pairs(same, same, 0.5, "test", window=4)
    assert len(pairs) <= 500 * 8
    assert all(abs(i - j) <= 4 for i, j in pairs)


def test_nearest_is_a_window_around_the_position() -> None:
    positions = [0.0, 0.1, 0.2, 0.5, 0.9]
    assert list(nearest(positions, 0.45, 1)) == [2, 3]
    assert list(nearest(positions, 0.0, 2)) == [0, 1]
    assert list(nearest([], 0.5, 3)) == []


# scores from a few values, so that ties (the hard part of a traceback) are common
cell = st.sampled_from([0.0, 0.2, 0.5, 0.5, 0.6, 0.75, 1.0, 0.55])
table = st.integers(1, 9).flatmap(lambda n: st.lists(st.lists(cell, min_size=n, max_size=n), min_size=1, max_size=9))


@settings(max_examples=400)
@given(table)
def test_the_sparse_pairing_chooses_what_the_full_table_chooses(score: list[list[float]]) -> None:
    related = {(i, j): s for i, row in enumerate(score) for j, s in enumerate(row) if s >= 0.5}
    assert sparse_pairs(len(score), len(score[0]), related) == dense_pairs(score, 0.5)
