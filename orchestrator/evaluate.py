"""``orchestrator eval``: replay every pack under a directory and score the answers."""

from __future__ import annotations

import json
import re
import statistics
import string
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from orchestrator.answer import Answer
from orchestrator.errors import ModelUnavailable, OrchestratorError, PackInvalid
from orchestrator.net.replay import ReplayTransport
from orchestrator.replay.pack import Case, load_pack
from orchestrator.sources import extract

T = TypeVar("T")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = "".join(" " if ch in string.punctuation or unicodedata.category(ch).startswith("P") else ch for ch in text)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def _tokens(text: str) -> list[str]:
    norm = normalise(text)
    # CJK text has no spaces: compare it character by character.
    return [t for word in norm.split() for t in (list(word) if re.search(r"[\u4e00-\u9fff]", word) else [word])]


def f1(prediction: str, gold: str) -> float:
    pred, ref = _tokens(prediction), _tokens(gold)
    common = sum((Counter(pred) & Counter(ref)).values())
    if not pred or not ref or not common:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def golds(case: Case) -> list[str]:
    expected = case.expected or {}
    return [g for g in [expected.get("answer"), *(expected.get("alternatives") or [])] if g]


def quotes_verify(answer: Answer, case_dir: Path) -> tuple[int, int]:
    """(verified, total) citations: each quote must be in the page's text extracted anew."""
    pack = load_pack(case_dir)
    transport = ReplayTransport(pack)
    verified = 0
    for citation in answer.citations:
        recorded = transport.lookup("GET", citation.url)
        body = (recorded.body.string if recorded and recorded.body else None) or ""
        if body and citation.quote in extract(body, citation.url, pack.case.asked_at).text:
            verified += 1
    return verified, len(answer.citations)


@dataclass
class Scores:
    packs: int = 0
    crashes: int = 0
    invalid: int = 0  # malformed packs, refused before they run: bad data, not a crash
    answered: int = 0
    abstained: int = 0
    conflicts: int = 0
    exact: int = 0
    exact_when_answered: int = 0
    f1_total: float = 0.0
    with_choices: int = 0
    choice_correct: int = 0
    with_gold: int = 0
    citations: int = 0
    citations_verified: int = 0
    seconds: list[float] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        def ratio(a: float, b: int) -> float | None:
            return round(a / b, 3) if b else None

        answered_scored = self.answered
        secs = sorted(self.seconds)
        return {
            "packs": self.packs, "crashes": self.crashes, "invalid": self.invalid,
            "exact_match": ratio(self.exact, self.with_gold), "f1": ratio(self.f1_total, self.with_gold),
            "mc_accuracy": ratio(self.choice_correct, self.with_choices),
            "answered": self.answered, "abstained": self.abstained, "conflicts": self.conflicts,
            # of the packs scored: an invalid pack or a crash has no answer to abstain with
            "abstention_rate": ratio(self.abstained, self.packs - self.invalid - self.crashes),
            "precision_when_answered": ratio(self.exact_when_answered, answered_scored),
            "citation_faithfulness": ratio(self.citations_verified, self.citations),
            "citations": self.citations,
            "p50_s": round(statistics.median(secs), 2) if secs else None,
            "p95_s": round(secs[min(len(secs) - 1, int(len(secs) * 0.95))], 2) if secs else None,
        }


def evaluate(
    directory: Path,
    ask: Callable[..., Answer],
    *,
    use_choices: bool = True,
    limit: int | None = None,
    out: Path | None = None,
    on_result: Callable[[str, dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    from orchestrator.replay.pack import find_packs

    packs = find_packs(directory)[:limit] if limit else find_packs(directory)
    if not packs:  # a mistyped folder must not pass as a clean evaluation
        raise PackInvalid(f"no packs under {directory} (a pack is a folder holding case.json and cassette.json)")
    scores = Scores()

    def ask_one(case_dir: Path) -> tuple[str, Answer, Case]:
        case = load_pack(case_dir).case
        kwargs: dict[str, Any] = {} if use_choices else {"choices": []}
        return case.id, ask(replay=case_dir, **kwargs), case

    def score_one(case_dir: Path, answer: Answer, case: Case) -> None:
        _score(scores, case, answer, case_dir, use_choices)

    record_each(packs, lambda case_dir: case_dir.name, ask_one, score_one, scores, out=out, on_result=on_result)
    return scores.summary()


def record_each(items: Iterable[T], name_of: Callable[[T], str], ask_one: Callable[[T], tuple[str, Answer, Any]],
                score_one: Callable[[T, Answer, Any], None], scores: Scores, *, out: Path | None = None,
                on_result: Callable[[str, dict[str, Any]], None] | None = None) -> None:
    """Ask each item (timed), then score it (untimed); a failing item is invalid (a malformed
    pack) or a crash, not an end.
    Each writes one ``{"id", "seconds", "answer"}`` (or ``"error"``) line to ``out``."""
    sink = out.open("w", encoding="utf-8") if out else None
    try:
        for item in items:
            scores.packs += 1
            started = time.perf_counter()
            try:
                record_id, answer, extra = ask_one(item)
            except ModelUnavailable:  # the configuration's: every item would fail alike
                raise
            except Exception as exc:  # a bad pack or a bug: this item's, and the run goes on
                if isinstance(exc, PackInvalid):
                    scores.invalid += 1
                else:
                    scores.crashes += 1
                error = str(exc) if isinstance(exc, OrchestratorError) else \
                    f"internal error: {type(exc).__name__}" + (f": {exc}" if str(exc) else "")
                record = {"id": name_of(item), "seconds": round(time.perf_counter() - started, 3), "error": error}
            else:
                seconds = time.perf_counter() - started
                scores.seconds.append(seconds)
                score_one(item, answer, extra)
                record = {"id": record_id, "seconds": round(seconds, 3), "answer": answer.model_dump(mode="json")}
            if sink:
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                sink.flush()
            if on_result:
                on_result(name_of(item), record)
    finally:
        if sink:
            sink.close()


def _score(scores: Scores, case: Case, answer: Answer, case_dir: Path, use_choices: bool) -> None:
    score_answer(scores, case, answer, use_choices, quotes_verify(answer, case_dir))


def score_answer(scores: Scores, case: Case, answer: Answer, use_choices: bool, citations: tuple[int, int]) -> None:
    """Count one answer: its status, its (verified, total) citations, exact match, F1, choice."""
    scores.answered += answer.status in ("answered", "local")
    scores.abstained += answer.status == "abstained"
    scores.conflicts += answer.status == "conflict"
    verified, total = citations
    scores.citations += total
    scores.citations_verified += verified
    gold = golds(case)
    if gold:
        scores.with_gold += 1
        predicted = answer.answer or ""
        hit = any(normalise(predicted) == normalise(g) for g in gold) if predicted else False
        scores.exact += hit
        scores.exact_when_answered += hit and answer.status in ("answered", "local")
        scores.f1_total += max(f1(predicted, g) for g in gold) if predicted else 0.0
    expected_index = (case.expected or {}).get("choice_index")
    if use_choices and case.choices and expected_index is not None:
        scores.with_choices += 1
        scores.choice_correct += answer.choice_index == expected_index
