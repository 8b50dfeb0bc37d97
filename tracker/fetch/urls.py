"""URLs: the one normal form a story is stored under, and the host it is fetched from.

`normalise_url` refuses what tracker cannot fetch (not http/https, no host, credentials,
white space or control characters, a bad port) with an `InvalidURL` saying why. Otherwise it
lowercases the scheme and host, IDNA-encodes an international host, writes IP addresses
in their canonical form (`127.1` -> `127.0.0.1`, as browsers read them), drops the default
port, the fragment and tracking parameters (utm_*, fbclid, gclid...), keeps the other
parameters in their order and spelling, and percent-encodes what must be encoded.
Applying it twice gives what applying it once gave.

`host_of` names the host (and a non-default port) a URL is fetched from: the unit of
per-host concurrency limits.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import quote, unquote_plus, urlsplit, urlunsplit

import idna

from tracker.errors import InvalidURL

_DEFAULT_PORTS = {"http": 80, "https": 443}
_TRACKING = re.compile(
    r"""^(?:
        utm_\w+ | fbclid | gclid | dclid | gbraid | wbraid | msclkid | yclid | twclid | igshid
      | mc_cid | mc_eid | ocid | cmpid | icid | _ga | _gl | _hsenc | _hsmi | mkt_tok | oly_enc_id | oly_anon_id
      | ns_mchannel | ns_source | ns_campaign | ns_linkname | ns_fee | at_medium | at_campaign
      | s_cid | smid | smtyp | sr_share | ref_src | ref_url | vero_id | __twitter_impression
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")
# Kept as written: RFC 3986 unreserved and sub-delims, ':' and '@', and '%' so that escapes
# already present are not escaped again (which is what makes normalising idempotent).
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_PIECE_SAFE = "/?%:@!$'()*+,;=-._~"


def normalise_url(url: str) -> str:
    """The normal form of an http(s) URL, or InvalidURL saying what is wrong with it."""
    text = url.strip() if isinstance(url, str) else ""
    if not text:
        raise InvalidURL(url, "it is empty; give the full address, e.g. https://example.com/news/story")
    bad = next((ch for ch in text if ch.isspace() or not ch.isprintable()), None)
    if bad is not None:
        raise InvalidURL(url, f"it contains {bad!r} (white space or a control character); encode it or remove it")
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise InvalidURL(url, f"it cannot be parsed ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        after = text[len(scheme) + 1 :]
        if not scheme or ("://" not in text and after[:1].isdigit()):  # "localhost:8080", "example.com:80/x"
            raise InvalidURL(url, "it has no scheme; write it as https://...")
        raise InvalidURL(url, f"the scheme {scheme!r} is not http or https")
    if not text[len(scheme) + 1 :].startswith("//"):
        raise InvalidURL(url, f"it has no host; write it as {scheme}://host/path")
    if "@" in parts.netloc:
        raise InvalidURL(url, "it carries a user name or password; remove them (tracker sends no credentials)")
    host = _normal_host(url, parts.netloc)
    port = _port(url, parts.netloc)
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = _escape(parts.path or "/", _PATH_SAFE)
    query = "&".join(
        _escape(piece, _QUERY_PIECE_SAFE) for piece in parts.query.split("&") if piece and not _is_tracking(piece)
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def host_of(url: str) -> str:
    """The host, with its port when not the default, that a URL is fetched from: `example.com`, `[::1]:8080`."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is None or port == _DEFAULT_PORTS.get(parts.scheme.lower()):
        return host
    return f"{host}:{port}"


def _is_tracking(piece: str) -> bool:
    key = unquote_plus(piece.split("=", 1)[0])
    return bool(_TRACKING.match(key))


def _escape(text: str, safe: str) -> str:
    escaped = quote(text, safe=safe)
    return _ESCAPE.sub(lambda m: m.group(0).upper(), escaped)


def _split_netloc(netloc: str) -> tuple[str, str | None]:
    """(host, port text or None) of a netloc without credentials; IPv6 literals keep their brackets."""
    if netloc.startswith("["):
        end = netloc.find("]")
        if end < 0:
            return netloc, None
        rest = netloc[end + 1 :]
        return netloc[: end + 1], (rest[1:] if rest.startswith(":") else rest or None)
    host, sep, port = netloc.rpartition(":")
    return (host, port) if sep else (netloc, None)


def _port(url: str, netloc: str) -> int | None:
    _, text = _split_netloc(netloc)
    if text is None or text == "":
        return None
    if not text.isascii() or not text.isdigit():
        raise InvalidURL(url, f"the port {text!r} is not a number")
    port = int(text)
    if not 0 < port < 65536:
        raise InvalidURL(url, f"the port {port} is outside 1-65535")
    return port


def _normal_host(url: str, netloc: str) -> str:
    raw, _ = _split_netloc(netloc)
    if raw.startswith("["):
        if not raw.endswith("]"):
            raise InvalidURL(url, f"the IPv6 address {raw!r} has no closing ']'")
        try:
            address = ipaddress.IPv6Address(raw[1:-1])
        except ValueError:
            raise InvalidURL(url, f"{raw!r} is not a valid IPv6 address") from None
        if address.scope_id:
            raise InvalidURL(url, f"{raw!r} names a network interface (%zone); tracker cannot follow that")
        return f"[{address.compressed}]"
    host = raw.lower().rstrip(".")  # the root label's dot names the same host
    if not host:
        raise InvalidURL(url, "it has no host; write it as https://host/path")
    if "%" in host:
        raise InvalidURL(url, f"the host {raw!r} is percent-encoded; write it plainly")
    if not host.isascii():
        try:
            host = idna.encode(host, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError) as exc:
            raise InvalidURL(url, f"the host {raw!r} is not a valid international domain name ({exc})") from None
    labels = host.split(".")
    if _NUMERIC_LABEL.match(labels[-1]):
        return _ipv4(url, raw, host)
    if len(host) > 253 or not all(_LABEL.match(label) for label in labels):
        raise InvalidURL(url, f"the host {raw!r} is not a valid domain name")
    return host


def _ipv4(url: str, raw: str, host: str) -> str:
    """Dotted-quad form of an IPv4 host in any spelling browsers accept (`127.1`, `0x7f.0.0.1`, `2130706433`)."""
    try:
        packed = socket.inet_aton(host)
    except OSError:
        raise InvalidURL(url, f"the host {raw!r} looks like an IPv4 address but is not a valid one") from None
    return socket.inet_ntoa(packed)
