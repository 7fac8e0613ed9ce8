"""The shared tier against a real redis-server on loopback (started by the fixture): two
devices with their own data directories share what either verified; a Redis that goes away
costs a bounded wait and never fails a run."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

from typer.testing import CliRunner

from orchestrator import ask
from orchestrator.cache import CacheConfig, KnowledgeCache
from orchestrator.cache.shared import PREFIX, SharedTier
from orchestrator.cli import app
from orchestrator.config import DEFAULT_POLICY
from tests.cache.sites import ASKED_AT, QUESTION
from tests.cache.test_cache_tiers import T0, entry


def test_shared_tier_round_trip(redis_server):
    tier = SharedTier(redis_server.url, timeout=1.0)
    assert tier.get("k") is None
    tier.put(entry("k", days=30), now=T0, retention_days=365)
    got = tier.get("k")
    assert got.answer.answer == "40" and got.stored_at == T0
    ttl = redis_server.client().ttl(PREFIX + "k")
    assert 364 * 86400 < ttl <= 365 * 86400  # kept for the retention period, whatever the freshness window
    tier.put(entry("gone", at=T0 - timedelta(days=400)), now=T0, retention_days=365)
    assert tier.get("gone") is None  # already past retention: not written
    stats = tier.stats(T0 + timedelta(days=31))
    assert (stats.entries, stats.fresh, stats.stale) == (1, 0, 1)
    redis_server.client().set("someone-elses-key", b"x")
    assert tier.clear() == 1 and redis_server.client().get("someone-elses-key") == b"x"  # only our prefix
    tier.close()


def test_two_devices_share_answers_through_redis(redis_server, loopback_web, tmp_path):
    config = CacheConfig(shared_url=redis_server.url, shared_timeout=1.0)
    device_a = KnowledgeCache(config, tmp_path / "device-a")
    device_b = KnowledgeCache(config, tmp_path / "device-b")
    now = datetime.fromisoformat(ASKED_AT)
    first = ask(QUESTION, searxng=loopback_web.url, use_model=False, now=now, cache=device_a,
                data_dir=tmp_path / "device-a")
    assert first.status == "answered"
    loopback_web.stop()
    # Device B never reached the sources itself: the answer comes from the shared tier...
    offline = ask(QUESTION, searxng=loopback_web.url, use_model=False, now=now + timedelta(days=2), cache=device_b,
                  data_dir=tmp_path / "device-b", require_latest=True)
    assert (offline.status, offline.answer) == ("answered", "40")
    assert "could not refresh" in offline.warnings[0] and "shared tier" in offline.warnings[0]
    # ...and is now on its own disk too, for when the edge box is out of reach as well.
    assert [t.name for t in device_b.tiers] == ["memory", "disk", "shared"]
    assert device_b.tiers[1].get(device_b.key_for(QUESTION, "en", DEFAULT_POLICY)) is not None


def test_a_redis_that_goes_away_costs_one_short_wait(redis_server, tmp_path):
    config = CacheConfig(memory_entries=0, disk=False, shared_url=redis_server.url, shared_timeout=0.3,
                         shared_cooldown=60)
    cache = KnowledgeCache(config, tmp_path / "home")
    cache.store(entry("k"), T0)
    assert cache.lookup("k", T0).tier == "shared"
    redis_server.stop()
    started = time.monotonic()
    assert cache.lookup("k", T0) is None
    assert cache.store(entry("k"), T0) == []  # in its cooldown: not even tried
    assert time.monotonic() - started < 3
    assert cache.failures == 1 and "shared tier" in cache.problems[0]


def test_pages_and_answers_keep_apart_in_redis(redis_server, tmp_path):
    from orchestrator.cache.entry import PageEntry
    from orchestrator.cache.keys import page_key

    url = "https://example.org/medals"
    page = PageEntry(key=page_key(url), url=url, final_url=url, text="40 gold", stored_at=T0, freshness_days=30)
    cache = KnowledgeCache(CacheConfig(memory_entries=0, disk=False, shared_url=redis_server.url), tmp_path / "edge")
    assert cache.store_page(page, T0) == ["shared"] and cache.store(entry("k"), T0) == ["shared"]
    other = KnowledgeCache(CacheConfig(memory_entries=0, disk=False, shared_url=redis_server.url), tmp_path / "phone")
    hit = other.page("HTTPS://example.org:443/medals#top", T0 + timedelta(days=2), 30)
    assert (hit.tier, hit.fresh, hit.entry.text) == ("shared", True, "40 gold")
    assert not other.page(url, T0 + timedelta(days=2), 1).fresh  # judged by the reading run's window
    assert {r.name: r.entries for r in other.stats(T0)} == {"shared": 1, "shared pages": 1}
    assert other.clear() == {"shared": 1, "shared pages": 1}


def test_cache_commands_see_the_shared_tier(redis_server, tmp_path):
    KnowledgeCache(CacheConfig(shared_url=redis_server.url), tmp_path / "other-device").store(
        entry("k", at=datetime.now(UTC)), datetime.now(UTC))
    runner = CliRunner()
    stats = runner.invoke(app, ["cache", "stats", "--json", "--cache-url", redis_server.url])
    assert stats.exit_code == 0, stats.output
    tiers = {t["name"]: t for t in json.loads(stats.stdout)}
    assert tiers["shared"]["entries"] == 1 and tiers["disk"]["entries"] == 0
    cleared = runner.invoke(app, ["cache", "clear", "--cache-url", redis_server.url])
    assert cleared.exit_code == 0 and "shared: removed 1 entry" in cleared.stdout
    redis_server.stop()
    down = runner.invoke(app, ["cache", "stats", "--cache-url", redis_server.url])
    assert down.exit_code == 5 and "error" in down.stdout
