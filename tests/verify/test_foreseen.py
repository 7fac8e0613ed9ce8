"""A result foreseen is no result (verify/foreseen.py): a preview's expected winner is no
winner, and neither is the pundit who expects it."""

from fixtures.build_hard_cases import HardCase, Page, build
from orchestrator import ask
from orchestrator.verify.foreseen import foreseen_doer, only_foreseen

WIN = ("win", "won", "wins", "winning")
QUESTION = "Who won the 2024 Wimbledon men's singles title?"
PREVIEW = "Former champion John McEnroe said he expects Novak Djokovic to win in four sets."


def test_a_name_foreseen_to_do_it_did_not():
    assert only_foreseen(PREVIEW, WIN, QUESTION)
    assert foreseen_doer(PREVIEW, PREVIEW.index("Novak"), PREVIEW.index(" to win"), WIN, QUESTION)
    favourite = "Carlos Alcaraz, the narrow favourite to win, faces Djokovic on Sunday."
    assert foreseen_doer(favourite, 0, len("Carlos Alcaraz"), WIN, QUESTION)
    done = "Carlos Alcaraz beat Novak Djokovic to win the Wimbledon title."
    assert not only_foreseen(done, WIN, QUESTION) and not foreseen_doer(done, 0, len("Carlos Alcaraz"), WIN, QUESTION)
    # asked of the forecast itself, it answers
    assert not only_foreseen(PREVIEW, WIN, "Who did McEnroe expect to win Wimbledon in 2024?")


def test_a_preview_names_no_winner(tmp_path):
    pages = [Page("https://www.bbc.com/sport/tennis/articles/wimbledon-2024-mens-final-preview", "BBC Sport",
                  "Wimbledon 2024 men's final: Djokovic and Alcaraz meet again", "2024-07-14T08:00:00Z",
                  [PREVIEW], "John McEnroe said he expects Novak Djokovic to win ..."),
             Page("https://www.theguardian.com/sport/2024/jul/14/wimbledon-mens-final-preview", "The Guardian",
                  "Wimbledon men's final preview", "2024-07-14T09:00:00Z",
                  ["Pundits expect Novak Djokovic to win the Wimbledon men's singles title."], "Pundits expect ...")]
    pack = build(HardCase("wimbledon-preview", "a forecast is no result", QUESTION, "2024-07-15T12:00:00+00:00",
                          {"status": "abstained"}, pages), tmp_path)
    answer = ask(replay=pack, use_model=False)
    assert answer.status == "abstained" and answer.answer is None, (answer.answer, answer.warnings)
