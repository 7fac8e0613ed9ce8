"""Limits on a deployment's requests: at most N in flight (``LimitedTransport``), or none at
all (``NoNetworkTransport``, for a deployment without realtime search)."""

from __future__ import annotations

import asyncio

import httpx

from orchestrator.net.base import send_in_slot


class LimitedTransport(httpx.AsyncBaseTransport):
    """At most ``limit`` requests in flight through ``inner``; a response holds its place
    until its body is closed."""

    def __init__(self, inner: httpx.AsyncBaseTransport, limit: int):
        self._inner = inner
        self._gate = asyncio.Semaphore(limit)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await send_in_slot(self._gate, lambda: self._inner.handle_async_request(request))

    async def aclose(self) -> None:
        await self._inner.aclose()


class NoNetworkTransport(httpx.AsyncBaseTransport):
    """A deployment without realtime search: every request fails before any packet is sent
    (the graph does not fetch without the capability; this makes sure)."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("network disabled: this deployment has no realtime_search capability", request=request)
