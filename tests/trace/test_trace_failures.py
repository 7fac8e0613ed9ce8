"""What goes wrong with a trace store says so in one line, exits non-zero where it is
fatal, and never costs a trace already written."""

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from orchestrator.cli import app
from orchestrator.errors import TraceError
from orchestrator.trace.recorder import TraceRecorder
from orchestrator.trace.store import TraceStore
from tests.conftest import CHINA

runner = CliRunner()


def one_line_error(result, *phrases, code=4):
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for phrase in phrases:
        assert phrase in lines[0]
    return lines[0]


def answered_with_warning(result, *phrases):
    """``ask`` with a broken store: the answer first, the store's problem one warning line."""
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "40" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: trace not saved: ")]
    assert len(warnings) == 1, result.stderr
    for phrase in phrases:
        assert phrase in warnings[0]
    assert "trace:" not in result.stderr  # no id for a trace that was not saved


def saved(store, question, payload=""):
    trace = TraceRecorder(question=question, asked_at="2024-08-12T09:00:00+00:00", config={})
    trace.fetch(kind="page", url="https://example.org/" + question, body=payload)
    store.save(trace, "answered", {"answer": question})
    return trace.id


def full_disk(conn):
    """The seam: SQLite may not grow the file past its current size, so the next write that
    needs a page fails exactly as on a full disk (SQLITE_FULL)."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages}")


def read_only(conn):
    conn.execute("PRAGMA query_only=1")  # every write fails as on a read-only file


def assert_intact(path, ids):
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert {r[0] for r in conn.execute("SELECT id FROM traces")} == set(ids)
        assert {r[0] for r in conn.execute("SELECT DISTINCT trace_id FROM events")} == set(ids)  # no half trace


@pytest.fixture
def store(tmp_path):
    return TraceStore(tmp_path / "home" / "traces.sqlite")


@pytest.mark.parametrize("ref, phrase", [("nope", "no trace with id 'nope'"), ("last~5", "fewer than 6 traces")])
def test_unknown_trace_id(store, ref, phrase):
    saved(store, "one")
    result = runner.invoke(app, ["trace", "show", ref, "--data-dir", str(store.path.parent)])
    one_line_error(result, phrase, str(store.path))


def test_ambiguous_prefix(store):
    for suffix in ("1", "2"):
        trace = TraceRecorder(question="q", asked_at="x", config={}, id="abcd000" + suffix)
        store.save(trace, "answered", {})
    result = runner.invoke(app, ["trace", "show", "abcd", "--data-dir", str(store.path.parent)])
    one_line_error(result, "'abcd' is ambiguous")
    assert store.get("abcd0002")["id"] == "abcd0002"
    result = runner.invoke(app, ["trace", "show", "abc", "--data-dir", str(store.path.parent)])
    one_line_error(result, "a prefix needs at least 4 characters")


def test_store_from_a_newer_schema_is_refused(store):
    saved(store, "one")
    with sqlite3.connect(store.path) as conn:
        conn.execute("PRAGMA user_version=99")
    phrase = "schema version 99, newer than this orchestrator understands"
    one_line_error(runner.invoke(app, ["trace", "list", "--data-dir", str(store.path.parent)]), phrase)
    answered_with_warning(runner.invoke(app, ["ask", "--replay", str(CHINA), "--no-model",
                                              "--data-dir", str(store.path.parent)]), phrase)


def test_garbage_database_file(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "traces.sqlite").write_bytes(b"this is not sqlite\n" * 300)
    for args in (["trace", "list"], ["trace", "show", "last"]):
        one_line_error(runner.invoke(app, [*args, "--data-dir", str(home)]), "is corrupted (file is not a database)")
    answered_with_warning(runner.invoke(app, ["ask", "--replay", str(CHINA), "--no-model", "--data-dir", str(home)]),
                          "is corrupted (file is not a database)")
    result = runner.invoke(app, ["ask", "--replay", str(CHINA), "--no-model", "--json", "--data-dir", str(home)])
    answer = json.loads(result.stdout)
    assert result.exit_code == 0 and answer["answer"] == "40" and answer["trace_id"] is None
    assert any("trace not saved" in w and "is corrupted" in w for w in answer["warnings"])


def test_truncated_database_file(store):
    for n in range(4):
        saved(store, f"q{n}", payload="x" * 4000)
    data = store.path.read_bytes()
    store.path.write_bytes(data[: len(data) // 2])
    for args in (["trace", "list"], ["trace", "show", "last"]):
        one_line_error(runner.invoke(app, [*args, "--data-dir", str(store.path.parent)]), "is corrupted", "malformed")


def test_a_data_directory_that_cannot_be_made_is_refused_before_the_run(tmp_path):
    """A --data-dir given on the command line that can't be made is bad input: one line, before
    any work (a store that fails during a run only costs that trace: the tests below)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    home = str(blocker / "home")
    one_line_error(runner.invoke(app, ["trace", "list", "--data-dir", home]), "cannot create data directory")
    one_line_error(runner.invoke(app, ["ask", "--replay", str(CHINA), "--no-model", "--data-dir", home]),
                   "cannot create this folder", code=2)


def test_full_disk_while_saving_keeps_every_earlier_trace(store):
    kept = [saved(store, f"q{n}") for n in range(3)]
    full = TraceStore(store.path, on_connect=full_disk)
    with pytest.raises(TraceError) as caught:
        saved(full, "big", payload="y" * 200_000)
    message = str(caught.value)
    assert "disk full" in message and "earlier traces are kept" in message and "\n" not in message
    assert_intact(store.path, kept)
    assert [r["id"] for r in store.list()] == kept[::-1]
    assert saved(store, "after") in {r["id"] for r in store.list()}  # space back: writes resume


def test_read_only_store(store):
    kept = [saved(store, "q")]
    read_only_store = TraceStore(store.path, on_connect=read_only)
    with pytest.raises(TraceError, match="not writable"):
        saved(read_only_store, "new")
    assert read_only_store.get("last")["id"] == kept[0]  # reading still works
    # prune is fatal when it cannot write: one line, non-zero; the CLI's store seam is ctx.obj
    result = runner.invoke(app, ["trace", "prune", "--older-than", "1s", "--data-dir", str(store.path.parent)],
                           obj={"trace_store": lambda path: TraceStore(path, on_connect=read_only)})
    one_line_error(result, "cannot prune trace store", "not writable")
    assert_intact(store.path, kept)


@pytest.mark.parametrize("args, phrase", [
    (["trace", "prune", "--older-than", "30 days"], "is not an age"),
    (["trace", "list", "--since", "last tuesday"], "is not a date"),
])
def test_bad_time_arguments(tmp_path, args, phrase):
    one_line_error(runner.invoke(app, [*args, "--data-dir", str(tmp_path)]), phrase, code=2)


DAMAGE = [("UPDATE traces SET config = '{\"version\": ' WHERE id = ?", "its config is not valid JSON"),
          ("UPDATE traces SET answer = '[1, 2]' WHERE id = ?", "its answer is not a JSON object"),
          ("UPDATE traces SET answer = x'ff00' WHERE id = ?", "its answer is not valid JSON"),
          ("UPDATE traces SET config = 7 WHERE id = ?", "its config is not a JSON object"),
          ("UPDATE traces SET answer = '" + "[" * 5000 + "' WHERE id = ?", "its answer is not valid JSON"),
          ("UPDATE events SET data = 'not json' WHERE trace_id = ? AND seq = 0", "its event 0 (node) is not valid JSON"),
          ("UPDATE events SET data = 'null' WHERE trace_id = ? AND seq = 1", "its event 1 (fetch) is not a JSON object")]


@pytest.mark.parametrize("sql, phrase", DAMAGE, ids=["truncated-config", "answer-list", "answer-blob", "config-integer",
                                                    "answer-deep", "event-text", "event-null"])
def test_a_damaged_trace_row_is_one_line_and_the_others_stay_readable(store, sql, phrase):
    trace = TraceRecorder(question="damaged", asked_at="2024-08-12T09:00:00+00:00", config={"version": "x"})
    with trace.node("detect_intent", "q"):
        pass
    trace.fetch(kind="page", url="https://example.org/")
    store.save(trace, "answered", {"answer": "40", "status": "answered", "citations": []})
    good = saved(store, "good")
    with sqlite3.connect(store.path) as conn:
        assert conn.execute(sql, (trace.id,)).rowcount == 1
    home = ["--data-dir", str(store.path.parent)]
    for args in (["show", trace.id], ["sources", trace.id], ["prompts", trace.id], ["diff", trace.id, good],
                 ["diff", good, trace.id], ["export", trace.id, "--html", str(store.path.parent / "t.html")],
                 ["show", trace.id, "--json"]):
        one_line_error(runner.invoke(app, ["trace", *args, *home]), f"trace {trace.id}", "is damaged", phrase)
    listed = runner.invoke(app, ["trace", "list", "--json", *home])
    assert listed.exit_code == 0 and {r["id"] for r in __import__("json").loads(listed.stdout)} == {trace.id, good}
    assert runner.invoke(app, ["trace", "show", good, *home]).exit_code == 0
    with pytest.raises(TraceError, match="is damaged"):
        store.get(trace.id)


@pytest.mark.parametrize("sql", ["UPDATE traces SET answer = '{\"citations\": 5}' WHERE id = ?",
                                 "UPDATE traces SET answer = '{\"status\": 5, \"text\": 7}' WHERE id = ?",
                                 "UPDATE events SET data = '{\"url\": 5, \"kind\": []}' WHERE trace_id = ? AND kind = 'fetch'"],
                         ids=["citations-number", "status-number", "fetch-wrong-types"])
def test_a_trace_row_of_another_shape_is_one_line(store, sql):
    trace = TraceRecorder(question="shape", asked_at="2024-08-12T09:00:00+00:00", config={"version": "x"})
    trace.fetch(kind="page", url="https://example.org/")
    store.save(trace, "answered", {"answer": "40", "status": "answered", "citations": []})
    with sqlite3.connect(store.path) as conn:
        assert conn.execute(sql, (trace.id,)).rowcount == 1
    home = ["--data-dir", str(store.path.parent)]
    for args in (["show", trace.id], ["sources", trace.id], ["prompts", trace.id], ["diff", trace.id, trace.id],
                 ["export", trace.id, "--html", str(store.path.parent / "t.html")]):
        result = runner.invoke(app, ["trace", *args, *home])
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        if result.exit_code:
            one_line_error(result, f"trace {trace.id}", "is damaged: a stored part has an unexpected shape")


def test_node_timings_are_kept_to_the_microsecond():
    trace = TraceRecorder(question="q", asked_at="2024-08-12T09:00:00+00:00", config={})
    with trace.node("detect_intent", "q") as entry:
        entry["output"] = "done"
    timed = trace.nodes[0]
    assert all(value == round(value, 3) for value in (timed["start_ms"], timed["ms"]))
