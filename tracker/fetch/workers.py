"""Extraction, the CPU-bound part of a check, in worker processes.

trafilatura costs 8-12 ms of CPU for a 100 KB page and holds the GIL while it works, so a
service that extracts in its own process uses one core at most. `Extraction` runs
`read_page` inline (for one-off checks) or in a pool of processes (for the service and for
`tracker check` on many stories). `read_page` first hashes the page's visible text: when
that matches the hash kept from the last fetch, the article cannot have changed and
extraction is skipped, which is what keeps a check of a page whose ad ids and nonces
change on every request at about a millisecond.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from tracker.engine.model import Article


@dataclass(frozen=True, slots=True)
class Page:
    """What a worker read from a fetched page: its visible-text hash, and the article
    unless the hash matched the one we already had."""

    page_hash: str
    article: Article | None


def read_page(body: bytes | str, url: str | None, known_hash: str | None, charset: str | None = None) -> Page:
    """Runs in a worker process: hash the visible text, extract the article if it is new.
    Bytes are decoded here (declared charset, else UTF-8, else detected), off the main process."""
    from tracker.engine.text import article_from_text, fingerprint
    from tracker.fetch.charsets import decode_body
    from tracker.fetch.extract import article_from_html, is_html, page_hash

    if not is_html(body):  # a plain-text article
        article = article_from_text(decode_body(body, charset) if isinstance(body, bytes) else body)
        digest = fingerprint(article)
        return Page(digest, None if digest == known_hash else article)
    digest = page_hash(body)
    if known_hash is not None and digest == known_hash:
        return Page(digest, None)
    text = decode_body(body, charset) if isinstance(body, bytes) else body
    return Page(digest, article_from_html(text, url=url))


class Extraction:
    """`read(body, url, known_hash) -> Page`, inline or in `workers` processes."""

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        if workers > 0:
            # spawn, not fork: the parent runs threads (HTTP clients, the scheduler)
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))

    @staticmethod
    def default_workers() -> int:
        return max(1, os.cpu_count() or 1)

    def read(self, body: bytes | str, url: str | None, known_hash: str | None, charset: str | None = None) -> Page:
        if self._pool is None:
            return read_page(body, url, known_hash, charset)
        future: Future[Page] = self._pool.submit(read_page, body, url, known_hash, charset)
        return future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
