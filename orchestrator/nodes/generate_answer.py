"""Phrase the verdict. Value, as-of date, quotes and URLs come from the findings; a template
words the sentence (the model only with ``wording="model"``: ``model_words`` is the one
switch), and a model sentence that states anything unverified is replaced by a template.
Quotes are re-checked as literal substrings before the answer leaves."""

from __future__ import annotations

import re
from textwrap import shorten

from langgraph.runtime import Runtime

from orchestrator.answer import Answer, Citation, ConflictEntry
from orchestrator.context import RunContext
from orchestrator.errors import ModelError
from orchestrator.model.calls import call_model
from orchestrator.nodes.rank_clause import with_rank
from orchestrator.nodes.shape_text import shape_sentence
from orchestrator.prompts import as_of_zh, phrase_messages, read_sentence
from orchestrator.sentence_guard import in_language, rival_values, unverified_mentions
from orchestrator.state import Candidate, Evidence, Findings, GraphState
from orchestrator.verify.agreement import is_current, single_source_caution, stands_alone
from orchestrator.verify.answer_types import NAME_KINDS
from orchestrator.verify.date_parts import ISO_DAY, is_date_part
from orchestrator.verify.measures import question_measure
from orchestrator.verify.name_forms import without_asked_kind
from orchestrator.verify.numbers import amount_marks, find_numbers
from orchestrator.verify.quotes import states_claim, verified_citations
from orchestrator.verify.shaped import SHAPE_TYPES
from orchestrator.wording import (
    NO_MODEL_WARNING,
    PHRASING_FAILED,
    abstain_text,
    answer_sentence,
    as_of_text,
    conflict_text,
    value_text,
)

MAX_CITATIONS = 3
RIVAL_SHARE = 0.4  # a value with at least this share of the winner's support is named in the warnings
_TIER_ORDER = {"official": 0, "media": 1, "other": 2}


def _measure(ctx: RunContext, state: GraphState) -> str | None:
    intent = state["intent"]
    return question_measure(intent.reading or state["question"], ctx.policy.measures) if intent.answer_type == "number" else None


def template_sentence(ctx: RunContext, state: GraphState, value: str, display: str, as_of: str | None) -> str:
    """The question language's template (orchestrator/wording.py); a count names the measure asked."""
    return answer_sentence(state["intent"].language, value, display, as_of, _measure(ctx, state))


def citations_for(winner: Candidate, evidence: list[Evidence]) -> list[Citation]:
    supports = [s for s in winner.supports if not s.superseded] or winner.supports
    limit = len(supports) if winner.kind == "list" else MAX_CITATIONS  # a list cites each of its items
    supports = sorted(supports, key=lambda s: (_TIER_ORDER[evidence[s.source].tier], -s.weight))[:limit]
    out = []
    for n, support in enumerate(supports, start=1):
        ev = evidence[support.source]
        out.append(Citation(n=n, url=ev.url, title=ev.title, publisher=ev.publisher, tier=ev.tier,
                            published_at=ev.published_at.date().isoformat() if ev.published_at else None,
                            quote=support.quote))
    return out


def sentence_is_faithful(sentence: str, value: str, allowed_text: str) -> bool:
    """The sentence must state the value and no number that the evidence and date don't hold."""
    if not sentence or not states_value(sentence, value):
        return False
    allowed = {m.value for m in find_numbers(allowed_text)}
    return all(m.value in allowed for m in find_numbers(sentence))


def states_value(sentence: str, value: str) -> bool:
    """A number as a number of the sentence other than a date's day or year (rank 1 is not
    stated by "August 11, 2024", nor 40 by "4,000"); a name as a whole word."""
    try:
        number = float(value.replace(",", ""))
    except ValueError:
        low = value.lower()
        if not low.isascii():  # CJK has no spaces to bound a word by
            return low in sentence.lower()
        return re.search(rf"(?<!\w){re.escape(low)}(?!\w)", sentence.lower()) is not None
    return any(m.value == number and not is_date_part(sentence, m) for m in find_numbers(sentence))


def model_words(ctx: RunContext) -> bool:
    """The one switch between template and model wording. The model decides (the reader,
    a span) but words nothing unless asked (``--wording model``, the policy's or profile's
    ``wording``): a template states the checked value at once, where the model took ~30
    tokens to say the same and a guard might still replace it."""
    return ctx.model is not None and ctx.wording == "model"


def phrasing_failed(exc: Exception) -> str:
    """The warning for a model that failed to word the answer; its error cut at a word."""
    return f"{PHRASING_FAILED} ({shorten(str(exc), 80, placeholder=' …')}); template used"


def phrase(ctx: RunContext, state: GraphState, value: str, display: str, as_of: str | None,
           quotes: list[str], warnings: list[str]) -> str:
    language = state["intent"].language
    template = template_sentence(ctx, state, value, display, as_of)
    if ctx.model is None:
        warnings.append(NO_MODEL_WARNING)
    if not model_words(ctx):
        ctx.progress("text", template)  # the sentence "streams" as one piece, as a model's would
        return template
    ctx.progress("stage", "writing the answer")
    try:
        # Plain text, no grammar: the sentence streams as written and its first token
        # comes sooner; it is checked below like any model output.
        said = value_text(language, value, display, _measure(ctx, state))  # "40 médailles d'or": the model copies it
        reply = call_model(ctx, "phrase_answer", phrase_messages(state["question"], language, said, as_of, quotes),
                           max_tokens=96, stop=["\n"], stream=True)
    except ModelError as exc:
        warnings.append(phrasing_failed(exc))
        return template
    sentence = read_sentence(reply)
    dates = f"{as_of} {as_of_zh(as_of)} {as_of_text(as_of, language)}" if as_of else ""
    allowed = " ".join(quotes) + " " + dates + " " + state["question"]
    if not sentence_is_faithful(sentence, value, allowed):
        warnings.append("model sentence stated something unverified; template used")
        return template
    if not in_language(sentence, language, ctx.settings.data_dir):
        warnings.append("model sentence was not in the question's language; template used")
        return template
    # A quote can carry a hostile page's words: no rival name, URL or talk of instructions.
    mentions = unverified_mentions(sentence, value, state["question"],
                                   rival_values(state["findings"].candidates, state.get("choices"), value))
    if mentions:
        warnings.append(f"model sentence mentioned {mentions[0]}; template used")
        return template
    return re.sub(r"\s*\[\d+\]", "", sentence)


def build_answer(state: GraphState, ctx: RunContext) -> Answer:
    findings: Findings = state["findings"]
    evidence = state["evidence"]
    question, language = state["question"], state["intent"].language
    warnings = list(findings.rejected)
    if findings.verdict == "conflict":
        top = rivals(findings, evidence)
        conflicts = [ConflictEntry(value=c.value, sources=sorted({evidence[s.source].url for s in c.supports})) for c in top]
        listing = "; ".join(f"{c.value} ({', '.join(evidence[s.source].publisher or '?' for s in c.supports)})" for c in top)
        text = conflict_text(language, listing)
        return Answer(question=question, status="conflict", text=text, conflicts=conflicts, warnings=warnings + [findings.reason])
    if findings.verdict == "abstained" or findings.value is None:
        return _abstain(question, language, warnings + [findings.reason], findings.choice_index)
    winner = next(c for c in findings.candidates if c.value == findings.value)
    if state.get("choices") and winner.choice_index is None:  # a tie of two choices is neither of them
        return _abstain(question, language, warnings + [f"the sources state {winner.display}, which is none of the choices"])
    citations, dropped = verified_citations(citations_for(winner, evidence), {e.url: e for e in evidence})
    warnings += dropped
    # A choice's quote states the choice by construction (verify/choices.py); a yes/no, a
    # comparison or a list is checked claim by claim where it is found (verify/shapes.py, lists.py).
    if not state.get("choices") and winner.kind not in SHAPE_TYPES:
        aliases = ctx.policy.aliases
        stating = [c for c in citations if states_claim(c.quote, findings.value, winner.display, state["intent"].terms,
                                                        countries=winner.kind == "country", aliases=aliases,
                                                        language=language)]
        warnings += [f"a quote from {c.publisher or c.url} left out: it does not state {winner.display!r} about the question"
                     for c in citations if c not in stating]
        if stating and len(stating) < len(citations):  # the answer now stands on the sources left
            left = _standing_on(winner, evidence, {c.url for c in stating})
            lone = single_source_caution(left, evidence, ctx.policy)
            if not stands_alone(left, evidence, ctx.policy):
                return _abstain(question, language, warnings + [f"after the quote check, {lone}; the policy needs "
                                                                f"{ctx.policy.rules.min_sources} or a trusted one"])
            if lone is not None and lone not in findings.cautions:
                warnings.append(lone)
        citations = stating
    if not citations:
        return _abstain(question, language, warnings + ["no citation survived the quote check"])
    citations = [c.model_copy(update={"n": i}) for i, c in enumerate(citations, start=1)]
    # Other names a passage gives beside the answer are bystanders, not rival claims; so are
    # the other choices a page writes anywhere ("64", France's total, beside Britain's 65).
    bystanders = winner.kind in (*NAME_KINDS, "list") or bool(state.get("choices"))
    warnings += findings.cautions + ([] if bystanders else other_values(findings, evidence))
    shaped = None if state.get("choices") else shape_sentence(winner.kind, language, findings.value, winner.display,
                                                              findings.as_of, state["intent"].reading or question,
                                                              ctx.policy.aliases)
    # a date as the page wrote it ("on Sunday") is said as the day it is ("March 2, 2025")
    said = as_of_text(findings.value, language) if ISO_DAY.fullmatch(findings.value) else winner.display
    sentence = shaped or phrase(ctx, state, findings.value, said, findings.as_of, [c.quote for c in citations], warnings)
    if findings.rank is not None:
        citations, sentence = with_rank(findings.rank, citations, sentence, evidence, language)
    markers = "".join(f"[{c.n}]" for c in citations)
    open_question = "" if state.get("choices") else question  # a choice is answered as written
    return Answer(question=question, status="answered", answer=short_answer(findings.value, winner, open_question),
                  choice_index=findings.choice_index,
                  text=f"{sentence} {markers}", as_of=findings.as_of, citations=citations, warnings=warnings)


def _standing_on(winner: Candidate, evidence: list[Evidence], urls: set[str]) -> Candidate:
    """``winner`` with only the supports from the pages at ``urls``."""
    return winner.model_copy(update={"supports": [s for s in winner.supports if evidence[s.source].url in urls]})


def _credible(candidate: Candidate, evidence: list[Evidence]) -> list:
    return [s for s in candidate.supports if evidence[s.source].tier in ("official", "media") and is_current(s)]


def rivals(findings: Findings, evidence: list[Evidence]) -> list[Candidate]:
    """The leading value, then the others credible sources give: any that two independent
    credible sources state, or one with a fair share of the leader's weight."""
    live = [c for c in findings.candidates if c.score > 0]
    if not live:
        return []
    top = live[0] if findings.value is None else next((c for c in live if c.value == findings.value), live[0])
    others = [c for c in live if c is not top and _credible(c, evidence)
              and (len(_credible(c, evidence)) >= 2 or c.score >= RIVAL_SHARE * top.score)]
    return [top] + others[:3]


def short_answer(value: str, winner: Candidate, question: str = "") -> str:
    """The compared value ("40", not "40枚"), except an amount whose currency, percent sign or
    scale word is part of it: "$5 million", not "5000000"; a name without the kind the open
    ``question`` names before it ("Erin" for "the name of the hurricane")."""
    if winner.kind == "number" and amount_marks(winner.display):
        return winner.display
    return without_asked_kind(value, question) if question and winner.kind in NAME_KINDS else value


def other_values(findings: Findings, evidence: list[Evidence]) -> list[str]:
    """Never pick silently: name the other values credible sources gave, and the rule applied."""
    notes = []
    for c in rivals(findings, evidence)[1:]:
        who = ", ".join(f"{evidence[s.source].publisher} ({_date_of(evidence[s.source])})" for s in _credible(c, evidence)[:3])
        notes.append(f"also reported: {c.value} by {who}; chosen by rule: {findings.reason}")
    return notes


def _date_of(item: Evidence) -> str:
    return item.published_at.date().isoformat() if item.published_at else "undated"


def _abstain(question: str, language: str, warnings: list[str], choice_index: int | None = None) -> Answer:
    """No verified answer. Among closed choices the best unverified pick is still reported
    in ``choice_index``, and the warnings say it is unverified."""
    text = abstain_text(language)
    return Answer(question=question, status="abstained", text=text, choice_index=choice_index,
                  warnings=[w for w in warnings if w])


def generate_answer(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    with ctx.trace.node("generate_answer", f"verdict={state['findings'].verdict}") as entry:
        answer = build_answer(state, ctx)
        entry["output"] = f"{answer.status}: {answer.answer}"
    return {"answer": answer}
