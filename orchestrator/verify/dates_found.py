"""Dates stated in passages, normalised to ISO (YYYY-MM-DD)."""

from __future__ import annotations

import re
from datetime import date

from orchestrator.verify.candidates import Found
from orchestrator.verify.passages import Passage

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_PATTERNS = [
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("m", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I), ("d", "m", "y")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("y", "mn", "d")),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), ("y", "mn", "d")),
]


def _to_date(parts: dict[str, str]) -> date | None:
    try:
        month = int(parts["mn"]) if "mn" in parts else _MONTHS[parts["m"].lower().rstrip(".")[:3] if parts["m"].lower() != "sept" else "sep"]
        return date(int(parts["y"]), month, int(parts["d"]))
    except (KeyError, ValueError):
        return None


def date_candidates(passages: list[Passage]) -> list[Found]:
    found: list[Found] = []
    for passage in passages:
        for pattern, order in _PATTERNS:
            for match in pattern.finditer(passage.text):
                parsed = _to_date(dict(zip(order, match.groups())))
                if parsed and 1990 <= parsed.year <= 2100:
                    found.append(Found(parsed.isoformat(), match.group(0), passage, passage.score))
    return found
