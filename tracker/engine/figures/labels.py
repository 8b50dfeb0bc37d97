"""What a figure counts: a label from the words of its clause.

The noun after the number ("people", "acres of forest"), the verb that says what happened
to it ("killed in Gaza", "burned"), and the words just before it ("margin of", "Marquez
had"); asides in brackets or ", including ...," are stepped over to reach the verb. No
parser: rules over tokens, with small word lists for auxiliaries, prepositions and verbs.
"""

from __future__ import annotations

from tracker.engine.figures.clauses import after_appositive, clause_bounds, joins_modifiers
from tracker.engine.figures.labelwords import (
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    ING_PARTICIPLES,
    PREPOSITIONS,
    is_verbish,
)
from tracker.engine.figures.numbers import NUMBER_WORDS
from tracker.engine.figures.scan import BOUNDARY, HYPHEN, Raw, Tok

_WHEN = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning
    afternoon evening night overnight midday noon midnight""".split()
)
_TEMPORAL = frozenset("by on since until before after through".split())
_PRONOUNS = frozenset("he she it they we i you there".split())
_SPEECH = frozenset("said says told tells added announced reported estimated according".split())


def _cased(tok: Tok) -> str:
    """Names keep their capitals in a label ("killed in Gaza"); other words are lower case."""
    return tok.text if tok.text[:1].isupper() and tok.start > 0 else tok.low


def _skip_aside(toks: list[Tok], k: int, hi: int) -> int:
    """Skip a bracketed or comma-fenced aside after a noun phrase: "(about $1,580)",
    ", including 6,150 children,", so that the verb after it is found."""
    while k <= hi or (k < len(toks) and toks[k].text in {",", "("}):
        if k < len(toks) and toks[k].text == "(":
            depth_end = next((j for j in range(k, len(toks)) if toks[j].text == ")"), None)
            if depth_end is None:
                return k
            k = depth_end + 1
            continue
        if (
            k + 1 < len(toks)
            and toks[k].text in {",", "—", "–"}
            and toks[k + 1].low in {"including", "among", "most", "many", "some", "mostly", "mainly"}
        ):
            close = next((j for j in range(k + 1, len(toks)) if toks[j].text in {",", "—", "–"}), None)
            if close is None:
                return k
            k = close + 1
            continue
        resumed = after_appositive(toks, k)
        return resumed if resumed is not None else k
    return k


_MOVEMENT = frozenset(
    """rose rises risen climbed climbs jumped increased fell dropped reached stood stands hit topped
    surged soared declined decreased grew passed""".split()
)
# Verbs that move something to a new value: "raised its offer to £3.4bn", "cut its forecast to 1.2%".
_MOVES_OBJECT = frozenset(
    """raised raises lifted lifts increased increases boosted cut cuts lowered lowers reduced
    reduces trimmed revised sweetened upgraded downgraded""".split()
)
_MEASURE_WORDS = frozenset(
    "feet foot inches inch meters metres meter metre miles kilometers kilometres km degrees centimeters cm".split()
)
_POSSESSIVES = frozenset("its their his her our the a an".split())


def _changed_object(toks: list[Tok], lo: int, first: int) -> list[str] | None:
    """["offer", "raised"] for "raised its offer for Ostara to £3.4 billion"."""
    if first - 1 < lo or toks[first - 1].low != "to":
        return None
    for v in range(first - 2, lo - 1, -1):
        if toks[v].low in _MOVES_OBJECT:
            k = v + 1
            while k < first - 1 and toks[k].low in _POSSESSIVES:
                k += 1
            phrase: list[str] = []
            while k < first - 1 and toks[k].text.isalpha() and toks[k].low not in PREPOSITIONS:
                phrase.append(toks[k].low)
                k += 1
            return [*phrase[-2:], toks[v].low] if phrase else None
    return None


def _subject_of(toks: list[Tok], lo: int, first: int, verb: str) -> tuple[list[str], bool]:
    """Up to three words naming what `verb` moved, from the clause start: ("death toll", False)
    for "the death toll from the quake rose"; ("people killed", True) for "the number of people
    killed rose" (True: the words count something themselves)."""
    words = [t.low for t in toks[lo:first] if t.low not in DETERMINERS and t.text.isalpha()]
    if verb in words:
        words = words[: words.index(verb)]
    counted_of = len(words) > 2 and words[0] in {"number", "total", "count", "tally"} and words[1] == "of"
    if counted_of:
        words = words[2:]
    words = words[:3]
    stop = next(
        (n for n, w in enumerate(words) if w in PREPOSITIONS or w in CLAUSE_WORDS or w in AUXILIARIES), len(words)
    )
    return words[:stop], counted_of


_MOVED = _MOVEMENT | {"up", "down", "closed", "ended", "finished", "settled"}


def _moved_to(toks: list[Tok], to: int) -> list[str]:
    """["shares", "fell", "to"] for "Shares fell 38p, or 6.1%, to 584p": the level a movement
    reached, named by the verb and its subject earlier in the sentence."""
    for v in range(to - 1, -1, -1):
        if toks[v].text in {";", "."}:
            break
        if toks[v].low in _MOVED:
            if v == to - 1 and toks[v].low in {"up", "down"}:
                return []  # "up to 1,500 people": a qualifier, not a movement
            start = v
            while start > 0 and toks[start - 1].text not in BOUNDARY and toks[start - 1].low not in CLAUSE_WORDS:
                start -= 1
            subject, _ = _subject_of(toks, start, v, toks[v].low)
            return [*subject, toks[v].low, toks[to].low]
    return []


def _subject_before_aside(toks: list[Tok], lo: int) -> list[str]:
    """The words before ", which ... ," when a clause starts right after such an aside."""
    if lo < 2 or toks[lo - 1].text != ",":
        return []
    k = lo - 2
    while k > 0 and toks[k].text not in BOUNDARY:
        if toks[k].low in {"which", "who"} and toks[k - 1].text == ",":
            start, _ = clause_bounds(toks, k - 2, k - 2)
            words = [t.low for t in toks[start : k - 1] if t.low not in DETERMINERS and t.text.isalpha()]
            return words[-3:]
        k -= 1
    return []


# Words before a number that qualify or place it rather than say what it counts.
_NOT_WHAT_IS_COUNTED = frozenset(
    """than early late earlier later least more about nearly some around almost roughly over
    approximately estimated up to as many much just of at on from between by including""".split()
)


def words_before(toks: list[Tok], raw: Raw, lo: int | None = None) -> list[str]:
    """The words just before a number in its clause, qualifiers and determiners dropped:
    ["pay", "remaining"] for "will pay the remaining $80 million"."""
    if lo is None:
        lo, _ = clause_bounds(toks, raw.first, raw.last)
    left: list[str] = []
    k = raw.first - 1
    while k >= lo and len(left) < 3:
        low = toks[k].low
        if low == "estimated" and k + 1 < len(toks) and toks[k + 1].low == "at":
            k -= 1  # "a population estimated at 4.5 million": what is counted comes before
            continue
        if toks[k].text in BOUNDARY or low in _SPEECH or low in _PRONOUNS:
            break
        if (
            toks[k].text == HYPHEN
            or not any(c.isalpha() for c in toks[k].text)
            or any(c.isdigit() for c in toks[k].text)
            or low in NUMBER_WORDS
            or low in _WHEN
        ):
            k -= 1  # numbers, weekdays and times of day say when, not what is counted
            continue
        if low not in DETERMINERS and low not in AUXILIARIES and low not in _NOT_WHAT_IS_COUNTED:
            left.insert(0, ING_PARTICIPLES.get(low, toks[k].text if toks[k].text[:1].isupper() else low))
        elif low in {"to", "of", "at", "by", "from"} and left:
            break
        k -= 1
    return left


def label_of(toks: list[Tok], raw: Raw, unit: str | None) -> tuple[str, str | None]:
    """(label, counted noun) for a figure from the words of its clause."""
    lo, hi = clause_bounds(toks, raw.first, raw.last)
    # noun phrase after the number: up to three words, "of X" allowed once
    noun: list[str] = []
    k = raw.last + 1
    if k < len(toks) and toks[k].text == HYPHEN and k + 1 < len(toks) and toks[k + 1].text.isalpha():
        noun.append(toks[k + 1].low)  # "5-kilometer radius", "48-hour strike"
        k += 2
    used_of = False
    while k <= hi and len(noun) < 4:
        t = toks[k]
        low = t.low
        if t.text in BOUNDARY or low in AUXILIARIES or low in _PRONOUNS:
            break
        if t.text == HYPHEN and k + 1 < len(toks) and toks[k + 1].text[:1].isdigit():
            break  # "2-1": a score, not a word
        if low in {"more", "additional", "extra", "further", "other", "new", "fewer", "less"} and not noun:
            k += 1  # "24 more hours", "31 other people"
            continue
        if low == "or" and not noun and k + 1 <= hi and toks[k + 1].low in {"more", "fewer", "less", "so"}:
            k += 2  # "1,150 or more people"
            continue
        if low == "of" and not used_of and (noun or raw.unit in (None, "fraction") or raw.kind == "digits"):
            used_of = True  # "1.3 million of its customers", "tons of aid"
            if noun:
                noun.append("of")
            k += 1
            continue
        if low in {"and", "or"} and noun and joins_modifiers(toks, k):
            k += 1  # "1.9 million current and former customers": one noun phrase
            continue
        if low in PREPOSITIONS or low in CLAUSE_WORDS or low in {"than", "to"}:
            break
        if is_verbish(low):
            break
        if low in DETERMINERS:
            k += 1
            continue
        noun.append(_cased(t))
        k += 1
    k = _skip_aside(toks, k, hi)
    # the verb that says what happened: "people had been killed in Gaza"
    predicate: list[str] = []
    if not noun and k <= hi and toks[k].low in {"it", "they", "we", "he", "she"}:
        # "the $510 million it says it needs": what the figure is, in a clause of its own
        run = [t.low for t in toks[k : min(hi + 1, k + 5)] if t.text.isalpha()]
        verbs = [w for w in run if w not in _PRONOUNS and w not in _SPEECH and w not in AUXILIARIES | {"says", "say"}]
        if verbs:
            predicate.append(verbs[0])
    while k <= hi and (toks[k].low in AUXILIARIES or toks[k].low.endswith("ly") or toks[k].low in {"not", "still"}):
        k += 1
    if k <= hi and is_verbish(toks[k].low):
        predicate.append(ING_PARTICIPLES.get(toks[k].low, toks[k].low))
        k += 1
        while k <= hi and len(predicate) < 4:
            t = toks[k]
            if t.text in BOUNDARY or t.low in CLAUSE_WORDS or any(c.isdigit() for c in t.text):
                break
            nxt = toks[k + 1].low if k + 1 < len(toks) else ""
            if t.low in _TEMPORAL and (nxt in _WHEN or nxt[:1].isdigit()):
                break  # "registered by Tuesday afternoon": when, not what
            if t.low not in DETERMINERS:
                predicate.append(_cased(t))
            k += 1
        while predicate and (predicate[-1] in PREPOSITIONS or predicate[-1] in AUXILIARIES):
            predicate.pop()
    elif k <= hi and toks[k].low in PREPOSITIONS and toks[k].low not in {"by", "at", "on", "since", "during"}:
        # "some 19 in intensive care", "two million without power", "$630 to the family of each victim"
        predicate.append(toks[k].low)
        k += 1
        while k <= hi and len(predicate) < 5 and toks[k].text not in BOUNDARY and toks[k].low not in CLAUSE_WORDS:
            if any(c.isdigit() for c in toks[k].text):
                break  # "rose 12% to 251p": another figure, not what this one counts
            if toks[k].low not in DETERMINERS and not is_verbish(toks[k].low):
                predicate.append(_cased(toks[k]))
            elif is_verbish(toks[k].low):
                if predicate[-1] in AUXILIARIES:  # "two people in the car were injured": what happened
                    while predicate and predicate[-1] in AUXILIARIES:
                        predicate.pop()
                    predicate.append(ING_PARTICIPLES.get(toks[k].low, toks[k].low))
                break
            k += 1
    # words just before the number in its clause (qualifiers and determiners dropped)
    left = words_before(toks, raw, lo)
    # "the death toll ... rose to 312": name the subject of a movement verb
    if left and left[-1] in _MOVEMENT:
        subject, counted_of = _subject_of(toks, lo, raw.first, left[-1])
        if subject and counted_of:
            left = subject
        elif subject and subject[-1] not in left:
            left = [*subject, left[-1]]
    moved = [w for w in left if w in _MOVEMENT]
    if moved and left[-1] != moved[-1] and raw.first > 0 and toks[raw.first - 1].low == "to":
        left = left[: left.index(moved[-1]) + 1]  # "fell 8 basis points to 4.23%": the level, not the fall
        subject, _ = _subject_of(toks, lo, raw.first, moved[-1])
        if subject and subject[-1] not in left:
            left = [*subject, moved[-1]]
    if left and len(left) == 1 and (left[0] in _MOVEMENT or is_verbish(left[0])):
        # "Core inflation, which strips out food, rose to 4.8%": the subject is before the aside
        subject = _subject_before_aside(toks, lo)
        if subject:
            left = [*subject, left[-1]]
    if not left and raw.first > 0 and toks[raw.first - 1].low in {"to", "at"}:
        left = _moved_to(toks, raw.first - 1)
    changed = _changed_object(toks, lo, raw.first)
    if changed:
        left = changed
    for words in (noun, predicate):
        while words and (words[-1] in PREPOSITIONS or words[-1] in AUXILIARIES):
            words.pop()  # "tons of", "without": a phrase never ends on its joint
    counted = noun[0] if noun else None
    if left and left[-1] in _MOVEMENT and noun and noun[0] in _MEASURE_WORDS:
        noun = [f"({noun[0]})"]  # "the lake had dropped 19 feet": "lake dropped (feet)"
        predicate = []
    parts = [*left, *noun, *predicate]
    if noun and left and left[-1].startswith("weigh") and noun[0] in _WEIGHT_UNITS:
        parts = [*left[:-1], "weight", f"({noun[0]})"]  # "the calf weighed 243 pounds": calf weight (pounds)
    elif noun and left and _acted_on(left, noun, predicate):
        # "the Dunmore Fire burned 4,000 acres": "acres burned"; "Peru recorded 300
        # aftershocks": "aftershocks recorded"; "Marquez received 10,000 votes": "votes for Marquez".
        # An editor names the counted thing, then what happened to it, not who did it.
        verb = left[-1]
        getting = verb in _GETTING and len(left) > 1
        what = [w for w in noun if w not in _WHEN_WORDS]  # "140 aftershocks overnight": when, not what
        parts = [*what, "for", *left[:-1]] if getting else [*what, verb, *predicate]
    if not parts:
        parts = _fenced(toks, lo, raw.last)
    if parts and unit in _SIGNS and not _SIGNS[unit] & {w.strip("()").lower() for w in parts}:
        parts.append(f"({unit})")  # "pay rise offered (%)", "compensation per victim ($)": what the number is in
    label = " ".join(p for p in parts if p)
    return label, counted


_WEIGHT_UNITS = frozenset("pounds pound kilograms kilos kg tons tonnes stone ounces grams".split())
_WHEN_WORDS = frozenset("overnight today yesterday tonight daily weekly annually so far".split())
# Verbs whose subject receives the counted thing ("Marquez won 52 seats": seats for Marquez).
_GETTING = frozenset("received won got gained secured earned collected drew attracted".split())


def _acted_on(left: list[str], noun: list[str], predicate: list[str]) -> bool:
    """True when the words before the number end in a past-tense verb done to the counted
    noun after it ("burned 4,000 acres"), not a movement of a level ("rose to 4.8%"), a
    measure ("dropped 19 feet") or a verb the noun phrase goes on to explain."""
    verb = left[-1]
    if verb in _MOVEMENT or noun[0] in _MEASURE_WORDS or noun[0].startswith("("):
        return False
    if predicate and predicate[0] not in PREPOSITIONS:
        return False  # "killed 12 people injured ...": the phrase says more after the noun
    past = verb.endswith("ed") and len(verb) > 4 and verb.isalpha() and verb.islower()
    return past or verb in _GETTING


# A label names the unit of a share or a sum of money unless its words already do.
_SIGNS = {
    "%": {"percent", "percentage", "%", "points", "rate", "share"},
    "$": {"dollars", "dollar", "$", "usd"},
    "£": {"pounds", "pound", "sterling", "£", "gbp"},
    "€": {"euros", "euro", "€", "eur"},
}


def _fenced(toks: list[Tok], lo: int, last: int) -> list[str]:
    """A number alone between commas or dashes ("the rest, 19, remained missing", "The low
    turnout - between 32 and 42 percent -"): the words before the fence, and the verb after it."""
    before: list[str] = []
    k = lo - 1
    # step back over the fence and the rest of a range: "turnout - between 32 percent and"
    while k >= 0 and (
        toks[k].text in BOUNDARY
        or toks[k].low in {"and", "to", "between", "from", "percent"}
        or any(c.isdigit() for c in toks[k].text)
    ):
        k -= 1
    while k >= 0 and len(before) < 3 and toks[k].text not in BOUNDARY and toks[k].low not in CLAUSE_WORDS:
        if toks[k].text.isalpha() and toks[k].low not in DETERMINERS and toks[k].low not in AUXILIARIES:
            before.insert(0, _cased(toks[k]))
        k -= 1
    after: list[str] = []
    k = last + 1
    if k < len(toks) and toks[k].text in {",", "—", "–", "-"}:
        k += 1
        while k < len(toks) and (toks[k].low in AUXILIARIES or toks[k].low.endswith("ly")):
            k += 1
        while k < len(toks) and len(after) < 2 and toks[k].text not in BOUNDARY and (after or is_verbish(toks[k].low)):
            after.append(toks[k].low)
            k += 1
    return [*before, *after] if before else []
