"""The shared tier: a Redis server reached over the network, so the devices behind an edge
box (or a fleet of servers) share what any of them verified. Short socket timeouts and no
retries: a slow or absent Redis costs a run at most ``timeout`` seconds per call, and the
KnowledgeCache stops asking it for a while after a failure. Keys live under one prefix per
kind (answers, pages) and expire after the retention period (Redis TTL)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit, urlunsplit

from pydantic import ValidationError

from orchestrator.cache.entry import ENTRY_TYPES, Stored
from orchestrator.cache.tiers import CacheError, TierStats, tier_label
from orchestrator.errors import ConfigError

PREFIX = "orchestrator:cache:v1:"  # answers
PREFIXES = {"answers": PREFIX, "pages": "orchestrator:pages:v1:"}  # neither is a prefix of the other
SCAN_LIMIT = 10_000  # stats and clear look at most this many keys


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        host = parts.hostname or ""
        netloc = f"{parts.username or ''}:***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


class SharedTier:
    name = "shared"

    def __init__(self, url: str, *, timeout: float = 0.5, prefix: str | None = None, kind: str = "answers"):
        if not url.startswith(("redis://", "rediss://", "unix://")):
            # a mistyped option, not a tier that failed: exit 2 like every bad argument
            raise ConfigError(f"shared cache URL must be redis://, rediss:// or unix://, got {redacted(url)!r}")
        self.url = url
        self.where = redacted(url)
        self.timeout = timeout
        self.kind = kind
        self.entry_type = ENTRY_TYPES[kind]
        self.prefix = prefix or PREFIXES[kind]
        self._client = None

    def _redis(self):
        if self._client is None:
            try:
                import redis
                from redis.backoff import NoBackoff
                from redis.retry import Retry
            except ImportError as exc:  # pragma: no cover - redis is a dependency
                raise CacheError("the shared cache tier needs the 'redis' package (pip install redis)") from exc
            try:
                self._client = redis.Redis.from_url(
                    self.url, socket_timeout=self.timeout, socket_connect_timeout=self.timeout,
                    retry=Retry(NoBackoff(), 0), retry_on_timeout=False, health_check_interval=0)
            except ValueError as exc:
                raise CacheError(f"shared cache {self.where}: {exc}") from exc
        return self._client

    def _call(self, action):
        import redis

        try:
            return action(self._redis())
        except redis.RedisError as exc:
            raise CacheError(f"shared cache {self.where}: {type(exc).__name__}: {str(exc)[:160]}") from exc
        except OSError as exc:
            raise CacheError(f"shared cache {self.where}: {exc}") from exc

    def get(self, key: str) -> Stored | None:
        raw = self._call(lambda r: r.get(self.prefix + key))
        if raw is None:
            return None
        try:
            return self.entry_type.from_json(raw)
        except (ValidationError, ValueError):
            return None

    def put(self, entry: Stored, *, now: datetime, retention_days: float) -> None:
        left = retention_days * 86400 - entry.age(now).total_seconds()
        if left <= 0:
            return
        self._call(lambda r: r.set(self.prefix + entry.key, entry.to_json(), ex=max(1, int(left))))

    def _keys(self, r) -> list[bytes]:
        keys = []
        for key in r.scan_iter(match=self.prefix + "*", count=500):
            keys.append(key)
            if len(keys) >= SCAN_LIMIT:
                break
        return keys

    def stats(self, now: datetime) -> TierStats:
        stats = TierStats(tier_label(self.name, self.kind), self.where, kind=self.kind)

        def collect(r):
            keys = self._keys(r)
            for start in range(0, len(keys), 200):
                for raw in r.mget(keys[start:start + 200]):
                    if raw is None:
                        continue
                    try:
                        stats.count(self.entry_type.from_json(raw), now)
                    except (ValidationError, ValueError):
                        stats.extra["unreadable"] = stats.extra.get("unreadable", 0) + 1
            return stats

        return self._call(collect)

    def clear(self) -> int:
        def drop(r):
            keys = self._keys(r)
            return sum(r.delete(*keys[i:i + 500]) for i in range(0, len(keys), 500))

        return self._call(drop)

    def close(self) -> None:
        if self._client is not None:
            import redis

            try:
                self._client.close()
            except (redis.RedisError, OSError):
                pass  # closing is best effort
            self._client = None
