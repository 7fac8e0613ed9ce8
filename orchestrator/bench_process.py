"""The benchmark's whole-process figures (orchestrator/bench.py has the in-process ones):
what a user waits for, process start to printed answer.

    cold_cli_s, cold_cli_no_model_s   a fresh ``orchestrator ask --replay PACK --json``
    server_e2e_p50_s                  a fresh CLI client asking a loopback LangGraph server
                                      (``langgraph dev``, started and stopped here) that
                                      keeps the model loaded; None without langgraph-cli[inmem]
    Spinners                          another process keeping every core busy, for the
                                      loaded/idle ratio of the same run

Every server and spinner is this module's own child, in its own process group, and is
stopped before the figure is returned."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from orchestrator.errors import OrchestratorError

SERVER_START_S = 120.0
QUIET = {"LANGGRAPH_CLI_NO_ANALYTICS": "1", "LANGGRAPH_NO_VERSION_CHECK": "true", "LANGSMITH_TRACING": "false",
         "LANGCHAIN_TRACING_V2": "false", "NO_COLOR": "1"}  # no packet leaves the machine
ROOT = Path(__file__).resolve().parent.parent  # the checkout: langgraph.json and the package


def cli_seconds(args: list[str], *, env: dict[str, str] | None = None) -> float:
    """Wall seconds of ``python -m orchestrator ARGS``, from process start to exit."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "orchestrator", *args], stdin=subprocess.DEVNULL,
                          capture_output=True, env=env, timeout=600)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise OrchestratorError(f"bench: `orchestrator {' '.join(args[:3])}` failed: "
                                + (done.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1][:200])
    json.loads(done.stdout)  # an answer was printed
    return seconds


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LoopbackServer:
    """``langgraph dev`` on 127.0.0.1 serving orchestrator/serve.py with the in-process
    model (the mobile profile), traces in ``data_dir``, packs under ``packs``."""

    def __init__(self, data_dir: Path, packs: Path) -> None:
        self.data_dir, self.packs = data_dir, packs
        self.process: subprocess.Popen | None = None
        self.url = ""

    def __enter__(self) -> LoopbackServer:
        import httpx

        self._scratch = tempfile.TemporaryDirectory(prefix="orchestrator-bench-")
        config = json.loads((ROOT / "langgraph.json").read_text())
        config["dependencies"] = [str(ROOT)]
        config["graphs"] = {"orchestrator": str(ROOT / "orchestrator" / "serve.py") + ":graph"}
        work = Path(self._scratch.name)
        (work / "langgraph.json").write_text(json.dumps(config))
        port = _free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LANGSMITH_", "LANGCHAIN_", "LANGGRAPH_"))}
        env.update(QUIET, ORCHESTRATOR_HOME=str(self.data_dir), ORCHESTRATOR_DEVICE="mobile",
                   ORCHESTRATOR_REPLAY_ROOT=str(self.packs.resolve()), PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "langgraph_cli", "dev", "--host", "127.0.0.1", "--port", str(port), "--no-browser",
             "--no-reload", "--allow-blocking", "--n-jobs-per-worker", "8", "--config", "langgraph.json"],
            cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + SERVER_START_S
        with httpx.Client(trust_env=False, timeout=2.0) as client:
            while time.monotonic() < deadline and self.process.poll() is None:
                try:
                    if client.get(f"{self.url}/ok").status_code == 200:
                        return self
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
        self.__exit__()
        raise OrchestratorError("bench: langgraph dev did not start on loopback")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the group started here, and only it
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=15)
        self._scratch.cleanup()


def server_available() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("langgraph_cli", "langgraph_api"))


class Spinners:
    """One busy process per core (pure spinning, no I/O), for as long as the block runs."""

    def __init__(self, count: int | None = None) -> None:
        self.count = count or os.cpu_count() or 1
        self.processes: list[subprocess.Popen] = []

    def __enter__(self) -> Spinners:
        self.processes = [subprocess.Popen([sys.executable, "-c", "while True: pass"], stdin=subprocess.DEVNULL)
                          for _ in range(self.count)]
        return self

    def __exit__(self, *exc: object) -> None:
        for process in self.processes:
            process.kill()
            process.wait()


def figures_through_server(packs: list[Path], data_dir: Path, packs_root: Path, args: list[str]) -> list[float]:
    """A fresh CLI client's seconds per pack through a loopback server (one warm-up first)."""
    with LoopbackServer(data_dir, packs_root) as server:
        base = ["ask", "--json", "--server", server.url, *args]
        cli_seconds([*base, "--replay", str(packs[0])])  # the server's first run imports and loads
        return [cli_seconds([*base, "--replay", str(p)]) for p in packs]
