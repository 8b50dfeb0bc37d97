"""Alignment of the sentences of two revisions.

Each old and new sentence ends up in exactly one `Pair`:

- unchanged: the same sentence in the same order;
- moved: the same sentence somewhere else (a paragraph moved unchanged);
- edited: one old and one new sentence similar enough to be two wordings of one sentence;
- split / merged: one old sentence became two new ones, or two became one;
- added / removed: no counterpart.

Sentences are compared by their `key` (case, punctuation and typography ignored). Edited
pairs are found by word overlap with numbers masked, so that a sentence whose only change
is a figure still pairs with its old wording; candidates come from an inverted index of
words, never from comparing every sentence with every other.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from tracker.engine import joins
from tracker.engine.model import Article
from tracker.engine.text import content_words, key, sentence_spans
from tracker.engine.textdiff import diff_sequences

PairKind = Literal["unchanged", "moved", "edited", "split", "merged", "added", "removed"]

EDIT_THRESHOLD = 0.5  # Dice overlap of content words for two sentences to be one edited sentence
_MAX_CANDIDATES = 40
_LONG = 500  # sentences; beyond, _FEW_CANDIDATES
_FEW_CANDIDATES = 12


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    paragraph: int  # -1 for the headline
    index: int  # position among the article's sentences
    key: str


@dataclass(frozen=True, slots=True)
class Pair:
    kind: PairKind
    old: tuple[Sentence, ...]
    new: tuple[Sentence, ...]


def split_article(article: Article, *, headline: bool = False) -> list[Sentence]:
    """The article's sentences in order (the headline first, as paragraph -1, when asked)."""
    out: list[Sentence] = []
    if headline and article.headline:
        out.append(Sentence(article.headline, -1, 0, key(article.headline)))
    for p, para in enumerate(article.paragraphs):
        for span in sentence_spans(para):
            out.append(Sentence(span.text, p, len(out), key(span.text)))
    return out


_NUMBERISH = re.compile(r"^\d[\d,.]*%?$")


def _bag(text: str) -> Counter[str]:
    return Counter("#" if _NUMBERISH.match(w) else w for w in content_words(text))


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """Dice coefficient of two bags of words."""
    total = sum(a.values()) + sum(b.values())  # (Counter.total(), without its call)
    if not total:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return 2 * sum(min(n, b[w]) for w, n in a.items() if w in b) / total


def align(old: Sequence[Sentence], new: Sequence[Sentence]) -> list[Pair]:
    """Every old and new sentence in exactly one pair, ordered by position in the new text
    (removed sentences where they stood)."""
    pairs: list[Pair] = []
    gone: list[Sentence] = []
    came: list[Sentence] = []
    i = j = 0
    for op, keys in diff_sequences([s.key for s in old], [s.key for s in new]):
        for _ in keys:
            if op == 0:
                pairs.append(Pair("unchanged", (old[i],), (new[j],)))
                i += 1
                j += 1
            elif op < 0:
                gone.append(old[i])
                i += 1
            else:
                came.append(new[j])
                j += 1
    # the same sentence elsewhere: moved
    waiting: dict[str, list[Sentence]] = defaultdict(list)
    for s in gone:
        waiting[s.key].append(s)
    still_came: list[Sentence] = []
    for s in came:
        if waiting.get(s.key):
            pairs.append(Pair("moved", (waiting[s.key].pop(0),), (s,)))
        else:
            still_came.append(s)
    still_gone = [s for group in waiting.values() for s in group]
    still_gone.sort(key=lambda s: s.index)
    pairs.extend(_pair_edits(still_gone, still_came))
    return sorted(pairs, key=_order)


def _order(p: Pair) -> tuple[float, int]:
    if p.new:
        return (p.new[0].index, 1)
    return (p.old[0].index - 0.5, 0)


def _pair_edits(gone: list[Sentence], came: list[Sentence]) -> list[Pair]:
    if not gone or not came:
        return [Pair("removed", (s,), ()) for s in gone] + [Pair("added", (), (s,)) for s in came]
    bags_old = [_bag(s.text) for s in gone]
    bags_new = [_bag(s.text) for s in came]
    # candidates: new sentences sharing a word that few of them have; in a long text fewer
    # of each (an ordinary article has a few hundred sentences at most, a long rewrite
    # thousands, where the cost of each is what counts)
    limit = _MAX_CANDIDATES if len(came) <= _LONG else _FEW_CANDIDATES
    index: dict[str, list[int]] = defaultdict(list)
    freq: Counter[str] = Counter()
    for n, bag in enumerate(bags_new):
        for w in bag:
            index[w].append(n)
            freq[w] += 1
    totals_new = [b.total() for b in bags_new]
    scored: list[tuple[float, int, int]] = []
    for o, bag in enumerate(bags_old):
        shared: Counter[int] = Counter()
        weight: Counter[int] = Counter()  # how many of this sentence's words those shared are
        common = 0  # and how many words are too common to index
        for w, k in bag.items():
            if w == "#" or freq[w] > limit:
                common += k
                continue
            for n in index[w]:
                shared[n] += 1
                weight[n] += k
        total = bag.total()
        for n, _ in shared.most_common(limit):
            if 2 * (weight[n] + common) < EDIT_THRESHOLD * (total + totals_new[n]):
                continue  # cannot reach the threshold even if every common word is shared
            score = similarity(bag, bags_new[n])
            # prefer a counterpart near the same place in the text
            score -= 0.02 * min(5, abs(_relative(gone[o], gone) - _relative(came[n], came)) * 10)
            if score >= EDIT_THRESHOLD * 0.6:
                scored.append((score, o, n))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    old_of: dict[int, int] = {}
    new_of: dict[int, int] = {}
    for score, o, n in scored:
        if score < EDIT_THRESHOLD:
            break
        if o in new_of or n in old_of:
            continue
        new_of[o] = n
        old_of[n] = o
    pairs: list[Pair] = []
    used_old: set[int] = set(new_of)
    used_new: set[int] = set(old_of)
    # an edited pair whose new sentence has an unpaired neighbour that covers the rest of
    # the old one is a split ("A, and B." -> "A. B."), and the other way round a merge
    for o, n in sorted(new_of.items()):
        base = similarity(bags_old[o], bags_new[n])
        for m in (n - 1, n + 1):
            if 0 <= m < len(came) and m not in used_new and abs(came[m].index - came[n].index) == 1:
                first, second = (m, n) if m < n else (n, m)
                if (
                    _covers(bags_old[o], bags_new[m])
                    and similarity(bags_old[o], bags_new[first] + bags_new[second]) > base
                ):
                    pairs.append(Pair("split", (gone[o],), (came[first], came[second])))
                    used_new.add(m)
                    del old_of[n]
                    new_of[o] = -1
                    break
    for n, o in sorted(old_of.items()):
        if new_of.get(o) == -1:
            continue
        base = similarity(bags_old[o], bags_new[n])
        for m in (o - 1, o + 1):
            if 0 <= m < len(gone) and m not in used_old and abs(gone[m].index - gone[o].index) == 1:
                first, second = (m, o) if m < o else (o, m)
                if (
                    _covers(bags_new[n], bags_old[m])
                    and similarity(bags_old[first] + bags_old[second], bags_new[n]) > base
                ):
                    pairs.append(Pair("merged", (gone[first], gone[second]), (came[n],)))
                    used_old.add(m)
                    new_of[o] = -1
                    break
    new_of = {o: n for o, n in new_of.items() if n != -1}
    # splits and merges: one sentence whose words are covered by two neighbours together;
    # the neighbours that can reach the threshold come from a join, not from every pair
    joined = _SPLIT_THRESHOLD
    two_new = _neighbours(came, bags_new, used_new)
    split_at = _candidates(
        [Counter() if o in used_old else b for o, b in enumerate(bags_old)], two_new, joined, "align.split"
    )
    for o in range(len(gone)):
        if o in used_old:
            continue
        for n in split_at.get(o, ()):
            if n in used_new or n + 1 in used_new:
                continue
            if similarity(bags_old[o], two_new[n]) >= joined:
                pairs.append(Pair("split", (gone[o],), (came[n], came[n + 1])))
                used_old.add(o)
                used_new.update((n, n + 1))
                break
    two_old = _neighbours(gone, bags_old, used_old)
    merged_at = _candidates(
        [Counter() if n in used_new else b for n, b in enumerate(bags_new)], two_old, joined, "align.merge"
    )
    for n in range(len(came)):
        if n in used_new:
            continue
        for o in merged_at.get(n, ()):
            if o in used_old or o + 1 in used_old:
                continue
            if similarity(two_old[o], bags_new[n]) >= joined:
                pairs.append(Pair("merged", (gone[o], gone[o + 1]), (came[n],)))
                used_new.add(n)
                used_old.update((o, o + 1))
                break
    for o, n in new_of.items():
        pairs.append(Pair("edited", (gone[o],), (came[n],)))
    pairs.extend(Pair("removed", (s,), ()) for o, s in enumerate(gone) if o not in used_old)
    pairs.extend(Pair("added", (), (s,)) for n, s in enumerate(came) if n not in used_new)
    return pairs


_SPLIT_THRESHOLD = EDIT_THRESHOLD + 0.1


def _neighbours(group: list[Sentence], bags: list[Counter[str]], used: set[int]) -> list[Counter[str]]:
    """For each sentence, its words with the next one's when the next follows it in the text
    (else nothing): what a split or merge of two neighbours says. Nothing either where one
    of the two is paired already (it cannot be split or merged any more: an empty bag joins
    with nothing, so the join does not look at it)."""
    out: list[Counter[str]] = []
    for k in range(len(group)):
        follows = k + 1 < len(group) and group[k + 1].index == group[k].index + 1
        free = k not in used and k + 1 not in used
        out.append(bags[k] + bags[k + 1] if follows and free else Counter())
    return out


def _candidates(one: list[Counter[str]], two: list[Counter[str]], threshold: float, site: str) -> dict[int, list[int]]:
    """For each sentence of `one`, the neighbour pairs of `two` that may reach `threshold`, in order."""
    out: dict[int, list[int]] = {}
    for a, b in joins.similar_pairs(one, two, threshold, site):
        out.setdefault(a, []).append(b)
    return out


def _covers(whole: Counter[str], part: Counter[str]) -> bool:
    """Most words of `part` appear in `whole`."""
    size = sum(part.values())
    return size > 0 and sum((part & whole).values()) / size >= 0.6


def _relative(s: Sentence, group: list[Sentence]) -> float:
    last = group[-1].index or 1
    return s.index / last
