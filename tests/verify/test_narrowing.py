"""A count narrowed to a part is answered only where the part is stated (verify/narrowing.py)."""

from __future__ import annotations

import pytest

from orchestrator.verify.narrowing import narrowing_words, states_narrowing


@pytest.mark.parametrize("question, words", [
    ("How many gold medals did the United States win in swimming at Paris 2024?", ("swimming",)),
    ("How many electoral votes did Kamala Harris win in Pennsylvania in 2024?", ("pennsylvania",)),
    ("How many votes did Trump win among young voters?", ("young", "voters")),
    ("How many gold medals did the US win on the final day of Paris 2024?", ("final", "day")),
    ("How many medals did China win in the women's events?", ("women", "events")),
    ("How many seats did Labour win in Scotland?", ("scotland",)),
    # a sport whose name opens with a frame's word ("table"), where the frame is no head
    ("How many gold medals did China win in table tennis at Paris 2024?", ("table", "tennis")),
    ("How many gold medals did China win in the medal table?", ()),
    ("How many gold medals did the United States women win?", ("women",)),  # half the team, wherever written
    ("How many golds did the men's team win?", ("men",)),
    # what frames the whole question narrows nothing: its event, its year, a city, a total, a career
    ("How many gold medals did China win at the Paris 2024 Olympics?", ()),
    ("How many gold medals did India win in the Paris 2024 Olympics?", ()),
    ("How many medals did the US win in Paris?", ()),
    ("How many medals did Japan win in Tokyo?", ()),
    ("How many medals did China win in total?", ()),
    ("How many seats did Labour win in the general election?", ()),
    ("How many electoral votes did Harris win in 2024?", ()),
    ("How many times has Serena Williams won Wimbledon in her career?", ()),
    # for whom, and where the question is set, narrow nothing
    ("At what price will Trump sell a gold card visa for the ultra-wealthy?", ()),
    ("Trump will sell gold cards to live and work in the country. Around how much will one cost?", ()),
    # a Chinese team or event of one sport; the delegation is the whole
    ("2024年巴黎奥运会中国乒乓球队获得多少枚金牌？", ("乒乓球",)),
    ("中国跳水队在巴黎奥运会上获得几枚金牌？", ("跳水",)),
    ("2024年巴黎奥运会中国代表团金牌数", ()),
    ("中国体育代表团获得多少枚金牌", ()),
    # one sport's athletes, not all of them
    ("How many gold medals did Japan's wrestlers win at Paris 2024?", ("wrestlers",)),
    ("How many gold medals did Japan's athletes win at Paris 2024?", ()),
    ("How many gold medals did Australian swimmers win at Paris 2024?", ("swimmers",)),  # a demonym before them
    ("How many gold medals did US athletes win?", ()),
    # a sport written right before the medal it counts
    ("中国队获得多少枚网球金牌？", ("网球",)),
    ("中国队在巴黎奥运会获得多少枚跳水金牌？", ("跳水",)),
    ("中国的游泳金牌数是多少？", ("游泳",)),
])
def test_the_narrowing_phrases_of_a_question(question, words):
    assert narrowing_words(question) == words


def test_the_part_must_be_written_beside_the_count():
    assert states_narrowing("In swimming, the U.S. won 8 gold medals.", ("swimming",), "8")
    assert states_narrowing("Its swimmers won 8 of the U.S. golds.", ("swimming",), "8")
    assert not states_narrowing("The United States has 9 gold medals, two behind China, but Team USA leads the overall "
                                "medal count, with swimming and gymnastics accounting for most of its medals so far.",
                                ("swimming",), "9")
    assert not states_narrowing("The United States won 40 gold medals.", ("swimming",), "40")
    assert states_narrowing("The United States won 40 gold medals.", (), "40")
    # the sport of another clause is not the count's: China's 40 is the whole delegation's
    assert not states_narrowing("China had reached 40 golds earlier on Sunday when weightlifter Li Wenwen won the "
                                "women's +81kg title.", ("weightlifting",), "40")


def test_a_chinese_part_must_be_written_in_the_counts_clause():
    text = "跳水队包揽了全部8枚金牌，中国乒乓球队包揽了全部5枚金牌。"
    assert not states_narrowing(text, ("乒乓球",), "8") and states_narrowing(text, ("乒乓球",), "5")


def test_one_sports_team_narrows_a_count_and_the_whole_team_does_not():
    assert narrowing_words("How many gold medals did China's diving team win at Paris 2024?") == ("diving",)
    assert narrowing_words("How many gold medals did the U.S. swimming team win?") == ("swimming",)
    assert narrowing_words("How many medals did the Chinese Olympic team win?") == ()
    assert narrowing_words("How many gold medals did China's national team win?") == ()
    whole = "China won 40 gold medals at Paris 2024, its best result at an away Games."
    assert not states_narrowing(whole, ("diving",), "40")  # the delegation's count is no diving count


def test_a_sport_before_the_measure_narrows_a_count():
    golds = ["gold", "golds", "gold medals"]
    assert narrowing_words("How many table tennis gold medals did China win at Paris 2024?", golds) == ("tennis",)
    assert narrowing_words("How many more gold medals did the US win than China?", golds) == ()
    assert narrowing_words("How many Olympic gold medals did China win?", golds) == ()
    assert narrowing_words("How many table tennis gold medals did China win?") == ()  # no measure asked: none
    medals = ["medals", "medal", "total"]
    assert narrowing_words("how many medals won in total China Olympics Paris 2024?", medals) == ()  # a gloss's order
