"""Fetching a page: URL -> Fetched | NotModified, or one FetchError saying what went wrong.

One `httpx.Client` (connection pooling, thread-safe) with a clear User-Agent; connect and
read timeouts plus a total deadline while the body streams; a size cap checked on
Content-Length and while streaming; redirects followed by hand so that every hop is
checked again; conditional requests (If-None-Match / If-Modified-Since), where a 304 is a
return value; retries with exponential back-off and jitter on timeouts, connection
errors, 5xx and 429 (Retry-After honoured up to a cap, beyond it the error carries the
wait for the scheduler). 404 and 410 raise `Gone`. Anything not HTML, text or (when asked)
a feed is refused, and so is a body that sniffs as binary.

Private, loopback and link-local addresses are refused unless allowed
(`TRACKER_ALLOW_PRIVATE_NETWORKS=1`): a shared service must not become a proxy into its
own network, and feeds can hand it any URL. The check resolves the host before each hop;
a host that resolves differently between the check and the connection (DNS rebinding)
is not caught, which is noted in the README.
"""

from __future__ import annotations

import ipaddress
import random
import re
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from tracker.config import Settings
from tracker.errors import (
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
from tracker.urls import normalise_url

HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
RETRY_AFTER_CAP = 30.0
_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"RIFF",
    b"\x1f\x8b",
    b"ID3",
    b"OggS",
    b"fLaC",
    b"\x00\x00\x00",
)
Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    elapsed: float

    @property
    def text(self) -> str:
        return decode_body(self.body, self.charset)


@dataclass(frozen=True, slots=True)
class NotModified:
    url: str
    etag: str | None
    last_modified: str | None
    elapsed: float


def _system_resolver(host: str, port: int) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def _blocked_reason(address: str) -> str | None:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for flag, what in (
        ("is_loopback", "loopback"),
        ("is_private", "private"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_reserved", "reserved"),
        ("is_unspecified", "unspecified"),
    ):
        if getattr(ip, flag):
            return f"{ip} is a {what} address"
    return None


def check_address(url: str, resolver: Resolver | None = None) -> None:
    """Refuse a URL whose host resolves to a private, loopback, link-local or otherwise
    non-public address. Raises BlockedAddress (or ConnectError when it does not resolve)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = (resolver or _system_resolver)(host, port)
    except OSError as exc:
        raise ConnectError(url, f"cannot resolve {host}: {exc.strerror or exc}") from None
    for address in addresses:
        reason = _blocked_reason(address)
        if reason:
            raise BlockedAddress(
                url,
                f"refused: {host} resolves to {reason}. Fetching private networks is off by default; "
                "allow it with TRACKER_ALLOW_PRIVATE_NETWORKS=1 or allow_private_networks = true in the config",
            )


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _usable(charset: str | None) -> str | None:
    if not charset:
        return None
    import codecs

    try:
        return codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None


def sniff_charset(body: bytes, header_charset: str | None = None) -> str | None:
    """The charset a page declares: HTTP header, then BOM, then a <meta> in its first 4 KB."""
    found = _usable(header_charset)
    if found:
        return found
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    meta = _META_CHARSET.search(body[:4096])
    return _usable(meta.group(1).decode("ascii", "replace")) if meta else None


def decode_body(body: bytes, header_charset: str | None = None) -> str:
    """Text of a body, never raising: the declared charset, else UTF-8, else a detected one."""
    declared = sniff_charset(body, header_charset)
    if declared:
        return body.decode(declared, errors="replace").lstrip("\ufeff")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:200_000]).best()
        if best is not None and best.encoding:
            return body.decode(best.encoding, errors="replace")
    except Exception:  # detection is a best effort; replacement characters are the fallback
        pass
    return body.decode("utf-8", errors="replace")


def _binary(head: bytes) -> bool:
    return b"\x00" in head[:1024] or any(head.startswith(m) for m in _MAGIC)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


class Fetcher:
    """Thread-safe; one per process. `get(url, etag, last_modified) -> Fetched | NotModified`."""

    def __init__(
        self,
        settings: Settings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        resolver: Resolver | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.sleep = sleep
        self.resolver = resolver
        self.rng = rng or random.Random()
        timeout = httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.total_timeout,
        )
        self.client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,  # no proxies from the environment: traffic goes where the URL says
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=max(10, settings.concurrency * 2), max_keepalive_connections=64),
        )

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None, accept_feeds: bool = False
    ) -> Fetched | NotModified:
        url = normalise_url(url)
        attempts = max(0, self.settings.retries) + 1
        for attempt in range(attempts):
            try:
                return self._once(url, etag, last_modified, accept_feeds)
            except FetchError as exc:
                if not exc.retryable or attempt == attempts - 1:
                    raise
                wait = self._backoff(attempt, getattr(exc, "retry_after", None))
                if wait is None:
                    raise
                self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _backoff(self, attempt: int, retry_after: float | None) -> float | None:
        if retry_after is not None:
            return retry_after if retry_after <= RETRY_AFTER_CAP else None
        base = 0.5 * 2**attempt
        return float(base + self.rng.uniform(0, base / 2))

    def _once(self, url: str, etag: str | None, last_modified: str | None, accept_feeds: bool) -> Fetched | NotModified:
        started = time.monotonic()
        deadline = started + self.settings.total_timeout
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if not self.settings.allow_private_networks:
                check_address(current, self.resolver)
            headers = {"Accept": self._accept(accept_feeds)}
            if current == url:
                if etag:
                    headers["If-None-Match"] = etag
                if last_modified:
                    headers["If-Modified-Since"] = last_modified
            result = self._request(url, current, headers, deadline, started, accept_feeds)
            if isinstance(result, str):
                current = result
                continue
            return result
        raise TooManyRedirects(url, f"more than {self.settings.max_redirects} redirects; the last went to {current}")

    @staticmethod
    def _accept(accept_feeds: bool) -> str:
        html = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5"
        return html + (",application/rss+xml,application/atom+xml,application/xml;q=0.8" if accept_feeds else "")

    def _request(
        self, url: str, current: str, headers: dict[str, str], deadline: float, started: float, accept_feeds: bool
    ) -> Fetched | NotModified | str:
        """One HTTP exchange: the result, or the next URL when redirected."""
        try:
            with self.client.stream("GET", current, headers=headers) as resp:
                status = resp.status_code
                if status in (301, 302, 303, 307, 308):
                    location = resp.headers.get("location")
                    if not location:
                        raise HTTPStatusError(url, status, f"HTTP {status} redirect without a Location header")
                    return normalise_url(urljoin(current, location))
                if status == 304:
                    return NotModified(
                        url, resp.headers.get("etag"), resp.headers.get("last-modified"), time.monotonic() - started
                    )
                if status in (404, 410):
                    raise Gone(url, status, f"HTTP {status}: the page is not there (taken down or moved)")
                if status >= 400:
                    raise HTTPStatusError(url, status, retry_after=retry_after_seconds(resp.headers.get("retry-after")))
                content_type = resp.headers.get("content-type", "")
                mime = content_type.split(";", 1)[0].strip().lower()
                allowed = HTML_TYPES + (FEED_TYPES if accept_feeds else ())
                if mime and mime not in allowed:
                    raise NotAnArticle(url, f"the server sent {mime}, not a web page; tracker follows HTML articles")
                length = resp.headers.get("content-length")
                if length and length.isdigit() and int(length) > self.settings.max_bytes:
                    raise TooLarge(
                        url, f"the page is {int(length):,} bytes, over the {self.settings.max_bytes:,}-byte cap"
                    )
                body = self._read(url, resp, deadline)
                if _binary(body[:2048]):
                    raise NotAnArticle(url, f"the body is binary ({mime or 'no content type'}), not a web page")
                charset = resp.charset_encoding
                return Fetched(
                    url=url,
                    final_url=str(resp.url),
                    status=status,
                    body=body,
                    content_type=mime,
                    charset=charset,
                    etag=resp.headers.get("etag"),
                    last_modified=resp.headers.get("last-modified"),
                    elapsed=time.monotonic() - started,
                )
        except FetchError:
            raise
        except httpx.TimeoutException as exc:
            raise FetchTimeout(
                url, f"timed out ({type(exc).__name__.replace('Timeout', '').lower() or 'total'})"
            ) from None
        except httpx.InvalidURL as exc:
            raise InvalidURL(current, str(exc)) from None
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise ConnectError(url, f"connection failed: {exc or type(exc).__name__}") from None
        except httpx.DecodingError as exc:
            raise FetchError(url, f"the body could not be decoded ({exc})") from None
        except httpx.HTTPError as exc:
            raise ConnectError(url, f"HTTP error: {exc or type(exc).__name__}") from None

    def _read(self, url: str, resp: Any, deadline: float) -> bytes:
        cap = self.settings.max_bytes
        chunks: list[bytes] = []
        size = 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise TooLarge(url, f"the page is over the {cap:,}-byte cap")
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise FetchTimeout(url, f"took longer than {self.settings.total_timeout:.0f}s in all")
        return b"".join(chunks)
