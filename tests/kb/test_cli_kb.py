"""``orchestrator kb`` and ``orchestrator eval DIR --kb NOBEL`` as a user meets them: one-line
errors with a non-zero exit and no traceback; an archive set answered offline with the
retrieval figure beside the usual ones (a tiny set written here, not the shared archive)."""

from __future__ import annotations

import json
import signal

import pytest
from typer.testing import CliRunner

from orchestrator.cli import app
from tests.kb.nobel import NOBEL

runner = CliRunner()
CASES = [
    {"id": "after", "question": "Who won the 2024 Nobel Prize in Literature?", "asked_at": "2024-10-20T00:00:00+00:00",
     "language": "en", "expected": {"answer": "Han Kang", "alternatives": []}},
    {"id": "before", "question": "Who won the 2024 Nobel Prize in Literature?", "asked_at": "2024-10-01T00:00:00+00:00",
     "language": "en", "expected": {"answer": "Han Kang", "alternatives": []}},
]


def run(*args):
    return runner.invoke(app, list(args))


def lines(items) -> str:
    return "".join(json.dumps(i) + "\n" for i in items)


def test_add_list_search_remove(tmp_path):
    (tmp_path / "d.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    added = run("kb", "add", "prizes", str(tmp_path / "d.jsonl"), "--json")
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["added"] == 2
    again = json.loads(run("kb", "add", "prizes", str(tmp_path / "d.jsonl"), "--json").stdout)
    assert (again["added"], again["unchanged"], again["documents"]) == (0, 2, 2)
    listed = {r["name"]: r for r in json.loads(run("kb", "list", "--json").stdout)}
    assert listed["prizes"]["origin"] == "yours" and listed["finance"]["origin"] == "example"
    found = json.loads(run("kb", "search", "prizes", "Nobel literature winner", "--json").stdout)
    assert len(found["hits"]) == 2
    assert all(h["score"] > 0 for h in found["hits"])  # in a two-document base BM25 is tiny, never shown as 0
    early = json.loads(run("kb", "search", "prizes", "Nobel literature", "--before", "2024-10-09", "--json").stdout)
    assert early["hits"] == []
    late = json.loads(run("kb", "search", "prizes", "Nobel literature", "--after", "2024-10-09", "--json").stdout)
    assert len(late["hits"]) == 2
    assert json.loads(run("kb", "search", "prizes", "Nobel literature", "--after", "2024-10-11", "--json").stdout)["hits"] == []
    assert "2 documents" in run("kb", "add", "prizes", str(tmp_path / "d.jsonl")).stdout
    (tmp_path / "one.jsonl").write_text(lines(NOBEL[:1]), encoding="utf-8")
    assert "; 1 document (" in run("kb", "add", "single", str(tmp_path / "one.jsonl")).stdout
    assert json.loads(run("kb", "remove", "single", "--json").stdout) == {"removed": "single"}
    assert run("kb", "remove", "prizes").exit_code == 0
    assert "prizes" not in {r["name"] for r in json.loads(run("kb", "list", "--json").stdout)}


def test_errors_are_one_line_and_non_zero(tmp_path):
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    for args, message in [
        (("kb", "add", "x", str(tmp_path / "missing.jsonl")), "no such file or folder"),
        (("kb", "add", "x", "/dev/null"), "/dev/null: not a file or folder"),
        (("kb", "add", "x", str(tmp_path / "bad.jsonl")), "bad.jsonl:1: invalid JSON"),
        (("kb", "add", "Bad Name", str(tmp_path / "bad.jsonl")), "must be lower-case"),
        (("kb", "search", "nosuch", "x"), "the knowledge bases are finance, legal, medical"),
        (("kb", "search", "finance", "x", "--before", "soon"), "--before takes a date"),
        (("kb", "search", "finance", "x", "--after", "2024-13-01"), "--after takes a date"),
        (("kb", "search", "finance", "  "), "the query is empty"),
        (("kb", "search", "finance", "x", "--after", "2024-02-01", "--before", "2024-01-01"), "no document can match"),
        (("kb", "remove", "finance"), "no knowledge base 'finance' of yours"),
        (("kb", "search", "finance", "the"), "every word is a stop word"),
        (("kb", "search", "finance", "x of"), "every word is a stop word"),
    ]:
        result = run(*args)
        assert result.exit_code != 0 and "Traceback" not in result.output, result.output
        assert result.output.count("\n") == 1 and message in result.output, result.output


def test_eval_an_archive_set_offline_with_retrieval_recall(tmp_path):
    (tmp_path / "docs.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    (tmp_path / "cases.jsonl").write_text(lines(CASES), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("eval", str(tmp_path), "--kb", str(tmp_path / "docs.jsonl"), "--no-model", "--json", "--out", str(out))
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["cases"] == 2 and figures["retrieval_recall"] == 0.5  # before the prize, no document holds it
    assert figures["retrieval_current"] == 0.5  # after it, the prize's reports are fresh
    assert figures["exact_match"] == 0.5 and figures["precision_when_answered"] == 1.0
    assert figures["citation_faithfulness"] == 1.0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["after", "before"]
    assert {c["url"] for c in records[0]["answer"]["citations"]} == {d["url"] for d in NOBEL}
    sampled = run("eval", str(tmp_path), "--kb", str(tmp_path / "docs.jsonl"), "--no-model", "--json", "--sample", "1", "--seed", "3")
    assert json.loads(sampled.stdout.strip().splitlines()[-1])["cases"] == 1
    assert "--sample" not in sampled.stderr
    over = run("eval", str(tmp_path), "--kb", str(tmp_path / "docs.jsonl"), "--no-model", "--json", "--sample", "5")
    assert json.loads(over.stdout.strip().splitlines()[-1])["cases"] == 2
    assert "note: --sample 5 is more than the set's 2 cases: every case runs\n" in over.stderr


def test_retrieval_inside_the_freshness_window_is_reported_apart(tmp_path):
    # a year later, the prize's reports are read but are past the annual prizes' window: no
    # answer can stand on them, and the current retrieval says so
    late = {**CASES[0], "id": "late", "question": "Who won the Nobel Prize in Literature?",
            "asked_at": "2025-12-01T00:00:00+00:00"}
    (tmp_path / "docs.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    (tmp_path / "cases.jsonl").write_text(lines([late]), encoding="utf-8")
    result = run("eval", str(tmp_path), "--kb", str(tmp_path / "docs.jsonl"), "--no-model", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert (figures["retrieval_recall"], figures["retrieval_current"], figures["answered"]) == (1.0, 0.0, 0)


def test_eval_of_an_archive_set_needs_its_documents(tmp_path):
    (tmp_path / "cases.jsonl").write_text(lines(CASES), encoding="utf-8")
    result = run("eval", str(tmp_path), "--no-model")
    assert result.exit_code == 2 and "give its documents with --kb" in result.output


@pytest.mark.parametrize("line, message", [
    ('{"question": "Who won?"}', "cases.jsonl:1: field 'id': missing required field"),
    ('["not", "a", "case"]', "cases.jsonl:1: a case must be a JSON object"),
    ("{not json", "cases.jsonl:1: not JSON"),
])
def test_a_bad_case_line_names_its_line_and_field(tmp_path, line, message):
    (tmp_path / "cases.jsonl").write_text(line + "\n", encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    result = run("eval", str(tmp_path), "--kb", str(tmp_path / "docs.jsonl"), "--no-model")
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output, result.output
    assert result.output.count("\n") == 1


def test_a_seed_without_a_sample_is_refused(tmp_path):
    (tmp_path / "cases.jsonl").write_text(lines(CASES), encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    for extra in ([], ["--kb", str(tmp_path / "docs.jsonl")]):  # packs or an archive set: --seed alone seeds nothing
        result = run("eval", str(tmp_path), *extra, "--no-model", "--seed", "5")
        assert result.exit_code == 2 and "--seed is the seed of a --sample" in result.output


def test_a_corrupt_index_is_one_line_and_the_other_knowledge_bases_stay_listed(tmp_path):
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "broken.sqlite").write_text("junk", encoding="utf-8")
    listed = run("kb", "list", "--data-dir", str(tmp_path), "--json")
    assert listed.exit_code == 2 and "Traceback" not in listed.output
    rows = {r["name"]: r for r in json.loads(listed.stdout)}
    assert "not a knowledge base" in rows["broken"]["error"] and rows["finance"]["documents"] > 0
    searched = run("kb", "search", "broken", "gold", "--data-dir", str(tmp_path))
    assert searched.exit_code == 2 and "Traceback" not in searched.output
    assert searched.stderr.strip().splitlines() == [f"error: {tmp_path / 'kb' / 'broken.sqlite'}: not a knowledge base "
                                                    "(file is not a database)"]


def test_a_data_directory_that_cannot_hold_indexes_is_one_error(tmp_path):
    """A file given as the data directory (or a file named kb in it): the shipped examples
    cannot be indexed there; every command says so in one line."""
    (tmp_path / "data").write_text("not a folder", encoding="utf-8")
    for args in [("kb", "list"), ("kb", "search", "finance", "rate"),
                 ("ask", "What is the rate?", "--knowledge-base", "finance", "--source", "kb", "--no-model")]:
        result = run(*args, "--data-dir", str(tmp_path / "data"))
        assert result.exit_code == 2 and "Traceback" not in result.output, result.output
        said = result.stderr.strip().splitlines()
        assert len(said) == 1 and said[0].startswith("error: ") and "cannot create" in said[0], result.stderr


@pytest.mark.parametrize("command, offline", [("ask", ["--searxng", "http://127.0.0.1:9"]),
                                              ("query", ["--without", "realtime_search"])])
def test_ask_and_query_search_the_documents_file_they_are_given(tmp_path, command, offline):
    """query had read it as a policy: 'line 2 invalid YAML'."""
    (tmp_path / "docs.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    result = run(command, "Who won the 2024 Nobel Prize in Literature?", "--knowledge-base", str(tmp_path / "docs.jsonl"),
                 *offline, "--no-model", "--json", "--data-dir", str(tmp_path / "home"))
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    # read today, the October 2024 documents are past the prize's window: they were read, and said to be old
    read = " ".join(answer["warnings"]) + " ".join(c["url"] for c in answer["citations"])
    assert any(d["url"] in read for d in NOBEL), answer


def test_query_answers_at_a_moment_as_ask_does(tmp_path):
    """query had no --now: read today, the shipped examples are all too old to answer."""
    (tmp_path / "docs.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    result = run("query", "Who won the 2024 Nobel Prize in Literature?", "--knowledge-base", str(tmp_path / "docs.jsonl"),
                 "--without", "realtime_search", "--now", "2024-10-20", "--no-model", "--json",
                 "--data-dir", str(tmp_path / "home"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answer"] == "Han Kang"


def test_an_unknown_knowledge_base_is_one_error(tmp_path):
    missing = run("ask", "Who won?", "--knowledge-base", "nosuchkb", "--no-model", "--data-dir", str(tmp_path / "home"))
    assert missing.exit_code == 2 and "nosuchkb" in missing.stderr and "Traceback" not in missing.output


@pytest.mark.parametrize("given, said", [("", "unknown knowledge base ''"),  # had indexed the working directory
                                          ("FINANCE", "names are lower-case: 'finance'")])
def test_a_knowledge_base_name_that_is_no_name_is_one_error(tmp_path, given, said):
    result = run("ask", "Who won?", "--knowledge-base", given, "--no-model", "--data-dir", str(tmp_path / "home"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert said in line and "the knowledge bases are finance, legal, medical" in line


def test_ask_at_a_moment_from_the_knowledge_base_alone(tmp_path):
    """--now sets the clock (the prize's documents are fresh ten days on) and --source kb
    asks the knowledge base alone: no search engine is configured, and none is needed."""
    (tmp_path / "docs.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    result = run("ask", "Who won the 2024 Nobel Prize in Literature?", "--knowledge-base", str(tmp_path / "docs.jsonl"),
                 "--source", "kb", "--now", "2024-10-20T12:00:00Z", "--no-model", "--json",
                 "--data-dir", str(tmp_path / "home"))
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert answer["answer"] == "Han Kang" and answer["as_of"].startswith("2024-10-1"), answer
    assert {c["url"] for c in answer["citations"]} <= {d["url"] for d in NOBEL}
    before = json.loads(run("ask", "Who won the 2024 Nobel Prize in Literature?", "--knowledge-base",
                            str(tmp_path / "docs.jsonl"), "--source", "kb", "--now", "2024-10-01", "--no-model",
                            "--json", "--data-dir", str(tmp_path / "home")).stdout)
    assert before["status"] == "abstained" and not before["citations"]  # published after it: not there yet


@pytest.mark.parametrize("args, said", [
    (("--now", "yesterday"), "--now takes a date or date-time"),
    (("--now", "2024-10-20", "--replay", "."), "--now: a replay's clock is its pack's asked_at"),
    (("--source", "nosuch"), "unknown source 'nosuch'"),
    (("--now", "9999-12-31T23:59:59-05:00"), "between the years 1900 and 2999"),  # had overflowed, with a traceback
    (("--source", "kb"), "'kb' searches a knowledge base: give one (--knowledge-base NAME"),  # had searched nothing
])
def test_a_bad_clock_or_source_is_one_error(tmp_path, args, said):
    result = run("ask", "Who won?", *args, "--no-model", "--data-dir", str(tmp_path / "home"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert said in line


def test_a_search_bound_may_be_a_date_time(tmp_path):
    (tmp_path / "d.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    home = str(tmp_path / "home")
    assert run("kb", "add", "prizes", str(tmp_path / "d.jsonl"), "--data-dir", home).exit_code == 0
    found = run("kb", "search", "prizes", "Nobel literature", "--before", "2024-10-09T23:00:00", "--json", "--data-dir", home)
    assert found.exit_code == 0 and json.loads(found.stdout)["hits"] == []


def test_a_policy_name_given_to_ask_as_documents_points_to_policy(tmp_path):
    result = run("ask", "Who won?", "--knowledge-base", "health", "--no-model", "--data-dir", str(tmp_path / "home"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: unknown knowledge base 'health'") and "--policy " in line and line.endswith("health.yaml (policy= in Python)")


def test_a_folder_s_other_files_are_named_as_left_out(tmp_path):
    """A .txt beside the documents was skipped without a word."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "d.jsonl").write_text(lines(NOBEL), encoding="utf-8")
    (tmp_path / "docs" / "notes.txt").write_text("the 2024 laureates", encoding="utf-8")
    added = run("kb", "add", "folder", str(tmp_path / "docs"), "--json", "--data-dir", str(tmp_path / "home"))
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["added"] == 2
    assert "note: 1 file left out, not JSONL, HTML or Markdown:" in added.stderr and "notes.txt" in added.stderr


def test_documents_with_no_text_are_named_as_left_out(tmp_path):
    """An empty page and a JSONL line with neither text nor title had been skipped without a word."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "d.jsonl").write_text(lines([*NOBEL, {"url": "https://example.org/blank", "text": "  "}]),
                                               encoding="utf-8")
    (tmp_path / "docs" / "c.html").write_text("<html><body></body></html>", encoding="utf-8")
    added = run("kb", "add", "folder", str(tmp_path / "docs"), "--json", "--data-dir", str(tmp_path / "home"))
    assert added.exit_code == 0 and json.loads(added.stdout)["added"] == 2, added.output
    notes = [line for line in added.stderr.splitlines() if "with no text" in line]
    assert notes == [f"note: 2 documents left out, with no text: {tmp_path / 'docs' / 'c.html'}, "
                     f"{tmp_path / 'docs' / 'd.jsonl'}:3"], added.stderr


def test_a_tier_given_again_is_said_to_count_for_every_document(tmp_path):
    (tmp_path / "a.jsonl").write_text(lines(NOBEL[:1]), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(lines(NOBEL[1:]), encoding="utf-8")
    first = run("kb", "add", "prizes", str(tmp_path / "a.jsonl"), "--tier", "media")
    assert first.exit_code == 0 and "note:" not in first.stderr
    again = run("kb", "add", "prizes", str(tmp_path / "b.jsonl"), "--tier", "other")
    assert "note: every document of prizes now counts as other (was media), the 1 added before included" in again.stderr
    same = run("kb", "add", "prizes", str(tmp_path / "b.jsonl"), "--tier", "other")
    assert "note:" not in same.stderr  # nothing changed


def test_a_terminated_add_rolls_back_and_keeps_the_documents_before(tmp_path, monkeypatch):
    """SIGTERM (timeout, kill) killed the add mid-transaction; its hot journal then made every
    read-only open fail."""
    from orchestrator.kb import catalog

    (tmp_path / "a.jsonl").write_text(lines(NOBEL[:1]), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(lines(NOBEL[1:]), encoding="utf-8")
    home = str(tmp_path / "home")
    assert run("kb", "add", "prizes", str(tmp_path / "a.jsonl"), "--data-dir", home).exit_code == 0
    read = catalog.read_documents

    def terminated_part_way(*args, **kwargs):
        yield from read(*args, **kwargs)
        signal.raise_signal(signal.SIGTERM)

    monkeypatch.setattr(catalog, "read_documents", terminated_part_way)
    missed = []

    def test_handler(*_):  # the test runner survives a SIGTERM the add does not catch
        missed.append("SIGTERM")

    before = signal.signal(signal.SIGTERM, test_handler)
    try:
        result = run("kb", "add", "prizes", str(tmp_path / "b.jsonl"), "--data-dir", home)
        assert not missed and result.exit_code == 128 + signal.SIGTERM and "terminated" in result.stderr
        assert signal.getsignal(signal.SIGTERM) is test_handler  # put back as it was
    finally:
        signal.signal(signal.SIGTERM, before)
    assert not list((tmp_path / "home" / "kb").glob("*-journal"))
    monkeypatch.undo()
    listed = {r["name"]: r for r in json.loads(run("kb", "list", "--json", "--data-dir", home).stdout)}
    assert listed["prizes"]["documents"] == 1
