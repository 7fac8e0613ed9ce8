"""The search loop end to end, as edges of the graph: a first round that reads only an
off-topic page abstains, the review plans a second round of follow-up queries, and the
pages those find settle the answer. Requests are answered by httpx.MockTransport: nothing
leaves the process."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx

from orchestrator import ask
from orchestrator.config import DEFAULT_POLICY
from orchestrator.trace.report import build_report
from orchestrator.trace.store import TraceStore
from tests.pages import MEDAL_TABLE, USA_ON_TOP

QUESTION = "How many gold medals did the United States win at the Paris 2024 Olympics?"
ASKED = datetime(2024, 8, 12, 9, 0, tzinfo=UTC)
SEARX = "http://searx.test"
OFF_TOPIC = """<html><head><title>Swimming heats</title></head><body><article>
<p>The morning swimming heats drew a large crowd to the pool on the outskirts of the city.</p>
</article></body></html>"""
PAGES = {"https://first.test/heats": OFF_TOPIC, "https://table.test/final": MEDAL_TABLE,
         "https://other.test/usa": USA_ON_TOP}


def web(asked: list[str], pages: list[str]) -> httpx.MockTransport:
    """SearxNG answers the question as asked (and the policy's site-scoped variants of it)
    with the off-topic page only, and any other query with the reports (and the off-topic
    page again, which is not read twice)."""
    def answer(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if url.startswith(f"{SEARX}/search"):
            query = parse_qs(urlsplit(url).query)["q"][0]
            asked.append(query)
            found = ["https://first.test/heats"] if query.startswith(QUESTION) else [*PAGES]
            return httpx.Response(200, json={"results": [{"url": u, "title": "", "content": ""} for u in found]})
        pages.append(url)
        if url in PAGES:
            return httpx.Response(200, text=PAGES[url], headers={"Content-Type": "text/html; charset=utf-8"})
        return httpx.Response(404)

    return httpx.MockTransport(answer)


def run(tmp_path: Path, extra_policy: str = ""):
    policy = tmp_path / "policy.yaml"
    policy.write_text(Path(DEFAULT_POLICY).read_text(encoding="utf-8") + extra_policy, encoding="utf-8")
    asked: list[str] = []
    pages: list[str] = []
    answer = ask(QUESTION, now=ASKED, searxng=SEARX, policy=policy, use_model=False, cache=False,
                 transport=web(asked, pages))
    return answer, asked, pages


def test_a_second_round_finds_what_the_first_did_not(tmp_path, isolated_home):
    answer, asked, pages = run(tmp_path)
    assert answer.status == "answered" and answer.answer == "40", answer.warnings
    assert {c.url for c in answer.citations} <= {"https://table.test/final", "https://other.test/usa"}
    first_round = [q for q in asked if q.startswith(QUESTION)]
    assert asked[0] == QUESTION and len(asked) > len(first_round)  # follow-ups are new queries
    assert pages.count("https://first.test/heats") == 1  # read once, though both rounds found it

    trace = TraceStore(isolated_home / "traces.sqlite").get(answer.trace_id)
    names = [n["name"] for n in trace["nodes"]]
    assert names == ["detect_intent", "plan_sources", "fetch_sources", "cross_check", "review_round", "plan_followup",
                     "fetch_sources", "cross_check", "review_round", "generate_answer"]
    first, second = build_report(trace)["rounds"]
    assert (first["n"], first["verdict"], first["next"], first["pages"]) == (1, "abstained", "search again", 1)
    assert first["next_queries"] == second["queries"] == asked[len(first_round):]
    assert (second["n"], second["verdict"], second["next"], second["why"]) == (2, "answered", "answer", "settled")
    assert second["pages"] == 2 and second["readable"] == 2  # only what round 1 had not read
    sources = build_report(trace)["sources"]
    assert [s["url"] for s in sources][0] == "https://first.test/heats"  # numbered across rounds as the evidence is
    assert any(s["cited_as"] for s in sources[1:])


def test_one_round_when_the_policy_says_so(tmp_path):
    answer, asked, _ = run(tmp_path, "\nrules:\n  search_loop:\n    rounds: 1\n")
    assert answer.status == "abstained" and all(q.startswith(QUESTION) for q in asked)


def test_the_page_bound_keeps_the_loop_from_starting(tmp_path):
    answer, asked, _ = run(tmp_path, "\nrules:\n  search_loop:\n    pages: 1\n")
    assert answer.status == "abstained" and all(q.startswith(QUESTION) for q in asked)


def test_in_a_replay_an_extra_round_is_unrecorded_and_ends_at_once(tmp_path, isolated_home):
    """A pack's cassette holds the first round: a follow-up's Wikipedia searches are not
    recorded (a failed source, not an error) and its SearxNG search is the recorded one again,
    whose pages round 1 read. So the loop stops after one more round, the answer as it was."""
    from tests.conftest import FIXTURES

    policy = tmp_path / "policy.yaml"
    policy.write_text(Path(DEFAULT_POLICY).read_text(encoding="utf-8") + "\nsources: [searxng, wikipedia]\n",
                      encoding="utf-8")
    answer = ask(replay=FIXTURES / "hard-cases" / "unsettled-nobel-peace-preview", policy=policy, use_model=False)
    assert answer.status == "abstained" and answer.answer is None
    trace = TraceStore(isolated_home / "traces.sqlite").get(answer.trace_id)
    rounds = build_report(trace)["rounds"]
    assert [(r["n"], r["next"]) for r in rounds] == [(1, "search again"), (2, "answer")]
    assert rounds[1]["why"] == "round 2 found no page not read before" and rounds[1]["verdict"] is None
    failed = {s["failure"] for s in build_report(trace)["searches"] if "api.php" in s["url"]}
    assert failed == {"not recorded"}
    assert [n["name"] for n in trace["nodes"]].count("cross_check") == 1  # nothing new: not checked again

    settled = ask(replay=FIXTURES / "paris-2024-china-gold", policy=policy, use_model=False)
    assert (settled.status, settled.answer) == ("answered", "40")
    rounds = build_report(TraceStore(isolated_home / "traces.sqlite").get(settled.trace_id))["rounds"]
    assert [(r["n"], r["why"]) for r in rounds] == [(1, "settled")]
