"""The page budget (the policy's max_pages) against hostile search results: results the
address guard refuses by their URL alone take no slot and get no connection (the trace
still lists them as refused), the official and media tiers are read first, and one host
cannot take every slot. Pages are served by the loopback site under public-looking names
that a stub resolver maps to it; the tripwire fails a test on any other connection."""

from __future__ import annotations

import asyncio
import json

import pytest

from orchestrator import aask
from orchestrator.net.guard import AddressPolicy, parse_networks
from orchestrator.net.guarded import address_policy_of, refusal_by_url
from orchestrator.net.polite import PoliteTransport
from orchestrator.nodes.fetch_sources import budget_pages
from orchestrator.trace.store import TraceStore
from tests.security import loopback as lb
from tests.security.netstubs import ALLOW, StubResolver, Tripwire, guarded
from tests.security.test_ssrf import CORPUS, GOOD_A, GOOD_B, QUESTION

# Refused by the URL alone: address literals in blocked ranges, local names. {p}: the canary's port.
BLOCKED = [
    "http://127.0.0.1:{p}/", "http://10.0.0.1/", "http://[::1]:{p}/", "http://169.254.169.254/latest/meta-data/",
    "http://192.168.1.1/", "http://172.16.0.1/", "http://100.64.0.1/", "http://0.0.0.0:{p}/", "http://localhost:{p}/",
    "http://2130706433:{p}/", "http://[fd00::1]/", "http://240.0.0.1/", "http://app.localhost:{p}/",
]
REAL_HOSTS = ["olympics.com", "www.reuters.com", "apnews.com", "www.bbc.com", "blog-one.example", "blog-two.example"]


def _search(urls: list[str]):
    results = [{"url": u, "title": "result", "content": "", "publishedDate": "2024-08-11T00:00:00Z"} for u in urls]
    return lb.send(lb.response(200, json.dumps({"results": results}).encode(), {"Content-Type": "application/json"}))


def _ask(site, resolver: StubResolver, tripwire: Tripwire):
    transport = guarded(resolver, tripwire, exempt=[site.url("")])
    return asyncio.run(aask(QUESTION, searxng=site.url(""), transport=transport, use_model=False, page_timeout=5))


def _pages(home, answer) -> list[dict]:
    trace = TraceStore(home / "traces.sqlite").get(answer.trace_id)
    return [f for f in trace["fetches"] if f.get("kind") == "page"]


def test_refused_results_take_no_page_slot(canary, site, isolated_home):
    # Six real pages on six hosts, each text different (copies would count once).
    real = []
    for n, host in enumerate(REAL_HOSTS):
        site.routes[f"/real{n}"] = lb.html((GOOD_A if n % 2 else GOOD_B).replace("</article>", f"<p>Report {n}.</p></article>"))
        real.append(f"http://{host}:{site.port}/real{n}")
    blocked = [u.format(p=canary.port) for u in BLOCKED]
    site.routes["/search"] = _search(blocked + real)  # 13 hostile results ahead of the 6 real ones
    resolver = StubResolver({host: [lb.SITE_HOST] for host in REAL_HOSTS})
    before, tripwire = canary.connections, Tripwire()

    answer = _ask(site, resolver, tripwire)

    assert answer.status == "answered" and answer.answer == "40", answer
    assert canary.connections == before and tripwire.off_loopback() == []
    assert {host for host, _ in tripwire.attempts} == {lb.SITE_HOST}  # no connection to any refused result
    assert set(resolver.calls) <= set(REAL_HOSTS)  # nor a lookup
    pages = {p["url"]: p for p in _pages(isolated_home, answer)}
    assert all(pages[u]["failure"] is None for u in real)  # every real page read (6 of the 8 slots)
    for url in blocked:  # and every refused result reported, with the guard's reason
        assert pages[url]["failure"].startswith("blocked address") and pages[url]["status"] is None, pages[url]


def test_every_result_refused_says_so_not_no_sources_found(canary, site, isolated_home):
    site.routes["/search"] = _search([u.format(p=canary.port) for u in BLOCKED])
    before, tripwire = canary.connections, Tripwire()

    answer = _ask(site, StubResolver({}), tripwire)

    assert answer.status == "abstained" and canary.connections == before
    assert {host for host, _ in tripwire.attempts} == {lb.SITE_HOST}  # the search alone
    why = answer.warnings[0]
    assert "no sources found" not in why and "blocked address: 10.0.0.1" in why and "ORCHESTRATOR_ALLOW_NETWORKS" in why, why


def test_tiers_first_and_one_host_cannot_take_every_slot(canary, site, isolated_home):
    site.routes["/spam"] = lb.html("<html><body><p>Nothing about any medals here, only adverts.</p></body></html>")
    site.routes["/official"] = lb.html(GOOD_A)
    site.routes["/blog"] = lb.html(GOOD_B)
    spam = [f"http://spam.example:{site.port}/spam?n={n}" for n in range(12)]
    official = f"http://olympics.com:{site.port}/official"
    blog = f"http://blog.example:{site.port}/blog"
    site.routes["/search"] = _search(spam + [blog, official])  # one host's 12 results first
    hosts = ("spam.example", "blog.example", "olympics.com")
    before, tripwire = canary.connections, Tripwire()

    answer = _ask(site, StubResolver({h: [lb.SITE_HOST] for h in hosts}), tripwire)

    assert answer.status == "answered" and answer.answer == "40", answer
    assert canary.connections == before and tripwire.off_loopback() == []
    read = [p["url"] for p in _pages(isolated_home, answer)]
    assert official in read and blog in read
    assert len(read) == 8 and sum(u in spam for u in read) == 6  # the rest of the budget, not all of it


def test_budget_goes_round_robin_by_host_tiers_first():
    tiers = {"gov.example": "official", "news.example": "media"}

    def tier_of(url: str) -> str:
        return next((t for host, t in tiers.items() if f"//{host}/" in url), "other")

    urls = [f"http://a.example/{n}" for n in range(5)] + ["http://b.example/0", "http://news.example/0",
                                                          "http://news.example/1", "http://gov.example/0", "http://b.example/1"]
    # each round one page per host, gov then news then a and b (search order): gov0 news0 a0 b0, then news1
    assert budget_pages(urls, 5, tier_of) == ["http://a.example/0", "http://b.example/0", "http://news.example/0",
                                              "http://news.example/1", "http://gov.example/0"]
    assert budget_pages(urls, 3, tier_of) == ["http://a.example/0", "http://news.example/0", "http://gov.example/0"]
    assert budget_pages(urls, 0, tier_of) == []
    assert budget_pages(urls, 50, tier_of) == urls
    # one media host with ten pages cannot take all four slots from the one other page
    many = [f"http://news.example/{n}" for n in range(10)] + ["http://a.example/0"]
    assert budget_pages(many, 4, tier_of) == many[:3] + ["http://a.example/0"]


@pytest.mark.parametrize("url", BLOCKED + ["file:///etc/passwd", "ftp://example.org/", "javascript:alert(1)",
                                          "http://[fe80::1%25eth0]/", "http://%31%32%37.0.0.1/", "http://127.1/"])
def test_refused_by_url_alone(url):
    assert refusal_by_url(url.format(p=8080), AddressPolicy()) is not None


@pytest.mark.parametrize("url", ["https://www.reuters.com/x", "http://93.184.216.34/", "http://metadata/",
                                 "http://intranet.corp/", "http://bücher.example/"])
def test_names_are_left_to_the_resolver(url):
    """Only resolving can tell for a name (metadata and intranet.corp may well be refused then)."""
    assert refusal_by_url(url, AddressPolicy()) is None


def test_refusal_by_url_agrees_with_the_guard():
    """Whatever is refused by its URL is in the corpus the guard refuses with no connection
    (test_ssrf.py), and the allowlist admits what it lists."""
    policy = AddressPolicy(parse_networks(ALLOW))
    assert refusal_by_url("http://127.0.0.2:8080/page", policy) is None
    refused = {name for name, url in CORPUS.items() if refusal_by_url(url.format(p=8080), policy)}
    assert len(refused) >= 60
    names = {"dns-to-loopback", "name-to-loopback", "metadata-name", "name-to-private", "name-mixed-private"}
    assert not names & refused  # a name waits for its lookup


def test_the_guard_policy_is_found_under_wrappers(monkeypatch):
    monkeypatch.delenv("ORCHESTRATOR_ALLOW_NETWORKS", raising=False)
    transport = guarded(allow="10.9.0.0/16")
    assert address_policy_of(PoliteTransport(transport)) is transport.policy
    assert address_policy_of(None) == AddressPolicy()  # replay or no transport: what a live run would use
