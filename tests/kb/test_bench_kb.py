"""The knowledge-base scenario of ``orchestrator bench`` (orchestrator/bench_kb.py): the
archive's documents indexed from nothing, every question searched, a sample answered."""

from __future__ import annotations

import json

from orchestrator.bench_kb import kb_figures
from tests.conftest import FIXTURES
from tests.kb.nobel import NOBEL
from tests.kb.test_cli_kb import CASES, lines, run


def test_the_scenario_indexes_searches_and_answers_from_nothing(tmp_path, isolated_home):
    (tmp_path / "docs.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    (tmp_path / "cases.jsonl").write_text(lines(CASES), encoding="utf-8")
    seen = []
    figures = kb_figures(tmp_path, tmp_path / "docs.jsonl", {"use_model": False}, cases=1,
                         on_case=lambda name, seconds: seen.append(name))
    assert figures["kb_documents"] == 2 and figures["kb_cases"] == 1 and len(seen) == 1
    assert figures["kb_index_s"] >= 0 and figures["kb_search_p50_ms"] > 0 and figures["kb_e2e_p50_s"] > 0
    assert not list((isolated_home / "kb").glob("cache/*.sqlite"))  # built in a scratch directory, not cached


def test_bench_takes_the_archive_and_its_documents_together(tmp_path):
    result = run("bench", "--archive", str(tmp_path), "--no-model", "--no-processes", "--json")
    assert result.exit_code != 0 and "--archive and --kb go together" in result.output
    (tmp_path / "docs.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    (tmp_path / "cases.jsonl").write_text(lines(CASES), encoding="utf-8")
    result = run("bench", "--packs", str(FIXTURES / "brisbane-2032-host"), "--archive", str(tmp_path), "--kb",
                 str(tmp_path / "docs.jsonl"), "--kb-cases", "2", "--no-model", "--no-processes", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["kb_cases"] == 2 and figures["e2e_p50_s"] is not None
