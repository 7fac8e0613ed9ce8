"""The inspector's views of one stored trace, as plain data: what the CLI, its ``--json``
and the HTML export all render. No formatting here, only selection and joining."""

from __future__ import annotations

from typing import Any

from orchestrator.trace.migrations import SCHEMA_VERSION


def header(trace: dict[str, Any]) -> dict[str, Any]:
    config = trace.get("config") or {}
    answer = trace.get("answer") or {}
    return {
        "id": trace["id"], "status": trace.get("status"), "question": trace.get("question"),
        "asked_at": trace.get("asked_at"), "created_at": trace.get("created_at"), "total_ms": trace.get("total_ms") or 0.0,
        "language": trace.get("language") or config.get("language"), "answer": answer.get("answer"),
        "as_of": answer.get("as_of"), "model": config.get("model"), "use_model": config.get("use_model"),
        "policy": config.get("policy"), "policy_sha256": config.get("policy_sha256"),
        "pack": config.get("pack") or config.get("replay") or "live", "knowledge_base": config.get("knowledge_base"),
        "searxng": config.get("searxng"),
        "choices": config.get("choices"), "version": config.get("version"), "versions": config.get("versions") or {},
        "intent": trace.get("intent"), "schema": SCHEMA_VERSION,
    }


def timeline(trace: dict[str, Any]) -> list[dict[str, Any]]:
    """Each node with its place on the run's time axis: ``offset`` and ``width`` are
    fractions of the whole run, for proportional bars."""
    nodes = trace.get("nodes") or []
    span = max([trace.get("total_ms") or 0.0] + [n.get("start_ms", 0.0) + n.get("ms", 0.0) for n in nodes]) or 1.0
    return [{
        "name": n["name"], "start_ms": n.get("start_ms", 0.0), "ms": n.get("ms", 0.0),
        "offset": n.get("start_ms", 0.0) / span, "width": n.get("ms", 0.0) / span,
        "input": n.get("input", ""), "output": n.get("output", ""),
    } for n in sorted(nodes, key=lambda n: n.get("start_ms", 0.0))]


def searches(trace: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"url": f["url"], "query": f["url"].split("?q=", 1)[-1], "results": f.get("results"), "ms": f.get("ms"),
             "failure": f.get("failure")} for f in trace.get("fetches") or [] if f.get("kind") == "search"]


def sources(trace: dict[str, Any]) -> list[dict[str, Any]]:
    """Every page read, numbered as the cross-check numbers them (#1 is the first page),
    with how it was fetched (live, or from which cache tier and when), what the cross-check
    made of it and where the answer cites it."""
    # Pages read first, in fetch order (as the evidence numbers them across search rounds),
    # then the ones refused before any request.
    fetched = [f for f in trace.get("fetches") or [] if f.get("kind") == "page"]
    pages = [f for f in fetched if not f.get("not_fetched")] + [f for f in fetched if f.get("not_fetched")]
    standing = {s["n"]: s for s in ((trace.get("check") or {}).get("sources") or [])}
    cited: dict[str, list[int]] = {}
    for c in (trace.get("answer") or {}).get("citations") or []:
        cited.setdefault(c["url"], []).append(c["n"])
    values: dict[int, list[str]] = {}
    for cand in trace.get("candidates") or []:
        for s in cand.get("supports", []):
            values.setdefault(s["source"] + 1, []).append(cand["value"])
    rows = []
    for n, page in enumerate(pages, start=1):
        known = standing.get(n) or {}
        if known.get("url") != page["url"]:
            known = {}
        rows.append({
            "n": n, "url": page["url"], "status": page.get("status"), "bytes": page.get("bytes"), "ms": page.get("ms"),
            "tier": page.get("tier"), "weight": known.get("weight"), "publisher": known.get("publisher"),
            "title": known.get("title"), "published": page.get("published"), "updated": page.get("updated"),
            "failure": page.get("failure"), "copy_of": known.get("copy_of"), "stale": known.get("stale"),
            # read from the knowledge cache: its tier, the original fetch, and why a live fetch did not stand
            # (none of them in a trace from before the page cache, nor for a page read live)
            "cached": page.get("cached"), "fetched_at": page.get("fetched_at"), "refresh_failure": page.get("refresh_failure"),
            "supports": values.get(n, []), "cited_as": cited.get(page["url"], []),
        })
    return rows


def _why(support: dict[str, Any], copies: dict[int, list[int]]) -> str:
    """The tally's reasons (tier, recency, staleness) plus independence, which it applied
    silently by keeping one page per group of syndicated copies."""
    why = support.get("why", "")
    twins = copies.get(support["source"] + 1)
    if twins:
        why += ", counted once with " + ", ".join(f"#{t}" for t in twins) + " (same text)"
    return why


def cross_check(trace: dict[str, Any]) -> dict[str, Any]:
    """The verdict, and for every candidate value who supports it and who says otherwise
    (sources that back another value and not this one), each with weight and why."""
    check = trace.get("check") or {}
    names = {s["n"]: s for s in sources(trace)}
    copies: dict[int, list[int]] = {}
    for s in names.values():
        if s.get("copy_of"):
            copies.setdefault(s["copy_of"], []).append(s["n"])
    candidates = trace.get("candidates") or []

    def entry(s: dict[str, Any], **extra: Any) -> dict[str, Any]:
        n = s["source"] + 1
        page = names.get(n, {})
        return {"n": n, "publisher": page.get("publisher"), "url": page.get("url"), "tier": page.get("tier"),
                "weight": s.get("weight"), "why": _why(s, copies), "quote": s.get("quote"), **extra}

    rows = []
    for cand in candidates:
        backers = {s["source"] for s in cand.get("supports", [])}
        opposing: dict[int, dict[str, Any]] = {}  # per source: every other value it gives
        for other in candidates:
            for s in other.get("supports", []) if other is not cand else []:
                if s["source"] not in backers:
                    said = entry(s, value=other["value"])
                    who = opposing.setdefault(said["n"], {k: said[k] for k in ("n", "publisher", "url", "tier")} | {"says": []})
                    who["says"].append({k: said[k] for k in ("value", "weight", "why", "quote")})
        rows.append({"value": cand["value"], "display": cand.get("display"), "score": cand.get("score"),
                     "chosen": check.get("value") is not None and cand["value"] == check.get("value"),
                     "supporting": [entry(s) for s in cand.get("supports", [])],
                     "opposing": sorted(opposing.values(), key=lambda o: -max(x["weight"] or 0 for x in o["says"]))})
    return {"verdict": check.get("verdict"), "value": check.get("value"), "as_of": check.get("as_of"),
            "reason": check.get("reason"), "freshness_days": check.get("freshness_days"),
            "intent": trace.get("intent"), "rejected": check.get("rejected") or [], "candidates": rows,
            "not_run": None if check.get("verdict") else _why_not_checked(trace)}


def _why_not_checked(trace: dict[str, Any]) -> str:
    """Why a run has no cross-check: it failed first, or its question needed no fresh data."""
    if trace.get("status") == "error":
        return "the run failed before it: " + ((trace.get("answer") or {}).get("text") or "no message")
    if (trace.get("intent") or {}).get("needs_fresh") is False:
        return "the question needed no fresh data"
    return "the run ended before it"


def rounds(trace: dict[str, Any]) -> list[dict[str, Any]]:
    """The search loop's rounds: each one's queries, the pages it read that no earlier round
    had, the cross-check's verdict after it, and why the run went on or stopped."""
    keys = ("n", "queries", "pages", "readable", "verdict", "next", "why", "next_queries")
    return [{k: r.get(k) for k in keys} for r in trace.get("rounds") or []]


def model_calls(trace: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"role": c.get("role"), "model": c.get("model"), "prompt_tokens": c.get("prompt_tokens"),
             "completion_tokens": c.get("completion_tokens"), "ms": c.get("ms"), "error": c.get("error"),
             "prompt": c.get("prompt") or [], "output": c.get("output")} for c in trace.get("model_calls") or []]


def build_report(trace: dict[str, Any]) -> dict[str, Any]:
    """Everything ``trace show`` and the HTML export display, in display order."""
    answer = trace.get("answer") or {}
    return {
        "header": header(trace), "timeline": timeline(trace), "searches": searches(trace), "rounds": rounds(trace),
        "sources": sources(trace),
        "cross_check": cross_check(trace), "model_calls": model_calls(trace),
        "answer": {k: answer.get(k) for k in ("status", "answer", "choice_index", "text", "as_of", "citations", "conflicts")},
        "warnings": answer.get("warnings") or [],
    }
