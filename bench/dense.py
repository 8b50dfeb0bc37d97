"""Generated revision pairs for the scaling benchmark: long and dense articles.

Each generator takes a size in words and returns (old, new) Articles of about that size,
written from a fixed seed so that every run compares the same text:

- `rewrite`: ordinary news prose in which every sentence changed (a word swapped, a
  figure updated, a clause added, or the sentence written anew);
- `dense_figures`: one short paragraph per figure, every figure updated, half of the
  paragraphs also reworded so that their figures must be paired across the text;
- `dense_numbers`: one sentence holding hundreds or thousands of counts, some updated,
  some dropped, some added;
- `dense_quotes`: one attributed quote per paragraph, most reworded, some replaced.

The words are made up (syllables joined into place names, surnames and nouns) around a
few hundred real ones, so that the text has the spread of vocabulary of real copy without
being copied from anywhere.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from tracker.engine.model import Article

_SYLLABLES = "ba ro ven tal mi ka dor lin sa pe quo ri nat hel gan tu ver os la min cor bel fa zen".split()
_NOUNS = """homes families residents workers vehicles boats bridges roads schools clinics
    shelters trucks generators pumps farms shops permits claims tents meals beds volunteers
    engineers inspectors pilots drivers patients students voters members cases samples
    hectares acres miles kilometres tonnes litres""".split()
_VERBS = """reported counted confirmed recorded estimated listed inspected cleared repaired
    opened closed delivered registered evacuated restored flooded damaged approved""".split()
_ADJECTIVES = """northern southern eastern western coastal rural central upper lower temporary
    emergency regional municipal flooded damaged remote""".split()
_TIMES = "on Monday|on Tuesday|by Wednesday|overnight|this week|since Friday|by noon".split("|")
_ROLES = "a spokesperson for|the director of|a senior official at|an engineer with|the head of".split("|")
_ORGS = "Water Board|Relief Agency|Transport Authority|Health Service|Fire Department|Port Authority".split("|")
_FILLER = """the crews said work would continue through the weekend while officials weighed
    further measures and residents waited for word from the district offices about when the
    roads and rail lines would reopen to traffic and supplies""".split()


class _Writer:
    """Made-up names and sentences from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.places = [self._word(2, 3).capitalize() for _ in range(400)]
        self.surnames = [self._word(2, 3).capitalize() for _ in range(600)]
        self.first = [self._word(2, 2).capitalize() for _ in range(200)]
        self.things = [self._word(2, 3) for _ in range(3000)]

    def _word(self, lo: int, hi: int) -> str:
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(lo, hi)))

    def pick(self, items: list[str]) -> str:
        # a skewed choice: some names and words recur often, most rarely, as in real copy
        # (the first of 3,000 words is about 4% of the picks, the first of 400 names 9%)
        return items[int(len(items) * self.rng.random() ** 2.5)]

    def number(self) -> int:
        return self.rng.choice([self.rng.randint(2, 99), self.rng.randint(100, 9999), self.rng.randint(10, 90) * 1000])

    def person(self) -> str:
        return f"{self.pick(self.first)} {self.pick(self.surnames)}"

    def clause(self) -> str:
        return " ".join(self.pick(self.things) for _ in range(self.rng.randint(2, 4)))

    def sentence(self) -> str:
        r = self.rng
        kind = r.randrange(4)
        if kind == 0:
            return (
                f"Crews in {self.pick(self.places)} {r.choice(_VERBS)} {self.number()} {r.choice(_NOUNS)} "
                f"{r.choice(_TIMES)}, and the {self.clause()} stayed {r.choice(_ADJECTIVES)}."
            )
        if kind == 1:
            return (
                f"The {r.choice(_ADJECTIVES)} {self.clause()} near {self.pick(self.places)} was "
                f"{r.choice(_VERBS)} after {self.clause()} {r.choice(_TIMES)}."
            )
        if kind == 2:
            who = f"{self.person()}, {r.choice(_ROLES)} the {r.choice(_ORGS)}"
            return f"{who}, said the {self.clause()} had been {r.choice(_VERBS)}."
        words = r.sample(_FILLER, 6)
        return f"In {self.pick(self.places)}, {' '.join(words)} {self.clause()}."

    def edit(self, sentence: str) -> str:
        """The sentence changed: a word swapped, a figure updated, a clause added or all of it new."""
        r = self.rng
        words = sentence.split()
        kind = r.randrange(4)
        if kind == 0:
            k = r.randrange(1, len(words) - 1)
            words[k] = self.pick(self.things)
        elif kind == 1:
            digits = [k for k, w in enumerate(words) if w[:1].isdigit()]
            if not digits:
                return self.edit(sentence)
            words[digits[0]] = str(self.number())
        elif kind == 2:
            return sentence.rstrip(".") + f", {r.choice(['officials', 'residents', 'crews'])} said {r.choice(_TIMES)}."
        else:
            return self.sentence()
        return " ".join(words)


def _article(headline: str, paragraphs: list[str]) -> Article:
    return Article(headline, tuple(paragraphs))


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def rewrite(size: int, seed: int = 1) -> tuple[Article, Article]:
    """News prose of `size` words in which every sentence changed."""
    w = _Writer(seed)
    old: list[list[str]] = []
    while _words([" ".join(p) for p in old]) < size:
        old.append([w.sentence() for _ in range(w.rng.randint(1, 4))])
    new = [[w.edit(s) for s in para] for para in old]
    return (
        _article("Floods close roads across the valley", [" ".join(p) for p in old]),
        _article("Floods close roads across the whole valley", [" ".join(p) for p in new]),
    )


def dense_figures(size: int, seed: int = 2) -> tuple[Article, Article]:
    """One figure per short paragraph, every figure updated; half the paragraphs reworded."""
    w = _Writer(seed)
    old: list[str] = []
    new: list[str] = []
    while _words(old) < size:
        place, noun, verb, time = w.pick(w.places), w.rng.choice(_NOUNS), w.rng.choice(_VERBS), w.rng.choice(_TIMES)
        n = w.number()
        old.append(f"{place} {verb} {n} {noun} {time}.")
        m = n + w.rng.randint(1, 40)
        if w.rng.random() < 0.5:
            new.append(f"{place} {verb} {m} {noun} {time}.")
        else:
            new.append(f"Officials said {m} {noun} had been {verb} in {place}.")
    return _article("Tallies across the region", old), _article("Tallies across the region rise", new)


def dense_numbers(size: int, seed: int = 3) -> tuple[Article, Article]:
    """One long sentence of counts, one every four words or so; some updated, dropped or added."""
    w = _Writer(seed)
    old: list[str] = []
    new: list[str] = []
    while len(old) * 4 < size:
        item = f"{w.rng.choice(_NOUNS)} in {w.pick(w.places)}"
        n = w.number()
        old.append(f"{n} {item}")
        r = w.rng.random()
        if r < 0.3:
            new.append(f"{n + w.rng.randint(1, 9)} {item}")
        elif r < 0.35:
            continue  # dropped
        else:
            new.append(f"{n} {item}")
        if r > 0.95:
            new.append(f"{w.number()} {w.rng.choice(_NOUNS)} in {w.pick(w.places)}")
    lead = "The district offices released their counts on Monday."
    return (
        _article("The counts", [lead, "The tally listed " + ", ".join(old) + "."]),
        _article("The counts", [lead, "The tally listed " + ", ".join(new) + "."]),
    )


def dense_quotes(size: int, seed: int = 4) -> tuple[Article, Article]:
    """One attributed quote per paragraph; most reworded, some replaced by new ones."""
    w = _Writer(seed)
    old: list[str] = []
    new: list[str] = []
    while _words(old) < size:
        speaker, role, org = w.person(), w.rng.choice(_ROLES), w.rng.choice(_ORGS)
        quote = f"We {w.rng.choice(_VERBS)} the {w.clause()} and the {w.clause()} {w.rng.choice(_TIMES)}"
        old.append(f"“{quote},” said {speaker}, {role} the {org}.")
        r = w.rng.random()
        if r < 0.6:
            quote = w.edit(quote + ".").rstrip(".")
        elif r < 0.8:
            quote = f"The {w.clause()} will be {w.rng.choice(_VERBS)} {w.rng.choice(_TIMES)}"
        new.append(f"“{quote},” said {speaker}, {role} the {org}.")
    return _article("Officials speak", old), _article("Officials speak again", new)


GENERATORS: dict[str, Callable[[int], tuple[Article, Article]]] = {
    "rewrite": rewrite,
    "dense figures": dense_figures,
    "dense numbers": dense_numbers,
    "dense quotes": dense_quotes,
}
