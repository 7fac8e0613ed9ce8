"""A closed choice asked as the most of something is stated only by a passage saying who
leads: a page naming a state for another reason ("turkeys raised in North Carolina") says
nothing of which state raises the most."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.kb.offline import ask_offline, documents_file

# The team's own short reports of the real 2025 pardon and of the real top producer.
PARDON = [
    {"url": "https://apnews.com/article/trump-turkey-pardon-gobble-waddle",
     "title": "Trump pardons two turkeys, Gobble and Waddle",
     "text": "Two turkeys raised in North Carolina, Gobble and Waddle, were pardoned by President Donald Trump "
             "at the White House on Tuesday.",
     "published_at": "2025-11-25", "publisher": "AP"},
    {"url": "https://www.usatoday.com/story/news/politics/2025/11/26/white-house-turkeys-north-carolina/",
     "title": "Where the White House turkeys came from",
     "text": "The pardoned turkeys came from a farm in Wayne County, North Carolina, and will retire to a "
             "university poultry center.",
     "published_at": "2025-11-26", "publisher": "USA TODAY"},
]
TOP = {"url": "https://www.reuters.com/business/minnesota-top-turkey-state-2025-11-24/",
       "title": "Minnesota leads the nation in turkeys",
       "text": "Minnesota raises the most turkeys of any U.S. state, according to the Agriculture Department.",
       "published_at": "2025-11-24", "publisher": "Reuters"}
CHOICES = ["Arkansas", "Indiana", "North Carolina", "Minnesota"]


@pytest.mark.parametrize("docs, expected", [
    (PARDON, None),  # North Carolina had answered, from two pages on the pardon
    ([*PARDON, TOP], "Minnesota"),
])
def test_the_most_of_something_is_answered_only_by_a_passage_saying_who_leads(tmp_path, docs, expected):
    answer = ask_offline("Which US state raises the most turkeys?", documents_file(tmp_path / "turkeys.jsonl", docs),
                         datetime(2025, 11, 28, tzinfo=UTC), choices=CHOICES)
    assert (answer.answer if answer.status == "answered" else None) == expected, answer.warnings
