"""A local HTTP server that replays the seed stories, revision by revision, on 127.0.0.1.

Each story in `seeds/` is served at its own path as a whole news page, with an ETag (a hash
of the body) and a Last-Modified from the page's dateModified; a matching If-None-Match (or,
without one, a fresh enough If-Modified-Since) gets a 304. When a story moves on:

    manual    only `set_revision`/`advance` or the /_control endpoints move it
    request   every 200 GET of a story serves its current revision, then moves it to the next
              (it stays on the last; a 304 or a HEAD does not move it)
    interval  revision = 1 + floor(elapsed / every), elapsed read from the injected clock at
              request time since start(), capped at the last (no background thread);
              set/advance shift a story from there

Other routes: `/` (an index), `/feed.xml` (RSS 2.0 of the stories), `/_control/set?slug=&rev=`,
`/_control/advance[?slug=]` and `/_control/state` (GET or POST; each answers the JSON state),
and the fault pages of `tracker.demo.faults` under `/_fault/`. `requests` counts every request
by path (query dropped).
"""

from __future__ import annotations

import ipaddress
import json
import math
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

from seeds import SeedStory, load_stories
from tracker.demo.faults import FaultState, Reply, fault_reply, page
from tracker.demo.pages import ServedStory, feed_xml, http_date, index_page, not_modified, prepare
from tracker.errors import UsageError

Advance = Literal["manual", "request", "interval"]
MODES: tuple[Advance, ...] = ("manual", "request", "interval")


def _loopback(host: str) -> str:
    if host == "localhost":
        return "127.0.0.1"
    try:
        if ipaddress.IPv4Address(host).is_loopback:
            return host
    except ValueError:
        pass
    raise UsageError(
        f"{host!r} is not a loopback address: the seed server only listens on 127.0.0.1 "
        "(its test pages and fault endpoints must not be reachable from the network)"
    )


def _json(status: int, data: dict[str, Any]) -> Reply:
    return Reply(status, json.dumps(data, indent=1).encode(), content_type="application/json")


class SeedServer:
    """The seed stories on a local HTTP server. Use as a context manager, or start()/stop()."""

    def __init__(
        self,
        stories: Iterable[SeedStory | str] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        advance: str = "manual",
        every: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        *,
        verbose: bool = False,
    ) -> None:
        if advance not in MODES:
            raise UsageError(f"advance={advance!r} is not a mode: use one of {', '.join(MODES)}")
        if not (every > 0 and math.isfinite(every)):
            raise UsageError(f"every={every!r} must be a positive number of seconds")
        self.advance_mode: Advance = advance
        self.every = every
        self.clock = clock
        self.verbose = verbose  # log each request to stderr, as http.server does
        self.stories = self._pick(stories)
        self.requests: Counter[str] = Counter()
        self.faults = FaultState()
        self._by_path = {s.path: s for s in self.stories.values()}
        self._current = dict.fromkeys(self.stories, 1)  # manual and request modes
        self._offset = dict.fromkeys(self.stories, 0)  # interval mode: the shift set/advance made
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._started_at = clock()
        try:
            self._httpd = ThreadingHTTPServer((_loopback(host), port), _handler_for(self))
        except OSError as exc:
            raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror or exc}): pick another port") from exc
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False

    @staticmethod
    def _pick(stories: Iterable[SeedStory | str] | None) -> dict[str, ServedStory]:
        seeds = {s.slug: s for s in load_stories()}
        chosen: list[SeedStory] = []
        for item in seeds.values() if stories is None else stories:
            if isinstance(item, str) and item not in seeds:
                raise UsageError(f"no seed story {item!r}: the seeds are {', '.join(sorted(seeds))}")
            chosen.append(seeds[item] if isinstance(item, str) else item)
        if not chosen:
            raise UsageError("no stories to serve: give at least one seed story, or None for all of them")
        return {s.slug: prepare(s) for s in sorted(chosen, key=lambda s: s.slug)}

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> SeedServer:
        """Serve in a daemon thread; the interval clock starts now."""
        if self._thread is None:
            self._started_at = self.clock()
            # a short poll keeps stop() quick: shutdown() waits for the loop's next look at its flag
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="seed-server", daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes any request waiting in /_fault/slow
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> SeedServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    # -- addresses -----------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The base URL, without a trailing slash: http://127.0.0.1:<port>."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def _story(self, slug: str) -> ServedStory:
        story = self.stories.get(slug)
        if story is None:
            raise UsageError(f"no seed story {slug!r} on this server: it serves {', '.join(self.stories)}")
        return story

    def story_url(self, slug: str) -> str:
        return self.url + self._story(slug).path

    # -- revisions -----------------------------------------------------------------------

    def _interval_base(self) -> int:
        return 1 + math.floor(max(0.0, self.clock() - self._started_at) / self.every)

    def _revision(self, slug: str) -> int:  # the caller holds the lock
        if self.advance_mode == "interval":
            last = len(self.stories[slug].revisions)
            return max(1, min(last, self._interval_base() + self._offset[slug]))
        return self._current[slug]

    def revision(self, slug: str) -> int:
        """The revision (1-based) a GET of the story would be served now."""
        self._story(slug)
        with self._lock:
            return self._revision(slug)

    def set_revision(self, slug: str, n: int) -> None:
        last = len(self._story(slug).revisions)
        if not 1 <= n <= last:
            raise UsageError(f"{slug!r} has revisions 1 to {last}, not {n}")
        with self._lock:
            if self.advance_mode == "interval":
                self._offset[slug] = n - self._interval_base()
            else:
                self._current[slug] = n

    def advance(self, slug: str | None = None) -> None:
        """Move one story, or every story, to its next revision; the last one stays."""
        slugs = list(self.stories) if slug is None else [self._story(slug).slug]
        with self._lock:
            for s in slugs:
                if self._revision(s) < len(self.stories[s].revisions):
                    if self.advance_mode == "interval":
                        self._offset[s] += 1
                    else:
                        self._current[s] += 1

    def state(self) -> dict[str, Any]:
        with self._lock:
            stories = {
                slug: {
                    "revision": self._revision(slug),
                    "revisions": len(s.revisions),
                    "path": s.path,
                    "url": self.url + s.path,
                    "title": s.title,
                }
                for slug, s in self.stories.items()
            }
            return {
                "advance": self.advance_mode,
                "every": self.every,
                "stories": stories,
                "requests": dict(self.requests),
            }

    # -- answering -----------------------------------------------------------------------

    def serve_story(self, story: ServedStory, headers: Any, method: str) -> tuple[Reply, int]:
        """The reply to a request for a story page, and the revision it carries. Only a GET
        answered 200 moves a story on in request mode (a HEAD or a 304 does not)."""
        with self._lock:
            n = self._revision(story.slug)
            rev = story.revisions[n - 1]
            cache = (("ETag", rev.etag), ("Last-Modified", http_date(rev.modified)), ("Cache-Control", "no-cache"))
            if not_modified(headers, rev):
                return Reply(304, content_type=None, headers=cache), n
            if method == "GET" and self.advance_mode == "request" and n < len(story.revisions):
                self._current[story.slug] = n + 1
        return Reply(200, rev.body, headers=cache), n

    def control(self, action: str, params: dict[str, str]) -> Reply:
        slug = params.get("slug") or None
        if slug is not None and slug not in self.stories:
            return _json(404, {"error": f"no seed story {slug!r} on this server: it serves {', '.join(self.stories)}"})
        if action == "set":
            rev = params.get("rev", "")
            if slug is None or not rev.isdigit():
                return _json(400, {"error": "/_control/set needs ?slug=<slug>&rev=<number>"})
            try:
                self.set_revision(slug, int(rev))
            except UsageError as exc:
                return _json(400, {"error": str(exc)})
        elif action == "advance":
            self.advance(slug)
        elif action != "state":
            return _json(404, {"error": f"no control action {action!r}: use set, advance or state"})
        return _json(200, self.state())

    def route(self, method: str, target: str, headers: Any, form: dict[str, str]) -> Reply:
        parts = urlsplit(target)
        path = parts.path or "/"
        params = {**dict(parse_qsl(parts.query)), **form}
        with self._lock:
            self.requests[path] += 1
        story = self._by_path.get(path) or self._by_path.get(path.rstrip("/"))
        if story is not None:
            return self.serve_story(story, headers, method)[0]
        if path in ("/", "/index.html"):
            return Reply(200, index_page(self.stories, self.revision, self.advance_mode))
        if path == "/feed.xml":
            return Reply(
                200, feed_xml(self.stories, self.revision, self.url), content_type="application/rss+xml; charset=utf-8"
            )
        if path.startswith("/_control/"):
            return self.control(path.removeprefix("/_control/"), params)
        if path.startswith("/_fault/"):
            return fault_reply(path.removeprefix("/_fault/"), params, self.faults, self._stopping.wait)
        return Reply(404, page("Not found", f"Nothing is served at {path}; see / for the seed stories."))


def _handler_for(server: SeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "tracker-seeds/1"

        def log_message(self, format: str, *args: Any) -> None:
            if server.verbose:
                super().log_message(format, *args)

        def _answer(self, form: dict[str, str] | None = None) -> None:
            reply = server.route(self.command, self.path, self.headers, form or {})
            try:
                self._send(reply, head=self.command == "HEAD")
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (a size cap, a timeout)

        def _send(self, reply: Reply, head: bool) -> None:
            self.send_response(reply.status)
            if reply.content_type:
                self.send_header("Content-Type", reply.content_type)
            for key, value in reply.headers:
                self.send_header(key, value)
            declared = any(k.lower() == "content-length" for k, _ in reply.headers)
            if reply.stream is not None and not declared:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                if not head:
                    for chunk in reply.stream():
                        self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                    self.wfile.write(b"0\r\n\r\n")
                return
            if not declared:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if head or reply.status in (204, 304):
                return
            for chunk in reply.stream() if reply.stream is not None else (reply.body,):
                self.wfile.write(chunk)

        def do_GET(self) -> None:
            self._answer()

        def do_HEAD(self) -> None:
            self._answer()

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8", "replace") if length else ""
            urlencoded = "urlencoded" in (self.headers.get("Content-Type") or "")
            self._answer(dict(parse_qsl(raw)) if urlencoded else None)

    return Handler


def serve_forever(host: str, port: int, advance: str, every: float) -> None:
    """Serve every seed story until interrupted (`tracker seeds serve`)."""
    with SeedServer(host=host, port=port, advance=advance, every=every, verbose=True) as server:
        how = f"a new revision every {every:g}s" if advance == "interval" else f"advance: {advance}"
        try:  # Ctrl-C right after the URLs are printed is still a clean stop
            print(f"Serving {len(server.stories)} seed stories on {server.url} ({how}):")
            for slug, story in server.stories.items():
                print(f"  {server.story_url(slug)}  ({len(story.revisions)} revisions)")
            print(f"Feed: {server.url}/feed.xml   State: {server.url}/_control/state   Ctrl-C stops.", flush=True)
            threading.Event().wait()
        except KeyboardInterrupt:
            print("\nStopped.")
