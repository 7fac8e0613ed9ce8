"""A day or a year of a date is never a count, in any language Babel names the months of."""

import pytest

from orchestrator import ask
from orchestrator.verify.date_parts import is_date_part
from orchestrator.verify.numbers import find_numbers
from tests.conftest import CHINA


def dated(text: str) -> dict[str, bool]:
    return {m.text: is_date_part(text, m) for m in find_numbers(text)}


@pytest.mark.parametrize("text, expected", [
    ("The Games ended on 11 August 2024 with 40 golds.", {"11": True, "2024": True, "40": False}),
    ("PARIS, Aug 11 (Reuters) - 40 gold medals", {"11": True, "40": False}),
    ("on August 11, 2024 they won 40", {"11": True, "2024": True, "40": False}),
    ("le 11 août 2024, 40 médailles", {"11": True, "2024": True, "40": False}),
    ("el 11 de agosto ganó 40 medallas", {"11": True, "40": False}),
    ("am 11. August gewann China 40 Goldmedaillen", {"11": True, "40": False}),
    ("巴黎奥运会8月11日闭幕，共获得40枚金牌", {"8月": True, "11日": True, "40枚": False}),
    ("8월 11일 폐막, 금메달 40개", {"8": True, "11": True, "40": False}),
    ("She set 11 world records in 12 races", {"11": False, "12": False}),  # "set" is no month here
    ("2,024 athletes took part", {"2,024": False}),
    ("8月11日起票价3000日元", {"8月": True, "11日": True, "3000日元": False}),  # yen, not a day
])
def test_days_and_years_are_date_parts_counts_are_not(text, expected):
    assert dated(text) == expected


def test_a_choice_is_never_matched_by_the_day_of_a_date():
    """The pack's pages say "on 11 August 2024" and "8月11日": 11 is a date, not China's gold count."""
    answer = ask(replay=CHINA, choices=["40", "38", "11"], use_model=False)
    assert (answer.status, answer.answer, answer.choice_index, answer.as_of) == ("answered", "40", 0, "2024-08-11")


def test_a_text_tells_of_the_day_or_of_another():
    """Asked of Monday 3 March 2025: "on Sunday" on a page of that week and "on March 2" tell
    of another day; "on Monday" and "March 3" of the day; a text naming no day, of none."""
    from datetime import date

    from orchestrator.verify.date_parts import names_another_day, names_the_day

    monday, tuesday = date(2025, 3, 3), date(2025, 3, 4)
    assert names_the_day("Blue Ghost touched down on Monday.", monday, tuesday)
    assert names_the_day("It landed on March 3.", monday, None)
    assert not names_the_day("Blue Ghost touched down on Monday.", monday, date(2025, 3, 20))  # another week's Monday
    assert names_another_day("Blue Ghost touched down on Sunday.", monday, tuesday)
    assert names_another_day("Athena touched down on the Moon on March 2.", monday, tuesday)
    assert not names_another_day("Blue Ghost touched down on Monday, a day after the eclipse on Sunday.", monday, tuesday)
    assert not names_another_day("Blue Ghost touched down near Mare Crisium.", monday, tuesday)
