"""What a deployment without a capability says instead of running the branch it lacks
(``RunContext.capabilities``, set by a profile through orchestrator/client.py):

- no ``code_gen``: code questions get a polite refusal, in the question's language;
- no ``deep_reasoning``: arithmetic the question states is not computed, and the small model
  is not trusted with it either: a polite refusal;
- no ``realtime_search``: questions that need fresh data fetch nothing; the run abstains
  with no evidence, which lets the knowledge cache answer with what it verified earlier
  (orchestrator/cache/run.py)."""

from __future__ import annotations

from langgraph.runtime import Runtime

from orchestrator.answer import Answer
from orchestrator.context import RunContext
from orchestrator.state import GraphState

_CODE = {
    "en": "Sorry, writing code is not enabled on this deployment, so I can't help with that question here. "
          "Please ask it where the code_gen capability is on.",
    "zh": "抱歉，此部署未启用代码生成功能，无法在这里回答这个编程问题。请在启用 code_gen 功能的部署上提问。",
}
_REASONING = {
    "en": "Sorry, checked arithmetic is not enabled on this deployment (deep_reasoning is off), and an "
          "unchecked answer could be wrong. Please ask where the deep_reasoning capability is on.",
    "zh": "抱歉，此部署未启用经核实的计算（deep_reasoning 已关闭），未经核实的答案可能有误。请在启用 deep_reasoning 功能的部署上提问。",
}
_OFFLINE = {
    "en": "This deployment does not search the web (realtime search is off) and has no verified answer "
          "to this question on hand, so I can't answer it reliably.",
    "zh": "此部署未启用实时搜索，也没有这个问题的已核实答案，因此无法可靠地回答。",
}


def needs_missing_capability(state: GraphState, capabilities: frozenset[str]) -> str | None:
    """The capability this question needs and the deployment lacks, if any."""
    intent = state["intent"]
    if intent.answer_type == "code" and not intent.needs_fresh and "code_gen" not in capabilities:
        return "code_gen"
    if intent.arithmetic and "deep_reasoning" not in capabilities:
        return "deep_reasoning"
    if intent.needs_fresh and "realtime_search" not in capabilities:
        return "realtime_search"
    return None


def decline(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    missing = needs_missing_capability(state, ctx.capabilities) or "realtime_search"
    language = "zh" if state["intent"].language.startswith("zh") else "en"
    with ctx.trace.node("decline", f"capability {missing} is off") as entry:
        text = {"code_gen": _CODE, "deep_reasoning": _REASONING}.get(missing, _OFFLINE)[language]
        answer = Answer(question=state["question"], status="abstained", text=text,
                        warnings=[f"capability {missing} is disabled on this deployment"])
        entry["output"] = f"abstained: {missing} disabled"
    update: dict = {"answer": answer}
    if missing == "realtime_search":
        update["evidence"] = []  # no source was consulted: the cache may answer instead
    return update
