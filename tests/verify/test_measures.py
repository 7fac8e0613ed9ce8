"""Numbers bound to what they measure: a question naming a measure is answered only by it."""

import pytest

from orchestrator import ask
from orchestrator.policy import load_policy
from orchestrator.verify.measures import answers_measure, bound_measure, question_measure
from orchestrator.verify.numbers import find_numbers
from tests.conftest import CHINA, ROOT, USA

MEASURES = load_policy(ROOT / "policies" / "default.yaml").measures


def bound(text: str) -> dict[str, str | None]:
    mentions = find_numbers(text)
    return {m.text: bound_measure(text, m, mentions, MEASURES) for m in mentions if not m.ordinal}


@pytest.mark.parametrize("text, expected", [
    ("China finished second with 40 gold, 27 silver and 24 bronze medals, 91 in total.",
     {"40": "gold", "27": "silver", "24": "bronze", "91": "total"}),
    ("中国体育代表团以40枚金牌、27枚银牌、24枚铜牌，奖牌总数91枚的成绩收官",
     {"40枚": "gold", "27枚": "silver", "24枚": "bronze", "91枚": "total"}),
    ("The U.S. took home 126 medals, including 40 golds.", {"126": "total", "40": "gold"}),  # medals, no part named
    ("中国体育代表团40金27银24铜创境外参赛最好成绩", {"40": "gold", "27": "silver", "24": "bronze"}),  # each after its number
    ("A total of 329 medal events were contested.", {"329": "events"}),  # no one's medal count
    # a noun of its own after a number stops it reaching back to the measure before it
    ("A total of 329 medal events in 32 sports were contested.", {"329": "events", "32": "other noun"}),
    ("为期17天的巴黎奥运会正式落下帷幕", {"17天": "duration"}),
    ("The Greens won 12 seats with 35,000 votes.", {"12": "seats", "35,000": "votes"}),
    # a number set after its noun by a comma: silvers, no total of medals
    ("The United States ranked first on its larger number of silver medals, 44 to China's 27.",
     {"44": "silver", "27": "silver"}),
])
def test_each_number_is_bound_to_the_measure_word_beside_it(text, expected):
    assert bound(text) == expected


@pytest.mark.parametrize("question, measure", [
    ("2024年巴黎奥运会中国代表团金牌数", "gold"),
    ("2024年巴黎奥运会美国代表团奖牌总数是多少？", "total"),
    ("How many medals did the United States win in total?", "total"),
    ("How many total gold medals did China win?", "gold"),  # the part it names, not the word total
    ("How many medals did China win?", "total"),  # medals with no part named are all of them
    ("How many points did Doncic score?", None),
])
def test_the_question_names_its_measure(question, measure):
    assert question_measure(question, MEASURES) == measure


def test_a_total_may_be_a_bare_count_a_part_never_is():
    assert answers_measure("total", None) and answers_measure("total", "total")
    assert not answers_measure("total", "bronze") and not answers_measure("gold", None)
    # a question naming no measure counts something else: "44 silver medals" is no count of Olympics
    assert not answers_measure(None, "bronze") and answers_measure(None, None)


@pytest.mark.parametrize("pack", [CHINA, USA], ids=["china-pack", "us-pack"])
def test_the_us_total_is_never_read_off_a_gold_or_bronze_count(pack):
    """Asked for the US total, the packs' "24枚铜牌" and "40 gold medals" are no answer."""
    answer = ask("2024年巴黎奥运会美国代表团奖牌总数是多少？", replay=pack, use_model=False)
    assert answer.status == "answered" and answer.answer == "126"


def test_chinas_total_is_its_total_not_its_bronze_or_the_games_length():
    answer = ask("2024年巴黎奥运会中国代表团奖牌总数是多少？", replay=CHINA, use_model=False)
    assert (answer.status, answer.answer) == ("answered", "91")


def test_a_gold_question_lists_no_total_as_a_rival_value():
    answer = ask("How many gold medals did the United States win at Paris 2024?", replay=USA, use_model=False)
    assert answer.answer == "40" and not any("126" in w for w in answer.warnings)


def test_another_countrys_number_is_no_answer():
    """Asked for China's total, the packs' US total (126) is never read, though China is named beside it."""
    for pack in (CHINA, USA):
        answer = ask("2024年巴黎奥运会中国代表团奖牌总数是多少？", replay=pack, use_model=False)
        assert (answer.status, answer.answer) == ("answered", "91")


@pytest.mark.parametrize("question, text, expected", [
    # no country asked: one country's count is not the Games'
    ("How many silver medals were won at Paris 2024?", "China won 27 silver medals at Paris 2024.", []),
    ("How many medal events were there at Paris 2024?", "Paris 2024 held 329 medal events.", ["329"]),
    # "the US" in capitals is the country asked: its own count answers
    ("How many gold medals did the US win at Paris 2024?", "The U.S. won 40 gold medals at Paris 2024.", ["40"]),
    # the question's own name between the country and the count: it is hers
    ("How many gold medals did Léon Marchand win at Paris 2024?", "France's Léon Marchand won 4 gold medals at Paris 2024.",
     ["4"]),
    # the sentence's subject is the question's name: the places it lists own nothing ("Georgia" a state here)
    ("How many electoral votes did Donald Trump win in 2024?", "Trump carried all seven battleground states, "
     "including Pennsylvania, Georgia and Wisconsin, finishing with 312 electoral votes to Harris's 226.", ["312"]),
])
def test_a_count_asked_of_no_country_is_no_one_country_s(question, text, expected):
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    aliases = load_policy(ROOT / "policies" / "default.yaml").aliases
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), MEASURES, aliases, tally=True)
    assert [f.value for f in found] == expected



@pytest.mark.parametrize(("question", "text", "expected"), [
    ("How many seats did the Conservatives win?", "The Conservatives lost more than 240 seats as Labour won a landslide.", []),
    ("How many seats did the Conservatives win?", "The Conservatives won 121 seats, after losing 251.", ["121"]),
    ("How many seats did the Conservatives lose?", "The Conservatives won 121 seats and lost 251.", ["251"]),
])
def test_a_count_after_the_opposite_verb_counts_the_other_thing(question, text, expected):
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), MEASURES, tally=True)
    assert [f.value for f in found] == expected

@pytest.mark.parametrize(("question", "text", "expected"), [
    ("How many electoral votes were needed to win?",
     "Harris finishes with 226 electoral votes and Trump with 312, more than the 270 electoral votes needed.", ["270"]),
    ("How many electoral votes were needed to win?", "A candidate needs 270 electoral votes to win.", ["270"]),
    ("How many electoral votes were needed to win?", "The win brings Trump to 312 electoral votes.", []),
    ("How many electoral votes did Trump win?", "Trump won more than the 270 electoral votes required.", []),
])
def test_what_it_takes_is_no_tally_and_a_tally_is_not_what_it_takes(question, text, expected):
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), MEASURES, tally=True)
    assert [f.value for f in found] == expected


@pytest.mark.parametrize(("question", "text", "expected"), [
    ("How many Oscars did Sean Baker win?", "The independent film directed by Sean Baker won five Oscars on Sunday.", []),
    ("How many Oscars did Anora win?", "The independent film directed by Sean Baker won five Oscars on Sunday.", ["5"]),
    # a sentence about another name, not naming the counted one, counts the other's
    ("How many seats did the Conservatives win?", "Labour won the election, taking 411 of the 650 seats.", []),
    ("How many seats did the Conservatives win?", "The Conservatives fell to 121 seats.", ["121"]),
    ("How many Oscars did The Brutalist win?", "Anora won five Oscars on Sunday.", []),
    ("How many seats did Reform UK win?", "LONDON, July 5 (Reuters) - Labour won 411 seats.", []),
    # a passive verb's doer is the sentence's own
    ("How many electoral votes did Joe Biden win?", "Trump was defeated by Joe Biden, who won 306 electoral votes.",
     ["306"]),
])
def test_the_maker_of_what_a_sentence_is_about_does_not_own_its_count(question, text, expected):
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), MEASURES, tally=True)
    assert [f.value for f in found] == expected


def test_a_count_of_the_whole_games_is_no_country_s():
    """"How many silver medals were won at Paris 2024?" asks for every silver; the pages give
    only each country's (China's 27, the United States' 44), so it abstains."""
    answer = ask("How many silver medals were won at Paris 2024?", replay=USA, use_model=False)
    assert answer.status == "abstained", (answer.answer, answer.warnings)


def test_a_number_is_read_with_the_rest_of_its_clause():
    # "identify" stands right after 7%, but all that 62%'s clause says is what is asked
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    text = ("In the survey, 58% of adults in the region say they rent their home, 30% own it outright, and 12% "
            "rent from family members.")
    question = "What share of adults in the region rent their home?"
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question))
    assert [f.value for f in found] == ["58"]


def test_an_amount_is_answered_with_its_currency_sign():
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    text = "The city will sell the stadium for $12.5 million to a local club, officials said."
    question = "For how much will the city sell the stadium?"
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question))
    assert [(f.value, f.display) for f in found] == [("12500000", "$12.5 million")]


@pytest.mark.parametrize("text, question, tally, values", [
    # a distance written onto its number is no count of medals
    ("Hassan won bronze medals in the 5,000m and the 10,000m.", "How many bronze medals did Hassan win?", True, []),
    ("The quake was felt in Bangkok, more than 1,000 km away.", "How many buildings collapsed in Bangkok?", True, []),
    ("The race over 5,000m took 14 minutes.", "How long was the race?", False, ["5000"]),
    # a side of a score counts goals, nothing else
    ("Madrid sealed a 2-0 win and a record-extending 15th European title.", "How many European titles has Madrid won?",
     False, []),
    ("Madrid sealed a 2-0 win over Dortmund.", "How many goals did Madrid score?", False, ["2"]),
])
def test_a_count_is_no_distance_and_a_score_counts_only_goals(text, question, tally, values):
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), tally=tally)
    assert [f.value for f in found] == values


@pytest.mark.parametrize("text, question, values", [
    # the part is the count asked; the whole it is counted from is every vote, every race
    ("Quist received 14 of the 21 votes cast in the mayoral vote.", "How many votes did Quist receive?", ["14"]),
    ("She won 3 out of 5 races this season.", "How many races did she win?", ["3"]),
])
def test_a_part_is_counted_with_its_wholes_noun_and_the_whole_never_answers(text, question, values):
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), MEASURES)
    assert [f.value for f in found] == values
    mentions = find_numbers(text)
    assert bound_measure(text, mentions[0], mentions, MEASURES) == bound_measure(text, mentions[1], mentions, MEASURES)


def test_the_games_own_count_is_read_off_the_official_page():
    """"How many medal events were held at Paris 2024?" names no topic word the policy knew, so
    olympics.com was no official source and its 329 alone abstained, saying an official one
    was needed; "medal events" and "Paris 2024" are the Olympics topic's words."""
    answer = ask("How many medal events were held at Paris 2024?", replay=USA, use_model=False)
    assert (answer.status, answer.answer) == ("answered", "329"), answer.warnings
    assert [c.tier for c in answer.citations] == ["official"]


@pytest.mark.parametrize("question", [
    # a share: the table's 126 is a count of medals, no percentage
    "What percentage of medals did the United States win at Paris 2024?",
    # a place by bronzes: the table ranks by golds, and its 2nd for China is no bronze place
    "Where did China rank by bronze medals at Paris 2024?",
    # half the team: the whole team's 40 golds are not the women's
    "How many gold medals did the United States women win at Paris 2024?",
    "How many gold medals did the United States men's team win at Paris 2024?",
])
def test_a_question_the_medal_table_does_not_answer(question):
    """Each was answered with a real quote of the wrong figure (126, 2nd, 40)."""
    answer = ask(question, replay=USA, use_model=False)
    assert answer.status == "abstained", (answer.answer, answer.warnings)


@pytest.mark.parametrize("question, expected", [
    ("How many gold medals did Team GB win at Paris 2024?", "14"),
    ("How many gold medals did Great Britain win at Paris 2024?", "14"),
    # a tally or a count is a number, whatever the team's name says ("Team" read as an organisation)
    ("What was Team USA's gold medal tally at the 2024 Summer Games?", "40"),
    # "medal count" with no part named is the total, not the bronze count the official row ends with
    ("What was the final medal count of the United States at Paris 2024?", "126"),
])
def test_a_country_and_a_count_however_the_question_says_them(question, expected):
    """Each abstained, or answered a place ("Stade de France") or the bronze count (42)."""
    answer = ask(question, replay=USA, use_model=False)
    assert (answer.status, answer.answer) == ("answered", expected), answer.warnings


@pytest.mark.parametrize(("question", "expected"), [
    ("How many medal events were contested at Paris 2024?", ["329"]),
    ("How many sports were contested at Paris 2024?", ["32"]),
    ("How many medals did Great Britain win?", []),
])
def test_a_count_of_another_noun_answers_only_a_question_of_no_measure(question, expected):
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    text = "A total of 329 medal events in 32 sports were contested at Paris 2024."
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), MEASURES, tally=True)
    assert [f.value for f in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Real Madrid knocked out Bayern Munich, and they won the final with two goals in nine minutes.", []),
    ("Real Madrid have won 15 titles.", ["15"]),
    ("Real Madrid have now won it 15 times.", ["15"]),  # times count titles too
    ("Real Madrid Have Won 15 European Titles.", ["15"]),  # a headline's capitals count them still
])
def test_a_count_of_another_noun_is_no_count_of_the_asked_one(text, expected):
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    question = "How many European titles has Real Madrid won?"
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), MEASURES)
    assert [f.value for f in found] == expected


def test_a_count_of_named_events_is_no_count_of_the_titles_asked():
    from tests.verify.counts import numbers
    text = "It was Alcaraz's fifth Grand Slam title after two Wimbledons, last year's French Open and the 2022 US Open."
    assert numbers("How many Grand Slam titles has Carlos Alcaraz won?", text) == []  # two Wimbledons are a part


def test_a_choice_counting_another_noun_is_no_answer():
    answer = ask("How many European titles has Real Madrid won?", replay=ROOT / "fixtures" / "hard-cases" /
                 "choice-bystanders-champions-league", choices=["15", "14", "2", "6"], use_model=False)
    assert answer.status == "abstained" and answer.answer is None


def test_what_is_counted_stands_right_after_how_many():
    from orchestrator.verify.measures import counts_another_noun
    text = "IOC members voted in Tokyo on Wednesday, two days before the opening ceremony; 72 members voted yes."
    days, members = find_numbers(text)
    question = "How many IOC members voted against Brisbane hosting the 2032 Games?"
    assert counts_another_noun(text, days, question) and not counts_another_noun(text, members, question)


def test_a_number_in_a_unit_of_measure_counts_only_that_unit():
    """"the women's +81kg title" is a weight class, no count of what "how many" asks; "12 km"
    is a count where kilometres are asked. Before, "¿Cuántos oros ganó China?" (a word the
    gloss did not know for golds) answered 81."""
    from orchestrator.verify.measures import counts_another_noun
    text = "Li Wenwen won the women's +81kg title, and the route runs 12 km."
    weight, length = find_numbers(text)
    assert counts_another_noun(text, weight, "how many won China Paris 2024?")
    assert counts_another_noun(text, weight, "How many gold medals did China win?")
    assert not counts_another_noun(text, length, "How many kilometres does the route run?")


@pytest.mark.parametrize("text", [
    "The magnitude 7.7 earthquake that struck Myanmar on March 28 has killed 3,600 people, the government said.",
    "A 7.7-magnitude earthquake struck Myanmar on March 28 and has killed 3,600 people, the government said.",
    "3月28日缅甸发生7.7级地震，已造成3600人死亡。",
])
def test_a_quakes_magnitude_counts_nothing(text):
    """The magnitude stands nearer the question's words ("earthquake ... Myanmar ...
    people") than the toll does; it measures the quake and is no count of the dead."""
    from orchestrator.verify.candidates import number_candidates
    from orchestrator.verify.passages import Passage
    from orchestrator.verify.question import keywords
    question = "缅甸地震造成多少人死亡？" if "地震" in text else "How many people died in the Myanmar earthquake?"
    found = number_candidates([Passage(0, text, 0, 1.0)], question, keywords(question), MEASURES)
    assert [f.value for f in found] == ["3600"]
    assert question_measure("What was the magnitude of the earthquake?", MEASURES) == "magnitude"


def test_a_body_s_size_is_the_whole_its_parts_are_counted_from():
    from tests.verify.counts import numbers
    text = "The Democratic Alliance won 89 of the 230 seats, short of a majority."
    assert numbers("How many seats are in Portugal's parliament?", text) == ["230"]
    assert numbers("How many seats did the Democratic Alliance win?", text) == ["89"]


def test_a_count_of_times_titling_another_name_is_not_the_asked_one_s():
    from tests.verify.counts import numbers
    tour = ("Tadej Pogačar won the Tour de France for the third time on Sunday, ahead of two-time defending "
            "champion Jonas Vingegaard.")
    assert numbers("How many times has Pogačar won the Tour de France?", tour) == []  # had been Vingegaard's 2
    assert numbers("How many times has Vingegaard won the Tour de France?", tour) == ["2"]


def test_a_count_of_times_is_written_as_one():
    from tests.verify.counts import numbers

    asked = "How many times has India won the Champions Trophy?"
    assert numbers(asked, "Chasing 252, India reached 254 for 6 with an over to spare.") == []
    assert numbers(asked, "India have now won the Champions Trophy three times.") == ["3"]
    assert numbers(asked, "India became a three-time champion.") == ["3"]


def test_a_number_whose_noun_the_run_leaves_out_takes_the_one_before():
    """"with 18 gold medals and the host nation France fifth with 16": 16 golds (it had
    answered France's total medals with 16); a bare number after no such run has no measure."""
    from orchestrator.verify.measures import elided_measure
    text = "Australia placed fourth with 18 gold medals and the host nation France fifth with 16."
    sixteen = find_numbers(text)[-1]
    assert elided_measure(text, sixteen, find_numbers(text), MEASURES) == "gold"
    alone = "France finished fifth with 16."
    assert elided_measure(alone, find_numbers(alone)[-1], find_numbers(alone), MEASURES) is None


def test_a_count_of_nominations_is_no_count_of_wins():
    from orchestrator.verify.measures import counts_another_noun
    from orchestrator.verify.numbers import find_numbers

    text = "Taylor Swift, nominated six times, went home empty-handed."
    six = find_numbers(text)[0]
    assert counts_another_noun(text, six, "How many Grammys did Taylor Swift win in 2025?")
    assert not counts_another_noun(text, six, "How many times was Taylor Swift nominated in 2025?")


@pytest.mark.parametrize("text, part, whole", [
    ("the Samajwadi Party won 37 of the state's 80 seats", "37", "80"),
    ("Eleven of our 14 experts pick the 49ers", "Eleven", "14"),
    ("Labour won 14 of the 21 votes", "14", "21"),
    ("Reform won 5 of Britain's 650 seats", "5", "650"),
])
def test_the_whole_a_part_is_counted_from_is_no_count_of_it(text, part, whole):
    """"How many seats did the Samajwadi Party win?" had answered 80, the state's seats; how
    many experts picked the 49ers, 14."""
    from orchestrator.verify.measures import is_whole

    mentions = find_numbers(text)
    by_text = {m.text: m for m in mentions}
    assert is_whole(text, by_text[whole], mentions) and not is_whole(text, by_text[part], mentions)
