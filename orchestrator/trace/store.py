"""SQLite trace store under the data directory. WAL mode so many processes can write at
once; each trace is one transaction, so a failure while saving never touches the traces
already written. Every SQLite failure leaves here as a one-line TraceError."""

from __future__ import annotations

import builtins
import json
import random
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from orchestrator.errors import TraceError, TraceNotFound
from orchestrator.nesting import loads_json
from orchestrator.trace.migrations import SCHEMA_VERSION, migrate
from orchestrator.trace.recorder import TraceRecorder

__all__ = ["SCHEMA_VERSION", "TraceStore"]

BUSY_TIMEOUT_S = 30  # concurrent writers wait for each other this long before giving up
_EVENT_KEYS = {"node": "nodes", "fetch": "fetches", "model": "model_calls", "candidate": "candidates", "round": "rounds"}
_LAST = re.compile(r"last(?:~(\d+))?")


def _ensure_wal(conn: sqlite3.Connection) -> None:
    """WAL is persistent, so only a new store switches. The switch needs an exclusive lock
    and SQLite does not wait for that one (no busy handler): when many processes open a new
    store at once, the losers get "database is locked" at once. Retry until the timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.005 + random.random() * 0.02)


# The stores this process has checked (migrated to SCHEMA_VERSION or found there), by
# resolved path, with the file's state when it was last known good: see _identity. Opening
# the same file again skips the check (api.ask opens a store per run); a new, deleted,
# replaced or otherwise changed file is checked again. Migrations take SQLite's write
# lock, so the check stays safe across processes; this memo only spares repeating it.
_checked: dict[Path, tuple[Any, ...] | None] = {}


def _identity(path: Path) -> tuple[Any, ...] | None:
    """The database file and its WAL as they stand: device, inode, size and mtime of the
    file, size and mtime of the WAL (or None: no WAL). None when there is no file. Another
    connection's write lands in the WAL (or, checkpointed, in the file), so it shows here."""
    try:
        main = path.stat()
    except OSError:
        return None
    try:
        wal = path.with_name(path.name + "-wal").stat()
        log = (wal.st_size, wal.st_mtime_ns)
    except OSError:
        log = None
    return main.st_dev, main.st_ino, main.st_size, main.st_mtime_ns, log


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


class TraceStore:
    """``on_connect`` is a seam: it sees each new connection before use (tests set a page
    limit there to make SQLite report a full disk)."""

    def __init__(self, path: Path, *, on_connect: Callable[[sqlite3.Connection], None] | None = None):
        self.path = Path(path)
        self._on_connect = on_connect
        self._key = self.path.resolve()
        if self._unchanged():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise TraceError(f"cannot create data directory {self.path.parent} ({exc.strerror or exc})") from exc
        with self._session("open") as conn:
            migrate(conn, self.path)
        _checked[self._key] = _identity(self._key)

    def _unchanged(self) -> bool:
        """This process checked the file and nothing has touched it since."""
        known = _checked.get(self._key)
        return known is not None and known == _identity(self._key)

    @contextmanager
    def _session(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One connection. When the file was known good before, it is known good after:
        what changed meanwhile is taken as this session's own doing (a write by another
        process in that moment too: the memo spares a check, it is not a lock)."""
        unchanged = self._unchanged()
        conn = None
        try:
            # Autocommit: transactions are explicit (BEGIN IMMEDIATE), never implicit.
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            # SQLite's lower() folds ASCII only: "FÉMININ" would never find "féminin"
            conn.create_function("casefold", 1, lambda text: text.casefold() if isinstance(text, str) else text,
                                 deterministic=True)
            if self._on_connect:
                self._on_connect(conn)
            _ensure_wal(conn)
            conn.row_factory = sqlite3.Row
            yield conn
        except sqlite3.Error as exc:
            _checked.pop(self._key, None)  # whatever went wrong, the next store checks again
            raise TraceError(self._explain(doing, exc)) from exc
        finally:
            if conn is not None:
                conn.close()
        if unchanged:
            _checked[self._key] = _identity(self._key)

    def _explain(self, doing: str, exc: sqlite3.Error) -> str:
        text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        low = text.lower()
        if "not a database" in low or "malformed" in low:
            return f"trace store {self.path} is corrupted ({text}); move it aside to start a new one"
        if "disk is full" in low or "disk i/o" in low:
            return f"cannot {doing} trace store {self.path}: disk full or failing ({text}); earlier traces are kept"
        if "readonly" in low or "unable to open" in low or "permission" in low:
            return f"cannot {doing} trace store {self.path}: not writable ({text})"
        return f"cannot {doing} trace store {self.path} ({text})"

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[sqlite3.Connection]:
        with self._session(doing) as conn:
            conn.execute("BEGIN IMMEDIATE")  # take the write lock up front: no upgrade deadlocks
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def save(self, trace: TraceRecorder, status: str, answer: dict[str, Any]) -> None:
        events = [(kind, item) for kind, key in _EVENT_KEYS.items() for item in getattr(trace, key)]
        events += [(kind, data) for kind, data in (("intent", trace.intent), ("check", trace.check)) if data is not None]
        with self._transaction("write to") as conn:
            conn.execute(
                "INSERT INTO traces (id, question, asked_at, created_at, status, total_ms, config, answer, language)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (trace.id, trace.question, trace.asked_at, _stamp(_now()), status, trace.elapsed_ms(),
                 json.dumps(trace.config, ensure_ascii=False, default=str), json.dumps(answer, ensure_ascii=False, default=str),
                 trace.language),
            )
            conn.executemany(
                "INSERT INTO events VALUES (?,?,?,?)",
                [(trace.id, i, kind, json.dumps(data, ensure_ascii=False, default=str)) for i, (kind, data) in enumerate(events)],
            )

    def list(self, limit: int = 20, status: str | None = None, since: datetime | None = None,
             question: str | None = None) -> list[dict[str, Any]]:
        """Newest first. ``question`` matches a substring, case-insensitively."""
        where, args = [], []
        if status:
            where.append("status = ?")
            args.append(status)
        if since:
            where.append("created_at >= ?")
            args.append(_stamp(since))
        if question:
            where.append("instr(casefold(question), ?) > 0")
            args.append(question.casefold())
        # json_valid first: json_extract fails the whole listing on one damaged row.
        sql = ("SELECT id, created_at, status, total_ms, language, question,"
               " CASE WHEN json_valid(answer) THEN json_extract(answer, '$.answer') END AS answer"
               " FROM traces" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY created_at DESC, rowid DESC LIMIT ?")
        with self._session("read") as conn:
            return [dict(r) for r in conn.execute(sql, [*args, max(0, limit)]).fetchall()]

    def get(self, ref: str) -> dict[str, Any]:
        """One trace in full. ``ref`` is an id, a unique id prefix, ``last`` or ``last~N``."""
        with self._session("read") as conn:
            row = conn.execute("SELECT * FROM traces WHERE id = ?", (self._resolve(conn, ref),)).fetchone()
            events = conn.execute("SELECT kind, data FROM events WHERE trace_id = ? ORDER BY seq", (row["id"],)).fetchall()
        trace = dict(row)
        trace["config"] = self._decode(trace, "config", trace["config"] or "{}")
        trace["answer"] = self._decode(trace, "answer", trace["answer"] or "{}")
        for key in _EVENT_KEYS.values():
            trace[key] = []
        trace["intent"] = trace["check"] = None
        for seq, event in enumerate(events):
            data = self._decode(trace, f"event {seq} ({event['kind']})", event["data"])
            if event["kind"] in ("intent", "check"):  # one each per run
                trace[event["kind"]] = data
            elif event["kind"] in _EVENT_KEYS:
                trace[_EVENT_KEYS[event["kind"]]].append(data)
        return trace

    def _decode(self, trace: dict[str, Any], what: str, text: Any) -> dict[str, Any]:
        """A stored JSON object; a row damaged outside this code (edited, a BLOB, truncated)
        is a TraceError naming the trace and the part, and the other traces stay readable."""
        try:
            value = loads_json(text)
        except (ValueError, TypeError) as exc:  # TypeError: neither text nor bytes
            reason = str(exc).splitlines()[0]
            raise TraceError(f"trace {trace['id']} in {self.path} is damaged: its {what} is not valid JSON ({reason})") from exc
        if not isinstance(value, dict):
            raise TraceError(f"trace {trace['id']} in {self.path} is damaged: its {what} is not a JSON object")
        return value

    def _resolve(self, conn: sqlite3.Connection, ref: str) -> str:
        ref = ref.strip()
        try:
            ref.encode("utf-8")
        except UnicodeEncodeError:  # undecodable argv bytes: SQLite cannot even be asked for them
            raise TraceNotFound(f"no trace with id {ascii(ref)} in {self.path}") from None
        last = _LAST.fullmatch(ref)
        if last:
            back = int(last.group(1) or 0)
            row = conn.execute("SELECT id FROM traces ORDER BY created_at DESC, rowid DESC LIMIT 1 OFFSET ?", (back,)).fetchone()
            if row is None:
                raise TraceNotFound(f"no trace {ref!r} in {self.path}: it holds fewer than {back + 1} traces")
            return row["id"]
        if conn.execute("SELECT 1 FROM traces WHERE id = ?", (ref,)).fetchone():
            return ref
        matches = conn.execute("SELECT id FROM traces WHERE substr(id, 1, ?) = ? LIMIT 3", (len(ref), ref)).fetchall() \
            if len(ref) >= 4 else []
        if len(matches) == 1:
            return matches[0]["id"]
        if len(matches) > 1:
            raise TraceNotFound(f"trace id prefix {ref!r} is ambiguous in {self.path}; give more characters")
        if ref and len(ref) < 4 and conn.execute("SELECT 1 FROM traces WHERE substr(id, 1, ?) = ?", (len(ref), ref)).fetchone():
            raise TraceNotFound(f"no trace with id {ref!r} in {self.path}; a prefix needs at least 4 characters")
        raise TraceNotFound(f"no trace with id {ref!r} in {self.path}")

    def prune(self, older_than: timedelta, now: datetime | None = None, *,
              dry_run: bool = False) -> builtins.list[dict[str, Any]]:
        """Delete traces created before ``now - older_than`` (``dry_run``: only find them);
        returns them as ``list`` rows, oldest first. Found and deleted in one transaction."""
        cutoff = _stamp((now or _now()) - older_than)
        with self._transaction("prune") as conn:
            rows = [dict(r) for r in conn.execute(
                "SELECT id, created_at, status, total_ms, language, question, json_extract(answer, '$.answer') AS answer"
                " FROM traces WHERE created_at < ? ORDER BY created_at, rowid", (cutoff,)).fetchall()]
            if not dry_run:
                conn.execute("DELETE FROM events WHERE trace_id IN (SELECT id FROM traces WHERE created_at < ?)", (cutoff,))
                conn.execute("DELETE FROM traces WHERE created_at < ?", (cutoff,))
            return rows
