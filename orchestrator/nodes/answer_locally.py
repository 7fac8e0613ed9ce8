"""Questions that need no fresh data (code, maths, definitions): the local model answers."""

from __future__ import annotations

from langgraph.runtime import Runtime

from orchestrator.answer import Answer
from orchestrator.context import RunContext
from orchestrator.errors import ModelError
from orchestrator.model.calls import call_model
from orchestrator.prompts import local_messages
from orchestrator.state import GraphState


def answer_locally(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    question = state["question"]
    with ctx.trace.node("answer_locally", question[:200]) as entry:
        if ctx.model is None:
            answer = Answer(question=question, status="abstained", text="This question needs no fresh data, but no model is available to answer it.",
                            warnings=["no model (--no-model)"])
        else:
            try:
                text = call_model(ctx, "answer_locally", local_messages(question), max_tokens=384).strip()
                answer = Answer(question=question, status="local", answer=text[:200] or None, text=text,
                                as_of=ctx.clock().date().isoformat(), warnings=["answered by the local model alone, no retrieval"])
            except ModelError as exc:
                answer = Answer(question=question, status="abstained", text="The local model could not answer.", warnings=[str(exc)])
        entry["output"] = answer.status
    return {"answer": answer}
