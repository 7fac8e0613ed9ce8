"""The pipeline as LangGraph's own server serves it: ``langgraph.json`` points here, so
``langgraph dev`` (locally) and LangGraph Platform (in production) run ``graph``, and stream
one update per node (detect_intent, plan_sources, fetch_sources, cross_check,
generate_answer), with ``begin`` before them and ``after_cache``/``save`` after.

A request's input is ``{"question": ..., "require_latest": false, "choices": [...],
"language": "en", "replay": "fixtures/PACK", "use_model": true, "wording": "template"}`` (all but ``question``
optional; with ``replay`` the question defaults to the pack's). The output is
``{"answer": <the answer contract of PACKS.md>}``, or ``{"error": "one line"}`` for a
request the orchestrator refuses. ``replay``, ``use_model``, ``wording`` and ``device`` may also be set
per run in the request's ``context`` (or per assistant under ``configurable``).

The server process builds each run's context from its environment, through the client
facade (orchestrator/client.py): the deployment profile ``ORCHESTRATOR_DEVICE`` (default
``cloud``: the model at ORCHESTRATOR_LLM_URL, the cache shared through
ORCHESTRATOR_CACHE_URL), ORCHESTRATOR_SEARXNG_URL, ORCHESTRATOR_POLICY, ORCHESTRATOR_HOME.
The context holds live objects (the model, the transport, the trace), so it stays in this
process: ``begin`` makes it (orchestrator/api.py ``prepare_run``) and keeps it under a run
key in the state; each node reads it from there. Replayed packs must lie under
ORCHESTRATOR_REPLAY_ROOT (paths separated by ``os.pathsep``; default: ./fixtures), so a
request cannot name any file on the server.

The nodes that block (the model, SQLite) are plain functions, which LangGraph runs in worker
threads; the dev server still wants ``langgraph dev --allow-blocking`` for the first import."""

from __future__ import annotations

import asyncio
import os
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from langchain_core.runnables import RunnableConfig
from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime
from typing_extensions import TypedDict

from orchestrator.errors import InputError, OrchestratorError
from orchestrator.graph import add_pipeline
from orchestrator.state import GraphState

DEVICE_ENV = "ORCHESTRATOR_DEVICE"
REPLAY_ROOT_ENV = "ORCHESTRATOR_REPLAY_ROOT"


class ServeInput(TypedDict, total=False):
    question: str
    require_latest: bool
    choices: list[str]
    language: str
    replay: str
    use_model: bool
    wording: str  # "template" or "model": who words the answer (default: the deployment's)


class ServeOutput(TypedDict, total=False):
    answer: Any  # the answer contract, as JSON
    error: str


class ServeState(GraphState, total=False):
    replay: str
    use_model: bool
    error: str
    run: str  # the key of this run's context in ``_runs``
    from_cache: bool  # ``begin`` served a fresh cached answer: the pipeline does not run


@dataclass(frozen=True)
class ServeContext:
    """Per-run settings a request may send as its ``context``."""

    device: str | None = None
    replay: str | None = None
    use_model: bool | None = None
    wording: str | None = None


_clients: dict[tuple, Any] = {}
_clients_lock = threading.Lock()
_runs: dict[str, Any] = {}  # run key -> api.PreparedRun, from ``begin`` until ``save`` (or a failure)

_ENVIRONMENT = ("ORCHESTRATOR_HOME", "ORCHESTRATOR_LLM_URL", "ORCHESTRATOR_CACHE_URL", "ORCHESTRATOR_SEARXNG_URL",
                "ORCHESTRATOR_POLICY", "ORCHESTRATOR_MODEL", "ORCHESTRATOR_CACHE")


def client_for(device: str):
    """One client per device (and configuration) per server process: its model and cache
    are made once."""
    from orchestrator.client import Client

    key = (device, *(os.environ.get(name, "") for name in _ENVIRONMENT))
    with _clients_lock:
        if key not in _clients:
            client = _clients[key] = Client(device=device)
            if client.settings.use_model and client.settings.llm_url is None:  # in process: load it once, now
                from orchestrator.api import shared_model

                shared_model(client.settings, preload=True)
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


def _settings(state: ServeState, context: ServeContext | None, config: RunnableConfig | None) -> dict[str, Any]:
    configurable = (config or {}).get("configurable") or {}

    def pick(key: str) -> Any:  # the input, then the run's context, then the assistant's configurable
        for source in (dict(state), vars(context) if isinstance(context, ServeContext) else {}, configurable):
            if source.get(key) is not None:
                return source[key]
        return None

    replay = pick("replay")
    return {
        "device": str(pick("device") or os.environ.get(DEVICE_ENV, "").strip() or "cloud"),
        "question": state.get("question") or None,
        "require_latest": bool(state.get("require_latest", False)),
        "choices": state.get("choices") or None,
        "language": state.get("language"),
        "replay": allowed_pack(str(replay)) if replay else None,
        "use_model": pick("use_model"),
        "wording": pick("wording"),
    }


def _prepare(options: dict[str, Any]):
    from orchestrator.api import prepare_run

    client = client_for(options.pop("device"))
    use_model, wording = options.pop("use_model"), options.pop("wording")
    deployment = client.run_options(use_model=use_model, replay=options["replay"])
    deployment["wording"] = wording or deployment["wording"]
    return prepare_run(options.pop("question"), **options, **deployment)


async def begin(state: ServeState, runtime: Runtime[ServeContext], config: RunnableConfig) -> dict:
    """Make the run's context from the request and the server's deployment; serve a fresh
    cached answer at once."""
    from orchestrator.cache.run import before_run

    try:
        options = _settings(state, runtime.context, config)
        if not options["question"] and not options["replay"]:
            raise InputError("give a question (or a replay pack)")
        run = await asyncio.to_thread(_prepare, options)
    except OrchestratorError as exc:
        return {"error": str(exc)}
    key = uuid.uuid4().hex
    _runs[key] = run
    served = await before_run(run.state, run.ctx, run.cache) if run.cache is not None else None
    if served is not None:
        return {**run.state, "run": key, "from_cache": True, "answer": served["answer"]}
    return {**run.state, "run": key}


def after_begin(state: ServeState) -> str:
    if state.get("error"):
        return END
    return "save" if state.get("from_cache") else "detect_intent"


def _in_run(node):
    """A pipeline node reading its context from the run's key, as the library's graph
    reads it from LangGraph's runtime; a node that fails keeps the run's trail."""
    def runtime(state):
        return SimpleNamespace(context=_runs[state["run"]].ctx)

    def failed(state, exc: BaseException) -> None:
        from orchestrator.api import save_failed_run

        run = _runs.pop(state["run"], None)
        if run is not None:
            save_failed_run(run, exc)

    if asyncio.iscoroutinefunction(node):
        async def wrapped(state: ServeState) -> Any:
            try:
                return await node(state, runtime(state))
            except BaseException as exc:
                failed(state, exc)
                raise
    else:
        def wrapped(state: ServeState) -> Any:  # type: ignore[misc]
            try:
                return node(state, runtime(state))
            except BaseException as exc:
                failed(state, exc)
                raise
    wrapped.__name__ = node.__name__
    return wrapped


async def after_cache(state: ServeState) -> dict:
    """The knowledge cache's part after the pipeline (orchestrator/cache/run.py)."""
    from orchestrator.cache.run import after_run

    run = _runs[state["run"]]
    if run.cache is None:
        return {}
    result = await after_run(dict(state), run.state, run.ctx, run.cache)
    return {"answer": result["answer"]}


def save(state: ServeState) -> dict:
    """Store the trace; the output is the answer contract with its trace id."""
    from orchestrator.api import save_run

    run = _runs.pop(state["run"])
    return {"answer": save_run(run, state["answer"]).model_dump(mode="json")}


def build_serve_graph():
    builder = StateGraph(ServeState, input_schema=ServeInput, output_schema=ServeOutput, context_schema=ServeContext)
    builder.add_node("begin", begin)
    builder.add_node("after_cache", after_cache)
    builder.add_node("save", save)
    builder.add_edge(START, "begin")
    builder.add_conditional_edges("begin", after_begin, ["detect_intent", "save", END])
    add_pipeline(builder, start=None, end="after_cache", wrap=_in_run)
    builder.add_edge("after_cache", "save")
    builder.add_edge("save", END)
    return builder.compile(name="orchestrator")


graph = build_serve_graph()
