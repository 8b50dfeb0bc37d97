"""The seed stories and the server that replays them: pages, revisions per mode, ETags, feed, control."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from functools import cache
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from seeds import ROOT, SeedStory, load_stories
from tests.fixtures.seeds import exchange
from tracker.demo.server import SeedServer
from tracker.errors import UsageError

STORIES = load_stories()
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@cache
def article(path: Path) -> tuple[str, tuple[str, ...]]:
    """The headline and body paragraphs of a seed page (paragraphs in asides are promos, not text)."""
    tree = lxml.html.fromstring(path.read_bytes(), parser=lxml.html.HTMLParser(encoding="utf-8"))
    h1 = tree.xpath("//article//h1")
    paragraphs = tree.xpath("//article//p[not(ancestor::aside)]")
    flat = [" ".join(el.text_content().split()) for el in [*h1[:1], *paragraphs]]
    return (flat[0] if h1 else ""), tuple(flat[1:] if h1 else flat)


def plain(path: Path) -> str:
    headline, paragraphs = article(path)
    return " ".join([headline, *paragraphs]).translate(QUOTES).lower()


def story(slug: str) -> SeedStory:
    return next(s for s in STORIES if s.slug == slug)


def pairs() -> list[tuple[SeedStory, dict[str, Any]]]:
    return [(s, c) for s in STORIES for c in s.changes]


# -- the seeds -----------------------------------------------------------------------------


def test_the_seeds_are_four_or_more_stories_of_five_to_seven_whole_pages() -> None:
    assert len(STORIES) >= 4
    assert [s.slug for s in STORIES] == sorted(s.slug for s in STORIES)
    for s in STORIES:
        assert 5 <= len(s.revisions) <= 7, s.slug
        assert s.path.startswith("/news/") and s.path.endswith("/" + s.slug)
        assert [c["from"] for c in s.changes] == list(range(1, len(s.revisions)))
        assert [c["to"] for c in s.changes] == list(range(2, len(s.revisions) + 1))
        for page in s.revisions:
            assert page.parent == ROOT / s.slug
            assert 15_000 <= page.stat().st_size <= 60_000, page


@pytest.mark.parametrize("seed", STORIES, ids=lambda s: s.slug)
def test_every_revision_has_a_headline_and_at_least_eight_paragraphs(seed: SeedStory) -> None:
    for page in seed.revisions:
        headline, paragraphs = article(page)
        assert headline, page
        assert len(paragraphs) >= 8, page


@pytest.mark.parametrize("seed", STORIES, ids=lambda s: s.slug)
def test_a_noise_only_pair_keeps_the_article_while_the_page_changes(seed: SeedStory) -> None:
    noise = [c for c in seed.changes if c["noise_only"]]
    assert noise, f"{seed.slug} needs a pair where only boilerplate changes"
    for c in noise:
        old, new = seed.revisions[c["from"] - 1], seed.revisions[c["to"] - 1]
        assert article(old) == article(new)
        assert old.read_bytes() != new.read_bytes()


@pytest.mark.parametrize(("seed", "change"), pairs(), ids=lambda x: x.slug if isinstance(x, SeedStory) else "")
def test_each_change_entry_agrees_with_its_pages(seed: SeedStory, change: dict[str, Any]) -> None:
    old, new = seed.revisions[change["from"] - 1], seed.revisions[change["to"] - 1]
    if not change["noise_only"]:
        assert article(old) != article(new)
    assert change["headline_changed"] == (article(old)[0] != article(new)[0])
    for added in change["statements_added"]:
        quote = added["quote"].translate(QUOTES).lower()
        assert quote in plain(new) and quote not in plain(old), added
    for removed in change["statements_removed"]:
        quote = removed["quote"].translate(QUOTES).lower()
        assert quote in plain(old) and quote not in plain(new), removed


def test_one_story_carries_a_correction_back_to_an_earlier_article() -> None:
    reverts = [
        (s.slug, k)
        for s in STORIES
        for k in range(1, len(s.revisions) - 1)
        if article(s.revisions[k + 1]) == article(s.revisions[k - 1]) != article(s.revisions[k])
    ]
    assert reverts


def test_the_seeds_package_does_not_import_tracker() -> None:
    code = "import sys, seeds; seeds.load_stories(); print(sorted(m for m in sys.modules if m.startswith('tracker')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT.parent)
    assert out.stdout.strip() == "[]"


# -- revisions per mode ----------------------------------------------------------------------


def test_manual_mode_moves_a_story_only_when_told(seed_server: SeedServer) -> None:
    seed = STORIES[0]
    url = seed_server.story_url(seed.slug)
    assert exchange(url).body == exchange(url).body == seed.revisions[0].read_bytes()
    seed_server.set_revision(seed.slug, 3)
    assert exchange(url).body == seed.revisions[2].read_bytes()
    seed_server.advance(seed.slug)
    assert seed_server.revision(seed.slug) == 4
    seed_server.set_revision(seed.slug, len(seed.revisions))
    seed_server.advance()
    assert seed_server.revision(seed.slug) == len(seed.revisions)
    assert seed_server.revision(STORIES[1].slug) == 2
    assert seed_server.requests[seed.path] == 3


def test_request_mode_serves_each_revision_once_then_stays_on_the_last() -> None:
    seed = STORIES[0]
    with SeedServer(stories=[seed.slug], advance="request") as server:
        url = server.story_url(seed.slug)
        first = exchange(url)
        assert server.revision(seed.slug) == 2
        etag = exchange(url, "HEAD").headers["etag"]
        assert exchange(url, headers={"If-None-Match": etag}).status == 304
        assert server.revision(seed.slug) == 2  # neither the HEAD nor the 304 moved it
        bodies = [exchange(url).body for _ in range(len(seed.revisions))]
    assert first.body == seed.revisions[0].read_bytes()
    assert bodies == [p.read_bytes() for p in seed.revisions[1:]] + [seed.revisions[-1].read_bytes()]


def test_interval_mode_reads_the_injected_clock_at_request_time() -> None:
    now = [100.0]
    seed = STORIES[0]
    number = {p.read_bytes(): n for n, p in enumerate(seed.revisions, 1)}
    with SeedServer(stories=[seed], advance="interval", every=10.0, clock=lambda: now[0]) as server:
        url = server.story_url(seed.slug)
        seen = []
        for t in (100.0, 109.9, 110.0, 125.0, 1_000.0):
            now[0] = t
            seen.append(number[exchange(url).body])
        server.set_revision(seed.slug, 2)
        assert server.revision(seed.slug) == 2
        now[0] += 10.0
        assert server.revision(seed.slug) == 3
        server.advance(seed.slug)
        assert json.loads(exchange(server.url + "/_control/state").body)["stories"][seed.slug]["revision"] == 4
    assert seen == [1, 1, 2, 3, len(seed.revisions)]


# -- HTTP ----------------------------------------------------------------------------------


def test_story_pages_carry_an_etag_and_answer_conditional_requests(seed_server: SeedServer) -> None:
    url = seed_server.story_url(STORIES[0].slug)
    first = exchange(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert first.headers["content-type"] == "text/html; charset=utf-8"
    parsedate_to_datetime(modified)
    again = exchange(url, headers={"If-None-Match": etag})
    assert (again.status, again.body, again.headers["etag"]) == (304, b"", etag)
    assert exchange(url, headers={"If-None-Match": '"something-else"'}).status == 200
    assert exchange(url, headers={"If-Modified-Since": modified}).status == 304
    assert exchange(url, headers={"If-Modified-Since": "Mon, 02 Jan 2006 10:00:00 GMT"}).status == 200
    seed_server.advance(STORIES[0].slug)
    moved = exchange(url, headers={"If-None-Match": etag})
    assert moved.status == 200 and moved.headers["etag"] != etag


def test_control_endpoints_set_advance_and_report(seed_server: SeedServer) -> None:
    slug = STORIES[0].slug
    state = json.loads(exchange(f"{seed_server.url}/_control/set?slug={slug}&rev=2").body)
    assert state["stories"][slug]["revision"] == 2
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    posted = exchange(seed_server.url + "/_control/set", "POST", form, f"slug={slug}&rev=4".encode())
    assert json.loads(posted.body)["stories"][slug]["revision"] == 4
    exchange(f"{seed_server.url}/_control/advance?slug={slug}", "POST")
    exchange(f"{seed_server.url}/_control/advance")
    state = json.loads(exchange(seed_server.url + "/_control/state").body)
    assert state["stories"][slug]["revision"] == 6
    assert all(s["revision"] == 2 for k, s in state["stories"].items() if k != slug)
    assert state["advance"] == "manual"
    assert exchange(f"{seed_server.url}/_control/set?slug=nope&rev=1").status == 404
    assert exchange(f"{seed_server.url}/_control/set?slug={slug}&rev=99").status == 400
    assert exchange(f"{seed_server.url}/_control/set?slug={slug}").status == 400
    assert exchange(f"{seed_server.url}/_control/rewind").status == 404


def test_the_index_links_every_story(seed_server: SeedServer) -> None:
    tree = lxml.html.fromstring(exchange(seed_server.url + "/").body)
    assert set(tree.xpath("//a/@href")) >= {s.path for s in STORIES}


def test_the_feed_is_rss_with_the_current_headline_of_every_story(seed_server: SeedServer) -> None:
    slug = next(s.slug for s in STORIES if s.changes[0]["headline_changed"])
    seed_server.set_revision(slug, 2)
    response = exchange(seed_server.url + "/feed.xml")
    assert response.headers["content-type"].startswith("application/rss+xml")
    items = ET.fromstring(response.body).findall("./channel/item")
    by_link = {i.findtext("link"): i for i in items}
    assert set(by_link) == {seed_server.story_url(s.slug) for s in STORIES}
    for item in items:
        assert item.findtext("guid") == item.findtext("link")
        parsedate_to_datetime(item.findtext("pubDate") or "")
    assert by_link[seed_server.story_url(slug)].findtext("title") == article(story(slug).revisions[1])[0]


def test_unknown_paths_are_404_and_query_strings_are_ignored_on_stories(seed_server: SeedServer) -> None:
    assert exchange(seed_server.url + "/news/nothing-here").status == 404
    tracked = exchange(seed_server.story_url(STORIES[0].slug) + "?utm_source=feed")
    assert tracked.body == STORIES[0].revisions[0].read_bytes()


def test_the_server_refuses_what_it_cannot_do() -> None:
    with pytest.raises(UsageError, match="loopback"):
        SeedServer(host="0.0.0.0")
    with pytest.raises(UsageError, match="mode"):
        SeedServer(advance="hourly")
    with pytest.raises(UsageError, match="no seed story"):
        SeedServer(stories=["no-such-story"])
    with SeedServer(stories=[STORIES[0].slug]) as server:
        with pytest.raises(UsageError, match="revisions 1 to"):
            server.set_revision(STORIES[0].slug, 0)
        with pytest.raises(UsageError, match="no seed story"):
            server.story_url(STORIES[1].slug)


def test_serve_forever_prints_every_story_url_and_stops_on_ctrl_c() -> None:
    code = "from tracker.demo.server import serve_forever; serve_forever('127.0.0.1', 0, 'request', 30.0)"
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT.parent
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(len(STORIES) + 1)]
        urls = [line.split()[0] for line in lines[1:]]
        assert [u.split("/", 3)[3] for u in urls] == [s.path.lstrip("/") for s in STORIES]
        assert exchange(urls[0]).body == STORIES[0].revisions[0].read_bytes()
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=10)
    assert proc.returncode == 0
    assert "Stopped" in out
