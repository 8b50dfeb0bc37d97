"""Pairing the figures left over after the sentence pairs: the pool (step 2 of changes.py).

An old and a new figure with the same value are the same figure in reworded text and
cancel; the rest pair by what they count (label, counted noun, unit) and by the similarity
of their sentences, above a threshold, best first. Then the only measure of a unit on each
side pairs, and a count of the same things nudged a little.

Scoring every old figure against every new one is quadratic (2,500 one-figure paragraphs
rewritten: six million scores). A pool of up to `FULL_POOL` pairs (every ordinary article's
is under a hundred) is scored in full; a larger one scores, for each old figure, only the
new figures nearest to it in the text among those that share a word of its label or its
sentence (`CANDIDATES` each side, per word), and those nearest to it at all: a partner
that shares no word and stands far away could not score above the threshold anyway.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.engine import joins
from tracker.engine.align import similarity
from tracker.engine.figures.scan import RATINGS
from tracker.engine.figures.units import MEASURE_CLASSES, compatible, opposed, outcomes, unit_class
from tracker.engine.model import Figure, FigureChange

POOL_THRESHOLD = 0.34
FULL_POOL = 4096  # pairs scored in full up to this many (old x new)
CANDIDATES = 2  # in a larger pool: the nearest this many on each side, per shared word


@dataclass(frozen=True, slots=True)
class Fig:
    """A figure with what pairing reads of it."""

    figure: Figure
    sentence_bag: Counter[str]
    label_bag: Counter[str]
    position: float  # 0..1 through the article
    edited: bool  # from an edited sentence pair (a stronger claim to a partner)

    @property
    def signature(self) -> tuple[float, str | None, str | None]:
        return (self.figure.value, unit_class(self.figure.unit), self.figure.role)


def change(old: Fig, new: Fig) -> FigureChange:
    label = new.figure.label or old.figure.label
    return FigureChange(old.figure, new.figure, label)


def pool_score(a: Fig, b: Fig) -> float:
    if not compatible(a.figure, b.figure) or opposed(a.figure.label, b.figure.label):
        return 0.0
    label = similarity(a.label_bag, b.label_bag)
    context = similarity(a.sentence_bag, b.sentence_bag)
    score = 0.6 * label + 0.4 * context
    if a.figure.unit and a.figure.unit == b.figure.unit:
        score += 0.1
    if outcomes(a.figure.label) & outcomes(b.figure.label):
        score += 0.15  # "killed four miners" -> "the death toll rose to nine": one toll
    score -= 0.1 * abs(a.position - b.position)
    return score


def near_pairs(
    olds: list[Fig], news: list[Fig], words: Iterable[str], site: str, positions: tuple[list[float], list[float]]
) -> list[tuple[int, int]]:
    """Candidate pairs (a, b) of a large pool: for each old figure, the new figures nearest
    to it (by `positions`) among those sharing each of its words (`words` names which bags:
    "label", "sentence"), and the nearest of all. Sorted, no repeats."""
    pos_old, pos_new = positions
    order = sorted(range(len(news)), key=lambda b: (pos_new[b], b))
    postings: dict[str, list[int]] = {}
    kinds = tuple(words)
    for b in order:
        for kind in kinds:
            for w in news[b].label_bag if kind == "label" else news[b].sentence_bag:
                postings.setdefault(f"{kind}:{w}", []).append(b)
    keys = {k: [pos_new[b] for b in v] for k, v in postings.items()}
    everyone = [pos_new[b] for b in order]
    out: set[tuple[int, int]] = set()
    for a, o in enumerate(olds):
        at = pos_old[a]
        out.update((a, order[k]) for k in joins.nearest(everyone, at, CANDIDATES))
        for kind in kinds:
            for w in o.label_bag if kind == "label" else o.sentence_bag:
                key = f"{kind}:{w}"
                if key in postings:
                    out.update((a, postings[key][k]) for k in joins.nearest(keys[key], at, CANDIDATES))
    joins.count(site, len(out))
    return sorted(out)


def pair_pool(olds: list[Fig], news: list[Fig]) -> list[FigureChange]:
    remaining_old, remaining_new = _cancel_same_values(olds, news)
    if len(remaining_old) * len(remaining_new) <= FULL_POOL:
        candidates = [(a, b) for a in range(len(remaining_old)) for b in range(len(remaining_new))]
        joins.count("figures.pool", len(candidates))
    else:
        positions = ([o.position for o in remaining_old], [n.position for n in remaining_new])
        candidates = near_pairs(remaining_old, remaining_new, ("label", "sentence"), "figures.pool", positions)
    scores = {(a, b): pool_score(remaining_old[a], remaining_new[b]) for a, b in candidates}
    # best first; ties in the order of the old figures, then the new (as a stable sort of
    # every pair in that order would give)
    scored = sorted(((s, a, b) for (a, b), s in scores.items()), key=lambda t: (-t[0], t[1], t[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: list[FigureChange] = []
    for score, a, b in scored:
        if score < POOL_THRESHOLD:
            break
        if a in used_old or b in used_new:
            continue
        used_old.add(a)
        used_new.add(b)
        out.append(change(remaining_old[a], remaining_new[b]))
    out.extend(_only_measures(remaining_old, remaining_new, used_old, used_new))
    # a count of the same things, named by the same common noun, moved a little: "the caravan
    # of approximately 1,100 people" -> "the caravan that once numbered 1,150 or more people"
    near = sorted(
        (
            (scores[a, b], a, b)
            for a, b in candidates
            if a not in used_old and b not in used_new and same_count_nudged(remaining_old[a], remaining_new[b])
        ),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for _, a, b in near:
        if a not in used_old and b not in used_new:
            used_old.add(a)
            used_new.add(b)
            out.append(change(remaining_old[a], remaining_new[b]))
    for a, o in enumerate(remaining_old):
        if a not in used_old:
            out.append(FigureChange(o.figure, None, o.figure.label))
    for b, n in enumerate(remaining_new):
        if b not in used_new:
            out.append(FigureChange(None, n.figure, n.figure.label))
    return out


def _cancel_same_values(olds: list[Fig], news: list[Fig]) -> tuple[list[Fig], list[Fig]]:
    """The same value on both sides is the same figure, reworded or moved: each old figure
    takes the first compatible new one of its value still free (by value, not by a scan)."""
    by_value: dict[float, list[int]] = {}
    for b, n in enumerate(news):
        by_value.setdefault(n.figure.value, []).append(b)
    taken: set[int] = set()
    remaining_old: list[Fig] = []
    for o in olds:
        match = next(
            (b for b in by_value.get(o.figure.value, ()) if b not in taken and compatible(o.figure, news[b].figure)),
            None,
        )
        if match is None:
            remaining_old.append(o)
        else:
            taken.add(match)
    return remaining_old, [n for b, n in enumerate(news) if b not in taken]


def _only_measures(
    remaining_old: list[Fig], remaining_new: list[Fig], used_old: set[int], used_new: set[int]
) -> list[FigureChange]:
    """What is left: the only acreage (or mph) on each side is one quantity, reworded; shares
    and sums of money are too common in a story to pair that way."""
    out: list[FigureChange] = []
    by_unit: dict[str, tuple[list[int], list[int]]] = {}
    for a, o in enumerate(remaining_old):
        unit = o.figure.unit
        if a not in used_old and unit is not None and (unit_class(unit) in MEASURE_CLASSES or unit in RATINGS):
            by_unit.setdefault(unit, ([], []))[0].append(a)
    for b, n in enumerate(remaining_new):
        unit = n.figure.unit
        if b not in used_new and unit is not None and unit in by_unit:
            by_unit[unit][1].append(b)
    for olds_of, news_of in by_unit.values():
        if (
            len(olds_of) == 1
            and len(news_of) == 1
            and compatible(remaining_old[olds_of[0]].figure, remaining_new[news_of[0]].figure)
        ):
            used_old.add(olds_of[0])
            used_new.add(news_of[0])
            out.append(change(remaining_old[olds_of[0]], remaining_new[news_of[0]]))
    return out


def same_count_nudged(a: Fig, b: Fig) -> bool:
    fa, fb = a.figure, b.figure
    if fa.unit is None or fa.unit != fb.unit or unit_class(fa.unit) != "count" or not compatible(fa, fb):
        return False
    if min(fa.value, fb.value) <= 0 or max(fa.value, fb.value) > 1.25 * min(fa.value, fb.value):
        return False
    shared = set(a.label_bag) & set(b.label_bag)
    return any(w.isalpha() and w not in _GENERIC_LABEL_WORDS for w in shared)


_GENERIC_LABEL_WORDS = frozenset("people more others total number said least".split())
