"""``orchestrator cache stats|clear`` as the user reads them: answers and pages apart, by a
kind column in the table and a ``kind`` (and bare ``tier``) in every JSON row; the help
texts speak of pages as well as answers. No network: entries are written directly."""

from __future__ import annotations

import json
import socket
from datetime import UTC, datetime

from typer.testing import CliRunner

from orchestrator.cache import CacheConfig, KnowledgeCache
from orchestrator.cache.entry import PageEntry
from orchestrator.cache.keys import page_key
from orchestrator.cli import app
from orchestrator.config import resolve_settings
from tests.cache.test_cache_tiers import entry

NOW = datetime.now(UTC)


def fill() -> None:
    cache = KnowledgeCache(CacheConfig(memory_entries=0), resolve_settings().data_dir)
    cache.store(entry("k", at=NOW), NOW)
    for path in ("a", "b"):
        url = f"https://example.org/{path}"
        cache.store_page(PageEntry(key=page_key(url), url=url, final_url=url, text="40 gold", stored_at=NOW,
                                   freshness_days=30), NOW)


def test_stats_table_has_a_kind_column_answers_above_pages():
    fill()
    result = CliRunner().invoke(app, ["cache", "stats"], env={"COLUMNS": "300"})  # the data dir is a long tmp path
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = next(line for line in lines if "entries" in line)
    assert [cell.strip() for cell in header.split("┃")[1:3]] == ["kind", "tier"]
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines if "cache.sqlite" in line]
    assert [(r[0], r[1], r[3]) for r in rows] == [("answers", "disk", "1"), ("pages", "disk", "2")]
    assert "disk pages" not in result.stdout  # the kind has its own column
    between = lines[lines.index(next(line for line in lines if "answers" in line and "disk" in line)) + 1]
    assert set(between.strip()) <= set("├┼─┤")  # a rule between the answers and the pages


def test_stats_json_rows_are_complete():
    fill()
    result = CliRunner().invoke(app, ["cache", "stats", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["kind"], r["tier"], r["name"], r["entries"]) for r in rows] == [
        ("answers", "disk", "disk", 1), ("pages", "disk", "disk pages", 2)]
    for row in rows:
        assert {"where", "fresh", "stale", "bytes", "oldest", "newest", "error", "extra"} <= set(row)


def test_help_texts_mention_pages():
    runner = CliRunner()
    assert "pages" in runner.invoke(app, ["cache", "--help"]).stdout
    assert "every cached answer and page" in " ".join(runner.invoke(app, ["cache", "clear", "--help"]).stdout.split())
    assert "Answers and pages per tier" in runner.invoke(app, ["cache", "stats", "--help"]).stdout
    assert "pages read" in " ".join(runner.invoke(app, ["cache", "warm", "--help"]).stdout.split())


def test_stats_with_payloads_stored_as_blobs():
    """Rows written by something else: a BLOB payload is counted (or unreadable), never a traceback."""
    import sqlite3

    fill()
    good = entry("k2", at=NOW).to_json().encode("utf-8")
    with sqlite3.connect(resolve_settings().data_dir / "cache.sqlite") as conn:
        conn.execute("INSERT INTO entries VALUES ('b1', ?, NULL, 'q', ?)", (NOW.isoformat(), good))
        conn.execute("INSERT INTO entries VALUES ('b2', ?, NULL, 'q', ?)", (NOW.isoformat(), b"\xff\x00 not json"))
        conn.execute("INSERT INTO pages VALUES ('b3', ?, NULL, 'u', ?)", (NOW.isoformat(), b"[]"))
    runner = CliRunner()
    result = runner.invoke(app, ["cache", "stats", "--json"])
    assert result.exit_code == 0 and "Traceback" not in result.output, result.output
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    assert rows["disk"]["entries"] == 2 and rows["disk"]["extra"] == {"unreadable": 1}
    assert rows["disk pages"]["entries"] == 2 and rows["disk pages"]["extra"] == {"unreadable": 1}
    table = runner.invoke(app, ["cache", "stats"])
    assert table.exit_code == 0 and "Traceback" not in table.output, table.output


def test_piped_stats_table_is_as_wide_as_its_content():
    fill()
    result = CliRunner().invoke(app, ["cache", "stats"], env={"COLUMNS": None})  # a pipe: no width given
    assert result.exit_code == 0, result.output
    assert "entries" in result.stdout and "…" not in result.stdout
    assert str(resolve_settings().data_dir / "cache.sqlite") in result.stdout


def test_an_unreachable_shared_tier_is_one_error_line():
    with socket.socket() as sock:  # a loopback port that was free a moment ago and has no listener
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"redis://127.0.0.1:{port}/0"
    result = CliRunner().invoke(app, ["cache", "stats", "--cache-url", url], env={"COLUMNS": "80"})
    assert result.exit_code == 5 and "Traceback" not in result.output
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"error: shared cache {url}: "), result.stderr
    shared = [line for line in result.stdout.splitlines() if "redis" in line]
    assert len(shared) == 2 and all("error" in line for line in shared)  # one table line per row, not folded
    assert "refused" not in result.stdout
    cleared = CliRunner().invoke(app, ["cache", "clear", "--cache-url", url], env={"COLUMNS": "80"})
    assert cleared.exit_code == 5
    assert [line.split(":")[1] for line in cleared.stderr.strip().splitlines()] == [" shared", " shared pages"]


def test_a_cache_url_that_is_no_redis_url_is_a_bad_argument():
    for command in (["cache", "stats"], ["query", "What is 2+2?", "--no-model"]):
        result = CliRunner().invoke(app, [*command, "--cache-url", "notaurl"])
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output
        assert result.stderr.strip() == "error: shared cache URL must be redis://, rediss:// or unix://, got 'notaurl'"


def test_a_data_dir_that_is_a_file_is_the_error_ask_gives(tmp_path):
    """stats read a file there as an empty cache, exit 0."""
    afile = tmp_path / "afile"
    afile.write_text("", encoding="utf-8")
    asked = CliRunner().invoke(app, ["ask", "What is 2+2?", "--no-model", "--data-dir", str(afile)])
    assert asked.exit_code == 2 and asked.stderr.startswith(f"error: --data-dir {afile}: ")
    for command in (["cache", "stats"], ["cache", "clear"]):
        result = CliRunner().invoke(app, [*command, "--data-dir", str(afile)])
        assert (result.exit_code, result.stderr, result.stdout) == (2, asked.stderr, ""), result.output


def test_warming_a_cache_turned_off_is_an_error_before_any_run(tmp_path, monkeypatch):
    """ORCHESTRATOR_CACHE=off: no tier would keep an answer, so no question is asked."""
    monkeypatch.setenv("ORCHESTRATOR_CACHE", "off")
    questions = tmp_path / "trip.txt"
    questions.write_text("How many gold medals did China win at Paris 2024?\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["cache", "warm", str(questions), "--no-model", "--data-dir", str(tmp_path / "d"),
                                      "--searxng", "http://127.0.0.1:9"])
    assert result.exit_code == 5 and result.stderr.startswith("error: the knowledge cache is turned off"), result.output
    assert "[1/1]" not in result.output
