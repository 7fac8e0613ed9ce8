"""A rate asked by its kind is a percentage written as that rate, not another rate beside it."""

from orchestrator.nodes.detect_intent import classify_type
from orchestrator.verify.asked_unit import PERCENT, asked_unit
from orchestrator.verify.rates import asked_rate
from tests.verify.counts import numbers

BOE = ("The Bank of England cut interest rates to 4% on Thursday. Inflation stood at 3.6% in June and the Bank "
       "expects it to peak at 4% in September.")


def test_a_rate_question_asks_a_percentage_not_the_body_that_sets_it():
    question = "What is the Bank of England's interest rate?"
    assert classify_type(question) == "number" and asked_unit(question) == PERCENT
    assert asked_rate(question) == "interest" and asked_rate("What is the UK jobless rate?") == "unemployment"
    assert asked_rate("What is the exchange rate of the yen?") is None  # no percentage
    assert classify_type("Which bank cut its interest rate?") == "organisation"


def test_a_banks_rate_is_its_interest_rate():
    for question in ("What was the Bank of England's rate in July?", "What is the Fed's rate?",
                     "What is the Federal Reserve's rate now?", "What is the central bank's rate?"):
        assert asked_rate(question) == "interest" and classify_type(question) == "number", question
    assert asked_rate("What is the birth rate in Japan?") is None
    # a bank's rate by its own name, a word between its kind and "rate" too
    for question in ("What is the Bank of Canada's overnight rate target?", "What is the ECB's deposit facility rate?"):
        assert asked_rate(question) == "interest" and classify_type(question) == "number", question


def test_another_kind_of_rate_is_no_answer():
    assert numbers("What is the Bank of England's interest rate?", "Inflation stood at 3.6% in June.") == []
    assert numbers("What is the Bank of England's interest rate?", BOE.split(". ")[0] + ".") == ["4"]
    assert numbers("What is the UK inflation rate?", "Inflation stood at 3.6% in June.") == ["3.6"]
    assert asked_rate("What is the federal funds rate target range?") is None  # two numbers, no one rate


def test_how_much_someone_won_is_prize_money_not_a_score():
    from orchestrator.verify.asked_unit import MONEY
    assert asked_unit("How much did McIlroy win at the Masters?") == MONEY
    assert asked_unit("How many medals did the US win?") is None
    text = "McIlroy finished at 11-under-par 277 and received $4.2 million of the $21 million purse."
    assert numbers("How much did McIlroy win at the Masters?", text) == ["4200000"]
