"""A side of a score is the named team's only (verify/scores.py): winner first, in the order
the teams are named."""

import pytest

from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.scores import score_at, whose_side
from tests.verify.counts import numbers


def _sides(text: str, team: str) -> list[bool | None]:
    sides = []
    for mention in find_numbers(text):
        if score := score_at(text, mention):
            sides.append(whose_side(text, score, mention, [team]))
    return sides


@pytest.mark.parametrize("text, team, sides", [
    ("Eagles beat Chiefs 40-22 to win Super Bowl LIX", "eagles", [True, False]),
    ("Eagles beat Chiefs 40-22 to win Super Bowl LIX", "chiefs", [False, True]),
    ("Champions League final: Real Madrid 2-0 Borussia Dortmund", "real madrid", [True, False]),
    ("Champions League final: Real Madrid 2-0 Borussia Dortmund", "borussia dortmund", [False, True]),
    ("The Springboks beat New Zealand 12-11 in the final.", "new zealand", [False, True]),
    ("The final ended 12-11 after a late penalty.", "new zealand", [None, None]),  # no team named: unknown
    ("DeJean returned an interception, and the Eagles led 24-0 at half-time.", "eagles", [True, False]),
    # a team as the question writes it whole, found by a word that tells it apart
    ("Eagles beat Chiefs 40-22 to win Super Bowl LIX", "philadelphia eagles", [True, False]),
    ("Eagles beat Chiefs 40-22 to win Super Bowl LIX", "kansas city chiefs", [False, True]),
])
def test_each_side_of_a_score_is_one_teams(text, team, sides):
    assert _sides(text, team) == sides


def test_no_side_of_a_score_is_a_margin():
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords

    text = "DeJean returned an interception, and the Eagles led 24-0 at half-time."
    for question in ("How many points did the Eagles lead by at half-time?", "By how many points did the Eagles lead?"):
        assert number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), tally=True) == []
    asked = "How many points did the Eagles have at half-time?"
    assert [f.value for f in number_candidates([Passage(0, text, 0, 1.0)], asked, keywords(asked), tally=True)] == ["24"]


def test_the_named_team_gets_its_own_side_of_a_headline_score():
    from pathlib import Path

    from orchestrator import ask
    pack = Path(__file__).resolve().parents[2] / "fixtures" / "hard-cases" / "wrong-type-super-bowl-state"
    answer = ask("How many points did the Philadelphia Eagles score in Super Bowl LIX?", replay=pack, use_model=False)
    assert answer.answer == "40", (answer.status, answer.answer)


def test_a_margin_is_a_number_written_as_one():
    from tests.verify.counts import numbers

    asked = "By how many runs did RCB win the IPL final?"
    assert numbers(asked, "Batting first, RCB made 190 for 9, with Virat Kohli top-scoring with 43.") == []
    # the margin is both sides': the beaten team named beside it does not make it theirs
    assert numbers(asked, "RCB end 18-year wait, beat Punjab Kings by 6 runs in IPL final") == ["6"]
    assert numbers("How many points did the Eagles win by?", "It was a 22-point win for the Eagles.") == ["22"]


def test_what_a_win_was_by_counts_neither_side():
    """"to beat Max Verstappen by two points" had answered how many points Verstappen finished
    with; asked by how much, it answers."""
    text = "Norris finished third to beat Max Verstappen by two points. Verstappen ended the season with 421 points."
    assert numbers("How many points did Verstappen finish the season with?", text) == ["421"]
    assert numbers("By how many points did Norris beat Verstappen?", text) == ["2"]
    # a change by some amount is no margin of a win
    assert numbers("By how much did Starbucks shares fall?", "Starbucks shares fell by 7.5% on Tuesday.") == ["7.5"]
