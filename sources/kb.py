"""Knowledge bases as a source kind (orchestrator/kb/): the run's knowledge base
(``RunContext.knowledge_base``; ``ask(knowledge_base=...)``, ``Client(knowledge_base=...)``)
searched with BM25 for every planned query (documents inside the question's freshness
window first), its best documents handed over whole (Leads holding their page: nothing is fetched, no network is needed). Documents carry their own
URLs and dates into the cross-check like web pages; one published after the run's clock
does not exist yet (in a replay or an evaluation the clock is the question's asked_at).
Their tier is the knowledge base's own (``kb add --tier official``) or the policy's for
their URL."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from orchestrator.errors import KnowledgeBaseError
from orchestrator.sources.base import Asked, Found, Held, Lead, SearchOutcome, SearchResult

SNIPPET_CHARS = 300
RECENT_MATCH = 0.5  # a document inside the freshness window goes first when it matches at least this well


class KnowledgeBaseSearch:
    kind = "kb"
    direct = False

    def __init__(self, kb: Any, clock):
        self.kb = kb  # orchestrator.kb.KnowledgeBase, or None: the run has none
        self.clock = clock

    def _search(self, query: str, limit: int, window_days: float | None) -> tuple[list[Lead], SearchOutcome]:
        """The best documents for ``query``, those inside the question's freshness window
        first when they match at least RECENT_MATCH as well as the best of any age: an older
        page supports no answer to the question, so it should not take a reading slot from one
        that can; a recent page that barely matches keeps its BM25 place (on the news archive
        it brought wrong answers from pages about something else)."""
        started = time.perf_counter()
        today = self.clock().date()
        try:
            hits = self.kb.search(query, before=today, limit=limit)
            if window_days is not None and hits:
                floor = RECENT_MATCH * hits[0].score  # BM25 as SQLite gives it: negative, lower is better
                recent = [hit for hit in self.kb.search(query, before=today, after=today - timedelta(days=window_days),
                                                        limit=limit) if hit.score <= floor]
                seen = {hit.document.url for hit in recent}
                hits = (recent + [hit for hit in hits if hit.document.url not in seen])[:limit]
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
