"""Figures: every number in a sentence, read to a value with its unit, qualifier and label.

A figure is a quantity a reader would follow: "more than 15,000 people ... killed", "35%
contained", "$1.2 billion", "nine miners trapped". Dates, times of day, years, ages,
ordinals and designators (Route 7, I-10, Category 3, A40) are not figures and are skipped.
The label says what the figure counts, from the words around it in its clause: the noun
after it ("people", "acres of forest"), the verb that tells what happened to it ("killed in
Gaza", "burned"), and the words just before it ("margin of", "Marquez had").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.model import Figure
from tracker.numbers import NUMBER_WORDS, TENS, UNITS, parse_digits, parse_words, scale_of

# Tokens with offsets: whole numbers (with currency and %), words (hyphens and apostrophes
# inside), single punctuation marks.
_TOKEN = re.compile(r"(?:US|A|C|NZ|HK)?[$£€¥₹]\d[\d,.]*\d|[$£€¥₹]\d|\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")
_DIGITS = re.compile(r"^(?P<cur>(?:US|A|C|NZ|HK)?[$£€¥₹])?(?P<num>\d[\d,.]*\d|\d)$")

MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
QUALIFIERS = (
    "more than", "greater than", "higher than", "over", "at least", "as many as", "as much as",
    "up to", "nearly", "almost", "about", "around", "roughly", "approximately", "some",
    "an estimated", "estimated", "close to", "fewer than", "less than", "under", "just over",
    "just under", "upwards of", "as few as", "at most", "no more than", "no fewer than",
    "only", "exactly", "well over", "more than a", "just", "a further", "another",
)
_QUALIFIER_RE = re.compile(
    r"(?:^|\s)(" + "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True)) + r")\s*$",
    re.IGNORECASE,
)
TIME_AFTER = re.compile(
    r"^\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|GMT|BST|UTC|CET|CEST|[ECMP][SD]?T\b|local time|hrs\b|h\b)",
    re.IGNORECASE,
)
PERCENT_AFTER = re.compile(r"^\s*(%|percent\b|per cent\b|percentage points?\b|points?\b(?= of\b))", re.IGNORECASE)
DESIGNATORS = frozenset(
    """route highway hwy interstate road rd street st avenue ave flight no number room gate
    terminal platform pier berth channel chapter article section clause category level stage
    phase grade class type model version apollo windows iphone series vol volume page
    lane exit unit ward district precinct building block lot runway track game week day
    proposition prop amendment title bill rule code squad battalion brigade division regiment
    covid""".split()
)
UNIT_WORDS = frozenset(
    """people persons person residents patients children adults men women workers miners
    passengers homes houses buildings structures acres hectares miles kilometers kilometres km
    meters metres feet foot inches inch centimeters cm millimeters mm mph kph knots tons tonnes
    pounds kilograms kg dollars euros pounds yen yuan rupees rupiah pesos francs votes ballots
    customers cases deaths injuries hours minutes days weeks months years seconds points
    degrees trucks vehicles cars flights ships boats aircraft planes troops soldiers officers
    firefighters hostages prisoners""".split()
)
CURRENCY_WORDS = {
    "dollars": "$", "dollar": "$", "euros": "€", "euro": "€", "pounds sterling": "£",
    "rupiah": "rupiah", "yen": "¥", "yuan": "yuan", "rupees": "₹", "pesos": "pesos",
    "francs": "francs", "won": "won", "rubles": "rubles", "roubles": "rubles",
}
# Words that tell what happened to a counted thing; suffix rules catch the regular ones.
IRREGULAR_VERBS = frozenset(
    """rose fell left lost hit made took struck fought saw won got gave held kept led met paid
    put ran sold sent set shut spent stood told went came cut drew drove grew hid hurt built
    brought bought caught chose dug fled flew found froze forgot laid lay lit meant overran
    rode sank shot shook slid sought spread stole stuck swept swam swung taught threw tore
    wore wound wrote stands stand rise rises rising fall falls falling reach reached reaches
    topped tops top climb climbs climbing jumped jump jumps surged surge surges soared dropped
    drop drops plunged plunge slumped slump tumbled gained gain gains shed sheds sank sunk
    killing injuring wounding leaving forcing displacing affecting destroying damaging
    sickening carrying trapping stranding hit hits kills kill""".split()
)
AUXILIARIES = frozenset(
    """is are was were be been being has have had having will would shall should can could may
    might must do does did also still now already reportedly""".split()
)
PREPOSITIONS = frozenset(
    """of in on at by for from with to into onto across over under near among between through
    during without within against toward towards per""".split()
)
DETERMINERS = frozenset("a an the this that these those its their his her our your some any each every".split())
CLAUSE_WORDS = frozenset("and but while whereas although though because as which who whom that where when".split())
_ING_PARTICIPLES = {
    "killing": "killed", "injuring": "injured", "wounding": "wounded", "leaving": "left",
    "forcing": "forced", "displacing": "displaced", "damaging": "damaged", "destroying": "destroyed",
    "affecting": "affected", "sickening": "sickened", "trapping": "trapped", "stranding": "stranded",
    "kills": "killed", "kill": "killed",
}
GENERIC_NOUNS = frozenset("people persons others more those".split())
_BOUNDARY = frozenset(",;:()[]—–-\"“”‘’'!?.")


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


HYPHEN = "\u2011"  # an attached hyphen ("5-kilometer", "Thirty-six"): joins words, ends no clause


def _tokenise(sentence: str) -> list[_Tok]:
    toks = [_Tok(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    for i in range(1, len(toks) - 1):
        t = toks[i]
        if t.text == "-" and toks[i - 1].end == t.start and toks[i + 1].start == t.end:
            toks[i] = _Tok(HYPHEN, t.start, t.end)
    return toks


def _is_word_number(tok: _Tok) -> bool:
    low = tok.low
    if low in NUMBER_WORDS:
        return True
    return False


def _is_verbish(word: str) -> bool:
    low = word.lower()
    if low in IRREGULAR_VERBS or low in _ING_PARTICIPLES:
        return True
    return len(low) > 4 and (low.endswith("ed") or low.endswith("ing")) and low not in {"need", "hundred", "red", "bed", "shed", "during", "according", "including", "morning", "evening", "building", "ceiling", "king", "thing", "nothing", "something", "anything", "ring", "spring", "string", "wing", "wedding", "bring"}


@dataclass
class _Raw:
    """A number found in the token stream, before it is judged and labelled."""

    first: int  # token index range [first, last]
    last: int
    value: float
    unit: str | None
    kind: str  # "digits" | "words"


def _scan(toks: list[_Tok], sentence: str) -> list[_Raw]:
    found: list[_Raw] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        m = _DIGITS.match(tok.text)
        if m:
            raw = _read_digits(toks, i, m, sentence)
            if raw:
                found.append(raw)
                i = raw.last + 1
                continue
        elif _is_word_number(tok) or _hyphen_number(tok.low):
            raw = _read_words(toks, i)
            if raw:
                found.append(raw)
                i = raw.last + 1
                continue
        i += 1
    return found


def _hyphen_number(low: str) -> bool:
    parts = low.split("-")
    return len(parts) == 2 and parts[0] in TENS and parts[1] in UNITS


def _read_digits(toks: list[_Tok], i: int, m: re.Match[str], sentence: str) -> _Raw | None:
    tok = toks[i]
    value = parse_digits(m.group("num"))
    if value is None:
        return None
    unit: str | None = None
    if m.group("cur"):
        unit = m.group("cur")[-1] if m.group("cur")[-1] != "$" else "$"
    last = i
    after = sentence[tok.end:]
    # letters glued to the digits: "5k", "1.2bn", "40m" are scales; "7th", "1990s", "4G" are not figures
    glued = re.match(r"[A-Za-z]+", after)
    if glued:
        scale = scale_of(glued.group(0))
        if scale and (unit or glued.group(0).lower() in {"bn", "mn", "tn", "k"}):
            value *= scale
            last = i + 1
            after = sentence[toks[last].end:] if last < len(toks) else ""
        else:
            return None
    elif last + 1 < len(toks) and toks[last + 1].start == tok.end + 1:
        scale = scale_of(toks[last + 1].text)
        if scale and toks[last + 1].low in {"million", "billion", "trillion", "thousand", "bn", "mn", "m"}:
            if toks[last + 1].low != "m" or unit:
                value *= scale
                last += 1
                after = sentence[toks[last].end:]
    pm = PERCENT_AFTER.match(after)
    if pm:
        unit = "%" if "point" not in pm.group(1).lower() else "points"
        if pm.group(1) != "%":
            words = len(pm.group(1).split())
            last = min(len(toks) - 1, last + words)
        else:
            last += 1
    elif tok.text.endswith("%"):
        unit = "%"
    return _Raw(i, last, value, unit, "digits")


_VAGUE_BEFORE = frozenset("few couple several many some dozen dozens hundreds thousands tens".split())


def _read_words(toks: list[_Tok], i: int) -> _Raw | None:
    if i > 0 and toks[i - 1].low in _VAGUE_BEFORE and toks[i].low in {"hundred", "thousand", "million", "billion"}:
        return None  # "a couple hundred", "several thousand": not a number anyone can follow
    j = i
    parts: list[str] = []
    while j < len(toks):
        low = toks[j].low
        if low in NUMBER_WORDS or _hyphen_number(low) or (low == HYPHEN and parts):
            parts.append(low)
            j += 1
            continue
        break
    # trim joining words that do not end a number phrase
    while parts and parts[-1] in {"and", "a", HYPHEN, "half"}:
        parts.pop()
        j -= 1
    while parts and parts[0] in {"and", HYPHEN}:
        parts.pop(0)
        i += 1
    if not parts:
        return None
    text = " ".join(p for p in parts if p != HYPHEN)
    value = parse_words(text)
    if value is None:
        return None
    # "a" alone, or "a hundred" in "a hundred years ago"-style idioms, still counts; bare
    # "one" as a pronoun does not
    if text in {"a", "an"}:
        return None
    return _Raw(i, j - 1, value, None, "words")


def _excluded(toks: list[_Tok], raw: _Raw, sentence: str) -> bool:
    """Dates, times, years, ages, ordinals, designators and pronoun 'one' are not figures."""
    first, last = toks[raw.first], toks[raw.last]
    before = sentence[: first.start]
    after = sentence[last.end:]
    prev = toks[raw.first - 1].low if raw.first > 0 else ""
    prev2 = toks[raw.first - 2].low if raw.first > 1 else ""
    nxt = toks[raw.last + 1].low if raw.last + 1 < len(toks) else ""
    if raw.kind == "digits":
        if raw.unit is None and re.fullmatch(r"\d{4}", first.text) and 1800 <= raw.value <= 2100:
            return True  # a year
        if re.match(r"^[:/.]\d", after) or re.search(r"\d[:/]$", before):
            return True  # 21:00, 24/7, 12/05
        if TIME_AFTER.match(after):
            return True
        if before[-1:].isalpha() or re.search(r"[A-Za-z]-$", before):
            return True  # A40, I-10, COVID-19
        if prev.rstrip(".") in MONTHS or (nxt in MONTHS and raw.unit is None):
            return True  # October 7, 7 October
        if raw.unit is None and first.text.isdigit() and raw.value < 10_000:
            if prev in DESIGNATORS or (prev == "." and prev2 in {"no", "nos"}):
                return True
            if prev[:1].isupper() and prev not in {"i"} and toks[raw.first - 1].text[:1].isupper() and raw.first > 1 and prev not in WEEKDAYS and toks[raw.first - 1].text.lower() not in {"about", "some", "nearly"}:
                if not re.match(r"^\s*(?:%|percent|[a-z]+s\b)", after) and toks[raw.first - 1].text not in {"The", "A"}:
                    return True  # "Highway 20", "Apollo 11", "Category 3"
    else:
        if first.low == "one" and raw.first == raw.last:
            if nxt in {"of", "another", "day", "point", "time", "way", "side", "hand"} or prev in {"no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"}:
                return True
    # ages: "Ruiz, 41,", "(41)", "aged 41", "41-year-old", "ages from 34 to 91"
    window = " ".join(t.low for t in toks[max(0, raw.first - 4): raw.first])
    if re.search(r"\b(?:aged?|ages)\b", window) and raw.unit is None:
        return True
    if re.match(r"^\s*-?\s*(?:years?|months?)[\s-]+old\b", after, re.IGNORECASE):
        return True
    if raw.unit is None and prev in {",", "("} and raw.first >= 2 and toks[raw.first - 2].text[:1].isupper():
        if nxt in {",", ")", ";", "and"} or raw.last + 1 >= len(toks):
            if raw.value < 120 and raw.first == raw.last:
                return True
    if re.match(r"^(?:st|nd|rd|th)\b", after):
        return True
    return False


def _qualifier(sentence: str, start: int) -> tuple[str | None, int]:
    m = _QUALIFIER_RE.search(sentence[:start])
    if not m:
        return None, start
    q = m.group(1)
    return q.lower(), m.start(1)


def _clause_bounds(toks: list[_Tok], first: int, last: int) -> tuple[int, int]:
    """Token range of the clause around a figure: up to commas, dashes, semicolons, brackets
    and clause-opening words, skipping appositives that start with 'including'."""
    lo = first
    while lo > 0:
        t = toks[lo - 1]
        if t.text in _BOUNDARY or t.low in {"and", "but", "while", "whereas", "although", "which", "who", "when"}:
            break
        lo -= 1
    hi = last
    while hi + 1 < len(toks):
        t = toks[hi + 1]
        if t.text in {",", "—", "–", "("} and hi + 2 < len(toks) and toks[hi + 2].low in {"including", "among", "most", "many", "of"}:
            # skip ", including 6,150 children," and continue with the verb after it
            k = hi + 2
            while k < len(toks) and toks[k].text not in {",", "—", "–", ")"}:
                k += 1
            hi = k
            continue
        if t.text == "(":
            close = next((j for j in range(hi + 1, len(toks)) if toks[j].text == ")"), None)
            if close is not None:
                hi = close  # a bracketed aside does not end the clause
                continue
        if t.text in _BOUNDARY or t.low in {"and", "but", "while", "whereas", "although", "which", "who", "as", "when"}:
            break
        hi += 1
    return lo, hi


_PRONOUNS = frozenset("he she it they we i you there".split())
_SPEECH = frozenset("said says told tells added announced reported estimated according".split())


def _cased(tok: _Tok) -> str:
    """Names keep their capitals in a label ("killed in Gaza"); other words are lower case."""
    return tok.text if tok.text[:1].isupper() and tok.start > 0 else tok.low


def _skip_aside(toks: list[_Tok], k: int, hi: int) -> int:
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
        return k
    return k


def _label(toks: list[_Tok], raw: _Raw, unit: str | None) -> tuple[str, str | None]:
    """(label, counted noun) for a figure from the words of its clause."""
    lo, hi = _clause_bounds(toks, raw.first, raw.last)
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
        if t.text in _BOUNDARY or low in AUXILIARIES or low in _PRONOUNS:
            break
        if low in {"more", "additional", "extra", "further", "other", "new", "fewer", "less"} and not noun:
            k += 1  # "24 more hours", "31 other people"
            continue
        if low == "of" and not used_of and (noun or raw.unit is None or raw.kind == "digits"):
            used_of = True  # "1.3 million of its customers", "tons of aid"
            k += 1
            continue
        if low in PREPOSITIONS or low in CLAUSE_WORDS or low in {"than", "to"}:
            break
        if _is_verbish(low):
            break
        if low in DETERMINERS:
            k += 1
            continue
        noun.append(_cased(t))
        k += 1
    k = _skip_aside(toks, k, hi)
    # the verb that says what happened: "people had been killed in Gaza"
    predicate: list[str] = []
    while k <= hi and (toks[k].low in AUXILIARIES or toks[k].low.endswith("ly") or toks[k].low in {"not", "still"}):
        k += 1
    if k <= hi and _is_verbish(toks[k].low):
        predicate.append(_ING_PARTICIPLES.get(toks[k].low, toks[k].low))
        k += 1
        while k <= hi and len(predicate) < 4:
            t = toks[k]
            if t.text in _BOUNDARY or t.low in CLAUSE_WORDS:
                break
            if t.low not in DETERMINERS:
                predicate.append(_cased(t))
            k += 1
        while predicate and (predicate[-1] in PREPOSITIONS or predicate[-1] in AUXILIARIES):
            predicate.pop()
    elif k <= hi and toks[k].low in PREPOSITIONS and toks[k].low not in {"by", "at", "on", "since", "during"}:
        # "some 19 in intensive care", "two million without power", "$630 to the family of each victim"
        k += 1
        while k <= hi and len(predicate) < 4 and toks[k].text not in _BOUNDARY and toks[k].low not in CLAUSE_WORDS:
            if toks[k].low not in DETERMINERS and not _is_verbish(toks[k].low):
                predicate.append(_cased(toks[k]))
            elif _is_verbish(toks[k].low):
                break
            k += 1
    # words just before the number in its clause (qualifiers and determiners dropped)
    left: list[str] = []
    k = raw.first - 1
    while k >= lo and len(left) < 3:
        low = toks[k].low
        if toks[k].text in _BOUNDARY or low in _SPEECH or low in _PRONOUNS:
            break
        if toks[k].text == HYPHEN or toks[k].text[:1].isdigit() or low in NUMBER_WORDS:
            k -= 1
            continue
        if low not in DETERMINERS and low not in AUXILIARIES and low not in {"than", "least", "more", "about", "nearly", "some", "around", "almost", "roughly", "over", "approximately", "estimated", "up", "to", "as", "many", "much", "just", "of", "at", "from", "between", "by", "including"}:
            left.insert(0, _ING_PARTICIPLES.get(low, toks[k].text if toks[k].text[:1].isupper() else low))
        elif low in {"to", "of", "at", "by", "from"} and left:
            break
        k -= 1
    # "the death toll ... rose to 312": name the subject of a movement verb
    if left and left[-1] in {"rose", "rises", "risen", "climbed", "climbs", "jumped", "increased", "fell", "dropped", "reached", "stood", "stands", "hit", "topped", "surged", "soared", "declined", "decreased", "grew", "passed"}:
        subject = [toks[t].low for t in range(lo, raw.first) if toks[t].low not in DETERMINERS and toks[t].text not in _BOUNDARY][:3]
        stop = next((n for n, w in enumerate(subject) if w in PREPOSITIONS or w in CLAUSE_WORDS), len(subject))
        subject = subject[:stop]
        if subject and subject[-1] not in left:
            left = [*subject, left[-1]]
    parts = [*left, *noun, *predicate]
    label = " ".join(p for p in parts if p)
    counted = noun[0] if noun else None
    return label, counted


@lru_cache(maxsize=4096)
def figures(sentence: str) -> tuple[Figure, ...]:
    """Every figure in one sentence, in order."""
    if not any(ch.isdigit() for ch in sentence) and not re.search(
        r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b",
        sentence,
    ):
        return ()
    toks = _tokenise(sentence)
    scanned = _scan(toks, sentence)
    raws: list[_Raw] = []
    dropped_prev = False
    for n, r in enumerate(scanned):
        in_range = n > 0 and r.first - scanned[n - 1].last == 2 and toks[r.first - 1].low in {"and", "to", "-", HYPHEN}
        if _excluded(toks, r, sentence) or (in_range and dropped_prev):
            dropped_prev = True  # "ages from 29 to 93": the second end goes with the first
            continue
        dropped_prev = False
        raws.append(r)
    out: list[Figure] = []
    for n, raw in enumerate(raws):
        unit = raw.unit
        # a range shares its unit: "between 8 and 12 inches", "from 30 to 40 towers"
        if n + 1 < len(raws) and raws[n + 1].first - raw.last == 2 and toks[raw.last + 1].low in {"and", "to", "-", HYPHEN, "or"}:
            partner = raws[n + 1]
            if unit is None and partner.unit is not None:
                unit = partner.unit
            label, counted = _label(toks, partner, partner.unit)
        else:
            label, counted = _label(toks, raw, unit)
        if n > 0 and toks[raw.first - 1].text == "(" or (raw.first > 1 and toks[raw.first - 2].text == "(" and toks[raw.first - 1].low in {"about", "around", "roughly", "nearly", "some", "or"}):
            # "(about $1,580)", "(13 feet)": a conversion of the figure before the bracket
            if out and out[-1].end <= toks[raw.first].start:
                label = out[-1].label
        if counted in GENERIC_NOUNS and out and out[-1].unit not in (None, "%") and counted not in {"people"}:
            # "three miners ... six others": the others are miners too
            label = f"{out[-1].unit} {label}"
            counted = out[-1].unit
        qualifier, qstart = _qualifier(sentence, toks[raw.first].start)
        if raw.kind == "words" or unit in (None, "%", "points"):
            counted_unit = unit or (counted if counted else None)
        else:
            counted_unit = unit
        for word, symbol in CURRENCY_WORDS.items():
            if counted and counted == word.split()[0]:
                counted_unit = symbol
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
            )
        )
    return tuple(out)
