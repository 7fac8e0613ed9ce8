"""Model calls made by nodes: recorded in the trace, errors kept as one-line ModelErrors."""

from __future__ import annotations

from typing import Any

from orchestrator.errors import ModelError


def call_model(ctx, role: str, messages: list[dict[str, str]], *, schema: dict[str, Any] | None = None, max_tokens: int = 128) -> str:
    completion = None
    error = None
    try:
        completion = ctx.model.complete(messages, schema=schema, max_tokens=max_tokens)
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
        )
