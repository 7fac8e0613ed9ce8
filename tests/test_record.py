"""Record against loopback servers playing SearxNG and two sites, then replay the pack."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from orchestrator import ask
from orchestrator.recording import record_pack

PAGE = """<html><head><title>{lead}</title>
<meta property="og:site_name" content="Loopback Sports">
<meta property="article:published_time" content="{date}"></head>
<body><article><h1>{lead}</h1>
<p>{lead}: the Paris 2024 Olympics closed on 11 August 2024 after sixteen days of competition in and around the city.</p>
<p>The United States won 40 gold medals at the Paris 2024 Olympics, more silver than anyone.</p>
<p>Other nations followed in the table with fewer gold medals overall.</p></article></body></html>"""

OTHER_PAGE = """<html><head><title>Americans finish on top</title>
<meta property="article:published_time" content="{date}"></head>
<body><article><h1>Americans finish on top in Paris</h1>
<p>Team USA ended the Games in first place on the final afternoon, edging its closest rival on silver medals.</p>
<p>The United States won 40 gold medals at the Paris 2024 Olympics, level with China at the top.</p>
<p>Coaches credited depth in swimming and athletics for a total haul of 126 medals.</p></article></body></html>"""


@pytest.fixture()
def loopback_web(monkeypatch):
    # Pages pass the address guard only on an allowed address (see SECURITY.md).
    monkeypatch.setenv("ORCHESTRATOR_ALLOW_NETWORKS", "127.0.0.2/32")
    state = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            base = f"http://127.0.0.2:{state['port']}"
            if self.path.startswith("/search"):
                body = json.dumps({"query": "q", "results": [
                    {"url": f"{base}/a", "title": "A", "content": "US 40 gold", "publishedDate": "2024-08-11T00:00:00Z"},
                    {"url": f"{base}/b?api_key=SECRET123", "title": "B", "content": "40 gold", "publishedDate": None},
                ]}).encode()
                ctype = "application/json"
            else:  # two independently written reports
                page = PAGE if self.path.startswith("/a") else OTHER_PAGE
                body = page.format(date="2024-08-11T20:00:00+00:00", lead="Final medal table").encode()
                ctype = "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Set-Cookie", "session=SECRET456")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
    state["port"] = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.2:{state['port']}"
    server.shutdown()


def test_record_then_replay_gives_the_same_answer(loopback_web, tmp_path):
    out = tmp_path / "pack"
    question = "How many gold medals did the United States win at the Paris 2024 Olympics?"
    live = record_pack(question, out, searxng=loopback_web, use_model=False)
    assert live.status == "answered" and live.answer == "40", live.warnings
    written = (out / "case.json").read_text() + (out / "cassette.json").read_text()
    assert "SECRET123" not in written and "SECRET456" not in written
    replayed = ask(replay=out, use_model=False)
    assert (replayed.status, replayed.answer) == (live.status, live.answer)
    assert [c.url for c in replayed.citations] == [c.url.split("?")[0] for c in live.citations]  # secrets scrubbed
