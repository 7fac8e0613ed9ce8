"""Integration: llama.cpp's OpenAI-compatible server (``python -m llama_cpp.server``, the
``server`` extra of llama-cpp-python) on loopback with the default model. ``--llm-url``
must give the verdict the in-process model gives. Both sides run on one thread with a fixed
seed (the request carries the same sampling settings either way: model/sampling.py).
Skipped only when the default model is not assembled; a server that cannot start is a
failure."""

import json
import re
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from orchestrator.cli import app
from orchestrator.model import LlamaLocalModel, OpenAICompatModel, default_model_path, llama_local
from tests.conftest import BRISBANE, CHINA, real_model_home
from tests.level_names import level_names_pack

MODEL = default_model_path(real_model_home())
START_TIMEOUT_S = 120
pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not MODEL.is_file(), reason=f"default model not assembled at {MODEL} (run make setup)"),
]


# ``python -m llama_cpp.server``, loading its model the way the in-process path does: a
# llama.cpp built with AMX crashes on its AMX buffers (llama_local.without_amx).
_SERVER = ("import runpy, llama_cpp; from orchestrator.model.llama_local import without_amx\n"
           "with without_amx(llama_cpp): runpy.run_module('llama_cpp.server', run_name='__main__', alter_sys=True)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    with open(log, "wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-c", _SERVER, "--model", str(MODEL), "--host", "127.0.0.1",
             "--port", str(port), "--n_ctx", "4096", "--n_threads", "1", "--n_threads_batch", "1", "--seed", "0"],
            stdout=sink, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {proc.returncode}: {log.read_text(errors='replace')[-1500:]}")
            try:
                if httpx.get(f"{url}/v1/models", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server not up after {START_TIMEOUT_S} s: {log.read_text(errors='replace')[-1500:]}")
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


@pytest.fixture(autouse=True)
def one_thread(monkeypatch):
    """The in-process model on one thread, like the server (the CLI picks its own count)."""
    monkeypatch.setattr(llama_local, "default_threads", lambda: 1)
    monkeypatch.setattr(llama_local, "prompt_threads", lambda: 1)


def _ask_json(*args, pack=CHINA):
    result = CliRunner().invoke(app, ["ask", "--replay", str(pack), "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_llm_url_gives_the_in_process_verdict(server_url):
    remote = _ask_json("--llm-url", server_url)
    local = _ask_json("--model", str(MODEL))
    for answer in (remote, local):
        assert answer["status"] == "answered"
        assert not any("template" in w for w in answer["warnings"])  # the model phrased it
    assert (remote["answer"], remote["as_of"], remote["choice_index"]) == (local["answer"], local["as_of"], local["choice_index"])
    assert [c["url"] for c in remote["citations"]] == [c["url"] for c in local["citations"]]


def test_the_reader_picks_through_the_server_as_in_process(server_url, tmp_path):
    """The reader runs where the weighed support leaves names level (the Oscars pages asked
    who won at the Oscars: the film, its director, a supporting actress); its reply is grammar-constrained to the names the pages
    give, over HTTP too, and both backends read the same name. (It was seen reading another
    name through the server when the fence tag was random and the server filled in
    repeat_penalty 1.1 where the in-process call used 1.0; on a near-tied prompt either flips
    the pick.) Brisbane, whose support settles it, is answered alike without a reading."""
    offered, picked = set(), []
    oscars = level_names_pack(tmp_path)
    for answer in (_ask_json("--llm-url", server_url, pack=oscars), _ask_json("--model", str(MODEL), pack=oscars)):
        note = next(w for w in answer["warnings"] if w.startswith("picked by the model reading the passages"))
        names = set(re.findall(r"'([^']+)'", note.split(":", 1)[1]))
        assert answer["status"] == "answered" and answer["answer"] in names and "Anora" in names
        assert all(answer["answer"] in c["quote"] for c in answer["citations"])
        offered.add(frozenset(names))
        picked.append(answer["answer"])
    assert len(offered) == 1 and picked[0] == picked[1]  # the same names offered, the same one read
    for answer in (_ask_json("--llm-url", server_url, pack=BRISBANE), _ask_json("--model", str(MODEL), pack=BRISBANE)):
        assert answer["answer"] == "Brisbane" and not any(w.startswith("picked by the model") for w in answer["warnings"])


def test_server_streams_like_the_local_model(server_url):
    remote, local = OpenAICompatModel(server_url), LlamaLocalModel(MODEL)
    msgs = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Name three colours, one line."}]
    pieces = []
    streamed = remote.complete(msgs, max_tokens=12, stop=["\n"], on_text=pieces.append)
    assert pieces and "".join(pieces) == streamed.text == local.complete(msgs, max_tokens=12, stop=["\n"]).text
    remote.close()
