"""Prompt tokens and continuation log-likelihoods on a loaded ``Llama``.

``create_chat_completion`` formats messages with the GGUF's own chat template and
tokenizes the result with special tokens parsed and no extra BOS; ``prompt_tokens`` does
the same, so counts and scores here match what generation sees.

Scoring reads logits straight from the llama.cpp context: the ``Llama`` keeps logits for
the last token only (``logits_all=False``, which keeps memory at n_batch x vocab), so a
continuation's tokens are decoded in one batch with a logits row per token. The prompt is
evaluated once, reusing the longest prefix already in the KV cache, as generation does.
These use llama-cpp-python internals (``_ctx``, ``_batch``), pinned by ``<0.4``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from orchestrator.errors import ModelCallFailed


def _formatter(llama: Any) -> Any:
    cached = getattr(llama, "_orchestrator_formatter", None)
    if cached is not None:
        return cached
    template = (llama.metadata or {}).get("tokenizer.chat_template")
    if not template:
        raise ModelCallFailed("the model file has no chat template; cannot count prompt tokens")
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    eos, bos = llama.token_eos(), llama.token_bos()
    formatter = Jinja2ChatFormatter(
        template=template,
        eos_token=llama._model.token_get_text(eos) if eos != -1 else "",
        bos_token=llama._model.token_get_text(bos) if bos != -1 else "",
    )
    llama._orchestrator_formatter = formatter
    return formatter


def prompt_tokens(llama: Any, messages: list[dict[str, str]]) -> list[int]:
    """The tokens generation would evaluate for ``messages``, up to the assistant's turn."""
    rendered = _formatter(llama)(messages=[dict(m) for m in messages])
    return llama.tokenize(rendered.prompt.encode("utf-8"), add_bos=not rendered.added_special, special=True)


def text_tokens(llama: Any, text: str) -> list[int]:
    return llama.tokenize(text.encode("utf-8"), add_bos=False, special=False)


def _log_softmax(row: np.ndarray) -> np.ndarray:
    shifted = row - row.max()
    return shifted - np.log(np.exp(shifted).sum())


def _eval_prompt(llama: Any, tokens: list[int]) -> np.ndarray:
    """Evaluate ``tokens`` (reusing the cached prefix); log-probs of the next token."""
    cached = llama._input_ids
    keep = 0
    for a, b in zip(cached, tokens[:-1]):  # re-evaluate at least the last token for its logits
        if a != b:
            break
        keep += 1
    llama.n_tokens = keep  # eval() drops the KV cells from here on
    llama.eval(tokens[keep:])
    row = np.ctypeslib.as_array(llama._ctx.get_logits_ith(-1), shape=(llama.n_vocab(),))
    return _log_softmax(row.astype(np.float64))


def warm(llama: Any, messages: list[dict[str, str]]) -> int:
    """Evaluate the prompt of ``messages`` (a shared system prefix) into the KV cache, so
    the first real call reuses it and finds the weights paged in; returns its length."""
    tokens = prompt_tokens(llama, messages)
    _eval_prompt(llama, tokens)
    return len(tokens)


