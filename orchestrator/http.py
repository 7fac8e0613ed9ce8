"""The one place HTTP clients are made. Live and replay differ only in the transport."""

from __future__ import annotations

import httpx

from orchestrator import __version__

USER_AGENT = f"orchestrator/{__version__} (+https://github.com/orchestrator-qa/orchestrator)"


def make_client(transport: httpx.AsyncBaseTransport | None = None, *, timeout: float = 20.0) -> httpx.AsyncClient:
    """An async client; ``transport`` is the seam (replay, record, MockTransport in tests)."""
    return httpx.AsyncClient(
        transport=transport or httpx.AsyncHTTPTransport(retries=0),
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=True,
        max_redirects=5,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
    )
