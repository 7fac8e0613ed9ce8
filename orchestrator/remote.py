"""Ask a running LangGraph server (``langgraph dev``, or any LangGraph deployment serving
orchestrator/serve.py) instead of answering in this process: the server keeps the model
loaded and its imports done, so a CLI client pays only for its own start and one request.

Plain HTTP against the server's REST API (``POST /runs/wait``, a stateless run of the
``orchestrator`` assistant): no LangGraph import here, which is the point. The reply is the
same answer contract a local run returns, trace id included (the server wrote the trace
into its data directory). Several clients at once are several runs the server serves
concurrently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from pydantic import ValidationError

from orchestrator.answer import Answer
from orchestrator.errors import ConfigError, InputError, OrchestratorError
from orchestrator.urls import web_url

ASSISTANT = "orchestrator"  # the graph id in langgraph.json
TIMEOUT_S = 300.0  # one question, model included, on a busy server
ALIVE_S = 5.0  # its health check (GET /ok): a server that takes the connection and never answers is said so at once


class ServerError(OrchestratorError):
    """The server could not be reached or did not answer with an answer."""

    exit_code = 6


def server_input(question: str | None, *, replay: str | Path | None = None, require_latest: bool | None = None,
                 choices: list[str] | None = None, use_model: bool = True, wording: str | None = None,
                 language: str | None = None) -> dict[str, Any]:
    """The served graph's input (orchestrator/serve.py ``ServeInput``). A pack goes as an
    absolute path: the server resolves it under its own replay roots, on the same machine."""
    body: dict[str, Any] = {"use_model": use_model}
    if question:
        body["question"] = question
    if replay is not None:
        body["replay"] = str(Path(replay).expanduser().resolve())
    if require_latest:
        body["require_latest"] = True
    if choices:
        body["choices"] = list(choices)
    if wording:
        body["wording"] = wording
    if language is not None:  # the server checks it as a local run does
        body["language"] = language
    return body


def _alive(client: httpx.Client, url: str) -> None:
    """A ServerError where the server takes the connection but answers no request within
    ALIVE_S (any reply will do: a server with no /ok is alive), before the question waits
    up to TIMEOUT_S for its answer."""
    try:
        client.get("/ok", timeout=ALIVE_S)
    except httpx.TimeoutException:
        raise ServerError(f"the LangGraph server at {url} took the connection but did not answer within "
                          f"{ALIVE_S:g} s") from None


def ask_server(url: str, question: str | None = None, *, timeout: float = TIMEOUT_S,
               transport: httpx.BaseTransport | None = None, **options: Any) -> Answer:
    """The answer the server at ``url`` gives; ``options`` as for ``server_input``. A server
    that cannot be reached, fails or refuses is one ServerError (or the InputError it gave)."""
    base = web_url(url)
    if base is None:
        raise ConfigError(f"--server must be an http(s) URL, got {url!r}")
    payload = {"assistant_id": ASSISTANT, "input": server_input(question, **options)}
    try:
        with httpx.Client(base_url=str(url).rstrip("/"), timeout=timeout, trust_env=False, transport=transport) as client:
            _alive(client, url)
            reply = client.post("/runs/wait", json=payload)
    except httpx.TimeoutException:
        raise ServerError(f"the LangGraph server at {url} did not answer within {timeout:g} s") from None
    except httpx.HTTPError as exc:
        raise ServerError(f"cannot reach the LangGraph server at {url} ({type(exc).__name__})") from None
    if reply.status_code != 200:
        detail = " ".join(reply.text.split())[:200]
        raise ServerError(f"the LangGraph server at {url} answered HTTP {reply.status_code}" + (f": {detail}" if detail else ""))
    try:
        body = reply.json()
    except ValueError:
        raise ServerError(f"the LangGraph server at {url} did not answer with JSON") from None
    if isinstance(body, dict) and body.get("error"):
        raise InputError(str(body["error"]))
    if not isinstance(body, dict) or not isinstance(body.get("answer"), dict):
        raise ServerError(f"the LangGraph server at {url} gave no answer (is it serving orchestrator/serve.py?)")
    try:
        return Answer.model_validate(body["answer"])
    except ValidationError as exc:  # a server of another version, say
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"])) or "answer"
        raise ServerError(f"the LangGraph server at {url} gave an answer this version cannot read "
                          f"({where}: {first['msg']}; {exc.error_count()} problem(s))") from None
