"""ChatModel over an OpenAI-compatible HTTP server (llama.cpp ``llama-server`` or
``python -m llama_cpp.server``).

A JSON schema is sent as ``"response_format": {"type": "json_object", "schema": ...}``.
Both llama.cpp servers turn that into a grammar: llama_cpp.server passes it to
``create_chat_completion`` (``_grammar_for_response_format``), and llama-server's
OpenAI-compat parser reads ``response_format.schema`` for type ``json_object``.
No top-level ``json_schema``/``grammar`` is sent: llama-server rejects requests that end
up with both a schema and a grammar.

Streaming uses the standard server-sent events (``"stream": true``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from typing import Any

import httpx

from orchestrator.errors import ModelCallFailed, ModelUnavailable
from orchestrator.model.protocol import Completion, OnText
from orchestrator.model.sampling import request_params


def _chat_url(base_url: str) -> str:
    base = base_url.strip().rstrip("/")
    if base.endswith("/chat/completions"):
        return base
    if not base.endswith("/v1"):
        base += "/v1"
    return base + "/chat/completions"


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class OpenAICompatModel:
    """``complete`` POSTs to ``{base_url}/v1/chat/completions`` with the parameters the
    in-process model gets (``sampling.request_params``: temperature 0, every sampling field
    explicit)."""

    def __init__(
        self,
        base_url: str,
        model: str = "default",
        timeout: float = 60.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = _chat_url(base_url)
        self.model = model
        self.name = f"{model}@{self.url}"
        self._client = httpx.Client(timeout=timeout, transport=transport)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> OpenAICompatModel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request_body(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 256,
        stop: Sequence[str] | None = None,
        stream: bool = False,
    ) -> dict[str, Any]:
        # the same parameters the in-process model gets (sampling.py), plus the HTTP-only fields
        body: dict[str, Any] = {"model": self.model,
                                **request_params(messages, schema=schema, max_tokens=max_tokens, stop=stop),
                                "stream": stream}
        if stream:
            body["stream_options"] = {"include_usage": True}
        return body

    def complete(
        self,
        messages: list[dict[str, str]],
        *,
        schema: dict[str, Any] | None = None,
        max_tokens: int = 256,
        stop: Sequence[str] | None = None,
        on_text: OnText | None = None,
    ) -> Completion:
        if on_text is not None:
            return self._complete_streaming(messages, schema, max_tokens, stop, on_text)
        body = self.request_body(messages, schema=schema, max_tokens=max_tokens, stop=stop)
        start = time.perf_counter()
        resp = self._post(body)
        ms = (time.perf_counter() - start) * 1000.0
        data = self._json(resp)
        try:
            message = data["choices"][0]["message"]
            text = message.get("content")
            if text is None:
                text = ""
            if not isinstance(text, str):
                raise TypeError(f"content is {type(text).__name__}")
        except (KeyError, IndexError, TypeError, AttributeError) as exc:
            raise ModelCallFailed(
                f"model call to {self.url} returned HTTP {resp.status_code} without "
                f"choices[0].message.content: {_short(json.dumps(data))}"
            ) from exc
        usage = data.get("usage")
        usage = usage if isinstance(usage, dict) else {}
        return Completion(
            text=text,
            prompt_tokens=_as_int(usage.get("prompt_tokens")),
            completion_tokens=_as_int(usage.get("completion_tokens")),
            ms=ms,
        )

    def _post(self, body: dict[str, Any]) -> httpx.Response:
        try:
            resp = self._client.post(self.url, json=body)
        except httpx.TimeoutException as exc:
            raise ModelCallFailed(f"model call to {self.url} timed out: {exc}") from exc
        except httpx.ConnectError as exc:
            raise self._unreachable(exc) from exc
        except httpx.HTTPError as exc:
            raise ModelCallFailed(
                f"model call to {self.url} failed: {type(exc).__name__}: {exc}"
            ) from exc
        if resp.status_code >= 400:
            raise ModelCallFailed(
                f"model call to {self.url} returned HTTP {resp.status_code}: "
                f"{_short(resp.text) or resp.reason_phrase}"
            )
        return resp

    def _unreachable(self, exc: httpx.ConnectError) -> ModelUnavailable:
        return ModelUnavailable(f"cannot reach the model server at {self.url} (ConnectError: {exc}): "
                                "is it running? (--llm-url)")

    def _json(self, resp: httpx.Response) -> Any:
        try:
            return resp.json()
        except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
            raise ModelCallFailed(
                f"model call to {self.url} returned HTTP {resp.status_code} with non-JSON "
                f"body: {_short(resp.text)!r}"
            ) from exc

    def _complete_streaming(self, messages: list[dict[str, str]], schema: dict[str, Any] | None,
                            max_tokens: int, stop: Sequence[str] | None, on_text: OnText) -> Completion:
        body = self.request_body(messages, schema=schema, max_tokens=max_tokens, stop=stop, stream=True)
        start = time.perf_counter()
        pieces: list[str] = []
        usage: dict[str, Any] = {}
        first_ms = None
        try:
            with self._client.stream("POST", self.url, json=body) as resp:
                if resp.status_code >= 400:
                    resp.read()
                    raise ModelCallFailed(f"model call to {self.url} returned HTTP {resp.status_code}: "
                                          f"{_short(resp.text) or resp.reason_phrase}")
                for event in _sse_events(resp.iter_lines()):
                    if isinstance(event.get("usage"), dict):
                        usage = event["usage"]
                    choices = event.get("choices") or []
                    piece = ((choices[0].get("delta") or {}).get("content") or "") if choices else ""
                    if piece:
                        if first_ms is None:
                            first_ms = (time.perf_counter() - start) * 1000.0
                        pieces.append(piece)
                        on_text(piece)
        except httpx.TimeoutException as exc:
            raise ModelCallFailed(f"model call to {self.url} timed out: {exc}") from exc
        except httpx.ConnectError as exc:
            raise self._unreachable(exc) from exc
        except httpx.HTTPError as exc:
            raise ModelCallFailed(f"model call to {self.url} failed: {type(exc).__name__}: {exc}") from exc
        return Completion(
            text="".join(pieces),
            prompt_tokens=_as_int(usage.get("prompt_tokens")),
            # without usage, one streamed piece is one token
            completion_tokens=_as_int(usage.get("completion_tokens")) or len(pieces),
            ms=(time.perf_counter() - start) * 1000.0,
            first_token_ms=first_ms,
        )

def _sse_events(lines: Iterator[str]) -> Iterator[dict[str, Any]]:
    for line in lines:
        if not line.startswith("data:"):
            continue
        payload = line[5:].strip()
        if payload == "[DONE]":
            return
        try:
            event = json.loads(payload)
        except ValueError:
            continue
        if isinstance(event, dict):
            yield event


def _as_int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0
