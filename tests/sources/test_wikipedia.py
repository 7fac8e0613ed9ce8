"""The Wikipedia source's failures, through the politeness layer over a mock transport (no
network): a refusal that names itself (rate limited, robots.txt) is said so, and only a
real network failure reads "unreachable"."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from orchestrator.net.client import make_client
from orchestrator.net.polite import RATE_LIMITED, ROBOTS_FAILURE, DisallowedByRobots, PoliteTransport, RobotsCache
from orchestrator.sources.wikipedia import WikipediaSearch

BASE = "https://{lang}.wikipedia.example"


def search(handler, **polite) -> tuple:
    requests: list[httpx.Request] = []
    slept: list[float] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return handler(request)

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    transport = PoliteTransport(httpx.MockTransport(answer), robots=RobotsCache(), sleep=sleep, **polite)

    async def go():
        async with make_client(transport, timeout=5) as client:
            return await WikipediaSearch(BASE).search(client, "Paris 2024 gold medals", "en")

    return asyncio.run(asyncio.wait_for(go(), 20)), requests, slept


def test_a_rate_limit_reads_as_such():
    outcome, requests, slept = search(lambda r: httpx.Response(429, headers={"Retry-After": "3600"}, text="slow down"))
    assert outcome.failure == f"wikipedia: {RATE_LIMITED}" == "wikipedia: rate limited"
    assert outcome.results == [] and len(requests) == 1 and not slept  # an hour is past the wait we accept
    assert requests[0].url.path == "/w/api.php" and requests[0].url.host == "en.wikipedia.example"


def test_a_rate_limit_after_retries_reads_as_such():
    outcome, requests, slept = search(lambda r: httpx.Response(503, headers={"Retry-After": "2"}), max_wait=10)
    assert outcome.failure == "wikipedia: rate limited" and len(requests) == 3  # asked, then two retries
    assert slept and max(slept) <= 2.0  # it waited as asked between them


def test_a_robots_refusal_and_a_network_failure():
    def refuse(request):
        raise DisallowedByRobots(ROBOTS_FAILURE, request=request)

    assert search(refuse)[0].failure == "wikipedia: disallowed by robots.txt"

    def drop(request):
        raise httpx.ConnectError("connection refused", request=request)

    assert search(drop)[0].failure == "wikipedia unreachable: ConnectError"
    assert search(lambda r: httpx.Response(429, text="busy"))[0].failure == "wikipedia http 429"  # no Retry-After


def _replied(first: bytes, second: bytes = b'{"query": {"pages": []}}'):
    bodies = iter([first, second])

    async def go():
        transport = httpx.MockTransport(lambda request: httpx.Response(200, content=next(bodies, second)))
        async with httpx.AsyncClient(transport=transport) as client:
            return await WikipediaSearch("http://wiki.invalid").search(client, "q", "en")
    return asyncio.run(go())



@pytest.mark.parametrize("first, second", [
    (b'{"query": true}', None), (b'{"query": {"search": true}}', None), (b'{"query": [1]}', None),
    (b'{"query": {"search": [{"title": "T", "pageid": [1]}]}}', None),
    (b'{"query": {"search": [{"title": "T", "pageid": 7}]}}', b'{"query": {"pages": 5}}'),
    (b'{"query": {"search": [{"title": "T", "pageid": 7}]}}', b'{"query": {"pages": [{"pageid": 7, "fullurl": "http://[::1"}]}}'),
    (b'{"query": ' + b"[" * 5000 + b"]" * 5000 + b"}", None),
], ids=["query-bool", "search-bool", "query-list", "pageid-list", "pages-number", "fullurl-unparsable", "deep"])
def test_replies_of_the_wrong_shape_list_nothing_or_fail_cleanly(first, second):
    """Found by tests/fuzz: each of these was an AttributeError, TypeError or RecursionError."""
    outcome = _replied(first, second or b'{"query": {"pages": []}}')
    assert all(r.url.startswith("http") and "[" not in r.url for r in outcome.results)
    assert outcome.failure in (None, "wikipedia returned invalid JSON")
