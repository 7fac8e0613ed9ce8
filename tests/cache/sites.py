"""Loopback servers for the cache and client tests: one HTTP server on 127.0.0.2 playing a
SearxNG instance (/search) and two independently written news pages (/a, /b). It counts
requests and can be stopped mid-test, which is how a test takes the network away.

127.0.0.2 is the address the guard lets pages through on in tests
(ORCHESTRATOR_ALLOW_NETWORKS=127.0.0.2/32); nothing here listens anywhere but loopback."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.pages import MEDAL_TABLE, USA_ON_TOP

HOST = "127.0.0.2"
QUESTION = "How many gold medals did the United States win at the Paris 2024 Olympics?"
ASKED_AT = "2024-08-12T09:00:00+00:00"

class LoopbackWeb:
    def __init__(self) -> None:
        self.requests: list[str] = []
        self.pages = {"/a": MEDAL_TABLE, "/b": USA_ON_TOP}  # tests may change, add or remove pages
        self.broken: set[str] = set()  # paths whose connection is dropped without an answer (a network failure)
        web = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                web.requests.append(self.path)
                if self.path in web.broken:
                    self.close_connection = True  # not a byte back: the client sees the connection close
                    return
                if self.path.startswith("/search"):
                    body = json.dumps({"query": "q", "number_of_results": 2, "results": [
                        {"url": f"{web.url}/a", "title": "Final medal table", "content": "US 40 gold",
                         "publishedDate": "2024-08-11T00:00:00Z"},
                        {"url": f"{web.url}/b", "title": "Americans finish on top", "content": "40 gold",
                         "publishedDate": None},
                    ]}).encode()
                    ctype = "application/json"
                elif self.path in web.pages:
                    body = web.pages[self.path].encode()
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
