"""The on-disk tier: one SQLite file in the data directory (``cache.sqlite``), WAL mode so
several processes can share it. Entries past the retention period, and the oldest beyond
``max_entries``, are pruned on write. Every SQLite failure leaves as a CacheError."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import ValidationError

from orchestrator.cache.entry import CacheEntry
from orchestrator.cache.tiers import CacheError, TierStats

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    key        TEXT PRIMARY KEY,
    stored_at  TEXT NOT NULL,
    expires_at TEXT,
    question   TEXT NOT NULL,
    payload    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_stored_at ON entries (stored_at);
"""


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class DiskTier:
    name = "disk"

    def __init__(self, path: Path, *, max_entries: int = 5000, timeout: float = 2.0):
        self.path = Path(path)
        self.where = str(self.path)
        self.max_entries = max_entries
        self.timeout = timeout

    @contextmanager
    def _connect(self, *, create: bool) -> Iterator[sqlite3.Connection | None]:
        if not create and not self.path.exists():
            yield None
            return
        conn = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError:
                pass  # another process is switching it; the rollback journal works meanwhile
            conn.executescript(_SCHEMA)
            yield conn
        except (sqlite3.Error, OSError) as exc:
            raise CacheError(f"cache file {self.path}: {exc}") from exc
        finally:
            if conn is not None:
                conn.close()

    def get(self, key: str) -> CacheEntry | None:
        with self._connect(create=False) as conn:
            if conn is None:
                return None
            row = conn.execute("SELECT payload FROM entries WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return CacheEntry.from_json(row[0])
        except (ValidationError, ValueError):
            return None  # written by an incompatible version: a miss, overwritten on the next store

    def put(self, entry: CacheEntry, *, now: datetime, retention_days: float) -> None:
        expires = entry.expires_at
        with self._connect(create=True) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("INSERT OR REPLACE INTO entries (key, stored_at, expires_at, question, payload) "
                             "VALUES (?, ?, ?, ?, ?)",
                             (entry.key, _stamp(entry.stored_at), _stamp(expires) if expires else None,
                              entry.question, entry.to_json()))
                conn.execute("DELETE FROM entries WHERE stored_at < ?", (_stamp(now - timedelta(days=retention_days)),))
                conn.execute("DELETE FROM entries WHERE key NOT IN "
                             "(SELECT key FROM entries ORDER BY stored_at DESC LIMIT ?)", (self.max_entries,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def stats(self, now: datetime) -> TierStats:
        stats = TierStats(self.name, self.where)
        with self._connect(create=False) as conn:
            if conn is None:
                stats.bytes = 0
                return stats
            rows = conn.execute("SELECT payload FROM entries").fetchall()
        for (payload,) in rows:
            try:
                stats.count(CacheEntry.from_json(payload), now)
            except (ValidationError, ValueError):
                stats.extra["unreadable"] = stats.extra.get("unreadable", 0) + 1
        stats.bytes = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file())
        return stats

    def clear(self) -> int:
        with self._connect(create=False) as conn:
            if conn is None:
                return 0
            return conn.execute("DELETE FROM entries").rowcount
