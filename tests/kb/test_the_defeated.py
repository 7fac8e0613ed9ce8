"""The one a verb of beating names ("defeating former finance minister Chrystia Freeland")
answers only a question about who lost or whom someone faced: not who holds an office, nor
who won."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orchestrator.verify.alignment import defeated
from tests.kb.offline import ask_offline, documents_file


@pytest.mark.parametrize("text, name, beaten", [
    ("Trump won the election, defeating Vice President Kamala Harris.", "Kamala Harris", True),
    ("Carney won with 85.9% of the vote, defeating former finance minister Chrystia Freeland.", "Chrystia Freeland", True),
    ("Spain beat England 2-1 in Berlin.", "England", True),
    ("Spain beat England 2-1 in Berlin.", "Berlin", False),  # a place after the score: no one beaten
    ("As of Tuesday, over 100 of Texas' 159 cases were in Gaines County.", "Texas", False),
    ("He scored twice against the Chicago Blackhawks.", "Chicago Blackhawks", False),  # faced, for facing's rules
])
def test_the_one_a_verb_of_beating_names(text, name, beaten):
    assert defeated(text, text.index(name)) is beaten


# The team's own short reports of real events (the Liberal leadership vote of 9 March 2025,
# Carney's swearing-in on 14 March).
DOCS = [
    {"url": "https://www.reuters.com/world/americas/carney-sworn-in-canada-prime-minister-2025-03-14/",
     "title": "Mark Carney sworn in as Canada's prime minister",
     "text": "Mark Carney was sworn in as Canada's 24th prime minister on Friday, replacing Justin Trudeau, who "
             "announced his resignation in January. Carney, a former governor of the Bank of Canada and the Bank "
             "of England, won the Liberal Party leadership on Sunday with 85.9 percent of the vote, defeating "
             "former finance minister Chrystia Freeland.",
     "published_at": "2025-03-14", "publisher": "Reuters"},
]


@pytest.mark.parametrize("choices", [None, ["Justin Trudeau", "Mark Carney", "Chrystia Freeland"]])
def test_the_defeated_rival_does_not_hold_the_office(tmp_path, choices):
    """Freeland, a minister named right after "defeating", had answered."""
    docs = documents_file(tmp_path / "canada.jsonl", DOCS)
    answer = ask_offline("Who is the prime minister of Canada?", docs, datetime(2025, 3, 15, tzinfo=UTC),
                         choices=choices)
    assert (answer.status, answer.answer) == ("answered", "Mark Carney"), answer.warnings


def test_the_defeated_rival_answers_who_lost(tmp_path):
    docs = documents_file(tmp_path / "canada.jsonl", DOCS)
    answer = ask_offline("Who lost the Liberal Party leadership race?", docs, datetime(2025, 3, 15, tzinfo=UTC))
    assert answer.answer != "Mark Carney", answer.warnings
