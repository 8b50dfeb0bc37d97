"""The one error a view raises to answer with a status and a message (JSON under /api/,
a short HTML page elsewhere)."""

from __future__ import annotations

MAX_ID = 2**31 - 1  # the largest id an INTEGER column holds on PostgreSQL (ids, version numbers)


class WebError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def bad_request(message: str) -> WebError:
    return WebError(400, message)


def not_found(message: str) -> WebError:
    return WebError(404, message)
