"""Units and outcomes of figures: which two figures can be two values of one quantity.

A figure's unit falls in a class (a bare number, a share, a currency, a measure, a count of
things); figures pair only within compatible classes. Labels that say different things
happened to what is counted ("killed" and "injured") are opposed and never pair.
"""

from __future__ import annotations

from tracker.engine.figures.scan import RATINGS
from tracker.engine.memo import memo
from tracker.engine.model import Figure

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
MONEY = {"$", "£", "€", "¥", "₹", "p", "rupiah", "yuan", "pesos", "francs", "won", "rubles"}


MEASURE_CLASSES = frozenset(MEASURES.values()) - {"s", "min", "h", "d", "wk", "mo", "yr"}  # not durations


def unit_class(unit: str | None) -> str | None:
    """None (a bare number), '%', a currency, a measure ('km', 'h'), or 'count' for counted things."""
    if unit is None:
        return None
    if unit in {"%", "points"}:
        return "%"
    if unit in MONEY or unit in RATINGS or unit == "fraction":
        return unit  # a Category pairs only with a Category, a share ("a third") with a share
    return MEASURES.get(unit.lower(), "count")


def compatible(a: Figure, b: Figure) -> bool:
    """Can these two figures be two values of one quantity? Money pairs with the same
    currency, shares with shares, a measure with the same measure; counted things with
    counted things (people and workers alike) and with bare numbers."""
    if (a.role == "total") != (b.role == "total"):
        return False  # "three of four" -> "all four": the count is not the whole
    ua, ub = unit_class(a.unit), unit_class(b.unit)
    if ua == ub:
        return True
    if ua is None or ub is None:
        other = ua or ub
        return other == "count"
    return False


def may_pair(a: Figure, b: Figure) -> bool:
    return compatible(a, b) and not opposed(a.label, b.label)


@memo(4096)
def outcomes(label: str) -> frozenset[str]:
    """The outcomes a label names, by kind (cached: read for every pair of figures)."""
    return frozenset({OUTCOMES[w] for w in label.lower().split() if w in OUTCOMES})


def opposed(a: str, b: str) -> bool:
    """Labels that say different things happened: 'killed' and 'injured'."""
    va, vb = outcomes(a), outcomes(b)
    return bool(va and vb and not va & vb)


# what happened to the people a figure counts, by kind: killed and dead are one outcome
OUTCOMES = {
    **dict.fromkeys("dead died killed deaths death toll fatalities".split(), "dead"),
    **dict.fromkeys("hurt injured wounded injuries".split(), "hurt"),
    **dict.fromkeys("missing unaccounted".split(), "missing"),
    **dict.fromkeys("rescued saved".split(), "rescued"),
    **dict.fromkeys("arrested detained".split(), "arrested"),
    **dict.fromkeys("evacuated displaced".split(), "evacuated"),
}
