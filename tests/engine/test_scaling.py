"""Long and dense articles cost work in proportion to their size, not its square.

No timing: the engine counts the candidate pairs it examines at each site
(`tracker.engine.joins.PROBES`), and in articles of 800 sentences, figures or quotes no
site may examine more than 250 pairs per item (every pair would be 800 per item; with a
bound or an index taken away, each site falls back to every pair and these tests fail). The inputs are the
shapes that were quadratic: a rewrite of every sentence, one figure per paragraph, hundreds
of figures in one sentence, one attributed quote per paragraph.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

import pytest

from tracker.engine import joins
from tracker.engine.compare import compare
from tracker.engine.memo import clear_caches
from tracker.engine.model import Article

PLACES = [f"{a}{b}" for a in ("Bel", "Cor", "Dun", "Fen", "Gar", "Hol") for b in ("ton", "wick", "ford", "by", "mere")]
NOUNS = "homes boats shelters trucks pumps clinics tents permits".split()
WORDS = [f"{a}{b}" for a in ("ka", "ro", "ven", "tal", "mi", "dor", "lin", "sa") for b in ("ne", "go", "rit", "mas")]


def _rewrite(n: int, r: random.Random) -> tuple[list[str], list[str]]:
    old = [
        f"Crews in {r.choice(PLACES)} cleared {r.randint(2, 900)} {r.choice(NOUNS)} near the "
        f"{' '.join(r.sample(WORDS, 4))} on Monday."
        for _ in range(n)
    ]
    new = [s.replace("Monday", "Tuesday") if k % 2 else f"{s[:-1]}, officials said." for k, s in enumerate(old)]
    return old, new


def _figures(n: int, r: random.Random) -> tuple[list[str], list[str]]:
    old, new = [], []
    for k in range(n):
        place, noun, value = r.choice(PLACES), r.choice(NOUNS), r.randint(2, 9000)
        old.append(f"{place} reported {value} {noun} on Monday.")
        reworded = k % 2 == 0
        new.append(
            f"Officials said the count of {noun} stood at {value + 7} late in the day."
            if reworded
            else old[-1].replace(str(value), str(value + 3))
        )
    return old, new


def _numbers(n: int, r: random.Random) -> tuple[list[str], list[str]]:
    items = [(r.randint(2, 9000), r.choice(NOUNS), r.choice(PLACES)) for _ in range(n)]
    old = ", ".join(f"{v} {noun} in {p}" for v, noun, p in items)
    new = ", ".join(f"{v + 1 + (k % 3)} {noun} in {p}" for k, (v, noun, p) in enumerate(items) if k % 17)
    return [f"The tally listed {old}."], [f"The tally listed {new}."]


def _quotes(n: int, r: random.Random) -> tuple[list[str], list[str]]:
    old, new = [], []
    for k in range(n):
        words = " ".join(r.sample(WORDS, 6))
        who = f"{r.choice(PLACES)} {r.choice(PLACES)}"
        old.append(f"“We cleared the {words} on Monday,” said {who}, a spokesperson for the agency.")
        said = f"the {words} by Tuesday" if k % 3 else f"{' '.join(r.sample(WORDS, 6))} at last"
        new.append(f"“We cleared {said},” said {who}, a spokesperson for the agency.")
    return old, new


SHAPES: dict[str, Callable[[int, random.Random], tuple[list[str], list[str]]]] = {
    "rewrite": _rewrite,
    "figures": _figures,
    "numbers": _numbers,
    "quotes": _quotes,
}


def _probes(shape: str, n: int) -> Counter[str]:
    old, new = SHAPES[shape](n, random.Random(n))
    clear_caches()
    joins.PROBES.clear()
    compare(Article("Storm", tuple(old)), Article("Storm", tuple(new)))
    return Counter(joins.PROBES)


@pytest.mark.parametrize("shape", SHAPES)
def test_each_item_is_compared_with_a_bounded_number_of_others(shape: str) -> None:
    n = 800
    probes = _probes(shape, n)
    assert sum(probes.values()) > 0
    for site, count in probes.items():
        # scoring every pair would be n per item (640,000 here); the bounds keep it under 250
        # (a join takes at most 2 x WINDOW partners for each of a sentence's rarest words)
        assert count <= 250 * n, (site, count)


def test_a_pool_of_hundreds_of_figures_examines_a_few_candidates_each() -> None:
    probes = _probes("figures", 800)
    assert 0 < probes["figures.pool"] <= 800 * 60
