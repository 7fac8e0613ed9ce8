"""The address guard (SSRF). URLs come from search results, from pages and from the model,
so the check is made on the address actually connected to, not on the URL string: a host
is resolved once, refused if any of its addresses is not public, and the connection goes
to the address that was checked (TLS still names the host). Redirect hops reconnect, so
each hop is checked again.

    AddressPolicy   which addresses may be reached: public ones, plus an explicit allowlist
    GuardedBackend  an httpcore network backend that enforces the policy in connect_tcp
    AddressRefused  raised (and reported) when a connection is refused

Python before 3.11.10 misreports some ranges in ``is_global``, so the refused ranges are
listed explicitly here and ``is_global`` is only an extra condition on top of them.
"""

from __future__ import annotations

import asyncio
import ipaddress
import os
import re
import socket
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import httpcore

from orchestrator.errors import ConfigError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[str]]]
ALLOW_ENV = "ORCHESTRATOR_ALLOW_NETWORKS"
BLOCKED = "blocked address"  # how every refusal's reason begins

REFUSED_NETWORKS: tuple[IPNetwork, ...] = tuple(ipaddress.ip_network(n) for n in (
    # IPv4: this network, private, CGNAT, loopback, link-local (cloud metadata 169.254.169.254),
    # IETF protocol assignments, documentation, 6to4 relay, benchmarking, multicast, reserved, broadcast
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
    "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    # IPv6: unspecified, loopback, IPv4-mapped, -translated and -compatible, IPv4/IPv6
    # translation for local use, discard, Teredo and other IETF assignments, documentation,
    # unique-local, link-local, site-local, multicast
    "::/128", "::1/128", "::ffff:0:0/96", "::ffff:0:0:0/96", "::/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
    "2001:db8::/32", "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
))
# Prefixes that carry an IPv4 address inside an IPv6 one: the IPv4 address must pass too.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SIX_TO_FOUR = ipaddress.ip_network("2002::/16")
_HOST_CHARS = re.compile(r"^[a-z0-9_.-]+$")


class AddressRefused(httpcore.ConnectError):
    """The guard refused to connect: the message says which host and address, and why."""


def _embedded_v4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if ip in _SIX_TO_FOUR:
            return ipaddress.IPv4Address((int(ip) >> 80) & 0xFFFFFFFF)
    return None


def is_public(ip: IPAddress) -> bool:
    if any(ip.version == net.version and ip in net for net in REFUSED_NETWORKS):
        return False
    inner = _embedded_v4(ip)
    if inner is not None and not is_public(inner):
        return False
    return ip.is_global or inner is not None  # NAT64/6to4 count as global when the inner address is


def parse_networks(text: str) -> tuple[IPNetwork, ...]:
    """``"127.0.0.2/32, 10.1.0.0/16"`` (commas or spaces) into networks; one clear error otherwise."""
    networks = []
    for item in re.split(r"[\s,]+", text.strip()):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError as exc:
            raise ConfigError(f"{ALLOW_ENV}: {item!r} is not a network ({exc})") from exc
    return tuple(networks)


@dataclass(frozen=True)
class AddressPolicy:
    """Public addresses, plus the networks an operator listed (tests, intranets); nothing else."""

    allow: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_env(cls) -> AddressPolicy:
        return cls(parse_networks(os.environ.get(ALLOW_ENV, "")))

    def permits(self, ip: IPAddress) -> bool:
        if any(ip.version == net.version and ip in net for net in self.allow):
            return True
        return is_public(ip)


def host_literal(host: str) -> IPAddress | None:
    """The address a host names by itself, in every form the C resolver accepts
    (``127.1``, ``2130706433``, ``0x7f.1``, ``0177.0.0.1``, IPv6); None for a name."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    values = []
    for part in parts:
        try:
            if re.fullmatch(r"0[xX][0-9a-fA-F]*", part):
                values.append(int(part[2:] or "0", 16))
            elif re.fullmatch(r"0[0-7]+", part):
                values.append(int(part, 8))
            elif re.fullmatch(r"\d+", part):
                values.append(int(part))
            else:
                return None
        except ValueError:
            return None
    # inet_aton: every part but the last is one byte; the last fills the remaining bytes.
    *leading, last = values
    if any(v > 255 for v in leading) or last >= 256 ** (4 - len(leading)):
        return None
    number = 0
    for v in leading:
        number = number * 256 + v
    return ipaddress.IPv4Address(number * 256 ** (4 - len(leading)) + last)


def refused_host(host: str, policy: AddressPolicy) -> str | None:
    """Why the guard refuses ``host`` before any lookup (a local or invalid name, an address
    literal the policy does not permit), or None when only resolving it can tell. The page
    budget uses it too, so a hostile search result is dropped without a connection."""
    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return f"{BLOCKED}: {host} is local by definition"
    literal = host_literal(name)
    if literal is None and not _HOST_CHARS.match(name):
        return f"{BLOCKED}: {host!r} is not a valid host name"
    if literal is not None and not policy.permits(literal):
        return f"{BLOCKED}: {host} resolves to {literal}, which is not public"
    return None


# Lookups run on their own pool, not the event loop's default executor: asyncio.run waits
# for that one on exit, and a slow resolver must not hold the question past its deadline.
_dns_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="orchestrator-dns")


async def system_resolver(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    infos = await loop.run_in_executor(_dns_pool, socket.getaddrinfo, host, port, 0, socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves each host once through ``resolver``, refuses it unless every address is
    permitted, then connects to a checked address through ``inner``."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver | None = None,
                 inner: httpcore.AsyncNetworkBackend | None = None):
        self.policy = policy
        self.resolver = resolver or system_resolver
        self.inner = inner or httpcore.AnyIOBackend()

    async def addresses(self, host: str, port: int) -> list[IPAddress]:
        refused_name = refused_host(host, self.policy)
        if refused_name:
            raise AddressRefused(refused_name)
        name = host.lower().rstrip(".")
        literal = host_literal(name)
        if literal is not None:
            found: Iterable[IPAddress] = [literal]
        else:
            try:
                found = [ipaddress.ip_address(a.split("%")[0]) for a in await self.resolver(name, port)]
            except (OSError, ValueError) as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        found = list(dict.fromkeys(found))
        if not found:
            raise httpcore.ConnectError(f"cannot resolve {host}: no address")
        refused = [ip for ip in found if not self.policy.permits(ip)]
        if refused:
            raise AddressRefused(f"{BLOCKED}: {host} resolves to {refused[0]}, which is not public")
        return found

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options: Iterable | None = None) -> httpcore.AsyncNetworkStream:
        error: Exception | None = None
        for ip in await self.addresses(host, port):
            try:
                return await self.inner.connect_tcp(str(ip), port, timeout=timeout, local_address=local_address,
                                                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable | None = None) -> httpcore.AsyncNetworkStream:
        raise AddressRefused(f"{BLOCKED}: unix sockets are never reached from the web")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)
