"""Numbered parts of one event: a vote's ballots, a match's halves, a year's quarters.
Asked how many votes Merz got "in the first ballot", "Merz won 325 votes in the second
ballot" tells of another part; a sentence naming the asked part, or none, may answer."""

from __future__ import annotations

import re

from orchestrator.verify.numbers import NumberMention

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "fifth": 5, "5th": 5, "final": 0, "last": 0}
_PART = re.compile(rf"\b({'|'.join(_ORDINALS)})[\s-]+(ballot|round|quarter|half|leg|set|period|innings|stage|reading|"
                   r"term|day)s?\b", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


def asked_parts(question: str) -> dict[str, int]:
    """The parts a question names, each with its place ("first ballot" -> {"ballot": 1})."""
    return {m.group(2).lower(): _ORDINALS[m.group(1).lower()] for m in _PART.finditer(question)}


def of_another_part(text: str, mention: NumberMention, asked: dict[str, int]) -> bool:
    """Does the sentence of ``mention`` name another part of a kind the question asks of,
    and not the asked one ("in the second ballot" asked of the first)?"""
    if not asked:
        return False
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, mention.start)), default=0)
    stop = _SENTENCE_END.search(text, mention.end)
    named = [(m.group(2).lower(), _ORDINALS[m.group(1).lower()])
             for m in _PART.finditer(text, start, stop.start() if stop else len(text))]
    return any(kind in asked and place != asked[kind] for kind, place in named) and \
        not any(kind in asked and place == asked[kind] for kind, place in named)
