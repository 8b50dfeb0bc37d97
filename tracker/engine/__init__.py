"""The diff engine: pure functions from two articles to a ChangeReport.

`compare(old, new)` (tracker.engine.compare) is the entry point. Below it: `text`
(normalising, segmenting, content words), `align` (pairing paragraphs and sentences),
`textdiff` (word and paragraph diffs on diff-match-patch), `model` (the frozen
dataclasses every other wing reads), `lexicon` (the word lists), `memo` (the caches and
their reset), and two parts:

- `figures/`: scan -> exclude -> read -> labels -> changes (pairing old and new figures)
- `statements/`: quotes -> attribution -> names/speakers -> read -> changes

The engine does no I/O and imports no other wing of tracker, nor storage, SQLAlchemy,
httpx or APScheduler; the import contracts in `.importlinter` hold it to that, so
`tracker compare` starts in a tenth of a second.
"""
