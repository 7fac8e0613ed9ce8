"""``orchestrator bench``: how fast a question is answered, and where the time goes.

Every pack under a directory is replayed (``repeat`` times, the model loaded once), and
each run's trace says how long the model and the network took; the rest is overhead
(graph, extraction, cross-check, trace). The fetch stage is timed on its own against a
loopback server the benchmark starts and stops, whose pages each answer after a delay:
concurrent fetching takes about one delay, sequential fetching one per page.

    e2e_p50_s, e2e_p95_s     whole question in replay, model included (warm runs)
    overhead_p50_ms          e2e minus model time minus network time
    fetch_concurrency_ratio  fetch stage time for the slow pages / one page's delay
    model_calls_per_question, prompt_tokens_p50, completion_tokens_p50
    ttft_ms_p50              last stage report (evidence checked) to first answer token
    peak_rss_mb              the whole process, model included
    cold_start_s             process start to the first answer, model load included
    loaded_e2e_p50_ratio     e2e p50 while another process keeps every core busy / idle e2e p50
    cold_cli_s, cold_cli_no_model_s, server_e2e_p50_s   whole processes (orchestrator/bench_process.py)
"""

from __future__ import annotations

import asyncio
import ipaddress
import math
import os
import resource
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from orchestrator.errors import OrchestratorError, PackInvalid

SLOW_PAGES = 8
SLOW_DELAY_S = 0.3
FETCH_ROUNDS = 3
_IMPORTED_AT = time.monotonic()


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def process_age_s() -> float:
    """Seconds since this process started (Linux: /proc; elsewhere: since this import)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


def peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kb / 1024


class _TokenClock:
    """A Progress callback timing the first answer token after the last stage report."""

    def __init__(self) -> None:
        self.last_stage: float | None = None
        self.ttft_ms: float | None = None

    def __call__(self, kind: str, text: str) -> None:
        now = time.perf_counter()
        if kind == "stage":
            self.last_stage = now
        elif kind == "text" and self.ttft_ms is None and self.last_stage is not None:
            self.ttft_ms = (now - self.last_stage) * 1000


@dataclass
class Run:
    seconds: float
    model_ms: float
    network_ms: float
    model_calls: int
    prompt_tokens: list[int] = field(default_factory=list)
    completion_tokens: list[int] = field(default_factory=list)
    ttft_ms: float | None = None

    @property
    def overhead_ms(self) -> float:
        return max(0.0, self.seconds * 1000 - self.model_ms - self.network_ms)


def run_from_trace(seconds: float, trace: dict[str, Any], ttft_ms: float | None) -> Run:
    calls = trace.get("model_calls") or []
    fetches = trace.get("fetches") or []
    # searches run concurrently, then pages concurrently: each phase costs its slowest request
    network = sum(max((f.get("ms") or 0 for f in fetches if f.get("kind") == kind), default=0) for kind in ("search", "page"))
    return Run(seconds=seconds, model_ms=sum(c.get("ms") or 0 for c in calls), network_ms=network,
               model_calls=len(calls), prompt_tokens=[c["prompt_tokens"] for c in calls if c.get("prompt_tokens")],
               completion_tokens=[c["completion_tokens"] for c in calls if c.get("completion_tokens")], ttft_ms=ttft_ms)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64  # the default 5 drops simultaneous connects, which retry after 1 s


class SlowPages:
    """A loopback HTTP server whose every page answers after ``delay`` seconds."""

    def __init__(self, delay: float = SLOW_DELAY_S) -> None:
        body = ("<html><head><title>Bench page</title></head><body><article><h1>Bench page</h1>"
                + "<p>This page exists to time concurrent fetching; it says nothing else of note.</p>" * 5
                + "</article></body></html>").encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                time.sleep(delay)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = _Server(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> SlowPages:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(5)


def fetch_stage_seconds(urls: list[str], *, data_dir: Path | None = None) -> float:
    """Time the pipeline's fetch stage (search skipped: the URLs are planned directly)
    through the live transport, its address guard allowing loopback only for this."""
    from datetime import datetime

    from orchestrator.config import resolve_settings
    from orchestrator.context import RunContext
    from orchestrator.net.guard import AddressPolicy
    from orchestrator.net.guarded import GuardedTransport
    from orchestrator.nodes.fetch_sources import gather_evidence
    from orchestrator.policy import load_policy
    from orchestrator.state import GraphState, Intent, Plan, PlannedSource
    from orchestrator.trace.recorder import TraceRecorder

    settings = resolve_settings(data_dir=data_dir, use_model=False, searxng="http://127.0.0.1:9")  # no search: the pages are planned
    now = datetime.now(UTC)
    transport = GuardedTransport(policy=AddressPolicy(allow=(ipaddress.ip_network("127.0.0.1/32"),)))
    ctx = RunContext(settings=settings, policy=load_policy(settings.policy), model=None, transport=transport,
                     clock=lambda: now,
                     trace=TraceRecorder(question="bench", asked_at=now.isoformat(), config={}), page_timeout=10.0)
    plan = Plan(queries=[], direct=[PlannedSource(url=u, tier="other", why="bench") for u in urls], max_pages=len(urls))
    state: GraphState = {"question": "bench", "plan": plan, "intent": Intent(needs_fresh=True)}
    start = time.perf_counter()
    evidence = asyncio.run(gather_evidence("bench", state, ctx))
    seconds = time.perf_counter() - start
    failed = [e.failure for e in evidence if not e.ok]
    if failed:
        raise OrchestratorError(f"bench pages failed to load: {failed[0]}")
    return seconds


def fetch_concurrency_ratio(*, pages: int = SLOW_PAGES, delay: float = SLOW_DELAY_S, rounds: int = FETCH_ROUNDS,
                            data_dir: Path | None = None) -> float:
    with SlowPages(delay) as server:
        urls = [f"{server.base}/page/{i}" for i in range(pages)]
        fetch_stage_seconds(urls, data_dir=data_dir)  # warm-up: first-use imports and caches
        times = [fetch_stage_seconds(urls, data_dir=data_dir) for _ in range(rounds)]
    return statistics.median(times) / delay


SERVER_PACKS = 10  # fresh CLI clients through the server: enough for a median


def process_figures(packs: list[Path], directory: Path, cli_args: list[str], data_dir: Path,
                    use_model: bool) -> dict[str, Any]:
    """Fresh processes: a cold CLI ask with and without the model, then CLI clients through
    a loopback LangGraph server (None when langgraph-cli[inmem] is not installed)."""
    from orchestrator import bench_process as bp

    cold = next((p for p in packs if p.name == "paris-2024-us-gold"), packs[0])  # the reference question
    ask = ["ask", "--json", "--replay", str(cold), "--data-dir", str(data_dir)]
    figures: dict[str, Any] = {
        "cold_cli_s": round(bp.cli_seconds([*ask, *cli_args]), 2) if use_model else None,
        "cold_cli_no_model_s": round(bp.cli_seconds([*ask, *cli_args, "--no-model"]), 2),
        "cold_cli_pack": cold.name, "server_e2e_p50_s": None,
    }
    if bp.server_available():
        seconds = bp.figures_through_server(packs[:SERVER_PACKS], data_dir, directory, [] if use_model else ["--no-model"])
        figures["server_e2e_p50_s"] = _rounded(percentile(seconds, 50), 2)
    return figures


def run_bench(directory: Path, ask: Callable[..., Any], load_trace: Callable[[str], dict[str, Any]], *,
              repeat: int = 2, limit: int | None = None, data_dir: Path | None = None,
              on_run: Callable[[str, Run], None] | None = None, cli_args: list[str] | None = None,
              use_model: bool = True, processes: bool = True,
              on_error: Callable[[str, str], None] | None = None) -> dict[str, Any]:
    """``ask(replay=pack, progress=cb)`` answers one pack; ``load_trace(id)`` reads its trace.
    The first question (model load, cold caches) gives cold_start_s and is not a warm run.
    Then every pack once more while another process spins on every core (the loaded/idle
    ratio), and with ``processes`` the whole-process figures (``cli_args``: the model and
    policy options a CLI run takes). A pack that fails is named to ``on_error`` (once) and in
    ``failed_packs``; the others are timed."""
    from orchestrator.bench_process import Spinners
    from orchestrator.replay.pack import find_packs

    packs = find_packs(directory)[:limit] if limit else find_packs(directory)
    if not packs:
        raise PackInvalid(f"no packs under {directory} (a pack is a folder holding case.json and cassette.json)")
    runs: list[Run] = []
    failed: dict[str, str] = {}  # pack name -> its error, first time only

    def answered(pack: Path, clock: _TokenClock) -> Any:  # the Answer, or None where the pack failed
        if pack.name in failed:
            return None
        try:
            return ask(replay=pack, progress=clock)
        except OrchestratorError as exc:
            failed[pack.name] = str(exc)
            if on_error:
                on_error(pack.name, str(exc))
            return None

    # the cold question is the first pack that answers: a failing first pack made the next
    # one's cold run count as warm
    cold_start = next((process_age_s() for pack in packs if answered(pack, _TokenClock()) is not None), None)
    for pack in [p for _ in range(max(1, repeat)) for p in packs]:
        clock = _TokenClock()
        start = time.perf_counter()
        if (answer := answered(pack, clock)) is None:
            continue
        seconds = time.perf_counter() - start
        run = run_from_trace(seconds, load_trace(answer.trace_id), clock.ttft_ms)
        runs.append(run)
        if on_run:
            on_run(pack.name, run)

    def p50(values: list[float]) -> float | None:
        return round(statistics.median(values), 1) if values else None

    def timed(pack: Path) -> float | None:
        start = time.perf_counter()
        try:
            ask(replay=pack, progress=_TokenClock())
        except OrchestratorError:
            return None
        return time.perf_counter() - start

    e2e = [r.seconds for r in runs]
    with Spinners():
        loaded = [s for s in (timed(p) for p in packs if p.name not in failed) if s is not None]
    idle_p50, loaded_p50 = percentile(e2e, 50), percentile(loaded, 50)
    from orchestrator.config import resolve_settings

    home = resolve_settings(data_dir=data_dir).data_dir
    extra = process_figures(packs, directory, cli_args or [], home, use_model) if processes else {}
    return {
        "e2e_p50_s": _rounded(percentile(e2e, 50), 2),
        "e2e_p95_s": _rounded(percentile(e2e, 95), 2),
        "overhead_p50_ms": p50([r.overhead_ms for r in runs]),
        "fetch_concurrency_ratio": round(fetch_concurrency_ratio(data_dir=data_dir), 2),
        "model_calls_per_question": round(statistics.mean(r.model_calls for r in runs), 2) if runs else None,
        "max_model_calls": max((r.model_calls for r in runs), default=None),
        "prompt_tokens_p50": p50([t for r in runs for t in r.prompt_tokens]),
        "max_prompt_tokens": max((t for r in runs for t in r.prompt_tokens), default=None),
        "completion_tokens_p50": p50([t for r in runs for t in r.completion_tokens]),
        "ttft_ms_p50": p50([r.ttft_ms for r in runs if r.ttft_ms is not None]),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "cold_start_s": round(cold_start, 2) if cold_start is not None else None,
        "loaded_e2e_p50_s": _rounded(loaded_p50, 2),
        "loaded_e2e_p50_ratio": round(loaded_p50 / idle_p50, 2) if idle_p50 and loaded_p50 else None,
        **extra,
        "packs": len(packs), "warm_runs": len(runs), "errors": len(failed), "failed_packs": sorted(failed),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
