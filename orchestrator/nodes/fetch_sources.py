"""Ask every source kind the policy names (sources/registry.py) which pages to read, then
fetch them concurrently and extract text and dates. Official endpoints start downloading
before any search is sent. Each page becomes Evidence; a page that fails is Evidence with
a failure reason."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from langgraph.runtime import Runtime

from orchestrator.context import RunContext
from orchestrator.http import make_client
from orchestrator.state import Evidence, GraphState
from sources import SearchResult, extract, fetch_pages
from sources.registry import run_sources


def _publisher(url: str, sitename: str | None) -> str:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return sitename.strip() if sitename and sitename.strip() else host


async def gather_evidence(question: str, state: GraphState, ctx: RunContext) -> list[Evidence]:
    plan, intent = state["plan"], state["intent"]
    now = ctx.clock()
    sources = run_sources(ctx.policy.sources, ctx)
    async with make_client(ctx.transport, timeout=ctx.page_timeout) as client, asyncio.TaskGroup() as group:
        direct = [lead for found in await asyncio.gather(*(s.find(client, plan, intent.language)
                                                           for s in sources if s.direct)) for lead in found.leads]
        hits: dict[str, SearchResult | None] = {lead.url: lead.hit for lead in direct}
        first = list(hits)
        early = group.create_task(fetch_pages(client, first, timeout=ctx.page_timeout)) if first else None
        ctx.progress("stage", "searching")
        searched = await asyncio.gather(*(s.find(client, plan, intent.language) for s in sources if not s.direct))
        for found in searched:
            for asked in found.asked:
                outcome = asked.outcome
                ctx.trace.fetch(kind="search", url=asked.described, status=None,
                                results=len(outcome.results), ms=round(outcome.ms, 1), failure=outcome.failure)
            for lead in found.leads:
                hits.setdefault(lead.url, lead.hit)
        urls = list(hits)[: len(direct) + plan.max_pages]  # official pages first, beside max_pages
        ctx.progress("stage", f"reading {len(urls)} pages")
        rest = await fetch_pages(client, urls[len(first):], timeout=ctx.page_timeout)
        pages = (await early if early else []) + rest

    async def read(page) -> Evidence:
        hit = hits.get(page.requested_url or page.url)  # the search hit is keyed by the URL asked for
        tier = ctx.policy.tier_of(page.url, intent.topic)
        base = dict(url=page.url, tier=tier, weight=ctx.policy.weight(tier), fetched_at=now, status_code=page.status,
                    bytes=page.bytes, ms=round(page.ms, 1), title=hit.title if hit else None,
                    snippet=hit.snippet if hit else None, published_at=hit.published if hit else None)
        if page.failure:
            return Evidence(ok=False, failure=page.failure, publisher=_publisher(page.url, None), **base)
        found = await asyncio.to_thread(extract, page.body, page.url, now)
        if not found.text.strip():
            return Evidence(ok=False, failure="no readable text", publisher=_publisher(page.url, found.sitename), **base)
        base["title"] = found.title or base["title"]
        # The page's own date beats the search engine's guess; the search date fills gaps.
        base["published_at"] = found.published or base["published_at"]
        return Evidence(ok=True, publisher=_publisher(page.url, found.sitename), updated_at=found.updated,
                        text=found.text, **base)

    evidence = list(await asyncio.gather(*(read(p) for p in pages)))
    for item in evidence:
        ctx.trace.fetch(kind="page", url=item.url, status=item.status_code, bytes=item.bytes, ms=item.ms, tier=item.tier,
                        published=item.published_at, updated=item.updated_at, failure=item.failure)
    return evidence


async def fetch_sources(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    with ctx.trace.node("fetch_sources", f"queries={state['plan'].queries}") as entry:
        evidence = await gather_evidence(state["question"], state, ctx)
        ok = sum(e.ok for e in evidence)
        entry["output"] = f"{ok} readable of {len(evidence)} pages"
    ctx.progress("stage", f"checking {ok} readable pages")  # cross_check runs next
    return {"evidence": evidence}
