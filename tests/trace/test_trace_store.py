"""The store on its own: numbered migrations, round trips, references, pruning."""

import sqlite3
from datetime import UTC, datetime, timedelta

from orchestrator.trace.migrations import MIGRATIONS, SCHEMA_VERSION
from orchestrator.trace.recorder import TraceRecorder
from orchestrator.trace.store import TraceStore


def make_v1_store(path):
    with sqlite3.connect(path) as conn:
        for statement in MIGRATIONS[1]:
            conn.execute(statement)
        conn.execute("INSERT INTO traces VALUES ('old000000001', 'old question?', '2024-01-01T00:00:00+00:00',"
                     " '2025-01-01T00:00:00+00:00', 'answered', 12.5, '{\"model\": \"m\"}', '{\"answer\": \"7\"}')")
        conn.execute("INSERT INTO events VALUES ('old000000001', 0, 'node', '{\"name\": \"detect_intent\", \"ms\": 1.0}')")
        conn.execute("PRAGMA user_version=1")


def test_a_version_1_store_is_upgraded_in_place(tmp_path):
    path = tmp_path / "traces.sqlite"
    make_v1_store(path)
    store = TraceStore(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == max(MIGRATIONS)
        assert "language" in {row[1] for row in conn.execute("PRAGMA table_info(traces)")}
    old = store.get("old000000001")
    assert (old["question"], old["answer"], old["language"], old["check"]) == ("old question?", {"answer": "7"}, None, None)
    assert old["nodes"] == [{"name": "detect_intent", "ms": 1.0}]
    assert store.list()[0]["answer"] == "7"
    TraceStore(path)  # opening again is a no-op


def test_round_trip_and_references(tmp_path):
    store = TraceStore(tmp_path / "traces.sqlite")
    ids = []
    for n in range(3):
        trace = TraceRecorder(question=f"question {n}", asked_at="2024-08-12T09:00:00+00:00", config={"language": "en"})
        with trace.node("detect_intent", "in") as entry:
            entry["output"] = "out"
        trace.fetch(kind="page", url="https://example.org/", status=200)
        trace.model_call(role="phrase_answer", prompt=[{"role": "user", "content": "hi"}], output="ok")
        store.save(trace, "answered", {"answer": str(n)})
        ids.append(trace.id)
    got = store.get(ids[1])
    assert got["language"] == "en" and got["nodes"][0]["output"] == "out"
    assert got["fetches"] == [{"kind": "page", "url": "https://example.org/", "status": 200}]
    assert got["model_calls"][0]["output"] == "ok"
    assert [store.get(ref)["id"] for ref in ("last", "last~1", "last~2", ids[0][:5])] == [ids[2], ids[1], ids[0], ids[0]]


def test_list_since_and_prune_by_creation_time(tmp_path):
    store = TraceStore(tmp_path / "traces.sqlite")
    for n in range(3):
        store.save(TraceRecorder(question=f"q{n}", asked_at="x", config={}, id=f"trace{n}"), "answered", {})
    now = datetime.now(UTC)
    with sqlite3.connect(store.path) as conn:
        for n, days in enumerate((45, 10, 0)):
            conn.execute("UPDATE traces SET created_at = ? WHERE id = ?",
                         ((now - timedelta(days=days)).isoformat(timespec="seconds"), f"trace{n}"))
    assert [r["id"] for r in store.list(since=now - timedelta(days=20))] == ["trace2", "trace1"]
    assert [r["id"] for r in store.prune(timedelta(days=5), now=now, dry_run=True)] == ["trace0", "trace1"]
    assert len(store.list()) == 3  # a dry run deletes nothing
    assert [r["id"] for r in store.prune(timedelta(days=30), now=now)] == ["trace0"]
    assert [r["id"] for r in store.list()] == ["trace2", "trace1"]
    assert store.prune(timedelta(days=30), now=now) == []


def test_a_store_is_checked_once_per_process_until_its_file_changes(tmp_path, monkeypatch):
    """api.ask opens a store per run: the schema check (a connection and the migrations)
    runs once per file, again only for a new, deleted or changed file."""
    from orchestrator.trace import store as store_module

    checks = []
    real = store_module.migrate
    monkeypatch.setattr(store_module, "migrate", lambda conn, path: (checks.append(path), real(conn, path)))
    path = tmp_path / "traces.sqlite"
    store = TraceStore(path)
    assert checks == [path]
    store.save(TraceRecorder(question="q", asked_at="x", config={}, id="run1"), "answered", {})
    assert TraceStore(tmp_path / "." / "traces.sqlite").get("last")["id"] == "run1"  # a run after a run: no check
    assert len(checks) == 1
    TraceStore(tmp_path / "other.sqlite")  # a fresh path is checked
    assert len(checks) == 2
    with sqlite3.connect(path) as conn:  # another connection writes (a newer orchestrator, say)
        conn.execute("DELETE FROM traces")
    TraceStore(path)
    assert len(checks) == 3
    path.unlink()  # deleted: the new file is checked and migrated
    TraceStore(path).save(TraceRecorder(question="q", asked_at="x", config={}, id="run2"), "answered", {})
    assert len(checks) == 4 and [r["id"] for r in TraceStore(path).list()] == ["run2"]
    assert len(checks) == 4


def test_list_matches_a_question_in_any_case_of_any_script(tmp_path):
    store = TraceStore(tmp_path / "traces.sqlite")
    store.save(TraceRecorder(question="Qui a remporté l'omnium féminin ?", asked_at="x", config={}, id="fr1"), "answered", {})
    store.save(TraceRecorder(question="Who won?", asked_at="x", config={}, id="en1"), "answered", {})
    assert [r["id"] for r in store.list(question="FÉMININ")] == ["fr1"]
    assert [r["id"] for r in store.list(question="WHO")] == ["en1"]
