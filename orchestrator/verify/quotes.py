"""The last checks before an answer leaves: every quote is a literal substring of its page,
and states the claim it is cited for."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.answer import Citation
from orchestrator.state import Evidence
from orchestrator.verify.entities import countries_in, country_of
from orchestrator.verify.numbers import find_numbers
from orchestrator.verify.passages import coverage
from orchestrator.verify.said_places import said_places


def verified_citations(citations: list[Citation], evidence_by_url: dict[str, Evidence]) -> tuple[list[Citation], list[str]]:
    kept, dropped = [], []
    for citation in citations:
        page = evidence_by_url.get(citation.url)
        if page is not None and page.ok and citation.quote and citation.quote in page.text:
            kept.append(citation)
        else:
            dropped.append(f"a quote from {citation.url} left out: it is not in the page")
    return kept, dropped


def states_claim(quote: str, value: str, display: str, terms: list[list[str]], *, countries: bool = False,
                 aliases: Sequence[Sequence[str]] = (), language: str = "en") -> bool:
    """A quote supports its claim only if it states the value (as the answer writes it, as the
    page wrote it, or as the same number: "40", "四十", "second" for rank 2; an answer of
    ``countries``, each in any form the reader takes for it: "the Spanish government") and
    something of what the question asks about (one of its terms: the subject or the measure)."""
    low = quote.lower()
    main, _, note = display.partition(" (") if " (" in display else display.partition("（")
    note = note.rstrip(")）").lower()  # "0 (never)": a quote saying "never" states it
    named = {code for _, code in countries_in(quote, aliases)} if countries else set()
    stated = (value.lower() in low or display.lower() in low or _same_number(quote, value, language)
              or bool(note and note in low) or _states_each(low, main, named, aliases)
              or _states_each(low, value, named, aliases))
    return stated and (not terms or coverage(terms, quote) > 0)


def _states_each(low: str, joined: str, named: set[str], aliases: Sequence[Sequence[str]]) -> bool:
    """Does the quote state each of a joined answer's parts ("China, United States (tied)",
    "Geoffrey Hinton and John Hopfield"), or a country the quote ``named`` in any form
    ("Chine, États-Unis" in a French answer are China and the US on an English page)?"""
    parts = [p.lower() for p in re.split(r",\s*|、|\s+and\s+", joined) if p.strip()]
    return bool(parts) and all(p in low or (named and country_of(p, aliases) in named) for p in parts)


def _same_number(quote: str, value: str, language: str) -> bool:
    try:
        wanted = float(value)
    except ValueError:
        return False
    return any(m.value == wanted for m in find_numbers(quote)) or any(p.value == wanted for p in said_places(quote, language))
