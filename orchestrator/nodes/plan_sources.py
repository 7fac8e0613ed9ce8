"""Turn the intent into an ordered source plan from the policy: official endpoints first,
then search queries; the freshness window comes from the question's volatility class."""

from __future__ import annotations

from langgraph.runtime import Runtime

from orchestrator.context import RunContext
from orchestrator.state import GraphState, Plan, PlannedSource


def make_plan(question: str, intent, policy, now_year: int) -> Plan:
    topic = policy.topics.get(intent.topic) if intent.topic else None
    fill = {"question": question, "year": intent.year or now_year}
    queries = [q.format(**fill).strip() for q in (topic.queries if topic else ["{question}"])]
    direct = [PlannedSource(url=u.format(**fill), tier="official", why=f"official endpoint for {intent.topic}")
              for u in (topic.endpoints if topic else [])]
    # A question about a past year asks for a settled record: reports of it don't go stale.
    window = None if intent.year and intent.year < now_year else policy.freshness_days(intent.volatility)
    return Plan(queries=list(dict.fromkeys(q for q in queries if q)), direct=direct,
                max_pages=policy.rules.max_pages, freshness_days=window)


def plan_sources(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    with ctx.trace.node("plan_sources", f"topic={state['intent'].topic} volatility={state['intent'].volatility}") as entry:
        plan = make_plan(state["question"], state["intent"], ctx.policy, ctx.clock().year)
        entry["output"] = f"{len(plan.direct)} direct, queries={plan.queries}, window={plan.freshness_days}d"
    return {"plan": plan}
