"""Live requests through the address guard: URLs from the web and the model connect only
to addresses the guard permits (orchestrator/net/guard.py); the operator's own endpoints
(SearxNG, a model server) are trusted and go direct. Either way, bodies are decoded in
bounded steps (orchestrator/net/decoding.py)."""

from __future__ import annotations

import ssl
from collections.abc import Iterable
from functools import lru_cache

import httpcore
import httpx

from orchestrator.net.base import UNTRUSTED, origin_of
from orchestrator.net.decoding import MAX_BODY_BYTES, bounded_response
from orchestrator.net.guard import AddressPolicy, GuardedBackend, Resolver, refused_host


@lru_cache(maxsize=1)
def _tls() -> ssl.SSLContext:
    """One TLS context per process: loading the CA bundle is the slow part of a client."""
    return httpx.create_ssl_context()


def _pool(backend: httpcore.AsyncNetworkBackend | None) -> httpx.AsyncHTTPTransport:
    transport = httpx.AsyncHTTPTransport(retries=0, verify=_tls())
    if backend is not None:
        # httpx takes no network backend argument; the pool it built is swapped for one
        # that has ours, with the same TLS settings.
        transport._pool = httpcore.AsyncConnectionPool(ssl_context=_tls(), retries=0, network_backend=backend)
    return transport


class GuardedTransport(httpx.AsyncBaseTransport):
    """Requests to an ``exempt`` origin that are not marked ``UNTRUSTED`` go direct; every
    other request connects through the address guard. ``resolver`` and ``backend`` are seams
    for tests (a stub resolver, a backend that refuses to send a packet anywhere)."""

    def __init__(self, *, exempt: Iterable[str | None] = (), policy: AddressPolicy | None = None,
                 resolver: Resolver | None = None, backend: httpcore.AsyncNetworkBackend | None = None,
                 max_body: int = MAX_BODY_BYTES):
        self.policy = policy if policy is not None else AddressPolicy.from_env()
        self.exempt = {origin_of(u) for u in exempt if u}
        self.max_body = max_body
        self._web = _pool(GuardedBackend(self.policy, resolver, backend))
        self._trusted = _pool(backend)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"unsupported scheme {request.url.scheme!r}", request=request)
        trusted = origin_of(request.url) in self.exempt and not request.extensions.get(UNTRUSTED)
        response = await (self._trusted if trusted else self._web).handle_async_request(request)
        return bounded_response(response, self.max_body)

    async def aclose(self) -> None:
        await self._web.aclose()
        await self._trusted.aclose()


def refusal_by_url(url: str, policy: AddressPolicy) -> str | None:
    """Why a page fetch of ``url`` would be refused by its URL alone, with no lookup or
    connection (another scheme, an invalid URL, a local name, a blocked address literal);
    None when it may be fetched. The host is read as httpx reads it, so this refuses only
    what the fetch itself would refuse."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        return f"invalid URL ({str(exc)[:80]})"
    if parsed.scheme not in ("http", "https"):
        return "unsupported scheme"
    host = parsed.raw_host.decode("ascii", errors="replace")
    if not host:
        return "invalid URL (no host)"
    return refused_host(host, policy)


def address_policy_of(transport: httpx.AsyncBaseTransport | None) -> AddressPolicy:
    """The address policy of the guard a transport sends pages through (looking through
    wrappers such as the polite, limited and recording transports); a transport without a
    guard (replay, a test's mock) gets the policy a live run would use."""
    seen, hops = transport, 0
    while seen is not None and hops < 8:
        if isinstance(seen, GuardedTransport):
            return seen.policy
        seen, hops = getattr(seen, "inner", None) or getattr(seen, "_inner", None), hops + 1
    return AddressPolicy.from_env()
