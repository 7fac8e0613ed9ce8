"""The one place HTTP clients are made. Live and replay differ only in the transport.

Live requests go through ``PoliteTransport`` (orchestrator/net/polite.py) over
``GuardedTransport`` (orchestrator/net/guarded.py). The client never follows redirects: the
page fetcher follows them itself, so that every hop is a new, checked connection."""

from __future__ import annotations

from collections.abc import Iterable

import httpx

from orchestrator.net.base import USER_AGENT
from orchestrator.net.decoding import ACCEPT_ENCODING
from orchestrator.net.guarded import GuardedTransport
from orchestrator.net.polite import PoliteTransport


def live_transport(*, exempt: Iterable[str | None] = ()) -> httpx.AsyncBaseTransport:
    """The live network as the pipeline uses it: polite (robots.txt, two requests per host,
    Retry-After) over the address guard. ``exempt`` lists the operator's endpoints, which
    skip both."""
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
