"""SearxNG replies that are JSON but not the shape PACKS.md describes, live (a loopback
SearxNG) and in replay: a reply that holds no results list is a failed search with its
reason; a result whose URL cannot be taken apart is skipped. Never a traceback."""

from __future__ import annotations

import asyncio
import json
import shutil

import httpx
import pytest
from typer.testing import CliRunner

from orchestrator import aask
from orchestrator.cli import app
from orchestrator.sources import SearxngSearch
from orchestrator.trace.store import TraceStore
from tests.conftest import CHINA
from tests.security import loopback as lb
from tests.security.netstubs import StubResolver, Tripwire, guarded
from tests.security.test_ssrf import GOOD_A, GOOD_B, QUESTION, _wide_policy

NOT_A_RESULTS_LIST = ["[1, 2]", "null", '"results"', "5", '{"results": 5}', '{"results": "x"}', '{"results": {"a": 1}}']
BAD_URLS = ["http://[::1", "http://[::1/x", "https://example.org:99999/", "http://", "https:///path", 7, None,
            ["http://a.example"], {"u": 1}]


def _search(site, body: bytes):
    site.routes["/search"] = lb.send(lb.response(200, body, {"Content-Type": "application/json"}))
    return asyncio.run(_ask_search(site))


async def _ask_search(site):
    async with httpx.AsyncClient(transport=guarded(StubResolver(), Tripwire(), exempt=[site.url("")])) as client:
        return await SearxngSearch(site.url("")).search(client, "q")


@pytest.mark.parametrize("body", NOT_A_RESULTS_LIST)
def test_a_reply_without_a_results_list_is_a_failed_search(site, body):
    outcome = _search(site, body.encode())
    assert outcome.results == [] and outcome.failure == "search returned JSON without a results list"


def test_a_reply_nested_too_deep_is_invalid_json(site):
    outcome = _search(site, b'{"results": ' + b"[" * 50_000 + b"]" * 50_000 + b"}")
    assert outcome.results == [] and outcome.failure == "search returned invalid JSON"


def test_results_with_unusable_urls_are_skipped(site):
    listed = [{"url": u, "title": "t"} for u in BAD_URLS] + [7, None, "x", {"url": site.url("/a"), "engine": {"x": 1}}]
    outcome = _search(site, json.dumps({"results": listed}).encode())
    assert outcome.failure is None and [r.url for r in outcome.results] == [site.url("/a")]
    assert outcome.results[0].engine is None


@pytest.mark.parametrize("body", ["[1, 2]", '{"results": 5}'])
def test_a_whole_live_run_with_a_bad_reply_abstains_and_says_why(site, tmp_path, body):
    site.routes["/search"] = lb.send(lb.response(200, body.encode(), {"Content-Type": "application/json"}))
    answer = asyncio.run(aask(QUESTION, searxng=site.url(""), use_model=False, page_timeout=5,
                              transport=guarded(StubResolver(), Tripwire(), exempt=[site.url("")])))
    assert answer.status == "abstained"
    trace = TraceStore(tmp_path / "home" / "traces.sqlite").get(answer.trace_id)
    assert any(f.get("failure") == "search returned JSON without a results list" for f in trace["fetches"])


def test_a_whole_live_run_skips_unusable_urls_and_answers(site, tmp_path):
    site.routes["/a"], site.routes["/b"] = lb.html(GOOD_A), lb.html(GOOD_B)
    listed = [{"url": u} for u in BAD_URLS] + [{"url": site.url("/a")}, {"url": site.url("/b")}]
    site.routes["/search"] = lb.send(lb.response(200, json.dumps({"results": listed}).encode(), {"Content-Type": "application/json"}))
    answer = asyncio.run(aask(QUESTION, searxng=site.url(""), use_model=False, page_timeout=5, policy=_wide_policy(tmp_path),
                              transport=guarded(StubResolver(), Tripwire(), exempt=[site.url("")])))
    assert (answer.status, answer.answer) == ("answered", "40"), answer.warnings


def _replay_with_search_body(tmp_path, body: str):
    pack = tmp_path / "pack"
    shutil.copytree(CHINA, pack)
    cassette = json.loads((pack / "cassette.json").read_text(encoding="utf-8"))
    searches = [i for i in cassette["interactions"] if i["request"]["uri"].split("?")[0].endswith("/search")]
    assert searches
    for item in searches:
        item["response"]["body"]["string"] = body
    (pack / "cassette.json").write_text(json.dumps(cassette), encoding="utf-8")
    return CliRunner().invoke(app, ["ask", "--replay", str(pack), "--no-model", "--json"])


@pytest.mark.parametrize("body", NOT_A_RESULTS_LIST)
def test_a_replayed_reply_without_a_results_list(tmp_path, body):
    result = _replay_with_search_body(tmp_path, body)
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert json.loads(result.stdout)["status"] in ("answered", "abstained")


def test_a_replayed_reply_with_unusable_urls(tmp_path):
    search = json.loads(next(i for i in json.loads((CHINA / "cassette.json").read_text(encoding="utf-8"))["interactions"]
                             if i["request"]["uri"].split("?")[0].endswith("/search"))["response"]["body"]["string"])
    search["results"] = [{"url": u, "title": "t", "content": "c"} for u in BAD_URLS] + search["results"]
    result = _replay_with_search_body(tmp_path, json.dumps(search))
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    assert json.loads(result.stdout)["answer"] == "40"


def test_tier_of_an_unparsable_url_is_other():
    from orchestrator.config import resolve_settings
    from orchestrator.policy import load_policy

    policy = load_policy(resolve_settings().policy)
    assert policy.tier_of("http://[::1") == "other" and policy.tier_of("http://[::1/x", "olympics") == "other"


def _policy_with(tmp_path, line: str):
    from tests.conftest import ROOT

    text = (ROOT / "policies" / "default.yaml").read_text(encoding="utf-8")
    path = tmp_path / "policy.yaml"
    path.write_text(text.replace("  max_pages: 8\n", f"  max_pages: 8\n  {line}\n"), encoding="utf-8")
    return path


def test_a_dripping_search_provider_costs_the_search_deadline_not_the_run(site, tmp_path):
    """SearxNG sends its headers, then a byte every 0.2 s forever: no read timeout ever trips."""
    import time

    site.routes["/search"] = lb.drip(lb.response(200, b"", {"Content-Type": "application/json"}, length=False),
                                     every=0.2, payload=b' {"results": [')
    started = time.perf_counter()
    answer = asyncio.run(asyncio.wait_for(
        aask(QUESTION, searxng=site.url(""), use_model=False, page_timeout=5, policy=_policy_with(tmp_path, "search_timeout: 1"),
             transport=guarded(StubResolver(), Tripwire(), exempt=[site.url("")])), timeout=60))
    elapsed = time.perf_counter() - started
    assert elapsed < 20, elapsed  # the deadline is 1 s; the rest is a busy machine's slack
    assert answer.status == "abstained"
    trace = TraceStore(tmp_path / "home" / "traces.sqlite").get(answer.trace_id)
    searches = [f for f in trace["fetches"] if f.get("kind") == "search"]
    assert searches and all(f["failure"] == "search timed out after 1 s" for f in searches)


@pytest.mark.parametrize("value", ["0", "-1", "301", "soon"])
def test_search_timeout_is_validated_like_the_other_rules(tmp_path, value):
    result = CliRunner().invoke(app, ["policy", "check", str(_policy_with(tmp_path, f"search_timeout: {value}"))])
    assert result.exit_code == 2 and "rules.search_timeout" in result.stderr and "Traceback" not in result.output


def test_search_timeout_defaults_to_15_seconds():
    from orchestrator.policy import Rules

    assert Rules().search_timeout == 15
