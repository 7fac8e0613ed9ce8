"""The web-page source: bounded concurrent fetches of pages through one httpx client."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

MAX_BYTES = 5 * 1024 * 1024
READABLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/json")


@dataclass(frozen=True)
class FetchedPage:
    url: str
    status: int | None
    body: str
    content_type: str
    bytes: int
    ms: float
    failure: str | None = None


async def fetch_page(client: httpx.AsyncClient, url: str, *, timeout: float = 20.0, max_bytes: int = MAX_BYTES) -> FetchedPage:
    """One page, never raising: every expected failure comes back as ``failure``."""
    started = time.perf_counter()

    def done(status=None, body="", ctype="", size=0, failure=None) -> FetchedPage:
        return FetchedPage(url, status, body, ctype, size, (time.perf_counter() - started) * 1000, failure)

    if not url.startswith(("http://", "https://")):
        return done(failure="unsupported scheme")
    try:
        async with asyncio.timeout(timeout):
            async with client.stream("GET", url) as response:
                if response.headers.get("x-orchestrator-not-recorded"):
                    return done(failure="not recorded")
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if response.status_code >= 400:
                    return done(response.status_code, ctype=ctype, failure=f"http {response.status_code}")
                chunks, size = [], 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        return done(response.status_code, ctype=ctype, size=size, failure="too large")
                    chunks.append(chunk)
                if ctype and ctype not in READABLE_TYPES:
                    return done(response.status_code, ctype=ctype, size=size, failure=f"unreadable ({ctype})")
                raw = b"".join(chunks)
                if not raw.strip():
                    return done(response.status_code, ctype=ctype, failure="empty body")
                body = raw.decode(response.encoding or "utf-8", errors="replace")
                return done(response.status_code, body, ctype, size)
    except TimeoutError:
        return done(failure="timeout")
    except httpx.TooManyRedirects:
        return done(failure="too many redirects")
    except httpx.HTTPError as exc:
        return done(failure=f"network error ({type(exc).__name__})")


async def fetch_pages(client: httpx.AsyncClient, urls: list[str], *, timeout: float = 20.0, concurrency: int = 8) -> list[FetchedPage]:
    """All pages concurrently, at most ``concurrency`` in flight; results in input order."""
    gate = asyncio.Semaphore(concurrency)

    async def one(url: str) -> FetchedPage:
        async with gate:
            return await fetch_page(client, url, timeout=timeout)

    return list(await asyncio.gather(*(one(u) for u in urls)))
