"""A scripted ChatModel for unit tests: no model file, no network, deterministic."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from orchestrator.errors import ModelCallFailed
from orchestrator.model.protocol import Completion, OnText

ReplyFn = Callable[[list[dict[str, str]], "dict[str, Any] | None"], str]

STREAM_PIECE = 4  # characters per streamed piece, so streaming is visible in tests


@dataclass(frozen=True)
class RecordedCall:
    messages: list[dict[str, str]]
    schema: dict[str, Any] | None
    max_tokens: int
    stop: list[str] = field(default_factory=list)
    streamed: bool = False


class ScriptedModel:
    """Returns ``replies`` in order (or whatever ``replies(messages, schema)`` returns)
    and records each call in ``.calls``. Raises ModelCallFailed once the script is used
    up. A reply that is an Exception instance is raised instead of returned. ``stop``
    cuts a reply as a real model would; ``on_text`` receives it in small pieces."""

    def __init__(
        self,
        replies: Sequence[str | BaseException] | ReplyFn,
        *,
        name: str = "scripted",
    ) -> None:
        self.name = name
        self._fn: ReplyFn | None = replies if callable(replies) else None
        self._replies: list[str | BaseException] = [] if callable(replies) else list(replies)
        self._next = 0
        self._lock = threading.Lock()
        self.calls: list[RecordedCall] = []

    @property
    def remaining(self) -> int:
        return 0 if self._fn is not None else len(self._replies) - self._next

    def complete(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 256,
        stop: Sequence[str] | None = None,
        on_text: OnText | None = None,
    ) -> Completion:
        with self._lock:
            self.calls.append(
                RecordedCall(
                    messages=[dict(m) for m in messages], schema=schema, max_tokens=max_tokens,
                    stop=list(stop or []), streamed=on_text is not None,
                )
            )
            if self._fn is not None:
                reply: str | BaseException = self._fn(messages, schema)
            else:
                if self._next >= len(self._replies):
                    raise ModelCallFailed(
                        f"{self.name}: script exhausted after {len(self._replies)} replies"
                    )
                reply = self._replies[self._next]
                self._next += 1
        if isinstance(reply, BaseException):
            raise reply
        for s in stop or []:
            reply = reply.split(s, 1)[0] if s else reply
        if on_text is not None:
            for i in range(0, len(reply), STREAM_PIECE):
                on_text(reply[i:i + STREAM_PIECE])
        prompt_tokens = sum(len(m.get("content") or "") for m in messages) // 4
        return Completion(
            text=reply,
            prompt_tokens=prompt_tokens,
            completion_tokens=max(1, len(reply) // 4) if reply else 0,
            ms=0.0,
            first_token_ms=0.0 if on_text is not None and reply else None,
        )

