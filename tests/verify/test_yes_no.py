"""Yes/no claims read against the pages (verify/yes_no.py)."""

import pytest

from tests.verify.reported import ask_reported


def test_the_ordinals_and_days_a_claim_names():
    """An ordinal by the word it qualifies, a day by its month, however the date is written."""
    from orchestrator.verify.yes_no import _marks

    assert _marks("the fourth straight Summer Olympics; the 47th president") == {
        ("ordinal", "straight"): {4.0}, ("ordinal", "president"): {47.0}}
    assert _marks("It touched down on March 6 and ended on 7 March and then went dark.") == {("day", 3): {6.0, 7.0}}


def test_a_verb_puts_a_bound_on_the_question_s_number():
    """"Did the toll exceed 3,000?" is answered yes by 3,649, not no for being another number."""
    from orchestrator.verify.numbers import find_numbers
    from orchestrator.verify.yes_no import _holds

    def holds(question: str, value: float) -> bool:
        return _holds(value, find_numbers(question)[-1], question)

    assert holds("Did the death toll exceed 3,000?", 3649) and not holds("Did the death toll exceed 3,000?", 2719)
    assert holds("Did gold top $3,500 an ounce?", 3500.05) and holds("Did bitcoin hit $100,000?", 100000)
    assert holds("Did the Switch 2 cost more than $400?", 449.99)  # the sign between the bound and the number
    assert holds("Did shares fall below $10?", 9.5) and not holds("Did shares fall below $10?", 10.5)
    assert not holds("Did the U.S. win 39 gold medals?", 40)  # no bound: the number itself


def test_a_bound_crossed_once_is_crossed_and_an_amount_is_asked_of_amounts():
    from orchestrator.config import DEFAULT_POLICY
    from orchestrator.policy import load_policy
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.yes_no import yes_no_candidates

    policy = load_policy(DEFAULT_POLICY)

    def said(question: str, *texts: str) -> list[str]:
        passages = [Passage(source=i, text=t, start=0, score=1.0) for i, t in enumerate(texts)]
        return sorted(f.value for f in yes_no_candidates(passages, passages, {i: t for i, t in enumerate(texts)},
                                                          {}, question, policy))

    # a record of $3,500.05 topped it, whatever gold did the next day
    assert said("Did gold top $3,500 an ounce?", "Spot gold rose as high as $3,500.05 an ounce on Tuesday, a record.",
                "Gold fell 3% to $3,288 an ounce on Wednesday.") == ["yes"]
    # consoles sold say nothing of a price
    assert said("Did the Switch 2 cost more than $400?",
                "Nintendo said it sold more than 3.5 million Switch 2 consoles in four days.") == []


def test_a_team_named_by_its_number_is_a_name_not_a_stated_count(tmp_path):
    """"Did the 49ers win Super Bowl LVIII?" had been read as a claim of 49 ("the 49ers" as a
    count): any page writing the 49ers said yes, "The Chiefs beat the 49ers 25-22" too."""
    from orchestrator.verify.question import named_terms

    assert ["49ers"] in named_terms("Did the 49ers win Super Bowl LVIII?", [])
    report = ("The Kansas City Chiefs beat the San Francisco 49ers 25-22 in overtime in Super Bowl LVIII at Allegiant "
              "Stadium on Sunday.")
    answer = ask_reported(tmp_path, "Did the 49ers win Super Bowl LVIII?", [report],
                          headline="Chiefs beat 49ers 25-22 in overtime to win Super Bowl LVIII",
                          path="nfl/super-bowl-lviii-chiefs-49ers", published="2024-02-12T04:00:00Z",
                          asked_at="2024-02-13T10:00:00+00:00", outlets=(("espn", "ESPN"), ("cbssports", "CBS Sports")))
    assert answer.answer != "yes"


@pytest.mark.parametrize("question, text", [
    # a refusal, a "without", denies what it governs
    ("Did the ECB commit to further rate cuts in June 2024?",
     "ECB President Christine Lagarde declined to commit to further cuts in June 2024, saying the bank was not "
     "pre-committing to a particular rate path."),
    ("Did Chandrayaan's orbiter land on the moon?",
     "Chandrayaan's orbiter circled the moon for a year and returned its data to Earth without landing."),
    # a question about what is still to come: today's value is no "no"
    ("Will the BOJ raise rates to 0.75% in 2025?", "The BOJ raises rates to a 17-year high of 0.5% in January 2025."),
])
def test_a_refusal_or_a_value_still_to_come_is_no_yes_or_no(tmp_path, question, text):
    """"Lagarde declined to commit to further cuts" had said yes to whether the ECB committed;
    "without landing" yes to whether Artemis II will land; the BOJ's 0.5% no to whether it will
    reach 0.75% this year."""
    answer = ask_reported(tmp_path, question, [text], headline=text[:60], path="news/2025/01/24/story",
                          published="2025-01-24T09:00:00Z", asked_at="2025-01-25T10:00:00+00:00")
    assert answer.answer == (None if question.startswith("Will the BOJ") else "no")


def test_a_possibility_is_no_outcome_nor_a_plan(tmp_path):
    """"concerns the ruling coalition could win a two-thirds supermajority" had said yes to
    whether Morena will win one."""
    text = "The peso fell on Monday on concerns that Morena could win a two-thirds supermajority in Congress."
    answer = ask_reported(tmp_path, "Will Morena win a two-thirds supermajority in Congress?", [text],
                          headline="Mexican peso falls after election", path="world/mexico-peso-falls-2024-06-03",
                          published="2024-06-03T15:00:00Z", asked_at="2024-06-04T10:00:00+00:00")
    assert answer.status == "abstained"
