"""Who may write: the holder of the `web_token` setting, and nobody when it is unset.

The API takes it as `Authorization: Bearer TOKEN`; the pages take it once on the sign-in
form and keep a signed session cookie (Flask's, keyed by an HMAC of the token, so changing
the token signs everyone out). Every form carries a CSRF token bound to the session and
checked on POST. Reading is open unless `web_read_token` is set: the API and feeds then
need it (or the write token) as a bearer token or `?token=`, and a browser signs in with
it to read. Tokens are compared in constant time and never logged or rendered.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import request, session

from tracker.config import Settings
from tracker.web.errors import WebError


def session_key(settings: Settings) -> bytes:
    if not settings.web_token:
        return secrets.token_bytes(32)  # no one can sign in; sessions mean nothing
    return hmac.new(settings.web_token.encode(), b"tracker web session", hashlib.sha256).digest()


def _same(given: str, expected: str) -> bool:
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def _bearer() -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def signed_in() -> bool:
    return bool(session.get("signed_in"))


def sign_in(settings: Settings, token: str) -> bool:
    """The write token signs a user in; the read token (when set) lets a browser read."""
    writer = _same(token, settings.web_token)
    if not writer and not _same(token, settings.web_read_token):
        return False
    session.clear()
    session["signed_in"] = writer
    session["reader"] = True
    session["csrf"] = secrets.token_urlsafe(24)
    return True


def csrf_token() -> str:
    token = session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(24)
        session["csrf"] = token
    return str(token)


def require_form_writer() -> None:
    """A POST from a page: a signed-in session and its CSRF token."""
    if not signed_in():
        raise WebError(401, "sign in to change anything")
    check_csrf()


def check_csrf() -> None:
    """The form's token must be this session's: another site can make a browser post a
    form, with its cookie, but cannot read the token from tracker's pages."""
    sent = request.form.get("csrf", "")
    if not _same(sent, str(session.get("csrf", ""))):
        raise WebError(400, "the form is out of date (CSRF token missing or wrong): reload the page and try again")


def require_api_writer(settings: Settings) -> None:
    if not settings.web_token:
        raise WebError(403, "writes are turned off: set the web_token setting to allow them")
    if not _same(_bearer(), settings.web_token):
        raise WebError(401, "this needs the header Authorization: Bearer <web_token>")


def require_reader(settings: Settings) -> None:
    """When `web_read_token` is set, reading needs it (or the write token, or a session)."""
    if not settings.web_read_token or session.get("reader"):
        return
    given = _bearer() or request.args.get("token", "")
    if _same(given, settings.web_read_token) or _same(given, settings.web_token):
        return
    raise WebError(401, "reading needs the read token: Authorization: Bearer <web_read_token> or ?token=")
