"""``orchestrator eval DIR --kb DOCS``: an archive set (../shared/PACKS.md): the questions of
DIR/cases.jsonl answered with a knowledge base as the only source, no network, each case's
clock (and so the documents' cut-off) at its asked_at. Scored like packs, plus retrieval:
whether a document the run read holds an expected answer string. Citations are checked
against the documents themselves (a quote must be in the document's title or text)."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from orchestrator.answer import Answer
from orchestrator.errors import PackInvalid
from orchestrator.evaluate import Scores, golds, record_each, score_answer
from orchestrator.kb.index import KnowledgeBase
from orchestrator.replay.pack import Case

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
            cases.append(Case.model_validate({"search": ARCHIVE_SEARCH, **raw}))
        except ValueError as exc:  # JSONDecodeError, ValidationError
            first = str(exc).splitlines()
            raise PackInvalid(f"{path}:{number}: {first[0] if first else exc}") from exc
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
    run_case: Callable[[Case], tuple[Answer, list[str]]],
    *,
    limit: int | None = None,
    sample: int | None = None,
    seed: int = 0,
    use_choices: bool = True,
    out: Path | None = None,
    on_result: Callable[[str, dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """``run_case(case) -> (answer, urls of the documents read)`` for every chosen case."""
    cases = pick(read_cases(directory), limit, sample, seed)
    scores = Scores()
    recall = [0, 0]  # cases whose documents read hold the expected answer, cases with an expected answer

    def ask_one(case: Case) -> tuple[str, Answer, list[str]]:
        answer, read = run_case(case if use_choices else case.model_copy(update={"choices": None}))
        return case.id, answer, read

    def score_one(case: Case, answer: Answer, read: list[str]) -> None:
        documents = {url: kb.document(url) for url in dict.fromkeys(read)}
        verified = sum(1 for c in answer.citations if (d := documents.get(c.url) or kb.document(c.url))
                       and (c.quote in d.text or c.quote in d.title))
        score_answer(scores, case, answer, use_choices, (verified, len(answer.citations)))
        answers = golds(case)
        if answers:
            recall[1] += 1
            recall[0] += any(d is not None and holds(d.title + "\n" + d.text, answers) for d in documents.values())

    record_each(cases, lambda case: case.id, ask_one, score_one, scores, out=out, on_result=on_result)
    summary = scores.summary()
    summary["retrieval_recall"] = round(recall[0] / recall[1], 3) if recall[1] else None
    return {"cases": summary.pop("packs"), **summary}


def archive_runner(kb: KnowledgeBase, **options: Any) -> Callable[[Case], tuple[Answer, list[str]]]:
    """Each case asked with the knowledge base as its only source, no network, the clock at
    its asked_at; returns the answer and the documents the run read (from its trace)."""
    from orchestrator.api import prepare_run, save_run
    from orchestrator.graph import build_graph
    from orchestrator.net.limited import NoNetworkTransport

    def run_case(case: Case) -> tuple[Answer, list[str]]:
        run = prepare_run(case.question, choices=case.choices, now=case.asked_at, language=case.language,
                          knowledge_base=kb, sources=["kb"], transport=NoNetworkTransport(), cache=False, **options)
        result = asyncio.run(build_graph().ainvoke(run.state, context=run.ctx))
        answer = save_run(run, result["answer"])
        read = [f["url"] for f in run.ctx.trace.fetches if f.get("kind") == "page" and not f.get("failure")]
        return answer, read

    return run_case
