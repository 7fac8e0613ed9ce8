"""Language detection on the team's short questions: four per language
(tests/data/short_questions.yaml) and the two Paris questions (fixtures/languages/)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from orchestrator.language import detect_language
from orchestrator.lexicon import SUPPORTED, base_code
from tests.conftest import FIXTURES

_SHORT = yaml.safe_load((Path(__file__).parent / "data" / "short_questions.yaml").read_text(encoding="utf-8"))
_PARIS = yaml.safe_load((FIXTURES / "languages" / "paris_questions.yaml").read_text(encoding="utf-8"))
ITEMS = [(lang, q) for lang, qs in _SHORT.items() for q in qs] + [(lang, q) for lang, qs in _PARIS.items() for q in qs.values()]


def test_the_set_covers_every_language_with_several_questions():
    assert sorted(_SHORT) == sorted(SUPPORTED) and all(len(qs) >= 4 for qs in _SHORT.values())


def test_detection_is_right_on_at_least_95_percent():
    wrong = [(lang, q, detect_language(q)) for lang, q in ITEMS if detect_language(q) != lang]
    assert 1 - len(wrong) / len(ITEMS) >= 0.95, wrong


@pytest.mark.parametrize("text, code", [
    ("パリ五輪の金メダル", "ja"), ("금메달 몇 개", "ko"), ("金牌数", "zh"), ("2024?", "en"), ("Define entropy", "en"),
    ("Berapakah bilangan pingat emas yang dimenangi oleh China?", "ms"),
    ("Berapa banyak medali emas yang dimenangkan Tiongkok?", "id"),
    ("Who beat Palmeiras in the Campeonato Paulista final?", "en"),  # an English question word opens it
    ("Quem venceu o Campeonato Paulista?", "pt"),
    ("Qu'est-ce que l'entropie ?", "fr"),  # plain ASCII, but "qu'est-ce que" is a French word the lexicon knows
])
def test_scripts_decide_and_relatives_are_told_apart_by_their_words(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("tag, code", [("pt-BR", "pt"), ("zh-Hans-CN", "zh"), ("no", "nb"), ("xx", "en"), (None, "en")])
def test_tags_name_a_supported_language(tag, code):
    assert base_code(tag) == code


@pytest.mark.parametrize("question, language, warned", [
    (None, "fr", True),  # the pack's own Chinese question, asked as French
    ("How many gold medals did China win at Paris 2024?", "pt-BR", True),
    ("Combien de médailles d'or la Chine a-t-elle remportées à Paris 2024 ?", "fr", False),
    ("2024年巴黎奥运会中国金牌数是多少？", "zh-CN", False),
    ("Gold?", "de", False),  # too short to tell one Latin language from another
])
def test_a_language_the_question_is_not_in_is_told(question, language, warned):
    """"--language fr" on a Chinese question reads few of its words and abstained without a
    word why; it is still read as asked, with a warning saying what it reads as."""
    from orchestrator import ask
    from tests.conftest import CHINA

    answer = ask(question, replay=CHINA, language=language, use_model=False)
    assert any(w.startswith("the question reads as") for w in answer.warnings) == warned, answer.warnings
