"""Wiring only: the pipeline of DESIGN.md as a LangGraph StateGraph."""

from __future__ import annotations

from functools import lru_cache

from langgraph.graph import END, START, StateGraph

from orchestrator.context import RunContext
from orchestrator.nodes.answer_locally import answer_locally
from orchestrator.nodes.cross_check import cross_check
from orchestrator.nodes.decline import decline
from orchestrator.nodes.detect_intent import detect_intent, route_after_intent
from orchestrator.nodes.fetch_sources import fetch_sources
from orchestrator.nodes.generate_answer import generate_answer
from orchestrator.nodes.plan_sources import plan_sources
from orchestrator.state import GraphState


@lru_cache(maxsize=1)
def build_graph():
    graph = StateGraph(GraphState, context_schema=RunContext)
    graph.add_node("detect_intent", detect_intent)
    graph.add_node("answer_locally", answer_locally)
    graph.add_node("plan_sources", plan_sources)
    graph.add_node("fetch_sources", fetch_sources)
    graph.add_node("cross_check", cross_check)
    graph.add_node("generate_answer", generate_answer)
    graph.add_node("decline", decline)  # a capability the deployment lacks (nodes/decline.py)
    graph.add_edge(START, "detect_intent")
    graph.add_conditional_edges("detect_intent", route_after_intent, ["plan_sources", "answer_locally", "decline"])
    graph.add_edge("plan_sources", "fetch_sources")
    graph.add_edge("fetch_sources", "cross_check")
    graph.add_edge("cross_check", "generate_answer")
    graph.add_edge("generate_answer", END)
    graph.add_edge("answer_locally", END)
    graph.add_edge("decline", END)
    return graph.compile()
