"""Export and import: a round trip from each backend into a fresh SQLite file loses nothing;
URL lists and OPML become stories and feeds; figures as CSV, reports as JSON Lines."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from storage import Store
from tests.alerts.test_alerts import T0, store_change
from tracker.alerts.filters import Filter
from tracker.alerts.outbox import fan_out
from tracker.cli import main


@pytest.fixture(autouse=True)
def _no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "none.toml").write_text("")
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.delenv("TRACKER_DATABASE_URL", raising=False)


def _tracker(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def _everything(store: Store) -> dict[str, Any]:
    """What a database holds of its stories and feeds, keyed by URL (ids may differ)."""
    tags = store.story_tags()
    feed_tags = store.feed_tags()
    skip = {"id", "next_check_at", "feed_id", "etag", "last_modified", "body_hash", "last_outcome"}
    return {
        "stories": {
            s.url: (
                {k: v for k, v in dataclasses.asdict(s).items() if k not in skip},
                tags.get(s.id, ()),
                store.story_archive(s.id),
            )
            for s in store.list_stories()
        },
        "feeds": {f.url: (f.match, f.interval_seconds, feed_tags.get(f.id, ())) for f in store.list_feeds()},
    }


def test_an_export_imported_into_sqlite_reproduces_everything(
    store: Store, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = store_change(store, "https://news.example/floods")
    store.update_story(first, title="Alder Crossing floods", every_seconds=300.0, accept_short=True)
    store.update_story(first, select_css="article", ignore_css=".comments, .ticker")
    store.tag_story(first, add=["floods", "live"])
    second, _ = store.add_story("https://news.example/not-yet", T0, interval_seconds=120, next_check_at=T0)
    store.update_story(second.id, status="paused", active=False)
    feed, _ = store.add_feed("https://news.example/rss", T0, match="flood", interval_seconds=600, next_check_at=T0)
    store.set_feed_tags(feed.id, ["wires"])
    exported = tmp_path / "export.json"
    _tracker(capsys, "export", "--db", database_url, "-o", str(exported))

    target = f"sqlite:///{tmp_path / 'target.db'}"
    out = _tracker(capsys, "import", str(exported), "--db", target)
    assert out.startswith("imported 2 stor(ies), 2 version(s), 1 feed(s) from a tracker export")
    with Store.open(target) as copy:
        assert _everything(copy) == _everything(store)
        # the copy's own export is the same document (but for when it was made)
        again = tmp_path / "again.json"
        _tracker(capsys, "export", "--db", target, "-o", str(again))
        one, two = json.loads(exported.read_text()), json.loads(again.read_text())
        assert {**one, "exported_at": None} == {**two, "exported_at": None}
        # importing again adds nothing; and an import is history, not news: no alert
        copy.add_subscription("email", "desk@example.org", {}, Filter().to_dict(), T0 - timedelta(days=1))
        assert "already here" in _tracker(capsys, "import", str(exported), "--db", target)
        assert fan_out(copy, T0) == 0 and len(copy.list_stories()) == 2


def test_figures_as_csv_and_reports_as_json_lines(
    store: Store, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    story = store_change(store, "https://news.example/floods")
    rows = list(
        csv.DictReader(io.StringIO(_tracker(capsys, "export", str(story), "--figures-csv", "--db", database_url)))
    )
    displaced = [(r["version"], r["value"], r["text"]) for r in rows if "displaced" in r["figure"]]
    assert displaced == [("1", "14800.0", "At least 14,800"), ("2", "15000.0", "At least 15,000")]
    (line,) = _tracker(capsys, "export", "--reports", "--db", database_url).splitlines()
    record = json.loads(line)
    assert record["story"] == story and record["version"] == 2 and "14,800 -> 15,000" in record["summary"]
    assert record["report"]["figures"][0]["new"]["value"] == 15000


def test_a_url_list_and_an_opml_file_become_stories_and_feeds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'import.db'}"
    urls = tmp_path / "desk.txt"
    urls.write_text("# the harbour fire\nhttps://news.example/fire  live page\n\nhttps://news.example/fire-2\n")
    assert "imported 2 stor(ies) from a list of URLs" in _tracker(
        capsys, "import", str(urls), "--tag", "fire", "--db", db
    )
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Desk</title></head><body>'
        '<outline text="Coast"><outline text="Coast Post" type="rss" xmlUrl="https://coast.example/rss"/></outline>'
        '<outline text="Wires" type="rss" xmlUrl="https://wires.example/feed.xml"/></body></opml>'
    )
    assert "imported 2 feed(s) from an OPML file" in _tracker(capsys, "import", str(opml), "--tag", "coast", "--db", db)
    with Store.open(db) as store:
        assert [s.url for s in store.list_stories()] == ["https://news.example/fire", "https://news.example/fire-2"]
        assert set(store.story_tags().values()) == {("fire",)}
        assert [f.url for f in store.list_feeds()] == ["https://coast.example/rss", "https://wires.example/feed.xml"]
        assert set(store.feed_tags().values()) == {("coast",)}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("https://news.example/a\nnot a url\n", "line 2: "),
        ('{"stories": []}', "must be a `tracker export`"),
        ('{"format": "tracker-export", "stories": [{"title": "no url"}]}', "the export cannot be read"),
        ("<opml><body><outline xmlUrl='https://x.example/rss'>", "not XML that can be read"),
    ],
)
def test_a_file_that_cannot_be_imported_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    db = f"sqlite:///{tmp_path / 'import.db'}"
    bad = tmp_path / "bad.txt"
    bad.write_text(content)
    assert main(["import", str(bad), "--db", db]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    with Store.open(db) as store:
        assert store.list_stories() == [] and store.list_feeds() == []
