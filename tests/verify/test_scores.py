"""A side of a score is the named team's only (verify/scores.py): winner first, in the order
the teams are named."""

import pytest

from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.scores import score_at, whose_side


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
])
def test_each_side_of_a_score_is_one_teams(text, team, sides):
    assert _sides(text, team) == sides
