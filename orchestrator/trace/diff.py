"""What differs between two runs: for "I changed the code, what changed in the answer?".
Plain data; content differences come first, timings last (they always differ)."""

from __future__ import annotations

from typing import Any

from orchestrator.trace.report import header, sources

_ANSWER_FIELDS = ("status", "answer", "choice_index", "as_of", "text")
_CONFIG_FIELDS = ("question", "model", "use_model", "policy", "policy_sha256", "pack", "knowledge_base", "language",
                  "version")
_SOURCE_FIELDS = ("status", "tier", "failure", "published", "updated", "stale", "copy_of", "supports", "cited_as",
                  "cached", "refresh_failure")


def _changes(a: dict[str, Any], b: dict[str, Any], fields: tuple[str, ...], **extra: Any) -> list[dict[str, Any]]:
    return [{"field": f, "a": a.get(f), "b": b.get(f), **extra} for f in fields if a.get(f) != b.get(f)]


def diff_traces(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    ha, hb = header(a), header(b)
    config = _changes(ha, hb, _CONFIG_FIELDS)
    versions = sorted(set(ha["versions"]) | set(hb["versions"]))
    config += [{"field": f"versions.{name}", "a": ha["versions"].get(name), "b": hb["versions"].get(name)}
               for name in versions if ha["versions"].get(name) != hb["versions"].get(name)]

    ans_a, ans_b = a.get("answer") or {}, b.get("answer") or {}
    answer = _changes(ans_a, ans_b, _ANSWER_FIELDS)
    check_a, check_b = a.get("check") or {}, b.get("check") or {}
    answer += [{"field": f"cross_check.{k}", **c} for k in ("verdict", "reason")
               for c in _changes(check_a, check_b, (k,))]
    cites_a = {c["url"] for c in ans_a.get("citations") or []}
    cites_b = {c["url"] for c in ans_b.get("citations") or []}
    warn_a, warn_b = set(ans_a.get("warnings") or []), set(ans_b.get("warnings") or [])

    src_a = {s["url"]: s for s in sources(a)}
    src_b = {s["url"]: s for s in sources(b)}
    changed_sources = [c for url in src_a.keys() & src_b.keys() for c in _changes(src_a[url], src_b[url], _SOURCE_FIELDS, url=url)]

    score_a = {c["value"]: c.get("score") for c in a.get("candidates") or []}
    score_b = {c["value"]: c.get("score") for c in b.get("candidates") or []}
    candidates = [{"value": v, "a": score_a.get(v), "b": score_b.get(v)}
                  for v in list(dict.fromkeys([*score_a, *score_b])) if score_a.get(v) != score_b.get(v)]

    ms_a = {n["name"]: n.get("ms", 0.0) for n in a.get("nodes") or []}
    ms_b = {n["name"]: n.get("ms", 0.0) for n in b.get("nodes") or []}
    timings = [{"node": name, "a_ms": ms_a.get(name), "b_ms": ms_b.get(name),
                "delta_ms": (ms_b[name] - ms_a[name]) if name in ms_a and name in ms_b else None}
               for name in dict.fromkeys([*ms_a, *ms_b])]
    timings.append({"node": "total", "a_ms": ha["total_ms"], "b_ms": hb["total_ms"], "delta_ms": hb["total_ms"] - ha["total_ms"]})

    result: dict[str, Any] = {
        "a": {"id": ha["id"], "created_at": ha["created_at"]}, "b": {"id": hb["id"], "created_at": hb["created_at"]},
        "config": config, "answer": answer,
        "citations": {"removed": sorted(cites_a - cites_b), "added": sorted(cites_b - cites_a)},
        "warnings": {"removed": sorted(warn_a - warn_b), "added": sorted(warn_b - warn_a)},
        "sources": {"removed": [u for u in src_a if u not in src_b], "added": [u for u in src_b if u not in src_a],
                    "changed": changed_sources},
        "candidates": candidates, "timings": timings,
    }
    result["same_answer"] = not (answer or cites_a != cites_b)
    return result
