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

from collections.abc import Sequence
from typing import Any

import numpy as np

from orchestrator.errors import ModelCallFailed

MAX_CONTINUATION_TOKENS = 64


def _formatter(llama: Any) -> Any:
    cached = getattr(llama, "_orchestrator_formatter", None)
    if cached is not None:
        return cached
    template = (llama.metadata or {}).get("tokenizer.chat_template")
    if not template:
        raise ModelCallFailed("the model file has no chat template; cannot count or score prompts")
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


def _decode_all(llama: Any, tokens: list[int], n_past: int) -> np.ndarray:
    """Decode ``tokens`` after position ``n_past`` with a logits row for every token."""
    llama._ctx.kv_cache_seq_rm(-1, n_past, -1)
    llama._batch.set_batch(batch=tokens, n_past=n_past, logits_all=True)
    llama._ctx.decode(llama._batch)
    llama.input_ids[n_past:n_past + len(tokens)] = tokens
    llama.n_tokens = n_past + len(tokens)
    llama._requires_eval = True  # the logits buffer no longer holds a single last row
    n_vocab = llama.n_vocab()
    return np.ctypeslib.as_array(llama._ctx.get_logits(), shape=(len(tokens) * n_vocab,)).reshape(len(tokens), n_vocab)


def warm(llama: Any, messages: list[dict[str, str]]) -> int:
    """Evaluate the prompt of ``messages`` (a shared system prefix) into the KV cache, so
    the first real call reuses it and finds the weights paged in; returns its length."""
    tokens = prompt_tokens(llama, messages)
    _eval_prompt(llama, tokens)
    return len(tokens)


def score(llama: Any, messages: list[dict[str, str]], continuations: Sequence[str]) -> list[float]:
    prompt = prompt_tokens(llama, messages)
    conts = [text_tokens(llama, c) for c in continuations]
    for text, toks in zip(continuations, conts):
        if not toks:
            raise ModelCallFailed(f"cannot score an empty continuation ({text!r})")
        if len(toks) > MAX_CONTINUATION_TOKENS:
            raise ModelCallFailed(f"continuation too long to score: {len(toks)} tokens, limit {MAX_CONTINUATION_TOKENS}")
    if len(prompt) + MAX_CONTINUATION_TOKENS > llama.n_ctx():
        raise ModelCallFailed(f"prompt of {len(prompt)} tokens leaves no room to score in a {llama.n_ctx()}-token context")
    first = _eval_prompt(llama, prompt)
    scores = []
    for toks in conts:
        total = float(first[toks[0]])
        if len(toks) > 1:
            rows = _decode_all(llama, toks[:-1], len(prompt))
            total += sum(float(_log_softmax(rows[i].astype(np.float64))[tok]) for i, tok in enumerate(toks[1:]))
        scores.append(total)
    return scores
