"""What befell the people a number counts: asked how many died, a count of the injured or the
missing is no answer, however near "people" stands to it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orchestrator.verify.casualties import asked_state, number_state
from orchestrator.verify.numbers import find_numbers
from tests.kb.offline import ask_offline, documents_file
from tests.verify.counts import numbers

# Myanmar's military government on 8 April 2025, eleven days after the 28 March earthquake
TOLL = ("The death toll from the magnitude 7.7 earthquake that struck central Myanmar on March 28 has risen to "
        "3,600, with 5,017 people injured and 160 still missing, the military government said on Tuesday.")


@pytest.mark.parametrize("question, state", [
    ("How many people died in the Myanmar earthquake?", "dead"),
    ("What is the death toll of the Myanmar earthquake?", "dead"),
    ("How many people were killed?", "dead"),
    ("How many people are still missing?", "missing"),
    ("How many were wounded in the attack?", "injured"),
    ("How many people were displaced by the floods?", "displaced"),
    ("How many protesters were arrested?", "arrested"),
    ("How many people were killed or injured?", None),  # two states: none asked alone
    ("How many gold medals did China win?", None),
])
def test_the_state_a_question_counts_people_in(question, state):
    assert asked_state(question) == state


@pytest.mark.parametrize("text, states", [
    (TOLL, {"3,600": "dead", "5,017": "injured", "160": "missing"}),
    ("The storm killed 12 people and injured 40 others.", {"12": "dead", "40": "injured"}),
    ("Another 22 people were confirmed dead on Monday.", {"22": "dead"}),
    ("Police said 300 people had been evacuated.", {"300": "displaced"}),
    ("The museum drew 5,000 visitors.", {"5,000": None}),
])
def test_the_state_a_sentence_writes_its_number_in(text, states):
    assert {m.text: number_state(text, m) for m in find_numbers(text) if m.text in states} == states


def test_only_the_asked_states_count_answers():
    assert numbers("How many people died in the Myanmar earthquake?", TOLL) == ["3600"]
    assert numbers("How many people are missing after the Myanmar earthquake?", TOLL) == ["160"]
    assert numbers("How many people were injured in the Myanmar earthquake?", TOLL) == ["5017"]


# The team's own short reports of a real event (the Myanmar earthquake of 28 March 2025).
DOCS = [
    {"url": "https://apnews.com/article/myanmar-earthquake-death-toll-april-8",
     "title": "Myanmar earthquake death toll rises to 3,600", "text": TOLL,
     "published_at": "2025-04-08", "publisher": "AP"},
    {"url": "https://www.reuters.com/world/asia-pacific/myanmar-quake-toll-2025-04-08/",
     "title": "Myanmar quake toll climbs as aid trickles in",
     "text": "Myanmar's junta said on Tuesday that 3,600 people had died in the earthquake, while 5,017 people "
             "were injured and 160 were still missing.",
     "published_at": "2025-04-08", "publisher": "Reuters"},
]


@pytest.mark.parametrize("question, choices, expected", [
    ("How many people died in the Myanmar earthquake?", None, "3600"),
    ("How many people died in the Myanmar earthquake?", ["3,600", "5,017", "160"], "3,600"),
    ("How many people are missing after the Myanmar earthquake?", None, "160"),
])
def test_a_death_toll_is_not_the_injured_count(tmp_path, question, choices, expected):
    """The injured count stood nearest "people" and had been the answer to both questions."""
    docs = documents_file(tmp_path / "myanmar.jsonl", DOCS)
    answer = ask_offline(question, docs, datetime(2025, 4, 9, tzinfo=UTC), choices=choices)
    assert (answer.status, answer.answer) == ("answered", expected), answer.warnings
