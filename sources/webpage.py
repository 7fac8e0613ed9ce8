"""The web-page source: bounded concurrent fetches of pages through one httpx client.

Every page is a URL someone else chose, so fetching one is bounded on every side: one
deadline for the whole page (all redirect hops, connects and reads, so a server dripping
a byte at a time cannot stretch it), at most ``MAX_REDIRECTS`` hops, each followed here and
checked again by the transport's address guard, http and https only, only readable
content types downloaded at all, and at most ``MAX_BYTES`` of body after decoding."""

from __future__ import annotations

import asyncio
import codecs
import re
import time
from dataclasses import dataclass

import httpx

from orchestrator.net.base import NOT_RECORDED_HEADER, UNTRUSTED
from orchestrator.net.decoding import MAX_BODY_BYTES, BodyTooLarge, UnsupportedEncoding
from orchestrator.net.guard import AddressRefused

MAX_BYTES = MAX_BODY_BYTES
MAX_REDIRECTS = 5
PAGE_DEADLINE = 20.0
READABLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/json")
_REDIRECTS = (301, 302, 303, 307, 308)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)


@dataclass(frozen=True)
class FetchedPage:
    url: str  # where the body came from (the last hop); for a failure, the URL asked for
    status: int | None
    body: str
    content_type: str
    bytes: int
    ms: float
    failure: str | None = None
    requested_url: str | None = None  # the URL asked for, when it redirected elsewhere
    redirects: int = 0
    unreachable: bool = False  # the failure was the network's (timeout, connection), not the server's answer


class _Failed(Exception):
    def __init__(self, reason: str, status: int | None = None, ctype: str = "", size: int = 0):
        super().__init__(reason)
        self.reason, self.status, self.ctype, self.size = reason, status, ctype, size


def body_charset(raw: bytes, declared: str | None = None) -> str:
    """The charset of an HTML body, as Python names it: ``declared`` (a Content-Type header's)
    if Python knows it, else a BOM or <meta charset>, else UTF-8. Saved pages (kb add) too."""
    for candidate in (declared,
                      "utf-8-sig" if raw.startswith(codecs.BOM_UTF8) else None,
                      "utf-16" if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else None,
                      (m.group(1).decode("ascii") if (m := _META_CHARSET.search(raw[:4096])) else None)):
        if candidate:
            try:
                return codecs.lookup(candidate).name
            except LookupError:
                continue
    return "utf-8"


async def _read(response: httpx.Response, max_bytes: int) -> tuple[str, str, int]:
    """(body, content type, bytes) of a final response, or _Failed with the reason."""
    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
    status = response.status_code
    if status >= 400:
        retry = response.headers.get("retry-after")
        raise _Failed(f"http {status}" + (f" (retry after {retry[:40]})" if retry else ""), status, ctype)
    if ctype and ctype not in READABLE_TYPES:
        raise _Failed(f"unreadable ({ctype[:60]})", status, ctype)  # not downloaded at all
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise _Failed("too large", status, ctype, size)
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise _Failed("empty body", status, ctype)
    if b"\x00" in raw[:2048] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _Failed("unreadable (binary content)", status, ctype, size)
    return raw.decode(body_charset(raw, response.charset_encoding), errors="replace"), ctype, size


def _unreachable(exc: BaseException) -> bool:
    """A network failure: the site may be fine and the next try may work (a cached copy may
    stand in meanwhile). Not a refusal: the address guard's, robots.txt's, a rate limit."""
    if isinstance(exc.__cause__, AddressRefused) or isinstance(exc, AddressRefused) or hasattr(exc, "failure"):
        return False
    return isinstance(exc, (TimeoutError, httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError))


def _network_reason(exc: Exception) -> str:
    named = getattr(exc, "failure", None)  # a refusal that names itself (orchestrator/net/polite.py)
    if isinstance(named, str):
        return named
    if isinstance(exc.__cause__, AddressRefused) or isinstance(exc, AddressRefused):
        return str(exc.__cause__ or exc)[:200]
    if isinstance(exc, BodyTooLarge):
        return "too large"
    if isinstance(exc, UnsupportedEncoding):
        return str(exc)[:120]
    if isinstance(exc, httpx.DecodingError):
        return "undecodable body"
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)) or "location header" in str(exc):
        return f"invalid URL ({str(exc)[:80]})"  # httpx checks a redirect's Location before we see it
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    if isinstance(exc, httpx.ConnectError):
        return "connection failed"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "connection closed mid-response"
    if isinstance(exc, httpx.ReadError):
        return "connection reset"
    return f"network error ({type(exc).__name__})"


async def fetch_page(client: httpx.AsyncClient, url: str, *, timeout: float = PAGE_DEADLINE,
                     max_bytes: int = MAX_BYTES) -> FetchedPage:
    """One page, never raising: every expected failure comes back as ``failure``."""
    started = time.perf_counter()
    current, hops = url, 0

    def done(status=None, body="", ctype="", size=0, failure=None, unreachable=False) -> FetchedPage:
        ms = (time.perf_counter() - started) * 1000
        if failure and hops:  # a failure is reported against the URL asked for, naming the hop
            return FetchedPage(url, status, body, ctype, size, ms, f"{failure} (redirect {hops} to {current[:120]})",
                               None, hops, unreachable)
        return FetchedPage(current, status, body, ctype, size, ms, failure, url if current != url else None, hops,
                           unreachable)

    try:
        async with asyncio.timeout(timeout):
            while True:
                if not current.lower().startswith(("http://", "https://")):
                    return done(failure="unsupported scheme")
                async with client.stream("GET", current, extensions={UNTRUSTED: True}) as response:
                    if response.headers.get(NOT_RECORDED_HEADER):
                        return done(failure="not recorded")
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECTS and location:
                        if hops == MAX_REDIRECTS:
                            return done(response.status_code, failure="too many redirects")
                        current, hops = str(response.url.join(location.strip())), hops + 1
                        continue
                    body, ctype, size = await _read(response, max_bytes)
                    return done(response.status_code, body, ctype, size)
    except _Failed as failed:
        return done(failed.status, ctype=failed.ctype, size=failed.size, failure=failed.reason)
    except TimeoutError:
        return done(failure="timeout", unreachable=True)
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
        return done(failure=_network_reason(exc), unreachable=_unreachable(exc))
    except (ValueError, UnicodeError, OSError) as exc:  # what a hostile server can still provoke in a parser
        return done(failure=f"malformed response ({type(exc).__name__})")


async def fetch_pages(client: httpx.AsyncClient, urls: list[str], *, timeout: float = PAGE_DEADLINE,
                      concurrency: int = 8) -> list[FetchedPage]:
    """All pages concurrently, at most ``concurrency`` in flight; results in input order."""
    if urls:  # pages to read: the extraction worker starts while they download
        from orchestrator.sources.extract import prewarm

        prewarm()
    gate = asyncio.Semaphore(concurrency)

    async def one(url: str) -> FetchedPage:
        async with gate:
            return await fetch_page(client, url, timeout=timeout)

    return list(await asyncio.gather(*(one(u) for u in urls)))
