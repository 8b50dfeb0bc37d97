"""Finding similar pairs without comparing everything with everything, and counting the work.

The engine pairs old and new sentences, statements and figures by the overlap of their
words. Scoring every old item against every new one is quadratic: a 20,000-word rewrite
has a thousand sentences a side, a million pairs. Most pairs share nothing, so:

- `similar_pairs` is a similarity join by prefix filtering: for a Dice threshold t, two
  bags can reach t only if they share one of the rarest words of each (each bag's
  "prefix", its words in order of rarity, as many as its size less the overlap it needs,
  plus one). Only bags that share a prefix word are candidates, and of those only the ones
  whose overlap can still reach the threshold given where in each bag the shared words
  stand (the position filter of PPJoin). No pair at or above the
  threshold is missed, so a caller that scores the candidates with its own formula gets
  exactly what scoring every pair would have given; except that a prefix word shared by
  very many bags (text of near-identical lines) yields only the bags nearest in the text.
- `nearest` picks, from a sorted list of positions, the few closest to a position: the
  bound for pools whose scores have no threshold high enough to prune by.
- `PROBES` counts candidate pairs looked at, by site, so that tests can assert that work
  grows with the input and not with its square, without timing anything.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

# Candidate pairs examined so far, by site ("align.split", "figures.pool", ...). Tests
# reset it, run a compare and read it; nothing in the engine reads it.
PROBES: Counter[str] = Counter()
WINDOW = 4  # see similar_pairs
ALL_PAIRS = 1024  # up to this many pairs, similar_pairs gives them all


def count(site: str, pairs: int) -> None:
    """Record that `pairs` candidate pairs were examined at `site`."""
    PROBES[site] += pairs


def _tokens(bag: Mapping[str, int] | Iterable[str]) -> list[tuple[str, int]]:
    """A bag's words as distinct tokens: a word twice is ("w", 0) and ("w", 1), so that the
    overlap of two multisets is the overlap of their token sets."""
    if isinstance(bag, Mapping):
        return [(w, k) for w, n in bag.items() for k in range(n)]
    return [(w, 0) for w in bag]


def similar_pairs(
    left: Sequence[Mapping[str, int] | Iterable[str]],
    right: Sequence[Mapping[str, int] | Iterable[str]],
    threshold: float,
    site: str,
    window: int = WINDOW,
) -> list[tuple[int, int]]:
    """Every (i, j) whose bags may have a Dice coefficient >= `threshold` (0 < threshold <= 1):
    a superset of those that do, in order. Bags are Counters (multisets) or sets of words.

    Bounded: of a prefix word shared by more than 2 x `window` bags on the right, only the
    `window` nearest each side of where bag i would stand in `right` are taken, and once a
    bag has met 8 x `window` partners its commoner words are not looked up (text made of
    near-identical lines has a quadratic number of similar pairs; ordinary text none)."""
    if len(left) * len(right) <= ALL_PAIRS:  # a few: every pair is cheaper than an index
        count(site, len(left) * len(right))
        return [(i, j) for i in range(len(left)) for j in range(len(right))]
    lt = [_tokens(b) for b in left]
    rt = [_tokens(b) for b in right]
    df: Counter[str] = Counter()
    for toks in (*lt, *rt):
        df.update({w for w, _ in toks})

    def prefix(toks: list[tuple[str, int]]) -> list[tuple[str, int]]:
        size = len(toks)
        # Dice >= t needs an overlap o >= t * size / (2 - t) with any partner; floor it (and
        # a hair below) so that rounding never makes the prefix too short
        need = max(1, math.floor(threshold * size / (2 - threshold) - 1e-9))
        rarest = sorted([(df[w], w, k) for w, k in toks])[: max(0, size - need + 1)]
        return [(w, k) for _, w, k in rarest]

    # each right bag's prefix tokens, with where they stand in it (for the position filter)
    index: dict[tuple[str, int], list[int]] = {}
    places: dict[tuple[str, int], list[int]] = {}
    for j, toks in enumerate(rt):
        for at, t in enumerate(prefix(toks)):
            index.setdefault(t, []).append(j)
            places.setdefault(t, []).append(at)
    sizes = [len(toks) for toks in rt]
    out: list[tuple[int, int]] = []
    scale = len(rt) / max(1, len(lt))
    for i, toks in enumerate(lt):
        size = len(toks)
        shared: dict[int, int] = {}  # prefix tokens shared so far, by right bag
        dropped: set[int] = set()
        for at, t in enumerate(prefix(toks)):
            if len(shared) + len(dropped) >= 8 * window:
                break  # enough partners met through its rarest words (text of near-identical lines)
            posting, where = index.get(t, []), places.get(t, [])
            lo, hi = 0, len(posting)
            if hi > 2 * window:
                mid = bisect.bisect_left(posting, round(i * scale))
                lo, hi = max(0, mid - window), mid + window
            for j, their in zip(posting[lo:hi], where[lo:hi], strict=True):
                if j in dropped:
                    continue
                # the position filter: tokens are in one global order, so later tokens of
                # this bag can only meet later tokens of that one; if even all of those
                # met, could the overlap reach what the threshold needs?
                most = shared.get(j, 0) + 1 + min(size - at - 1, sizes[j] - their - 1)
                if most >= threshold * (size + sizes[j]) / 2 - 1e-9:
                    shared[j] = shared.get(j, 0) + 1
                else:
                    dropped.add(j)
                    shared.pop(j, None)
        out.extend((i, j) for j in sorted(shared))
    count(site, len(out))
    return out


def nearest(positions: Sequence[float], at: float, k: int) -> range:
    """Indexes of the (about) `k` entries of sorted `positions` closest to `at`: the k before
    it and the k after it, a contiguous range."""
    mid = bisect.bisect_left(positions, at)
    return range(max(0, mid - k), min(len(positions), mid + k))
