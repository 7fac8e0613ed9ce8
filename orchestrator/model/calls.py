"""Model calls made by nodes: budgeted, recorded in the trace, errors kept as one-line
ModelErrors.

A question gets at most ``MAX_CALLS_PER_QUESTION`` model calls, whatever the nodes ask
for: on two CPU cores each call costs about a second, and rules decide everything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from orchestrator.errors import ModelCallFailed, ModelError

MAX_CALLS_PER_QUESTION = 2


def _spend(ctx, role: str) -> None:
    if not ctx.counts.take_model_call(MAX_CALLS_PER_QUESTION):
        raise ModelCallFailed(f"no model call left for {role}: at most {MAX_CALLS_PER_QUESTION} per question")


def call_model(ctx, role: str, messages: list[dict[str, str]], *, schema: dict[str, Any] | None = None,
               max_tokens: int = 128, stop: Sequence[str] | None = None, stream: bool = False) -> str:
    """The model's reply text. ``stream``: report it piece by piece as ``("text", piece)``
    through the run's progress seam while it is generated."""
    _spend(ctx, role)
    completion = None
    error = None
    on_text = (lambda piece: ctx.progress("text", piece)) if stream else None
    try:
        completion = ctx.model.complete(messages, schema=schema, max_tokens=max_tokens, stop=stop, on_text=on_text)
        return completion.text
    except ModelError as exc:
        error = str(exc)
        raise
    finally:
        ctx.trace.model_call(
            role=role, model=getattr(ctx.model, "name", "?"), prompt=messages,
            output=completion.text if completion else None, error=error,
            prompt_tokens=completion.prompt_tokens if completion else 0,
            completion_tokens=completion.completion_tokens if completion else 0,
            ms=round(completion.ms, 1) if completion else 0,
            first_token_ms=round(completion.first_token_ms, 1) if completion and completion.first_token_ms is not None else None,
        )


