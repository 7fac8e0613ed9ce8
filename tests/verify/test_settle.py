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


def choice(value, index, *sources):
    return named(value, *sources).model_copy(update={"choice_index": index, "kind": "text"})


@pytest.mark.parametrize("question", ["Which of these women did not fly on the mission?",
                                      "Which of the following people is not on the council?", "Who did not attend?"])
def test_a_question_that_selects_by_negation_is_never_answered_by_a_stated_value(question):
    evidence = [page("https://a.example/x", "Ann Lee and Bo Chan flew."), page("https://b.example/y", "Bo Chan flew.")]
    verdict = settle(CTX, question, "person", [named("Bo Chan", 0, 1), named("Ann Lee", 0)], evidence, None)
    assert verdict.status == "abstained" and verdict.winner is None and "which one is not" in verdict.reason
    # with closed choices, the one choice no page states is a hint, never an answer
    choices = ["Ann Lee", "Bo Chan", "Cy Diaz"]
    verdict = settle(CTX, question, "text", [choice("Bo Chan", 1, 0, 1), choice("Ann Lee", 0, 0)], evidence, choices)
    assert verdict.status == "abstained" and verdict.winner.choice_index == 2 and not verdict.winner.supports
    verdict = settle(CTX, question, "text", [choice("Bo Chan", 1, 0, 1)], evidence, choices)
    assert verdict.winner is None  # two choices unstated: nothing to tell


def test_a_negation_inside_the_answer_is_no_selection_by_negation():
    from orchestrator.verify.question import asks_which_not
    assert not asks_which_not("Which member of Congress announced she will not seek reelection?")
    assert not asks_which_not("Who won the vote?") and asks_which_not("Which team didn't lose a game?")
