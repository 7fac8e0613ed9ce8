"""A number a page states for one named thing, read by the shapes that compare such
numbers (verify/shapes.py, superlatives.py, lists.py) and off tables (verify/tables.py)."""

from __future__ import annotations

from dataclasses import dataclass

from orchestrator.verify.passages import Passage

MAX_SPAN = 700  # characters a quote may span to hold both options' claims from one page


@dataclass(frozen=True)
class Claim:
    """A number a passage states for one named thing (an option or a country)."""

    owner: str  # the option as the question writes it, or a country's ISO code
    value: float
    passage: Passage
