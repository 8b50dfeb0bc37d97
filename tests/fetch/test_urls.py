"""URL normalisation (tracker.fetch.urls): the normal form, what is refused and why, idempotence."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tracker.errors import InvalidURL, UsageError
from tracker.fetch.urls import host_of, normalise_url
from tracker.redact import redact_url


@pytest.mark.parametrize(
    ("given_url", "normal"),
    [
        ("  HTTP://Example.COM  ", "http://example.com/"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("http://example.com:080/", "http://example.com/"),
        ("https://example.com/a/b#comments", "https://example.com/a/b"),
        ("https://example.com?x=1", "https://example.com/?x=1"),
        ("https://example.com/news/Story-ID", "https://example.com/news/Story-ID"),  # paths keep their case
        ("https://example.com./a", "https://example.com/a"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("https://BÜCHER.example/a", "https://xn--bcher-kva.example/a"),
        ("https://example.com/caf\u00e9 au lait".replace(" ", "-"), "https://example.com/caf%C3%A9-au-lait"),
        ("https://example.com/a%2fb%7e", "https://example.com/a%2Fb%7E"),
        ("https://example.com/?q=a+b&q=c%20d", "https://example.com/?q=a+b&q=c%20d"),
        ("https://example.com/?z=1&a=2&m=3", "https://example.com/?z=1&a=2&m=3"),  # order kept
        ("https://example.com/?id", "https://example.com/?id"),  # a bare key stays bare
        ("https://example.com/?&&a=1&", "https://example.com/?a=1"),
        ("http://127.1/", "http://127.0.0.1/"),
        ("http://0x7f.0.0.1:8080/x", "http://127.0.0.1:8080/x"),
        ("http://2130706433/", "http://127.0.0.1/"),
        ("http://[0:0::1]:8080/", "http://[::1]:8080/"),
        ("http://[2001:DB8::1]/", "http://[2001:db8::1]/"),
    ],
)
def test_normal_form(given_url: str, normal: str) -> None:
    assert normalise_url(given_url) == normal


def test_tracking_parameters_are_dropped_and_the_rest_kept_in_order() -> None:
    url = (
        "https://news.example/world/flood?utm_source=twitter&page=2&fbclid=IwAR0&UTM_Campaign=x"
        "&gclid=abc&mc_cid=1&mc_eid=2&ocid=msn&cmpid=rss&utm%5Fmedium=social&lang=en"
    )
    assert normalise_url(url) == "https://news.example/world/flood?page=2&lang=en"
    assert normalise_url("https://news.example/a?utm_source=x") == "https://news.example/a"


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("example.com/news", "no scheme"),
        ("localhost:8080/x", "no scheme"),
        ("ftp://example.com/file", "'ftp' is not http or https"),
        ("javascript:alert(1)", "'javascript' is not http or https"),
        ("file:///etc/passwd", "'file' is not http or https"),
        ("http://", "no host"),
        ("http:///path", "no host"),
        ("http:example.com", "no host"),
        ("https://user:secret@example.com/", "user name or password"),
        ("https://user@example.com/", "user name or password"),
        ("https://exa mple.com/", "white space"),
        ("https://example.com/a b", "white space"),
        ("https://example.com/a\tb", "white space"),
        ("https://example.com/\x00", "control character"),
        ("https://example.com:99999/", "outside 1-65535"),
        ("https://example.com:0/", "outside 1-65535"),
        ("https://example.com:http/", "not a number"),
        ("https://exa_mple..com/", "not a valid domain name"),
        ("https://exa<mple.com/", "not a valid domain name"),
        ("https://%65xample.com/", "percent-encoded"),
        ("http://999.1.1.1/", "not a valid one"),
        ("http://[::1/", "cannot be parsed"),
        ("http://[fe80::1%25eth0]/", "network interface"),
    ],
)
def test_refused_with_the_reason(bad: str, why: str) -> None:
    with pytest.raises(InvalidURL, match=why) as info:
        normalise_url(bad)
    assert isinstance(info.value, UsageError)
    assert repr(redact_url(bad)) in str(info.value)  # the message names the offending value, any password hidden
    assert "secret" not in str(info.value)


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://Example.com/a", "example.com"),
        ("https://example.com:443/a", "example.com"),
        ("http://example.com:8080/a", "example.com:8080"),
        ("https://example.com:80/a", "example.com:80"),
        ("http://[::1]:8080/", "[::1]:8080"),
        ("http://127.0.0.1/", "127.0.0.1"),
    ],
)
def test_host_of(url: str, host: str) -> None:
    assert host_of(url) == host


# --- properties -------------------------------------------------------------------------

_label = st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9-]{0,10}[A-Za-z0-9])?", fullmatch=True)
_unicode_label = st.text(st.characters(categories=["Ll", "Lu"]), min_size=1, max_size=8)
_hosts = st.lists(st.one_of(_label, _unicode_label), min_size=1, max_size=3).map(".".join).map(lambda h: h + ".example")
_segment = st.text(st.characters(blacklist_categories=["Cc", "Cs", "Zs", "Zl", "Zp"]), max_size=8)
_key = st.one_of(st.sampled_from(["utm_source", "utm_medium", "fbclid", "gclid", "ocid", "mc_eid"]), _label)
_query_item = st.tuples(_key, st.text(st.characters(blacklist_categories=["Cc", "Cs", "Zs", "Zl", "Zp"]), max_size=6))


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "Https"]))
    port = draw(st.one_of(st.none(), st.integers(1, 65535)))
    netloc = draw(_hosts) + ("" if port is None else f":{port}")
    path = "".join("/" + s for s in draw(st.lists(_segment, max_size=4)))
    items = draw(st.lists(_query_item, max_size=5))
    query = "&".join(f"{k}={v}" for k, v in items)
    fragment = draw(st.one_of(st.none(), _segment))
    return (
        f"{scheme}://{netloc}{path}" + (f"?{query}" if items else "") + (f"#{fragment}" if fragment is not None else "")
    )


@given(urls())
@example("https://example.com/%e2%82%ac?utm_source=a&x=%41#top")
def test_normalising_is_idempotent(url: str) -> None:
    try:
        once = normalise_url(url)
    except InvalidURL:
        return  # some generated unicode labels are not valid domain names
    assert normalise_url(once) == once
    parts = urlsplit(once)
    assert parts.scheme in ("http", "https") and parts.fragment == "" and "#" not in once
    assert parts.hostname and parts.hostname.isascii() and parts.hostname == parts.hostname.lower()
    keys = [piece.split("=", 1)[0] for piece in parts.query.split("&") if piece]
    assert not any(k.lower().startswith("utm_") or k in ("fbclid", "gclid", "ocid", "mc_eid") for k in keys)


@given(urls())
def test_the_other_parameters_keep_their_order(url: str) -> None:
    try:
        once = normalise_url(url)
    except InvalidURL:
        return
    original = [p.split("=", 1)[0] for p in urlsplit(url.split("#", 1)[0]).query.split("&") if p]
    kept = [p.split("=", 1)[0] for p in urlsplit(once).query.split("&") if p]
    tracking = {"fbclid", "gclid", "ocid", "mc_eid"}
    expected = [k for k in original if not (k.lower().startswith("utm_") or k.lower() in tracking)]
    assert kept == [normalise_url(f"http://a.example/?{k}").split("?", 1)[1] if k else k for k in expected]


@given(st.text(max_size=40))
@example("http://a.example:0")
@example("http://[::1]x/")
@example("http://0x/")
def test_any_text_is_refused_cleanly_or_normalised_for_good(tail: str) -> None:
    for url in (tail, "http://" + tail, "https://a.example/" + tail):
        try:
            once = normalise_url(url)
        except InvalidURL:
            continue
        assert normalise_url(once) == once
        assert urlsplit(once).netloc
