"""A count's answer also says the subject's place on the ranking when the sources verify it
("截至8月11日闭幕式，中国代表团共获得40枚金牌，位列奖牌榜第二"), with the quote that states the
place among the citations."""

from __future__ import annotations

from orchestrator.answer import Citation
from orchestrator.state import Candidate, Evidence
from orchestrator.verify.numbers import find_numbers
from orchestrator.wording import rank_sentence


def states_rank(text: str, rank: Candidate) -> bool:
    return any(m.ordinal and m.value == float(rank.value) for m in find_numbers(text))


def with_rank(rank: Candidate, citations: list[Citation], sentence: str, evidence: list[Evidence],
              language: str) -> tuple[list[Citation], str]:
    """(citations with one that states the rank, the sentence with the rank said), unchanged
    when no quote from a page the answer may cite states it."""
    if not any(states_rank(c.quote, rank) for c in citations):
        support = next((s for s in sorted(rank.supports, key=lambda s: -s.weight)
                        if not s.stale and not s.superseded and s.quote in evidence[s.source].text
                        and states_rank(s.quote, rank)), None)
        if support is None:
            return citations, sentence
        page = evidence[support.source]
        citations = [*citations, Citation(n=len(citations) + 1, url=page.url, title=page.title, publisher=page.publisher,
                                          tier=page.tier, quote=support.quote,
                                          published_at=page.published_at.date().isoformat() if page.published_at else None)]
    if states_rank(sentence, rank):
        return citations, sentence
    return citations, rank_sentence(language, sentence, rank.value, rank.display)
