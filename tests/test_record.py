"""Record against loopback servers playing SearxNG and two sites, then replay the pack."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from orchestrator import ask
from orchestrator.recording import record_pack
from tests.pages import MEDAL_TABLE, USA_ON_TOP


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
                body = (MEDAL_TABLE if self.path.startswith("/a") else USA_ON_TOP).encode()
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


def test_record_json_is_the_pack_and_the_answer_contract(loopback_web, tmp_path):
    from typer.testing import CliRunner

    from orchestrator.cli import app

    out = tmp_path / "pack"
    result = CliRunner().invoke(app, ["record", "How many gold medals did the United States win at the Paris 2024 Olympics?",
                                      "--out", str(out), "--searxng", loopback_web, "--no-model", "--json"])
    assert result.exit_code == 0, result.output
    recorded = json.loads(result.stdout)
    assert recorded["pack"] == str(out) and (recorded["answer"]["status"], recorded["answer"]["answer"]) == ("answered", "40")
    assert "wrote " in result.stderr


def test_a_recording_that_reached_nothing_writes_no_pack(tmp_path):
    from orchestrator.errors import NothingRecorded

    out = tmp_path / "pack"
    with pytest.raises(NothingRecorded, match="nothing was recorded .*no pack written"):
        record_pack("Who won the 2024 Nobel Prize in Literature?", out, searxng="http://127.0.0.1:9", use_model=False)
    assert not (out / "case.json").exists()
