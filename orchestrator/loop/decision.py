"""Whether the graph searches again after a round: only when the cross-check could not
settle the question (nothing matched, one source where two are needed, only stale sources, a
conflict), the last round brought something new, and the policy's bounds (rules.search_loop:
rounds, pages, seconds, model calls) leave room. The first reason to stop wins; each is
said in words for the trace."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from orchestrator.loop.queries import followup_queries
from orchestrator.state import Evidence, GraphState


@dataclass(frozen=True)
class Decision:
    go_on: bool
    why: str
    queries: list[str] = field(default_factory=list)  # the next round's, when it goes on


def new_pages(state: GraphState) -> list[Evidence]:
    """The pages the latest round read that no earlier round had."""
    evidence = state.get("evidence") or []
    return evidence[len(evidence) - state.get("round_pages", 0):]


def has_news(state: GraphState) -> bool:
    """Is there anything for the cross-check to look at again: always in the first round,
    afterwards only a readable page no earlier round had (the same pages give the same
    findings, and a second look would spend model calls for nothing)."""
    return state.get("round", 1) == 1 or any(e.ok for e in new_pages(state))


def decide(state: GraphState, ctx: Any) -> Decision:
    bounds = ctx.policy.rules.search_loop
    findings, n = state.get("findings"), state.get("round", 1)
    evidence = state.get("evidence") or []
    if findings is not None and findings.verdict == "answered":
        return Decision(False, "settled")
    if not has_news(state):
        return Decision(False, f"round {n} found no page not read before")
    if n >= bounds.rounds:
        return Decision(False, f"{n} rounds: the policy's bound (rules.search_loop.rounds)")
    read = len(evidence)
    if read >= bounds.pages:
        return Decision(False, f"{read} pages read: the policy's bound is {bounds.pages} (rules.search_loop.pages)")
    if (seconds := ctx.counts.seconds()) >= bounds.seconds:
        return Decision(False, f"{seconds:.1f} s taken: the policy's bound is {bounds.seconds:g} s (rules.search_loop.seconds)")
    if ctx.counts.model_calls >= bounds.model_calls:
        return Decision(False, f"{ctx.counts.model_calls} model calls made: the policy's bound (rules.search_loop.model_calls)")
    searches = ctx.counts.search_failures
    if searches and all(searches) and not any(e.ok for e in evidence):  # the engine is down: new words won't help
        return Decision(False, "every search failed (" + ", ".join(sorted({str(f) for f in searches})) + ")")
    plan = state["plan"]
    queries = followup_queries(state["question"], state["intent"], ctx.policy.aliases, evidence, findings,
                               state.get("queries_sent") or plan.queries, ctx.clock(), plan.freshness_days,
                               limit=bounds.queries, choices=state.get("choices") or ())
    if not queries:
        return Decision(False, "no follow-up query the run has not sent")
    unsettled = f"{findings.verdict}: {findings.reason}" if findings is not None else "not checked"
    return Decision(True, unsettled, queries)
