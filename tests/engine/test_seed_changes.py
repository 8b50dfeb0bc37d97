"""The diff engine on every consecutive pair of the seed stories, against what story.json says
a careful editor would report (figures, statements, headline), scored as ../shared/eval does."""

from __future__ import annotations

from typing import Any

import pytest

from seeds import SeedStory, load_stories
from tracker.engine.compare import compare
from tracker.engine.model import ChangeReport
from tracker.fetch.extract import article_from_html

PAIRS = [(s, c) for s in load_stories() for c in s.changes]


def _norm(text: str | None) -> str:
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})
    text = (text or "").translate(table).lower().replace('"', " ").replace("'", "")
    return " ".join(text.split())


def _report(story: SeedStory, change: dict[str, Any]) -> ChangeReport:
    old = article_from_html(story.revisions[change["from"] - 1].read_bytes())
    new = article_from_html(story.revisions[change["to"] - 1].read_bytes())
    return compare(old, new)


@pytest.mark.parametrize(("story", "change"), PAIRS, ids=[f"{s.slug}-{c['from']}-{c['to']}" for s, c in PAIRS])
def test_seed_change(story: SeedStory, change: dict[str, Any]) -> None:
    report = _report(story, change)
    found = [(c.old.value, c.new.value, c.label) for c in report.changed_figures]  # type: ignore[union-attr]
    for gold in change.get("figures", []):
        match = [f for f in found if f[0] == gold["old"] and f[1] == gold["new"]]
        assert match, f"figure {gold['old']} -> {gold['new']} not reported; got {found}"
        label = match[0][2]
        assert any(_norm(w) in _norm(label) for w in gold["about"]), f"label {label!r} lacks {gold['about']}"
    assert len(found) == len(change.get("figures", [])), f"extra figure changes: {found}"
    for side, reported in (("added", report.statements_added), ("removed", report.statements_removed)):
        wanted = change.get(f"statements_{side}", [])
        texts = [(_norm(s.text), _norm(s.speaker)) for s in reported]
        for gold in wanted:
            hit = [t for t in texts if _norm(gold["quote"]) in t[0]]
            assert hit, f"{side} statement {gold['quote']!r} not reported"
            if gold.get("speaker"):
                assert _norm(gold["speaker"]) in hit[0][1], f"speaker {hit[0][1]!r} should name {gold['speaker']!r}"
        assert len(texts) == len(wanted), f"extra {side} statements: {[t[0][:60] for t in texts]}"
    assert (report.headline is not None) == bool(change.get("headline_changed"))
    if change.get("noise_only"):
        assert report.is_empty
