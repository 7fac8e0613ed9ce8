"""Live mode end to end: the real network transport (politeness over the address guard, no
replay, no plugged-in transport) against loopback servers on 127.0.0.2 playing a SearxNG
instance, a Wikipedia (MediaWiki API) and two news sites, one of whose robots.txt disallows a
page the search returns."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from orchestrator import ask
from orchestrator.config import DEFAULT_POLICY
from orchestrator.net.polite import ROBOTS, ROBOTS_FAILURE
from orchestrator.sources.wikipedia import WikipediaSearch, wiki_language
from orchestrator.trace.store import TraceStore
from tests.pages import MEDAL_TABLE, USA_ON_TOP

QUESTION = "How many gold medals did the United States win at the Paris 2024 Olympics?"
ASKED = datetime(2024, 8, 12, 9, 0, tzinfo=UTC)

FORBIDDEN = """<html><head><title>Members only</title>
<meta property="article:published_time" content="2024-08-11T22:00:00+00:00"></head>
<body><article><p>The United States won 99 gold medals at the Paris 2024 Olympics.</p></article></body></html>"""

WIKI_PAGE = """<html><head><title>United States at the 2024 Summer Olympics - Wikipedia</title>
<meta property="article:modified_time" content="2024-08-11T23:00:00+00:00"></head>
<body><main><h1>United States at the 2024 Summer Olympics</h1>
<p>The United States won 40 gold medals at the Paris 2024 Olympics, tied with China for the most golds.</p>
</main></body></html>"""


class Server:
    """One loopback server; ``route(path, query)`` returns (status, content type, body)."""

    def __init__(self, route):
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                parts = urlsplit(self.path)
                server.hits.append(parts.path)
                status, ctype, body = route(parts.path, parse_qs(parts.query))
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self._httpd = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.2:{self._httpd.server_address[1]}"
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def count(self, path: str) -> int:
        return self.hits.count(path)

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


HTML, TEXT, JSON = "text/html; charset=utf-8", "text/plain", "application/json"


@pytest.fixture()
def web(monkeypatch, tmp_path):
    monkeypatch.setenv("ORCHESTRATOR_ALLOW_NETWORKS", "127.0.0.2/32")
    ROBOTS.clear()
    news = Server(lambda path, q: {
        "/robots.txt": (200, TEXT, "User-agent: *\nDisallow: /members/\n"),
        "/final-table": (200, HTML, MEDAL_TABLE),
        "/members/exclusive": (200, HTML, FORBIDDEN),
    }.get(path, (404, TEXT, "not here")))
    other = Server(lambda path, q: {"/usa-on-top": (200, HTML, USA_ON_TOP)}.get(path, (404, TEXT, "not here")))
    wiki_holder: dict = {}

    def wiki_route(path, q):
        if path == "/robots.txt":
            return 200, TEXT, "User-agent: *\nDisallow: /w/\n"  # like Wikipedia's: the API is not crawled
        if path == "/w/api.php" and q.get("list") == ["search"]:
            return 200, JSON, json.dumps({"query": {"search": [
                {"ns": 0, "title": "United States at the 2024 Summer Olympics", "pageid": 42,
                 "snippet": "The <span class=\"searchmatch\">United States</span> won 40 gold",
                 "timestamp": "2024-08-11T23:00:00Z"}]}})
        if path == "/w/api.php" and q.get("pageids") == ["42"]:
            return 200, JSON, json.dumps({"query": {"pages": [
                {"pageid": 42, "title": "United States at the 2024 Summer Olympics",
                 "extract": "The United States won 40 gold medals.",
                 "fullurl": f"{wiki_holder['base']}/wiki/United_States_at_the_2024_Summer_Olympics"}]}})
        if path == "/wiki/United_States_at_the_2024_Summer_Olympics":
            return 200, HTML, WIKI_PAGE
        return 404, TEXT, "not here"

    wiki = Server(wiki_route)
    wiki_holder["base"] = wiki.base
    monkeypatch.setenv("ORCHESTRATOR_WIKIPEDIA_URL", wiki.base)

    def searx_route(path, q):
        if path != "/search":
            return 404, TEXT, "not here"
        return 200, JSON, json.dumps({"query": q.get("q", [""])[0], "results": [
            {"url": f"{news.base}/members/exclusive", "title": "Exclusive", "content": "99 gold", "publishedDate": None},
            {"url": f"{news.base}/final-table", "title": "Final table", "content": "US 40 gold",
             "publishedDate": "2024-08-11T00:00:00Z"},
            {"url": f"{other.base}/usa-on-top", "title": "USA on top", "content": "40 gold", "publishedDate": None},
        ]})

    searx = Server(searx_route)
    policy = tmp_path / "policy.yaml"
    policy.write_text(Path(DEFAULT_POLICY).read_text(encoding="utf-8") + "\nsources: [searxng, wikipedia]\n",
                      encoding="utf-8")
    yield {"news": news, "other": other, "wiki": wiki, "searx": searx, "policy": policy}
    for server in (news, other, wiki, searx):
        server.close()
    ROBOTS.clear()


def test_live_mode_honours_robots_and_answers_from_allowed_pages(web, isolated_home):
    answer = ask(QUESTION, now=ASKED, searxng=web["searx"].base, policy=web["policy"], use_model=False, cache=False)
    assert answer.status == "answered" and answer.answer == "40", answer.warnings
    news, searx, wiki = web["news"], web["searx"], web["wiki"]
    assert news.count("/members/exclusive") == 0  # refused before a byte was sent
    assert news.count("/robots.txt") == 1 and news.count("/final-table") == 1
    assert searx.count("/robots.txt") == 0  # the operator's SearxNG is exempt
    assert wiki.count("/w/api.php") == 2 and wiki.count("/wiki/United_States_at_the_2024_Summer_Olympics") == 1
    cited = {c.url for c in answer.citations}
    assert cited and all("/members/" not in url for url in cited)

    trace = TraceStore(isolated_home / "traces.sqlite").get(answer.trace_id)
    pages = {f["url"]: f for f in trace["fetches"] if f["kind"] == "page"}
    assert pages[f"{news.base}/members/exclusive"]["failure"] == ROBOTS_FAILURE
    assert pages[f"{news.base}/final-table"]["failure"] is None
    searches = [f for f in trace["fetches"] if f["kind"] == "search"]
    assert any("/w/api.php" in f["url"] and f["results"] == 1 for f in searches)
    assert trace["config"].get("pack") == "live"  # not a replay


def test_default_policy_searches_searxng_only(web):
    answer = ask(QUESTION, now=ASKED, searxng=web["searx"].base, use_model=False, cache=False)
    assert answer.status == "answered" and answer.answer == "40", answer.warnings
    assert web["wiki"].hits == [] and web["news"].count("/members/exclusive") == 0


def test_wikipedia_language_and_base():
    assert wiki_language("zh-Hans-CN") == "zh" and wiki_language(None) == "en" and wiki_language("???") == "en"
    assert WikipediaSearch("https://{lang}.wikipedia.org").api_url("ja") == "https://ja.wikipedia.org/w/api.php"
