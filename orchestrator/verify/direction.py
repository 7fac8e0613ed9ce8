"""Which end of a journey a question asks for: "crashed shortly after takeoff en route to
which city?" asks the destination, and the city it crashed in or left from is no answer
to it. A place answers such a question only where the passage writes it as that end of
the journey ("a flight from Ahmedabad to London", "the London-bound plane")."""

from __future__ import annotations

import re

_TO = r"(?:bound\s+for|en\s+route\s+to|on\s+(?:its|their|the)\s+way\s+to|head(?:ed|ing)\s+(?:to|for)|destined\s+for)"
_FROM = r"(?:depart(?:ed|ing)?|took\s+off|take\s+off|taking\s+off|flew|flown|fled|set\s+off)\s+from"
# "en route to which city?", "which city was it bound for?", "where did it take off from?"
_ASKS = {"to": re.compile(rf"\b{_TO}\s+(?:which|what)\b|\b(?:which|what)\b[^?]*\b{_TO}\s*\?", re.I),
         "from": re.compile(rf"\b{_FROM}\s+(?:which|what)\b|\b(?:where|which|what)\b[^?]*\b{_FROM}\s*\?", re.I)}
# What a passage writes before a place at that end ("to", "bound for"; "from", "out of")
# and, for a destination, the adjective after it ("London-bound").
_BEFORE = {"to": re.compile(r"(?:\bto|\bfor|\btowards?|\binto)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$", re.I),
           "from": re.compile(r"(?:\bfrom|\bout\s+of|\bleft|\bleaving|\bdeparted)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?$",
                              re.I)}
_AFTER = {"to": re.compile(r"-bound\b", re.I)}


def asked_end(question: str) -> str | None:
    """"to" when the question asks where something was going, "from" when it asks where it
    left from, else None."""
    return next((end for end, pattern in _ASKS.items() if pattern.search(question)), None)


def at_end(end: str | None, text: str, start: int, stop: int) -> bool:
    """Does ``text`` write the place at ``text[start:stop]`` as the asked ``end`` of the
    journey? Always true when the question asks for no end, or the place's position is unknown."""
    if end is None or start < 0:
        return True
    if _BEFORE[end].search(text[max(0, start - 40):start]):
        return True
    after = _AFTER.get(end)
    return after is not None and after.match(text, stop) is not None
