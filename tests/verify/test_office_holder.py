"""Who holds an office: the answer's quote writes the office, and asked who holds it now, no
quote tells the answer has left it or is yet to take it."""

from orchestrator.policy import load_policy
from orchestrator.state import Candidate, Support
from orchestrator.verify.office_holder import asked_office, office_unsaid
from tests.conftest import ROOT

POLICY = load_policy(ROOT / "policies" / "default.yaml")  # its alias groups name offices otherwise


def answer(*quotes, name="X"):
    return Candidate(value=name, display=name, kind="person", score=1.0,
                     supports=[Support(source=i, quote=q, weight=1.0, why="media") for i, q in enumerate(quotes)])


def test_the_office_a_question_asks_the_holder_of():
    assert asked_office("Who is the leader of the Conservative Party?") == ("leader", True)
    assert asked_office("Who was elected pope?") == ("pope", False)
    assert asked_office("Who is Boeing's CEO?") == ("ceo", True)
    assert asked_office("Who became prime minister of the UK?") == ("minister", False)
    assert asked_office("Who is the new chief executive of Starbucks?") == ("executive", True)
    # a kinship, a win, a winner: no office
    assert asked_office("Who is the father of Han Kang?") is None
    assert asked_office("Who won the Super Bowl?") is None
    assert asked_office("Who was the winner of Euro 2024?") is None


def test_an_answer_must_have_a_quote_writing_the_office():
    """"Who is the leader of the Conservative Party?": "Starmer became prime minister ...,
    ending 14 years of Conservative government" names no Conservative leader; "Who was
    elected pope?": a headline on the Australian election names no pope."""
    starmer = "Starmer became prime minister on Friday, ending 14 years of Conservative government."
    question = "Who is the leader of the Conservative Party?"
    assert office_unsaid(answer(starmer), question) == "no quote of 'X' says 'leader'"
    assert office_unsaid(answer("Rishi Sunak, the Conservative leader, conceded."), question) is None
    assert office_unsaid(answer(starmer), "Who is the prime minister of the United Kingdom?") is None
    assert office_unsaid(answer("Albanese re-elected in landslide as Dutton loses seat"), "Who was elected pope?") \
        == "no quote of 'X' says 'pope'"
    # another way to write it: "chief executive" for CEO
    assert office_unsaid(answer("Boeing named Kelly Ortberg as its chief executive."), "Who is Boeing's CEO?",
                         aliases=POLICY.aliases) is None


def test_asked_who_holds_it_now_one_gone_or_yet_to_come_does_not():
    francis = answer("Pope Francis, the first Latin American pope, died on Monday, the Vatican said.", name="Francis")
    assert office_unsaid(francis, "Who is the pope?").startswith("the sources tell that 'Francis' has left")
    assert office_unsaid(francis, "Who was the pope in 2020?") is None  # asked of the past, he was
    niccol = answer("Brian Niccol will become its chairman and chief executive on September 9.", name="Brian Niccol")
    assert office_unsaid(niccol, "Who is the chief executive of Starbucks?") is not None
    singh = answer("NDP leader Jagmeet Singh lost his seat and resigned.", name="Jagmeet Singh")
    assert office_unsaid(singh, "Who is the leader of the NDP?") is not None
    # another's leaving, in a clause of its own, is not the answer's
    carney = answer("Mark Carney was sworn in as prime minister after Justin Trudeau resigned.", name="Mark Carney")
    assert office_unsaid(carney, "Who is the prime minister of Canada?") is None


def test_a_headline_naming_the_holder_stands_on_its_page_saying_when_they_take_office():
    """"Starbucks taps Chipotle's Brian Niccol as CEO" heads a page telling "Niccol will become
    its chairman and chief executive on September 9": asked on 20 August who the CEO is, not
    him yet."""
    niccol = answer("Starbucks taps Chipotle's Brian Niccol as CEO, ousting Narasimhan", name="Brian Niccol")
    page = ("Starbucks said on Tuesday that Chipotle chief Brian Niccol will become its chairman and chief "
            "executive on September 9. Rachel Ruggeri will serve as interim CEO until Niccol starts.")
    assert office_unsaid(niccol, "Who is the CEO of Starbucks?") is None
    assert office_unsaid(niccol, "Who is the CEO of Starbucks?", [page]) is not None
    assert office_unsaid(niccol, "Who was named CEO of Starbucks in August 2024?", [page]) is None


def test_the_vice_president_is_another_office_than_the_president():
    question = "Who was sworn in as vice president in January 2025?"
    assert asked_office(question) == ("vice president", False)
    trump = answer("Donald Trump was sworn in as the 47th president of the United States on 20 January 2025.")
    assert office_unsaid(trump, question) == "no quote of 'X' says 'vice president'"
    assert office_unsaid(answer("JD Vance was sworn in as vice president."), question) is None
    # nor is "president" said where it is only the vice president's title
    assert office_unsaid(answer("JD Vance was sworn in as vice president."), "Who was sworn in as president?") \
        == "no quote of 'X' says 'president'"
