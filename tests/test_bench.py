"""The benchmark's arithmetic and a smoke run; speed itself is not asserted here."""

import json

import httpx
import pytest
from typer.testing import CliRunner

from orchestrator import ask
from orchestrator.bench import SlowPages, fetch_stage_seconds, percentile, run_bench, run_from_trace
from orchestrator.cli import app
from orchestrator.config import resolve_settings
from orchestrator.model.fake import ScriptedModel
from orchestrator.trace.store import TraceStore
from tests.conftest import CHINA

FIELDS = {"e2e_p50_s", "e2e_p95_s", "overhead_p50_ms", "fetch_concurrency_ratio", "model_calls_per_question",
          "prompt_tokens_p50", "completion_tokens_p50", "ttft_ms_p50", "peak_rss_mb", "cold_start_s"}


def test_percentile_is_nearest_rank():
    values = [5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 6.0, 7.0, 8.0, 9.0]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 100)) == (5.0, 10.0, 10.0)
    assert percentile([], 50) is None and percentile([3.0], 95) == 3.0


def test_overhead_excludes_model_time_and_each_concurrent_network_phase():
    trace = {
        "model_calls": [{"ms": 900.0, "prompt_tokens": 300, "completion_tokens": 30}, {"ms": 100.0, "prompt_tokens": 0}],
        "fetches": [{"kind": "search", "ms": 50}, {"kind": "search", "ms": 80},
                    {"kind": "page", "ms": 200}, {"kind": "page", "ms": 120}],
    }
    run = run_from_trace(1.5, trace, ttft_ms=250.0)
    assert (run.model_ms, run.network_ms, run.model_calls) == (1000.0, 280, 2)
    assert run.overhead_ms == pytest.approx(1500 - 1000 - 280)
    assert (run.prompt_tokens, run.completion_tokens) == ([300], [30])


def test_slow_pages_server_serves_every_page_and_stops():
    with SlowPages(delay=0.05) as server:
        urls = [f"{server.base}/page/{i}" for i in range(4)]
        assert fetch_stage_seconds(urls) > 0  # raises if a page failed
        base = server.base
    with pytest.raises(httpx.ConnectError):
        httpx.get(base, timeout=1)


def test_bench_with_a_scripted_model_counts_calls_tokens_and_first_token():
    settings = resolve_settings()
    store = TraceStore(settings.trace_db)
    model = ScriptedModel(lambda messages, schema: "截至2024年8月11日，中国代表团共获得40枚金牌。")
    summary = run_bench(CHINA, lambda **kw: ask(chat_model=model, wording="model", **kw), store.get, repeat=2,
                        processes=False)
    assert FIELDS <= set(summary)
    assert (summary["warm_runs"], summary["errors"], summary["model_calls_per_question"]) == (2, 0, 1)
    assert summary["prompt_tokens_p50"] > 0 and summary["completion_tokens_p50"] > 0
    assert summary["ttft_ms_p50"] is not None and summary["cold_start_s"] > 0
    assert summary["fetch_concurrency_ratio"] > 0 and summary["peak_rss_mb"] > 0
    assert summary["loaded_e2e_p50_ratio"] > 0  # the same packs again, spinners on every core


def test_bench_command_smoke_without_model():
    result = CliRunner().invoke(app, ["bench", "--packs", str(CHINA), "--no-model", "--json", "--repeat", "1"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert FIELDS <= set(summary)
    assert summary["model_calls_per_question"] == 0 and summary["ttft_ms_p50"] is not None  # the template's text
    assert summary["cold_cli_s"] is None and summary["cold_cli_no_model_s"] > 0  # fresh processes, no model
    from orchestrator.bench_process import server_available

    if server_available():  # CLI clients through a loopback langgraph dev, stopped again
        assert summary["server_e2e_p50_s"] > 0


def test_bench_on_an_empty_directory_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["bench", "--packs", str(tmp_path), "--no-model"])
    assert result.exit_code == 2 and "no packs under" in result.stderr  # as eval says it


def test_a_failing_pack_is_named_and_fails_the_run(tmp_path):
    """A bad pack was counted in "errors" (twice when first) and the run exited 0; it is named
    once, left out of the figures, and the exit code says the bench is incomplete."""
    import shutil

    shutil.copytree(CHINA, tmp_path / "good")
    shutil.copytree(CHINA, tmp_path / "bad")
    case = json.loads((tmp_path / "bad" / "case.json").read_text(encoding="utf-8"))
    case["choices"] = ["40"]  # one choice: a closed question needs two
    (tmp_path / "bad" / "case.json").write_text(json.dumps(case), encoding="utf-8")
    result = CliRunner().invoke(app, ["bench", "--packs", str(tmp_path), "--no-model", "--json", "--no-processes"])
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert (summary["errors"], summary["failed_packs"], summary["warm_runs"]) == (1, ["bad"], 1)
    assert "error: bad: " in result.stderr
    # the good pack's first answer is the cold question, not a warm run: it had been timed as
    # warm when the failing pack came first, and a cold run (model load, cold caches) had made
    # the warm p50 and the loaded/idle ratio nonsense
    assert summary["cold_start_s"] is not None


def test_a_missing_archive_is_refused_before_the_packs_run(tmp_path):
    result = CliRunner().invoke(app, ["bench", "--packs", str(CHINA), "--no-model", "--no-processes",
                                      "--archive", str(tmp_path / "none"), "--kb", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "no such file or folder" in result.stderr
    assert CHINA.name not in result.stderr  # no pack was timed first


def test_the_default_packs_are_the_checkout_s_from_any_directory(tmp_path, monkeypatch):
    """The default was ./fixtures: from another directory, "error: fixtures: not a directory"."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["bench", "--no-processes", "--no-model", "--limit", "1", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["packs"] == 1
    from orchestrator.cli import bench

    monkeypatch.setattr(bench, "CHECKOUT_FIXTURES", tmp_path / "fixtures")  # a package installed from a wheel
    missing = CliRunner().invoke(app, ["bench", "--no-processes", "--no-model"])
    assert missing.exit_code == 2 and missing.stderr.count("\n") == 1 and "give --packs DIR" in missing.stderr
