"""Everything from outside the graph, handed to every node through LangGraph's runtime.
Built once per run by the API; never inside a node. Replay, record, live and tests differ
only in what is plugged in here."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import httpx

from orchestrator.config import Settings
from orchestrator.errors import ConfigError
from orchestrator.model.protocol import ChatModel
from orchestrator.policy import Policy, Wording
from orchestrator.trace.recorder import TraceRecorder

if TYPE_CHECKING:
    from orchestrator.cache.knowledge import KnowledgeCache
    from orchestrator.kb.index import KnowledgeBase

Progress = Callable[[str, str], None]
"""``progress(kind, text)``, called by nodes as a run goes, from whichever thread runs the
node: kind ``"stage"`` names the step under way ("searching", "reading 6 pages",
"checking", "writing the answer"); kind ``"text"`` is the next piece of the answer
sentence as the model writes it, or the whole template sentence at once (unverified: the
answer returned is what counts). The CLI renders these; the library only reports them."""



def quiet(kind: str, text: str) -> None:
    """The default Progress: report nothing."""


CAPABILITIES = frozenset({"realtime_search", "code_gen", "deep_reasoning"})
"""What a deployment may do (orchestrator/client.py): without ``realtime_search`` no source
is fetched (the answer comes from the local model, the knowledge cache, or an abstention);
without ``code_gen`` code questions get a polite refusal; without ``deep_reasoning`` the
model does not read the contenders when the passages name several (the rules alone decide,
and names side by side abstain)."""


def known_capabilities(chosen: Iterable[str]) -> frozenset[str]:
    """``chosen`` as a set, or a ConfigError naming those that are no capability: a misspelt
    one would otherwise switch a capability off without a word."""
    chosen = frozenset(chosen)
    unknown = sorted(chosen - CAPABILITIES)
    if unknown:
        raise ConfigError(f"unknown capabilities {unknown}: choose from {sorted(CAPABILITIES)}")
    return chosen


class RunCounts:
    """What a run counts as it goes, to steer itself: model calls spent against the budget,
    each search's outcome (for the cache's offline fallback) and the time taken (for the
    search loop's bounds). The trace only observes;
    nothing is read back from it. One per run, shared by the nodes' threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.model_calls = 0
        self.search_failures: list[str | None] = []  # per search: its failure, None when it answered
        self.refusals: list[str] = []  # per search result the address guard refused by its URL alone: why
        self.started = time.monotonic()  # wall time, not the run's clock (frozen in replays): the loop's seconds bound

    def seconds(self) -> float:
        return time.monotonic() - self.started

    def take_model_call(self, limit: int) -> bool:
        """Spend one model call; False when ``limit`` are spent already."""
        with self._lock:
            if self.model_calls >= limit:
                return False
            self.model_calls += 1
            return True

    def searched(self, failure: str | None) -> None:
        with self._lock:
            self.search_failures.append(failure)

    def refused(self, reasons: Iterable[str]) -> None:
        with self._lock:
            self.refusals.extend(reasons)


@dataclass(frozen=True)
class RunContext:
    settings: Settings
    policy: Policy
    model: ChatModel | None  # None: --no-model, answers are phrased from templates
    transport: httpx.AsyncBaseTransport | None  # None: the live network
    clock: Callable[[], datetime]
    trace: TraceRecorder
    page_timeout: float = 20.0
    progress: Progress = quiet
    capabilities: frozenset[str] = CAPABILITIES
    cache: KnowledgeCache | None = None  # the knowledge cache nodes may read pages from; None in replays (cache/run.py)
    counts: RunCounts = field(default_factory=RunCounts)
    knowledge_base: KnowledgeBase | None = None  # the documents the ``kb`` source searches (sources/kb.py)
    wording: Wording = "template"  # who words the answer sentence (nodes/generate_answer.py model_words)
