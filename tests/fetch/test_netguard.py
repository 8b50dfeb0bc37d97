"""The address policy (tracker.fetch.netguard): which addresses are refused, and the check for other callers."""

from __future__ import annotations

import ipaddress
import socket

import pytest

from tracker.errors import BlockedAddress
from tracker.fetch.netguard import AddressRefused, addresses_for, check_address, refusal


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata services live here
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not publicly routable"),  # carrier-grade NAT
        ("192.0.2.10", "private"),  # documentation range
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("fec0::1", "site-local"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback address (inside the IPv6 address ::ffff:7f00:1)"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::a00:1", "private address (inside"),  # NAT64 of 10.0.0.1
        ("2002:7f00:1::", "loopback address (inside"),  # 6to4 of 127.0.0.1
        ("::127.0.0.1", "loopback"),  # IPv4-compatible, long deprecated
    ],
)
def test_refused(address: str, why: str) -> None:
    reason = refusal(ipaddress.ip_address(address))
    assert reason is not None and why in reason


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34", "2002:808:808::"],
)
def test_public_addresses_pass(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None


def test_addresses_for_checks_every_address_and_keeps_the_resolvers_order() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return {
            "ok.example": ["93.184.216.34", "2606:2800::1", "93.184.216.34"],
            "mixed.example": ["8.8.8.8", "10.9.8.7"],
        }[host]

    assert addresses_for("ok.example", 443, resolver, allow_private=False) == ["93.184.216.34", "2606:2800::1"]
    with pytest.raises(AddressRefused) as info:
        addresses_for("mixed.example", 443, resolver, allow_private=False)
    assert info.value.address == "10.9.8.7" and "mixed.example resolves to 10.9.8.7" in str(info.value)
    assert addresses_for("mixed.example", 443, resolver, allow_private=True) == ["8.8.8.8", "10.9.8.7"]


def test_ip_literals_are_not_sent_to_the_resolver() -> None:
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["93.184.216.34"]

    with pytest.raises(AddressRefused, match=r"^refused: 10.0.0.1 is a private address"):
        addresses_for("10.0.0.1", 80, resolver, allow_private=False)
    with pytest.raises(AddressRefused, match="loopback"):
        addresses_for("::1", 80, resolver, allow_private=False)
    assert addresses_for("8.8.8.8", 80, resolver, allow_private=False) == ["8.8.8.8"]
    assert asked == []


def test_a_name_without_addresses_does_not_resolve() -> None:
    with pytest.raises(socket.gaierror):
        addresses_for("empty.example", 80, lambda host, port: [], allow_private=False)


def test_check_address_for_other_callers() -> None:
    table = {"hooks.example": ["93.184.216.34"], "internal.example": ["192.168.0.10"]}

    def resolver(host: str, port: int) -> list[str]:
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "unknown")
        return table[host]

    check_address("https://hooks.example/in", resolver)
    with pytest.raises(BlockedAddress) as info:
        check_address("https://internal.example/hook", resolver)
    message = str(info.value)
    assert message.startswith("https://internal.example/hook: refused: internal.example resolves to 192.168.0.10")
    assert "TRACKER_ALLOW_PRIVATE_NETWORKS=1" in message and "allow_private_networks = true" in message
    with pytest.raises(BlockedAddress):
        check_address("http://[::ffff:127.0.0.1]:8080/x", resolver)
    check_address("https://unknown.example/", resolver)  # fails later, at the connection, as a send failure
