"""Questions that need no fresh data (code, maths, definitions): the local model answers.
Arithmetic the question states is computed exactly (orchestrator/arithmetic.py); a
template words that value (the model only with ``wording="model"``)."""

from __future__ import annotations

from textwrap import shorten

from langgraph.runtime import Runtime

from orchestrator.answer import Answer
from orchestrator.arithmetic import DECIMALS, compute
from orchestrator.context import RunContext
from orchestrator.errors import ModelError
from orchestrator.lexicon import lexicon, supported_code
from orchestrator.model.calls import call_model
from orchestrator.nodes.generate_answer import model_words, phrasing_failed, sentence_is_faithful
from orchestrator.prompts import arithmetic_messages, local_messages, read_sentence
from orchestrator.state import GraphState
from orchestrator.wording import NO_MODEL_WARNING


def arithmetic_sentence(language: str, value: str, exact: bool) -> str:
    if language.startswith("zh"):
        return f"答案是{value}。" if exact else f"答案约为{value}。"
    if (code := supported_code(language)) not in (None, "en"):  # "Die geprüfte Antwort ist 391."
        return lexicon(code).answer.undated.format(value=value if exact else f"≈ {value}")
    return f"The answer is {value}." if exact else f"The answer is approximately {value}."


def arithmetic_answer(ctx: RunContext, question: str, language: str, expression: str, value: str, exact: bool) -> Answer:
    """The computed value, worded by a template, or by the model with ``wording="model"``.
    A small model's sentence can still state another number ("17 times 23 is 411"): then
    the template stands."""
    warnings = [f"computed from the arithmetic in the question: {expression}"
                + ("" if exact else f" (rounded to {DECIMALS} decimal places)")]
    sentence = arithmetic_sentence(language, value, exact)
    if ctx.model is None:
        warnings.append(NO_MODEL_WARNING)
    elif model_words(ctx):
        try:
            worded = read_sentence(call_model(ctx, "phrase_arithmetic", arithmetic_messages(question, language, value),
                                              max_tokens=64, stop=["\n"]))
        except ModelError as exc:
            warnings.append(phrasing_failed(exc))
        else:
            if sentence_is_faithful(worded, value, f"{question} {value}"):
                sentence = worded
            else:
                warnings.append("model sentence stated a number other than the computed one; template used")
    return Answer(question=question, status="local", answer=value, text=sentence, warnings=warnings)


def answer_locally(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    question = state["question"]
    with ctx.trace.node("answer_locally", question[:200]) as entry:
        computed = compute(question)
        if computed is not None:
            answer = arithmetic_answer(ctx, question, state["intent"].language, *computed)
        elif ctx.model is None:
            answer = Answer(question=question, status="abstained", text="This question needs no fresh data, but no model is available to answer it.",
                            warnings=["no model (--no-model)"])
        else:
            try:
                text = call_model(ctx, "answer_locally", local_messages(question), max_tokens=384).strip()
                # no source dates it: the model's own knowledge is true as of no day it can tell
                answer = Answer(question=question, status="local", answer=shorten(text, 200, placeholder=" …") or None,
                                text=text, warnings=["answered by the local model alone, no retrieval"])
            except ModelError as exc:
                answer = Answer(question=question, status="abstained", text="The local model could not answer.", warnings=[str(exc)])
        entry["output"] = answer.status
    return {"answer": answer}
