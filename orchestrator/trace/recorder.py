"""Collects one run's trail in memory; the store writes it in one transaction at the end,
so a crash mid-run cannot leave half a trace and concurrent runs never interleave."""

from __future__ import annotations

import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator


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
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @contextmanager
    def node(self, name: str, input_summary: str) -> Iterator[dict[str, Any]]:
        """Time a node; the body fills ``entry['output']`` with a summary of what it wrote."""
        entry = {"name": name, "start_ms": (time.perf_counter() - self.started) * 1000, "input": input_summary, "output": ""}
        begun = time.perf_counter()
        try:
            yield entry
        finally:
            entry["ms"] = (time.perf_counter() - begun) * 1000
            with self._lock:
                self.nodes.append(entry)

    def fetch(self, **fields: Any) -> None:
        with self._lock:
            self.fetches.append(fields)

    def model_call(self, **fields: Any) -> None:
        with self._lock:
            self.model_calls.append(fields)

    def elapsed_ms(self) -> float:
        return (time.perf_counter() - self.started) * 1000
