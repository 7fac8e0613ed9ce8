"""A count's answer says the verified rank beside it, citing the quote that states it."""

from orchestrator import ask
from tests.conftest import CHINA


def test_the_chinese_demo_says_the_count_and_the_place_with_a_quote_stating_it():
    answer = ask(replay=CHINA, use_model=False)
    assert answer.answer == "40" and "位列第2" in answer.text
    assert any("第二" in c.quote or "second" in c.quote for c in answer.citations)

