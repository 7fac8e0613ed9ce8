"""Loopback servers for the cache and client tests: one HTTP server on 127.0.0.2 playing a
SearxNG instance (/search) and two independently written news pages (/a, /b). It counts
requests and can be stopped mid-test, which is how a test takes the network away.

127.0.0.2 is the address the guard lets pages through on in tests
(ORCHESTRATOR_ALLOW_NETWORKS=127.0.0.2/32); nothing here listens anywhere but loopback."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST = "127.0.0.2"
QUESTION = "How many gold medals did the United States win at the Paris 2024 Olympics?"
ASKED_AT = "2024-08-12T09:00:00+00:00"

PAGE_A = """<html><head><title>Final medal table</title>
<meta property="og:site_name" content="Loopback Sports">
<meta property="article:published_time" content="2024-08-11T20:00:00+00:00"></head>
<body><article><h1>Final medal table</h1>
<p>The Paris 2024 Olympics closed on 11 August 2024 after sixteen days of competition in and around the city.</p>
<p>The United States won 40 gold medals at the Paris 2024 Olympics, more silver than anyone.</p>
<p>Other nations followed in the table with fewer gold medals overall.</p></article></body></html>"""

PAGE_B = """<html><head><title>Americans finish on top</title>
<meta property="article:published_time" content="2024-08-11T21:00:00+00:00"></head>
<body><article><h1>Americans finish on top in Paris</h1>
<p>Team USA ended the Games in first place on the final afternoon, edging its closest rival on silver medals.</p>
<p>The United States won 40 gold medals at the Paris 2024 Olympics, level with China at the top.</p>
<p>Coaches credited depth in swimming and athletics for a total haul of 126 medals.</p></article></body></html>"""


class LoopbackWeb:
    def __init__(self) -> None:
        self.requests: list[str] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                web.requests.append(self.path)
                if self.path.startswith("/search"):
                    body = json.dumps({"query": "q", "number_of_results": 2, "results": [
                        {"url": f"{web.url}/a", "title": "Final medal table", "content": "US 40 gold",
                         "publishedDate": "2024-08-11T00:00:00Z"},
                        {"url": f"{web.url}/b", "title": "Americans finish on top", "content": "40 gold",
                         "publishedDate": None},
                    ]}).encode()
                    ctype = "application/json"
                elif self.path in ("/a", "/b"):
                    body = (PAGE_A if self.path == "/a" else PAGE_B).encode()
                    ctype = "text/html; charset=utf-8"
                else:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer((HOST, 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://{HOST}:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        self.running = True

    def stop(self) -> None:
        """Stop listening: from now on every connection to the port is refused."""
        if self.running:
            self.running = False
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
