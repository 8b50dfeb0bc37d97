"""Fetching a page: URL -> Fetched | NotModified, or one FetchError saying what went wrong.

`Fetcher` holds one `httpx.Client` (pooled keep-alive connections, safe to share between
threads) and does, for each `get`:

- refuse an invalid URL (InvalidURL) before any network use;
- send a clear User-Agent, an Accept for HTML (and feeds when asked), gzip/deflate,
  and If-None-Match / If-Modified-Since when given (a 304 is the `NotModified` value);
- connect only to addresses the policy of tracker.fetch.netguard allows, checked on the very
  resolution the connection uses (tracker.fetch.transport), on every redirect hop;
- follow redirects by hand, at most `max_redirects`, each target normalised again;
- apply the connect and read timeouts to each step and the total deadline to the
  whole attempt, body streaming included;
- refuse a body over `max_bytes` by Content-Length or while it streams, one that is
  not HTML, text or (when asked) a feed, and one that sniffs as binary;
- retry timeouts, connection failures, 5xx and 429 with exponential back-off and
  jitter (through the injectable `sleep`), honouring Retry-After up to 30 s; a longer
  Retry-After is not waited for but handed to the scheduler on the HTTPStatusError.

No httpx or httpcore exception escapes: each becomes a FetchError with a one-line message.
Bodies are decoded to text where they are read (tracker.fetch.charsets, in the extraction
workers); `Fetched.text` decodes on demand. Cookies are neither kept nor sent.
"""

from __future__ import annotations

import http.client
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from urllib.parse import urljoin

import httpcore
import httpx

from tracker.config import Settings
from tracker.errors import (
    Abandoned,
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
from tracker.fetch.bodies import BodyTooLarge, BodyUnreadable, accepted, binary_kind, media_type, read_capped
from tracker.fetch.charsets import decode_body
from tracker.fetch.deadline import Deadline
from tracker.fetch.netguard import AddressRefused, Resolver, check_address
from tracker.fetch.transport import GuardedBackend, GuardedTransport
from tracker.fetch.urls import normalise_url

__all__ = ["Fetched", "Fetcher", "NotModified", "check_address", "decode_body", "retry_after_seconds"]

log = logging.getLogger("tracker.fetch")

RETRY_AFTER_CAP = 30.0  # seconds; a server asking for longer is left to the scheduler
BACKOFF_BASE = 0.5
REDIRECTS = frozenset({300, 301, 302, 303, 307, 308})
# Connection trouble is worth retrying; a response that breaks HTTP is not.
_CONNECTION_FAILURES = (
    httpx.NetworkError,
    httpcore.NetworkError,
    httpx.RemoteProtocolError,
    httpcore.RemoteProtocolError,
)
_BROKEN_RESPONSES = (httpx.HTTPError, httpcore.ProtocolError, httpcore.UnsupportedProtocol, httpx.InvalidURL)
_FAILURES = (
    AddressRefused,
    httpx.TimeoutException,
    httpcore.TimeoutException,
    *_CONNECTION_FAILURES,
    *_BROKEN_RESPONSES,
)
ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
ACCEPT_FEEDS = (
    "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,application/xml;q=0.9,text/xml;q=0.9,"
    "text/html;q=0.5,*/*;q=0.1"
)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as the server sent it. `charset` is the one its Content-Type header named, if any."""

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str
    charset: str | None
    etag: str | None
    last_modified: str | None
    elapsed: float
    # the response's headers as kept with a version (for a WARC export): see kept_headers
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        """The body decoded (BOM, header charset, in-document declaration, UTF-8, detection); never raises."""
        return decode_body(self.body, self.charset)


@dataclass(frozen=True, slots=True)
class NotModified:
    """The server answered 304 to a conditional request: the page is as it was."""

    url: str
    etag: str | None
    last_modified: str | None
    elapsed: float


@dataclass(frozen=True, slots=True)
class _Redirect:
    location: str


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP-date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Fetcher:
    """Fetches pages; one per process, shared by the checking threads. Close it (or use `with`)."""

    def __init__(
        self,
        settings: Settings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        resolver: Resolver | None = None,
        rng: random.Random | None = None,
        network: httpcore.NetworkBackend | None = None,
    ) -> None:
        """`resolver(host, port) -> addresses` defaults to the system's (getaddrinfo). `network` makes the
        TCP connections to the checked addresses (httpcore's sync backend by default)."""
        self.settings = settings
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._deadline = Deadline()
        backend = GuardedBackend(resolver, settings.allow_private_networks, network, self._deadline)
        connections = max(10, settings.concurrency * 2)
        self._client = httpx.Client(
            transport=GuardedTransport(backend, max_connections=connections, keepalive=connections),
            follow_redirects=False,
            trust_env=False,  # no proxy or certificate settings from the environment
            cookies=CookieJar(DefaultCookiePolicy(allowed_domains=[])),  # every fetch is stateless
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self._client.close()

    def cancel(self) -> None:
        """Give up every fetch in flight (shutdown): each raises Abandoned within a fraction of a second."""
        self._deadline.cancelled.set()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None, accept_feeds: bool = False
    ) -> Fetched | NotModified:
        """The page at `url`, or NotModified when the server says it still matches `etag` / `last_modified`."""
        url = normalise_url(url)
        started = time.monotonic()
        deadline = started + self.settings.total_timeout  # one deadline for every try, headers included
        headers = {"Accept": ACCEPT_FEEDS if accept_feeds else ACCEPT_HTML}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempts = max(0, self.settings.retries) + 1
        with self._deadline.until(deadline):
            for attempt in range(1, attempts + 1):
                try:
                    return self._attempt(url, headers, accept_feeds, started, deadline)
                except FetchError as exc:
                    wait = self._wait_before_retry(exc, attempt, attempts)
                    if wait is None or self._deadline.cancelled.is_set():
                        raise
                    if time.monotonic() + wait >= deadline:
                        raise  # no time left for another try: the last error is the one to show
                    log.debug("%s; retrying in %.1fs (attempt %d of %d)", exc, wait, attempt + 1, attempts)
                    self._sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _wait_before_retry(self, exc: FetchError, attempt: int, attempts: int) -> float | None:
        if not exc.retryable or attempt >= attempts:
            return None
        retry_after = exc.retry_after if isinstance(exc, HTTPStatusError) else None
        if retry_after is not None:
            return retry_after if retry_after <= RETRY_AFTER_CAP else None
        delay = min(RETRY_AFTER_CAP, BACKOFF_BASE * 2.0 ** (attempt - 1))
        return delay + self._rng.uniform(0, delay / 2)

    def _attempt(
        self, url: str, headers: dict[str, str], accept_feeds: bool, started: float, deadline: float
    ) -> Fetched | NotModified:
        """One try: follow the redirects from `url` to a page, within the fetch's deadline."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            outcome = self._exchange(url, current, headers, accept_feeds, started, deadline)
            if not isinstance(outcome, _Redirect):
                return outcome
            current = outcome.location
        raise TooManyRedirects(
            url,
            f"more than {self.settings.max_redirects} redirects (the last to {current}); "
            "open the URL in a browser and track the address it ends at",
        )

    def _exchange(
        self, url: str, current: str, headers: dict[str, str], accept_feeds: bool, started: float, deadline: float
    ) -> Fetched | NotModified | _Redirect:
        """One request and its response, with every failure turned into a FetchError."""
        try:
            with self._client.stream("GET", current, headers=headers, timeout=self._timeouts(url, deadline)) as resp:
                return self._answer(url, current, resp, accept_feeds, started, deadline)
        except FetchError:
            raise
        except _FAILURES as exc:
            if self._deadline.cancelled.is_set():
                raise Abandoned(url, "tracker is shutting down; the story will be checked at the next start") from None
            raise self._translated(url, current, exc, deadline) from None

    def _translated(self, url: str, current: str, exc: Exception, deadline: float) -> FetchError:
        """The FetchError an httpx or httpcore failure (or a refused address) stands for."""
        if isinstance(exc, AddressRefused):
            return BlockedAddress(url, str(exc) if current == url else f"redirected to {current}: {exc}")
        if isinstance(exc, httpx.TimeoutException | httpcore.TimeoutException):
            return self._timed_out(url, exc, deadline)
        if isinstance(exc, _CONNECTION_FAILURES):
            return ConnectError(url, f"{_describe(exc)}; tracker will try again at the next check")
        return BadResponse(url, f"{_describe(exc)} (while fetching {current})")

    def _timeouts(self, url: str, deadline: float) -> httpx.Timeout:
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchTimeout(url, self._total_message())
        s = self.settings
        return httpx.Timeout(
            connect=min(s.connect_timeout, left),
            read=min(s.read_timeout, left),
            write=min(s.read_timeout, left),
            pool=min(s.connect_timeout, left),
        )

    def _total_message(self) -> str:
        return (
            f"timed out: the whole fetch took longer than {self.settings.total_timeout:g}s "
            "(raise total_timeout if the site is just slow)"
        )

    def _timed_out(self, url: str, exc: Exception, deadline: float) -> FetchTimeout:
        s = self.settings
        if time.monotonic() >= deadline:
            return FetchTimeout(url, self._total_message())
        if isinstance(exc, httpx.ConnectTimeout | httpcore.ConnectTimeout):
            what = f"timed out connecting: no answer within {s.connect_timeout:g}s (connect_timeout)"
        elif isinstance(exc, httpx.PoolTimeout | httpcore.PoolTimeout):
            what = f"timed out waiting {s.connect_timeout:g}s for a free connection (too many checks at once?)"
        else:
            what = f"timed out: the server sent nothing for {s.read_timeout:g}s (read_timeout)"
        return FetchTimeout(url, f"{what}; tracker will try again at the next check")

    def _answer(
        self, url: str, current: str, resp: httpx.Response, accept_feeds: bool, started: float, deadline: float
    ) -> Fetched | NotModified | _Redirect:
        status = resp.status_code
        if status in REDIRECTS and resp.headers.get("location"):
            return _Redirect(_redirect_target(url, current, status, resp.headers["location"]))
        if status == 304:
            return NotModified(
                url, resp.headers.get("etag"), resp.headers.get("last-modified"), time.monotonic() - started
            )
        if status >= 400:
            raise _status_error(url, status, resp.headers.get("retry-after"))
        if status >= 300:
            raise BadResponse(url, f"{current} answered HTTP {status} without a Location to follow")
        mime = media_type(resp.headers.get("content-type"))
        if not accepted(mime, accept_feeds):
            wanted = "a web page or a feed" if accept_feeds else "a web page"
            raise NotAnArticle(url, f"the server sent {mime}, not {wanted}; tracker follows HTML and text articles")
        cap = self.settings.max_bytes
        length = resp.headers.get("content-length", "").strip()
        if length.isdigit() and int(length) > cap:
            raise TooLarge(url, f"the page is {int(length):,} bytes, over the {cap:,}-byte cap (max_bytes)")
        body = self._read(url, resp, deadline)
        kind = binary_kind(body)
        if kind:
            called = mime or "nothing"
            raise NotAnArticle(url, f"the body is binary ({kind}), though the server called it {called}; not a page")
        return Fetched(
            url=url,
            final_url=current,
            status=status,
            body=body,
            content_type=mime,
            charset=resp.charset_encoding,
            etag=resp.headers.get("etag"),
            last_modified=resp.headers.get("last-modified"),
            elapsed=time.monotonic() - started,
            headers=kept_headers(resp.headers.multi_items()),
        )

    def _read(self, url: str, resp: httpx.Response, deadline: float) -> bytes:
        def in_time() -> None:
            if time.monotonic() > deadline:
                raise FetchTimeout(url, self._total_message())

        cap = self.settings.max_bytes
        try:
            return read_capped(resp.iter_raw(), resp.headers.get("content-encoding"), cap, in_time)
        except BodyTooLarge:
            raise TooLarge(url, f"the page is over the {cap:,}-byte cap (max_bytes); not a news article") from None
        except BodyUnreadable as exc:
            raise BadResponse(url, str(exc)) from None


# Not kept: a cookie is the reader's credential, not the page's; the body is stored decoded,
# so its encoding and lengths no longer describe it; hop-by-hop headers describe the connection.
_NOT_KEPT = frozenset(
    {
        "set-cookie",
        "content-encoding",
        "content-length",
        "transfer-encoding",
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "trailer",
        "upgrade",
    }
)


def kept_headers(items: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The response headers worth keeping with a stored page, in the order they came."""
    return tuple((name, value) for name, value in items if name.lower() not in _NOT_KEPT)


def _redirect_target(url: str, current: str, status: int, location: str) -> str:
    target = urljoin(current, location.strip())
    try:
        return normalise_url(target)
    except InvalidURL as exc:
        why = str(exc).split("tracker can follow: ", 1)[-1]
        raise BadResponse(url, f"HTTP {status} redirects to {target!r}, which tracker cannot follow: {why}") from None


def _status_error(url: str, status: int, retry_after_header: str | None) -> HTTPStatusError:
    reason = http.client.responses.get(status, "")
    said = f"HTTP {status} {reason}".rstrip()
    if status in (404, 410):
        return Gone(url, status, f"{said}: the article was taken down or moved; check the URL in a browser")
    retry_after = retry_after_seconds(retry_after_header)
    if status == 429:
        wait = f" and asks for {retry_after:.0f}s" if retry_after is not None else ""
        message = f"{said}: the site is rate-limiting tracker{wait}; checks will back off"
    elif status >= 500:
        message = f"{said}: the site is having trouble; tracker will try again at the next check"
    else:
        message = f"{said}: the site refused the request; open the URL in a browser to see why"
    return HTTPStatusError(url, status, message, retry_after=retry_after)


def _describe(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
