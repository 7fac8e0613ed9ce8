"""Loopback servers for the security tests: a canary that only counts who connects to it, and
a site whose routes write raw bytes (so they can drip, reset, truncate or lie).

Nothing here listens anywhere but loopback, and nothing connects anywhere at all."""

from __future__ import annotations

import socket
import socketserver
import struct
import threading
import time
import zlib
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

SITE_HOST = "127.0.0.2"  # the allowed loopback address (ORCHESTRATOR_ALLOW_NETWORKS=127.0.0.2/32)
CANARY_HOST = "127.0.0.1"


class Canary:
    """Counts every TCP connection made to it, on 127.0.0.1 and ::1, on its own port and on
    any extra port it is asked to watch (the site's, so that DNS rebinding to 127.0.0.1 on the
    same port would be seen). A connection is the earliest sign of a request."""

    def __init__(self) -> None:
        self.connections = 0
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        first = self._listen(socket.AF_INET, CANARY_HOST, 0)
        self.port = first.getsockname()[1]
        try:
            self._listen(socket.AF_INET6, "::1", self.port)
        except OSError:
            pass  # no IPv6 loopback here: IPv6 forms are still refused, just not also watched

    def _listen(self, family: int, host: str, port: int) -> socket.socket:
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.bind((host, port))
        sock.listen(64)
        self._sockets.append(sock)
        threading.Thread(target=self._accept, args=(sock,), daemon=True).start()
        return sock

    def watch(self, port: int) -> None:
        self._listen(socket.AF_INET, CANARY_HOST, port)

    def _accept(self, sock: socket.socket) -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
            conn.close()

    def close(self) -> None:
        for sock in self._sockets:
            sock.close()


Handler = Callable[[socket.socket, dict], None]


def response(status: int = 200, body: bytes = b"", headers: dict[str, str] | None = None, *,
             length: bool = True, reason: str = "X") -> bytes:
    head = [f"HTTP/1.1 {status} {reason}"]
    for key, value in (headers or {}).items():
        head.append(f"{key}: {value}")
    if length:
        head.append(f"Content-Length: {len(body)}")
    head.append("Connection: close")
    return ("\r\n".join(head) + "\r\n\r\n").encode("utf-8") + body  # raw UTF-8, as some servers send


def send(data: bytes, **kw) -> Handler:
    return lambda conn, query: conn.sendall(data)


def html(text: str, ctype: str = "text/html; charset=utf-8", status: int = 200) -> Handler:
    return send(response(status, text.encode("utf-8"), {"Content-Type": ctype}))


def redirect(location: str, status: int = 302) -> Handler:
    return send(response(status, b"", {"Location": location}))


def drip(head: bytes, every: float = 0.05, payload: bytes = b"a") -> Handler:
    """Sends ``head`` then ``payload`` (over and over) one byte every ``every`` seconds until
    the client goes away."""
    def handle(conn: socket.socket, query: dict) -> None:
        conn.sendall(head)
        for i in range(10 ** 9):
            time.sleep(every)
            conn.sendall(payload[i % len(payload): i % len(payload) + 1])
    return handle


def silent(seconds: float = 30.0) -> Handler:
    return lambda conn, query: time.sleep(seconds)


def reset_after(data: bytes) -> Handler:
    """Sends ``data`` then resets the connection (RST, not FIN)."""
    def handle(conn: socket.socket, query: dict) -> None:
        conn.sendall(data)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    return handle


def bomb(gigabytes: float = 1.0, encoding: str = "gzip") -> Handler:
    """A compression bomb streamed as it is made: ``gigabytes`` of zeros once decoded, about
    a thousandth of that on the wire. The client is expected to hang up long before the end."""
    def handle(conn: socket.socket, query: dict) -> None:
        layers = encoding.split(", ")
        conn.sendall(response(200, b"", {"Content-Type": "text/html", "Content-Encoding": encoding}, length=False))
        compressors = [zlib.compressobj(9, zlib.DEFLATED, 31 if c == "gzip" else 15) for c in layers]
        zeros = bytes(1 << 20)
        for _ in range(int(gigabytes * 1024)):
            data = zeros
            for compressor in compressors:  # flushed each MiB so the bomb streams, layers and all
                data = compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)
            conn.sendall(data)
        data = b""
        for compressor in compressors:
            data = compressor.compress(data) + compressor.flush()
        conn.sendall(data)
    return handle


class _RawHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        site: Site = self.server.site  # type: ignore[attr-defined]
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            data += chunk
        site.heads.append(data)
        target = data.split(b" ", 2)[1].decode("latin-1") if data.count(b" ") >= 2 else "/"
        parts = urlsplit(target)
        site.hits.append(parts.path)
        handler = site.routes.get(parts.path)
        try:
            if handler is None:
                self.request.sendall(response(404, b"not here", {"Content-Type": "text/plain"}))
            else:
                handler(self.request, parse_qs(parts.query))
        except OSError:
            pass  # the client hung up: that is what the limits are for


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class Site:
    """A web site on 127.0.0.2 whose routes are raw handlers."""

    def __init__(self, host: str = SITE_HOST) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: list[str] = []
        self.heads: list[bytes] = []
        self._server = _Server((host, 0), _RawHandler)
        self._server.site = self  # type: ignore[attr-defined]
        self.host, self.port = host, self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
