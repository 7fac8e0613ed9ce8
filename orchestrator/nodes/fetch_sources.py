"""Search, then fetch every planned page concurrently and extract text and dates.
Each page becomes Evidence; a page that fails is Evidence with a failure reason."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from langgraph.runtime import Runtime

from orchestrator.context import RunContext
from orchestrator.http import make_client
from orchestrator.state import Evidence, GraphState
from sources import SearchResult, extract, fetch_pages
from sources.wikipedia import WikipediaSearch


def _publisher(url: str, sitename: str | None) -> str:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return sitename.strip() if sitename and sitename.strip() else host


async def gather_evidence(question: str, state: GraphState, ctx: RunContext) -> list[Evidence]:
    plan, intent = state["plan"], state["intent"]
    now = ctx.clock()
    async with make_client(ctx.transport, timeout=ctx.page_timeout) as client:
        ctx.progress("stage", "searching")
        searches = [(ctx.search, q, f"{ctx.search.base_url}/search?q={q}")
                    for q in plan.queries if "searxng" in ctx.policy.sources]
        if "wikipedia" in ctx.policy.sources and plan.queries:  # the question itself, not the site-scoped variants
            wiki = WikipediaSearch()
            q = plan.queries[0]
            searches.append((wiki, q, f"{wiki.api_url(intent.language)}?srsearch={q}"))
        outcomes = await asyncio.gather(*(source.search(client, q, intent.language) for source, q, _ in searches))
        hits: dict[str, SearchResult | None] = {p.url: None for p in plan.direct}
        for (_, _, described), outcome in zip(searches, outcomes):
            ctx.trace.fetch(kind="search", url=described, status=None,
                            results=len(outcome.results), ms=round(outcome.ms, 1), failure=outcome.failure)
            for result in outcome.results:
                hits.setdefault(result.url, result)
        urls = list(hits)[: len(plan.direct) + plan.max_pages]
        ctx.progress("stage", f"reading {len(urls)} pages")
        pages = await fetch_pages(client, urls, timeout=ctx.page_timeout)

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
