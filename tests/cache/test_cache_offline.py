"""Live runs against loopback servers playing SearxNG and two sites, then the servers go
away: a cached answer comes back with its age stated, or the run abstains when nothing
verified was cached. The real network transport is used throughout (no replay)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from typer.testing import CliRunner

from orchestrator import ask
from orchestrator.cache import CacheConfig, KnowledgeCache
from orchestrator.cli import app
from orchestrator.config import resolve_settings
from orchestrator.trace.store import TraceStore
from tests.cache.sites import ASKED_AT, QUESTION

T0 = datetime.fromisoformat(ASKED_AT)
def live(web, question=QUESTION, **kwargs):
    return ask(question, searxng=web.url, use_model=False, **kwargs)


def test_answer_live_then_offline_from_the_cache(loopback_web):
    first = live(loopback_web, now=T0)
    assert (first.status, first.answer) == ("answered", "40"), first.warnings
    assert not any("knowledge cache" in w for w in first.warnings)
    loopback_web.stop()

    # Inside the freshness window (event: 30 days) the cached answer is served without a run...
    again = live(loopback_web, now=T0 + timedelta(days=1))
    assert (again.status, again.answer, again.as_of) == ("answered", "40", "2024-08-11")
    assert again.warnings[0].startswith("from the knowledge cache") and "1 day ago" in again.warnings[0]
    assert again.citations == first.citations and again.trace_id not in (None, first.trace_id)
    listed = {row["id"]: row for row in TraceStore(resolve_settings().trace_db).list()}
    assert listed[again.trace_id]["language"] == listed[first.trace_id]["language"] == "en"  # not blank when cached

    # ...asking for the latest runs anyway, cannot reach the sources, and says how old the answer is.
    latest = live(loopback_web, now=T0 + timedelta(days=2), require_latest=True)
    assert (latest.status, latest.answer) == ("answered", "40")
    assert latest.warnings[0].startswith("as of 2024-08-12, could not refresh")
    assert "2 days ago" in latest.warnings[0] and "search could not be reached" in latest.warnings[0]

    # Past the window it is never fresh: the run goes out, fails, and the stale answer comes
    # back only as an offline answer, flagged as past its window.
    stale = live(loopback_web, now=T0 + timedelta(days=45))
    assert (stale.status, stale.answer) == ("answered", "40")
    assert stale.warnings[0].startswith("as of 2024-08-12, could not refresh")
    assert "past its freshness window" in stale.warnings[1]

    trace = TraceStore(resolve_settings().trace_db).get(stale.trace_id)
    cache_nodes = [n["output"] for n in trace["nodes"] if n["name"] == "knowledge_cache"]
    assert cache_nodes[0].startswith("stale hit") and "served offline" in cache_nodes[-1]


def test_nothing_cached_abstains_and_failures_are_not_cached(loopback_web):
    loopback_web.stop()
    first = live(loopback_web, now=T0)
    assert first.status == "abstained" and first.answer is None
    assert any("holds no verified answer" in w for w in first.warnings)
    entries = KnowledgeCache(CacheConfig(memory_entries=0), resolve_settings().data_dir).stats(T0)[0].entries
    assert entries == 0  # the abstention was not stored


def test_a_fresh_hit_does_not_touch_the_network(loopback_web):
    live(loopback_web, now=T0)
    seen = len(loopback_web.requests)
    assert seen >= 3  # the search and both pages
    hit = live(loopback_web, now=T0 + timedelta(hours=3))
    assert hit.status == "answered" and len(loopback_web.requests) == seen
    refreshed = live(loopback_web, now=T0 + timedelta(hours=4), require_latest=True)
    assert refreshed.status == "answered" and len(loopback_web.requests) > seen
    assert not any("knowledge cache" in w for w in refreshed.warnings)


def test_cache_off_and_replays_never_use_it(loopback_web, monkeypatch):
    from tests.conftest import USA

    assert live(loopback_web, now=T0, cache=False).status == "answered"
    loopback_web.stop()
    assert live(loopback_web, now=T0, cache=False).status == "abstained"  # nothing was stored
    replayed = ask(replay=USA, use_model=False)
    assert replayed.status == "answered" and not any("knowledge cache" in w for w in replayed.warnings)
    monkeypatch.setenv("ORCHESTRATOR_CACHE", "off")
    assert live(loopback_web, now=T0).status == "abstained"


def test_cache_commands(loopback_web, tmp_path):
    runner = CliRunner()
    questions = tmp_path / "questions.txt"
    questions.write_text(f"# for the trip\n{QUESTION}\n\nWhat is the capital of Atlantis today?\n", encoding="utf-8")
    warmed = runner.invoke(app, ["cache", "warm", str(questions), "--searxng", loopback_web.url, "--no-model", "--json"])
    assert warmed.exit_code == 0, warmed.output
    report = json.loads(warmed.stdout)
    assert report["questions"] == 2 and report["cached"] == 1
    assert report["results"][0]["status"] == "answered"

    stats = runner.invoke(app, ["cache", "stats", "--json"])
    assert stats.exit_code == 0, stats.output
    rows = {r["name"]: r for r in json.loads(stats.stdout)}
    assert (rows["disk"]["kind"], rows["disk"]["entries"], rows["disk"]["fresh"]) == ("answers", 1, 1)
    assert (rows["disk pages"]["kind"], rows["disk pages"]["entries"]) == ("pages", 2)  # the pages it read

    loopback_web.stop()  # the device goes offline: the warmed answer is still there
    offline = runner.invoke(app, ["ask", QUESTION, "--searxng", loopback_web.url, "--no-model", "--json",
                                  "--require-latest"])
    assert offline.exit_code == 0, offline.output
    body = json.loads(offline.stdout)
    assert body["status"] == "answered" and "could not refresh" in body["warnings"][0]

    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and "disk: removed 1 entry" in cleared.stdout
    assert "disk pages: removed 2 entries" in cleared.stdout
    assert [r["entries"] for r in json.loads(runner.invoke(app, ["cache", "stats", "--json"]).stdout)] == [0, 0]

    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n")
    bad = runner.invoke(app, ["cache", "warm", str(empty)])
    assert bad.exit_code == 2 and "holds no questions" in bad.stderr and "Traceback" not in bad.output


def test_warm_with_a_corrupt_disk_tier_says_nothing_was_kept(loopback_web, tmp_path):
    runner = CliRunner()
    questions = tmp_path / "questions.txt"
    questions.write_text(QUESTION + "\n", encoding="utf-8")
    disk = resolve_settings().data_dir / "cache.sqlite"
    disk.parent.mkdir(parents=True, exist_ok=True)
    disk.write_bytes(b"this is not a database" * 100)
    warmed = runner.invoke(app, ["cache", "warm", str(questions), "--searxng", loopback_web.url, "--no-model"])
    assert warmed.exit_code == 5 and "Traceback" not in warmed.output, warmed.output
    assert "warmed 0 of 1 questions" in warmed.stdout and "(not cached)" in warmed.stderr
    assert "warning: disk tier:" in warmed.stderr
    report = runner.invoke(app, ["cache", "warm", str(questions), "--searxng", loopback_web.url, "--no-model", "--json"])
    assert report.exit_code == 5 and json.loads(report.stdout)["cached"] == 0
    assert json.loads(report.stdout)["results"][0]["status"] == "answered"
    assert disk.read_bytes() == b"this is not a database" * 100  # the damaged file is left for the user to inspect


def test_an_answer_with_a_damaged_disk_tier_says_it_was_not_kept(loopback_web):
    disk = resolve_settings().data_dir / "cache.sqlite"
    disk.parent.mkdir(parents=True, exist_ok=True)
    disk.write_bytes(b"this is not a database" * 100)
    answer = live(loopback_web, now=T0)
    assert (answer.status, answer.answer) == ("answered", "40")
    told = [w for w in answer.warnings if "knowledge cache" in w]
    assert len(told) == 1 and "cache.sqlite" in told[0] and "move it aside" in told[0], answer.warnings
    assert not any("knowledge cache" in w for w in live(loopback_web, now=T0, cache=False).warnings)


def test_warm_with_the_sources_unreachable_says_why_and_fails(loopback_web, tmp_path):
    """It said "abstained (not cached)", "warmed 0 of 1" and exited 0."""
    questions = tmp_path / "questions.txt"
    questions.write_text(QUESTION + "\n", encoding="utf-8")
    loopback_web.stop()
    runner = CliRunner()
    warmed = runner.invoke(app, ["cache", "warm", str(questions), "--searxng", loopback_web.url, "--no-model"])
    assert warmed.exit_code == 1 and "warmed 0 of 1 questions" in warmed.stdout, warmed.output
    report = runner.invoke(app, ["cache", "warm", str(questions), "--searxng", loopback_web.url, "--no-model", "--json"])
    reason = json.loads(report.stdout)["results"][0]["reason"]  # the run's first warning: no source could be read
    assert report.exit_code == 1 and "source" in reason
    assert warmed.stderr.splitlines() == [f"[1/1] abstained  (not cached: {reason}) · {QUESTION}"]


def test_a_cache_switch_with_another_value_is_an_error_not_the_cache_left_on(monkeypatch):
    from orchestrator.cache.knowledge import config_from_env
    from orchestrator.errors import ConfigError

    monkeypatch.setenv("ORCHESTRATOR_CACHE", "of")  # a typo for off: the cache had stayed on without a word
    with pytest.raises(ConfigError, match="ORCHESTRATOR_CACHE='of'"):
        config_from_env()
    result = CliRunner().invoke(app, ["cache", "stats"])
    assert result.exit_code == 2 and result.stderr.startswith("error: ORCHESTRATOR_CACHE='of'"), result.output
    for value, enabled in (("OFF", False), ("on", True), (" ", True)):
        monkeypatch.setenv("ORCHESTRATOR_CACHE", value)
        assert config_from_env().enabled is enabled
