"""The inspector as a user meets it: each view's content, from traces of replayed packs."""

import json
import re
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from orchestrator.cli import app
from orchestrator.graph import PIPELINE
from orchestrator.trace.report import build_report
from tests.trace.conftest import SENTENCE

runner = CliRunner()
NODES = PIPELINE
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|9[0-7]|38;)[0-9;]*m")


@pytest.fixture
def trace(made):
    def invoke(*args, env=None):
        result = runner.invoke(app, ["trace", *args, "--data-dir", str(made.home)], env=env)
        assert "Traceback" not in result.output
        return result
    return invoke


def ok(result):
    assert result.exit_code == 0, result.output
    return result.stdout


def test_list_newest_first_with_filters(trace, made):
    rows = json.loads(ok(trace("list", "--json")))
    assert [r["id"] for r in rows] == [made.local, made.scripted, made.china_again, made.us, made.china]
    assert rows[3] | {"created_at": None, "total_ms": None} == {
        "id": made.us, "created_at": None, "status": "answered", "total_ms": None, "language": "en",
        "question": "How many gold medals did the United States win at the Paris 2024 Olympics?", "answer": "40"}
    ids = lambda *args: [r["id"] for r in json.loads(ok(trace("list", "--json", *args)))]
    assert ids("--question", "UNITED states") == [made.us]
    assert ids("--question", "巴黎") == [made.scripted, made.china_again, made.china]
    assert ids("--status", "abstained") == [] and ids("--status", "local") == [made.local]
    assert ids("--limit", "1") == [made.local]
    assert len(ids("--since", "1d")) == 5 and ids("--since", "2999-01-01") == []
    table = ok(trace("list"))
    assert made.us in table and "answered" in table and "How many gold medals" in table
    assert "no traces match" in ok(trace("list", "--status", "conflict"))
    assert "no traces match" in ok(trace("list", "--status", "error"))  # a failed run's status is one to filter by


def test_show_is_the_whole_report(trace, made):
    out = ok(trace("show", made.china))
    report = build_report(json.loads(ok(trace("show", made.china, "--json"))))
    # header: what ran, on what
    assert f"trace {made.china}  answered" in out
    assert "2024年巴黎奥运会中国代表团金牌数" in out
    assert "pack" in out and "paris-2024-china-gold" in out and "sha256" in out
    assert "langgraph" in out and "trafilatura" in out and "llama-cpp-python" in out
    assert "(not loaded: --no-model)" in out and "language zh" in out
    # timeline: one proportional bar per node, with its duration
    for node in NODES:
        line = next(line for line in out.splitlines() if line.strip().startswith(node))
        assert "█" in line and " ms" in line
    # sources: every page, the official table cited first, the mid-Games page read but not cited
    for source in report["sources"]:
        assert f"#{source['n']} │ {source['publisher']}" in out
    assert re.search(r"#\d+ │ Olympics\.com +│ official .*cited \[1\]", out)
    sina = next(line for line in out.splitlines() if "新浪体育" in line)
    assert "2024-08-02" in sina and "cited" not in sina
    # cross-check: the verdict, the winner's backers with weights, and who says otherwise
    check = report["cross_check"]
    assert f"cross-check  answered: 40 — {check['reason']}" in out
    assert "✔ 40枚" in out
    winner = next(c for c in check["candidates"] if c["chosen"])
    for backer in winner["supporting"]:
        assert f"#{backer['n']} {backer['publisher']}  {backer['weight']}" in out
    for against in winner["opposing"][:3]:
        strongest = sorted(against["says"], key=lambda x: -x["weight"])
        values = ", ".join(x["value"] for x in strongest)
        assert f"#{against['n']} {against['publisher']}: {values}  {strongest[0]['weight']}" in out
    loser = next(c for c in check["candidates"] if not c["chosen"])
    assert loser["opposing"] and f"  {loser['display']} " in out  # the runner-up, and who contradicts it
    # answer, citations, warnings
    assert "answer  answered  40  as of 2024-08-11" in out
    assert "截至2024年8月11日" in out and "[1] Olympics.com · official · 2024-08-11" in out
    assert "warning: no model: answer phrased from a template" in out
    assert "model calls: none (--no-model)" in out


def test_show_a_run_without_retrieval(trace, made):
    out = ok(trace("show", made.local))
    assert f"trace {made.local}  local" in out
    assert "answer_locally" in out and "fetch_sources" not in out
    assert "cross-check: not run (the question needed no fresh data)" in out
    assert "answer_locally" in out and "return s[::-1]" in out
    assert "language en" in out


def test_show_last_and_prefix_and_json(trace, made):
    assert f"trace {made.local} " in ok(trace("show", "last"))
    assert f"trace {made.scripted} " in ok(trace("show", "last~1"))
    assert f"trace {made.us} " in ok(trace("show", made.us[:6]))
    full = json.loads(ok(trace("show", made.china, "--json")))
    assert full["check"]["verdict"] == "answered" and full["check"]["value"] == "40"
    assert full["config"]["pack"].endswith("paris-2024-china-gold") and len(full["config"]["policy_sha256"]) == 64
    assert set(full["config"]["versions"]) == {"langgraph", "llama-cpp-python", "trafilatura"}
    assert [n["name"] for n in full["nodes"]] == list(NODES)


def test_sources_in_full(trace, made):
    out = ok(trace("sources", made.us))
    assert "searches" in out and "How many gold medals did the United States win" in out
    assert "#4 Olympics.com · official (weight 3.0) · http 200" in out
    assert "https://olympics.com/en/paris-2024/medals" in out
    assert "dates found: published 2024-08-11 21:30:00+00:00" in out
    assert "cited [1]; says 40" in out
    assert "more (trace sources" not in out  # every opposing source, not the first few
    data = json.loads(ok(trace("sources", made.us, "--json")))
    official = next(s for s in data["sources"] if s["tier"] == "official")
    assert official["cited_as"] == [1] and official["publisher"] == "Olympics.com" and official["status"] == 200
    day7 = next(s for s in data["sources"] if s["publisher"] == "USA TODAY")  # the mid-Games table: read, not cited
    assert day7["published"].startswith("2024-08-02") and day7["cited_as"] == []
    winner = next(c for c in data["cross_check"]["candidates"] if c["chosen"])
    assert winner["value"] == "40" and any(s["tier"] == "official" for s in winner["supporting"])
    for against in (o for c in data["cross_check"]["candidates"] for o in c["opposing"]):
        assert against["says"] and all({"value", "weight", "why", "quote"} <= set(x) for x in against["says"])


def test_prompts_show_every_model_call(trace, made):
    out = ok(trace("prompts", made.scripted))
    assert "phrase_answer · scripted-qwen" in out
    assert "system:" in out and "user:" in out and "output:" in out
    assert "2024年巴黎奥运会中国代表团金牌数" in out  # the question, inside the prompt
    assert SENTENCE in out
    calls = json.loads(ok(trace("prompts", made.scripted, "--json")))["model_calls"]
    assert [c["role"] for c in calls] == ["phrase_answer"]
    assert calls[0]["prompt"][0]["role"] == "system" and calls[0]["prompt_tokens"] > 0
    assert "model calls: none (--no-model)" in ok(trace("prompts", made.china))


def test_diff_two_questions_and_two_runs_of_one(trace, made):
    out = ok(trace("diff", made.china, made.us))
    assert "the answer changed" in out
    cited = [{c["url"] for c in json.loads(ok(trace("show", ref, "--json")))["answer"]["citations"]}
             for ref in (made.china, made.us)]
    for url in cited[0] - cited[1]:
        assert f"citations - {url}" in out
    for url in cited[1] - cited[0]:
        assert f"citations + {url}" in out
    assert "source - https://sports.sina.com.cn/" in out and "source + https://www.usatoday.com/" in out
    assert "paris-2024-china-gold" in out and "paris-2024-us-gold" in out  # configuration
    data = json.loads(ok(trace("diff", made.china, made.us, "--json")))
    assert {"field": "text", "a": "截至2024年8月11日，经核实的答案是：40枚，位列第2。 [1][2][3]",
            "b": "As of August 11, 2024, the verified answer is 40 gold medals, ranking 1st. [1][2][3]"} in data["answer"]
    china, us = (json.loads(ok(trace("show", ref, "--json")))["candidates"] for ref in (made.china, made.us))
    scores = lambda cands: {c["value"]: c["score"] for c in cands}
    expected = {v for v in scores(china).keys() | scores(us).keys() if scores(china).get(v) != scores(us).get(v)}
    assert {c["value"] for c in data["candidates"]} == expected and expected
    same = ok(trace("diff", made.china, made.china_again))
    assert "same answer and citations" in same and "timings" in same and "total" in same
    same_data = json.loads(ok(trace("diff", made.china, made.china_again, "--json")))
    assert same_data["same_answer"] and not same_data["answer"] and not same_data["sources"]["changed"]
    assert [t["node"] for t in same_data["timings"]] == [*NODES, "total"]
    phrased = json.loads(ok(trace("diff", made.china, made.scripted, "--json")))
    fields = {c["field"] for c in phrased["answer"]} | {c["field"] for c in phrased["config"]}
    assert {"text", "model", "use_model"} <= fields


def test_export_html_is_one_self_contained_page(trace, made, tmp_path):
    page = tmp_path / "trace.html"
    assert "wrote" in ok(trace("export", made.china, "--html", str(page)))
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")
    reason = json.loads(ok(trace("show", made.china, "--json")))["check"]["reason"]
    for part in ("2024年巴黎奥运会中国代表团金牌数", "timeline", 'class="bar"', "Olympics.com", "新浪体育",
                 reason, "截至2024年8月11日", "no model"):
        assert part in html
    for external in ("<script", "<link", "src=", "@import", "url("):
        assert external not in html
    assert "default-src 'none'" in html
    info = json.loads(ok(trace("export", "last", "--html", str(page), "--json")))
    assert info["id"] == made.local and info["bytes"] == page.stat().st_size


def test_prune_deletes_only_old_traces(made, tmp_path):
    home = tmp_path / "prune-home"
    home.mkdir()
    (home / "traces.sqlite").write_bytes((made.home / "traces.sqlite").read_bytes())
    old = (datetime.now(UTC) - timedelta(days=40)).isoformat(timespec="seconds")
    with sqlite3.connect(home / "traces.sqlite") as conn:
        conn.execute("UPDATE traces SET created_at = ? WHERE id = ?", (old, made.china))
    zero = runner.invoke(app, ["trace", "prune", "--older-than", "0d", "--data-dir", str(home)])
    assert zero.exit_code == 2 and "would delete every trace" in zero.output  # and deletes nothing
    dry = runner.invoke(app, ["trace", "prune", "--older-than", "30d", "--dry-run", "--data-dir", str(home)])
    assert dry.exit_code == 0 and made.china in dry.stdout
    assert dry.stdout.strip().endswith("would delete 1 trace older than 30d (dry run: nothing deleted)")
    prune = runner.invoke(app, ["trace", "prune", "--older-than", "30d", "--data-dir", str(home), "--json"])
    report = json.loads(prune.stdout)
    assert (report["deleted"], report["older_than"], report["dry_run"]) == (1, "30d", False)
    assert [r["id"] for r in report["traces"]] == [made.china]
    left = json.loads(runner.invoke(app, ["trace", "list", "--json", "--data-dir", str(home)]).stdout)
    assert made.china not in {r["id"] for r in left} and len(left) == 4
    with sqlite3.connect(home / "traces.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM events WHERE trace_id = ?", (made.china,)).fetchone()[0] == 0
    again = runner.invoke(app, ["trace", "prune", "--older-than", "30d", "--data-dir", str(home)])
    assert again.stdout.strip() == "deleted 0 traces older than 30d"


@pytest.mark.parametrize("args", [["list"], ["show", "last"], ["sources", "last"], ["prompts", "last"],
                                  ["diff", "last~1", "last"], ["prune", "--older-than", "3650d"]])
def test_every_command_speaks_json(trace, args):
    json.loads(ok(trace(*args, "--json")))


def test_colour_only_on_a_terminal_and_never_under_no_color(trace, made):
    assert "\x1b[" not in ok(trace("show", made.china))  # piped: plain text
    forced = ok(trace("show", made.china, env={"FORCE_COLOR": "1", "NO_COLOR": None}))
    assert COLOUR.search(forced)
    no_color = ok(trace("show", made.china, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}))
    assert not COLOUR.search(no_color) and "Olympics.com" in no_color


def test_show_says_how_a_question_in_another_language_was_read(tmp_path):
    """The English gloss the rules read is what explains a non-English question's answer."""
    from orchestrator import ask
    from tests.conftest import USA

    german = "Wie viele Silbermedaillen haben die USA bei Olympia 2024 in Paris gewonnen?"
    trace_id = ask(german, replay=USA, data_dir=tmp_path, use_model=False).trace_id
    english = ask(replay=USA, data_dir=tmp_path, use_model=False).trace_id
    shown = runner.invoke(app, ["trace", "show", trace_id, "--data-dir", str(tmp_path)])
    assert "read as   how many silver medals have United States Olympics 2024 Paris won?" in ok(shown)
    assert "read as" not in ok(runner.invoke(app, ["trace", "show", english, "--data-dir", str(tmp_path)]))


def test_reading_a_data_directory_no_run_saved_to_creates_nothing(tmp_path):
    """`trace list --data-dir NEW` made NEW/traces.sqlite; it lists none and makes nothing."""
    fresh = tmp_path / "never-used"
    assert "no traces match" in ok(runner.invoke(app, ["trace", "list", "--data-dir", str(fresh)]))
    assert json.loads(ok(runner.invoke(app, ["trace", "list", "--json", "--data-dir", str(fresh)]))) == []
    shown = runner.invoke(app, ["trace", "show", "abcd", "--data-dir", str(fresh)])
    assert shown.exit_code != 0 and "no run has saved a trace" in shown.stderr
    assert "deleted 0 traces" in ok(runner.invoke(app, ["trace", "prune", "--older-than", "1d", "--data-dir", str(fresh)]))
    assert not fresh.exists()


def test_an_html_path_that_cannot_be_written_is_bad_input(trace, made, tmp_path):
    """Exit 2 names the path given; exit 4 is for the trace store, which is fine here."""
    result = trace("export", made.china, "--html", str(tmp_path / "no" / "such" / "dir" / "x.html"))
    assert result.exit_code == 2 and result.stderr.startswith("error: --html ") and "cannot write" in result.stderr
