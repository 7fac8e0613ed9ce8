"""A question's word matches a passage in any of its forms: "win" is "won", "夺得"."""

import pytest

from orchestrator.policy import load_policy
from orchestrator.verify.question import inflected
from tests.conftest import ROOT

POLICY = load_policy(ROOT / "policies" / "default.yaml")


def test_a_word_in_any_of_its_forms():
    win, land, gold = inflected([["win"], ["land"], ["金牌", "gold"]], POLICY.shapes.predicates)
    assert {"win", "won", "winning", "夺得"} <= set(win)
    assert {"land", "landed", "landing"} <= set(land) and "won" not in land
    assert gold[:2] == ["金牌", "gold"] and "won" not in gold


def test_a_word_with_either_apostrophe():
    from orchestrator.verify.question import contains
    assert contains("trump unleashed on rosie o'donnell.", "o’donnell")
    assert contains("mcdonald’s brings back monopoly", "mcdonald's")
    assert not contains("odonnell said", "o'donnell")


def test_a_group_matches_as_each_of_its_words_would():
    from orchestrator.verify.question import contains, contains_any
    group = ["won", "wins", "u.s.", "o'donnell", "金牌", "$5"]
    for text in ("she wins today", "the wonder years", "the u.s. team", "rosie o’donnell", "中国金牌榜", "a $5 fee",
                 "winsome us team", ""):
        assert contains_any(text, group) == any(contains(text, w) for w in group), text


@pytest.mark.parametrize("question, derived", [
    ("How many more silver medals did the United States win than China?", True),
    ("How many medals other than gold did China win?", True),
    ("How many gold medals did China and the United States win combined?", True),
    ("2024年巴黎奥运会中国代表团除金牌外获得多少枚奖牌？", True),
    ("美国比中国多多少枚银牌？", True),
    ("By how many medals did the United States beat China?", True),
    ("How many gold medals did China and the United States win in all?", True),
    ("How many silver and bronze medals did China win?", True),
    ("Quante medaglie in più degli Stati Uniti ha vinto la Cina?", True),
    ("Wie viele Medaillen außer Gold hat China gewonnen?", True),
    ("中国队获得的银牌和铜牌共有多少枚？", True),
    ("How many medals did the USA win more than China at Paris 2024?", True),
    ("How many gold medals was the United States behind China after Day 7?", True),  # a gap
    ("How many electoral votes did Harris fall short of 270?", True),
    ("How many games did the Lions lose this season?", False),
    ("How much does the CHIPS and Science Act provide for American semiconductors?", False),  # one name
    ("How many medals did China and the United States win?", True),
    ("How many countries won more than 10 gold medals?", False),  # a threshold, no difference
    ("How many gold medals did China win?", False),
    ("Punxsutawney Phil saw his shadow: how many more weeks of winter are on the way?", False),  # stated as such
    ("The chip is powered by how many qubits?", False),
    ("How have Delaware birth moms found support and relief?", False),
    ("How many medals did the United States win in total?", False),
    ("美国在2024年巴黎奥运会上一共获得多少枚奖牌？", False),
])
def test_a_sum_difference_or_remainder_is_asked(question, derived):
    from orchestrator.verify.question import asks_derived
    assert asks_derived(question) is derived


def test_a_count_of_wins_still_to_come_is_asked():
    from orchestrator.verify.question import asks_future_tally
    assert asks_future_tally("How many gold medals will the United States win at the next Summer Olympics?")
    assert asks_future_tally("How many seats will Labour win?")
    assert not asks_future_tally("How many gold medals did China win?")
    assert not asks_future_tally("How many people will attend the ceremony?")  # a plan a page may state



def test_the_words_of_a_phrase_the_question_quotes_in_lower_case():
    """Each in its spellings, all of which a page must write; not the short words, nor the
    degree words pages word otherwise ("biggest"), nor a quoted title (a name already)."""
    from orchestrator.verify.question import quoted_terms

    assert quoted_terms('Who was charged over the "largest jewellery heist in US history"?') == [
        ["jewellery", "jewelry"], ["heist"], ["history"]]
    assert quoted_terms("Trump unveiled a “gold card” visa at what price?") == [["gold"], ["card"]]
    assert quoted_terms("Who wrote “The Star-Spangled Banner”?") == []
    assert quoted_terms("Who won the 2024 election?") == []
