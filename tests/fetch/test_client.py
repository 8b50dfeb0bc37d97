"""Fetching (tracker.fetch.client) against a real HTTP server on 127.0.0.1 (tests/fixtures/web.py).

Back-off sleeps go to a recorder, never to time.sleep; the only real waits are the
fractions of a second a timeout test needs. Names other than the test server's are
answered by a resolver table, so no lookup leaves the machine, and the tests that need
a "public" address route its connections to the loopback server (`ToServer`).
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from email.utils import formatdate

import httpcore
import pytest

from tests.fixtures.web import Reply, Web, html
from tracker.config import Settings
from tracker.errors import (
    BadResponse,
    BlockedAddress,
    ConnectError,
    FetchError,
    FetchTimeout,
    Gone,
    HTTPStatusError,
    InvalidURL,
    NotAnArticle,
    TooLarge,
    TooManyRedirects,
)
from tracker.fetch.client import Fetched, Fetcher, NotModified

PAGE = "<html><head><title>T</title></head><body><article><h1>T</h1><p>Some text.</p></article></body></html>"
SETTINGS = Settings(
    allow_private_networks=True,
    connect_timeout=2,
    read_timeout=2,
    total_timeout=5,
    max_bytes=200_000,
    retries=2,
    max_redirects=3,
    user_agent="tracker-test/1.0 (+https://example.org/tracker)",
)
PUBLIC = "93.184.216.34"


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def fetcher(sleeps: list[float]) -> Iterator[Fetcher]:
    with Fetcher(SETTINGS, sleep=sleeps.append) as f:
        yield f


def table(names: dict[str, list[str]], calls: list[str] | None = None) -> Callable[[str, int], list[str]]:
    """A resolver answering from `names` only (and noting each question in `calls`)."""

    def resolve(host: str, port: int) -> list[str]:
        if calls is not None:
            calls.append(host)
        if host not in names:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} is not in the test's table")
        return names[host]

    return resolve


class ToServer(httpcore.SyncBackend):
    """The tests' public internet: every connection, to whatever address, lands on the loopback server."""

    def __init__(self, web: Web) -> None:
        self.port = int(web.server.server_address[1])
        self.connections: list[tuple[str, int]] = []

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        self.connections.append((host, port))
        return super().connect_tcp("127.0.0.1", self.port, timeout, local_address, socket_options)


# --- conditional requests -----------------------------------------------------------------


def test_200_with_etag_then_304_on_the_conditional_request(web: Web, fetcher: Fetcher) -> None:
    def page(headers: dict[str, str]) -> Reply:
        if headers.get("if-none-match") == '"v1"':
            return Reply(304, "", {"ETag": '"v1"'})
        return html(PAGE, ETag='"v1"')

    url = web.route("/a", page)
    first = fetcher.get(url)
    assert isinstance(first, Fetched)
    assert (first.status, first.etag, first.content_type, first.final_url) == (200, '"v1"', "text/html", url)
    assert "Some text." in first.text and first.body == PAGE.encode()
    assert "if-none-match" not in web.requests[0][1]
    again = fetcher.get(url, etag=first.etag)
    assert isinstance(again, NotModified) and again.etag == '"v1"' and again.url == url
    assert web.requests[1][1]["if-none-match"] == '"v1"'


def test_last_modified_conditional(web: Web, fetcher: Fetcher) -> None:
    stamp = "Tue, 24 Nov 2026 08:00:00 GMT"

    def page(headers: dict[str, str]) -> Reply:
        if headers.get("if-modified-since") == stamp:
            return Reply(304)
        return html(PAGE, **{"Last-Modified": stamp})

    url = web.route("/lm", page)
    first = fetcher.get(url)
    assert isinstance(first, Fetched) and first.last_modified == stamp and first.etag is None
    assert isinstance(fetcher.get(url, last_modified=stamp), NotModified)
    assert isinstance(fetcher.get(url, last_modified="Mon, 23 Nov 2026 08:00:00 GMT"), Fetched)


def test_conditional_headers_reach_the_page_behind_a_redirect(web: Web, fetcher: Fetcher) -> None:
    web.route("/old", Reply(301, "", {"Location": "/new"}))
    web.route("/new", lambda h: Reply(304) if h.get("if-none-match") == '"v2"' else html(PAGE))
    assert isinstance(fetcher.get(web.url("/old"), etag='"v2"'), NotModified)


def test_request_headers(web: Web, fetcher: Fetcher) -> None:
    url = web.route("/h", html(PAGE, **{"Set-Cookie": "session=abc; Path=/"}))
    fetcher.get(url)
    fetcher.get(url, accept_feeds=True)
    (_, first), (_, second) = web.requests
    assert first["user-agent"] == SETTINGS.user_agent
    assert first["accept-encoding"] == "gzip, deflate"
    assert first["accept"].startswith("text/html") and "rss" not in first["accept"]
    assert second["accept"].startswith("application/rss+xml") and "text/html" in second["accept"]
    assert "cookie" not in second  # nothing is kept between fetches


def test_connections_are_pooled_and_shared_between_threads(web: Web, fetcher: Fetcher) -> None:
    url = web.route("/p", html(PAGE))
    fetcher.get(url)
    fetcher.get(url)
    assert web.peers[0] == web.peers[1]  # the second request reused the first connection
    results: list[object] = []
    threads = [threading.Thread(target=lambda: results.append(fetcher.get(url))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and all(isinstance(r, Fetched) for r in results)


# --- retries ------------------------------------------------------------------------------


def test_500_twice_then_200(web: Web, fetcher: Fetcher, sleeps: list[float]) -> None:
    url = web.route("/flaky", [Reply(500), Reply(500), html(PAGE)])
    assert isinstance(fetcher.get(url), Fetched)
    assert web.hits["/flaky"] == 3
    assert len(sleeps) == 2 and 0 < sleeps[0] < sleeps[1]  # exponential back-off


def test_retry_after_2_is_waited(web: Web, fetcher: Fetcher, sleeps: list[float]) -> None:
    url = web.route("/busy", [Reply(429, "", {"Retry-After": "2"}), html(PAGE)])
    assert isinstance(fetcher.get(url), Fetched)
    assert sleeps == [2.0] and web.hits["/busy"] == 2


def test_retry_after_as_a_date_is_waited(web: Web, fetcher: Fetcher, sleeps: list[float]) -> None:
    when = formatdate(time.time() + 3, usegmt=True)  # inside the 5 s the whole fetch may take
    url = web.route("/busy-until", [Reply(503, "", {"Retry-After": when}), html(PAGE)])
    assert isinstance(fetcher.get(url), Fetched)
    assert len(sleeps) == 1 and 0 < sleeps[0] <= 3


def test_a_retry_after_past_the_fetchs_deadline_is_not_waited(web: Web, fetcher: Fetcher, sleeps: list[float]) -> None:
    url = web.route("/busy-long", [Reply(503, "", {"Retry-After": "10"}), html(PAGE)])
    with pytest.raises(HTTPStatusError, match="503") as info:
        fetcher.get(url)  # 10 s > the 5 s total_timeout: handed to the scheduler, not slept
    assert info.value.retry_after == 10 and sleeps == [] and web.hits["/busy-long"] == 1


def test_retry_after_3600_is_not_waited_but_handed_on(web: Web, fetcher: Fetcher, sleeps: list[float]) -> None:
    url = web.route("/later", Reply(429, "", {"Retry-After": "3600"}))
    with pytest.raises(HTTPStatusError, match="429") as info:
        fetcher.get(url)
    assert info.value.status == 429 and info.value.retry_after == 3600 and info.value.retryable
    assert sleeps == [] and web.hits["/later"] == 1


def test_503_after_the_retries(web: Web, fetcher: Fetcher, sleeps: list[float]) -> None:
    with pytest.raises(HTTPStatusError, match="HTTP 503 Service Unavailable") as info:
        fetcher.get(web.route("/down", Reply(503)))
    assert info.value.status == 503 and info.value.retry_after is None
    assert web.hits["/down"] == 3 and len(sleeps) == 2


def test_other_4xx_are_not_retried(web: Web, fetcher: Fetcher, sleeps: list[float]) -> None:
    with pytest.raises(HTTPStatusError, match="403") as info:
        fetcher.get(web.route("/forbidden", Reply(403)))
    assert not isinstance(info.value, Gone) and not info.value.retryable
    assert web.hits["/forbidden"] == 1 and sleeps == []


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_are_gone(web: Web, fetcher: Fetcher, sleeps: list[float], status: int) -> None:
    with pytest.raises(Gone) as info:
        fetcher.get(web.route("/gone", Reply(status)))
    assert info.value.status == status and web.hits["/gone"] == 1 and sleeps == []


def test_connection_refused_is_retried_then_reported(fetcher: Fetcher, sleeps: list[float]) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ConnectError) as info:
        fetcher.get(f"http://127.0.0.1:{port}/")
    assert info.value.retryable and len(sleeps) == 2


def test_connection_dropped_mid_body(web: Web, fetcher: Fetcher) -> None:
    def cut() -> Iterator[bytes]:
        yield b"<html><body>half a page"
        raise ConnectionResetError  # the server hangs up before the last chunk

    with pytest.raises(ConnectError, match="incomplete chunked read"):
        fetcher.get(web.route("/cut", lambda _: Reply(200, headers={"Content-Type": "text/html"}, chunks=cut())))
    assert web.hits["/cut"] == 3


# --- time and size limits -----------------------------------------------------------------


def test_read_timeout(web: Web, sleeps: list[float]) -> None:
    with (
        Fetcher(SETTINGS.replace(read_timeout=0.2), sleep=sleeps.append) as f,
        pytest.raises(FetchTimeout, match=r"sent nothing for 0.2s"),
    ):
        f.get(web.route("/slow", Reply(200, PAGE, {"Content-Type": "text/html"}, delay=1)))
    assert web.hits["/slow"] == 3 and len(sleeps) == 2  # timeouts are retried


def test_total_deadline_while_the_body_trickles(web: Web) -> None:
    trickle = (b"<p>more</p>" for _ in range(10_000))
    url = web.route("/trickle", Reply(200, headers={"Content-Type": "text/html"}, chunks=trickle, pause=0.02))
    with (
        Fetcher(SETTINGS.replace(total_timeout=0.3, retries=0)) as f,
        pytest.raises(FetchTimeout, match=r"whole fetch took longer than 0.3s"),
    ):
        f.get(url)


def test_too_large_by_content_length(web: Web, fetcher: Fetcher) -> None:
    big = "<html>" + "x" * 300_000 + "</html>"
    with pytest.raises(TooLarge, match=f"{len(big):,} bytes, over the 200,000-byte cap"):
        fetcher.get(web.route("/big", html(big)))


def test_too_large_while_streaming_without_content_length(web: Web, fetcher: Fetcher) -> None:
    endless = (b"<p>" + b"x" * 16_000 + b"</p>" for _ in iter(int, 1))
    with pytest.raises(TooLarge, match="200,000-byte cap"):
        fetcher.get(web.route("/endless", Reply(200, headers={"Content-Type": "text/html"}, chunks=endless)))


def test_a_small_gzip_body_that_inflates_past_the_cap(web: Web, fetcher: Fetcher) -> None:
    bomb = gzip.compress(b"<html>" + b" " * 20_000_000)  # about 20 KB on the wire
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    with pytest.raises(TooLarge):
        fetcher.get(web.route("/bomb", Reply(200, bomb, headers)))


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-15)),  # the bare deflate some servers send
    ],
)
def test_compressed_bodies_are_decoded(
    web: Web, fetcher: Fetcher, encoding: str, compress: Callable[[bytes], bytes]
) -> None:
    headers = {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": encoding}
    got = fetcher.get(web.route("/z", Reply(200, compress(PAGE.encode()), headers)))
    assert isinstance(got, Fetched) and got.body == PAGE.encode()


def test_corrupt_or_unasked_encodings_are_bad_responses(web: Web, fetcher: Fetcher) -> None:
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    with pytest.raises(BadResponse, match="corrupt"):
        fetcher.get(web.route("/corrupt", Reply(200, b"\x1f\x8b\x08\x00 not really gzip", headers)))
    with pytest.raises(BadResponse, match="'br'"):
        fetcher.get(web.route("/br", Reply(200, b"...", {"Content-Type": "text/html", "Content-Encoding": "br"})))


# --- what counts as a page ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "named"),
    [
        (Reply(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", {"Content-Type": "image/png"}), "image/png"),
        (Reply(200, b"\x00\x01\x02\x03", {"Content-Type": "application/octet-stream"}), "application/octet-stream"),
        (Reply(200, b"%PDF-1.7\n%...", {"Content-Type": "application/pdf"}), "application/pdf"),
        (Reply(200, b"%PDF-1.7\n%...", {"Content-Type": "text/html"}), r"binary \(a PDF document\).*text/html"),
        (Reply(200, b"\xff\xd8\xff\xe0\x00\x10JFIF", {}), r"a JPEG image.*called it nothing"),
        (Reply(200, b"<html>\x00\x00\x00</html>", {"Content-Type": "text/html"}), "NUL bytes"),
    ],
)
def test_binary_is_not_an_article(web: Web, fetcher: Fetcher, reply: Reply, named: str) -> None:
    with pytest.raises(NotAnArticle, match=named):
        fetcher.get(web.route("/file", reply))


def test_text_types_and_feeds(web: Web, fetcher: Fetcher) -> None:
    plain = fetcher.get(web.route("/plain", Reply(200, "Just text.", {"Content-Type": "text/plain"})))
    assert isinstance(plain, Fetched) and plain.text == "Just text."
    untyped = fetcher.get(web.route("/untyped", Reply(200, PAGE)))
    assert isinstance(untyped, Fetched) and untyped.content_type == ""
    rss = Reply(200, "<?xml version='1.0'?><rss><channel/></rss>", {"Content-Type": "application/rss+xml"})
    url = web.route("/feed", rss)
    with pytest.raises(NotAnArticle, match=r"application/rss\+xml"):
        fetcher.get(url)
    feed = fetcher.get(url, accept_feeds=True)
    assert isinstance(feed, Fetched) and feed.content_type == "application/rss+xml"


def test_latin1_page_declared_in_meta(web: Web, fetcher: Fetcher) -> None:
    # Pages labelled Latin-1 are read as windows-1252, as browsers do: its curly quotes come out right.
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café in Bogotá “quoted”</p></body></html>'
    got = fetcher.get(web.route("/latin", Reply(200, page.encode("cp1252"), {"Content-Type": "text/html"})))
    assert isinstance(got, Fetched) and got.charset is None
    assert "Café in Bogotá “quoted”" in got.text


def test_header_charset(web: Web, fetcher: Fetcher) -> None:
    body = "<p>Наводнение в городе</p>".encode("koi8-r")
    got = fetcher.get(web.route("/koi", Reply(200, body, {"Content-Type": "text/html; charset=KOI8-R"})))
    assert isinstance(got, Fetched) and got.charset == "koi8-r" and "Наводнение в городе" in got.text


# --- redirects ----------------------------------------------------------------------------


def test_a_redirect_chain_within_the_limit_is_followed(web: Web, fetcher: Fetcher) -> None:
    web.route("/r1", Reply(302, "", {"Location": "/r2?utm_source=x"}))
    web.route("/r2", Reply(301, "", {"Location": web.url("/r3")}))
    web.route("/r3", Reply(307, "", {"Location": "final"}))  # relative to /r3
    web.route("/final", html(PAGE))
    got = fetcher.get(web.url("/r1"))
    assert isinstance(got, Fetched) and got.url == web.url("/r1") and got.final_url == web.url("/final")
    assert [path for path, _ in web.requests] == ["/r1", "/r2", "/r3", "/final"]


def test_a_redirect_chain_beyond_the_limit_is_refused(web: Web, fetcher: Fetcher) -> None:
    for i in range(5):
        web.route(f"/loop{i}", Reply(302, "", {"Location": f"/loop{i + 1}"}))
    with pytest.raises(TooManyRedirects, match="more than 3 redirects"):
        fetcher.get(web.url("/loop0"))
    assert sum(web.hits.values()) == 4  # the page and three redirects, and not one more


@pytest.mark.parametrize(
    ("reply", "why"),
    [
        (Reply(302, "", {"Location": "ftp://files.example/a"}), "'ftp' is not http or https"),
        (Reply(301, "", {"Location": "http://user:pw@x.example/"}), "user name or password"),
        (Reply(302), "without a Location"),
    ],
)
def test_unusable_redirects(web: Web, fetcher: Fetcher, reply: Reply, why: str) -> None:
    with pytest.raises(BadResponse, match=why):
        fetcher.get(web.route("/moved", reply))


# --- the address guard --------------------------------------------------------------------


def test_the_loopback_server_is_reachable_only_when_private_networks_are_allowed(web: Web) -> None:
    url = web.route("/a", html(PAGE))
    with (
        Fetcher(SETTINGS.replace(allow_private_networks=False)) as guarded,
        pytest.raises(BlockedAddress, match=r"127.0.0.1 is a loopback address") as info,
    ):
        guarded.get(url)
    message = str(info.value)
    assert "TRACKER_ALLOW_PRIVATE_NETWORKS=1" in message and "allow_private_networks = true" in message
    assert web.hits["/a"] == 0
    with Fetcher(SETTINGS) as allowed:
        assert isinstance(allowed.get(url), Fetched)


def test_a_public_looking_name_that_resolves_to_loopback_is_refused(web: Web) -> None:
    port = web.server.server_address[1]
    web.route("/a", html(PAGE))
    resolver = table({"news.example": ["127.0.0.1"]})
    with (
        Fetcher(SETTINGS.replace(allow_private_networks=False), resolver=resolver) as guarded,
        pytest.raises(BlockedAddress, match=r"news.example resolves to 127.0.0.1, which is a loopback address"),
    ):
        guarded.get(f"http://news.example:{port}/a")
    assert web.hits["/a"] == 0
    with Fetcher(SETTINGS, resolver=resolver) as allowed:  # allowed: the same name, through the same resolver
        assert isinstance(allowed.get(f"http://news.example:{port}/a"), Fetched)
    assert web.hits["/a"] == 1


def test_one_private_address_among_public_ones_is_enough_to_refuse(web: Web) -> None:
    network = ToServer(web)
    resolver = table({"mixed.example": [PUBLIC, "10.1.2.3"]})
    with (
        Fetcher(SETTINGS.replace(allow_private_networks=False), resolver=resolver, network=network) as guarded,
        pytest.raises(BlockedAddress, match=r"10.1.2.3, which is a private address"),
    ):
        guarded.get("http://mixed.example/a")
    assert network.connections == []


@pytest.mark.parametrize(
    ("target", "blocked"),
    [
        ("http://intranet.example/admin", "intranet.example resolves to 10.0.0.8, which is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("http://[::ffff:127.0.0.1]/", "loopback address"),
    ],
)
def test_a_redirect_from_a_public_host_to_a_blocked_address_is_refused(web: Web, target: str, blocked: str) -> None:
    web.route("/story", Reply(302, "", {"Location": target}))
    network = ToServer(web)
    resolver = table({"news.example": [PUBLIC], "intranet.example": ["10.0.0.8"]})
    with (
        Fetcher(SETTINGS.replace(allow_private_networks=False), resolver=resolver, network=network) as guarded,
        pytest.raises(BlockedAddress, match=f"redirected to .*{blocked}"),
    ):
        guarded.get("http://news.example/story")
    assert network.connections == [(PUBLIC, 80)]  # the public host was reached; the blocked one never was
    assert [path for path, _ in web.requests] == ["/story"]


def test_the_connection_goes_to_the_address_that_was_checked(web: Web) -> None:
    # A rebinding name: public when first asked, loopback after. It is asked once per connection.
    answers = iter([[PUBLIC], ["127.0.0.1"]])
    calls: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        calls.append(host)
        return next(answers)

    web.route("/a", html(PAGE))
    network = ToServer(web)
    with Fetcher(SETTINGS.replace(allow_private_networks=False), resolver=rebinding, network=network) as guarded:
        assert isinstance(guarded.get("http://rebind.example/a"), Fetched)
    assert calls == ["rebind.example"] and network.connections == [(PUBLIC, 80)]


# --- invalid input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["", "ftp://x.example/a", "example.com/no-scheme", "https://u:p@x.example/", "https://sp ace.example/"]
)
def test_invalid_urls_are_refused_before_any_network_use(web: Web, url: str) -> None:
    calls: list[str] = []
    network = ToServer(web)
    with Fetcher(SETTINGS, resolver=table({}, calls), network=network) as f, pytest.raises(InvalidURL):
        f.get(url)
    assert calls == [] and network.connections == [] and web.requests == []


def test_an_unknown_host_is_a_connect_error() -> None:
    with (
        Fetcher(SETTINGS.replace(retries=0), resolver=table({})) as f,
        pytest.raises(ConnectError, match=r"cannot resolve nowhere.example"),
    ):
        f.get("http://nowhere.example/")


@pytest.mark.parametrize(
    "reply",
    [
        Reply(418),
        Reply(200, PAGE, {"Content-Type": "text/html", "Content-Length": "x"}),  # next to the server's own
        Reply(200, PAGE, {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"}),
    ],
)
def test_a_broken_response_is_a_fetch_error(web: Web, fetcher: Fetcher, reply: Reply) -> None:
    with pytest.raises(FetchError):
        fetcher.get(web.route("/broken", reply))
