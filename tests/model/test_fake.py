import pytest

from orchestrator.errors import ModelCallFailed
from orchestrator.model import ChatModel, Completion, ScriptedModel

MSGS = [{"role": "user", "content": "hi"}]


def test_replies_in_order_and_calls_recorded():
    m = ScriptedModel(["one", '{"a": 1}'])
    first = m.complete(MSGS)
    second = m.complete(MSGS, schema={"type": "object"}, max_tokens=9)
    assert isinstance(first, Completion)
    assert (first.text, second.text) == ("one", '{"a": 1}')
    assert len(m.calls) == 2
    assert m.calls[1].schema == {"type": "object"} and m.calls[1].max_tokens == 9
    assert m.calls[0].messages == MSGS
    assert m.remaining == 0


def test_exhausted_script_raises():
    m = ScriptedModel(["only"])
    m.complete(MSGS)
    with pytest.raises(ModelCallFailed, match="exhausted"):
        m.complete(MSGS)
    assert len(m.calls) == 2


def test_callable_sees_messages_and_schema():
    seen = []

    def reply(messages, schema):
        seen.append((messages[-1]["content"], schema))
        return "json" if schema else "text"

    m = ScriptedModel(reply)
    assert m.complete(MSGS).text == "text"
    assert m.complete(MSGS, schema={"type": "object"}).text == "json"
    assert seen == [("hi", None), ("hi", {"type": "object"})]


def test_exception_reply_is_raised():
    m = ScriptedModel([ModelCallFailed("boom"), "after"])
    with pytest.raises(ModelCallFailed, match="boom"):
        m.complete(MSGS)
    assert m.complete(MSGS).text == "after"


def test_recorded_messages_are_copies():
    msgs = [{"role": "user", "content": "a"}]
    m = ScriptedModel(["x"])
    m.complete(msgs)
    msgs[0]["content"] = "changed"
    assert m.calls[0].messages[0]["content"] == "a"


def test_satisfies_protocol():
    m: ChatModel = ScriptedModel([])
    assert m.name == "scripted"


def test_stop_and_streaming_like_a_real_model():
    m = ScriptedModel(["first line is long enough\nsecond line"])
    pieces = []
    c = m.complete(MSGS, stop=["\n"], on_text=pieces.append)
    assert c.text == "first line is long enough" == "".join(pieces) and len(pieces) > 1
    assert c.first_token_ms == 0.0
    assert m.calls[0].stop == ["\n"] and m.calls[0].streamed


