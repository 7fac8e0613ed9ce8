"""The answer's sentence in the question's language (orchestrator/wording.py)."""

from __future__ import annotations

import pytest

from orchestrator.lexicon import SUPPORTED, lexicon
from orchestrator.sentence_guard import in_language
from orchestrator.wording import answer_sentence, as_of_text, rank_sentence


def test_english_and_chinese_keep_their_sentences():
    assert answer_sentence("en", "40", "40 golds", "2024-08-11", "gold") == "As of August 11, 2024, the verified answer is 40 golds."
    assert answer_sentence("zh", "40", "40枚", "2024-08-11", "gold") == "截至2024年8月11日，经核实的答案是：40枚。"
    # a bare number (a table's cell) is said with the measure it counts
    assert answer_sentence("en", "65", "65", "2024-08-11", "total") == "As of August 11, 2024, the verified answer is 65 medals in total."
    assert answer_sentence("zh", "65", "65", None, "total") == "经核实的答案是：共65枚奖牌。"
    assert rank_sentence("zh", "经核实的答案是：40枚。", "2", "第二") == "经核实的答案是：40枚，位列第2。"
    assert rank_sentence("en", "The verified answer is 40.", "2", "2nd") == "The verified answer is 40, ranking 2nd."


def test_a_chinese_pages_wording_does_not_enter_an_english_sentence():
    assert answer_sentence("en", "40", "40枚", None, "gold") == "The verified answer is 40 gold medals."


@pytest.mark.parametrize("language", SUPPORTED)
def test_every_language_states_value_measure_date_and_rank(language):
    sentence = rank_sentence(language, answer_sentence(language, "40", "40", "2024-08-11", "gold"), "2", "2nd")
    assert "40" in sentence and as_of_text("2024-08-11", language) in sentence
    if language not in ("en", "zh"):
        assert lexicon(language).measures["gold"].format(n=40) in sentence
    assert in_language(sentence, language)


def test_a_model_sentence_in_another_language_fails_the_guard():
    assert not in_language("As of August 11, 2024, China won 40 gold medals.", "fr")
    assert in_language("Au 11 août 2024, la Chine a remporté 40 médailles d'or.", "fr")


def test_a_name_is_said_in_full_where_its_quote_gives_only_the_surname():
    from orchestrator.wording import answer_sentence

    assert answer_sentence("en", "Sean Baker", "Baker", "2025-03-03") == "As of March 3, 2025, the verified answer is Sean Baker."
    assert answer_sentence("en", "40", "40枚", "2024-08-11").endswith("is 40.")  # a number keeps its own rules


@pytest.mark.parametrize("language, said", [("fr", "Espagne"), ("de", "Spanien"), ("es", "España"), ("zh", "西班牙"),
                                            ("en", "Spain")])
def test_a_country_is_named_in_the_questions_language(language, said):
    # an English page's "Spain" answering "Qui a remporté l'Euro 2024 ?"
    sentence = answer_sentence(language, "Spain", "Spain", "2024-07-14")
    assert said in sentence and (language == "en" or "Spain" not in sentence)


@pytest.mark.parametrize("language, display, said", [
    ("fr", "0 (never)", "0 (jamais)"),
    ("de", "Chine, États-Unis (tied)", "(gleichauf)"),
    ("zh", "0（从未）", "0（从未）"),
    ("en", "0 (never)", "0 (never)"),
])
def test_a_values_note_is_in_the_answers_language(language, display, said):
    """"0 (never)", "(tied)": the note a reading writes after a value, said in the language."""
    assert said in answer_sentence(language, display.split(" (")[0].split("（")[0], display, None)


def test_korean_names_stand_in_a_korean_sentence():
    """Hangul is Korean's own script: "중국, 미국" is no foreign wording (it had fallen back to
    the English "China, United States")."""
    assert "중국, 미국" in answer_sentence("ko", "China, United States", "중국, 미국", None)
    assert "2024년 8월 11일입니다" in answer_sentence("ko", "2024-08-11", "2024년 8월 11일", None)  # not "2024-08-11"


@pytest.mark.parametrize("language, said", [
    ("en", "1 gold medal."), ("fr", "1 médaille d'or."), ("de", "1 Goldmedaille."), ("ru", "1 золотая медаль."),
])
def test_a_count_of_one_is_said_in_the_singular(language, said):
    """"1 gold medals" (Egypt's one gold, asked in English) was the count's plural pattern."""
    assert answer_sentence(language, "1", "1", None, "gold").endswith(said)
    assert not answer_sentence(language, "40", "40", None, "gold").endswith(said)
