"""A number question that asks for a percentage or an amount of money is answered only by
a number written in that unit, which binds it as the noun beside a count does."""

import pytest

from orchestrator.verify.asked_unit import MONEY, PERCENT, asked_unit, written_in
from orchestrator.verify.candidates import number_candidates
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.passages import Passage
from orchestrator.verify.question import keywords


@pytest.mark.parametrize("question, unit", [
    ("What percentage of adults in Canada say they read a book last year?", PERCENT),
    ("By what percent did prices rise in March?", PERCENT),
    ("去年失业率是百分之几？", PERCENT),
    ("How much money did the city spend on the new bridge?", MONEY),
    ("How much did the painting sell for?", MONEY),
    ("The statue was sold at auction for how much?", MONEY),
    ("At what price will the shares be offered?", MONEY),
    ("What is the starting price of the new console?", MONEY),
    ("这台电脑多少钱？", MONEY),
    ("嫦娥六号任务历时多少天？", "day"),  # a duration as Chinese asks it: not "样品重1935.3克"
    ("项目持续了几个月？", "month"),
    ("古克什夺冠时多少岁？", "year"),  # an age, in years: not a score's "7.5"
    ("How many medals did Kenya win?", None),
    ("How much rain fell in Houston on Sunday?", None),  # an amount, but not of money
    ("What share of adults rent their home?", None),  # a share may be written "a third"
])
def test_the_unit_a_question_asks(question, unit):
    assert asked_unit(question) == unit


@pytest.mark.parametrize("text, unit, written", [
    ("about 62% of adults", PERCENT, True),
    ("28 percent of the food", PERCENT, True),
    ("28 people were hurt", PERCENT, False),
    ("it cost $134 million", MONEY, True),
    ("a budget of €2 trillion", MONEY, True),
    ("a fine of 5 million euros", MONEY, True),
    ("罚款500万元", MONEY, True),
    ("票价3000日元", MONEY, True),
    ("3,000 air traffic controllers", MONEY, False),
    ("80 million pounds of cranberries", MONEY, False),  # a weight, not sterling
    ("任务历时53天", "day", True),
    ("样品重1935.3克", "day", False),
    ("历时5个月", "month", True),
    ("18岁成最年轻世界冠军", "year", True),
    ("古克什7.5比6.5战胜丁立人", "year", False),
])
def test_a_number_written_in_the_unit(text, unit, written):
    mention = find_numbers(text)[0]
    assert written_in(text, mention, unit) is written


def _values(text: str, question: str) -> list[str]:
    return [f.display for f in number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question))]


def test_a_percentage_question_is_never_answered_by_a_count():
    text = "Ultraprocessed foods were found in 28 food supply chains the study followed."
    assert _values(text, "What percentage of the food supply is ultraprocessed?") == []
    text = "Ultraprocessed foods make up about 70% of the food supply, a study found."
    assert _values(text, "What percentage of the food supply is ultraprocessed?") == ["70%"]


def test_an_amount_of_money_is_bound_by_its_currency_without_a_question_word_beside_it():
    # nothing the question says stands next to "$134 million": its currency says it is the cost
    text = ("Officials doubled the guard presence to 4,000 and sent 700 Marines, an escalation estimated to "
            "cost about $134 million, according to the Pentagon.")
    question = "How much money did the government spend to deploy 700 Marines and 4,000 guard members?"
    assert _values(text, question) == ["$134 million"]
    # and a count beside the question's own words is no amount of money
    text = "The plan to spend on new radar will also hire 3,000 air traffic controllers."
    assert _values(text, "How much will it cost to build a new air traffic control system?") == []


def test_a_count_question_is_read_as_before():
    text = "The team won 12 gold medals, worth $2 million in bonuses."
    assert _values(text, "How many gold medals did the team win?") == ["12"]


def test_a_count_is_never_a_percentage_nor_money():
    text = ("The Bank of England has cut interest rates from 5.25% to 5% after a vote of the Monetary Policy "
            "Committee, which spent $3 million.")
    assert _values(text, "How many members of the Monetary Policy Committee voted for the cut?") == []


def test_a_duration_is_answered_only_by_a_number_written_in_its_unit():
    assert asked_unit("How many years were the Games postponed?") == "year"
    assert asked_unit("How many days did the Games last?") == "day"
    assert asked_unit("How many medals did China win?") is None
    text = "The Games were postponed by 1 year, and the vote came 2 days before the opening; a 3-year wait."
    written = {m.text.strip(): written_in(text, m, "year") for m in find_numbers(text)}
    assert written == {"1": True, "2": False, "3": True}


@pytest.mark.parametrize(("text", "unit"), [("89.45m", "m"), ("50kg final", "kg"), ("89.45 metres", "m"),
                                            ("5 July", None), ("12 km/h", "km/h")])
def test_the_unit_after_a_number_in_its_short_form(text, unit):
    from orchestrator.verify.asked_unit import unit_after
    assert unit_after(text, find_numbers(text)[0].end) == unit


def test_a_choice_in_one_unit_is_no_number_in_another():
    from orchestrator.policy import load_policy
    from orchestrator.verify.choices import number_at
    from tests.conftest import ROOT
    measures = load_policy(ROOT / "policies" / "default.yaml").measures
    text = ("Wrestler Vinesh Phogat was disqualified before the women's 50kg final. Neeraj Chopra took silver "
            "with 89.45m behind Arshad Nadeem.")
    assert number_at("50m", text, None, measures) is None
    # a distance is no count of the medal named before it
    assert number_at("89.45m", text, None, measures) == text.index("89.45")
