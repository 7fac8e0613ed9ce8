"""Arithmetic the question states is computed exactly (orchestrator/arithmetic.py), never
guessed: a parser that accepts numbers and operators only, within bounds, and a local
answer whose sentence the model may word but not change."""

import json
import time
from fractions import Fraction

import pytest
from typer.testing import CliRunner

from orchestrator import ask
from orchestrator.arithmetic import ArithmeticError_, compute, evaluate, expression_of
from orchestrator.cli import app
from orchestrator.model.fake import ScriptedModel

NOWHERE = "http://127.0.0.1:9"  # the discard port: any search fails at once, on loopback


@pytest.mark.parametrize("question, value", [
    ("What is 17 times 23?", "391"), ("what's 17 * 23", "391"), ("17 × 23 =", "391"), ("12 x 3", "36"),
    ("What is 1,000 plus 2,500?", "3500"), ("How much is 10 minus 12.5?", "-2.5"), ("What is 7 divided by 2?", "3.5"),
    ("What is 84 ÷ 4?", "21"), ("Calculate 6 multiplied by 7", "42"), ("What is 2^10?", "1024"),
    ("What is 5 squared?", "25"), ("What is 15 percent of 200?", "30"), ("What is 15% of 80?", "12"),
    ("What is (3 + 4) * 5?", "35"), ("What is 0.1 plus 0.2?", "0.3"), ("What is 2024 minus 1990?", "34"),
    ("17乘以23等于多少", "391"), ("17乘23是多少？", "391"), ("100除以8等于多少", "12.5"), ("5加3减2", "6"),
    ("What is 1/3?", "0.3333333333"), ("What is 2 to the power of 64?", "18446744073709551616"),
])
def test_questions_are_computed_exactly(question, value):
    computed = compute(question)
    assert computed is not None and computed[1] == value


@pytest.mark.parametrize("question", [
    "What is the capital of France?", "What is 42?", "How many gold medals did China win in 2024?",
    "What is 17 times the number of moons of Mars?", "What is a prime number?", "Who won 3 - 1 on Sunday?",
    "What is 1/0?", "17 times", "times 23", "What is 05 plus 3?",
])
def test_anything_more_than_arithmetic_is_left_alone(question):
    assert compute(question) is None


@pytest.mark.parametrize("hostile", [
    "__import__('os').system('id')", "().__class__.__bases__[0].__subclasses__()", "open('/etc/passwd')",
    "(lambda: 1)()", "[1] * 10", "'a' * 10", "1 if 1 else 2", "x + 1", "1 < 2", "1 // 2", "7 % 3", "~1", "1 << 100",
    "9 ** 9 ** 9", "10 ** 100000", "2 ** 2 ** 2 ** 2 ** 2", "(10 ** 30) * (10 ** 40)", "0 ** -1", "2 ** 0.5",
    "(" * 1000 + "1" + ")" * 1000, "(" * 13 + "1" + ")" * 13, "1" * 61, "1 + " * 100 + "1", "- " * 150 + "1",
])
def test_hostile_expressions_are_refused_quickly(hostile):
    started = time.perf_counter()
    with pytest.raises(ArithmeticError_):
        evaluate(hostile)
    assert time.perf_counter() - started < 0.5


def test_hostile_questions_never_become_expressions():
    for question in ("What is __import__('os').system('id')?", "What is 2 + 2; import os?", "eval('1+1')",
                     "What is 9^9^9?", "What is " + "(" * 500 + "1" + ")" * 500 + "?"):
        assert compute(question) is None


def test_values_are_exact_fractions():
    assert evaluate("1/3 + 1/6") == Fraction(1, 2)
    assert evaluate("0.1 + 0.2") == Fraction(3, 10)
    assert evaluate("-(2 ** 3) / 4") == -2
    assert expression_of("What is 17 times 23?") == "17 * 23"


def test_no_model_ask_answers_the_exact_value_locally():
    result = CliRunner().invoke(app, ["ask", "What is 17 times 23?", "--no-model", "--json", "--searxng", NOWHERE])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert (answer["status"], answer["answer"], answer["text"]) == ("local", "391", "The answer is 391.")
    assert answer["citations"] == []


def test_chinese_arithmetic_with_no_model():
    answer = ask("17乘以23等于多少", use_model=False, searxng=NOWHERE)
    assert (answer.status, answer.answer, answer.text) == ("local", "391", "答案是391。")


@pytest.mark.parametrize("question, language, said", [
    ("Was ist 17*23?", "de", "Die geprüfte Antwort ist 391."),
    ("Combien font 17*23 ?", "fr", "La réponse vérifiée est 391."),
    ("Quanto é 17 × 23?", "pt", None),
    ("17*23は？", "ja", None),
    ("17*23 bằng bao nhiêu?", "vi", None),
])
def test_arithmetic_in_any_language_is_computed_and_said_in_it(question, language, said):
    """Operators between a few words of any language: a gloss kept no "*", so "Was ist 17*23?"
    read "what 17 23?" and went to a web search, which abstains offline."""
    answer = ask(question, use_model=False, searxng=NOWHERE)
    assert (answer.status, answer.answer) == ("local", "391"), answer.warnings
    assert answer.text == said if said else "391" in answer.text and "answer is" not in answer.text


@pytest.mark.parametrize("question", ["Spain won 1-0?", "Was geschah am 11/08/2024?", "Wer gewann 2020-2024?"])
def test_a_score_a_range_or_a_date_is_no_arithmetic(question):
    assert compute(question) is None


def test_the_model_only_words_the_computed_value():
    model = ScriptedModel(["17 times 23 is 391."])
    answer = ask("What is 17 times 23?", chat_model=model, searxng=NOWHERE, wording="model")
    assert (answer.status, answer.answer, answer.text) == ("local", "391", "17 times 23 is 391.")
    assert "391" in model.calls[0].messages[-1]["content"]  # told the value, not asked to compute it


@pytest.mark.parametrize("reply", ["17 times 23 is 411.", "The answer is 391, or 411 by another count.", "It is large.",
                                   '{"sentence": "It is 3910."}'])
def test_a_sentence_with_another_number_falls_back_to_the_template(reply):
    answer = ask("What is 17 times 23?", chat_model=ScriptedModel([reply]), searxng=NOWHERE, wording="model")
    assert (answer.status, answer.answer, answer.text) == ("local", "391", "The answer is 391.")
    assert any("template used" in w for w in answer.warnings)


def test_a_failed_phrasing_is_told_in_whole_words():
    """The model's error in the warning had been cut mid-word ("[Errn); template used")."""
    from orchestrator.errors import ModelCallFailed

    failed = ModelCallFailed("ConnectError: [Errno 111] Connection refused while asking http://127.0.0.1:1/v1 "
                             "for the sentence of this answer")
    answer = ask("What is 17 times 23?", chat_model=ScriptedModel([failed]), searxng=NOWHERE, wording="model")
    warning = next(w for w in answer.warnings if "phrasing failed" in w)
    told = warning.removeprefix("model phrasing failed (").removesuffix(" …); template used")
    assert told.startswith("ConnectError: [Errno 111] Connection refused") and str(failed).startswith(told + " ")


def test_a_template_words_the_computed_value_by_default():
    model = ScriptedModel([])
    answer = ask("What is 17 times 23?", chat_model=model, searxng=NOWHERE)
    assert (answer.status, answer.answer, answer.text) == ("local", "391", "The answer is 391.")
    assert model.calls == []


def test_arithmetic_with_a_year_in_it_is_not_news():
    answer = ask("What is 2024 minus 1990?", use_model=False, searxng=NOWHERE)
    assert (answer.status, answer.answer) == ("local", "34")
