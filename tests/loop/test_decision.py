"""The review's decision after a search round (orchestrator/loop/decision.py): settle, or go
on within the policy's bounds, with the reason in words."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from orchestrator.config import DEFAULT_POLICY
from orchestrator.context import RunCounts
from orchestrator.loop.decision import decide, has_news
from orchestrator.policy import parse_policy
from orchestrator.state import Candidate, Evidence, Findings, Intent, Plan

NOW = datetime(2024, 8, 12, 9, 0, tzinfo=UTC)
QUESTION = "How many gold medals did the United States win at the Paris 2024 Olympics?"
PAGE = Evidence(url="https://a.test/1", ok=True, text="The United States won 40 gold medals at the Paris 2024 Olympics.")
FAILED = Evidence(url="https://a.test/2", ok=False, failure="not recorded")
CONFLICT = Findings(verdict="conflict", reason="two values", candidates=[
    Candidate(value="40", display="40", kind="number"), Candidate(value="39", display="39", kind="number")])


def ctx(extra: str = "", counts: RunCounts | None = None):
    policy = parse_policy(Path(DEFAULT_POLICY).read_text(encoding="utf-8") + extra)
    return SimpleNamespace(policy=policy, counts=counts or RunCounts(), clock=lambda: NOW)


def state(findings: Findings, *, n: int = 1, evidence=(PAGE,), new: int = 1, sent=(QUESTION,)):
    intent = Intent(needs_fresh=True, answer_type="number", terms=[["gold"], ["united states"], ["paris"]],
                    names=[["united states"], ["paris"]], year=2024)
    return {"question": QUESTION, "intent": intent, "plan": Plan(queries=list(sent), freshness_days=None),
            "round": n, "evidence": list(evidence), "round_pages": new, "queries_sent": list(sent), "findings": findings}


def test_an_answer_settles_and_a_conflict_searches_again_with_new_queries():
    assert decide(state(Findings(verdict="answered", value="40")), ctx()).why == "settled"
    decision = decide(state(CONFLICT), ctx())
    assert decision.go_on and decision.why == "conflict: two values"
    assert decision.queries and QUESTION not in decision.queries and len(decision.queries) <= 3
    assert any(q.endswith(" 40") for q in decision.queries)  # a value in contention, to confirm or deny


def test_every_unsettled_kind_goes_on():
    for findings in (Findings(verdict="abstained", reason="no passage in the sources matches the question"),
                     Findings(verdict="abstained", reason="only one source states 40; the policy needs 2"),
                     Findings(verdict="abstained", reason="only stale sources give a value")):
        assert decide(state(findings), ctx()).go_on


def test_the_bounds_stop_it():
    assert "rules.search_loop.rounds" in decide(state(CONFLICT, n=3), ctx()).why
    assert "rules.search_loop.rounds" in decide(state(CONFLICT, n=2), ctx("\nrules:\n  search_loop:\n    rounds: 2\n")).why
    assert "rules.search_loop.pages" in decide(state(CONFLICT, evidence=[PAGE] * 24), ctx()).why
    spent = RunCounts()
    spent.take_model_call(5)
    spent.take_model_call(5)
    assert "rules.search_loop.model_calls" in decide(state(CONFLICT), ctx(counts=spent)).why
    assert "rules.search_loop.seconds" in decide(state(CONFLICT), ctx("\nrules:\n  search_loop:\n    seconds: 0.000001\n")).why


def test_a_round_that_read_nothing_new_ends_the_loop():
    nothing = state(CONFLICT, n=2, evidence=[PAGE], new=0)
    assert not has_news(nothing) and decide(nothing, ctx()).why == "round 2 found no page not read before"
    unrecorded = state(CONFLICT, n=2, evidence=[PAGE, FAILED], new=1)  # a replay's unrecorded page: a failed source
    assert not has_news(unrecorded) and not decide(unrecorded, ctx()).go_on
    assert has_news(state(CONFLICT, n=2, evidence=[FAILED, PAGE], new=1))


def test_searches_that_all_failed_are_not_retried():
    counts = RunCounts()
    counts.searched("search unreachable: ConnectError")
    down = state(Findings(verdict="abstained", reason="no source could be read (no sources found)"), evidence=[], new=0)
    assert decide(down, ctx(counts=counts)).why.startswith("every search failed")


def test_no_query_left_stops():
    findings = Findings(verdict="abstained", reason="no passage")
    every = decide(state(findings), ctx("\nrules:\n  search_loop:\n    queries: 10\n")).queries
    assert every and QUESTION not in every
    spent = decide(state(findings, sent=[QUESTION, *every]), ctx())
    assert not spent.go_on and spent.why == "no follow-up query the run has not sent"
