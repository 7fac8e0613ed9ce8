"""The tier interface every cache level implements, and the in-process tier.

    MemoryTier   in process, LRU, lost when the process ends
    DiskTier     SQLite in the data directory (orchestrator/cache/disk.py)
    SharedTier   Redis over the network, for an edge box or a fleet (orchestrator/cache/shared.py)

A tier stores what it is given and hands it back; freshness, retention and which tier is
asked first are the KnowledgeCache's business (orchestrator/cache/knowledge.py). Each tier
keeps one kind of entry (``answers`` or ``pages``, entry.ENTRY_TYPES) in its own key space:
a table, a key prefix or a map of its own, so the two never meet and are counted apart."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from orchestrator.cache.entry import Stored
from orchestrator.errors import OrchestratorError


class CacheError(OrchestratorError):
    """A cache tier cannot be read or written (SQLite file, Redis server). During a run
    this is never raised: the tier is skipped and the run goes on; the ``cache`` commands
    report it as one line."""

    exit_code = 5


@dataclass
class TierStats:
    name: str
    where: str
    entries: int = 0
    fresh: int = 0
    stale: int = 0
    bytes: int | None = None
    oldest: str | None = None
    newest: str | None = None
    error: str | None = None
    extra: dict = field(default_factory=dict)
    kind: str = "answers"

    def count(self, entry: Stored, now: datetime) -> None:
        self.entries += 1
        if entry.is_fresh(now):
            self.fresh += 1
        else:
            self.stale += 1
        stamp = entry.stored_at.isoformat(timespec="seconds")
        self.oldest = min(self.oldest or stamp, stamp)
        self.newest = max(self.newest or stamp, stamp)


def tier_label(name: str, kind: str) -> str:
    """How ``cache stats`` and ``cache clear`` name a tier: "disk" (answers), "disk pages"."""
    return name if kind == "answers" else f"{name} {kind}"


class Tier(Protocol):
    name: str  # memory, disk, shared: one name per place, whatever the kind (a failing Redis cools down once)
    where: str
    kind: str

    def get(self, key: str) -> Stored | None: ...

    def put(self, entry: Stored, *, now: datetime, retention_days: float) -> None: ...

    def stats(self, now: datetime) -> TierStats: ...

    def clear(self) -> int: ...


class MemoryTier:
    """A bounded LRU map in this process; thread-safe."""

    name = "memory"

    def __init__(self, max_entries: int = 256, *, kind: str = "answers"):
        self.max_entries = max_entries
        self.kind = kind
        self.where = f"this process (at most {max_entries} entries)"
        self._items: OrderedDict[str, Stored] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Stored | None:
        with self._lock:
            entry = self._items.get(key)
            if entry is not None:
                self._items.move_to_end(key)
            return entry

    def put(self, entry: Stored, *, now: datetime, retention_days: float) -> None:
        with self._lock:
            self._items[entry.key] = entry
            self._items.move_to_end(entry.key)
            while len(self._items) > self.max_entries:
                self._items.popitem(last=False)

    def stats(self, now: datetime) -> TierStats:
        stats = TierStats(tier_label(self.name, self.kind), self.where, kind=self.kind)
        with self._lock:
            entries = list(self._items.values())
        for entry in entries:
            stats.count(entry, now)
        return stats

    def clear(self) -> int:
        with self._lock:
            n = len(self._items)
            self._items.clear()
        return n


_memory: dict[tuple[str, int, str], MemoryTier] = {}
_memory_lock = threading.Lock()


def memory_tier(scope: str, max_entries: int, kind: str = "answers") -> MemoryTier:
    """One in-process tier per data directory (size and kind), shared by every run in the
    process that uses that directory: two data directories never see each other's entries."""
    with _memory_lock:
        tier = _memory.get((scope, max_entries, kind))
        if tier is None:
            tier = _memory[(scope, max_entries, kind)] = MemoryTier(max_entries, kind=kind)
        return tier
