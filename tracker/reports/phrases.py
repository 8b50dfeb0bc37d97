"""The wording every renderer shares: the summary line, figure values and change phrases.

The summary says the news first ("Toll 14,800 -> 15,000; 1 new statement"), the way an
alert subject or a log line needs it. Every renderer (text, Markdown, HTML, terminal,
email) takes its wording from here, so one report reads the same in each.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.engine.figures.numbers import format_value
from tracker.engine.model import ChangeReport, Diff, Figure, FigureChange, Statement


def figure_value(c: FigureChange, side: str) -> str:
    """The old or new value of a change, formatted; with its qualifier when the two sides'
    qualifiers differ ("at least 5 -> 9": the count firmed up, not only grew)."""
    f = c.old if side == "old" else c.new
    value = format_figure(f)
    old, new = c.old, c.new
    if f is None or not f.qualifier or old is None or new is None:
        return value
    return f"{f.qualifier} {value}" if (old.qualifier or "") != (new.qualifier or "") else value


def format_figure(f: Figure | None) -> str:
    """A figure's value with its currency or percent sign: '$1,800,000,000', '35%', '14,800'."""
    if f is None:
        return "—"
    unit = f.unit or ""
    value = format_value(f.value)
    if unit in {"$", "£", "€", "¥", "₹"}:
        return unit + value
    if unit == "%":
        return value + "%"
    return value


def change_phrase(c: FigureChange) -> str:
    """'14,800 -> 15,000 (+200, +1.4%)'; '4.1% -> 4.3% (+0.2 points)'."""
    text = f"{figure_value(c, 'old')} -> {figure_value(c, 'new')}"
    if c.delta is not None:
        sign = "+" if c.delta > 0 else "-"
        points = c.old is not None and c.old.unit == "%"  # 0.1% -> 0.3% is +0.2 points, not +200%
        text += f" ({sign}{format_value(abs(c.delta))}{' points' if points else ''}"
        if c.ratio is not None and not points:
            text += f", {c.ratio:+.1%}"
        text += ")"
    return text


# What a count of people or harm is about: such a change leads the line, before the
# headline and before any other figure (an editor's "most newsworthy first").
_OUTCOMES = frozenset(
    "killed dead deaths died toll injured wounded hurt missing displaced evacuated evacuees fled homeless "
    "hostages casualties victims hospitalised hospitalized fatalities trapped infected".split()
)
# A label is cut before one of these, never after: "people killed in the attack on the
# market" becomes "People killed in the attack", never "People killed in the".
_PHRASE_STARTS = frozenset(
    "in for of on at to from by with and or as after since over than who that which while during "
    "near across including".split()
)
_DANGLING = _PHRASE_STARTS | {"the", "a", "an", "its", "their", "his", "her", "this", "that"}
LABEL_WORDS = 6


_SIGN_NOTE = re.compile(r"\s*\((?:%|\$|£|€|¥|₹)\)$")


def shown_label(label: str) -> str:
    """A label beside a value that shows its own sign: "(%)" or "($)" at its end says it twice."""
    return _SIGN_NOTE.sub("", label)


def is_outcome(label: str) -> bool:
    """True when a figure's label counts people or harm (killed, missing, displaced...)."""
    return any(w.strip("(),").lower() in _OUTCOMES for w in label.split())


def short_label(label: str, most: int = LABEL_WORDS) -> str:
    """A label of at most `most` words, cut only where a phrase begins, capitalised."""
    words = shown_label(label).split()
    if len(words) > most:
        starts = [i for i in range(2, most + 1) if i < len(words) and words[i].lower() in _PHRASE_STARTS]
        words = words[: starts[-1]] if starts else words[:most]
    while len(words) > 1 and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    text = " ".join(words).rstrip(",;:")
    return text[:1].upper() + text[1:]


def _speakers(statements: tuple[Statement, ...], most: int = 3) -> str:
    names: list[str] = []
    for s in statements:
        if s.speaker and s.speaker not in names:
            names.append(s.speaker)
    if not names:
        return ""
    shown = ", ".join(names[:most]) + (" and others" if len(names) > most else "")
    return f" ({shown})"


def summary(report: ChangeReport, headline: str | None = None) -> str:
    """One line that says the news, most newsworthy first: the leading figure (a count of
    people or harm before any other), the headline, the other figures, then statements
    with who made them."""
    parts: list[str] = []
    changed = sorted(report.changed_figures, key=lambda c: not is_outcome(c.label))  # stable: text order kept
    if changed:
        first = changed[0]
        label = short_label(first.label)
        parts.append(f"{label + ' ' if label else ''}{figure_value(first, 'old')} -> {figure_value(first, 'new')}")
    if report.headline is not None:
        parts.append("headline changed")
    if len(changed) > 1:
        parts.append(f"{len(changed) - 1} more figure{'s' if len(changed) > 2 else ''} changed")
    if report.statements_added:
        n = len(report.statements_added)
        parts.append(f"{n} new statement{'s' if n > 1 else ''}{_speakers(report.statements_added)}")
    if report.statements_removed:
        n = len(report.statements_removed)
        parts.append(f"{n} statement{'s' if n > 1 else ''} removed{_speakers(report.statements_removed)}")
    if not parts:
        edits = sum(1 for s in report.sentences if s.kind != "moved")
        parts.append(f"{edits} sentence{'s' if edits != 1 else ''} edited" if edits else "text moved")
    line = "; ".join(parts)
    if headline:
        line += f" — {headline}"
    return line


def speaker_of(s: Statement) -> str:
    """Who said it, or 'unattributed'."""
    return s.speaker or "unattributed"


def marked(diff: Diff, ins: Callable[[str], str], dele: Callable[[str], str]) -> str:
    """A diff as one text, insertions and deletions wrapped; white space at the edges of a
    change stays outside the marks ("**said** his", not "**said **his")."""
    out = []
    for op, text in diff:
        if op == 0:
            out.append(text)
            continue
        core = text.strip()
        if not core:
            out.append(text if op > 0 else "")
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(lead + (ins(core) if op > 0 else dele(core)) + trail)
    return "".join(out)
