"""A figure the question states about what it asks binds its answer: only a sentence giving
the same figure of the same thing names it."""

from __future__ import annotations

import pytest

from orchestrator.verify.stated_figures import Figure, asked_figures, states_figures


@pytest.mark.parametrize("asking, figures", [
    ("Which US state was struck by 32 tornadoes?", [Figure(32, ("tornadoes",))]),
    ("Which retailer is facing a 40-day consumer boycott?", [Figure(40, ("day", "consumer"))]),
    ("Which broadcaster was sued for $10 billion this week?", [Figure(1e10)]),  # an amount counts no noun
    ("Which chain will eliminate 30% of its menu?", [Figure(30)]),
    ("About 3.6 million babies were born in which country?", [Figure(3.6e6)]),
    ("Which island was hit with a 5.2 magnitude earthquake?", [Figure(5.2, ("magnitude", "earthquake"))]),
    # years, days, ordinals, parts of a name and small whole numbers bind nothing
    ("Which country won the most medals at the 2024 Olympics on 11 August?", []),
    ("Which player won his second US Open title?", []),
    ("Which Formula 1 team fired its boss?", []),
    ("Which film dethroned Inside Out 2?", []),
    ("Which state approved Proposition 50?", []),
    ("Scientists made a 3D map of which animal's brain?", []),
])
def test_the_figures_a_question_states(asking, figures):
    assert asked_figures(asking) == figures


def test_a_sentence_states_the_figure_of_the_same_thing():
    tornadoes = asked_figures("Which US state was struck by 32 tornadoes?")
    assert states_figures("Forecasters confirmed 32 tornadoes across Mississippi on Friday.", tornadoes)
    assert not states_figures("Three people died in Arkansas and 32 people were injured.", tornadoes)
    assert not states_figures("At least 12 tornadoes hit the state.", tornadoes)
    quake = asked_figures("Which island was hit with a 5.2 magnitude earthquake?")
    assert states_figures("A magnitude 5.2 earthquake shook Santorini.", quake)  # the noun on either side
    billions = asked_figures("Who was sued for $10 billion?")
    assert states_figures("Trump sued the BBC for 10 billion dollars.", billions)
    assert states_figures("Trump sued the BBC for $10bn.", billions)
    assert states_figures("any sentence", [])  # nothing to bind
    # any of the words after the figure names what it counts
    points = asked_figures("Who became the first player to score 50,000 career points?")
    assert states_figures("LeBron James reached 50,000 points on Sunday.", points)
