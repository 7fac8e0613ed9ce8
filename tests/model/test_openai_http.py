import json

import httpx
import pytest

from orchestrator.errors import ModelCallFailed, ModelUnavailable
from orchestrator.model import OpenAICompatModel

MSGS = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "2+3?"}]
SCHEMA = {"type": "object", "properties": {"answer": {"type": "integer"}}, "required": ["answer"]}


def ok_response(content='{"answer": 5}', usage=None):
    body = {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
    }
    if usage is not False:
        body["usage"] = usage or {"prompt_tokens": 21, "completion_tokens": 6, "total_tokens": 27}
    return httpx.Response(200, json=body)


def model_with(handler, base="http://llm.test:8080"):
    requests = []

    def record(request):
        requests.append(request)
        return handler(request)

    return OpenAICompatModel(base, model="qwen", transport=httpx.MockTransport(record)), requests


@pytest.mark.parametrize(
    "base",
    ["http://llm.test:8080", "http://llm.test:8080/", "http://llm.test:8080/v1", "http://llm.test:8080/v1/"],
)
def test_url_with_or_without_v1(base):
    m, reqs = model_with(lambda r: ok_response(), base)
    m.complete(MSGS)
    assert str(reqs[0].url) == "http://llm.test:8080/v1/chat/completions"
    assert reqs[0].method == "POST"


def test_request_body_with_schema_and_usage():
    m, reqs = model_with(lambda r: ok_response())
    c = m.complete(MSGS, schema=SCHEMA, max_tokens=32)
    body = json.loads(reqs[0].content)
    assert body["model"] == "qwen"
    assert body["messages"] == MSGS
    assert body["temperature"] == 0
    assert body["max_tokens"] == 32
    assert body["response_format"] == {"type": "json_object", "schema": SCHEMA}
    assert "grammar" not in body and "json_schema" not in body
    assert reqs[0].headers["content-type"] == "application/json"
    assert c.text == '{"answer": 5}'
    assert (c.prompt_tokens, c.completion_tokens) == (21, 6)
    assert c.ms >= 0


def test_no_schema_no_response_format_and_missing_usage():
    m, reqs = model_with(lambda r: ok_response("five", usage=False))
    c = m.complete(MSGS)
    assert "response_format" not in json.loads(reqs[0].content)
    assert (c.text, c.prompt_tokens, c.completion_tokens) == ("five", 0, 0)


def test_http_error_status():
    m, _ = model_with(lambda r: httpx.Response(500, text="model exploded\nsecond line"))
    with pytest.raises(ModelCallFailed) as err:
        m.complete(MSGS)
    msg = str(err.value)
    assert "HTTP 500" in msg and "http://llm.test:8080/v1/chat/completions" in msg
    assert "model exploded" in msg and "\n" not in msg


def test_http_400_error_body():
    m, _ = model_with(lambda r: httpx.Response(400, json={"error": {"message": "bad schema"}}))
    with pytest.raises(ModelCallFailed, match="HTTP 400.*bad schema"):
        m.complete(MSGS, schema=SCHEMA)


def test_connection_error():
    def refuse(request):
        raise httpx.ConnectError("connection refused", request=request)

    m, _ = model_with(refuse)  # nothing listens: the configuration's fault, not one failed call
    with pytest.raises(ModelUnavailable, match="llm.test:8080.*ConnectError.*--llm-url"):
        m.complete(MSGS)
    with pytest.raises(ModelUnavailable, match="llm.test:8080.*ConnectError"):
        m.complete(MSGS, on_text=lambda piece: None)


def test_timeout():
    def slow(request):
        raise httpx.ReadTimeout("timed out", request=request)

    m, _ = model_with(slow)
    with pytest.raises(ModelCallFailed, match="timed out"):
        m.complete(MSGS)


def test_bad_json_body():
    m, _ = model_with(lambda r: httpx.Response(200, text="<html>not json</html>"))
    with pytest.raises(ModelCallFailed, match="HTTP 200.*non-JSON"):
        m.complete(MSGS)


@pytest.mark.parametrize("payload", [{}, {"choices": []}, {"choices": [{"message": {"content": 3}}]}, []])
def test_unexpected_shape(payload):
    m, _ = model_with(lambda r: httpx.Response(200, json=payload))
    with pytest.raises(ModelCallFailed, match="choices"):
        m.complete(MSGS)


def test_null_content_is_empty_text():
    m, _ = model_with(lambda r: httpx.Response(200, json={"choices": [{"message": {"content": None}}]}))
    assert m.complete(MSGS).text == ""


def test_load_model_prefers_url(tmp_path):
    from orchestrator.model import load_model

    m = load_model(model_path=tmp_path / "nope.gguf", llm_url="http://llm.test:8080/v1", data_dir=tmp_path)
    assert isinstance(m, OpenAICompatModel)
    assert m.url == "http://llm.test:8080/v1/chat/completions"


def sse(*events, done=True):
    lines = [f"data: {json.dumps(e)}\n\n" for e in events] + (["data: [DONE]\n\n"] if done else [])
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content="".join(lines).encode())


def chunk(text):
    return {"choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}]}


def test_streaming_reports_pieces_usage_and_first_token():
    m, reqs = model_with(lambda r: sse(chunk("As of "), chunk("May 1, "), chunk("40."),
                                       {"choices": [], "usage": {"prompt_tokens": 30, "completion_tokens": 7}}))
    pieces = []
    c = m.complete(MSGS, max_tokens=40, stop=["\n"], on_text=pieces.append)
    body = json.loads(reqs[0].content)
    assert body["stream"] is True and body["stop"] == ["\n"] and body["stream_options"] == {"include_usage": True}
    assert pieces == ["As of ", "May 1, ", "40."] and c.text == "As of May 1, 40."
    assert (c.prompt_tokens, c.completion_tokens) == (30, 7)
    assert c.first_token_ms is not None and c.first_token_ms <= c.ms


def test_streaming_without_usage_counts_pieces():
    m, _ = model_with(lambda r: sse(chunk("a"), {"choices": [{"delta": {}}]}, chunk("b"), done=False))
    c = m.complete(MSGS, on_text=lambda piece: None)
    assert (c.text, c.prompt_tokens, c.completion_tokens) == ("ab", 0, 2)


def test_streaming_error_status():
    m, _ = model_with(lambda r: httpx.Response(503, text="loading model"))
    with pytest.raises(ModelCallFailed, match="HTTP 503.*loading model"):
        m.complete(MSGS, on_text=lambda piece: None)


def logprobs_response(top):
    first = {"token": top[0][0], "logprob": top[0][1], "top_logprobs": [{"token": t, "logprob": p} for t, p in top]}
    return httpx.Response(200, json={"choices": [{"message": {"content": top[0][0]}, "logprobs": {"content": [first]}}]})


