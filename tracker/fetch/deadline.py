"""One deadline for a whole fetch, enforced on every socket read and write.

httpx's read timeout bounds each read, not a response: a server sending its status line
or headers at one byte a second never trips it, and kept a check running for over nine
minutes. `Deadline` holds, per thread, the moment the current fetch must be over (all its
tries and redirects, headers included); `DeadlineStream` wraps each connection so no read
or write waits past it. The same object carries a cancel flag for shutdown: once set,
every blocked read of every connection gives up within `SLICE` seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpcore

SLICE = 0.25  # seconds a blocked read waits before it looks at the deadline and the cancel flag again


class Deadline:
    """The current thread's fetch deadline (time.monotonic), and a process-wide cancel flag."""

    def __init__(self) -> None:
        self._local = threading.local()
        self.cancelled = threading.Event()

    @contextmanager
    def until(self, end: float) -> Iterator[None]:
        previous = getattr(self._local, "end", None)
        self._local.end = end
        try:
            yield
        finally:
            self._local.end = previous

    def left(self) -> float | None:
        """Seconds until the deadline (may be <= 0), or None outside a fetch."""
        end = getattr(self._local, "end", None)
        return None if end is None else end - time.monotonic()

    def bound(self, timeout: float | None) -> float | None:
        left = self.left()
        if left is None:
            return timeout
        return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose reads and writes never outlast the fetch's deadline or a cancel."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._inner = inner
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        limit = self._deadline.bound(timeout)
        end = None if limit is None else time.monotonic() + limit
        while True:
            if self._deadline.cancelled.is_set():
                raise httpcore.ReadError("cancelled: tracker is shutting down")
            left = None if end is None else end - time.monotonic()
            if left is not None and left <= 0:
                raise httpcore.ReadTimeout("the fetch ran out of time")
            try:
                # A timed-out recv consumes nothing, so reading again in slices is safe.
                return self._inner.read(max_bytes, SLICE if left is None else min(left, SLICE))
            except httpcore.ReadTimeout:
                continue

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if self._deadline.cancelled.is_set():
            raise httpcore.WriteError("cancelled: tracker is shutting down")
        limit = self._deadline.bound(timeout)
        if limit is not None and limit <= 0:
            raise httpcore.WriteTimeout("the fetch ran out of time")
        self._inner.write(buffer, limit)

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._inner.start_tls(ssl_context, server_hostname, self._deadline.bound(timeout))
        return DeadlineStream(tls, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)
