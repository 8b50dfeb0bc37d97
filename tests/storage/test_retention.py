"""Retention: raw pages older than the cutoff are dropped (each story's latest kept), texts and
reports stay, old suspect pages go, and VACUUM runs, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from storage import Store
from storage.rows import NewSuspect, NewVersion
from tests.alerts.test_alerts import T0, _update, store_change
from tracker.cli import main


def test_old_raw_pages_go_and_texts_reports_and_the_latest_page_stay(store: Store) -> None:
    story = store_change(store, "https://news.example/floods")
    later = T0 + timedelta(days=10)
    page = b"<html><body>" + b"<p>The river fell overnight.</p>" * 200 + b"</body></html>"
    store.save_version(story, 2, NewVersion(later, "c", "Floods", None, None, None, "c", page), None, _update(later))
    store.record_suspect(story, _update(T0), NewSuspect("paywall", "a paywall", 12, b"<html>subscribe</html>"))
    texts = [store.get_version(story, n).text for n in (1, 2, 3)]
    change = store.get_change(story, 2)

    dropped = store.drop_raw_pages(T0 + timedelta(days=1))
    assert (dropped.raw_pages, dropped.suspect_pages) == (2, 1)  # versions 1 and 2; 3 is newer, and the latest
    assert dropped.raw_bytes > 0 and dropped.suspect_bytes > 0
    assert store.get_html(story, 1) == b"" and store.get_html(story, 2) == b""
    assert store.get_html(story, 3) == page
    assert [store.get_version(story, n).text for n in (1, 2, 3)] == texts
    assert store.get_change(story, 2) == change and store.list_suspects(story) == []
    assert [v.html_size for v in store.list_versions(story)][:2] == [len(b"<html>")] * 2  # the size is history
    assert [v.html for v in store.story_archive(story)][:2] == [b"", b""]

    # the latest version keeps its page whatever its age
    assert store.drop_raw_pages(later + timedelta(days=30)).raw_pages == 0
    assert store.get_html(story, 3) == page
    before = store.database_bytes()
    store.vacuum()
    after = store.database_bytes()
    # SQLite rewrites the file; PostgreSQL's plain VACUUM only makes the space reusable (its maps may grow)
    assert after > 0 and (after <= before or store.dialect == "postgresql")


def test_db_vacuum_says_what_it_dropped(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "none.toml").write_text("")
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "none.toml"))
    with Store.open(database_url) as store:
        story = store_change(store, "https://news.example/floods")
    assert main(["db", "vacuum", "--db", database_url]) == 0
    assert capsys.readouterr().out.startswith("raw_retention is 0 (keep every raw page): nothing dropped")
    monkeypatch.setenv("TRACKER_RAW_RETENTION", "1d")
    assert main(["db", "vacuum", "--db", database_url]) == 0
    out = capsys.readouterr().out
    assert out.startswith("dropped 1 raw page(s) older than 1d") and "after VACUUM" in out
    assert main(["show", str(story), "--version", "1", "--html", "--db", database_url]) == 1
    assert "dropped by retention" in capsys.readouterr().err
