"""compare(old, new) -> ChangeReport: what changed between two revisions of an article.

The one entry point of the diff engine. It aligns the sentences (align), reads the figure
changes from the aligned sentences (figchanges), diffs the statements (statements), and
diffs the edited sentences and the whole text word by word (textdiff). Pure: no I/O.
"""

from __future__ import annotations

import re

from tracker.engine.align import Pair, align, split_article
from tracker.engine.figures.changes import figure_changes
from tracker.engine.model import Article, ChangeReport, HeadlineChange, SentenceChange
from tracker.engine.statements.changes import changes as statement_changes
from tracker.engine.statements.read import extract as extract_statements
from tracker.engine.text import canonical, fingerprint
from tracker.engine.textdiff import paragraph_diff, word_diff


def compare(old: Article, new: Article) -> ChangeReport:
    if fingerprint(old) == fingerprint(new):
        return ChangeReport()
    headline = None
    if _headline_words(old.headline) != _headline_words(new.headline):
        headline = HeadlineChange(old.headline, new.headline, word_diff(old.headline, new.headline))
    old_sentences = split_article(old)
    new_sentences = split_article(new)
    pairs = align(old_sentences, new_sentences)
    figures = figure_changes(pairs, len(old_sentences), len(new_sentences))
    added, removed, reworded = statement_changes(
        extract_statements(old),
        extract_statements(new),
        [s.text for s in old_sentences],
        [s.text for s in new_sentences],
        {(f.old.sentence, f.new.sentence) for f in figures if f.old is not None and f.new is not None},
    )
    return ChangeReport(
        headline=headline,
        figures=tuple(figures),
        statements_added=tuple(added),
        statements_removed=tuple(removed),
        statements_reworded=tuple(reworded),
        sentences=tuple(_sentence_change(p) for p in pairs if p.kind != "unchanged"),
        diff=paragraph_diff(old.paragraphs, new.paragraphs),
    )


def _sentence_change(pair: Pair) -> SentenceChange:
    old = tuple(s.text for s in pair.old)
    new = tuple(s.text for s in pair.new)
    diff = word_diff(" ".join(old), " ".join(new)) if pair.kind in ("edited", "split", "merged") else ()
    return SentenceChange(pair.kind, old, new, diff)  # type: ignore[arg-type]


def _headline_words(headline: str) -> list[str]:
    """A headline's words: "Floods Force 12,000 From Homes" and "Floods force 12,000 from homes!"
    are one headline restyled, not a headline that moved."""
    return re.findall(r"\w+", canonical(headline).casefold())
