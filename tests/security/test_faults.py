"""The fault matrix: whole runs against a loopback web where some sources refuse, reset,
truncate, throttle, fail, stall, lie about their type or encoding, or send nothing useful.
The run finishes within its deadline, answers from the healthy sources, and records each
failure with its reason in the trace; with every source failing it abstains and says why."""

from __future__ import annotations

import asyncio
import gzip
import random
import socket
import time

import pytest

from orchestrator import aask
from orchestrator.trace.store import TraceStore
from tests.security import loopback as lb
from tests.security.netstubs import StubResolver, Tripwire, guarded
from tests.security.test_ssrf import GOOD_A, GOOD_B, QUESTION, _wide_policy, search_route

DEADLINE = 1.5
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind((lb.SITE_HOST, 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def faults(canary_port: int) -> dict[str, tuple[lb.Handler | None, str | None]]:
    """name -> (route, the failure the trace must record; None: read, whatever it holds)."""
    partial = lb.response(200, b"<p>only the start of", HTML, length=False).replace(
        b"Connection: close", b"Content-Length: 5000\r\nConnection: close")
    return {
        "refused": (None, "connection failed"),
        "reset-mid-body": (lb.reset_after(partial), "connection"),
        "truncated": (lb.send(partial), "connection closed mid-response"),
        "throttled-429": (lb.send(lb.response(429, b"slow down", {"Retry-After": "120"})), "http 429 (retry after 120)"),
        "server-error-500": (lb.send(lb.response(500, b"oops")), "http 500"),
        "unavailable-503": (lb.send(lb.response(503, b"down", {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"})), "http 503"),
        "no-response": (lb.silent(10), "timeout"),
        "drip": (lb.drip(lb.response(200, b"", HTML, length=False)), "timeout"),
        "wrong-type": (lb.send(lb.response(200, GOOD_A.encode(), {"Content-Type": "image/png"})), "unreadable (image/png)"),
        "missing-type-binary": (lb.send(lb.response(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500))),
                                "unreadable (binary content)"),
        "empty-body": (lb.send(lb.response(200, b"", HTML)), "empty body"),
        "bad-gzip": (lb.send(lb.response(200, b"not gzip at all", {**HTML, "Content-Encoding": "gzip"})), "undecodable body"),
        "gzip-bomb": (lb.bomb(1.0), "too large"),
        "brotli": (lb.send(lb.response(200, b"\x0b\x02\x80hi\x03", {**HTML, "Content-Encoding": "br"})),
                   "unsupported content-encoding"),
        "redirect-loop": (lb.redirect("/f/redirect-loop"), "too many redirects"),
        "redirect-inside": (lb.redirect(f"http://127.1:{canary_port}/"), "blocked address"),
        "garbage-status-line": (lb.send(b"SPDY/9 wat\r\n\r\n"), "connection closed mid-response"),
        "missing-type-html": (lb.send(lb.response(200, b"<p>A page that forgot its content type.</p>")), None),
        "unknown-charset": (lb.send(lb.response(200, "<p>caf\u00e9 \u00fc</p>".encode("latin-1"),
                                                {"Content-Type": "text/html; charset=x-no-such-charset"})), None),
        "mixed-encodings": (lb.send(lb.response(200, "<p>utf8 \u00e9 </p>".encode() + "<p>gbk 金牌</p>".encode("gbk")
                                                + b"<p>\xff\xfe broken \xc3</p>", HTML)), None),
        "enormous-line": (lb.send(lb.response(200, b"word " * 200_000, {"Content-Type": "text/plain"})), None),
        "malformed-html": (lb.send(lb.response(200, b"<html><body><div><p>unclosed <table><tr><td>cell<</b></i>"
                                                    b"<<<>>><script>var a = '<p>'</scr ipt><p>\x01 text &#0; &bogus; " * 50, HTML)), None),
        "invalid-json": (lb.send(lb.response(200, b'{"results": [1, 2,', {"Content-Type": "application/json"})), None),
        "gzip-ok": (lb.send(lb.response(200, gzip.compress(b"<p>A compressed page about nothing much.</p>"),
                                        {**HTML, "Content-Encoding": "gzip"})), None),
    }


def run(site, canary, names: list[str], tmp_path, healthy: bool = True):
    table = faults(canary.port)
    refused_port = _closed_port()
    urls = {}
    for name in names:
        route, _ = table[name]
        if route is None:
            urls[name] = f"http://{lb.SITE_HOST}:{refused_port}/f/{name}"
        else:
            site.routes[f"/f/{name}"] = route
            urls[name] = site.url(f"/f/{name}")
    site.routes["/a"], site.routes["/b"] = lb.html(GOOD_A), lb.html(GOOD_B)
    listed = list(urls.values()) + ([site.url("/a"), site.url("/b")] if healthy else [])
    site.routes["/search"] = search_route(listed)
    tripwire = Tripwire()
    started = time.perf_counter()
    answer = asyncio.run(aask(QUESTION, searxng=site.url(""), use_model=False, policy=_wide_policy(tmp_path),
                              transport=guarded(StubResolver(), tripwire, exempt=[site.url("")]), page_timeout=DEADLINE))
    elapsed = time.perf_counter() - started
    assert tripwire.off_loopback() == []
    trace = TraceStore(tmp_path / "home" / "traces.sqlite").get(answer.trace_id)
    pages = [f for f in trace["fetches"] if f.get("kind") == "page"]
    assert all(f["ms"] < (DEADLINE + 0.5) * 1000 for f in pages), pages  # no fetch hangs past its deadline
    recorded = {f["url"]: f.get("failure") for f in pages}
    return answer, elapsed, urls, recorded, table


def _check_reasons(urls, recorded, table):
    for name, url in urls.items():
        expected = table[name][1]
        reason = recorded.get(url) or next((r for u, r in recorded.items() if f"/f/{name}" in u), None)
        if expected is not None:
            assert reason and reason.startswith(expected), (name, reason)


def test_every_fault_at_once_and_the_healthy_sources_still_answer(site, canary, tmp_path, capsys):
    names = list(faults(0))
    answer, elapsed, urls, recorded, table = run(site, canary, names, tmp_path)
    assert (answer.status, answer.answer) == ("answered", "40"), answer.warnings
    assert {c.url for c in answer.citations} <= {site.url("/a"), site.url("/b")}
    _check_reasons(urls, recorded, table)
    assert elapsed < 30  # the slow sources cost their deadline once, in parallel; the rest is reading
    with capsys.disabled():
        failing = sum(1 for n in names if table[n][1])
        print(f"\nfault matrix: {len(names)} faulty sources ({failing} that must fail, each with its reason) "
              f"+ 2 healthy: answered {answer.answer} in {elapsed:.1f} s")


def test_all_sources_failing_abstains_and_says_why(site, canary, tmp_path):
    names = [n for n, (_, reason) in faults(0).items() if reason]
    answer, elapsed, urls, recorded, table = run(site, canary, names, tmp_path, healthy=False)
    assert answer.status == "abstained" and answer.answer is None
    why = " ".join(answer.warnings)
    assert "no source could be read" in why and "timeout" in why and "http 429" in why and "blocked address" in why
    _check_reasons(urls, recorded, table)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_subset_of_failing_sources(site, canary, tmp_path, seed):
    names = random.Random(seed).sample(sorted(faults(0)), k=6)
    answer, elapsed, urls, recorded, table = run(site, canary, names, tmp_path)
    assert (answer.status, answer.answer) == ("answered", "40"), (names, answer.warnings)
    _check_reasons(urls, recorded, table)


def test_search_provider_down_abstains_and_says_why(tmp_path):
    port = _closed_port()
    answer = asyncio.run(aask(QUESTION, searxng=f"http://{lb.SITE_HOST}:{port}", use_model=False,
                              transport=guarded(StubResolver(), Tripwire(), exempt=[f"http://{lb.SITE_HOST}:{port}"])))
    assert answer.status == "abstained"
    # the first warning names the search that failed, not "no sources found"
    assert "search unreachable" in answer.warnings[0] and "no sources found" not in answer.warnings[0], answer.warnings
