"""The tiered knowledge cache: memory, then disk, then the shared tier, behind one object,
for two kinds of entry kept apart: verified answers (keyed by question, ``lookup``/``store``)
and extracted pages (keyed by URL, ``page``/``store_page``; read by fetch_sources).

Lookups ask the tiers fastest first and stop at the first fresh entry, copying it into the
faster tiers; a stale entry is remembered in case nothing fresher turns up (it may still
serve an offline answer, never a fresh one). Stores go to every tier. A tier that fails is
skipped (the shared tier is then left alone for ``shared_cooldown`` seconds, so a weak
network costs one timeout, not one per call) and the failure is kept in ``problems``."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from orchestrator.cache.disk import DiskTier
from orchestrator.cache.entry import CacheEntry, PageEntry, Stored
from orchestrator.cache.keys import cache_key, page_key
from orchestrator.cache.shared import SharedTier
from orchestrator.cache.tiers import CacheError, TierStats, memory_tier, tier_label
from orchestrator.errors import ConfigError
from orchestrator.trace.provenance import file_sha256

SHARED_URL_ENV = "ORCHESTRATOR_CACHE_URL"  # redis://host:port/db: turns the shared tier on
CACHE_ENV = "ORCHESTRATOR_CACHE"  # "off": no cache for library and CLI runs
DISK_FILE = "cache.sqlite"
_CLOCK_SKEW = timedelta(minutes=1)  # processes sharing a cache may disagree on the time by this much


class CacheConfig(BaseModel):
    """How big each tier is and how long it may take. Also the ``cache:`` section of a
    deployment profile (policies/profiles/*.yaml). Pages get the same sizes and retention
    as answers, in a key space of their own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = True
    memory_entries: int = Field(256, ge=0, le=1_000_000)  # 0: no in-process tier
    disk: bool = True  # the SQLite tier in the data directory
    disk_entries: int = Field(5000, ge=1, le=10_000_000)
    disk_timeout: float = Field(2.0, gt=0, le=60)  # seconds to wait for a locked SQLite file
    shared_url: str | None = None  # redis://...; the environment's ORCHESTRATOR_CACHE_URL wins
    shared_timeout: float = Field(0.5, gt=0, le=30)  # seconds per Redis call (connect and read)
    shared_cooldown: float = Field(30.0, ge=0, le=3600)  # seconds a failed shared tier is skipped
    retention_days: float = Field(365.0, gt=0)  # older entries are dropped, even as offline fallbacks


@dataclass(frozen=True)
class Lookup:
    entry: Stored  # a CacheEntry, or a PageEntry from ``page``
    tier: str
    fresh: bool


class KnowledgeCache:
    def __init__(self, config: CacheConfig, data_dir: Path, *, serve_fresh: bool = True):
        self.config = config
        self.data_dir = Path(data_dir)
        self.serve_fresh = serve_fresh  # False: always run, still fill (cache warm)
        self.tiers = self._tiers("answers")
        self.page_tiers = self._tiers("pages")  # the same places, a key space of their own
        self.problems: list[str] = []  # the last tier failures, newest last
        self.failures = 0  # tier failures so far
        self.last_stored: list[str] | None = None  # the tiers that took the last answer stored (cache warm reports it)
        self._down_until: dict[str, float] = {}
        self._lock = threading.Lock()

    def _tiers(self, kind: str) -> list[Any]:
        config, tiers = self.config, list[Any]()
        if config.memory_entries:
            tiers.append(memory_tier(str(self.data_dir.resolve()), config.memory_entries, kind))
        if config.disk:
            tiers.append(DiskTier(self.data_dir / DISK_FILE, max_entries=config.disk_entries,
                                  timeout=config.disk_timeout, kind=kind))
        if config.shared_url:
            tiers.append(SharedTier(config.shared_url, timeout=config.shared_timeout, kind=kind))
        return tiers

    # keys ---------------------------------------------------------------------------
    @staticmethod
    def key_for(question: str, language: str | None, policy_path: Path | str, choices: list[str] | None = None,
                knowledge_base: str = "") -> str:
        return cache_key(question, language, file_sha256(policy_path), choices, knowledge_base)

    # tier bookkeeping ---------------------------------------------------------------
    def _usable(self, tier) -> bool:
        return self._down_until.get(tier.name, 0.0) <= time.monotonic()

    def _failed(self, tier, exc: CacheError) -> None:
        with self._lock:
            self.failures += 1
            self.problems.append(f"{tier.name} tier: {exc}")
            del self.problems[:-20]
            if tier.name == "shared":
                self._down_until[tier.name] = time.monotonic() + self.config.shared_cooldown

    def _retained(self, entry: Stored, now: datetime) -> bool:
        return entry.age(now) <= timedelta(days=self.config.retention_days)

    # the cache ----------------------------------------------------------------------
    def lookup(self, key: str, now: datetime) -> Lookup | None:
        """The first fresh answer, fastest tier first; else the newest stale one; else None."""
        return self._lookup(self.tiers, key, now, lambda entry: entry.is_fresh(now))

    def page(self, url: str, now: datetime, window_days: float | None) -> Lookup | None:
        """The page cached for ``url``, fresh when fetched within ``window_days`` of ``now``
        (the reading run's window: None, forever); else the newest stale copy; else None."""
        return self._lookup(self.page_tiers, page_key(url), now, lambda entry: entry.fresh_within(now, window_days))

    def _lookup(self, tiers: list, key: str, now: datetime, fresh: Callable[[Stored], bool]) -> Lookup | None:
        stale: Lookup | None = None
        stale_at = 0  # the index of the stale entry's tier
        for i, tier in enumerate(tiers):
            if not self._usable(tier):
                continue
            try:
                entry = tier.get(key)
            except CacheError as exc:
                self._failed(tier, exc)
                continue
            if entry is None or entry.key != key or not self._retained(entry, now):
                continue
            if entry.stored_at > now + _CLOCK_SKEW:
                continue  # kept after the run's clock (a run asked at an earlier moment): not known yet then
            if fresh(entry):
                self._store(tiers[:i], entry, now)  # copied into the faster tiers
                return Lookup(entry, tier.name, True)
            if stale is None or entry.stored_at > stale.entry.stored_at:
                stale, stale_at = Lookup(entry, tier.name, False), i
        if stale is not None:
            self._store(tiers[:stale_at], stale.entry, now)
        return stale

    def store(self, entry: CacheEntry, now: datetime) -> list[str]:
        """Write an answer to every usable tier; the names of the tiers that took it."""
        if entry.answer.status != "answered":
            raise ValueError("only answered (verified) runs are cached")
        self.last_stored = self._store(self.tiers, entry, now)
        return self.last_stored

    def store_page(self, entry: PageEntry, now: datetime) -> list[str]:
        """Write a page that was read to every usable tier (a failure is never a page)."""
        if not entry.text.strip():
            raise ValueError("only readable pages are cached")
        return self._store(self.page_tiers, entry, now)

    def _store(self, tiers: list, entry: Stored, now: datetime) -> list[str]:
        stored = []
        for tier in tiers:
            if not self._usable(tier):
                continue
            try:
                tier.put(entry, now=now, retention_days=self.config.retention_days)
                stored.append(tier.name)
            except CacheError as exc:
                self._failed(tier, exc)
        return stored

    def stats(self, now: datetime) -> list[TierStats]:
        """One row per tier for answers ("disk"), then one per tier for pages ("disk pages")."""
        out = []
        for tier in [*self.tiers, *self.page_tiers]:
            try:
                out.append(tier.stats(now))
            except CacheError as exc:
                out.append(TierStats(tier_label(tier.name, tier.kind), tier.where, error=str(exc), kind=tier.kind))
        return out

    def clear(self) -> dict[str, int | str]:
        """Entries removed per tier and kind ("disk", "disk pages"), or the error it gave."""
        done: dict[str, int | str] = {}
        for tier in [*self.tiers, *self.page_tiers]:
            try:
                done[tier_label(tier.name, tier.kind)] = tier.clear()
            except CacheError as exc:
                done[tier_label(tier.name, tier.kind)] = str(exc)
        return done

    def refreshing(self) -> KnowledgeCache:
        """The same tiers, but every question is run again (and stored when answered)."""
        twin = KnowledgeCache.__new__(KnowledgeCache)
        twin.__dict__.update(self.__dict__)
        twin.serve_fresh = False
        return twin


async def in_thread(cache: KnowledgeCache, action, *args) -> tuple[Any, str]:
    """Run a blocking cache call off the event loop; also say which tiers failed meanwhile
    (for the trace: a failing tier never fails the run)."""
    before = cache.failures
    result = await asyncio.to_thread(action, *args)
    failed = min(cache.failures - before, len(cache.problems))
    return result, ("; " + "; ".join(cache.problems[-failed:])) if failed else ""


def config_from_env(base: CacheConfig | None = None, *, shared_url: str | None = None) -> CacheConfig:
    """``base`` (default: the defaults) with the one precedence applied to the shared tier's
    URL: ``shared_url`` (a flag or argument) > ORCHESTRATOR_CACHE_URL > ``base``; and
    ORCHESTRATOR_CACHE=off turning the cache off."""
    base = base or CacheConfig()
    update: dict[str, Any] = {}
    url = (shared_url or "").strip() or os.environ.get(SHARED_URL_ENV, "").strip()
    if url:
        update["shared_url"] = url
    switch = os.environ.get(CACHE_ENV, "").strip().lower()
    if switch in ("off", "0", "false", "no"):
        update["enabled"] = False
    elif switch not in ("", "on", "1", "true", "yes"):  # "of", say: a cache left on by a typo is said at once
        raise ConfigError(f"{CACHE_ENV}={os.environ[CACHE_ENV]!r}: set it to off (or on), or leave it unset")
    return base.model_copy(update=update) if update else base


@lru_cache(maxsize=16)
def _cache_for(data_dir: str, config: CacheConfig) -> KnowledgeCache:
    return KnowledgeCache(config, Path(data_dir))


def open_cache(data_dir: Path, config: CacheConfig | None = None) -> KnowledgeCache | None:
    """The cache for a data directory, one per process and configuration (so a shared tier
    that failed stays in its cooldown across runs); None when the cache is turned off."""
    config = config_from_env(config)
    if not config.enabled:
        return None
    return _cache_for(str(Path(data_dir).expanduser()), config)
