"""The plan of a follow-up round: the queries the review chose (orchestrator/loop/queries.py),
the first round's freshness window, no official endpoint (the first round read them), and
only as many new pages as the policy's page bound leaves."""

from __future__ import annotations

from langgraph.runtime import Runtime

from orchestrator.context import RunContext
from orchestrator.state import GraphState


def plan_followup(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    last = state["rounds"][-1]
    n = last.n + 1
    rules = ctx.policy.rules
    left = rules.search_loop.pages - len(state.get("evidence") or [])  # the review stops the loop before it reaches 0
    with ctx.trace.node("plan_followup", f"round {n}: {last.why}") as entry:
        plan = state["plan"].model_copy(update={"queries": last.next_queries, "direct": [],
                                                "max_pages": max(1, min(rules.max_pages, left))})
        entry["output"] = f"queries={plan.queries}, up to {plan.max_pages} new pages"
    ctx.progress("stage", f"searching again (round {n})")
    return {"plan": plan, "round": n}
