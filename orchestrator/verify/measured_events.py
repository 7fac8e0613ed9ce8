"""Races and weight classes named by their measure: "the women's 200m", "the 10,000 metres",
"the men's 57kg". A question about one is not answered by a passage about another of the
same kind: "Julien Alfred won the women's 100m final" says nothing of who won the 200m. A
passage that also names the asked one ("the 100m and 200m double") still speaks of it."""

from __future__ import annotations

import re

_MEASURED = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})*|\d+)\s?(m|km|kg|metres|meters|kilometres|kilometers)\b", re.I)
_UNITS = {"metres": "m", "meters": "m", "kilometres": "km", "kilometers": "km"}


def _events(text: str) -> set[tuple[str, str]]:
    return {(number.replace(",", ""), _UNITS.get(unit.lower(), unit.lower())) for number, unit in _MEASURED.findall(text)}


def of_another_measured_event(question: str, text: str) -> bool:
    """Does ``text`` name races or classes of the question's unit, none of them the asked one?"""
    asked = _events(question)
    units = {unit for _, unit in asked}
    written = {event for event in _events(text) if event[1] in units}
    return bool(written) and not written & asked
