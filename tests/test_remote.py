"""``orchestrator ask --server URL``: the question goes to a LangGraph server over its REST
API (orchestrator/remote.py); errors are one line. The real server is in
tests/test_langgraph_server.py; here its replies are canned (httpx.MockTransport)."""

from __future__ import annotations

import json
import re
import socket

import httpx
import pytest
from typer.testing import CliRunner

from orchestrator import ask
from orchestrator.cli import app
from orchestrator.errors import InputError
from orchestrator.remote import ServerError, ask_server, server_input
from tests.conftest import CHINA


def _closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again: nothing listens there


def test_the_served_answer_is_the_answer_contract():
    local = ask(replay=CHINA, use_model=False)
    sent = []

    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/ok":  # the health check
            return httpx.Response(200, json={"ok": True})
        sent.append(json.loads(request.content))
        return httpx.Response(200, json={"answer": local.model_dump(mode="json")})

    answer = ask_server("http://127.0.0.1:2024", replay=CHINA, use_model=False, transport=httpx.MockTransport(reply))
    assert answer == local
    assert sent == [{"assistant_id": "orchestrator", "input": {"use_model": False, "replay": str(CHINA.resolve())}}]


@pytest.mark.parametrize(("status", "body", "error", "message"), [
    (200, {"error": "replay packs must lie under /srv"}, InputError, "replay packs must lie under /srv"),
    (404, {"detail": "Assistant not found"}, ServerError, "HTTP 404: {\"detail\":\"Assistant not found\"}"),
    (200, {"something": "else"}, ServerError, "gave no answer"),
    (200, {"answer": {"status": "weird"}}, ServerError, "gave an answer this version cannot read (question: Field required; 3 problem"),
])
def test_a_refusal_or_a_stranger_is_one_error(status, body, error, message):
    transport = httpx.MockTransport(lambda request: httpx.Response(status, json=body))
    with pytest.raises(error, match="^.*" + re.escape(message)):
        ask_server("http://127.0.0.1:2024", "q?", transport=transport)


def test_a_refusal_with_no_body_ends_at_its_status():
    transport = httpx.MockTransport(lambda request: httpx.Response(404))
    with pytest.raises(ServerError, match=r"answered HTTP 404$"):
        ask_server("http://127.0.0.1:2024", "q?", transport=transport)


def test_an_unreachable_server_is_one_line_and_a_non_zero_exit():
    url = f"http://127.0.0.1:{_closed_port()}"
    result = CliRunner().invoke(app, ["ask", "--replay", str(CHINA), "--json", "--server", url])
    assert result.exit_code == ServerError.exit_code
    assert result.stderr.strip() == f"error: cannot reach the LangGraph server at {url} (ConnectError)"
    assert result.stdout == ""


def test_a_server_that_takes_the_connection_and_never_answers_is_said_so_at_once(monkeypatch):
    """It had been waited for the whole question's 300 s."""
    import time

    import orchestrator.remote

    monkeypatch.setattr(orchestrator.remote, "ALIVE_S", 0.5)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as mute:
        mute.bind(("127.0.0.1", 0))
        mute.listen(4)  # the kernel accepts; no one ever reads or answers
        url = f"http://127.0.0.1:{mute.getsockname()[1]}"
        start = time.monotonic()
        with pytest.raises(ServerError, match="took the connection but did not answer within 0.5 s"):
            ask_server(url, "q?")
        assert time.monotonic() - start < 60  # not the question's 300 s


def test_the_server_configures_itself():
    result = CliRunner().invoke(app, ["ask", "q?", "--server", "http://127.0.0.1:9", "--model", "m.gguf"])
    assert result.exit_code == 2 and "--model is the server's to set" in result.stderr
    assert CliRunner().invoke(app, ["ask", "q?", "--server", "ftp://x"]).exit_code == 2


def test_the_input_carries_what_the_question_asks():
    assert server_input("Q?", require_latest=True, choices=["a", "b"], use_model=True, wording="model", language="fr") == {
        "use_model": True, "question": "Q?", "require_latest": True, "choices": ["a", "b"], "wording": "model",
        "language": "fr"}


def test_the_command_sends_the_language_it_is_given(monkeypatch):
    """``--language`` had been dropped on the way to the server: the answer came in the pack's language."""
    import orchestrator.remote

    sent = []

    def reply(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/ok":  # the health check
            return httpx.Response(200, json={"ok": True})
        sent.append(json.loads(request.content)["input"])
        return httpx.Response(200, json={"answer": ask(replay=CHINA, use_model=False, language="en").model_dump(mode="json")})

    real = orchestrator.remote.ask_server
    monkeypatch.setattr(orchestrator.remote, "ask_server",
                        lambda *a, **kw: real(*a, transport=httpx.MockTransport(reply), **kw))
    result = CliRunner().invoke(app, ["ask", "--replay", str(CHINA), "--language", "en", "--no-model", "--json",
                                      "--server", "http://127.0.0.1:2024"])
    assert result.exit_code == 0, result.output
    assert [s.get("language") for s in sent] == ["en"]
