"""A name that won another division or another event of the asked one's kind answers
nothing of it: "won the women's Ballon d'Or" for who won the Ballon d'Or, "won the
Champions League" for who won the Europa League."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orchestrator.verify.other_things import did_another_thing
from orchestrator.verify.predicate import predicate_of
from tests.kb.offline import ask_offline, documents_file

WIN = [["win", "won", "wins", "winning"]]


@pytest.mark.parametrize("question, sentence, name, another", [
    ("Who won the 2024 Ballon d'Or?", "Aitana Bonmatí won the women's Ballon d'Or again.", "Aitana Bonmatí", True),
    ("Who won the 2024 Ballon d'Or?", "Rodri won the Ballon d'Or on Monday.", "Rodri", False),
    ("Who won the women's Ballon d'Or?", "Aitana Bonmatí won the women's Ballon d'Or again.", "Aitana Bonmatí", False),
    ("Who won the Wimbledon mixed doubles title?", "Iga Swiatek won the women's title.", "Iga Swiatek", True),
    ("Who won the Europa League final?", "Paris Saint-Germain won the Champions League for the first time.",
     "Paris Saint-Germain", True),
    ("Who won the Europa League final?", "Tottenham won the Europa League final in Bilbao.", "Tottenham", False),
    ("Who won the Nobel Peace Prize?", "Han Kang won the Nobel Prize in Literature.", "Han Kang", True),
    ("Who won the FIFA World Cup?", "Argentina won the World Cup in Qatar.", "Argentina", False),
    # an owner before the name is the same event's: the league's Stanley Cup is the Stanley Cup
    ("Which team won ice hockey's Stanley Cup?", "The Florida Panthers won the National Hockey League's Stanley Cup.",
     "Florida Panthers", False),
])
def test_another_division_or_another_event_of_the_kind(question, sentence, name, another):
    predicate = predicate_of(question, [], WIN)
    start = sentence.index(name)
    assert did_another_thing(sentence, start + len(name), predicate, start) is another


# The team's own short reports of real events: the Ballon d'Or of 28 October 2024, the
# Wimbledon singles finals of 12-13 July 2025, the Champions League final of 31 May 2025.
DOCS = [
    {"url": "https://www.reuters.com/sports/soccer/rodri-wins-ballon-dor-2024-10-28/",
     "title": "Rodri wins the Ballon d'Or",
     "text": "Manchester City midfielder Rodri won the Ballon d'Or in Paris on Monday, beating Real Madrid's Vinicius "
             "Jr. Barcelona's Aitana Bonmatí won the women's Ballon d'Or for the second year in a row.",
     "published_at": "2024-10-28", "publisher": "Reuters"},
    {"url": "https://apnews.com/article/ballon-dor-2024-rodri-bonmati",
     "title": "Spain's Rodri and Bonmatí take the Ballon d'Or awards",
     "text": "Rodri won the Ballon d'Or on Monday, the first Spanish man to win it since 1960. Aitana Bonmatí won "
             "the women's Ballon d'Or again.",
     "published_at": "2024-10-28", "publisher": "AP"},
    {"url": "https://www.bbc.com/sport/tennis/articles/wimbledon-2025-finals",
     "title": "Swiatek and Sinner win Wimbledon titles",
     "text": "Iga Swiatek won the women's title on Saturday, beating Amanda Anisimova 6-0, 6-0. Jannik Sinner won "
             "the men's title on Sunday, beating Carlos Alcaraz in four sets.",
     "published_at": "2025-07-13", "publisher": "BBC Sport"},
    {"url": "https://www.espn.com/soccer/story/psg-inter-champions-league-final-2025",
     "title": "PSG thrash Inter to win the Champions League",
     "text": "Paris Saint-Germain won the Champions League for the first time on Saturday, thrashing Inter Milan "
             "5-0 in the final in Munich.",
     "published_at": "2025-06-01", "publisher": "ESPN"},
]


@pytest.mark.parametrize("question, now, expected", [
    ("Who won the 2024 Ballon d'Or?", datetime(2024, 10, 30, tzinfo=UTC), "Rodri"),
    ("Who won the 2025 Wimbledon mixed doubles title?", datetime(2025, 7, 15, tzinfo=UTC), None),
    ("Who won the 2025 Europa League final?", datetime(2025, 6, 2, tzinfo=UTC), None),
])
def test_a_winner_of_another_division_or_event_is_no_answer(tmp_path, question, now, expected):
    """Bonmatí, Swiatek and Paris Saint-Germain had answered these."""
    docs = documents_file(tmp_path / "events.jsonl", DOCS)
    answer = ask_offline(question, docs, now)
    assert (answer.status, answer.answer) == (("answered", expected) if expected else ("abstained", None)), \
        (answer.answer, answer.warnings)
