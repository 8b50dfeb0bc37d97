"""A local server of many generated ~100 KB news pages, for bench/service.py.

  python bench/pagesrv.py PORT N [--etag FRACTION]

  GET /s/<i>                          story i: ~100 KB of page chrome around a ~700-word
                                      article that depends on (i, version of i)
  GET /_admin/change?fraction=F&seed=S   bump the version of round(F * N) random stories
  GET /_admin/stats                   requests served, by status

Pages are assembled from pre-built parts, so the server spends little CPU per request (it
shares the machine with the tracker being measured). Stories i < FRACTION * N send an
ETag and answer If-None-Match with 304; the others never do. Binds 127.0.0.1 only.
"""

from __future__ import annotations

import json
import random
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

WORDS = (
    "river levee council rescue crews water homes roads power shelter county mayor residents storm rain "
    "bridge school hospital families volunteers evacuation damage officials forecast night morning"
).split()


def _chrome(rng: random.Random, size: int) -> str:
    parts = []
    while sum(len(p) for p in parts) < size:
        words = " ".join(rng.choice(WORDS) for _ in range(8))
        parts.append(
            f'<div class="card" data-id="{rng.getrandbits(32):x}"><a href="/x/{rng.getrandbits(24):x}">'
            f'{words.capitalize()}</a><span class="meta">{words[:20]}</span></div>\n'
        )
    return "".join(parts)


class Pages:
    def __init__(self, n: int, etag_fraction: float) -> None:
        self.n = n
        self.etag_upto = int(n * etag_fraction)
        self.version = [0] * n
        self.lock = threading.Lock()
        self.stats: Counter[str] = Counter()
        rng = random.Random(7)
        self.head = (
            "<!doctype html><html><head><title>{title} | The Valley Courier</title>"
            "<style>"
            + "body{font:16px serif}" * 200
            + "</style></head><body><header><nav>"
            + _chrome(rng, 30_000)
            + "</nav></header><main><article><h1>{title}</h1>"
        )
        self.tail = (
            "</article></main><aside><h3>Most read</h3>"
            + _chrome(rng, 40_000)
            + "</aside><footer>"
            + _chrome(rng, 20_000)
            + "</footer><script>"
            + "var x=1;" * 800
            + "</script></body></html>"
        )

    def body(self, i: int) -> bytes:
        v = self.version[i]
        rng = random.Random(i * 7919 + v)
        title = f"Flood update {i}: crews work through night in {rng.choice(WORDS)} county"
        paras = []
        for k in range(12):
            words = " ".join(rng.choice(WORDS) for _ in range(55))
            paras.append(f"<p>{words.capitalize()}, officials said on Tuesday; {k + 3 + v} homes were affected.</p>")
        return (self.head.replace("{title}", title) + "".join(paras) + self.tail).encode()


def make_handler(pages: Pages) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body and status != 304:
                self.wfile.write(body)
            with pages.lock:
                pages.stats[str(status)] += 1

        def do_GET(self) -> None:
            url = urlparse(self.path)
            if url.path == "/_admin/change":
                q = parse_qs(url.query)
                k = round(float(q.get("fraction", ["0.02"])[0]) * pages.n)
                ids = random.Random(int(q.get("seed", ["1"])[0])).sample(range(pages.n), k)
                with pages.lock:
                    for i in ids:
                        pages.version[i] += 1
                return self._send(200, json.dumps({"changed": len(ids)}).encode())
            if url.path == "/_admin/stats":
                return self._send(200, json.dumps(pages.stats).encode())
            parts = url.path.strip("/").split("/")
            if len(parts) != 2 or parts[0] != "s" or not parts[1].isdigit() or int(parts[1]) >= pages.n:
                return self._send(404, b"not found")
            i = int(parts[1])
            headers = {"Content-Type": "text/html; charset=utf-8"}
            if i < pages.etag_upto:
                etag = f'"{i}-{pages.version[i]}"'
                headers["ETag"] = etag
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", headers)
            return self._send(200, pages.body(i), headers)

    return Handler


def main() -> None:
    port, n = int(sys.argv[1]), int(sys.argv[2])
    fraction = float(sys.argv[sys.argv.index("--etag") + 1]) if "--etag" in sys.argv else 0.0
    pages = Pages(n, fraction)
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(pages))
    server.daemon_threads = True
    print(f"serving {n} pages of {len(pages.body(0)) // 1024} KB on http://127.0.0.1:{port}/s/<i>", flush=True)
    server.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    main()
