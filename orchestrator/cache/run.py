"""The knowledge cache around one run of the graph (the one call site is in api.aask).

    before the run   a fresh verified answer for the same key is served at once, unless
                     the caller asked for the latest (require_latest) or is refreshing
    after the run    an answered run is stored with its evidence summary and the
                     freshness window of its volatility class; a run that could not reach
                     its sources (no source readable: search unreachable, every fetch
                     failed, or realtime search switched off) is answered from the cache,
                     with a warning stating the age, or abstains as it did

Failures, abstentions, conflicts and local answers are never stored. Replays never touch
the cache: a pack's answer belongs to its frozen moment. Pages are cached too, by
fetch_sources (orchestrator/cache/pages.py): an answer is stored as verified when its oldest
cited page was fetched, and one that leans on an older copy because a live fetch failed on
the network says so in a warning."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from orchestrator.answer import Answer
from orchestrator.cache.entry import CacheEntry, describe_age, evidence_notes
from orchestrator.cache.knowledge import KnowledgeCache, Lookup, in_thread, open_cache
from orchestrator.trace.provenance import file_sha256
from orchestrator.wording import NO_MODEL_WARNING, PHRASING_FAILED

CacheArg = KnowledgeCache | bool | None


def cache_for_run(cache: CacheArg, settings, *, replay: Any = None, transport: Any = None) -> KnowledgeCache | None:
    """Which cache a run uses. ``None`` (the default) means: the data directory's cache for
    live runs on the real network, none when a transport was plugged in (record, tests);
    ``True`` forces it on, ``False`` off; a KnowledgeCache is used as given. Replays: none."""
    if replay is not None or cache is False:
        return None
    if isinstance(cache, KnowledgeCache):
        return cache
    if cache is True or (cache is None and transport is None):
        return open_cache(settings.data_dir)
    return None


def could_not_reach_sources(result: dict, ctx) -> bool:
    """The run went for sources and read none: every page fetch failed, or nothing was
    fetched because every search failed or realtime search is switched off. (A search that
    answered with no results reached its source: the run's abstention stands.)"""
    answer = result.get("answer")
    if "evidence" not in result or answer is None or answer.status in ("answered", "local"):  # 17*23 needs no source
        return False
    evidence = result["evidence"]
    if evidence:
        return not any(e.ok for e in evidence)
    if "realtime_search" not in ctx.capabilities:
        return True
    searches = ctx.counts.search_failures
    return bool(searches) and all(searches)


def _answer_entry(hit: Lookup) -> CacheEntry:
    assert isinstance(hit.entry, CacheEntry), "an answer lookup returns answers"
    return hit.entry


def _of_the_answer(answer: Answer) -> list[str]:
    """The cached answer's warnings but how the run that verified it phrased it ("no model:
    answer phrased from a template"), which this run did not do."""
    return [w for w in answer.warnings if not w.startswith((NO_MODEL_WARNING, PHRASING_FAILED))]


def served_fresh(hit: Lookup, question: str, now: datetime) -> Answer:
    entry = _answer_entry(hit)
    note = (f"from the knowledge cache ({hit.tier} tier): verified {entry.stored_at.date().isoformat()}, "
            f"{describe_age(entry.age(now))} ago, within its freshness window ({entry.window_text()})")
    return entry.answer.model_copy(update={"question": question, "trace_id": None,
                                           "warnings": [note, *_of_the_answer(entry.answer)]})


def served_offline(hit: Lookup, question: str, now: datetime, why: str) -> Answer:
    entry = _answer_entry(hit)
    notes = [(f"as of {entry.stored_at.date().isoformat()}, could not refresh: {why}; this answer was verified "
              f"{describe_age(entry.age(now))} ago and comes from the knowledge cache ({hit.tier} tier)")]
    if not hit.fresh:
        notes.append(f"the cached answer is past its freshness window ({entry.window_text()}) and may be out of date")
    return entry.answer.model_copy(update={"question": question, "trace_id": None,
                                           "warnings": [*notes, *_of_the_answer(entry.answer)]})


SEARCH_OFF = "realtime search is off on this deployment"


def _why_unreachable(result: dict, ctx) -> str:
    if "realtime_search" not in ctx.capabilities:
        return SEARCH_OFF
    if not result["evidence"]:
        failures = sorted({failure for failure in ctx.counts.search_failures if failure})
        return "the search could not be reached (" + ", ".join(failures[:3]) + ")"
    failures = sorted({e.failure or "unreadable" for e in result["evidence"]})
    return "no source could be read (" + ", ".join(failures[:4]) + ")"


def entry_from_run(key: str, result: dict, ctx, now: datetime) -> CacheEntry | None:
    answer: Answer = result["answer"]
    if answer.status != "answered" or not answer.citations or "intent" not in result or "plan" not in result:
        return None
    intent = result["intent"]
    return CacheEntry(key=key, question=answer.question, language=intent.language,
                      policy_sha256=file_sha256(ctx.settings.policy),
                      answer=answer.model_copy(update={"trace_id": None}),
                      evidence=evidence_notes(result.get("evidence", [])), volatility=intent.volatility,
                      freshness_days=result["plan"].freshness_days, stored_at=verified_at(result, now),
                      trace_id=ctx.trace.id)


def verified_at(result: dict, now: datetime) -> datetime:
    """When the cited evidence was fetched: pages read from the page cache are older than
    the run, and the answer's window must start with its oldest page, not with the run."""
    cited = {c.url for c in result["answer"].citations}
    return min([now, *(e.fetched_at for e in result.get("evidence", []) if e.ok and e.url in cited and e.fetched_at)])


def with_refresh_warning(result: dict) -> dict:
    """The answer, warned when pages it read are older copies because live fetches failed."""
    answer = result.get("answer")
    stood_in = [e for e in result.get("evidence") or [] if e.ok and e.refresh_failure]
    if answer is None or not stood_in:
        return result
    why = ", ".join(sorted({e.refresh_failure for e in stood_in})[:3])
    when = min(e.fetched_at for e in stood_in if e.fetched_at).date().isoformat()
    note = (f"could not refresh {len(stood_in)} page{'s' if len(stood_in) != 1 else ''} ({why}); read the "
            f"copies fetched {when} from the knowledge cache instead")
    return {**result, "answer": answer.model_copy(update={"warnings": [*answer.warnings, note]})}


async def run_through_cache(invoke: Callable[..., Awaitable[dict]], state: dict, ctx,
                            cache: KnowledgeCache | None) -> dict:
    """``invoke(state, context=ctx)`` (the compiled graph's ainvoke) with the cache around it."""
    if cache is None:
        return await invoke(state, context=ctx)
    failed_before = cache.failures
    served = await before_run(state, ctx, cache)
    result = served if served is not None else await after_run(await invoke(state, context=ctx), state, ctx, cache)
    return with_tier_failures(result, cache, cache.failures - failed_before)


def with_tier_failures(result: dict, cache: KnowledgeCache, failed: int) -> dict:
    """The answer, warned of the cache tiers that failed in this run (a damaged cache file, a
    shared cache that is down): the run went on without them, and answered no worse, but
    nothing it verified was kept there."""
    answer = result.get("answer")
    if answer is None or failed <= 0:
        return result
    problems = list(dict.fromkeys(cache.problems[-failed:]))
    note = "the knowledge cache went on without a tier: " + "; ".join(problems[:2])
    return {**result, "answer": answer.model_copy(update={"warnings": [*answer.warnings, note]})}


def _key(state: dict, ctx, cache: KnowledgeCache) -> str:
    kb = ctx.knowledge_base
    return cache.key_for(state["question"], state.get("language"), ctx.settings.policy, state.get("choices"),
                         f"{kb.name}:{kb.tier or ''}:{kb.version}" if kb is not None else "")


async def before_run(state: dict, ctx, cache: KnowledgeCache) -> dict | None:
    """The state with a fresh cached answer, when one serves the question; else None."""
    if not cache.serve_fresh or state.get("require_latest"):
        return None
    now = ctx.clock()
    with ctx.trace.node("knowledge_cache", "lookup before the run") as node:
        hit, problems = await in_thread(cache, cache.lookup, _key(state, ctx, cache), now)
        node["output"] = _describe(hit) + problems
    if hit is not None and hit.fresh:
        ctx.trace.cached_language = hit.entry.language  # no intent is detected: the trace still names one
        return {**state, "answer": served_fresh(hit, state["question"], now)}
    return None


async def after_run(result: dict, state: dict, ctx, cache: KnowledgeCache) -> dict:
    """A run's result with the cache's part: a verified answer is stored; a run that could not
    reach its sources is answered from the cache when it can be."""
    result = with_refresh_warning(result)
    answer = result.get("answer")
    if answer is None:
        return result
    key, now = _key(state, ctx, cache), ctx.clock()
    entry = entry_from_run(key, result, ctx, now)
    if entry is not None:
        with ctx.trace.node("knowledge_cache", "store the verified answer") as node:
            stored, problems = await in_thread(cache, cache.store, entry, now)
            node["output"] = f"stored in {', '.join(stored) or 'no tier'} (window {entry.window_text()})" + problems
    elif could_not_reach_sources(result, ctx):
        with ctx.trace.node("knowledge_cache", "sources unreachable: fall back") as node:
            hit, problems = await in_thread(cache, cache.lookup, key, now)
            node["output"] = _describe(hit) + ("; served offline" if hit else "; nothing cached: abstain") + problems
        if hit is not None:
            return {**result, "answer": served_offline(hit, state["question"], now, _why_unreachable(result, ctx))}
        note = (SEARCH_OFF if "realtime_search" not in ctx.capabilities else "could not reach the sources") + \
            ", and the knowledge cache holds no verified answer to this question"
        return {**result, "answer": answer.model_copy(update={"warnings": [*answer.warnings, note]})}
    return result


def _describe(hit: Lookup | None) -> str:
    if hit is None:
        return "miss"
    return f"{'fresh' if hit.fresh else 'stale'} hit in {hit.tier} tier (stored {hit.entry.stored_at.isoformat(timespec='seconds')})"
