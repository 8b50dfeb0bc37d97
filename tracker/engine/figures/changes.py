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

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tracker.engine.align import Pair, similarity
from tracker.engine.figures.read import figures
from tracker.engine.figures.scan import RATINGS
from tracker.engine.model import Figure, FigureChange
from tracker.engine.text import content_words
from tracker.engine.textdiff import diff_sequences

POOL_THRESHOLD = 0.34
GAP_THRESHOLD = 0.2


@dataclass(frozen=True, slots=True)
class _Fig:
    figure: Figure
    sentence_bag: Counter[str]
    label_bag: Counter[str]
    position: float  # 0..1 through the article
    edited: bool  # from an edited sentence pair (a stronger claim to a partner)

    @property
    def signature(self) -> tuple[float, str | None, str | None]:
        return (self.figure.value, _unit_class(self.figure.unit), self.figure.role)


MEASURES = {
    "meter": "m",
    "metre": "m",
    "meters": "m",
    "metres": "m",
    "m": "m",
    "kilometer": "km",
    "kilometre": "km",
    "kilometers": "km",
    "kilometres": "km",
    "km": "km",
    "mile": "mi",
    "miles": "mi",
    "foot": "ft",
    "feet": "ft",
    "inch": "in",
    "inches": "in",
    "acre": "acre",
    "acres": "acre",
    "hectare": "ha",
    "hectares": "ha",
    "ton": "t",
    "tons": "t",
    "tonne": "t",
    "tonnes": "t",
    "mph": "mph",
    "kph": "kph",
    "knots": "kn",
    "degrees": "deg",
    "degree": "deg",
    "hour": "h",
    "hours": "h",
    "minute": "min",
    "minutes": "min",
    "day": "d",
    "days": "d",
    "week": "wk",
    "weeks": "wk",
    "month": "mo",
    "months": "mo",
    "year": "yr",
    "years": "yr",
    "second": "s",
    "seconds": "s",
    "liter": "l",
    "liters": "l",
    "litre": "l",
    "litres": "l",
    "gallon": "gal",
    "gallons": "gal",
    "barrel": "bbl",
    "barrels": "bbl",
    "kilogram": "kg",
    "kilograms": "kg",
    "kg": "kg",
    "centimeter": "cm",
    "centimeters": "cm",
    "cm": "cm",
    "millimeter": "mm",
    "millimeters": "mm",
}
_MONEY = {"$", "£", "€", "¥", "₹", "p", "rupiah", "yuan", "pesos", "francs", "won", "rubles"}


_MEASURE_CLASSES = frozenset(MEASURES.values()) - {"s", "min", "h", "d", "wk", "mo", "yr"}  # not durations


def _unit_class(unit: str | None) -> str | None:
    """None (a bare number), '%', a currency, a measure ('km', 'h'), or 'count' for counted things."""
    if unit is None:
        return None
    if unit in {"%", "points"}:
        return "%"
    if unit in _MONEY or unit in RATINGS or unit == "fraction":
        return unit  # a Category pairs only with a Category, a share ("a third") with a share
    return MEASURES.get(unit.lower(), "count")


def compatible(a: Figure, b: Figure) -> bool:
    """Can these two figures be two values of one quantity? Money pairs with the same
    currency, shares with shares, a measure with the same measure; counted things with
    counted things (people and workers alike) and with bare numbers."""
    if (a.role == "total") != (b.role == "total"):
        return False  # "three of four" -> "all four": the count is not the whole
    ua, ub = _unit_class(a.unit), _unit_class(b.unit)
    if ua == ub:
        return True
    if ua is None or ub is None:
        other = ua or ub
        return other == "count"
    return False


def _label_bag(f: Figure) -> Counter[str]:
    """The words of a figure's label but its unit: two figures in miles are not the same
    quantity because both are in miles ("50 miles northwest of" vs "flying 260 miles")."""
    unit = Counter(w for w in content_words(f.unit or "") if w not in _OUTCOMES)  # "deaths" says what happened
    words = Counter(content_words(f.label)) - unit
    # outcomes by kind, so that "miners killed" and "death toll rose" share a word
    return Counter(_OUTCOMES.get(w, w) for w in words.elements())


def _wrap(figs: Iterable[Figure], text: str, position: float, edited: bool) -> list[_Fig]:
    bag = Counter(w for w in content_words(text) if not w[:1].isdigit())
    return [_Fig(f, bag, _label_bag(f), position, edited) for f in figs]


def _figures_of(sentences: Sequence[str]) -> list[Figure]:
    return [f for s in sentences for f in figures(s)]


def figure_changes(pairs: Sequence[Pair], old_total: int, new_total: int) -> list[FigureChange]:
    """Figure changes between two revisions, from their sentence alignment."""
    changes: list[FigureChange] = []
    pool_old: list[_Fig] = []
    pool_new: list[_Fig] = []
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
    changes.extend(_pair_pool(pool_old, pool_new))
    return _dedupe(changes)


def _pair_in_sentence(olds: list[_Fig], news: list[_Fig]) -> tuple[list[FigureChange], list[_Fig], list[_Fig]]:
    changes: list[FigureChange] = []
    rest_old: list[_Fig] = []
    rest_new: list[_Fig] = []
    i = j = 0
    gap_old: list[_Fig] = []
    gap_new: list[_Fig] = []

    def flush() -> None:
        # between two anchors: in order when the two runs match one to one ("between 8 and
        # 12" -> "between 14 and 18"), else by what the figures count
        a, b = list(gap_old), list(gap_new)
        for x in list(a):  # "all 62 UK stores" -> "20 of the 62 UK stores": the 62 stays 62
            same = next(
                (
                    y
                    for y in b
                    # the same role too: a range's low end is not its high end, and "three of the
                    # four" -> "all four" is the three that became four
                    if (y.figure.value, y.figure.unit, y.figure.role) == (x.figure.value, x.figure.unit, x.figure.role)
                ),
                None,
            )
            if same is not None:
                a.remove(x)
                b.remove(same)
        if len(a) == len(b) and all(_may_pair(x.figure, y.figure) for x, y in zip(a, b, strict=True)):
            changes.extend(_change(x, y) for x, y in zip(a, b, strict=True))
        else:
            scored = sorted(
                (
                    (_gap_score(x, y, i / max(1, len(a) - 1), k / max(1, len(b) - 1)), i, k)
                    for i, x in enumerate(a)
                    for k, y in enumerate(b)
                    if compatible(x.figure, y.figure)
                ),
                key=lambda t: -t[0],
            )
            taken_a: set[int] = set()
            taken_b: set[int] = set()
            for score, i, k in scored:
                if score < GAP_THRESHOLD or i in taken_a or k in taken_b:
                    continue
                taken_a.add(i)
                taken_b.add(k)
                changes.append(_change(a[i], b[k]))
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
        if a.unit is not None and a.unit == b.unit and _may_pair(a, b):
            # the one acreage of the sentence before and after, whatever the words around it
            return [*changes, _change(rest_old[0], rest_new[0])], [], []
    return changes, rest_old, rest_new


def _gap_score(a: _Fig, b: _Fig, pos_a: float, pos_b: float) -> float:
    if _opposed(a.figure.label, b.figure.label):
        return 0.0
    score = similarity(a.label_bag, b.label_bag)
    if score > 0 and a.figure.unit and a.figure.unit == b.figure.unit:
        score += 0.2
    return score - 0.15 * abs(pos_a - pos_b)


def _change(old: _Fig, new: _Fig) -> FigureChange:
    label = new.figure.label or old.figure.label
    return FigureChange(old.figure, new.figure, label)


def _pool_score(a: _Fig, b: _Fig) -> float:
    if not compatible(a.figure, b.figure) or _opposed(a.figure.label, b.figure.label):
        return 0.0
    label = similarity(a.label_bag, b.label_bag)
    context = similarity(a.sentence_bag, b.sentence_bag)
    score = 0.6 * label + 0.4 * context
    if a.figure.unit and a.figure.unit == b.figure.unit:
        score += 0.1
    if _outcomes(a.figure.label) & _outcomes(b.figure.label):
        score += 0.15  # "killed four miners" -> "the death toll rose to nine": one toll
    score -= 0.1 * abs(a.position - b.position)
    return score


def _pair_pool(olds: list[_Fig], news: list[_Fig]) -> list[FigureChange]:
    # the same value on both sides is the same figure, reworded or moved
    remaining_new = list(news)
    remaining_old: list[_Fig] = []
    for o in olds:
        match = next(
            (n for n in remaining_new if n.figure.value == o.figure.value and compatible(o.figure, n.figure)),
            None,
        )
        if match is None:
            remaining_old.append(o)
        else:
            remaining_new.remove(match)
    scored = sorted(
        ((_pool_score(o, n), a, b) for a, o in enumerate(remaining_old) for b, n in enumerate(remaining_new)),
        key=lambda t: -t[0],
    )
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
        out.append(_change(remaining_old[a], remaining_new[b]))
    # what is left: the only acreage (or mph) on each side is one quantity, reworded; shares
    # and sums of money are too common in a story to pair that way
    by_unit: dict[str, tuple[list[int], list[int]]] = {}
    for a, o in enumerate(remaining_old):
        unit = o.figure.unit
        if a not in used_old and unit is not None and (_unit_class(unit) in _MEASURE_CLASSES or unit in RATINGS):
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
            out.append(_change(remaining_old[olds_of[0]], remaining_new[news_of[0]]))
    # a count of the same things, named by the same common noun, moved a little: "the caravan
    # of approximately 1,100 people" -> "the caravan that once numbered 1,150 or more people"
    near = sorted(
        (
            (_pool_score(o, n), a, b)
            for a, o in enumerate(remaining_old)
            if a not in used_old
            for b, n in enumerate(remaining_new)
            if b not in used_new and _same_count_nudged(o, n)
        ),
        key=lambda t: -t[0],
    )
    for _, a, b in near:
        if a not in used_old and b not in used_new:
            used_old.add(a)
            used_new.add(b)
            out.append(_change(remaining_old[a], remaining_new[b]))
    for a, o in enumerate(remaining_old):
        if a not in used_old:
            out.append(FigureChange(o.figure, None, o.figure.label))
    for b, n in enumerate(remaining_new):
        if b not in used_new:
            out.append(FigureChange(None, n.figure, n.figure.label))
    return out


def _may_pair(a: Figure, b: Figure) -> bool:
    return compatible(a, b) and not _opposed(a.label, b.label)


def _same_count_nudged(a: _Fig, b: _Fig) -> bool:
    fa, fb = a.figure, b.figure
    if fa.unit is None or fa.unit != fb.unit or _unit_class(fa.unit) != "count" or not compatible(fa, fb):
        return False
    if min(fa.value, fb.value) <= 0 or max(fa.value, fb.value) > 1.25 * min(fa.value, fb.value):
        return False
    shared = set(a.label_bag) & set(b.label_bag)
    return any(w.isalpha() and w not in _GENERIC_LABEL_WORDS for w in shared)


_GENERIC_LABEL_WORDS = frozenset("people more others total number said least".split())


def _outcomes(label: str) -> set[str]:
    return {_OUTCOMES[w] for w in label.lower().split() if w in _OUTCOMES}


def _opposed(a: str, b: str) -> bool:
    """Labels that say different things happened: 'killed' and 'injured'."""
    va, vb = _outcomes(a), _outcomes(b)
    return bool(va and vb and not va & vb)


# what happened to the people a figure counts, by kind: killed and dead are one outcome
_OUTCOMES = {
    **dict.fromkeys("dead died killed deaths death toll fatalities".split(), "dead"),
    **dict.fromkeys("hurt injured wounded injuries".split(), "hurt"),
    **dict.fromkeys("missing unaccounted".split(), "missing"),
    **dict.fromkeys("rescued saved".split(), "rescued"),
    **dict.fromkeys("arrested detained".split(), "arrested"),
    **dict.fromkeys("evacuated displaced".split(), "evacuated"),
}


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
