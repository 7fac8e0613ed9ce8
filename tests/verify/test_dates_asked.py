"""Dates asked (verify/dates_found.py): a year question ("In what year did ...?") is
answered by a year written in digits beside what it asks, never by a day of the page's week;
a date choice is matched as a date; a question about what is yet to happen takes no day
before it was asked."""

from datetime import date

import pytest

from orchestrator import ask
from orchestrator.verify.dates_found import asks_ahead, asks_time_of_day, asks_year, date_candidates, year_candidates
from orchestrator.verify.passages import Passage
from tests.conftest import FIXTURES

FINAL = Passage(0, "The Springboks beat New Zealand 12-11 in the final at the Stade de France on Saturday.", 0, 1.0)
EARLIER = Passage(1, "The Springboks had also beaten the All Blacks in the 1995 final in Johannesburg.", 0, 0.5)
PAGES = {0: date(2023, 10, 29), 1: date(2023, 10, 29)}


def test_a_year_is_asked():
    assert asks_year("In what year did the Springboks first win?") and asks_year("Which year was it?")
    assert not asks_year("When did the Springboks win?")


def test_a_year_written_in_digits_answers_and_a_weekday_s_does_not():
    question = "In what year did the Springboks beat the All Blacks in the World Cup final in Johannesburg?"
    found = year_candidates([FINAL, EARLIER], question, PAGES, ["beat", "final"], ["springboks", "johannesburg"])
    assert [f.value for f in found] == ["1995"]


RUGBY = FIXTURES / "hard-cases" / "demonym-rugby-world-cup"


def _rugby(question: str):
    return ask(question, replay=RUGBY, use_model=False)


def test_a_day_of_another_thing_s_deed_answers_nothing():
    # the pages tell of the Springboks' win, never of the Wallabies: the date is theirs alone
    other = _rugby("When did the Wallabies beat New Zealand in the World Cup final?")
    assert other.status == "abstained", (other.status, other.answer)
    own = _rugby("When did South Africa beat New Zealand in the World Cup final?")
    assert own.answer == "2023-10-28", (own.status, own.answer)


def test_an_hour_of_the_day_is_asked():
    assert asks_time_of_day("At what time did the earthquake strike?") and asks_time_of_day("地震是几点发生的？")
    assert not asks_time_of_day("When did the earthquake strike?")
    assert not asks_time_of_day("In what time zone is Perth?")


def test_a_day_answers_when_but_not_at_what_time():
    when = _rugby("When did the Springboks beat New Zealand in the World Cup final?")
    assert when.answer == "2023-10-28", (when.status, when.answer)
    hour = _rugby("At what time did the Springboks beat New Zealand in the World Cup final?")
    assert hour.status == "abstained", (hour.status, hour.answer)


@pytest.mark.parametrize(("text", "question", "expected"), [
    # the year of another thing's name ("the 2032 Olympic Games") is no year of the one asked
    ("Brisbane was elected to host the 2032 Olympic and Paralympic Games.",
     "In what year did Brisbane host the Commonwealth Games?", []),
    ("Brisbane was elected to host the 2032 Olympic and Paralympic Games.",
     "In what year will Brisbane host the Summer Olympics?", ["2032"]),
    # nor is the year another name owns in its clause
    ("Brisbane will host the 2032 Summer Olympics.", "In what year did Melbourne host the Summer Olympics?", []),
])
def test_a_year_is_the_asked_thing_s(text, question, expected):
    found = year_candidates([Passage(0, text, 0, 1.0)], question, {}, ["host"], [])
    assert [f.value for f in found] == expected


def test_a_year_question_on_a_pack_answers_the_year_or_abstains():
    pack = FIXTURES / "hard-cases" / "demonym-rugby-world-cup"
    answer = ask("In what year did the Springboks beat the All Blacks in the World Cup final in Johannesburg?",
                 replay=pack, use_model=False)
    assert answer.answer == "1995", (answer.status, answer.answer)
    # the pages give no year of South Africa's first title beside "first": the final's day is no answer
    first = ask("In what year did South Africa win its first Rugby World Cup?", replay=pack, use_model=False)
    assert first.answer != "2023-10-28"


@pytest.mark.parametrize(("choice", "text", "written"), [
    ("11 August 2024", "Sifan Hassan won the women's marathon on 11 August, the final day.", True),
    ("February 22, 2024", "Odysseus landed on Feb. 22, 2024, near the south pole.", True),
    ("11 August 2024", "The athletes arrived on 11 July 2024.", False),  # the day's number and year, another month
    ("11 August 2024", "PARIS, Aug 11 (Reuters) - The Netherlands finished with 15 golds.", False),  # its dateline
])
def test_a_date_choice_is_matched_as_a_date(choice, text, written):
    from orchestrator.verify.choices import number_at
    assert (number_at(choice, text) is not None) is written


def test_a_date_choice_written_without_its_year_is_answered():
    answer = ask("When did Sifan Hassan win the marathon?", replay=FIXTURES / "hard-cases" / "date-vs-count-netherlands",
                 choices=["11 August 2024", "15 August 2024", "6 August 2024"], use_model=False)
    assert answer.choice_index == 0 and answer.status == "answered", answer.warnings


def test_a_question_about_what_is_yet_to_happen_takes_no_past_day():
    assert asks_ahead("When will the next Super Bowl be played?") and asks_ahead("When is the next election?")
    assert not asks_ahead("When was the Super Bowl played?")
    answer = ask("When will the next Super Bowl be played?", replay=FIXTURES / "hard-cases" / "wrong-type-super-bowl-state",
                 use_model=False)
    assert answer.status == "abstained", (answer.answer, answer.citations)  # the one just played is no answer


def test_a_date_choice_is_a_date_given_for_what_was_asked():
    """"appointed Sir Keir Starmer as Prime Minister, following the general election of 4 July
    2024": the 4th is the election's, and had answered when he was appointed."""
    answer = ask("When was Keir Starmer appointed prime minister?",
                 replay=FIXTURES / "hard-cases" / "partial-name-uk-prime-minister",
                 choices=["4 July 2024", "5 July 2024", "6 July 2024"], use_model=False)
    assert answer.answer != "4 July 2024", answer.citations


@pytest.mark.parametrize(("question", "expected"), [
    ("When did Keir Starmer become prime minister?", "2024-07-05"),  # not the election's 4 July
    ("When was the general election held?", "2024-07-04"),
])
def test_a_date_written_as_another_event_s_is_no_answer(question, expected):
    answer = ask(question, replay=FIXTURES / "hard-cases" / "partial-name-uk-prime-minister", use_model=False)
    assert answer.answer == expected, (answer.status, answer.citations)


# Intel announced on Monday 2 December 2024 that Pat Gelsinger had retired effective 1 December;
# Joe Biden announced on Sunday 21 July 2024 that he was ending his campaign
GELSINGER = Passage(0, "Intel said on Monday that chief executive Pat Gelsinger had retired from the company "
                       "and its board effective December 1, ending a nearly four-year tenure.", 0, 1.0)
BIDEN = Passage(1, "President Joe Biden announced on Sunday that he was ending his reelection campaign.", 0, 1.0)


@pytest.mark.parametrize(("passage", "said", "expected"), [
    (GELSINGER, ["retired"], ["2024-12-01"]),  # what happened, not the day it was said
    (GELSINGER, ["said"], ["2024-12-02"]),  # asked when Intel said so
    (BIDEN, ["ending", "campaign"], ["2024-07-21"]),  # the telling's day is the only one: it stays
])
def test_the_day_a_thing_was_said_gives_way_to_the_day_it_happened(passage, said, expected):
    pages = {0: date(2024, 12, 2), 1: date(2024, 7, 21)}
    assert [f.value for f in date_candidates([passage], pages, said)] == expected


def test_a_span_s_dates_answer_only_its_start_or_its_end():
    """"When did voting end?" had answered 19 April from "between 19 April and 1 June"."""
    from orchestrator.verify.dates_found import said_of_the_date

    passage = Passage(0, "Voting took place in seven phases between 19 April and 1 June; counting began on 4 June.", 0, 1.0)

    def dated(question: str) -> list[str]:
        return [f.value for f in date_candidates([passage], {0: date(2024, 6, 5)}, said_of_the_date(question, []))]

    assert dated("When did voting end in the 2024 Indian election?") == ["2024-06-01"]
    assert dated("When did voting begin in the 2024 Indian election?") == ["2024-04-19"]
    assert dated("When did counting begin?") == ["2024-06-04"]
    assert dated("When was the election held?") == []  # a span is no one day
