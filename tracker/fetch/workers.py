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
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from tracker.engine.model import Article, ChangeReport
from tracker.errors import ExtractError


class SuspectPage(ExtractError):
    """The page is a stand-in (soft 404, JavaScript shell, consent wall) with no article.
    Raised in a worker process, so its arguments are all it carries (it must pickle)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(kind, message)
        self.kind = kind
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class Page:
    """What a worker read from a fetched page: its visible-text hash, and the article
    unless the hash matched the one we already had."""

    page_hash: str
    article: Article | None
    signals: frozenset[str] = frozenset()  # notices on the page (tracker.fetch.suspect)


def read_page(
    body: bytes | str,
    url: str | None,
    known_hash: str | None,
    charset: str | None = None,
    select: str | None = None,
    ignore: str | None = None,
) -> Page:
    """Runs in a worker process: hash the visible text, extract the article if it is new.
    Bytes are decoded here (declared charset, else UTF-8, else detected), off the main process.
    A story's selectors (tracker.fetch.select) shape the page before extraction."""
    from tracker.engine.text import article_from_text, fingerprint
    from tracker.fetch.charsets import decode_body
    from tracker.fetch.extract import article_from_html, hash_of_visible, is_html, visible_text
    from tracker.fetch.suspect import REASONS, shell_signals, signals

    if not is_html(body):  # a plain-text article
        article = article_from_text(decode_body(body, charset) if isinstance(body, bytes) else body)
        digest = fingerprint(article)
        return Page(digest, None if digest == known_hash else article)
    visible = visible_text(body)
    digest = hash_of_visible(visible)
    if known_hash is not None and digest == known_hash:
        return Page(digest, None)
    text = decode_body(body, charset) if isinstance(body, bytes) else body
    try:
        if select or ignore:
            from tracker.fetch.select import apply_selectors

            article = article_from_html(apply_selectors(text, select, ignore), url=url)
        else:
            article = article_from_html(text, url=url)
    except ExtractError as exc:
        shell = shell_signals(text) & {"not_found", "js_only", "consent"}
        if shell:
            kind = sorted(shell)[0]
            raise SuspectPage(kind, f"{url or 'the page'}: {REASONS[kind]}, with no article text") from exc
        raise
    # the notices are read from the text already stripped for the hash (charset aside:
    # they are ASCII words, and an undecodable byte is one character, as the patterns allow)
    return Page(digest, article, signals(visible.decode("utf-8", "replace")))


def compare_articles(old: Article, new: Article) -> ChangeReport:
    """Runs in a worker process: the diff engine on two revisions."""
    from tracker.engine.compare import compare

    return compare(old, new)


PARENT_POLL = 0.5  # seconds between a worker's looks at whether its parent still lives


def _exit_with_parent(parent: int) -> None:
    """Runs first in each worker: a daemon thread ends the worker when its parent is gone.

    A `kill -9` of `tracker run` gives the pool no chance to stop its workers; they would
    live on (about 26 MB each), and with them multiprocessing's resource tracker, whose
    pipe they hold open. Re-parenting (getppid changes) is the portable sign of the death.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class Extraction:
    """`read(body, url, known_hash) -> Page`, inline or in `workers` processes.

    The pool starts with the first page to extract, not before: a round of 304s and
    unchanged pages never pays for starting processes."""

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    @staticmethod
    def default_workers() -> int:
        return max(1, os.cpu_count() or 1)

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the parent runs threads (HTTP clients, the scheduler)
                self._pool = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_exit_with_parent,
                    initargs=(os.getpid(),),
                )
            return self._pool

    def read(
        self,
        body: bytes | str,
        url: str | None,
        known_hash: str | None,
        charset: str | None = None,
        select: str | None = None,
        ignore: str | None = None,
    ) -> Page:
        if self.workers <= 0:
            return read_page(body, url, known_hash, charset, select, ignore)
        for attempt in (1, 2):
            future: Future[Page] = self._started().submit(read_page, body, url, known_hash, charset, select, ignore)
            try:
                return future.result()
            except BrokenProcessPool:  # its pool was recycled under it (see compare): once more, on the new one
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def compare(self, old: Article, new: Article, budget: float) -> ChangeReport | None:
        """`compare(old, new)` in a worker, or None when it takes longer than `budget` seconds.

        The diff engine is near-linear, but a hostile or enormous article must not hold the
        service's main process (or a worker) for minutes: past the budget the worker is
        ended and the pool replaced, and the caller stores the version with a text-only
        report. Inline (no workers) there is no process to end, so no budget."""
        if self.workers <= 0 or budget <= 0:
            return compare_articles(old, new)
        pool = self._started()
        future: Future[ChangeReport] = pool.submit(compare_articles, old, new)
        try:
            return future.result(timeout=budget)
        except FutureTimeout:
            self._recycle(pool)
            return None

    def _recycle(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        # ProcessPoolExecutor cannot cancel a running task; ending its processes is the only way.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
            _stop_resource_tracker()

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stop_resource_tracker() -> None:
    """The pool's semaphores started multiprocessing's resource tracker, which otherwise
    outlives `tracker check` until the interpreter exits; stop it with the pool."""
    from multiprocessing import resource_tracker

    stop = getattr(resource_tracker._resource_tracker, "_stop", None)
    if callable(stop):
        stop()
