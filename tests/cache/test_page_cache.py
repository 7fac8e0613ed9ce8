"""Extracted pages in the knowledge cache, through live runs (the real network transport)
against the loopback SearxNG and sites of tests/cache/sites.py: pages read are kept; another
question reading the same URL within its window gets them without a request; a stale page
is fetched again; a network failure falls back to the old copy, saying so; failures and
replays store nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from orchestrator import ask
from orchestrator.cache import CacheConfig, KnowledgeCache
from orchestrator.cache.keys import normalise_url, page_key
from orchestrator.config import resolve_settings
from orchestrator.trace.store import TraceStore
from tests.cache.test_cache_offline import T0, live

OTHER = "How many gold medals did the United States win at the Paris 2024 Olympic Games?"  # another key, the same pages


def rows() -> dict:
    """What `cache stats` sees: the disk and shared tiers, answers and pages apart."""
    cache = KnowledgeCache(CacheConfig(memory_entries=0), resolve_settings().data_dir)
    return {r.name: r for r in cache.stats(T0 + timedelta(days=1))}


def page_hits(web) -> int:
    return sum(path in ("/a", "/b") for path in web.requests)


def pages_read(answer) -> dict[str, dict]:
    trace = TraceStore(resolve_settings().trace_db).get(answer.trace_id)
    return {f["url"].rsplit("/", 1)[-1]: f for f in trace["fetches"] if f["kind"] == "page"}


def test_pages_are_kept_and_another_question_reads_them_without_a_request(loopback_web):
    first = live(loopback_web, now=T0)
    assert first.status == "answered"
    stats = rows()
    assert (stats["disk"].entries, stats["disk pages"].entries) == (1, 2)
    assert stats["disk pages"].kind == "pages" and stats["disk pages"].bytes > 0
    assert all("cached" not in f for f in pages_read(first).values())

    seen = page_hits(loopback_web)
    second = live(loopback_web, OTHER, now=T0 + timedelta(hours=2))
    assert second.status == "answered" and second.answer == "40", second.warnings
    assert page_hits(loopback_web) == seen  # no request reached the sites
    assert any(p.startswith("/search") for p in loopback_web.requests[seen:])  # searches are never cached
    pages = pages_read(second)
    assert {f["cached"] for f in pages.values()} == {"memory"}
    assert {f["fetched_at"] for f in pages.values()} == {T0.isoformat()}  # the original fetch, not now
    # The second answer is as old as its pages: its freshness window started at T0.
    assert rows()["disk"].oldest == rows()["disk"].newest == T0.isoformat(timespec="seconds")


def test_a_stale_page_is_fetched_again(loopback_web):
    live(loopback_web, now=T0)
    seen = page_hits(loopback_web)
    later = live(loopback_web, OTHER, now=T0 + timedelta(days=31))  # the event window is 30 days
    assert page_hits(loopback_web) == seen + 2
    assert all("cached" not in f for f in pages_read(later).values())


def test_asking_for_the_latest_fetches_fresh_pages_again(loopback_web):
    live(loopback_web, now=T0)
    seen = page_hits(loopback_web)
    live(loopback_web, OTHER, now=T0 + timedelta(hours=1), require_latest=True)
    assert page_hits(loopback_web) == seen + 2


def test_a_network_failure_reads_the_old_copy_and_says_so(loopback_web):
    live(loopback_web, now=T0)
    loopback_web.broken = {"/a", "/b"}  # the connection drops: the sites may be back later
    later = live(loopback_web, OTHER, now=T0 + timedelta(days=31))  # past the window: fetched again, and failing
    pages = pages_read(later)
    assert {f["refresh_failure"] for f in pages.values()} == {"connection closed mid-response"}
    assert {f["cached"] for f in pages.values()} == {"memory"} and all(f["failure"] is None for f in pages.values())
    assert {f["fetched_at"] for f in pages.values()} == {T0.isoformat()}  # as old as it is: the cross-check judges that
    assert any(w.startswith("could not refresh 2 pages (connection closed mid-response); read the copies "
                            "fetched 2024-08-12 from the knowledge cache") for w in later.warnings), later.warnings

    # Asking for the latest within the window: the pages are fetched, fail, and the copies answer.
    latest = live(loopback_web, "How many gold medals did the USA win at the Paris 2024 Olympics?",
                  now=T0 + timedelta(hours=1), require_latest=True)
    assert (latest.status, latest.answer) == ("answered", "40")
    assert any(w.startswith("could not refresh 2 pages") for w in latest.warnings)


def test_a_server_answer_is_not_a_network_failure(loopback_web):
    live(loopback_web, now=T0)
    del loopback_web.pages["/a"]  # 404 now: the page is gone, an old copy must not stand in
    later = live(loopback_web, OTHER, now=T0 + timedelta(days=31))
    pages = pages_read(later)
    assert pages["a"]["failure"] == "http 404" and "cached" not in pages["a"]
    assert "cached" not in pages["b"] and pages["b"]["failure"] is None


def test_failures_are_never_stored(loopback_web):
    loopback_web.pages = {"/a": "<html><body><script>var x = 1;</script></body></html>"}  # /b: 404
    live(loopback_web, now=T0)
    assert rows()["disk pages"].entries == 0
    cache = KnowledgeCache(CacheConfig(), resolve_settings().data_dir)
    assert cache.page(f"{loopback_web.url}/a", T0, None) is None and cache.page(f"{loopback_web.url}/b", T0, None) is None


def test_replays_store_no_pages():
    from tests.conftest import USA

    assert ask(replay=USA, use_model=False, cache=True).status == "answered"
    assert rows()["disk pages"].entries == 0 and rows()["disk"].entries == 0


def test_page_keys_normalise_the_url():
    assert normalise_url("HTTP://Example.COM:80/a?b=2&a=1#top") == "http://example.com/a?a=1&b=2"
    assert normalise_url("https://example.com") == "https://example.com/"
    assert page_key("https://example.com/x?b=1&a=2") == page_key("https://EXAMPLE.com:443/x?a=2&b=1#f")
    assert page_key("https://example.com/x") != page_key("https://example.com/y")


def test_only_readable_pages_are_stored(tmp_path):
    from orchestrator.cache.entry import PageEntry

    cache = KnowledgeCache(CacheConfig(), tmp_path / "home")
    with pytest.raises(ValueError):
        cache.store_page(PageEntry(key=page_key("https://x.org/"), url="https://x.org/", final_url="https://x.org/",
                                   text="  ", stored_at=T0), T0)
