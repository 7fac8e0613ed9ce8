"""Traces made by replaying the project's packs, once per session, in their own data
directory (the CLI tests point --data-dir at it)."""

import json
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from orchestrator import ask
from orchestrator.model.fake import ScriptedModel
from tests.conftest import CHINA, USA

SENTENCE = "截至2024年8月11日闭幕式，中国代表团共获得40枚金牌。"


@dataclass(frozen=True)
class MadeTraces:
    home: Path
    china: str  # --no-model
    us: str  # --no-model
    china_again: str  # same pack, same code: the same answer
    scripted: str  # the China pack phrased by a scripted model: one model call
    local: str  # a code question the local model answers: no retrieval, no cross-check


@pytest.fixture(scope="session")
def made(tmp_path_factory) -> MadeTraces:
    home = tmp_path_factory.mktemp("trace-home")

    def run(pack, **kw):
        return ask(replay=pack, data_dir=home, **kw).trace_id

    china = run(CHINA, use_model=False)
    us = run(USA, use_model=False)
    china_again = run(CHINA, use_model=False)
    phrase = ScriptedModel(lambda messages, schema: json.dumps({"sentence": SENTENCE}, ensure_ascii=False), name="scripted-qwen")
    scripted = run(CHINA, chat_model=phrase, wording="model")
    offline = httpx.MockTransport(lambda request: httpx.Response(404))  # should it retrieve, nothing leaves
    local = ask("Write a Python function that reverses a string", data_dir=home, transport=offline,
                chat_model=ScriptedModel(["def reverse(s):\n    return s[::-1]"], name="scripted-qwen")).trace_id
    return MadeTraces(home, china, us, china_again, scripted, local)
