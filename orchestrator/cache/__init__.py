"""The tiered knowledge cache: verified answers kept in process, on disk (SQLite in the data
directory) and optionally in a shared Redis, fresh for their volatility class's window, and
served when the sources cannot be reached (see run.py for when it is consulted).

    KnowledgeCache, CacheConfig, open_cache   the cache and its configuration
    CacheEntry                                 one verified answer with its evidence summary
    cache_key, normalise_question              how questions are keyed
    run_through_cache, cache_for_run           the cache around one run (api.aask)
    CacheError                                 a tier that cannot be used
"""

from orchestrator.cache.entry import CacheEntry
from orchestrator.cache.keys import cache_key, normalise_question
from orchestrator.cache.knowledge import CacheConfig, KnowledgeCache, open_cache
from orchestrator.cache.run import cache_for_run, run_through_cache
from orchestrator.cache.tiers import CacheError

__all__ = ["CacheConfig", "CacheEntry", "CacheError", "KnowledgeCache", "cache_for_run", "cache_key",
           "normalise_question", "open_cache", "run_through_cache"]
