"""Clauses: the token range of the clause around a figure, for labels.py.

A clause runs up to commas, dashes, semicolons, brackets and clause-opening words; asides
in brackets, ", including ...," and appositives (", an elderly woman from Springvale, has
died") are stepped over. The boundaries of a sentence are worked out once (`_Clauses`), so
that a sentence of a thousand figures costs a walk of its tokens, not one per figure.
"""

from __future__ import annotations

from tracker.engine.figures.labelwords import AUXILIARIES, DETERMINERS, is_verbish
from tracker.engine.figures.scan import BOUNDARY, Tok

ENDS_CLAUSE = frozenset("and but while whereas although which who as when".split())


def joins_modifiers(toks: list[Tok], k: int) -> bool:
    """Does the 'and' at k join two modifiers of one plural noun ("current and former
    customers"), not two phrases ("1,200 homes and 15 businesses")?"""
    return (
        k + 2 < len(toks)
        and toks[k - 1].text.isalpha()
        and toks[k + 1].text.isalpha()
        and toks[k + 1].low not in DETERMINERS | AUXILIARIES
        and toks[k + 2].text.isalpha()
        and toks[k + 2].low.endswith("s")
        and not toks[k - 1].low.endswith("s")
    )


def after_appositive(toks: list[Tok], k: int) -> int | None:
    """Where the clause goes on after ", an elderly woman from Springvale, has died": the
    token after the closing comma, when an auxiliary and a verb follow it; else None."""
    if not (k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low in {"a", "an", "the"}):
        return None
    close = next((j for j in range(k + 1, min(len(toks), k + 12)) if toks[j].text == ","), None)
    if close is None:
        return None
    after = close + 1
    while after < len(toks) and toks[after].low in AUXILIARIES:
        after += 1
    return close + 1 if after > close + 1 and after < len(toks) and is_verbish(toks[after].low) else None


_OPENS_CLAUSE = frozenset("and but while whereas although which who when where".split())
_FENCES = frozenset({",", "—", "–", ")"})


class _Clauses:
    """Clause boundaries of one sentence's tokens, worked out once: where the clause around a
    token starts (the token after the last boundary before it), where the next closing
    bracket and the next fence are, and, as they are asked for, where a clause that reaches
    a token ends. A sentence of a thousand figures would otherwise walk its tokens once per
    figure, each way."""

    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        n = len(toks)
        self.start = [0] * (n + 1)
        for k, t in enumerate(toks):
            stop = t.text in BOUNDARY or t.low in _OPENS_CLAUSE
            self.start[k + 1] = k + 1 if stop else self.start[k]
        self.close = [n] * (n + 1)  # the first ")" at or after k (n: none)
        self.fence = [n] * (n + 1)  # the first , — – ) at or after k
        for k in range(n - 1, -1, -1):
            self.close[k] = k if toks[k].text == ")" else self.close[k + 1]
            self.fence[k] = k if toks[k].text in _FENCES else self.fence[k + 1]
        self.end: dict[int, int] = {}

    def bounds(self, first: int, last: int) -> tuple[int, int]:
        return self.start[first], self.clause_end(last)

    def clause_end(self, last: int) -> int:
        path: list[int] = []
        hi = last
        while hi not in self.end:
            path.append(hi)
            step = self._step(hi)
            if step is None:
                break
            hi = step
        end = self.end.get(hi, hi)
        for h in path:
            self.end[h] = end  # every token on the way ends its clause in the same place
        return end

    def _step(self, hi: int) -> int | None:
        """Where the clause goes on from `hi`, or None where it ends."""
        toks = self.toks
        if hi + 1 >= len(toks):
            return None
        t = toks[hi + 1]
        if (
            t.text in {",", "—", "–", "("}
            and hi + 2 < len(toks)
            and toks[hi + 2].low in {"including", "among", "most", "many", "of"}
        ):
            # skip ", including 6,150 children," and continue with the verb after it
            return self.fence[hi + 2]
        if t.text == "(":
            close = self.close[hi + 1]
            if close < len(toks):
                return close  # a bracketed aside does not end the clause
        resumed = after_appositive(toks, hi + 1)
        if resumed is not None:
            return resumed  # ", an elderly woman from Springvale, has died": nor does an appositive
        ends = t.text in BOUNDARY or t.low in ENDS_CLAUSE
        if ends and not (t.low in {"and", "or"} and joins_modifiers(toks, hi + 1)):
            return None
        return hi + 1


# the clauses of the sentence being read (one at a time: figures() reads a sentence's tokens
# to the end before the next sentence's); held with its tokens, checked by identity
_current: tuple[list[Tok], _Clauses] | None = None


def clause_bounds(toks: list[Tok], first: int, last: int) -> tuple[int, int]:
    """Token range of the clause around a figure: up to commas, dashes, semicolons, brackets
    and clause-opening words, skipping appositives that start with 'including'."""
    global _current
    current = _current
    if current is None or current[0] is not toks:
        current = (toks, _Clauses(toks))
        _current = current
    return current[1].bounds(first, last)
