"""A range is no one value (orchestrator/verify/ranges.py), and what a new value replaced is
no value now (verify/changes.py)."""

from __future__ import annotations

import pytest

from orchestrator.verify.changes import held_before
from orchestrator.verify.numbers import find_numbers
from tests.verify.counts import numbers

RATE = "What is the federal funds rate?"


@pytest.mark.parametrize("text", [
    "The Fed lowered the target range for the federal funds rate by a quarter point to 4.25 to 4.5 percent.",
    "Fed lifts the federal funds rate to 5.25 to 5.5 percent",
    "The federal funds rate now stands between 4.25% and 4.5%.",
    "The Fed cut the federal funds rate to the 4.25%-4.50% range on Wednesday.",  # had been read as -4.50%
])
def test_neither_end_of_a_range_answers(text):
    assert numbers(RATE, text) == []


def test_a_change_is_no_range_and_what_it_replaced_is_no_value_now():
    assert numbers("What is the Bank of England rate?", "The Bank of England cut rates from 5.25% to 5% on Thursday.") \
        == ["5"]
    replaced = "The Bank of Japan set its policy rate at 0.1 percent instead of minus 0.1 percent."
    now, before = find_numbers(replaced)
    assert not held_before(replaced, now) and held_before(replaced, before)
    assert numbers("What is the Bank of Japan's policy rate?", "The Bank of Japan set its policy rate at around 0 to "
                   "0.1 percent instead of minus 0.1 percent.") == []


def test_a_hyphen_after_a_percentage_is_no_minus_sign():
    assert [m.value for m in find_numbers("to the 4.25%-4.50% range; inflation of -0.1%")] == [4.25, 4.5, -0.1]
