"""A threshold is not a tally: "more than the 270 needed to win" counts what it takes, not
what anyone got. A question asks one ("How many electoral votes were needed to win?") or a
tally ("How many did Trump win?"), and only numbers of the same kind answer it."""

from __future__ import annotations

import re

from orchestrator.verify.numbers import NumberMention

_ASKS = re.compile(r"\b(?:needs?|needed|requires?|required|necessary|minimum)\b", re.I)
# "270 needed", "the 270 electoral votes needed", "218 seats required for a majority"
_AFTER = re.compile(r"\s+(?:[a-z\-]+\s+){0,3}?(?:needed|required|necessary)\b", re.I)
# "needs 270", "needed at least 218", "requires a minimum of 60"
_BEFORE = re.compile(r"\b(?:needs?|needed|needing|requires?|required|requiring)\s+(?:at\s+least\s+|a\s+minimum\s+of\s+|"
                     r"only\s+|just\s+)?$", re.I)


def asks_threshold(question: str) -> bool:
    return _ASKS.search(question) is not None


def is_threshold(text: str, mention: NumberMention) -> bool:
    """Is ``mention`` written as what it takes ("the 270 needed to win", "needs 60 votes")?"""
    return _AFTER.match(text, mention.end) is not None or _BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None
