"""A value that changed: the number after "from" held before the change. Asked for the value
now it is no answer; asked for the value before the change, only it answers."""

from orchestrator.verify.changes import asks_before_change, held_before
from orchestrator.verify.numbers import find_numbers
from tests.verify.counts import numbers

BOE = "The Bank of England cut interest rates to 4% from 4.25% on Thursday, the lowest level in two years."


def test_the_value_before_a_change_answers_only_what_held_before_it():
    assert numbers("What is the Bank of England's interest rate?", BOE) == ["4"]
    assert numbers("What was the Bank of England's interest rate before the August cut?", BOE) == ["4.25"]
    toll = "The death toll rose to 3,600 on Monday, up from 2,700 on Friday."
    assert numbers("How many people died in the earthquake?", toll) == ["3600"]


def test_a_value_never_changed_answers_nothing_asked_before_a_change():
    assert numbers("What was the Bank of England's interest rate before the cut?",
                   "The Bank of England held interest rates at 4.25% in June.") == []


def test_a_range_or_a_source_is_no_change():
    text = "Recovery takes from 10 to 12 weeks; 3,000 volunteers came from Texas."
    assert not any(held_before(text, mention) for mention in find_numbers(text))
    assert held_before("Sales fell from 12 million to 9 million.", find_numbers("Sales fell from 12 million to 9 million.")[0])


def test_what_the_question_asks_before():
    assert asks_before_change("What was the rate before the August 2025 cut?")
    assert asks_before_change("What was the price prior to the tariff increase?")
    assert not asks_before_change("How many matches had Alcaraz won before the final?")
