"""Stand-ins for the two things that could send a packet off the machine: the resolver and
the connection. A test's guard resolves through ``StubResolver`` (a table, no DNS) and
connects through ``Tripwire``, which opens real connections to loopback only and fails the
test on any attempt to reach another address."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable

import httpcore

from orchestrator.net.guard import AddressPolicy, parse_networks
from orchestrator.net.guarded import GuardedTransport

ALLOW = "127.0.0.2/32"
Answer = list[str] | Callable[[], list[str]]


class StubResolver:
    """Names from a table; a callable entry can answer differently each time (rebinding)."""

    def __init__(self, table: dict[str, Answer] | None = None):
        self.table = dict(table or {})
        self.calls: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        entry = self.table.get(host)
        if entry is None:
            raise socket.gaierror(socket.EAI_NONAME, f"stub resolver: no entry for {host}")
        return list(entry() if callable(entry) else entry)


def sequence(*answers: list[str]) -> Callable[[], list[str]]:
    """An entry that gives each answer in turn, then keeps giving the last (a rebinding name)."""
    remaining = list(answers)

    def next_answer() -> list[str]:
        return remaining.pop(0) if len(remaining) > 1 else remaining[0]
    return next_answer


class Tripwire(httpcore.AsyncNetworkBackend):
    """Real connections to loopback addresses only; anything else fails the test. Every
    attempt is kept, with the exact address the guard handed over."""

    def __init__(self, expected_refusals: Iterable[str] = ()):
        self.attempts: list[tuple[str, int]] = []
        self.expected = set(expected_refusals)  # public addresses a positive control may try
        self._real = httpcore.AnyIOBackend()

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        self.attempts.append((host, port))
        if ipaddress.ip_address(host).is_loopback:
            return await self._real.connect_tcp(host, port, timeout=timeout, local_address=local_address,
                                                socket_options=socket_options)
        if host in self.expected:
            raise httpcore.ConnectError(f"tripwire: stopped before {host}:{port}")
        raise AssertionError(f"tripwire: a connection to {host}:{port} was attempted")

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise AssertionError(f"tripwire: a unix socket {path} was opened")

    async def sleep(self, seconds):
        await self._real.sleep(seconds)

    def off_loopback(self) -> list[tuple[str, int]]:
        return [(h, p) for h, p in self.attempts if not ipaddress.ip_address(h).is_loopback]


def guarded(resolver: StubResolver | None = None, tripwire: Tripwire | None = None, *,
            exempt: Iterable[str] = (), allow: str = ALLOW, max_body: int | None = None) -> GuardedTransport:
    kwargs = {"max_body": max_body} if max_body else {}
    return GuardedTransport(exempt=exempt, policy=AddressPolicy(parse_networks(allow)),
                            resolver=resolver or StubResolver(), backend=tripwire or Tripwire(), **kwargs)
