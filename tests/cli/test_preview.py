"""`tracker try URL`: a page read once, as a first check would, against real pages on loopback;
it stores nothing and creates no database."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.fixtures.web import Reply, Web, html

ARTICLE = [
    "Ferry crossings to Skerra Island were halted for a second day as gales reached 70 mph, the harbour office said.",
    "About 1,200 passengers are waiting on the mainland, and 14 freight lorries are parked along the quay.",
    "“We will not sail until the swell drops below four metres,” said Orla Brennick, a captain with the island line.",
    "Forecasters expect the wind to ease by Thursday evening, when a first sailing may be attempted.",
]
# a reader thread inside the article's container: extraction alone takes it for article text
THREAD = [f"Reader {n}: my cousin is stuck on the island and nobody will answer the phone line." for n in range(12)]


def _page(paragraphs: Sequence[str], thread: Sequence[str] = ()) -> str:
    posts = "".join(f"<p>{p}</p>" for p in thread)
    return (
        "<!doctype html><html><head><title>Gales halt Skerra ferries | Coast Post</title>"
        '<meta name="author" content="Mairead Tolan">'
        '<meta property="article:published_time" content="2026-12-01T07:30:00Z"></head><body>'
        "<article><h1>Gales halt Skerra ferries</h1>"
        f"<div class='story-body'>{''.join(f'<p>{p}</p>' for p in paragraphs)}</div>"
        f"<div class='thread'>{posts}</div></article></body></html>"
    )


def test_try_reads_what_tracking_would_and_creates_no_database(
    db: str, web: Web, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web.route("/ferries", html(_page(ARTICLE)))
    code, out, err = run(capsys, "try", url)
    assert code == 0, err
    for expected in (
        r"^Gales halt Skerra ferries$",
        r"by Mairead Tolan · published 2026-12-01",
        r"^\d+ words, 4 paragraphs · HTTP 200",
        r"^  Ferry crossings to Skerra Island",
        r"more paragraphs",
        r"Figures \(\d+\)",
        r"passengers.*: About 1,200",
        r"Statements \(\d+\)",
        r"Brennick[^:\n]*: “We will not sail",
        r"^Nothing was stored.$",
    ):
        assert re.search(expected, out, re.MULTILINE), (expected, out)
    assert not Path(db.removeprefix("sqlite:///")).exists()
    code, out, _ = run(capsys, "try", url, "--format", "json")
    got = json.loads(out)
    assert code == 0 and got["stored"] is False and got["headline"] == "Gales halt Skerra ferries"
    assert any(f["value"] == 1200 for f in got["figures"])
    assert any("Brennick" in (s["speaker"] or "") for s in got["statements"]) and got["warnings"] == []
    assert not Path(db.removeprefix("sqlite:///")).exists()


def test_try_leaves_an_existing_database_byte_for_byte(made: str, web: Web, capsys: pytest.CaptureFixture[str]) -> None:
    url = web.route("/ferries", html(_page(ARTICLE)))
    assert run(capsys, "add", url)[0] == 0
    path = Path(made.removeprefix("sqlite:///"))
    before = path.read_bytes()
    assert run(capsys, "try", url)[0] == 0
    assert path.read_bytes() == before
    assert web.hits["/ferries"] == 1  # one fetch


def test_select_and_ignore_turn_a_page_with_a_reader_thread_into_the_article(
    db: str, web: Web, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web.route("/ferries", html(_page(ARTICLE, THREAD)))
    _, out, _ = run(capsys, "try", url, "--format", "json")
    assert any("Reader 3" in p for p in json.loads(out)["paragraphs"])  # extraction alone keeps the thread
    for option in (["--ignore", ".thread"], ["--select", ".story-body"]):
        code, out, err = run(capsys, "try", url, *option, "--format", "json")
        got = json.loads(out)
        assert code == 0, err
        assert got["paragraphs"] == ARTICLE, option
    code, _, err = run(capsys, "try", url, "--select", "div[")
    assert code == 1 and "--select 'div[' is not a CSS selector" in err
    code, _, err = run(capsys, "try", url, "--select", ".no-such-box")
    assert code == 1 and "matches nothing on the page" in err


@pytest.mark.parametrize(
    ("body", "warning"),
    [
        (
            "<html><head><title>App</title></head><body><noscript>Please enable JavaScript to view this site."
            "</noscript><div id='root'></div></body></html>",
            "suspect page: a page that needs JavaScript",
        ),
        (
            "<html><body><h1>Page not found</h1><p>Sorry, we couldn't find that page. Try the search box "
            "or go back to the front page of the Coast Post.</p></body></html>",
            "suspect page: a 'page not found' page",
        ),
    ],
)
def test_try_warns_of_a_suspect_page(
    db: str, web: Web, capsys: pytest.CaptureFixture[str], body: str, warning: str
) -> None:
    url = web.route("/page", html(body))
    _, out, _ = run(capsys, "try", url)
    assert f"! {warning}" in out and "Nothing was stored." in out
    assert not Path(db.removeprefix("sqlite:///")).exists()


def test_try_goes_through_the_same_guard(
    db: str, web: Web, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web.route("/ferries", html(_page(ARTICLE)))
    monkeypatch.setenv("TRACKER_ALLOW_PRIVATE_NETWORKS", "0")
    code, out, err = run(capsys, "try", url)
    assert code == 1 and out == "" and "allow_private_networks" in err and web.hits["/ferries"] == 0
    monkeypatch.setenv("TRACKER_ALLOW_PRIVATE_NETWORKS", "1")
    monkeypatch.setenv("TRACKER_MAX_BYTES", "2000")
    web.route("/big", html(_page(ARTICLE * 20)))
    code, out, err = run(capsys, "try", web.base + "/big")
    assert code == 1 and out == "" and err.startswith("tracker: error:")


def test_try_warns_when_robots_txt_asks_not_to_fetch_the_page(
    db: str, web: Web, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web.route("/ferries", html(_page(ARTICLE)))
    web.route("/robots.txt", Reply(200, "User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}))
    _, out, _ = run(capsys, "try", url, "--format", "json")
    assert json.loads(out)["warnings"] == []
    web.route("/robots.txt", Reply(200, "User-agent: tracker\nDisallow: /ferries\n", {"Content-Type": "text/plain"}))
    code, out, _ = run(capsys, "try", url)
    assert code == 0 and "! the site's robots.txt asks tracker not to fetch this page" in out


def test_a_304_to_a_plain_request_is_one_error_line(db: str, web: Web, capsys: pytest.CaptureFixture[str]) -> None:
    url = web.route("/broken", Reply(304))
    code, out, err = run(capsys, "try", url)
    assert code == 1 and out == "" and "answered 304 Not Modified" in err and err.count("\n") == 1
