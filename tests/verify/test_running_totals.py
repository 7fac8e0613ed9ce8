"""A running total is the count so far, and the number its sentence adds to it is one day's:
asked how many a side has won, the total answers; asked about the day, the day's count."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.running_totals import added_to, asks_one_day, is_running_total
from tests.kb.offline import ask_offline, documents_file
from tests.verify.counts import numbers

# Léon Marchand won the 200m butterfly and the 200m breaststroke on 31 July 2024, after the
# 400m individual medley on 28 July: three golds
MARCHAND = "Léon Marchand won two gold medals at the Paris Olympics on Wednesday, bringing his gold tally to three."
BEYONCE = "Beyoncé won three Grammys on Sunday, bringing her career total to 35, the most of any artist."


@pytest.mark.parametrize("text, total", [
    (MARCHAND, "three"),
    (BEYONCE, "35"),
    ("Marchand won two golds on Wednesday, taking his tally at these Games to three.", "three"),
    ("China's gold tally now stands at 40 after the final day.", "40"),
    ("She finished the season with 12 wins, for a career total of 91.", "91"),
    ("中国队当天再夺2枚金牌，金牌总数达到40枚。", "40枚"),
])
def test_a_running_total_and_what_its_sentence_added(text, total):
    mentions = find_numbers(text)
    assert [m.text for m in mentions if is_running_total(text, m)] == [total]  # "40枚": the number as written
    running = next(m for m in mentions if m.text == total)
    assert added_to(text, running, mentions) == (mentions[0] if len(mentions) > 1 else None)


def test_a_count_with_no_total_beside_it_is_no_running_total():
    text = "Marchand won four gold medals and a bronze in Paris."
    assert not any(is_running_total(text, m) for m in find_numbers(text))


@pytest.mark.parametrize("question, one_day", [
    ("How many gold medals did Marchand win on Wednesday?", True),
    ("How many Grammys did Beyoncé win at Sunday's ceremony?", True),
    ("How many gold medals did China win yesterday?", True),
    ("How many gold medals did China win on August 3?", True),
    ("How many gold medals has Marchand won at the Paris Olympics?", False),
    ("How many gold medals did China win at the 2024 Olympics?", False),
])
def test_a_question_about_one_day(question, one_day):
    assert asks_one_day(question) is one_day


def test_the_total_answers_how_many_so_far_and_the_days_count_the_day():
    assert numbers("How many gold medals has Marchand won at the Paris Olympics?", MARCHAND) == ["3"]
    assert numbers("How many gold medals did Marchand win on Wednesday?", MARCHAND) == ["2"]
    # a bare "total" sums what the sentence counted (Grammys), not medals in total
    assert numbers("How many Grammys has Beyoncé won in her career?", BEYONCE) == ["35"]
    assert numbers("How many Grammys did Beyoncé win on Sunday?", BEYONCE) == ["3"]
    # the total's own measure where it names one: medals in total, no count of golds
    medals = "China won two gold medals on Saturday, bringing its medal tally to 40."
    assert numbers("How many medals has China won?", medals) == ["40"]
    assert numbers("How many gold medals has China won?", medals) == []


def test_what_a_win_gave_is_the_total_and_what_is_still_to_count_is_none_of_it():
    abroad = ("Chega became the second-largest party after it won two of the four seats elected by voters abroad, "
              "giving it 60 seats, ahead of the Socialist Party's 58.")
    assert numbers("How many seats does Chega have?", abroad) == ["60"]
    pending = "Chega tied with the Socialist Party on 58 seats each, with four seats still to be counted."
    assert numbers("How many seats did Chega win?", pending) == ["58"]
    assert numbers("How many seats are still to be counted?", pending) == ["4"]


def test_how_far_a_count_has_got_is_no_one_s_count():
    # "649 of 650 seats declared" tells how far the count has got, "the last of the 650
    # seats" the whole; the parties' counts are in the list that follows
    declared = ("With 649 of 650 seats declared, Labour had 411 seats, the Conservatives 121 and the "
                "Liberal Democrats 71.")
    assert numbers("How many seats did the Conservatives win?", declared) == ["121"]
    assert numbers("How many seats did the Liberal Democrats win?", declared) == ["71"]
    last = ("The last of the 650 seats was declared on Saturday after two recounts: the Liberal Democrats won "
            "Inverness, Skye and West Ross-shire, taking the party to 72 seats.")
    assert numbers("How many seats did the Liberal Democrats win?", last) == ["72"]
    # asked of no one's part, the whole is the count: "the last of the 10 inmates" escaped
    inmates = "The last of the 10 inmates who escaped from a New Orleans jail in May has been captured."
    assert numbers("How many inmates escaped from the New Orleans jail?", inmates) == ["10"]
    counted = "With 95% of the vote counted, Claudia Sheinbaum had 59.8% of the vote."
    assert numbers("What percentage of the vote did Claudia Sheinbaum win?", counted) == ["59.8"]


def test_the_exact_count_beats_the_round_mark_it_passed():
    text = ("The number of people killed in the earthquake has passed 3,000, state media reported, with 3,085 dead "
            "and 4,715 injured.")
    assert numbers("How many people died in the earthquake?", text) == ["3085"]
    assert numbers("How many people died in the earthquake?", "The death toll has passed 3,000.") == ["3000"]


def test_a_count_risen_to_a_number_is_no_second_side_of_a_pair():
    """"7.7 earthquake ... has risen to 1,644" is no tally of two sides: 1,644 counts the dead,
    not the quake's magnitude."""
    text = ("The death toll from Friday's magnitude 7.7 earthquake in Myanmar has risen to 1,644, the military "
            "government said, with 3,408 people injured.")
    assert numbers("How many people died in the Myanmar earthquake?", text) == ["1644"]
    assert numbers("How many electoral votes did Trump win?", "Trump won 312 electoral votes to Harris's 226.") == ["312"]


def test_a_seasons_count_is_not_one_games():
    barkley = "Saquon Barkley, who ran for 2,005 yards in the regular season, was held to 57 yards."
    assert numbers("How many rushing yards did Saquon Barkley have in Super Bowl LIX?", barkley) == ["57"]
    assert numbers("How many yards did Saquon Barkley run in the final?", barkley) == ["57"]
    assert numbers("How many rushing yards did Saquon Barkley have in the regular season?", barkley) == ["2005"]


# The team's own short reports of a real event (the 67th Grammy Awards, 2 February 2025).
DOCS = [
    {"url": "https://apnews.com/article/grammys-2025-beyonce-album-of-the-year",
     "title": "Beyoncé wins album of the year for 'Cowboy Carter'",
     "text": "Beyoncé won three Grammys on Sunday, bringing her career total to 35, the most of any artist.",
     "published_at": "2025-02-03", "publisher": "AP"},
    {"url": "https://www.reuters.com/lifestyle/beyonce-grammys-2025-cowboy-carter/",
     "title": "Beyoncé finally takes album of the year",
     "text": "Beyoncé won three awards on Sunday night, including album of the year, taking her career total "
             "to 35 Grammys.",
     "published_at": "2025-02-03", "publisher": "Reuters"},
]


@pytest.mark.parametrize("question, choices, expected", [
    ("How many Grammys has Beyoncé won in her career?", None, "35"),
    ("How many Grammys has Beyoncé won in her career?", ["3", "32", "35", "28"], "35"),
    ("How many Grammys did Beyoncé win on Sunday?", None, "3"),
])
def test_a_career_total_is_not_one_nights_count(tmp_path, question, choices, expected):
    """Both reports say three on Sunday before the total; three had been the career answer."""
    docs = documents_file(tmp_path / "grammys.jsonl", DOCS)
    answer = ask_offline(question, docs, datetime(2025, 2, 4, tzinfo=UTC), choices=choices)
    assert (answer.status, answer.answer) == ("answered", expected), answer.warnings


def test_a_forecast_is_no_count_of_what_was_done():
    from tests.verify.counts import numbers
    text = "Nintendo has forecast sales of 15 million Switch 2 consoles in the fiscal year."
    assert numbers("How many Switch 2 consoles did Nintendo sell?", text) == []
    assert numbers("How many Switch 2 consoles does Nintendo forecast it will sell?", text) == ["15000000"]
    text = "Analysts had expected a loss, but Nintendo sold 3.5 million Switch 2 consoles."  # another clause's
    assert numbers("How many Switch 2 consoles did Nintendo sell?", text) == ["3500000"]
    from orchestrator.verify.numbers import find_numbers
    from orchestrator.verify.running_totals import is_foreseen
    text = "Inflation is at 3.8%, almost double the Bank's 2% target."
    three, two = find_numbers(text)
    assert is_foreseen(text, two, "What is the inflation rate?") and not is_foreseen(text, three, "What is the inflation rate?")
    text = "Sam Reinhart scored four goals in Game 6."  # a goal scored is no goal set
    assert not is_foreseen(text, find_numbers(text)[0], "How many goals did Sam Reinhart score?")
