"""Ranges: "4.25 to 4.5 percent", "between 4.25% and 4.5%", "4.25%-4.50%". Either end alone is no value the
page states (the federal funds rate is the range, not its top), so neither answers; the
rules answer only with one stated value. "from 4.5 to 4.25 percent" is a change, no range:
its second number is the value now (verify/changes.py reads the first)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from orchestrator.verify.numbers import NumberMention

_BETWEEN = r"\s*(?:%|percent|per\s*cent)?\s*"
_TO = re.compile(rf"{_BETWEEN}(?:to|[–—])\s*", re.I)
_AND = re.compile(rf"{_BETWEEN}and\s*", re.I)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$", re.I)


def _joined(text: str, first: NumberMention, second: NumberMention) -> bool:
    """Do ``first`` and the ``second`` right after it make a range?"""
    before = text[max(0, first.start - 16):first.start]
    if _TO.fullmatch(text, first.end, second.start):
        return _FROM_BEFORE.search(before) is None  # "from 4.5 to 4.25": a change
    if text[first.end:second.start] == "-":  # "4.25%-4.50%" (a score, "2-1", has no percent nor point)
        return first.unit == "%" or "." in first.text
    return _AND.fullmatch(text, first.end, second.start) is not None and _BETWEEN_BEFORE.search(before) is not None


def in_a_range(text: str, mention: NumberMention, mentions: Sequence[NumberMention]) -> bool:
    """Is ``mention`` (one of ``mentions`` in ``text``) an end of a range?"""
    before = max((m for m in mentions if m.end <= mention.start), key=lambda m: m.end, default=None)
    after = min((m for m in mentions if m.start >= mention.end), key=lambda m: m.start, default=None)
    return (before is not None and _joined(text, before, mention)) or (after is not None and _joined(text, mention, after))
