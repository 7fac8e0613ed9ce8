"""Wiring only: the pipeline of DESIGN.md as a LangGraph StateGraph. ``add_pipeline`` is the
one wiring of the nodes; the library's graph (here) and the served one (orchestrator/serve.py)
both use it."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from langgraph.graph import END, START, StateGraph
from typing_extensions import TypedDict  # pydantic needs it for JSON schemas on Python < 3.12

from orchestrator.context import RunContext
from orchestrator.nodes.answer_locally import answer_locally
from orchestrator.nodes.cross_check import cross_check
from orchestrator.nodes.decline import decline
from orchestrator.nodes.detect_intent import detect_intent, route_after_intent
from orchestrator.nodes.fetch_sources import fetch_sources, route_after_fetch
from orchestrator.nodes.generate_answer import generate_answer
from orchestrator.nodes.plan_followup import plan_followup
from orchestrator.nodes.plan_sources import plan_sources
from orchestrator.nodes.review_round import review_round, route_after_review
from orchestrator.state import GraphState

PIPELINE = ("detect_intent", "plan_sources", "fetch_sources", "cross_check", "review_round", "generate_answer")
LOOP = ("plan_followup", "fetch_sources")  # a round after the first, back from review_round (orchestrator/loop/)


class PipelineInput(TypedDict, total=False):
    question: str
    choices: list[str] | None
    require_latest: bool | None
    language: str | None


def add_pipeline(graph: StateGraph, *, start: str | None = START, end: str = END,
                 wrap: Callable[[Any], Any] = lambda node: node) -> None:
    """The nodes and their edges from ``start`` (None: the caller routes to detect_intent) to
    ``end``; ``wrap`` adapts each node (and the router) to the graph's runtime."""
    nodes = {"detect_intent": detect_intent, "answer_locally": answer_locally, "plan_sources": plan_sources,
             "fetch_sources": fetch_sources, "cross_check": cross_check, "review_round": review_round,
             "plan_followup": plan_followup, "generate_answer": generate_answer,
             "decline": decline}  # decline: a capability the deployment lacks (nodes/decline.py)
    for name, node in nodes.items():
        graph.add_node(name, wrap(node))
    if start is not None:
        graph.add_edge(start, "detect_intent")
    graph.add_conditional_edges("detect_intent", wrap(route_after_intent), ["plan_sources", "answer_locally", "decline"])
    # The search loop is these edges: a follow-up round is planned after a review that cannot
    # settle, and a round that read nothing new skips the cross-check (its findings stand).
    graph.add_edge("plan_sources", "fetch_sources")
    graph.add_conditional_edges("fetch_sources", wrap(route_after_fetch), ["cross_check", "review_round"])
    graph.add_edge("cross_check", "review_round")
    graph.add_conditional_edges("review_round", wrap(route_after_review), ["plan_followup", "generate_answer"])
    graph.add_edge("plan_followup", "fetch_sources")
    for last in ("generate_answer", "answer_locally", "decline"):
        graph.add_edge(last, end)


@lru_cache(maxsize=1)
def build_graph():
    graph = StateGraph(GraphState, input_schema=PipelineInput, context_schema=RunContext)
    add_pipeline(graph)
    return graph.compile(name="orchestrator")
