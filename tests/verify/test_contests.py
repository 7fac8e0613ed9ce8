"""Which contest a win or a loss is of (orchestrator/verify/contests.py): a name answers who
won or lost the asked contest only where its sentence tells of that contest."""

from __future__ import annotations

import pytest

from orchestrator.verify.contests import of_another_contest
from orchestrator.verify.predicate import predicate_of
from tests.verify.counts import POLICY


def _other(question: str, text: str, name: str) -> bool:
    start = text.index(name)
    return of_another_contest(text, start, start + len(name), predicate_of(question, [], POLICY.shapes.predicates))


@pytest.mark.parametrize("question, text, name", [
    # another game of the season, though its sentence looks ahead to the asked one
    ("Who won Super Bowl LIX?", "The Kansas City Chiefs beat the Buffalo Bills 32-29 in the AFC Championship Game on "
     "Sunday and will seek a record third consecutive Super Bowl title.", "Kansas City Chiefs"),
    # one race of the championship, and the championship won at one race
    ("Who won the 2025 Formula 1 world championship?", "Verstappen won the race but his run of four straight titles "
     "ended.", "Verstappen"),
    ("Who won the Las Vegas Grand Prix?", "Verstappen clinches fourth straight F1 world title in Las Vegas",
     "Verstappen"),
    ("Who won the 2024 constructors' championship?", "Lando Norris won the Abu Dhabi Grand Prix on Sunday to secure "
     "the constructors' championship for McLaren, its first since 1998.", "Lando Norris"),
    # placed short of first at the asked race
    ("Who won the Las Vegas Grand Prix?", "Max Verstappen won his fourth consecutive Formula 1 world championship by "
     "finishing fifth at the Las Vegas Grand Prix on Saturday night, a race won by George Russell.", "Max Verstappen"),
    # a game of the series, asked of the series
    ("Who won the NBA Finals?", "The Indiana Pacers beat the Oklahoma City Thunder 108-91 in Game 6 of the NBA Finals on "
     "Thursday to tie the series 3-3.", "Indiana Pacers"),
    # the game before the asked final
    ("Who lost the Euro 2024 final?", "Substitute Ollie Watkins scored in the 91st minute as England beat the "
     "Netherlands 2-1 in Dortmund on Wednesday to reach the Euro 2024 final.", "Netherlands"),
])
def test_a_name_in_a_sentence_of_another_contest_answers_nothing(question, text, name):
    assert _other(question, text, name)


@pytest.mark.parametrize("question, text, name", [
    ("Who won Super Bowl LIX?", "The Philadelphia Eagles beat the Kansas City Chiefs 40-22 in Super Bowl LIX on "
     "Sunday.", "Philadelphia Eagles"),
    ("Who won the Las Vegas Grand Prix?", "Max Verstappen won his fourth consecutive Formula 1 world championship by "
     "finishing fifth at the Las Vegas Grand Prix on Saturday night, a race won by George Russell.", "George Russell"),
    # the championship, won at one of its races
    ("Who won the 2025 Formula 1 world championship?", "Lando Norris became Formula 1 world champion for the first "
     "time on Sunday, finishing third at the Abu Dhabi Grand Prix to beat Max Verstappen by two points.",
     "Lando Norris"),
    ("Who won the Euro 2024 final?", "Spain beat England 2-1 in the Euro 2024 final in Berlin.", "Spain"),
    ("Who won Game 6 of the NBA Finals?", "The Indiana Pacers beat the Oklahoma City Thunder 108-91 in Game 6 of the "
     "NBA Finals on Thursday.", "Indiana Pacers"),
    # no contest named: nothing to read
    ("Who won the election?", "Donald Trump won the election, beating Kamala Harris.", "Donald Trump"),
])
def test_a_name_in_a_sentence_of_the_asked_contest_may_answer(question, text, name):
    assert not _other(question, text, name)
