"""What every backend asks the model for: the one place the request parameters are built.

``LlamaLocalModel`` passes ``request_params(...)`` to ``Llama.create_chat_completion`` and
``OpenAICompatModel`` sends the same dict as its JSON body (plus ``model`` and ``stream``),
so the two cannot drift apart. Every sampling field is sent explicitly because the
backends' defaults differ: ``Llama.create_chat_completion`` uses ``repeat_penalty=1.0``,
``llama_cpp.server`` fills in 1.1 when a request leaves it out, and on one reader prompt
(Brisbane pack) that difference alone flipped the pick between Brisbane and Tokyo.

At temperature 0 llama.cpp picks the top token after the repeat penalties and the grammar;
top_k, top_p and min_p are set to "off" so no server truncates by its own defaults first,
and the seed is fixed so even a server that samples anyway repeats itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class SamplingSettings:
    temperature: float = 0.0
    top_p: float = 1.0
    top_k: int = 0  # 0: no top-k cut (llama.cpp)
    min_p: float = 0.0
    repeat_penalty: float = 1.0  # no penalty: a short answer repeating its own tokens is not an error
    presence_penalty: float = 0.0
    frequency_penalty: float = 0.0
    seed: int = 0


SAMPLING = SamplingSettings()


def request_params(
    messages: list[dict[str, str]],
    *,
    schema: dict[str, Any] | None = None,
    max_tokens: int = 256,
    stop: Sequence[str] | None = None,
    sampling: SamplingSettings = SAMPLING,
) -> dict[str, Any]:
    """The keyword arguments of ``Llama.create_chat_completion``, which are also the
    fields of an OpenAI-compatible chat request. A ``schema`` becomes
    ``response_format={"type": "json_object", "schema": ...}``: llama_cpp turns it into a
    grammar in process and in ``llama_cpp.server``, and llama-server reads it too."""
    params: dict[str, Any] = {"messages": [dict(m) for m in messages], "max_tokens": max_tokens, **asdict(sampling)}
    if stop:
        params["stop"] = list(stop)
    if schema is not None:
        params["response_format"] = {"type": "json_object", "schema": schema}
    return params
