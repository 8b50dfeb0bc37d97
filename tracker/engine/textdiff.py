"""Word-level diffs with diff-match-patch: the only module that imports it.

diff-match-patch diffs characters. Diffing characters splits numbers ("14,800" -> "15,000"
comes out as "1", "4,8" -> "5,0", "00"), so each distinct token (a word, a whole number, a
run of spaces, a punctuation mark) is first mapped to one private-use character, the
strings of those characters are diffed, and the result is mapped back: the diff's atoms are
then whole words and whole numbers. Semantic clean-up merges the small equalities that make
a diff hard to read ("the" kept between two rewritten clauses).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Hashable, Sequence
from typing import TypeVar

from diff_match_patch import diff_match_patch

from tracker.engine import joins
from tracker.engine.inorder import dense_pairs, sparse_pairs
from tracker.engine.memo import memo
from tracker.engine.model import Diff
from tracker.engine.text import content_words, sentence_spans

T = TypeVar("T", bound=Hashable)

_BASE = 0xF0000  # Supplementary Private Use Area-A: 65,534 code points, never in news text
_LIMIT = 0x10FFFD - _BASE


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0.5  # a pathological pair degrades to a coarser diff, never hangs
    return dmp


_DMP = _engine()


def _encode(a: Sequence[T], b: Sequence[T]) -> tuple[str, str, list[T]] | None:
    table: dict[T, str] = {}
    atoms: list[T] = []

    def enc(seq: Sequence[T]) -> str:
        out = []
        for item in seq:
            ch = table.get(item)
            if ch is None:
                if len(atoms) >= _LIMIT:
                    raise OverflowError
                ch = chr(_BASE + len(atoms))
                table[item] = ch
                atoms.append(item)
            out.append(ch)
        return "".join(out)

    try:
        return enc(a), enc(b), atoms
    except OverflowError:
        return None


def diff_sequences(a: Sequence[T], b: Sequence[T], *, semantic: bool = False) -> list[tuple[int, list[T]]]:
    """Diff two sequences of hashable atoms: [(op, atoms)] with op -1, 0 or 1."""
    encoded = _encode(a, b)
    if encoded is None:  # more distinct atoms than code points: one replace, still correct
        return [(op, list(seq)) for op, seq in ((-1, a), (1, b)) if seq]
    sa, sb, atoms = encoded
    diffs = _diff_chars(sa, sb)
    if semantic:
        _DMP.diff_cleanupSemantic(diffs)
    return [(op, [atoms[ord(ch) - _BASE] for ch in text]) for op, text in diffs]


# Above this many atoms (both sides, common ends left out) a diff is anchored first; below
# it diff-match-patch alone, whose bisection costs (n + m) x the number of edits: a
# 20,000-word rewrite is millions of steps in Python. Ordinary edits are a few hundred atoms.
ANCHOR_LIMIT = 500


def _diff_chars(a: str, b: str) -> list[tuple[int, str]]:
    """diff-match-patch's diff of two encoded strings, cheap where it would be slow: two
    strings with no atom in common are one deletion and one insertion (what it returns
    for them too, after bisecting to the end), and long strings are anchored."""
    if not a or not b or set(a).isdisjoint(b):
        return [(op, text) for op, text in ((-1, a), (1, b)) if text]
    if len(a) + len(b) > ANCHOR_LIMIT:
        start = _DMP.diff_commonPrefix(a, b)
        end = _DMP.diff_commonSuffix(a[start:], b[start:])
        if len(a) + len(b) - 2 * (start + end) > ANCHOR_LIMIT:
            return _anchored(a, b)
    return list(_DMP.diff_main(a, b, False))


def _anchored(a: str, b: str) -> list[tuple[int, str]]:
    """A patience diff: atoms that occur once on each side, the longest run of them in the
    same order kept as they are, the stretches between them diffed on their own."""
    once_a = {ch for ch, n in Counter(a).items() if n == 1}
    once_b = Counter(b)
    at_b = {ch: k for k, ch in enumerate(b) if once_b[ch] == 1 and ch in once_a}
    anchors = _increasing([(i, at_b[ch]) for i, ch in enumerate(a) if ch in at_b])
    if not anchors:
        return list(_DMP.diff_main(a, b, False))  # no anchor: its own timeout bounds it
    diffs: list[tuple[int, str]] = []
    i0 = j0 = 0
    for i, j in anchors:
        diffs.extend(_diff_chars(a[i0:i], b[j0:j]))
        diffs.append((0, a[i]))
        i0, j0 = i + 1, j + 1
    diffs.extend(_diff_chars(a[i0:], b[j0:]))
    _DMP.diff_cleanupMerge(diffs)
    return diffs


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (sorted by their first item) increasing in the second too."""
    tails: list[int] = []  # the second item ending the best run of each length
    ends: list[int] = []  # which pair ends it
    back: list[int] = []
    for k, (_, j) in enumerate(pairs):
        n = bisect.bisect_left(tails, j)
        back.append(ends[n - 1] if n else -1)
        if n == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[n] = j
            ends[n] = k
    out: list[tuple[int, int]] = []
    k = ends[-1] if ends else -1
    while k >= 0:
        out.append(pairs[k])
        k = back[k]
    return out[::-1]


# Diff atoms: a whole number, a word or one punctuation mark, each with the white space
# after it, so that a 1,000-word text is about 1,200 atoms, not 2,400.
_ATOM = re.compile(r"[$£€¥]?\d+(?:[.,]\d+)*%?\s*|(?:[A-Za-z]\.){2,}\s*|\w+(?:[-'’]\w+)*\s*|[^\w\s]\s*|\s+")


def atoms(text: str) -> list[str]:
    """`"".join(atoms(t)) == t`."""
    return _ATOM.findall(text)


def _append(out: list[tuple[int, str]], op: int, text: str) -> None:
    if not text:
        return
    if out and out[-1][0] == op:
        out[-1] = (op, out[-1][1] + text)
    else:
        out.append((op, text))


@memo(1024)
def word_diff(old: str, new: str) -> Diff:
    """A readable word-level diff of two texts; joining the 0 and -1 parts gives `old` back,
    the 0 and 1 parts give `new`."""
    if old == new:
        return ((0, old),) if old else ()
    out: list[tuple[int, str]] = []
    for op, parts in diff_sequences(atoms(old), atoms(new), semantic=True):
        _append(out, op, "".join(parts))
    return tuple(out)


def paragraph_diff(old: Sequence[str], new: Sequence[str], sep: str = "\n\n") -> Diff:
    """Paragraphs first, then sentences, words only inside the sentences that changed: the
    cheap way to a word-level diff of a whole article (a word diff of a run of edited
    paragraphs costs milliseconds, of its edited sentences a tenth of that). Joins like
    `word_diff(sep.join(old), sep.join(new))`."""
    out: list[tuple[int, str]] = []
    gone: list[str] = []
    came: list[str] = []

    def flush() -> None:
        if gone or came:
            for op, text in _sentence_diff(_pieces(gone, sep), _pieces(came, sep)):
                _append(out, op, text)
            gone.clear()
            came.clear()

    for op, paras in diff_sequences(list(old), list(new)):
        if op == 0:
            flush()
            _append(out, 0, "".join(p + sep for p in paras))
        elif op < 0:
            gone.extend(paras)
        else:
            came.extend(paras)
    flush()
    return _drop_trailing(out, sep, bool(old), bool(new))


def _pieces(paragraphs: Sequence[str], sep: str) -> list[str]:
    """Each paragraph cut before each of its sentences, the separator kept with its last
    sentence (a piece of its own, the most common piece, would pair unrelated runs): joined,
    the paragraphs as `paragraph_diff` joins them."""
    out: list[str] = []
    for p in paragraphs:
        cuts = [0, *(s.start for s in sentence_spans(p)[1:]), len(p)]
        out.extend(p[a:b] for a, b in itertools.pairwise(cuts) if a < b)
        if p:
            out[-1] += sep
        else:
            out.append(sep)
    return out


def _sentence_diff(old: list[str], new: list[str]) -> list[tuple[int, str]]:
    """Sentences kept whole where they did not change; in each run that did, the sentences
    paired in order by shared words and each pair diffed word by word. A sentence with no
    counterpart is removed or added whole: a word diff of a rewritten sentence is noise
    (semantic clean-up mostly merges it back into one replacement), and the costliest diff
    there is."""
    out: list[tuple[int, str]] = []
    gone: list[str] = []
    came: list[str] = []
    for op, pieces in [*diff_sequences(old, new), (0, [])]:
        if op == 0:
            for d, text in _run_diff(gone, came):
                _append(out, d, text)
            gone.clear()
            came.clear()
            _append(out, 0, "".join(pieces))
        else:
            (gone if op < 0 else came).extend(pieces)
    return out


def _run_diff(gone: list[str], came: list[str]) -> list[tuple[int, str]]:
    if not gone or not came:
        return [(-1, "".join(gone)), (1, "".join(came))]
    bags = [_bag(t) for t in gone], [_bag(t) for t in came]
    # best in-order pairing (the most shared words in all), as in a longest common subsequence
    m, n = len(gone), len(came)
    if m * n <= _DENSE_CELLS:
        joins.count("textdiff.run", m * n)
        pairs = dense_pairs([[_dice(a, b) for b in bags[1]] for a in bags[0]], _RELATED)
    else:  # a long rewrite: only sentences that share words can pair, found by a join
        related: dict[tuple[int, int], float] = {}
        for i, j in joins.similar_pairs(bags[0], bags[1], _RELATED, "textdiff.run"):
            score = _dice(bags[0][i], bags[1][j])
            if score >= _RELATED:
                related[i, j] = score
        pairs = sparse_pairs(m, n, related)
    out: list[tuple[int, str]] = []
    i = j = 0
    for pi, pj in pairs:
        out.extend(_replace("".join(gone[i:pi]), "".join(came[j:pj])))
        out.extend(_pair_diff(gone[pi], came[pj]))
        i, j = pi + 1, pj + 1
    out.extend(_replace("".join(gone[i:]), "".join(came[j:])))
    return out


# Runs up to this many sentence pairs are scored in full (faster for the few sentences of
# an ordinary edit); longer ones only where a join finds shared words. Same pairs either way.
_DENSE_CELLS = 400


def _replace(old: str, new: str) -> list[tuple[int, str]]:
    """Old text replaced by new, the words they begin or end with kept: a rewritten lead
    keeps its dateline ("BEIRUT (AP) -- ")."""
    a, b = atoms(old), atoms(new)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    cut_a, cut_b = len(a) - end, len(b) - end
    parts = [
        (0, "".join(a[:start])),
        (-1, "".join(a[start:cut_a])),
        (1, "".join(b[start:cut_b])),
        (0, "".join(a[cut_a:])),
    ]
    return [(op, text) for op, text in parts if text]


def _pair_diff(old: str, new: str) -> Diff:
    """The word diff of two sentences, their common trailing white space kept apart so that
    the diff is the one the sentence comparison already made (`word_diff` is cached)."""
    a, b = old.rstrip(), new.rstrip()
    tail = old[len(a) :]
    if tail != new[len(b) :]:
        return word_diff(old, new)
    return (*word_diff(a, b), (0, tail))


# Two sentences that share at least half their content words (Dice) are one sentence edited,
# worth a word diff; the sentence alignment (align.EDIT_THRESHOLD) pairs them at the same point.
_RELATED = 0.5


def _bag(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def _drop_trailing(out: list[tuple[int, str]], sep: str, old: bool, new: bool) -> Diff:
    """Every paragraph was given a separator after it; take the last one off each side.
    When one side's text ends inside kept text that the other side goes on from, the
    separator stays, as the other side's own insertion or deletion."""
    last_old = max((k for k, (op, _) in enumerate(out) if op <= 0), default=None) if old else None
    last_new = max((k for k, (op, _) in enumerate(out) if op >= 0), default=None) if new else None
    if last_old is not None and last_old == last_new:
        op, text = out[last_old]
        out[last_old] = (op, text[: -len(sep)] if text.endswith(sep) else text)
    else:
        for k, other in sorted(((last_old, 1), (last_new, -1)), key=lambda t: -1 if t[0] is None else -t[0]):
            if k is None:
                continue
            op, text = out[k]
            if not text.endswith(sep):
                continue
            out[k] = (op, text[: -len(sep)])
            if op == 0:
                out.insert(k + 1, (other, sep))  # the other side still has this separator
    merged: list[tuple[int, str]] = []
    for op, text in out:
        _append(merged, op, text)
    return tuple(merged)
