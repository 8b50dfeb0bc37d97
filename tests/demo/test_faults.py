"""The seed server's fault pages answer as each one promises."""

from __future__ import annotations

from email.utils import parsedate_to_datetime

import lxml.html
import pytest

from tests.fixtures.seeds import exchange
from tracker.demo.server import SeedServer


def test_status_answers_the_status_asked_for(seed_server: SeedServer) -> None:
    unavailable = exchange(seed_server.url + "/_fault/status/503")
    assert unavailable.status == 503
    assert b"503 Service Unavailable" in unavailable.body
    assert exchange(seed_server.url + "/_fault/status/204").body == b""
    assert exchange(seed_server.url + "/_fault/status/abc").status == 400
    assert exchange(seed_server.url + "/_fault/status/700").status == 400
    assert exchange(seed_server.url + "/_fault/gone").status == 410


def test_slow_outlasts_a_short_client_timeout(seed_server: SeedServer) -> None:
    with pytest.raises(TimeoutError):
        exchange(seed_server.url + "/_fault/slow?seconds=30", timeout=0.2)
    prompt = exchange(seed_server.url + "/_fault/slow?seconds=0")
    assert prompt.status == 200 and b"<p>" in prompt.body
    assert exchange(seed_server.url + "/_fault/slow?seconds=soon").status == 400


def test_binary_and_octet_bodies_are_not_text(seed_server: SeedServer) -> None:
    png = exchange(seed_server.url + "/_fault/binary")
    assert png.headers["content-type"] == "image/png"
    assert png.body.startswith(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(UnicodeDecodeError):
        png.body.decode("utf-8")
    octet = exchange(seed_server.url + "/_fault/octet")
    assert octet.headers["content-type"] == "application/octet-stream"
    assert b"\x00" in octet.body


def test_huge_streams_the_size_asked_for(seed_server: SeedServer) -> None:
    streamed = exchange(seed_server.url + "/_fault/huge?mb=1")
    assert streamed.headers.get("transfer-encoding") == "chunked" and "content-length" not in streamed.headers
    assert len(streamed.body) == 1024 * 1024
    assert lxml.html.fromstring(streamed.body).xpath("string(//h1)") == "A huge page"
    declared = exchange(seed_server.url + "/_fault/huge?mb=0.25&declare=1")
    assert int(declared.headers["content-length"]) == len(declared.body) == 256 * 1024
    assert exchange(seed_server.url + "/_fault/huge?mb=0").status == 400


def test_broken_html_still_holds_paragraphs_of_text(seed_server: SeedServer) -> None:
    broken = exchange(seed_server.url + "/_fault/broken")
    assert broken.status == 200 and b"</html>" not in broken.body
    texts = [p.text_content() for p in lxml.html.fromstring(broken.body).xpath("//p")]
    assert len([t for t in texts if len(t.split()) >= 8]) >= 3


def test_flaky_fails_the_number_of_times_asked_per_key(seed_server: SeedServer) -> None:
    url = seed_server.url + "/_fault/flaky?key=flaky-test&fail=2&status=502"
    assert [exchange(url).status for _ in range(4)] == [502, 502, 200, 200]
    assert exchange(seed_server.url + "/_fault/flaky?key=another").status == 503
    assert seed_server.requests["/_fault/flaky"] == 5


def test_retry_after_asks_once_then_serves(seed_server: SeedServer) -> None:
    url = seed_server.url + "/_fault/retry-after?key=ra-test&seconds=3"
    first, second = exchange(url), exchange(url)
    assert (first.status, first.headers["retry-after"]) == (429, "3")
    assert second.status == 200
    dated = exchange(seed_server.url + "/_fault/retry-after?key=ra-date&seconds=3&date=1")
    assert parsedate_to_datetime(dated.headers["retry-after"]).tzinfo is not None


def test_redirect_points_where_asked(seed_server: SeedServer) -> None:
    moved = exchange(seed_server.url + "/_fault/redirect?to=/feed.xml")
    assert (moved.status, moved.headers["location"]) == (302, "/feed.xml")
    assert exchange(seed_server.url + "/_fault/redirect?to=/&status=301").status == 301
    assert exchange(seed_server.url + "/_fault/redirect?to=/&status=200").status == 400
    assert exchange(seed_server.url + "/_fault/redirect").status == 400


def test_latin1_page_declares_its_charset_only_in_a_meta_tag(seed_server: SeedServer) -> None:
    page = exchange(seed_server.url + "/_fault/latin1")
    assert page.headers["content-type"] == "text/html"
    assert b'<meta charset="iso-8859-1">' in page.body
    with pytest.raises(UnicodeDecodeError):
        page.body.decode("utf-8")
    assert "café" in page.body.decode("iso-8859-1") and "Núñez" in page.body.decode("iso-8859-1")


def test_unknown_fault_pages_are_404(seed_server: SeedServer) -> None:
    assert exchange(seed_server.url + "/_fault/meltdown").status == 404
    assert exchange(seed_server.url + "/_fault/binary/extra").status == 404
