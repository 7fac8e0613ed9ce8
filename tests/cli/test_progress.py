"""The progress seam: nodes report stages and the answer as it is written; the CLI renders
them on a terminal and erases them before printing the verified answer."""

import importlib.util
import io
import json
import os
import shutil
import signal
import subprocess
import sys

import pytest
from rich.console import Console

from orchestrator import ask
from orchestrator.cli.stream import LiveProgress
from orchestrator.model.calls import MAX_CALLS_PER_QUESTION
from orchestrator.model.fake import ScriptedModel
from tests.conftest import BRISBANE, CHINA, FIXTURES

HIDE_CURSOR, SHOW_CURSOR = "\x1b[?25l", "\x1b[?25h"
SENTENCE = "截至2024年8月11日，中国代表团共获得40枚金牌。"


def test_stages_then_the_sentence_as_it_is_written():
    events = []
    answer = ask(replay=CHINA, chat_model=ScriptedModel([SENTENCE]), wording="model",
                 progress=lambda kind, text: events.append((kind, text)))
    stages = [text for kind, text in events if kind == "stage"]
    assert stages[0] == "searching"
    assert stages[1].startswith("reading ") and stages[1].endswith(" pages")
    assert stages[2].startswith("checking") and stages[-1] == "writing the answer"
    pieces = [text for kind, text in events if kind == "text"]
    assert len(pieces) > 1 and "".join(pieces) == SENTENCE
    assert events.index(("stage", "writing the answer")) < events.index(("text", pieces[0]))
    assert answer.text.startswith(SENTENCE.rstrip("。"))  # the verified rank may follow (nodes/rank_clause.py)


@pytest.mark.parametrize("use_model", [True, False])
def test_a_template_sentence_comes_as_one_piece_after_the_stages(use_model):
    events = []
    answer = ask(replay=CHINA, use_model=use_model, chat_model=ScriptedModel([]) if use_model else None,
                 progress=lambda kind, text: events.append((kind, text)))
    assert [kind for kind, _ in events[:-1]] == ["stage"] * (len(events) - 1) and events[-1][0] == "text"
    assert answer.text.startswith(events[-1][1].rstrip("。"))  # the verified rank may follow
    assert any("--no-model" in w for w in answer.warnings) is not use_model


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


def test_sigterm_unwinds_the_live_view_and_shows_the_cursor_again():
    sink = io.StringIO()
    console = Console(file=sink, force_terminal=True, width=80)
    missed = []

    def test_handler(*_):  # the test runner survives a SIGTERM the view does not catch
        missed.append("SIGTERM")

    before = signal.signal(signal.SIGTERM, test_handler)
    try:
        with pytest.raises(SystemExit) as ended:
            with LiveProgress(console):
                signal.raise_signal(signal.SIGTERM)
        assert not missed and ended.value.code == 128 + signal.SIGTERM
        assert sink.getvalue().rfind(SHOW_CURSOR) > sink.getvalue().rfind(HIDE_CURSOR) >= 0
        assert signal.getsignal(signal.SIGTERM) is test_handler  # put back as it was
    finally:
        signal.signal(signal.SIGTERM, before)


# A stand-in for llama.cpp's loader that never returns (in the subprocess below); the run
# must not wait for it, and what it prints must reach stdout.
SLOW_LOAD_DRIVER = """
import sys, threading
import llama_cpp.llama_cpp as lowlevel

load_started = threading.Event()

def load_that_never_ends(path, params):
    load_started.set()
    threading.Event().wait()

lowlevel.llama_model_load_from_file = load_that_never_ends

import orchestrator.api
real_ask = orchestrator.api.ask

def ask_then_wait_for_the_load_to_start(*args, **kwargs):
    answer = real_ask(*args, **kwargs)
    load_started.wait(120)  # the answer is printed while the model is still loading
    return answer

orchestrator.api.ask = ask_then_wait_for_the_load_to_start
from orchestrator.cli import main
sys.argv = ["orchestrator", *sys.argv[1:]]
main()
"""


@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="needs llama-cpp-python")
@pytest.mark.parametrize("as_json", [False, True], ids=["terminal", "json"])
def test_a_run_that_ends_while_the_model_loads_prints_its_answer(tmp_path, as_json):
    pack = tmp_path / "pack"  # no recorded pages: abstains at once, without the model
    pack.mkdir()
    shutil.copy(BRISBANE / "case.json", pack / "case.json")
    (pack / "cassette.json").write_text('{"version": 1, "interactions": []}')
    model = tmp_path / "model.gguf"
    model.write_bytes(b"GGUF")
    driver = tmp_path / "driver.py"
    driver.write_text(SLOW_LOAD_DRIVER)
    args = ["ask", "--replay", str(pack), "--model", str(model), "--data-dir", str(tmp_path / "data")]
    done = subprocess.run([sys.executable, str(driver), *args, *(["--json"] if as_json else [])],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "FORCE_COLOR": "1", "COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    if as_json:
        assert json.loads(done.stdout)["status"] == "abstained"
        shown = done.stderr  # the stages were drawn on stderr
    else:
        assert "abstained" in done.stdout
        shown = done.stdout
    assert shown.rfind(SHOW_CURSOR) > shown.rfind(HIDE_CURSOR) >= 0
