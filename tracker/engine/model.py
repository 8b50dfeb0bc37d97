"""Pure values that cross module boundaries: an article, its figures and statements, a change report.

Frozen dataclasses, equal by content, with no behaviour beyond what can be derived from
their own fields. Nothing here does I/O or imports anything heavier than the standard library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

StatementKind = Literal["quote", "claim"]
SentenceKind = Literal["edited", "added", "removed", "moved", "split", "merged"]
# A word-level diff: (op, text) with op -1 deleted, 0 kept, 1 inserted (diff-match-patch's convention).
Diff = tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class Article:
    """One revision of a story's text: the headline and the body paragraphs, already normalised."""

    headline: str
    paragraphs: tuple[str, ...]
    byline: str | None = None
    published: str | None = None  # dates as the page states them (ISO 8601 where we could read one)
    modified: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in a sentence, read to a value, with what it counts."""

    value: float
    text: str  # as written, qualifier included: "more than 14,800"
    unit: str | None  # "%", "$", "£", "€", "people", "acres", "mph"...
    qualifier: str | None  # "more than", "at least", "about", "nearly"...
    label: str  # what it counts: "people killed in Gaza"
    sentence: str
    start: int = 0  # offsets of `text` in `sentence`
    end: int = 0
    role: str | None = None  # "total" (the whole in "three of its four hospitals"), "low"/"high" (ends of a range)


@dataclass(frozen=True, slots=True)
class FigureChange:
    """The old and the new figure of one quantity; either side is None when it appeared or vanished."""

    old: Figure | None
    new: Figure | None
    label: str

    @property
    def delta(self) -> float | None:
        if self.old is None or self.new is None:
            return None
        return self.new.value - self.old.value

    @property
    def ratio(self) -> float | None:
        """Relative change (0.5 for +50%), None when it has no meaning."""
        if self.old is None or self.new is None or self.old.value == 0:
            return None
        return (self.new.value - self.old.value) / abs(self.old.value)


@dataclass(frozen=True, slots=True)
class Statement:
    """A quote or an attributed claim, with the speaker resolved to a name where one is given."""

    text: str
    speaker: str | None
    kind: StatementKind
    paragraph: int = 0  # index of the paragraph where it starts


@dataclass(frozen=True, slots=True)
class Rewording:
    """A statement whose wording changed: reported as `old` removed and `new` added."""

    old: Statement
    new: Statement


@dataclass(frozen=True, slots=True)
class HeadlineChange:
    old: str
    new: str
    diff: Diff = ()


@dataclass(frozen=True, slots=True)
class SentenceChange:
    """One step of the sentence alignment that is not 'unchanged'."""

    kind: SentenceKind
    old: tuple[str, ...]
    new: tuple[str, ...]
    diff: Diff = ()  # word-level, for edited, split and merged sentences


@dataclass(frozen=True, slots=True)
class ChangeReport:
    """What changed between two revisions, the way an editor would say it."""

    headline: HeadlineChange | None = None
    figures: tuple[FigureChange, ...] = ()
    statements_added: tuple[Statement, ...] = ()
    statements_removed: tuple[Statement, ...] = ()
    statements_reworded: tuple[Rewording, ...] = ()
    sentences: tuple[SentenceChange, ...] = ()
    diff: Diff = field(default=(), repr=False)  # word-level diff of the whole text

    @property
    def changed_figures(self) -> tuple[FigureChange, ...]:
        return tuple(f for f in self.figures if f.old is not None and f.new is not None)

    @property
    def is_empty(self) -> bool:
        """True when nothing a reader would notice changed (the texts are equal)."""
        return (
            self.headline is None
            and not self.figures
            and not self.sentences
            and not (self.statements_added or self.statements_removed)
        )
