"""The types every source kind uses: what a search returned, and the pages a source
says to read (Leads). Imports no source."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import httpx


@dataclass(frozen=True)
class SearchResult:
    url: str
    title: str
    snippet: str
    published: datetime | None
    engine: str | None


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    results: list[SearchResult]
    failure: str | None = None
    ms: float = 0.0



@dataclass(frozen=True)
class Held:
    """A page a source holds itself (a knowledge base's document): read as it is, never fetched."""

    title: str
    text: str
    published: datetime | None
    publisher: str | None
    tier: str | None = None  # the tier its source declares; None: the policy's tier for its URL
    source: str = ""  # which source holds it, for the trace ("kb finance")


@dataclass(frozen=True)
class Lead:
    url: str
    hit: SearchResult | None = None  # what a search said of it (title, snippet, date); None: planned directly
    held: Held | None = None  # the page itself, when the source holds it (no fetch)


@dataclass(frozen=True)
class Asked:
    described: str  # the request as the trace shows it
    outcome: SearchOutcome


@dataclass(frozen=True)
class Found:
    leads: list[Lead]
    asked: list[Asked] = field(default_factory=list)

    @classmethod
    def searched(cls, asked: list[Asked]) -> Found:
        """Every result of the searches, in order, as leads."""
        return cls([Lead(r.url, r) for a in asked for r in a.outcome.results], asked)


class Source(Protocol):
    kind: str
    direct: bool  # its leads are read at once, before any search and beside the plan's max_pages

    async def find(self, client: httpx.AsyncClient, plan: Any, language: str | None) -> Found:
        """The pages to read for ``plan`` (orchestrator.state.Plan); never raises for a
        source that fails: the failure is in ``asked``."""
        ...
