"""The counts the number reader gives for a question in one sentence, with the shipped policy."""

from __future__ import annotations

from orchestrator.policy import load_policy
from orchestrator.verify.candidates import number_candidates
from orchestrator.verify.passages import Passage
from orchestrator.verify.question import keywords
from tests.conftest import ROOT

POLICY = load_policy(ROOT / "policies" / "default.yaml")


def numbers(question: str, text: str) -> list[str]:
    """The values read as tallies of what ``question`` asks, from ``text`` as one passage."""
    return [f.value for f in number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question),
                                               POLICY.measures, POLICY.aliases, tally=True)]
