"""Language-model backends behind the one ``ChatModel`` protocol.

    load_model(model_path=..., llm_url=..., data_dir=...)   pick a backend
    LlamaLocalModel   GGUF in process (llama-cpp-python), loaded once per process, one
                      worker thread owning it and serving every caller's calls in turn
    OpenAICompatModel OpenAI-compatible HTTP server (llama-server, llama_cpp.server)
    ScriptedModel     canned replies for tests
    sampling.request_params   the messages, grammar and sampling both real backends send
    ensure_default_model / verify_model_file   the default Qwen2.5-Coder-0.5B GGUF

Nothing here imports llama_cpp until a local model is actually loaded, and nothing imports
a backend's module (numpy, the HTTP client) until it is asked for: ``orchestrator.model.protocol``
is what a run imports, and a question that needs no model call never pays for the rest.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from orchestrator.model.assets import (
        DEFAULT_MODEL_FILENAME,
        DEFAULT_MODEL_SHA256,
        DEFAULT_MODEL_SIZE,
        ModelFileInfo,
        Progress,
        default_model_path,
        ensure_default_model,
        verify_model_file,
    )
    from orchestrator.model.fake import ScriptedModel
    from orchestrator.model.llama_local import LlamaLocalModel
    from orchestrator.model.openai_http import OpenAICompatModel
    from orchestrator.model.protocol import ChatModel, Completion, OnText

_HOMES = {
    "DEFAULT_MODEL_FILENAME": "assets", "DEFAULT_MODEL_SHA256": "assets", "DEFAULT_MODEL_SIZE": "assets",
    "ModelFileInfo": "assets", "default_model_path": "assets", "ensure_default_model": "assets",
    "verify_model_file": "assets", "ScriptedModel": "fake", "LlamaLocalModel": "llama_local",
    "OpenAICompatModel": "openai_http", "ChatModel": "protocol", "Completion": "protocol", "OnText": "protocol",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)


def load_model(
    *,
    model_path: Path | None,
    llm_url: str | None,
    data_dir: Path,
    progress: Progress | None = None,
    n_ctx: int = 4096,
    preload: bool = False,
) -> ChatModel:
    """``llm_url`` wins if given, else ``model_path``, else the default model (assembled
    under ``data_dir/models`` on first use). A local model loads at its first call, so a
    question the rules settle never loads it; ``preload`` starts loading it in the
    background now (with the shared system prefix), for a process that will surely call it."""
    if llm_url:
        from orchestrator.model.openai_http import OpenAICompatModel

        return OpenAICompatModel(llm_url)
    from orchestrator.model.assets import ensure_default_model
    from orchestrator.model.llama_local import LlamaLocalModel

    path = Path(model_path) if model_path is not None else ensure_default_model(Path(data_dir), progress)
    model = LlamaLocalModel(path, n_ctx=n_ctx)
    if preload:
        from orchestrator.prompts import SYSTEM

        model.preload([{"role": "system", "content": SYSTEM}])
    return model


__all__ = [
    "DEFAULT_MODEL_FILENAME",
    "DEFAULT_MODEL_SHA256",
    "DEFAULT_MODEL_SIZE",
    "ChatModel",
    "Completion",
    "LlamaLocalModel",
    "ModelFileInfo",
    "OnText",
    "OpenAICompatModel",
    "ScriptedModel",
    "default_model_path",
    "ensure_default_model",
    "load_model",
    "verify_model_file",
]
