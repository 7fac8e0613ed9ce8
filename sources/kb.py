"""Knowledge bases as a source kind (orchestrator/kb/): the run's knowledge base
(``RunContext.knowledge_base``; ``ask(knowledge_base=...)``, ``Client(knowledge_base=...)``)
searched with BM25 for every planned query, its best documents handed over whole (Leads
holding their page: nothing is fetched, no network is needed). Documents carry their own
URLs and dates into the cross-check like web pages; one published after the run's clock
does not exist yet (in a replay or an evaluation the clock is the question's asked_at).
Their tier is the knowledge base's own (``kb add --tier official``) or the policy's for
their URL."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime
from itertools import zip_longest
from typing import Any

from orchestrator.errors import KnowledgeBaseError
from orchestrator.sources.base import Asked, Found, Held, Lead, SearchOutcome, SearchResult

SNIPPET_CHARS = 300
# Leads per planned page: a follow-up round skips the documents earlier rounds read
# (orchestrator/nodes/fetch_sources.py), so the list runs deeper than one round's pages.
DEPTH = 3


class KnowledgeBaseSearch:
    kind = "kb"
    direct = False

    def __init__(self, kb: Any, clock):
        self.kb = kb  # orchestrator.kb.KnowledgeBase, or None: the run has none
        self.clock = clock

    def _search(self, query: str, limit: int) -> tuple[list[Lead], SearchOutcome]:
        started = time.perf_counter()
        try:
            hits = self.kb.search(query, before=self.clock().date(), limit=limit)
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
        the next query's best, ...), at most DEPTH times the plan's max_pages: the round reads
        the first max_pages of them it has not read before."""
        queries = list(dict.fromkeys(plan.queries))
        if self.kb is None:
            return Found([], [Asked("kb", SearchOutcome(q, [], "no knowledge base for this run")) for q in queries[:1]])
        depth = DEPTH * plan.max_pages
        searched = [await asyncio.to_thread(self._search, q, depth) for q in queries]
        leads = in_turn([found for found, _ in searched], key=lambda lead: lead.url)[:depth]
        return Found(leads, [Asked(f"kb {self.kb.name}: {q}", outcome) for q, (_, outcome) in zip(queries, searched)])


def in_turn(rankings: list[list[Any]], key: Callable[[Any], str]) -> list[Any]:
    """The rankings' items taken in turn (each one's best, then each one's second, ...), each
    item once: where it first comes."""
    taken: dict[str, Any] = {}
    for row in zip_longest(*rankings):
        for item in row:
            if item is not None:
                taken.setdefault(key(item), item)
    return list(taken.values())


def make_source(ctx: Any) -> KnowledgeBaseSearch:
    return KnowledgeBaseSearch(getattr(ctx, "knowledge_base", None), ctx.clock)
