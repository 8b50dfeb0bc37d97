"""Serving the app: waitress, a production WSGI server (threads, no fork, pure Python, on
every OS), bound to 127.0.0.1 unless told otherwise: a shared service goes behind a proxy
that terminates TLS."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from storage import Store
from tracker.config import Settings
from tracker.web.app import create_app


def make_server(settings: Settings, store: Store, host: str = "127.0.0.1", port: int = 8080, threads: int = 8) -> Any:
    """A waitress server, bound and listening (port 0: any free port; see `.effective_port`)."""
    from waitress.server import create_server

    return create_server(create_app(settings, store), host=host, port=port, threads=threads, ident="tracker")


def address(server: Any) -> str:
    host, port = server.effective_host, server.effective_port
    return f"http://{host}:{port}"


def close_all(socket_map: dict[Any, Any]) -> None:
    from waitress.wasyncore import close_all as close

    close(socket_map, ignore_all=True)


@contextmanager
def running(settings: Settings, store: Store, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """The app served in a background thread for the block; yields its base URL (the tests
    use it)."""
    with serving(make_server(settings, store, host, port)) as base:
        yield base


@contextmanager
def serving(server: Any) -> Iterator[str]:
    """A server from `make_server` run in a background thread for the block (the demo's)."""
    thread = threading.Thread(target=server.run, name="tracker-web", daemon=True)
    thread.start()
    try:
        yield address(server)
    finally:
        # the request threads finish first; then the loop's own thread closes every socket
        # (through waitress's trigger), so that no select() is left watching a closed one
        server.task_dispatcher.shutdown()
        server.trigger.pull_trigger(lambda: close_all(server._map))
        thread.join(timeout=5)
