"""The one interface the pipeline needs from a language model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Completion:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    ms: float = 0.0


class ChatModel(Protocol):
    """A chat model. ``schema`` (a JSON schema) constrains the output by grammar, so the
    text returned is valid JSON for that schema."""

    name: str

    def complete(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 256,
    ) -> Completion: ...
