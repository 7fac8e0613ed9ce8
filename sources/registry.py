"""Source kinds: where the pages a run reads come from.

A kind is one module ``sources/<kind>.py`` named as a policy names it (``sources: [searxng,
wikipedia]``) exposing ``make_source(ctx) -> Source``; adding a source is that module plus
its name in a policy, nothing else (the package is the registry, so there is no list to keep
in step). A Source only says which pages to read (Leads); the node reads them all through
the same guarded, polite page fetcher and the page cache.

``official`` (the topics' ``endpoints:`` in the policy) runs for every policy: a policy
declares it through its topics, and its pages are read before any search is sent."""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import httpx

    from sources.searxng import SearchOutcome, SearchResult

ALWAYS = ("official",)
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")


@dataclass(frozen=True)
class Lead:
    url: str
    hit: SearchResult | None = None  # what a search said of it (title, snippet, date); None: planned directly


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


def load_source(kind: str):
    """The module of a source kind, or ValueError naming the kinds there are."""
    module = None
    if _NAME.match(kind):
        try:
            module = importlib.import_module(f"sources.{kind}")
        except ModuleNotFoundError as exc:
            if exc.name != f"sources.{kind}":
                raise  # the module exists but is broken: say so, not "unknown"
    if module is None or not callable(getattr(module, "make_source", None)):
        raise ValueError(f"unknown source {kind!r}; the sources are: {', '.join(source_kinds())}")
    return module


def source_kinds() -> list[str]:
    """Every kind the package holds (for messages: it imports each module)."""
    import sources

    names = []
    for info in pkgutil.iter_modules(sources.__path__):
        if _NAME.match(info.name) and callable(getattr(importlib.import_module(f"sources.{info.name}"), "make_source", None)):
            names.append(info.name)
    return names


def run_sources(kinds: list[str], ctx: Any) -> list[Source]:
    """The sources of one run, in the policy's order after the ones that always run."""
    return [load_source(kind).make_source(ctx) for kind in dict.fromkeys([*ALWAYS, *kinds])]
