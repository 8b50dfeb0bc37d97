"""Figures: every number in a sentence, read to a value with its unit, qualifier and label.

This module puts together figscan (finding numbers) and labels (what they count), and
handles what spans two numbers: ranges share a unit and a label ("between 8 and 12
inches"), a converted amount in brackets shares its label ("25 million rupiah (about
$1,580)"), and "six others" after "three miners" counts miners.


A figure is a quantity a reader would follow: "more than 15,000 people ... killed", "35%
contained", "$1.2 billion", "nine miners trapped". Dates, times of day, years, ages,
ordinals and designators (Route 7, I-10, Category 3, A40) are not figures and are skipped.
The label says what the figure counts, from the words around it in its clause: the noun
after it ("people", "acres of forest"), the verb that tells what happened to it ("killed in
Gaza", "burned"), and the words just before it ("margin of", "Marquez had").
"""

from __future__ import annotations

import dataclasses
import re

from tracker.engine.figures.exclude import excluded
from tracker.engine.figures.labels import label_of, words_before
from tracker.engine.figures.labelwords import GENERIC_NOUNS
from tracker.engine.figures.numbers import scale_of
from tracker.engine.figures.scan import HYPHEN, RATINGS, Raw, Tok, find_qualifier, scan, tokenise
from tracker.engine.memo import memo
from tracker.engine.model import Figure

CURRENCY_WORDS = {
    "dollars": "$",
    "dollar": "$",
    "euros": "€",
    "euro": "€",
    "pounds sterling": "£",
    "rupiah": "rupiah",
    "yen": "¥",
    "yuan": "yuan",
    "rupees": "₹",
    "pesos": "pesos",
    "francs": "francs",
    "won": "won",
    "rubles": "rubles",
    "roubles": "rubles",
}
# "The calf weighed 243 pounds", "800 pounds of food": pounds of weight, not sterling.
_WEIGHTS = frozenset({"pounds", "pound"})
_WEIGHT = re.compile(r"\b(?:weigh\w*|heav(?:y|ier|iest)|pounds? of [a-z]|lbs?\b|overweight|tipped the scales)", re.I)
# (the last listed wins, as the loop over CURRENCY_WORDS this replaces did)
_CURRENCY_BY_FIRST_WORD = {word.split()[0]: symbol for word, symbol in CURRENCY_WORDS.items()}


def _in_brackets(toks: list[Tok], first: int) -> bool:
    if first > 0 and toks[first - 1].text == "(":
        return True
    approx = {"about", "around", "roughly", "nearly", "some", "or"}
    return first > 1 and toks[first - 2].text == "(" and toks[first - 1].low in approx


# A quick look before the full scan: most sentences hold no number at all.
_MAY_COUNT = re.compile(
    r"\d|(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|thirds?|quarters?|fifths?|tenths?"
    r"|no\s+(?:\w+\s+)?(?:deaths|fatalities|casualties|injuries|arrests|survivors))\b)"
)


@memo(4096)
def figures(sentence: str) -> tuple[Figure, ...]:
    """Every figure in one sentence, in order."""
    if not _MAY_COUNT.search(sentence) or _EDITORS_NOTE.search(sentence):
        return ()  # no number, or an editor's note quoting the figure it corrects
    toks = tokenise(sentence)
    scanned = scan(toks, sentence)
    raws: list[Raw] = []
    dropped_prev = False
    for n, r in enumerate(scanned):
        in_range = n > 0 and r.first - scanned[n - 1].last == 2 and toks[r.first - 1].low in {"and", "to", "-", HYPHEN}
        if r.unit is None and r.kind == "digits" and r.first > 0 and toks[r.first - 1].low in RATINGS:
            r = dataclasses.replace(r, unit=toks[r.first - 1].low)  # "Category 4": a rating, its own unit
        if excluded(toks, r, sentence) or (in_range and dropped_prev):
            dropped_prev = True  # "ages from 29 to 93": the second end goes with the first
            continue
        dropped_prev = False
        raws.append(r)
    out: list[Figure] = []
    totals: set[int] = set()
    range_high: set[int] = set()
    for n, raw in enumerate(raws):
        unit = raw.unit
        partner = raws[n + 1] if n + 1 < len(raws) else None
        # a range shares its unit: "between 8 and 12 inches", "from 30 to 40 towers"
        if (
            partner is not None
            and partner.first - raw.last == 2
            and toks[raw.last + 1].low in {"and", "to", "-", HYPHEN, "or"}
            and not (raw.unit and partner.unit and raw.unit != partner.unit)  # "rose 12% to 251p"
            # a range runs upwards; "fell from 40 to 30", "won 2-1", "a 7 to 4 vote" are not ranges
            and (toks[raw.last + 1].low in {"and", "or"} or raw.value <= partner.value or partner.last > partner.first)
        ):
            if unit is None and partner.unit is not None:
                unit = partner.unit
            scale = scale_of(toks[partner.last].text) if partner.last > partner.first else None
            if scale and raw.kind == "digits" and raw.first == raw.last:
                raw = dataclasses.replace(raw, value=round(raw.value * scale, 6))  # "$30 to $40 million"
            label, counted = label_of(toks, partner, partner.unit)
            label += " (low end of range)"
            range_high.add(n + 1)
        elif partner is not None and _partitive(toks, raw, partner):
            # "three of its four hospitals", "Thirty-eight of the train's 112 cars": a count
            # out of a whole; the count is what changes, the whole is another quantity
            totals.add(n + 1)
            unit = unit or partner.unit
            label, counted = label_of(toks, partner, partner.unit)
            own = [w for w in words_before(toks, raw) if w.lower() not in label.lower().split()]
            label = " ".join([*own, label])  # "pay remaining": what is done with the part
        else:
            label, counted = label_of(toks, raw, unit)
        if n in range_high:
            label += " (high end of range)"
        if out and out[-1].end <= toks[raw.first].start and _in_brackets(toks, raw.first):
            label = out[-1].label  # "(about $1,580)", "(13 feet)": a conversion of the figure before
            main = out[-1].unit
            if main and counted and main != counted and main in label.split() and "per" not in label.split():
                label = " ".join(counted if w == main else w for w in label.split())  # "(9.4 inches) of rain"
        elif out and n not in range_high and _compared(toks, raw.first) and not _for_another(toks, raw.last):
            label = out[-1].label  # "57.3%, up from 52%": the same quantity, its earlier value
        if out and [t.low for t in toks[raw.last + 1 : raw.last + 3]] in (
            ["of", "them"],
            ["of", "those"],
            ["of", "whom"],
        ):
            # "eight officers were injured, two of them seriously": two of those officers
            own = [w for w in label.split() if w.lower() not in {"them", "those", "whom", "of"}]
            label = " ".join([out[-1].label, *own])
            counted = out[-1].unit
        elif counted in GENERIC_NOUNS and out and out[-1].unit not in (None, "%") and counted not in {"people"}:
            # "three miners ... six others": the others are miners too
            label = f"{out[-1].unit} {label}"
            counted = out[-1].unit
        qualifier, qstart = find_qualifier(sentence, toks[raw.first].start)
        if raw.kind == "words" or unit in (None, "%", "points"):
            counted_unit = unit or (counted if counted else None)
        else:
            counted_unit = unit
        if counted in _CURRENCY_BY_FIRST_WORD and not (counted in _WEIGHTS and _WEIGHT.search(sentence)):
            counted_unit = _CURRENCY_BY_FIRST_WORD[counted]
        start = qstart if qualifier else toks[raw.first].start
        end = toks[raw.last].end
        out.append(
            Figure(
                value=raw.value,
                text=sentence[start:end],
                unit=counted_unit,
                qualifier=qualifier,
                label=label,
                sentence=sentence,
                start=start,
                end=end,
                role="total" if n in totals else "high" if n in range_high else "low" if n + 1 in range_high else None,
            )
        )
    return tuple(out)


_EDITORS_NOTE = re.compile(
    r"^\W*(?:correction|clarification|editor['’]s note)\s*[:—–-]"
    r"|\ban earlier version of this (?:story|article|report)\b",
    re.IGNORECASE,
)


def _for_another(toks: list[Tok], last: int) -> bool:
    """'compared with 48.1 percent for her opponent': the value of another, not an earlier one."""
    return last + 1 < len(toks) and toks[last + 1].low == "for"


def _compared(toks: list[Tok], first: int) -> bool:
    """Is the figure at `first` the earlier value of the one before ("..., up from 52%", "down
    from 41", "compared with 27") or the same change put another way ("fell 38p, or 6.1%")?"""
    before = [t.low for t in toks[max(0, first - 3) : first] if t.low not in {"about", "nearly", "some", "around"}]
    return before[-2:] in (["up", "from"], ["down", "from"], ["compared", "with"], ["compared", "to"], [",", "or"]) or (
        before[-1:] == ["from"] and len(before) >= 2 and before[-2] == ","
    )


_PARTITIVE_SKIP = frozenset("the its their his her our this that these those a an".split())


def _partitive(toks: list[Tok], raw: Raw, partner: Raw) -> bool:
    """Is `raw` a count out of `partner`: "<raw> of [the|its|...] [Name's] <partner> <noun>"?"""
    between = toks[raw.last + 1 : partner.first]
    if not between or between[0].low != "of" or len(between) > 8:
        return False
    for tok in between[1:]:
        if tok.low in _PARTITIVE_SKIP or tok.text[:1].isupper() or tok.text in {"’", "'", "’s", "'s", "&"}:
            continue
        if tok.low.endswith(("’s", "'s")):
            continue  # "the train's 112 cars"
        return False
    return True
