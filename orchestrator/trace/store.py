"""SQLite trace store under the data directory. WAL mode so many processes can write."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from orchestrator.errors import TraceError, TraceNotFound
from orchestrator.trace.recorder import TraceRecorder

SCHEMA_VERSION = 1
_MIGRATIONS = {
    1: """
    CREATE TABLE traces (
        id TEXT PRIMARY KEY, question TEXT NOT NULL, asked_at TEXT, created_at TEXT NOT NULL,
        status TEXT, total_ms REAL, config TEXT, answer TEXT
    );
    CREATE TABLE events (
        trace_id TEXT NOT NULL REFERENCES traces(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, kind TEXT NOT NULL, data TEXT NOT NULL
    );
    CREATE INDEX events_trace ON events(trace_id, seq);
    CREATE INDEX traces_created ON traces(created_at);
    """,
}


class TraceStore:
    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise TraceError(f"trace store {path} is unreadable ({exc})") from exc
        except OSError as exc:
            raise TraceError(f"cannot create data directory {path.parent} ({exc.strerror})") from exc

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.row_factory = sqlite3.Row
        return conn

    def _migrate(self) -> None:
        with self._connect() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise TraceError(f"trace store {self.path} has schema {version}, newer than this version understands ({SCHEMA_VERSION})")
            for number in range(version + 1, SCHEMA_VERSION + 1):
                conn.executescript("BEGIN;" + _MIGRATIONS[number] + f"PRAGMA user_version={number}; COMMIT;")

    def save(self, trace: TraceRecorder, status: str, answer: dict[str, Any]) -> None:
        events = [("node", n) for n in trace.nodes] + [("fetch", f) for f in trace.fetches] \
            + [("model", m) for m in trace.model_calls] + [("candidate", c) for c in trace.candidates]
        try:
            with self._connect() as conn:
                conn.execute(
                    "INSERT INTO traces VALUES (?,?,?,?,?,?,?,?)",
                    (trace.id, trace.question, trace.asked_at, datetime.now(timezone.utc).isoformat(timespec="seconds"),
                     status, trace.elapsed_ms(), json.dumps(trace.config, default=str), json.dumps(answer, ensure_ascii=False)),
                )
                conn.executemany(
                    "INSERT INTO events VALUES (?,?,?,?)",
                    [(trace.id, i, kind, json.dumps(data, ensure_ascii=False, default=str)) for i, (kind, data) in enumerate(events)],
                )
        except sqlite3.Error as exc:
            raise TraceError(f"could not write trace to {self.path} ({exc})") from exc

    def list(self, limit: int = 20, status: str | None = None) -> list[dict[str, Any]]:
        sql, args = "SELECT id, created_at, status, total_ms, question FROM traces", []
        if status:
            sql, args = sql + " WHERE status = ?", [status]
        with self._connect() as conn:
            rows = conn.execute(sql + " ORDER BY created_at DESC, rowid DESC LIMIT ?", [*args, limit]).fetchall()
        return [dict(r) for r in rows]

    def get(self, trace_id: str) -> dict[str, Any]:
        with self._connect() as conn:
            if trace_id == "last":
                row = conn.execute("SELECT * FROM traces ORDER BY created_at DESC, rowid DESC LIMIT 1").fetchone()
            else:
                row = conn.execute("SELECT * FROM traces WHERE id = ?", (trace_id,)).fetchone()
            if row is None:
                raise TraceNotFound(f"no trace with id {trace_id!r} in {self.path}")
            events = conn.execute("SELECT kind, data FROM events WHERE trace_id = ? ORDER BY seq", (row["id"],)).fetchall()
        trace = dict(row)
        trace["config"] = json.loads(trace["config"] or "{}")
        trace["answer"] = json.loads(trace["answer"] or "{}")
        for kind, key in (("node", "nodes"), ("fetch", "fetches"), ("model", "model_calls"), ("candidate", "candidates")):
            trace[key] = [json.loads(e["data"]) for e in events if e["kind"] == kind]
        return trace
