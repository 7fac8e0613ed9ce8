"""Days counted from an event's start (orchestrator/verify/event_days.py)."""

from orchestrator.verify.event_days import asked_counted_day, counted_days


def test_a_day_of_the_event_is_read_in_words_figures_and_chinese():
    for text in ["after day 7 of the Games", "on Day seven", "the seventh day of competition", "its 7th day",
                 "比赛进入第七个比赛日", "第7天", "7日目"]:
        assert counted_days(text) == {7}, text


def test_a_calendar_day_a_year_or_an_idiom_counts_no_day_of_an_event():
    for text in ["截至8月2日", "on the 3rd of May", "Mother's Day 2025", "since day one", "from Day 1",
                 "one week into the Games", "Labor Day weekend"]:
        assert counted_days(text) == set(), text


def test_a_question_names_one_day_of_the_event_or_none():
    assert asked_counted_day("How many gold medals did China have after day 7?") == 7
    assert asked_counted_day("截至第七个比赛日，中国代表团获得多少枚金牌？") == 7
    assert asked_counted_day("How many gold medals did China win at Paris 2024?") is None
    assert asked_counted_day("Who led between day 3 and day 5?") is None  # two days: no one day asked
