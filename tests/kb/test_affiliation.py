"""A body's name written right before a person's title and name ("Chipotle Mexican Grill
chief executive Brian Niccol") is that person's employer: asked who did something, the
person did it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orchestrator.verify.alignment import affiliation
from tests.kb.offline import ask_offline, documents_file


@pytest.mark.parametrize("text, name, employer", [
    ("Chipotle Mexican Grill chief executive Brian Niccol would become its chairman.", "Chipotle Mexican Grill", True),
    ("Manchester City midfielder Rodri won the Ballon d'Or.", "Manchester City", True),
    ("Starbucks CEO Brian Niccol spoke on Tuesday.", "Starbucks", True),
    ("Chipotle Mexican Grill said sales rose.", "Chipotle Mexican Grill", False),
    ("Starbucks named Brian Niccol chief executive.", "Starbucks", False),  # the doer, no title after it
])
def test_a_name_before_a_title_and_a_name(text, name, employer):
    assert affiliation(text, text.index(name) + len(name)) is employer


# The team's own short report of a real event (Starbucks, 13 August 2024).
DOCS = [
    {"url": "https://www.reuters.com/business/retail-consumer/starbucks-niccol-ceo-2024-08-13/",
     "title": "Starbucks picks a new chief executive",
     "text": "Starbucks said on Tuesday that Chipotle Mexican Grill chief executive Brian Niccol would become its "
             "chairman and chief executive on Sept. 9, replacing Laxman Narasimhan.",
     "published_at": "2024-08-13", "publisher": "Reuters"},
]


def test_the_person_not_the_employer_answers_who(tmp_path):
    """Chipotle Mexican Grill had answered who will become Starbucks' CEO."""
    docs = documents_file(tmp_path / "starbucks.jsonl", DOCS)
    answer = ask_offline("Who will become CEO of Starbucks?", docs, datetime(2024, 8, 15, tzinfo=UTC))
    assert answer.answer != "Chipotle Mexican Grill", answer.warnings
    assert answer.answer in (None, "Brian Niccol")
