"""Closed choices matched against the value the sources settle on read without them."""

import unicodedata

import pytest

from orchestrator.nodes.cross_check import choices_stating
from orchestrator.state import Candidate


def stated(value: str) -> Candidate:
    return Candidate(value=value, display=value, kind="text")


@pytest.mark.parametrize("value, choices, expected", [
    ("Joe Biden", ["President Joe Biden", "President-elect Donald Trump"], [0]),  # a choice may say more
    ("Washington Capitals", ["Washington", "Boston Bruins"], [0]),  # or less
    ("The Sun", ["The Mirror", "Sun"], [1]),
    ("Nvidia", ["DeepSeek", "Cohere"], []),
    # however the accent is encoded: "é" as one character or as "e" and a combining accent
    (unicodedata.normalize("NFD", "Les Misérables"), ["“Cats”", "“Les Misérables”"], [1]),
])
def test_a_name_read_openly_is_the_choice_that_holds_its_words_or_is_held_by_them(value, choices, expected):
    assert choices_stating(stated(value), choices, "person") == expected


def test_a_count_is_never_an_ordinal_and_a_place_may_be_written_either_way():
    assert choices_stating(stated("40"), ["40th", "forty", "38"], "number") == [1]
    assert choices_stating(stated("3"), ["3rd", "third", "2nd"], "rank") == [0, 1]
