"""The pipeline as LangGraph's own server serves it: ``langgraph.json`` points here, so
``langgraph dev`` (locally) and LangGraph Platform (in production) run ``graph``.

A request's input is ``{"question": ..., "require_latest": false, "choices": [...],
"language": "en", "replay": "fixtures/PACK", "use_model": true}`` (all but ``question``
optional; with ``replay`` the question defaults to the pack's). The output is
``{"answer": <the answer contract of PACKS.md>}``, or ``{"error": "one line"}`` for a
request the orchestrator refuses. ``replay``, ``use_model`` and ``device`` may also be set
per assistant under ``configurable``.

The server process builds its own run context from its environment, through the client
facade (orchestrator/client.py): the deployment profile ``ORCHESTRATOR_DEVICE`` (default
``cloud``: the model at ORCHESTRATOR_LLM_URL, the cache shared through
ORCHESTRATOR_CACHE_URL), ORCHESTRATOR_SEARXNG_URL, ORCHESTRATOR_POLICY, ORCHESTRATOR_HOME.
Replayed packs must lie under ORCHESTRATOR_REPLAY_ROOT (paths separated by ``os.pathsep``;
default: the project's fixtures/), so a request cannot name any file on the server.

Each run goes on a private event loop in a worker thread: the pipeline does some blocking
work (SQLite traces, the in-process model) and the server's own loop must never wait on it.
LangGraph's dev server cannot tell such a loop from its own, so run it with
``langgraph dev --allow-blocking``."""

from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path
from typing import Any, TypedDict

from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, START, StateGraph

from orchestrator.errors import InputError, OrchestratorError

DEVICE_ENV = "ORCHESTRATOR_DEVICE"
REPLAY_ROOT_ENV = "ORCHESTRATOR_REPLAY_ROOT"


class ServeInput(TypedDict, total=False):
    question: str
    require_latest: bool
    choices: list[str]
    language: str
    replay: str
    use_model: bool


class ServeOutput(TypedDict, total=False):
    answer: dict[str, Any]
    error: str


class ServeState(ServeInput, ServeOutput):
    pass


_clients: dict[tuple, Any] = {}
_clients_lock = threading.Lock()


_ENVIRONMENT = ("ORCHESTRATOR_HOME", "ORCHESTRATOR_LLM_URL", "ORCHESTRATOR_CACHE_URL", "ORCHESTRATOR_SEARXNG_URL",
                "ORCHESTRATOR_POLICY", "ORCHESTRATOR_MODEL", "ORCHESTRATOR_CACHE")


def client_for(device: str):
    """One client per device (and configuration) per server process: its model and cache
    are made once."""
    from orchestrator.client import Client

    key = (device, *(os.environ.get(name, "") for name in _ENVIRONMENT))
    with _clients_lock:
        if key not in _clients:
            _clients[key] = Client(device=device)
        return _clients[key]


def replay_roots() -> list[Path]:
    raw = os.environ.get(REPLAY_ROOT_ENV, "").strip()
    roots = [Path(p).expanduser() for p in raw.split(os.pathsep) if p.strip()] if raw else [Path("fixtures")]
    return [r.resolve() for r in roots]


def allowed_pack(path: str) -> Path:
    """A pack directory under one of the replay roots (relative paths: from the working directory,
    the project's folder where `langgraph dev` runs)."""
    candidate = Path(path).expanduser()
    if not candidate.is_absolute():
        candidate = Path.cwd() / candidate
    resolved = candidate.resolve()
    roots = replay_roots()
    if not any(resolved == root or resolved.is_relative_to(root) for root in roots):
        raise InputError(f"replay packs must lie under {', '.join(str(r) for r in roots)} (set {REPLAY_ROOT_ENV})")
    return resolved


def _settings(state: ServeState, config: RunnableConfig | None) -> dict[str, Any]:
    configurable = (config or {}).get("configurable") or {}
    pick = lambda key, default=None: state.get(key, configurable.get(key, default))
    replay = pick("replay")
    return {
        "device": str(configurable.get("device") or os.environ.get(DEVICE_ENV, "").strip() or "cloud"),
        "question": state.get("question"),
        "require_latest": bool(state.get("require_latest", False)),
        "choices": state.get("choices") or None,
        "language": state.get("language"),
        "replay": allowed_pack(replay) if replay else None,
        "use_model": pick("use_model"),
    }


def _answer_in_worker(options: dict[str, Any]) -> dict[str, Any]:
    """In a worker thread, on a private event loop; with a replay, no question means the pack's."""
    client = client_for(options.pop("device"))
    question = options.pop("question") or None
    return asyncio.run(client.aquery(question, **options)).model_dump(mode="json")


async def answer(state: ServeState, config: RunnableConfig) -> ServeOutput:
    """The one node: answer the request's question through the deployment's client."""
    try:
        options = _settings(state, config)
        if not options["question"] and not options["replay"]:
            raise InputError("give a question (or a replay pack)")
        return {"answer": await asyncio.to_thread(_answer_in_worker, options)}
    except OrchestratorError as exc:
        return {"error": str(exc)}


def build_serve_graph():
    builder = StateGraph(ServeState, input_schema=ServeInput, output_schema=ServeOutput)
    builder.add_node("answer", answer)
    builder.add_edge(START, "answer")
    builder.add_edge("answer", END)
    return builder.compile(name="orchestrator")


graph = build_serve_graph()
