"""Fetching against a real local HTTP server (tracker.fetch, tracker.urls)."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.fixtures.web import Reply, Web, html
from tracker.config import Settings
from tracker.errors import (
    BlockedAddress,
    FetchTimeout,
    Gone,
    HTTPStatusError,
    InvalidURL,
    NotAnArticle,
    TooLarge,
    TooManyRedirects,
)
from tracker.fetch import Fetched, Fetcher, NotModified, decode_body
from tracker.urls import normalise_url

PAGE = "<html><body><article><h1>T</h1><p>Some text.</p></article></body></html>"


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def fetcher(sleeps: list[float]) -> Fetcher:
    settings = Settings(
        allow_private_networks=True,
        read_timeout=0.3,
        connect_timeout=1,
        total_timeout=5,
        max_bytes=200_000,
        retries=2,
        max_redirects=3,
    )
    f = Fetcher(settings, sleep=sleeps.append)
    yield f  # type: ignore[misc]
    f.close()


def test_200_then_304_with_etag(web: Web, fetcher: Fetcher) -> None:
    def page(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"v1"':
            return Reply(304, "", {"ETag": '"v1"'})
        return html(PAGE, ETag='"v1"', **{"Last-Modified": "Tue, 24 Nov 2026 08:00:00 GMT"})

    url = web.route("/a", page)
    first = fetcher.get(url)
    assert isinstance(first, Fetched) and first.etag == '"v1"' and "Some text" in first.text
    again = fetcher.get(url, etag=first.etag, last_modified=first.last_modified)
    assert isinstance(again, NotModified)
    assert web.requests[-1][1]["if-none-match"] == '"v1"'
    assert web.requests[-1][1]["if-modified-since"] == "Tue, 24 Nov 2026 08:00:00 GMT"


def test_retries_5xx_then_succeeds(web: Web, fetcher: Fetcher, sleeps: list[float]) -> None:
    url = web.route("/flaky", [Reply(500), Reply(503), html(PAGE)])
    assert isinstance(fetcher.get(url), Fetched)
    assert web.hits["/flaky"] == 3 and len(sleeps) == 2


def test_retry_after_is_honoured_or_handed_to_the_scheduler(web: Web, fetcher: Fetcher, sleeps: list[float]) -> None:
    url = web.route("/slowdown", [Reply(429, "", {"Retry-After": "2"}), html(PAGE)])
    assert isinstance(fetcher.get(url), Fetched)
    assert sleeps == [2.0]
    url = web.route("/later", Reply(429, "", {"Retry-After": "3600"}))
    with pytest.raises(HTTPStatusError) as info:
        fetcher.get(url)
    assert info.value.status == 429 and info.value.retry_after == 3600
    assert web.hits["/later"] == 1


def test_persistent_5xx_and_4xx(web: Web, fetcher: Fetcher) -> None:
    with pytest.raises(HTTPStatusError, match="503") as info:
        fetcher.get(web.route("/down", Reply(503)))
    assert info.value.status == 503 and web.hits["/down"] == 3
    with pytest.raises(HTTPStatusError, match="403"):
        fetcher.get(web.route("/forbidden", Reply(403)))
    assert web.hits["/forbidden"] == 1  # no retry on 4xx


@pytest.mark.parametrize("status", [404, 410])
def test_gone(web: Web, fetcher: Fetcher, status: int) -> None:
    with pytest.raises(Gone) as info:
        fetcher.get(web.route("/gone", Reply(status)))
    assert info.value.status == status


def test_read_timeout(web: Web, fetcher: Fetcher) -> None:
    with pytest.raises(FetchTimeout):
        fetcher.get(web.route("/slow", Reply(200, PAGE, {"Content-Type": "text/html"}, delay=1.0)))


def test_too_large_by_header_and_by_stream(web: Web, fetcher: Fetcher) -> None:
    big = "<html><body>" + "x" * 300_000 + "</body></html>"
    with pytest.raises(TooLarge, match="200,000"):
        fetcher.get(web.route("/big", html(big)))
    with pytest.raises(TooLarge):
        fetcher.get(web.route("/stream", Reply(200, big, {"Content-Type": "text/html"}, chunked=True)))


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (Reply(200, b"\x89PNG\r\n\x1a\n....", {"Content-Type": "image/png"}), "image/png"),
        (Reply(200, b"\x00\x01\x02\x03binary", {"Content-Type": "application/octet-stream"}), "octet-stream"),
        (Reply(200, b"%PDF-1.7 ...", {"Content-Type": "text/html"}), "binary"),
    ],
)
def test_not_an_article(web: Web, fetcher: Fetcher, reply: Reply, message: str) -> None:
    with pytest.raises(NotAnArticle, match=message):
        fetcher.get(web.route("/file", reply))


def test_redirects_followed_within_the_limit(web: Web, fetcher: Fetcher) -> None:
    web.route("/r1", Reply(302, "", {"Location": "/r2"}))
    web.route("/r2", Reply(301, "", {"Location": web.url("/final")}))
    web.route("/final", html(PAGE))
    got = fetcher.get(web.url("/r1"))
    assert isinstance(got, Fetched) and got.final_url.endswith("/final")
    for i in range(6):
        web.route(f"/loop{i}", Reply(302, "", {"Location": f"/loop{i + 1}"}))
    with pytest.raises(TooManyRedirects):
        fetcher.get(web.url("/loop0"))


def test_private_addresses_refused_unless_allowed(web: Web) -> None:
    guarded = Fetcher(Settings(allow_private_networks=False), resolver=lambda host, port: ["127.0.0.1"])
    try:
        with pytest.raises(BlockedAddress, match="TRACKER_ALLOW_PRIVATE_NETWORKS"):
            guarded.get("https://public-looking.example/news")
        with pytest.raises(BlockedAddress, match="loopback"):
            guarded.get(web.route("/a", html(PAGE)))
        assert web.hits["/a"] == 0
    finally:
        guarded.close()


def test_redirect_to_a_private_address_is_refused(web: Web) -> None:
    # the first host looks public (resolver), then redirects into the loopback network
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34"] if host == "news.example" else ["127.0.0.1"]

    guarded = Fetcher(Settings(allow_private_networks=False), resolver=resolver)
    try:
        from tracker.fetch import check_address

        check_address("https://news.example/a", resolver)  # public: passes
        with pytest.raises(BlockedAddress):
            check_address(web.url("/internal"), resolver)
        with pytest.raises(BlockedAddress):
            check_address("http://[::ffff:127.0.0.1]/x", resolver=lambda h, p: ["::ffff:127.0.0.1"])
    finally:
        guarded.close()


def test_charsets(web: Web, fetcher: Fetcher) -> None:
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 in Bogot\xe1</p></body></html>'
    got = fetcher.get(web.route("/latin", Reply(200, latin.encode("latin-1"), {"Content-Type": "text/html"})))
    assert isinstance(got, Fetched) and "Café in Bogotá" in got.text
    assert decode_body("naïve".encode()) == "naïve"
    assert decode_body(b"\xff\xfeh\x00i\x00") == "hi"


def test_gzip_body(web: Web, fetcher: Fetcher) -> None:
    body = gzip.compress(PAGE.encode())
    got = fetcher.get(web.route("/gz", Reply(200, body, {"Content-Type": "text/html", "Content-Encoding": "gzip"})))
    assert isinstance(got, Fetched) and got.body.decode() == PAGE


@pytest.mark.parametrize(
    "url", ["", "ftp://x.example/a", "example.com/no-scheme", "https://u:p@x.example/", "https:// space.example/"]
)
def test_invalid_urls_never_touch_the_network(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(InvalidURL):
        fetcher.get(url)


@given(
    st.from_regex(
        r"https?://[a-z]{1,10}\.example(:[0-9]{1,4})?(/[a-z0-9]{0,8}){0,3}(\?[a-z]{1,4}=[a-z0-9]{0,4}(&utm_source=x)?)?(#[a-z]{0,5})?",
        fullmatch=True,
    )
)
def test_normalising_is_idempotent(url: str) -> None:
    once = normalise_url(url)
    assert normalise_url(once) == once
    assert "utm_" not in once and "#" not in once
