"""The cache's parts without a network: keys, freshness, the memory and disk tiers, and the
tiered lookup (fresh first, stale kept for offline use, never a failure stored)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from orchestrator.answer import Answer, Citation
from orchestrator.cache import CacheConfig, CacheEntry, CacheError, KnowledgeCache, cache_key, normalise_question
from orchestrator.cache.disk import DiskTier
from orchestrator.cache.entry import describe_age
from orchestrator.cache.shared import SharedTier
from orchestrator.cache.tiers import MemoryTier
from orchestrator.errors import ConfigError

T0 = datetime(2024, 8, 12, 9, 0, tzinfo=UTC)


def answer(value: str = "40", status: str = "answered") -> Answer:
    citations = [Citation(n=1, url="https://olympics.com/medals", tier="official", quote=f"{value} gold")] \
        if status == "answered" else []
    return Answer(question="q", status=status, answer=value if status == "answered" else None,
                  text=f"The verified answer is {value}. [1]", as_of="2024-08-11", citations=citations)


def entry(key: str = "k", *, days: float | None = 30, at: datetime = T0, value: str = "40", status="answered") -> CacheEntry:
    return CacheEntry(key=key, question="q", language="en", answer=answer(value, status), volatility="event",
                      freshness_days=days, stored_at=at)


def test_spellings_of_one_question_share_a_key():
    assert normalise_question("  Who WON   the race？ ") == normalise_question("who won the race")
    assert normalise_question("２０２４年巴黎奥运会中国代表团金牌数？") == "2024年巴黎奥运会中国代表团金牌数"
    base = cache_key("Who won?", "en", "sha")
    assert cache_key("who won", None, "sha") == base  # the language is guessed as detect_intent does
    assert cache_key("Who won?", "zh", "sha") != base  # language
    assert cache_key("Who won?", "en", "other") != base  # policy
    assert cache_key("Who won?", "en", "sha", ["a", "b"]) != base  # closed choices
    assert cache_key("Who won?", "en", "sha", knowledge_base="prizes:official") != base  # the documents searched


def test_answers_other_rules_verified_are_keyed_apart(tmp_path, monkeypatch):
    from orchestrator.cache import keys

    (tmp_path / "verify").mkdir()
    (tmp_path / "verify" / "rules.py").write_text("READ_DATES_AS_COUNTS = True\n")
    before = keys.files_fingerprint(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "rules.pyc").write_bytes(b"compiled")
    assert keys.files_fingerprint(tmp_path) == before  # compiled copies are no rules
    (tmp_path / "verify" / "rules.py").write_text("READ_DATES_AS_COUNTS = False\n")
    assert keys.files_fingerprint(tmp_path) != before
    base = cache_key("Who won?", "en", "sha")
    monkeypatch.setattr(keys, "rules_fingerprint", lambda: "other rules")
    assert cache_key("Who won?", "en", "sha") != base


def test_freshness_follows_the_window():
    e = entry(days=3)
    assert e.is_fresh(T0 + timedelta(days=3)) and not e.is_fresh(T0 + timedelta(days=3, seconds=1))
    assert entry(days=None).is_fresh(T0 + timedelta(days=3650))  # a settled record never goes stale
    assert entry(days=0.25).expires_at == T0 + timedelta(hours=6)
    assert describe_age(timedelta(days=2, hours=5)) == "2 days" and describe_age(timedelta(minutes=1)) == "1 minute"


def test_memory_tier_is_a_bounded_lru():
    tier = MemoryTier(max_entries=2)
    for key in "abc":
        tier.put(entry(key), now=T0, retention_days=365)
    assert tier.get("a") is None and tier.get("b") is not None
    tier.put(entry("d"), now=T0, retention_days=365)  # "b" was used last: "c" goes
    assert tier.get("c") is None and tier.get("b") is not None
    assert tier.stats(T0).entries == 2 and tier.clear() == 2


def test_disk_tier_round_trip_retention_and_limit(tmp_path):
    path = tmp_path / "cache.sqlite"
    tier = DiskTier(path, max_entries=3)
    assert tier.get("k") is None and not path.exists()  # a lookup never creates the file
    tier.put(entry("old", at=T0 - timedelta(days=400)), now=T0, retention_days=365)
    assert tier.get("old") is None  # past the retention period: pruned on write
    for i in range(5):
        tier.put(entry(f"k{i}", at=T0 + timedelta(minutes=i)), now=T0, retention_days=365)
    assert [tier.get(f"k{i}") is not None for i in range(5)] == [False, False, True, True, True]
    got = tier.get("k4")
    assert got.answer.answer == "40" and got.stored_at == T0 + timedelta(minutes=4)
    stats = tier.stats(T0 + timedelta(days=31))
    assert (stats.entries, stats.fresh, stats.stale) == (3, 0, 3) and stats.bytes > 0
    assert tier.clear() == 3 and tier.get("k4") is None


def test_disk_tier_damage_is_a_miss_or_a_cache_error(tmp_path):
    path = tmp_path / "cache.sqlite"
    tier = DiskTier(path)
    tier.put(entry("k"), now=T0, retention_days=365)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entries SET payload = '{\"not\": \"an entry\"}'")
    assert tier.get("k") is None  # an unreadable entry is a miss
    path.unlink()
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CacheError, match="cache.sqlite"):
        tier.get("k")


def test_lookup_prefers_fresh_and_keeps_stale_for_offline(tmp_path):
    cache = KnowledgeCache(CacheConfig(), tmp_path / "home")
    assert [t.name for t in cache.tiers] == ["memory", "disk"]
    cache.store(entry("k", days=1), T0)
    hit = cache.lookup("k", T0 + timedelta(hours=1))
    assert hit.fresh and hit.tier == "memory"
    stale = cache.lookup("k", T0 + timedelta(days=2))
    assert stale is not None and not stale.fresh  # past its window: never fresh, still there for offline use
    assert cache.lookup("k", T0 + timedelta(days=400)) is None  # past the retention period: gone
    assert cache.lookup("other", T0) is None


def test_an_answer_verified_after_the_run_s_clock_is_not_known_yet(tmp_path):
    """A run asked at an earlier moment (``--now``) had been served, "verified 0 seconds ago",
    an answer a later-clocked run verified: a value from its future."""
    cache = KnowledgeCache(CacheConfig(), tmp_path / "home")
    cache.store(entry("k", days=400), T0)
    assert cache.lookup("k", T0 - timedelta(days=10)) is None
    assert cache.lookup("k", T0 + timedelta(seconds=30)).fresh


def test_a_disk_hit_is_copied_into_memory(tmp_path):
    home = tmp_path / "home"
    KnowledgeCache(CacheConfig(memory_entries=0), home).store(entry("k"), T0)  # another process wrote it
    cache = KnowledgeCache(CacheConfig(), home)
    assert cache.lookup("k", T0).tier == "disk"
    assert cache.lookup("k", T0).tier == "memory"


def test_failures_are_never_stored(tmp_path):
    cache = KnowledgeCache(CacheConfig(), tmp_path / "home")
    for status in ("abstained", "conflict", "local"):
        with pytest.raises(ValueError):
            cache.store(entry("k", status=status), T0)
    assert cache.lookup("k", T0) is None


def test_memory_tiers_of_two_data_directories_are_apart(tmp_path):
    KnowledgeCache(CacheConfig(disk=False), tmp_path / "a").store(entry("k"), T0)
    assert KnowledgeCache(CacheConfig(disk=False), tmp_path / "a").lookup("k", T0) is not None
    assert KnowledgeCache(CacheConfig(disk=False), tmp_path / "b").lookup("k", T0) is None


def test_config_refuses_unknown_keys_and_bad_urls(tmp_path):
    with pytest.raises(ValueError, match="colour"):
        CacheConfig.model_validate({"colour": "red"})
    with pytest.raises(ConfigError, match="redis://"):  # a bad argument (exit 2), not a failed tier
        SharedTier("http://127.0.0.1:6379")
    assert "***" in SharedTier("redis://user:hunter2@127.0.0.1:6379/0").where


def test_a_served_answer_keeps_its_warnings_but_not_how_its_run_phrased_it():
    """A cached answer verified with --no-model had said "no model: answer phrased from a
    template (--no-model)" to every later run, the model on or not."""
    from orchestrator.cache.knowledge import Lookup
    from orchestrator.cache.run import served_fresh, served_offline
    from orchestrator.wording import NO_MODEL_WARNING

    stored = entry("k", days=1)
    stored.answer.warnings[:] = [NO_MODEL_WARNING, "model phrasing failed (timed out); template used",
                                 "also reported: 39 by news.example"]
    for served in (served_fresh(Lookup(stored, "disk", True), "q?", T0),
                   served_offline(Lookup(stored, "disk", True), "q?", T0, "offline")):
        assert served.warnings[-1:] == ["also reported: 39 by news.example"]
        assert not any("phras" in w for w in served.warnings)
