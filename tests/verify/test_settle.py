"""settle(): one frozen verdict from the tallied candidates, with the overrides in one place."""

import dataclasses
from types import SimpleNamespace

import pytest

from orchestrator.context import CAPABILITIES
from orchestrator.state import Candidate, Support
from orchestrator.verify.settle import Verdict, settle
from tests.verify.test_agreement import POLICY, page

CTX = SimpleNamespace(policy=POLICY, model=None, capabilities=CAPABILITIES)  # no model: the reader stands aside


def named(value, *sources):
    return Candidate(value=value, display=value, kind="person",
                     supports=[Support(source=s, quote=value, weight=1.0, why="media") for s in sources], score=len(sources))


def test_names_side_by_side_abstain_without_a_reading():
    evidence = [page("https://a.example/x", "Ann Lee and Bo Chan"), page("https://b.example/y", "Bo Chan and Ann Lee"),
                page("https://c.example/z", "Ann Lee, Bo Chan")]
    verdict = settle(CTX, "Who won?", "person", [named("Ann Lee", 0, 2), named("Bo Chan", 1, 2)], evidence, None)
    assert isinstance(verdict, Verdict) and verdict.status == "abstained"  # the rules said conflict: names are not rivals
    assert verdict.winner is None and "several candidates ('Ann Lee', 'Bo Chan')" in verdict.reason
    assert not verdict.read and verdict.read_note is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        verdict.status = "answered"  # type: ignore[misc]


def test_person_answer_takes_the_fullest_name_the_sources_give():
    evidence = [page("https://a.example/x", "Lee won."), page("https://b.example/y", "Ann Lee won the vote.")]
    verdict = settle(CTX, "Who won?", "person", [named("Lee", 0, 1), named("Ann Lee", 1)], evidence, None)
    assert verdict.status == "answered" and verdict.winner.value == "Ann Lee"


def test_closed_choices_without_support_give_no_winner():
    verdict = settle(CTX, "Which?", "text", [], [page("https://a.example/x", "nothing")], ["A", "B"])
    assert verdict.status == "abstained" and verdict.winner is None and verdict.ordered == ()
