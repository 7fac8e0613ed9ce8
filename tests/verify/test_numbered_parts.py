"""A count asked of one numbered part of an event (a ballot, a half, a quarter) is none of
another part's (orchestrator/verify/numbered_parts.py)."""

from tests.verify.counts import numbers

BALLOTS = ("In the first ballot Friedrich Merz received 310 votes, six short of a majority. "
           "Merz won 325 votes in the second ballot, nine more than the 316 needed.")


def test_a_count_of_another_ballot_answers_nothing():
    assert numbers("How many votes did Merz get in the first ballot?", BALLOTS.split(". ")[1]) == []
    assert numbers("How many votes did Merz get in the second ballot?", BALLOTS.split(". ")[1]) == ["325"]
    assert numbers("How many votes did Merz get in the first ballot?", BALLOTS.split(". ")[0] + ".") == ["310"]
    # a question naming no part is not narrowed
    assert numbers("How many votes did Merz win?", BALLOTS.split(". ")[1]) == ["325"]
