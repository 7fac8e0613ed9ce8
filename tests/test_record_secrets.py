"""A recorder never writes secrets (../shared/PACKS.md): five are planted (a Cookie and an
Authorization header on requests, a Set-Cookie on responses, an api_key and a token query
parameter in URLs) and none may appear in the written pack files."""

from __future__ import annotations

import asyncio
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from orchestrator.net.client import make_client
from orchestrator.net.guard import AddressPolicy, parse_networks
from orchestrator.net.guarded import GuardedTransport
from orchestrator.net.polite import ROBOTS
from orchestrator.net.replay import RecordingTransport
from orchestrator.recording import record_pack
from orchestrator.replay.pack import load_pack, write_pack
from tests.pages import MEDAL_TABLE, USA_ON_TOP

COOKIE, SET_COOKIE, AUTH, API_KEY, TOKEN = ("PLANTEDcookie1", "PLANTEDsetcookie2", "PLANTEDauth3", "PLANTEDapikey4",
                                            "PLANTEDtoken5")
SECRETS = (COOKIE, SET_COOKIE, AUTH, API_KEY, TOKEN)

@pytest.fixture()
def site(monkeypatch):
    monkeypatch.setenv("ORCHESTRATOR_ALLOW_NETWORKS", "127.0.0.2/32")
    ROBOTS.clear()
    seen: list[dict] = []
    state: dict = {}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            seen.append({"path": self.path, "cookie": self.headers.get("Cookie"),
                         "authorization": self.headers.get("Authorization")})
            base = state["base"]
            if self.path.startswith("/search"):
                body = json.dumps({"query": "q", "results": [
                    {"url": f"{base}/a?api_key={API_KEY}", "title": "A", "content": "US 40 gold",
                     "publishedDate": "2024-08-11T00:00:00Z"},
                    {"url": f"{base}/b?token={TOKEN}", "title": "B", "content": "40 gold", "publishedDate": None},
                ]})
                ctype = "application/json"
            elif self.path.startswith("/robots.txt"):
                body, ctype = "User-agent: *\nAllow: /\n", "text/plain"
            else:
                body = MEDAL_TABLE if self.path.startswith("/a") else USA_ON_TOP
                ctype = "text/html; charset=utf-8"
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Set-Cookie", f"session={SET_COOKIE}; Path=/")
            self.send_header("Authorization", f"Bearer {AUTH}")  # a server echoing credentials back
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.2", 0), Handler)
    server.daemon_threads = True
    state["base"] = f"http://127.0.0.2:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state["base"], seen
    server.shutdown()
    server.server_close()
    ROBOTS.clear()


def _written(directory) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(directory.iterdir()) if p.is_file())


def test_recorder_writes_none_of_five_planted_secrets(site, tmp_path):
    base, seen = site
    transport = RecordingTransport(GuardedTransport(policy=AddressPolicy(parse_networks("127.0.0.2/32"))))

    async def go():
        async with make_client(transport, timeout=10) as client:
            await client.get(f"{base}/a", params={"api_key": API_KEY, "token": TOKEN, "q": "kept"},
                             headers={"Cookie": f"sid={COOKIE}", "Authorization": f"Bearer {AUTH}"})
            await client.get(f"{base}/search", params={"q": "gold", "format": "json"})

    asyncio.run(asyncio.wait_for(go(), 20))
    assert seen[0]["cookie"] == f"sid={COOKIE}" and seen[0]["authorization"] == f"Bearer {AUTH}"  # planted for real
    out = tmp_path / "pack"
    write_pack(out, {"id": "pack", "question": "q", "asked_at": "2024-08-12T09:00:00+00:00",
                     "search": {"provider": "searxng", "base_url": base}}, transport.interactions)
    written = _written(out)
    for secret in SECRETS:
        assert secret not in written, secret
    assert "q=kept" in written  # only the secrets go
    assert len(load_pack(out).interactions) == 2


def test_record_command_writes_no_secret(site, tmp_path):
    base, seen = site
    out = tmp_path / "pack"
    question = "How many gold medals did the United States win at the Paris 2024 Olympics?"
    answer = record_pack(question, out, searxng=base, use_model=False)
    assert answer.status == "answered" and answer.answer == "40", answer.warnings
    assert any(API_KEY in s["path"] for s in seen) and any(TOKEN in s["path"] for s in seen)
    written = _written(out)
    for secret in SECRETS:
        assert secret not in written, secret
    assert "/robots.txt" not in written  # politeness checks are not part of the pack
    load_pack(out)
