"""Number choices read as an open count is (orchestrator/nodes/cross_check.py counted_choices)."""

from orchestrator.nodes.cross_check import counted_choices
from orchestrator.policy import load_policy
from orchestrator.verify.candidates import Found
from orchestrator.verify.passages import Passage
from tests.conftest import ROOT

POLICY = load_policy(ROOT / "policies" / "default.yaml")


def found(text: str, value: str) -> Found:
    return Found(value, value, Passage(0, text, 0, 1.0), 1.0, 0, start=text.index(value))


def test_a_tallys_part_needs_its_narrowing_words_stated():
    question = "How many gold medals did China's divers win at Paris 2024?"
    assert counted_choices([found("China won 40 gold medals in Paris.", "40")], question, POLICY) == []
    divers = found("China's divers won all 8 gold medals.", "8")
    assert counted_choices([divers], question, POLICY) == [divers]


def test_a_question_counting_no_tally_has_no_part_to_state():
    # "in making the longest speech" narrows nothing: the hours are no tally of medals or votes
    booker = found("Senator Cory Booker delivered a 25-hour speech on the Senate floor.", "25")
    question = "How many hours did US Senator Cory Booker speak in making the longest speech in Senate history?"
    assert counted_choices([booker], question, POLICY) == [booker]


def test_a_side_of_a_score_counts_points_only():
    final = found("The Springboks beat New Zealand 12-11 in the final.", "12")
    assert counted_choices([final], "How many Rugby World Cup titles have South Africa won?", POLICY) == []
    assert counted_choices([final], "How many points did South Africa score in the final?", POLICY) == [final]


def test_another_countrys_number_is_no_count_of_the_asked_one():
    china = found("China leads the medal table with 11 gold medals after Day 7.", "11")
    assert counted_choices([china], "How many gold medals did the United States have after Day 7?", POLICY) == []
    assert counted_choices([china], "How many gold medals did China have after Day 7?", POLICY) == [china]
