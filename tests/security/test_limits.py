"""Limits on what one page can cost, measured against loopback servers: decoded size
(compression bombs, directly and behind a redirect), one deadline a drip server cannot
stretch, redirect count, readable types only, and extraction that a pathological page
cannot hold past its time limit."""

from __future__ import annotations

import asyncio
import gzip
import json
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest

from orchestrator.net.client import make_client
from orchestrator.net.decoding import MAX_BODY_BYTES
from orchestrator.sources import extract, fetch_page, isolate
from orchestrator.sources.extract import MAX_HTML_BYTES, extract_here
from tests.conftest import ROOT
from tests.security import loopback as lb
from tests.security.netstubs import StubResolver, Tripwire, guarded

DEADLINE = 1.5
SLACK = 0.5
MEMORY_LIMIT_MIB = 64


def fetch_all(urls: list[str], timeout: float = 5.0):
    async def go():
        async with make_client(guarded(StubResolver(), Tripwire())) as client:
            async def timed(url):
                started = time.perf_counter()
                page = await fetch_page(client, url, timeout=timeout)
                return page, time.perf_counter() - started
            return await asyncio.gather(*(timed(u) for u in urls))
    return asyncio.run(go())


def test_compression_bombs_add_little_memory(site, capsys):
    site.routes["/warm"] = lb.html("<p>warm up</p>")
    site.routes["/bomb-gzip"] = lb.bomb(1.0, "gzip")
    site.routes["/bomb-deflate"] = lb.bomb(1.0, "deflate")
    site.routes["/bomb-double"] = lb.bomb(1.0, "gzip, gzip")
    site.routes["/to-bomb"] = lb.redirect("/bomb-gzip")
    site.routes["/five-mib"] = lb.send(lb.response(200, b"a" * MAX_BODY_BYTES, {"Content-Type": "text/plain"}))
    urls = [site.url(p) for p in ("/bomb-gzip", "/to-bomb", "/bomb-deflate", "/bomb-double", "/five-mib")]
    probe = subprocess.run([sys.executable, "-m", "tests.security.memprobe", site.url("/warm"), *urls],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr[-2000:]
    *bombs, control = json.loads(probe.stdout)["results"]
    for result in bombs:
        assert result["failure"].startswith("too large"), result
        assert result["grew_mib"] < MEMORY_LIMIT_MIB, result
    assert control["failure"] is None and control["grew_mib"] >= 5  # the probe does see a 5 MiB body
    with capsys.disabled():
        print("\ncompression bombs (1 GiB decoded each): peak memory growth "
              + ", ".join(f"{r['url'].rsplit('/', 1)[1]} {r['grew_mib']} MiB" for r in bombs)
              + f" (limit {MEMORY_LIMIT_MIB} MiB; a plain 5 MiB page for comparison: {control['grew_mib']} MiB)")


def test_drip_servers_are_cut_at_the_deadline(site, capsys):
    site.routes["/drip-body"] = lb.drip(lb.response(200, b"", {"Content-Type": "text/html"}, length=False))
    site.routes["/drip-head"] = lb.drip(b"HTTP/1.1 200 OK\r\n", payload=b"X")
    site.routes["/drip-gzip"] = lb.drip(lb.response(200, b"", {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                                                   length=False), payload=gzip.compress(b"<p>slow</p>" * 10000))
    site.routes["/drip-after-redirect"] = lb.redirect("/drip-body")
    site.routes["/silent"] = lb.silent(10)
    paths = ["/drip-body", "/drip-head", "/drip-gzip", "/drip-after-redirect", "/silent"]
    results = fetch_all([site.url(p) for p in paths], timeout=DEADLINE)
    overshoot = max(elapsed - DEADLINE for _, elapsed in results)
    for (page, elapsed), path in zip(results, paths):
        assert page.failure.startswith("timeout"), (path, page)
        assert elapsed < DEADLINE + SLACK, (path, elapsed)
    with capsys.disabled():
        print(f"\ndrip servers: {len(paths)} cut off; worst overshoot past the {DEADLINE} s deadline: {overshoot * 1000:.0f} ms")


def test_at_most_five_redirects(site):
    for i in range(7):
        site.routes[f"/c{i}"] = lb.redirect(f"/c{i + 1}")
    site.routes["/c7"] = lb.html("<p>arrived</p>")
    site.routes["/loop"] = lb.redirect("/loop")
    (five, _), (six, _), (loop, _) = fetch_all([site.url("/c2"), site.url("/c1"), site.url("/loop")])
    assert five.failure is None and five.redirects == 5 and five.url.endswith("/c7") and five.requested_url.endswith("/c2")
    assert six.failure.startswith("too many redirects") and six.url.endswith("/c1")
    assert loop.failure.startswith("too many redirects")


@pytest.mark.parametrize("ctype, readable", [
    ("text/html; charset=utf-8", True), ("application/xhtml+xml", True), ("text/plain", True), ("application/json", True),
    ("image/png", False), ("application/pdf", False), ("application/octet-stream", False), ("text/csv", False),
    ("application/javascript", False), ("video/mp4", False),
])
def test_only_readable_types_are_read(site, ctype, readable):
    body = b'{"a": "<p>some text</p>"}' + b" " * (4 << 20)
    site.routes["/typed"] = lb.send(lb.response(200, body, {"Content-Type": ctype}))
    (page, _), = fetch_all([site.url("/typed")])
    if readable:
        assert page.failure is None and "some text" in page.body
    else:
        assert page.failure == f"unreadable ({ctype})" and page.bytes == 0 and page.body == ""  # never downloaded


def test_body_limit_is_exact_and_encodings_are_bounded(site):
    site.routes["/exact"] = lb.send(lb.response(200, b"a" * MAX_BODY_BYTES, {"Content-Type": "text/plain"}))
    site.routes["/over"] = lb.send(lb.response(200, b"a" * (MAX_BODY_BYTES + 1), {"Content-Type": "text/plain"}))
    site.routes["/brotli"] = lb.send(lb.response(200, b"\x8b\x03\x80hello\x03", {"Content-Type": "text/html",
                                                                                "Content-Encoding": "br"}))
    site.routes["/bad-gzip"] = lb.send(lb.response(200, b"this was never gzip", {"Content-Type": "text/html",
                                                                                    "Content-Encoding": "gzip"}))
    (exact, _), (over, _), (brotli, _), (bad, _) = fetch_all([site.url(p) for p in ("/exact", "/over", "/brotli", "/bad-gzip")])
    assert exact.failure is None and exact.bytes == MAX_BODY_BYTES
    assert over.failure == "too large"
    assert brotli.failure == "unsupported content-encoding 'br'"
    assert bad.failure == "undecodable body"
    assert all(b"Accept-Encoding: gzip, deflate\r\n" in head for head in site.heads)  # only what is bounded is advertised


def test_extraction_sees_at_most_2_mb():
    filler = "<style>" + "p { color: red }\n" * 160_000 + "</style>"  # 2.7 MB that costs the parser nothing
    html = "<html><body><article><p>Early marker sentence that is kept.</p>" + filler \
        + "<p>LATE-MARKER sentence past two megabytes.</p></article></body></html>"
    assert len(html.encode()) > MAX_HTML_BYTES
    text = extract_here(html, "http://example.org/", datetime(2024, 1, 1, tzinfo=UTC)).text
    assert "Early marker" in text and "LATE-MARKER" not in text


def test_a_pathological_page_cannot_hold_extraction(capsys):
    now = datetime(2024, 1, 1, tzinfo=UTC)
    assert extract("<p>warm</p>", "http://example.org/", now).failure is None  # the worker is up
    slow = "<html><body>" + "<p>word " * 200_000 + "</body></html>"  # ~15 s of parsing in process
    started = time.perf_counter()
    result = extract(slow, "http://example.org/", now, timeout=1.0)
    elapsed = time.perf_counter() - started
    assert result.text == "" and result.failure == "extraction timed out after 1 s"
    assert elapsed < 1.0 + SLACK
    assert extract("<p>fine again</p>", "http://example.org/", now).failure is None  # a fresh worker took over
    with capsys.disabled():
        print(f"\npathological page: extraction stopped after {elapsed:.2f} s (limit 1 s)")


def test_a_stuck_worker_is_killed_and_waiting_counts_against_the_limit():
    started = time.perf_counter()
    ok, reason = isolate.call(time.sleep, 30, timeout=0.5)
    assert not ok and reason.startswith("timed out") and time.perf_counter() - started < 0.5 + SLACK + 2  # + start
