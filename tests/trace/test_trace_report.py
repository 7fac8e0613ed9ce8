"""View data and its renderings, on small hand-made traces: bars, opposing sources,
diff, time arguments, and an HTML page that page text cannot break out of."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from rich.console import Console

from orchestrator.cli.trace_html import render_page
from orchestrator.cli.trace_views import answer, bar, source_cards
from orchestrator.cli.trace_views import sources as sources_table
from orchestrator.errors import InputError
from orchestrator.trace.diff import diff_traces
from orchestrator.trace.report import build_report, cross_check, sources, timeline
from orchestrator.trace.timespec import parse_age, parse_since


def trace(**over):
    base = {
        "id": "t1", "question": "How many?", "asked_at": "2024-08-12", "created_at": "2026-01-01T00:00:00+00:00",
        "status": "answered", "total_ms": 100.0, "language": "en", "config": {"model": "m", "pack": "live"},
        "answer": {"status": "answered", "answer": "40", "text": "40 [1]", "citations": [
            {"n": 1, "url": "https://a.example/", "tier": "official", "quote": "40 gold", "publisher": "A"}]},
        "nodes": [{"name": "fetch_sources", "start_ms": 10.0, "ms": 60.0, "output": "2 pages"},
                  {"name": "detect_intent", "start_ms": 0.0, "ms": 10.0, "output": "fresh"}],
        "fetches": [{"kind": "page", "url": "https://a.example/", "status": 200, "tier": "official"},
                    {"kind": "page", "url": "https://b.example/", "status": 200, "tier": "media"},
                    {"kind": "page", "url": "https://c.example/", "status": 200, "tier": "media"}],
        "candidates": [
            {"value": "40", "score": 2.0, "supports": [{"source": 0, "quote": "40 gold", "weight": 2.0, "why": "official"}]},
            {"value": "39", "score": 1.0, "supports": [{"source": 1, "quote": "39 gold", "weight": 1.0, "why": "media"},
                                                       {"source": 0, "quote": "39 silver", "weight": 0.5, "why": "official"}]},
        ],
        "check": {"verdict": "answered", "value": "40", "reason": "official", "sources": [
            {"n": 1, "url": "https://a.example/", "publisher": "A", "copy_of": None},
            {"n": 2, "url": "https://b.example/", "publisher": "B", "copy_of": None},
            {"n": 3, "url": "https://c.example/", "publisher": "C", "copy_of": 2}]},
        "model_calls": [],
    }
    return base | over


def test_bars_are_proportional_and_never_vanish():
    assert bar(0.0, 0.5, cells=10) == "█████     "
    assert bar(0.5, 0.25, cells=8) == "    ██  "
    assert bar(0.99, 0.0001, cells=10) == "         █"  # a tiny node still shows
    rows = timeline(trace())
    assert [r["name"] for r in rows] == ["detect_intent", "fetch_sources"]  # in time order
    assert rows[1]["offset"] == pytest.approx(0.1) and rows[1]["width"] == pytest.approx(0.6)


def test_opposing_sources_are_those_backing_only_other_values():
    view = cross_check(trace())
    forty, thirty_nine = view["candidates"]
    assert forty["chosen"] and [s["n"] for s in forty["supporting"]] == [1]
    assert [(o["n"], [x["value"] for x in o["says"]]) for o in forty["opposing"]] == [(2, ["39"])]
    # #1 gives 40 but also 39 (another passage): it backs 39, so nobody opposes 39 outright
    assert thirty_nine["opposing"] == []
    # independence: the copy of #2 is named where #2 counts
    assert "counted once with #3 (same text)" in thirty_nine["supporting"][0]["why"]


def test_one_answer_renderer_for_the_report_and_ask():
    view = {**trace()["answer"], "as_of": "2024-08-11", "conflicts": [{"value": "39", "sources": ["B"]}]}
    view["citations"] = [{**view["citations"][0], "quote": "x" * 200}]
    report = [str(part) for part in answer(view)]
    assert report[0] == "answer  answered  40  as of 2024-08-11" and report[1:3] == ["40 [1]", ""]
    assert report[3:] == ["[1] A · official · undated · https://a.example/", f"    “{'x' * 200}”", "  39: B"]
    short = [str(part) for part in answer(view, section=False)]  # as ask prints it: the status line, quotes whole
    assert short[0] == "answered  as of 2024-08-11" and short[4] == f"    “{'x' * 200}”"


def test_diff_names_what_changed():
    b = trace(id="t2", answer=trace()["answer"] | {"answer": "39", "text": "39 [1]"},
              fetches=trace()["fetches"][:2], nodes=[{"name": "detect_intent", "start_ms": 0.0, "ms": 30.0}])
    d = diff_traces(trace(), b)
    assert {"field": "answer", "a": "40", "b": "39"} in d["answer"] and not d["same_answer"]
    assert d["sources"]["removed"] == ["https://c.example/"]
    assert {"node": "detect_intent", "a_ms": 10.0, "b_ms": 30.0, "delta_ms": 20.0} in d["timings"]
    assert {"node": "fetch_sources", "a_ms": 60.0, "b_ms": None, "delta_ms": None} in d["timings"]
    assert diff_traces(trace(), trace())["same_answer"]


def test_html_escapes_page_text_and_links_only_web_urls():
    hostile = trace(question="<script>alert(1)</script>",
                    fetches=[{"kind": "page", "url": "javascript:alert(1)", "status": 200, "tier": "other"}],
                    answer={"status": "abstained", "text": "<img src=x onerror=alert(1)>", "citations": []})
    page = render_page(build_report(hostile))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page  # shown, not linked


def cached_trace():
    """#2 read from the disk tier within its window; #3 fetched live, failed, an old copy stood in."""
    pages = trace()["fetches"]
    return trace(fetches=[pages[0],
                          pages[1] | {"cached": "disk", "fetched_at": "2026-11-20T08:00:00+00:00"},
                          pages[2] | {"cached": "memory", "fetched_at": "2026-10-02T12:00:00+00:00",
                                      "refresh_failure": "timeout"}])


def text(parts, width=200) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    for part in parts:
        console.print(part)
    return console.export_text()


def test_sources_say_which_pages_came_from_the_cache():
    rows = sources(cached_trace())
    assert [(r["cached"], r["fetched_at"], r["refresh_failure"]) for r in rows] == [
        (None, None, None), ("disk", "2026-11-20T08:00:00+00:00", None),
        ("memory", "2026-10-02T12:00:00+00:00", "timeout")]
    table = text([sources_table(rows)])
    assert "from cache (disk), fetched 2026-11-20" in table
    assert "refresh failed: timeout; cached copy (memory) from 2026-10-02" in table
    cards = text(source_cards(rows))
    assert "from cache (disk), fetched 2026-11-20" in cards and "refresh failed: timeout" in cards
    page = render_page(build_report(cached_trace()))
    assert '<span class="dim">from cache (disk), fetched 2026-11-20</span>' in page
    assert '<span class="warn">refresh failed: timeout; cached copy (memory) from 2026-10-02</span>' in page


def test_traces_from_before_the_page_cache_still_render():
    old = trace()  # fetches without cached, fetched_at, refresh_failure
    assert all(r["cached"] is None and r["refresh_failure"] is None for r in sources(old))
    for rendered in (text([sources_table(sources(old))]), text(source_cards(sources(old))), render_page(build_report(old))):
        assert "cache" not in rendered and "refresh" not in rendered
    unread = {"kind": "page", "url": "https://d.example/", "status": 200, "tier": "other", "cached": "shared"}
    partial = trace(fetches=[*old["fetches"], unread])  # no date recorded: none shown
    assert "not counted; from cache (shared) " in text([sources_table(sources(partial))])


def test_diff_names_a_page_now_read_from_the_cache():
    changed = diff_traces(trace(), cached_trace())["sources"]["changed"]
    assert {"url": "https://b.example/", "field": "cached", "a": None, "b": "disk"} in changed
    assert {"url": "https://c.example/", "field": "refresh_failure", "a": None, "b": "timeout"} in changed


def test_time_arguments():
    assert parse_age("30d") == timedelta(days=30) and parse_age("12h") == timedelta(hours=12)
    assert parse_age("2w") == timedelta(weeks=2) and parse_age("0d") == timedelta(0)
    now = datetime(2026, 1, 31, tzinfo=UTC)
    assert parse_since("7d", now=now) == datetime(2026, 1, 24, tzinfo=UTC)
    assert parse_since("2024-08-01") == datetime(2024, 8, 1, tzinfo=UTC)
    assert parse_since("2024-08-01T10:00:00+08:00").utcoffset() == timedelta(hours=8)
    for bad in ("30 days", "-1d", "d"):
        with pytest.raises(InputError):
            parse_age(bad)
    for beyond in ("999999d", "99999999999d"):  # past year 1: one line, not an OverflowError
        with pytest.raises(InputError, match="reaches back before year 1"):
            parse_since(beyond)
    with pytest.raises(InputError):
        parse_since("yesterday")


def test_a_run_without_a_cross_check_says_why():
    failed = {"status": "error", "intent": {"needs_fresh": True},
              "answer": {"status": "error", "text": "run failed: NameError: name 'x' is not defined"}}
    assert cross_check(failed)["not_run"] == "the run failed before it: run failed: NameError: name 'x' is not defined"
    assert cross_check({"status": "local", "intent": {"needs_fresh": False}})["not_run"] == "the question needed no fresh data"
    assert cross_check({"status": "answered", "check": {"verdict": "answered"}})["not_run"] is None


def test_an_interrupted_run_is_kept_as_interrupted_not_as_a_failure(tmp_path):
    """Ctrl-C or a signal cancels the run: its trail is kept and says it was stopped (it had
    read "run failed: CancelledError: ", as a bug would)."""
    import asyncio

    import httpx

    from orchestrator.api import aask
    from orchestrator.trace.store import TraceStore

    async def interrupted() -> None:
        fetching = asyncio.Event()

        class Waiting(httpx.AsyncBaseTransport):  # a fetch that never ends until the user stops the run
            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                fetching.set()
                await asyncio.Event().wait()
                raise AssertionError("not reached")

        run = asyncio.create_task(aask("Who won the 2024 Nobel Prize in Literature?", transport=Waiting(),
                                       data_dir=tmp_path, use_model=False, now=datetime(2024, 10, 20, tzinfo=UTC),
                                       cache=False))
        await asyncio.wait_for(fetching.wait(), 60)
        run.cancel()
        with pytest.raises(asyncio.CancelledError):
            await run

    asyncio.run(interrupted())
    kept = TraceStore(tmp_path / "traces.sqlite").get("last")
    assert (kept["status"], kept["answer"]["text"]) == ("error", "run interrupted before it answered")


def test_the_html_header_says_how_a_question_in_another_language_was_read():
    """`trace show` says "read as" with a foreign question's English gloss; the page did not."""
    from orchestrator.cli.trace_html import _header

    h = {"id": "abc", "status": "answered", "total_ms": 12.0, "question": "Combien de médailles d'or ?",
         "asked_at": "2024-08-13", "created_at": "2024-08-13", "language": "fr", "model": "m", "use_model": False,
         "policy": "p", "pack": "live", "versions": {}, "intent": {"answer_type": "number", "topic": None,
                                                                "reason": "r", "reading": "how many gold medals?"}}
    assert "<dt>read as</dt><dd>how many gold medals?</dd>" in _header(h)
    assert "read as" not in _header({**h, "intent": {**h["intent"], "reading": h["question"]}})
