"""Pairing the figures of two revisions into figure changes.

1. Within each edited (or split, merged) sentence pair, the two lists of figures are diffed
   by (value, unit): figures that stayed are anchors, and between two anchors the old and
   new figures pair in order when their units agree ("Between 8 and 12 inches" -> "Between
   14 and 18 inches"; "120 rescue workers ... 120 meters" -> "... 210 meters").
2. What is left, with the figures of removed and added sentences, goes to a pool: an old
   and a new figure with the same value are the same figure in reworded text and cancel;
   the rest pair by what they count (label, counted noun, unit) and by the similarity of
   their sentences, above a threshold, best first.
3. The same change found twice (a headline and its lede) is reported once.

Figures left without a partner are reported as appeared (old None) or vanished (new None).
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Sequence

from tracker.engine import joins
from tracker.engine.align import Pair, similarity
from tracker.engine.figures.pool import FULL_POOL, Fig, change, near_pairs, pair_pool
from tracker.engine.figures.read import figures
from tracker.engine.figures.units import OUTCOMES, compatible, may_pair, opposed
from tracker.engine.model import Figure, FigureChange
from tracker.engine.text import content_words
from tracker.engine.textdiff import diff_sequences

__all__ = ["compatible", "figure_changes"]  # compatible: read by the timeline too

GAP_THRESHOLD = 0.2


def _label_bag(f: Figure) -> Counter[str]:
    """The words of a figure's label but its unit: two figures in miles are not the same
    quantity because both are in miles ("50 miles northwest of" vs "flying 260 miles")."""
    unit = Counter(w for w in content_words(f.unit or "") if w not in OUTCOMES)  # "deaths" says what happened
    words = Counter(content_words(f.label)) - unit
    # outcomes by kind, so that "miners killed" and "death toll rose" share a word
    return Counter(OUTCOMES.get(w, w) for w in words.elements())


def _wrap(figs: Iterable[Figure], text: str, position: float, edited: bool) -> list[Fig]:
    bag = Counter(w for w in content_words(text) if not w[:1].isdigit())
    return [Fig(f, bag, _label_bag(f), position, edited) for f in figs]


def _figures_of(sentences: Sequence[str]) -> list[Figure]:
    return [f for s in sentences for f in figures(s)]


def figure_changes(pairs: Sequence[Pair], old_total: int, new_total: int) -> list[FigureChange]:
    """Figure changes between two revisions, from their sentence alignment."""
    changes: list[FigureChange] = []
    pool_old: list[Fig] = []
    pool_new: list[Fig] = []
    for pair in pairs:
        if pair.kind in ("unchanged", "moved"):
            continue
        old_text = " ".join(s.text for s in pair.old)
        new_text = " ".join(s.text for s in pair.new)
        old_pos = pair.old[0].index / max(1, old_total) if pair.old else 0.0
        new_pos = pair.new[0].index / max(1, new_total) if pair.new else 0.0
        olds = _wrap(_figures_of([s.text for s in pair.old]), old_text, old_pos, bool(pair.new))
        news = _wrap(_figures_of([s.text for s in pair.new]), new_text, new_pos, bool(pair.old))
        if not pair.old or not pair.new:
            pool_old.extend(olds)
            pool_new.extend(news)
            continue
        paired, rest_old, rest_new = _pair_in_sentence(olds, news)
        changes.extend(paired)
        pool_old.extend(rest_old)
        pool_new.extend(rest_new)
    changes.extend(pair_pool(pool_old, pool_new))
    return _dedupe(changes)


def _pair_in_sentence(olds: list[Fig], news: list[Fig]) -> tuple[list[FigureChange], list[Fig], list[Fig]]:
    changes: list[FigureChange] = []
    rest_old: list[Fig] = []
    rest_new: list[Fig] = []
    i = j = 0
    gap_old: list[Fig] = []
    gap_new: list[Fig] = []

    def flush() -> None:
        # between two anchors: in order when the two runs match one to one ("between 8 and
        # 12" -> "between 14 and 18"), else by what the figures count
        a, b = _unchanged_apart(gap_old, gap_new)
        if len(a) == len(b) and all(may_pair(x.figure, y.figure) for x, y in zip(a, b, strict=True)):
            changes.extend(change(x, y) for x, y in zip(a, b, strict=True))
        else:
            pos_a = [i / max(1, len(a) - 1) for i in range(len(a))]
            pos_b = [k / max(1, len(b) - 1) for k in range(len(b))]
            if len(a) * len(b) <= FULL_POOL:
                candidates = [(i, k) for i in range(len(a)) for k in range(len(b))]
                joins.count("figures.gap", len(candidates))
            else:  # hundreds of figures in one sentence: those sharing a label word, nearest first
                candidates = near_pairs(a, b, ("label",), "figures.gap", (pos_a, pos_b))
            scored = sorted(
                (
                    (_gap_score(a[i], b[k], pos_a[i], pos_b[k]), i, k)
                    for i, k in candidates
                    if compatible(a[i].figure, b[k].figure)
                ),
                key=lambda t: (-t[0], t[1], t[2]),
            )
            taken_a: set[int] = set()
            taken_b: set[int] = set()
            for score, i, k in scored:
                if score < GAP_THRESHOLD or i in taken_a or k in taken_b:
                    continue
                taken_a.add(i)
                taken_b.add(k)
                changes.append(change(a[i], b[k]))
            rest_old.extend(x for i, x in enumerate(a) if i not in taken_a)
            rest_new.extend(y for k, y in enumerate(b) if k not in taken_b)
        gap_old.clear()
        gap_new.clear()

    for op, sigs in diff_sequences([f.signature for f in olds], [f.signature for f in news]):
        for _ in sigs:
            if op == 0:
                flush()
                i += 1
                j += 1
            elif op < 0:
                gap_old.append(olds[i])
                i += 1
            else:
                gap_new.append(news[j])
                j += 1
    flush()
    if len(rest_old) == 1 and len(rest_new) == 1:
        a, b = rest_old[0].figure, rest_new[0].figure
        if a.unit is not None and a.unit == b.unit and may_pair(a, b):
            # the one acreage of the sentence before and after, whatever the words around it
            return [*changes, change(rest_old[0], rest_new[0])], [], []
    return changes, rest_old, rest_new


def _unchanged_apart(olds: list[Fig], news: list[Fig]) -> tuple[list[Fig], list[Fig]]:
    """Between two anchors, an old figure whose value, unit and role recur among the new ones
    stayed ("all 62 UK stores" -> "20 of the 62 UK stores": the 62 stays 62), the first such
    new one taken each time; the rest of each side, in order. (The same role too: a range's
    low end is not its high end, and "three of the four" -> "all four" is the three that
    became four.)"""
    waiting: dict[tuple[float, str | None, str | None], deque[int]] = {}
    for k, y in enumerate(news):
        waiting.setdefault((y.figure.value, y.figure.unit, y.figure.role), deque()).append(k)
    taken: set[int] = set()
    rest_old: list[Fig] = []
    for x in olds:
        same = waiting.get((x.figure.value, x.figure.unit, x.figure.role))
        if same:
            taken.add(same.popleft())
        else:
            rest_old.append(x)
    return rest_old, [y for k, y in enumerate(news) if k not in taken]


def _gap_score(a: Fig, b: Fig, pos_a: float, pos_b: float) -> float:
    if opposed(a.figure.label, b.figure.label):
        return 0.0
    score = similarity(a.label_bag, b.label_bag)
    if score > 0 and a.figure.unit and a.figure.unit == b.figure.unit:
        score += 0.2
    return score - 0.15 * abs(pos_a - pos_b)


def _dedupe(changes: list[FigureChange]) -> list[FigureChange]:
    seen: set[tuple[float | None, float | None]] = set()
    out: list[FigureChange] = []
    for c in changes:
        if c.old is not None and c.new is not None and c.old.value == c.new.value:
            continue  # same value: not a change
        sig = (c.old.value if c.old else None, c.new.value if c.new else None)
        if sig in seen:
            continue
        seen.add(sig)
        out.append(c)
    return out
