"""The address policy: which IP addresses tracker may connect to, and why the others are refused.

A shared tracker must not become a proxy into its own network: a story URL, a feed entry
or a redirect could point it at the cloud metadata service, a database admin page or
the router. So, unless `allow_private_networks` is set, an address is refused when it is
private, loopback, link-local, site-local, multicast, reserved, unspecified or otherwise
not globally routable; an IPv6 address that embeds an IPv4 one (IPv4-mapped, NAT64,
6to4, IPv4-compatible) is judged by the IPv4 address it carries. A host is refused when
ANY of its addresses is, so a name cannot mix a public address with an internal one.

`addresses_for` is what the fetcher's connections use (tracker.fetch.transport): the addresses
it returns are the ones checked and the only ones connected to, so a name that resolves
differently a moment later (DNS rebinding) cannot slip past the check. `check_address`
is the same check for code that connects by other means (alert webhooks).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from tracker.errors import BlockedAddress

# host, port -> the host's addresses as text ("93.184.216.34", "2606:2800::1").
Resolver = Callable[[str, int], Sequence[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

HOW_TO_ALLOW = (
    "tracker refuses private networks so that no page can make it reach internal services; "
    "to allow them set TRACKER_ALLOW_PRIVATE_NETWORKS=1 or allow_private_networks = true in the config file"
)
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
_CHECKS = (
    ("is_unspecified", "unspecified"),
    ("is_loopback", "loopback"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_reserved", "reserved"),
    ("is_private", "private"),
)


class AddressRefused(Exception):
    """Raised inside the transport; the fetcher turns it into BlockedAddress with the URL."""

    def __init__(self, host: str, address: str, reason: str) -> None:
        self.host = host
        self.address = address
        self.reason = reason
        shown = host if host == address else f"{host} resolves to {address}, which"
        super().__init__(f"refused: {shown} is {reason}; {HOW_TO_ALLOW}")


def system_resolver(host: str, port: int) -> list[str]:
    """The host's addresses from the system resolver (socket.getaddrinfo), in its order of preference."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


def refusal(address: IPAddress) -> str | None:
    """Why tracker may not connect to `address` ("a loopback address"), or None when it may."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            why = refusal(embedded)
            return f"{why} (inside the IPv6 address {address})" if why else None
        if address.is_site_local:
            return "a site-local address"
    for flag, what in _CHECKS:
        if getattr(address, flag):
            return f"a {what} address"
    if not address.is_global:
        return "an address that is not publicly routable"
    return None


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64 or (address in _IPV4_COMPATIBLE and int(address) > 1):  # ::1 and :: are themselves
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def parse_address(text: str) -> IPAddress | None:
    """The IP address `text` spells (brackets and an IPv6 zone allowed), or None for a name."""
    text = text.strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def addresses_for(host: str, port: int, resolver: Resolver, allow_private: bool) -> list[str]:
    """The distinct addresses to connect to for `host`, each one checked.

    Raises AddressRefused when any is refused, OSError (socket.gaierror) when the name does
    not resolve. An IP-literal host is its own and only address (the resolver is not asked).
    """
    literal = parse_address(host)
    if literal is not None:
        found = [str(literal)]
    else:
        found = list(dict.fromkeys(str(a) for a in resolver(host, port)))
        if not found:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} has no addresses")
    if allow_private:
        return found
    for text in found:
        address = parse_address(text)
        if address is None:
            raise AddressRefused(host, text, "not an IP address (the resolver gave a name)")
        why = refusal(address)
        if why:
            raise AddressRefused(host, text, why)
    return found


def check_address(url: str, resolver: Resolver | None = None) -> None:
    """BlockedAddress when the URL's host is or resolves to a refused address.

    A name that does not resolve passes: the connection that follows fails on its own,
    with the error its caller already handles. This check and that connection resolve
    separately; the fetcher does not rely on it (its connections go through addresses_for).
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = 80
    try:
        addresses_for(host, port, resolver or system_resolver, allow_private=False)
    except AddressRefused as exc:
        raise BlockedAddress(url, str(exc)) from None
    except (OSError, UnicodeError):
        return
