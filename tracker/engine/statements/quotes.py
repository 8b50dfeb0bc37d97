"""Quotation marks: where quoted speech starts and ends in a text.

News copy mixes curly double quotes, straight double quotes, British single quotes and the
apostrophes that look like them ("Israel’s", "Hamas’ armed wing", "don’t"). A single mark
opens a quote only at the start of a word and closes one only at the end of a word, so
apostrophes inside and after words are never taken for quotes; single quotes nested in
double quotes are part of the quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.engine.memo import memo

_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_OPEN_SINGLE = "‘"
_CLOSE_SINGLE = "’"


@dataclass(frozen=True, slots=True)
class QuoteScan:
    spans: tuple[tuple[int, int], ...]  # (start, end) of quoted text, marks excluded
    open_at_end: bool  # a quote opened and not closed: it runs on into the next paragraph
    opens_with_quote: bool  # the text starts with an opening mark


def _is_word(ch: str) -> bool:
    return ch.isalnum()


_MARKS = re.compile("[\"'“”„«»‘’]")


@memo(8192)
def scan(text: str, *, already_open: bool = False) -> QuoteScan:
    """Quoted spans of `text`. `already_open`: the text continues a quote left open before it."""
    spans: list[tuple[int, int]] = []
    start: int | None = 0 if already_open else None
    closer = "double" if already_open else ""
    n = len(text)
    skip_to = -1
    for m in _MARKS.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        ch = text[i]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if start is None:
            if ch in _OPEN_DOUBLE or (ch == '"' and not _is_word(prev)):
                start, closer = i + 1, "double"
            elif ch == "'" and nxt == "'" and not _is_word(prev):
                start, closer = i + 2, "twin"
                skip_to = i + 2
            elif (ch == _OPEN_SINGLE or (ch == "'" and not _is_word(prev))) and _is_word(nxt):
                start, closer = i + 1, "single"
        else:
            end_here = False
            if (closer == "double" and (ch in _CLOSE_DOUBLE or (ch == '"' and not _is_word(nxt)))) or (
                closer == "twin" and ch == "'" and nxt == "'"
            ):
                end_here = True
            elif closer == "single" and ch in (_CLOSE_SINGLE + "'") and not _is_word(nxt):
                end_here = prev != "s" or _has_opener(text, start)
            if closer == "double" and ch in _OPEN_DOUBLE and i > start:
                # a new opening mark before the old quote closed: the writer restarted the quote
                spans.append((start, i))
                start = i + 1
            elif end_here:
                spans.append((start, i))
                start = None
                if closer == "twin":
                    skip_to = i + 2
    open_at_end = start is not None and closer in ("double", "twin")
    if start is not None and start < n:
        spans.append((start, n))
    opens = bool(text) and (text[0] in _OPEN_DOUBLE or text[0] == '"' or text.startswith("''"))
    return QuoteScan(tuple(spans), open_at_end, opens)


def _has_opener(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] in (_OPEN_SINGLE + "'")


def quoted_words(text: str, spans: tuple[tuple[int, int], ...]) -> int:
    return sum(len(text[a:b].split()) for a, b in spans)


@memo(8192)
def mask(text: str, spans: tuple[tuple[int, int], ...], fill: str = "Q") -> str:
    """The text with quoted words replaced by `fill` (length kept), so that cues such as
    'said' inside a quote are never read as attribution."""
    chars = list(text)
    for a, b in spans:
        for k in range(a, b):
            if not chars[k].isspace():
                chars[k] = fill
    return "".join(chars)
