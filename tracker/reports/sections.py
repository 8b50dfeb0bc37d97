"""One report model for every renderer: the sections of a change report, in reading order.

Text, Markdown, HTML, the terminal and email all render a `ReportView`, so none of them can
leave out a section the others show (a new figure, an added sentence). Each section has a
fixed title (`TITLES`); `ReportView.sections` names the ones this report has, which is
also what a test compares across formats.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.engine.model import ChangeReport, Diff, HeadlineChange
from tracker.reports.phrases import change_phrase, figure_value, shown_label, speaker_of, summary

HEADLINE = "Headline"
FIGURES = "Figures"
APPEARED = "New or dropped figures"
NEW_STATEMENTS = "New statements"
REMOVED_STATEMENTS = "Removed statements"
EDITS = "Edited sentences"
SENTENCES = "Added and removed sentences"
TITLES = (HEADLINE, FIGURES, APPEARED, NEW_STATEMENTS, REMOVED_STATEMENTS, EDITS, SENTENCES)
EDIT_KINDS = ("edited", "split", "merged")


@dataclass(frozen=True, slots=True)
class FigureRow:
    """A figure whose value changed: '11 -> 19 (+8, +72.7%)'."""

    label: str
    old: str
    new: str
    delta: str  # "+8, +72.7%", "" when there is no difference to say
    rising: bool  # the new value is larger (a direction, never a judgement: no colour of alarm)
    text: str  # the new figure as written


@dataclass(frozen=True, slots=True)
class FigureSeen:
    """A figure that appeared (`added`) or vanished from the text."""

    added: bool
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class StatementRow:
    speaker: str
    text: str
    reworded: bool = False


@dataclass(frozen=True, slots=True)
class ReportView:
    """What every renderer shows of a change report, section by section."""

    summary: str
    empty: bool
    headline: HeadlineChange | None
    figures: tuple[FigureRow, ...]
    appeared: tuple[FigureSeen, ...]
    statements_added: tuple[StatementRow, ...]
    statements_removed: tuple[StatementRow, ...]
    edits: tuple[Diff, ...]
    sentences_added: tuple[str, ...]
    sentences_removed: tuple[str, ...]
    moved: int

    @property
    def sections(self) -> tuple[str, ...]:
        """The titles of the sections this report has, in the order every renderer shows them."""
        present = {
            HEADLINE: self.headline is not None,
            FIGURES: bool(self.figures),
            APPEARED: bool(self.appeared),
            NEW_STATEMENTS: bool(self.statements_added),
            REMOVED_STATEMENTS: bool(self.statements_removed),
            EDITS: bool(self.edits),
            SENTENCES: bool(self.sentences_added or self.sentences_removed),
        }
        return tuple(t for t in TITLES if present[t])

    @property
    def moved_note(self) -> str:
        """'2 sentences moved unchanged.', or '' when none moved."""
        if not self.moved:
            return ""
        return f"{self.moved} sentence{'s' if self.moved > 1 else ''} moved unchanged."


def _delta(phrase: str) -> str:
    return phrase.split(" (", 1)[1].rstrip(")") if " (" in phrase else ""


def view(report: ChangeReport) -> ReportView:
    figures = tuple(
        FigureRow(
            label=shown_label(c.label) or "(unlabelled)",
            old=figure_value(c, "old"),
            new=figure_value(c, "new"),
            delta=_delta(change_phrase(c)),
            rising=(c.delta or 0) > 0,
            text=c.new.text if c.new else "",
        )
        for c in report.changed_figures
    )
    appeared = tuple(
        FigureSeen(added=c.new is not None, text=f.text, label=shown_label(c.label) or "unlabelled")
        for c in report.figures
        if (c.old is None) != (c.new is None)
        for f in (c.new or c.old,)
        if f is not None
    )
    reworded = {r.new for r in report.statements_reworded}
    return ReportView(
        summary=summary(report),
        empty=report.is_empty,
        headline=report.headline,
        figures=figures,
        appeared=appeared,
        statements_added=tuple(StatementRow(speaker_of(s), s.text, s in reworded) for s in report.statements_added),
        statements_removed=tuple(StatementRow(speaker_of(s), s.text) for s in report.statements_removed),
        edits=tuple(s.diff for s in report.sentences if s.kind in EDIT_KINDS),
        sentences_added=tuple(t for s in report.sentences if s.kind == "added" for t in s.new),
        sentences_removed=tuple(t for s in report.sentences if s.kind == "removed" for t in s.old),
        moved=sum(1 for s in report.sentences if s.kind == "moved"),
    )
