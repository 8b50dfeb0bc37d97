"""Word-level diffs with diff-match-patch: the only module that imports it.

diff-match-patch diffs characters. Diffing characters splits numbers ("14,800" -> "15,000"
comes out as "1", "4,8" -> "5,0", "00"), so each distinct token (a word, a whole number, a
run of spaces, a punctuation mark) is first mapped to one private-use character, the
strings of those characters are diffed, and the result is mapped back: the diff's atoms are
then whole words and whole numbers. Semantic clean-up merges the small equalities that make
a diff hard to read ("the" kept between two rewritten clauses).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

from diff_match_patch import diff_match_patch

from tracker.model import Diff
from tracker.text import tokens

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
    diffs = _DMP.diff_main(sa, sb, False)
    if semantic:
        _DMP.diff_cleanupSemantic(diffs)
    return [(op, [atoms[ord(ch) - _BASE] for ch in text]) for op, text in diffs]


def word_diff(old: str, new: str) -> Diff:
    """A readable word-level diff of two texts; joining the 0 and -1 parts gives `old` back,
    the 0 and 1 parts give `new`."""
    if old == new:
        return ((0, old),) if old else ()
    out: list[tuple[int, str]] = []
    for op, atoms in diff_sequences(tokens(old), tokens(new), semantic=True):
        text = "".join(atoms)
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif text:
            out.append((op, text))
    return tuple(out)


def hunks(diff: Diff) -> list[tuple[str, str]]:
    """The replaced, deleted and inserted stretches of a diff as (old text, new text) pairs,
    adjacent deletions and insertions that no kept text separates forming one hunk."""
    out: list[tuple[str, str]] = []
    old: list[str] = []
    new: list[str] = []
    for op, text in diff:
        if op == 0:
            if (old or new) and text.strip():
                out.append(("".join(old), "".join(new)))
                old, new = [], []
            elif old or new:
                old.append(text)
                new.append(text)
        elif op < 0:
            old.append(text)
        else:
            new.append(text)
    if old or new:
        out.append(("".join(old), "".join(new)))
    return out
