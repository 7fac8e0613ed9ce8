"""Model calls as nodes make them: budgeted, streamed through the progress seam, traced."""

from types import SimpleNamespace

import pytest

from orchestrator.context import RunCounts
from orchestrator.errors import ModelCallFailed
from orchestrator.model.calls import MAX_CALLS_PER_QUESTION, call_model
from orchestrator.model.fake import ScriptedModel
from orchestrator.trace.recorder import TraceRecorder

MSGS = [{"role": "user", "content": "hi"}]


def context(model):
    events = []
    ctx = SimpleNamespace(model=model, trace=TraceRecorder(question="q", asked_at="2024-01-01", config={}), counts=RunCounts(),
                          progress=lambda kind, text: events.append((kind, text)))
    return ctx, events


def test_at_most_two_calls_per_question_and_every_call_traced():
    ctx, _ = context(ScriptedModel(["one", "two", "three"]))
    assert call_model(ctx, "first", MSGS) == "one"
    assert call_model(ctx, "second", MSGS) == "two"
    with pytest.raises(ModelCallFailed, match=f"at most {MAX_CALLS_PER_QUESTION} per question"):
        call_model(ctx, "third", MSGS)
    assert [c["role"] for c in ctx.trace.model_calls] == ["first", "second"]
    assert ctx.model.remaining == 1  # the refused call never reached the model


def test_streamed_call_reports_text_pieces_and_first_token():
    ctx, events = context(ScriptedModel(["As of May 1, 40.\nextra"]))
    text = call_model(ctx, "phrase_answer", MSGS, stop=["\n"], stream=True)
    assert text == "As of May 1, 40."
    assert "".join(t for kind, t in events if kind == "text") == text
    record = ctx.trace.model_calls[0]
    assert record["output"] == text and record["first_token_ms"] == 0.0 and record["prompt_tokens"] >= 0


def test_failed_call_is_traced_with_its_error():
    ctx, _ = context(ScriptedModel([ModelCallFailed("server down")]))
    with pytest.raises(ModelCallFailed):
        call_model(ctx, "phrase_answer", MSGS)
    assert ctx.trace.model_calls[0]["error"] == "server down"



def test_the_budget_is_the_runs_own_count_not_the_trace():
    """The trace only observes: a trace that keeps nothing does not lift the budget."""
    ctx, _ = context(ScriptedModel(["one", "two", "three"]))
    ctx.trace.model_call = lambda **fields: None
    call_model(ctx, "first", MSGS)
    call_model(ctx, "second", MSGS)
    with pytest.raises(ModelCallFailed, match="no model call left for third"):
        call_model(ctx, "third", MSGS)
    assert ctx.counts.model_calls == 2
