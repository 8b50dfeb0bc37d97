"""URLs: the one normal form a story is stored under, and the host it is fetched from.

`normalise_url` refuses what tracker cannot fetch (no http/https, no host, credentials,
spaces, bad ports) with a message saying why, and otherwise lowercases the scheme and host
(IDNA-encoded), drops default ports, the fragment and tracking parameters (utm_*, fbclid,
gclid...), keeping the order of the other parameters. It is idempotent.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from tracker.errors import InvalidURL

_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|icid|igshid|_ga|_hsenc|_hsmi|yclid|"
    r"ref_src|ref_url|smid|smtyp|sr_share)$",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str) -> str:
    text = (url or "").strip()
    if not text:
        raise InvalidURL(url, "it is empty")
    if any(ch.isspace() for ch in text):
        raise InvalidURL(url, "it contains white space")
    if "://" not in text:
        raise InvalidURL(url, "it has no scheme; write it as https://...")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise InvalidURL(url, f"it cannot be parsed ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise InvalidURL(url, f"the scheme {scheme!r} is not http or https")
    if parts.username or parts.password:
        raise InvalidURL(url, "it carries a user name or password; tracker does not send credentials")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise InvalidURL(url, "it has no host")
    try:
        host = host.encode("idna").decode("ascii").lower() if not _is_ip_literal(host) else host.lower()
    except UnicodeError:
        raise InvalidURL(url, f"the host {host!r} is not a valid domain name") from None
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal keeps its brackets
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query_items = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    query = urlencode(query_items, doseq=True, safe="/:@!$'()*,;-._~")
    return urlunsplit((scheme, netloc, path, query, ""))


def _is_ip_literal(host: str) -> bool:
    return ":" in host or bool(re.fullmatch(r"[\d.]+", host))


def host_of(url: str) -> str:
    """The host (and port, when not the default) of a URL: the unit of per-host limits."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return host if port in (None, _DEFAULT_PORTS.get(parts.scheme)) else f"{host}:{port}"
