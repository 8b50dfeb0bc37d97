"""Which numbers found in a sentence are not figures (tracker.engine.figures.exclude)."""

from __future__ import annotations

import pytest

from tracker.engine.figures.exclude import excluded
from tracker.engine.figures.scan import scan, tokenise


def _judged(sentence: str) -> list[tuple[float, bool]]:
    toks = tokenise(sentence)
    return [(raw.value, excluded(toks, raw, sentence)) for raw in scan(toks, sentence)]


@pytest.mark.parametrize(
    ("sentence", "judged"),
    [
        ("Talks resumed on October 7 after 40 people died.", [(7, True), (40, False)]),
        ("Ruiz, 41, said 12 homes burned in 2019.", [(41, True), (12, False), (2019, True)]),
        ("Route 9 was closed and 300 drivers were stuck.", [(9, True), (300, False)]),
        ("She made a 911 call from 6 miles away.", [(911, True), (6, False)]),
        ("The website 38 North reported the launch.", [(38, True)]),
        ("Crews worked on the 2200 block of Harbor Road.", [(2200, True)]),
        ("Six officers were injured, one of them seriously.", [(6, False), (1, False)]),
        ("One of the men was rescued at 7 a.m.", [(1, True), (7, True)]),
    ],
)
def test_excluded(sentence: str, judged: list[tuple[float, bool]]) -> None:
    assert _judged(sentence) == judged
