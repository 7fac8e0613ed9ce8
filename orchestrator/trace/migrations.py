"""The trace store's schema, as numbered migrations. ``PRAGMA user_version`` holds the
number applied; a store from a newer version is refused rather than misread."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from orchestrator.errors import TraceError

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE traces (
            id TEXT PRIMARY KEY, question TEXT NOT NULL, asked_at TEXT, created_at TEXT NOT NULL,
            status TEXT, total_ms REAL, config TEXT, answer TEXT)""",
        """CREATE TABLE events (
            trace_id TEXT NOT NULL REFERENCES traces(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL)""",
        "CREATE INDEX events_trace ON events(trace_id, seq)",
        "CREATE INDEX traces_created ON traces(created_at)",
    ],
    2: [
        "ALTER TABLE traces ADD COLUMN language TEXT",
        "CREATE INDEX traces_status ON traces(status, created_at)",
    ],
}
SCHEMA_VERSION = max(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the store to SCHEMA_VERSION. Many processes may open a new store at once: the
    version is read again under the write lock so only one of them applies each step."""
    if _refuse_newer(schema_version(conn), path) == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _refuse_newer(schema_version(conn), path)
        for number in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[number]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _refuse_newer(version: int, path: Path) -> int:
    if version > SCHEMA_VERSION:
        raise TraceError(f"trace store {path} has schema version {version}, newer than this orchestrator "
                         f"understands ({SCHEMA_VERSION}); upgrade orchestrator or use another --data-dir")
    return version
