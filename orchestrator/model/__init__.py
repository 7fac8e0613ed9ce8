"""Language-model backends behind the one ``ChatModel`` protocol.

    load_model(model_path=..., llm_url=..., data_dir=...)   pick a backend
    LlamaLocalModel   GGUF in process (llama-cpp-python), loaded once per process, one
                      worker thread owning it and serving every caller's calls in turn
    OpenAICompatModel OpenAI-compatible HTTP server (llama-server, llama_cpp.server)
    ScriptedModel     canned replies for tests
    sampling.request_params   the messages, grammar and sampling both real backends send
    ensure_default_model / verify_model_file   the default Qwen2.5-Coder-0.5B GGUF

Nothing here imports llama_cpp until a local model is actually loaded.
"""

from __future__ import annotations

from pathlib import Path

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
from orchestrator.prompts import SYSTEM


def load_model(
    *,
    model_path: Path | None,
    llm_url: str | None,
    data_dir: Path,
    progress: Progress | None = None,
    n_ctx: int = 4096,
) -> ChatModel:
    """``llm_url`` wins if given, else ``model_path``, else the default model (assembled
    under ``data_dir/models`` on first use). Local models start loading in the background
    at once (with the shared system prefix), and the first call waits for them."""
    if llm_url:
        return OpenAICompatModel(llm_url)
    path = Path(model_path) if model_path is not None else ensure_default_model(Path(data_dir), progress)
    model = LlamaLocalModel(path, n_ctx=n_ctx)
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
