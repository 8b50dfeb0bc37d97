"""The best in-order pairing of two runs of sentences, as in a longest common subsequence
weighted by similarity: which old and new sentences of a rewritten passage are one
sentence edited (textdiff diffs those word by word, the rest is removed or added whole).

`dense_pairs` fills the whole m x n table, which is simplest and fastest for the few
sentences of an ordinary edit, and quadratic. `sparse_pairs` gives the same pairs from the
related pairs alone (most pairs of a long rewrite share nothing): the table's value at
(i, j) is the best chain of related pairs below and right of it, a maximum over those
pairs, which two max-trees over columns answer in log time. Both walk the table the same
way and break ties the same way, so they choose the same pairs (a hypothesis property in
tests/engine/test_inorder.py holds them to it).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence


def dense_pairs(score: Sequence[Sequence[float]], related: float) -> list[tuple[int, int]]:
    """The pairs (i, j) of the best in-order pairing, scores under `related` never paired."""
    m = len(score)
    n = len(score[0]) if m else 0
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            pair = score[i][j] + best[i + 1][j + 1] if score[i][j] >= related else 0.0
            best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
    out: list[tuple[int, int]] = []
    i = j = 0
    while i < m or j < n:
        if i < m and j < n and score[i][j] >= related and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif j >= n or (i < m and best[i][j] == best[i + 1][j]):
            i += 1
        else:
            j += 1
    return out


class _MaxTree:
    """Maximum over columns [lo, n) of values set per column (0.0 where none)."""

    def __init__(self, n: int) -> None:
        self.size = 1
        while self.size < max(1, n):
            self.size *= 2
        self.tree = [0.0] * (2 * self.size)

    def set(self, c: int, value: float) -> None:
        k = c + self.size
        self.tree[k] = value
        k //= 2
        while k:
            self.tree[k] = max(self.tree[2 * k], self.tree[2 * k + 1])
            k //= 2

    def get(self, c: int) -> float:
        return self.tree[c + self.size]

    def suffix(self, lo: int) -> float:
        """max over columns >= lo"""
        best = 0.0
        a, b = lo + self.size, 2 * self.size
        while a < b:
            if a & 1:
                best = max(best, self.tree[a])
                a += 1
            if b & 1:
                b -= 1
                best = max(best, self.tree[b])
            a //= 2
            b //= 2
        return best


def sparse_pairs(m: int, n: int, related_scores: Mapping[tuple[int, int], float]) -> list[tuple[int, int]]:
    """`dense_pairs` of an m x n table given only its cells at or above the threshold."""
    rows: dict[int, list[tuple[int, float]]] = {}
    for (i, j), s in sorted(related_scores.items()):
        rows.setdefault(i, []).append((j, s))
    # the table's value at each related cell: its score plus the best chain strictly below-right
    value: dict[tuple[int, int], float] = {}
    below = _MaxTree(n + 1)  # rows below the current one
    for i in sorted(rows, reverse=True):
        for j, s in rows[i]:
            value[i, j] = s + below.suffix(j + 1)
        for j, _ in rows[i]:
            below.set(j, max(below.get(j), value[i, j]))
    # per row: columns and the suffix maxima of their values, for the best at (i, >= j)
    row_cols = {i: [j for j, _ in cells] for i, cells in rows.items()}
    row_suffix: dict[int, list[float]] = {}
    for i, cells in rows.items():
        suf = [0.0] * (len(cells) + 1)
        for k in range(len(cells) - 1, -1, -1):
            suf[k] = max(suf[k + 1], value[i, cells[k][0]])
        row_suffix[i] = suf
    # per column: values by row, with suffix maxima, for the best over rows > i
    columns: dict[int, list[tuple[int, float]]] = {}
    for (i, j), v in sorted(value.items()):
        columns.setdefault(j, []).append((i, v))
    col_suffix: dict[int, list[float]] = {}
    for j, cells in columns.items():
        suf = [0.0] * (len(cells) + 1)
        for k in range(len(cells) - 1, -1, -1):
            suf[k] = max(suf[k + 1], cells[k][1])
        col_suffix[j] = suf
    pointer = dict.fromkeys(columns, 0)
    after = _MaxTree(n + 1)  # rows after the current one

    def drop_row(r: int) -> None:
        for j in row_cols.get(r, ()):
            pointer[j] += 1
            after.set(j, col_suffix[j][pointer[j]])

    for j, suf in col_suffix.items():
        after.set(j, suf[0])
    drop_row(0)

    def in_row(i: int, j: int) -> float:
        cols = row_cols.get(i)
        if not cols:
            return 0.0
        return row_suffix[i][bisect.bisect_left(cols, j)]

    out: list[tuple[int, int]] = []
    i = j = 0
    while i < m or j < n:
        rest = after.suffix(j) if j < n else 0.0  # best[i + 1][j]
        here = max(rest, in_row(i, j)) if i < m and j < n else rest  # best[i][j]
        if i < m and j < n and (i, j) in value and here == value[i, j]:
            out.append((i, j))
            i, j = i + 1, j + 1
            drop_row(i)
        elif j >= n or (i < m and here == rest):
            i += 1
            drop_row(i)
        else:
            j += 1
    return out
