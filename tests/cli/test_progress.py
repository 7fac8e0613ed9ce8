"""The progress seam: nodes report stages and the answer as it is written; the CLI renders
them on a terminal and erases them before printing the verified answer."""

import io

import pytest
from rich.console import Console

from orchestrator import ask
from orchestrator.cli.stream import LiveProgress
from orchestrator.model.calls import MAX_CALLS_PER_QUESTION
from orchestrator.model.fake import ScriptedModel
from tests.conftest import CHINA, FIXTURES

SENTENCE = "截至2024年8月11日，中国代表团共获得40枚金牌。"


def test_stages_then_the_sentence_as_it_is_written():
    events = []
    answer = ask(replay=CHINA, chat_model=ScriptedModel([SENTENCE]), progress=lambda kind, text: events.append((kind, text)))
    stages = [text for kind, text in events if kind == "stage"]
    assert stages[0] == "searching"
    assert stages[1].startswith("reading ") and stages[1].endswith(" pages")
    assert stages[2].startswith("checking") and stages[-1] == "writing the answer"
    pieces = [text for kind, text in events if kind == "text"]
    assert len(pieces) > 1 and "".join(pieces) == SENTENCE
    assert events.index(("stage", "writing the answer")) < events.index(("text", pieces[0]))
    assert answer.text.startswith(SENTENCE)


def test_no_model_reports_stages_but_no_text():
    events = []
    answer = ask(replay=CHINA, use_model=False, progress=lambda kind, text: events.append((kind, text)))
    assert events and all(kind == "stage" for kind, _ in events)
    assert any("--no-model" in w for w in answer.warnings)


@pytest.mark.parametrize("pack", sorted(p.parent for p in FIXTURES.rglob("case.json")), ids=lambda p: p.name)
def test_at_most_two_model_calls_per_retrieved_question(pack):
    model = ScriptedModel(lambda messages, schema: '{"answer": "40"}' if schema else "As of August 11, 2024, 40.")
    ask(replay=pack, chat_model=model)
    assert len(model.calls) <= MAX_CALLS_PER_QUESTION


def test_live_view_shows_stages_and_streamed_text_then_erases_them():
    sink = io.StringIO()
    console = Console(file=sink, force_terminal=True, width=80)
    with LiveProgress(console) as view:
        view("stage", "reading 6 pages")
        view("text", "As of August 11, ")
        view("text", "2024, 40.")
        shown = sink.getvalue()
    assert "reading 6 pages" in shown and "As of August 11, 2024, 40." in shown  # drawn as it came
    assert sink.getvalue().endswith("\x1b[1A\x1b[2K")  # then erased, line by line


def test_live_view_for_json_output_shows_stages_only():
    sink = io.StringIO()
    console = Console(file=sink, force_terminal=True, width=80)
    with LiveProgress(console, stream_text=False) as view:
        view("stage", "searching")
        view("text", "SECRET SENTENCE")
    assert "searching" in sink.getvalue() and "SECRET SENTENCE" not in sink.getvalue()
