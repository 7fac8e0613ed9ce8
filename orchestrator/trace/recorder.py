"""Collects one run's trail in memory; the store writes it in one transaction at the end,
so a crash mid-run cannot leave half a trace and concurrent runs never interleave."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class TraceRecorder:
    question: str
    asked_at: str
    config: dict[str, Any]
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    started: float = field(default_factory=time.perf_counter)
    nodes: list[dict[str, Any]] = field(default_factory=list)
    fetches: list[dict[str, Any]] = field(default_factory=list)
    model_calls: list[dict[str, Any]] = field(default_factory=list)
    candidates: list[dict[str, Any]] = field(default_factory=list)
    rounds: list[dict[str, Any]] = field(default_factory=list)  # the search loop's rounds (state.Round)
    intent: dict[str, Any] | None = None  # what detect_intent decided: language, answer type, topic
    check: dict[str, Any] | None = None  # the cross-check's verdict and per-source standing
    cached_language: str | None = None  # an answer served from the knowledge cache: its run's language (no intent here)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @contextmanager
    def node(self, name: str, input_summary: str) -> Iterator[dict[str, Any]]:
        """Time a node; the body fills ``entry['output']`` with a summary of what it wrote."""
        # milliseconds to a microsecond: a trace is read by people, its digits past that are noise
        entry = {"name": name, "start_ms": round((time.perf_counter() - self.started) * 1000, 3), "input": input_summary,
                 "output": ""}
        begun = time.perf_counter()
        try:
            yield entry
        finally:
            entry["ms"] = round((time.perf_counter() - begun) * 1000, 3)
            with self._lock:
                self.nodes.append(entry)

    def fetch(self, **fields: Any) -> None:
        with self._lock:
            self.fetches.append(fields)

    def model_call(self, **fields: Any) -> None:
        with self._lock:
            self.model_calls.append(fields)

    def round(self, **fields: Any) -> None:
        with self._lock:
            self.rounds.append(fields)

    def detected(self, intent: Any) -> None:
        self.intent = intent.model_dump(include={"needs_fresh", "answer_type", "topic", "volatility", "language", "reason",
                                                 "reading"})

    def cross_check(self, state: Mapping[str, Any], findings: Any) -> None:
        """Keep what the cross-check decided and why, from the state and findings it
        already has, so the node needs one call and the inspector can show every source's
        standing: counted, a syndicated copy, or stale."""
        from orchestrator.verify.agreement import independence_groups

        evidence = state.get("evidence") or []
        # Same grouping the tally used: a copy's support is counted once, under its head.
        groups = independence_groups(evidence)
        sources = [{
            "n": i + 1, "url": e.url, "ok": e.ok, "failure": e.failure, "publisher": e.publisher, "title": e.title,
            "tier": e.tier, "weight": e.weight, "published": _iso(e.published_at), "updated": _iso(e.updated_at),
            "copy_of": groups[i] + 1 if i in groups and groups[i] != i else None, "stale": findings.stale_sources.get(i),
        } for i, e in enumerate(evidence)]
        plan = state.get("plan")
        candidates = [{
            "value": c.value, "display": c.display, "kind": c.kind, "score": c.score, "choice_index": c.choice_index,
            "supports": [s.model_dump() for s in c.supports],
        } for c in findings.candidates]
        with self._lock:
            self.candidates = candidates
            self.check = {
                "verdict": findings.verdict, "value": findings.value, "choice_index": findings.choice_index,
                "as_of": findings.as_of, "reason": findings.reason, "rejected": list(findings.rejected),
                "sources": sources, "freshness_days": plan.freshness_days if plan else None,
            }

    @property
    def language(self) -> str | None:
        """The language the run worked in: as detected (or by the cached answer's run), else as configured."""
        return (self.intent or {}).get("language") or self.cached_language or self.config.get("language")

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None
