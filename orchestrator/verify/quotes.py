"""The last check before an answer leaves: every quote is a literal substring of its page."""

from __future__ import annotations

from orchestrator.answer import Citation
from orchestrator.state import Evidence


def verified_citations(citations: list[Citation], evidence_by_url: dict[str, Evidence]) -> tuple[list[Citation], list[str]]:
    kept, dropped = [], []
    for citation in citations:
        page = evidence_by_url.get(citation.url)
        if page is not None and page.ok and citation.quote and citation.quote in page.text:
            kept.append(citation)
        else:
            dropped.append(f"citation [{citation.n}] dropped: its quote is not in {citation.url}")
    return kept, dropped
