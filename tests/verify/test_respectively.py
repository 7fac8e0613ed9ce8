"""Values given "respectively" go to their own items, in order (verify/respectively.py): the
ECB's deposit rate had been answered with the main refinancing rate, the first of the list."""

import pytest

from orchestrator import ask
from orchestrator.verify.respectively import bound_to_another_item

ECB = ("Accordingly, the interest rates on the main refinancing operations, the marginal lending facility and the "
       "deposit facility will be decreased to 4.25%, 4.50% and 3.75% respectively, with effect from 12 June 2024.")
FLIGHT = ("The previous test flight, on June 6, ended with both the booster and the ship splashing down, in the Gulf "
          "of Mexico and the Indian Ocean respectively.")


RATES = ["4.25%", "4.50%", "3.75%", "12 June"]
PLACES = ["Gulf of Mexico", "Indian Ocean", "June 6"]


@pytest.mark.parametrize("text, question, values, kept", [
    (ECB, "What is the ECB deposit rate after the June 2024 decision?", RATES, ["3.75%", "12 June"]),
    (ECB, "What is the ECB marginal lending facility rate?", RATES, ["4.50%", "12 June"]),
    (ECB, "What is the ECB main refinancing rate?", RATES, ["4.25%", "12 June"]),
    (ECB, "What are the ECB's rates?", RATES, ["12 June"]),  # no one item asked: none of the list answers
    (FLIGHT, "Where did Starship's ship splash down?", PLACES, ["Indian Ocean", "June 6"]),
    (FLIGHT, "Where did the Super Heavy booster splash down?", PLACES, ["Gulf of Mexico", "June 6"]),
    ("Gold and silver rose 2% and 3% respectively.", "How much did gold rise?", ["2%", "3%"], ["2%"]),
    ("Labour and the Conservatives won 411 and 121 seats respectively, while Reform UK won 5.",
     "How many seats did the Conservatives win?", ["411", "121", "5"], ["121", "5"]),
    ("Labour won 411 seats and the Conservatives 121.", "How many seats did the Conservatives win?",
     ["411", "121"], ["411", "121"]),  # no "respectively": left to the owners' own rules
])
def test_a_value_given_respectively_is_its_own_item_s(text, question, values, kept):
    assert [v for v in values if not bound_to_another_item(text, text.index(v), question)] == kept


@pytest.mark.parametrize("text", ["Sales in the two regions rose sharply over the year, to 5% respectively.",
                                  "5% respectively", "respectively 5%"])
def test_a_lone_value_is_no_list(text):
    assert not bound_to_another_item(text, text.index("5"), "How much did sales rise?")  # had raised


def test_the_deposit_rate_is_not_the_first_of_the_list(tmp_path):
    """The official statement's list had answered 4.25% (the main refinancing rate) to the
    deposit rate: "the only value an official source gives"."""
    from fixtures.build_hard_cases import HardCase, Page, build

    lead = "The Governing Council of the ECB today decided to lower the three key ECB interest rates by 25 basis points."
    report = ("The European Central Bank cut interest rates on Thursday, lowering its deposit rate to 3.75% from a "
              "record 4%, its first cut since 2019.")
    pages = [Page("https://www.ecb.europa.eu/press/pr/date/2024/html/ecb.mp240606.en.html", "European Central Bank",
                  "ECB monetary policy decisions", "2024-06-06T12:15:00Z", [lead, ECB], lead, engine="bing"),
             Page("https://www.reuters.com/markets/europe/ecb-cuts-rates-2024-06-06/", "Reuters",
                  "ECB cuts rates for the first time since 2019", "2024-06-06T13:00:00Z", [report], report, reuters=True)]
    pack = build(HardCase("ecb-rates", "respectively", "What is the ECB deposit rate after the June 2024 decision?",
                          "2024-06-07T10:00:00+00:00", {"answer": "3.75%"}, pages), tmp_path)
    answer = ask(replay=pack, use_model=False)
    assert answer.answer != "4.25%", answer
