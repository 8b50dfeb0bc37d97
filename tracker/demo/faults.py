"""The seed server's fault pages: every way a news site misbehaves, on demand, for fetcher tests.

`fault_reply(name, params, state, wait)` answers `/_fault/<name>?<params>` with a `Reply`:
an error status, a slow or huge body, a binary body, broken or Latin-1 HTML, a redirect, or a
page that fails a few times before it works. `FaultState` remembers, per key, how often the
flaky and retry-after pages have been asked for, so each test picks its own key and does not
see another test's counts. Nothing here touches a socket; `tracker.demo.server` sends the reply.
"""

from __future__ import annotations

import math
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http import HTTPStatus

HTML = "text/html; charset=utf-8"
MAX_SLOW_SECONDS = 60.0
MAX_HUGE_MB = 512.0
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Reply:
    """What to send: a status, headers, and either a body or a stream of chunks (sent chunked)."""

    status: int
    body: bytes = b""
    content_type: str | None = HTML
    headers: tuple[tuple[str, str], ...] = ()
    stream: Callable[[], Iterator[bytes]] | None = None


class FaultState:
    """Per-key request counts for the stateful fault pages (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hits: Counter[tuple[str, str]] = Counter()

    def hit(self, page: str, key: str) -> int:
        """Count one request for (page, key); return how many came before it."""
        with self._lock:
            before = self._hits[(page, key)]
            self._hits[(page, key)] = before + 1
            return before


def page(title: str, *paragraphs: str) -> bytes:
    """A small, well-formed article page."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
        f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>"
    ).encode()


def bad_request(message: str) -> Reply:
    return Reply(400, page("Bad request", message))


def _number(params: dict[str, str], name: str, default: float, low: float, high: float) -> float:
    raw = params.get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a number") from None
    if not (low <= value <= high) or math.isnan(value):
        raise ValueError(f"{name}={raw!r} is out of range: give a value from {low:g} to {high:g}")
    return value


def _status_page(code: int) -> Reply:
    try:
        phrase = HTTPStatus(code).phrase
    except ValueError:
        phrase = "Unknown status"
    if code in (204, 304):
        return Reply(code, b"", content_type=None)
    return Reply(code, page(f"{code} {phrase}", f"The seed server answered {code} on purpose."))


def _status(rest: str) -> Reply:
    if not rest.isdigit() or not 200 <= int(rest) <= 599:
        return bad_request(f"/_fault/status/{rest}: give a status code from 200 to 599, e.g. /_fault/status/503")
    return _status_page(int(rest))


def _slow(params: dict[str, str], wait: Callable[[float], object]) -> Reply:
    seconds = _number(params, "seconds", 1.0, 0.0, MAX_SLOW_SECONDS)
    wait(seconds)
    return Reply(200, page("A slow page", f"This page waited {seconds:g} seconds before answering."))


def _binary() -> Reply:
    # a PNG signature and IHDR chunk, then bytes that are not text in any encoding
    head = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
    return Reply(200, head + bytes((i * 151 + 7) % 256 for i in range(2048)), content_type="image/png")


def _octet() -> Reply:
    body = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64 + bytes(range(256)) * 8 + b"not an article\x00\x00"
    return Reply(200, body, content_type="application/octet-stream")


def _huge(params: dict[str, str]) -> Reply:
    total = int(_number(params, "mb", 1.0, 0.001, MAX_HUGE_MB) * 1024 * 1024)
    prefix = (
        b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A huge page</title></head>'
        b"<body><article><h1>A huge page</h1>\n"
    )
    suffix = b"</article></body></html>\n"
    para = b"<p>This paragraph is one of very many that make this page far larger than any article should be.</p>\n"

    def chunks() -> Iterator[bytes]:
        yield prefix
        left = max(0, total - len(prefix) - len(suffix))
        block = para * (_CHUNK // len(para))
        while left >= len(block):
            yield block
            left -= len(block)
        whole = left // len(para)
        yield para * whole + b" " * (left - whole * len(para))
        yield suffix

    if params.get("declare") == "1":
        size = max(total, len(prefix) + len(suffix))
        return Reply(200, content_type=HTML, headers=(("Content-Length", str(size)),), stream=chunks)
    return Reply(200, content_type=HTML, stream=chunks)


_BROKEN = (
    "<html><head><title>Storm knocks out power to Bexley Flats</title><meta charset=utf-8>"
    "<body bgcolor=white><div class=story><table><tr><td><h1>Storm knocks out power to Bexley Flats</td>"
    "<p>A line of thunderstorms knocked out power to much of Bexley Flats on Thursday evening"
    ", toppling trees across Quarry Road and the school parking lot.<b>"
    "<p>The utility said crews would work through the night<i> and that most customers should have power back by"
    " Friday afternoon.</b></i></div></div></span>"
    "<p class=note id=a id=b>No injuries were reported, the volunteer fire department said in a short statement."
    "<span><p>Residents were asked to stay away from downed lines and to report them to the utility right away."
    "</td></tr></table></form><li>Share this story<li>Print"
    "<!-- an unterminated comment at the end swallows nothing but itself"
)


def _broken() -> Reply:
    return Reply(200, _BROKEN.encode())


def _flaky(params: dict[str, str], state: FaultState) -> Reply:
    key = params.get("key", "default")
    fail = int(_number(params, "fail", 2, 0, 1000))
    status = int(_number(params, "status", 503, 400, 599))
    if state.hit("flaky", key) < fail:
        return _status_page(status)
    return Reply(200, page("A flaky page", f"This page failed {fail} times for key {key!r} and now works."))


def _retry_after(params: dict[str, str], state: FaultState) -> Reply:
    key = params.get("key", "default")
    raw = params.get("seconds", "1")
    seconds = _number(params, "seconds", 1.0, 0.0, 86400.0)
    if state.hit("retry-after", key) > 0:
        return Reply(200, page("Retry worked", f"The second request for key {key!r} is served."))
    if params.get("date") == "1":
        value = format_datetime(datetime.now(UTC) + timedelta(seconds=seconds), usegmt=True)
    else:
        value = raw  # echoed as given: an integer for standard clients, a fraction for quick tests
    return Reply(429, page("Too many requests", "Slow down and try again later."), headers=(("Retry-After", value),))


def _redirect(params: dict[str, str]) -> Reply:
    target = params.get("to")
    if not target:
        return bad_request("/_fault/redirect needs ?to=URL (absolute, or a path on this server)")
    status = int(_number(params, "status", 302, 300, 308))
    if status not in (301, 302, 303, 307, 308):
        return bad_request(f"status={status} is not a redirect: use 301, 302, 303, 307 or 308")
    return Reply(status, page("Moved", f"See {target}"), headers=(("Location", target),))


_LATIN1 = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="iso-8859-1"><title>Le café de la gare rouvre</title></head>'
    "<body><article><h1>Le café de la gare rouvre à Saint-Aubérive</h1>"
    "<p>Après dix-huit mois de travaux, le café de la gare de Saint-Aubérive a rouvert ses portes samedi, "
    "à la grande joie des habitués.</p>"
    "<p>« On a gardé le comptoir d'origine », a déclaré la gérante, Hélène Marchal, 52 ans. "
    "Le petit noir coûte toujours un euro vingt, et la terrasse reste chauffée à 19 °C l'hiver.</p>"
    "<p>La mairie a financé la moitié des travaux, selon le conseil municipal. "
    "Señor Núñez, un client fidèle venu de Cádiz, a salué « un vrai lieu de rencontre ».</p>"
    "</article></body></html>"
)


def _latin1() -> Reply:
    # declared only in <meta charset>: the Content-Type header names no charset
    return Reply(200, _LATIN1.encode("iso-8859-1"), content_type="text/html")


def fault_reply(name: str, params: dict[str, str], state: FaultState, wait: Callable[[float], object]) -> Reply:
    """The reply for /_fault/<name>; `name` may carry a sub-path (status/503)."""
    head, _, rest = name.partition("/")
    try:
        if head == "status":
            return _status(rest)
        if rest:
            return Reply(404, page("Not found", f"There is no fault page /_fault/{name}."))
        simple: dict[str, Callable[[], Reply]] = {
            "binary": _binary,
            "octet": _octet,
            "broken": _broken,
            "latin1": _latin1,
            "gone": lambda: _status_page(410),
            "slow": lambda: _slow(params, wait),
            "huge": lambda: _huge(params),
            "flaky": lambda: _flaky(params, state),
            "retry-after": lambda: _retry_after(params, state),
            "redirect": lambda: _redirect(params),
        }
        make = simple.get(head)
        if make is None:
            known = ", ".join(["status/<code>", *sorted(simple)])
            return Reply(404, page("Not found", f"There is no fault page /_fault/{name}; there are: {known}."))
        return make()
    except ValueError as exc:
        return bad_request(f"/_fault/{name}: {exc}")
