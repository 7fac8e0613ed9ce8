"""The address guard against a corpus of URLs that point inside: loopback in every spelling,
private and reserved ranges, cloud metadata, other schemes; delivered directly, by
redirect, by DNS rebinding, in search results and by the model. The only real listener is
the loopback canary, which counts connections; everything else goes through a stub
resolver and a tripwire backend, so no packet leaves for a private or public address."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from urllib.parse import quote

import pytest

from orchestrator import aask
from orchestrator.model.fake import ScriptedModel
from orchestrator.net.client import make_client
from orchestrator.net.guard import AddressPolicy, host_literal, is_public, parse_networks
from orchestrator.net.guarded import GuardedTransport
from orchestrator.sources import fetch_page
from orchestrator.trace.store import TraceStore
from tests.conftest import ROOT
from tests.security import loopback as lb
from tests.security.netstubs import StubResolver, Tripwire, guarded, sequence

# A Location header httpx cannot even decode fails as a malformed response: nothing is fetched.
REFUSED = ("blocked address", "invalid URL", "unsupported scheme", "malformed response")

# {p} is the canary's port: each of these would reach the canary if the guard let it.
LOOPBACK = {
    "dotted": "http://127.0.0.1:{p}/", "https": "https://127.0.0.1:{p}/", "short-2": "http://127.1:{p}/",
    "short-3": "http://127.0.1:{p}/", "decimal": "http://2130706433:{p}/", "hex": "http://0x7f000001:{p}/",
    "hex-short": "http://0x7f.1:{p}/", "hex-dotted": "http://0x7f.0x0.0x0.0x1:{p}/", "octal": "http://017700000001:{p}/",
    "octal-short": "http://0177.1:{p}/", "octal-dotted": "http://0177.0.0.1:{p}/", "zero-padded": "http://127.000.000.001:{p}/",
    "trailing-dot": "http://127.0.0.1.:{p}/", "other-127": "http://127.127.127.127:{p}/", "ipv6": "http://[::1]:{p}/",
    "ipv6-long": "http://[0:0:0:0:0:0:0:1]:{p}/", "mapped-dotted": "http://[::ffff:127.0.0.1]:{p}/",
    "mapped-hex": "http://[::ffff:7f00:1]:{p}/", "mapped-long": "http://[0:0:0:0:0:ffff:7f00:1]:{p}/",
    "translated": "http://[::ffff:0:7f00:1]:{p}/", "compatible": "http://[::127.0.0.1]:{p}/",
    "nat64": "http://[64:ff9b::7f00:1]:{p}/", "6to4": "http://[2002:7f00:1::]:{p}/",
    "localhost": "http://localhost:{p}/", "localhost-dot": "http://localhost.:{p}/", "localhost-caps": "http://LOCALHOST:{p}/",
    "localhost-mixed-dot": "http://LocalHost.:{p}/", "sub-localhost": "http://app.localhost:{p}/",
    "unspecified": "http://0.0.0.0:{p}/", "zero": "http://0:{p}/", "ipv6-unspecified": "http://[::]:{p}/",
    "dns-to-loopback": "http://127.0.0.1.nip.io:{p}/", "name-to-loopback": "http://loopback.example:{p}/",
    "name-to-mapped": "http://mapped.example:{p}/", "name-mixed": "http://mixed-loop.example:{p}/",
    "userinfo": "http://user@127.0.0.1:{p}/", "userinfo-password": "http://user:pass@127.0.0.1:{p}/",
    "userinfo-host": "http://public.example@127.0.0.1:{p}/", "userinfo-host-port": "http://public.example:80@127.0.0.1:{p}/",
    "fragment-at": "http://127.0.0.1:{p}#@public.example/", "backslash-at": "http://public.example\\@127.0.0.1:{p}/",
    "ideographic-dots": "http://127\u30020\u30020\u30021:{p}/", "percent-host": "http://%31%32%37.0.0.1:{p}/",
    "fullwidth-digits": "http://\uff11\uff12\uff17.0.0.1:{p}/", "port-80-form": "http://127.0.0.1:{p}/?next=http://public.example/",
}
# No listener anywhere: the tripwire fails the test if any of these is even attempted.
PRIVATE = {
    "rfc1918-10": "http://10.0.0.1/", "rfc1918-10-top": "http://10.255.255.255/", "rfc1918-172": "http://172.16.0.1/",
    "rfc1918-172-top": "http://172.31.255.254/", "rfc1918-192": "http://192.168.0.1/", "rfc1918-192-b": "http://192.168.1.1:8080/",
    "metadata": "http://169.254.169.254/latest/meta-data/", "metadata-decimal": "http://2852039166/",
    "metadata-hex": "http://0xa9fea9fe/", "metadata-hex-dotted": "http://0xa9.0xfe.0xa9.0xfe/",
    "metadata-mapped": "http://[::ffff:169.254.169.254]/", "metadata-mapped-hex": "http://[::ffff:a9fe:a9fe]/",
    "metadata-aws-v6": "http://[fd00:ec2::254]/", "metadata-nat64": "http://[64:ff9b::a9fe:a9fe]/",
    "metadata-6to4": "http://[2002:a9fe:a9fe::]/", "metadata-name": "http://metadata.google.internal/computeMetadata/v1/",
    "metadata-short-name": "http://metadata/", "alibaba-metadata": "http://100.100.100.200/",
    "cgnat": "http://100.64.0.1/", "cgnat-top": "http://100.127.255.254/", "link-local": "http://169.254.1.1/",
    "multicast": "http://224.0.0.1/", "ssdp": "http://239.255.255.250:1900/", "reserved": "http://240.0.0.1/",
    "broadcast": "http://255.255.255.255/", "ietf": "http://192.0.0.170/", "test-net-1": "http://192.0.2.1/",
    "benchmark": "http://198.18.0.1/", "test-net-2": "http://198.51.100.7/", "test-net-3": "http://203.0.113.9/",
    "this-network": "http://0.1.2.3/", "ula": "http://[fc00::1]/", "ula-fd": "http://[fd12:3456::1]/",
    "v6-link-local": "http://[fe80::1]/", "v6-link-local-zone": "http://[fe80::1%25eth0]/", "v6-site-local": "http://[fec0::1]/",
    "v6-multicast": "http://[ff02::1]/", "v6-documentation": "http://[2001:db8::1]/", "teredo": "http://[2001::1]/",
    "mapped-private": "http://[::ffff:10.0.0.1]/", "name-to-private": "http://intranet.corp/",
    "name-mixed-private": "http://mixed.example/", "name-to-ula": "http://v6only.example/",
    "name-to-unspecified": "http://zero.example/",
}
SCHEMES = {
    "file": "file:///etc/passwd", "ftp": "ftp://127.0.0.1:{p}/", "gopher": "gopher://127.0.0.1:{p}/_GET%20/",
    "dict": "dict://127.0.0.1:{p}/info", "data": "data:text/html,<p>hi</p>", "javascript": "javascript:alert(1)",
    "ws": "ws://127.0.0.1:{p}/", "scheme-relative": "//127.0.0.1:{p}/",
}
CORPUS = {**LOOPBACK, **PRIVATE, **SCHEMES}
NAMES = {
    "127.0.0.1.nip.io": ["127.0.0.1"], "loopback.example": ["127.0.0.1"], "mapped.example": ["::ffff:127.0.0.1"],
    "mixed-loop.example": ["93.184.216.34", "127.0.0.1"], "metadata.google.internal": ["169.254.169.254"],
    "metadata": ["169.254.169.254"], "intranet.corp": ["10.1.2.3"], "mixed.example": ["93.184.216.34", "10.0.0.1"],
    "v6only.example": ["fd12::1"], "zero.example": ["0.0.0.0"],
}
REDIRECT_STATUSES = (301, 302, 303, 307, 308)


def run_fetch(url: str, resolver: StubResolver, tripwire: Tripwire, transport: GuardedTransport | None = None):
    async def go():
        async with make_client(transport or guarded(resolver, tripwire)) as client:
            return await fetch_page(client, url, timeout=5)
    return asyncio.run(go())


def assert_refused(page, canary, before: int, tripwire: Tripwire) -> None:
    assert page.failure and page.failure.startswith(REFUSED), page
    assert canary.connections == before
    assert tripwire.off_loopback() == []


@pytest.mark.parametrize("case", list(CORPUS))
def test_direct_url_is_refused(case, canary):
    before, tripwire = canary.connections, Tripwire()
    page = run_fetch(CORPUS[case].format(p=canary.port), StubResolver(NAMES), tripwire)
    assert_refused(page, canary, before, tripwire)
    assert tripwire.attempts == []  # refused before any connection, even to loopback


@pytest.mark.parametrize("case", list(CORPUS))
def test_redirect_to_url_is_refused(case, canary, site):
    site.routes["/to"] = lambda conn, q: conn.sendall(lb.response(302, b"", {"Location": q["u"][0]}))
    before, tripwire = canary.connections, Tripwire()
    target = CORPUS[case].format(p=canary.port)
    page = run_fetch(site.url("/to?u=" + quote(target, safe="")), StubResolver(NAMES), tripwire)
    assert_refused(page, canary, before, tripwire)
    assert tripwire.attempts == [(site.host, site.port)]  # the first hop only


@pytest.mark.parametrize("status", REDIRECT_STATUSES)
def test_every_redirect_status_is_checked(status, canary, site):
    site.routes[f"/r{status}"] = lb.redirect(f"http://127.1:{canary.port}/", status)
    before, tripwire = canary.connections, Tripwire()
    assert_refused(run_fetch(site.url(f"/r{status}"), StubResolver(), tripwire), canary, before, tripwire)


def test_protocol_relative_and_multi_hop_redirects_are_checked(canary, site):
    site.routes["/rel"] = lb.redirect(f"//[::ffff:7f00:1]:{canary.port}/")
    site.routes["/hop1"] = lb.redirect("/hop2")
    site.routes["/hop2"] = lb.redirect(site.url("/hop3"))
    site.routes["/hop3"] = lb.redirect(f"http://2130706433:{canary.port}/")
    for path in ("/rel", "/hop1"):
        before, tripwire = canary.connections, Tripwire()
        assert_refused(run_fetch(site.url(path), StubResolver(), tripwire), canary, before, tripwire)


def test_rebinding_between_requests_is_refused(canary, site):
    site.routes["/page"] = lb.html("<p>hello</p>")
    resolver = StubResolver({"rebind.example": sequence(["127.0.0.2"], ["127.0.0.1"])})
    url = f"http://rebind.example:{site.port}/page"
    first = run_fetch(url, resolver, Tripwire())
    assert first.failure is None and "hello" in first.body
    before, tripwire = canary.connections, Tripwire()
    assert_refused(run_fetch(url, resolver, tripwire), canary, before, tripwire)


def test_rebinding_between_redirect_hops_is_refused(canary, site):
    site.routes["/bounce"] = lb.redirect(f"http://hop.example:{site.port}/page")
    resolver = StubResolver({"hop.example": sequence(["127.0.0.2"], ["127.0.0.1"])})
    before, tripwire = canary.connections, Tripwire()
    page = run_fetch(f"http://hop.example:{site.port}/bounce", resolver, tripwire)
    assert_refused(page, canary, before, tripwire)
    assert resolver.calls == ["hop.example", "hop.example"]  # every hop resolved and checked anew


def test_host_is_resolved_once_and_the_checked_address_is_connected(site):
    site.routes["/page"] = lb.html("<p>hello</p>")
    resolver = StubResolver({"once.example": sequence(["127.0.0.2"], ["127.0.0.1"])})
    tripwire = Tripwire()
    page = run_fetch(f"http://once.example:{site.port}/page", resolver, tripwire)
    assert page.failure is None
    assert resolver.calls == ["once.example"]
    assert tripwire.attempts == [("127.0.0.2", site.port)]  # the address checked, not the name


REBOUND_ANSWERS = [
    ["127.0.0.2", "127.0.0.1"], ["93.184.216.34", "127.0.0.1"], ["127.0.0.2", "::1"], ["127.0.0.2", "169.254.169.254"],
    ["::ffff:127.0.0.1"], ["0.0.0.0"], ["127.0.0.2", "fd00::1"], ["10.0.0.1"], ["fe80::1%eth0"], ["not-an-address"],
]


@pytest.mark.parametrize("answer", REBOUND_ANSWERS, ids=lambda a: "+".join(a))
def test_any_refused_address_in_an_answer_refuses_the_name(answer, canary, site):
    before, tripwire = canary.connections, Tripwire()
    page = run_fetch(f"http://multi.example:{site.port}/page", StubResolver({"multi.example": answer}), tripwire)
    assert page.failure and page.failure.startswith(("blocked address", "connection failed")), page
    assert canary.connections == before and tripwire.attempts == []


def test_a_public_address_is_let_through_to_the_checked_ip():
    """Positive control: the tripwire stops the connection before any packet is sent."""
    tripwire = Tripwire(expected_refusals={"93.184.216.34"})
    page = run_fetch("http://public.example/", StubResolver({"public.example": ["93.184.216.34"]}), tripwire)
    assert tripwire.attempts == [("93.184.216.34", 80)]
    assert page.failure == "connection failed"


def test_allowlist_admits_only_what_it_lists(canary, site):
    site.routes["/page"] = lb.html("<p>hello</p>")
    assert run_fetch(site.url("/page"), StubResolver(), Tripwire()).failure is None
    for url in (f"http://127.0.0.3:{site.port}/page", f"http://[::ffff:127.0.0.2]:{site.port}/page"):
        before, tripwire = canary.connections, Tripwire()
        assert_refused(run_fetch(url, StubResolver(), tripwire), canary, before, tripwire)
    nothing = guarded(allow="")
    assert run_fetch(site.url("/page"), StubResolver(), Tripwire(), nothing).failure.startswith("blocked address")


def test_operator_endpoint_is_exempt_but_not_for_pages(site):
    site.routes["/search"] = lb.html('{"results": []}', ctype="application/json")

    async def go():
        transport = guarded(allow="", exempt=[site.url("")])
        async with make_client(transport) as client:
            search = await client.get(site.url("/search"))
            page = await fetch_page(client, site.url("/search"))
        return search, page
    search, page = asyncio.run(go())
    assert search.status_code == 200
    assert page.failure.startswith("blocked address")  # the same origin, handed over by the web


def test_the_allowlist_is_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("ORCHESTRATOR_ALLOW_NETWORKS", "127.0.0.2/32, 10.9.0.0/16")
    policy = AddressPolicy.from_env()
    assert [str(n) for n in policy.allow] == ["127.0.0.2/32", "10.9.0.0/16"]
    monkeypatch.delenv("ORCHESTRATOR_ALLOW_NETWORKS")
    assert AddressPolicy.from_env().allow == ()


@pytest.mark.parametrize("address, public", [
    ("8.8.8.8", True), ("93.184.216.34", True), ("2606:4700:4700::1111", True), ("64:ff9b::808:808", True),
    ("2002:808:808::1", True), ("127.0.0.1", False), ("10.1.1.1", False), ("100.64.0.1", False),
    ("169.254.169.254", False), ("::ffff:8.8.8.8", False), ("64:ff9b::a00:1", False), ("2002:a00:1::", False),
    ("::ffff:0:808:808", False), ("192.0.0.9", False), ("fd00::1", False), ("ff05::1", False),
])
def test_address_classification(address, public):
    import ipaddress

    assert is_public(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize("host, address", [
    ("127.1", "127.0.0.1"), ("2130706433", "127.0.0.1"), ("0x7f.1", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"),
    ("0x7f.0.0.0x1", "127.0.0.1"), ("10.1", "10.0.0.1"), ("0", "0.0.0.0"), ("::ffff:7f00:1", "::ffff:7f00:1"),
    ("example.org", None), ("1.2.3.4.5", None), ("256.1.1.1", None), ("0x100000000", None),
])
def test_host_literals_are_read_as_the_c_resolver_would(host, address):
    parsed = host_literal(host)
    assert (str(parsed) if parsed else None) == address


def test_malformed_allowlist_is_one_clear_error():
    from orchestrator.errors import ConfigError

    with pytest.raises(ConfigError, match="ORCHESTRATOR_ALLOW_NETWORKS: 'nonsense' is not a network"):
        parse_networks("127.0.0.2/32 nonsense")


def _wide_policy(tmp_path: Path) -> Path:
    text = (ROOT / "policies" / "default.yaml").read_text(encoding="utf-8")
    path = tmp_path / "policy.yaml"
    path.write_text(text.replace("max_pages: 8", "max_pages: 50"), encoding="utf-8")
    return path


GOOD_A = """<html><head><title>Paris 2024 medal table: United States top</title></head><body><article>
<h1>United States finish top of the Paris 2024 medal table</h1>
<p>The United States won 40 gold medals at the Paris 2024 Olympics, ahead of China on silver medals.</p>
<p>The Games closed on 11 August 2024 at the Stade de France.</p></article></body></html>"""
GOOD_B = """<html><head><title>Americans clinch the medals table in Paris</title></head><body><article>
<h1>Team USA edges China on the final day</h1>
<p>With a late win in women's basketball, Team USA reached 40 gold medals at the Paris 2024 Olympics.</p>
<p>China also finished with 40 golds but had fewer silvers, so the United States topped the table.</p>
</article></body></html>"""
QUESTION = "How many gold medals did the United States win at the Paris 2024 Olympics?"


def search_route(urls: list[str]):
    results = [{"url": u, "title": "result", "content": "", "publishedDate": "2024-08-11T00:00:00Z"} for u in urls]
    return lb.send(lb.response(200, json.dumps({"results": results}).encode(), {"Content-Type": "application/json"}))


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def test_urls_in_search_results_never_reach_the_canary(canary, site, tmp_path, capsys):
    site.routes["/a"], site.routes["/b"] = lb.html(GOOD_A), lb.html(GOOD_B)
    urls = [u.format(p=canary.port) for u in CORPUS.values()]
    fetched = refused = 0
    for chunk in _chunks(urls, 44):
        site.routes["/search"] = search_route(chunk + [site.url("/a"), site.url("/b")])
        before, tripwire = canary.connections, Tripwire()
        transport = guarded(StubResolver(NAMES), tripwire, exempt=[site.url("")])
        answer = asyncio.run(aask(QUESTION, searxng=site.url(""), transport=transport, use_model=False,
                                  policy=_wide_policy(tmp_path), page_timeout=5))
        assert canary.connections == before and tripwire.off_loopback() == []
        assert answer.status == "answered" and answer.answer == "40"
        trace = TraceStore(tmp_path / "home" / "traces.sqlite").get(answer.trace_id)
        pages = [f for f in trace["fetches"] if f.get("kind") == "page" and not f["url"].endswith(("/a", "/b"))]
        fetched += len(pages)
        refused += sum(1 for f in pages if (f.get("failure") or "").startswith(REFUSED))
    assert refused == fetched  # every fetched corpus URL was refused, with its reason in the trace
    with capsys.disabled():
        print(f"\nSSRF via search results: {len(urls)} URLs listed, {fetched} fetched (the rest are not http(s) "
              f"and were dropped by the search source), {refused} refused, 0 reached the canary")


def test_urls_proposed_by_the_model_go_nowhere(canary, site, tmp_path):
    target = f"http://127.0.0.1:{canary.port}/admin"
    site.routes["/a"] = lb.html(GOOD_A.replace("40 gold medals", f"40 gold medals (details at {target})"))
    site.routes["/search"] = search_route([site.url("/a")])

    def reply(messages, schema):
        key = next(iter((schema or {}).get("properties", {"answer": 0})))
        return json.dumps({key: f"Fetch {target} and report what it says"})
    before, tripwire = canary.connections, Tripwire()
    answer = asyncio.run(aask("What is the motto of the Paris 2024 Olympics?", searxng=site.url(""), use_model=True,
                              chat_model=ScriptedModel(reply), transport=guarded(StubResolver(), tripwire, exempt=[site.url("")]),
                              page_timeout=5))
    assert canary.connections == before and tripwire.off_loopback() == []
    assert target not in answer.text and target not in (answer.answer or "")


def test_corpus_size(capsys):
    direct = len(CORPUS)
    redirected = len(CORPUS) + len(REDIRECT_STATUSES) + 2  # + protocol-relative and multi-hop
    rebinding = 3 + len(REBOUND_ANSWERS)  # between requests, between hops, resolved once; mixed answers
    total = direct + redirected + rebinding + len(CORPUS) + 1
    assert direct >= 60
    with capsys.disabled():
        print(f"\nSSRF corpus: {direct} URL forms ({len(LOOPBACK)} loopback, {len(PRIVATE)} private/reserved, "
              f"{len(SCHEMES)} schemes); {total} cases in all (direct {direct}, redirect {redirected}, "
              f"DNS rebinding {rebinding}, search results {len(CORPUS)}, model 1)")
