"""What every part of the network layer shares: request markers, the user agent, an
origin's parts and the stream that frees a slot. Imports no transport."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import httpx

from orchestrator.version import __version__

USER_AGENT = f"orchestrator/{__version__} (+https://github.com/orchestrator-qa/orchestrator)"
UNTRUSTED = "orchestrator.untrusted"  # request extension: this URL came from the web or the model
API = "orchestrator.api"  # request extension: a documented API endpoint, not a page (no robots.txt)
NOT_RECORDED_HEADER = "x-orchestrator-not-recorded"  # a replayed response that stands for an unrecorded request


def origin_of(url: str | httpx.URL) -> tuple[str, str, int | None]:
    parts = urlsplit(str(url))
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").rstrip(".").lower(), port


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


async def send_in_slot(slot: asyncio.Semaphore, send: Callable[[], Awaitable[httpx.Response]]) -> httpx.Response:
    """``send()`` while holding ``slot``: the response keeps it until its body is closed
    (the limit counts requests in flight, not requests started)."""
    await slot.acquire()
    try:
        response = await send()
    except BaseException:
        slot.release()
        raise
    assert isinstance(response.stream, httpx.AsyncByteStream)  # async transports answer with async bodies
    return httpx.Response(response.status_code, headers=response.headers.multi_items(),
                          stream=ReleasingStream(response.stream, slot.release), extensions=response.extensions)
