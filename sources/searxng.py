"""SearxNG's JSON search API: GET {base_url}/search?q=...&format=json."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

from orchestrator.nesting import loads_json
from orchestrator.net.base import NOT_RECORDED_HEADER
from orchestrator.sources.base import Asked, Found, SearchOutcome, SearchResult
from orchestrator.sources.dates import parse_iso
from orchestrator.urls import web_url


class SearxngSearch:
    """A SearxNG instance the user runs (see README); base URL comes from configuration."""

    kind = "searxng"
    direct = False

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")

    async def search(self, client: httpx.AsyncClient, query: str, language: str | None = None) -> SearchOutcome:
        params = {"q": query, "format": "json"}
        if language:
            params["language"] = language
        started = time.perf_counter() * 1000
        try:
            response = await client.get(f"{self.base_url}/search", params=params)
        except httpx.HTTPError as exc:
            return SearchOutcome(query, [], f"search unreachable: {type(exc).__name__}", time.perf_counter() * 1000 - started)
        ms = time.perf_counter() * 1000 - started
        if response.headers.get(NOT_RECORDED_HEADER):
            return SearchOutcome(query, [], "not recorded", ms)
        if response.status_code != 200:
            return SearchOutcome(query, [], f"search http {response.status_code}", ms)
        try:
            payload = loads_json(response.content)
        except ValueError:
            return SearchOutcome(query, [], "search returned invalid JSON", ms)
        if not isinstance(payload, dict) or not isinstance(payload.get("results") or [], list):
            return SearchOutcome(query, [], "search returned JSON without a results list", ms)
        results = []
        for item in payload.get("results") or []:
            url = web_url(item.get("url")) if isinstance(item, dict) else None
            if url is None:  # not an object, or no http(s) URL we could fetch
                continue
            engine = item.get("engine")
            results.append(SearchResult(
                url=url, title=str(item.get("title") or ""), snippet=str(item.get("content") or ""),
                published=parse_iso(item.get("publishedDate")), engine=engine if isinstance(engine, str) else None,
            ))
        return SearchOutcome(query, results, None, ms)

    async def find(self, client: httpx.AsyncClient, plan: Any, language: str | None) -> Found:
        """One search per planned query (the question, then its site-scoped variants)."""
        outcomes = await asyncio.gather(*(self.search(client, q, language) for q in plan.queries))
        return Found.searched([Asked(f"{self.base_url}/search?q={q}", o) for q, o in zip(plan.queries, outcomes)])


def make_source(ctx: Any) -> SearxngSearch:
    return SearxngSearch(ctx.settings.searxng_url)  # the configured instance, or the pack's in a replay
