"""The on-disk tier: one SQLite file in the data directory (``cache.sqlite``), WAL mode so
several processes can share it; answers in table ``entries``, pages in table ``pages``.
Entries past the retention period, and the oldest beyond ``max_entries``, are pruned on
write. Every SQLite failure leaves as a CacheError."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pydantic import ValidationError

from orchestrator.cache.entry import ENTRY_TYPES, Stored
from orchestrator.cache.tiers import CacheError, TierStats, tier_label

# kind -> (table, the column that says what the entry is: the question or the page URL)
_TABLES = {"answers": ("entries", "question"), "pages": ("pages", "url")}


def _schema(table: str, label: str) -> str:
    return f"""
CREATE TABLE IF NOT EXISTS {table} (
    key        TEXT PRIMARY KEY,
    stored_at  TEXT NOT NULL,
    expires_at TEXT,
    {label:<10} TEXT NOT NULL,
    payload    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS {table}_stored_at ON {table} (stored_at);
"""


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class DiskTier:
    name = "disk"

    def __init__(self, path: Path, *, max_entries: int = 5000, timeout: float = 2.0, kind: str = "answers"):
        self.path = Path(path)
        self.where = str(self.path)
        self.max_entries = max_entries
        self.timeout = timeout
        self.kind = kind
        self.entry_type = ENTRY_TYPES[kind]
        self.table, self.label = _TABLES[kind]

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
            conn.executescript(_schema(self.table, self.label))
            yield conn
        except (sqlite3.Error, OSError) as exc:
            damaged = "not a database" in str(exc) or "malformed" in str(exc)
            raise CacheError(f"cache file {self.path}: {exc}" + ("; move it aside to start a new one" if damaged else "")
                             ) from exc
        finally:
            if conn is not None:
                conn.close()

    def get(self, key: str) -> Stored | None:
        with self._connect(create=False) as conn:
            if conn is None:
                return None
            row = conn.execute(f"SELECT payload FROM {self.table} WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return self.entry_type.from_json(row[0])
        except (ValidationError, ValueError):
            return None  # written by an incompatible version: a miss, overwritten on the next store

    def put(self, entry: Stored, *, now: datetime, retention_days: float) -> None:
        expires = entry.expires_at
        table = self.table
        with self._connect(create=True) as conn:
            assert conn is not None  # create=True always connects
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(f"INSERT OR REPLACE INTO {table} (key, stored_at, expires_at, {self.label}, payload) "
                             "VALUES (?, ?, ?, ?, ?)",
                             (entry.key, _stamp(entry.stored_at), _stamp(expires) if expires else None,
                              entry.label, entry.to_json()))
                conn.execute(f"DELETE FROM {table} WHERE stored_at < ?", (_stamp(now - timedelta(days=retention_days)),))
                conn.execute(f"DELETE FROM {table} WHERE key NOT IN "
                             f"(SELECT key FROM {table} ORDER BY stored_at DESC LIMIT ?)", (self.max_entries,))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def stats(self, now: datetime) -> TierStats:
        stats = TierStats(tier_label(self.name, self.kind), self.where, kind=self.kind, bytes=0)
        with self._connect(create=False) as conn:
            if conn is None:
                return stats
            rows = conn.execute(f"SELECT payload FROM {self.table}").fetchall()
        for (payload,) in rows:
            # this kind's share of the file, which holds both; a payload written as a BLOB (not
            # by this code) is bytes already, and unreadable below like any other damage
            stats.bytes = (stats.bytes or 0) + len(payload) if isinstance(payload, bytes) else len(str(payload).encode("utf-8", "replace"))
            try:
                stats.count(self.entry_type.from_json(payload), now)
            except (ValidationError, ValueError):
                stats.extra["unreadable"] = stats.extra.get("unreadable", 0) + 1
        return stats

    def clear(self) -> int:
        with self._connect(create=False) as conn:
            if conn is None:
                return 0
            return conn.execute(f"DELETE FROM {self.table}").rowcount
