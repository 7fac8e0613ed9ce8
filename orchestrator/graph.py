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
from orchestrator.nodes.fetch_sources import fetch_sources
from orchestrator.nodes.generate_answer import generate_answer
from orchestrator.nodes.plan_sources import plan_sources
from orchestrator.state import GraphState

PIPELINE = ("detect_intent", "plan_sources", "fetch_sources", "cross_check", "generate_answer")


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
             "fetch_sources": fetch_sources, "cross_check": cross_check, "generate_answer": generate_answer,
             "decline": decline}  # decline: a capability the deployment lacks (nodes/decline.py)
    for name, node in nodes.items():
        graph.add_node(name, wrap(node))
    if start is not None:
        graph.add_edge(start, "detect_intent")
    graph.add_conditional_edges("detect_intent", wrap(route_after_intent), ["plan_sources", "answer_locally", "decline"])
    retrieval = PIPELINE[1:]  # after the router's choice of plan_sources
    for a, b in zip(retrieval, retrieval[1:]):
        graph.add_edge(a, b)
    for last in ("generate_answer", "answer_locally", "decline"):
        graph.add_edge(last, end)


@lru_cache(maxsize=1)
def build_graph():
    graph = StateGraph(GraphState, input_schema=PipelineInput, context_schema=RunContext)
    add_pipeline(graph)
    return graph.compile(name="orchestrator")
