"""A division the question asks about must be written by the passage or its page's title."""

from datetime import UTC, datetime

from orchestrator.verify.divisions import asked_division, states_division
from tests.kb.offline import ask_offline, documents_file


def test_the_asked_division_and_its_words():
    assert asked_division("Who lost the 2024 Wimbledon women's final?") == "women"
    assert asked_division("Who won the ladies' singles?") == "women"
    assert asked_division("Who won the men's Ballon d'Or?") == "men"
    assert asked_division("Who won Wimbledon?") is None
    assert states_division("Krejcikova won the women's title.", "women")
    assert states_division("She is the first female winner.", "women")
    assert not states_division("Alcaraz retained his title with victory over Novak Djokovic.", "women")
    # a men's event is often told without the word, but not by a women's report
    assert states_division("Sinner beats Alcaraz to become Wimbledon champion.", "men")
    assert not states_division("Krejcikova won the women's title.", "men")


# The team's own short reports of the Wimbledon 2024 finals (13 and 14 July 2024).
DOCS = [
    {"url": "https://www.reuters.com/sports/tennis/alcaraz-beats-djokovic-wimbledon-2024-07-14/",
     "title": "Alcaraz beats Djokovic to retain Wimbledon title",
     "text": "Carlos Alcaraz retained his Wimbledon title on Sunday with a straight-sets victory over Novak Djokovic "
             "in the final.", "published_at": "2024-07-14", "publisher": "Reuters"},
    {"url": "https://apnews.com/article/wimbledon-2024-final-alcaraz-djokovic",
     "title": "Alcaraz defeats Djokovic in the Wimbledon final again",
     "text": "Novak Djokovic lost the Wimbledon final to Carlos Alcaraz on Sunday for the second year running.",
     "published_at": "2024-07-14", "publisher": "AP"},
]


def test_a_mens_final_tells_nothing_of_who_lost_the_womens(tmp_path):
    docs = documents_file(tmp_path / "docs.jsonl", DOCS)
    now = datetime(2024, 7, 15, tzinfo=UTC)
    assert ask_offline("Who lost the 2024 Wimbledon final?", docs, now).answer == "Novak Djokovic"
    women = ask_offline("Who lost the 2024 Wimbledon women's final?", docs, now)
    assert (women.status, women.answer) == ("abstained", None)
