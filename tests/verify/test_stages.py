"""A tournament's stage binds the name written right before it (verify/stages.py)."""

import pytest

from orchestrator import ask
from orchestrator.verify.stages import asked_stage, of_another_stage

EURO = "Spain beat France 2-1 in the semi-final, while England beat the Netherlands 2-1 thanks to Ollie Watkins."
RUGBY = ("South Africa retained the Webb Ellis Cup with a 12-11 victory over New Zealand, after narrow one-point "
         "wins over France in the quarter-final and England in the semi-final.")


@pytest.mark.parametrize("text, question, kept", [
    (EURO, "Who did Spain beat in the Euro 2024 semi-final?", ["Spain", "France"]),
    (RUGBY, "Who did South Africa beat in the 2023 semi-final?", ["England"]),
    (RUGBY, "Who did South Africa beat in the 2023 quarter-final?", ["France"]),
    # a passage writing only other stages tells of none of the final's: left to one that writes it
    (RUGBY, "Who did South Africa beat in the final?", []),
    (EURO, "Which team lost the Euro 2024 final?", []),
    (EURO, "Who won Euro 2024?", ["Spain", "France", "England", "Netherlands"]),  # no stage asked
])
def test_a_name_answers_only_the_stage_it_is_bound_to(text, question, kept):
    stage = asked_stage(question)
    names = [n for n in ["Spain", "South Africa", "France", "England", "Netherlands", "New Zealand"] if n in text]
    assert [n for n in names if not of_another_stage(text, text.index(n), text.index(n) + len(n), stage)] == kept


def test_the_semi_final_s_opponent_is_not_the_final_s(tmp_path):
    """"Who did Spain beat in the Euro 2024 semi-final?" had been answered with England, beaten
    in the final (as "Former England": the coach's "Former" taken for part of its name), or
    left between England, France and the Netherlands."""
    from fixtures.build_hard_cases import HardCase, Page, build

    final = ("Spain became the first nation to win the European Championship four times after Mikel Oyarzabal's "
             "86th-minute goal beat England 2-1 in the final in Berlin.")
    coach = "Former England coach Glenn Hoddle said the better side won."
    pages = [Page(f"https://www.{site}.com/football/euro-2024-spain-england-final", name, "Euro 2024: Spain are "
                  "champions", "2024-07-15T08:00:00Z", [EURO, final, coach], final)
             for site, name in [("uefa", "UEFA"), ("bbc", "BBC Sport")]]
    pack = build(HardCase("euro-stages", "a stage's opponent", "Who did Spain beat in the Euro 2024 semi-final?",
                          "2024-07-16T10:00:00+00:00", {"answer": "France"}, pages), tmp_path)
    assert ask(replay=pack, use_model=False).answer == "France"


def test_a_stage_is_of_the_event_written_before_it():
    """"Who did Alcaraz beat in the 2024 French Open final?" had answered Djokovic from "beat
    Novak Djokovic ... in the Wimbledon final"; "Friday's semi-final" names no other event."""
    final = "Carlos Alcaraz beat Novak Djokovic 6-2 6-2 7-6(4) in the Wimbledon final on Sunday."
    at = final.index("Novak Djokovic")
    assert of_another_stage(final, at, at + 14, asked_stage("Who did Alcaraz beat in the 2024 French Open final?"))
    assert not of_another_stage(final, at, at + 14, asked_stage("Who did Alcaraz beat in the Wimbledon final?"))
    assert not of_another_stage(final, at, at + 14, asked_stage("Who did Alcaraz beat in the final?"))
    semi = "Alcaraz, the third seed, beat Daniil Medvedev 6-7 (1-7) 6-3 6-4 6-4 in Friday's semi-final."
    at = semi.index("Daniil")
    assert not of_another_stage(semi, at, at + 15, asked_stage("Who did Alcaraz beat in the Wimbledon semi-final?"))
