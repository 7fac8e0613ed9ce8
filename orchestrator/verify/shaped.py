"""Candidates for the question shapes beyond one value (shapes.py, lists.py), by answer
type: the one entry point the cross-check calls for them."""

from __future__ import annotations

import re
from datetime import timedelta

from orchestrator.state import Evidence, Intent
from orchestrator.verify.agreement import AUTHORITY, superseded_values
from orchestrator.verify.candidates import Found
from orchestrator.verify.lists import list_candidates
from orchestrator.verify.passages import Passage, rank_passages, split_passages
from orchestrator.verify.shapes import comparison_candidates, comparison_options
from orchestrator.verify.yes_no import yes_no_candidates

SHAPE_TYPES = ("yes_no", "comparison", "list")
# "Does China lead ...?", "Is he still CEO?": a state that holds now, not an event that happened
_PRESENT_STATE = re.compile(r"\s*(?:is|are|does|do)\b", re.I)


def shaped_candidates(intent: Intent, question: str, evidence: list[Evidence], passages: list[Passage],
                      subject: list[Passage], policy) -> list[Found]:
    """``passages``: ranked against the question; ``subject``: those about its subject."""
    texts = {i: e.text for i, e in enumerate(evidence) if e.ok}
    if intent.answer_type == "yes_no":
        titles = {i: e.title or "" for i, e in enumerate(evidence)}
        years = {i: e.published_at.year for i, e in enumerate(evidence) if e.published_at}
        # the claim's passages need not name the question's other things (its own check sees to
        # the subject, the other names and the scene); a number claim reads those on the subject
        found = yes_no_candidates(passages, subject, texts, titles, question, policy, years,
                                  lambda found: superseded_values(found, evidence, {}))
        return still_held(found, subject, evidence) if _PRESENT_STATE.match(question) else found
    if intent.answer_type == "comparison":
        options = comparison_options(question, policy.aliases)
        if not options:
            return []
        # Every sentence of every page: a number for each option must come from one page,
        # and its sentences need not share the question's words (or its language).
        every = rank_passages(intent.terms, [p for i, t in texts.items() for p in split_passages(t, i)],
                              {i: e.title or "" for i, e in enumerate(evidence)})
        return comparison_candidates(every, texts, question, options, policy)
    return list_candidates(passages, texts, question, policy, intent.language)


def still_held(found: list[Found], subject: list[Passage], evidence: list[Evidence]) -> list[Found]:
    """A present state ("Does China lead the gold count?") is known to hold only as of the
    newest report on the question's subject: a claim that only pages more than a day older
    than such a report (of a tier at least as high) make is no longer known to hold. "China
    leads with 11 golds" (2 August) says nothing once the final table of 11 August is read."""
    def dated(source: int):
        page = evidence[source]
        return page.published_at, AUTHORITY.get(page.tier, 0)
    reports = [dated(p.source) for p in subject if evidence[p.source].published_at]

    def current(f: Found) -> bool:
        when, tier = dated(f.passage.source)
        return when is None or not any(d > when + timedelta(days=1) and t >= tier for d, t in reports)
    return [f for f in found if current(f)]
