"""The graph served by LangGraph's own dev server (langgraph-cli[inmem]) from the project's
langgraph.json, answering a replayed question through its HTTP API. The server runs on
loopback, on a free port, with its analytics, version check and tracing off (no packet
leaves the machine), and is always stopped."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from orchestrator.graph import LOOP, PIPELINE
from orchestrator.serve import graph
from orchestrator.trace.store import TraceStore
from tests.conftest import CHINA, FIXTURES, ROOT

UNSETTLED = FIXTURES / "hard-cases" / "unsettled-nobel-peace-preview"

START_TIMEOUT = 90.0
QUIET = {
    "LANGGRAPH_CLI_NO_ANALYTICS": "1",  # the CLI would report each command to its makers
    "LANGGRAPH_NO_VERSION_CHECK": "true",  # the server would ask PyPI for newer versions
    "LANGSMITH_TRACING": "false",
    "LANGCHAIN_TRACING_V2": "false",
    "NO_COLOR": "1",
}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DevServer:
    def __init__(self, workdir: Path, home: Path):
        self.workdir, self.home = workdir, home
        self.process: subprocess.Popen | None = None
        self.log = workdir / "langgraph-dev.log"

    def start(self, attempts: int = 3) -> str:
        for _ in range(attempts):  # another process may take the free port first: try another
            port = _free_port()
            env = {k: v for k, v in os.environ.items() if not k.startswith(("LANGSMITH_", "LANGCHAIN_", "LANGGRAPH_"))}
            env.update(QUIET, ORCHESTRATOR_HOME=str(self.home), ORCHESTRATOR_DEVICE="cloud",
                       ORCHESTRATOR_REPLAY_ROOT=str(ROOT / "fixtures"))  # the server runs in a scratch folder
            with self.log.open("ab") as log:
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "langgraph_cli", "dev", "--host", "127.0.0.1", "--port", str(port),
                     "--no-browser", "--no-reload", "--allow-blocking", "--config", "langgraph.json"],
                    cwd=self.workdir, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True)
            url = f"http://127.0.0.1:{port}"
            if self._ready(url):
                return url
            self.stop()
        raise AssertionError("langgraph dev did not start:\n" + self.log.read_text(errors="replace")[-3000:])

    def _ready(self, url: str) -> bool:
        deadline = time.monotonic() + START_TIMEOUT
        with httpx.Client(trust_env=False, timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    return False
                try:
                    if client.get(f"{url}/ok").status_code == 200:
                        return True
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
        return False

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # the group this test started, and only it
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=15)


@pytest.fixture()
def dev_server(tmp_path, isolated_home):
    pytest.importorskip("langgraph_cli", reason="langgraph-cli is not installed (pip install -e '.[test]')")
    pytest.importorskip("langgraph_api", reason="langgraph-cli[inmem] is not installed (pip install -e '.[test]')")
    config = json.loads((ROOT / "langgraph.json").read_text())
    assert config["graphs"] == {"orchestrator": "./orchestrator/serve.py:graph"}
    # The project's config, with its paths made absolute: the server runs in a scratch
    # directory, where it keeps its own files.
    config["dependencies"] = [str(ROOT)]
    config["graphs"] = {"orchestrator": str(ROOT / "orchestrator" / "serve.py") + ":graph"}
    workdir = tmp_path / "server"
    workdir.mkdir()
    (workdir / "langgraph.json").write_text(json.dumps(config))
    server = DevServer(workdir, isolated_home)
    try:
        yield server.start()
    finally:
        server.stop()


def test_langgraph_dev_serves_a_replayed_question(dev_server, isolated_home):
    with httpx.Client(base_url=dev_server, trust_env=False, timeout=60.0) as client:
        assistants = client.post("/assistants/search", json={"graph_id": "orchestrator"}).json()
        assert [a["graph_id"] for a in assistants] == ["orchestrator"]
        reply = client.post("/runs/wait", json={"assistant_id": "orchestrator", "input": {
            "replay": str(CHINA), "use_model": False}})
        assert reply.status_code == 200, reply.text
        answer = reply.json()["answer"]
        assert (answer["status"], answer["answer"], answer["as_of"]) == ("answered", "40", "2024-08-11")
        assert answer["citations"][0]["tier"] == "official" and answer["trace_id"]

        refused = client.post("/runs/wait", json={"assistant_id": "orchestrator", "input": {
            "replay": "/etc", "use_model": False}}).json()
        assert "replay packs must lie under" in refused["error"]

        # Streamed: one update per node, the pipeline's five among them, in order.
        nodes = _streamed_nodes(client, CHINA)
        assert [n for n in nodes if n in PIPELINE] == list(PIPELINE), nodes
        assert nodes[0] == "begin" and nodes[-1] == "save"

        # A question the first round cannot settle: the search loop's second round is streamed too.
        nodes = _streamed_nodes(client, UNSETTLED)
        loop = nodes[nodes.index("review_round"):]
        assert loop[:4] == ["review_round", *LOOP, "review_round"] and "generate_answer" in loop, nodes

    # The server built its own run context from its environment: the trace is in its data directory.
    trace = TraceStore(isolated_home / "traces.sqlite").get(answer["trace_id"])
    assert trace["status"] == "answered" and "paris-2024-china-gold" in trace["config"]["pack"]


def test_the_served_graph_in_process(tmp_path, monkeypatch):
    """The same graph without the server: configurable defaults, the pack's own question,
    and the replay root that keeps requests away from the rest of the file system."""
    import asyncio

    config = {"configurable": {"use_model": False, "replay": str(CHINA)}}
    out = asyncio.run(graph.ainvoke({}, config))
    assert out["answer"]["answer"] == "40" and out["answer"]["question"] == "2024年巴黎奥运会中国代表团金牌数"
    assert asyncio.run(graph.ainvoke({}))["error"] == "give a question (or a replay pack)"
    outside = tmp_path / "pack"
    outside.mkdir()
    assert "must lie under" in asyncio.run(graph.ainvoke({"replay": str(outside), "use_model": False}))["error"]
    assert "must lie under" in asyncio.run(graph.ainvoke({"replay": "fixtures/../..", "use_model": False}))["error"]
    monkeypatch.setenv("ORCHESTRATOR_REPLAY_ROOT", str(tmp_path))
    assert "case.json: missing file" in asyncio.run(graph.ainvoke({"replay": str(outside), "use_model": False}))["error"]
    needs_model = asyncio.run(graph.ainvoke({"question": "What is 2+2?"}))["error"]
    assert "ORCHESTRATOR_LLM_URL" in needs_model  # the cloud profile: the model is a remote endpoint


def test_the_cli_asks_the_server_and_prints_what_a_local_run_prints(dev_server, isolated_home):
    """``ask --server``: the same answer contract as a local run, several clients at once,
    and the server's trace readable by ``trace show`` from the shared data directory."""
    from concurrent.futures import ThreadPoolExecutor

    from typer.testing import CliRunner

    from orchestrator.cli import app
    from orchestrator.remote import ask_server
    from tests.conftest import USA

    served = CliRunner().invoke(app, ["ask", "--replay", str(CHINA), "--json", "--no-model", "--server", dev_server])
    assert served.exit_code == 0, served.output
    local = CliRunner().invoke(app, ["ask", "--replay", str(CHINA), "--json", "--no-model"])
    remote_answer, local_answer = json.loads(served.stdout), json.loads(local.stdout)
    assert remote_answer.pop("trace_id") != local_answer.pop("trace_id")
    assert remote_answer == local_answer
    shown = CliRunner().invoke(app, ["trace", "show", json.loads(served.stdout)["trace_id"]])
    assert shown.exit_code == 0 and "paris-2024-china-gold" in shown.stdout

    with ThreadPoolExecutor(3) as pool:  # three clients at once, all served
        answers = list(pool.map(lambda pack: ask_server(dev_server, replay=pack, use_model=False), [CHINA, USA, CHINA]))
    assert [a.answer for a in answers] == ["40", "40", "40"] and len({a.trace_id for a in answers}) == 3


def _streamed_nodes(client: httpx.Client, pack) -> list[str]:
    """The node names of a run's streamed ``updates``, in order."""
    nodes: list[str] = []
    with client.stream("POST", "/runs/stream", json={"assistant_id": "orchestrator", "stream_mode": ["updates"],
                                                      "input": {"replay": str(pack), "use_model": False}}) as events:
        event = None
        for line in events.iter_lines():
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:") and event == "updates":
                nodes += list(json.loads(line[5:]))
    return nodes
