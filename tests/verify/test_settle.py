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


def test_closed_choices_no_passage_states_have_the_one_the_pages_write_most_as_their_hint():
    evidence = [page("https://a.example/x", "Bo Chan toured the port. Bo Chan spoke later, as did Chan's aide."),
                page("https://b.example/y", "Crowds cheered bo chan at the harbour; Ann Lee waved, and Ann Lee left.")]
    choices = ["Ann Lee", "Bo Chan", "Cy Diaz", "Chan"]  # "Chan" inside "Bo Chan" is Bo Chan's
    verdict = settle(CTX, "Who opened the bridge?", "text", [], evidence, choices)
    assert verdict.status == "abstained" and verdict.winner.choice_index == 1 and not verdict.winner.supports
    assert "most often, an unverified hint" in verdict.reason
    # written alike, or not at all: no hint
    assert settle(CTX, "Who?", "text", [], evidence[1:], ["Ann Lee", "Bo Chan"]).winner.choice_index == 0
    alike = [page("https://c.example/z", "Ann Lee and Bo Chan met.")]
    assert settle(CTX, "Who?", "text", [], alike, ["Ann Lee", "Bo Chan"]).winner is None
    assert settle(CTX, "Who?", "text", [], evidence, ["Cy Diaz", "Di Eno"]).winner is None


def test_closed_choices_no_page_writes_whole_have_the_one_whose_words_stand_by_the_questions_as_hint():
    question = "What did the club promise its supporters if it wins promotion?"
    choices = ["Building a new stadium", "Cutting ticket prices", "Signing a striker"]
    evidence = [page("https://a.example/x", "If promotion comes, the club promised, it would build a stadium. "
                                            "Tickets sold out."),
                page("https://b.example/y", "Ticket prices rose. A striker signed elsewhere.")]  # no question word beside them
    verdict = settle(CTX, question, "text", [], evidence, choices)
    assert verdict.status == "abstained" and verdict.winner.choice_index == 0 and not verdict.winner.supports
    assert "the words of 'Building a new stadium' most often beside the question's" in verdict.reason
    level = [page("https://c.example/z", "The club promised supporters a stadium build and ticket price cuts if promoted.")]
    assert settle(CTX, question, "text", [], level, choices).winner is None  # alike: no hint


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


def test_a_closed_choice_is_answered_only_where_a_current_page_states_it_best():
    evidence = [page("https://a.example/x", "Rite Aid and its rivals Walgreens and CVS closed stores."),
                page("https://b.example/y", "Rite Aid filed for bankruptcy again.")]
    choices = ["Rite Aid", "Walgreens", "CVS"]
    both = "Rite Aid and its rivals Walgreens and CVS closed stores."

    def stated(value, index, *quotes):  # one current support a (source, quote, weight)
        return Candidate(value=value, display=value, kind="text", choice_index=index, score=sum(w for _, _, w in quotes),
                         supports=[Support(source=i, quote=q, weight=w, why="media") for i, q, w in quotes])

    question = "Which drug store chain filed for bankruptcy?"
    # one sentence names all three alike: the best-supported choice is a hint, not an answer
    alike = [stated("Rite Aid", 0, (0, both, 1.0)), stated("Walgreens", 1, (0, both, 1.0)), stated("CVS", 2, (0, both, 1.0))]
    verdict = settle(CTX, question, "text", alike, evidence, choices)
    assert verdict.status == "abstained" and verdict.winner.choice_index == 0 and "beside other choices" in verdict.reason
    # another page's sentence stating one of them settles it
    own = [stated("Rite Aid", 0, (0, both, 1.0), (1, "Rite Aid filed for bankruptcy again.", 0.8)),
           stated("Walgreens", 1, (0, both, 1.0)), stated("CVS", 2, (0, both, 1.0))]
    verdict = settle(CTX, question, "text", own, evidence, choices)
    assert verdict.status == "answered" and verdict.winner.choice_index == 0
    # two sentences, each stating its own choice as strongly: not settled
    level = [stated("Rite Aid", 0, (1, "Rite Aid filed for bankruptcy again.", 0.8), (0, both, 0.2)),
             stated("Walgreens", 1, (0, "Walgreens filed for bankruptcy.", 0.8))]
    verdict = settle(CTX, question, "text", level, evidence, choices)
    assert verdict.status == "abstained" and "'Walgreens' as strongly as 'Rite Aid'" in verdict.reason
    # nearly as strongly (within the policy's conflict margin) settles it no more; clearly less does
    near = [level[0], stated("Walgreens", 1, (0, "Walgreens filed for bankruptcy.", 0.78))]
    verdict = settle(CTX, question, "text", near, evidence, choices)
    assert verdict.status == "abstained" and "'Walgreens' as strongly as 'Rite Aid'" in verdict.reason
    weaker = [level[0], stated("Walgreens", 1, (0, "Walgreens filed for bankruptcy.", 0.5))]
    assert settle(CTX, question, "text", weaker, evidence, choices).status == "answered"


def test_a_closed_choice_a_current_page_states_only_in_part_is_a_hint():
    evidence = [page("https://a.example/x", "Sony kept casting details under wraps."), page("https://b.example/y", "x")]
    choices = ["Nintendo Switch 2", "Sony PlayStation 6"]
    partial = Candidate(value=choices[1], display=choices[1], kind="text", choice_index=1, score=0.25,
                        supports=[Support(source=0, quote="Sony", weight=0.25, why="media", partial=True)])
    verdict = settle(CTX, "Which product did Nintendo reveal?", "text", [partial], evidence, choices)
    assert verdict.status == "abstained" and verdict.winner.choice_index == 1 and "only in part" in verdict.reason
    whole = partial.model_copy(update={"supports": [*partial.supports, Support(source=1, quote="x", weight=0.2, why="media")]})
    assert settle(CTX, "Which product did Nintendo reveal?", "text", [whole], evidence, choices).status == "answered"


def test_a_span_only_the_model_proposed_needs_two_sources_where_a_checked_name_needs_one_trusted():
    one = [page("https://a.example/x", "The judge was charged with obstruction.")]
    span = named("obstruction", 0).model_copy(update={"kind": "text"})
    verdict = settle(CTX, "The judge was arrested for doing what?", "text", [span], one, None)
    assert verdict.status == "abstained" and verdict.winner is None
    assert "needs 2 for a span the model proposed" in verdict.reason
    two = [*one, page("https://b.example/y", "Prosecutors charged the judge with obstruction.")]
    verdict = settle(CTX, "The judge was arrested for doing what?", "text", [named("obstruction", 0, 1)], two, None)
    assert verdict.status == "answered" and verdict.winner.value == "obstruction"
    # a name of the asked kind, which the rules check, stands on one trusted report
    verdict = settle(CTX, "Who was arrested?", "person", [named("Ann Lee", 0)], one, None)
    assert verdict.status == "answered" and verdict.winner.value == "Ann Lee"


def test_a_readers_pick_must_have_a_quote_saying_what_is_asked_of_the_names():
    """"Who is Han Kang's father?": the reader picked "Jon Fosse" from "a year after the
    Norwegian writer Jon Fosse", which says nothing of a father; a quote writing the word
    (in any form) lets the pick stand."""
    from orchestrator.verify.settle import _relation_unsaid

    def picked(quote):
        return Candidate(value="X", display="X", kind="person", score=1.0,
                         supports=[Support(source=0, quote=quote, weight=1.0, why="media")])

    question = "Who is Han Kang's father?"
    assert _relation_unsaid(picked("Han Kang won it a year after the Norwegian writer Jon Fosse."), question) == "'father'"
    assert _relation_unsaid(picked("Her father is the novelist Han Seung-won."), question) is None
    assert _relation_unsaid(picked("a year after Jon Fosse"), "Who is the father of Han Kang?") == "'father'"
    # a verb has synonyms the quote may use: "Prince Harry resigns from Sentebale" stands
    assert _relation_unsaid(picked("Prince Harry resigns from Sentebale"),
                            "What is the name of the charity Prince Harry stood down from this week?") is None
    # a question asking nothing of its names beyond their kind leaves the pick alone
    assert _relation_unsaid(picked("David Baker of the University of Washington"),
                            "Which university is David Baker at?") is None
