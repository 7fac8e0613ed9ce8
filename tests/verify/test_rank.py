"""Rank and ordinal answers: "finished second", "位列金牌榜第二", never a count or another's place."""

import pytest

from orchestrator import ask
from orchestrator.nodes.detect_intent import classify_type
from tests.conftest import CHINA, USA


@pytest.mark.parametrize("question", [
    "Where did China rank on the Paris 2024 medal table?",
    "What place did China finish in the medal table?",
    "2024年巴黎奥运会中国代表团在奖牌榜上排名第几？",
])
def test_rank_questions_ask_for_a_place(question):
    assert classify_type(question) == "rank"


@pytest.mark.parametrize("pack", [CHINA, USA], ids=["china-pack", "us-pack"])
def test_chinas_place_is_second_never_the_us_or_a_count(pack):
    answer = ask("Where did China rank on the Paris 2024 medal table?", replay=pack, use_model=False)
    assert (answer.status, answer.answer, answer.as_of) == ("answered", "2", "2024-08-11")
    assert "2nd" in answer.text or "第2" in answer.text  # worded in the pack's language (issue 16: the question's)
    # a sentence saying "second", or the official table from its "Rank" header to China's row
    assert all(("second" in c.quote or "第二" in c.quote or "| Rank |" in c.quote)
               and ("China" in c.quote or "中国" in c.quote) for c in answer.citations)


@pytest.mark.parametrize("question", ["Which country ranked second on the medal table?", "巴黎奥运会金牌榜排名第二的是哪个国家？",
                                      "巴黎奥运会金牌榜第一名是哪个国家？"])
def test_a_named_place_asks_who_holds_it(question):
    assert classify_type(question) == "country"


@pytest.mark.parametrize(("question", "holder"), [("巴黎奥运会金牌榜第一名是哪个国家？", "美国"),
                                                  ("巴黎奥运会金牌榜排名第二的是哪个国家？", "中国")])
def test_the_chinese_place_holder_is_the_one_placed_there_not_a_tie_on_golds(question, holder):
    # the pages: China "金牌数与美国队并列第一 ... 位列奖牌榜第二", the US "位列奖牌榜第一"
    answer = ask(question, replay=CHINA, use_model=False)
    assert (answer.status, answer.answer) == ("answered", holder)


def test_the_us_place_is_first():
    answer = ask("Where did the United States rank on the Paris 2024 medal table?", replay=USA, use_model=False)
    assert (answer.status, answer.answer) == ("answered", "1")


def test_a_chinese_rank_question_reads_the_chinese_ordinal():
    answer = ask("2024年巴黎奥运会中国代表团在奖牌榜上排名第几？", replay=CHINA, use_model=False)
    assert (answer.status, answer.answer) == ("answered", "2") and "第2" in answer.text


def test_which_number_asks_an_ordinal_not_a_person():
    assert classify_type("Which number president was Donald Trump sworn in as in January 2025?") == "rank"
    assert classify_type("What number pope is Leo XIV?") == "rank"
    assert classify_type("What number did Michael Jordan wear?") != "rank"  # a shirt's number, no place
    assert classify_type("On which day of voting was the pope elected in 2025?") == "rank"  # the second day
    assert classify_type("On which day of the week was the pope elected?") != "rank"
