"""After each search round: settle for the answer, or go back for another round
(orchestrator/loop/decision.py). The decision and why are written to the state and the trace
here; the edge out of this node only reads them, so every round is a step of the graph that a
server streams."""

from __future__ import annotations

from typing import Literal

from langgraph.runtime import Runtime

from orchestrator.context import RunContext
from orchestrator.loop.decision import decide, has_news, new_pages
from orchestrator.state import GraphState, Round


def review_round(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    n = state.get("round", 1)
    with ctx.trace.node("review_round", f"round {n}") as entry:
        decision = decide(state, ctx)
        fresh = new_pages(state)
        findings = state.get("findings")
        done = Round(n=n, queries=state["plan"].queries, pages=len(fresh), readable=sum(e.ok for e in fresh),
                     verdict=findings.verdict if findings is not None and has_news(state) else None,
                     next="search again" if decision.go_on else "answer", why=decision.why,
                     next_queries=decision.queries)
        ctx.trace.round(**done.model_dump())
        entry["output"] = f"{done.next}: {done.why}" + (f"; next queries={done.next_queries}" if decision.go_on else "")
    return {"rounds": [done]}


def route_after_review(state: GraphState, runtime: Runtime[RunContext]) -> Literal["plan_followup", "generate_answer"]:
    return "plan_followup" if state["rounds"][-1].next == "search again" else "generate_answer"
