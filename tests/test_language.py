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
])
def test_scripts_decide_and_relatives_are_told_apart_by_their_words(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("tag, code", [("pt-BR", "pt"), ("zh-Hans-CN", "zh"), ("no", "nb"), ("xx", "en"), (None, "en")])
def test_tags_name_a_supported_language(tag, code):
    assert base_code(tag) == code
