"""``orchestrator eval DIR --kb DOCS``: an archive set (../shared/PACKS.md): the questions of
DIR/cases.jsonl answered with a knowledge base as the only source, no network, each case's
clock (and so the documents' cut-off) at its asked_at. Scored like packs, plus retrieval:
whether a document the run read holds an expected answer string, and whether one read inside
the question's freshness window does (only those can make an answer: the honest ceiling of
exact match). Citations are checked against the documents themselves (a quote must be in the
document's title or text)."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from orchestrator.answer import Answer
from orchestrator.errors import PackInvalid
from orchestrator.evaluate import Scores, golds, record_each, score_answer
from orchestrator.kb.index import KnowledgeBase
from orchestrator.replay.pack import Case, invalid_field

ARCHIVE_SEARCH = {"provider": "knowledge_base", "base_url": "http://kb.invalid"}  # cases.jsonl has no search field


def read_cases(directory: Path) -> list[Case]:
    path = directory / "cases.jsonl"
    if not path.is_file():
        raise PackInvalid(f"{directory}: no cases.jsonl (an archive set holds cases.jsonl and a documents file)")
    cases = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise PackInvalid(f"{path}: cannot read ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as exc:
            raise PackInvalid(f"{path}:{number}: not JSON ({exc})") from exc
        if not isinstance(raw, dict):
            raise PackInvalid(f"{path}:{number}: a case must be a JSON object")
        try:
            cases.append(Case.model_validate({"search": ARCHIVE_SEARCH, **raw}))
        except ValidationError as exc:
            raise PackInvalid(f"{path}:{number}: {invalid_field(exc)}") from exc
    if not cases:
        raise PackInvalid(f"{path}: no cases")
    return cases


def pick(items: list, limit: int | None = None, sample: int | None = None, seed: int = 0) -> list:
    """A seeded random sample of ``sample`` items in their order, then the first ``limit``."""
    if sample is not None and sample < len(items):
        chosen = set(random.Random(seed).sample(range(len(items)), sample))
        items = [item for i, item in enumerate(items) if i in chosen]
    return items[:limit] if limit else items


def holds(text: str, answers: list[str]) -> bool:
    folded = text.casefold()
    return any(a.casefold() in folded for a in answers if a.strip())


def evaluate_archive(
    directory: Path,
    kb: KnowledgeBase,
    run_case: Callable[[Case], tuple[Answer, list[str], list[str]]],
    *,
    limit: int | None = None,
    sample: int | None = None,
    seed: int = 0,
    use_choices: bool = True,
    out: Path | None = None,
    on_result: Callable[[str, dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """``run_case(case) -> (answer, urls of the documents read, those of them inside the
    question's freshness window)`` for every chosen case."""
    cases = pick(read_cases(directory), limit, sample, seed)
    scores = Scores()
    # cases with an expected answer; those a document read holds; those a current one does
    recall = {"cases": 0, "read": 0, "current": 0}

    def ask_one(case: Case) -> tuple[str, Answer, tuple[list[str], list[str]]]:
        answer, read, current = run_case(case if use_choices else case.model_copy(update={"choices": None}))
        return case.id, answer, (read, current)

    def score_one(case: Case, answer: Answer, urls: tuple[list[str], list[str]]) -> None:
        read, current = urls
        documents = {url: kb.document(url) for url in dict.fromkeys(read)}
        verified = sum(1 for c in answer.citations if (d := documents.get(c.url) or kb.document(c.url))
                       and (c.quote in d.text or c.quote in d.title))
        score_answer(scores, case, answer, use_choices, (verified, len(answer.citations)))
        answers = golds(case)
        if answers:
            holding = {url for url, d in documents.items() if d is not None and holds(d.title + "\n" + d.text, answers)}
            recall["cases"] += 1
            recall["read"] += bool(holding)
            recall["current"] += bool(holding & set(current))

    record_each(cases, lambda case: case.id, ask_one, score_one, scores, out=out, on_result=on_result)
    summary = scores.summary()
    for figure, count in (("retrieval_recall", recall["read"]), ("retrieval_current", recall["current"])):
        summary[figure] = round(count / recall["cases"], 3) if recall["cases"] else None
    return {"cases": summary.pop("packs"), **summary}


def archive_runner(kb: KnowledgeBase, **options: Any) -> Callable[[Case], tuple[Answer, list[str], list[str]]]:
    """Each case asked with the knowledge base as its only source, no network, the clock at
    its asked_at; returns the answer, the documents the run read (from its trace) and those of
    them inside the question's freshness window."""
    from orchestrator.api import prepare_run, save_run
    from orchestrator.graph import build_graph
    from orchestrator.net.limited import NoNetworkTransport
    from orchestrator.verify.agreement import stale_sources

    def run_case(case: Case) -> tuple[Answer, list[str], list[str]]:
        run = prepare_run(case.question, choices=case.choices, now=case.asked_at, language=case.language,
                          knowledge_base=kb, sources=["kb"], transport=NoNetworkTransport(), cache=False, **options)
        result = asyncio.run(build_graph().ainvoke(run.state, context=run.ctx))
        answer = save_run(run, result["answer"])
        read = [f["url"] for f in run.ctx.trace.fetches if f.get("kind") == "page" and not f.get("failure")]
        # from the evidence, not findings.stale_sources: a cross-check that stops early
        # ("no passage matches") leaves that empty
        evidence, plan = result.get("evidence", []), result.get("plan")
        stale = stale_sources(evidence, run.ctx.clock(), plan.freshness_days) if plan else {}
        current = [e.url for i, e in enumerate(evidence) if e.ok and i not in stale]
        return answer, read, current

    return run_case
