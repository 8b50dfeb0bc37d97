"""The digest says the net change over its period: a figure from its first to its last value
(not each step), statements without doubled quote marks, and the same in its JSON. On the dam
breach seed story, stored version by version from a real local server."""

from __future__ import annotations

import json

import pytest

from tests.reports.test_reports import run_cli, story_db  # noqa: F401  (the module's stored story)


def test_the_digest_shows_the_net_change_of_each_figure(
    story_db: tuple[str, str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _ = story_db
    text = run_cli(capsys, db, "digest", "--since", "3650d")
    assert "people rescued from flooded homes: 9 -> 64 (+55" in text, text
    assert "9 -> 27" not in text and "27 -> 64" not in text
    assert "““" not in text and "””" not in text and "“" in text


def test_the_digest_json_carries_figures_and_statements(
    story_db: tuple[str, str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, _ = story_db
    data = json.loads(run_cli(capsys, db, "digest", "--since", "3650d", "--format", "json"))
    (story,) = data["stories"]
    rescued = [f for f in story["figures"] if f["label"] == "people rescued from flooded homes"]
    assert [(f["old"], f["new"]) for f in rescued] == [(9, 64)]
    assert story["statements"]["added"] and all(s["text"] and "speaker" in s for s in story["statements"]["added"])
    assert [v["version"] for v in story["versions"]] == sorted(v["version"] for v in story["versions"])


def test_the_markdown_digest_escapes_the_articles_html() -> None:
    from datetime import UTC, datetime

    from tracker.engine.compare import compare
    from tracker.engine.model import Article
    from tracker.reports.digest import DigestItem, render_digest

    old = Article("Budget vote", ("The council met on Monday.",))
    new = Article(
        "Budget vote",
        ("The council met on Monday.", "“Vote <img src=x onerror=alert(1)> now,” said councillor Ada Brent."),
    )
    at = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    item = DigestItem(1, "https://news.example/vote", "Vote <script>x()</script>", 2, at, compare(old, new), "1 new")
    md = render_digest([item], at, "markdown")
    assert "<script" not in md and "<img" not in md and "&lt;script>" in md and "&lt;img" in md
