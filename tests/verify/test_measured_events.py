"""A race or a weight class named by its measure answers only questions about that one."""

import pytest

from orchestrator.verify.measured_events import of_another_measured_event

QUESTION = "Who won the women's 200m at the Paris 2024 Olympics?"


@pytest.mark.parametrize(("text", "another"), [
    ("Julien Alfred won the women's 100m final in Paris on Saturday.", True),
    ("Gabby Thomas won the 200m in 21.83 seconds.", False),
    ("After silver in the 100m, Alfred took the 200 metres too.", False),  # names the asked one as well
    ("Thomas won in 21.83 seconds, ahead of Julien Alfred.", False),  # names no race: not told apart
])
def test_a_passage_about_another_race_is_about_another_race(text, another):
    assert of_another_measured_event(QUESTION, text) is another


def test_units_are_read_in_any_writing_and_questions_without_one_take_everything():
    assert not of_another_measured_event("Who won the 10,000m?", "She won the 10,000 metres on Friday.")
    assert of_another_measured_event("Who won the men's 57kg final?", "He won the 65kg final.")
    assert not of_another_measured_event("How many golds did China win?", "China won the 100m final.")
