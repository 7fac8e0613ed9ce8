"""Question shapes beyond one value, on hand-written passages: yes/no, "A or B",
"how many times" when it never happened, short lists, superlatives over a table."""

import pytest

from orchestrator.nodes.detect_intent import classify_type
from orchestrator.policy import load_policy
from orchestrator.verify.lists import list_candidates, list_count
from orchestrator.verify.never import never_candidates
from orchestrator.verify.passages import Passage
from orchestrator.verify.shapes import (
    NO,
    TIE,
    YES,
    comparison_candidates,
    comparison_options,
)
from orchestrator.verify.superlatives import superlative_candidates
from orchestrator.verify.tables import ROW_STRENGTH, row_counts, row_ranks, table_claims
from orchestrator.verify.yes_no import yes_no_candidates
from tests.conftest import ROOT

POLICY = load_policy(ROOT / "policies" / "default.yaml")


def passages(*texts):
    """One page per text; each passage is the whole text (a literal slice of its page)."""
    return [Passage(i, t, 0, 1.0) for i, t in enumerate(texts)]


def texts_of(ps):
    return {p.source: p.text for p in ps}


def yes_no(question, *texts, titles=None):
    ps = passages(*texts)
    return [f.value for f in yes_no_candidates(ps, ps, texts_of(ps), titles or {}, question, POLICY)]


@pytest.mark.parametrize("question, kind", [
    ("Did Spain win Euro 2024?", "yes_no"),
    ("Is Tim Cook still CEO of Apple?", "yes_no"),
    ("西班牙赢得了2024年欧洲杯吗？", "yes_no"),
    ("Which won more gold medals at Paris 2024, China or the United States?", "comparison"),
    ("Did Spain or England win Euro 2024?", "comparison"),
    ("中国还是美国在2024年巴黎奥运会获得的金牌更多？", "comparison"),
    ("Name three countries that won gold medals at Paris 2024", "list"),
    ("Which three countries won the most gold medals at Paris 2024?", "list"),
    ("哪三个国家在2024年巴黎奥运会获得的金牌最多？", "list"),
    ("How many times has England won the European Championship?", "number"),
    ("Name the CEO of Apple", "text"),  # one value, not a list
    ("Is it going to rain or snow in Oslo tomorrow?", "yes_no"),  # no named options: not "A or B"
])
def test_shapes_win_over_the_value_they_are_about(question, kind):
    assert classify_type(question) == kind


def test_an_or_inside_a_prizes_name_offers_no_options():
    question = "Did Katalin Karikó win the 2023 Nobel Prize in Physiology or Medicine?"
    assert comparison_options(question) is None and classify_type(question) == "yes_no"


def test_a_comma_setting_the_scene_is_no_list_of_options():
    assert classify_type("In 2024, did inflation rise or fall?") != "comparison"
    assert comparison_options("In 2024, did inflation rise or fall?") is None


@pytest.mark.parametrize("question, options", [
    ("Which won more gold medals at Paris 2024, China or the United States?", ("China", "United States")),
    ("Did Spain or England win Euro 2024?", ("Spain", "England")),
    ("Did China win more gold medals than the United States at Paris 2024?", ("China", "United States")),
    ("中国还是美国在2024年巴黎奥运会获得的金牌更多？", ("中国", "美国")),
])
def test_the_two_options(question, options):
    assert comparison_options(question, POLICY.aliases) == options


def test_yes_where_a_passage_states_the_claim():
    assert yes_no("Did Spain win Euro 2024?", "Spain won Euro 2024, beating England 2-1 in the final in Berlin.") == [YES]


def test_the_one_beaten_to_the_win_did_not_win():
    headline = "Eagles beat Chiefs 40-22 to win Super Bowl LIX in New Orleans"
    assert yes_no("Did the Chiefs win Super Bowl LIX?", headline) == [NO]
    assert yes_no("Did the Eagles win Super Bowl LIX?", headline) == [YES]


@pytest.mark.parametrize("question, text, winner", [
    ("Who won Super Bowl LIX, the Eagles or the Chiefs?", "Eagles rout Chiefs 40-22 to win Super Bowl LIX", "Eagles"),
    ("Did Spain or England win Euro 2024?",
     "Spain beat England 2-1 in the Euro 2024 final in Berlin to win a record fourth European title.", "Spain"),
])
def test_of_two_options_the_one_beaten_to_the_win_did_not_win(question, text, winner):
    from orchestrator.verify.shapes import predicate_candidates
    options = comparison_options(question, POLICY.aliases)
    assert [f.value for f in predicate_candidates(passages(text), question, options, POLICY)] == [winner]


def test_a_win_of_another_thing_is_no_win_of_the_asked_one():
    # Eurovision 2025 (Basel, 17 May): Austria's JJ won; Israel's Yuval Raphael came second, winning the public vote
    second = "Israel's Yuval Raphael was second with 357 points after winning the public vote."
    assert yes_no("Did Israel win Eurovision 2025?", second, titles={0: "Austria's JJ wins Eurovision 2025"}) == []
    # an object every such event has, or one pointing back, is the asked one
    assert yes_no("Did Spain win Euro 2024?", "Spain won the final 2-1 against England at Euro 2024.") == [YES]
    assert yes_no("Did JJ win Eurovision 2025?", "JJ won the contest in Basel on Saturday with 'Wasted Love'.",
                  titles={0: "JJ wins Eurovision 2025"}) == [YES]


def test_no_where_a_passage_states_its_negation():
    assert yes_no("Did England win Euro 2024?", "England did not win Euro 2024: they lost the final to Spain.") == [NO]


def test_a_negation_of_a_word_the_question_does_not_ask_about_is_no_no():
    # "did not land upright" says it landed; "did not finish first" that it finished
    assert yes_no("Did Athena land on the Moon?", "Athena did not land upright on the Moon, and the mission ended.") == [YES]
    assert yes_no("Did Athena land upright on the Moon?", "Athena did not land upright on the Moon.") == [NO]
    assert yes_no("Did Athena land on the Moon?", "Athena did not land on the Moon after its engine failed.") == [NO]
    # a negation in another clause denies none of the claim
    assert yes_no("Did the Athena mission end?", "Athena did not land upright, and the company ended the mission.") == [YES]


def test_a_negation_by_prefix_or_by_none_is_no():
    # "non-opioid" denies the word it is joined to, whatever that word qualifies; "but none
    # for unofficial acts" denies the second half of the sentence
    assert yes_no("Is Journavx an opioid?", "The FDA approved Journavx (suzetrigine), the first of a new class of "
                  "non-opioid analgesics.") == [NO]
    assert yes_no("Does a former president have immunity for unofficial acts?", "The Court held that a former "
                  "president has absolute immunity for his core acts, but none for unofficial acts.") == [NO]


def test_chinese_negation():
    assert yes_no("英格兰赢得了2024年欧洲杯吗？", "英格兰队未能赢得2024年欧洲杯，决赛中1比2负于西班牙。") == [NO]


def test_the_claim_belongs_to_the_subject_not_a_name_nearby():
    # the passage says England lost to Spain: nothing about England winning, and no "yes"
    assert yes_no("Did England win Euro 2024?", "Spain won Euro 2024 after beating England 2-1 in the final.") == []


def test_a_denial_naming_the_subject_by_its_own_name_on_a_page_setting_the_scene():
    question = "Did Intuitive Machines' Athena lander land upright on the Moon?"
    lede = "Intuitive Machines' Athena lander touched down on the Moon on March 6 and came to rest on its side."
    page = lede + " Athena did not land upright, and the mission ended on March 7."
    denial = Passage(0, page[len(lede) + 1:], len(lede) + 1, 1.0)

    def answer(text, passage):
        return [f.value for f in yes_no_candidates([passage], [passage], {0: text}, {}, question, POLICY)]
    # "Athena" names Intuitive Machines' Athena; "lander" is how the pages name it; the Moon is on the page
    assert answer(page, denial) == [NO]
    # no claim stated: lying on its side says nothing of "upright" in words
    side = "Intuitive Machines' Athena lander is lying on its side in a crater on the Moon."
    assert answer(side, Passage(0, side, 0, 1.0)) == []
    # a name the question makes an object of the claim is not left to the page
    beat = "England reached the final. Spain beat France in the semi-final."
    assert [f.value for f in yes_no_candidates([Passage(0, beat[27:], 27, 1.0)], [], {0: beat}, {},
                                               "Did Spain beat England in the final?", POLICY)] == []


def test_nothing_stated_is_no_answer():
    assert yes_no("Is Tim Cook still CEO of Apple?", "Apple reported record revenue on Thursday.") == []


def test_a_number_in_the_claim_is_checked_against_the_pages():
    text = "The United States won 40 gold medals at the Paris 2024 Olympics."
    assert yes_no("Did the United States win 40 gold medals at Paris 2024?", text) == [YES]
    assert yes_no("Did the United States win 39 gold medals at Paris 2024?", text) == [NO]


def compare(question, *texts):
    ps = passages(*texts)
    return [f.value for f in comparison_candidates(ps, texts_of(ps), question,
                                                    comparison_options(question, POLICY.aliases), POLICY)]


def test_the_option_with_more_of_the_measure():
    text = "The United States won 40 gold and 44 silver medals; China won 40 gold and 27 silver medals."
    assert compare("Which won more silver medals at Paris 2024, China or the United States?", text) == ["United States"]
    assert compare("Which won fewer silver medals at Paris 2024, China or the United States?", text) == ["China"]


def test_level_numbers_are_a_tie():
    text = "The United States won 40 gold and 44 silver medals; China won 40 gold and 27 silver medals."
    assert compare("Which won more gold medals at Paris 2024, China or the United States?", text) == [TIE]


def test_options_compared_by_a_tables_column_never_by_a_rows_first_number():
    # the rows read as sentences give each country its gold count (and "the top seven" a 7)
    assert compare("Which won more medals, Japan or Australia?", TABLE) == ["Australia"]  # Total: 45 and 53
    assert compare("Which won more gold medals, Japan or Australia?", TABLE) == ["Japan"]  # Gold: 20 and 18
    assert compare("Which won more medals, France or Great Britain?",
                   "Hosts France won 64 medals in all, with Great Britain rounding out the top seven.") == []


def test_another_countrys_number_belongs_to_neither_option():
    # Korea's 13 is not Japan's: with only one option's number the source compares nothing
    assert compare("Which won more gold medals, China or Japan?", "China won 40 gold medals and Korea won 13 gold medals.") == []


def test_people_by_surname_and_a_number_whose_measure_is_elided():
    question = "Who won more electoral votes, Donald Trump or Kamala Harris?"
    assert compare(question, "Trump won 312 electoral votes to Kamala Harris's 226.") == ["Donald Trump"]
    assert compare(question, "Harris finishes with 226 electoral votes and Trump with 312.") == ["Donald Trump"]
    # a bare number followed by a noun of its own is no count of the measure
    assert compare(question, "Trump won 312 electoral votes; Kamala Harris won 19 states.") == []
    # not asked who: no surname form ("City" is no name for Manchester City)
    assert compare("Which won more votes, Donald Trump or Kamala Harris?",
                   "Trump won 312 votes to Harris's 226.") == []


def test_without_numbers_the_option_the_predicate_sentence_names():
    assert compare("Did Spain or England win Euro 2024?", "Spain won Euro 2024 in Berlin, beating England 2-1.") == ["Spain"]


def test_a_comparison_asked_yes_or_no():
    text = "China won 40 gold medals and the United States won 40 gold medals."
    assert yes_no("Did China win more gold medals than the United States at Paris 2024?", text) == [NO]


def test_never_makes_the_honest_count_zero():
    ps = passages("Despite reaching the final twice, England has never won the European Championship.")
    assert [f.value for f in never_candidates(ps, "How many times has England won the European Championship?",
                                              POLICY)] == ["0"]


def test_a_plain_denial_is_zero_only_within_one_named_occasion():
    denial = passages("India ended the Paris 2024 Olympics with six medals and did not win a gold medal.")
    assert [f.value for f in never_candidates(denial, "How many times did India win gold at the Paris 2024 Olympics?",
                                              POLICY)] == ["0"]
    # without a year the question is about all time: losing one final says nothing of it
    lost = passages("England did not win the European Championship, losing the final to Spain.")
    assert never_candidates(lost, "How many times has England won the European Championship?", POLICY) == []
    # another country's denial is not the subject's
    other = passages("China won 40 gold medals at the Paris 2024 Olympics, and India did not win a gold medal.")
    assert never_candidates(other, "How many times did China win gold at the Paris 2024 Olympics?", POLICY) == []
    # a denial of golds says nothing of silvers
    assert never_candidates(denial, "How many times did India win silver at the Paris 2024 Olympics?", POLICY) == []


def test_no_never_no_invented_count():
    ps = passages("England reached the final of the European Championship in 2021 and 2024.")
    assert never_candidates(ps, "How many times has England won the European Championship?", POLICY) == []
    assert never_candidates(ps, "How many medals did England win?", POLICY) == []  # not a "times" question


TABLE = ("Final medal table.\n| Rank | Team | Gold | Silver | Bronze | Total |\n|---|---|---|---|---|---|\n"
         "| 1 | United States of America | 40 | 44 | 42 | 126 |\n| 2 | People's Republic of China | 40 | 27 | 24 | 91 |\n"
         "| 3 | Japan | 20 | 12 | 13 | 45 |\n| 4 | Australia | 18 | 19 | 16 | 53 |\n")


def test_a_table_binds_each_rows_number_to_its_column():
    claims = table_claims({0: TABLE}, POLICY.aliases, "silver", POLICY.measures)
    assert {(c.owner, c.value) for c in claims} == {("US", 44), ("CN", 27), ("JP", 12), ("AU", 19)}
    assert all(c.passage.text in TABLE and "Silver" in c.passage.text for c in claims)  # quotes hold the header


@pytest.mark.parametrize("question, values", [
    ("How many medals did Australia win?", ["53"]),  # medals, no part named: the Total column
    ("How many silver medals did Japan win?", ["12"]),
    ("How many gold medals did China win?", ["40"]),
    ("How many medals did Germany win?", []),  # no row of its own
    ("How many did Japan win?", []),  # no measure: no column answers
    ("How many gold medals did Japan and Australia win?", []),  # two rows: neither alone answers
])
def test_a_count_from_the_column_the_question_asks(question, values):
    found = row_counts({0: TABLE}, question, POLICY.measures, POLICY.aliases)
    assert [f.value for f in found] == values
    assert all(f.passage.text.startswith("| Rank |") and TABLE.find(f.passage.text) == f.passage.start for f in found)
    assert all(f.strength == ROW_STRENGTH for f in found)  # a sentence on the same page is the better quote


def test_a_place_from_the_rank_column_and_a_table_ends_with_its_rows():
    ranks = row_ranks({0: TABLE}, "Where did Australia finish?", POLICY.rank_words, POLICY.aliases, "en")
    assert [(f.value, f.display) for f in ranks] == [("4", "4th")]
    assert row_ranks({0: TABLE}, "Where did Germany finish?", POLICY.rank_words, POLICY.aliases, "en") == []
    # a second table with no header of its own: its numbers are no golds
    other = TABLE + "Medals by sport.\n| Swimming | Germany | 3 | 2 |\n"
    assert row_counts({0: other}, "How many gold medals did Germany win?", POLICY.measures, POLICY.aliases) == []


def test_the_country_holding_a_place_is_the_one_placed_there():
    from orchestrator.verify.place_holders import asked_place, place_holders
    assert [asked_place(q) for q in ("Which country finished fourth on the medal table?", "Which country was 3rd?",
                                     "Which country won the most golds?")] == [4, 3, None]
    assert asked_place("Which country was first to ban TikTok?", ranked=True) is None  # no place on a ranking
    # topping a ranking is its first place
    assert asked_place("Which country topped the Paris 2024 medal table?", ranked=True) == 1
    assert asked_place("Who led the standings after day 7?") == 1 and asked_place("Who topped the bill?") is None
    # in Chinese: "第一名", "排名第二"; an edition ("第33届") is no place
    assert [asked_place(q, ranked=True) for q in ("巴黎奥运会金牌榜第一名是哪个国家？", "排名第二的国家是哪个？",
                                                  "第33届奥运会金牌最多的国家是哪个？")] == [1, 2, None]
    ps = passages("Japan finished third with 20 gold medals; Australia placed fourth and France fifth.")
    assert [f.value for f in place_holders(ps, {}, 4, POLICY.rank_words, POLICY.aliases, "en")] == ["Australia"]
    assert [f.value for f in place_holders(ps, {}, 5, POLICY.rank_words, POLICY.aliases, "en")] == ["France"]
    assert [f.value for f in place_holders([], {0: TABLE}, 2, POLICY.rank_words, POLICY.aliases, "en")] == ["China"]


def test_the_fewest_is_never_read_off_the_leaders():
    ps = passages(TABLE)
    assert superlative_candidates(ps, {0: TABLE}, "Which country won the fewest silver medals?", POLICY, "en") == []


def test_superlative_over_a_table():
    ps = passages(TABLE)
    top = superlative_candidates(ps, {0: TABLE}, "Which country won the most silver medals?", POLICY, "en")
    assert [f.value for f in top] == ["United States"]
    tied = superlative_candidates(ps, {0: TABLE}, "Which country won the most gold medals?", POLICY, "en")
    assert [(f.value, f.display) for f in tied] == [("China, United States", "China, United States (tied)")]


def test_list_count_in_english_and_chinese():
    assert [list_count(q) for q in ("Name three films", "Which 5 countries ...", "哪三个国家", "列举两位", "哪些国家")] == \
        [3, 5, 3, 2, None]


def test_list_of_top_countries_by_a_measure():
    ps = passages(TABLE)
    found = list_candidates(ps, {0: TABLE}, "Which three countries won the most gold medals?", POLICY, "en")
    assert [f.value for f in found] == ["United States", "China", "Japan"]
    found = list_candidates(ps, {0: TABLE}, "哪两个国家获得的铜牌最多？", POLICY, "zh")
    assert [f.display for f in found] == ["美国", "中国"]


def test_list_items_come_from_passages_stating_the_claim():
    ps = passages("France won 16 gold medals and Japan won 20 gold medals at the Paris 2024 Olympics.",
                  "Germany did not win a gold medal in swimming at the Paris 2024 Olympics.",
                  "Fans from Brazil and Canada filled the Stade de France.")
    found = list_candidates(ps, texts_of(ps), "Name two countries that won gold medals at Paris 2024", POLICY, "en")
    assert sorted(f.value for f in found) == ["France", "Japan"]


def test_list_of_people_names_the_people_stating_the_claim():
    question = "Name the three scientists who shared the 2024 Nobel Prize in Chemistry."
    ps = passages("David Baker of the University of Washington and Demis Hassabis and John Jumper of Google "
                  "DeepMind won the 2024 Nobel Prize in Chemistry.",
                  "The Royal Swedish Academy of Sciences awarded the Nobel Prize in Chemistry 2024 jointly to Demis "
                  "Hassabis and John M. Jumper.",
                  "A day earlier Geoffrey Hinton and John Hopfield won the physics prize.")
    found = {(f.value, f.passage.source) for f in list_candidates(ps, texts_of(ps), question, POLICY, "en")}
    # the kind ("scientists") and the year need not be repeated; institutions and the physics laureates are no items
    assert found == {("David Baker", 0), ("Demis Hassabis", 0), ("John Jumper", 0), ("Demis Hassabis", 1),
                     ("John Jumper", 1)}


def test_a_place_asked_is_checked_against_the_place_the_pages_give():
    """"Did Japan finish second?" was answered yes from "Japan finished third"."""
    text = "Japan finished third on the Paris 2024 medal table with 20 gold medals, its first best in decades."
    assert yes_no("Did Japan finish second on the Paris 2024 medal table?", text) == [NO]
    assert yes_no("Did Japan finish third on the Paris 2024 medal table?", text) == [YES]
    assert yes_no("Did Japan finish third on the Paris 2024 medal table?", "Japan finished 3rd on the Paris 2024 medal table.") == [YES]


def test_an_ordinal_that_places_nothing_asks_no_place():
    """"the third Australian city" is no finish: a sentence stating it says yes without a
    placing verb, and "its first gold" in a question asks for no place either."""
    text = "Brisbane will be the third Australian city to host the Summer Games, after Melbourne and Sydney."
    assert yes_no("Will Brisbane be the third Australian city to host the Summer Games?", text) == [YES]
    assert yes_no("Did Japan win its first gold medal in breaking at Paris 2024?",
                  "Japan won its first gold medal in breaking at Paris 2024 on Friday.") == [YES]
    assert yes_no("Did the United States top the Paris 2024 medal table?",
                  "The United States topped the Paris 2024 medal table on the tiebreaker of silver medals.") == [YES]


def test_a_claim_still_to_come_says_neither_yes_nor_no():
    """"Nobel Peace Prize to be announced as wars rage" had answered yes to whether it had
    been announced."""
    preview = "The 2024 Nobel Peace Prize will be announced on Friday in Oslo."
    assert yes_no("Has the 2024 Nobel Peace Prize been announced?", preview) == []
    assert yes_no("Will the 2024 Nobel Peace Prize be announced on Friday?", preview) == [YES]
    done = "The 2024 Nobel Peace Prize was announced on Friday in Oslo."
    assert yes_no("Has the 2024 Nobel Peace Prize been announced?", done) == [YES]
    # an aim is no outcome either
    assert yes_no("Did Athena land upright?", "Athena aims to land upright near the lunar south pole.") == []
    # nor is being chosen for a role the role done, unless the choice is what is asked
    elected = "Olympics-Brisbane elected host of 2032 Games"
    assert yes_no("Did Brisbane host the 2032 Olympics?", elected) == []
    assert yes_no("Was Brisbane elected host of the 2032 Olympics?", elected) == [YES]
    assert yes_no("Will Brisbane host the 2032 Olympics?", elected) == [YES]


@pytest.mark.parametrize("question, said", [
    ("Did the United States win more than 30 gold medals?", YES),
    ("Did the United States win at least 40 gold medals?", YES),
    ("Did the United States win 40 or more gold medals?", YES),
    ("Did the United States win fewer than 40 gold medals?", NO),
    ("Did the United States win at most 39 gold medals?", NO),
    ("Did the United States win under 50 gold medals?", YES),
    ("Did the United States win 30 gold medals?", NO),
])
def test_a_bound_on_the_claims_number_is_checked_as_a_bound(question, said):
    """"More than 30" is true of 40; before, every bound was read as the number itself and
    "Did the United States win more than 30 gold medals?" answered no."""
    assert yes_no(question, "The United States finished with 40 gold medals.") == [said]


def test_a_place_asked_relative_to_anothers_is_told_apart():
    from orchestrator.verify.place_holders import asks_relative_place
    assert asks_relative_place("Which country finished just behind Japan on the Paris 2024 medal table?")
    assert asks_relative_place("Which team finished ahead of France?")
    assert not asks_relative_place("Which country finished third on the medal table?")
    assert not asks_relative_place("Who came after Biden as president?")  # a succession, no ranking


def test_a_claim_of_another_thing_in_the_same_words_is_no_yes():
    # the passage writes "bitcoin" where the question writes "ether", between the same words
    bitcoin = "The SEC approves the listing of spot bitcoin exchange-traded products."
    assert yes_no("Did the SEC approve spot ether exchange-traded products?", bitcoin) == []
    assert yes_no("Did the SEC approve spot bitcoin exchange-traded products?", bitcoin) == [YES]
    # another form of the claim's verb is the same claim
    assert yes_no("Did Spain win Euro 2024?", "Spain wins Euro 2024 with a 2-1 victory over England.") == [YES]


def test_a_leader_whose_party_won_did_not_win_it_himself():
    # "Poilievre's Conservatives won" says nothing of his own seat
    assert yes_no("Did Pierre Poilievre win his seat?", "Pierre Poilievre's Conservatives won 144 seats, the Bloc "
                  "Québécois 22.") == []
    assert yes_no("Did Pierre Poilievre win?", "Pierre Poilievre won his seat of Carleton.") == [YES]


def test_a_value_that_moved_the_other_way_did_not_move_the_claimed_way():
    jumped = "Starbucks shares jumped 24.5% on Tuesday after the coffee chain named Brian Niccol its chief executive."
    asked = "Did Starbucks shares {} on Tuesday after Brian Niccol was named chief executive?"
    assert yes_no(asked.format("fall"), jumped) == [NO]
    assert yes_no(asked.format("jump"), jumped) == [YES]
    # a verb of losing is no move of a value: whether Harris lost is read as before
    assert yes_no("Did Kamala Harris lose the election?", "Kamala Harris lost the election to Donald Trump.") == [YES]


def test_a_row_s_country_is_its_cell_whole_not_a_party_named_after_it():
    """"| Reform UK | 5 |" is a party's row: 5 had answered how many seats Labour won in the UK."""
    seats = ("| Party | Seats | Change |\n|---|---|---|\n| Labour | 411 | +209 |\n| Reform UK | 5 | +5 |\n"
             "| Green | 4 | +3 |\n")
    assert row_counts({0: seats}, "How many seats did Labour win in the 2024 UK general election?",
                      POLICY.measures, POLICY.aliases) == []
    flagged = "| Rank | Team | Gold |\n|---|---|---|\n| 1 | United States (USA) | 40 |\n| 2 | China (CHN) | 40 |\n"
    assert [f.value for f in row_counts({0: flagged}, "How many gold medals did China win?", POLICY.measures,
                                        POLICY.aliases)] == ["40"]


def test_a_value_a_correction_takes_back_is_no_answer():
    from orchestrator.verify.candidates import number_candidates

    text = "Correction, 7 July: an earlier version of this table gave Labour's seat count as 412."
    question = "How many seats did Labour win in the 2024 UK general election?"
    assert number_candidates(passages(text), question, ["seats", "labour"], POLICY.measures, POLICY.aliases) == []
    kept = number_candidates(passages("Labour won 411 seats, the party said."), question, ["seats", "labour"],
                             POLICY.measures, POLICY.aliases)
    assert [f.value for f in kept] == ["411"]
