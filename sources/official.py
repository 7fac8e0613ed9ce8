"""Official endpoints: the URL templates a policy's topic declares (``endpoints:``; the plan
fills in {year} and {question}). They are read directly, before any search, by the same
guarded fetcher as every other page, and they don't count against the plan's max_pages:
an official source is worth more than any search result."""

from __future__ import annotations

from typing import Any

from orchestrator.sources.base import Found, Lead


class OfficialEndpoints:
    kind = "official"
    direct = True

    async def find(self, client: Any, plan: Any, language: str | None) -> Found:
        return Found([Lead(p.url) for p in plan.direct])  # nothing asked: the policy named the pages


def make_source(ctx: Any) -> OfficialEndpoints:
    return OfficialEndpoints()
