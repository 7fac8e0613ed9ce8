"""Ask every source kind the policy names (sources/registry.py) which pages to read, then
fetch them concurrently and extract text and dates. Official endpoints start downloading
before any search is sent. A page with a fresh copy in the knowledge cache is read from it
without a request, and every page read live is kept there (orchestrator/cache/pages.py).
Each page becomes Evidence; a page that fails is Evidence with a failure reason. A follow-up
round of the search loop (orchestrator/loop/) reads only pages no earlier round took up, and
adds them to the earlier rounds' evidence."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from langgraph.runtime import Runtime

from orchestrator.cache.entry import PageEntry
from orchestrator.cache.knowledge import Lookup
from orchestrator.cache.pages import RunPages, cached_evidence, page_entry
from orchestrator.context import RunContext
from orchestrator.loop.decision import has_news
from orchestrator.net.client import make_client
from orchestrator.net.guarded import address_policy_of, refusal_by_url
from orchestrator.sources import FetchedPage, SearchResult, extract, fetch_pages
from orchestrator.sources.base import Asked, Found, Lead, SearchOutcome
from orchestrator.sources.extract import with_headline
from orchestrator.sources.registry import run_sources
from orchestrator.state import Evidence, GraphState

Got = tuple[str, FetchedPage | None, Lookup | None]  # the URL asked, its live fetch (None: fresh in cache), the cached copy
_TIER_ORDER = ("official", "media", "other")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".").removeprefix("www.")


def budget_pages(urls: list[str], limit: int, tier_of: Callable[[str], str]) -> list[str]:
    """At most ``limit`` of ``urls``, taken round-robin by host: each round one page of every
    host, the hosts of the policy's official tier first, then media, then other. So the tiers
    are favoured and one host cannot take every slot while another has a page. The pages
    chosen keep their search order (which is what the cross-check sees)."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(_host(url), []).append(url)
    queues = sorted(by_host.values(), key=lambda pages: _TIER_ORDER.index(tier_of(pages[0])))  # stable: search order within a tier
    chosen: list[str] = []
    while queues and len(chosen) < limit:
        chosen += [queue.pop(0) for queue in queues][: limit - len(chosen)]
        queues = [queue for queue in queues if queue]
    picked = set(chosen)
    return [url for url in urls if url in picked]


def _publisher(url: str, sitename: str | None) -> str:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return sitename.strip() if sitename and sitename.strip() else host


async def gather_evidence(question: str, state: GraphState, ctx: RunContext) -> list[Evidence]:
    return (await gather_round(state, ctx)).evidence


@dataclass(frozen=True)
class RoundPages:
    evidence: list[Evidence]  # the pages this round read, in the order the cross-check numbers them
    asked: list[str]  # every URL this round took up (read or refused), so no later round reads it again


async def gather_round(state: GraphState, ctx: RunContext) -> RoundPages:
    plan, intent = state["plan"], state["intent"]
    seen = set(state.get("read_urls") or [])  # earlier rounds' pages: a follow-up reads only new ones
    now = ctx.clock()
    cache = RunPages(ctx.cache, now, plan.freshness_days, serve_fresh=not state.get("require_latest"))
    sources = run_sources(ctx.policy.sources, ctx)

    async def fetch(client, urls: list[str]) -> list[Got]:
        known = await cache.look(urls)
        live = [u for u in urls if not (u in known and known[u].fresh)]
        fetched = dict(zip(live, await fetch_pages(client, live, timeout=ctx.page_timeout)))
        return [(u, fetched.get(u), known.get(u)) for u in urls]

    async with make_client(ctx.transport, timeout=ctx.page_timeout) as client, asyncio.TaskGroup() as group:
        direct = [lead for found in await asyncio.gather(*(s.find(client, plan, intent.language)
                                                           for s in sources if s.direct)) for lead in found.leads
                  if lead.url not in seen]
        hits: dict[str, SearchResult | None] = {lead.url: lead.hit for lead in direct}
        held: dict[str, Lead] = {}  # pages a source holds itself (knowledge bases): read as they are
        first = list(hits)
        early = group.create_task(fetch(client, first)) if first else None
        ctx.progress("stage", "searching")
        searched = await asyncio.gather(*(_search_within(s, client, plan, intent.language, ctx.policy.rules.search_timeout)
                                          for s in sources if not s.direct))
        for found in searched:
            for asked in found.asked:
                outcome = asked.outcome
                ctx.counts.searched(outcome.failure)
                ctx.trace.fetch(kind="search", url=asked.described, status=None,
                                results=len(outcome.results), ms=round(outcome.ms, 1), failure=outcome.failure)
            for lead in found.leads:
                if lead.url in seen:
                    continue
                if lead.held is not None:
                    if len(held) < plan.max_pages:  # a source's later leads are for later rounds
                        held.setdefault(lead.url, lead)
                else:
                    hits.setdefault(lead.url, lead.hit)
        # Official pages are read beside max_pages. A result the address guard refuses by its
        # URL alone takes no slot (nor a connection): the trace still reports it, below.
        address_policy = address_policy_of(ctx.transport)
        searched_urls = [u for u in hits if u not in first and u not in held]
        refused = {u: reason for u in searched_urls if (reason := refusal_by_url(u, address_policy))}
        ctx.counts.refused(refused.values())
        rest_urls = budget_pages([u for u in searched_urls if u not in refused], plan.max_pages,
                                 lambda u: ctx.policy.tier_of(u, intent.topic))
        ctx.progress("stage", f"reading {len(first) + len(held) + len(rest_urls)} pages")
        rest = await fetch(client, rest_urls)
        got = (await early if early else []) + rest

    async def read(url: str, page: FetchedPage | None, known: Lookup | None) -> tuple[Evidence, PageEntry | None]:
        hit = hits.get(url)  # the search hit is keyed by the URL asked for
        if page is None:  # fresh in the cache: never requested
            assert known is not None  # a URL is only left unfetched for its fresh copy
            return cached_evidence(known, hit, ctx.policy, intent.topic), None
        if page.failure and page.unreachable and known is not None:  # the network failed: an older copy stands in
            return cached_evidence(known, hit, ctx.policy, intent.topic, refresh_failure=page.failure), None
        tier = ctx.policy.tier_of(page.url, intent.topic)
        base = dict(url=page.url, tier=tier, weight=ctx.policy.weight(tier), fetched_at=now, status_code=page.status,
                    bytes=page.bytes, ms=round(page.ms, 1), title=hit.title if hit else None,
                    snippet=hit.snippet if hit else None, published_at=hit.published if hit else None)
        if page.failure:
            return Evidence(ok=False, failure=page.failure, publisher=_publisher(page.url, None), **base), None
        found = await asyncio.to_thread(extract, page.body, page.url, now)
        if not found.text.strip():
            return Evidence(ok=False, failure="no readable text", publisher=_publisher(page.url, found.sitename),
                            **base), None
        base["title"] = found.title or base["title"]
        # The page's own date beats the search engine's guess; the search date fills gaps.
        base["published_at"] = found.published or base["published_at"]
        evidence = Evidence(ok=True, publisher=_publisher(page.url, found.sitename), updated_at=found.updated,
                            text=found.text, **base)
        return evidence, page_entry(url, evidence, found.title, found.published, plan.freshness_days)

    read_all = await asyncio.gather(*(read(*g) for g in got))
    await cache.keep([entry for _, entry in read_all if entry is not None])
    evidence = [item for item, _ in read_all]
    # Held pages after the official endpoints, before the pages searched on the web.
    evidence[len(first):len(first)] = [held_evidence(lead, ctx, intent.topic, now) for lead in held.values()]
    for item in evidence:
        marks = {"cached": item.cached, "fetched_at": item.fetched_at.isoformat()} if item.cached and item.fetched_at else {}
        if item.refresh_failure:
            marks["refresh_failure"] = item.refresh_failure
        if item.url in held and held[item.url].held:
            marks["source"] = held[item.url].held.source
        ctx.trace.fetch(kind="page", url=item.url, status=item.status_code, bytes=item.bytes, ms=item.ms, tier=item.tier,
                        published=item.published_at, updated=item.updated_at, failure=item.failure, **marks)
    for url, reason in refused.items():  # after the pages read, so the trace numbers those as the cross-check does
        ctx.trace.fetch(kind="page", url=url, status=None, bytes=0, ms=0.0, tier=ctx.policy.tier_of(url, intent.topic),
                        published=None, updated=None, failure=reason, not_fetched=True)
    if cache.problems:  # a failing tier never fails the run; the trace says which one failed
        with ctx.trace.node("knowledge_cache", "pages") as node:
            node["output"] = "page cache tier failures" + cache.problems
    taken = [url for url, _, _ in got] + [e.url for e in evidence] + list(refused)  # asked and, after redirects, read
    return RoundPages(evidence, list(dict.fromkeys(taken)))


def held_evidence(lead: Lead, ctx: RunContext, topic: str | None, now) -> Evidence:
    """A page a source holds (a knowledge base's document) as Evidence: its own URL, dates
    and text, led by its title as a web page's is; the source's declared tier, else the
    policy's for its URL."""
    page = lead.held
    assert page is not None
    text = with_headline(page.title, page.text)
    tier = page.tier if page.tier in _TIER_ORDER else ctx.policy.tier_of(lead.url, topic)
    return Evidence(url=lead.url, ok=True, tier=tier, weight=ctx.policy.weight(tier), fetched_at=now,
                    title=page.title or None, publisher=page.publisher or _publisher(lead.url, None),
                    published_at=page.published, text=text, snippet=lead.hit.snippet if lead.hit else None,
                    bytes=len(text.encode("utf-8")), cached=None)


async def _search_within(source, client, plan, language: str | None, seconds: float) -> Found:
    """A search source's leads, or, past the policy's search deadline, a failed search per
    planned query (the trace says so and the run goes on without them)."""
    try:
        async with asyncio.timeout(seconds):
            return await source.find(client, plan, language)
    except TimeoutError:
        failure = f"search timed out after {seconds:g} s"
        return Found([], [Asked(f"{source.kind} search: {q}", SearchOutcome(q, [], failure, seconds * 1000))
                          for q in plan.queries or [""]])


async def fetch_sources(state: GraphState, runtime: Runtime[RunContext]) -> dict:
    ctx = runtime.context
    n = state.get("round", 1)
    label = f"round {n}: " if n > 1 else ""
    with ctx.trace.node("fetch_sources", f"{label}queries={state['plan'].queries}") as entry:
        found = await gather_round(state, ctx)
        evidence = found.evidence
        ok = sum(e.ok for e in evidence)
        cached = sum(e.cached is not None for e in evidence)
        entry["output"] = (f"{ok} readable of {len(evidence)} {'new ' if n > 1 else ''}pages"
                           + (f" ({cached} from the page cache)" if cached else ""))
    if ok or n == 1:
        ctx.progress("stage", f"checking {ok} readable pages")  # cross_check runs next
    # Appended to the earlier rounds' (the state's reducers): indices into evidence never change.
    return {"evidence": evidence, "read_urls": found.asked, "queries_sent": list(state["plan"].queries),
            "round_pages": len(evidence)}


def route_after_fetch(state: GraphState, runtime: Runtime[RunContext]) -> Literal["cross_check", "review_round"]:
    """A follow-up round that read nothing new goes straight to the review: the findings stand."""
    return "cross_check" if has_news(state) else "review_round"
