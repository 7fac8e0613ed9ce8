"""Polite fetching, as an httpx transport wrapped around the live one (orchestrator/net/client.py).

    robots.txt      honoured (protego), cached per origin in process for at most 24 h;
                    per RFC 9309 a 4xx robots.txt allows everything, a 5xx or unreachable
                    one disallows everything (for the run only, so a blip does not last);
                    unreachable through the network, the page fails as a connection failure
    concurrency     at most ``per_host`` requests in flight per host; a request counts as in
                    flight until its body is closed
    Retry-After     on 429/503 the request waits and tries again when the server asks for at
                    most ``max_wait`` seconds; otherwise the source fails as "rate limited"

The operator's own endpoints (SearxNG, a model server: the ``exempt`` origins), when the
request is not marked untrusted, go straight through. Requests marked ``API`` (a documented
API such as MediaWiki's, not a crawled page) skip robots.txt but keep the other rules.

A refused page raises ``DisallowedByRobots`` and a rate-limited one ``RateLimited``; each
names its reason in a ``failure`` class attribute, which the page fetcher
(sources/webpage.py) reports as the page's failure: "disallowed by robots.txt", "rate limited".
When the address guard refuses the page's origin, the page fails with the guard's reason."""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import httpx
from protego import Protego

from orchestrator.net.base import API, UNTRUSTED, USER_AGENT, origin_of, send_in_slot
from orchestrator.net.guard import AddressRefused

ROBOTS_TTL = 24 * 3600.0  # RFC 9309: a cached robots.txt is used for at most 24 hours
ERROR_TTL = 60.0  # an unreachable robots.txt disallows everything, for this transport and a minute only
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
ROBOTS_REDIRECTS = 5
ROBOTS_TIMEOUT = 10.0
PER_HOST = 2
MAX_WAIT = 10.0
RETRIES = 2
ROBOTS_FAILURE = "disallowed by robots.txt"
RATE_LIMITED = "rate limited"
AGENT_TOKEN = "orchestrator"  # the product token robots.txt groups are matched against


class DisallowedByRobots(httpx.TransportError):
    """The site's robots.txt does not let this project fetch the URL."""

    failure = ROBOTS_FAILURE  # the evidence's failure reason, as the product names it


class RateLimited(httpx.TransportError):
    """The server asked us to wait longer than we are willing to (or kept refusing)."""

    failure = RATE_LIMITED


@dataclass(frozen=True)
class RobotsRule:
    parser: Protego | None  # None: no rules, everything allowed or disallowed by ``allow_all``
    allow_all: bool
    fetched_at: float
    ttl: float
    note: str
    network: bool = False  # disallowed because the network failed, not by the site: the page is unreachable too

    def allows(self, url: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return self.parser.can_fetch(url, AGENT_TOKEN)


class RobotsCache:
    """robots.txt verdicts per origin, for the whole process; ``clock`` is a seam for tests."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self._rules: dict[tuple, RobotsRule] = {}

    def get(self, origin: tuple) -> RobotsRule | None:
        rule = self._rules.get(origin)
        if rule is None or self.clock() - rule.fetched_at >= rule.ttl:
            return None
        return rule

    def put(self, origin: tuple, rule: RobotsRule) -> None:
        self._rules[origin] = rule

    def clear(self) -> None:
        self._rules.clear()


ROBOTS = RobotsCache()


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date; None when absent or garbled."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _guard_refusal(exc: BaseException) -> AddressRefused | None:
    """The address guard's refusal behind ``exc`` (httpx wraps it as a ConnectError), if any."""
    seen: BaseException | None = exc
    for _ in range(8):  # a short chain; bounded in case it loops
        if seen is None or isinstance(seen, AddressRefused):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


class PoliteTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, *, exempt: Iterable[str | None] = (),
                 per_host: int = PER_HOST, max_wait: float = MAX_WAIT, robots: RobotsCache | None = None,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep):
        self.inner = inner
        self.exempt = {origin_of(u) for u in exempt if u}
        self.per_host = per_host
        self.max_wait = max_wait
        self.robots = robots if robots is not None else ROBOTS
        self.sleep = sleep
        self._slots: dict[str, asyncio.Semaphore] = {}
        self._robots_locks: dict[tuple, asyncio.Lock] = {}
        self._unreachable: dict[tuple, RobotsRule] = {}
        self._not_before: dict[str, float] = {}  # host -> monotonic time a Retry-After asked for

    # -- robots.txt ---------------------------------------------------------------------------

    async def _fetch_robots(self, origin: tuple, timeout: dict | None) -> RobotsRule:
        scheme, host, port = origin
        default = {"http": 80, "https": 443}.get(scheme)
        url = f"{scheme}://{host}{'' if port == default else f':{port}'}/robots.txt"
        now = self.robots.clock()
        unreachable = RobotsRule(None, False, now, ERROR_TTL, "robots.txt unreachable: disallow all")
        hop = 0
        try:
            async with asyncio.timeout(ROBOTS_TIMEOUT):
                for _hop in range(ROBOTS_REDIRECTS + 1):
                    request = httpx.Request("GET", url, headers={"User-Agent": USER_AGENT, "Accept": "text/plain"},
                                            extensions={UNTRUSTED: True, **({"timeout": timeout} if timeout else {})})
                    response = await self._in_slot(request)
                    try:
                        status = response.status_code
                        location = response.headers.get("location")
                        if status in (301, 302, 303, 307, 308) and location:
                            url = str(httpx.URL(url).join(location.strip()))
                            continue
                        if 200 <= status < 300:
                            body, size = [], 0
                            async for chunk in response.aiter_bytes():
                                size += len(chunk)
                                body.append(chunk)
                                if size >= ROBOTS_MAX_BYTES:
                                    break
                            text = b"".join(body)[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
                            return RobotsRule(Protego.parse(text), True, now, ROBOTS_TTL, "robots.txt parsed")
                        if 400 <= status < 500:
                            return RobotsRule(None, True, now, ROBOTS_TTL, f"robots.txt http {status}: allow all")
                        return unreachable
                    finally:
                        await response.aclose()
                # RFC 9309: past five redirects a crawler may treat robots.txt as unavailable.
                return RobotsRule(None, True, now, ROBOTS_TTL, "robots.txt redirects too often: allow all")
        except Exception as exc:  # unreachable in any way (network, timeout, guard, parser): disallow all
            refusal = _guard_refusal(exc)
            if refusal is not None and hop == 0:
                # The guard refuses the page's own origin: that, not robots.txt, is why the
                # page cannot be fetched, and the page's failure must say so.
                raise httpx.ConnectError(str(refusal)) from refusal
            if isinstance(exc, (httpx.TransportError, TimeoutError)):  # the network, not the site, said no
                return replace(unreachable, note=f"robots.txt unreachable ({type(exc).__name__})",
                                           network=True)
            return unreachable

    def _known(self, origin: tuple) -> RobotsRule | None:
        local = self._unreachable.get(origin)
        if local is not None and self.robots.clock() - local.fetched_at < local.ttl:
            return local
        return self.robots.get(origin)

    async def _rule(self, request: httpx.Request) -> RobotsRule:
        origin = origin_of(request.url)
        rule = self._known(origin)
        if rule is not None:
            return rule
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:  # one fetch of robots.txt per origin, however many pages wait on it
            rule = self._known(origin)
            if rule is None:
                rule = await self._fetch_robots(origin, request.extensions.get("timeout"))
                if rule.parser is None and not rule.allow_all:
                    self._unreachable[origin] = rule  # this transport (one run) only: a blip does not outlive it
                else:
                    self.robots.put(origin, rule)
        return rule

    # -- slots and Retry-After ----------------------------------------------------------------

    async def _in_slot(self, request: httpx.Request) -> httpx.Response:
        """Send within the host's slot; the slot is held until the response body is closed."""
        host = request.url.host
        slot = self._slots.setdefault(host, asyncio.Semaphore(self.per_host))

        async def send() -> httpx.Response:
            wait = self._not_before.get(host, 0.0) - time.monotonic()
            if wait > 0:
                await self.sleep(min(wait, self.max_wait))
            return await self.inner.handle_async_request(request)

        return await send_in_slot(slot, send)

    async def _send(self, request: httpx.Request) -> httpx.Response:
        for attempt in range(RETRIES + 1):
            response = await self._in_slot(request)
            if response.status_code not in (429, 503):
                return response
            delay = retry_after_seconds(response.headers.get("retry-after"))
            if delay is None:
                return response  # no instruction: the status itself is the failure
            await response.aclose()
            if delay > self.max_wait or attempt == RETRIES:
                raise RateLimited(f"{RATE_LIMITED}: retry after {delay:.0f} s", request=request)
            self._not_before[request.url.host] = time.monotonic() + delay
            await self.sleep(delay)
        raise RateLimited(RATE_LIMITED, request=request)  # not reached

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if origin_of(request.url) in self.exempt and not request.extensions.get(UNTRUSTED):
            return await self.inner.handle_async_request(request)  # the operator's own endpoint
        if request.url.scheme not in ("http", "https"):
            return await self.inner.handle_async_request(request)  # the inner transport refuses it
        if not request.extensions.get(API) and request.url.path != "/robots.txt":
            rule = await self._rule(request)
            if not rule.allows(str(request.url)):
                if rule.network:  # a network failure, named as one (a cached copy may stand in)
                    raise httpx.ConnectError(rule.note, request=request)
                raise DisallowedByRobots(f"{ROBOTS_FAILURE} ({rule.note})", request=request)
        return await self._send(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
