"""A lone trusted report answers alone only where the rules read its language as written.
They bind a value to the question by English (and Chinese) word order; a page in another
language is read through the same rules by words alone, and one such report named Morocco
as the host of the 2034 World Cup from "... while Morocco, Spain and Portugal host the 2030
edition". There a second source must agree, as for a page of no trusted tier."""

from __future__ import annotations

from orchestrator.language import detect_language
from orchestrator.lexicon import lexicon
from orchestrator.policy import Policy
from orchestrator.state import Candidate, Evidence
from orchestrator.verify.agreement import corroborated, is_current

_SAMPLE = 2000  # characters of a page enough to tell its language


def unread_lone_report(winner: Candidate, evidence: list[Evidence], policy: Policy) -> str | None:
    """Why ``winner`` may not stand on its one report: every current page is in a language
    the rules read through a gloss; None where it is corroborated or a page is English or Chinese."""
    if corroborated(winner, evidence, policy):
        return None
    # the page's language, not the quote's: a headline naming "Katrin Müller" or "São Paulo"
    # reads as German or Portuguese on its own
    pages = [evidence[s.source] for s in winner.supports if is_current(s)]
    languages = {detect_language(f"{page.title or ''}\n{page.text[:_SAMPLE]}") for page in pages}
    if not pages or any(lexicon(code).match == "none" for code in languages):
        return None
    named = ", ".join(sorted(lexicon(code).english for code in languages))
    return (f"only 1 independent current source states {winner.display!r}, in {named}, which the rules read by its "
            "words rather than its sentences; a second source must agree")
