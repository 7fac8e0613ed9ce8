"""False premises: "how many times has X won Y" answered 0 where a passage states X never
did. No other number is invented for a count that never happened."""

from __future__ import annotations

from orchestrator.verify.candidates import Found
from orchestrator.verify.passages import Passage
from orchestrator.verify.question import is_cjk
from orchestrator.verify.shapes import _CLAUSE, CLAIM_COVERAGE, TIMES, ZERO, _coverage, _find, _terms


def never_candidates(subject_passages: list[Passage], question: str, policy) -> list[Found]:
    """"0" where a passage about the question's subject states that it never happened
    ("has never won the title", "从未夺得"): the honest count of a false premise."""
    if not TIMES.search(question):
        return []
    groups = [g for g in _terms(question, policy) if not any(w in ("times", "often", "次") for w in g)]
    out = []
    for passage in subject_passages:
        low = passage.text.lower()
        if _coverage(groups, low) < CLAIM_COVERAGE:
            continue
        for clause in _CLAUSE.split(low):
            if any(_find(clause, w.lower()) >= 0 for w in policy.shapes.never) and _coverage(groups, clause) > 0:
                out.append(Found(ZERO, "0（从未）" if is_cjk(question) else "0 (never)", passage, passage.score))
                break
    return out
