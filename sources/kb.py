"""Knowledge bases as a source kind (orchestrator/kb/): the run's knowledge base
(``RunContext.knowledge_base``; ``ask(knowledge_base=...)``, ``Client(knowledge_base=...)``)
searched with BM25 for every planned query, its best documents handed over whole (Leads
holding their page: nothing is fetched, no network is needed). Documents carry their own
URLs and dates into the cross-check like web pages; one published after the run's clock
does not exist yet (in a replay or an evaluation the clock is the question's asked_at).
Their tier is the knowledge base's own (``kb add --tier official``) or the policy's for
their URL. A third of each query's documents come from inside the question's freshness
window, the rest are the best of any age."""

from __future__ import annotations

import asyncio
import math
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from orchestrator.errors import KnowledgeBaseError
from orchestrator.sources.base import Asked, Found, Held, Lead, SearchOutcome, SearchResult

SNIPPET_CHARS = 300
# The share of each query's pages taken from inside the question's freshness window before
# the best of any age: only a current page can make an answer, and BM25 alone favours old
# pages that repeat the question's words. On the news archive (8 pages a query), a third
# finds a current page holding the expected answer for 292 of 830 questions instead of 218,
# and any page for 428 instead of 432.
WINDOW_SHARE = 1 / 3


class KnowledgeBaseSearch:
    kind = "kb"
    direct = False

    def __init__(self, kb: Any, clock):
        self.kb = kb  # orchestrator.kb.KnowledgeBase, or None: the run has none
        self.clock = clock

    def _search(self, query: str, limit: int, window_days: float | None) -> tuple[list[Lead], SearchOutcome]:
        started = time.perf_counter()
        now = self.clock()
        try:
            hits = self.kb.search(query, before=now.date(), limit=limit)
            if window_days is not None:  # the window's best first: only they can answer
                recent = self.kb.search(query, before=now.date(), after=(now - timedelta(days=window_days)).date(),
                                        limit=math.ceil(limit * WINDOW_SHARE))
                hits = list({hit.document.url: hit for hit in recent + hits}.values())[:limit]
            tier = self.kb.tier
        except KnowledgeBaseError as exc:
            return [], SearchOutcome(query, [], str(exc), (time.perf_counter() - started) * 1000)
        leads = []
        for hit in hits:
            doc = hit.document
            published = datetime.fromisoformat(doc.published).replace(tzinfo=UTC) if doc.published else None
            result = SearchResult(url=doc.url, title=doc.title, snippet=doc.text[:SNIPPET_CHARS], published=published,
                                  engine=f"kb {self.kb.name}")
            leads.append(Lead(doc.url, result, Held(doc.title, doc.text, published, doc.publisher, tier, f"kb {self.kb.name}")))
        return leads, SearchOutcome(query, [lead.hit for lead in leads if lead.hit], None, (time.perf_counter() - started) * 1000)

    async def find(self, client: Any, plan: Any, language: str | None) -> Found:
        """Each planned query's best documents, taken in turn (the first query's best, then
        the next query's best, ...), at most the plan's max_pages."""
        queries = list(dict.fromkeys(plan.queries))
        if self.kb is None:
            return Found([], [Asked("kb", SearchOutcome(q, [], "no knowledge base for this run")) for q in queries[:1]])
        searched = [await asyncio.to_thread(self._search, q, plan.max_pages, plan.freshness_days) for q in queries]
        leads: dict[str, Lead] = {}
        for rank in range(plan.max_pages):
            for found, _ in searched:
                if rank < len(found) and len(leads) < plan.max_pages:
                    leads.setdefault(found[rank].url, found[rank])
        return Found(list(leads.values()), [Asked(f"kb {self.kb.name}: {q}", outcome) for q, (_, outcome) in zip(queries, searched)])


def make_source(ctx: Any) -> KnowledgeBaseSearch:
    return KnowledgeBaseSearch(getattr(ctx, "knowledge_base", None), ctx.clock)
