"""The one place HTTP clients are made. Live and replay differ only in the transport.

Live requests go through ``GuardedTransport``: URLs from the web and the model connect only
to addresses the guard permits (orchestrator/netguard.py); the operator's own endpoints
(SearxNG, a model server) are trusted and go direct. Either way, bodies are decoded in
bounded steps (orchestrator/decoding.py). The client never follows redirects: the page
fetcher follows them itself, so that every hop is a new, checked connection."""

from __future__ import annotations

import ssl
from functools import lru_cache
from typing import Callable, Iterable
from urllib.parse import urlsplit

import httpcore
import httpx

from orchestrator import __version__
from orchestrator.decoding import ACCEPT_ENCODING, MAX_BODY_BYTES, bounded_response
from orchestrator.netguard import AddressPolicy, GuardedBackend, Resolver

USER_AGENT = f"orchestrator/{__version__} (+https://github.com/orchestrator-qa/orchestrator)"
UNTRUSTED = "orchestrator.untrusted"  # request extension: this URL came from the web or the model


def _origin(url: str | httpx.URL) -> tuple[str, str, int | None]:
    parts = urlsplit(str(url))
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").rstrip(".").lower(), port


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
        self.exempt = {_origin(u) for u in exempt if u}
        self.max_body = max_body
        self._web = _pool(GuardedBackend(self.policy, resolver, backend))
        self._trusted = _pool(backend)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.scheme not in ("http", "https"):
            raise httpx.UnsupportedProtocol(f"unsupported scheme {request.url.scheme!r}", request=request)
        trusted = _origin(request.url) in self.exempt and not request.extensions.get(UNTRUSTED)
        response = await (self._trusted if trusted else self._web).handle_async_request(request)
        return bounded_response(response, self.max_body)

    async def aclose(self) -> None:
        await self._web.aclose()
        await self._trusted.aclose()


def live_transport(*, exempt: Iterable[str | None] = ()) -> httpx.AsyncBaseTransport:
    """The live network as the pipeline uses it: polite (robots.txt, two requests per host,
    Retry-After; orchestrator/politeness.py) over the address guard. ``exempt`` lists the
    operator's endpoints, which skip both."""
    from orchestrator.politeness import PoliteTransport

    exempt = tuple(exempt)
    return PoliteTransport(GuardedTransport(exempt=exempt), exempt=exempt)


def make_client(transport: httpx.AsyncBaseTransport | None = None, *, timeout: float = 20.0) -> httpx.AsyncClient:
    """An async client; ``transport`` is the seam (replay, record, MockTransport in tests).
    Without one, the live network behind the guard, with no endpoint exempt."""
    return httpx.AsyncClient(
        transport=transport or live_transport(),
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
    )


class ReleasingStream(httpx.AsyncByteStream):
    """A response body that calls ``release`` once when it is closed: a transport that
    limits requests in flight keeps a slot until the caller is done with the body."""

    def __init__(self, inner: httpx.AsyncByteStream, release: Callable[[], None]):
        self._inner, self._release, self._released = inner, release, False

    async def __aiter__(self):
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if not self._released:
                self._released = True
                self._release()
