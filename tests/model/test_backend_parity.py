"""Both backends ask the model for the same thing. A scripted OpenAI-compatible server on
loopback (a real socket) records the JSON body ``OpenAICompatModel`` sends; a fake
``Llama`` records the keyword arguments ``LlamaLocalModel`` passes to
``create_chat_completion``. Messages, grammar (the response_format schema) and every
sampling field must be equal, and explicit wherever ``llama_cpp.server`` would fill in a
default of its own."""

from __future__ import annotations

import inspect
import json
import threading
from collections.abc import Iterator
from dataclasses import asdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace
from typing import Any

import pytest

from orchestrator.model import LlamaLocalModel, OpenAICompatModel, llama_local
from orchestrator.model.sampling import SAMPLING
from orchestrator.prompts import phrase_messages, pick_messages

REPLY = '{"answer": "Brisbane"}'
HTTP_ONLY = {"model", "stream", "stream_options"}  # transport fields, not what the model is asked
OPTIONS = ["Brisbane", "IOC", "Tokyo"]
CALLS = {  # the pipeline's two kinds of call: a grammar-constrained pick, a streamed sentence
    "reader": dict(
        messages=pick_messages("Which city will host the 2032 Summer Olympics?",
                               ["IOC members meeting in Tokyo elected Brisbane to host the 2032 Games."], OPTIONS),
        schema={"type": "object", "properties": {"answer": {"enum": OPTIONS}}, "required": ["answer"]},
        max_tokens=48),
    "sentence": dict(
        messages=phrase_messages("Which city will host the 2032 Summer Olympics?", "en", "Brisbane", "2021-07-21",
                                 ["Brisbane will host the 2032 Summer Olympics."]),
        max_tokens=128, stop=["\n"]),
}


class _Scripted(BaseHTTPRequestHandler):
    """Records each request body; answers with the scripted reply, as JSON or as events."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.bodies.append(body)  # type: ignore[attr-defined]
        if body.get("stream"):
            events = [{"choices": [{"delta": {"content": piece}}]} for piece in (REPLY[:9], REPLY[9:])]
            payload = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
            self._send("text/event-stream", payload.encode())
        else:
            reply = {"choices": [{"message": {"role": "assistant", "content": REPLY}}],
                     "usage": {"prompt_tokens": 7, "completion_tokens": 3}}
            self._send("application/json", json.dumps(reply).encode())

    def _send(self, kind: str, data: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:  # keep the test output clean
        pass


@pytest.fixture
def server() -> Iterator[ThreadingHTTPServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Scripted)
    httpd.bodies = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


class _FakeLlama:
    """Stands in for ``llama_cpp.Llama``: records what generation is asked for."""

    def __init__(self, **load_kwargs: Any) -> None:
        self.calls: list[dict[str, Any]] = []
        self._ctx = SimpleNamespace(set_n_threads=lambda *threads: None)

    def create_chat_completion(self, **kwargs: Any) -> Any:
        self.calls.append(kwargs)
        if kwargs.get("stream"):
            return (chunk for chunk in [{"choices": [{"delta": {"content": REPLY}}]}])
        return {"choices": [{"message": {"content": REPLY}}], "usage": {"prompt_tokens": 7, "completion_tokens": 3}}


@pytest.fixture
def local(tmp_path, monkeypatch) -> Iterator[tuple[LlamaLocalModel, list[dict[str, Any]]]]:
    made: list[_FakeLlama] = []

    def fake_llama(**kwargs: Any) -> _FakeLlama:
        made.append(_FakeLlama(**kwargs))
        return made[-1]

    monkeypatch.setattr(llama_local, "_import_llama_cpp", lambda: SimpleNamespace(Llama=fake_llama))
    path = tmp_path / "fake.gguf"
    path.write_bytes(b"GGUF")
    model = LlamaLocalModel(path, n_threads=1).load()
    yield model, made[0].calls
    llama_local.close_all()


def _asked(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k not in HTTP_ONLY}


@pytest.mark.parametrize("call", sorted(CALLS))
def test_server_body_is_what_llama_cpp_gets_in_process(call, server, local):
    model, in_process = local
    remote = OpenAICompatModel(f"http://127.0.0.1:{server.server_port}")
    try:
        assert remote.complete(**CALLS[call]).text == model.complete(**CALLS[call]).text == REPLY
        pieces: list[str] = []
        remote.complete(**CALLS[call], on_text=pieces.append)  # streamed, as the sentence is
        assert "".join(pieces) == REPLY
    finally:
        remote.close()
    "".join(model.stream(**CALLS[call]))
    plain, streamed = server.bodies
    assert (plain["stream"], streamed["stream"]) == (False, True)
    assert _asked(plain) == _asked(streamed) == in_process[0]
    assert {k: v for k, v in in_process[1].items() if k != "stream"} == in_process[0]
    sent = in_process[0]
    assert sent["messages"] == CALLS[call]["messages"]
    assert sent.get("response_format") == ({"type": "json_object", "schema": CALLS[call]["schema"]}
                                           if "schema" in CALLS[call] else None)
    assert {k: sent[k] for k in asdict(SAMPLING)} == asdict(SAMPLING)  # every sampling field, explicitly


def test_body_sets_every_field_whose_server_default_differs():
    """Where ``llama_cpp.server`` would fill in a default unlike ``create_chat_completion``'s
    (repeat_penalty 1.1 against 1.0, temperature 0.8 against 0.2), the body must say."""
    server_types = pytest.importorskip("llama_cpp.server.types")
    import llama_cpp

    in_process = inspect.signature(llama_cpp.Llama.create_chat_completion).parameters
    differing = {name for name, field in server_types.CreateChatCompletionRequest.model_fields.items()
                 if name in in_process and in_process[name].default != field.default}
    differing -= {"stop", "logprobs"}  # None and [] / None and False both mean "none"
    assert "repeat_penalty" in differing  # the difference that flipped the Brisbane pick
    with OpenAICompatModel("http://127.0.0.1:9") as model:  # never called: only the body is built
        body = model.request_body(**CALLS["reader"])
    assert differing <= body.keys()
