"""Secrets out of what a person reads: a URL's password and the tokens in webhook URLs.

A database URL may carry its password (`postgresql://tracker:pw@db/tracker`), and a
webhook URL is itself the credential (`https://hooks.slack.com/services/T../B../XXXX`:
whoever has it can post to the channel). This module is the one place that decides what
of them is secret; `tracker config`, the logs (tracker/logs.py redacts every record), the
CLI's output and error lines, and the errors stored for failed deliveries all go through
it. The stored values themselves are untouched: the service still needs them.

- `redact_url(url)`: the password in the user-info becomes `***` (the user name stays, it
  says which account), and so does the value of a query parameter named like a secret
  (`password=`, `token=`, `api_key=` ...). Works on text that does not parse as a URL.
- `redact_url(url, webhook=True)`: also the path after its first segment and every query
  value (`https://hooks.slack.com/services/***`), and any user-info: which part of a
  webhook URL is its token differs per service, so everything that may be is hidden, and
  the scheme, host, port and first segment still tell a reader which hook it is.
- `redact_text(text)`: every URL in free text (a log line, an error) redacted, as a webhook
  when it looks like one (a `hooks.` or `webhook` host, a `/hooks/` or `/webhooks/` path,
  the hosts of the common chat services).
"""

from __future__ import annotations

import re

MASK = "***"

_SCHEME_AND_AUTHORITY = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*://)([^/?#]*)(.*)$", re.DOTALL)
_SECRET_PARAM = re.compile(
    r"(?i)^(?:password|passwd|pwd|pass|secret|client_secret|token|access_token|auth_token|private_token|"
    r"api_?key|sig|signature|auth)$"
)
_URL_IN_TEXT = re.compile(r"""[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'"<>`]+""")
_WEBHOOK_HOST = re.compile(
    r"(?i)^(?:hooks\.|[^/]*webhook|discord(?:app)?\.com$|chat\.googleapis\.com$|maker\.ifttt\.com$|api\.telegram\.org$)"
)
_WEBHOOK_SEGMENT = re.compile(r"(?i)^(?:hooks?|webhooks?|webhookb2)$")
# A path segment that may be a token: 16 or more URL-safe characters, or 8 or more with
# three digits and a letter ("T0AAA1111", "3f9a8b7c"; not "webhookb2" or "tracker").
_TOKEN_LIKE = re.compile(r"^(?=(?:.*[0-9]){3})(?=.*[a-zA-Z])[A-Za-z0-9_.~@-]{8,}$|^[A-Za-z0-9_.~@-]{16,}$")


def _host(authority: str) -> str:
    host = authority.rpartition("@")[2]
    return host.rsplit(":", 1)[0] if not host.endswith("]") else host


def _query(query: str, everything: bool) -> str:
    pieces = []
    for piece in query.split("&"):
        name, eq, value = piece.partition("=")
        secret = value and (everything or _SECRET_PARAM.match(name))
        pieces.append(f"{name}{eq}{MASK}" if secret else piece)
    return "&".join(pieces)


def _webhook_path(path: str) -> str:
    """The first path segment (unless it looks like a token itself), then `***` for the rest."""
    segments = path.split("/")  # "", first, rest ...
    if len(segments) < 2 or segments[1:] == [""]:
        return path
    first = segments[1]
    if _TOKEN_LIKE.match(first):
        return "/" + MASK
    return f"/{first}/{MASK}" if any(segments[2:]) else path


def is_webhook_like(url: str) -> bool:
    """Whether a URL found in free text looks like a webhook (whose path holds its token)."""
    match = _SCHEME_AND_AUTHORITY.match(url)
    if match is None:
        return False
    _, authority, rest = match.groups()
    if _WEBHOOK_HOST.match(_host(authority)):
        return True
    path = re.split(r"[?#]", rest, maxsplit=1)[0]
    return any(_WEBHOOK_SEGMENT.match(segment) for segment in path.split("/"))


def redact_url(url: str, *, webhook: bool = False) -> str:
    """`url` with its secrets replaced by `***` (see the module's docstring for what is secret)."""
    match = _SCHEME_AND_AUTHORITY.match(url)
    if match is None:
        return url
    scheme, authority, rest = match.groups()
    userinfo, at, hostport = authority.rpartition("@")
    if at:
        user, colon, _ = userinfo.partition(":")
        authority = f"{MASK}@{hostport}" if webhook else f"{user}:{MASK}@{hostport}" if colon else authority
    path, hashmark, fragment = rest.partition("#")
    path, question, query = path.partition("?")
    if webhook:
        path = _webhook_path(path)
        fragment = MASK if fragment else ""
    if question:
        query = _query(query, everything=webhook)
    return f"{scheme}{authority}{path}{question}{query}{hashmark}{fragment}"


def redact_text(text: str) -> str:
    """`text` with every URL in it redacted (as a webhook when it looks like one)."""
    if "://" not in text:
        return text
    return _URL_IN_TEXT.sub(_redact_match, text)


def _redact_match(match: re.Match[str]) -> str:
    found = match.group(0)
    url = found.rstrip(".,;:!?)]}")  # the sentence's punctuation, not the URL's
    return redact_url(url, webhook=is_webhook_like(url)) + found[len(url) :]
