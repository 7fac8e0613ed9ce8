"""Extracted pages in the knowledge cache, as one run's fetch_sources uses them.

    before fetching    each URL is looked up; a copy fetched within the run's freshness
                       window is read from the cache and never requested (not when the run
                       asks for the latest, nor while warming the cache)
    after fetching     each page that was read (text extracted) is stored; failures never
    network failure    when a live fetch fails on the network (timeout, connection), a cached
                       copy of any age within retention stands in, marked ``refresh_failure``

Evidence read from the cache keeps the original fetch time in ``fetched_at``, so staleness
is judged as honestly as for a page read now. Replays have no cache (``ctx.cache`` is None)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from orchestrator.cache.entry import PageEntry
from orchestrator.cache.keys import page_key
from orchestrator.cache.knowledge import KnowledgeCache, Lookup, in_thread
from orchestrator.state import Evidence


class RunPages:
    """The page cache for one run; a no-op without a cache. ``problems`` collects the tier
    failures met (for the node's trace line: a failing tier never fails the run)."""

    def __init__(self, cache: KnowledgeCache | None, now: datetime, window_days: float | None, *, serve_fresh: bool):
        self.cache, self.now, self.window = cache, now, window_days
        self.serve_fresh = serve_fresh and (cache is None or cache.serve_fresh)
        self.problems = ""

    async def look(self, urls: list[str]) -> dict[str, Lookup]:
        """What the cache holds for each URL; ``fresh`` only when it may be served as such."""
        cache = self.cache
        if cache is None or not urls:
            return {}

        def each() -> dict[str, Lookup]:
            return {url: hit for url in urls if (hit := cache.page(url, self.now, self.window)) is not None}

        found, problems = await in_thread(cache, each)
        self.problems += problems
        if not self.serve_fresh:
            found = {url: Lookup(hit.entry, hit.tier, False) for url, hit in found.items()}
        return found

    async def keep(self, entries: list[PageEntry]) -> None:
        cache = self.cache
        if cache is None or not entries:
            return

        def each() -> None:
            for entry in entries:
                cache.store_page(entry, self.now)

        _, problems = await in_thread(cache, each)
        self.problems += problems


def page_entry(url: str, evidence: Evidence, title: str | None, published: datetime | None,
               window_days: float | None) -> PageEntry:
    """A page read live as a cache entry, with the extraction's own title and date (not the
    search hit's: a later run's hit fills the gaps, as when reading it live)."""
    return PageEntry(key=page_key(url), url=url, final_url=evidence.url, title=title, publisher=evidence.publisher,
                     text=evidence.text, published_at=published, updated_at=evidence.updated_at,
                     stored_at=evidence.fetched_at, status=evidence.status_code, bytes=evidence.bytes,
                     freshness_days=window_days)


def cached_evidence(hit: Lookup, search_hit: Any, policy: Any, topic: str | None,
                    refresh_failure: str | None = None) -> Evidence:
    """A cached page as Evidence, exactly as the live read would have made it, plus where it
    came from; tier and weight follow the run's policy, not the one that stored it."""
    page: PageEntry = hit.entry  # type: ignore[assignment]
    tier = policy.tier_of(page.final_url, topic)
    return Evidence(url=page.final_url, ok=True, tier=tier, weight=policy.weight(tier), fetched_at=page.fetched_at,
                    status_code=page.status, bytes=page.bytes, publisher=page.publisher, text=page.text,
                    title=page.title or (search_hit.title if search_hit else None),
                    snippet=search_hit.snippet if search_hit else None,
                    published_at=page.published_at or (search_hit.published if search_hit else None),
                    updated_at=page.updated_at, cached=hit.tier, refresh_failure=refresh_failure)
