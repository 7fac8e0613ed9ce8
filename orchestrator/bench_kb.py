"""The knowledge-base scenario of ``orchestrator bench --archive DIR --kb DOCS``: an archive
set's documents indexed from nothing (into a scratch data directory, so no cached index is
reused), its questions searched as a run searches them, and a seeded sample of its cases
answered with the knowledge base as the only source, search rounds included, exactly as
``orchestrator eval DIR --kb DOCS`` answers them."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from orchestrator.bench import percentile
from orchestrator.evaluate_archive import archive_runner, pick, read_cases
from orchestrator.kb.catalog import indexed
from orchestrator.kb.index import timed_search

CASES = 30  # answered cases: enough for a p50, short enough for a bench


def kb_figures(directory: Path, documents: Path, options: dict[str, Any], *, cases: int = CASES, seed: int = 0,
               on_case: Callable[[str, float], None] | None = None) -> dict[str, Any]:
    """Index build seconds, search milliseconds over every case's question (each at its own
    cut-off), and answer seconds over ``cases`` sampled cases (``options``: a run's model
    and policy options)."""
    every = read_cases(directory)  # a wrong folder is refused before any index is built
    with tempfile.TemporaryDirectory(prefix="orchestrator-bench-kb-") as scratch:
        started = time.perf_counter()
        kb = indexed([documents], Path(scratch))
        index_s = time.perf_counter() - started
        searches = [timed_search(kb, case.question, before=case.asked_at.date())[1] for case in every]
        run_case = archive_runner(kb, **options)
        answered = []
        for case in pick(every, sample=cases, seed=seed):
            started = time.perf_counter()
            run_case(case)
            answered.append(time.perf_counter() - started)
            if on_case:
                on_case(case.id, answered[-1])
        documents_indexed = kb.info()["documents"]

    def rounded(values: list[float], q: float, digits: int) -> float | None:
        value = percentile(values, q)
        return round(value, digits) if value is not None else None

    return {
        "kb_documents": documents_indexed, "kb_index_s": round(index_s, 1),
        "kb_search_p50_ms": rounded(searches, 50, 1), "kb_search_p95_ms": rounded(searches, 95, 1),
        "kb_e2e_p50_s": rounded(answered, 50, 2), "kb_e2e_p95_s": rounded(answered, 95, 2), "kb_cases": len(answered),
    }
