"""A share of a count ("20.8% of the vote") answers a question asking its percentage, never
one asking the count itself: votes, seats and medals are counted whole."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.kb.offline import ask_offline, documents_file

# The team's own short report of a real result (the German federal election of 23 February 2025).
DOCS = [{"url": "https://www.dw.com/en/german-election-results-afd-second",
         "title": "German election: AfD comes second",
         "text": "The far-right AfD won 20.8% of the vote on Sunday, up from 10.3% in 2021, and came second "
                 "behind the conservative CDU/CSU bloc.",
         "published_at": "2025-02-24", "publisher": "DW"}]
NOW = datetime(2025, 2, 25, tzinfo=UTC)


def test_a_share_of_the_vote_answers_the_percentage_asked(tmp_path):
    answer = ask_offline("What percentage of the vote did the AfD win?", documents_file(tmp_path / "docs.jsonl", DOCS), NOW)
    assert (answer.status, answer.answer) == ("answered", "20.8%")


def test_a_share_is_no_count_of_votes(tmp_path):
    answer = ask_offline("How many votes did the AfD win?", documents_file(tmp_path / "docs.jsonl", DOCS), NOW)
    assert answer.status == "abstained"
