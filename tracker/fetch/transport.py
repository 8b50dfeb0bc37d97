"""The fetcher's connections: httpx over an httpcore pool whose every TCP connection is checked.

`GuardedBackend` resolves the host itself (with the injectable resolver), applies the
address policy of tracker.fetch.netguard to every address, and then connects to one of those
very addresses. Checking and connecting on the same resolution is what closes DNS
rebinding; TLS still verifies the certificate against the host name, since httpcore
starts TLS with the origin's name, not the address. Pooled keep-alive connections were
checked when they were opened.

`GuardedTransport` is the small adapter that lets an `httpx.Client` use that pool
(httpx's own HTTPTransport does not take a network backend). httpcore exceptions pass
through it unchanged; the fetcher maps them.
"""

from __future__ import annotations

import functools
import ssl
from collections.abc import Iterable, Iterator

import httpcore
import httpx

from tracker.fetch.deadline import Deadline, DeadlineStream
from tracker.fetch.netguard import Resolver, addresses_for, system_resolver

MAX_ADDRESSES_TRIED = 3  # each gets the full connect timeout; the total deadline bounds the rest


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One verifying context (certifi's roots) for every fetcher: loading the roots takes a while."""
    return httpcore.default_ssl_context()


class GuardedBackend(httpcore.NetworkBackend):
    """TCP connections to checked addresses only. `inner` makes the connections (httpcore's sync backend)."""

    def __init__(
        self,
        resolver: Resolver | None,
        allow_private: bool,
        inner: httpcore.NetworkBackend | None = None,
        deadline: Deadline | None = None,
    ) -> None:
        self._resolver = resolver or system_resolver
        self._allow_private = allow_private
        self._inner = inner or httpcore.SyncBackend()
        self.deadline = deadline or Deadline()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = addresses_for(host, port, self._resolver, self._allow_private)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror or exc}") from None
        except UnicodeError:
            raise httpcore.ConnectError(f"cannot resolve {host}: not a valid host name") from None
        failure: Exception | None = None
        for address in addresses[:MAX_ADDRESSES_TRIED]:
            limit = self.deadline.bound(timeout)
            if limit is not None and limit <= 0:
                raise httpcore.ConnectTimeout("the fetch ran out of time")
            try:
                stream = self._inner.connect_tcp(
                    address, port, timeout=limit, local_address=local_address, socket_options=socket_options
                )
                return DeadlineStream(stream, self.deadline)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None  # addresses_for never returns an empty list
        raise failure

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError(f"tracker does not connect to unix sockets ({path})")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _Body(httpx.SyncByteStream):
    def __init__(self, response: httpcore.Response) -> None:
        self._response = response

    def __iter__(self) -> Iterator[bytes]:
        yield from self._response.iter_stream()

    def close(self) -> None:
        self._response.close()


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport over an httpcore pool with a GuardedBackend (HTTP/1.1, no proxies)."""

    def __init__(self, backend: httpcore.NetworkBackend, *, max_connections: int, keepalive: int) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=max_connections,
            max_keepalive_connections=keepalive,
            keepalive_expiry=15.0,
            network_backend=backend,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(request.stream, httpx.SyncByteStream):
            raise TypeError("GuardedTransport is synchronous: send it requests from httpx.Client")
        url = request.url
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        response = self._pool.handle_request(core)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()
