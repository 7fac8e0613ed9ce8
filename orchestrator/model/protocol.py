"""The one interface the pipeline needs from a language model."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

# Receives each piece of text as the model writes it (streaming). Called on the caller's
# thread, in order; the pieces joined are the completion's text.
OnText = Callable[[str], None]


@dataclass(frozen=True)
class Completion:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    ms: float = 0.0
    first_token_ms: float | None = None  # from the call to the first text piece, when streamed


class ChatModel(Protocol):
    """A chat model, called at temperature 0.

    ``complete``: ``schema`` (a JSON schema) constrains the output by grammar, so the text
    returned is valid JSON for that schema; ``stop`` strings end the output early (not
    included); ``on_text`` streams the output as it is generated.
    """

    name: str

    def complete(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 256,
        stop: Sequence[str] | None = None,
        on_text: OnText | None = None,
    ) -> Completion: ...

