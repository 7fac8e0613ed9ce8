"""A count narrowed to a part is answered only where the part is stated (verify/narrowing.py)."""

from __future__ import annotations

import pytest

from orchestrator.verify.narrowing import narrowing_words, states_narrowing


@pytest.mark.parametrize("question, words", [
    ("How many gold medals did the United States win in swimming at Paris 2024?", ("swimming",)),
    ("How many electoral votes did Kamala Harris win in Pennsylvania in 2024?", ("pennsylvania",)),
    ("How many votes did Trump win among young voters?", ("young", "voters")),
    ("How many gold medals did the US win on the final day of Paris 2024?", ("final", "day")),
    ("How many medals did China win in the women's events?", ("women", "events")),
    ("How many seats did Labour win in Scotland?", ("scotland",)),
    # what frames the whole question narrows nothing: its event, its year, a city, a total, a career
    ("How many gold medals did China win at the Paris 2024 Olympics?", ()),
    ("How many gold medals did India win in the Paris 2024 Olympics?", ()),
    ("How many medals did the US win in Paris?", ()),
    ("How many medals did Japan win in Tokyo?", ()),
    ("How many medals did China win in total?", ()),
    ("How many seats did Labour win in the general election?", ()),
    ("How many electoral votes did Harris win in 2024?", ()),
    ("How many times has Serena Williams won Wimbledon in her career?", ()),
])
def test_the_narrowing_phrases_of_a_question(question, words):
    assert narrowing_words(question) == words


def test_the_part_must_be_written_beside_the_count():
    assert states_narrowing("In swimming, the U.S. won 8 gold medals.", ("swimming",), "8")
    assert states_narrowing("Its swimmers won 8 of the U.S. golds.", ("swimming",), "8")
    assert not states_narrowing("The United States has 9 gold medals, two behind China, but Team USA leads the overall "
                                "medal count, with swimming and gymnastics accounting for most of its medals so far.",
                                ("swimming",), "9")
    assert not states_narrowing("The United States won 40 gold medals.", ("swimming",), "40")
    assert states_narrowing("The United States won 40 gold medals.", (), "40")
