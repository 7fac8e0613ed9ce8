"""fetch_sources dispatches over source kinds by the policy's ``sources:`` names
(sources/registry.py): official endpoints are read first, before any search; a new kind is
one module plus a policy entry; an unknown name is refused when the policy loads. Requests
are answered by httpx.MockTransport: nothing leaves the process."""

from __future__ import annotations

import asyncio
import sys
import types
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from orchestrator.config import DEFAULT_POLICY, resolve_settings
from orchestrator.context import RunContext
from orchestrator.errors import PolicyInvalid
from orchestrator.nodes.fetch_sources import gather_evidence
from orchestrator.policy import parse_policy
from orchestrator.sources.base import Found, Lead
from orchestrator.sources.registry import source_kinds
from orchestrator.state import Intent, Plan, PlannedSource
from orchestrator.trace.recorder import TraceRecorder
from tests.pages import MEDAL_TABLE, USA_ON_TOP

NOW = datetime(2024, 8, 12, 9, 0, tzinfo=UTC)
SEARX = "http://searx.test"
OFFICIAL = "https://official.test/medals"
NEWS = "https://news.test/final"
EXTRA = "https://extra.test/usa"


def policy(sources: str = "[searxng]"):
    return parse_policy(Path(DEFAULT_POLICY).read_text(encoding="utf-8") + f"\nsources: {sources}\n")


def web(order: list[str]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        order.append(url.split("?")[0])
        if url.startswith(f"{SEARX}/search"):
            return httpx.Response(200, json={"results": [{"url": NEWS, "title": "Final", "content": "40 gold"}]})
        pages = {OFFICIAL: MEDAL_TABLE, NEWS: USA_ON_TOP, EXTRA: USA_ON_TOP}
        if url in pages:
            return httpx.Response(200, text=pages[url], headers={"Content-Type": "text/html; charset=utf-8"})
        return httpx.Response(404)

    return httpx.MockTransport(answer)


def gather(pol, order: list[str], direct=(OFFICIAL,)):
    trace = TraceRecorder(question="q", asked_at=NOW.isoformat(), config={})
    ctx = RunContext(settings=resolve_settings(use_model=False, searxng=SEARX), policy=pol, model=None, transport=web(order),
                     clock=lambda: NOW, trace=trace)
    plan = Plan(queries=["US gold Paris 2024"], max_pages=4,
                direct=[PlannedSource(url=u, tier="official", why="endpoint") for u in direct])
    state = {"question": "q", "plan": plan, "intent": Intent(needs_fresh=True, language="en")}
    return asyncio.run(gather_evidence("q", state, ctx)), trace


def test_official_endpoints_are_read_first_and_before_any_search():
    order: list[str] = []
    evidence, trace = gather(policy(), order)
    assert [e.url for e in evidence] == [OFFICIAL, NEWS] and all(e.ok for e in evidence)
    assert order.index(OFFICIAL) < order.index(f"{SEARX}/search")
    assert evidence[0].title == "Final medal table" and evidence[0].snippet is None  # planned, not searched
    assert [f["kind"] for f in trace.fetches] == ["search", "page", "page"]


def test_a_new_source_kind_is_one_module_and_a_policy_entry(monkeypatch):
    module = types.ModuleType("orchestrator.sources.extra")

    class Extra:
        kind, direct = "extra", False

        async def find(self, client, plan, language):
            return Found([Lead(EXTRA)])

    module.make_source = lambda ctx: Extra()
    monkeypatch.setitem(sys.modules, "orchestrator.sources.extra", module)
    order: list[str] = []
    evidence, _ = gather(policy("[searxng, extra]"), order, direct=())
    assert [e.url for e in evidence] == [NEWS, EXTRA] and all(e.ok for e in evidence)


def test_unknown_source_kinds_are_refused_with_the_known_ones():
    with pytest.raises(PolicyInvalid, match=r"unknown source 'bing'.*official, searxng, wikipedia"):
        policy("[searxng, bing]")
    with pytest.raises(PolicyInvalid, match="unknown source 'extract'"):  # a module, but not a source
        policy("[extract]")
    assert {"official", "searxng", "wikipedia"} <= set(source_kinds())
