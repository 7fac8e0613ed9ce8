"""Polite fetching (orchestrator/net/polite.py) against loopback sites on 127.0.0.2: robots.txt
(parsed, cached, 4xx allow all, 5xx/unreachable disallow all), two requests in flight per
host, Retry-After, and the operator's endpoints exempt."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from orchestrator.net.base import USER_AGENT
from orchestrator.net.client import live_transport, make_client
from orchestrator.net.guard import AddressPolicy, parse_networks
from orchestrator.net.guarded import GuardedTransport
from orchestrator.net.polite import (
    RATE_LIMITED,
    ROBOTS,
    ROBOTS_FAILURE,
    PoliteTransport,
    RobotsCache,
    retry_after_seconds,
)
from orchestrator.sources import fetch_page, fetch_pages

HOST = "127.0.0.2"
PAGE = "<html><body><p>hello</p></body></html>"


class LoopSite:
    """A site on 127.0.0.2: ``routes`` maps a path to (status, headers, body) or a callable
    returning one; counts every request per path and the most requests handled at once."""

    def __init__(self, routes: dict, delay: float = 0.0):
        self.routes, self.delay = routes, delay
        self.hits: list[str] = []
        self.agents: list[str] = []
        self.active = self.max_active = 0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                with site._lock:
                    site.hits.append(self.path)
                    site.agents.append(self.headers.get("User-Agent", ""))
                    site.active += 1
                    site.max_active = max(site.max_active, site.active)
                counted = True
                try:
                    if site.delay and self.path != "/robots.txt":
                        time.sleep(site.delay)
                    route = site.routes.get(self.path.split("?")[0], (404, {}, "not here"))
                    status, headers, body = route() if callable(route) else route
                    data = body.encode()
                    # done before the client can see the answer: on a busy machine its next
                    # request could otherwise arrive before this thread counts this one done
                    with site._lock:
                        site.active -= 1
                    counted = False
                    self.send_response(status)
                    headers = {"Content-Type": "text/html; charset=utf-8", **headers}
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                finally:
                    if counted:
                        with site._lock:
                            site.active -= 1

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://{HOST}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def count(self, path: str) -> int:
        return sum(1 for h in self.hits if h.split("?")[0] == path)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(autouse=True)
def fresh_robots():
    ROBOTS.clear()
    yield
    ROBOTS.clear()


@pytest.fixture()
def sites():
    made: list[LoopSite] = []

    def make(routes, delay=0.0) -> LoopSite:
        made.append(LoopSite(routes, delay))
        return made[-1]

    yield make
    for site in made:
        site.close()


def polite(*, exempt=(), sleep=None, robots=None, max_wait=10.0) -> PoliteTransport:
    guarded = GuardedTransport(exempt=exempt, policy=AddressPolicy(parse_networks(f"{HOST}/32")))
    kw = {"sleep": sleep} if sleep else {}
    return PoliteTransport(guarded, exempt=exempt, robots=robots or RobotsCache(), max_wait=max_wait, **kw)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 20))


async def fetch_all(transport, urls):
    async with make_client(transport, timeout=10) as client:
        return await fetch_pages(client, urls, timeout=10)


def test_robots_disallowed_page_is_never_requested(sites):
    site = sites({"/robots.txt": (200, {"Content-Type": "text/plain"},
                                  "User-agent: *\nDisallow: /private\n\nUser-agent: orchestrator\nDisallow: /private\nDisallow: /mine\n"),
                  "/public": (200, {}, PAGE), "/private": (200, {}, PAGE), "/mine": (200, {}, PAGE)})
    pages = run(fetch_all(polite(), [site.base + p for p in ("/public", "/private", "/mine", "/public?x=1")]))
    public, private, mine, again = pages
    assert public.failure is None and again.failure is None and "hello" in public.body
    assert private.failure == ROBOTS_FAILURE and mine.failure == ROBOTS_FAILURE
    assert site.count("/private") == 0 and site.count("/mine") == 0
    assert site.count("/robots.txt") == 1  # fetched once, however many pages asked at once
    assert set(site.agents) == {USER_AGENT} and "orchestrator" in USER_AGENT and "https://" in USER_AGENT


def test_a_refused_redirect_hop_names_the_reason_and_the_hop(sites):
    site = sites({"/robots.txt": (200, {"Content-Type": "text/plain"}, "User-agent: *\nDisallow: /private\n"),
                  "/moved": (301, {"Location": "/private"}, ""), "/private": (200, {}, PAGE)})
    page = run(fetch_all(polite(), [site.base + "/moved"]))[0]
    assert page.failure.startswith(ROBOTS_FAILURE + " (redirect 1 to ") and site.count("/private") == 0
    assert not page.unreachable  # a refusal, not a network failure: no cached copy may stand in


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (403, True), (410, True), (500, False), (503, False)])
def test_robots_status_per_rfc_9309(sites, status, allowed):
    site = sites({"/robots.txt": (status, {}, "User-agent: *\nDisallow: /\n"), "/page": (200, {}, PAGE)})
    page = run(fetch_all(polite(), [site.base + "/page"]))[0]
    if allowed:
        assert page.failure is None and site.count("/page") == 1
    else:
        assert page.failure == ROBOTS_FAILURE and site.count("/page") == 0


def test_unreachable_robots_disallows_all_and_names_the_network():
    with socket.socket() as sock:  # a port that was free a moment ago and has no listener
        sock.bind((HOST, 0))
        port = sock.getsockname()[1]
    page = run(fetch_all(polite(), [f"http://{HOST}:{port}/page"]))[0]
    # the connection failed, not the site's rules: said so, and a cached copy may stand in
    assert page.failure == "connection failed" and page.unreachable


def test_a_page_the_address_guard_refuses_names_the_guard_not_robots(sites):
    site = sites({"/robots.txt": (404, {}, ""), "/page": (200, {}, PAGE)})
    refused = site.base.replace(HOST, "127.0.0.3") + "/page"  # outside the guard's allowlist
    page, allowed = run(fetch_all(polite(), [refused, site.base + "/page"]))
    assert page.failure.startswith("blocked address") and "127.0.0.3" in page.failure, page.failure
    assert not page.unreachable  # a refusal: no cached copy stands in
    assert allowed.failure is None


def test_robots_cached_at_most_a_day(sites):
    rules = {"text": "User-agent: *\nDisallow: /page\n"}
    site = sites({"/robots.txt": lambda: (200, {"Content-Type": "text/plain"}, rules["text"]), "/page": (200, {}, PAGE)})
    now = [1000.0]
    cache = RobotsCache(clock=lambda: now[0])
    first = run(fetch_all(polite(robots=cache), [site.base + "/page"]))[0]
    rules["text"] = "User-agent: *\nAllow: /\n"
    now[0] += 23 * 3600  # still within the day: the cached rules stand
    second = run(fetch_all(polite(robots=cache), [site.base + "/page"]))[0]
    now[0] += 2 * 3600  # past 24 h: asked again
    third = run(fetch_all(polite(robots=cache), [site.base + "/page"]))[0]
    assert first.failure == second.failure == ROBOTS_FAILURE
    assert third.failure is None
    assert site.count("/robots.txt") == 2 and site.count("/page") == 1


def test_at_most_two_requests_in_flight_per_host(sites):
    site = sites({"/robots.txt": (404, {}, ""), **{f"/p{i}": (200, {}, PAGE) for i in range(6)}}, delay=0.3)
    other = sites({"/robots.txt": (404, {}, ""), **{f"/p{i}": (200, {}, PAGE) for i in range(2)}}, delay=0.3)
    urls = [site.base + f"/p{i}" for i in range(6)] + [other.base + f"/p{i}" for i in range(2)]
    pages = run(fetch_all(polite(), urls))
    assert all(p.failure is None for p in pages), [p.failure for p in pages]
    assert 1 <= site.max_active <= 2 and 1 <= other.max_active <= 2
    assert site.count("/robots.txt") == 1 and len(site.hits) == 7


def test_retry_after_is_honoured(sites):
    calls = {"n": 0}

    def busy():
        calls["n"] += 1
        return (429, {"Retry-After": "3"}, "slow down") if calls["n"] == 1 else (200, {}, PAGE)

    site = sites({"/robots.txt": (404, {}, ""), "/page": busy})
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    page = run(fetch_all(polite(sleep=fake_sleep), [site.base + "/page"]))[0]
    assert page.failure is None and "hello" in page.body
    assert site.count("/page") == 2 and slept and slept[0] == 3.0


def test_retry_after_too_long_fails_as_rate_limited(sites):
    later = format_datetime(datetime.now(UTC) + timedelta(minutes=5), usegmt=True)
    site = sites({"/robots.txt": (404, {}, ""), "/seconds": (503, {"Retry-After": "120"}, "busy"),
                  "/date": (429, {"Retry-After": later}, "busy"), "/none": (429, {}, "busy")})
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    seconds, date, none = run(fetch_all(polite(sleep=fake_sleep), [site.base + p for p in ("/seconds", "/date", "/none")]))
    assert seconds.failure == RATE_LIMITED and date.failure == RATE_LIMITED
    assert none.failure == "http 429"  # no instruction to wait: the status is the failure
    assert site.count("/seconds") == 1 and site.count("/date") == 1 and not slept


def test_retry_after_parsing():
    now = datetime(2024, 8, 12, 9, 0, tzinfo=UTC)
    assert retry_after_seconds("7", now) == 7.0
    assert retry_after_seconds(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30.0
    assert retry_after_seconds(format_datetime(now - timedelta(seconds=30), usegmt=True), now) == 0.0
    assert retry_after_seconds("soon", now) is None and retry_after_seconds(None, now) is None


def test_operator_endpoints_skip_robots(sites):
    site = sites({"/robots.txt": (200, {"Content-Type": "text/plain"}, "User-agent: *\nDisallow: /\n"),
                  "/search": (200, {"Content-Type": "application/json"}, '{"results": []}'),
                  "/page": (200, {}, PAGE)})

    async def go():
        async with make_client(polite(exempt=(site.base,)), timeout=10) as client:
            search = await client.get(site.base + "/search", params={"q": "x", "format": "json"})
            page = await fetch_page(client, site.base + "/page", timeout=10)  # a URL from the web: not exempt
            return search, page

    search, page = run(go())
    assert search.status_code == 200 and site.count("/search") == 1
    assert page.failure == ROBOTS_FAILURE and site.count("/page") == 0


def test_live_transport_is_polite():
    transport = live_transport(exempt=("http://127.0.0.1:8888",))
    assert isinstance(transport, PoliteTransport) and isinstance(transport.inner, GuardedTransport)
