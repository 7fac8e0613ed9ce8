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


def test_a_count_of_a_change_is_the_number_its_verb_takes():
    """"How many medals did the US lose?": "the total falls to 125" and "finished with 125
    medals" give the level, not the loss; "lost 251 seats" gives it."""
    from orchestrator.verify.changes import asked_change, counts_the_change

    assert asked_change("How many medals did the United States lose after the ruling?") == "lose"
    assert asked_change("How many jobs were added in November?") == "add"
    assert asked_change("How many seats did Labour win?") is None

    def takes(text, verb):
        return counts_the_change(text, find_numbers(text)[-1], verb)

    assert takes("The Conservatives lost 251 seats.", "lose")
    assert takes("Labour gained 211 seats on Thursday.", "gain")
    assert not takes("After the ruling, the United States' total falls to 125.", "lose")
    assert not takes("The United States lost a bronze and finished with 125 medals.", "lose")
    assert not takes("The US lost the appeal; it has 125 medals.", "lose")
    assert not takes("Payrolls rose to 227,000.", "add")


def test_a_value_that_moved_the_other_way_answers_no_question_of_how_much_it_fell():
    """"By how much did Starbucks shares fall?": they jumped 24%; a false premise, no answer."""
    text = "Starbucks shares jumped 24%, while Chipotle shares fell 7.5%."
    assert numbers("By how much did Starbucks shares fall?", "Starbucks shares jumped 24% on Tuesday.") == []
    assert numbers("By how much did Chipotle shares fall?", text) == ["7.5"]
    assert numbers("How much did Starbucks shares rise?", "Starbucks shares jumped 24% on Tuesday.") == ["24"]
