"""Reports on a seed story stored version by version: every format pinned by a snapshot (read by a
person), figure timelines, the digest, and the HTML report opened in headless Chromium."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import Store
from tests.fixtures.png import colours
from tracker.cli import main
from tracker.config import Settings
from tracker.demo.server import SeedServer
from tracker.fetch.client import Fetcher
from tracker.fetch.workers import read_page
from tracker.service.check import Checker
from tracker.service.schedule import Policy

SNAPSHOTS = Path(__file__).parent / "snapshots"
SLUG = "tamsin-creek-dam-breach"
T0 = datetime(2026, 11, 17, 6, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A SQLite database holding every revision of one seed story, checked an hour apart."""
    db = f"sqlite:///{tmp_path_factory.mktemp('reports') / 'story.db'}"
    settings = Settings(allow_private_networks=True, retries=0)
    with SeedServer(stories=[SLUG], advance="manual") as server, Store.open(db) as store:
        url = server.story_url(SLUG)
        store.add_story(url, T0, interval_seconds=60, next_check_at=T0)
        fetcher = Fetcher(settings)
        checker = Checker(store, fetcher, read_page, Policy(), random.Random(1))
        story = store.find_story(url)
        assert story is not None
        for rev in range(1, len(server.stories[SLUG].revisions) + 1):
            server.set_revision(SLUG, rev)
            outcome = checker.run(store.get_story(story.id), T0 + timedelta(hours=rev - 1))
            assert outcome.ok, outcome.error
        fetcher.close()
        yield db, url


def run_cli(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> str:
    assert main([*args, "--db", db]) == 0
    return capsys.readouterr().out


def snapshot(name: str, text: str, url: str) -> None:
    text = text.replace(url, "http://seeds.test/tamsin-creek-dam-breach")
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; if that is right: UPDATE_SNAPSHOTS=1 pytest"


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_diff_formats(story_db: tuple[str, str], capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    db, url = story_db
    out = run_cli(capsys, db, "diff", "1", "--from", "2", "--to", "3", "--format", fmt, "--color", "never")
    snapshot(f"diff-2-3.{ {'text': 'txt', 'markdown': 'md'}.get(fmt, fmt) }", out, url)


def test_figures_timeline_follows_each_quantity(story_db: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db, url = story_db
    snapshot("figures.txt", run_cli(capsys, db, "figures", "1"), url)
    data = json.loads(run_cli(capsys, db, "figures", "1", "--format", "json"))
    assert data["figures"], "no figure timelines"
    longest = max(data["figures"], key=lambda s: len(s["points"]))
    values = [p["value"] for p in longest["points"]]
    assert len(values) >= 3 and values != sorted(set(values), key=values.index)[:1]
    seqs = [p["version"] for p in longest["points"]]
    assert seqs == sorted(seqs)


def test_history_and_digest(story_db: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = story_db
    history = json.loads(run_cli(capsys, db, "history", "1", "--format", "json"))
    assert [v["version"] for v in history["versions"]] == list(range(1, len(history["versions"]) + 1))
    assert history["versions"][0]["summary"] is None and history["versions"][1]["summary"]
    digest = run_cli(capsys, db, "digest", "--since", "3650d", "--format", "markdown")
    assert digest.count("## ") == 1 and "[story 1]" in digest


@pytest.fixture(scope="module")
def report_html(story_db: tuple[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tracker.cli.reports import load_versions
    from tracker.reports.html import render_story
    from tracker.reports.story import StoryInfo, story_context

    db, url = story_db
    with Store.open(db) as store:
        story = store.find_story(url)
        assert story is not None
        versions = load_versions(store, story)
    html = render_story(story_context(StoryInfo(1, url, versions[-1].headline), versions, generated=T0))
    path = tmp_path_factory.mktemp("html") / "story.html"
    path.write_text(html, encoding="utf-8")
    return path


def test_report_html_snapshot(report_html: Path, story_db: tuple[str, str]) -> None:
    html = report_html.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.replace(story_db[1], "").replace("http://www.w3.org", "")
    snapshot("report.html", html, story_db[1])


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed (make test installs Debian's chromium package)")
    return found


def test_report_renders_in_headless_chromium(report_html: Path, tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed (make test installs Debian's chromium package)")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
    ]
    shot = tmp_path / "report.png"
    proc = subprocess.run(
        [browser, *flags, "--window-size=1100,9000", f"--screenshot={shot}", report_html.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 20_000, proc.stderr[-2000:]
    console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == [], console
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", report_html.as_uri()], capture_output=True, text=True, timeout=120
    ).stdout
    assert '<table class="figures"' in dom and 'class="chart"' in dom and "<ins " in dom and "<del " in dom
    seen = colours(shot)
    assert (215, 245, 221) in seen, "inserted text is not highlighted green on screen"
    assert (251, 225, 225) in seen, "deleted text is not highlighted red on screen"
    assert (11, 79, 138) in seen, "no chart line on screen"
