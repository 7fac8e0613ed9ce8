"""False premises: "how many times has X won Y" answered 0 where a passage states X never
did. No other number is invented for a count that never happened."""

from __future__ import annotations

import re

from orchestrator.verify.candidates import Found
from orchestrator.verify.entities import countries_in
from orchestrator.verify.measures import question_measure
from orchestrator.verify.passages import Passage
from orchestrator.verify.question import inflected, is_cjk
from orchestrator.verify.shapes import _CLAUSE, CLAIM_COVERAGE, TIMES, ZERO, _coverage, _find, _terms

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def never_candidates(subject_passages: list[Passage], question: str, policy) -> list[Found]:
    """"0" where a passage about the question's subject states that it never happened
    ("has never won the title", "从未夺得"): the honest count of a false premise. A question
    bound to one occasion by its year ("at the Paris 2024 Olympics") is also answered 0 by a
    plain denial ("did not win a gold medal"), which says nothing of all time otherwise. The
    denial is the subject's: every country named before it is one the question names; and it
    denies the measure the question asks for, where it asks for one: "did not win a gold
    medal" says nothing of how many silvers."""
    if not TIMES.search(question):
        return []
    groups = inflected([g for g in _terms(question, policy) if not any(w in ("times", "often", "次") for w in g)],
                       policy.shapes.predicates)
    denials = [w.lower() for w in [*policy.shapes.never, *(policy.shapes.negations if _YEAR.search(question) else [])]]
    subjects = {code for _, code in countries_in(question, policy.aliases)}
    measure = question_measure(question, policy.measures)
    measured = [list(policy.measures[measure])] if measure else []
    out = []
    for passage in subject_passages:
        low = passage.text.lower()
        if _coverage(groups, low) < CLAIM_COVERAGE:
            continue
        at = 0
        for clause in _CLAUSE.split(low):
            at = low.find(clause, at)
            hits = [i for w in denials if (i := _find(clause, w)) >= 0]
            if hits and _coverage(groups, clause) > 0 and (not measured or _coverage(measured, clause) > 0):
                before = {code for _, code in countries_in(passage.text[:at + min(hits)], policy.aliases)}
                if subjects and not before <= subjects:
                    continue  # "China won 40, and India did not win one": not China's denial
                out.append(Found(ZERO, "0（从未）" if is_cjk(question) else "0 (never)", passage, passage.score))
                break
    return out
