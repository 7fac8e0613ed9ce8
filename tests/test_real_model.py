"""Integration: the real default model (llama.cpp in process) answers the Paris packs.
`make test` assembles the model first; these tests skip only outside that setup."""

import pytest

from orchestrator import ask
from orchestrator.model import default_model_path
from tests.conftest import BRISBANE, CHINA, USA, real_model_home

MODEL = default_model_path(real_model_home())
pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not MODEL.is_file(), reason=f"default model not assembled at {MODEL} (run make setup)"),
]


@pytest.mark.parametrize("pack", [CHINA, USA], ids=["china", "usa"])
def test_real_model_answers_with_verified_value(pack):
    answer = ask(replay=pack, model=MODEL)
    assert answer.status == "answered" and answer.answer == "40"
    assert answer.as_of == "2024-08-11"
    assert "40" in answer.text and answer.text.rstrip().endswith("]")
    assert answer.citations[0].tier == "official"


def test_real_model_answers_a_code_question_locally():
    answer = ask("Write a Python function that returns the square of a number", model=MODEL,
                 searxng="http://127.0.0.1:9")
    assert answer.status == "local"
    assert "def " in answer.text


def test_real_model_reads_which_name_answers():
    answer = ask(replay=BRISBANE, model=MODEL)
    assert answer.status == "answered" and answer.answer == "Brisbane"
    assert "Brisbane" in answer.text and answer.as_of == "2021-07-21"
