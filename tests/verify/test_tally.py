"""The two sides of a tally (orchestrator/verify/tally.py): the second number counts what
the first counts and belongs to the name written with it."""

from __future__ import annotations

import pytest

from orchestrator.verify.measures import bound_measure
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.tally import other_side

MEASURES = {"votes": ["vote", "votes"], "seats": ["seat", "seats"]}
HARRIS = ["kamala", "harris", "electoral", "votes"]


@pytest.mark.parametrize("text", [
    "Edison Research projected on Saturday, giving him 312 electoral votes to Democrat Kamala Harris's 226.",
    "The win brings Trump to 312 electoral votes, to 226 for Vice President Kamala Harris.",
])
def test_the_second_number_is_the_named_sides_and_counts_the_same(text):
    mentions = find_numbers(text)
    first, second = (m for m in mentions if m.value in (312, 226))
    assert bound_measure(text, second, mentions, MEASURES) == "votes"
    assert other_side(text, first, mentions, HARRIS) and not other_side(text, second, mentions, HARRIS)
    trump = ["donald", "trump", "electoral", "votes"]
    assert other_side(text, second, mentions, trump) and not other_side(text, first, mentions, trump)


def test_numbers_that_are_no_tally_belong_to_no_side():
    text = "Harris won 226 electoral votes in 19 states."
    mentions = find_numbers(text)
    assert not any(other_side(text, m, mentions, HARRIS) for m in mentions)


def test_a_series_of_with_n_counts_what_its_first_counts():
    text = "Japan finished third with 20 gold medals, ahead of Australia with 18 and the host nation France with 16."
    mentions = find_numbers(text)
    counts = [m for m in mentions if not m.ordinal]
    assert [bound_measure(text, m, mentions, {"gold": ["gold", "gold medals"]}) for m in counts] == ["gold"] * 3
    other = "Japan won 20 gold medals. Australia, with 18, was fourth."  # another sentence: no series
    assert bound_measure(other, find_numbers(other)[1], find_numbers(other), {"gold": ["gold", "gold medals"]}) is None


def test_a_number_compared_with_counts_what_the_first_counts():
    text = "The 20 golds were second only to the 27 Japan won as host of the Tokyo Games."
    mentions = find_numbers(text)
    counts = [m for m in mentions if not m.ordinal]
    assert [bound_measure(text, m, mentions, {"gold": ["gold", "golds"]}) for m in counts] == ["gold", "gold"]


def test_the_side_a_relative_clause_gives_a_name_is_that_names():
    text = "Jane Doe won the mayoral race with 54% of the vote, defeating incumbent John Roe, who received 46%."
    mentions = find_numbers(text)
    assert [other_side(text, m, mentions, ["john", "roe"]) for m in mentions] == [True, False]
    assert [other_side(text, m, mentions, ["jane", "doe"]) for m in mentions] == [False, True]


@pytest.mark.parametrize("text", [
    "The Liberal Democrats won 72 seats, the Scottish National Party 9, Reform UK 5 and the Green Party 4.",
    "Labour won 411 seats and the Conservatives 121.",
])
def test_each_bare_number_of_a_list_counts_what_its_first_counts(text):
    mentions = find_numbers(text)
    assert [bound_measure(text, m, mentions, MEASURES) for m in mentions] == ["seats"] * len(mentions)


def test_a_list_s_number_answers_its_own_name_s_count():
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    text = "The Liberal Democrats won 72 seats, the Scottish National Party 9, Reform UK 5 and the Green Party 4."
    for question, expected in (("How many seats did the Green Party win?", ["4"]),
                               ("How many seats did Reform UK win?", ["5"])):
        found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), MEASURES, tally=True)
        assert [f.value for f in found] == expected
